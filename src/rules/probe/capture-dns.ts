import { defineRule } from '../define-rule.js';
import { captures, places, whereOf } from './_capture.js';

/** Share of a server's answers that must be SERVFAIL, or of its queries unanswered, to say it fails. */
const SHARE = 0.2;
const MIN = 3;

/** A name with an external name in front of a cluster search suffix: the search list tried it first. */
const EXPANDED = /^(.+\..+)\.(?:[a-z0-9-]+\.)?(?:svc\.)?cluster\.local$/i;

export default defineRule({
  id: 'probe/capture-dns',
  layer: 'probe',
  description: 'DNS seen in a packet capture: a server answering SERVFAIL, a DNS server across the tunnel that stays silent while its node answers other traffic, and external names walking the search list.',
  causes: ['dns.upstream', 'dns.coredns-down', 'dns.search-ndots'],
  scope: 'cluster',
  needs: ['probes.pcap'],
  severity: 'error',
  messages: {
    servfail: '{server} answered SERVFAIL to {servfail} of {responses} queries ({names}): its upstream resolvers fail',
    silent: '{server} left {unanswered} of {queries} queries unanswered although its node answers other traffic through the tunnel',
    ndots: '{count} lookups of external names first went through the cluster search list and came back NXDOMAIN (e.g. {example})',
  },
  docs:
    'Queries are matched to answers by client, port, server and id. CoreDNS answers SERVFAIL when its upstream does not answer; a server that never answers while the tunnel to its node carries replies is up as a host but not as a DNS server (CoreDNS down or not listening). A query left unanswered in the last two seconds of the capture is not counted. Search-list expansion (ndots:5) is only a note: it costs latency, not correctness.',
  check({ evidence, report }) {
    const at = places(evidence);
    for (const c of captures(evidence)) {
      for (const s of c.dns.servers) {
        if (s.servfail >= MIN && s.servfail >= SHARE * s.responses) {
          const names = c.dns.failedNames.filter((n) => n.rcode === 'SERVFAIL').slice(0, 3).map((n) => n.name);
          report({
            messageId: 'servfail',
            cause: 'dns.upstream',
            data: { server: at.label(s.server), servfail: s.servfail, responses: s.responses, names: names.join(', ') || 'names not captured' },
            nodes: at.node(s.server) ? [at.node(s.server)!] : [],
            confidence: 0.7,
            evidence: [{ where: whereOf(c), what: `DNS server ${s.server}: ${s.queries} queries, ${s.responses} answers, ${s.servfail} SERVFAIL, ${s.nxdomain} NXDOMAIN${s.latencyMs ? `, latency p50 ${s.latencyMs.p50} ms p95 ${s.latencyMs.p95} ms` : ''}` }],
          });
        }
        // Only across the tunnel, and only when the server's node does send VXLAN back: otherwise the
        // one-way rule has the better explanation.
        const back = s.via ? c.pairs.find((p) => p.src === s.via && p.packets > 0) : undefined;
        if (s.overlay > 0 && s.unanswered >= MIN && s.unanswered >= SHARE * s.queries && back) {
          report({
            messageId: 'silent',
            cause: 'dns.coredns-down',
            data: { server: at.label(s.server), unanswered: s.unanswered, queries: s.queries },
            nodes: [at.node(s.server) ?? at.node(back.src) ?? back.src],
            confidence: 0.6,
            alternatives: ['node.firewall', 'flannel.checksum-offload'],
            evidence: [
              { where: whereOf(c), what: `DNS server ${s.server}: ${s.unanswered} of ${s.queries} queries unanswered (from ${s.unansweredFrom.join(', ')})` },
              { where: whereOf(c), what: `${back.src} → ${back.dst}: ${back.packets} VXLAN packets back from the server's node` },
            ],
          });
        }
      }
      const expanded = c.dns.failedNames.filter((n) => n.rcode === 'NXDOMAIN' && EXPANDED.test(n.name));
      const count = expanded.reduce((s, n) => s + n.count, 0);
      if (count >= MIN) {
        report({
          messageId: 'ndots',
          cause: 'dns.search-ndots',
          severity: 'info',
          data: { count, example: expanded[0].name },
          confidence: 0.6,
          evidence: expanded.slice(0, 6).map((n) => ({ where: whereOf(c), what: `NXDOMAIN ${n.name} (${n.count}x)` })),
        });
      }
    }
  },
});
