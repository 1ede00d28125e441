/**
 * The two tables the capture analysis updates for nearly every packet, kept in typed arrays: no
 * object per packet, per flow or per node pair, and nothing for the garbage collector.
 *
 * - PairTable: the VXLAN directions (underlay src → dst) and their counters.
 * - FlowTable: bidirectional flows (TCP and UDP, inside the tunnel or plain) with the TCP state that
 *   tells a healthy exchange from a dead one: SYNs never answered, resets, retransmissions of data the
 *   peer never acknowledged (and how big those segments were: the MTU black hole's fingerprint). A
 *   flow is judged and dropped when it closes or goes idle, so memory follows the flows open at once,
 *   not the length of the capture.
 *
 * Both find an entry by open addressing (linear probing) over an Int32Array of entry numbers, keyed
 * by integers: an IPv4 address is its 32 bits, an IPv6 address its interned id (pcap-stats.ts) less
 * 2^32 with a flag in the key saying so.
 */
import type { CaptureFlow, CaptureStall } from '../evidence/capture.js';
import { TopList, type Addresses } from './pcap-stats.js';

export const PROTO_TCP = 6;
export const PROTO_UDP = 17;

/** seconds: conntrack's UDP timeout; a DNS exchange never closes, so idleness ends it */
const UDP_IDLE = 30;
const SYN = 2;
const RST = 4;
const FIN = 1;
const ACK = 16;
const V6_BASE = 4294967296;

/** The low 32 bits of an address number (an IPv6 id is 2^32 + n: n). */
const word = (a: number): number => (a >= V6_BASE ? a - V6_BASE : a) | 0;
const v6bit = (a: number): number => (a >= V6_BASE ? 1 : 0);
/** The address number of a key word and its IPv6 flag. */
const addrOf = (w: number, v6: number): number => (v6 ? V6_BASE + (w >>> 0) : w >>> 0);

/** Mixes two or three key words into a hash whose low bits depend on every input bit. */
function mix(x: number, y: number, z: number): number {
  let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y, 0x85ebca77) ^ Math.imul(z, 0xc2b2ae3d);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

/** VXLAN directions (underlay src → dst), numbered in the order first seen, with their counters. */
export class PairTable {
  count = 0;
  /**
   * The current packet's time in clock[0], shared by the analysis' tables: a time passed as an
   * argument would be a double boxed on the heap at every call, and these run for every packet.
   */
  constructor(private readonly clock: Float64Array) {}

  /** key words per pair: src, dst, IPv6 flags (1: src, 2: dst) */
  private keys = new Int32Array(3 * 16);
  /** open-addressing slots: pair number + 1 (0: empty) */
  private slots = new Int32Array(64);
  private mask = 63;
  src = new Float64Array(16);
  dst = new Float64Array(16);
  packets = new Int32Array(16);
  bytes = new Float64Array(16);
  flows = new Int32Array(16);
  firstTs = new Float64Array(16);
  lastTs = new Float64Array(16);
  maxIpLen = new Int32Array(16);
  badChecksums = new Int32Array(16);
  checked = new Int32Array(16);
  retransmits = new Int32Array(16);
  /** the VNI of the previous packet (the list below is searched only when it changes) */
  lastVni = new Int32Array(16);
  vnis: number[][] = [];

  /** The pair of two IPv4 addresses (as int32), made now (the clock's time) if new. */
  get4(s: number, d: number): number {
    const keys = this.keys;
    const slots = this.slots;
    let i = mix(s, d, 0) & this.mask;
    for (;;) {
      const id = slots[i] - 1;
      if (id < 0) break;
      const k = id * 3;
      if (keys[k] === s && keys[k + 1] === d && keys[k + 2] === 0) return id;
      i = (i + 1) & this.mask;
    }
    return this.add(s >>> 0, d >>> 0);
  }

  /** The pair of two address numbers (IPv4 or IPv6), made now if new. */
  get(src: number, dst: number): number {
    const s = word(src);
    const d = word(dst);
    const f = v6bit(src) | (v6bit(dst) << 1);
    if (f === 0) return this.get4(s, d);
    const keys = this.keys;
    let i = mix(s, d, f) & this.mask;
    for (;;) {
      const id = this.slots[i] - 1;
      if (id < 0) break;
      const k = id * 3;
      if (keys[k] === s && keys[k + 1] === d && keys[k + 2] === f) return id;
      i = (i + 1) & this.mask;
    }
    return this.add(src, dst);
  }

