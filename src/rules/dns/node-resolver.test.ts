import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './node-resolver.js';

testRule(rule, {
  healthy: [
    { name: 'one upstream', evidence: healthy() },
    { name: 'systemd-resolved stub is fine for the node itself', evidence: breakNode('n1', (n) => (n.resolvConf!.nameservers = ['127.0.0.53'])) },
  ],
  faulty: [
    { name: 'file missing', evidence: breakNode('n2', (n) => (n.resolvConf = undefined)), expect: [{ cause: 'dns.node-resolver', nodes: ['n2'], messageIncludes: 'does not exist' }] },
    { name: 'no nameserver', evidence: breakNode('n3', (n) => (n.resolvConf!.nameservers = [])), expect: [{ cause: 'dns.node-resolver', nodes: ['n3'], messageIncludes: 'no nameserver' }] },
    { name: 'hostname instead of IP', evidence: breakNode('n1', (n) => (n.resolvConf!.nameservers = ['dns.lab.internal'])), expect: [{ cause: 'dns.node-resolver', nodes: ['n1'] }] },
    {
      name: 'four nameservers',
      evidence: breakNode('n2', (n) => (n.resolvConf!.nameservers = ['172.31.250.1', '172.31.250.2', '9.9.9.9', '1.0.0.1'])),
      expect: [{ cause: 'dns.node-resolver', nodes: ['n2'], severity: 'warning', messageIncludes: '1.0.0.1 ignored' }],
    },
  ],
});
