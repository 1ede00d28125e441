/**
 * The Kubernetes objects of a lab, shaped as a kubeadm cluster with the v0.28.9 flannel manifest
 * (facts §1.1, §1.6, §9) would hold them. Pure builders: the lab puts them into its ApiStore.
 */
import { FLANNEL_CONFLIST, netConf } from './node-files.js';
import { podSuffix, uidOf } from './plan.js';
import type { LabNode, LabPod, LabState } from './types.js';
import type { KubeObject } from './api-store.js';

export const FLANNEL_NS = 'kube-flannel';
export const FLANNEL_DS = 'kube-flannel-ds';
export const FLANNEL_IMAGE = 'ghcr.io/flannel-io/flannel:v0.28.9';
export const FLANNEL_CNI_IMAGE = 'ghcr.io/flannel-io/flannel-cni-plugin:v1.9.1-flannel3';
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.1';
export const ANNOT = 'flannel.alpha.coreos.com';

export const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

const now = () => new Date().toISOString();

export function namespaceObj(name: string, labels: Record<string, string> = {}): KubeObject {
  return { kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } }, status: { phase: 'Active' } };
}

export function nodeObj(node: LabNode): KubeObject {
  return {
    kind: 'Node',
    metadata: {
      name: node.name,
      labels: {
        'kubernetes.io/hostname': node.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': node.arch,
        'beta.kubernetes.io/os': 'linux',
        'beta.kubernetes.io/arch': node.arch,
      },
      annotations: {
        [`${ANNOT}/backend-data`]: JSON.stringify({ VNI: 1, VtepMAC: node.vtepMac }),
        [`${ANNOT}/backend-type`]: 'vxlan',
        [`${ANNOT}/kube-subnet-manager`]: 'true',
        [`${ANNOT}/public-ip`]: node.ip,
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
      },
    },
    spec: { podCIDR: node.podCIDR, podCIDRs: [node.podCIDR] },
    status: {
      addresses: [
        { type: 'InternalIP', address: node.ip },
        { type: 'Hostname', address: node.name },
      ],
      conditions: [
        cond('NetworkUnavailable', 'False', 'FlannelIsUp', 'Flannel is running on this node'),
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      nodeInfo: {
        architecture: node.arch,
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: 'lab',
        containerRuntimeVersion: 'containerd://1.6.20',
        kubeletVersion: 'v1.29.4',
        kubeProxyVersion: 'v1.29.4',
      },
      allocatable: { cpu: '2', memory: '4Gi', pods: '110', 'ephemeral-storage': '20Gi' },
      capacity: { cpu: '2', memory: '4Gi', pods: '110', 'ephemeral-storage': '20Gi' },
    },
  };
}

export function cond(type: string, status: string, reason: string, message: string): Record<string, string> {
  const t = now();
  return { type, status, reason, message, lastHeartbeatTime: t, lastTransitionTime: t };
}

export function flannelObjects(state: LabState): KubeObject[] {
  const dsUid = uidOf(`${state.prefix}/ds/${FLANNEL_DS}`);
  const objs: KubeObject[] = [
    namespaceObj(FLANNEL_NS, { 'k8s-app': 'flannel', 'pod-security.kubernetes.io/enforce': 'privileged' }),
    { kind: 'ServiceAccount', metadata: { name: 'flannel', namespace: FLANNEL_NS } },
    {
      kind: 'ClusterRole',
      metadata: { name: 'flannel', labels: { 'k8s-app': 'flannel' } },
      rules: [
        { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
        { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: [''], resources: ['nodes/status'], verbs: ['patch'] },
      ],
    },
    {
      kind: 'ClusterRoleBinding',
      metadata: { name: 'flannel', labels: { 'k8s-app': 'flannel' } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'flannel' },
      subjects: [{ kind: 'ServiceAccount', name: 'flannel', namespace: FLANNEL_NS }],
    },
    {
      kind: 'ConfigMap',
      metadata: { name: 'kube-flannel-cfg', namespace: FLANNEL_NS, labels: { tier: 'node', 'k8s-app': 'flannel', app: 'flannel' } },
      data: {
        'cni-conf.json': JSON.stringify(FLANNEL_CONFLIST, null, 2) + '\n',
        'net-conf.json': JSON.stringify(netConf(state.clusterCIDR), null, 2) + '\n',
      },
    },
    {
      kind: 'DaemonSet',
      metadata: { name: FLANNEL_DS, namespace: FLANNEL_NS, uid: dsUid, labels: { tier: 'node', app: 'flannel', 'k8s-app': 'flannel' } },
      spec: {
        selector: { matchLabels: { app: 'flannel' } },
        template: { metadata: { labels: { tier: 'node', app: 'flannel' } }, spec: flannelPodSpec('') },
      },
      status: dsStatus(state.nodes.length, state.nodes.length),
    },
  ];
  for (const node of state.nodes) objs.push(flannelPod(state, node, dsUid));
  return objs;
}

export function dsStatus(desired: number, ready: number): Record<string, number> {
  return {
    currentNumberScheduled: desired,
    desiredNumberScheduled: desired,
    numberAvailable: ready,
    numberReady: ready,
    numberUnavailable: desired - ready,
    numberMisscheduled: 0,
    updatedNumberScheduled: desired,
    observedGeneration: 1,
  };
}

export function flannelPodName(state: LabState, node: LabNode): string {
  return `${FLANNEL_DS}-${podSuffix(`${state.prefix}/${node.name}`)}`;
}

function flannelPodSpec(nodeName: string): KubeObject {
  return {
    ...(nodeName ? { nodeName } : {}),
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    serviceAccountName: 'flannel',
    tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
    initContainers: [
      { name: 'install-cni-plugin', image: FLANNEL_CNI_IMAGE, command: ['cp'], args: ['-f', '/flannel', '/opt/cni/bin/flannel'] },
      { name: 'install-cni', image: FLANNEL_IMAGE, command: ['/opt/bin/install-conf'], args: ['/etc/kube-flannel/cni-conf.json', '/etc/cni/net.d/10-flannel.conflist'] },
    ],
    containers: [
      {
        name: 'kube-flannel',
        image: FLANNEL_IMAGE,
        command: ['/opt/bin/flanneld'],
        args: ['--ip-masq', '--kube-subnet-mgr', '--healthz-port=8081'],
        env: [
          { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
          { name: 'EVENT_QUEUE_DEPTH', value: '5000' },
          { name: 'CONT_WHEN_CACHE_NOT_READY', value: 'false' },
        ],
        resources: { requests: { cpu: '100m', memory: '50Mi' } },
        securityContext: { privileged: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } },
      },
    ],
    volumes: [
      { name: 'run', hostPath: { path: '/run/flannel' } },
      { name: 'cni-plugin', hostPath: { path: '/opt/cni/bin' } },
      { name: 'cni', hostPath: { path: '/etc/cni/net.d' } },
      { name: 'flannel-cfg', configMap: { name: 'kube-flannel-cfg' } },
      { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
    ],
  };
}

export function flannelPod(state: LabState, node: LabNode, dsUid = uidOf(`${state.prefix}/ds/${FLANNEL_DS}`)): KubeObject {
  const name = flannelPodName(state, node);
  return {
    kind: 'Pod',
    metadata: {
      name,
      namespace: FLANNEL_NS,
      labels: { app: 'flannel', tier: 'node', 'controller-revision-hash': '5d8c9b7f6' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: FLANNEL_DS, uid: dsUid, controller: true }],
    },
    spec: flannelPodSpec(node.name),
    status: runningStatus(node.ip, node.ip, [{ name: 'kube-flannel', image: FLANNEL_IMAGE }], [
      { name: 'install-cni-plugin', image: FLANNEL_CNI_IMAGE },
      { name: 'install-cni', image: FLANNEL_IMAGE },
    ]),
  };
}

export function runningStatus(podIP: string | undefined, hostIP: string, containers: { name: string; image: string }[], inits: { name: string; image: string }[] = []): KubeObject {
  const t = now();
  return {
    phase: 'Running',
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(podIP ? { podIP, podIPs: [{ ip: podIP }] } : {}),
    startTime: t,
    qosClass: 'Burstable',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: t },
      { type: 'Initialized', status: 'True', lastTransitionTime: t },
      { type: 'Ready', status: 'True', lastTransitionTime: t },
      { type: 'ContainersReady', status: 'True', lastTransitionTime: t },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: t },
    ],
    initContainerStatuses: inits.map((c) => ({
      name: c.name, image: c.image, imageID: `${c.image.split(':')[0]}@sha256:${uidOf(c.image).replace(/-/g, '')}`, ready: true, restartCount: 0,
      state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: t, finishedAt: t } },
    })),
    containerStatuses: containers.map((c) => ({
      name: c.name, image: c.image, imageID: `${c.image.split(':')[0]}@sha256:${uidOf(c.image).replace(/-/g, '')}`,
      containerID: `containerd://${uidOf(c.name + t).replace(/-/g, '')}`, ready: true, started: true, restartCount: 0,
      state: { running: { startedAt: t } },
    })),
  };
}

