/**
 * What `probe bandwidth` results mean (pure). VXLAN costs 50 bytes per packet on the underlay
 * (outer IPv4 20, UDP 8, VXLAN 8, inner Ethernet 14), so a TCP stream over the overlay can carry at
 * best (overlayMtu − 52) / (overlayMtu + 50) of the wire where the underlay carries
 * (underlayMtu − 52) / underlayMtu (52 = IPv4 + TCP + timestamps). The overlay/underlay ratio of a
 * pair below that (less a tolerance for measurement noise) is more than VXLAN overhead explains; the
 * likely causes are named from the figures the probe recorded, and from other evidence of the same
 * run when there is some (the VXLAN device's checksum offload, wrong outer checksums in a capture).
 */
import type { BandwidthPairResult, BandwidthRun } from '../../evidence/probes.js';

export const VXLAN_OVERHEAD = 50;
const TCP_IP_HEADERS = 52;
const IP_HEADER = 20;

export type BandwidthSuspectId = 'mtu' | 'checksum-offload' | 'loss' | 'cpu' | 'latency' | 'delay' | 'unknown';

export interface BandwidthSuspect {
  id: BandwidthSuspectId;
  /** the catalog cause this suspect is, when there is one */
  cause?: string;
  /** the node where the fault sits, when the figures place it (absent: somewhere between the two) */
  node?: string;
  detail: string;
}

/** Evidence besides the probe's own figures that speaks to a pair (all optional). */
export interface BandwidthContext {
  /** tx-checksum-ip-generic of a node's VXLAN device ("on", "off", "on [fixed]"), when it was read */
  txChecksum?(node: string): string | undefined;
  /** wrong outer UDP checksums a capture saw on VXLAN from one underlay address to another */
  badOuterChecksums?(fromIp: string, toIp: string): { bad: number; checked: number } | undefined;
}

export interface BandwidthPairRatio {
  from: string;
  to: string;
  underlayBps?: number;
  overlayBps?: number;
  /** overlay / underlay throughput */
  ratio?: number;
  /** the best ratio VXLAN overhead allows at the underlay MTU */
  expected: number;
}

export interface BandwidthVerdict extends BandwidthPairRatio {
  /**
   * slow: the overlay carries less than VXLAN overhead explains; lossy: the ratio is normal but the
   * node-to-node run itself resent a share of its segments (loss on the nodes' path hits both runs
   * alike, so only the underlay's own figure shows it); delayed: the ratio is normal but the nodes' own
   * path has a round trip far longer than a LAN's, and the run carried less than it could (latency
   * under VXLAN slows both runs alike too); failed: a run gave no result.
   */
  kind: 'slow' | 'lossy' | 'delayed' | 'failed';
  /** most likely first; "unknown" alone when no figure explains it */
  suspects: BandwidthSuspect[];
  detail: string;
}

export interface BandwidthJudgeOptions {
  /** Share below the expected ratio still put down to noise. Default 0.15. */
  tolerance?: number;
  /** CPU percent of one core at which iperf3 itself is the bottleneck. Default 85. */
  cpuBusyPct?: number;
  /** Percent busy of the sending node's busiest CPU at which the CPU is the bottleneck. Default 95. */
  cpuBusiestPct?: number;
  /** Share of the segments resent on the node-to-node run at which the nodes' path is lossy. Default 0.01. */
  underlayLoss?: number;
  /**
   * Share of the segments resent on the pod-to-pod run at which the overlay is lossy though its ratio holds
   * (a capped run, --bitrate, carries the cap while resending). Default 0.02: stray resends stay quiet.
   */
  overlayLoss?: number;
  /**
   * Round trip of the node-to-node path (its run's lowest RTT), in ms, above which it is too long for
   * nodes on one LAN, whatever the other pairs measure. Default 10: a LAN's is well under 1 ms, a hop
   * between zones of one region 1-2 ms.
   */
  lanRttMs?: number;
  /**
   * A path's round trip is also far above the others' when it is this many times the shortest other
   * pair's and at least rttMarginMs longer. Defaults 4 and 5.
   */
  rttFactor?: number;
  rttMarginMs?: number;
}

