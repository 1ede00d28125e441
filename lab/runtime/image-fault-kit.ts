/**
 * Shared shape of the registry.* and image.* faults: break something real (`setup`), create a pod
 * bound to a node through the real API server (the image is removed from the node's containerd
 * first, so the pull really goes to the registry), and let the node's real kubelet pull, fail and
 * report. Revert deletes the pod, its secrets and its events, and undoes the break.
 */
import type { FaultSpec, LabHandle, LabNode } from '../types.js';
import { CriClient } from './cri-client.js';
import { criSocket } from './containerd.js';
import { randomHex } from '../plan.js';
import { removePod } from '../faults/_cluster.js';
import { kubectl } from '../cluster/control-plane.js';

export interface PullFaultSpec<S> {
  description: string;
  where: FaultSpec['where'];
  /** image the affected pod runs */
  image(lab: LabHandle): string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /** secret objects to create (removed on revert) and the names the pod references */
  secrets?(lab: LabHandle): { create: Record<string, any>[]; refs: string[] };
  setup?(lab: LabHandle, node: LabNode): Promise<S>;
  teardown?(lab: LabHandle, node: LabNode, state: S): Promise<void>;
}

interface SavedState<S> {
  node: string;
  pod: { namespace: string; name: string };
  secrets: string[];
  setup?: S;
  /** what the kubelet reported: the container's waiting reason, or "Running" */
  outcome?: string;
  /** the namespace's pull secrets and its default ServiceAccount's imagePullSecrets before the fault: a proven fix may add to both */
  before?: { pullSecrets: string[]; saPullSecrets: unknown };
}

const PULL_SECRET = 'kubernetes.io/dockerconfigjson';

/**
 * Kubelet states that do not end the wait: the pod is still on its way. Any other waiting reason is the
 * kubelet's verdict — ErrImagePull and its kin, or, since the keyring's errors surface as they are, a
 * raw error text such as "unable to parse auth field, …".
 */
const ON_THE_WAY = new Set(['ContainerCreating', 'PodInitializing']);

/** Waits until the node's kubelet has reported the pod's image step (its own status, read back). */
export async function waitKubeletVerdict(lab: LabHandle, namespace: string, name: string, timeoutMs = 90_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = 'no status yet';
  while (Date.now() < end) {
    const pod = lab.api.get('Pod', namespace, name);
    const cs = pod?.status?.containerStatuses?.[0];
    const now = cs?.state?.waiting?.reason ?? (cs?.state?.running ? 'Running' : undefined);
    if (now) last = now;
    if (now && !ON_THE_WAY.has(now)) return now;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`pod ${namespace}/${name}: the kubelet reported no image outcome in ${timeoutMs / 1000} s (last: ${last})`);
}

export interface PodSpecInput {
  namespace: string;
  name: string;
  node: string;
  image: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  imagePullSecrets?: string[];
}

/** A pod bound to a node (nodeName set, as the scheduler would): the node's kubelet takes it from there. */
export function boundPod(p: PodSpecInput): Record<string, any> {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: p.name, namespace: p.namespace, labels: { app: p.name, 'flannel-doctor/images': 'true' } },
    spec: {
      nodeName: p.node,
      terminationGracePeriodSeconds: 0,
      containers: [{ name: 'app', image: p.image, ...(p.imagePullPolicy ? { imagePullPolicy: p.imagePullPolicy } : {}) }],
      ...(p.imagePullSecrets ? { imagePullSecrets: p.imagePullSecrets.map((name) => ({ name })) } : {}),
    },
  };
}

/** Pod-level faults run on this node when none is given (the core's default: the second node). */
export function targetNode(lab: LabHandle, node?: string): LabNode {
  if (node) return lab.node(node);
  return lab.state.nodes[1] ?? lab.state.nodes[0];
}

export function faultPodName(id: string): string {
  return `pull-${id.replace(/[^a-z0-9]+/g, '-')}`.slice(0, 50).replace(/-+$/, '');
}

