/**
 * Bidirectional flows (TCP and UDP, inside the tunnel or plain) with the TCP state that tells a
 * healthy exchange from a dead one: SYNs never answered, resets, retransmissions of data the peer
 * never acknowledged (and how big those segments were: the MTU black hole's fingerprint). A flow is
 * judged and dropped when it closes or goes idle, so memory follows the flows open at once, not the
 * length of the capture.
 */
import type { CaptureFlow, CaptureStall } from '../evidence/capture.js';
import { ipv4At, TopList, type Addresses } from './pcap-stats.js';

export const PROTO_TCP = 6;
export const PROTO_UDP = 17;

/** seconds: conntrack's UDP timeout; a DNS exchange never closes, so idleness ends it */
const UDP_IDLE = 30;
/**
 * Hash buckets: the table starts small and doubles while more flows are open than it has buckets, up
 * to the largest. A capture with few flows open at once keeps the table in the CPU cache beside the
 * packet bytes (a fixed 2^18-bucket table missed the cache on nearly every lookup, and cost a 1 MiB
 * fill at start).
 */
const MIN_BUCKETS = 1 << 10;
const MAX_BUCKETS = 1 << 18;
const SYN = 2;
const RST = 4;
const FIN = 1;
const ACK = 16;

/** A VXLAN direction (underlay src → dst) with its counters. */
export class Pair {
  next: Pair | null = null;
  packets = 0;
  bytes = 0;
  flows = 0;
  firstTs = 0;
  lastTs = 0;
  maxIpLen = 0;
  badChecksums = 0;
  checked = 0;
  retransmits = 0;
  vnis: number[] = [];
  /** the VNI of the previous packet (the list above is searched only when it changes) */
  lastVni = -1;
  constructor(
    readonly src: number,
    readonly dst: number,
  ) {}
}

export class Flow {
  next: Flow | null = null;
  /** the list of open flows, newest first: the idle sweep walks the flows, not every bucket */
  newer: Flow | null = null;
  older: Flow | null = null;
  /** the full hash of the flow's key (its bucket is this masked by the table's size) */
  key = 0;
  pkts0 = 0;
  pkts1 = 0;
  first = 0;
  last = 0;
  /** which endpoint opened it (sent the first SYN, or the first packet) */
  opener = -1;
  syn0 = 0;
  syn1 = 0;
  rst = 0;
  fin0 = false;
  fin1 = false;
  hasEnd0 = false;
  hasEnd1 = false;
  end0 = 0;
  end1 = 0;
  hasAck0 = false;
  hasAck1 = false;
  ack0 = 0;
  ack1 = 0;
  retx0 = 0;
  retx1 = 0;
  retxMin0 = 0;
  retxMin1 = 0;
  retxMax0 = 0;
  retxMax1 = 0;
  /** largest data segment of each direction waiting for the peer's ACK, and the largest acknowledged */
  pendLen0 = 0;
  pendLen1 = 0;
  pendEnd0 = 0;
  pendEnd1 = 0;
  ackedLen0 = 0;
  ackedLen1 = 0;
  proto = 0;
  a = 0;
  pa = 0;
  b = 0;
  pb = 0;
  /** the pair of the first packet's tunnel, when it crossed VXLAN */
  tunnel: Pair | null = null;
  vni = 0;

  /** Makes this (new or recycled) entry a fresh flow: entries are reused, so old ones never pile up as garbage. */
  reset(proto: number, a: number, pa: number, b: number, pb: number, tunnel: Pair | null, vni: number): this {
    this.next = null;
    this.newer = null;
    this.older = null;
    this.pkts0 = 0;
    this.pkts1 = 0;
    this.first = 0;
    this.last = 0;
    this.opener = -1;
    this.syn0 = 0;
    this.syn1 = 0;
    this.rst = 0;
    this.fin0 = false;
    this.fin1 = false;
    this.hasEnd0 = false;
    this.hasEnd1 = false;
    this.end0 = 0;
    this.end1 = 0;
    this.hasAck0 = false;
    this.hasAck1 = false;
    this.ack0 = 0;
    this.ack1 = 0;
    this.retx0 = 0;
    this.retx1 = 0;
    this.retxMin0 = 0;
    this.retxMin1 = 0;
    this.retxMax0 = 0;
    this.retxMax1 = 0;
    this.pendLen0 = 0;
    this.pendLen1 = 0;
    this.pendEnd0 = 0;
    this.pendEnd1 = 0;
    this.ackedLen0 = 0;
    this.ackedLen1 = 0;
    this.proto = proto;
    this.a = a;
    this.pa = pa;
    this.b = b;
    this.pb = pb;
    this.tunnel = tunnel;
    this.vni = vni;
    return this;
  }
}

