import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './node-resolver.js';

testRule(rule, {
  healthy: [
    { name: 'one upstream', evidence: healthy() },
    { name: 'systemd-resolved stub is fine for the node itself', evidence: breakNode('n1', (n) => (n.resolvConf!.nameservers = ['127.0.0.53'])) },
  ],
  faulty: [
    { name: 'file missing', evidence: breakNode('n2', (n) => (n.resolvConf = undefined)), expect: [
      {
        cause: 'dns.node-resolver',
        messageId: 'missing',
        data: { node: 'n2' },
        nodes: ['n2'],
        fix: [
          "On n2: give the node a reachable resolver, e.g. echo 'nameserver <your DNS server>' > /etc/resolv.conf (or fix systemd-resolved / NetworkManager that writes it)",
          'Verify: getent hosts <registry host> on the node, then re-pull',
        ],
      },
    ] },
    { name: 'no nameserver', evidence: breakNode('n3', (n) => (n.resolvConf!.nameservers = [])), expect: [
      {
        cause: 'dns.node-resolver',
        messageId: 'none',
        data: { node: 'n3', file: '/etc/resolv.conf' },
        nodes: ['n3'],
        fix: [
          "On n3: give the node a reachable resolver, e.g. echo 'nameserver <your DNS server>' > /etc/resolv.conf (or fix systemd-resolved / NetworkManager that writes it)",
          'Verify: getent hosts <registry host> on the node, then re-pull',
        ],
      },
    ] },
    { name: 'hostname instead of IP', evidence: breakNode('n1', (n) => (n.resolvConf!.nameservers = ['dns.lab.internal'])), expect: [
      {
        cause: 'dns.node-resolver',
        messageId: 'invalid',
        data: { node: 'n1', file: '/etc/resolv.conf', values: 'dns.lab.internal' },
        nodes: ['n1'],
        fix: [
          "On n1: give the node a reachable resolver, e.g. echo 'nameserver <your DNS server>' > /etc/resolv.conf (or fix systemd-resolved / NetworkManager that writes it)",
          'Verify: getent hosts <registry host> on the node, then re-pull',
        ],
      },
    ] },
    {
      name: 'four nameservers',
      evidence: breakNode('n2', (n) => (n.resolvConf!.nameservers = ['172.31.250.1', '172.31.250.2', '9.9.9.9', '1.0.0.1'])),
      expect: [
        {
          cause: 'dns.node-resolver',
          messageId: 'tooMany',
          data: { node: 'n2', file: '/etc/resolv.conf', count: 4, ignored: '1.0.0.1' },
          nodes: ['n2'],
          severity: 'warning',
          fix: [
            "Keep at most 3 nameserver lines in /etc/resolv.conf (or point kubelet's resolvConf at a file with at most 3)",
          ],
        },
      ],
    },
  ],
});
