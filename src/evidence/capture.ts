/**
 * Capture evidence: what a packet capture (pcap/pcapng) shows about the overlay, summarised in one
 * streaming pass by src/parsers/pcap-analyze.ts. Bounded in size whatever the capture's length: lists
 * are cut to their largest entries and say how many were left out. Addresses are strings as printed
 * (IPv4 dotted, IPv6 colon form); node names are attached by the rules from cluster evidence.
 */

export interface CaptureEvidence {
  /** the file as given on the command line */
  file: string;
  format: 'pcap' | 'pcapng';
  /** link types by name: ethernet, linux-sll, linux-sll2, raw, null … */
  linkTypes: string[];
  packets: number;
  /** bytes on the wire (original lengths) */
  bytes: number;
  firstTs?: number;
  lastTs?: number;
  /** packets the capture cut short (snap length) */
  snapCut: number;
  /** packets whose link type or headers could not be decoded */
  undecoded: number;
  /** the file ends inside a record: where, and what was lost */
  truncated?: { offset: number; packet: number; message: string };
  /** records skipped (bad blocks, unknown interfaces) */
  problems: { offset: number; packet: number; message: string }[];
  vxlan: {
    ports: number[];
    packets: number;
    vnis: { vni: number; packets: number }[];
  };
  /** one entry per node pair that exchanged VXLAN (underlay addresses; a→b and b→a counted apart) */
  pairs: CapturePair[];
  pairsLeftOut: number;
  /** inner (overlay) flows, and plain flows when the capture has no tunnel (cni0, a pod's veth) */
  flows: {
    overlay: number;
    plain: number;
    /** packets of flows beyond the tracking limit: counted, not followed */
    untrackedPackets: number;
    /** flows seen in one direction only: sent and never answered (TCP SYN without SYN-ACK, UDP without reply) */
    oneWay: CaptureFlow[];
    oneWayTotal: number;
  };
  checksums: {
    /** VXLAN packets whose outer UDP checksum was verified and right */
    good: number;
    /** zero: no checksum, as Linux sends VXLAN by default on some kernels */
    zero: number;
    /** only the pseudo-header sum: captured on the sender before the NIC filled it in (TX offload), not an error */
    partial: number;
    /** wrong: the receiver drops these (dmesg "UDP: bad checksum") */
    bad: number;
    /** not checked: cut short by the snap length, or a fragment */
    unverifiable: number;
    /** not checked: sampled out (each pair direction is checked for its first packets, then 1 in 16) */
    skipped: number;
    badBySource: { src: string; dst: string; bad: number; checked: number }[];
  };
  mtu: {
    /** ICMP fragmentation needed / ICMPv6 packet too big, with the MTU the router asked for */
    fragNeeded: { from: string; to: string; about: string; mtu: number; count: number; overlay: boolean }[];
    /** fragments of VXLAN packets on the underlay (an inner MTU too big for the underlay) */
    outerFragments: { src: string; dst: string; count: number }[];
    /** fragments inside the tunnel */
    innerFragments: number;
    maxOuterIpLen: number;
    maxInnerIpLen: number;
  };
  neighbour: {
    /** ARP and IPv6 neighbour discovery carried inside VXLAN (flannel installs static entries: normally none) */
    arpRequests: number;
    arpReplies: number;
    ndSolicits: number;
    ndAdverts: number;
    /** the busiest one-second window of tunnelled requests */
    peakPerSecond: number;
    /** targets asked for repeatedly without a reply */
    unanswered: { target: string; requests: number; from: string; vni?: number; src?: string; dst?: string }[];
  };
  dns: CaptureDns;
  tcp: {
    flows: number;
    resets: number;
    retransmits: number;
    /** connection attempts (SYN) never answered */
    synUnanswered: number;
    /** flows where one side resent data the other never acknowledged, until the capture ended */
    stalled: CaptureStall[];
    stalledTotal: number;
  };
}

export interface CapturePair {
  /** underlay addresses (VXLAN endpoints) */
  src: string;
  dst: string;
  /** a→b packets and bytes; the reverse direction has its own entry */
  packets: number;
  bytes: number;
  vnis: number[];
  /** inner flows carried */
  flows: number;
  /** the reverse direction carried nothing in the whole capture */
  reverseSilent: boolean;
  firstTs: number;
  lastTs: number;
  maxIpLen: number;
  badChecksums: number;
  retransmits: number;
}

export interface CaptureFlow {
  proto: 'tcp' | 'udp' | 'icmp' | 'other';
  src: string;
  sport: number;
  dst: string;
  dport: number;
  packets: number;
  /** when it crossed the tunnel: the VXLAN endpoints and VNI */
  tunnel?: { src: string; dst: string; vni: number };
  /** e.g. "SYN x3, no SYN-ACK" */
  note?: string;
}

export interface CaptureStall extends CaptureFlow {
  retransmits: number;
  /** IP length of the retransmitted segments (smallest and largest) */
  retransmitIpLen: [number, number];
  /** the largest IP packet of this direction the peer acknowledged */
  maxAckedIpLen: number;
  /** bytes sent that the peer never acknowledged */
  unacked: number;
}

export interface CaptureDns {
  queries: number;
  responses: number;
  /** queries never answered (those in the last two seconds of the capture are not counted: the answer may have come after it ended) */
  unanswered: number;
  nxdomain: number;
  servfail: number;
  /** refused, format error, not implemented … */
  otherErrors: number;
  latencyMs: { p50: number; p95: number; max: number } | null;
  servers: CaptureDnsServer[];
  /** names that failed, busiest first */
  failedNames: { name: string; rcode: string; count: number }[];
}

export interface CaptureDnsServer {
  server: string;
  /** queries that crossed the tunnel */
  overlay: number;
  /** the underlay address the tunnelled queries went to (the server's node) */
  via?: string;
  queries: number;
  responses: number;
  unanswered: number;
  nxdomain: number;
  servfail: number;
  latencyMs: { p50: number; p95: number; max: number } | null;
  /** where its unanswered queries came from (clients), busiest first */
  unansweredFrom: string[];
}

/** What the captures could not give: the part after a truncation, records that were skipped. */
export function captureUnreadable(captures: readonly CaptureEvidence[]): { what: string; reason: string }[] {
  return captures.flatMap((c) => [
    ...(c.truncated ? [{ what: `capture ${c.file} from byte ${c.truncated.offset} (packet ${c.truncated.packet} on)`, reason: c.truncated.message }] : []),
    ...c.problems.map((p) => ({ what: `capture ${c.file} at byte ${p.offset} (packet ${p.packet})`, reason: p.message })),
  ]);
}
