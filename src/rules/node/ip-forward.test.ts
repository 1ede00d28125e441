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
      name: 'systemd-networkd turned forwarding off on eth0',
      evidence: breakNode('n1', (n) => {
        n.sysctls['net.ipv4.conf.eth0.forwarding'] = '0';
        n.sysctls['net.ipv4.conf.flannel/1.forwarding'] = '1';
      }),
      expect: [{ cause: 'node.ip-forward', nodes: ['n1'], messageIncludes: 'off on eth0' }],
    },
    {
      name: 'forwarding off on n3',
      evidence: breakNode('n3', (n) => (n.sysctls['net.ipv4.ip_forward'] = '0')),
      expect: [{ cause: 'node.ip-forward', nodes: ['n3'] }],
    },
  ],
});
