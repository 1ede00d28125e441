/**
 * The kubelet's image step for one pod, done for real against the node's containerd over CRI, with
 * the pod status and events written into the lab API exactly as kubelet words them (facts §4.5):
 *   Normal  Pulling   Pulling image "<img>"
 *   Warning Failed    Failed to pull image "<img>": <the CRI error, verbatim>
 *   Warning Failed    Error: ErrImagePull
 *   Normal  BackOff   Back-off pulling image "<img>"
 *   Warning Failed    Error: ImagePullBackOff
 * and the container waiting in ImagePullBackOff with message `Back-off pulling image "<img>":
 * ErrImagePull: <err>` (K8s ≥ 1.32). InvalidImageName, ErrImageNeverPull and
 * FailedToRetrieveImagePullSecret follow the same tables. Secrets are never logged.
 */
import type { LabHandle, LabNode } from '../types.js';
import { eventObj } from '../api-objects.js';
import { CriClient, CriError } from './cri-client.js';
import { criSocket } from './containerd.js';
import { credentialsForPod } from './pull-credentials.js';
import { imageReferenceError } from './image-reference.js';

export type PullOutcome =
  | { kind: 'pulled'; imageRef: string; ms: number }
  | { kind: 'present'; imageRef: string }
  | { kind: 'failed'; reason: 'ErrImagePull' | 'InvalidImageName' | 'ErrImageNeverPull' | 'ImageInspectError'; error: string };

export interface PodSpecInput {
  namespace: string;
  name: string;
  node: string;
  image: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  imagePullSecrets?: string[];
  container?: string;
}

/** A Pending pod object as the scheduler leaves it (nodeName set), ready for the kubelet step. */
export function pendingPodObject(lab: LabHandle, p: PodSpecInput): Record<string, any> {
  const node = lab.node(p.node);
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: p.name, namespace: p.namespace, labels: { app: p.name, 'flannel-doctor/lab': lab.state.prefix, 'flannel-doctor/images': 'true' } },
    spec: {
      nodeName: p.node,
      serviceAccountName: 'default',
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      containers: [{ name: p.container ?? 'app', image: p.image, ...(p.imagePullPolicy ? { imagePullPolicy: p.imagePullPolicy } : {}) }],
      ...(p.imagePullSecrets ? { imagePullSecrets: p.imagePullSecrets.map((name) => ({ name })) } : {}),
    },
    status: { phase: 'Pending', hostIP: node.ip, hostIPs: [{ ip: node.ip }], startTime: new Date().toISOString(), qosClass: 'BestEffort' },
  };
}

/** Go's time.Duration text for a millisecond count (kubelet prints durations that way). */
function goDuration(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${ms / 1000}s`;
}

function defaultPolicy(image: string): 'Always' | 'IfNotPresent' {
  const noDigest = !image.includes('@');
  const last = image.slice(image.lastIndexOf('/') + 1);
  const tag = last.includes(':') ? last.slice(last.indexOf(':') + 1) : '';
  return noDigest && (tag === '' || tag === 'latest') ? 'Always' : 'IfNotPresent';
}

function setWaiting(pod: Record<string, any>, container: string, image: string, reason: string, message: string): void {
  const t = new Date().toISOString();
  const st = (pod.status ??= {});
  st.phase = 'Pending';
  const unready = { status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${container}]`, lastTransitionTime: t };
  st.conditions = [
    { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: t },
    { type: 'Initialized', status: 'True', lastTransitionTime: t },
    { type: 'Ready', ...unready },
    { type: 'ContainersReady', ...unready },
    { type: 'PodScheduled', status: 'True', lastTransitionTime: t },
  ];
  st.containerStatuses = [
    { name: container, image, imageID: '', ready: false, started: false, restartCount: 0, state: { waiting: { reason, message } } },
  ];
}

function setRunning(pod: Record<string, any>, container: string, image: string, imageRef: string): void {
  const t = new Date().toISOString();
  const st = (pod.status ??= {});
  st.phase = 'Running';
  st.conditions = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastTransitionTime: t }));
  st.containerStatuses = [
    { name: container, image, imageID: imageRef, ready: true, started: true, restartCount: 0, state: { running: { startedAt: t } }, containerID: `containerd://${imageRef.slice(7, 71)}` },
  ];
}

export interface KubeletPullOptions {
  /** stop at ErrImagePull instead of going on to the back-off state (default: back-off) */
  noBackoff?: boolean;
  timeoutMs?: number;
}

/**
 * Runs the kubelet image step for pod `namespace/name` (which must exist in the API with nodeName
 * set) on its node's containerd, and records the outcome in the API.
 */