  private add(src: number, dst: number): number {
    const id = this.count++;
    if (id === this.src.length) this.growColumns(id * 2);
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    const s = word(src);
    const d = word(dst);
    const f = v6bit(src) | (v6bit(dst) << 1);
    this.keys[id * 3] = s;
    this.keys[id * 3 + 1] = d;
    this.keys[id * 3 + 2] = f;
    this.place(id, mix(s, d, f));
    this.src[id] = src;
    this.dst[id] = dst;
    this.firstTs[id] = this.clock[0];
    this.lastVni[id] = -1;
    this.vnis.push([]);
    return id;
  }

  private place(id: number, h: number): void {
    let i = h & this.mask;
    while (this.slots[i] !== 0) i = (i + 1) & this.mask;
    this.slots[i] = id + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.count - 1; id++) this.place(id, mix(this.keys[id * 3], this.keys[id * 3 + 1], this.keys[id * 3 + 2]));
  }

  private growColumns(n: number): void {
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const keys = new Int32Array(n * 3);
    keys.set(this.keys);
    this.keys = keys;
    this.src = f64(this.src);
    this.dst = f64(this.dst);
    this.packets = i32(this.packets);
    this.bytes = f64(this.bytes);
    this.flows = i32(this.flows);
    this.firstTs = f64(this.firstTs);
    this.lastTs = f64(this.lastTs);
    this.maxIpLen = i32(this.maxIpLen);
    this.badChecksums = i32(this.badChecksums);
    this.checked = i32(this.checked);
    this.retransmits = i32(this.retransmits);
    this.lastVni = i32(this.lastVni);
  }

  /** Adds `vni` to the pair's list (up to 16) when it differs from the pair's previous one. */
  vni(id: number, vni: number): void {
    if (vni === this.lastVni[id]) return;
    this.lastVni[id] = vni;
    const list = this.vnis[id];
    if (!list.includes(vni) && list.length < 16) list.push(vni);
  }

  /** Pair numbers in the order the evidence lists them before ranking (see pairOrder). */
  order(): number[] {
    return pairOrder(this.src, this.dst, this.count);
  }
}

/** What the evidence reads of the node pairs: PairTable's columns (or a copy of the WebAssembly core's). */
export type PairColumns = Pick<PairTable, 'count' | 'src' | 'dst' | 'packets' | 'bytes' | 'flows' | 'firstTs' | 'lastTs' | 'maxIpLen' | 'badChecksums' | 'checked' | 'retransmits' | 'vnis' | 'order'>;

/**
 * Pair numbers in the order the evidence lists them before ranking (ties in the ranking keep it):
 * by a hash of the two addresses' low 32 bits in 4096 buckets, the newest first within a bucket.
 */
export function pairOrder(src: ArrayLike<number>, dst: ArrayLike<number>, count: number): number[] {
  const bucket = (id: number) => (Math.imul(src[id] | 0, 0x9e3779b1) ^ Math.imul(dst[id] | 0, 0x85ebca77)) >>> 20;
  return Array.from({ length: count }, (_, id) => id).sort((x, y) => bucket(x) - bucket(y) || y - x);
}

