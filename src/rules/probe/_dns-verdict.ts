/**
 * Judging DNS probe results (pure): which link of the chain pod → Service IP → CoreDNS pods →
 * upstream, or the node resolver, is broken. Used by the probe CLI and by rules/probe/dns-probe.
 */
import type { DnsProbeResult } from '../../evidence/probes.js';

export interface DnsVerdict {
  cause: 'dns.service-unreachable' | 'dns.upstream' | 'dns.coredns-down' | 'dns.node-resolver' | 'dns.search-ndots' | 'dns.loop';
  detail: string;
  node?: string;
  results: DnsProbeResult[];
}

/** Search walks slower than this (ms, total) while the direct answer is fast are a search-ndots problem. */
export const SEARCH_SLOW_MS = 1000;

const answered = (r: DnsProbeResult) => r.outcome === 'ok' && (r.answers?.length ?? 0) > 0;
const show = (r: DnsProbeResult) => `${r.target.kind} ${r.target.server} ${r.name}: ${r.outcome} in ${r.ms} ms${r.error ? ` (${r.error})` : ''}`;
export const describeDnsResult = show;

/**
 * The node resolver is judged per node: one node whose resolver is dead is not hidden by the others.
 * The cluster DNS chain is judged over every view together: CoreDNS answering any node is up, and a
 * node that cannot reach it has a network fault that the mesh probe names.
 */
export function judgeDns(results: readonly DnsProbeResult[]): DnsVerdict[] {
  const byNode = new Map<string, DnsProbeResult[]>();
  for (const r of results.filter((x) => x.target.kind === 'node-resolver')) {
    const k = r.from.node ?? '';
    byNode.set(k, [...(byNode.get(k) ?? []), r]);
  }
  const resolverVerdicts = [...byNode.values()].flatMap(judgeOneView);
  const chain = judgeOneView(results.filter((x) => x.target.kind !== 'node-resolver'));
  return [...resolverVerdicts, ...chain];
}

