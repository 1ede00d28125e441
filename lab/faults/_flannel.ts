/** Helpers of the flannel faults: its config map and pods, changed as an operator would and read back. */
import type { LabHandle } from '../types.js';
import { containerReports, flannelPodOn, flannelReadyOn, FLANNEL_NS, restartFlannelOn } from './_cluster.js';

export interface NetConfState {
  before: string;
}

function setNetConf(lab: LabHandle, text: string): string {
  const cm = lab.api.get('ConfigMap', FLANNEL_NS, 'kube-flannel-cfg');
  if (!cm) throw new Error('the kube-flannel-cfg ConfigMap is missing');
  const before: string = cm.data['net-conf.json'];
  lab.api.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-flannel-cfg', namespace: FLANNEL_NS, labels: cm.metadata.labels }, data: { ...cm.data, 'net-conf.json': text } });
  return before;
}

/** Restarts every node's flannel pod and waits until the kubelet reports each one failing. */
export async function restartFlannelExpectingFailure(lab: LabHandle): Promise<void> {
  for (const node of lab.state.nodes) await restartFlannelOn(lab, node);
  for (const node of lab.state.nodes) {
    await containerReports(lab, () => flannelPodOn(lab, node), 'kube-flannel', ['Error', 'CrashLoopBackOff']);
  }
}

export async function restartFlannelHealthy(lab: LabHandle): Promise<void> {
  for (const node of lab.state.nodes) await restartFlannelOn(lab, node);
  for (const node of lab.state.nodes) await flannelReadyOn(lab, node);
}

/**
 * Puts `text` as net-conf.json into kube-flannel-cfg and restarts the flannel pods: the kubelet mounts
 * the new config and each real flanneld judges it.
 */
export async function breakNetConf(lab: LabHandle, text: string): Promise<NetConfState> {
  const before = setNetConf(lab, text);
  // the kubelet refreshes configMap volumes on its sync period; wait for the new text on every node
  await new Promise((r) => setTimeout(r, 1000));
  await restartFlannelExpectingFailure(lab);
  return { before };
}

export async function restoreNetConf(lab: LabHandle, state: unknown): Promise<void> {
  setNetConf(lab, (state as NetConfState).before);
  await restartFlannelHealthy(lab);
}
