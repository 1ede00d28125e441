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
      expect: [
        {
          cause: 'cni.config-missing',
          messageId: 'none',
          data: { node: 'n2', dir: '/etc/cni/net.d' },
          nodes: ['n2'],
          fix: [
            'Restart flannel on n2: its install-cni init container writes /etc/cni/net.d/10-flannel.conflist from the kube-flannel-cfg ConfigMap (containerd picks it up without a restart; the kubelet turns the node Ready within seconds): kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
            'If no flannel pod runs on n2, see the flannel DaemonSet finding (node selector, affinity, taints): kubectl -n kube-flannel describe daemonset kube-flannel-ds',
          ],
        },
      ],
    },
    {
      name: 'only a backup file on n1',
      evidence: breakNode('n1', (n) => (n.cniConfigs = [{ ...n.cniConfigs[0], file: '/etc/cni/net.d/10-flannel.conflist.bak' }])),
      expect: [
        {
          cause: 'cni.config-missing',
          messageId: 'none',
          data: { node: 'n1', dir: '/etc/cni/net.d' },
          nodes: ['n1'],
          fix: [
            'Restart flannel on n1: its install-cni init container writes /etc/cni/net.d/10-flannel.conflist from the kube-flannel-cfg ConfigMap (containerd picks it up without a restart; the kubelet turns the node Ready within seconds): kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n1',
            'If no flannel pod runs on n1, see the flannel DaemonSet finding (node selector, affinity, taints): kubectl -n kube-flannel describe daemonset kube-flannel-ds',
          ],
        },
      ],
    },
    {
      name: 'containerd reads another dir',
      evidence: breakNode('n3', (n) => (n.containerd!.cniConfDir = '/etc/cni/conf.d')),
      expect: [
        {
          cause: 'cni.config-missing',
          messageId: 'elsewhere',
          data: { node: 'n3', runtimeDir: '/etc/cni/conf.d', dir: '/etc/cni/net.d' },
          nodes: ['n3'],
          fix: [
            `Point containerd at flannel's directory: in /etc/containerd/config.toml set [plugins."io.containerd.grpc.v1.cri".cni] conf_dir = "/etc/cni/net.d"`,
            'Restart containerd on n3 so it reads the new conf_dir: systemctl restart containerd',
          ],
        },
      ],
    },
  ],
});