function judgeOneView(results: readonly DnsProbeResult[]): DnsVerdict[] {
  const out: DnsVerdict[] = [];
  const direct = results.filter((r) => (r.purpose ?? 'direct') === 'direct');
  const node = results.find((r) => r.from.node)?.from.node;
  const pick = (kind: DnsProbeResult['target']['kind'], nameKind?: 'cluster' | 'external') => direct.filter((r) => r.target.kind === kind && (!nameKind || r.nameKind === nameKind));

  const nodeRes = pick('node-resolver');
  if (nodeRes.length && !nodeRes.some(answered)) {
    out.push({ cause: 'dns.node-resolver', node, detail: `the node's resolver(s) ${nodeRes.map((r) => r.target.server).join(', ')} do not resolve ${nodeRes[0]!.name}`, results: nodeRes });
  }

  const svcCluster = pick('service', 'cluster');
  const podsCluster = pick('coredns-pod', 'cluster');
  const svcOk = svcCluster.some(answered);
  const podsOk = podsCluster.filter(answered);
  const loopChecks = results.filter((r) => r.purpose === 'loop-check' && r.outcome === 'servfail');
  // A view whose direct query to some CoreDNS pod failed too cannot blame the Service: its DNAT may
  // have picked that pod, which the network between them (named by the mesh probe) keeps out of reach.
  // (any name: a CoreDNS pod that cannot forward external names, its node broken, fails a walk too)
  const podFailedFrom = new Set(pick('coredns-pod').filter((r) => !answered(r)).map((r) => r.from.node ?? ''));
  const svcBlamed = svcCluster.some((r) => !podFailedFrom.has(r.from.node ?? ''));
  if (svcCluster.length && !svcOk && podsOk.length && svcBlamed) {
    out.push({ cause: 'dns.service-unreachable', node, detail: `CoreDNS pods ${[...new Set(podsOk.map((r) => r.target.server))].join(', ')} answer ${podsOk[0]!.name}, the Service IP ${svcCluster[0]!.target.server} does not (${svcCluster[0]!.outcome})`, results: [...svcCluster, ...podsOk] });
  } else if ([...svcCluster, ...podsCluster].length && !svcOk && !podsOk.length) {
    const all = [...svcCluster, ...podsCluster];
    if (loopChecks.length && all.every((r) => r.outcome === 'servfail')) out.push({ cause: 'dns.loop', node, detail: `every CoreDNS answers SERVFAIL, including random HINFO probes: a forwarding loop`, results: [...all, ...loopChecks] });
    else out.push({ cause: 'dns.coredns-down', node, detail: `nothing answers ${all[0]!.name}: ${all.map((r) => `${r.target.server} ${r.outcome}`).join(', ')}`, results: all });
    return out;
  }

  const clusterWorks = svcOk || podsOk.length > 0;
  const extVia = [...pick('service', 'external'), ...pick('coredns-pod', 'external')];
  // NXDOMAIN for a random name is the upstream's answer: it is up. Only silence or SERVFAIL says otherwise.
  const fresh = results.filter((r) => r.purpose === 'forward-check');
  const freshFailed = fresh.length > 0 && !fresh.some((r) => r.outcome === 'ok' || r.outcome === 'nxdomain');
  if (clusterWorks && freshFailed && extVia.some(answered)) {
    const up = pick('upstream');
    out.push({ cause: 'dns.upstream', node, detail: `CoreDNS answers cluster names, and ${extVia[0]!.name} only from its cache: a name it has not cached (${fresh[0]!.name}) gets ${fresh.map((r) => r.outcome).join(', ')}${up.length ? `; upstream ${up.map((r) => `${r.target.server} ${r.outcome}`).join(', ')}` : ''}`, results: [...fresh, ...up] });
    return out;
  }
  if (clusterWorks && extVia.length && !extVia.some(answered)) {
    const up = pick('upstream');
    if (loopChecks.length && extVia.every((r) => r.outcome === 'servfail') && !up.length) out.push({ cause: 'dns.loop', node, detail: 'CoreDNS answers SERVFAIL for external names and random HINFO probes: a forwarding loop', results: [...extVia, ...loopChecks] });
    else out.push({ cause: 'dns.upstream', node, detail: `CoreDNS answers cluster names but not ${extVia[0]!.name} (${extVia.map((r) => r.outcome).join(', ')})${up.length ? `; upstream ${up.map((r) => `${r.target.server} ${r.outcome}`).join(', ')}` : ''}`, results: [...extVia, ...up] });
    return out;
  }

  // a search walk is only slow "because of the search list" when it ends with an answer; a walk
  // that never answers is a symptom of the verdicts above
  if (out.some((v) => v.cause !== 'dns.node-resolver')) return out;
  // The search list comes from the pods' resolv.conf, the same in every pod of the default DNS policy,
  // so its cost shows on most walks: one slow walk among several is a busy moment, not the list.
  // A walk from a view that cannot reach every CoreDNS pod times out where the Service picked the
  // unreachable one: that is the network's fault (the mesh names it), not the search list's.
  const walks = results.filter((r) => r.purpose === 'search-expansion' && answered(r) && !podFailedFrom.has(r.from.node ?? ''));
  const slowWalks: DnsVerdict[] = [];
  for (const walk of walks) {
    const fast = extVia.filter(answered).map((r) => r.ms);
    const directMs = fast.length ? Math.min(...fast) : undefined;
    const slowSteps = (walk.steps ?? []).filter((s) => s.outcome === 'timeout' || s.outcome === 'error');
    if ((walk.ms > SEARCH_SLOW_MS || slowSteps.length > 0) && (directMs === undefined || walk.ms > 5 * directMs) && (walk.steps?.length ?? 0) > 1) {
      slowWalks.push({
        cause: 'dns.search-ndots',
        node,
        detail: `a pod's lookup of ${walk.name} walks ${walk.steps!.length} names (ndots:5 search list) and takes ${walk.ms} ms${directMs !== undefined ? `; asked directly it takes ${directMs} ms` : ''}${slowSteps.length ? `; ${slowSteps.length} search names ${slowSteps[0]!.outcome}` : ''}`,
        results: [walk],
      });
    }
  }
  if (slowWalks.length && (walks.length < 2 || slowWalks.length * 2 > walks.length)) out.push(...slowWalks);
  return out;
}
