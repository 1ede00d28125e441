import { flannelPods } from '../../evidence/flannel-objects.js';
import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { restartFlannel } from '../_restart.js';

const KEYS: [keyof Required<{ network: 1; subnet: 1; mtu: 1; ipmasq: 1 }>, string][] = [
  ['network', 'FLANNEL_NETWORK'],
  ['subnet', 'FLANNEL_SUBNET'],
  ['mtu', 'FLANNEL_MTU'],
  ['ipmasq', 'FLANNEL_IPMASQ'],
];

export default defineRule({
  id: 'cni/subnet-env',
  layer: 'cni',
  description:
    "/run/flannel/subnet.env must exist and hold FLANNEL_NETWORK, FLANNEL_SUBNET, FLANNEL_MTU and FLANNEL_IPMASQ: flannel's CNI plugin reads it on every pod ADD.",
  causes: ['cni.subnet-env-missing'],
  scope: 'node',
  needs: ['node.subnetEnv'],
  severity: 'error',
  messages: {
    missing: 'node {node}: {file} does not exist, so flannel has not (yet) run here and every new pod fails to get a network',
    incomplete: 'node {node}: {file} is missing {keys}',
  },
  docs: 'flanneld writes the file after its lease and iptables rules are set up (facts §1.7); /run is tmpfs, so after a reboot it is absent until flanneld runs again. The CNI plugin fails with "failed to load flannel \'subnet.env\' file" or "<file> is missing <keys>" (facts §4.2, §3).',
  check(ctx) {
    const { node } = ctx;
    const report = reportWithLogs(ctx, 'cni.subnet-env-missing');
    const env = node.subnetEnv;
    if (!env) {
      const file = '/run/flannel/subnet.env';
      // flanneld writes the file once, at start: a flannel pod Ready on the node while the file is gone
      // (removed, or /run remounted) writes it again only when restarted.
      const cluster = ctx.evidence.cluster;
      const running = cluster ? flannelPods(cluster).find((p) => p.nodeName === node.name && p.phase === 'Running' && p.conditions.some((c) => c.type === 'Ready' && c.status === 'True')) : undefined;
      report({
        messageId: 'missing',
        data: { node: node.name, file },
        evidence: [
          { where: `node ${node.name}: ${file}`, what: 'file not found' },
          ...(running ? [{ where: `pod ${running.namespace}/${running.name}`, what: 'Running and Ready: flanneld writes the file only when it starts' }] : []),
        ],
        fix: running
          ? [restartFlannel(node.name, `Restart flannel on ${node.name}: flanneld writes ${file} when it starts, and pods stuck in ContainerCreating then recover by themselves`)]
          : [
          `Find the flannel pod on ${node.name}: kubectl -n {flannelNamespace} get pods -o wide --field-selector spec.nodeName=${node.name}`,
          'Read why it is not running: kubectl -n {flannelNamespace} logs <pod> -c kube-flannel (look for "pod cidr not assigned", "forbidden", "Failed to check br_netfilter")',
          'Once flanneld runs it writes the file and pods stuck in ContainerCreating recover by themselves',
            ],
      });
      return;
    }
    const absent = KEYS.filter(([k]) => env[k] === undefined).map(([, name]) => name);
    if (!absent.length) return;
    report({
      messageId: 'incomplete',
      data: { node: node.name, file: env.file, keys: absent.join(', ') },
      evidence: [{ where: `node ${node.name}: ${env.file}`, what: `missing ${absent.join(', ')}` }, ...env.problems.map((p) => ({ where: `node ${node.name}: ${p.file}${p.line ? `:${p.line}` : ''}`, what: p.message }))],
      fix: [restartFlannel(node.name, `Restart flannel on ${node.name} so it rewrites the file`)],
    });
  },
});
