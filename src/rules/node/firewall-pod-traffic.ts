import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { decidedBy, FORWARD_HOOKS, INPUT_HOOKS, ruleText, walkHooks } from './_iptables-walk.js';
import { apiServerFlows, clusterNetwork, podFlows } from './_pod-packets.js';
import { deleteRuleStep } from './_iptables-fix.js';
import type { IptablesRule } from '../../evidence/node.js';
import type { FixStepRef, FixStepSource } from '../../catalog/fix-types.js';

const CIDR4 = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

/**
 * A rule written against the pod network (it names the cluster network) goes. A catch-all (firewalld's
 * final REJECT) stays, and pod traffic is accepted ahead of it in the built-in chain it hangs off —
 * what flannel's own FLANNEL-FWD rules do for FORWARD.
 */
function podRuleFix(node: string, e: { verdict: string; rule: IptablesRule; table: string; top: string }, C: string, key: string): FixStepSource[] {
  const verb = e.verdict === 'DROP' ? 'drops' : 'rejects';
  if (CIDR4.test(C) && e.rule.rule.includes(C)) {
    return [deleteRuleStep(e.rule, `Remove the rule on ${node} that ${verb} pod traffic`) ?? `Remove the rule on ${node}: iptables ${key.replace(' -A ', ' -D ')}`];
  }
  if (!CIDR4.test(C) || !/^[A-Z]+$/.test(e.top) || !/^[a-z]+$/.test(e.table)) return [`On ${node}: accept the pod network ahead of the rule that ${verb} it (iptables -I ${e.top} -s <cluster network> -j ACCEPT)`];
  const ahead = `ahead of the catch-all rule that ${verb} it (${e.rule.chain} ${e.rule.rule.slice(0, 80)})`;
  const accept = (d: '-s' | '-d', dir: string): FixStepRef => ({ step: 'iptables.accept', data: { table: e.table, chain: e.top, match: `${d} ${C}` }, text: `Accept the pod network ${C} ${dir} in ${e.top} on ${node}, ${ahead}` });
  return e.top === 'FORWARD' ? [accept('-s', 'as source'), accept('-d', 'as destination')] : [accept('-s', 'as source')];
}

export default defineRule({
  id: 'node/firewall-pod-traffic',
  layer: 'node',
  description:
    'No host firewall rule (firewalld, ufw, hand-written iptables) may drop or reject pod traffic: forwarded pod to pod across nodes and pod to outside, pods reaching the node\'s kubelet (10250: metrics-server, hostNetwork services) and, on control-plane nodes, the API server (6443).',
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
    const byRule = new Map<string, { verdict: string; flows: string[]; text: string; path: string; rule: IptablesRule; table: string; top: string }>();
    const flows = [...podFlows(evidence, node).map((f) => ({ ...f, hooks: FORWARD_HOOKS })), ...apiServerFlows(evidence, node).map((f) => ({ ...f, hooks: INPUT_HOOKS }))];
    for (const f of flows) {
      const r = walkHooks(ipt, f.hooks, f.packet);
      if (!r || !r.rule || (r.verdict !== 'DROP' && r.verdict !== 'REJECT')) continue;
      const key = ruleText(r.rule);
      const entry = byRule.get(key) ?? { verdict: r.verdict, flows: [], text: decidedBy(r), path: r.path.join(' → '), rule: r.rule, table: r.table, top: r.path[0] ?? r.rule.chain };
      entry.flows.push(f.label);
      byRule.set(key, entry);
    }
    const C = clusterNetwork(evidence, node) ?? '<cluster network>';
    for (const [key, e] of byRule) {
      report({
        messageId: 'blocked',
        data: { node: node.name, rule: key, verdict: e.verdict === 'DROP' ? 'drop' : 'reject', flows: e.flows.join('; ') },
        evidence: [
          { where: `node ${node.name}: ${ipt.file ?? 'iptables-save'}`, what: e.text },
          ...e.flows.map((fl) => ({ where: `node ${node.name}: iptables walk`, what: `${fl}: ${e.verdict} (via ${e.path})` })),
        ],
        fix: [
          ...podRuleFix(node.name, e, C, key),
          `Make it last: if firewalld added it, systemctl disable --now firewalld (or add the pod network to a trusted zone: firewall-cmd --permanent --zone=trusted --add-source=${C} && firewall-cmd --reload); with ufw: ufw default allow routed, or ufw route allow from ${C}`,
        ],
      });
    }
  },
});
