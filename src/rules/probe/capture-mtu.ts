import { defineRule } from '../define-rule.js';
import { captures, places, whereOf } from './_capture.js';

/** Segments smaller than this get through any sane path; a black hole eats the big ones. */
const BIG = 1200;

export default defineRule({
  id: 'probe/capture-mtu',
  layer: 'probe',
  description: 'A packet capture shows the MTU at work: ICMP fragmentation-needed, VXLAN packets fragmented on the underlay, or big TCP segments resent and never acknowledged while small ones pass.',
  causes: ['flannel.mtu'],
  scope: 'cluster',
  needs: ['probes.pcap'],
  severity: 'error',
  messages: {
    fragNeeded: '{from} told {to} {count} time(s) that packets to {about} need fragmentation: the path MTU is {mtu}{inside}',
    fragmented: 'VXLAN packets from {from} to {to} are fragmented on the underlay ({count} fragments): the overlay MTU is bigger than the underlay allows',
    blackHole: '{count} TCP connection(s) in the overlay stall on big segments: {example} resent {retransmits} times at {size} bytes, never acknowledged, while {acked}-byte packets got through',
  },
  docs:
    'flannel sets the pod MTU to the underlay MTU minus 50 (VXLAN overhead). When the underlay is smaller than flannel assumed, a router answers with ICMP fragmentation-needed (or drops silently: the black hole), or the kernel fragments the outer packet. The black hole shows in TCP as the same MSS-sized segment resent again and again while the peer keeps acknowledging only what came before it.',
  check({ evidence, report }) {
    const at = places(evidence);
    for (const c of captures(evidence)) {
      for (const f of c.mtu.fragNeeded) {
        report({
          messageId: 'fragNeeded',
          data: { from: at.label(f.from), to: at.label(f.to), about: at.label(f.about), mtu: f.mtu, count: f.count, inside: f.overlay ? ' (inside the tunnel)' : '' },
          nodes: [at.node(f.to) ?? f.to],
          evidence: [{ where: whereOf(c), what: `ICMP fragmentation needed from ${f.from} to ${f.to} about ${f.about}: next-hop MTU ${f.mtu} (${f.count}x)${f.overlay ? ', inside VXLAN' : ''}` }],
        });
      }
      for (const f of c.mtu.outerFragments) {
        report({
          messageId: 'fragmented',
          data: { from: at.label(f.src), to: at.label(f.dst), count: f.count },
          nodes: [at.node(f.src) ?? f.src],
          evidence: [
            { where: whereOf(c), what: `${f.src} → ${f.dst}: ${f.count} IP fragments between VXLAN endpoints; largest outer packet ${c.mtu.maxOuterIpLen} bytes, largest inner ${c.mtu.maxInnerIpLen}` },
          ],
        });
      }
      const holes = c.tcp.stalled.filter((s) => s.retransmitIpLen[0] >= BIG && s.retransmitIpLen[0] > s.maxAckedIpLen && s.tunnel);
      if (holes.length) {
        const h = holes[0];
        report({
          messageId: 'blackHole',
          data: { count: holes.length, example: `${h.src}:${h.sport} → ${h.dst}:${h.dport}`, retransmits: h.retransmits, size: h.retransmitIpLen[0], acked: h.maxAckedIpLen },
          nodes: [...new Set(holes.flatMap((s) => [at.node(s.tunnel!.src) ?? s.tunnel!.src, at.node(s.tunnel!.dst) ?? s.tunnel!.dst]))],
          confidence: 0.75,
          alternatives: ['flannel.checksum-offload'],
          evidence: holes.slice(0, 8).map((s) => ({
            where: whereOf(c),
            what: `${s.src}:${s.sport} → ${s.dst}:${s.dport} via ${s.tunnel!.src} → ${s.tunnel!.dst}: ${s.retransmits} retransmits of ${s.retransmitIpLen[0]}–${s.retransmitIpLen[1]}-byte packets, ${s.unacked} bytes never acknowledged; largest acknowledged ${s.maxAckedIpLen} bytes`,
          })),
        });
      }
    }
  },
});
