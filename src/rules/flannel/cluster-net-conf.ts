import { parseNetConf } from '../../parsers/net-conf.js';
import { defineRule } from '../define-rule.js';
import { flannelConfigMap } from './_cluster-flannel.js';

export default defineRule({
  id: 'flannel/cluster-net-conf',
  layer: 'flannel',
  description:
    'The net-conf.json key of ConfigMap kube-flannel-cfg must be valid JSON naming a Network and a known Backend type; without a Backend flanneld silently uses udp, not vxlan.',
  causes: ['flannel.config-invalid'],
  scope: 'cluster',
  needs: ['cluster.configmaps'],
  severity: 'error',
  messages: {
    missingKey: 'ConfigMap {cm} has no net-conf.json key: flanneld fails with "failed to read net conf"',
    invalid: 'net-conf.json in ConfigMap {cm} is invalid: {problem}',
    udp: 'net-conf.json in ConfigMap {cm} has no Backend, so flannel runs the udp backend (slow, debugging only) instead of vxlan',
  },
  docs: 'Reads the ConfigMap in the DaemonSet\'s namespace (kube-flannel since v0.19, kube-system before). Silent when there is no such ConfigMap (k3s and other distributions embed flannel).',
  check({ cluster, report }) {
    const cm = flannelConfigMap(cluster);
    if (!cm) return;
    const ref = `${cm.namespace}/${cm.name}`;
    const file = `ConfigMap ${ref} key net-conf.json`;
    const text = cm.data['net-conf.json'];
    if (text === undefined) {
      report({ messageId: 'missingKey', data: { cm: ref }, evidence: [{ where: `configmap ${ref}`, what: `keys: ${Object.keys(cm.data).join(', ') || '(none)'}` }] });
      return;
    }
    const nc = parseNetConf(text, file);
    if (!nc.problems.length) return;
    const onlyUdp = nc.problems.length === 1 && nc.problems[0].field === 'Backend' && nc.backendType === 'udp';
    const p = nc.problems[0];
    const at = (x: typeof p) => `${x.file}${x.line ? ` line ${x.line}` : ''}${x.field ? ` field ${x.field}` : ''}`;
    report({
      messageId: onlyUdp ? 'udp' : 'invalid',
      severity: onlyUdp ? 'warning' : 'error',
      data: { cm: ref, problem: p.message },
      evidence: [...nc.problems.map((x) => ({ where: at(x), what: x.message })), { where: file, what: text.length > 400 ? text.slice(0, 399) + '…' : text }],
      fix: [
        `Edit the ConfigMap (kubectl -n ${cm.namespace} edit configmap ${cm.name}) so net-conf.json reads like {"Network": "10.244.0.0/16", "EnableNFTables": false, "Backend": {"Type": "vxlan"}}, with Network equal to the cluster's pod CIDR.`,
        `Restart flannel everywhere so it re-reads it: kubectl -n ${cm.namespace} rollout restart daemonset kube-flannel-ds (a backend change needs every flanneld restarted).`,
      ],
    });
  },
});
