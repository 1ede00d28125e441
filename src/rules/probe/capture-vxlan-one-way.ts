import { defineRule } from '../define-rule.js';
import { captures, places, whereOf } from './_capture.js';

/** Fewer packets than this one way are not enough to say the other way is silent. */
const MIN_PACKETS = 3;

export default defineRule({
  id: 'probe/capture-vxlan-one-way',
  layer: 'probe',
  description: 'A packet capture shows VXLAN (UDP 8472/4789) going from one node to another and nothing ever coming back: the tunnel is cut one way.',
  causes: ['flannel.vxlan-blocked'],
  scope: 'cluster',
  needs: ['probes.pcap'],
  severity: 'error',
  messages: {
    oneWay: 'VXLAN from {from} to {to} is never answered: {packets} packets over {seconds} s, none back ({flows})',
  },
  docs:
    'Each VXLAN direction between two underlay addresses is counted apart. When one node sends and the capture never sees the other send back, while inner connections wait for replies (SYN without SYN-ACK), UDP 8472 is dropped one way: a firewall, security group or cloud ACL on either node or between them. A capture taken with a direction filter (tcpdump -Q out) looks the same, so take it without one.',
  check({ evidence, report }) {
    const at = places(evidence);
    for (const c of captures(evidence)) {
      for (const p of c.pairs) {
        if (!p.reverseSilent || p.packets < MIN_PACKETS) continue;
        const waiting = c.flows.oneWay.filter((f) => f.tunnel?.src === p.src && f.tunnel?.dst === p.dst);
        report({
          messageId: 'oneWay',
          data: {
            from: at.label(p.src),
            to: at.label(p.dst),
            packets: p.packets,
            seconds: Math.max(0, Math.round((p.lastTs - p.firstTs) * 10) / 10),
            flows: waiting.length ? `${waiting.length} connection(s) inside wait for a reply` : `${p.flows} inner flow(s)`,
          },
          nodes: [at.node(p.src) ?? p.src, at.node(p.dst) ?? p.dst],
          confidence: waiting.length ? 0.9 : 0.7,
          evidence: [
            { where: whereOf(c), what: `${p.src} → ${p.dst} UDP ${c.vxlan.ports.join('/')}: ${p.packets} packets, VNI ${p.vnis.join(',') || '?'}; ${p.dst} → ${p.src}: none` },
            ...waiting.slice(0, 6).map((f) => ({ where: whereOf(c), what: `inside: ${f.proto} ${f.src}:${f.sport} → ${f.dst}:${f.dport} ${f.packets} packets, ${f.note ?? 'no reply'}` })),
          ],
          fix: [
            `Allow UDP ${c.vxlan.ports.join(' and ')} from ${p.dst} to ${p.src} (and back) on both nodes' firewalls, security groups or cloud ACLs, e.g. firewall-cmd --permanent --add-port=8472/udp && firewall-cmd --reload`,
            `Verify: run the capture again; ${p.dst} → ${p.src} must carry VXLAN too`,
          ],
        });
      }
    }
  },
});