/** A pod that crash-loops: what kubelet reports after a few restarts. */
export function crashLoopStatus(prev: KubeObject, container: string, exitCode: number, restarts = 5): KubeObject {
  const t = now();
  const status = structuredClone(prev.status ?? {});
  status.phase = 'Running';
  status.conditions = (status.conditions ?? []).map((c: any) =>
    c.type === 'Ready' || c.type === 'ContainersReady'
      ? { ...c, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${container}]`, lastTransitionTime: t }
      : c,
  );
  status.containerStatuses = (status.containerStatuses ?? []).map((cs: any) =>
    cs.name !== container
      ? cs
      : {
          ...cs,
          ready: false,
          started: false,
          restartCount: restarts,
          state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 2m40s restarting failed container=${container} pod=${prev.metadata.name}_${prev.metadata.namespace}(${prev.metadata.uid})` } },
          lastState: { terminated: { exitCode, reason: 'Error', startedAt: t, finishedAt: t } },
        },
  );
  return status;
}

export function appPod(state: LabState, pod: LabPod, node: LabNode): KubeObject {
  return {
    kind: 'Pod',
    metadata: { name: pod.name, namespace: pod.namespace, labels: { app: 'lab-app', 'flannel-doctor/lab': state.prefix } },
    spec: {
      nodeName: node.name,
      serviceAccountName: 'default',
      dnsPolicy: 'ClusterFirst',
      containers: [{ name: 'app', image: pod.image, imagePullPolicy: 'IfNotPresent' }],
      restartPolicy: 'Always',
    },
    status: runningStatus(pod.ip, node.ip, [{ name: 'app', image: pod.image }]),
  };
}

