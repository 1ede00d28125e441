import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './config-present.js';

testRule(rule, {
  healthy: [
    { name: 'flannel conflist on every node', evidence: healthy() },
    { name: 'node evidence only', evidence: healthy({ cluster: false }) },
  ],
  faulty: [
    {
      name: 'conf dir empty on n2',
      evidence: breakNode('n2', (n) => (n.cniConfigs = [])),
      expect: [{ cause: 'cni.config-missing', nodes: ['n2'], messageIncludes: '/etc/cni/net.d' }],
    },
    {
      name: 'only a backup file on n1',
      evidence: breakNode('n1', (n) => (n.cniConfigs = [{ ...n.cniConfigs[0], file: '/etc/cni/net.d/10-flannel.conflist.bak' }])),
      expect: [{ cause: 'cni.config-missing', nodes: ['n1'] }],
    },
    {
      name: 'containerd reads another dir',
      evidence: breakNode('n3', (n) => (n.containerd!.cniConfDir = '/etc/cni/conf.d')),
      expect: [{ cause: 'cni.config-missing', nodes: ['n3'], messageIncludes: '/etc/cni/conf.d' }],
    },
  ],
});
