/**
 * Pod sandboxes: a network namespace per pod, wired by the node's CNI configuration exactly as
 * containerd would (cni-runtime.ts), with the resolv.conf kubelet writes for it.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cniAdd, type CniAddResult } from './cni-runtime.js';
import { podResolvConf } from './dns.js';
import { run } from './exec.js';
import { addNetns } from './network.js';
import { nodePath } from './node-files.js';
import type { LabNode, LabPod, LabState } from './types.js';

export async function writeNetnsResolvConf(state: LabState, netns: string, text: string): Promise<void> {
  const dir = `/etc/netns/${netns}`;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'resolv.conf'), text);
  const files = (state.outsideFiles ??= []);
  if (!files.includes(dir)) files.push(dir);
}

/** Creates the pod's namespace and runs CNI ADD; on failure the sandbox is torn down again (as containerd does). */
export async function createSandbox(state: LabState, node: LabNode, pod: LabPod): Promise<CniAddResult> {
  await addNetns(state, pod.netns);
  const r = await cniAdd(node, pod.netns, pod.containerId, pod.name, pod.namespace);
  if (!r.ok) {
    await deleteNetns(state, pod.netns);
    pod.wired = false;
    delete pod.ip;
    return r;
  }
  pod.ip = r.ip;
  pod.wired = true;
  const resolv = podResolvConf(state, pod.namespace);
  const podDir = nodePath(node, join('pods', `${pod.namespace}_${pod.name}`));
  await mkdir(podDir, { recursive: true });
  await writeFile(join(podDir, 'resolv.conf'), resolv);
  await writeNetnsResolvConf(state, pod.netns, resolv);
  return r;
}

export async function deleteNetns(state: LabState, netns: string): Promise<void> {
  await run(undefined, ['ip', 'netns', 'del', netns], { allowFail: true });
  state.netnsCreated = (state.netnsCreated ?? []).filter((n) => n !== netns);
  const dir = `/etc/netns/${netns}`;
  await rm(dir, { recursive: true, force: true });
  state.outsideFiles = (state.outsideFiles ?? []).filter((f) => f !== dir);
}
