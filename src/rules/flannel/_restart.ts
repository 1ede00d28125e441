import type { FixStepSpec } from '../../catalog/fix-types.js';

/**
 * Restarting flannel on one node: its pod is deleted and the DaemonSet starts a new one, which
 * re-runs the init containers (CNI binary and config) and re-programs the node (subnet.env,
 * flannel.1, routes, FDB, iptables). The namespace is the one flannel is deployed in.
 */
export function restartFlannel(node: string, text: string): FixStepSpec {
  return {
    text,
    on: 'cluster',
    run: `kubectl -n {flannelNamespace} delete pod -l app=flannel --field-selector spec.nodeName=${node}`,
    verify: `kubectl -n {flannelNamespace} wait pod -l app=flannel --field-selector spec.nodeName=${node} --for=condition=Ready --timeout=120s`,
  };
}
