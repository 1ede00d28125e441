/**
 * The objects the scale benches write to a real API server: Nodes as a kubelet and flanneld leave
 * them (addresses, capacity, nodeInfo, flannel annotations, a podCIDR), Pods bound to them by
 * spec.nodeName with the statuses a kubelet reports (most Running; some CrashLoopBackOff,
 * ImagePullBackOff, and sandboxes that flannel's CNI could not set up), and the Events those
 * failures produce. Pure and seeded: the same shape gives the same objects.
 */
import { seededRandom } from '../../src/seeded-random.js';

export interface ClusterShape {
  /** Node name prefix (several benches may share a control plane). */
  prefix: string;
  nodes: number;
  /** Pods in all; one kube-flannel pod per node is part of them. */
  pods: number;
  /** Application namespaces the other pods spread over. */
  namespaces: number;
  seed?: number;
}

export type PodState = 'running' | 'crashloop' | 'imagepull' | 'sandbox' | 'succeeded';

export const LABEL = { 'fd-bench': 'scale' };

export function nodeName(s: ClusterShape, i: number): string {
  return `${s.prefix}-${String(i).padStart(5, '0')}`;
}

export function nodeIp(i: number): string {
  return `172.20.${(i >> 8) & 255}.${i & 255}`;
}

/** A Node as its kubelet and flanneld wrote it; `conditions` extra ones (FlannelDoctorHealthy) go after Ready. */
export function nodeObject(s: ClusterShape, i: number, now: number, extraConditions: object[] = []): Record<string, any> {
  const name = nodeName(s, i);
  const beat = new Date(now - 10_000).toISOString();
  const since = new Date(now - 86_400_000).toISOString();
  const cond = (type: string, status: string, reason: string, message: string) => ({ type, status, reason, message, lastHeartbeatTime: beat, lastTransitionTime: since });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { ...LABEL, 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'node.kubernetes.io/instance-type': 'm5.xlarge' },
      annotations: {
        'flannel.alpha.coreos.com/backend-type': 'vxlan',
        'flannel.alpha.coreos.com/backend-data': JSON.stringify({ VNI: 1, VtepMAC: `0a:58:${hex(i >> 24)}:${hex(i >> 16)}:${hex(i >> 8)}:${hex(i)}` }),
        'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
        'flannel.alpha.coreos.com/public-ip': nodeIp(i),
        'node.alpha.kubernetes.io/ttl': '0',
      },
    },
    spec: { podCIDR: podCidr(i), podCIDRs: [podCidr(i)] },
    status: {
      addresses: [{ type: 'InternalIP', address: nodeIp(i) }, { type: 'Hostname', address: name }],
      capacity: { cpu: '4', memory: '16252928Ki', pods: '110', 'ephemeral-storage': '101430960Ki' },
      allocatable: { cpu: '4', memory: '16150528Ki', pods: '110', 'ephemeral-storage': '93478772582' },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
        ...extraConditions,
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: `${hex(i >> 8)}${hex(i)}`.padEnd(32, '0'), systemUUID: `ec2${String(i).padStart(5, '0')}-0000-0000-0000-000000000000`, bootID: `b${String(i).padStart(7, '0')}-0000-0000-0000-000000000000`,
        kernelVersion: '6.1.0-18-amd64', osImage: 'Debian GNU/Linux 12 (bookworm)', containerRuntimeVersion: 'containerd://1.7.13',
        kubeletVersion: 'v1.36.3', kubeProxyVersion: 'v1.36.3', operatingSystem: 'linux', architecture: 'amd64',
      },
      images: [
        { names: ['registry.example.lab/flannel/flannel@sha256:' + '1'.repeat(64), 'registry.example.lab/flannel/flannel:v0.26.4'], sizeBytes: 34000000 },
        { names: ['registry.k8s.io/pause@sha256:' + '2'.repeat(64), 'registry.k8s.io/pause:3.10'], sizeBytes: 320000 },
      ],
    },
  };
}

function hex(n: number): string {
  return (n & 255).toString(16).padStart(2, '0');
}

/** 10.0.0.0/8 in /24s: room for 65,536 nodes (the cluster CIDR of a cluster this size). */
export function podCidr(i: number): string {
  return `10.${(i >> 8) & 255}.${i & 255}.0/24`;
}

export interface PodPlan {
  namespace: string;
  name: string;
  node: number;
  state: PodState;
  app: string;
}

/** Which pod goes where and in what state: pod k < nodes is node k's kube-flannel pod. */
export function podPlan(s: ClusterShape): PodPlan[] {
  const rnd = seededRandom(s.seed ?? 17);
  const out: PodPlan[] = [];
  for (let k = 0; k < Math.min(s.nodes, s.pods); k++) out.push({ namespace: 'kube-flannel', name: `kube-flannel-ds-${suffix(rnd)}`, node: k, state: 'running', app: 'flannel' });
  for (let k = out.length; k < s.pods; k++) {
    const r = rnd();
    // ~3 % crash-looping, 1 % image pull back-off, 0.5 % sandbox failures, 2 % completed jobs.
    const state: PodState = r < 0.03 ? 'crashloop' : r < 0.04 ? 'imagepull' : r < 0.045 ? 'sandbox' : r < 0.065 ? 'succeeded' : 'running';
    const ns = `app-${String(Math.floor(rnd() * s.namespaces)).padStart(3, '0')}`;
    const app = `svc-${Math.floor(rnd() * 40)}`;
    out.push({ namespace: ns, name: `${app}-${suffix(rnd)}${suffix(rnd)}`, node: Math.floor(rnd() * s.nodes), state, app });
  }
  return out;
}

