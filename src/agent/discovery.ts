/**
 * What an agent deployed by the manifests learns from the API server with its own ServiceAccount,
 * when its config names no peers or DNS targets: the mesh peers (every node's InternalIP and, once
 * flannel has leased it a subnet, its flannel.1 address = the podCIDR's network address; the pod IP of
 * the agent of the same DaemonSet on that node when it differs from the node's address) and the DNS
 * targets (the kube-dns Service IP in kube-system and the CoreDNS pod IPs behind it, from its
 * Endpoints). Asked again before every check: nodes come and go.
 *
 * Requests, all reads the manifests' ClusterRole flannel-doctor-read already grants:
 *   list nodes · get pods (its own, in its namespace) · list pods (its namespace, by the DaemonSet's
 *   labels) · get services kube-system/kube-dns · get endpoints kube-system/kube-dns.
 * A request that fails keeps that part of the last good answer and is reported (with the permission
 * it needs on a 403): an API server restart never empties the mesh.
 */
import type { KubeClient } from '../sources/kube/client.js';
import type { AgentConfig } from './config.js';

export const FLANNEL_LEASE_ANNOTATION = 'flannel.alpha.coreos.com/backend-data';
export const DNS_NAMESPACE = 'kube-system';
export const DNS_SERVICE = 'kube-dns';

export interface DiscoverySelf {
  nodeName: string;
  /** The agent's namespace ($POD_NAMESPACE, else the ServiceAccount's namespace file). */
  namespace?: string;
  /** The agent's pod ($POD_NAME): its DaemonSet's other pods are peers. */
  podName?: string;
}

export interface Discovered {
  peers: AgentConfig['peers'];
  dns: { serviceIP?: string; corednsIPs?: string[] };
  /** When each part was last read successfully. */
  at?: string;
  /** What could not be read this time, e.g. "list nodes: 403 forbidden (needs list nodes)". */
  problems: string[];
}

type Obj = Record<string, any>;

/** One request; a non-2xx answer is an Error naming the permission, unless `absentIsFine` and 404. */
async function read(client: KubeClient, verb: 'get' | 'list', resource: string, path: string, timeoutMs: number): Promise<Obj> {
  const r = await client.get(path, timeoutMs);
  if (r.status >= 200 && r.status < 300) return r.body ?? {};
  const why = r.status === 403 ? `403 forbidden (needs ${verb} ${resource})` : `${r.status} ${r.body?.reason ?? ''} ${r.body?.message ?? ''}`.trim();
  throw Object.assign(new Error(`${verb} ${resource}: ${why}`), { status: r.status });
}

function internalIP(node: Obj): string | undefined {
  const addrs: Obj[] = node.status?.addresses ?? [];
  const v4 = addrs.find((a) => a.type === 'InternalIP' && typeof a.address === 'string' && a.address.includes('.'));
  return (v4 ?? addrs.find((a) => a.type === 'InternalIP'))?.address;
}

/** The IPv4 podCIDR's network address: flannel's VXLAN backend gives flannel.1 that address (x.y.z.0/32). */
export function flannelAddress(node: Obj): string | undefined {
  const cidrs: string[] = [node.spec?.podCIDR, ...(node.spec?.podCIDRs ?? [])].filter((c) => typeof c === 'string');
  const v4 = cidrs.find((c) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(c));
  return v4?.split('/')[0];
}

const ownerDaemonSet = (p: Obj): Obj | undefined => (p.metadata?.ownerReferences ?? []).find((o: Obj) => o.kind === 'DaemonSet' && o.controller !== false);

/** The agents' pods: those of the DaemonSet that owns this agent's pod (found by name, else by node). */
async function agentPods(client: KubeClient, self: DiscoverySelf, timeoutMs: number): Promise<Obj[]> {
  const ns = encodeURIComponent(self.namespace!);
  let mine: Obj | undefined;
  if (self.podName) mine = await read(client, 'get', 'pods', `/api/v1/namespaces/${ns}/pods/${encodeURIComponent(self.podName)}`, timeoutMs);
  const ownerOf = mine && ownerDaemonSet(mine);
  // the DaemonSet's selector is its pods' labels; the manifests' are the two below
  const labels: Obj = mine?.metadata?.labels ?? {};
  const keys = ['app.kubernetes.io/name', 'app.kubernetes.io/component', 'app.kubernetes.io/instance'].filter((k) => typeof labels[k] === 'string');
  const selector = keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(',') : 'app.kubernetes.io/name=flannel-doctor,app.kubernetes.io/component=agent';
  const list = await read(client, 'list', 'pods', `/api/v1/namespaces/${ns}/pods?labelSelector=${encodeURIComponent(selector)}`, timeoutMs);
  const items: Obj[] = list.items ?? [];
  const owner = ownerOf ?? ownerDaemonSet(items.find((p) => p.spec?.nodeName === self.nodeName) ?? {});
  if (!owner) return [];
  return items.filter((p) => ownerDaemonSet(p)?.uid === owner.uid);
}

