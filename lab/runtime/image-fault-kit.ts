/**
 * Shared shape of the registry.* and image.* faults: break something real (`setup`), make a pod on
 * a node pull through its real containerd (the image is removed from the node first, so the pull
 * really goes to the registry), record what kubelet would, and undo it all on revert.
 */
import type { Fault, LabHandle, LabNode } from '../types.js';
import { CriClient } from './cri-client.js';
import { criSocket } from './containerd.js';
import { kubeletPull, pendingPodObject, removePodAndEvents, type PullOutcome } from './kubelet-pull.js';

export interface PullFaultSpec<S> {
  id: string;
  cause: string;
  description: string;
  nodeBound: boolean;
  where: Fault['where'];
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
  outcome?: PullOutcome;
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
  } finally {
    cri.close();
  }
}

export function pullFault<S = undefined>(spec: PullFaultSpec<S>): Fault {
  return {
    id: spec.id,
    cause: spec.cause,
    description: spec.description,
    nodeBound: spec.nodeBound,
    where: spec.where,
    async inject(lab, nodeName) {
      const node = targetNode(lab, nodeName);
      const image = spec.image(lab);
      const pod = { namespace: 'default', name: faultPodName(spec.id) };
      const sec = spec.secrets?.(lab) ?? { create: [], refs: [] };
      const saved: SavedState<S> = { node: node.name, pod, secrets: sec.create.map((s) => s.metadata.name) };
      // a name kubelet cannot parse never reaches the runtime; everything else must not be cached
      if (!/[A-Z]/.test(image)) await forgetImage(node, image);
      saved.setup = spec.setup ? await spec.setup(lab, node) : undefined;
      for (const s of sec.create) lab.api.put(s);
      lab.api.put(pendingPodObject(lab, { ...pod, node: node.name, image, imagePullPolicy: spec.imagePullPolicy, imagePullSecrets: sec.refs.length ? sec.refs : undefined }));
      saved.outcome = await kubeletPull(lab, pod.namespace, pod.name, { timeoutMs: 90_000 });
      return saved;
    },
    async revert(lab, raw, nodeName) {
      const saved = raw as SavedState<S> | undefined;
      const node = lab.node(saved?.node ?? targetNode(lab, nodeName).name);
      if (spec.teardown) await spec.teardown(lab, node, saved?.setup as S);
      if (saved) {
        removePodAndEvents(lab, saved.pod.namespace, saved.pod.name);
        for (const s of saved.secrets) lab.api.remove('Secret', saved.pod.namespace, s);
      }
    },
  };
}
