import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './ip-forward.js';

testRule(rule, {
  healthy: [
    { name: 'forwarding on', evidence: healthy() },
    { name: 'key not read', evidence: breakNode('n1', (n) => delete n.sysctls['net.ipv4.ip_forward']) },
  ],
  faulty: [
    {
      name: 'forwarding off on n3',
      evidence: breakNode('n3', (n) => (n.sysctls['net.ipv4.ip_forward'] = '0')),
      expect: [{ cause: 'node.ip-forward', nodes: ['n3'] }],
    },
  ],
});
