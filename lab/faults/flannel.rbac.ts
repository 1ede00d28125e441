import { FLANNEL_NS, flannelPodName } from '../api-objects.js';
import { klogLine } from '../klog.js';
import { flannelCrash, flannelRecover } from '../kubelet.js';
import type { Fault } from '../types.js';

/**
 * The ClusterRoleBinding "flannel" still names the ServiceAccount in kube-system (manifest namespace moved
 * to kube-flannel in v0.19): flanneld is forbidden to read its pod and nodes, and crash-loops.
 */
const fault: Fault = {
  id: 'flannel.rbac',
  cause: 'flannel.rbac',
  description: 'binds the flannel ClusterRole to kube-system:flannel; every flannel pod logs forbidden and crash-loops',
  nodeBound: false,
  where: 'cluster',
  async inject(lab) {
    const crb = lab.api.get('ClusterRoleBinding', undefined, 'flannel');
    const before = crb ? structuredClone(crb) : undefined;
    if (crb) {
      crb.subjects = [{ kind: 'ServiceAccount', name: 'flannel', namespace: 'kube-system' }];
      lab.api.put(crb);
    }
    for (const node of lab.state.nodes) {
      const pod = flannelPodName(lab.state, node);
      const user = `system:serviceaccount:${FLANNEL_NS}:flannel`;
      await flannelCrash(lab, node, [
        klogLine('E', 'reflector.go:147', `Failed to watch *v1.Node: failed to list *v1.Node: nodes is forbidden: User "${user}" cannot list resource "nodes" in API group "" at the cluster scope`),
        klogLine('E', 'main.go:332', `Failed to create SubnetManager: error retrieving pod spec for '${FLANNEL_NS}/${pod}': pods "${pod}" is forbidden: User "${user}" cannot get resource "pods" in API group "" in the namespace "${FLANNEL_NS}"`),
      ]);
    }
    return { before };
  },
  async revert(lab, state) {
    const before = (state as { before?: Record<string, any> }).before;
    if (before) lab.api.put(before);
    for (const node of lab.state.nodes) await flannelRecover(lab, node);
  },
};
export default fault;