/** A pod whose sandbox cannot be created: ContainerCreating (what kubectl shows) and no IP. */
export function sandboxFailedStatus(node: LabNode, containers: { name: string; image: string }[]): KubeObject {
  const t = now();
  return {
    phase: 'Pending',
    hostIP: node.ip,
    hostIPs: [{ ip: node.ip }],
    startTime: t,
    qosClass: 'BestEffort',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'False', lastTransitionTime: t },
      { type: 'Initialized', status: 'True', lastTransitionTime: t },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${containers.map((c) => c.name).join(' ')}]`, lastTransitionTime: t },
      { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${containers.map((c) => c.name).join(' ')}]`, lastTransitionTime: t },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: t },
    ],
    containerStatuses: containers.map((c) => ({ name: c.name, image: c.image, imageID: '', ready: false, started: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } })),
  };
}

export function corednsObjects(state: LabState, pod: LabPod, node: LabNode): KubeObject[] {
  const labels = { 'k8s-app': 'kube-dns' };
  return [
    { kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: COREFILE } },
    { kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } },
    {
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { dnsPolicy: 'Default', serviceAccountName: 'coredns', containers: [{ name: 'coredns', image: COREDNS_IMAGE, args: ['-conf', '/etc/coredns/Corefile'] }] } },
      },
      status: { replicas: 1, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1, observedGeneration: 1 },
    },
    {
      kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS' } },
      spec: {
        clusterIP: state.dnsServiceIP,
        clusterIPs: [state.dnsServiceIP],
        selector: labels,
        type: 'ClusterIP',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
    },
    corednsEndpoints(pod, node, true),
    {
      kind: 'Pod',
      metadata: { name: pod.name, namespace: 'kube-system', labels: { ...labels, 'pod-template-hash': '76f75df574' } },
      spec: { nodeName: node.name, dnsPolicy: 'Default', serviceAccountName: 'coredns', containers: [{ name: 'coredns', image: COREDNS_IMAGE, args: ['-conf', '/etc/coredns/Corefile'] }] },
      status: runningStatus(pod.ip, node.ip, [{ name: 'coredns', image: COREDNS_IMAGE }]),
    },
  ];
}

export function corednsEndpoints(pod: LabPod, node: LabNode, ready: boolean): KubeObject {
  const addr = { ip: pod.ip, nodeName: node.name, targetRef: { kind: 'Pod', name: pod.name, namespace: 'kube-system' } };
  return {
    kind: 'Endpoints',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    subsets: [
      {
        ...(ready ? { addresses: [addr] } : { notReadyAddresses: [addr] }),
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          { name: 'metrics', port: 9153, protocol: 'TCP' },
        ],
      },
    ],
  };
}

export function baseObjects(state: LabState): KubeObject[] {
  const objs: KubeObject[] = [
    namespaceObj('default'),
    namespaceObj('kube-system'),
    namespaceObj('kube-public'),
    namespaceObj('kube-node-lease'),
    {
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], type: 'ClusterIP', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
    },
  ];
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease', FLANNEL_NS]) {
    objs.push({ kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
  }
  return objs;
}

let eventSeq = 0;
/** An event as kubelet records it (involvedObject, reason, message, source.component kubelet). */
export function eventObj(involved: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, opts: { count?: number; component?: string; host?: string; fieldPath?: string } = {}): KubeObject {
  const t = now();
  const name = `${involved.metadata.name}.${Date.now().toString(16)}${(eventSeq++).toString(16).padStart(4, '0')}`;
  return {
    kind: 'Event',
    metadata: { name, namespace: involved.metadata.namespace ?? 'default' },
    involvedObject: {
      kind: involved.kind,
      namespace: involved.metadata.namespace,
      name: involved.metadata.name,
      uid: involved.metadata.uid,
      apiVersion: involved.apiVersion ?? 'v1',
      ...(opts.fieldPath ? { fieldPath: opts.fieldPath } : {}),
    },
    reason,
    message,
    type,
    count: opts.count ?? 1,
    firstTimestamp: t,
    lastTimestamp: t,
    source: { component: opts.component ?? 'kubelet', ...(opts.host ? { host: opts.host } : {}) },
    reportingComponent: opts.component ?? 'kubelet',
    reportingInstance: opts.host ?? '',
  };
}