// Flow columns: one Int32Array, STRIDE words per flow (the entries of a direction d at FIELD + d).
const K_A = 0; // key: address a (the lower endpoint)
const K_B = 1; // key: address b
const K_PORTS = 2; // key: pa << 16 | pb
const K_VNI = 3; // key: the VNI (0 outside the tunnel)
const K_PROTO = 4; // key: proto | IPv6 flags << 8
const HASH = 5;
const PKTS = 6; // 6, 7
const OPENER = 8; // which endpoint opened it (sent the first SYN, or the first packet); -1 none yet
const SYNS = 9; // 9, 10
const RSTS = 11;
const BITS = 12; // FIN_BIT << d, HAS_END << d, HAS_ACK << d
const END = 13; // 13, 14: the highest sequence end sent
const ACKED = 15; // 15, 16: the highest ACK sent
const RETX = 17; // 17, 18
const RETX_MIN = 19; // 19, 20
const RETX_MAX = 21; // 21, 22
const PEND_LEN = 23; // 23, 24: largest data segment waiting for the peer's ACK (IP length)
const PEND_END = 25; // 25, 26: its sequence end
const ACKED_LEN = 27; // 27, 28: the largest acknowledged
const TUNNEL = 29; // the pair of the first packet's tunnel, or -1
const NEWER = 30; // the list of open flows, newest first (-1 ends it): the sweep walks flows, not slots
const OLDER = 31;
const STRIDE = 32;
/** Int32 words per flow (the WebAssembly core's flow table has the same layout). */
export const FLOW_STRIDE = STRIDE;
const FIN_BIT = 1;
const HAS_END = 4;
const HAS_ACK = 16;

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
  /** flow columns (see STRIDE) and each flow's last packet time (made by growColumns()) */
  private f = new Int32Array(0);
  private last = new Float64Array(0);
  /** open-addressing slots: flow number + 1 (0: empty); at most half full (made by rehash()) */
  private slots = new Int32Array(0);
  private mask = 0;
  /** flow numbers of judged flows, reused for new ones */
  private free: number[] = [];
  /** flow numbers used so far (the next new one) */
  private used = 0;
  private size = 0;
  /** the newest open flow (head of the OLDER list), -1 if none */
  private newest = -1;
  readonly totals: FlowTotals = { overlay: 0, plain: 0, untrackedPackets: 0, tcpFlows: 0, resets: 0, retransmits: 0, synUnanswered: 0 };
  readonly oneWay = new TopList<CaptureFlow>(50, (f) => f.packets);
  readonly stalls = new TopList<CaptureStall>(50, (s) => s.retransmits);

  constructor(
    readonly addrs: Addresses,
    private readonly pairs: PairTable,
    /** the current packet's time in [0] (see PairTable) */
    private readonly clock: Float64Array,
    private readonly maxFlows = 200_000,
    /** a TCP flow without packets for this long is judged and dropped (UDP: 30 s, as conntrack) */
    private readonly idleSeconds = 300,
  ) {
    // Made by the methods that remake them as they grow, from the start: the optimiser then treats
    // them as the variables they are, not as constants whose first change throws its code away.
    this.growColumns(1024);
    this.rehash(2048);
  }

  /**
   * Counts one packet between two address numbers (IPv4 or IPv6), sport → dport, now. For TCP,
   * `tcpOff` points at the TCP header in `buf` and `payload` is the segment's data length from the IP
   * header (not the captured length). `tunnel` is the VXLAN pair it crossed (-1: plain).
   */
  packet(proto: number, src: number, dst: number, sport: number, dport: number, tunnel: number, vni: number, buf: Buffer, tcpOff: number, payload: number, ipLen: number): void {
    if (src < V6_BASE && dst < V6_BASE) {
      this.packet4(proto, src | 0, dst | 0, sport, dport, tunnel, vni, buf, tcpOff, payload, ipLen);
      return;
    }
    // Canonical order: the lower endpoint is "a", so both directions land in one entry.
    const fwd = src < dst || (src === dst && sport <= dport);
    const a = fwd ? src : dst;
    const b = fwd ? dst : src;
    const ports = fwd ? (sport << 16) | dport : (dport << 16) | sport;
    const pk = proto | (v6bit(a) << 8) | (v6bit(b) << 9);
    const id = this.findOrOpen(word(a), word(b), ports, vni, pk, tunnel);
    if (id >= 0) this.count(id, fwd ? 0 : 1, proto, tunnel, buf, tcpOff, payload, ipLen);
  }

  /** packet() for two IPv4 addresses given as int32. */
  packet4(proto: number, s: number, d: number, sport: number, dport: number, tunnel: number, vni: number, buf: Buffer, tcpOff: number, payload: number, ipLen: number): void {
    const us = s >>> 0;
    const ud = d >>> 0;
    const fwd = us < ud || (us === ud && sport <= dport);
    // One call site each (not one per direction): every copy inlined is compiled again.
    const id = this.findOrOpen(fwd ? s : d, fwd ? d : s, fwd ? (sport << 16) | dport : (dport << 16) | sport, vni, proto, tunnel);
    if (id >= 0) this.count(id, fwd ? 0 : 1, proto, tunnel, buf, tcpOff, payload, ipLen);
  }

  /** `tunnel`: the pair this packet crossed (a retransmission counts there, not at the flow's first). */
  private count(id: number, d: number, proto: number, tunnel: number, buf: Buffer, tcpOff: number, payload: number, ipLen: number): void {
    const f = this.f;
    const o = id * STRIDE;
    this.last[id] = this.clock[0];
    f[o + PKTS + d]++;
    if (f[o + OPENER] < 0) f[o + OPENER] = d;
    if (proto === PROTO_TCP) this.tcp(o, d, tunnel, buf, tcpOff, payload, ipLen);
  }

  /** The open flow of this key, or a new one (-1 when the table is full: the packet is untracked). */
  private findOrOpen(a: number, b: number, ports: number, vni: number, pk: number, tunnel: number): number {
    const h = mix(a, b, ports) ^ Math.imul(vni ^ (pk << 24), 0x27d4eb2d);
    const f = this.f;
    const slots = this.slots;
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const id = slots[i] - 1;
      if (id < 0) break;
      const o = id * STRIDE;
      if (f[o + HASH] === h && f[o + K_A] === a && f[o + K_B] === b && f[o + K_PORTS] === ports && f[o + K_VNI] === vni && f[o + K_PROTO] === pk) return id;
      i = (i + 1) & mask;
    }
    if (this.size >= this.maxFlows) {
      this.totals.untrackedPackets++;
      return -1;
    }
    return this.open(i, h, a, b, ports, vni, pk, tunnel);
  }

  /** A new flow in the empty slot `i`. */
  private open(i: number, h: number, a: number, b: number, ports: number, vni: number, pk: number, tunnel: number): number {
    let id: number;
    if (this.free.length > 0) id = this.free.pop()!;
    else {
      id = this.used++;
      if (id === this.last.length) this.growColumns(id * 2);
    }
    const f = this.f;
    const o = id * STRIDE;
    // A loop, not f.fill(): a call into the runtime per new flow cost more than the 32 stores.
    for (let k = o + STRIDE - 1; k >= o; k--) f[k] = 0;
    f[o + K_A] = a;
    f[o + K_B] = b;
    f[o + K_PORTS] = ports;
    f[o + K_VNI] = vni;
    f[o + K_PROTO] = pk;
    f[o + HASH] = h;
    f[o + OPENER] = -1;
    f[o + TUNNEL] = tunnel;
    f[o + NEWER] = -1;
    f[o + OLDER] = this.newest;
    if (this.newest >= 0) f[this.newest * STRIDE + NEWER] = id;
    this.newest = id;
    this.last[id] = this.clock[0];
    this.slots[i] = id + 1;
    if (++this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    if (tunnel >= 0) {
      this.totals.overlay++;
      this.pairs.flows[tunnel]++;
    } else this.totals.plain++;
    if ((pk & 0xff) === PROTO_TCP) this.totals.tcpFlows++;
    return id;
  }

  private growColumns(n: number): void {
    const f = new Int32Array(n * STRIDE);
    f.set(this.f);
    this.f = f;
    const last = new Float64Array(n);
    last.set(this.last);
    this.last = last;
  }

  /** Doubles the slots and places every open flow again (found through the list of open flows). */
  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    const f = this.f;
    for (let id = this.newest; id >= 0; id = f[id * STRIDE + OLDER]) {
      let i = f[id * STRIDE + HASH] & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** The TCP header at buf[t]; `len` the segment's data length, `ipLen` the IP packet's. */
  private tcp(o: number, d: number, tunnel: number, buf: Buffer, t: number, len: number, ipLen: number): void {
    const f = this.f;
    const flags = buf[t + 13];
    const seq = (buf[t + 4] << 24) | (buf[t + 5] << 16) | (buf[t + 6] << 8) | buf[t + 7];
    // This direction's entries at od + FIELD, the other's at oe + FIELD; the flag bits kept in a local.
    const od = o + d;
    const oe = o + 1 - d;
    let bits = f[o + BITS];
    if (flags & SYN) {
      const syns = ++f[od + SYNS];
      if (!(flags & ACK) && syns === 1 && f[oe + SYNS] === 0) f[o + OPENER] = d;
      f[od + END] = (seq + 1) | 0;
      bits |= HAS_END << d;
    } else if (len > 0) {
      const end = (seq + len) | 0;
      const maxEnd = f[od + END];
      if (!(bits & (HAS_END << d)) || before(maxEnd, end)) {
        f[od + END] = end;
        bits |= HAS_END << d;
        if (ipLen > f[od + PEND_LEN]) {
          f[od + PEND_LEN] = ipLen;
          f[od + PEND_END] = end;
        }
      } else if (!(len <= 1 && end === maxEnd)) {
        // Data at or below what was already sent: a retransmission (keep-alive probes excepted).
        this.totals.retransmits++;
        if (tunnel >= 0) this.pairs.retransmits[tunnel]++;
        f[od + RETX]++;
        // Both tests run every time (no short cut): the optimiser sees each from the first retransmission.
        const min = f[od + RETX_MIN];
        const smaller = ipLen < min;
        if (smaller || min === 0) f[od + RETX_MIN] = ipLen;
        if (ipLen > f[od + RETX_MAX]) f[od + RETX_MAX] = ipLen;
      }
    }
    if (flags & ACK) {
      const ack = (buf[t + 8] << 24) | (buf[t + 9] << 16) | (buf[t + 10] << 8) | buf[t + 11];
      // d acknowledges the other direction's data.
      if (!(bits & (HAS_ACK << d)) || before(f[od + ACKED], ack)) {
        f[od + ACKED] = ack;
        bits |= HAS_ACK << d;
        const pend = f[oe + PEND_LEN];
        if (pend && !before(ack, f[oe + PEND_END])) {
          if (pend > f[oe + ACKED_LEN]) f[oe + ACKED_LEN] = pend;
          f[oe + PEND_LEN] = 0;
        }
      }
    }
    if (flags & FIN) bits |= FIN_BIT << d;
    f[o + BITS] = bits;
    if (flags & RST) {
      f[o + RSTS]++;
      this.totals.resets++;
      this.close(o / STRIDE);
    } else if ((bits & (FIN_BIT | (FIN_BIT << 1))) === 3 && flags & ACK && !(flags & FIN)) {
      // Closed both ways and acknowledged: judge it now and free the entry.
      this.close(o / STRIDE);
    }
  }

  /** Judges flow `id` and drops it from the slots and from the list of open flows. */
  private close(id: number): void {
    this.judge(id);
    const f = this.f;
    const o = id * STRIDE;
    // Backward-shift deletion: later entries of the probe run move up, so no run is cut short.
    const slots = this.slots;
    const mask = this.mask;
    let i = f[o + HASH] & mask;
    while (slots[i] !== id + 1) i = (i + 1) & mask;
    for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
      const other = slots[j] - 1;
      if (other < 0) break;
      // Move `other` into the hole at i if its home slot is at or before the hole (cyclically): it is
      // at least as far from its home as the hole is from j.
      const home = f[other * STRIDE + HASH] & mask;
      if (((j - home) & mask) >= ((j - i) & mask)) {
        slots[i] = other + 1;
        i = j;
      }
    }
    slots[i] = 0;
    const newer = f[o + NEWER];
    const older = f[o + OLDER];
    if (newer >= 0) f[newer * STRIDE + OLDER] = older;
    else this.newest = older;
    if (older >= 0) f[older * STRIDE + NEWER] = newer;
    this.size--;
    this.free.push(id);
  }

  /** Judges and drops flows idle since before `now - idleSeconds` (UDP: `now - 30`). */
  sweep(now: number): void {
    const f = this.f;
    for (let id = this.newest; id >= 0; ) {
      const older = f[id * STRIDE + OLDER];
      if (this.last[id] < now - ((f[id * STRIDE + K_PROTO] & 0xff) === PROTO_TCP ? this.idleSeconds : UDP_IDLE)) this.close(id);
      id = older;
    }
  }

  /** Judges every flow still open (the end of the capture), oldest first as they were opened. */
  finish(): void {
    const f = this.f;
    let oldest = this.newest;
    while (oldest >= 0 && f[oldest * STRIDE + OLDER] >= 0) oldest = f[oldest * STRIDE + OLDER];
    for (let id = oldest; id >= 0; id = f[id * STRIDE + NEWER]) this.judge(id);
    this.slots.fill(0);
    this.newest = -1;
    this.size = 0;
    this.free = [];
    this.used = 0;
  }

  private judge(id: number): void {
    judgeFlow(this.f, id * STRIDE, this);
  }

  pairSrc(t: number): number {
    return this.pairs.src[t];
  }

  pairDst(t: number): number {
    return this.pairs.dst[t];
  }
}

