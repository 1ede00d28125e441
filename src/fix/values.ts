import type { PodInfo } from '../evidence/cluster.js';
import type { Evidence } from '../evidence/types.js';
import { parseImageReference, splitHostPort } from '../parsers/image-reference.js';
import { flannelDaemonSets } from '../evidence/flannel-objects.js';
import type { FixValues } from './placeholders.js';

/** Where a finding is: the part of it that fills scope placeholders. */
export interface FixScope {
  nodes: readonly string[];
  /** namespace/name */
  pods: readonly string[];
  registry?: string;
}

/** Docker Hub's API is served by registry-1.docker.io (facts §7); commands that connect need that host. */
const HUB_API_HOST = 'registry-1.docker.io';

/**
 * The values a finding's fix is filled with: its scope (node, pod, registry, image), what the rule
 * put in its data, and what the evidence says about the cluster (where flannel runs, the DNS
 * Service). Data wins over scope, since the rule knows which of several nodes or pods it means.
 */
export function fixValues(scope: FixScope, data: Readonly<Record<string, string | number>> = {}, evidence?: Readonly<Evidence>): FixValues {
  // A dictionary from the start (no prototype): each finding adds its own set of keys, and an ordinary
  // object would walk a different chain of hidden classes for each set, then be rebuilt as a dictionary
  // anyway, per finding (at 1,800 findings that was most of the cost of filling their fixes).
  const v: FixValues = Object.assign(Object.create(null) as FixValues, contextValues(evidence));
  if (scope.nodes.length) v.node = scope.nodes[0];
  const ip = v.node ? internalIp(evidence, String(v.node)) : undefined;
  if (ip) v.nodeIp = ip;
  if (scope.pods.length) Object.assign(v, podValues(scope.pods[0]));
  for (const [k, x] of Object.entries(data)) if (x !== '' && x !== undefined) v[k] = x;
  if (typeof data.pod === 'string' && data.pod.includes('/')) Object.assign(v, podValues(data.pod));
  const spec = v.pod && v.namespace && evidence?.cluster ? indexOf(evidence.cluster).pods.get(`${v.namespace}/${v.pod}`) : undefined;
  if (v.image === undefined) v.image = singleImage(spec);
  if (v.secret === undefined && spec?.imagePullSecrets.length === 1) v.secret = spec.imagePullSecrets[0];
  Object.assign(v, registryValues(typeof v.image === 'string' ? v.image : undefined, scope.registry ?? (typeof data.registry === 'string' ? data.registry : undefined)), pick(data, ['registryHost', 'port']));
  return v;
}

/** The node's InternalIP as the API server knows it. */
function internalIp(evidence: Readonly<Evidence> | undefined, node: string): string | undefined {
  return evidence?.cluster ? indexOf(evidence.cluster).nodeIp.get(node) : undefined;
}

type Cluster = NonNullable<Evidence['cluster']>;
interface ClusterIndex {
  /** namespace/name → pod */
  pods: Map<string, Readonly<PodInfo>>;
  /** node → InternalIP */
  nodeIp: Map<string, string>;
}
const indexes = new WeakMap<object, ClusterIndex>();

/**
 * Pods and nodes by name, built once per evidence: a fix is filled per finding and per pod it names,
 * and a search of the pod list each time was quadratic (at 150,000 pods, most of diagnose's time).
 * The first of equal names wins, as Array#find did.
 */
function indexOf(c: Readonly<Cluster>): ClusterIndex {
  let ix = indexes.get(c);
  if (ix) return ix;
  ix = { pods: new Map(), nodeIp: new Map() };
  for (const p of c.pods) {
    const k = `${p.namespace}/${p.name}`;
    if (!ix.pods.has(k)) ix.pods.set(k, p);
  }
  for (const n of c.nodes) {
    if (ix.nodeIp.has(n.name)) continue;
    const ip = n.addresses.find((a) => a.type === 'InternalIP')?.address;
    // A node without an InternalIP keeps its place: a later namesake must not answer for it.
    ix.nodeIp.set(n.name, ip as string);
  }
  indexes.set(c, ix);
  return ix;
}

function pick(data: Readonly<Record<string, string | number>>, keys: string[]): FixValues {
  const out: FixValues = {};
  for (const k of keys) if (data[k] !== undefined && data[k] !== '') out[k] = data[k];
  return out;
}

function podValues(ref: string): FixValues {
  const i = ref.indexOf('/');
  return i < 0 ? { pod: ref } : { namespace: ref.slice(0, i), pod: ref.slice(i + 1) };
}

/** The image of a pod with one container: unambiguous; with several, the rule must say which. */
function singleImage(pod: Readonly<PodInfo> | undefined): string | undefined {
  const images = [...new Set((pod?.containers ?? []).map((c) => c.image).filter(Boolean))];
  return images.length === 1 ? images[0] : undefined;
}

/** registry (as pull secrets and certs.d name it), registryHost and port (to connect), repository, tag. */
export function registryValues(image: string | undefined, registry: string | undefined): FixValues {
  const out: FixValues = {};
  const ref = image ? parseImageReference(image) : undefined;
  if (ref?.ok) {
    out.repository = ref.ref.path;
    out.tag = ref.ref.tag ?? (ref.ref.digest ? undefined : 'latest');
  }
  const domain = registry || (ref?.ok ? ref.ref.domain : undefined);
  if (!domain) return out;
  const hub = domain === 'docker.io' || domain === 'index.docker.io' || domain === HUB_API_HOST;
  out.registry = hub ? 'docker.io' : domain;
  const { host, port } = splitHostPort(domain);
  out.registryHost = hub ? HUB_API_HOST : host;
  out.port = port ?? '443';
  return out;
}

const contextCache = new WeakMap<object, FixValues>();

/** Cluster facts: where flannel's DaemonSet is deployed and the kube-dns Service IP. Cached per evidence. */
export function contextValues(evidence: Readonly<Evidence> | undefined): FixValues {
  const c = evidence?.cluster;
  if (!c) return {};
  const cached = contextCache.get(c);
  if (cached) return cached;
  const v: FixValues = {};
  const ds = flannelDaemonSets(c)[0];
  if (ds) {
    v.flannelNamespace = ds.namespace;
    v.flannelDaemonSet = ds.name;
    if (ds.serviceAccountName) v.flannelServiceAccount = ds.serviceAccountName;
  }
  const dns = c.services.find((s) => s.namespace === 'kube-system' && s.name === 'kube-dns');
  if (dns?.clusterIP && dns.clusterIP !== 'None') v.clusterDnsIp = dns.clusterIP;
  const coredns = c.pods.find((p) => p.namespace === 'kube-system' && p.labels['k8s-app'] === 'kube-dns' && p.phase === 'Running' && p.podIP);
  if (coredns?.podIP) v.corednsPodIp = coredns.podIP;
  contextCache.set(c, v);
  return v;
}
