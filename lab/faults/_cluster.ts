/**
 * Real-cluster primitives the faults share: pods through the API server, the flannel and CoreDNS pods
 * the controllers made, and waits on what the components report. Nothing here writes a status, an
 * event or a log line: it creates, deletes or edits objects as an operator would, and reads back.
 */
import type { LabHandle, LabNode } from '../types.js';
import { randomHex } from '../plan.js';

export const FLANNEL_NS = 'kube-flannel';
export const FLANNEL_DS = 'kube-flannel-ds';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * How much longer than usual the real components may take on this machine: FD_LAB_SLOW=3 when the
 * machine is shared (the waits are for real kubelets and controllers, which slow down with the load).
 */
const SLOW = Math.max(1, Number(process.env.FD_LAB_SLOW) || 1);

/** Polls `check` (which returns a value when done) until `ms` (× FD_LAB_SLOW); throws naming `what` and the last state. */
export async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, baseMs = 60_000): Promise<T> {
  const ms = baseMs * SLOW;
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(500);
  }
}

export function systemImage(lab: LabHandle, name: 'pause' | 'coredns' | 'flannel' | 'flannelCni'): string {
  const ref = lab.state.systemImages?.[name];
  if (!ref) throw new Error(`lab ${lab.state.name}: no system image "${name}" recorded (is the lab up?)`);
  return ref;
}

export interface PodRef {
  namespace: string;
  name: string;
}

/** The pods of a namespace (optionally on one node) whose labels match. */
export function podsWhere(lab: LabHandle, namespace: string, labels: Record<string, string>, node?: string): Record<string, any>[] {
  return lab.api
    .list('Pod', namespace)
    .filter((p) => Object.entries(labels).every(([k, v]) => p.metadata?.labels?.[k] === v))
    .filter((p) => !node || p.spec?.nodeName === node)
    .filter((p) => !p.metadata?.deletionTimestamp);
}

export function flannelPodOn(lab: LabHandle, node: LabNode): Record<string, any> | undefined {
  return podsWhere(lab, FLANNEL_NS, { app: 'flannel' }, node.name)[0];
}

/** Deletes the node's flannel pod; the DaemonSet controller makes a new one, which reads the config afresh. */
export async function restartFlannelOn(lab: LabHandle, node: LabNode): Promise<void> {
  const old = flannelPodOn(lab, node);
  if (old) lab.api.remove('Pod', FLANNEL_NS, old.metadata.name);
  await until(`a new flannel pod on ${node.name}`, () => {
    const p = flannelPodOn(lab, node);
    return p && p.metadata.uid !== old?.metadata?.uid ? p : undefined;
  });
}

/** Waits until the node's flannel pod is Running and Ready again (after a revert). */
export async function flannelReadyOn(lab: LabHandle, node: LabNode, ms = 90_000): Promise<void> {
  await until(`flannel Ready on ${node.name}`, () => {
    const p = flannelPodOn(lab, node);
    return p?.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True') ? p : undefined;
  }, ms);
}

/** Waits until the kubelet reports the container of a pod restarting or waiting with one of `reasons`. */
export async function containerReports(lab: LabHandle, pod: () => Record<string, any> | undefined, container: string, reasons: string[], ms = 90_000): Promise<string> {
  return until(`${container} to report ${reasons.join(' or ')}`, () => {
    const p = pod();
    const all = [...(p?.status?.containerStatuses ?? []), ...(p?.status?.initContainerStatuses ?? [])];
    const cs = all.find((c: any) => c.name === container);
    const now: string | undefined = cs?.state?.waiting?.reason ?? cs?.state?.terminated?.reason ?? cs?.lastState?.terminated?.reason;
    return now && reasons.includes(now) ? now : undefined;
  }, ms);
}

/**
 * A new pod on the node, as a user's deployment would make one: bound to the node, the lab's pause
 * image. Returns once the kubelet has either started it or reported why its sandbox failed.
 */
export async function probePod(lab: LabHandle, node: LabNode, tag: string, waitMs = 60_000): Promise<PodRef & { outcome: string }> {
  const ref = { namespace: 'default', name: `web-${node.name}-${tag}-${randomHex(2)}` };
  lab.api.put({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...ref, labels: { app: 'web', 'flannel-doctor/lab-probe': 'true' } },
    spec: { nodeName: node.name, containers: [{ name: 'web', image: systemImage(lab, 'pause') }], terminationGracePeriodSeconds: 0 },
  });
  const outcome = await until(`the kubelet on ${node.name} to start or refuse ${ref.name}`, () => {
    const p = lab.api.get('Pod', ref.namespace, ref.name);
    if (p?.status?.phase === 'Running') return 'Running';
    const failed = lab.api
      .list('Event', ref.namespace)
      .find((e) => e.involvedObject?.name === ref.name && e.reason === 'FailedCreatePodSandBox');
    return failed ? 'FailedCreatePodSandBox' : undefined;
  }, waitMs);
  return { ...ref, outcome };
}

/** Deletes a pod and the events about it (so a later run never reads this one's story). */
export function removePod(lab: LabHandle, ref: PodRef | undefined): void {
  if (!ref) return;
  lab.api.remove('Pod', ref.namespace, ref.name);
  for (const e of lab.api.list('Event', ref.namespace)) {
    if (e.involvedObject?.kind === 'Pod' && e.involvedObject?.name === ref.name) lab.api.remove('Event', ref.namespace, e.metadata.name);
  }
}
