import type { BandwidthPairResult, BandwidthRun } from '../../evidence/probes.js';
import type { Evidence } from '../../evidence/types.js';
import { defineRule } from '../define-rule.js';
import { VXLAN_DEV } from '../_peers.js';
import { judgeBandwidth, pathRttUs, type BandwidthContext, type BandwidthSuspect } from './_bandwidth-verdict.js';
import { captures } from './_capture.js';

/** How sure each figure makes the cause (a counter that moved is proof; a busy CPU or resends are hints). */
const CONFIDENCE: Record<string, number> = { 'flannel.checksum-offload': 0.8, 'flannel.mtu': 0.85, 'node.packet-loss': 0.6, 'node.cpu-bound': 0.6, 'node.underlay-latency': 0.7 };

/**
 * The fix for a long path, with what the probe measured: the round trip from the named node (or the
 * pair's sender, when the pair is the suspect) to the other end's underlay address.
 */
const LATENCY_FIX = [
  'Measure the round trip from {node}, where the probe saw {rttMs} ms and a LAN answers in well under 1 ms; ping the other nodes too, only the paths through the slow link are slow: ping -c 20 {peerIp}',
  'Find what holds the packets on the node\'s uplink: a netem, tbf or shaping qdisc left behind, the link\'s speed and duplex, its error counters; then the switch port, a policer or shaper on the path (mtr shows the hop where the delay starts): dev=$(ip -o route get {peerIp} | grep -o "dev [^ ]*" | cut -d" " -f2); tc qdisc show dev "$dev"; ethtool "$dev"; ip -s link show "$dev"; mtr -r -c 20 {peerIp}',
];

const mbps = (bps?: number) => (bps === undefined ? '-' : `${(bps / 1e6).toFixed(1)} Mbit/s`);
const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;

function runLine(r: BandwidthRun): string {
  const parts = [`${r.fromIp} → ${r.toIp}`, mbps(r.bitsPerSecond)];
  if (r.retransmits !== undefined) parts.push(`${r.retransmits} retransmits`);
  if (r.mss !== undefined) parts.push(`MSS ${r.mss}`);
  if (r.meanRttUs !== undefined) parts.push(`RTT ${(r.meanRttUs / 1000).toFixed(1)} ms${r.minRttUs !== undefined ? ` (lowest ${(r.minRttUs / 1000).toFixed(1)} ms)` : ''}`);
  if (r.targetBps !== undefined) parts.push(`capped at ${mbps(r.targetBps)}`);
  if (r.cpuSenderPct !== undefined || r.cpuReceiverPct !== undefined) parts.push(`iperf3 CPU ${r.cpuSenderPct?.toFixed(0) ?? '-'}% / ${r.cpuReceiverPct?.toFixed(0) ?? '-'}%`);
  if (r.cpuBusiestPct !== undefined) parts.push(`busiest CPU ${r.cpuBusiestPct}%`);
  return parts.join(', ');
}

/**
 * The mesh probe's idle pings between the two nodes, when it ran beside (diagnose): every path it
 * timed crosses the nodes' underlay (node → node, node → the peer's flannel.1, pod → pod), without a
 * transfer's queues.
 */
function meshRoundTrips(evidence: Readonly<Evidence>, a: string, b: string): string | undefined {
  const pings = (evidence.probes?.mesh ?? []).filter((m) => m.ok && m.ms !== undefined && ((m.from === a && m.to === b) || (m.from === b && m.to === a)));
  return pings.length ? pings.slice(0, 4).map((m) => `${m.from}→${m.to} ${m.path} ${m.ms} ms`).join(', ') : undefined;
}

/** Evidence gathered beside the probe: the VXLAN device's offload per node, wrong outer checksums per capture. */
function contextOf(evidence: Readonly<Evidence>): BandwidthContext {
  return {
    txChecksum: (node) => evidence.nodes[node]?.offloads?.[VXLAN_DEV]?.['tx-checksum-ip-generic'],
    badOuterChecksums: (fromIp, toIp) => {
      let bad = 0;
      let checked = 0;
      for (const c of captures(evidence)) {
        for (const s of c.checksums.badBySource) {
          if (s.src !== fromIp || s.dst !== toIp) continue;
          bad += s.bad;
          checked += s.checked;
        }
      }
      return checked ? { bad, checked } : undefined;
    },
  };
}

