import { defineRule } from '../define-rule.js';
import { captures, places, whereOf } from './_capture.js';

export default defineRule({
  id: 'probe/capture-neighbour-flood',
  layer: 'probe',
  description: 'A packet capture shows ARP or neighbour discovery inside the VXLAN tunnel asked again and again without an answer: the neighbour or FDB entries flannel programs are missing or stale.',
  causes: ['flannel.stale-fdb'],
  scope: 'cluster',
  needs: ['probes.pcap'],
  severity: 'warning',
  messages: {
    flood: '{requests} unanswered ARP/ND requests inside the tunnel for {targets} (busiest second: {peak} requests)',
  },
  docs:
    'flannel\'s vxlan backend installs a permanent neighbour entry and an FDB entry per remote node (facts §2.2), so a healthy tunnel carries no ARP at all. Requests that cross it and stay unanswered mean the kernel had to ask: the entries are missing or point to an old VTEP MAC or node IP (a node re-IPed, a MAC that changed with systemd MACAddressPolicy).',
  check({ evidence, report }) {
    const at = places(evidence);
    for (const c of captures(evidence)) {
      const u = c.neighbour.unanswered;
      if (!u.length) continue;
      const requests = u.reduce((s, t) => s + t.requests, 0);
      report({
        messageId: 'flood',
        data: { requests, targets: u.slice(0, 4).map((t) => at.label(t.target)).join(', ') + (u.length > 4 ? ', …' : ''), peak: c.neighbour.peakPerSecond },
        nodes: [...new Set(u.flatMap((t) => (t.src ? [at.node(t.src) ?? t.src] : [])))],
        confidence: 0.7,
        alternatives: ['flannel.route-missing'],
        evidence: u.slice(0, 10).map((t) => ({ where: whereOf(c), what: `who-has ${t.target} from ${t.from}${t.src ? ` via ${t.src} → ${t.dst}` : ''} VNI ${t.vni ?? '?'}: ${t.requests} requests, no reply` })),
      });
    }
  },
});