/** Overlay/underlay throughput VXLAN overhead explains, from the two MTUs (default: overlay = underlay − 50). */
export function expectedRatio(underlayMtu: number, overlayMtu = underlayMtu - VXLAN_OVERHEAD): number {
  const wire = overlayMtu + VXLAN_OVERHEAD;
  // an outer packet above the underlay MTU leaves in fragments, each with its own IP header
  const fragments = Math.max(1, Math.ceil((wire - IP_HEADER) / (underlayMtu - IP_HEADER)));
  const overlay = (overlayMtu - TCP_IP_HEADERS) / (wire + (fragments - 1) * IP_HEADER);
  const underlay = (underlayMtu - TCP_IP_HEADERS) / underlayMtu;
  return overlay / underlay;
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
const mbps = (bps: number) => `${(bps / 1e6).toFixed(1)} Mbit/s`;

/** Share of the segments sent again. */
function retransmitShare(run: BandwidthRun, mtu: number | undefined): number | undefined {
  const mss = run.mss ?? (mtu ? mtu - TCP_IP_HEADERS : undefined);
  if (run.retransmits === undefined || !run.bytes || !mss) return undefined;
  return (run.retransmits * mss) / run.bytes;
}

export function pairRatio(r: BandwidthPairResult): BandwidthPairRatio {
  const out: BandwidthPairRatio = { from: r.from, to: r.to, expected: expectedRatio(r.underlayMtu ?? 1500) };
  if (r.underlay.ok && r.underlay.bitsPerSecond !== undefined) out.underlayBps = r.underlay.bitsPerSecond;
  if (r.overlay.ok && r.overlay.bitsPerSecond !== undefined) out.overlayBps = r.overlay.bitsPerSecond;
  if (out.underlayBps && out.overlayBps !== undefined) out.ratio = out.overlayBps / out.underlayBps;
  return out;
}

type JudgeOptions = Required<BandwidthJudgeOptions>;

/** Round trip of a pair's node-to-node path in µs: its run's lowest RTT (the mean when no lowest was recorded). */
export function pathRttUs(r: BandwidthPairResult): number | undefined {
  if (!r.underlay.ok) return undefined;
  return r.underlay.minRttUs ?? r.underlay.meanRttUs;
}

const ms = (us: number) => `${(us / 1000).toFixed(us < 10_000 ? 2 : 1)} ms`;

/** Whether the pair's node-to-node round trip is too long: above a LAN's bound, or far above the shortest other pair's. */
function longPath(r: BandwidthPairResult, all: readonly BandwidthPairResult[], opts: JudgeOptions): { rtt: number; shortest?: number; far: boolean; high: boolean } | undefined {
  const rtt = pathRttUs(r);
  if (rtt === undefined) return undefined;
  const others = all.filter((o) => o !== r).map(pathRttUs).filter((x): x is number => x !== undefined);
  const shortest = others.length ? Math.min(...others) : undefined;
  const far = shortest !== undefined && rtt >= opts.rttFactor * shortest && rtt - shortest >= opts.rttMarginMs * 1000;
  const high = rtt >= opts.lanRttMs * 1000;
  return far || high ? { rtt, ...(shortest !== undefined ? { shortest } : {}), far, high } : undefined;
}

/**
 * Why the pair's node-to-node path is too slow in time, when it is: its round trip is too long (longPath)
 * and the run carried less than it could, i.e. its throughput was bound by the round trip (TCP sends one
 * window per round trip, and slow start grows it once per round trip): below the bitrate it was capped
 * at, or, uncapped, below three quarters of the fastest pair whose path is short. A run that carried its
 * cap is not held back by the delay; with no cap and no short pair to compare, the long round trip alone
 * is named.
 */
function latencyDetail(r: BandwidthPairResult, all: readonly BandwidthPairResult[], opts: JudgeOptions): string | undefined {
  const long = longPath(r, all, opts);
  const u = r.underlay;
  if (!long || u.bitsPerSecond === undefined) return undefined;
  let bound: string;
  if (u.targetBps) {
    if (u.bitsPerSecond >= 0.85 * u.targetBps) return undefined;
    bound = `carried ${mbps(u.bitsPerSecond)} of the ${mbps(u.targetBps)} it was asked for`;
  } else {
    const short = all.filter((o) => o !== r && o.underlay.ok && !longPath(o, all, opts)).map((o) => o.underlay.bitsPerSecond ?? 0);
    const fastest = short.length ? Math.max(...short) : undefined;
    if (fastest !== undefined && u.bitsPerSecond >= 0.75 * fastest) return undefined;
    bound = fastest !== undefined ? `carried ${mbps(u.bitsPerSecond)} where a pair with a short path carried ${mbps(fastest)}` : `carried ${mbps(u.bitsPerSecond)}`;
  }
  const against = long.far ? `${(long.rtt / long.shortest!).toFixed(0)}× the shortest other pair's ${ms(long.shortest!)}` : `a LAN's is well under 1 ms`;
  return `the node-to-node round trip is ${ms(long.rtt)} at its lowest (${against}) and the run ${bound}: TCP sends one window per round trip, so the delay on the nodes' path caps the transfer, under VXLAN as well`;
}

function suspectsOf(r: BandwidthPairResult, all: readonly BandwidthPairResult[], opts: JudgeOptions, ctx: BandwidthContext): BandwidthSuspect[] {
  const out: BandwidthSuspect[] = [];
  const u = r.underlayMtu ?? 1500;
  const fit = u - VXLAN_OVERHEAD;
  // The sender's VXLAN device computes the outer checksum the receiver rejects: the fault is the sender's.
  const tx = ctx.txChecksum?.(r.from);
  const txOn = tx !== undefined && tx.startsWith('on');
  const txNote = tx !== undefined ? `; ${r.from}'s flannel.1 has tx-checksum-ip-generic ${tx}` : '';
  const captured = ctx.badOuterChecksums?.(r.underlay.fromIp, r.underlay.toIp);
  if (r.udpCsumErrors && r.udpCsumErrors > 0) {
    out.push({ id: 'checksum-offload', cause: 'flannel.checksum-offload', node: r.from, detail: `${r.to} counted ${r.udpCsumErrors} UDP checksum errors (Udp InCsumErrors) during the overlay run: VXLAN packets with wrong outer checksums are dropped${txNote}` });
  } else if (captured && captured.bad > 0) {
    out.push({ id: 'checksum-offload', cause: 'flannel.checksum-offload', node: r.from, detail: `a capture shows ${captured.bad} of ${captured.checked} checked VXLAN packets from ${r.underlay.fromIp} to ${r.underlay.toIp} with wrong outer UDP checksums: the receiver drops them${txNote}` });
  }
  if (r.overlayMtu !== undefined && r.overlayMtu !== fit) {
    const detail =
      r.overlayMtu < fit
        ? `the pod MTU ${r.overlayMtu} is below the ${fit} an underlay MTU of ${u} allows: small segments cap the overlay at ${pct(expectedRatio(u, r.overlayMtu))} of the underlay`
        : `the pod MTU ${r.overlayMtu} is above the ${fit} an underlay MTU of ${u} allows: VXLAN packets are fragmented or dropped on the underlay`;
    out.push({ id: 'mtu', cause: 'flannel.mtu', node: r.from, detail });
  } else if (r.overlay.mss !== undefined && r.overlay.mss < fit - TCP_IP_HEADERS - 8) {
    out.push({ id: 'mtu', cause: 'flannel.mtu', detail: `overlay TCP segments are cut to ${r.overlay.mss} bytes where ${fit - TCP_IP_HEADERS} fit: a smaller MTU or an MSS clamp on the path` });
  }
  const over = retransmitShare(r.overlay, r.overlayMtu);
  const under = retransmitShare(r.underlay, r.underlayMtu) ?? 0;
  if (under >= opts.underlayLoss) {
    // The node-to-node run lost: the loss is under VXLAN, on the nodes' own path. The overlay's own share need not
    // show it: a pod stream that loss has choked sends little, and the bytes its sender wrote (queued, not carried)
    // make its few resends a small share.
    out.push({ id: 'loss', cause: 'node.packet-loss', detail: underlayLossDetail(r, under, over) });
  } else if (over !== undefined && over >= 0.01 && over >= 2 * under + 0.005) {
    out.push({ id: 'loss', cause: 'node.packet-loss', detail: overlayLossDetail(r, over, under) });
    // Loss with the offload on and no checksum figure either way: the offload bug is worth ruling out.
    if (txOn && !out.some((s) => s.id === 'checksum-offload')) {
      out.push({ id: 'checksum-offload', cause: 'flannel.checksum-offload', node: r.from, detail: `${r.from}'s flannel.1 has tx-checksum-ip-generic ${tx}: on kernels with the VXLAN checksum bug its packets arrive with wrong outer checksums and are dropped (no checksum counter was read to confirm it)` });
    }
  }
  const cpu = Math.max(r.overlay.cpuSenderPct ?? 0, r.overlay.cpuReceiverPct ?? 0);
  if (cpu >= opts.cpuBusyPct) {
    out.push({ id: 'cpu', cause: 'node.cpu-bound', node: (r.overlay.cpuSenderPct ?? 0) >= (r.overlay.cpuReceiverPct ?? 0) ? r.from : r.to, detail: `iperf3 used ${cpu.toFixed(0)}% of a CPU on the ${(r.overlay.cpuSenderPct ?? 0) >= (r.overlay.cpuReceiverPct ?? 0) ? `sending side (${r.from})` : `receiving side (${r.to})`}: encapsulation is CPU-bound (no VXLAN offload, busy node)` });
  } else if ((r.overlay.cpuBusiestPct ?? 0) >= opts.cpuBusiestPct) {
    out.push({ id: 'cpu', cause: 'node.cpu-bound', node: r.from, detail: `${r.from}'s busiest CPU was ${r.overlay.cpuBusiestPct}% busy during the overlay run: encapsulation and softirq work are CPU-bound (no VXLAN offload, busy node)` });
  }
  const latency = latencyDetail(r, all, opts);
  if (latency) out.push({ id: 'latency', cause: 'node.underlay-latency', detail: latency });
  const ro = r.overlay.meanRttUs;
  const ru = r.underlay.meanRttUs;
  if (!latency && ro !== undefined && ru !== undefined && ro >= 3 * ru && ro - ru >= 5000) {
    out.push({ id: 'delay', detail: `the overlay's mean RTT is ${(ro / 1000).toFixed(1)} ms against ${(ru / 1000).toFixed(1)} ms on the underlay: delay on the overlay path limits TCP's window` });
  }
  if (!out.length) out.push({ id: 'unknown', detail: 'no MTU, checksum, retransmit, CPU or RTT figure explains it: capture both ends of the overlay (flannel-doctor capture --node N) while it runs' });
  return out;
}

function overlayLossDetail(r: BandwidthPairResult, over: number, under: number): string {
  return `${pct(over)} of the overlay segments were sent again (${r.overlay.retransmits} retransmits; underlay ${pct(under)}): packets are lost between the pods`;
}

function underlayLossDetail(r: BandwidthPairResult, under: number, over: number | undefined): string {
  return `the node-to-node run itself resent ${pct(under)} of its segments (${r.underlay.retransmits} retransmits${over !== undefined ? `; overlay ${pct(over)}` : ''}): packets are lost on the path between the nodes, under VXLAN as well`;
}

/**
 * The node every pair with a suspect of this kind shares when some pairs measured clean and none of
 * them has it: loss or delay on one node's link shows on the pairs to and from that node only (with two
 * nodes, or when every pair has it, there is none).
 */
export function commonNode(verdicts: readonly BandwidthVerdict[], results: readonly BandwidthPairResult[], id: BandwidthSuspectId): string | undefined {
  const key = (a: { from: string; to: string }) => `${a.from}\n${a.to}`;
  const hit = new Set(verdicts.filter((v) => v.suspects.some((s) => s.id === id)).map(key));
  if (!hit.size) return undefined;
  // Loss and delay are read from the node-to-node run, which a broken pod path (another fault) leaves whole.
  const pairs = results.filter((r) => r.underlay.ok);
  let common: Set<string> | undefined;
  const clean = new Set<string>();
  for (const r of pairs) {
    if (hit.has(key(r))) common = new Set([r.from, r.to].filter((n) => !common || common.has(n)));
    else clean.add(r.from).add(r.to);
  }
  // every measured pair has it: it may be everywhere, nothing singles a node out
  if (!clean.size) return undefined;
  const left = [...(common ?? [])].filter((n) => !clean.has(n));
  return left.length === 1 ? left[0] : undefined;
}

/** The node every lossy pair shares (commonNode for loss). */
export function lossyNode(verdicts: readonly BandwidthVerdict[], results: readonly BandwidthPairResult[]): string | undefined {
  return commonNode(verdicts, results, 'loss');
}

/**
 * One verdict per pair that failed, whose overlay carries less than VXLAN overhead explains, whose
 * node-to-node run lost packets, or whose node-to-node round trip is far too long for the throughput.
 */
export function judgeBandwidth(results: readonly BandwidthPairResult[], options: BandwidthJudgeOptions = {}, context: BandwidthContext = {}): BandwidthVerdict[] {
  const opts: JudgeOptions = {
    tolerance: options.tolerance ?? 0.15,
    cpuBusyPct: options.cpuBusyPct ?? 85,
    cpuBusiestPct: options.cpuBusiestPct ?? 95,
    underlayLoss: options.underlayLoss ?? 0.01,
    overlayLoss: options.overlayLoss ?? 0.02,
    lanRttMs: options.lanRttMs ?? 10,
    rttFactor: options.rttFactor ?? 4,
    rttMarginMs: options.rttMarginMs ?? 5,
  };
  const out: BandwidthVerdict[] = [];
  for (const r of results) {
    const base = pairRatio(r);
    const failed = [r.underlay, r.overlay].find((x) => !x.ok);
    if (failed) {
      out.push({ ...base, kind: 'failed', suspects: [], detail: `the ${failed.path} run ${failed.fromIp || r.from} → ${failed.toIp || r.to} failed: ${failed.error ?? 'no result'}` });
      // The pod path failed (a fault of its own, the mesh's to judge), the nodes' own run did not: loss and
      // delay on the nodes' path show there alone, and they place a node with the other pairs.
      if (r.underlay.ok) {
        const under = retransmitShare(r.underlay, r.underlayMtu) ?? 0;
        const latency = latencyDetail(r, results, opts);
        const slowPath: BandwidthSuspect[] = latency ? [{ id: 'latency', cause: 'node.underlay-latency', detail: latency }] : [];
        const podsFailed = 'the pod-to-pod run failed, so only the node-to-node run is judged:';
        if (under >= opts.underlayLoss) out.push({ ...base, kind: 'lossy', suspects: [{ id: 'loss', cause: 'node.packet-loss', detail: underlayLossDetail(r, under, undefined) }, ...slowPath], detail: `${podsFailed} ${underlayLossDetail(r, under, undefined)}` });
        else if (latency) out.push({ ...base, kind: 'delayed', suspects: slowPath, detail: `${podsFailed} ${latency}` });
      }
      continue;
    }
    if (base.ratio === undefined) continue;
    if (base.ratio >= base.expected * (1 - opts.tolerance)) {
      // The ratio is normal: VXLAN is not the problem, but the nodes' own path, or the pods', may still drop packets.
      const under = retransmitShare(r.underlay, r.underlayMtu) ?? 0;
      const over = retransmitShare(r.overlay, r.overlayMtu);
      let detail: string | undefined;
      if (under >= opts.underlayLoss) detail = underlayLossDetail(r, under, over);
      else if (over !== undefined && over >= opts.overlayLoss && over >= 2 * under + 0.005) detail = overlayLossDetail(r, over, under);
      const carries = `the overlay carries ${pct(base.ratio)} of the underlay (${mbps(base.overlayBps!)} against ${mbps(base.underlayBps!)}), no less than VXLAN overhead explains, but`;
      const latency = latencyDetail(r, results, opts);
      const slowPath: BandwidthSuspect[] = latency ? [{ id: 'latency', cause: 'node.underlay-latency', detail: latency }] : [];
      if (detail) out.push({ ...base, kind: 'lossy', suspects: [{ id: 'loss', cause: 'node.packet-loss', detail }, ...slowPath], detail: `${carries} ${detail}` });
      else if (latency) out.push({ ...base, kind: 'delayed', suspects: slowPath, detail: `${carries} ${latency}` });
      continue;
    }
    const suspects = suspectsOf(r, results, opts, context);
    out.push({
      ...base,
      kind: 'slow',
      suspects,
      detail: `the overlay carries ${pct(base.ratio)} of the underlay (${mbps(base.overlayBps!)} against ${mbps(base.underlayBps!)}); VXLAN overhead explains ${pct(base.expected)}. Likely: ${suspects.map((s) => s.id).join(', ')}`,
    });
  }
  for (const id of ['loss', 'latency'] as const) {
    const at = commonNode(out, results, id);
    if (at) for (const v of out) for (const s of v.suspects) if (s.id === id && !s.node) s.node = at;
  }
  return out;
}
