import { testRule } from '../rule-tester.js';
import { breakNode, healthy, link } from '../_healthy-nodes.js';
import rule from './bridge-ip.js';

testRule(rule, {
  healthy: [
    { name: 'cni0 holds the gateway', evidence: healthy() },
    { name: 'no cni0 yet (no pod ran)', evidence: breakNode('n1', (n) => (n.links = n.links.filter((l) => l.name !== 'cni0'))) },
    { name: 'node evidence only', evidence: healthy({ cluster: false }) },
    { name: 'IPv6 link-local beside the gateway', evidence: breakNode('n2', (n) => link(n, 'cni0').addresses.push({ family: 'inet6', local: 'fe80::1', prefixlen: 64 })) },
  ],
  faulty: [
    {
      name: 'cni0 kept the address of an old podCIDR',
      evidence: breakNode('n2', (n) => (link(n, 'cni0').addresses = [{ family: 'inet', local: '10.244.7.1', prefixlen: 24 }])),
      expect: [{ cause: 'cni.bridge-ip-conflict', nodes: ['n2'], messageIncludes: '10.244.1.1/24' }],
    },
    {
      name: 'a second address besides the gateway',
      evidence: breakNode('n3', (n) => link(n, 'cni0').addresses.push({ family: 'inet', local: '10.88.0.1', prefixlen: 16 })),
      expect: [{ cause: 'cni.bridge-ip-conflict', nodes: ['n3'] }],
    },
  ],
});
