import { parseNetConf } from '../../parsers/net-conf.js';
import { defineRule } from '../define-rule.js';
import { flannelConfigMap } from '../../evidence/flannel-objects.js';
import { clusterCidrCandidates } from './_cluster-cidr.js';
import { lenientJson, netConfSteps, netConfText } from './_net-conf-fix.js';
import type { FixStepSource } from '../../catalog/fix-types.js';
import type { ConfigMapInfo } from '../../evidence/cluster.js';
import type { Evidence } from '../../evidence/types.js';

/**
 * The corrected file: the operator's own when only a trailing comma or a comment breaks it (every
 * other setting kept); otherwise the documented form with the cluster's network from another
 * source, which replaces settings flannel-doctor could not read and is therefore left to a person.
 */
function netConfFix(evidence: Readonly<Evidence>, cm: Readonly<ConfigMapInfo>, text: string): FixStepSource[] {
  const repaired = lenientJson(text);
  if (repaired && !parseNetConf(netConfText(repaired)).problems.length) {
    const steps = netConfSteps(cm, netConfText(repaired), 'Remove what breaks the JSON (a trailing comma or a comment), every setting kept,');
    if (steps) return steps;
  }
  const network = clusterCidrCandidates(evidence, true)[0];
  const stock = netConfText({ Network: network?.cidr ?? '10.244.0.0/16', EnableNFTables: false, Backend: { Type: 'vxlan' } });
  const steps = netConfSteps(cm, stock, `Write the documented form with the cluster's network ${network ? `${network.cidr} (${network.where})` : '(assumed 10.244.0.0/16)'}`);
  if (!steps) return [`Edit ConfigMap ${cm.namespace}/${cm.name} so that net-conf.json reads ${stock.replace(/\s+/g, ' ')}`];
  return [{ ...steps[0], manual: 'replaces settings flannel-doctor cannot read (the Backend the cluster ran, its options): compare with your own file first' }, steps[1]];
}

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
  check({ evidence, cluster, report }) {
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
      fix: netConfFix(evidence, cm, text),
    });
  },
});
