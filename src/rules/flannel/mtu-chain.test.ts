import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../engine/deep-freeze.js';
import { runRules } from '../../engine/run-rules.js';
import { makeEvidence, testRule, type EvidenceInput } from '../rule-tester.js';
import { breakNode, healthy, link } from '../_healthy-nodes.js';
import rule from './mtu-chain.js';

/** The fix when n2's underlay is 1450: Backend.MTU the underlay's, then flannel.1, cni0 and the pods lowered in place. */
const FIX_UNDERLAY_1450 = [
  "Set Backend MTU 1450 (the smallest underlay MTU 1450: flannel.1 becomes 1450 − 50 = 1400) in net-conf.json of ConfigMap kube-flannel/kube-flannel-cfg: kubectl -n kube-flannel patch configmap kube-flannel-cfg --type merge -p '{\"data\":{\"net-conf.json\":\"{\\n  \\\"Network\\\": \\\"10.244.0.0/16\\\",\\n  \\\"EnableNFTables\\\": false,\\n  \\\"Backend\\\": {\\n    \\\"Type\\\": \\\"vxlan\\\",\\n    \\\"MTU\\\": 1450\\n  }\\n}\\n\"}}'",
  'Restart flannel on every node so that subnet.env and new pods take the new MTU: kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
  "Lower flannel.1 to MTU 1400 (flanneld keeps an existing device's MTU): m=$(ip -o link show flannel.1 2>/dev/null | sed -n 's/.* mtu \\([0-9]*\\) .*/\\1/p'); [ -z \"$m\" ] || ip link set flannel.1 mtu 1400",
  'Lower the cni0 bridge to MTU 1400, if it is bigger: m=$(ip -o link show cni0 2>/dev/null | sed -n \'s/.* mtu \\([0-9]*\\) .*/\\1/p\'); [ -z "$m" ] || [ "$m" -le 1400 ] || ip link set cni0 mtu 1400',
  'Make the pods of kube-system on those nodes anew, so that their veths take MTU 1400 (their controllers re-create them; for a workload that must keep serving, roll it instead): kubectl -n kube-system delete pod coredns-5dd5756b68-7xk2p coredns-5dd5756b68-q9w4d',
];

testRule(rule, {
  healthy: [
    { name: '1500 underlay, 1450 overlay', evidence: healthy() },
    {
      name: 'jumbo underlay with a smaller flannel.1 is fine',
      evidence: breakNode('n1', (n) => (link(n, 'eth0').mtu = 9001)),
    },
  ],
  faulty: [
    {
      name: 'underlay shrunk to 1450 on n2 (seen by its peers too)',
      evidence: breakNode('n2', (n) => (link(n, 'eth0').mtu = 1450)),
      expect: [
        {
          cause: 'flannel.mtu',
          messageId: 'peerUnderlay',
          data: { node: 'n1', vxMtu: 1450, need: 1500, peer: 'n2', dev: 'eth0', devMtu: 1450 },
          nodes: ['n1', 'n2'],
          fix: FIX_UNDERLAY_1450,
        },
        {
          cause: 'flannel.mtu',
          messageId: 'underlay',
          data: { node: 'n2', dev: 'eth0', devMtu: 1450, vxMtu: 1450 },
          nodes: ['n2'],
          fix: FIX_UNDERLAY_1450,
        },
        {
          cause: 'flannel.mtu',
          messageId: 'peerUnderlay',
          data: { node: 'n3', vxMtu: 1450, need: 1500, peer: 'n2', dev: 'eth0', devMtu: 1450 },
          nodes: ['n3', 'n2'],
          fix: FIX_UNDERLAY_1450,
        },
      ],
    },
    {
      name: 'subnet.env MTU differs from flannel.1',
      evidence: breakNode('n3', (n) => (n.subnetEnv!.mtu = 1500)),
      expect: [
        {
          cause: 'flannel.mtu',
          messageId: 'subnetEnv',
          data: { node: 'n3', envMtu: 1500, vxMtu: 1450 },
          nodes: ['n3'],
          fix: [
            'Restart flannel on n3 so that subnet.env and flannel.1 agree: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
            'Re-create the pods on the node afterwards: a pod keeps its veth MTU until it is re-created',
          ],
        },
      ],
    },
    {
      name: 'pod veths at 1500',
      evidence: breakNode('n1', (n) => n.links.filter((l) => l.kind === 'veth').forEach((l) => (l.mtu = 1500))),
      expect: [
        {
          cause: 'flannel.mtu',
          messageId: 'pods',
          data: { node: 'n1', links: 'veth3f2a9c1d (1500), veth77b0e412 (1500)', vxMtu: 1450 },
          nodes: ['n1'],
          fix: [
            'Check FLANNEL_MTU in /run/flannel/subnet.env and any "mtu" in the CNI config delegate: new pods take their MTU from there',
            'Make the pods of kube-system on those nodes anew, so that their veths take MTU 1450 (their controllers re-create them; for a workload that must keep serving, roll it instead): kubectl -n kube-system delete pod coredns-5dd5756b68-7xk2p',
          ],
        },
      ],
    },
    {
      name: 'cni0 and the pod veths at 1500',
      evidence: breakNode('n1', (n) => n.links.filter((l) => l.kind === 'veth' || l.name === 'cni0').forEach((l) => (l.mtu = 1500))),
      expect: [
        {
          cause: 'flannel.mtu',
          messageId: 'pods',
          data: { node: 'n1', links: 'cni0 (1500), veth3f2a9c1d (1500), veth77b0e412 (1500)', vxMtu: 1450 },
          nodes: ['n1'],
          fix: [
            'Check FLANNEL_MTU in /run/flannel/subnet.env and any "mtu" in the CNI config delegate: new pods take their MTU from there',
            'Lower the cni0 bridge to MTU 1450: m=$(ip -o link show cni0 2>/dev/null | sed -n \'s/.* mtu \\([0-9]*\\) .*/\\1/p\'); [ -z "$m" ] || [ "$m" -le 1450 ] || ip link set cni0 mtu 1450',
            'Make the pods of kube-system on those nodes anew, so that their veths take MTU 1450 (their controllers re-create them; for a workload that must keep serving, roll it instead): kubectl -n kube-system delete pod coredns-5dd5756b68-7xk2p',
          ],
          steps: [
            { text: 'Check FLANNEL_MTU in /run/flannel/subnet.env and any "mtu" in the CNI config delegate: new pods take their MTU from there', on: 'person', manual: 'advice for a person: no exact command' },
            {
              text: 'Lower the cni0 bridge to MTU 1450',
              on: 'node',
              run: 'm=$(ip -o link show cni0 2>/dev/null | sed -n \'s/.* mtu \\([0-9]*\\) .*/\\1/p\'); [ -z "$m" ] || [ "$m" -le 1450 ] || ip link set cni0 mtu 1450',
              verify: 'm=$(ip -o link show cni0 2>/dev/null | sed -n \'s/.* mtu \\([0-9]*\\) .*/\\1/p\'); [ -z "$m" ] || [ "$m" -le 1450 ]',
            },
            {
              text: 'Make the pods of kube-system on those nodes anew, so that their veths take MTU 1450 (their controllers re-create them; for a workload that must keep serving, roll it instead)',
              on: 'cluster',
              run: 'kubectl -n kube-system delete pod coredns-5dd5756b68-7xk2p',
              verify: '! kubectl -n kube-system get pod coredns-5dd5756b68-7xk2p -o name 2>/dev/null | grep -q .',
            },
          ],
        },
      ],
    },
  ],
});