function suffix(rnd: () => number): string {
  const a = 'bcdfghjklmnpqrstvwxz2456789';
  let s = '';
  for (let i = 0; i < 5; i++) s += a[Math.floor(rnd() * a.length)];
  return s;
}

const IMAGES: Record<string, string> = { flannel: 'registry.example.lab/flannel/flannel:v0.26.4' };

export function podObject(s: ClusterShape, p: PodPlan): Record<string, any> {
  const image = IMAGES[p.app] ?? (p.state === 'imagepull' ? `registry.example.lab/team/${p.app}:does-not-exist` : `registry.example.lab/team/${p.app}:1.4.2`);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: p.namespace, name: p.name, labels: { ...LABEL, app: p.app } },
    spec: {
      nodeName: nodeName(s, p.node),
      containers: [{
        name: p.app === 'flannel' ? 'kube-flannel' : 'app', image,
        ports: p.app === 'flannel' ? undefined : [{ containerPort: 8080, protocol: 'TCP' }],
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        env: [{ name: 'LOG_LEVEL', value: 'info' }],
      }],
      ...(p.app === 'flannel' ? { hostNetwork: true, priorityClassName: 'system-node-critical' } : {}),
      restartPolicy: p.state === 'succeeded' ? 'OnFailure' : 'Always',
      tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
    },
  };
}

/** The status a kubelet would have written for this pod (PATCH pods/status). */
export function podStatus(s: ClusterShape, p: PodPlan, k: number, now: number): Record<string, any> {
  const started = new Date(now - 3_600_000 - (k % 3600) * 1000).toISOString();
  const podIP = p.app === 'flannel' ? nodeIp(p.node) : `10.${(p.node >> 8) & 255}.${p.node & 255}.${2 + (k % 250)}`;
  const ready = p.state === 'running';
  const name = p.app === 'flannel' ? 'kube-flannel' : 'app';
  const image = podObject(s, p).spec.containers[0].image;
  const base = { name, image, imageID: ready || p.state === 'crashloop' || p.state === 'succeeded' ? `${image.split(':')[0]}@sha256:${'3'.repeat(64)}` : '', containerID: '' };
  let cs: Record<string, any>;
  let phase = 'Running';
  if (p.state === 'running') cs = { ...base, containerID: `containerd://${'4'.repeat(64)}`, ready: true, started: true, restartCount: 0, state: { running: { startedAt: started } } };
  else if (p.state === 'crashloop') cs = { ...base, containerID: `containerd://${'5'.repeat(64)}`, ready: false, started: false, restartCount: 12 + (k % 30), state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=${name} pod=${p.name}_${p.namespace}` } }, lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: started, finishedAt: started } } };
  else if (p.state === 'imagepull') {
    phase = 'Pending';
    cs = { ...base, ready: false, started: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } } };
  } else if (p.state === 'sandbox') {
    phase = 'Pending';
    cs = { ...base, ready: false, started: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } };
  } else {
    phase = 'Succeeded';
    cs = { ...base, containerID: `containerd://${'6'.repeat(64)}`, ready: false, started: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: started, finishedAt: started } } };
  }
  const c = (type: string, status: boolean) => ({ type, status: status ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: started });
  const scheduledOnly = p.state === 'sandbox' || p.state === 'imagepull';
  return {
    status: {
      phase,
      conditions: [c('PodReadyToStartContainers', !scheduledOnly || p.state === 'imagepull'), c('Initialized', true), c('Ready', ready), c('ContainersReady', ready), c('PodScheduled', true)],
      hostIP: nodeIp(p.node),
      hostIPs: [{ ip: nodeIp(p.node) }],
      ...(p.state === 'sandbox' ? {} : { podIP, podIPs: [{ ip: podIP }] }),
      startTime: started,
      containerStatuses: [cs],
      qosClass: 'Burstable',
    },
  };
}

/** The Events a kubelet records for the failing pods (and a few routine ones for running pods). */
export function eventObjects(s: ClusterShape, plan: PodPlan[], now: number, routineEvery = 20): Record<string, any>[] {
  const out: Record<string, any>[] = [];
  const at = new Date(now - 120_000).toISOString();
  const first = new Date(now - 3_000_000).toISOString();
  plan.forEach((p, k) => {
    const ev = (reason: string, type: string, message: string, count: number) =>
      out.push({
        apiVersion: 'v1', kind: 'Event',
        metadata: { namespace: p.namespace, name: `${p.name}.${(0x17a0000000 + out.length).toString(16)}`, labels: LABEL },
        involvedObject: { kind: 'Pod', namespace: p.namespace, name: p.name, apiVersion: 'v1', fieldPath: `spec.containers{${p.app === 'flannel' ? 'kube-flannel' : 'app'}}` },
        reason, message, type, count, firstTimestamp: first, lastTimestamp: at,
        source: { component: 'kubelet', host: nodeName(s, p.node) }, reportingComponent: 'kubelet', reportingInstance: nodeName(s, p.node),
      });
    if (p.state === 'crashloop') ev('BackOff', 'Warning', 'Back-off restarting failed container app in pod ' + `${p.name}_${p.namespace}`, 40 + (k % 100));
    else if (p.state === 'imagepull') {
      const image = podObject(s, p).spec.containers[0].image;
      ev('Failed', 'Warning', `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`, 8);
      ev('BackOff', 'Normal', `Back-off pulling image "${image}"`, 30);
    } else if (p.state === 'sandbox') {
      ev('FailedCreatePodSandBox', 'Warning', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${'7'.repeat(64)}": plugin type="flannel" failed (add): loadFlannelSubnetEnv failed: open /run/flannel/subnet.env: no such file or directory`, 25);
    } else if (k % routineEvery === 0) ev('Pulled', 'Normal', `Container image "${podObject(s, p).spec.containers[0].image}" already present on machine`, 1);
  });
  return out;
}
