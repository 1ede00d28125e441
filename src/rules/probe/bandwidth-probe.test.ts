import type { CaptureEvidence } from '../../evidence/capture.js';
import type { BandwidthPairResult, BandwidthRun } from '../../evidence/probes.js';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../engine/deep-freeze.js';
import { runRules } from '../../engine/run-rules.js';
import type { EvidenceInput } from '../rule-tester.js';
import { makeEvidence, testRule } from '../rule-tester.js';
import { healthyCapture } from './_capture-sample.js';
import rule from './bandwidth-probe.js';

// Figures from real runs on a netns testbed (a 200 Mbit/s underlay, iperf3 -t 2), as in _bandwidth-verdict.test.ts.
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
const measured = (...pairs: BandwidthPairResult[]): EvidenceInput => ({ probes: { bandwidth: pairs, ran: ['bandwidth'] } });
const LOSSY = { bitsPerSecond: 59.6e6, bytes: 16460052, retransmits: 1624 };
// Lab fdbw with node.packet-loss on n2 (5% each way on its eth0): both runs resend, the ratio stays normal.
const linkLoss = (from: string, to: string): BandwidthPairResult => ({
  ...pair(),
  from,
  to,
  underlay: run('underlay', { bitsPerSecond: 291.9e6, bytes: 109462500, retransmits: 3943 }),
  overlay: run('overlay', { bitsPerSecond: 402.4e6, bytes: 150900000, retransmits: 5999 }),
});
const LINK_LOSS_WHY = 'the node-to-node run itself resent 5.2% of its segments (3943 retransmits; overlay 5.6%): packets are lost on the path between the nodes, under VXLAN as well';

// Lab fddelay with node.underlay-latency on n2 (40 ms each way on the underlay switch), iperf3 -t 3 -b 500M.
const delayed = (from: string, to: string, fromIp: string, toIp: string): BandwidthPairResult => ({
  ...pair(),
  from,
  to,
  underlay: run('underlay', { fromIp, toIp, bitsPerSecond: 216.4e6, bytes: 81150000, meanRttUs: 81200, minRttUs: 81090, targetBps: 500e6 }),
  overlay: run('overlay', { bitsPerSecond: 211.1e6, bytes: 79162500, meanRttUs: 81450, minRttUs: 81010, targetBps: 500e6 }),
});
const capped = (from: string, to: string): BandwidthPairResult => ({
  ...pair(),
  from,
  to,
  underlay: run('underlay', { bitsPerSecond: 500.1e6, bytes: 187537500, meanRttUs: 110, minRttUs: 100, targetBps: 500e6 }),
  overlay: run('overlay', { bitsPerSecond: 500e6, bytes: 187500000, meanRttUs: 150, minRttUs: 90, targetBps: 500e6 }),
});
const DELAY_WHY =
  "the node-to-node round trip is 81.1 ms at its lowest (a LAN's is well under 1 ms) and the run carried 216.4 Mbit/s of the 500.0 Mbit/s it was asked for: TCP sends one window per round trip, so the delay on the nodes' path caps the transfer, under VXLAN as well";
const DELAY_RING_WHY =
  "the node-to-node round trip is 81.1 ms at its lowest (811× the shortest other pair's 0.10 ms) and the run carried 216.4 Mbit/s of the 500.0 Mbit/s it was asked for: TCP sends one window per round trip, so the delay on the nodes' path caps the transfer, under VXLAN as well";
const delayFix = (node: string, peerIp: string) => [
  `Measure the round trip from ${node}, where the probe saw 81.1 ms and a LAN answers in well under 1 ms; ping the other nodes too, only the paths through the slow link are slow: ping -c 20 ${peerIp}`,
  `Find what holds the packets on the node's uplink: a netem, tbf or shaping qdisc left behind, the link's speed and duplex, its error counters; then the switch port, a policer or shaper on the path (mtr shows the hop where the delay starts): dev=$(ip -o route get ${peerIp} | grep -o "dev [^ ]*" | cut -d" " -f2); tc qdisc show dev "$dev"; ethtool "$dev"; ip -s link show "$dev"; mtr -r -c 20 ${peerIp}`,
];

