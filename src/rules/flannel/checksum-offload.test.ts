import { testRule } from '../rule-tester.js';
import { breakCluster, breakNode, healthy } from '../_healthy-nodes.js';
import rule from './checksum-offload.js';

testRule(rule, {
  healthy: [
    { name: 'kernel 6.1, offload on, no checksum errors', evidence: healthy() },
    {
      name: 'RHEL 8 kernel with the workaround applied',
      evidence: (() => {
        const e = breakCluster((c) => c.nodes.forEach((n) => (n.kernelVersion = '4.18.0-305.el8.x86_64')));
        e.nodes!.forEach((n) => (n.offloads = { 'flannel.1': { 'tx-checksum-ip-generic': 'off' } }));
        return e;
      })(),
    },
  ],
  faulty: [
    {
      name: 'RHEL 8 kernel with offload on (risk only)',
      evidence: breakCluster((c) => (c.nodes[0].kernelVersion = '4.18.0-305.el8.x86_64'), { nodes: ['n1'] }),
      expect: [
        {
          cause: 'flannel.checksum-offload',
          messageId: 'risk',
          data: { node: 'n1', dev: 'flannel.1', kernel: '4.18.0-305.el8.x86_64' },
          nodes: ['n1'],
          fix: [
            'On n1: ethtool -K flannel.1 tx-checksum-ip-generic off',
            "Persist it: echo 'SUBSYSTEM==\"net\", ACTION==\"add|change|move\", ENV{INTERFACE}==\"flannel.1\", RUN+=\"/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off\"' > /etc/udev/rules.d/90-flannel.rules",
            'Better still, move the node to a kernel ≥ 5.7',
          ],
        },
      ],
    },
    {
      name: 'old kernel and UDP checksum errors counted',
      evidence: (() => {
        const e = breakCluster((c) => (c.nodes[1].kernelVersion = '5.4.0-42-generic'), { nodes: ['n2'] });
        e.nodes![0].snmp = { Udp: { InCsumErrors: 311 } };
        return e;
      })(),
      expect: [
        {
          cause: 'flannel.checksum-offload',
          messageId: 'biting',
          data: { node: 'n2', dev: 'flannel.1', errors: 311, kernelNote: ' (kernel 5.4.0-42-generic)' },
          nodes: ['n2'],
          severity: 'warning',
          fix: [
            'On n2: ethtool -K flannel.1 tx-checksum-ip-generic off',
            "Persist it: echo 'SUBSYSTEM==\"net\", ACTION==\"add|change|move\", ENV{INTERFACE}==\"flannel.1\", RUN+=\"/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off\"' > /etc/udev/rules.d/90-flannel.rules",
            'Better still, move the node to a kernel ≥ 5.7',
          ],
        },
      ],
    },
    {
      name: 'node evidence only: kernel from kernel.osrelease',
      evidence: breakNode('n1', (n) => (n.sysctls['kernel.osrelease'] = '4.18.0-372.9.1.el8.x86_64'), { cluster: false, nodes: ['n1'] }),
      expect: [
        {
          cause: 'flannel.checksum-offload',
          messageId: 'risk',
          data: { node: 'n1', dev: 'flannel.1', kernel: '4.18.0-372.9.1.el8.x86_64' },
          nodes: ['n1'],
          fix: [
            'On n1: ethtool -K flannel.1 tx-checksum-ip-generic off',
            "Persist it: echo 'SUBSYSTEM==\"net\", ACTION==\"add|change|move\", ENV{INTERFACE}==\"flannel.1\", RUN+=\"/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off\"' > /etc/udev/rules.d/90-flannel.rules",
            'Better still, move the node to a kernel ≥ 5.7',
          ],
        },
      ],
    },
    {
      name: 'checksum errors on a recent kernel: info',
      evidence: breakNode('n3', (n) => (n.snmp = { Udp: { InCsumErrors: 12 } }), { cluster: false }),
      expect: [
        {
          cause: 'flannel.checksum-offload',
          messageId: 'biting',
          data: { node: 'n3', dev: 'flannel.1', errors: 12, kernelNote: '' },
          nodes: ['n3'],
          fix: [
            'On n3: ethtool -K flannel.1 tx-checksum-ip-generic off',
            "Persist it: echo 'SUBSYSTEM==\"net\", ACTION==\"add|change|move\", ENV{INTERFACE}==\"flannel.1\", RUN+=\"/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off\"' > /etc/udev/rules.d/90-flannel.rules",
            'Better still, move the node to a kernel ≥ 5.7',
          ],
        },
      ],
    },
  ],
});
