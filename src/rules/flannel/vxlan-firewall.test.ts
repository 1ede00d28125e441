import type { IptablesRule } from '../../evidence/node.js';
import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './vxlan-firewall.js';

const rule_ = (table: string, chain: string, text: string): IptablesRule => ({ table, chain, rule: text, target: /-j (\S+)/.exec(text)?.[1] });

/** ufw's shape: INPUT policy DROP, user chains reached from INPUT. */
const ufw = (allow8472: boolean) => (n: { iptables?: { policies: Record<string, Record<string, string>>; rules: IptablesRule[] } }) => {
  n.iptables!.policies.filter.INPUT = 'DROP';
  n.iptables!.rules.push(
    rule_('filter', 'INPUT', '-j ufw-before-input'),
    rule_('filter', 'INPUT', '-j ufw-user-input'),
    rule_('filter', 'ufw-before-input', '-i lo -j ACCEPT'),
    rule_('filter', 'ufw-before-input', '-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT'),
    rule_('filter', 'ufw-user-input', '-p tcp -m tcp --dport 22 -j ACCEPT'),
    rule_('filter', 'ufw-user-input', '-p tcp -m tcp --dport 6443 -j ACCEPT'),
    ...(allow8472 ? [rule_('filter', 'ufw-user-input', '-p udp -m udp --dport 8472 -j ACCEPT')] : []),
  );
};

/** firewalld (iptables backend): zones reached by goto, a final REJECT in INPUT. */
const firewalld = (open8472: boolean) => (n: { iptables?: { rules: IptablesRule[] } }) => {
  n.iptables!.rules.push(
    rule_('filter', 'INPUT', '-m conntrack --ctstate RELATED,ESTABLISHED,DNAT -j ACCEPT'),
    rule_('filter', 'INPUT', '-i lo -j ACCEPT'),
    rule_('filter', 'INPUT', '-j INPUT_ZONES'),
    rule_('filter', 'INPUT', '-m conntrack --ctstate INVALID -j DROP'),
    rule_('filter', 'INPUT', '-j REJECT --reject-with icmp-host-prohibited'),
    { table: 'filter', chain: 'INPUT_ZONES', rule: '-i eth0 -g IN_public', target: 'IN_public' },
    { table: 'filter', chain: 'INPUT_ZONES', rule: '-g IN_public', target: 'IN_public' },
    rule_('filter', 'IN_public', '-j IN_public_allow'),
    rule_('filter', 'IN_public', '-p icmp -j ACCEPT'),
    rule_('filter', 'IN_public_allow', '-p tcp -m tcp --dport 22 -m conntrack --ctstate NEW,UNTRACKED -j ACCEPT'),
    ...(open8472 ? [rule_('filter', 'IN_public_allow', '-p udp -m udp --dport 8472 -m conntrack --ctstate NEW,UNTRACKED -j ACCEPT')] : []),
  );
};

