/** Capture evidence for the capture rules' table tests: a healthy two-node tunnel, and ways to break it. */
import type { CaptureEvidence, CapturePair } from '../../evidence/capture.js';
import type { EvidenceInput } from '../rule-tester.js';

export const A = '192.168.56.11';
export const B = '192.168.56.12';

export function pair(src: string, dst: string, over: Partial<CapturePair> = {}): CapturePair {
  return { src, dst, packets: 4000, bytes: 3_000_000, vnis: [1], flows: 120, reverseSilent: false, firstTs: 1_780_000_000, lastTs: 1_780_000_030, maxIpLen: 1500, badChecksums: 0, retransmits: 2, ...over };
}

export function healthyCapture(): CaptureEvidence {
  return {
    file: 'dump.pcap',
    format: 'pcap',
    linkTypes: ['ethernet'],
    packets: 8100,
    bytes: 6_100_000,
    firstTs: 1_780_000_000,
    lastTs: 1_780_000_030,
    snapCut: 0,
    undecoded: 0,
    problems: [],
    vxlan: { ports: [4789, 8472], packets: 8000, vnis: [{ vni: 1, packets: 8000 }] },
    pairs: [pair(A, B), pair(B, A)],
    pairsLeftOut: 0,
    flows: { overlay: 240, plain: 3, untrackedPackets: 0, oneWay: [], oneWayTotal: 0 },
    checksums: { good: 130, zero: 0, partial: 0, bad: 0, unverifiable: 0, skipped: 7870, badBySource: [] },
    mtu: { fragNeeded: [], outerFragments: [], innerFragments: 0, maxOuterIpLen: 1500, maxInnerIpLen: 1450 },
    neighbour: { arpRequests: 0, arpReplies: 0, ndSolicits: 0, ndAdverts: 0, peakPerSecond: 0, unanswered: [] },
    dns: {
      queries: 400,
      responses: 400,
      unanswered: 0,
      nxdomain: 2,
      servfail: 0,
      otherErrors: 0,
      latencyMs: { p50: 0.6, p95: 2.1, max: 9 },
      servers: [{ server: '10.244.2.3', overlay: 400, via: B, queries: 400, responses: 400, unanswered: 0, nxdomain: 2, servfail: 0, latencyMs: { p50: 0.6, p95: 2.1, max: 9 }, unansweredFrom: [] }],
      failedNames: [{ name: 'nope.shop.svc.cluster.local', rcode: 'NXDOMAIN', count: 2 }],
    },
    tcp: { flows: 200, resets: 3, retransmits: 4, synUnanswered: 0, stalled: [], stalledTotal: 0 },
  };
}

/** Evidence holding one capture, changed by `mutate`. */
export function withCapture(mutate: (c: CaptureEvidence) => void = () => {}): EvidenceInput {
  const c = healthyCapture();
  mutate(c);
  return { probes: { ran: ['pcap'], captures: [c] } };
}