const before = (x: number, y: number) => ((x - y) | 0) < 0;

export interface FlowTotals {
  overlay: number;
  plain: number;
  untrackedPackets: number;
  tcpFlows: number;
  resets: number;
  retransmits: number;
  synUnanswered: number;
}

export class FlowTable {
  /** hash buckets (chained through Flow.next): a plain array index is cheaper than a Map lookup per packet */
  private table: (Flow | null)[] = new Array<Flow | null>(MIN_BUCKETS).fill(null);
  private mask = MIN_BUCKETS - 1;
  /** entries of judged flows, reused for new ones */
  private free: Flow[] = [];
  private size = 0;
  /** the newest open flow (head of the Flow.older list) */
  private newest: Flow | null = null;
  readonly totals: FlowTotals = { overlay: 0, plain: 0, untrackedPackets: 0, tcpFlows: 0, resets: 0, retransmits: 0, synUnanswered: 0 };
  readonly oneWay = new TopList<CaptureFlow>(50, (f) => f.packets);
  readonly stalls = new TopList<CaptureStall>(50, (s) => s.retransmits);

  constructor(
    private readonly addrs: Addresses,
    private readonly clock: { ts: number },
    private readonly maxFlows = 200_000,
    /** a TCP flow without packets for this long is judged and dropped (UDP: 30 s, as conntrack) */
    private readonly idleSeconds = 300,
  ) {}

  /**
   * Counts one packet of the IP header at buf[ip] (version 4 or 6), sport → dport. For TCP, `tcpOff`
   * points at the TCP header and `payload` is the segment's data length from the IP header (not the
   * captured length).
   */
  packet(proto: number, buf: Buffer, ip: number, version: number, sport: number, dport: number, tunnel: Pair | null, vni: number, tcpOff: number, payload: number, ipLen: number): void {
    const ts = this.clock.ts;
    const src = version === 4 ? ipv4At(buf, ip + 12) : this.addrs.v6At(buf, ip + 8);
    const dst = version === 4 ? ipv4At(buf, ip + 16) : this.addrs.v6At(buf, ip + 24);
    // Canonical order: the lower endpoint is "a", so both directions land in one entry.
    const fwd = src < dst || (src === dst && sport <= dport);
    const a = fwd ? src : dst;
    const b = fwd ? dst : src;
    const pa = fwd ? sport : dport;
    const pb = fwd ? dport : sport;
    let key = Math.imul(a | 0, 0x9e3779b1) ^ Math.imul(b | 0, 0x85ebca77) ^ Math.imul((pa << 16) | pb, 0xc2b2ae3d) ^ (proto << 3) ^ vni;
    // Mixed down before masking: the low bits of a product depend only on the low bits of its factor,
    // so unmixed, the port in the high half (pa) never reached the bucket, and every flow between two
    // pods to one server port (each DNS query from a pod) shared one long chain.
    key ^= key >>> 16;
    key = Math.imul(key, 0x85ebca6b);
    key ^= key >>> 13;
    let f = this.table[key & this.mask];
    const head = f;
    let prev: Flow | null = null;
    while (f !== null && (f.a !== a || f.b !== b || f.pa !== pa || f.pb !== pb || f.proto !== proto || f.vni !== vni)) {
      prev = f;
      f = f.next;
    }
    if (f !== null && prev !== null) {
      // Found behind others: to the front of its bucket. Busy flows stay at the heads, and a lookup
      // does not read through idle entries (DNS flows wait 30 s to expire) that are out of the cache.
      prev.next = f.next;
      f.next = head;
      this.table[key & this.mask] = f;
    } else if (f === null) {
      if (this.size >= this.maxFlows) {
        this.totals.untrackedPackets++;
        return;
      }
      f = (this.free.pop() ?? new Flow()).reset(proto, a, pa, b, pb, tunnel, vni);
      f.first = ts;
      f.next = head;
      f.key = key;
      this.table[key & this.mask] = f;
      f.older = this.newest;
      if (this.newest) this.newest.newer = f;
      this.newest = f;
      if (++this.size > this.table.length && this.table.length < MAX_BUCKETS) this.grow();
      if (tunnel) {
        this.totals.overlay++;
        tunnel.flows++;
      } else this.totals.plain++;
      if (proto === PROTO_TCP) this.totals.tcpFlows++;
    }
    f.last = ts;
    const d = fwd ? 0 : 1;
    if (d === 0) f.pkts0++;
    else f.pkts1++;
    if (f.opener < 0) f.opener = d;
    if (proto === PROTO_TCP) this.tcp(f, d, buf, tcpOff, payload, ipLen, tunnel);
  }

