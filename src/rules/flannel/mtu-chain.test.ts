import { testRule } from '../rule-tester.js';
import { breakNode, healthy, link } from '../_healthy-nodes.js';
import rule from './mtu-chain.js';

testRule(rule, {
  healthy: [
    { name: '1500 underlay, 1450 overlay', evidence: healthy() },
    {
      name: 'jumbo underlay with a smaller flannel.1 is fine',
      evidence: breakNode('n1', (n) => (link(n, 'eth0').mtu = 9001)),
    },
  ],
  faulty: [
    {
      name: 'underlay shrunk to 1450 on n2 (seen by its peers too)',
      evidence: breakNode('n2', (n) => (link(n, 'eth0').mtu = 1450)),
      expect: [
        { cause: 'flannel.mtu', nodes: ['n2'], messageIncludes: 'eth0 MTU 1450' },
        { cause: 'flannel.mtu', nodes: ['n1', 'n2'] },
        { cause: 'flannel.mtu', nodes: ['n3', 'n2'] },
      ],
    },
    {
      name: 'subnet.env MTU differs from flannel.1',
      evidence: breakNode('n3', (n) => (n.subnetEnv!.mtu = 1500)),
      expect: [{ cause: 'flannel.mtu', nodes: ['n3'], messageIncludes: 'FLANNEL_MTU 1500' }],
    },
    {
      name: 'pod veths at 1500',
      evidence: breakNode('n1', (n) => n.links.filter((l) => l.kind === 'veth').forEach((l) => (l.mtu = 1500))),
      expect: [{ cause: 'flannel.mtu', nodes: ['n1'], messageIncludes: 'veth3f2a9c1d (1500)' }],
    },
  ],
});
