import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../engine/deep-freeze.js';
import { runRules } from '../../engine/run-rules.js';
import { makeEvidence, testRule, type EvidenceInput } from '../rule-tester.js';
import { breakNode, healthy, link } from '../_healthy-nodes.js';
import rule from './mtu-chain.js';

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
          fix: [
            "Set MTU 1400 (underlay MTU 1450 − 50) in net-conf.json of ConfigMap kube-flannel/kube-flannel-cfg: kubectl -n kube-flannel patch configmap kube-flannel-cfg --type merge -p '{\"data\":{\"net-conf.json\":\"{\\n  \\\"Network\\\": \\\"10.244.0.0/16\\\",\\n  \\\"EnableNFTables\\\": false,\\n  \\\"Backend\\\": {\\n    \\\"Type\\\": \\\"vxlan\\\",\\n    \\\"MTU\\\": 1400\\n  }\\n}\\n\"}}'",
            'Restart flannel on every node so that it takes the new MTU: kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
            'Re-create the pods afterwards: a pod keeps its veth MTU until it is re-created',
          ],
        },
        {
          cause: 'flannel.mtu',
          messageId: 'underlay',
          data: { node: 'n2', dev: 'eth0', devMtu: 1450, vxMtu: 1450 },
          nodes: ['n2'],
          fix: [
            "Set MTU 1400 (underlay MTU 1450 − 50) in net-conf.json of ConfigMap kube-flannel/kube-flannel-cfg: kubectl -n kube-flannel patch configmap kube-flannel-cfg --type merge -p '{\"data\":{\"net-conf.json\":\"{\\n  \\\"Network\\\": \\\"10.244.0.0/16\\\",\\n  \\\"EnableNFTables\\\": false,\\n  \\\"Backend\\\": {\\n    \\\"Type\\\": \\\"vxlan\\\",\\n    \\\"MTU\\\": 1400\\n  }\\n}\\n\"}}'",
            'Restart flannel on every node so that it takes the new MTU: kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
            'Re-create the pods afterwards: a pod keeps its veth MTU until it is re-created',
          ],
        },
        {
          cause: 'flannel.mtu',
          messageId: 'peerUnderlay',
          data: { node: 'n3', vxMtu: 1450, need: 1500, peer: 'n2', dev: 'eth0', devMtu: 1450 },
          nodes: ['n3', 'n2'],
          fix: [
            "Set MTU 1400 (underlay MTU 1450 − 50) in net-conf.json of ConfigMap kube-flannel/kube-flannel-cfg: kubectl -n kube-flannel patch configmap kube-flannel-cfg --type merge -p '{\"data\":{\"net-conf.json\":\"{\\n  \\\"Network\\\": \\\"10.244.0.0/16\\\",\\n  \\\"EnableNFTables\\\": false,\\n  \\\"Backend\\\": {\\n    \\\"Type\\\": \\\"vxlan\\\",\\n    \\\"MTU\\\": 1400\\n  }\\n}\\n\"}}'",
            'Restart flannel on every node so that it takes the new MTU: kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
            'Re-create the pods afterwards: a pod keeps its veth MTU until it is re-created',
          ],
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
            'Check FLANNEL_MTU in /run/flannel/subnet.env and any "mtu" in the CNI config delegate, then re-create the pods on n1 (and ip link delete cni0 if the bridge itself is too big)',
          ],
        },
      ],
    },
  ],
});

describe('the MTU fix is computed from the underlay', () => {
  const run = (input: EvidenceInput) => runRules(deepFreeze(makeEvidence(input)), [rule]).findings;

  it('the smallest underlay MTU − 50, patched into net-conf.json with the rest kept, then flannel restarted', () => {
    const [f] = run(breakNode('n2', (n) => (link(n, 'eth0').mtu = 1400)));
    const [patch, restart] = f.steps;
    expect(patch).toMatchObject({ on: 'cluster', text: expect.stringContaining('MTU 1350') });
    expect(patch.manual).toBeUndefined();
    const json = /-p '(.*)'$/.exec(patch.run!)![1];
    const conf = JSON.parse(JSON.parse(json).data['net-conf.json']);
    expect(conf.Backend).toMatchObject({ Type: 'vxlan', MTU: 1350 });
    expect(conf.Network).toBe('10.244.0.0/16');
    expect(patch.verify).toContain('"MTU": 1350');
    expect(restart.run).toBe('kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds');
    expect(f.fix.join('\n')).not.toMatch(/<n>|<mtu>/);
  });

  it('without flannel\'s ConfigMap, the value, for a person', () => {
    const [f] = run(breakNode('n2', (n) => (link(n, 'eth0').mtu = 1400), { cluster: false }));
    expect(f.fix[0]).toContain('"MTU": 1350');
    expect(f.steps[0].manual).toBeTruthy();
  });
});
