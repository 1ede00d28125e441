/**
 * One set of raw Kubernetes objects for the source conformance suite: real k3s objects from the
 * troubleshoot bundle plus flannel-shaped ones (DaemonSet, config map, pull secrets, failing pods,
 * both event shapes) so every projection is exercised.
 */
type Obj = Record<string, any>;

const b64 = (s: string) => Buffer.from(s).toString('base64');

export function pod(ns: string, name: string, o: { node?: string; image?: string; pullSecrets?: string[]; waiting?: { reason: string; message: string }; labels?: Record<string, string>; sa?: string } = {}): Obj {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, namespace: ns, uid: `uid-${ns}-${name}`, labels: o.labels ?? { app: name.replace(/-\w+$/, '') }, creationTimestamp: '2026-11-20T10:00:00Z' },
    spec: {
      nodeName: o.node ?? 'n1',
      serviceAccountName: o.sa ?? 'default',
      ...(o.pullSecrets ? { imagePullSecrets: o.pullSecrets.map((n) => ({ name: n })) } : {}),
      initContainers: [{ name: 'init', image: 'busybox:1.36', imagePullPolicy: 'IfNotPresent' }],
      containers: [{ name: 'app', image: o.image ?? 'nginx:1.25', imagePullPolicy: 'IfNotPresent', resources: { requests: { cpu: '10m' } } }],
      dnsPolicy: 'ClusterFirst',
    },
    status: {
      phase: o.waiting ? 'Pending' : 'Running',
      podIP: '10.244.1.5',
      hostIP: '192.168.50.11',
      conditions: [{ type: 'Ready', status: o.waiting ? 'False' : 'True' }],
      initContainerStatuses: [{ name: 'init', image: 'docker.io/library/busybox:1.36', imageID: 'sha256:aa', ready: true, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      containerStatuses: [
        o.waiting
          ? { name: 'app', image: o.image ?? 'nginx:1.25', imageID: '', ready: false, restartCount: 0, state: { waiting: o.waiting } }
          : { name: 'app', image: 'docker.io/library/nginx:1.25', imageID: 'sha256:bb', ready: true, restartCount: 1, state: { running: { startedAt: '2026-11-20T10:01:00Z' } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } } },
      ],
    },
  };
}

export function coreEvent(ns: string, name: string, involved: string, reason: string, message: string, count = 1): Obj {
  return {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: { name, namespace: ns },
    involvedObject: { kind: 'Pod', namespace: ns, name: involved, fieldPath: 'spec.containers{app}' },
    reason,
    message,
    type: reason === 'Pulled' ? 'Normal' : 'Warning',
    count,
    source: { component: 'kubelet', host: 'n1' },
    firstTimestamp: '2026-11-20T10:00:00Z',
    lastTimestamp: '2026-11-20T10:05:00Z',
  };
}

