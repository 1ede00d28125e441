import type { IptablesRule, NodeEvidence } from '../../evidence/node.js';
import { breakNode } from '../../rules/_healthy-nodes.js';
import { testRule } from '../../rules/rule-tester.js';
import rule from './vxlan-port-firewall.js';

const r = (chain: string, text: string): IptablesRule => ({ table: 'filter', chain, rule: text, target: /-j (\S+)/.exec(text)?.[1] });

/** ufw's shape before flannel: INPUT policy DROP, ssh and the API server allowed, 8472 only if asked. */
const ufw = (open8472: boolean) => (n: NodeEvidence) => {
  n.links = n.links.filter((l) => l.name !== 'flannel.1' && l.name !== 'cni0');
  n.iptables!.policies.filter.INPUT = 'DROP';
  n.iptables!.rules.push(
    r('INPUT', '-j ufw-user-input'),
    r('ufw-user-input', '-p tcp -m tcp --dport 22 -j ACCEPT'),
    r('ufw-user-input', '-p tcp -m tcp --dport 6443 -j ACCEPT'),
    ...(open8472 ? [r('ufw-user-input', '-p udp -m udp --dport 8472 -j ACCEPT')] : []),
  );
};

testRule(rule, {
  healthy: [
    { name: 'no firewall', evidence: breakNode('n1', () => {}, { cluster: false, nodes: ['n1'] }) },
    { name: 'ufw with 8472 open', evidence: breakNode('n1', ufw(true), { cluster: false, nodes: ['n1'] }) },
  ],
  faulty: [
    { name: 'ufw, 8472 not open, no cluster: judged for a node of the own subnet', evidence: breakNode('n1', ufw(false), { cluster: false, nodes: ['n1'] }), expect: [
      {
        cause: 'flannel.vxlan-blocked',
        messageId: 'blocked',
        data: { node: 'n1', how: 'drops (INPUT policy DROP)', port: 8472, peers: 'a node of 172.31.250.11/24 (172.31.250.254)' },
        nodes: ['n1'],
        fix: [
          'On n1: iptables -I INPUT -p udp --dport 8472 -s <node network> -j ACCEPT',
          'firewalld: firewall-cmd --permanent --add-port=8472/udp && firewall-cmd --reload; ufw: ufw allow 8472/udp',
          'Also open UDP 8472 between the nodes in any cloud security group or network ACL',
        ],
      },
    ] },
    { name: 'ufw, 8472 not open, the cluster names the peers', evidence: breakNode('n1', ufw(false), { nodes: ['n1'] }), expect: [
      {
        cause: 'flannel.vxlan-blocked',
        messageId: 'blocked',
        data: { node: 'n1', how: 'drops (INPUT policy DROP)', port: 8472, peers: 'n2, n3' },
        nodes: ['n1'],
        fix: [
          'On n1: iptables -I INPUT -p udp --dport 8472 -s <node network> -j ACCEPT',
          'firewalld: firewall-cmd --permanent --add-port=8472/udp && firewall-cmd --reload; ufw: ufw allow 8472/udp',
          'Also open UDP 8472 between the nodes in any cloud security group or network ACL',
        ],
      },
    ] },
  ],
});
