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
      expect: [{ cause: 'cni.config-invalid', nodes: ['n2'], messageIncludes: '10-containerd-net.conflist sorts before' }],
    },
    {
      name: 'only another CNI config',
      evidence: breakNode('n3', (n) => (n.cniConfigs = [conf('/etc/cni/net.d/05-cilium.conflist', ['cilium-cni'])])),
      expect: [{ cause: 'cni.config-invalid', nodes: ['n3'], messageIncludes: 'no flannel config' }],
    },
    {
      name: 'a stale second network config after flannel',
      evidence: breakNode('n1', (n) => n.cniConfigs.push(conf('/etc/cni/net.d/87-podman-bridge.conflist', ['bridge', 'portmap', 'firewall']))),
      expect: [{ cause: 'cni.config-invalid', nodes: ['n1'], severity: 'warning', messageIncludes: '87-podman-bridge' }],
    },
  ],
});
