import type { FaultSpec } from '../types.js';
import { restartFlannelExpectingFailure, restartFlannelHealthy } from './_flannel.js';

/**
 * The ClusterRoleBinding "flannel" still names the ServiceAccount in kube-system (the manifest's namespace
 * moved to kube-flannel in v0.19): the real API server refuses flanneld, which crash-loops.
 */
const fault: FaultSpec = {
  description: 'binds the flannel ClusterRole to kube-system:flannel and restarts the flannel pods; the API server forbids them',
  where: 'cluster',
  async inject(lab) {
    const crb = lab.api.get('ClusterRoleBinding', undefined, 'flannel');
    if (!crb) throw new Error('the flannel ClusterRoleBinding is missing');
    const subjects = crb.subjects;
    // subjects can be changed in place (roleRef cannot): replace the binding's subjects
    lab.api.remove('ClusterRoleBinding', undefined, 'flannel');
    lab.api.put({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'flannel', labels: crb.metadata.labels }, roleRef: crb.roleRef, subjects: [{ kind: 'ServiceAccount', name: 'flannel', namespace: 'kube-system' }] });
    await restartFlannelExpectingFailure(lab);
    return { subjects, roleRef: crb.roleRef, labels: crb.metadata.labels };
  },
  async revert(lab, state) {
    const s = state as { subjects: unknown; roleRef: unknown; labels: unknown };
    lab.api.remove('ClusterRoleBinding', undefined, 'flannel');
    lab.api.put({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'flannel', labels: s.labels }, roleRef: s.roleRef, subjects: s.subjects });
    await restartFlannelHealthy(lab);
  },
};
export default fault;
