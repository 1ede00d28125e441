import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { requiredBinaries, winner } from './_conf.js';
import { restartFlannel } from '../_restart.js';

export default defineRule({
  id: 'cni/plugin-binaries',
  layer: 'cni',
  description:
    'Every plugin the CNI config in use runs must exist in the CNI bin dir: flannel, portmap, and the delegate flannel calls (bridge with host-local IPAM unless configured otherwise).',
  causes: ['cni.plugin-missing'],
  scope: 'node',
  needs: ['node.cni'],
  severity: 'error',
  messages: {
    missing: 'node {node}: CNI plugin "{plugin}" is missing from {dir} (needed as {why})',
  },
  docs: 'flannel\'s manifest installs only /opt/cni/bin/flannel; bridge, host-local, portmap and loopback come from the containernetworking plugins package (facts §3). A missing one fails every pod sandbox with failed to find plugin "X" in path [/opt/cni/bin].',
  check(ctx) {
    const { node } = ctx;
    const report = reportWithLogs(ctx, 'cni.plugin-missing');
    const conf = winner(node);
    if (!conf || !conf.valid) return;
    const dir = node.containerd?.cniBinDir ?? node.cniBinDir ?? '/opt/cni/bin';
    const have = new Set(node.cniBinaries.map((b) => b.slice(b.lastIndexOf('/') + 1)));
    for (const need of requiredBinaries(conf)) {
      if (have.has(need.type)) continue;
      const fromFlannelImage = need.type === 'flannel';
      report({
        messageId: 'missing',
        data: { node: node.name, plugin: need.type, dir, why: need.why },
        evidence: [
          { where: `node ${node.name}: ${dir}`, what: `no "${need.type}"; present: ${[...have].sort().join(', ') || 'nothing'}` },
          { where: `node ${node.name}: ${conf.file}`, what: `plugins: ${conf.pluginTypes.join(', ')}` },
        ],
        fix: fromFlannelImage
          ? [restartFlannel(node.name, `Restart flannel on ${node.name}: its install-cni-plugin init container copies the binary`), `Check that ${dir} is the hostPath the DaemonSet mounts (cniBinDir)`]
          : [
              `Install the standard CNI plugins on ${node.name}: apt-get install containernetworking-plugins (then link them: ln -s /usr/lib/cni/${need.type} ${dir}/${need.type}), or unpack the containernetworking/plugins release tarball into ${dir}`,
              'Pods stuck in ContainerCreating retry on their own once the binary is there',
            ],
      });
    }
  },
});
