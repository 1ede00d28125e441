import { testRule } from '../rule-tester.js';
import { breakCluster, breakNode, healthy, link } from '../_healthy-nodes.js';
import rule from './iface-public-ip.js';

const PUB = 'flannel.alpha.coreos.com/public-ip';

testRule(rule, {
  healthy: [
    { name: 'every node advertises its own eth0 address', evidence: healthy() },
    { name: 'node evidence only', evidence: healthy({ cluster: false }) },
    {
      name: 'NAT overwrite annotation is deliberate',
      evidence: breakCluster((c) => {
        c.nodes[0].annotations[PUB] = '203.0.113.11';
        c.nodes[0].annotations['flannel.alpha.coreos.com/public-ip-overwrite'] = '203.0.113.11';
      }),
    },
  ],
  faulty: [
    {
      name: 'Vagrant: every node picked the NAT NIC',
      evidence: (() => {
        const e = breakCluster((c) => c.nodes.forEach((n) => (n.annotations[PUB] = '10.0.2.15')));
        for (const n of e.nodes ?? []) {
          n.links!.push({ name: 'eth1', mtu: 1500, up: true, addresses: [{ family: 'inet', local: '10.0.2.15', prefixlen: 24 }] });
          link(n as never, 'flannel.1').vxlan!.local = '10.0.2.15';
        }
        return e;
      })(),
      expect: [
        {
          cause: 'flannel.wrong-iface',
          messageId: 'shared',
          data: { node: 'n1', ip: '10.0.2.15', others: 'n2, n3' },
          nodes: ['n1'],
          fix: [
            "Pin the interface: add --iface=<the NIC on the node network> (or --iface-can-reach=<another node's IP>) to the kube-flannel container args in the DaemonSet",
            'Restart flannel on n1: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
          ],
        },
        {
          cause: 'flannel.wrong-iface',
          messageId: 'shared',
          data: { node: 'n2', ip: '10.0.2.15', others: 'n1, n3' },
          nodes: ['n2'],
          fix: [
            "Pin the interface: add --iface=<the NIC on the node network> (or --iface-can-reach=<another node's IP>) to the kube-flannel container args in the DaemonSet",
            'Restart flannel on n2: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
        {
          cause: 'flannel.wrong-iface',
          messageId: 'shared',
          data: { node: 'n3', ip: '10.0.2.15', others: 'n1, n2' },
          nodes: ['n3'],
          fix: [
            "Pin the interface: add --iface=<the NIC on the node network> (or --iface-can-reach=<another node's IP>) to the kube-flannel container args in the DaemonSet",
            'Restart flannel on n3: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
          ],
        },
      ],
    },
    {
      name: 'Vagrant seen from node evidence alone',
      evidence: (() => {
        const e = healthy({ cluster: false });
        for (const n of e.nodes ?? []) link(n as never, 'flannel.1').vxlan!.local = '10.0.2.15';
        return e;
      })(),
      expect: [
        {
          cause: 'flannel.wrong-iface',
          messageId: 'shared',
          data: { node: 'n1', ip: '10.0.2.15', others: 'n2, n3' },
          nodes: ['n1'],
          fix: [
            `Pin the interface: add --iface=<the NIC on the node network> (or --iface-can-reach=<another node's IP>) to the kube-flannel container args in the DaemonSet`,
            'Restart flannel on n1: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
          ],
        },
        {
          cause: 'flannel.wrong-iface',
          messageId: 'shared',
          data: { node: 'n2', ip: '10.0.2.15', others: 'n1, n3' },
          nodes: ['n2'],
          fix: [
            `Pin the interface: add --iface=<the NIC on the node network> (or --iface-can-reach=<another node's IP>) to the kube-flannel container args in the DaemonSet`,
            'Restart flannel on n2: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
        {
          cause: 'flannel.wrong-iface',
          messageId: 'shared',
          data: { node: 'n3', ip: '10.0.2.15', others: 'n1, n2' },
          nodes: ['n3'],
          fix: [
            `Pin the interface: add --iface=<the NIC on the node network> (or --iface-can-reach=<another node's IP>) to the kube-flannel container args in the DaemonSet`,
            'Restart flannel on n3: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
          ],
        },
      ],
    },
    {
      name: 'single node on the NAT address',
      evidence: breakNode('n2', (n) => {
        n.links.push({ name: 'enp0s3', mtu: 1500, up: true, addresses: [{ family: 'inet', local: '10.0.2.15', prefixlen: 24 }] });
        link(n, 'flannel.1').vxlan!.local = '10.0.2.15';
      }, { cluster: false }),
      expect: [
        {
          cause: 'flannel.wrong-iface',
          messageId: 'nat',
          data: { node: 'n2', ip: '10.0.2.15' },
          nodes: ['n2'],
          fix: [
            "Pin the interface: add --iface=<the NIC on the node network> (or --iface-can-reach=<another node's IP>) to the kube-flannel container args in the DaemonSet",
            'Restart flannel on n2: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
          ],
        },
      ],
    },
    {
      name: 'flannel.1 source differs from the annotation',
      evidence: breakNode('n3', (n) => {
        n.links.push({ name: 'eth1', mtu: 1500, up: true, addresses: [{ family: 'inet', local: '192.168.56.13', prefixlen: 24 }] });
        link(n, 'flannel.1').vxlan!.local = '192.168.56.13';
      }),
      expect: [
        {
          cause: 'flannel.wrong-iface',
          messageId: 'differs',
          data: { node: 'n3', local: '192.168.56.13', publicIp: '172.31.250.13' },
          nodes: ['n3'],
          severity: 'warning',
          fix: [
            'Restart flannel on n3: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
          ],
        },
      ],
    },
    {
      name: 'node re-addressed, flanneld not restarted',
      evidence: breakNode('n1', (n) => (link(n, 'eth0').addresses = [{ family: 'inet', local: '172.31.250.21', prefixlen: 24 }]), { cluster: false }),
      expect: [
        {
          cause: 'flannel.wrong-iface',
          messageId: 'notLocal',
          data: { node: 'n1', local: '172.31.250.11' },
          nodes: ['n1'],
          fix: [
            'Restart flannel on n1: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
          ],
        },
      ],
    },
  ],
});
