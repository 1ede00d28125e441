import { breakNode } from '../../rules/_healthy-nodes.js';
import { testRule } from '../../rules/rule-tester.js';
import rule from './cni-conflicts.js';

const one = { cluster: false, nodes: ['n1'] };

testRule(rule, {
  healthy: [
    { name: "flannel's config only", evidence: breakNode('n1', () => {}, one) },
    { name: 'nothing yet (before install)', evidence: breakNode('n1', (n) => (n.cniConfigs = []), one) },
    { name: 'a loopback-only config does not compete', evidence: breakNode('n1', (n) => n.cniConfigs.push({ file: '/etc/cni/net.d/99-loopback.conf', pluginTypes: ['loopback'], valid: true, problems: [] }), one) },
  ],
  faulty: [
    {
      name: "containerd's own bridge config left behind",
      evidence: breakNode('n1', (n) => (n.cniConfigs = [{ file: '/etc/cni/net.d/10-containerd-net.conflist', pluginTypes: ['bridge', 'portmap'], valid: true, problems: [] }]), one),
      expect: [
        {
          cause: 'cni.config-invalid',
          messageId: 'other',
          data: { node: 'n1', file: '/etc/cni/net.d/10-containerd-net.conflist', types: 'bridge, portmap', dir: '/etc/cni/net.d' },
          nodes: ['n1'],
          fix: [
            'Move it away before installing flannel: mv /etc/cni/net.d/10-containerd-net.conflist /root/10-containerd-net.conflist.disabled',
            'Pods that already got addresses from it must be re-created after flannel is running',
          ],
        },
      ],
    },
  ],
});
