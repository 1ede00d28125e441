/**
 * The DNS chain probe. A pod's view: its resolver is the kube-dns Service IP with the cluster search
 * list and ndots:5; behind it each CoreDNS pod; behind those the upstream. The node's own resolver
 * is probed separately because image pulls use it, not CoreDNS (facts §9).
 */
import type { DnsProbeResult } from '../../evidence/probes.js';
import { readNodeResolvConf } from '../registry/node-resolver.js';
import { queryDns, type DnsQueryResult } from './client.js';
import { TYPE } from './wire.js';

export interface DnsProbeOptions {
  /** Node file tree for the node resolver (etc/resolv.conf). Default "/". */
  hostRoot?: string;
  node?: string;
  /** kube-dns Service IP (a pod's nameserver); "ip" or "ip:port". Default 10.96.0.10. */
  serviceIp?: string;
  /** CoreDNS pod IPs (ip or ip:port). */
  coredns?: string[];
  /** CoreDNS's upstream resolvers. Default: the node's nameservers (CoreDNS forwards to /etc/resolv.conf). */
  upstream?: string[];
  /** Node resolver servers; default: from <hostRoot>/etc/resolv.conf. */
  nodeResolvers?: string[];
  /** In-cluster name that must resolve. Default kubernetes.default.svc.cluster.local. */
  clusterName?: string;
  /** External name that must resolve. Default registry.k8s.io. */
  externalName?: string;
  /** The pod's namespace for its search list. Default "default". */
  podNamespace?: string;
  ndots?: number;
  /** Per query. Default 2000. */
  timeoutMs?: number;
  /** Run the search-list walk a pod does for the external name. Default true. */
  searchExpansion?: boolean;
  /**
   * Which views to probe from here: 'pod' (Service IP, CoreDNS pods, search walk) and/or 'node'
   * (upstream, node resolver). Run the pod view inside a pod's network namespace for a true pod view.
   * Default both.
   */
  views?: ('pod' | 'node')[];
}

export async function probeDns(opts: DnsProbeOptions = {}): Promise<DnsProbeResult[]> {
  const clusterName = opts.clusterName ?? 'kubernetes.default.svc.cluster.local';
  const externalName = opts.externalName ?? 'registry.k8s.io';
  const timeoutMs = opts.timeoutMs ?? 2000;
  const service = opts.serviceIp ?? '10.96.0.10';
  const domain = /\.svc\.(.+?)\.?$/.exec(clusterName)?.[1] ?? 'cluster.local';
  const ns = opts.podNamespace ?? 'default';
  const nodeConf = await readNodeResolvConf(opts.hostRoot ?? '/');
  const nodeServers = opts.nodeResolvers ?? nodeConf.nameservers;
  const upstream = opts.upstream ?? nodeServers;
  const pod = { kind: 'pod' as const, node: opts.node };
  const nodeFrom = { kind: 'node' as const, node: opts.node };

  const jobs: Promise<DnsProbeResult>[] = [];
  const direct = (from: DnsProbeResult['from'], kind: DnsProbeResult['target']['kind'], server: string, name: string, nameKind: 'cluster' | 'external') =>
    jobs.push(queryDns(server, name, TYPE.A, timeoutMs).then((r) => toResult(from, kind, server, name, nameKind, r, 'direct')));

  const views = new Set(opts.views ?? ['pod', 'node']);
  for (const name of views.has('pod') ? [clusterName, externalName] : []) {
    const kind = name === clusterName ? 'cluster' : 'external';
    direct(pod, 'service', service, name, kind);
    for (const ip of opts.coredns ?? []) direct(pod, 'coredns-pod', ip, name, kind);
  }
  // CoreDNS caches the external answer (up to 30 s by default): a name nobody asked before can only be
  // answered by the upstream, NXDOMAIN included, so a dead upstream shows at once.
  if (views.has('pod')) {
    const fresh = `fd-${rand()}.${externalName.replace(/\.$/, '')}`;
    for (const [kind, server] of [['service', service] as const, ...(opts.coredns ?? []).map((ip) => ['coredns-pod', ip] as const)]) {
      jobs.push(queryDns(server, fresh, TYPE.A, timeoutMs).then((r) => toResult(pod, kind, server, fresh, 'external', r, 'forward-check')));
    }
  }
  if (views.has('node')) {
    for (const ip of upstream) direct(nodeFrom, 'upstream', ip, externalName, 'external');
    for (const ip of nodeServers) direct(nodeFrom, 'node-resolver', ip, externalName, 'external');
  }
  if (views.has('pod') && (opts.searchExpansion ?? true)) {
    const search = [`${ns}.svc.${domain}`, `svc.${domain}`, domain, ...nodeConf.search];
    jobs.push(searchWalk(service, externalName, search, opts.ndots ?? 5, timeoutMs).then((r) => ({ ...r, from: pod })));
  }
  const results = await Promise.all(jobs);
  // the loop check only where the external name failed with SERVFAIL: a forwarding loop looks like that
  const loopJobs = results
    .filter((r) => r.purpose === 'direct' && r.nameKind === 'external' && r.outcome === 'servfail' && (r.target.kind === 'coredns-pod' || r.target.kind === 'service'))
    .map((r) => {
      const name = `${rand()}.${rand()}.`;
      return queryDns(r.target.server, name, TYPE.HINFO, timeoutMs).then((q) => toResult(r.from, r.target.kind, r.target.server, name, 'external', q, 'loop-check'));
    });
  return [...results, ...(await Promise.all(loopJobs))];
}

function rand(): string {
  return String(Math.floor(Math.random() * 1e9));
}

function toResult(from: DnsProbeResult['from'], kind: DnsProbeResult['target']['kind'], server: string, name: string, nameKind: 'cluster' | 'external', r: DnsQueryResult, purpose: DnsProbeResult['purpose']): DnsProbeResult {
  const out: DnsProbeResult = { from, target: { kind, server }, name, nameKind, outcome: r.outcome, ms: r.ms, purpose };
  if (r.answers.length) out.answers = r.answers;
  if (r.error) out.error = r.error;
  if (r.rcode) out.rcode = r.rcode;
  return out;
}

/**
 * What glibc/musl do for a name with fewer dots than ndots: try each search suffix first, then the
 * name as is; the total time is what the application waits.
 */
async function searchWalk(server: string, name: string, search: string[], ndots: number, timeoutMs: number): Promise<DnsProbeResult> {
  const dots = name.replace(/\.$/, '').split('.').length - 1;
  const candidates = name.endsWith('.') || dots >= ndots ? [name] : [...search.map((s) => `${name}.${s}`), name];
  const steps: { name: string; outcome: string; ms: number }[] = [];
  let last: DnsQueryResult | undefined;
  const t0 = performance.now();
  for (const c of candidates) {
    last = await queryDns(server, c, TYPE.A, timeoutMs);
    steps.push({ name: c, outcome: last.outcome, ms: last.ms });
    if (last.outcome === 'ok' && last.answers.length) break;
  }
  const out: DnsProbeResult = {
    from: { kind: 'pod' },
    target: { kind: 'service', server },
    name,
    nameKind: 'external',
    outcome: last?.outcome ?? 'error',
    ms: Math.round((performance.now() - t0) * 10) / 10,
    purpose: 'search-expansion',
    steps,
  };
  if (last?.answers.length) out.answers = last.answers;
  return out;
}
