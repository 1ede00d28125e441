import { describeDnsResult, judgeDns, type DnsVerdict } from './_dns-verdict.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'probe/dns-probe',
  layer: 'probe',
  description: 'Active DNS probes along pod → kube-dns Service IP → CoreDNS pods → upstream, and the node resolver, show which link is broken.',
  causes: ['dns.service-unreachable', 'dns.upstream', 'dns.coredns-down', 'dns.node-resolver', 'dns.search-ndots', 'dns.loop'],
  scope: 'cluster',
  needs: ['probes.dns'],
  severity: 'error',
  messages: {
    broken: '{detail}',
  },
  docs: 'Queries go out with our own DNS client, so a timeout, NXDOMAIN, SERVFAIL and REFUSED stay apart. Search-list slowness is a warning.',
  check({ evidence, report }) {
    const corednsNode = new Map((evidence.cluster?.pods ?? []).filter((p) => p.labels['k8s-app'] === 'kube-dns' && p.podIP && p.nodeName).map((p) => [p.podIP!, p.nodeName!]));
    for (const v of judgeDns(evidence.probes?.dns ?? [])) {
      report({
        messageId: 'broken',
        cause: v.cause,
        severity: v.cause === 'dns.search-ndots' ? 'warning' : 'error',
        data: { detail: v.detail },
        nodes: v.node ? [v.node] : [],
        via: viaNodes(v, corednsNode),
        evidence: v.results.map((r) => ({ where: `probe dns from ${r.from.kind}${r.from.node ? ` on ${r.from.node}` : ''}`, what: describeDnsResult(r) + (r.steps ? ` [${r.steps.map((s) => `${s.name} ${s.outcome} ${s.ms}ms`).join(', ')}]` : '') })),
      });
    }
  },
});

/**
 * The nodes a failing DNS chain crossed: those of the CoreDNS pods it asked (any of them behind the
 * Service IP, whose backend kube-proxy picks). The node resolver's verdict stays on its node.
 */
function viaNodes(v: DnsVerdict, corednsNode: ReadonlyMap<string, string>): string[] {
  if (v.cause === 'dns.node-resolver' || v.cause === 'dns.search-ndots') return [];
  const all = [...new Set(corednsNode.values())];
  const asked = new Set<string>();
  for (const r of v.results) {
    if (r.target.kind === 'service' || r.target.kind === 'upstream') all.forEach((n) => asked.add(n));
    const n = corednsNode.get(r.target.server.replace(/:\d+$/, ''));
    if (n) asked.add(n);
  }
  return [...asked].filter((n) => n !== v.node).sort();
}
