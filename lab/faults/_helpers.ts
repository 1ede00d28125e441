/** Small helpers the fault files share (not a fault: the index skips files starting with "_"). */
import { nodePath } from '../node-files.js';
import { startPod, stopPod } from '../kubelet.js';
import type { LabHandle, LabNode, LabPod } from '../types.js';

export function nodeOf(lab: LabHandle, node?: string): LabNode {
  if (!node) throw new Error('this fault needs --node');
  return lab.node(node);
}

export function path(node: LabNode, p: string): string {
  return nodePath(node, p);
}

/** Kubelet tries to start a new pod on the broken node: the real CNI ADD fails and says why. */
export async function probePod(lab: LabHandle, node: LabNode, tag: string): Promise<LabPod> {
  const name = `web-${node.name}-${tag}`;
  const r = await startPod(lab, node, name);
  return r.pod;
}

export async function removeProbePod(lab: LabHandle, pod: LabPod | undefined): Promise<void> {
  if (!pod) return;
  const live = lab.state.pods.find((p) => p.namespace === pod.namespace && p.name === pod.name) ?? pod;
  await stopPod(lab, live);
}

export async function ipt(lab: LabHandle, netns: string, args: string[], allowFail = false): Promise<void> {
  await lab.exec(netns, ['iptables', ...args], { allowFail });
}
