import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { decidedBy, FORWARD_HOOKS, walkHooks } from './_iptables-walk.js';
import { clusterNetwork, podFlows } from './_pod-packets.js';
import type { FixStepRef, FixStepSource } from '../../catalog/fix-types.js';
import type { Evidence } from '../../evidence/types.js';
import { flannelDaemonSets, flanneldArgs } from '../../evidence/flannel-objects.js';
import { restartFlannel } from '../_restart.js';

const CIDR4 = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

/**
 * flanneld adds the FORWARD jump to FLANNEL-FWD when it starts (unless --iptables-forward-rules=false):
 * restarting it on the node is the fix that stays with flannel. Without flannel's forward rules, the
 * accept rules are added by hand, ahead of the policy.
 */
function forwardFix(evidence: Readonly<Evidence>, node: string, C: string): FixStepSource[] {
  const docker = 'Docker sets the FORWARD policy to DROP each time it starts: keep flannel\'s forward rules on (its default), or add the accept rules to the firewall configuration the node boots with';
  const ds = evidence.cluster ? flannelDaemonSets(evidence.cluster)[0] : undefined;
  const off = ds ? flanneldArgs(ds).includes('--iptables-forward-rules=false') : false;
  if (ds && !off) return [restartFlannel(node, `Restart flannel on ${node}: at start it adds the FORWARD jump to FLANNEL-FWD, which accepts ${C}`), docker];
  if (!CIDR4.test(C)) return [`On ${node}: iptables -I FORWARD -s <cluster network> -j ACCEPT && iptables -I FORWARD -d <cluster network> -j ACCEPT`, docker];
  const why = ds ? 'flannel runs with --iptables-forward-rules=false' : 'flannel\'s DaemonSet is not in the evidence';
  const accept = (d: '-s' | '-d', dir: string): FixStepRef => ({ step: 'iptables.accept', data: { table: 'filter', chain: 'FORWARD', match: `${d} ${C}` }, text: `Accept pod traffic ${dir} ${C} in FORWARD on ${node}, ahead of the DROP policy (${why})` });
  return [accept('-s', 'from'), accept('-d', 'to'), docker];
}

export default defineRule({
  id: 'node/forward-drop',
  layer: 'node',
  description:
    "With the FORWARD policy DROP (Docker sets it), pod traffic needs flannel's FLANNEL-FWD accept rules (-s/-d <cluster network>); without them forwarded pod packets fall through to the policy and vanish.",
  causes: ['node.forward-drop'],
  scope: 'node',
  needs: ['node.iptables'],
  severity: 'error',
  messages: {
    dropped: 'node {node}: iptables FORWARD policy DROP drops pod traffic ({flows}); flannel\'s FLANNEL-FWD accept rules are missing',
  },
  docs: 'flanneld adds `-A FORWARD -j FLANNEL-FWD` with `-s C -j ACCEPT` and `-d C -j ACCEPT` (facts §2.6) unless --iptables-forward-rules=false. Docker ≥ 1.13 sets the FORWARD policy to DROP (facts §10.6). The rule sends imagined pod packets through the dumped rules and reports when the policy drops them.',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'node.forward-drop');
    const ipt = node.iptables;
    if (!ipt) return;
    const dropped = podFlows(evidence, node)
      .map((f) => ({ f, r: walkHooks(ipt, FORWARD_HOOKS, f.packet) }))
      .filter((x) => x.r && (x.r.verdict === 'DROP' || x.r.verdict === 'REJECT') && !x.r.rule && x.r.table === 'filter');
    if (!dropped.length) return;
    const C = clusterNetwork(evidence, node) ?? '<cluster network>';
    const uncertain = dropped.some((x) => x.r!.uncertain.length);
    report({
      messageId: 'dropped',
      data: { node: node.name, flows: dropped.map((x) => x.f.label).join('; ') },
      confidence: uncertain ? 0.6 : 0.9,
      severity: uncertain ? 'warning' : 'error',
      evidence: [
        { where: `node ${node.name}: ${ipt.file ?? 'iptables-save'}`, what: `:FORWARD ${ipt.policies.filter?.FORWARD ?? 'DROP'}; no -A FLANNEL-FWD -s ${C} -j ACCEPT` },
        ...dropped.map((x) => ({ where: `node ${node.name}: iptables walk`, what: `${x.f.label}: ${decidedBy(x.r!)} (via ${x.r!.path.join(' → ')})` })),
        ...dropped.flatMap((x) => x.r!.uncertain).slice(0, 3).map((u) => ({ where: `node ${node.name}: iptables`, what: `not judged (unknown match), might accept: -A ${u.chain} ${u.rule}` })),
      ],
      fix: forwardFix(evidence, node.name, C),
    });
  },
});
