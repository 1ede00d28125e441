/**
 * Test fixtures built from the real k3s troubleshoot.sh bundle (shared/data/bundles): its nginx pod is
 * turned into a pod stuck in ImagePullBackOff for hours whose detailed pull event has expired, so only
 * `Back-off pulling image "…"` and `Error: ImagePullBackOff` are left, and written in every layout the
 * bundle source claims to read:
 *   troubleshoot-current  the bundle as troubleshoot.sh writes it today (typed Lists, pod logs in
 *                         cluster-resources/pods/logs and all-logs), as a .tar.gz;
 *   troubleshoot-older    older troubleshoot.sh: bare JSON arrays of kind-less items, collector errors
 *                         as a {namespace: message} object, logs only in a logs collector folder;
 *   kubectl               `kubectl get … -A -o json` outputs, one mixed List;
 *   own                   flannel-doctor's own bundle (written from the troubleshoot one).
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { c as tarCreate } from 'tar';
import { openBundle, walk } from './files.js';

export const STUCK_POD = 'nginx-deployment-7986654d4-ztx2g';
export const STUCK_NS = 'default';
export const STUCK_CONTAINER = 'nginx';

type Obj = Record<string, any>;

export interface ExpiredOptions {
  /** add back the detailed pull error (as if it had not expired) */
  detailedError?: string;
  /**
   * add the kinds newer troubleshoot.sh versions collect and this bundle lacks (daemonsets, configmaps,
   * endpoints, serviceaccounts), built from the bundle's own pods (k3s: svclb DaemonSet, CoreDNS)
   */
  newerKinds?: boolean;
}

/** k3s's CoreDNS Corefile (the one whose import globs the bundle's CoreDNS log warns about). */
const K3S_COREFILE = `.:53 {
    errors
    health
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
      pods insecure
      fallthrough in-addr.arpa ip6.arpa
    }
    hosts /etc/coredns/NodeHosts {
      ttl 60
      reload 15s
      fallthrough
    }
    prometheus :9153
    forward . /etc/resolv.conf
    cache 30
    loop
    reload
    loadbalance
    import /etc/coredns/custom/*.override
}
import /etc/coredns/custom/*.server
`;

async function writeNewerKinds(root: string): Promise<void> {
  const sys = JSON.parse(await readFile(join(root, 'pods', 'kube-system.json'), 'utf8'));
  const byPrefix = (p: string) => sys.items.find((x: Obj) => x.metadata.name.startsWith(p));
  const coredns = byPrefix('coredns-');
  const svclb = byPrefix('svclb-traefik-');
  const list = (kind: string, apiVersion: string, items: Obj[]) => JSON.stringify({ kind: `${kind}List`, apiVersion, metadata: { resourceVersion: '458202' }, items: items.map((i) => ({ kind, apiVersion, ...i })) }, null, 2);
  const meta = (name: string) => ({ name, namespace: 'kube-system', uid: `fixture-${name}`, creationTimestamp: '2022-09-23T13:46:35Z' });
  const dsName = svclb.metadata.ownerReferences[0].name;
  await mkdir(join(root, 'daemonsets'), { recursive: true });
  await writeFile(
    join(root, 'daemonsets', 'kube-system.json'),
    list('DaemonSet', 'apps/v1', [{ metadata: { ...meta(dsName), labels: { 'objectset.rio.cattle.io/hash': 'x' } }, spec: { selector: { matchLabels: { app: dsName } }, template: { metadata: { labels: { app: dsName } }, spec: svclb.spec } }, status: { desiredNumberScheduled: 1, numberReady: 1, numberAvailable: 1, currentNumberScheduled: 1 } }]),
  );
  await mkdir(join(root, 'configmaps'), { recursive: true });
  await writeFile(
    join(root, 'configmaps', 'kube-system.json'),
    list('ConfigMap', 'v1', [
      { metadata: meta('coredns'), data: { Corefile: K3S_COREFILE, NodeHosts: `172.18.0.2 ${coredns.spec.nodeName}
` } },
      { metadata: meta('chart-content-traefik'), data: { 'traefik-10.19.300.tgz': 'H4sIAAAAAAAA' } },
    ]),
  );
  await mkdir(join(root, 'endpoints'), { recursive: true });
  await writeFile(
    join(root, 'endpoints', 'kube-system.json'),
    list('Endpoints', 'v1', [{ metadata: meta('kube-dns'), subsets: [{ addresses: [{ ip: coredns.status.podIP, nodeName: coredns.spec.nodeName, targetRef: { kind: 'Pod', namespace: 'kube-system', name: coredns.metadata.name } }], ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] }] }]),
  );
  await mkdir(join(root, 'serviceaccounts'), { recursive: true });
  await writeFile(join(root, 'serviceaccounts', 'kube-system.json'), list('ServiceAccount', 'v1', [{ metadata: meta('coredns') }]));
}