export async function kubeletPull(lab: LabHandle, namespace: string, name: string, opts: KubeletPullOptions = {}): Promise<PullOutcome> {
  const pod = lab.api.get('Pod', namespace, name);
  if (!pod) throw new Error(`pod ${namespace}/${name} is not in the lab API`);
  const node: LabNode = lab.node(pod.spec?.nodeName);
  const c = pod.spec?.containers?.[0];
  if (!c?.image) throw new Error(`pod ${namespace}/${name} has no container image`);
  const image: string = c.image;
  const policy: string = c.imagePullPolicy ?? defaultPolicy(image);
  const fieldPath = `spec.containers{${c.name}}`;
  const ev = (type: 'Normal' | 'Warning', reason: string, message: string) =>
    lab.api.put(eventObj(pod, type, reason, message, { host: node.name, fieldPath }));
  const podEv = (type: 'Normal' | 'Warning', reason: string, message: string) => lab.api.put(eventObj(pod, type, reason, message, { host: node.name }));

  const cri = new CriClient(criSocket(node));
  try {
    // kubelet parses the reference (applying the default tag) before it asks the runtime anything
    const refErr = imageReferenceError(image);
    if (refErr) {
      const msg = `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${refErr}`;
      ev('Warning', 'InspectFailed', msg);
      ev('Warning', 'Failed', 'Error: InvalidImageName');
      setWaiting(pod, c.name, image, 'InvalidImageName', msg);
      lab.api.put(pod);
      return { kind: 'failed', reason: 'InvalidImageName', error: msg };
    }
    let present: { id: string } | undefined;
    try {
      present = await cri.imageStatus(image);
    } catch (e) {
      // the runtime cannot even be asked (containerd down): kubelet's ImageInspectError
      const msg = `Failed to inspect image "${image}": ${e instanceof CriError ? e.message : String(e)}`;
      ev('Warning', 'InspectFailed', msg);
      ev('Warning', 'Failed', 'Error: ImageInspectError');
      setWaiting(pod, c.name, image, 'ImageInspectError', msg);
      lab.api.put(pod);
      return { kind: 'failed', reason: 'ImageInspectError', error: msg };
    }

    if (present && policy !== 'Always') {
      ev('Normal', 'Pulled', `Container image "${image}" already present on machine`);
      setRunning(pod, c.name, image, present.id);
      lab.api.put(pod);
      return { kind: 'present', imageRef: present.id };
    }
    if (policy === 'Never') {
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      ev('Warning', 'ErrImageNeverPull', msg);
      ev('Warning', 'Failed', 'Error: ErrImageNeverPull');
      setWaiting(pod, c.name, image, 'ErrImageNeverPull', msg);
      lab.api.put(pod);
      return { kind: 'failed', reason: 'ErrImageNeverPull', error: msg };
    }

    const creds = credentialsForPod(lab.api, pod, image);
    if (creds.missing.length) {
      podEv('Warning', 'FailedToRetrieveImagePullSecret', `Unable to retrieve some image pull secrets (${creds.missing.join(', ')}); attempting to pull the image may not succeed.`);
    }
    ev('Normal', 'Pulling', `Pulling image "${image}"`);
    const started = Date.now();
    const errors: string[] = [];
    for (const auth of creds.auths.length ? creds.auths : [undefined]) {
      try {
        const ref = await cri.pullImage(image, auth, opts.timeoutMs ?? 120_000);
        const ms = Date.now() - started;
        const st = await cri.imageStatus(image).catch(() => undefined);
        ev('Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(ms)} (${goDuration(ms)} including waiting). Image size: ${st?.size ?? 0} bytes.`);
        setRunning(pod, c.name, image, ref);
        lab.api.put(pod);
        return { kind: 'pulled', imageRef: ref, ms };
      } catch (e) {
        errors.push(e instanceof CriError ? e.message : String((e as Error).message ?? e));
      }
    }
    // several credentials → utilerrors aggregate `[e1, e2]`; one → itself
    const err = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
    ev('Warning', 'Failed', `Failed to pull image "${image}": ${err}`);
    ev('Warning', 'Failed', 'Error: ErrImagePull');
    if (opts.noBackoff) {
      setWaiting(pod, c.name, image, 'ErrImagePull', err);
    } else {
      ev('Normal', 'BackOff', `Back-off pulling image "${image}"`);
      ev('Warning', 'Failed', 'Error: ImagePullBackOff');
      setWaiting(pod, c.name, image, 'ImagePullBackOff', `Back-off pulling image "${image}": ErrImagePull: ${err}`);
    }
    lab.api.put(pod);
    return { kind: 'failed', reason: 'ErrImagePull', error: err };
  } finally {
    cri.close();
  }
}

/** Removes a pod and every event about it (fault revert). */
export function removePodAndEvents(lab: LabHandle, namespace: string, name: string): void {
  for (const e of lab.api.list('Event', namespace)) {
    if (e.involvedObject?.kind === 'Pod' && e.involvedObject?.name === name) lab.api.remove('Event', namespace, e.metadata.name);
  }
  lab.api.remove('Pod', namespace, name);
}