  private tcp(f: Flow, d: number, buf: Buffer, o: number, len: number, ipLen: number, tunnel: Pair | null): void {
    const flags = buf[o + 13];
    const seq = ((buf[o + 4] << 24) | (buf[o + 5] << 16) | (buf[o + 6] << 8) | buf[o + 7]) | 0;
    if (flags & SYN) {
      if (d === 0) f.syn0++;
      else f.syn1++;
      if (!(flags & ACK) && (d === 0 ? f.syn0 : f.syn1) === 1 && f.syn0 + f.syn1 === 1) f.opener = d;
      const end = (seq + 1) | 0;
      if (d === 0) {
        f.end0 = end;
        f.hasEnd0 = true;
      } else {
        f.end1 = end;
        f.hasEnd1 = true;
      }
    } else if (len > 0) {
      const end = (seq + len) | 0;
      const hasEnd = d === 0 ? f.hasEnd0 : f.hasEnd1;
      const maxEnd = d === 0 ? f.end0 : f.end1;
      if (!hasEnd || before(maxEnd, end)) {
        if (d === 0) {
          f.end0 = end;
          f.hasEnd0 = true;
          if (ipLen > f.pendLen0) {
            f.pendLen0 = ipLen;
            f.pendEnd0 = end;
          }
        } else {
          f.end1 = end;
          f.hasEnd1 = true;
          if (ipLen > f.pendLen1) {
            f.pendLen1 = ipLen;
            f.pendEnd1 = end;
          }
        }
      } else if (!(len <= 1 && end === maxEnd)) {
        // Data at or below what was already sent: a retransmission (keep-alive probes excepted).
        this.totals.retransmits++;
        if (tunnel) tunnel.retransmits++;
        if (d === 0) {
          f.retx0++;
          if (!f.retxMin0 || ipLen < f.retxMin0) f.retxMin0 = ipLen;
          if (ipLen > f.retxMax0) f.retxMax0 = ipLen;
        } else {
          f.retx1++;
          if (!f.retxMin1 || ipLen < f.retxMin1) f.retxMin1 = ipLen;
          if (ipLen > f.retxMax1) f.retxMax1 = ipLen;
        }
      }
    }
    if (flags & ACK) {
      const ack = ((buf[o + 8] << 24) | (buf[o + 9] << 16) | (buf[o + 10] << 8) | buf[o + 11]) | 0;
      // d acknowledges the other direction's data.
      if (d === 0) {
        if (!f.hasAck0 || before(f.ack0, ack)) {
          f.ack0 = ack;
          f.hasAck0 = true;
          if (f.pendLen1 && !before(ack, f.pendEnd1)) {
            if (f.pendLen1 > f.ackedLen1) f.ackedLen1 = f.pendLen1;
            f.pendLen1 = 0;
          }
        }
      } else if (!f.hasAck1 || before(f.ack1, ack)) {
        f.ack1 = ack;
        f.hasAck1 = true;
        if (f.pendLen0 && !before(ack, f.pendEnd0)) {
          if (f.pendLen0 > f.ackedLen0) f.ackedLen0 = f.pendLen0;
          f.pendLen0 = 0;
        }
      }
    }
    if (flags & RST) {
      f.rst++;
      this.totals.resets++;
    }
    if (flags & FIN) {
      if (d === 0) f.fin0 = true;
      else f.fin1 = true;
    }
    // Closed both ways (or reset) and acknowledged: judge it now and free the entry.
    if ((f.fin0 && f.fin1 && flags & ACK && !(flags & FIN)) || flags & RST) this.close(f);
  }

