import { node } from '../image/_fixtures.js';
import { testRule } from '../rule-tester.js';
import rule from './cluster-public-ip.js';

const P = 'flannel.alpha.coreos.com/public-ip';
const n = (name: string, ip: string, internal = ip, extra: Record<string, string> = {}) =>
  node(name, { annotations: { [P]: ip, 'flannel.alpha.coreos.com/backend-type': 'vxlan', ...extra }, addresses: [{ type: 'InternalIP', address: internal }, { type: 'Hostname', address: name }] });

testRule(rule, {
  healthy: [
    { name: 'distinct reachable addresses', evidence: { cluster: { nodes: [n('n1', '192.168.56.11'), n('n2', '192.168.56.12')] } } },
    { name: 'single-node Vagrant box', evidence: { cluster: { nodes: [n('n1', '10.0.2.15')] } } },
    { name: 'public-ip-overwrite behind NAT', evidence: { cluster: { nodes: [n('n1', '203.0.113.7', '10.1.0.4', { 'flannel.alpha.coreos.com/public-ip-overwrite': '203.0.113.7' }), n('n2', '192.168.56.12')] } } },
    { name: 'nodes without flannel annotations', evidence: { cluster: { nodes: [node('n1'), node('n2')] } } },
  ],
  faulty: [
    {
      name: 'Vagrant: every node advertises 10.0.2.15',
      evidence: { cluster: { nodes: [n('n1', '10.0.2.15', '192.168.56.11'), n('n2', '10.0.2.15', '192.168.56.12'), n('n3', '10.0.2.15', '192.168.56.13')] } },
      expect: [
        {
          cause: 'flannel.wrong-iface',
          messageId: 'duplicate',
          data: { nodes: 'n1, n2, n3', ip: '10.0.2.15' },
          nodes: ['n1', 'n2', 'n3'],
          fix: [
            `Pin the interface: add --iface=<the NIC on the node network> (or --iface-can-reach=<another node's IP>) to the kube-flannel container args in the DaemonSet`,
            'Restart the flannel pods (the address is fixed at start): kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
          ],
        },
      ],
    },
    { name: 'one node on the NAT address', evidence: { cluster: { nodes: [n('n1', '192.168.56.11'), n('n2', '10.0.2.15', '192.168.56.12')] } }, expect: [
      {
        cause: 'flannel.wrong-iface',
        messageId: 'nat',
        data: { node: 'n2', ip: '10.0.2.15' },
        nodes: ['n2'],
        fix: [
          `Pin the interface: add --iface=<the NIC on the node network> (or --iface-can-reach=<another node's IP>) to the kube-flannel container args in the DaemonSet`,
          'Restart the flannel pods (the address is fixed at start): kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
        ],
      },
    ] },
    { name: 'advertised address is not the node\'s', evidence: { cluster: { nodes: [n('n1', '172.17.0.1', '192.168.56.11'), n('n2', '192.168.56.12')] } }, expect: [
      {
        cause: 'flannel.wrong-iface',
        messageId: 'notNodeAddress',
        data: { node: 'n1', ip: '172.17.0.1', addresses: '192.168.56.11' },
        nodes: ['n1'],
        severity: 'info',
        fix: [
          'Pin the interface: add --iface=<the NIC on the node network> (or --iface-can-reach=<another node\'s IP>) to the kube-flannel container args in the DaemonSet',
          'Restart the flannel pods (the address is fixed at start): kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
        ],
      },
    ] },
  ],
});
