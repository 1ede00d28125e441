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
            'On n2: modprobe br_netfilter && sysctl -w net.bridge.bridge-nf-call-iptables=1',
            "Persist it: echo br_netfilter > /etc/modules-load.d/k8s.conf && echo 'net.bridge.bridge-nf-call-iptables = 1' > /etc/sysctl.d/99-kubernetes.conf && sysctl --system",
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
            'On n3: modprobe br_netfilter && sysctl -w net.bridge.bridge-nf-call-iptables=1',
            "Persist it: echo br_netfilter > /etc/modules-load.d/k8s.conf && echo 'net.bridge.bridge-nf-call-iptables = 1' > /etc/sysctl.d/99-kubernetes.conf && sysctl --system",
          ],
        },
      ],
    },
  ],
});