/** Unpacks the real bundle into `dir/support-bundle` and breaks the nginx pod the way the issue saw. */
export async function expiredEventsBundle(real: string, dir: string, o: ExpiredOptions = {}): Promise<string> {
  const { dir: src, cleanup } = await openBundle(real);
  try {
    await rm(dir, { recursive: true, force: true });
    await cp(src, dir, { recursive: true, verbatimSymlinks: true });
  } finally {
    await cleanup();
  }
  const root = join(dir, 'support-bundle', 'cluster-resources');
  const podsFile = join(root, 'pods', `${STUCK_NS}.json`);
  const pods = JSON.parse(await readFile(podsFile, 'utf8'));
  const pod = pods.items.find((p: Obj) => p.metadata.name === STUCK_POD);
  const image: string = pod.spec.containers.find((c: Obj) => c.name === STUCK_CONTAINER).image;
  const st = pod.status.containerStatuses.find((c: Obj) => c.name === STUCK_CONTAINER);
  // kubelet's status for a pull in back-off (facts §4.5): the message names the image, not the cause.
  st.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } };
  st.ready = false;
  st.started = false;
  pod.status.conditions = pod.status.conditions.map((c: Obj) => (c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False', reason: 'ContainersNotReady' } : c));
  await writeFile(podsFile, JSON.stringify(pods, null, 2));
  const eventsFile = join(root, 'events', `${STUCK_NS}.json`);
  const events = JSON.parse(await readFile(eventsFile, 'utf8'));
  const last = events.items[events.items.length - 1];
  const ev = (name: string, type: string, reason: string, message: string, count: number): Obj => ({
    ...last,
    metadata: { ...last.metadata, name: `${STUCK_POD}.${name}`, uid: `${last.metadata.uid}-${name}` },
    involvedObject: { kind: 'Pod', namespace: STUCK_NS, name: STUCK_POD, uid: pod.metadata.uid, apiVersion: 'v1', fieldPath: `spec.containers{${STUCK_CONTAINER}}` },
    type,
    reason,
    message,
    count,
    source: { component: 'kubelet', host: pod.spec.nodeName },
  });
  events.items.push(ev('backoff', 'Normal', 'BackOff', `Back-off pulling image "${image}"`, 412), ev('failed-backoff', 'Warning', 'Failed', 'Error: ImagePullBackOff', 412));
  if (o.detailedError) events.items.push(ev('failed-pull', 'Warning', 'Failed', `Failed to pull image "${image}": ${o.detailedError}`, 3));
  await writeFile(eventsFile, JSON.stringify(events, null, 2));
  if (o.newerKinds) await writeNewerKinds(root);
  return dir;
}

export async function tarDir(dir: string, out: string): Promise<string> {
  await tarCreate({ gzip: true, file: out, cwd: dir }, ['support-bundle']);
  return out;
}

/** Older troubleshoot.sh: every List becomes a bare array of items without `kind`; logs only under all-logs. */
export async function toOlderLayout(dir: string): Promise<void> {
  const root = join(dir, 'support-bundle', 'cluster-resources');
  for (const rel of await walk(root)) {
    if (!rel.endsWith('.json')) continue;
    const file = join(root, rel);
    const v = JSON.parse(await readFile(file, 'utf8'));
    if (v && Array.isArray(v.items)) {
      await writeFile(file, JSON.stringify(v.items.map(({ kind: _k, apiVersion: _a, ...rest }: Obj) => rest), null, 2));
    }
  }
  await writeFile(join(root, 'pods-errors.json'), JSON.stringify({ 'kube-node-lease': 'pods is forbidden: User "support" cannot list resource "pods" in the namespace "kube-node-lease"' }));
  // A logs collector's folder (troubleshoot's `all-logs/<pod>/<container>.log`, no namespace in the
  // path) holds the logs instead of cluster-resources/pods/logs (whose links the real bundle has).
  const logs = join(root, 'pods', 'logs');
  for (const rel of await walk(logs)) {
    const [, pod, name] = rel.split('/');
    await mkdir(join(dir, 'support-bundle', 'all-logs', pod), { recursive: true });
    await writeFile(join(dir, 'support-bundle', 'all-logs', pod, name), await readFile(join(logs, rel)));
  }
  await rm(join(root, 'pods', 'logs'), { recursive: true, force: true });
}

/** `kubectl get nodes,pods,events,deploy,rs,svc -A -o json`-style files: typed items, one mixed List. */
export async function toKubectlDir(dir: string, out: string): Promise<void> {
  const root = join(dir, 'support-bundle', 'cluster-resources');
  const items: Obj[] = [];
  for (const rel of await walk(root)) {
    const m = /^(nodes|pods|events|deployments|replicasets|statefulsets|services)(\/[^/]+)?\.json$/.exec(rel);
    if (!m) continue;
    const v = JSON.parse(await readFile(join(root, rel), 'utf8'));
    const kind = String(v.kind).replace(/List$/, '');
    for (const it of v.items) items.push({ kind, ...it });
  }
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'cluster.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 1));
}
