import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './br-netfilter.js';

testRule(rule, {
  healthy: [
    { name: 'loaded and on', evidence: healthy() },
    {
      name: 'built into the kernel (no module, key present)',
      evidence: breakNode('n1', (n) => (n.modules = n.modules.filter((m) => m !== 'br_netfilter'))),
    },
  ],
  faulty: [
    {
      name: 'module not loaded',
      evidence: breakNode('n2', (n) => {
        n.modules = n.modules.filter((m) => m !== 'br_netfilter');
        delete n.sysctls['net.bridge.bridge-nf-call-iptables'];
        delete n.sysctls['net.bridge.bridge-nf-call-ip6tables'];
      }),
      expect: [{ cause: 'node.br-netfilter', nodes: ['n2'], messageIncludes: 'not loaded' }],
    },
    {
      name: 'switched off',
      evidence: breakNode('n3', (n) => (n.sysctls['net.bridge.bridge-nf-call-iptables'] = '0')),
      expect: [{ cause: 'node.br-netfilter', nodes: ['n3'], messageIncludes: '= 0' }],
    },
  ],
});