  /** Judges `f` and drops it from its bucket and from the list of open flows. */
  private close(f: Flow): void {
    this.judge(f);
    const bucket = f.key & this.mask;
    let p = this.table[bucket];
    if (p === f) this.table[bucket] = f.next;
    else {
      while (p && p.next !== f) p = p.next;
      if (p) p.next = f.next;
    }
    if (f.newer) f.newer.older = f.older;
    else this.newest = f.older;
    if (f.older) f.older.newer = f.newer;
    this.size--;
    this.recycle(f);
  }

  /** Doubles the buckets and rehangs every open flow (found through the list of open flows). */
  private grow(): void {
    const size = this.table.length * 2;
    this.table = new Array<Flow | null>(size).fill(null);
    this.mask = size - 1;
    for (let f = this.newest; f; f = f.older) {
      const bucket = f.key & this.mask;
      f.next = this.table[bucket];
      this.table[bucket] = f;
    }
  }

  /** Judges and drops flows idle since before `now - idleSeconds` (UDP: `now - 30`). */
  sweep(now: number): void {
    for (let f = this.newest; f; ) {
      const older: Flow | null = f.older;
      if (f.last < now - (f.proto === PROTO_TCP ? this.idleSeconds : UDP_IDLE)) this.close(f);
      f = older;
    }
  }

  private recycle(f: Flow): void {
    f.tunnel = null;
    f.next = null;
    f.newer = null;
    f.older = null;
    if (this.free.length < 50_000) this.free.push(f);
  }

  /** Judges every flow still open (the end of the capture), oldest first as they were opened. */
  finish(): void {
    let oldest = this.newest;
    while (oldest && oldest.older) oldest = oldest.older;
    for (let f = oldest; f; f = f.newer) this.judge(f);
    this.table.fill(null);
    this.newest = null;
    this.size = 0;
  }

  private judge(f: Flow): void {
    const n = this.addrs;
    const opener = f.opener === 1 ? 1 : 0;
    const src = opener === 0 ? f.a : f.b;
    const dst = opener === 0 ? f.b : f.a;
    const sport = opener === 0 ? f.pa : f.pb;
    const dport = opener === 0 ? f.pb : f.pa;
    if (f.proto !== PROTO_TCP) return;
    // A healthy flow (most of them) is judged without building anything: the record is made only for a finding.
    const base = (): CaptureFlow => {
      const r: CaptureFlow = { proto: 'tcp', src: n.name(src), sport, dst: n.name(dst), dport, packets: f.pkts0 + f.pkts1 };
      if (f.tunnel) r.tunnel = { src: n.name(f.tunnel.src), dst: n.name(f.tunnel.dst), vni: f.vni };
      return r;
    };
    const openerSyn = opener === 0 ? f.syn0 : f.syn1;
    const replies = opener === 0 ? f.pkts1 : f.pkts0;
    if (openerSyn > 0 && replies === 0) {
      this.totals.synUnanswered++;
      this.oneWay.offer({ ...base(), note: `SYN x${openerSyn}, no reply` });
      return;
    }
    if (openerSyn > 0 && (opener === 0 ? f.syn1 : f.syn0) === 0 && f.rst === 0 && replies > 0) {
      // Answered, but never with a SYN-ACK: half the conversation is lost.
      this.oneWay.offer({ ...base(), note: `SYN x${openerSyn}, no SYN-ACK` });
      return;
    }
    for (let d = 0; d < 2; d++) {
      const retx = d === 0 ? f.retx0 : f.retx1;
      if (retx < 2) continue;
      const end = d === 0 ? f.end0 : f.end1;
      const peerHasAck = d === 0 ? f.hasAck1 : f.hasAck0;
      const peerAck = d === 0 ? f.ack1 : f.ack0;
      if (!peerHasAck || !before(peerAck, end)) continue;
      const from = d === 0 ? f.a : f.b;
      const to = d === 0 ? f.b : f.a;
      this.stalls.offer({
        ...base(),
        src: n.name(from),
        sport: d === 0 ? f.pa : f.pb,
        dst: n.name(to),
        dport: d === 0 ? f.pb : f.pa,
        packets: d === 0 ? f.pkts0 : f.pkts1,
        retransmits: retx,
        retransmitIpLen: [d === 0 ? f.retxMin0 : f.retxMin1, d === 0 ? f.retxMax0 : f.retxMax1],
        maxAckedIpLen: d === 0 ? f.ackedLen0 : f.ackedLen1,
        unacked: (end - peerAck) >>> 0,
      });
    }
  }
}
