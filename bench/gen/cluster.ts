/**
 * Generates a kubectl-List bundle (a directory of `kubectl get … -o json` files) at Kubernetes'
 * published scalability limits: 5,000 nodes, 150,000 pods, 300,000 events, ~10% of pods failing to
 * pull with realistic errors. Items are written one at a time to a file stream (with backpressure),
 * so the >500 MB pod list is never a string in memory. Deterministic for a given seed.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface ClusterShape {
  nodes: number;
  pods: number;
  events: number;
  /** share of pods failing to pull (0..1) */
  failing: number;
  namespaces: number;
  seed?: number;
}

export const SCALE_LIMITS: ClusterShape = { nodes: 5000, pods: 150_000, events: 300_000, failing: 0.1, namespaces: 200 };

/** Pull failures as kubelet/containerd word them (facts §4.5–4.7). */
const PULL_ERRORS = [
  (img: string, host: string) => `failed to pull and unpack image "${img}": failed to resolve reference "${img}": failed to do request: Head "https://${host}/v2/app/manifests/1.0": x509: certificate signed by unknown authority`,
  (img: string, host: string) => `failed to pull and unpack image "${img}": failed to resolve reference "${img}": failed to do request: Head "https://${host}/v2/app/manifests/1.0": dial tcp: lookup ${host} on 10.96.0.10:53: no such host`,
  (img: string) => `failed to pull and unpack image "${img}": failed to resolve reference "${img}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
  (img: string) => `failed to pull and unpack image "${img}": failed to resolve reference "${img}": ${img}: not found`,
  (img: string, host: string) => `failed to pull and unpack image "${img}": failed to resolve reference "${img}": failed to do request: Head "https://${host}/v2/app/manifests/1.0": dial tcp 10.0.9.9:443: i/o timeout`,
];

class Rng {
  constructor(private s: number) {}
  next(): number {
    // mulberry32
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = Math.imul(this.s ^ (this.s >>> 15), 1 | this.s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

async function write(out: WriteStream, s: string): Promise<void> {
  if (!out.write(s)) await new Promise<void>((r) => out.once('drain', () => r()));
}

/** Writes {"apiVersion":"v1","kind":"List","items":[…]} item by item. */
async function writeList(file: string, count: number, item: (i: number) => unknown): Promise<number> {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  await write(out, '{\n    "apiVersion": "v1",\n    "kind": "List",\n    "items": [\n');
  let buf = '';
  for (let i = 0; i < count; i++) {
    buf += (i ? ',\n' : '') + JSON.stringify(item(i));
    if (buf.length > 1 << 20) {
      await write(out, buf);
      buf = '';
    }
  }
  await write(out, buf + '\n    ],\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return out.bytesWritten;
}

const ts = (sec: number) => new Date(Date.UTC(2026, 10, 20) + sec * 1000).toISOString().replace('.000Z', 'Z');
const hex = (r: Rng, n: number) => Math.floor(r.next() * 16 ** n).toString(16).padStart(n, '0');
const uid = (r: Rng) => `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 6)}${hex(r, 6)}`;

function node(i: number, r: Rng): Record<string, unknown> {
  const name = `node-${String(i).padStart(5, '0')}`;
  const third = Math.floor(i / 250);
  const ip = `10.${100 + Math.floor(third / 250)}.${third % 250}.${(i % 250) + 1}`;
  const cidr = `10.${Math.floor(i / 256)}.${i % 256}.0/24`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: uid(r),
      resourceVersion: String(1000 + i),
      creationTimestamp: ts(i),
      labels: { 'kubernetes.io/arch': i % 10 ? 'amd64' : 'arm64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'node.kubernetes.io/instance-type': 'm5.xlarge', 'topology.kubernetes.io/zone': `zone-${i % 3}` },
      annotations: {
        'flannel.alpha.coreos.com/backend-data': JSON.stringify({ VNI: 1, VtepMAC: `02:42:${[0, 0, 0, 0].map(() => r.int(256).toString(16).padStart(2, '0')).join(':')}` }),
        'flannel.alpha.coreos.com/backend-type': 'vxlan',
        'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
        'flannel.alpha.coreos.com/public-ip': ip,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: cidr, podCIDRs: [cidr], providerID: `aws:///zone/i-${uid(r).slice(0, 17)}` },
    status: {
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      allocatable: { cpu: '4', 'ephemeral-storage': '95551679124', memory: '15896988Ki', pods: '110' },
      capacity: { cpu: '4', 'ephemeral-storage': '103680236Ki', memory: '15999388Ki', pods: '110' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastHeartbeatTime: ts(9000), lastTransitionTime: ts(i) },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', lastHeartbeatTime: ts(9000), lastTransitionTime: ts(i) },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', lastHeartbeatTime: ts(9000), lastTransitionTime: ts(i) },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: ts(9000), lastTransitionTime: ts(i) },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: i % 10 ? 'amd64' : 'arm64',
        bootID: uid(r),
        containerRuntimeVersion: 'containerd://1.6.20',
        kernelVersion: '6.1.0-18-cloud-amd64',
        kubeProxyVersion: 'v1.30.2',
        kubeletVersion: 'v1.30.2',
        machineID: uid(r).replace(/-/g, ''),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: uid(r),
      },
    },
  };
}

