import type { CniConfigFile } from '../../evidence/node.js';
import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './config-winner.js';

const conf = (file: string, types: string[]): CniConfigFile => ({ file, name: 'x', cniVersion: '1.0.0', pluginTypes: types, raw: { cniVersion: '1.0.0', name: 'x', plugins: types.map((type) => ({ type })) }, valid: true, problems: [] });

testRule(rule, {
  healthy: [
    { name: 'only flannel', evidence: healthy() },
    { name: 'flannel plus a loopback-only file', evidence: breakNode('n1', (n) => n.cniConfigs.push(conf('/etc/cni/net.d/99-loopback.conf', ['loopback']))) },
  ],
  faulty: [
    {
      name: "containerd's sample config sorts before flannel's",
      evidence: breakNode('n2', (n) => n.cniConfigs.push(conf('/etc/cni/net.d/10-containerd-net.conflist', ['bridge', 'portmap']))),
      expect: [
        {
          cause: 'cni.config-invalid',
          messageId: 'otherWins',
          data: { node: 'n2', winner: '/etc/cni/net.d/10-containerd-net.conflist', flannel: '/etc/cni/net.d/10-flannel.conflist', types: 'bridge, portmap' },
          nodes: ['n2'],
          fix: [
            'Move the other config away: mv /etc/cni/net.d/10-containerd-net.conflist /root/10-containerd-net.conflist.disabled',
            "Delete the pods on n2 that got addresses from it so they are re-created on flannel's network",
          ],
        },
      ],
    },
    {
      name: 'only another CNI config',
      evidence: breakNode('n3', (n) => (n.cniConfigs = [conf('/etc/cni/net.d/05-cilium.conflist', ['cilium-cni'])])),
      expect: [
        {
          cause: 'cni.config-invalid',
          messageId: 'noFlannel',
          data: { node: 'n3', winner: '/etc/cni/net.d/05-cilium.conflist', flannel: '', types: 'cilium-cni' },
          nodes: ['n3'],
          fix: [
            'Move /etc/cni/net.d/05-cilium.conflist away',
            'Restart flannel on n3 so it writes its config: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
          ],
        },
      ],
    },
    {
      name: 'a stale second network config after flannel',
      evidence: breakNode('n1', (n) => n.cniConfigs.push(conf('/etc/cni/net.d/87-podman-bridge.conflist', ['bridge', 'portmap', 'firewall']))),
      expect: [
        {
          cause: 'cni.config-invalid',
          messageId: 'shadowed',
          data: { node: 'n1', other: '/etc/cni/net.d/87-podman-bridge.conflist', winner: '/etc/cni/net.d/10-flannel.conflist' },
          nodes: ['n1'],
          severity: 'warning',
          fix: [
            'Remove the stale config: mv /etc/cni/net.d/87-podman-bridge.conflist /root/87-podman-bridge.conflist.disabled',
          ],
        },
      ],
    },
  ],
});
