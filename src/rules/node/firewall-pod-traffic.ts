import { defineRule } from '../define-rule.js';
import { reportWithLogs } from './_log-evidence.js';
import { decidedBy, FORWARD_HOOKS, ruleText, walkHooks } from './_iptables-walk.js';
import { podFlows } from './_pod-packets.js';

export default defineRule({
  id: 'node/firewall-pod-traffic',
  layer: 'node',
  description:
    'No host firewall rule (firewalld, ufw, hand-written iptables) may drop or reject forwarded pod traffic: pod to pod across nodes, and pod to outside.',
  causes: ['node.firewall'],
  scope: 'node',
  needs: ['node.iptables'],
  severity: 'error',
  messages: {
    blocked: 'node {node}: iptables rule "{rule}" {verdict}s pod traffic ({flows})',
  },
  docs: 'Sends imagined pod packets through the iptables-save dump (raw, mangle and filter FORWARD paths) and reports an explicit DROP/REJECT that catches them. firewalld\'s `-j REJECT --reject-with icmp-host-prohibited` in FORWARD is the classic; RKE2 recommends disabling firewalld (facts §10.1). Native nftables rulesets (firewalld nftables backend) are not visible in iptables-save and are not judged.',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'node.firewall');
    const ipt = node.iptables;
    if (!ipt) return;
    const byRule = new Map<string, { verdict: string; flows: string[]; text: string; path: string }>();
    for (const f of podFlows(evidence, node)) {
      const r = walkHooks(ipt, FORWARD_HOOKS, f.packet);
      if (!r || !r.rule || (r.verdict !== 'DROP' && r.verdict !== 'REJECT')) continue;
      const key = ruleText(r.rule);
      const entry = byRule.get(key) ?? { verdict: r.verdict, flows: [], text: decidedBy(r), path: r.path.join(' → ') };
      entry.flows.push(f.label);
      byRule.set(key, entry);
    }
    for (const [key, e] of byRule) {
      report({
        messageId: 'blocked',
        data: { node: node.name, rule: key, verdict: e.verdict === 'DROP' ? 'drop' : 'reject', flows: e.flows.join('; ') },
        evidence: [
          { where: `node ${node.name}: ${ipt.file ?? 'iptables-save'}`, what: e.text },
          ...e.flows.map((fl) => ({ where: `node ${node.name}: iptables walk`, what: `${fl}: ${e.verdict} (via ${e.path})` })),
        ],
        fix: [
          `Remove the rule on ${node.name}: iptables ${key.replace(' -A ', ' -D ')}`,
          'If firewalld manages it: systemctl disable --now firewalld (or add the pod network to a trusted zone: firewall-cmd --permanent --zone=trusted --add-source=<cluster network> && firewall-cmd --reload)',
          'With ufw: ufw default allow routed, or ufw route allow from <cluster network>',
        ],
      });
    }
  },
});