/** Whether pod i fails to pull: every n-th pod, so its events can say so too. */
function isFailing(i: number, shape: ClusterShape): boolean {
  return shape.failing > 0 && i % Math.round(1 / shape.failing) === 3;
}

/**
 * Pod i's namespace, app and name (events refer to pods by the same names). Pods fill namespaces in
 * blocks and names sort in index order, so the lists come out ordered by namespace/name as the API
 * and kubectl return them.
 */
function podIdentity(i: number, shape: ClusterShape): { ns: string; app: string; hash: string; name: string } {
  const perNs = Math.ceil(shape.pods / shape.namespaces);
  const nsIdx = Math.floor(i / perNs);
  const ns = `team-${String(nsIdx).padStart(4, '0')}`;
  const j = i % perNs;
  const appIdx = Math.floor(j / 10);
  const app = `svc-${String(appIdx).padStart(4, '0')}`;
  // pod-template-hash: one per ReplicaSet, like the real thing
  const hash = (((nsIdx * 10007 + appIdx) * 2654435761) >>> 0).toString(36).padStart(7, '0').slice(0, 7);
  return { ns, app, hash, name: `${app}-${hash}-${j.toString(36).padStart(5, '0')}` };
}

function pod(i: number, shape: ClusterShape, r: Rng): Record<string, unknown> {
  const { ns, app, hash, name } = podIdentity(i, shape);
  const nodeName = `node-${String(i % shape.nodes).padStart(5, '0')}`;
  const failing = isFailing(i, shape);
  const host = ['reg.internal:5000', 'registry.corp.example', 'ghcr.io'][i % 3];
  const image = `${host}/${ns}/${app}:1.${i % 20}`;
  const started = ts(3600 + (i % 5000));
  const appStatus = failing
    ? { name: 'app', image, imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: Math.floor(i / 10) % 2 ? { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } : { reason: 'ErrImagePull', message: `rpc error: code = Unknown desc = ${PULL_ERRORS[Math.floor(i / 10) % PULL_ERRORS.length](image, host)}` } } }
    : { name: 'app', image, imageID: `${host}/${ns}/${app}@sha256:${uid(r).replace(/-/g, '')}${uid(r).replace(/-/g, '')}`, containerID: `containerd://${uid(r).replace(/-/g, '')}`, ready: true, restartCount: i % 7 === 0 ? 1 : 0, started: true, state: { running: { startedAt: started } } };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: `${app}-${hash}-`,
      namespace: ns,
      uid: uid(r),
      resourceVersion: String(100000 + i),
      creationTimestamp: ts(3000 + (i % 5000)),
      labels: { app, 'pod-template-hash': hash, 'app.kubernetes.io/part-of': ns },
      annotations: { 'kubectl.kubernetes.io/restartedAt': ts(100) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-${hash}`, uid: uid(r), controller: true, blockOwnerDeletion: true }],
      managedFields: [
        {
          apiVersion: 'v1',
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:status': { 'f:conditions': { 'k:{"type":"ContainersReady"}': { '.': {}, 'f:lastProbeTime': {}, 'f:status': {}, 'f:type': {} }, 'k:{"type":"Ready"}': { '.': {}, 'f:status': {}, 'f:type': {} } }, 'f:containerStatuses': {}, 'f:hostIP': {}, 'f:phase': {}, 'f:podIP': {}, 'f:startTime': {} } },
          manager: 'kubelet',
          operation: 'Update',
          subresource: 'status',
          time: started,
        },
      ],
    },
    spec: {
      containers: [
        {
          name: 'app',
          image,
          imagePullPolicy: 'IfNotPresent',
          args: ['--port=8080', '--log-level=info'],
          env: [
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
          ],
          ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
          readinessProbe: { httpGet: { path: '/readyz', port: 'http', scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
          resources: { limits: { memory: '256Mi' }, requests: { cpu: '50m', memory: '64Mi' } },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access', readOnly: true }],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      imagePullSecrets: [{ name: 'regcred' }],
      nodeName,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: 'kube-api-access',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
              { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
            ],
          },
        },
      ],
    },
    status: {
      conditions: [
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: started },
        { type: 'Ready', status: failing ? 'False' : 'True', lastProbeTime: null, lastTransitionTime: started, ...(failing ? { reason: 'ContainersNotReady', message: 'containers with unready status: [app]' } : {}) },
        { type: 'ContainersReady', status: failing ? 'False' : 'True', lastProbeTime: null, lastTransitionTime: started },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: started },
      ],
      containerStatuses: [appStatus],
      hostIP: `10.100.0.${(i % 250) + 1}`,
      phase: failing ? 'Pending' : 'Running',
      podIP: `10.${Math.floor((i % shape.nodes) / 256)}.${(i % shape.nodes) % 256}.${(i % 250) + 2}`,
      podIPs: [{ ip: `10.${Math.floor((i % shape.nodes) / 256)}.${(i % shape.nodes) % 256}.${(i % 250) + 2}` }],
      qosClass: 'Burstable',
      startTime: started,
    },
  };
}

function event(i: number, shape: ClusterShape, r: Rng): Record<string, unknown> {
  // Events in pod order (k per pod), named <pod>.<n> like kubelet's, so the list is sorted by name.
  const p = Math.min(shape.pods - 1, Math.floor((i * shape.pods) / shape.events));
  const first = i === 0 || Math.floor(((i - 1) * shape.pods) / shape.events) !== p;
  const { ns, app, name: podName } = podIdentity(p, shape);
  const failingish = isFailing(p, shape);
  const host = ['reg.internal:5000', 'registry.corp.example', 'ghcr.io'][p % 3];
  const image = `${host}/${ns}/${app}:1.${p % 20}`;
  const kinds = [
    { reason: 'Scheduled', type: 'Normal', message: `Successfully assigned ${ns}/${podName} to node-${String(p % shape.nodes).padStart(5, '0')}`, component: 'default-scheduler' },
    { reason: 'Pulling', type: 'Normal', message: `Pulling image "${image}"`, component: 'kubelet' },
    { reason: 'Pulled', type: 'Normal', message: `Successfully pulled image "${image}" in 1.2s (1.2s including waiting)`, component: 'kubelet' },
    { reason: 'Created', type: 'Normal', message: 'Created container app', component: 'kubelet' },
    { reason: 'Started', type: 'Normal', message: 'Started container app', component: 'kubelet' },
  ];
  const k = failingish
    ? first
      ? { reason: 'Failed', type: 'Warning', message: `Failed to pull image "${image}": rpc error: code = Unknown desc = ${PULL_ERRORS[Math.floor(p / 10) % PULL_ERRORS.length](image, host)}`, component: 'kubelet' }
      : { reason: 'BackOff', type: 'Warning', message: `Back-off pulling image "${image}"`, component: 'kubelet' }
    : kinds[i % kinds.length];
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${podName}.${i.toString(16).padStart(8, '0')}`, namespace: ns, uid: uid(r), resourceVersion: String(500000 + i), creationTimestamp: ts(4000 + (i % 5000)) },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: podName, namespace: ns, resourceVersion: String(100000 + p), uid: uid(r), fieldPath: 'spec.containers{app}' },
    reason: k.reason,
    message: k.message,
    source: { component: k.component, host: `node-${String(p % shape.nodes).padStart(5, '0')}` },
    firstTimestamp: ts(4000 + (i % 5000)),
    lastTimestamp: ts(4100 + (i % 5000)),
    count: failingish ? 1 + (i % 40) : 1,
    type: k.type,
    eventTime: null,
    reportingComponent: k.component,
    reportingInstance: `node-${String(p % shape.nodes).padStart(5, '0')}`,
  };
}

