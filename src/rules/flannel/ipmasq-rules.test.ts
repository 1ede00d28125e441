import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './ipmasq-rules.js';

const noMasq = (n: { iptables?: { rules: { table: string; target?: string }[] } }) =>
  (n.iptables!.rules = n.iptables!.rules.filter((r) => !(r.table === 'nat' && r.target === 'MASQUERADE')));

testRule(rule, {
  healthy: [
    { name: 'flannel masquerade rules', evidence: healthy() },
    { name: '--ip-masq off: bridge ipMasq does it per pod', evidence: breakNode('n1', (n) => { n.subnetEnv!.ipmasq = false; noMasq(n); }) },
    {
      name: 'old flannel with rules directly in POSTROUTING',
      evidence: breakNode('n2', (n) => {
        n.iptables!.rules = n.iptables!.rules.filter((r) => r.table !== 'nat');
        n.iptables!.rules.push(
          { table: 'nat', chain: 'POSTROUTING', rule: '-s 10.244.0.0/16 -d 10.244.0.0/16 -j RETURN', target: 'RETURN' },
          { table: 'nat', chain: 'POSTROUTING', rule: '-s 10.244.0.0/16 ! -d 224.0.0.0/4 -j MASQUERADE', target: 'MASQUERADE' },
        );
      }),
    },
  ],
  faulty: [
    {
      name: 'masquerade rules flushed',
      evidence: breakNode('n3', noMasq),
      expect: [{ cause: 'flannel.ipmasq', nodes: ['n3'], messageIncludes: 'FLANNEL_IPMASQ=true' }],
    },
    {
      name: 'no nat rules at all',
      evidence: breakNode('n1', (n) => {
        n.iptables!.rules = n.iptables!.rules.filter((r) => r.table !== 'nat');
        delete (n.iptables!.policies as Record<string, unknown>).nat;
      }, { cluster: false }),
      expect: [{ cause: 'flannel.ipmasq', nodes: ['n1'] }],
    },
  ],
});
