import type { PodInfo } from '../../evidence/cluster.js';
import type { JudgedLogLine } from '../../findings/judged-log-line.js';
import { defineRule } from '../define-rule.js';
import { clusterNode, runsVxlan, vxlanLink } from '../_peers.js';
import { logItem, logLines } from '../_log-evidence.js';

/**
 * Causes that only the logs tell about from the node's side. Faults visible in the node's current
 * state (CNI files, links, iptables, sysctls …) are judged by their own rules, which attach the log
 * lines as evidence: an old log line alone must not report a fault that is already gone.
 */
const FLANNEL_STARTUP = ['flannel.no-pod-cidr', 'flannel.network-mismatch', 'flannel.config-invalid', 'flannel.backend-unsupported'];
const FLANNEL_CAUSES = [...FLANNEL_STARTUP, 'flannel.rbac'];
const CAUSES = [...FLANNEL_CAUSES, 'runtime.unavailable'];

const isFlannelPod = (p: PodInfo) => p.labels.app === 'flannel' || p.name.startsWith('kube-flannel-ds');
const ready = (p: PodInfo) => p.phase === 'Running' && p.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
const lastAt = (l: JudgedLogLine) => ({ file: l.lastFile ?? l.file, line: l.lastLine ?? l.line });

/**
 * flanneld exits on its first fatal error and is restarted, so of the flannel causes in one log file
 * only the one seen last is the current reason; earlier ones are history.
 */
function currentFlannelCauses(lines: JudgedLogLine[]): Set<string> {
  const latest = new Map<string, { line: number; causes: Set<string> }>();
  for (const l of lines) {
    if (!FLANNEL_CAUSES.includes(l.cause)) continue;
    const at = lastAt(l);
    const prev = latest.get(at.file);
    if (!prev || at.line > prev.line) latest.set(at.file, { line: at.line, causes: new Set([l.cause]) });
    else if (at.line === prev.line) prev.causes.add(l.cause);
  }
  return new Set([...latest.values()].flatMap((v) => [...v.causes]));
}

export default defineRule({
  id: 'node/log-signals',
  layer: 'node',
  description:
    "flanneld, kubelet and containerd log lines, judged by the catalog's signatures with high confidence, name causes the node's files cannot show: no podCIDR, RBAC denials, a Network that does not contain the podCIDR, an unusable net-conf.json or backend, a runtime that does not answer.",
  causes: CAUSES,
  scope: 'node',
  needs: ['node.logs'],
  severity: 'warning',
  messages: {
    seen: 'node {node}: {component} logs name {cause} ({count} line{plural}): "{text}"',
  },
  docs: 'Of the flannel causes in one log file only the one logged last counts (flanneld exits on its first fatal error). Startup failures (pod cidr not assigned, net-conf errors, vxlan unsupported) are history once flannel is up: subnet.env, flannel.1 and the podCIDR in place and, when the cluster is known, its flannel pod Ready. runtime.unavailable is dropped when the cluster shows the node Ready.',
  check({ evidence, node, logs, report }) {
    const cn = clusterNode(evidence, node.name);
    const pod = evidence.cluster?.pods.find((p) => isFlannelPod(p) && p.nodeName === node.name);
    const podBroken = !!pod && !ready(pod);
    const stateUp = !!node.subnetEnv?.subnet && (!runsVxlan(evidence, node) || !!vxlanLink(node)) && (!cn || !!(cn.podCIDR ?? cn.podCIDRs[0]));
    const flannelUp = stateUp && !podBroken;
    const nodeReady = cn?.conditions.find((c) => c.type === 'Ready')?.status === 'True';
    const all = CAUSES.flatMap((c) => logLines(logs, c));
    const current = currentFlannelCauses(all);
    for (const cause of CAUSES) {
      const lines = all.filter((l) => l.cause === cause);
      if (!lines.length) continue;
      const flannel = FLANNEL_CAUSES.includes(cause);
      if (flannel && !current.has(cause)) continue;
      if (FLANNEL_STARTUP.includes(cause) && flannelUp) continue;
      if (cause === 'runtime.unavailable' && nodeReady) continue;
      const count = lines.reduce((n, l) => n + l.count, 0);
      const top = lines[0];
      const evidenceItems = lines.slice(0, 4).map((l) => logItem(node, l));
      if (pod && flannel) evidenceItems.push({ where: `pod ${pod.namespace}/${pod.name}`, what: podBroken ? `not Ready (${pod.statuses.map((s) => s.reason ?? s.state).join(', ') || pod.phase})` : 'Running and Ready' });
      report({
        messageId: 'seen',
        cause,
        // The reason flannel is not up on this node is an error; a denial logged by a running flanneld is a warning.
        severity: flannel && !flannelUp ? 'error' : 'warning',
        confidence: Math.min(0.95, top.confidence),
        ...(top.signature ? { signature: top.signature } : {}),
        data: { node: node.name, component: top.component ?? 'node', cause, count, plural: count === 1 ? '' : 's', text: top.text.length > 160 ? `${top.text.slice(0, 157)}…` : top.text },
        evidence: evidenceItems,
      });
    }
  },
});