describe('the MTU fix is computed from the underlay', () => {
  const run = (input: EvidenceInput) => runRules(deepFreeze(makeEvidence(input)), [rule]).findings;

  it('Backend.MTU is the smallest underlay MTU (flanneld subtracts 50 itself), patched into net-conf.json with the rest kept, then flannel restarted and flannel.1 lowered in place', () => {
    const [f] = run(breakNode('n2', (n) => (link(n, 'eth0').mtu = 1400)));
    const [patch, restart, vxlan] = f.steps;
    expect(patch).toMatchObject({ on: 'cluster', text: expect.stringContaining('flannel.1 becomes 1400 − 50 = 1350') });
    expect(patch.manual).toBeUndefined();
    const json = /-p '(.*)'$/.exec(patch.run!)![1];
    const conf = JSON.parse(JSON.parse(json).data['net-conf.json']);
    expect(conf.Backend).toMatchObject({ Type: 'vxlan', MTU: 1400 });
    expect(conf.Network).toBe('10.244.0.0/16');
    expect(patch.verify).toContain('"MTU": 1400');
    expect(restart.run).toBe('kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds');
    expect([vxlan.on, vxlan.run]).toEqual(['node', 'm=$(ip -o link show flannel.1 2>/dev/null | sed -n \'s/.* mtu \\([0-9]*\\) .*/\\1/p\'); [ -z "$m" ] || ip link set flannel.1 mtu 1350']);
    expect(f.fix.join('\n')).not.toMatch(/<n>|<mtu>/);
  });

  it('without flannel\'s ConfigMap, the value, for a person', () => {
    const [f] = run(breakNode('n2', (n) => (link(n, 'eth0').mtu = 1400), { cluster: false }));
    expect(f.fix[0]).toContain('"MTU": 1400');
    expect(f.steps[0].manual).toBeTruthy();
  });

  it('a bare pod has no controller to make it again: its own spec is sent back (replace --force), and its readiness is the verify', () => {
    const input = breakNode('n1', (n) => n.links.filter((l) => l.kind === 'veth').forEach((l) => (l.mtu = 1500)));
    const pods = input.cluster!.pods!;
    pods.push({ ...pods[0]!, namespace: 'default', name: 'debug', ownerKind: undefined, ownerName: undefined, nodeName: 'n1', hostNetwork: false });
    pods.push({ ...pods[0]!, namespace: 'default', name: 'host-agent', ownerKind: undefined, ownerName: undefined, nodeName: 'n1', hostNetwork: true });
    const [f] = run(input);
    const bare = f.steps.filter((s) => s.run?.includes('replace --force'));
    expect(bare.map((s) => [s.run, s.verify])).toEqual([
      ['kubectl -n default get pod debug -o json | kubectl replace --force -f -', 'kubectl -n default wait --for=condition=Ready pod/debug --timeout=120s'],
    ]);
  });
});