export function conformanceObjects(k3s: Obj[] = []): Obj[] {
  const objs: Obj[] = [...k3s];
  for (const n of ['n1', 'n2']) {
    objs.push({
      kind: 'Node',
      apiVersion: 'v1',
      metadata: { name: n, labels: { 'kubernetes.io/arch': 'amd64' }, annotations: { 'flannel.alpha.coreos.com/backend-type': 'vxlan', 'flannel.alpha.coreos.com/public-ip': n === 'n1' ? '192.168.50.11' : '192.168.50.12' } },
      spec: { podCIDR: n === 'n1' ? '10.244.1.0/24' : '10.244.2.0/24', podCIDRs: [n === 'n1' ? '10.244.1.0/24' : '10.244.2.0/24'] },
      status: {
        addresses: [{ type: 'InternalIP', address: n === 'n1' ? '192.168.50.11' : '192.168.50.12' }],
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
        nodeInfo: { containerRuntimeVersion: 'containerd://1.6.20', kubeletVersion: 'v1.30.0', architecture: 'amd64', operatingSystem: 'linux', kernelVersion: '6.1.0', osImage: 'Debian GNU/Linux 12' },
      },
    });
  }
  for (let i = 0; i < 7; i++) objs.push(pod('shop', `web-${i}`, { node: i % 2 ? 'n2' : 'n1', pullSecrets: ['regcred'] }));
  objs.push(
    pod('shop', 'api-0', {
      image: 'reg.local:5000/api:1',
      pullSecrets: ['regcred', 'gone'],
      waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "reg.local:5000/api:1"' },
    }),
  );
  objs.push(pod('other', 'x-0', { sa: 'builder' }));
  objs.push(pod('kube-flannel', 'kube-flannel-ds-abcde', { labels: { app: 'flannel', tier: 'node' }, image: 'ghcr.io/flannel-io/flannel:v0.28.9' }));
  objs.push(
    { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name: 'default', namespace: 'shop' } },
    { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name: 'builder', namespace: 'other' }, imagePullSecrets: [{ name: 'builder-pull' }] },
    {
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: { name: 'regcred', namespace: 'shop' },
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': b64(JSON.stringify({ auths: { 'reg.local:5000': { auth: b64('u:p') } } })) },
    },
    { kind: 'Secret', apiVersion: 'v1', metadata: { name: 'builder-pull', namespace: 'other' }, type: 'Opaque', data: { '.dockerconfigjson': b64('{}') } },
    { kind: 'Secret', apiVersion: 'v1', metadata: { name: 'unrelated', namespace: 'shop' }, type: 'Opaque', data: { password: b64('hunter2') } },
    {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name: 'kube-flannel-cfg', namespace: 'kube-flannel' },
      data: { 'net-conf.json': '{"Network":"10.244.0.0/16","Backend":{"Type":"vxlan"}}', 'cni-conf.json': '{"name":"cbr0","cniVersion":"0.3.1","plugins":[{"type":"flannel"}]}' },
    },
    { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'unrelated', namespace: 'kube-system' }, data: { a: 'b' } },
    {
      kind: 'Endpoints',
      apiVersion: 'v1',
      metadata: { name: 'kube-dns', namespace: 'kube-system' },
      subsets: [{ addresses: [{ ip: '10.244.1.3' }], notReadyAddresses: [{ ip: '10.244.2.3' }], ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] }],
    },
    {
      kind: 'DaemonSet',
      apiVersion: 'apps/v1',
      metadata: { name: 'kube-flannel-ds', namespace: 'kube-flannel', labels: { app: 'flannel' } },
      spec: {
        selector: { matchLabels: { app: 'flannel' } },
        template: {
          metadata: { labels: { app: 'flannel' } },
          spec: {
            hostNetwork: true,
            serviceAccountName: 'flannel',
            initContainers: [{ name: 'install-cni', image: 'ghcr.io/flannel-io/flannel:v0.28.9' }],
            containers: [{ name: 'kube-flannel', image: 'ghcr.io/flannel-io/flannel:v0.28.9', args: ['--ip-masq', '--kube-subnet-mgr'] }],
          },
        },
      },
      status: { desiredNumberScheduled: 2, numberReady: 2, numberAvailable: 2 },
    },
    { kind: 'DaemonSet', apiVersion: 'apps/v1', metadata: { name: 'node-exporter', namespace: 'monitoring' }, spec: { selector: { matchLabels: { app: 'ne' } }, template: { spec: { containers: [] } } } },
    coreEvent('shop', 'api-0.1', 'api-0', 'Failed', 'Failed to pull image "reg.local:5000/api:1": rpc error: code = Unknown desc = failed to pull and unpack image', 12),
    coreEvent('shop', 'web-0.1', 'web-0', 'Pulled', 'Successfully pulled image "nginx:1.25"'),
    coreEvent('other', 'x-0.1', 'x-0', 'Pulled', 'Successfully pulled image "nginx:1.25"'),
    {
      kind: 'Event',
      apiVersion: 'v1',
      metadata: { name: 'web-1.series', namespace: 'shop' },
      involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web-1' },
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
      type: 'Warning',
      eventTime: '2026-11-20T10:00:00.000000Z',
      series: { count: 40, lastObservedTime: '2026-11-20T11:00:00.000000Z' },
      reportingComponent: 'kubelet',
      reportingInstance: 'n2',
      source: { component: 'kubelet', host: 'n2' },
    },
  );
  return objs;
}