/** The handful of system objects a real cluster has: flannel, CoreDNS, kube-dns, pull secrets, SAs. */
function systemObjects(shape: ClusterShape): Record<string, unknown>[] {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const objs: Record<string, unknown>[] = [
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kube-flannel-ds', namespace: 'kube-flannel', labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' } },
      spec: { selector: { matchLabels: { app: 'flannel' } }, template: { metadata: { labels: { app: 'flannel', tier: 'node' } }, spec: { hostNetwork: true, serviceAccountName: 'flannel', initContainers: [{ name: 'install-cni-plugin', image: 'ghcr.io/flannel-io/flannel-cni-plugin:v1.9.1-flannel3' }, { name: 'install-cni', image: 'ghcr.io/flannel-io/flannel:v0.28.9' }], containers: [{ name: 'kube-flannel', image: 'ghcr.io/flannel-io/flannel:v0.28.9', command: ['/opt/bin/flanneld'], args: ['--ip-masq', '--kube-subnet-mgr', '--healthz-port=8081'] }] } } },
      status: { desiredNumberScheduled: shape.nodes, currentNumberScheduled: shape.nodes, numberReady: shape.nodes, numberAvailable: shape.nodes },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-flannel-cfg', namespace: 'kube-flannel', labels: { app: 'flannel', tier: 'node' } },
      data: {
        'cni-conf.json': JSON.stringify({ name: 'cbr0', cniVersion: '0.3.1', plugins: [{ type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true } }, { type: 'portmap', capabilities: { portMappings: true } }] }, null, 2),
        'net-conf.json': JSON.stringify({ Network: '10.0.0.0/8', EnableNFTables: false, Backend: { Type: 'vxlan' } }, null, 2),
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      spec: { replicas: 2, selector: { matchLabels: { 'k8s-app': 'kube-dns' } }, template: { spec: { containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.1', args: ['-conf', '/etc/coredns/Corefile'] }] } } },
      status: { replicas: 2, readyReplicas: 2, availableReplicas: 2 },
    },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }, spec: { clusterIP: '10.96.0.10', selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] } },
    { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kube-dns', namespace: 'kube-system' }, subsets: [{ addresses: [{ ip: '10.0.0.2' }, { ip: '10.0.1.2' }], ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] }] },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: '.:53 {\n    errors\n    health\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n' } },
  ];
  for (let n = 0; n < shape.namespaces; n++) {
    const ns = `team-${String(n).padStart(4, '0')}`;
    objs.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
    objs.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: ns }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64(JSON.stringify({ auths: { 'reg.internal:5000': { auth: b64('ci:pw') }, 'registry.corp.example': { auth: b64('ci:pw') } } })) } });
  }
  for (let i = 0; i < 2; i++) {
    objs.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `coredns-5d78c9869d-${i}`, namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      spec: { nodeName: `node-0000${i}`, containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.1' }] },
      status: { phase: 'Running', podIP: `10.0.${i}.2`, conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.1', ready: true, restartCount: 0, state: { running: {} } }] },
    });
  }
  return objs;
}

export interface Generated {
  dir: string;
  bytes: number;
  files: string[];
  shape: ClusterShape;
}

/** Writes nodes.json, pods.json, events.json and system.json into `dir`. */
export async function generateClusterBundle(dir: string, shape: ClusterShape = SCALE_LIMITS): Promise<Generated> {
  await mkdir(dir, { recursive: true });
  const r = new Rng(shape.seed ?? 42);
  const sys = systemObjects(shape);
  let bytes = 0;
  bytes += await writeList(join(dir, 'nodes.json'), shape.nodes, (i) => node(i, r));
  bytes += await writeList(join(dir, 'pods.json'), shape.pods, (i) => pod(i, shape, r));
  bytes += await writeList(join(dir, 'events.json'), shape.events, (i) => event(i, shape, r));
  bytes += await writeList(join(dir, 'system.json'), sys.length, (i) => sys[i]);
  return { dir, bytes, files: ['nodes.json', 'pods.json', 'events.json', 'system.json'], shape };
}
