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
        { cause: 'flannel.wrong-iface', nodes: ['n1'], messageIncludes: '10.0.2.15' },
        { cause: 'flannel.wrong-iface', nodes: ['n2'] },
        { cause: 'flannel.wrong-iface', nodes: ['n3'] },
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
        { cause: 'flannel.wrong-iface', nodes: ['n1'] },
        { cause: 'flannel.wrong-iface', nodes: ['n2'] },
        { cause: 'flannel.wrong-iface', nodes: ['n3'] },
      ],
    },
    {
      name: 'single node on the NAT address',
      evidence: breakNode('n2', (n) => {
        n.links.push({ name: 'enp0s3', mtu: 1500, up: true, addresses: [{ family: 'inet', local: '10.0.2.15', prefixlen: 24 }] });
        link(n, 'flannel.1').vxlan!.local = '10.0.2.15';
      }, { cluster: false }),
      expect: [{ cause: 'flannel.wrong-iface', nodes: ['n2'], messageIncludes: 'NAT' }],
    },
    {
      name: 'flannel.1 source differs from the annotation',
      evidence: breakNode('n3', (n) => {
        n.links.push({ name: 'eth1', mtu: 1500, up: true, addresses: [{ family: 'inet', local: '192.168.56.13', prefixlen: 24 }] });
        link(n, 'flannel.1').vxlan!.local = '192.168.56.13';
      }),
      expect: [{ cause: 'flannel.wrong-iface', nodes: ['n3'], severity: 'warning', messageIncludes: '192.168.56.13' }],
    },
    {
      name: 'node re-addressed, flanneld not restarted',
      evidence: breakNode('n1', (n) => (link(n, 'eth0').addresses = [{ family: 'inet', local: '172.31.250.21', prefixlen: 24 }]), { cluster: false }),
      expect: [{ cause: 'flannel.wrong-iface', nodes: ['n1'], messageIncludes: 'no interface' }],
    },
  ],
});
