import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { decidedBy, FORWARD_HOOKS, INPUT_HOOKS, ruleText, walkHooks } from './_iptables-walk.js';
import { apiServerFlows, podFlows } from './_pod-packets.js';

export default defineRule({
  id: 'node/firewall-pod-traffic',
  layer: 'node',
  description:
    'No host firewall rule (firewalld, ufw, hand-written iptables) may drop or reject pod traffic: forwarded pod to pod across nodes and pod to outside, and, on control-plane nodes, pods reaching the API server (6443).',
  causes: ['node.firewall'],
  scope: 'node',
  needs: ['node.iptables'],
  severity: 'error',
  messages: {
    blocked: 'node {node}: iptables rule "{rule}" {verdict}s pod traffic ({flows})',
  },
  docs: 'Sends imagined pod packets through the iptables-save dump (raw, mangle and filter FORWARD paths; INPUT for pods reaching the API server on a control-plane node, which the kubernetes Service DNATs to the node: "allow traffic from the pod CIDR to the master node", facts §10.1) and reports an explicit DROP/REJECT that catches them. firewalld\'s `-j REJECT --reject-with icmp-host-prohibited` in FORWARD is the classic; RKE2 recommends disabling firewalld (facts §10.1). Native nftables rulesets (firewalld nftables backend) are not visible in iptables-save and are not judged.',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'node.firewall');
    const ipt = node.iptables;
    if (!ipt) return;
    const byRule = new Map<string, { verdict: string; flows: string[]; text: string; path: string }>();
    const flows = [...podFlows(evidence, node).map((f) => ({ ...f, hooks: FORWARD_HOOKS })), ...apiServerFlows(evidence, node).map((f) => ({ ...f, hooks: INPUT_HOOKS }))];
    for (const f of flows) {
      const r = walkHooks(ipt, f.hooks, f.packet);
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