const MTU_FIX = [
  'Check the chain: ip -o link show (the underlay interface, flannel.1, cni0 and the veths); grep FLANNEL_MTU /run/flannel/subnet.env; and the pod eth0 MTU.',
  "Test the path to another node's address: ping -M do -s 1422 (1450 − 28), lowering the size until it passes.",
  'Set "MTU" in net-conf.json Backend to the underlay MTU minus the backend\'s overhead (50 for VXLAN over IPv4), or fix the underlay; then restart flannel and re-create the pods.',
];
const CHECKSUM_FIX = [
  'Turn off TX checksum offload on the VXLAN device on every node: ethtool -K flannel.1 tx-checksum-ip-generic off',
  'Persist it with a udev rule /etc/udev/rules.d/90-flannel.rules: SUBSYSTEM=="net", ACTION=="add|change|move", ENV{INTERFACE}=="flannel.1", RUN+="/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off"',
  'Longer term, upgrade the kernel (≥ 5.7).',
];
const LOSS_FIX = [
  'Find where the drops are counted, on both nodes: ip -s link show (RX/TX dropped and errors of the uplink and flannel.1); dev=$(ip -o route show default | awk \'{print $5; exit}\'); ethtool -S "$dev" | grep -iE "drop|miss|err|fifo"; nstat -az | grep -E "TcpRetransSegs|UdpInErrors|UdpRcvbufErrors"',
  'Ring or socket buffer drops: raise them (ethtool -g "$dev" shows the ring maximum, ethtool -G "$dev" rx N sets it; the socket buffers are the sysctls net.core.rmem_max and net.core.rmem_default). Drops on the path: test the underlay alone (iperf3 between the node addresses, mtr between them) and fix the link, NIC or policer',
];
const CPU_FIX = [
  'Watch the CPUs during a transfer: mpstat -P ALL 1 (one core near 100% in %soft or %sys is the encapsulation work)',
  'Spread the receive work over the cores (dev=$(ip -o route show default | awk \'{print $5; exit}\'); more NIC queues: ethtool -L "$dev" combined N; or RPS: echo ff > /sys/class/net/$dev/queues/rx-0/rps_cpus), give the node CPU headroom, or use a NIC with VXLAN offload (ethtool -k "$dev" | grep udp_tnl)',
];

/** A capture on the underlay that verified the VXLAN of n1 → n2 (10.250.0.11 → 10.250.0.12). */
const badCapture = (bad: number): CaptureEvidence => {
  const c = healthyCapture();
  c.checksums.bad = bad;
  c.checksums.badBySource = [{ src: '10.250.0.11', dst: '10.250.0.12', bad, checked: 64 }];
  return c;
};

