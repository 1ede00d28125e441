/**
 * Small builders of realistic cluster objects for the table tests of the cluster-side rules
 * (image/, registry/, flannel/cluster-*, dns/). Test-only; never imported by a rule.
 */
import type { EventInfo, NodeInfo, PodInfo, PullSecretInfo, ServiceAccountInfo } from '../../evidence/cluster.js';

export function node(name: string, extra: Partial<NodeInfo> = {}): NodeInfo {
  return {
    name,
    labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' },
    annotations: {},
    podCIDR: undefined,
    podCIDRs: [],
    addresses: [{ type: 'InternalIP', address: '192.168.56.10' }],
    conditions: [
      { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' },
      { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure' },
      { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID' },
      { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ],
    containerRuntimeVersion: 'containerd://1.7.13',
    kubeletVersion: 'v1.29.2',
    architecture: 'amd64',
    operatingSystem: 'linux',
    taints: [],
    ...extra,
  };
}

/** A pod with one container; `waiting` puts it in that waiting reason with an optional message. */
export function pod(
  ref: string,
  image: string,
  opts: { node?: string; waiting?: string; message?: string; init?: boolean; pullPolicy?: string; secrets?: string[]; sa?: string; created?: string; labels?: Record<string, string>; container?: string } = {},
): PodInfo {
  const [namespace, name] = ref.split('/');
  const container = opts.container ?? 'app';
  const init = opts.init ?? false;
  const waiting = opts.waiting;
  return {
    namespace,
    name,
    labels: opts.labels ?? { app: name.replace(/-[a-z0-9]{5}$/, '') },
    nodeName: opts.node ?? 'n1',
    serviceAccountName: opts.sa ?? 'default',
    imagePullSecrets: opts.secrets ?? [],
    hostNetwork: false,
    phase: waiting ? 'Pending' : 'Running',
    conditions: [{ type: 'Ready', status: waiting ? 'False' : 'True' }],
    containers: [{ name: container, image, init, imagePullPolicy: opts.pullPolicy ?? 'IfNotPresent' }],
    statuses: [
      waiting
        ? { name: container, init, image, ready: false, restartCount: 0, state: 'waiting', reason: waiting, message: opts.message }
        : { name: container, init, image, ready: true, restartCount: 0, state: 'running' },
    ],
    creationTimestamp: opts.created ?? '2026-11-27T10:00:00Z',
  };
}

export function event(ref: string, reason: string, message: string, opts: { type?: string; count?: number; container?: string; init?: boolean; host?: string; last?: string } = {}): EventInfo {
  const [namespace, name] = ref.split('/');
  return {
    namespace,
    type: opts.type ?? (reason === 'BackOff' || reason === 'Pulling' || reason === 'Pulled' ? 'Normal' : 'Warning'),
    reason,
    message,
    count: opts.count ?? 1,
    involved: { kind: 'Pod', namespace, name, fieldPath: `spec.${opts.init ? 'initContainers' : 'containers'}{${opts.container ?? 'app'}}` },
    source: 'kubelet',
    host: opts.host,
    lastTimestamp: opts.last ?? '2026-11-27T10:05:00Z',
  };
}

/** The kubelet `Failed to pull image` event text around a containerd CRI error (facts §4.5-4.6). */
export function pullFailedText(image: string, canonical: string, inner: string): string {
  return `Failed to pull image "${image}": rpc error: code = Unknown desc = failed to pull and unpack image "${canonical}": failed to resolve reference "${canonical}": ${inner}`;
}

export function secret(ref: string, keys: string[], extra: Partial<PullSecretInfo> = {}): PullSecretInfo {
  const [namespace, name] = ref.split('/');
  return { namespace, name, type: 'kubernetes.io/dockerconfigjson', registries: keys, rawKeys: keys, problems: [], creationTimestamp: '2026-11-01T00:00:00Z', ...extra };
}

export function serviceAccount(ref: string, secrets: string[], created = '2026-11-01T00:00:00Z'): ServiceAccountInfo {
  const [namespace, name] = ref.split('/');
  return { namespace, name, imagePullSecrets: secrets, creationTimestamp: created };
}
