/** Helpers of the DNS faults: the real CoreDNS pods, node resolv.conf edits, and pods made afresh. */
import type { LabHandle, LabNode } from '../types.js';
import { path, restoreFile, snapshotFile } from './_helpers.js';
import { podsWhere, until } from './_cluster.js';

export function corednsPods(lab: LabHandle): Record<string, any>[] {
  return podsWhere(lab, 'kube-system', { 'k8s-app': 'kube-dns' });
}

/**
 * Deletes pods matching `labels` so their controllers (or the lab, for bare pods) make them anew: the
 * kubelet writes each new pod's resolv.conf from its node's at creation, as on a real node.
 */
export async function recreatePods(lab: LabHandle, namespace: string, labels: Record<string, string>): Promise<void> {
  const old = podsWhere(lab, namespace, labels);
  const oldUids = new Set(old.map((p) => p.metadata.uid));
  const bare = old.filter((p) => !p.metadata.ownerReferences?.length);
  for (const p of old) lab.api.remove('Pod', namespace, p.metadata.name);
  if (bare.length) {
    await until('the old pods to go', () => bare.every((p) => !lab.api.get('Pod', namespace, p.metadata.name)) || undefined, 60_000);
    for (const p of bare) lab.api.put({ apiVersion: 'v1', kind: 'Pod', metadata: { name: p.metadata.name, namespace, labels: p.metadata.labels }, spec: p.spec });
  }
  await until(`new ${Object.values(labels).join(',')} pods`, () => {
    const now = podsWhere(lab, namespace, labels);
    return now.length >= old.length && now.every((p) => !oldUids.has(p.metadata.uid)) ? now : undefined;
  }, 90_000);
}

/** Waits until every pod matching labels is Ready (after a revert). */
export async function podsReady(lab: LabHandle, namespace: string, labels: Record<string, string>, ms = 120_000): Promise<void> {
  await until(`${Object.values(labels).join(',')} pods Ready`, () => {
    const now = podsWhere(lab, namespace, labels);
    return now.length && now.every((p) => p.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True')) ? now : undefined;
  }, ms);
}

/** Rewrites nodes' /etc/resolv.conf in place (the node's mount namespace sees the same file); returns the old texts. */
export async function editResolvConf(nodes: LabNode[], edit: (text: string) => string): Promise<Record<string, string | null>> {
  const saved: Record<string, string | null> = {};
  for (const n of nodes) {
    const f = path(n, 'etc/resolv.conf');
    saved[n.name] = await snapshotFile(f);
    await restoreFile(f, edit(saved[n.name] ?? ''));
  }
  return saved;
}

export async function restoreResolvConf(nodes: LabNode[], saved: Record<string, string | null>): Promise<void> {
  for (const n of nodes) if (n.name in saved) await restoreFile(path(n, 'etc/resolv.conf'), saved[n.name]);
}