testRule(rule, {
  healthy: [
    { name: 'the overlay carries what VXLAN overhead leaves (96.6% where 96.5% is expected)', evidence: measured(pair()) },
    { name: 'stray retransmits while the throughput holds', evidence: measured(pair({ retransmits: 435 })) },
    { name: 'jumbo underlay, healthy overlay', evidence: measured(pair({ bitsPerSecond: 186e6 }, { underlayMtu: 9000, overlayMtu: 8950 })) },
    { name: 'a busy CPU with a healthy ratio', evidence: measured(pair({ cpuBusiestPct: 100 })) },
    { name: 'slow, but no figure names a cause (only a longer overlay RTT): left to the probe output', evidence: measured(pair({ bitsPerSecond: 90e6, meanRttUs: 45000 })) },
    { name: 'slow with nothing that explains it', evidence: measured(pair({ bitsPerSecond: 100e6 })) },
    { name: 'a failed run is the mesh probe\'s concern', evidence: measured(pair({ ok: false, bitsPerSecond: undefined, error: 'iperf3: unable to connect' })) },
    { name: 'a pair 20% below the expected ratio where the probe was run with --tolerance 0.3', evidence: { probes: { bandwidth: [pair({ bitsPerSecond: 147e6, mss: 500 })], bandwidthTolerance: 0.3, ran: ['bandwidth'] } } },
    { name: 'the healthy lab fddelay: the cap carried at a 0.10 ms round trip', evidence: measured(capped('n1', 'n2')) },
    { name: 'an 81 ms round trip that still carried its cap: not bound by it', evidence: measured({ ...delayed('n1', 'n2', '172.31.250.11', '172.31.250.12'), underlay: run('underlay', { bitsPerSecond: 490e6, minRttUs: 81090, targetBps: 500e6 }), overlay: run('overlay', { bitsPerSecond: 480e6, targetBps: 500e6 }) }) },
    { name: 'the VXLAN offload on, without loss, explains nothing', evidence: { ...measured(pair()), nodes: [{ name: 'n1', offloads: { 'flannel.1': { 'tx-checksum-ip-generic': 'on' } } }] } },
  ],
  faulty: [
    {
      name: 'pod MTU 300 on n1: the MTU, on the sender',
      evidence: measured(pair({ bitsPerSecond: 133.4e6, mss: 248, bytes: 37093376, retransmits: 29 }, { overlayMtu: 300 })),
      expect: [
        {
          cause: 'flannel.mtu',
          messageId: 'slow',
          data: { from: 'n1', to: 'n2', ratio: '70%', overlay: '133.4 Mbit/s', underlay: '190.7 Mbit/s', expected: '97%', why: 'the pod MTU 300 is below the 1450 an underlay MTU of 1500 allows: small segments cap the overlay at 73% of the underlay' },
          nodes: ['n1'],
          fix: MTU_FIX,
        },
      ],
    },
    {
      name: 'checksum errors on the receiver during the overlay run: the offload bug on the sender, loss as the alternative',
      evidence: measured(pair({ bitsPerSecond: 40e6, bytes: 11e6, retransmits: 900 }, { udpCsumErrors: 812 })),
      expect: [
        {
          cause: 'flannel.checksum-offload',
          messageId: 'slow',
          data: { from: 'n1', to: 'n2', ratio: '21%', overlay: '40.0 Mbit/s', underlay: '190.7 Mbit/s', expected: '97%', why: 'n2 counted 812 UDP checksum errors (Udp InCsumErrors) during the overlay run: VXLAN packets with wrong outer checksums are dropped' },
          nodes: ['n1'],
          fix: CHECKSUM_FIX,
        },
      ],
    },
    {
      name: 'a capture of the same pair shows wrong outer checksums from n1',
      evidence: { probes: { bandwidth: [pair({ bitsPerSecond: 40e6, bytes: 11e6, retransmits: 900 })], captures: [badCapture(64)], ran: ['bandwidth', 'pcap'] } },
      expect: [
        {
          cause: 'flannel.checksum-offload',
          messageId: 'slow',
          data: { from: 'n1', to: 'n2', ratio: '21%', overlay: '40.0 Mbit/s', underlay: '190.7 Mbit/s', expected: '97%', why: 'a capture shows 64 of 64 checked VXLAN packets from 10.250.0.11 to 10.250.0.12 with wrong outer UDP checksums: the receiver drops them' },
          nodes: ['n1'],
          fix: CHECKSUM_FIX,
        },
      ],
    },
    {
      name: '10% dropped between the pods: packet loss, placed on neither node',
      evidence: measured(pair(LOSSY)),
      expect: [
        {
          cause: 'node.packet-loss',
          messageId: 'slow',
          data: { from: 'n1', to: 'n2', ratio: '31%', overlay: '59.6 Mbit/s', underlay: '190.7 Mbit/s', expected: '97%', why: '14% of the overlay segments were sent again (1624 retransmits; underlay 0.0%): packets are lost between the pods' },
          fix: LOSS_FIX,
        },
      ],
    },
    {
      name: "loss while n1's flannel.1 has tx-checksum on (node evidence): loss first, still one finding",
      evidence: { ...measured(pair(LOSSY)), nodes: [{ name: 'n1', offloads: { 'flannel.1': { 'tx-checksum-ip-generic': 'on' } } }] },
      expect: [
        {
          cause: 'node.packet-loss',
          messageId: 'slow',
          data: { from: 'n1', to: 'n2', ratio: '31%', overlay: '59.6 Mbit/s', underlay: '190.7 Mbit/s', expected: '97%', why: '14% of the overlay segments were sent again (1624 retransmits; underlay 0.0%): packets are lost between the pods' },
          fix: LOSS_FIX,
        },
      ],
    },
    {
      name: 'the same pair with the default tolerance (0.15) is slow: the MSS names the MTU',
      evidence: { probes: { bandwidth: [pair({ bitsPerSecond: 147e6, mss: 500 })], ran: ['bandwidth'] } },
      expect: [{ cause: 'flannel.mtu', messageId: 'slow', data: { from: 'n1', to: 'n2', ratio: '77%', overlay: '147.0 Mbit/s', underlay: '190.7 Mbit/s', expected: '97%', why: 'overlay TCP segments are cut to 500 bytes where 1398 fit: a smaller MTU or an MSS clamp on the path' }, fix: MTU_FIX }],
    },
    {
      name: 'loss under VXLAN on a ring of three (lab: 5% on n2): the ratio is normal, the node-to-node runs resend; placed on n2',
      evidence: measured(linkLoss('n1', 'n2'), linkLoss('n2', 'n3'), { ...pair(), from: 'n3', to: 'n1' }),
      expect: [
        { cause: 'node.packet-loss', messageId: 'lossy', data: { from: 'n1', to: 'n2', ratio: '138%', overlay: '402.4 Mbit/s', underlay: '291.9 Mbit/s', expected: '97%', why: LINK_LOSS_WHY }, nodes: ['n2'], fix: LOSS_FIX },
        { cause: 'node.packet-loss', messageId: 'lossy', data: { from: 'n2', to: 'n3', ratio: '138%', overlay: '402.4 Mbit/s', underlay: '291.9 Mbit/s', expected: '97%', why: LINK_LOSS_WHY }, nodes: ['n2'], fix: LOSS_FIX },
      ],
    },
    {
      name: 'lab fddelay, 40 ms each way on n2, two nodes: the pair is the suspect; the fix pings from the sender to the other end',
      evidence: measured(delayed('n1', 'n2', '172.31.250.11', '172.31.250.12')),
      expect: [
        {
          cause: 'node.underlay-latency',
          messageId: 'delayed',
          data: { from: 'n1', to: 'n2', ratio: '98%', overlay: '211.1 Mbit/s', underlay: '216.4 Mbit/s', expected: '97%', why: DELAY_WHY, node: 'n1', peerIp: '172.31.250.12', rttMs: '81.1' },
          fix: delayFix('n1', '172.31.250.12'),
        },
      ],
    },
    {
      name: 'the same delay on a ring of three: placed on n2, the node both slow pairs share; the fix pings from n2 to the other end',
      evidence: measured(delayed('n1', 'n2', '172.31.250.11', '172.31.250.12'), delayed('n2', 'n3', '172.31.250.12', '172.31.250.13'), capped('n3', 'n1')),
      expect: [
        { cause: 'node.underlay-latency', messageId: 'delayed', data: { from: 'n1', to: 'n2', ratio: '98%', overlay: '211.1 Mbit/s', underlay: '216.4 Mbit/s', expected: '97%', why: DELAY_RING_WHY, node: 'n2', peerIp: '172.31.250.11', rttMs: '81.1' }, nodes: ['n2'], fix: delayFix('n2', '172.31.250.11') },
        { cause: 'node.underlay-latency', messageId: 'delayed', data: { from: 'n2', to: 'n3', ratio: '98%', overlay: '211.1 Mbit/s', underlay: '216.4 Mbit/s', expected: '97%', why: DELAY_RING_WHY, node: 'n2', peerIp: '172.31.250.13', rttMs: '81.1' }, nodes: ['n2'], fix: delayFix('n2', '172.31.250.13') },
      ],
    },
    {
      name: 'iperf3 at 97% of a CPU on the receiver: CPU-bound there',
      evidence: measured(pair({ bitsPerSecond: 120e6, cpuReceiverPct: 97 })),
      expect: [
        {
          cause: 'node.cpu-bound',
          messageId: 'slow',
          data: { from: 'n1', to: 'n2', ratio: '63%', overlay: '120.0 Mbit/s', underlay: '190.7 Mbit/s', expected: '97%', why: 'iperf3 used 97% of a CPU on the receiving side (n2): encapsulation is CPU-bound (no VXLAN offload, busy node)' },
          nodes: ['n2'],
          fix: CPU_FIX,
        },
      ],
    },
    {
      name: "the sender's busiest CPU at 100% (softirq): CPU-bound on the sender; one finding per slow pair",
      evidence: measured(pair({ bitsPerSecond: 120e6, cpuBusiestPct: 100 }), { ...pair(), from: 'n2', to: 'n3' }),
      expect: [
        {
          cause: 'node.cpu-bound',
          messageId: 'slow',
          data: { from: 'n1', to: 'n2', ratio: '63%', overlay: '120.0 Mbit/s', underlay: '190.7 Mbit/s', expected: '97%', why: "n1's busiest CPU was 100% busy during the overlay run: encapsulation and softirq work are CPU-bound (no VXLAN offload, busy node)" },
          nodes: ['n1'],
          fix: CPU_FIX,
        },
      ],
    },
  ],
});

