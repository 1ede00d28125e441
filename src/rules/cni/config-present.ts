import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { restartFlannel } from '../_restart.js';
import { dirName, loadOrder } from './_conf.js';

export default defineRule({
  id: 'cni/config-present',
  layer: 'cni',
  description:
    'The node must have a CNI config in the directory the runtime reads (/etc/cni/net.d unless containerd says otherwise); without one the runtime reports "cni plugin not initialized" and no pod gets a network.',
  causes: ['cni.config-missing'],
  scope: 'node',
  needs: ['node.cni'],
  severity: 'error',
  messages: {
    none: 'node {node} has no CNI config in {dir}',
    elsewhere: 'node {node}: containerd reads CNI configs from {runtimeDir}, but the configs are in {dir}',
  },
  docs: 'containerd loads .conf, .conflist and .json files from its conf_dir (facts §4.4). flannel\'s install-cni init container writes /etc/cni/net.d/10-flannel.conflist; when that never happened (flannel pod not scheduled, init container failing) or containerd looks elsewhere, the node stays NotReady.',
  check(ctx) {
    const { node } = ctx;
    const report = reportWithLogs(ctx, 'cni.config-missing');
    const files = loadOrder(node);
    const dir = node.cniConfDir ?? '/etc/cni/net.d';
    const runtimeDir = node.containerd?.cniConfDir;
    if (!files.length) {
      report({
        messageId: 'none',
        data: { node: node.name, dir },
        evidence: [{ where: `node ${node.name}: ${dir}`, what: node.cniConfigs.length ? `only non-config files: ${node.cniConfigs.map((c) => c.file).join(', ')}` : 'no .conf, .conflist or .json file' }],
        fix: [
          restartFlannel(node.name, `Restart flannel on ${node.name}: its install-cni init container writes ${dir}/10-flannel.conflist from the kube-flannel-cfg ConfigMap (containerd picks it up without a restart; the kubelet turns the node Ready within seconds)`),
          `If no flannel pod runs on ${node.name}, see the flannel DaemonSet finding (node selector, affinity, taints): kubectl -n {flannelNamespace} describe daemonset {flannelDaemonSet}`,
        ],
      });
      return;
    }
    const used = files.map((f) => dirName(f.file));
    if (runtimeDir && !used.includes(runtimeDir.replace(/\/+$/, ''))) {
      report({
        messageId: 'elsewhere',
        data: { node: node.name, runtimeDir, dir: [...new Set(used)].join(', ') },
        evidence: [
          { where: `node ${node.name}: ${node.containerd?.file ?? 'containerd config'}`, what: `conf_dir = "${runtimeDir}"` },
          ...files.map((f) => ({ where: `node ${node.name}: ${f.file}`, what: 'CNI config outside containerd\'s conf_dir' })),
        ],
        fix: [
          `Point containerd at flannel's directory: in ${node.containerd?.file ?? '/etc/containerd/config.toml'} set [plugins."io.containerd.grpc.v1.cri".cni] conf_dir = "${dirName(files[0].file)}"`,
          { step: 'containerd.restart', text: 'Restart containerd on {node} so it reads the new conf_dir', manual: 'completes the config.toml change above, made by hand' },
        ],
      });
    }
  },
});
