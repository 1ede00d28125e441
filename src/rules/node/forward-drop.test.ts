import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './forward-drop.js';

const dropPolicy = (n: { iptables?: { policies: Record<string, Record<string, string>> } }) => (n.iptables!.policies.filter.FORWARD = 'DROP');
const noFlannelFwd = (n: { iptables?: { rules: { chain: string; target?: string }[] } }) =>
  (n.iptables!.rules = n.iptables!.rules.filter((r) => r.chain !== 'FLANNEL-FWD' && r.target !== 'FLANNEL-FWD'));

testRule(rule, {
  healthy: [
    { name: 'FORWARD ACCEPT', evidence: healthy() },
    { name: 'Docker DROP policy with FLANNEL-FWD', evidence: breakNode('n1', dropPolicy) },
    { name: 'ACCEPT policy without flannel rules', evidence: breakNode('n2', noFlannelFwd) },
    { name: 'node evidence only', evidence: healthy({ cluster: false }) },
  ],
  faulty: [
    {
      name: 'Docker set DROP and FLANNEL-FWD is gone',
      evidence: breakNode('n2', (n) => {
        dropPolicy(n);
        noFlannelFwd(n);
      }),
      expect: [
        {
          cause: 'node.forward-drop',
          messageId: 'dropped',
          data: { node: 'n2', flows: 'pod 10.244.1.5 → pod 10.244.0.5 on n1; pod 10.244.0.5 on n1 → pod 10.244.1.5; pod 10.244.1.5 → outside 198.51.100.10:443' },
          nodes: ['n2'],
          fix: [
            `Accept pod traffic from 10.244.0.0/16 in FORWARD on n2, ahead of the DROP policy (flannel's DaemonSet is not in the evidence): iptables -t filter -C FORWARD -s 10.244.0.0/16 -j ACCEPT 2>/dev/null || iptables -t filter -I FORWARD -s 10.244.0.0/16 -j ACCEPT`,
            `Accept pod traffic to 10.244.0.0/16 in FORWARD on n2, ahead of the DROP policy (flannel's DaemonSet is not in the evidence): iptables -t filter -C FORWARD -d 10.244.0.0/16 -j ACCEPT 2>/dev/null || iptables -t filter -I FORWARD -d 10.244.0.0/16 -j ACCEPT`,
            `Docker sets the FORWARD policy to DROP each time it starts: keep flannel's forward rules on (its default), or add the accept rules to the firewall configuration the node boots with`,
          ],
        },
      ],
    },
    {
      name: 'only the -d rule left: pods cannot reach outside',
      evidence: breakNode('n3', (n) => {
        dropPolicy(n);
        n.iptables!.rules = n.iptables!.rules.filter((r) => !(r.chain === 'FLANNEL-FWD' && r.rule.startsWith('-s')));
      }, { cluster: false }),
      expect: [
        {
          cause: 'node.forward-drop',
          messageId: 'dropped',
          data: { node: 'n3', flows: 'pod 10.244.2.5 → outside 198.51.100.10:443' },
          nodes: ['n3'],
          fix: [
            `Accept pod traffic from 10.244.0.0/16 in FORWARD on n3, ahead of the DROP policy (flannel's DaemonSet is not in the evidence): iptables -t filter -C FORWARD -s 10.244.0.0/16 -j ACCEPT 2>/dev/null || iptables -t filter -I FORWARD -s 10.244.0.0/16 -j ACCEPT`,
            `Accept pod traffic to 10.244.0.0/16 in FORWARD on n3, ahead of the DROP policy (flannel's DaemonSet is not in the evidence): iptables -t filter -C FORWARD -d 10.244.0.0/16 -j ACCEPT 2>/dev/null || iptables -t filter -I FORWARD -d 10.244.0.0/16 -j ACCEPT`,
            `Docker sets the FORWARD policy to DROP each time it starts: keep flannel's forward rules on (its default), or add the accept rules to the firewall configuration the node boots with`,
          ],
        },
      ],
    },
  ],
});
