import { breakNode, link } from '../../rules/_healthy-nodes.js';
import { testRule } from '../../rules/rule-tester.js';
import rule from './underlay-mtu.js';

const nodes = { cluster: false };

testRule(rule, {
  healthy: [
    { name: 'every uplink 1500', evidence: breakNode('n1', () => {}, nodes) },
    { name: 'every uplink 9000 (jumbo frames everywhere)', evidence: (() => { const e = breakNode('n1', () => {}, nodes); for (const n of e.nodes!) link(n as never, 'eth0').mtu = 9000; return e; })() },
  ],
  faulty: [
    { name: 'n2 has jumbo frames, the others 1500', evidence: breakNode('n2', (n) => (link(n, 'eth0').mtu = 9000), nodes), expect: [
      {
        cause: 'flannel.mtu',
        messageId: 'differ',
        data: { node: 'n2', dev: 'eth0', mtu: 9000, others: 'n1, n3', min: 1500 },
        nodes: ['n2'],
        fix: [
          'Give every node the same uplink MTU, or pin flannel to the smallest: "Backend": {"Type": "vxlan", "MTU": 1500} in net-conf.json (pods then get 1450)',
        ],
      },
    ] },
    { name: 'n1 uplink too small for VXLAN', evidence: breakNode('n1', (n) => (link(n, 'eth0').mtu = 1300), { cluster: false, nodes: ['n1'] }), expect: [
      {
        cause: 'flannel.mtu',
        messageId: 'small',
        data: { node: 'n1', dev: 'eth0', mtu: 1300, pod: 1250 },
        nodes: ['n1'],
        fix: [
          'Check the chain: ip -o link show (the underlay interface, flannel.1, cni0 and the veths); grep FLANNEL_MTU /run/flannel/subnet.env; and the pod eth0 MTU.',
          "Test the path to another node's address: ping -M do -s 1422 (1450 − 28), lowering the size until it passes.",
          "Set \"MTU\" in net-conf.json Backend to the underlay MTU minus the backend's overhead (50 for VXLAN over IPv4), or fix the underlay; then restart flannel and re-create the pods.",
        ],
      },
    ] },
  ],
});