export default defineRule({
  id: 'probe/bandwidth-probe',
  layer: 'probe',
  description:
    'iperf3 pod→pod over VXLAN carries less of the node→node underlay than 50 bytes of VXLAN per packet explain, the node→node run itself loses packets, or its round trip is too long and holds it back; the likely cause is named from the MTUs, checksum errors, retransmits, CPU and round trips the probe recorded.',
  causes: ['flannel.mtu', 'flannel.checksum-offload', 'node.packet-loss', 'node.cpu-bound', 'node.underlay-latency'],
  scope: 'cluster',
  needs: ['probes.bandwidth'],
  severity: 'warning',
  messages: {
    slow: 'pod traffic {from}→{to} gets {ratio} of the node-to-node bandwidth ({overlay} against {underlay}) where VXLAN overhead explains {expected}: {why}',
    lossy: 'traffic {from}→{to} loses packets under the overlay: {why}; pods get {ratio} of the node-to-node bandwidth ({overlay} against {underlay}), no less than VXLAN overhead explains',
    delayed: 'traffic {from}→{to} crosses a slow path under the overlay: {why}; pods get {ratio} of the node-to-node bandwidth ({overlay} against {underlay}), no less than VXLAN overhead explains',
    lossyNodes: 'traffic {from}→{to} loses packets on the nodes\' own path: {why}',
    delayedNodes: 'traffic {from}→{to} crosses a slow path between the nodes: {why}',
  },
  docs:
    '`probe bandwidth` measures each node pair twice, node → node on the underlay and pod → pod over the overlay. VXLAN costs 50 bytes per packet, so at an underlay MTU of 1500 the overlay should carry about 96.5% of the underlay; a pair more than 15% below that is judged here (the probe\'s --tolerance, recorded with its figures, or diagnose --bandwidth-tolerance changes the share). ' +
    'A pair whose node-to-node run itself resends 1% of its segments or more, or whose pod-to-pod run resends 2% or more (and twice the node-to-node share) while its ratio holds, is judged too: loss on the nodes\' own path slows both runs alike, and runs capped with --bitrate carry the cap while resending, so the ratio stays normal while TCP suffers (node.packet-loss; placed on the one node every lossy pair shares when some pairs measured clean and none of them holds it). ' +
    'The cause is the first figure that explains it: UDP checksum errors on the receiver, or wrong outer checksums in a capture of the same pair (flannel.checksum-offload, on the sender); a pod MTU other than the underlay\'s minus 50, or segments clamped below it (flannel.mtu); overlay retransmits at least 1% of the segments and twice the underlay\'s share (node.packet-loss); iperf3 at 85% of a CPU, or the sender\'s busiest CPU at 95% (node.cpu-bound). ' +
    'A pair whose node-to-node round trip (the run\'s lowest RTT, iperf3 min_rtt) is 10 ms or more, too long for a LAN, or at least 4 times and 5 ms above the shortest other pair\'s, and whose run carried less than it could (below 85% of its --bitrate cap; uncapped, below three quarters of the fastest pair with a short path) is throughput bound by the round trip (node.underlay-latency; placed like loss, on the one node every such pair shares). ' +
    'The other figures that fit are listed as alternatives; with loss and the sender\'s flannel.1 offload on (node evidence), the checksum bug is one. ' +
    'A pair whose pod-to-pod run failed (another fault on the pod path, which the mesh probe judges) is still judged for loss and delay from its node-to-node run, and counts when placing them. ' +
    'A slow pair that no figure explains (only a longer overlay RTT, or nothing) is not reported as a cause: the probe\'s own output shows it with the capture to take next. A run that failed is the mesh probe\'s concern (reachability), not this rule\'s.',
  check({ evidence, report }) {
    const results: readonly BandwidthPairResult[] = evidence.probes?.bandwidth ?? [];
    const byPair = new Map(results.map((r) => [`${r.from}\n${r.to}`, r]));
    const tolerance = evidence.probes?.bandwidthTolerance;
    for (const v of judgeBandwidth(results, tolerance !== undefined ? { tolerance } : {}, contextOf(evidence))) {
      if (v.kind === 'failed') continue;
      // Only the node-to-node run was judged (the pod-to-pod run failed: the mesh's concern): loss or delay alone.
      const nodesOnly = v.ratio === undefined;
      if (nodesOnly && v.kind === 'slow') continue;
      const named = v.suspects.filter((s): s is BandwidthSuspect & { cause: string } => s.cause !== undefined);
      const top = named[0];
      if (!top) continue;
      const r = byPair.get(`${v.from}\n${v.to}`)!;
      const alternatives = [...new Set(named.slice(1).map((s) => s.cause))].filter((c) => c !== top.cause);
      // the fix checks the path from the named node (or the pair's sender) to the other end, with the round trip measured
      const at = top.node ?? v.from;
      const rtt = pathRttUs(r);
      const pings = meshRoundTrips(evidence, v.from, v.to);
      const fixData = top.cause === 'node.underlay-latency' ? { node: at, peerIp: at === v.from ? r.underlay.toIp : r.underlay.fromIp, ...(rtt !== undefined ? { rttMs: (rtt / 1000).toFixed(1) } : {}) } : {};
      report({
        messageId: nodesOnly ? (v.kind === 'lossy' ? 'lossyNodes' : 'delayedNodes') : v.kind,
        cause: top.cause,
        data: { from: v.from, to: v.to, ...(v.ratio !== undefined ? { ratio: pct(v.ratio), overlay: mbps(v.overlayBps), underlay: mbps(v.underlayBps), expected: pct(v.expected) } : {}), why: top.detail, ...fixData },
        ...(top.node ? { nodes: [top.node] } : { nodes: [], suspects: [[v.from, v.to]] }),
        confidence: CONFIDENCE[top.cause] ?? 0.5,
        ...(alternatives.length ? { alternatives } : {}),
        ...(top.cause === 'node.underlay-latency' && rtt !== undefined ? { fix: LATENCY_FIX } : {}),
        evidence: [
          { where: `probe bandwidth ${v.from}→${v.to}`, what: `underlay ${runLine(r.underlay)}; MTU ${r.underlayMtu ?? '?'}` },
          { where: `probe bandwidth ${v.from}→${v.to}`, what: `overlay ${r.overlay.ok ? runLine(r.overlay) : `run failed: ${r.overlay.error ?? 'no result'}`}; pod MTU ${r.overlayMtu ?? '?'}${r.udpCsumErrors !== undefined ? `; ${v.to} Udp InCsumErrors +${r.udpCsumErrors}` : ''}` },
          ...(top.cause === 'node.underlay-latency' && pings ? [{ where: 'probe mesh', what: `idle pings between the two nodes: ${pings}` }] : []),
          ...named.slice(1).map((s) => ({ where: `probe bandwidth ${v.from}→${v.to}`, what: `also fits ${s.cause}: ${s.detail}` })),
        ],
      });
    }
  },
});
