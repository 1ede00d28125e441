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
      expect: [
        {
          cause: 'node.br-netfilter',
          messageId: 'notLoaded',
          data: { node: 'n2' },
          nodes: ['n2'],
          fix: [
            'On n2: load the br_netfilter kernel module: test -d /sys/module/br_netfilter || modprobe br_netfilter',
            'On n2: set net.bridge.bridge-nf-call-iptables = 1 in the running kernel: sysctl -w net.bridge.bridge-nf-call-iptables=1',
            'Load br_netfilter at every boot, from a file of its own: echo br_netfilter > /etc/modules-load.d/flannel-doctor-br_netfilter.conf',
            "Persist net.bridge.bridge-nf-call-iptables = 1 across reboots, in a drop-in of its own: printf '%s = %s\\n' net.bridge.bridge-nf-call-iptables 1 > /etc/sysctl.d/90-flannel-doctor-net.bridge.bridge-nf-call-iptables.conf && sysctl --system",
            'Restart flannel on n2 if it exited with "Failed to check br_netfilter"',
          ],
        },
      ],
    },
    {
      name: 'switched off',
      evidence: breakNode('n3', (n) => (n.sysctls['net.bridge.bridge-nf-call-iptables'] = '0')),
      expect: [
        {
          cause: 'node.br-netfilter',
          messageId: 'off',
          data: { node: 'n3', value: '0' },
          nodes: ['n3'],
          fix: [
            'On n3: set net.bridge.bridge-nf-call-iptables = 1 in the running kernel: sysctl -w net.bridge.bridge-nf-call-iptables=1',
            'Load br_netfilter at every boot, from a file of its own: echo br_netfilter > /etc/modules-load.d/flannel-doctor-br_netfilter.conf',
            "Persist net.bridge.bridge-nf-call-iptables = 1 across reboots, in a drop-in of its own: printf '%s = %s\\n' net.bridge.bridge-nf-call-iptables 1 > /etc/sysctl.d/90-flannel-doctor-net.bridge.bridge-nf-call-iptables.conf && sysctl --system",
          ],
        },
      ],
    },
  ],
});
