import type { ClassifiedLogLine } from '../../evidence/node.js';
import { defineRule } from '../define-rule.js';
import { clusterNode, runsVxlan, vxlanLink } from '../flannel/_peers.js';
import { logItem, logLines } from './_log-evidence.js';

/**
 * Causes that only the logs tell about from the node's side. Faults visible in the node's current
 * state (CNI files, links, iptables, sysctls …) are judged by their own rules, which attach the log
 * lines as evidence: an old log line alone must not report a fault that is already gone.
 */
const FLANNEL_STARTUP = ['flannel.no-pod-cidr', 'flannel.network-mismatch', 'flannel.config-invalid', 'flannel.backend-unsupported'] as const;
const CAUSES = [...FLANNEL_STARTUP, 'flannel.rbac', 'runtime.unavailable'] as const;

export default defineRule({
  id: 'node/log-signals',
  layer: 'node',
  description:
    "flanneld, kubelet and containerd log lines classified with high confidence name causes the node's files cannot show: no podCIDR, RBAC denials, a Network that does not contain the podCIDR, an unusable net-conf.json or backend, a runtime that does not answer.",
  causes: CAUSES,
  scope: 'node',
  needs: ['node.logs'],
  severity: 'warning',
  messages: {
    seen: 'node {node}: {component} logs name {cause} ({count} line{plural}): "{text}"',
  },
  docs: 'Startup failures of flanneld (pod cidr not assigned, net-conf errors, vxlan unsupported) are historical once flannel runs: when subnet.env, flannel.1 and the podCIDR are all in place they are not reported. RBAC denials repeat while flanneld runs and are always reported. runtime.unavailable is dropped when the cluster shows the node Ready.',
  check({ evidence, node, report }) {
    const cn = clusterNode(evidence, node.name);
    const flannelUp = !!node.subnetEnv?.subnet && (!runsVxlan(evidence, node) || !!vxlanLink(node)) && (!cn || !!(cn.podCIDR ?? cn.podCIDRs[0]));
    const nodeReady = cn?.conditions.find((c) => c.type === 'Ready')?.status === 'True';
    for (const cause of CAUSES) {
      const lines = logLines(node, cause);
      if (!lines.length) continue;
      const startup = (FLANNEL_STARTUP as readonly string[]).includes(cause);
      if (startup && flannelUp) continue;
      if (cause === 'runtime.unavailable' && nodeReady) continue;
      const count = lines.reduce((n, l) => n + l.count, 0);
      const top: ClassifiedLogLine = lines[0];
      report({
        messageId: 'seen',
        cause,
        // A flannel startup failure while flannel is not up is the reason it is not up.
        severity: startup || (cause === 'flannel.rbac' && !flannelUp) ? 'error' : 'warning',
        confidence: Math.min(0.95, top.confidence),
        data: { node: node.name, component: top.component ?? 'node', cause, count, plural: count === 1 ? '' : 's', text: top.text.length > 160 ? `${top.text.slice(0, 157)}…` : top.text },
        evidence: lines.slice(0, 4).map((l) => logItem(node, l)),
      });
    }
  },
});
