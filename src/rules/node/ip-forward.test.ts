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
      expect: [
        {
          cause: 'node.ip-forward',
          messageId: 'iface',
          data: { node: 'n1', ifaces: 'eth0' },
          nodes: ['n1'],
          fix: [
            'On n1: set net.ipv4.conf.eth0.forwarding = 1 in the running kernel: sysctl -w net.ipv4.conf.eth0.forwarding=1',
            'Find what turns it off: IPForward= in /etc/systemd/network/*.network, or the NetworkManager connection of that interface, and set it to yes',
          ],
        },
      ],
    },
    {
      name: 'forwarding off on n3',
      evidence: breakNode('n3', (n) => (n.sysctls['net.ipv4.ip_forward'] = '0')),
      expect: [
        {
          cause: 'node.ip-forward',
          messageId: 'off',
          data: { node: 'n3', value: '0' },
          nodes: ['n3'],
          fix: [
            'On n3: set net.ipv4.ip_forward = 1 in the running kernel: sysctl -w net.ipv4.ip_forward=1',
            "Persist net.ipv4.ip_forward = 1 across reboots, in a drop-in of its own: printf '%s = %s\\n' net.ipv4.ip_forward 1 > /etc/sysctl.d/90-flannel-doctor-net.ipv4.ip_forward.conf && sysctl --system",
            'Check that no network manager or later sysctl.d file sets it back (grep -r ip_forward /etc/sysctl.d /etc/sysctl.conf /usr/lib/sysctl.d)',
          ],
        },
      ],
    },
  ],
});
