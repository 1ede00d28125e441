import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { isFlannelConfig, pluginEntries, winner } from './_conf.js';
import { restartFlannel } from '../_restart.js';

/** JSON with object keys sorted, for comparing configs written by different tools. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export default defineRule({
  id: 'cni/flannel-conflist',
  layer: 'cni',
  description:
    "flannel's CNI config must give pods a default route (delegate isDefaultGateway: true) and match the kube-flannel-cfg ConfigMap's cni-conf.json it is copied from.",
  causes: ['cni.config-invalid'],
  scope: 'node',
  needs: ['node.cni'],
  severity: 'warning',
  messages: {
    noDefaultRoute: 'node {node}: {file} delegates without isDefaultGateway, so pods get no default route: Service IPs (DNS {dnsHint}) and everything outside {network} are unreachable from pods',
    drift: 'node {node}: {file} differs from the kube-flannel-cfg ConfigMap (cni-conf.json); the node still runs an older CNI config',
  },
  docs: 'Only `isDefaultGateway: true` gives pods `default via <subnet>.1`; without it pods reach other pods (the Network route) but not Service ClusterIPs such as the DNS Service, node IPs or the internet (facts §3). The install-cni init container copies cni-conf.json only when the flannel pod starts, so a ConfigMap edit reaches a node only after its flannel pod restarts.',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'cni.config-invalid');
    const conf = winner(node);
    if (!conf || !conf.valid || !isFlannelConfig(conf)) return;
    const flannel = pluginEntries(conf).find((p) => p.type === 'flannel');
    if (!flannel) return;
    const where = `node ${node.name}: ${conf.file}`;
    const restart = restartFlannel(node.name, `Restart flannel on ${node.name}: its install-cni init container rewrites ${conf.file}`);
    const delegate = (flannel.delegate && typeof flannel.delegate === 'object' ? flannel.delegate : {}) as Record<string, unknown>;
    const ipam = (flannel.ipam && typeof flannel.ipam === 'object' ? flannel.ipam : {}) as Record<string, unknown>;
    const routes = Array.isArray(ipam.routes) ? (ipam.routes as Record<string, unknown>[]) : [];
    const hasDefault = delegate.isDefaultGateway === true || routes.some((r) => r && (r.dst === '0.0.0.0/0' || r.dst === '::/0'));
    const bridge = delegate.type === undefined || delegate.type === 'bridge';
    if (bridge && !hasDefault) {
      report({
        messageId: 'noDefaultRoute',
        data: { node: node.name, file: conf.file, dnsHint: evidence.cluster?.services.find((s) => s.name === 'kube-dns')?.clusterIP ?? '10.96.0.10', network: node.subnetEnv?.network ?? 'the pod network' },
        evidence: [{ where, what: `delegate ${JSON.stringify(delegate)}` }],
        fix: [
          'Set "isDefaultGateway": true in the delegate of cni-conf.json in the kube-flannel-cfg ConfigMap (kubectl -n {flannelNamespace} edit cm kube-flannel-cfg)',
          restartFlannel(node.name, `Restart flannel on ${node.name} (and every other node) so install-cni rewrites ${conf.file}`),
          'Re-create the pods afterwards: they keep the routes they were created with',
        ],
      });
    }
    const cm = evidence.cluster?.configMaps.find((c) => c.name === 'kube-flannel-cfg')?.data['cni-conf.json'];
    if (!cm || conf.raw === undefined) return;
    let want: unknown;
    try {
      want = JSON.parse(cm);
    } catch {
      return; // an unparsable ConfigMap is the cluster rules' finding
    }
    if (canonical(want) === canonical(conf.raw)) return;
    report({
      messageId: 'drift',
      data: { node: node.name, file: conf.file },
      confidence: 0.7,
      evidence: [{ where, what: canonical(conf.raw).slice(0, 300) }, { where: 'configmap kube-flannel/kube-flannel-cfg cni-conf.json', what: canonical(want).slice(0, 300) }],
      fix: [restart],
    });
  },
});