testRule(rule, {
  healthy: [
    { name: 'no host firewall', evidence: healthy() },
    { name: 'ufw with 8472 allowed', evidence: breakNode('n1', ufw(true)) },
    { name: 'node evidence only', evidence: healthy({ cluster: false }) },
    { name: 'firewalld with 8472/udp opened in the public zone', evidence: breakNode('n3', firewalld(true)) },
    { name: 'a DROP for 8472 in FORWARD does not touch encapsulated traffic', evidence: breakNode('n2', (n) => n.iptables!.rules.unshift(rule_('filter', 'FORWARD', '-p udp -m udp --dport 8472 -j DROP'))) },
  ],
  faulty: [
    {
      name: 'firewalld without 8472/udp: the final REJECT of INPUT catches VXLAN',
      evidence: breakNode('n3', firewalld(false)),
      expect: [
        {
          cause: 'flannel.vxlan-blocked',
          messageId: 'inbound',
          data: { node: 'n3', how: 'rejects', port: 8472, peers: 'n1, n2' },
          nodes: ['n3'],
          fix: [
            'Accept VXLAN (UDP 8472) from the other nodes on n3, ahead of the rule INPUT -j REJECT --reject-with icmp-host-prohibited: for ip in 172.31.250.11 172.31.250.12; do iptables -t filter -C INPUT -p udp --dport 8472 -s "$ip" -j ACCEPT 2>/dev/null || iptables -t filter -I INPUT -p udp --dport 8472 -s "$ip" -j ACCEPT; done',
            'Make it last: firewalld: firewall-cmd --permanent --add-port=8472/udp && firewall-cmd --reload; ufw: ufw allow 8472/udp (a reload of the firewall that added the rule brings it back)',
            'Also open UDP 8472 between the nodes in any cloud security group or network ACL',
          ],
        },
      ],
    },
    {
      name: 'ufw default deny without 8472',
      evidence: breakNode('n1', ufw(false)),
      expect: [
        {
          cause: 'flannel.vxlan-blocked',
          messageId: 'inbound',
          data: { node: 'n1', how: 'drops (INPUT policy DROP)', port: 8472, peers: 'n2, n3' },
          nodes: ['n1'],
          fix: [
            'Accept VXLAN (UDP 8472) from the other nodes on n1, ahead of the INPUT policy DROP: for ip in 172.31.250.12 172.31.250.13; do iptables -t filter -C INPUT -p udp --dport 8472 -s "$ip" -j ACCEPT 2>/dev/null || iptables -t filter -I INPUT -p udp --dport 8472 -s "$ip" -j ACCEPT; done',
            'Make it last: firewalld: firewall-cmd --permanent --add-port=8472/udp && firewall-cmd --reload; ufw: ufw allow 8472/udp (a reload of the firewall that added the rule brings it back)',
            'Also open UDP 8472 between the nodes in any cloud security group or network ACL',
          ],
          steps: [
            {
              text: 'Accept VXLAN (UDP 8472) from the other nodes on n1, ahead of the INPUT policy DROP',
              on: 'node',
              run: 'for ip in 172.31.250.12 172.31.250.13; do iptables -t filter -C INPUT -p udp --dport 8472 -s "$ip" -j ACCEPT 2>/dev/null || iptables -t filter -I INPUT -p udp --dport 8472 -s "$ip" -j ACCEPT; done',
              verify: '! for ip in 172.31.250.12 172.31.250.13; do iptables -t filter -C INPUT -p udp --dport 8472 -s "$ip" -j ACCEPT 2>/dev/null || echo "$ip"; done | grep -q .',
            },
            { text: 'Make it last: firewalld: firewall-cmd --permanent --add-port=8472/udp && firewall-cmd --reload; ufw: ufw allow 8472/udp (a reload of the firewall that added the rule brings it back)', on: 'person', manual: 'advice for a person: no exact command' },
            { text: 'Also open UDP 8472 between the nodes in any cloud security group or network ACL', on: 'person', manual: 'advice for a person: no exact command' },
          ],
        },
      ],
    },
    {
      name: 'explicit DROP for 8472 in INPUT',
      evidence: breakNode('n2', (n) => n.iptables!.rules.unshift(rule_('filter', 'INPUT', '-p udp -m udp --dport 8472 -j DROP'))),
      expect: [
        {
          cause: 'flannel.vxlan-blocked',
          messageId: 'inbound',
          data: { node: 'n2', how: 'drops', port: 8472, peers: 'n1, n3' },
          nodes: ['n2'],
          fix: [
            'Remove the rule on n2 that drops VXLAN: while iptables -t filter -C INPUT -p udp -m udp --dport 8472 -j DROP 2>/dev/null; do iptables -t filter -D INPUT -p udp -m udp --dport 8472 -j DROP; done',
            'Make it last: firewalld: firewall-cmd --permanent --add-port=8472/udp && firewall-cmd --reload; ufw: ufw allow 8472/udp (a reload of the firewall that added the rule brings it back)',
            'Also open UDP 8472 between the nodes in any cloud security group or network ACL',
          ],
        },
      ],
    },
    {
      name: 'REJECT to one peer on OUTPUT',
      evidence: breakNode('n3', (n) => n.iptables!.rules.unshift(rule_('filter', 'OUTPUT', '-d 172.31.250.11/32 -p udp -m udp --dport 8472 -j REJECT --reject-with icmp-port-unreachable'))),
      expect: [
        {
          cause: 'flannel.vxlan-blocked',
          messageId: 'outbound',
          data: { node: 'n3', how: 'rejects', port: 8472, peers: 'n1' },
          nodes: ['n3'],
          fix: [
            'Remove the rule on n3 that rejects VXLAN: while iptables -t filter -C OUTPUT -d 172.31.250.11/32 -p udp -m udp --dport 8472 -j REJECT --reject-with icmp-port-unreachable 2>/dev/null; do iptables -t filter -D OUTPUT -d 172.31.250.11/32 -p udp -m udp --dport 8472 -j REJECT --reject-with icmp-port-unreachable; done',
            'Make it last: firewalld: firewall-cmd --permanent --add-port=8472/udp && firewall-cmd --reload; ufw: ufw allow 8472/udp (a reload of the firewall that added the rule brings it back)',
            'Also open UDP 8472 between the nodes in any cloud security group or network ACL',
          ],
        },
      ],
    },
  ],
});
