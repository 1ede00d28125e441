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
      expect: [{ cause: 'cni.config-invalid', nodes: ['n1'], messageIncludes: '10-containerd-net.conflist' }],
    },
  ],
});
