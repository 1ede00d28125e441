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
      expect: [{ cause: 'node.forward-drop', nodes: ['n2'], severity: 'error', messageIncludes: 'pod 10.244.1.5' }],
    },
    {
      name: 'only the -d rule left: pods cannot reach outside',
      evidence: breakNode('n3', (n) => {
        dropPolicy(n);
        n.iptables!.rules = n.iptables!.rules.filter((r) => !(r.chain === 'FLANNEL-FWD' && r.rule.startsWith('-s')));
      }, { cluster: false }),
      expect: [{ cause: 'node.forward-drop', nodes: ['n3'], messageIncludes: 'pod 10.244.2.5 → outside' }],
    },
  ],
});
