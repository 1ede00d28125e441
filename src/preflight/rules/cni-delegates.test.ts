import { breakNode } from '../../rules/_healthy-nodes.js';
import { testRule } from '../../rules/rule-tester.js';
import rule from './cni-delegates.js';

const one = { cluster: false, nodes: ['n1'] };

testRule(rule, {
  healthy: [
    { name: 'the standard plugins are there', evidence: breakNode('n1', () => {}, one) },
    { name: "flannel's own binary is not needed before install", evidence: breakNode('n1', (n) => (n.cniBinaries = ['bridge', 'host-local', 'loopback', 'portmap']), one) },
  ],
  faulty: [{ name: 'empty bin dir', evidence: breakNode('n1', (n) => (n.cniBinaries = []), one), expect: [
    {
      cause: 'cni.plugin-missing',
      messageId: 'missing',
      data: { node: 'n1', plugins: 'bridge, host-local, portmap, loopback', dir: '/opt/cni/bin' },
      nodes: ['n1'],
      fix: [
        'Install the standard CNI plugins on n1: apt-get install containernetworking-plugins and link them into /opt/cni/bin, or unpack the containernetworking/plugins release tarball into /opt/cni/bin',
      ],
    },
  ] }],
});
