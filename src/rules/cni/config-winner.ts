import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { baseName, isFlannelConfig, loadOrder } from './_conf.js';
import { restartFlannel } from '../_restart.js';

/** Plugins that only decorate a network: a config of just these does not compete with flannel. */
const META_ONLY = new Set(['loopback', 'portmap', 'bandwidth', 'tuning', 'firewall', 'sbr']);

export default defineRule({
  id: 'cni/config-winner',
  layer: 'cni',
  description:
    "The CNI config that sorts first in the conf dir is the only one the runtime uses: it must be flannel's, and no other network config should sit beside it.",
  causes: ['cni.config-invalid'],
  scope: 'node',
  needs: ['node.cni'],
  severity: 'error',
  messages: {
    otherWins: "node {node}: {winner} sorts before {flannel} and wins; pods get {types} instead of flannel",
    noFlannel: "node {node}: the CNI config in use ({winner}, plugins {types}) is not flannel's and no flannel config exists",
    shadowed: "node {node}: {other} is a second network config beside {winner}; it is ignored today and takes over if it ever sorts first",
  },
  docs: 'containerd sorts /etc/cni/net.d and uses only the first file (facts §4.4): a leftover 10-containerd-net.conflist or another CNI\'s 05-*.conf silently beats 10-flannel.conflist. Files holding only meta plugins (loopback, portmap, bandwidth, tuning) do not compete.',
  check(ctx) {
    const { node } = ctx;
    const report = reportWithLogs(ctx, 'cni.config-invalid');
    const files = loadOrder(node);
    if (!files.length) return; // cni/config-present says so
    const win = files[0];
    const flannel = files.find(isFlannelConfig);
    const types = win.pluginTypes.join(', ') || 'unknown plugins';
    if (win !== flannel) {
      const competing = win.pluginTypes.length === 0 || win.pluginTypes.some((t) => !META_ONLY.has(t));
      if (!competing && !flannel) return;
      report({
        messageId: flannel ? 'otherWins' : 'noFlannel',
        data: { node: node.name, winner: win.file, flannel: flannel?.file ?? '', types },
        evidence: [
          { where: `node ${node.name}: ${node.cniConfDir ?? '/etc/cni/net.d'}`, what: `load order: ${files.map((f) => baseName(f.file)).join(', ')}` },
          { where: `node ${node.name}: ${win.file}`, what: `plugins: ${types}` },
        ],
        fix: flannel
          ? [`Move the other config away: mv ${win.file} /root/${baseName(win.file)}.disabled`, `Delete the pods on ${node.name} that got addresses from it so they are re-created on flannel's network`]
          : [`Move ${win.file} away`, restartFlannel(node.name, `Restart flannel on ${node.name} so it writes its config`)],
      });
      return;
    }
    for (const other of files.slice(1)) {
      if (isFlannelConfig(other) || other.pluginTypes.every((t) => META_ONLY.has(t))) continue;
      report({
        messageId: 'shadowed',
        severity: 'warning',
        data: { node: node.name, other: other.file, winner: win.file },
        evidence: [
          { where: `node ${node.name}: ${other.file}`, what: `plugins: ${other.pluginTypes.join(', ') || 'unknown'}` },
          { where: `node ${node.name}: ${node.cniConfDir ?? '/etc/cni/net.d'}`, what: `load order: ${files.map((f) => baseName(f.file)).join(', ')}` },
        ],
        fix: [`Remove the stale config: mv ${other.file} /root/${baseName(other.file)}.disabled`],
      });
    }
  },
});
