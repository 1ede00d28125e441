import { defineRule } from '../define-rule.js';
import { flannelPresence } from '../../evidence/flannel-objects.js';

/** The runtime's "no CNI config" words (facts §4.4), for when the catalog has no signature. */
const NO_CNI = /NetworkPluginNotReady|cni plugin not initialized|cni config uninitialized|no networks found in \/etc\/cni\/net\.d/i;
/**
 * What a Ready condition can say about CNI: the runtime's NetworkReady only tells whether a network
 * config loaded. A missing plugin binary or subnet.env fails later, at sandbox creation (pod events).
 */
const CNI_CAUSES = ['cni.config-missing', 'cni.config-invalid'] as const;

export default defineRule({
  id: 'flannel/cluster-node-ready',
  layer: 'flannel',
  description:
    'Node conditions from the cluster\'s view: Ready=False because the runtime\'s network plugin is not ready (no CNI config: flannel never wrote /etc/cni/net.d/10-flannel.conflist) or for another reason, and NetworkUnavailable=True (flannel has not come up on the node).',
  causes: [...CNI_CAUSES, 'node.not-ready', 'flannel.daemon-down'],
  scope: 'cluster',
  needs: ['cluster.nodes'],
  severity: 'error',
  messages: {
    cni: 'node {node} is NotReady: the container runtime has no usable CNI network ({message})',
    notReady: 'node {node} is NotReady ({reason}): {message}',
    networkUnavailable: 'node {node} reports NetworkUnavailable ({reason}): flannel has not set up its network there',
  },
  check({ cluster, classify, report }) {
    const flannel = flannelPresence(cluster).present;
    for (const n of cluster.nodes) {
      const ready = n.conditions.find((c) => c.type === 'Ready');
      const where = `node ${n.name}`;
      if (ready && ready.status !== 'True') {
        const message = ready.message ?? '';
        const line = `condition Ready=${ready.status}${ready.reason ? ` reason ${ready.reason}` : ''}${message ? `: ${message}` : ''}`;
        const c = message ? classify(message) : undefined;
        const classified = c && (CNI_CAUSES as readonly string[]).includes(c.cause) ? (c.cause as (typeof CNI_CAUSES)[number]) : undefined;
        if (classified || NO_CNI.test(message)) {
          report({
            messageId: 'cni',
            cause: classified ?? 'cni.config-missing',
            data: { node: n.name, message: c?.matched ?? (NO_CNI.exec(message)?.[0] ?? message) },
            nodes: [n.name],
            evidence: [{ where, what: line }],
            confidence: classified ? c!.confidence : 0.85,
            ...(classified && c?.signature ? { signature: c.signature } : {}),
            ...(flannel ? {} : { alternatives: ['node.not-ready'] }),
          });
        } else {
          report({ messageId: 'notReady', cause: 'node.not-ready', data: { node: n.name, reason: ready.reason ?? ready.status, message: message || 'no message' }, nodes: [n.name], evidence: [{ where, what: line }] });
        }
        continue;
      }
      const nu = n.conditions.find((c) => c.type === 'NetworkUnavailable');
      if (nu?.status === 'True' && flannel) {
        report({
          messageId: 'networkUnavailable',
          cause: 'flannel.daemon-down',
          data: { node: n.name, reason: nu.reason ?? 'NetworkUnavailable' },
          nodes: [n.name],
          evidence: [{ where, what: `condition NetworkUnavailable=True${nu.reason ? ` reason ${nu.reason}` : ''}${nu.message ? `: ${nu.message}` : ''}` }],
          severity: 'warning',
        });
      }
    }
  },
});
