import type { MeshPathResult } from '../../evidence/probes.js';
import { testRule } from '../rule-tester.js';
import rule from './mesh-probe.js';

const pair = (from: string, to: string, over: Partial<MeshPathResult> = {}): MeshPathResult[] => [
  { from, to, path: 'mtu-pod', kind: 'pod-pod', ok: true, size: 1422, ms: 0.3 },
  { from, to, path: 'underlay', kind: 'node-node', ok: true },
  { from, to, path: 'vxlan-udp', ok: true },
  ...(over.ok === false ? [{ from, to, path: 'overlay' as const, kind: 'pod-pod' as const, ok: false, error: 'no reply', ...over }] : []),
];
const mesh = (results: MeshPathResult[]) => ({ probes: { mesh: results, ran: ['mesh'] } });
const all = (broken: (a: string, b: string) => Partial<MeshPathResult> | undefined) =>
  ['n1', 'n2', 'n3'].flatMap((a) => ['n1', 'n2', 'n3'].filter((b) => b !== a).flatMap((b) => pair(a, b, broken(a, b) ?? {})));

testRule(rule, {
  healthy: [{ name: 'every pair passes', evidence: mesh(all(() => undefined)) }],
  faulty: [
    {
      name: 'VXLAN blocked at n2: named by being in every broken pair',
      evidence: mesh(all((a, b) => (a === 'n2' || b === 'n2' ? { ok: false, cause: 'flannel.vxlan-blocked', detail: 'underlay works, overlay does not' } : undefined))),
      expect: [{ cause: 'flannel.vxlan-blocked', nodes: ['n2'], messageIncludes: '4 broken pair' }],
    },
    {
      name: 'route missing on n1 (the probe named the node)',
      evidence: mesh(all((a, b) => ((a === 'n1' && b === 'n2') || (a === 'n2' && b === 'n1') ? { ok: false, cause: 'flannel.route-missing', faultNode: 'n1', detail: 'n1 has no route' } : undefined))),
      expect: [{ cause: 'flannel.route-missing', nodes: ['n1'] }],
    },
    {
      name: 'MTU: only DF probes fail',
      evidence: mesh(all((a, b) => (b === 'n3' ? { ok: false, path: 'mtu-pod', cause: 'flannel.mtu', detail: 'DF probes lost', size: 1422 } : undefined))),
      expect: [{ cause: 'flannel.mtu' }],
    },
  ],
});
