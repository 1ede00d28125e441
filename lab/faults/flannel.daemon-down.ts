import type { FaultSpec } from '../types.js';
import { nodeOf } from './_helpers.js';
import { FLANNEL_DS, FLANNEL_NS, flannelPodOn, flannelReadyOn, until } from './_cluster.js';

/**
 * The flannel DaemonSet no longer runs on the node: someone narrowed its node affinity, the DaemonSet
 * controller removed the node's flannel pod, and nothing keeps the node's overlay up to date.
 */
const fault: FaultSpec = {
  description: "excludes the node from the kube-flannel DaemonSet's node affinity; the controller deletes its flannel pod",
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const ds = lab.api.get('DaemonSet', FLANNEL_NS, FLANNEL_DS)!;
    const affinity = structuredClone(ds.spec.template.spec.affinity);
    const changed = structuredClone(affinity ?? { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [] }] } } });
    for (const term of changed.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms) {
      term.matchExpressions = [...(term.matchExpressions ?? []), { key: 'kubernetes.io/hostname', operator: 'NotIn', values: [node.name] }];
    }
    setAffinity(lab, ds, changed);
    await until(`no flannel pod on ${node.name}`, () => !flannelPodOn(lab, node) || undefined, 90_000);
    return { affinity };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    setAffinity(lab, lab.api.get('DaemonSet', FLANNEL_NS, FLANNEL_DS)!, (state as { affinity: unknown }).affinity);
    await until(`a flannel pod on ${node.name}`, () => flannelPodOn(lab, node), 60_000);
    await flannelReadyOn(lab, node);
  },
};

function setAffinity(lab: Parameters<FaultSpec['inject']>[0], ds: Record<string, any>, affinity: unknown): void {
  const spec = structuredClone(ds.spec);
  spec.template.spec.affinity = affinity;
  lab.api.put({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: FLANNEL_DS, namespace: FLANNEL_NS, labels: ds.metadata.labels }, spec });
}
export default fault;
