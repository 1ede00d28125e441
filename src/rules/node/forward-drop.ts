import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { decidedBy, FORWARD_HOOKS, walkHooks } from './_iptables-walk.js';
import { clusterNetwork, podFlows } from './_pod-packets.js';

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
      fix: [
        `On ${node.name}: iptables -A FORWARD -s ${C} -j ACCEPT && iptables -A FORWARD -d ${C} -j ACCEPT (immediate relief)`,
        'Make sure flanneld runs without --iptables-forward-rules=false, then restart it so it recreates FLANNEL-FWD: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=' + node.name,
        'Or set the policy back: iptables -P FORWARD ACCEPT (Docker sets DROP on every start)',
      ],
    });
  },
});
