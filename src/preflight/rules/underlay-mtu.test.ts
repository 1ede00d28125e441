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
    { name: 'n2 has jumbo frames, the others 1500', evidence: breakNode('n2', (n) => (link(n, 'eth0').mtu = 9000), nodes), expect: [{ cause: 'flannel.mtu', nodes: ['n2'], messageIncludes: 'MTU 9000, n1, n3 only 1500' }] },
    { name: 'n1 uplink too small for VXLAN', evidence: breakNode('n1', (n) => (link(n, 'eth0').mtu = 1300), { cluster: false, nodes: ['n1'] }), expect: [{ cause: 'flannel.mtu', nodes: ['n1'], messageIncludes: 'pods would get 1250' }] },
  ],
});
