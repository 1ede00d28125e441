/** Small helpers the fault files share (not a fault: the index skips files starting with "_"). */
import { readFile, writeFile, rm } from 'node:fs/promises';
import { nodePath } from '../node-files.js';
import type { LabHandle, LabNode } from '../types.js';
import { probePod as newPod, removePod, type PodRef } from './_cluster.js';

export function nodeOf(lab: LabHandle, node?: string): LabNode {
  if (!node) throw new Error('this fault needs --node');
  return lab.node(node);
}

export function path(node: LabNode, p: string): string {
  return nodePath(node, p);
}

/** A user's new pod lands on the broken node: the real kubelet and CNI say what happens to it. */
export async function probePod(lab: LabHandle, node: LabNode, tag: string): Promise<PodRef> {
  const p = await newPod(lab, node, tag);
  return { namespace: p.namespace, name: p.name };
}

export async function removeProbePod(lab: LabHandle, pod: PodRef | undefined): Promise<void> {
  removePod(lab, pod);
}

export async function ipt(lab: LabHandle, netns: string, args: string[], allowFail = false): Promise<void> {
  await lab.exec(netns, ['iptables', ...args], { allowFail });
}

/** A file's content before a fault changes it (null: it did not exist). */
export async function snapshotFile(file: string): Promise<string | null> {
  return readFile(file, 'utf8').catch(() => null);
}

export async function restoreFile(file: string, content: string | null): Promise<void> {
  if (content === null) await rm(file, { force: true });
  else await writeFile(file, content);
}
