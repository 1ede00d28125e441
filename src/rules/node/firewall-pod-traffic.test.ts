import { testRule } from '../rule-tester.js';
import { breakCluster, breakNode, healthy } from '../_healthy-nodes.js';
import rule from './firewall-pod-traffic.js';

testRule(rule, {
  healthy: [
    {
      name: 'an INPUT reject for another network on a worker',
      evidence: breakNode('n2', (n) => n.iptables!.rules.unshift({ table: 'filter', chain: 'INPUT', rule: '-s 192.168.122.0/24 -j REJECT --reject-with icmp-host-prohibited', target: 'REJECT' })),
    },
    { name: 'flannel and kube-proxy rules only', evidence: healthy() },
    {
      name: 'a reject rule for another network',
      evidence: breakNode('n1', (n) => n.iptables!.rules.unshift({ table: 'filter', chain: 'FORWARD', rule: '-s 192.168.122.0/24 -j REJECT --reject-with icmp-port-unreachable', target: 'REJECT' })),
    },
  ],
  faulty: [
    {
      name: 'control-plane node rejects the pod network on INPUT (pods cannot reach the API server)',
      evidence: (() => {
        const e = breakCluster((c) => (c.nodes[0].labels['node-role.kubernetes.io/control-plane'] = ''));
        e.nodes!.find((n) => n.name === 'n1')!.iptables!.rules.unshift({ table: 'filter', chain: 'INPUT', rule: '-s 10.244.0.0/16 -j REJECT --reject-with icmp-host-prohibited', target: 'REJECT' });
        return e;
      })(),
      expect: [
        {
          cause: 'node.firewall',
          messageId: 'blocked',
          data: { node: 'n1', rule: '-t filter -A INPUT -s 10.244.0.0/16 -j REJECT --reject-with icmp-host-prohibited', verdict: 'reject', flows: 'pod 10.244.0.5 → kubelet 172.31.250.11:10250; pod 10.244.1.5 on n2 → kubelet 172.31.250.11:10250; pod 10.244.0.5 → API server 172.31.250.11:6443; pod 10.244.1.5 on n2 → API server 172.31.250.11:6443' },
          nodes: ['n1'],
          fix: [
            'Remove the rule on n1 that rejects pod traffic: while iptables -t filter -C INPUT -s 10.244.0.0/16 -j REJECT --reject-with icmp-host-prohibited 2>/dev/null; do iptables -t filter -D INPUT -s 10.244.0.0/16 -j REJECT --reject-with icmp-host-prohibited; done',
            'Make it last: if firewalld added it, systemctl disable --now firewalld (or add the pod network to a trusted zone: firewall-cmd --permanent --zone=trusted --add-source=10.244.0.0/16 && firewall-cmd --reload); with ufw: ufw default allow routed, or ufw route allow from 10.244.0.0/16',
          ],
        },
      ],
    },
    {
      name: 'a worker rejects the pod network on INPUT (pods cannot reach its kubelet: metrics-server, hostNetwork services)',
      evidence: breakNode('n2', (n) => n.iptables!.rules.unshift({ table: 'filter', chain: 'INPUT', rule: '-s 10.244.0.0/16 -j REJECT --reject-with icmp-host-prohibited', target: 'REJECT' })),
      expect: [
        {
          cause: 'node.firewall',
          messageId: 'blocked',
          data: { node: 'n2', rule: '-t filter -A INPUT -s 10.244.0.0/16 -j REJECT --reject-with icmp-host-prohibited', verdict: 'reject', flows: 'pod 10.244.1.5 → kubelet 172.31.250.12:10250; pod 10.244.0.5 on n1 → kubelet 172.31.250.12:10250' },
          nodes: ['n2'],
          fix: [
            'Remove the rule on n2 that rejects pod traffic: while iptables -t filter -C INPUT -s 10.244.0.0/16 -j REJECT --reject-with icmp-host-prohibited 2>/dev/null; do iptables -t filter -D INPUT -s 10.244.0.0/16 -j REJECT --reject-with icmp-host-prohibited; done',
            'Make it last: if firewalld added it, systemctl disable --now firewalld (or add the pod network to a trusted zone: firewall-cmd --permanent --zone=trusted --add-source=10.244.0.0/16 && firewall-cmd --reload); with ufw: ufw default allow routed, or ufw route allow from 10.244.0.0/16',
          ],
        },
      ],
    },
    {
      name: 'firewalld-style reject before flannel',
      evidence: breakNode('n2', (n) =>
        n.iptables!.rules.unshift({ table: 'filter', chain: 'FORWARD', rule: '-j REJECT --reject-with icmp-host-prohibited', target: 'REJECT' }),
      ),
      expect: [
        {
          cause: 'node.firewall',
          messageId: 'blocked',
          data: { node: 'n2', rule: '-t filter -A FORWARD -j REJECT --reject-with icmp-host-prohibited', verdict: 'reject', flows: 'pod 10.244.1.5 → pod 10.244.0.5 on n1; pod 10.244.0.5 on n1 → pod 10.244.1.5; pod 10.244.1.5 → outside 198.51.100.10:443' },
          nodes: ['n2'],
          fix: [
            'Accept the pod network 10.244.0.0/16 as source in FORWARD on n2, ahead of the catch-all rule that rejects it (FORWARD -j REJECT --reject-with icmp-host-prohibited): iptables -t filter -C FORWARD -s 10.244.0.0/16 -j ACCEPT 2>/dev/null || iptables -t filter -I FORWARD -s 10.244.0.0/16 -j ACCEPT',
            'Accept the pod network 10.244.0.0/16 as destination in FORWARD on n2, ahead of the catch-all rule that rejects it (FORWARD -j REJECT --reject-with icmp-host-prohibited): iptables -t filter -C FORWARD -d 10.244.0.0/16 -j ACCEPT 2>/dev/null || iptables -t filter -I FORWARD -d 10.244.0.0/16 -j ACCEPT',
            'Make it last: if firewalld added it, systemctl disable --now firewalld (or add the pod network to a trusted zone: firewall-cmd --permanent --zone=trusted --add-source=10.244.0.0/16 && firewall-cmd --reload); with ufw: ufw default allow routed, or ufw route allow from 10.244.0.0/16',
          ],
        },
      ],
    },
    {
      name: 'custom chain drops traffic to the pod network',
      evidence: breakNode('n3', (n) => {
        n.iptables!.rules.unshift({ table: 'filter', chain: 'FORWARD', rule: '-j HARDEN', target: 'HARDEN' });
        n.iptables!.rules.push({ table: 'filter', chain: 'HARDEN', rule: '-d 10.244.0.0/16 -m conntrack --ctstate NEW -j DROP', target: 'DROP' });
      }),
      expect: [
        {
          cause: 'node.firewall',
          messageId: 'blocked',
          data: { node: 'n3', rule: '-t filter -A HARDEN -d 10.244.0.0/16 -m conntrack --ctstate NEW -j DROP', verdict: 'drop', flows: 'pod 10.244.2.5 → pod 10.244.0.5 on n1; pod 10.244.0.5 on n1 → pod 10.244.2.5' },
          nodes: ['n3'],
          fix: [
            'Remove the rule on n3 that drops pod traffic: while iptables -t filter -C HARDEN -d 10.244.0.0/16 -m conntrack --ctstate NEW -j DROP 2>/dev/null; do iptables -t filter -D HARDEN -d 10.244.0.0/16 -m conntrack --ctstate NEW -j DROP; done',
            'Make it last: if firewalld added it, systemctl disable --now firewalld (or add the pod network to a trusted zone: firewall-cmd --permanent --zone=trusted --add-source=10.244.0.0/16 && firewall-cmd --reload); with ufw: ufw default allow routed, or ufw route allow from 10.244.0.0/16',
          ],
        },
      ],
    },
  ],
});
