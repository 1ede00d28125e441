import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './firewall-pod-traffic.js';

testRule(rule, {
  healthy: [
    { name: 'flannel and kube-proxy rules only', evidence: healthy() },
    {
      name: 'a reject rule for another network',
      evidence: breakNode('n1', (n) => n.iptables!.rules.unshift({ table: 'filter', chain: 'FORWARD', rule: '-s 192.168.122.0/24 -j REJECT --reject-with icmp-port-unreachable', target: 'REJECT' })),
    },
  ],
  faulty: [
    {
      name: 'firewalld-style reject before flannel',
      evidence: breakNode('n2', (n) =>
        n.iptables!.rules.unshift({ table: 'filter', chain: 'FORWARD', rule: '-j REJECT --reject-with icmp-host-prohibited', target: 'REJECT' }),
      ),
      expect: [{ cause: 'node.firewall', nodes: ['n2'], messageIncludes: 'rejects pod traffic' }],
    },
    {
      name: 'custom chain drops traffic to the pod network',
      evidence: breakNode('n3', (n) => {
        n.iptables!.rules.unshift({ table: 'filter', chain: 'FORWARD', rule: '-j HARDEN', target: 'HARDEN' });
        n.iptables!.rules.push({ table: 'filter', chain: 'HARDEN', rule: '-d 10.244.0.0/16 -m conntrack --ctstate NEW -j DROP', target: 'DROP' });
      }),
      expect: [{ cause: 'node.firewall', nodes: ['n3'], messageIncludes: '-A HARDEN' }],
    },
  ],
});