describe('rule probe/bandwidth-probe: what the finding carries besides its cause', () => {
  it('loss placed on neither node (the pair is the suspect), the figures as evidence, the offload bug as the alternative', () => {
    const ev = deepFreeze(makeEvidence({ ...measured(pair(LOSSY)), nodes: [{ name: 'n1', offloads: { 'flannel.1': { 'tx-checksum-ip-generic': 'on' } } }] }));
    const [f, ...rest] = runRules(ev, [rule]).findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ cause: 'node.packet-loss', nodes: [], suspects: [['n1', 'n2']], alternatives: ['flannel.checksum-offload'], confidence: 0.6 });
    expect(f!.evidence).toEqual([
      { where: 'probe bandwidth n1→n2', what: 'underlay 10.250.0.11 → 10.250.0.12, 190.7 Mbit/s, 0 retransmits, MSS 1448, RTT 4.5 ms, iperf3 CPU 1% / 13%; MTU 1500' },
      { where: 'probe bandwidth n1→n2', what: 'overlay 10.244.1.2 → 10.244.2.2, 59.6 Mbit/s, 1624 retransmits, MSS 1398, RTT 4.5 ms, iperf3 CPU 1% / 13%; pod MTU 1450' },
      {
        where: 'probe bandwidth n1→n2',
        what: "also fits flannel.checksum-offload: n1's flannel.1 has tx-checksum-ip-generic on: on kernels with the VXLAN checksum bug its packets arrive with wrong outer checksums and are dropped (no checksum counter was read to confirm it)",
      },
    ]);
  });

  it('loss under VXLAN between two nodes: the pair is the suspect (nothing tells which end)', () => {
    const fs = runRules(deepFreeze(makeEvidence(measured(linkLoss('n1', 'n2'), linkLoss('n2', 'n1')))), [rule]).findings;
    expect(fs.map((f) => [f.cause, f.nodes, f.suspects])).toEqual([
      ['node.packet-loss', [], [['n1', 'n2']]],
      ['node.packet-loss', [], [['n2', 'n1']]],
    ]);
    expect(fs[0]!.message).toBe(`traffic n1→n2 loses packets under the overlay: ${LINK_LOSS_WHY}; pods get 138% of the node-to-node bandwidth (402.4 Mbit/s against 291.9 Mbit/s), no less than VXLAN overhead explains`);
  });

  it("loss beside another fault that breaks some pairs' pod path: judged and placed from the node-to-node runs", () => {
    // Lab mixes, seed 5: node.packet-loss on n3 beside node.ip-forward on n2 (pod traffic through n2 fails).
    const podsFail = { ok: false, bitsPerSecond: undefined, bytes: undefined, retransmits: undefined, error: 'unable to connect to server: No route to host' };
    const n1n2: BandwidthPairResult = { ...pair(podsFail), from: 'n1', to: 'n2' };
    const n2n3: BandwidthPairResult = { ...linkLoss('n2', 'n3'), overlay: run('overlay', podsFail) };
    const fs = runRules(deepFreeze(makeEvidence(measured(n1n2, n2n3, linkLoss('n3', 'n1')))), [rule]).findings;
    expect(fs.map((f) => [f.cause, f.nodes, f.suspects])).toEqual([
      ['node.packet-loss', ['n3'], undefined],
      ['node.packet-loss', ['n3'], undefined],
    ]);
    expect(fs[0]!.message).toBe(`traffic n2→n3 loses packets on the nodes' own path: the node-to-node run itself resent 5.2% of its segments (3943 retransmits): packets are lost on the path between the nodes, under VXLAN as well`);
    expect(fs[0]!.evidence[1]).toEqual({ where: 'probe bandwidth n2→n3', what: 'overlay run failed: unable to connect to server: No route to host; pod MTU 1450' });
  });

  it('a long path: the message, the lowest RTT and the cap in the evidence, the pair as suspect', () => {
    const [f, ...rest] = runRules(deepFreeze(makeEvidence(measured(delayed('n1', 'n2', '172.31.250.11', '172.31.250.12')))), [rule]).findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ cause: 'node.underlay-latency', nodes: [], suspects: [['n1', 'n2']], confidence: 0.7 });
    expect(f!.message).toBe(`traffic n1→n2 crosses a slow path under the overlay: ${DELAY_WHY}; pods get 98% of the node-to-node bandwidth (211.1 Mbit/s against 216.4 Mbit/s), no less than VXLAN overhead explains`);
    expect(f!.evidence[0]).toEqual({ where: 'probe bandwidth n1→n2', what: 'underlay 172.31.250.11 → 172.31.250.12, 216.4 Mbit/s, 0 retransmits, MSS 1448, RTT 81.2 ms (lowest 81.1 ms), capped at 500.0 Mbit/s, iperf3 CPU 1% / 13%; MTU 1500' });
  });

  it("a long path cites the mesh probe's idle pings between the two nodes (those that answered) when it ran beside", () => {
    const mesh = [
      { from: 'n1', to: 'n2', path: 'underlay' as const, kind: 'node-node' as const, ok: true, ms: 81.2 },
      { from: 'n1', to: 'n2', path: 'vxlan-udp' as const, ok: true },
      { from: 'n2', to: 'n1', path: 'mtu-flannel' as const, kind: 'node-flannel' as const, ok: true, ms: 80.9 },
      { from: 'n1', to: 'n2', path: 'overlay' as const, ok: false, ms: 81.5 },
      { from: 'n1', to: 'n3', path: 'underlay' as const, ok: true, ms: 0.1 },
    ];
    const ev = deepFreeze(makeEvidence({ probes: { bandwidth: [delayed('n1', 'n2', '172.31.250.11', '172.31.250.12')], mesh, ran: ['bandwidth', 'mesh'] } }));
    const [f] = runRules(ev, [rule]).findings;
    expect(f!.evidence.at(-1)).toEqual({ where: 'probe mesh', what: 'idle pings between the two nodes: n1→n2 underlay 81.2 ms, n2→n1 mtu-flannel 80.9 ms' });
    // loss cites no pings
    const [g] = runRules(deepFreeze(makeEvidence({ probes: { bandwidth: [linkLoss('n1', 'n2')], mesh, ran: ['bandwidth', 'mesh'] } })), [rule]).findings;
    expect(g!.evidence.map((e) => e.where)).not.toContain('probe mesh');
  });

  it('the receiver\'s checksum counter is cited with the overlay run', () => {
    const [f] = runRules(deepFreeze(makeEvidence(measured(pair({ bitsPerSecond: 40e6, bytes: 11e6, retransmits: 900 }, { udpCsumErrors: 812 })))), [rule]).findings;
    expect(f!.evidence[1]!.what).toMatch(/; n2 Udp InCsumErrors \+812$/);
    expect(f!.alternatives).toEqual(['node.packet-loss']);
  });
});
