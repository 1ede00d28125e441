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
      expect: [
        {
          cause: 'flannel.ipmasq',
          messageId: 'noMasq',
          data: { node: 'n3', decided: 'policy ACCEPT of nat POSTROUTING' },
          nodes: ['n3'],
          fix: [
            'Restart flannel on n3 so it reinstalls FLANNEL-POSTRTG: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
            'Immediate relief: iptables -t nat -C POSTROUTING -s 10.244.0.0/16 ! -d 10.244.0.0/16 -j MASQUERADE 2>/dev/null || iptables -t nat -A POSTROUTING -s 10.244.0.0/16 ! -d 10.244.0.0/16 -j MASQUERADE',
            'If both iptables-legacy and iptables-nft hold rules, make the node use one (update-alternatives --set iptables /usr/sbin/iptables-nft) so flanneld and kube-proxy write to the same tables',
          ],
          steps: [
            {
              text: 'Restart flannel on n3 so it reinstalls FLANNEL-POSTRTG',
              on: 'cluster',
              run: 'kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
              verify: 'kubectl -n kube-flannel wait pod -l app=flannel --field-selector spec.nodeName=n3 --for=condition=Ready --timeout=120s',
              manual: "assumes the stock flannelNamespace kube-flannel; the evidence does not show this cluster's",
            },
            {
              text: 'Immediate relief',
              on: 'node',
              run: 'iptables -t nat -C POSTROUTING -s 10.244.0.0/16 ! -d 10.244.0.0/16 -j MASQUERADE 2>/dev/null || iptables -t nat -A POSTROUTING -s 10.244.0.0/16 ! -d 10.244.0.0/16 -j MASQUERADE',
              verify: 'iptables -t nat -C POSTROUTING -s 10.244.0.0/16 ! -d 10.244.0.0/16 -j MASQUERADE',
              manual: 'relief until flanneld reinstalls its own rules: the restart above is the fix',
            },
            {
              text: 'If both iptables-legacy and iptables-nft hold rules, make the node use one (update-alternatives --set iptables /usr/sbin/iptables-nft) so flanneld and kube-proxy write to the same tables',
              on: 'person',
              manual: 'advice for a person: no exact command',
            },
          ],
        },
      ],
    },
    {
      name: 'no nat rules at all',
      evidence: breakNode('n1', (n) => {
        n.iptables!.rules = n.iptables!.rules.filter((r) => r.table !== 'nat');
        delete (n.iptables!.policies as Record<string, unknown>).nat;
      }, { cluster: false }),
      expect: [
        {
          cause: 'flannel.ipmasq',
          messageId: 'noMasq',
          data: { node: 'n1', decided: 'no nat table at all' },
          nodes: ['n1'],
          fix: [
            'Restart flannel on n1 so it reinstalls FLANNEL-POSTRTG: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
            'Immediate relief: iptables -t nat -C POSTROUTING -s 10.244.0.0/16 ! -d 10.244.0.0/16 -j MASQUERADE 2>/dev/null || iptables -t nat -A POSTROUTING -s 10.244.0.0/16 ! -d 10.244.0.0/16 -j MASQUERADE',
            'If both iptables-legacy and iptables-nft hold rules, make the node use one (update-alternatives --set iptables /usr/sbin/iptables-nft) so flanneld and kube-proxy write to the same tables',
          ],
        },
      ],
    },
  ],
});
