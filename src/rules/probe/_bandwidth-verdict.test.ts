import { describe, expect, it } from 'vitest';
import type { BandwidthPairResult, BandwidthRun } from '../../evidence/probes.js';
import { commonNode, expectedRatio, judgeBandwidth, lossyNode, pathRttUs, type BandwidthContext } from './_bandwidth-verdict.js';

// Figures from real runs on a netns testbed (a 200 Mbit/s underlay, iperf3 -t 2).
const run = (path: BandwidthRun['path'], over: Partial<BandwidthRun> = {}): BandwidthRun => ({
  path,
  fromIp: path === 'underlay' ? '10.250.0.11' : '10.244.1.2',
  toIp: path === 'underlay' ? '10.250.0.12' : '10.244.2.2',
  ok: true,
  bitsPerSecond: path === 'underlay' ? 190.7e6 : 184.3e6,
  bytes: path === 'underlay' ? 49035024 : 47429606,
  retransmits: 0,
  mss: path === 'underlay' ? 1448 : 1398,
  meanRttUs: 4500,
  cpuSenderPct: 1,
  cpuReceiverPct: 13,
  ...over,
});
const pair = (overlay: Partial<BandwidthRun> = {}, extra: Partial<BandwidthPairResult> = {}): BandwidthPairResult => ({ from: 'n1', to: 'n2', underlayMtu: 1500, overlayMtu: 1450, underlay: run('underlay'), overlay: run('overlay', overlay), ...extra });
// Lab fdbw, `lab fault add node.packet-loss --node n2` (5% dropped each way on n2's eth0), iperf3 -t 3:
// loss under VXLAN hits both runs, so the ratio can stay normal while both resend ~5% of their segments.
const LINK_LOSS = {
  underlay: run('underlay', { fromIp: '172.31.250.11', toIp: '172.31.250.12', bitsPerSecond: 291.9e6, bytes: 109462500, retransmits: 3943 }),
  overlay: run('overlay', { bitsPerSecond: 402.4e6, bytes: 150900000, retransmits: 5999 }),
};
// Lab fddelay, `lab fault add node.underlay-latency --node n2` (every packet from and to n2 held 40 ms on the
// underlay switch by the NFQUEUE delayer), iperf3 -t 3 -b 500M: nothing lost, both runs held to ~215 Mbit/s
// by an 81 ms round trip; the healthy lab carries the cap at a 0.10 ms round trip.
const DELAYED = {
  underlay: run('underlay', { fromIp: '172.31.250.11', toIp: '172.31.250.12', bitsPerSecond: 216.4e6, bytes: 81150000, retransmits: 0, meanRttUs: 81200, minRttUs: 81090, targetBps: 500e6 }),
  overlay: run('overlay', { bitsPerSecond: 211.1e6, bytes: 79162500, retransmits: 0, meanRttUs: 81450, minRttUs: 81010, targetBps: 500e6 }),
};
const CAPPED = {
  underlay: run('underlay', { fromIp: '172.31.250.11', toIp: '172.31.250.12', bitsPerSecond: 500.1e6, bytes: 187537500, retransmits: 0, meanRttUs: 110, minRttUs: 100, targetBps: 500e6 }),
  overlay: run('overlay', { bitsPerSecond: 500e6, bytes: 187500000, retransmits: 0, meanRttUs: 150, minRttUs: 90, targetBps: 500e6 }),
};
const ids = (r: BandwidthPairResult) => judgeBandwidth([Object.freeze(r)]).map((v) => [v.kind, v.suspects.map((s) => s.id)]);

describe('expectedRatio', () => {
  it('is what 50 bytes of VXLAN per packet leave: 96.5% at 1500, 99.4% at 9000', () => {
    expect(expectedRatio(1500)).toBeCloseTo(1398 / 1448, 4);
    expect(expectedRatio(9000)).toBeCloseTo(((8950 - 52) / 9000) / ((9000 - 52) / 9000), 4);
  });
  it('a smaller pod MTU costs more; one above the underlay fragments every packet', () => {
    expect(expectedRatio(1500, 300)).toBeCloseTo(248 / 350 / (1448 / 1500), 4);
    expect(expectedRatio(1500, 1500)).toBeLessThan(expectedRatio(1500));
    expect(expectedRatio(1500, 1500)).toBeCloseTo(1448 / 1570 / (1448 / 1500), 4);
  });
});

