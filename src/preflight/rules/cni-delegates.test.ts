import { breakNode } from '../../rules/_healthy-nodes.js';
import { testRule } from '../../rules/rule-tester.js';
import rule from './cni-delegates.js';

const one = { cluster: false, nodes: ['n1'] };

testRule(rule, {
  healthy: [
    { name: 'the standard plugins are there', evidence: breakNode('n1', () => {}, one) },
    { name: "flannel's own binary is not needed before install", evidence: breakNode('n1', (n) => (n.cniBinaries = ['bridge', 'host-local', 'loopback', 'portmap']), one) },
  ],
  faulty: [{ name: 'empty bin dir', evidence: breakNode('n1', (n) => (n.cniBinaries = []), one), expect: [{ cause: 'cni.plugin-missing', nodes: ['n1'], messageIncludes: 'bridge, host-local, portmap, loopback' }] }],
});