/**
 * Reads peers and DNS targets. `last` is the previous answer: a part whose read fails keeps its last
 * good value. Never throws.
 */
export async function discover(client: KubeClient, self: DiscoverySelf, opts: { timeoutMs?: number; last?: Discovered } = {}): Promise<Discovered> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const problems: string[] = [];
  const fail = (e: unknown) => void problems.push(e instanceof Error ? e.message : String(e));
  const [nodes, pods, svc, eps] = await Promise.all([
    // resourceVersion=0: served from the API server's cache, not etcd (every agent asks every cycle)
    read(client, 'list', 'nodes', '/api/v1/nodes?resourceVersion=0', timeoutMs).then((l) => (l.items ?? []) as Obj[], (e) => (fail(e), undefined)),
    self.namespace ? agentPods(client, self, timeoutMs).catch((e) => (fail(e), undefined)) : Promise.resolve(undefined),
    read(client, 'get', 'services', `/api/v1/namespaces/${DNS_NAMESPACE}/services/${DNS_SERVICE}`, timeoutMs).catch((e) => (fail(e), undefined)),
    read(client, 'get', 'endpoints', `/api/v1/namespaces/${DNS_NAMESPACE}/endpoints/${DNS_SERVICE}`, timeoutMs).catch((e) => (fail(e), undefined)),
  ]);
  if (!self.namespace) problems.push('agent namespace unknown ($POD_NAMESPACE unset, no ServiceAccount namespace file): peers carry no agent pod IPs');

  let peers = opts.last?.peers ?? [];
  if (nodes) {
    const lastPods = new Map((opts.last?.peers ?? []).map((p) => [p.name, p.podIP]));
    const podOn = new Map<string, string>();
    for (const p of pods ?? []) if (p.spec?.nodeName && p.status?.podIP) podOn.set(p.spec.nodeName, p.status.podIP);
    peers = [];
    for (const n of nodes) {
      const name = n.metadata?.name;
      const ip = internalIP(n);
      if (typeof name !== 'string' || !ip) continue;
      const peer: AgentConfig['peers'][number] = { name, ip };
      // flannel.1 exists on a node once flanneld has leased its subnet (it annotates the node then)
      const fl = n.metadata?.annotations?.[FLANNEL_LEASE_ANNOTATION] ? flannelAddress(n) : undefined;
      if (fl) peer.flannelIp = fl;
      const podIP = pods ? podOn.get(name) : lastPods.get(name);
      // a hostNetwork agent's pod IP is its node's: probing it again would be the underlay twice
      if (podIP && podIP !== ip) peer.podIP = podIP;
      peers.push(peer);
    }
    peers.sort((a, b) => a.name.localeCompare(b.name));
  }

  const dns = { ...(opts.last?.dns ?? {}) };
  if (svc) {
    const ip = svc.spec?.clusterIP;
    if (typeof ip === 'string' && ip && ip !== 'None') dns.serviceIP = ip;
    else delete dns.serviceIP;
  }
  if (eps) {
    const ips = (eps.subsets ?? []).flatMap((s: Obj) => (s.addresses ?? []).map((a: Obj) => a.ip)).filter((ip: unknown): ip is string => typeof ip === 'string');
    dns.corednsIPs = [...new Set<string>(ips)].sort();
  }

  const anyRead = nodes || svc || eps;
  return { peers, dns, at: anyRead ? new Date().toISOString() : opts.last?.at, problems };
}

/**
 * The config the probes use: what the operator configured wins; discovery fills only what is unset
 * (no peers at all; no DNS Service IP; no CoreDNS pod IPs).
 */
export function withDiscovered(config: AgentConfig, d: Discovered | undefined): AgentConfig {
  if (!d) return config;
  const c: AgentConfig = { ...config };
  if (!config.peers.length && d.peers.length) c.peers = d.peers;
  const dns = { ...config.dns };
  if (!dns.serviceIP && d.dns.serviceIP) dns.serviceIP = d.dns.serviceIP;
  if (!dns.corednsIPs?.length && d.dns.corednsIPs?.length) dns.corednsIPs = d.dns.corednsIPs;
  if (Object.keys(dns).length) c.dns = dns;
  return c;
}

/** Discovery is worth asking only for what the config leaves unset. */
export function needsDiscovery(config: AgentConfig): boolean {
  return !config.peers.length || !config.dns?.serviceIP || !config.dns?.corednsIPs?.length;
}
