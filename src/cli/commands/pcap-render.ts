import type { CaptureEvidence } from '../../evidence/capture.js';
import type { Style } from '../../report/style.js';

const num = (n: number) => n.toLocaleString('en-US');

function size(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

/** What the capture holds, before the findings: so "no problem" is never mistaken for "nothing seen". */
export function renderCaptureSummary(c: CaptureEvidence, style: Style): string {
  const out: string[] = [];
  const seconds = c.firstTs !== undefined && c.lastTs !== undefined ? c.lastTs - c.firstTs : 0;
  out.push(`${style.bold(`capture ${c.file}`)} (${c.format}, ${c.linkTypes.join(', ') || 'no interface'}): ${num(c.packets)} packets, ${size(c.bytes)} over ${seconds.toFixed(1)} s${c.snapCut ? `; ${num(c.snapCut)} cut short by the snap length` : ''}${c.undecoded ? `; ${num(c.undecoded)} not decoded` : ''}`);
  if (c.truncated) out.push(style.yellow(`  the file ends early at byte ${num(c.truncated.offset)}: ${c.truncated.message}`));
  for (const p of c.problems.slice(0, 3)) out.push(style.yellow(`  byte ${num(p.offset)}: ${p.message}`));
  const vnis = c.vxlan.vnis.map((v) => `VNI ${v.vni}${c.vxlan.vnis.length > 1 ? ` (${num(v.packets)})` : ''}`).join(', ');
  out.push(`${style.bold('VXLAN')} (UDP ${c.vxlan.ports.join('/')}): ${num(c.vxlan.packets)} packets${vnis ? `, ${vnis}` : ''}`);
  if (c.pairs.length) {
    const rows = [['  underlay src → dst', 'packets', 'bytes', 'flows', 'max IP', 'bad csum', 'retrans', '']];
    for (const p of c.pairs.slice(0, 20)) rows.push([`  ${p.src} → ${p.dst}`, num(p.packets), size(p.bytes), num(p.flows), String(p.maxIpLen), num(p.badChecksums), num(p.retransmits), p.reverseSilent ? style.red('no reply') : '']);
    const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) out.push(r.map((cell, i) => (i === 0 ? cell.padEnd(w[i]) : i === r.length - 1 ? cell : cell.padStart(w[i]))).join('  ').trimEnd());
    if (c.pairs.length > 20 || c.pairsLeftOut) out.push(`  … ${c.pairs.length - 20 + c.pairsLeftOut} more`);
  }
  const cs = c.checksums;
  out.push(`${style.bold('outer checksums')}: ${num(cs.good)} right, ${num(cs.zero)} none (zero), ${num(cs.partial)} offload partial, ${num(cs.bad)} wrong; ${num(cs.skipped + cs.unverifiable)} not checked (sampled, cut or fragments)`);
  const m = c.mtu;
  out.push(`${style.bold('MTU')}: largest outer IP packet ${m.maxOuterIpLen}, inner ${m.maxInnerIpLen}; ${num(m.fragNeeded.reduce((s, f) => s + f.count, 0))} frag-needed/too-big, ${num(m.outerFragments.reduce((s, f) => s + f.count, 0))} VXLAN fragments, ${num(m.innerFragments)} inner fragments`);
  out.push(`${style.bold('flows')}: ${num(c.flows.overlay)} in the overlay, ${num(c.flows.plain)} plain; ${num(c.flows.oneWayTotal)} one-way${c.flows.untrackedPackets ? `; ${num(c.flows.untrackedPackets)} packets beyond the flow limit` : ''}`);
  for (const f of c.flows.oneWay.slice(0, 5)) out.push(`  ${f.proto} ${f.src}:${f.sport} → ${f.dst}:${f.dport}  ${f.packets} packets, ${f.note ?? 'no reply'}${f.tunnel ? `  (via ${f.tunnel.src} → ${f.tunnel.dst})` : ''}`);
  const t = c.tcp;
  out.push(`${style.bold('TCP')}: ${num(t.flows)} connections, ${num(t.retransmits)} retransmits, ${num(t.resets)} resets, ${num(t.synUnanswered)} SYN unanswered, ${num(t.stalledTotal)} stalled`);
  const d = c.dns;
  const lat = d.latencyMs ? ` (latency p50 ${d.latencyMs.p50} ms, p95 ${d.latencyMs.p95} ms, max ${d.latencyMs.max} ms)` : '';
  out.push(`${style.bold('DNS')}: ${num(d.queries)} queries, ${num(d.responses)} answers${lat}, ${num(d.unanswered)} unanswered, ${num(d.nxdomain)} NXDOMAIN, ${num(d.servfail)} SERVFAIL${d.otherErrors ? `, ${num(d.otherErrors)} other errors` : ''}`);
  for (const s of d.servers.slice(0, 5)) out.push(`  ${s.server}${s.via ? ` (via ${s.via})` : ''}: ${num(s.queries)} queries, ${num(s.responses)} answers, ${num(s.unanswered)} unanswered, ${num(s.nxdomain)} NXDOMAIN, ${num(s.servfail)} SERVFAIL`);
  const n = c.neighbour;
  out.push(`${style.bold('ARP/ND in the tunnel')}: ${num(n.arpRequests + n.ndSolicits)} requests, ${num(n.arpReplies + n.ndAdverts)} replies${n.peakPerSecond ? `, busiest second ${n.peakPerSecond}` : ''}${n.unanswered.length ? `, ${n.unanswered.length} targets unanswered` : ''}`);
  return out.join('\n') + '\n';
}