async function forgetImage(node: LabNode, image: string): Promise<void> {
  const cri = new CriClient(criSocket(node));
  try {
    await cri.removeImage(image).catch(() => undefined);
    // a container of an earlier pod still holding it keeps it: the fault would then pull nothing
    if (await cri.imageStatus(image).catch(() => undefined)) throw new Error(`image ${image} is still present on ${node.name} after removal (a container still uses it?)`);
  } finally {
    cri.close();
  }
}

function pullSetup(lab: LabHandle, namespace: string): NonNullable<SavedState<unknown>['before']> {
  return {
    pullSecrets: lab.api.list('Secret', namespace).filter((s) => s.type === PULL_SECRET).map((s) => s.metadata.name as string),
    saPullSecrets: lab.api.get('ServiceAccount', namespace, 'default')?.imagePullSecrets ?? null,
  };
}

/**
 * Undoes what a proven fix added while the fault was on: pull secrets created in the namespace (the
 * one a pod asked for, a regcred for the registry) and the default ServiceAccount's imagePullSecrets.
 * Left in place, the next injection of the same fault would find its cause already healed.
 */
async function restorePullSetup(lab: LabHandle, namespace: string, before: NonNullable<SavedState<unknown>['before']>): Promise<void> {
  for (const s of lab.api.list('Secret', namespace)) {
    if (s.type === PULL_SECRET && !before.pullSecrets.includes(s.metadata.name)) lab.api.remove('Secret', namespace, s.metadata.name);
  }
  const sa = lab.api.get('ServiceAccount', namespace, 'default');
  if (sa && JSON.stringify(sa.imagePullSecrets ?? null) !== JSON.stringify(before.saPullSecrets)) {
    // a JSON patch: an apply would leave the entries another field manager (the fix's kubectl patch) owns
    const op = before.saPullSecrets ? { op: 'replace', path: '/imagePullSecrets', value: before.saPullSecrets } : { op: 'remove', path: '/imagePullSecrets' };
    await kubectl(lab, ['-n', namespace, 'patch', 'serviceaccount', 'default', '--type', 'json', '-p', JSON.stringify([op])]);
  }
}

export function pullFault<S = undefined>(spec: PullFaultSpec<S>): FaultSpec {
  const fault: FaultSpec = {
    description: spec.description,
    where: spec.where,
    async inject(lab, nodeName) {
      const node = targetNode(lab, nodeName);
      const image = spec.image(lab);
      // A fresh name per injection: events of an earlier run never stand in for this one.
      const pod = { namespace: 'default', name: `${faultPodName(this.id).slice(0, 44)}-${randomHex(2)}` };
      const sec = spec.secrets?.(lab) ?? { create: [], refs: [] };
      const saved: SavedState<S> = { node: node.name, pod, secrets: sec.create.map((s) => s.metadata.name), before: pullSetup(lab, pod.namespace) };
      // a name kubelet cannot parse never reaches the runtime; everything else must not be cached
      if (!/[A-Z]/.test(image)) await forgetImage(node, image);
      saved.setup = spec.setup ? await spec.setup(lab, node) : undefined;
      try {
        for (const s of sec.create) lab.api.put(s);
        lab.api.put(boundPod({ ...pod, node: node.name, image, imagePullPolicy: spec.imagePullPolicy, imagePullSecrets: sec.refs.length ? sec.refs : undefined }));
        saved.outcome = await waitKubeletVerdict(lab, pod.namespace, pod.name);
      } catch (e) {
        // a fault that never took is not recorded, so nothing would revert it: undo it here
        await fault.revert.call(this, lab, saved, node.name).catch(() => undefined);
        throw e;
      }
      return saved;
    },
    async revert(lab, raw, nodeName) {
      const saved = raw as SavedState<S> | undefined;
      const node = lab.node(saved?.node ?? targetNode(lab, nodeName).name);
      if (spec.teardown) await spec.teardown(lab, node, saved?.setup as S);
      if (saved) {
        removePod(lab, saved.pod);
        for (const s of saved.secrets) lab.api.remove('Secret', saved.pod.namespace, s);
        if (saved.before) await restorePullSetup(lab, saved.pod.namespace, saved.before);
      }
    },
  };
  return fault;
}
