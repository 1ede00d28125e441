import { isFlannelConfig, loadOrder } from '../../rules/cni/_conf.js';
import { defineRule } from '../../rules/define-rule.js';

/** Plugins that only decorate a network: a config of just these does not compete with flannel. */
const META_ONLY = new Set(['loopback', 'portmap', 'bandwidth', 'tuning', 'firewall', 'sbr']);

export default defineRule({
  id: 'preflight/cni-conflicts',
  layer: 'node',
  description: 'No other CNI network config may sit in the CNI conf dir: the runtime uses the one that sorts first, and a leftover one beats flannel\'s 10-flannel.conflist.',
  causes: ['cni.config-invalid'],
  scope: 'node',
  needs: ['node.cni'],
  severity: 'error',
  messages: {
    other: 'node {node}: {file} ({types}) is another network\'s CNI config; with it in {dir} pods may get its network instead of flannel\'s',
  },
  docs: 'Typical leftovers: 10-containerd-net.conflist from the containerd package, 87-podman-bridge.conflist, a previous CNI (calico, weave, cilium). Files holding only meta plugins (loopback, portmap, bandwidth, tuning) do not compete.',
  check({ node, report }) {
    const dir = node.cniConfDir ?? '/etc/cni/net.d';
    for (const c of loadOrder(node)) {
      if (isFlannelConfig(c) || (c.pluginTypes.length && c.pluginTypes.every((t) => META_ONLY.has(t)))) continue;
      const types = c.pluginTypes.join(', ') || 'unreadable';
      report({
        messageId: 'other',
        data: { node: node.name, file: c.file, types, dir },
        evidence: [{ where: `node ${node.name}: ${c.file}`, what: `plugins: ${types}` }],
        fix: [`Move it away before installing flannel: mv ${c.file} /root/${c.file.slice(c.file.lastIndexOf('/') + 1)}.disabled`, 'Pods that already got addresses from it must be re-created after flannel is running'],
      });
    }
  },
});