/** Where a judged flow's findings go, and what naming them needs. */
export interface JudgeContext {
  readonly addrs: Addresses;
  pairSrc(pair: number): number;
  pairDst(pair: number): number;
  readonly totals: FlowTotals;
  readonly oneWay: TopList<CaptureFlow>;
  readonly stalls: TopList<CaptureStall>;
}

/**
 * Judges the flow whose columns start at f[o] (see STRIDE): a SYN never answered, an answer without
 * SYN-ACK, a direction stalled on retransmissions. Used by FlowTable and, on the WebAssembly core's
 * flow table (the same layout), by src/parsers/pcap-wasm.ts.
 */
export function judgeFlow(f: Int32Array, o: number, ctx: JudgeContext): void {
  if ((f[o + K_PROTO] & 0xff) !== PROTO_TCP) return;
  const n = ctx.addrs;
  const pk = f[o + K_PROTO];
  const fa = addrOf(f[o + K_A], (pk >> 8) & 1);
  const fb = addrOf(f[o + K_B], (pk >> 9) & 1);
  const fpa = f[o + K_PORTS] >>> 16;
  const fpb = f[o + K_PORTS] & 0xffff;
  const opener = f[o + OPENER] === 1 ? 1 : 0;
  const other = 1 - opener;
  const src = opener === 0 ? fa : fb;
  const dst = opener === 0 ? fb : fa;
  const sport = opener === 0 ? fpa : fpb;
  const dport = opener === 0 ? fpb : fpa;
  const pkts = f[o + PKTS] + f[o + PKTS + 1];
  // A healthy flow (most of them) is judged without building anything: the record is made only for a finding.
  const base = (): CaptureFlow => {
    const r: CaptureFlow = { proto: 'tcp', src: n.name(src), sport, dst: n.name(dst), dport, packets: pkts };
    const t = f[o + TUNNEL];
    if (t >= 0) r.tunnel = { src: n.name(ctx.pairSrc(t)), dst: n.name(ctx.pairDst(t)), vni: f[o + K_VNI] };
    return r;
  };
  const openerSyn = f[o + SYNS + opener];
  const replies = f[o + PKTS + other];
  if (openerSyn > 0 && replies === 0) {
    ctx.totals.synUnanswered++;
    ctx.oneWay.offer({ ...base(), note: `SYN x${openerSyn}, no reply` });
    return;
  }
  if (openerSyn > 0 && f[o + SYNS + other] === 0 && f[o + RSTS] === 0 && replies > 0) {
    // Answered, but never with a SYN-ACK: half the conversation is lost.
    ctx.oneWay.offer({ ...base(), note: `SYN x${openerSyn}, no SYN-ACK` });
    return;
  }
  for (let d = 0; d < 2; d++) {
    const retx = f[o + RETX + d];
    if (retx < 2) continue;
    const end = f[o + END + d];
    const e = 1 - d;
    const peerHasAck = (f[o + BITS] & (HAS_ACK << e)) !== 0;
    const peerAck = f[o + ACKED + e];
    if (!peerHasAck || !before(peerAck, end)) continue;
    ctx.stalls.offer({
      ...base(),
      src: n.name(d === 0 ? fa : fb),
      sport: d === 0 ? fpa : fpb,
      dst: n.name(d === 0 ? fb : fa),
      dport: d === 0 ? fpb : fpa,
      packets: f[o + PKTS + d],
      retransmits: retx,
      retransmitIpLen: [f[o + RETX_MIN + d], f[o + RETX_MAX + d]],
      maxAckedIpLen: f[o + ACKED_LEN + d],
      unacked: (end - peerAck) >>> 0,
    });
  }
}
