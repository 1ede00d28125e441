import { describeDnsResult, judgeDns } from './_dns-verdict.js';
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
    for (const v of judgeDns(evidence.probes?.dns ?? [])) {
      report({
        messageId: 'broken',
        cause: v.cause,
        severity: v.cause === 'dns.search-ndots' ? 'warning' : 'error',
        data: { detail: v.detail },
        nodes: v.node ? [v.node] : [],
        evidence: v.results.map((r) => ({ where: `probe dns from ${r.from.kind}${r.from.node ? ` on ${r.from.node}` : ''}`, what: describeDnsResult(r) + (r.steps ? ` [${r.steps.map((s) => `${s.name} ${s.outcome} ${s.ms}ms`).join(', ')}]` : '') })),
      });
    }
  },
});
