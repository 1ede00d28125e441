import { judgeMesh } from './_mesh-verdict.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'probe/mesh-probe',
  layer: 'probe',
  description: 'Active node↔node, node→pod and pod→pod probes (small and don\'t-fragment at MTU) separate underlay from overlay faults and name the broken pairs.',
  causes: ['flannel.vxlan-blocked', 'flannel.mtu', 'flannel.route-missing', 'flannel.stale-fdb', 'flannel.wrong-iface', 'node.firewall', 'node.forward-drop', 'node.ip-forward'],
  scope: 'cluster',
  needs: ['probes.mesh'],
  severity: 'error',
  messages: {
    pairs: '{detail} ({count} broken pair(s): {pairs})',
  },
  check({ evidence, report }) {
    for (const v of judgeMesh(evidence.probes?.mesh ?? [], evidence.probes?.meshNodes)) {
      const failing = v.results;
      const shown = v.pairs.slice(0, 6).map((p) => p.join('→'));
      report({
        messageId: 'pairs',
        cause: v.cause,
        data: { detail: v.detail, count: v.pairs.length, pairs: shown.join(', ') + (v.pairs.length > 6 ? ', …' : '') },
        nodes: v.nodes,
        ...(v.located ? {} : { suspects: v.pairs }),
        evidence: failing.slice(0, 12).map((r) => ({
          where: `probe mesh ${r.from}→${r.to}`,
          what: `${r.path}${r.kind ? ` ${r.kind}` : ''} to ${r.toIp ?? '?'}${r.size !== undefined ? ` (${r.size + 28} bytes, DF)` : ''}: ${r.error ?? 'lost'}${r.counterDeltas && Object.keys(r.counterDeltas).length ? `; counters ${Object.entries(r.counterDeltas).slice(0, 6).map(([k, d]) => `${k} ${d > 0 ? '+' : ''}${d}`).join(', ')}` : ''}`,
        })),
      });
    }
  },
});
