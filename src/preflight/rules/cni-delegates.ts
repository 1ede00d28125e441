import { defineRule } from '../../rules/define-rule.js';

/** What flannel's CNI plugin delegates to by default, and the runtime's own loopback (facts §3). */
const NEEDED = ['bridge', 'host-local', 'portmap', 'loopback'];

export default defineRule({
  id: 'preflight/cni-delegates',
  layer: 'node',
  description: "The standard CNI plugins flannel delegates to (bridge, host-local, portmap, loopback) must be in the CNI bin dir: flannel's manifest installs only its own binary.",
  causes: ['cni.plugin-missing'],
  scope: 'node',
  needs: ['node.cni'],
  severity: 'error',
  messages: {
    missing: 'node {node}: {plugins} missing from {dir}; every pod sandbox would fail with failed to find plugin in path',
  },
  docs: 'The containernetworking plugins come from the distribution (containernetworking-plugins, kubernetes-cni) or the release tarball; flannel\'s install-cni-plugin init container copies only /opt/cni/bin/flannel.',
  check({ node, report }) {
    const dir = node.containerd?.cniBinDir ?? node.cniBinDir ?? '/opt/cni/bin';
    const have = new Set(node.cniBinaries.map((b) => b.slice(b.lastIndexOf('/') + 1)));
    const missing = NEEDED.filter((p) => !have.has(p));
    if (!missing.length) return;
    report({
      messageId: 'missing',
      data: { node: node.name, plugins: missing.join(', '), dir },
      evidence: [{ where: `node ${node.name}: ${dir}`, what: `present: ${[...have].sort().join(', ') || 'nothing'}` }],
      fix: [`Install the standard CNI plugins on ${node.name}: apt-get install containernetworking-plugins and link them into ${dir}, or unpack the containernetworking/plugins release tarball into ${dir}`],
    });
  },
});