describe('judgeBandwidth', () => {
  it.each<[string, BandwidthPairResult, unknown[]]>([
    ['healthy: 96.6% where 96.5% is expected', pair(), []],
    ['healthy with stray retransmits: throughput holds, nothing to say', pair({ retransmits: 435 }), []],
    ['jumbo underlay, healthy overlay', pair({ bitsPerSecond: 186e6 }, { underlayMtu: 9000, overlayMtu: 8950 }), []],
    ['pod MTU 300: MTU', pair({ bitsPerSecond: 133.4e6, mss: 248, bytes: 37093376, retransmits: 29 }, { overlayMtu: 300 }), [['slow', ['mtu']]]],
    ['segments clamped though the MTU is right: MTU', pair({ bitsPerSecond: 120e6, mss: 500 }), [['slow', ['mtu']]]],
    ['10% dropped between the pods: loss', pair({ bitsPerSecond: 59.6e6, bytes: 16460052, retransmits: 1624 }), [['slow', ['loss']]]],
    ['checksum errors on the receiver: checksum offload first', pair({ bitsPerSecond: 40e6, bytes: 11e6, retransmits: 900 }, { udpCsumErrors: 812 }), [['slow', ['checksum-offload', 'loss']]]],
    ['iperf3 at 97% of a CPU: cpu', pair({ bitsPerSecond: 120e6, cpuSenderPct: 97 }), [['slow', ['cpu']]]],
    ["the sender's busiest CPU at 100% (softirq, not iperf3 itself): cpu", pair({ bitsPerSecond: 120e6, cpuBusiestPct: 100 }), [['slow', ['cpu']]]],
    ['a busy CPU with a healthy ratio: nothing to say', pair({ cpuBusiestPct: 100 }), []],
    ['overlay RTT ten times the underlay: delay', pair({ bitsPerSecond: 90e6, meanRttUs: 45000 }), [['slow', ['delay']]]],
    ['overlay RTT 2.4 times the underlay (queueing noise under load): not delay', pair({ bitsPerSecond: 100e6, meanRttUs: 12100 }), [['slow', ['unknown']]]],
    ['slow with no figure that explains it: unknown', pair({ bitsPerSecond: 100e6 }), [['slow', ['unknown']]]],
    ['loss on the link under VXLAN (lab fdbw, 5% each way): ratio 138%, both runs resend ~5%: lossy', { ...pair(), ...LINK_LOSS }, [['lossy', ['loss']]]],
    ['the same loss with a slow overlay: slow, loss', { ...pair(), ...LINK_LOSS, overlay: run('overlay', { bitsPerSecond: 100e6, bytes: 37.5e6, retransmits: 1500 }) }, [['slow', ['loss']]]],
    ['the underlay resends 1.2% but the overlay is clean and the ratio normal: lossy (the nodes\' path)', { ...pair(), underlay: run('underlay', { retransmits: 406 }) }, [['lossy', ['loss']]]],
    ['the underlay resends 0.5% (noise): nothing', { ...pair(), underlay: run('underlay', { retransmits: 170 }) }, []],
    // lab fdbw, 5% on n2, runs capped at 500 Mbit/s: n2→n3's overlay resent 5.8% while carrying 92% of the underlay
    ['capped runs, the overlay resends 5.8% at a normal ratio: lossy', { ...pair(), underlay: run('underlay', { bitsPerSecond: 499.9e6, bytes: 187462500, retransmits: 227 }), overlay: run('overlay', { bitsPerSecond: 457.9e6, bytes: 171712500, retransmits: 7087 }) }, [['lossy', ['loss']]]],
    ['lab fddelay, 40 ms each way on n2: an 81 ms round trip held the capped runs to 43% of the cap: delayed', { ...pair(), ...DELAYED }, [['delayed', ['latency']]]],
    ['the healthy lab: 0.10 ms, the cap carried: nothing', { ...pair(), ...CAPPED }, []],
    ['81 ms but the run carried its cap (a long link that is wide enough): nothing', { ...pair(), underlay: run('underlay', { ...DELAYED.underlay, bitsPerSecond: 480e6 }), overlay: run('overlay', { ...DELAYED.overlay, bitsPerSecond: 470e6 }) }, []],
    ['9 ms at its lowest, below the LAN bound, alone: nothing', { ...pair(), ...DELAYED, underlay: run('underlay', { ...DELAYED.underlay, minRttUs: 9000, meanRttUs: 9500 }) }, []],
    ['no lowest RTT recorded: the mean stands in (45 ms, capped, 43%): delayed', { ...pair(), ...DELAYED, underlay: run('underlay', { ...DELAYED.underlay, minRttUs: undefined, meanRttUs: 45000 }) }, [['delayed', ['latency']]]],
    ['uncapped and alone, 81 ms: nothing to compare the throughput with, the round trip is named', { ...pair(), underlay: run('underlay', { ...DELAYED.underlay, targetBps: undefined }), overlay: run('overlay', { ...DELAYED.overlay, targetBps: undefined }) }, [['delayed', ['latency']]]],
    ['a long path and a slow overlay: slow, latency named (not the overlay-only delay)', { ...pair(), ...DELAYED, overlay: run('overlay', { ...DELAYED.overlay, bitsPerSecond: 120e6, meanRttUs: 400000 }) }, [['slow', ['latency']]]],
    ['loss and a long path: lossy, loss first, latency after', { ...pair(), ...DELAYED, underlay: run('underlay', { ...DELAYED.underlay, retransmits: 3000 }) }, [['lossy', ['loss', 'latency']]]],
    ['overlay run failed: failed, no ratio', pair({ ok: false, bitsPerSecond: undefined, error: 'iperf3: unable to connect' }), [['failed', []]]],
  ])('%s', (_name, r, expected) => {
    expect(ids(r)).toEqual(expected);
  });

  it('states the ratio, what VXLAN explains and the suspects; names the catalog cause', () => {
    const [v] = judgeBandwidth([pair({ bitsPerSecond: 133.4e6, mss: 248 }, { overlayMtu: 300 })]);
    expect(v!.ratio).toBeCloseTo(133.4 / 190.7, 4);
    expect(v!.detail).toBe('the overlay carries 70% of the underlay (133.4 Mbit/s against 190.7 Mbit/s); VXLAN overhead explains 97%. Likely: mtu');
    expect(v!.suspects[0]).toMatchObject({ cause: 'flannel.mtu' });
    expect(v!.suspects[0]!.detail).toContain('pod MTU 300 is below the 1450');
  });

  it('other evidence of the run: wrong outer checksums in a capture, or loss with the sender\'s VXLAN offload on', () => {
    const lossy = pair({ bitsPerSecond: 59.6e6, bytes: 16460052, retransmits: 1624 });
    const of = (r: BandwidthPairResult, ctx: BandwidthContext) => judgeBandwidth([r], {}, ctx).map((v) => v.suspects.map((s) => [s.id, s.cause, s.node ?? '-']));
    const capture: BandwidthContext = { badOuterChecksums: (a, b) => (a === '10.250.0.11' && b === '10.250.0.12' ? { bad: 64, checked: 64 } : undefined) };
    expect(of(lossy, capture)).toEqual([[['checksum-offload', 'flannel.checksum-offload', 'n1'], ['loss', 'node.packet-loss', '-']]]);
    // the capture saw the other direction only: nothing about this one
    expect(of(lossy, { badOuterChecksums: (a) => (a === '10.250.0.12' ? { bad: 64, checked: 64 } : undefined) })).toEqual([[['loss', 'node.packet-loss', '-']]]);
    expect(of(lossy, { txChecksum: (n) => (n === 'n1' ? 'on' : undefined) })).toEqual([[['loss', 'node.packet-loss', '-'], ['checksum-offload', 'flannel.checksum-offload', 'n1']]]);
    expect(of(lossy, { txChecksum: () => 'off' })).toEqual([[['loss', 'node.packet-loss', '-']]]);
    // the offload alone, without loss, explains nothing
    expect(of(pair({ bitsPerSecond: 120e6, cpuSenderPct: 97 }), { txChecksum: () => 'on' })).toEqual([[['cpu', 'node.cpu-bound', 'n1']]]);
    const [v] = judgeBandwidth([pair({ bitsPerSecond: 40e6 }, { udpCsumErrors: 812 })], {}, { txChecksum: () => 'on' });
    expect(v!.suspects[0]!.detail).toBe("n2 counted 812 UDP checksum errors (Udp InCsumErrors) during the overlay run: VXLAN packets with wrong outer checksums are dropped; n1's flannel.1 has tx-checksum-ip-generic on");
  });

  it('loss under VXLAN says so: the node-to-node run resent, not only the pods', () => {
    const [v] = judgeBandwidth([{ ...pair(), ...LINK_LOSS }]);
    expect(v!.detail).toBe('the overlay carries 138% of the underlay (402.4 Mbit/s against 291.9 Mbit/s), no less than VXLAN overhead explains, but the node-to-node run itself resent 5.2% of its segments (3943 retransmits; overlay 5.6%): packets are lost on the path between the nodes, under VXLAN as well');
    expect(v!.suspects).toEqual([{ id: 'loss', cause: 'node.packet-loss', detail: expect.stringContaining('resent 5.2%') }]);
  });

  it('a pod stream choked by loss under VXLAN is slow, and the node-to-node run\'s resends name the loss', () => {
    // The shape of a full-suite run of lab/bandwidth.test.ts (5% loss on n2): the pods got 4 Mbit/s, whose sender wrote
    // far more than it carried, so 13 resends are a small share of its bytes; the nodes' own run resent 6%.
    const choked = { ...pair(), underlay: LINK_LOSS.underlay, overlay: run('overlay', { bitsPerSecond: 4e6, bytes: 30e6, retransmits: 13 }) };
    expect(ids(choked)).toEqual([['slow', ['loss']]]);
    // the same slow pod stream over a clean node-to-node run: nothing says loss
    expect(ids({ ...pair(), overlay: run('overlay', { bitsPerSecond: 4e6, bytes: 30e6, retransmits: 13 }) })).toEqual([['slow', ['unknown']]]);
  });

  it('places loss on the node every lossy pair shares when pairs without it are clean', () => {
    const lossy = (from: string, to: string): BandwidthPairResult => ({ ...pair(), ...LINK_LOSS, from, to });
    const clean = (from: string, to: string): BandwidthPairResult => ({ ...pair(), from, to });
    const ring = [lossy('n1', 'n2'), lossy('n2', 'n3'), clean('n3', 'n1')];
    const vs = judgeBandwidth(ring);
    expect(vs.map((v) => [v.from, v.to, v.suspects.map((s) => s.node)])).toEqual([['n1', 'n2', ['n2']], ['n2', 'n3', ['n2']]]);
    expect(lossyNode(vs, ring)).toBe('n2');
    // two nodes: both pairs hold both nodes, nothing tells which end loses
    const two = [lossy('n1', 'n2'), lossy('n2', 'n1')];
    expect(lossyNode(judgeBandwidth(two), two)).toBeUndefined();
    expect(judgeBandwidth(two).flatMap((v) => v.suspects.map((s) => s.node))).toEqual([undefined, undefined]);
    // loss on every pair: no single node
    const all = [lossy('n1', 'n2'), lossy('n2', 'n3'), lossy('n3', 'n1')];
    expect(lossyNode(judgeBandwidth(all), all)).toBeUndefined();
    // two lossy pairs sharing n2 but no pair measured clean: loss may be everywhere
    const noClean = [lossy('n1', 'n2'), lossy('n2', 'n3')];
    expect(lossyNode(judgeBandwidth(noClean), noClean)).toBeUndefined();
    // the shared node is also in a clean pair: not that node
    const mixed = [lossy('n1', 'n2'), lossy('n2', 'n3'), clean('n2', 'n4')];
    expect(lossyNode(judgeBandwidth(mixed), mixed)).toBeUndefined();
  });

  it("places loss from the node-to-node runs when another fault breaks the pod path of some pairs", () => {
    // Lab mixes, seed 5: node.packet-loss on n3 beside node.ip-forward on n2 (pod traffic through n2 fails).
    const podsFail = { ok: false, bitsPerSecond: undefined, bytes: undefined, retransmits: undefined, error: 'unable to connect to server: No route to host' };
    const lossy = (from: string, to: string, overlay: Partial<BandwidthRun> = {}): BandwidthPairResult => ({ ...pair(), underlay: LINK_LOSS.underlay, overlay: run('overlay', { ...LINK_LOSS.overlay, ...overlay }), from, to });
    const clean = (from: string, to: string, overlay: Partial<BandwidthRun> = {}): BandwidthPairResult => ({ ...pair(overlay), from, to });
    const ring = [clean('n1', 'n2', podsFail), lossy('n2', 'n3', podsFail), lossy('n3', 'n1')];
    const vs = judgeBandwidth(ring);
    expect(vs.map((v) => [v.from, v.to, v.kind])).toEqual([['n1', 'n2', 'failed'], ['n2', 'n3', 'failed'], ['n2', 'n3', 'lossy'], ['n3', 'n1', 'lossy']]);
    expect(vs[2]!.detail).toMatch(/^the pod-to-pod run failed, so only the node-to-node run is judged: the node-to-node run itself resent 5\.2%/);
    expect(vs[2]!.ratio).toBeUndefined();
    expect(lossyNode(vs, ring)).toBe('n3');
    expect(vs.filter((v) => v.kind === 'lossy').flatMap((v) => v.suspects.map((s) => s.node))).toEqual(['n3', 'n3']);
    // a pair whose node-to-node run failed too says nothing of loss
    const dead = [clean('n1', 'n2', podsFail), { ...lossy('n2', 'n3'), underlay: run('underlay', { ok: false, error: 'no route' }) }, lossy('n3', 'n1')];
    expect(judgeBandwidth(dead).map((v) => v.kind)).toEqual(['failed', 'failed', 'lossy']);
  });

  it('a long path says what it measured: the lowest round trip, against a LAN, and the cap it fell short of', () => {
    const [v] = judgeBandwidth([{ ...pair(), ...DELAYED }]);
    expect(v!.detail).toBe(
      "the overlay carries 98% of the underlay (211.1 Mbit/s against 216.4 Mbit/s), no less than VXLAN overhead explains, but the node-to-node round trip is 81.1 ms at its lowest (a LAN's is well under 1 ms) and the run carried 216.4 Mbit/s of the 500.0 Mbit/s it was asked for: TCP sends one window per round trip, so the delay on the nodes' path caps the transfer, under VXLAN as well",
    );
    expect(v!.suspects).toEqual([{ id: 'latency', cause: 'node.underlay-latency', detail: expect.stringContaining('81.1 ms') }]);
    expect(pathRttUs({ ...pair(), ...DELAYED })).toBe(81090);
    expect(pathRttUs({ ...pair(), underlay: run('underlay', { ok: false }) })).toBeUndefined();
  });

  it('a round trip far above the other pairs\' names the pair below the LAN bound too, when it is throughput-bound', () => {
    const at = (from: string, to: string, minRttUs: number, bitsPerSecond: number): BandwidthPairResult => ({ ...pair(), from, to, underlay: run('underlay', { minRttUs, meanRttUs: minRttUs + 300, bitsPerSecond }) });
    // uncapped, 6 ms against 0.2 ms (30×, 5.8 ms more) and 60% of the fastest short pair: named, on n2
    const ring = [at('n1', 'n2', 6000, 114e6), at('n2', 'n3', 6100, 110e6), at('n3', 'n1', 200, 190.7e6)];
    const vs = judgeBandwidth(ring);
    expect(vs.map((v) => [v.from, v.to, v.kind, v.suspects.map((s) => `${s.id} ${s.node}`)])).toEqual([['n1', 'n2', 'delayed', ['latency n2']], ['n2', 'n3', 'delayed', ['latency n2']]]);
    expect(vs[0]!.suspects[0]!.detail).toContain("6.00 ms at its lowest (30× the shortest other pair's 0.20 ms) and the run carried 114.0 Mbit/s where a pair with a short path carried 190.7 Mbit/s");
    expect(commonNode(vs, ring, 'latency')).toBe('n2');
    expect(commonNode(vs, ring, 'loss')).toBeUndefined();
    // the same round trips, but the long pairs carry as much as the short one: not bound by it
    const wide = [at('n1', 'n2', 6000, 180e6), at('n2', 'n3', 6100, 185e6), at('n3', 'n1', 200, 190.7e6)];
    expect(judgeBandwidth(wide)).toEqual([]);
    // 3 ms against 0.2 ms: 15× but under 5 ms more, and under the LAN bound: noise of a busy machine
    const near = [at('n1', 'n2', 3000, 114e6), at('n2', 'n3', 200, 190e6), at('n3', 'n1', 200, 190.7e6)];
    expect(judgeBandwidth(near)).toEqual([]);
    // the bounds are options
    expect(judgeBandwidth(near, { rttMarginMs: 2 }).map((v) => [v.from, v.kind])).toEqual([['n1', 'delayed']]);
    expect(judgeBandwidth([{ ...pair(), ...DELAYED }], { lanRttMs: 100 })).toEqual([]);
  });

  it('places a long path like loss: on the node every delayed pair shares, on neither of two nodes', () => {
    const slow = (from: string, to: string): BandwidthPairResult => ({ ...pair(), ...DELAYED, from, to });
    const fast = (from: string, to: string): BandwidthPairResult => ({ ...pair(), ...CAPPED, from, to });
    expect(judgeBandwidth([slow('n1', 'n2'), slow('n2', 'n3'), fast('n3', 'n1')]).map((v) => v.suspects.map((s) => s.node))).toEqual([['n2'], ['n2']]);
    expect(judgeBandwidth([slow('n1', 'n2'), slow('n2', 'n1')]).map((v) => v.suspects.map((s) => s.node))).toEqual([[undefined], [undefined]]);
  });

  it('the tolerance decides where noise ends', () => {
    const r = pair({ bitsPerSecond: 160e6 });
    expect(judgeBandwidth([r])).toEqual([]);
    expect(judgeBandwidth([r], { tolerance: 0.05 }).map((v) => v.kind)).toEqual(['slow']);
  });
});
