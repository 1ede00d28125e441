// AssemblyScript (compiled to WebAssembly by scripts/build-wasm.mjs into src/parsers/pcap-core-wasm.ts).
//
// The per-packet hot loop of the capture analysis (src/parsers/pcap-analyze.ts): classic pcap record
// framing, the common packet shapes (IPv4 over any link type the full decoder knows; VXLAN carrying
// IPv4 TCP/UDP; plain IPv4 TCP/UDP), the node-pair table, the flow table with its TCP state, the
// sampled outer checksum, and the counters. It is a port of PairTable and FlowTable
// (src/parsers/pcap-flows.ts) and of CaptureAnalyzer.fast()/tunnel()/verify(): the same keys, the same
// orders, the same arithmetic, so the report is byte-identical to the JavaScript decoder's, which stays
// the fallback and the reference (src/parsers/pcap.test.ts compares the two).
//
// What is rare or builds text stays in JavaScript: a packet of another shape is declined (STOP_OTHER)
// and the JavaScript decoder takes it, calling back in here for the shared tables (DNS too); a flow
// with a finding is judged there (judged()). DNS matching (DnsTracker, src/parsers/pcap-dns.ts) is
// here: in JavaScript it cost ~170 instructions per packet of the bench capture, and the optimising
// compiler's work on it as much again; what it reports is built in JavaScript (pcap-wasm.ts).
//
// Calls: the per-packet path is one function, walkPcap() with fast() and everything it calls for a
// common packet inlined (@inline; exported functions that JavaScript also calls keep a thin export
// around an inlined body). V8 does not inline WebAssembly calls, and each one cost about 20
// instructions (frame, stack check, arguments spilled and reloaded): inlining took the analysis'
// instructions per packet (DNS aside) from ~950 to ~760 on the bench capture (valgrind --tool=cachegrind, the
// difference between a 64 MB and a 128 MB prefix). What stays a call is rare: a new flow, a closed
// one, a sampled checksum, a sweep.
//
// Memory: a bump allocator over linear memory. Tables grow by doubling into a new block (the old one
// is left: at most as much again), so memory follows the pairs and the flows open at once, never the
// length of the file. The read window is a block the reader fills.

@external("env", "judged")
declare function judged(flow: i32): void;
@external("env", "vniSwitch")
declare function vniSwitch(old: i32, count: i32, vni: i32): void;
@external("env", "pairVni")
declare function pairVni(pair: i32, vni: i32): void;
/** LatencyHistogram.bucket(ms), in JavaScript: for a latency on a bucket's edge (see bucketOf()). */
@external("env", "dnsBucket")
declare function dnsBucket(ms: f64): i32;
/** A query of `client` to server number `server` counted unanswered (JavaScript keeps who, in order). */
@external("env", "dnsUnanswered")
declare function dnsUnanswered(server: i32, client: f64): void;

const PROTO_TCP: i32 = 6;
const PROTO_UDP: i32 = 17;
const MAX_RECORD: i32 = 64 << 20;
const UDP_IDLE: f64 = 30;
const SYN: i32 = 2;
const RST: i32 = 4;
const FIN: i32 = 1;
const ACK: i32 = 16;
const V6_BASE: f64 = 4294967296;
const CHECKSUM_EVERY: i32 = 16;
const CHECKSUM_FIRST: i32 = 64;

// ---- memory ----
let top: usize = 0;

/** A zeroed block of n bytes, 64-byte aligned (grown memory is zero; blocks are never reused). */
export function alloc(n: usize): usize {
  if (top == 0) top = (__heap_base + 63) & ~63;
  const p = top;
  top = (p + n + 63) & ~63;
  const pages = <i32>((top + 0xffff) >> 16);
  const have = memory.size();
  if (pages > have && memory.grow(pages - have) < 0) unreachable();
  return p;
}

@inline function be16(p: usize): i32 {
  return (<i32>load<u8>(p) << 8) | <i32>load<u8>(p + 1);
}
@inline function be32(p: usize): i32 {
  return bswap<i32>(load<i32>(p));
}

// ---- state shared with JavaScript ----
/** the current packet's time */
let now: f64 = 0;
let nextSweep: f64 = 0;
let vxPorts: usize = 0;
// Counters of the packets taken here (JavaScript adds its own). Whole numbers: packets and bytes as
// integers (exact, as the doubles were below 2^53, and no conversion per packet).
let packets: u64 = 0;
let bytes: u64 = 0;
let firstTs: f64 = Infinity;
let lastTs: f64 = 0;
let snapCut: i32 = 0;
let maxOuter: i32 = 0;
let maxInner: i32 = 0;
let vxlanPackets: i32 = 0;
let csGood: i32 = 0;
let csZero: i32 = 0;
let csPartial: i32 = 0;
let csBad: i32 = 0;
let csUnverifiable: i32 = 0;
let csSkipped: i32 = 0;
// The VNI counter: the current VNI and its packets since it became current (JavaScript keeps the map).
let curVni: i32 = -1;
let curVniCount: i32 = 0;
/** Why walkPcap() stopped and how many it took: out[0..1] (see OUT_*). */
let out: usize = 0;
const OUT_STOP = 0;
const OUT_TAKEN = 1;
const STOP_END = 0;
const STOP_OTHER = 1;

export function init(maxFlowsArg: i32, idle: f64): void {
  out = alloc(64);
  dnsInit();
  vxPorts = alloc(65536);
  maxFlows = maxFlowsArg;
  idleSeconds = idle;
  pairsGrow(16);
  pairsRehash(256);
  const reserve = maxFlows < 1024 ? 1024 : maxFlows > FLOW_RESERVE ? FLOW_RESERVE : maxFlows;
  flowsGrow(reserve);
  fSlotCap = 4096;
  while (fSlotCap < reserve * 4) fSlotCap <<= 1;
  fSlots = alloc(<usize>fSlotCap << 3);
  flowsRehash(4096);
}
export function outPtr(): usize {
  return out;
}
export function setVxPort(port: i32): void {
  // indexed by the port's two bytes as the packet holds them, read little-endian (no swap per packet)
  store<u8>(vxPorts + <usize>bswap<u16>(<u16>port), 1);
}
export function clock(): f64 {
  return now;
}
export function setClock(t: f64): void {
  now = t;
}
/** counters: [packets, bytes, firstTs, lastTs, snapCut, maxOuter, maxInner, vxlanPackets, good, zero, partial, bad, unverifiable, skipped, overlay, plain, untracked, tcpFlows, resets, retransmits] */
export function counter(i: i32): f64 {
  switch (i) {
    case 0: return <f64>packets;
    case 1: return <f64>bytes;
    case 2: return firstTs;
    case 3: return lastTs;
    case 4: return snapCut;
    case 5: return maxOuter;
    case 6: return maxInner;
    case 7: return vxlanPackets;
    case 8: return csGood;
    case 9: return csZero;
    case 10: return csPartial;
    case 11: return csBad;
    case 12: return csUnverifiable;
    case 13: return csSkipped;
    case 14: return tOverlay;
    case 15: return tPlain;
    case 16: return tUntracked;
    case 17: return tTcpFlows;
    case 18: return tResets;
    case 19: return tRetransmits;
  }
  return 0;
}

// ---- VNIs ----
export function vniPacket(vni: i32): void {
  vniSeen(vni);
}
@inline function vniSeen(vni: i32): void {
  if (vni != curVni) {
    vniSwitch(curVni, curVniCount, vni);
    curVni = vni;
    curVniCount = 0;
  }
  curVniCount++;
}
/** Hands the current VNI's count to JavaScript (the end of the capture). */
export function vniFlush(): void {
  if (curVni >= 0) vniSwitch(curVni, curVniCount, -1);
  curVniCount = 0;
}

// ---- node pairs (PairTable) ----
// A pair: PSTRIDE bytes. f64: src 0, dst 8, bytes 16, firstTs 24, lastTs 32; i32: key words 40, 44, 48,
// packets 52, flows 56, maxIpLen 60, badChecksums 64, checked 68, retransmits 72, lastVni 76.
const PSTRIDE: usize = 80;
const P_SRC = 0;
const P_DST = 8;
const P_BYTES = 16;
const P_FIRST = 24;
const P_LAST = 32;
const P_K0 = 40;
const P_K1 = 44;
const P_K2 = 48;
const P_PACKETS = 52;
const P_FLOWS = 56;
const P_MAXIP = 60;
const P_BAD = 64;
const P_CHECKED = 68;
const P_RETX = 72;
const P_LASTVNI = 76;
let pairs: usize = 0;
let pairCap: i32 = 0;
let pairCount: i32 = 0;
let pSlots: usize = 0;
let pSlotCount: i32 = 0;
let pMask: i32 = 0;

export function pairsPtr(): usize {
  return pairs;
}
export function pairsCount(): i32 {
  return pairCount;
}

@inline function mix(x: i32, y: i32, z: i32): i32 {
  let h = (x * <i32>0x9e3779b1) ^ (y * <i32>0x85ebca77) ^ (z * <i32>0xc2b2ae3d);
  h ^= h >>> 16;
  h = h * <i32>0x85ebca6b;
  h ^= h >>> 13;
  return h;
}

function pairsGrow(n: i32): void {
  const p = alloc(<usize>n * PSTRIDE);
  if (pairCap > 0) memory.copy(p, pairs, <usize>pairCap * PSTRIDE);
  pairs = p;
  pairCap = n;
}

function pairsRehash(size: i32): void {
  pSlots = alloc(<usize>size << 2);
  pSlotCount = size;
  pMask = size - 1;
  // the pairs before the one being added (as PairTable.rehash)
  for (let id = 0; id < pairCount - 1; id++) {
    const r = pairs + <usize>id * PSTRIDE;
    pairPlace(id, pairHash(load<u64>(r + P_K0), load<i32>(r + P_K2)));
  }
}

function pairPlace(id: i32, h: i32): void {
  let i = h & pMask;
  while (load<i32>(pSlots + (<usize>i << 2)) != 0) i = (i + 1) & pMask;
  store<i32>(pSlots + (<usize>i << 2), id + 1);
}

@inline function word(a: f64): i32 {
  return <i32>(<u32>(<i64>(a >= V6_BASE ? a - V6_BASE : a)));
}
@inline function v6bit(a: f64): i32 {
  return a >= V6_BASE ? 1 : 0;
}

// A pair's key: its two address words as the packet holds them (network order read as little-endian
// words: an IPv4 header's source and destination are one 8-byte load), and whether each is IPv6.
/** The slot of a pair's key (only where a pair sits: any hash finds the same pairs). */
@inline function pairHash(key: u64, f: i32): i32 {
  // splitmix64's finaliser: the key's varying bits (the addresses' last bytes, at the top of each word)
  // reach the low bits the slot is taken from (mix() of the two words left them in the high ones)
  let x = key ^ <u64>f;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9;
  x = (x ^ (x >> 27)) * 0x94d049bb133111eb;
  return <i32>(x ^ (x >> 31));
}
/** The key of two address numbers (IPv4 or IPv6, as JavaScript numbers them). */
@inline function pairKey(src: f64, dst: f64): u64 {
  return <u64>bswap<u32>(<u32>word(src)) | (<u64>bswap<u32>(<u32>word(dst)) << 32);
}

/** The pair of the IPv4 addresses at a (source, then destination: 8 bytes), made now if new. */
@inline function pairGet4(a: usize): i32 {
  const key = load<u64>(a);
  const i = pairHash(key, 0) & pMask;
  // the first slot tried here, nearly always the one; the probe on in a call
  const first = load<i32>(pSlots + (<usize>i << 2)) - 1;
  if (first >= 0) {
    const r = pairs + <usize>first * PSTRIDE;
    if (((load<u64>(r + P_K0) ^ key) | <u64><u32>load<i32>(r + P_K2)) == 0) return first;
  }
  return pairFind(key, i);
}

/** pairGet4() from slot i on. */
function pairFind(key: u64, i: i32): i32 {
  for (;;) {
    const id = load<i32>(pSlots + (<usize>i << 2)) - 1;
    if (id < 0) break;
    const r = pairs + <usize>id * PSTRIDE;
    // P_K0 and P_K1 in one load (a record is 80 bytes from a 64-byte boundary: P_K0 is 8-aligned)
    if (((load<u64>(r + P_K0) ^ key) | <u64><u32>load<i32>(r + P_K2)) == 0) return id;
    i = (i + 1) & pMask;
  }
  return pairAdd(<f64>bswap<u32>(<u32>key), <f64>bswap<u32>(<u32>(key >> 32)));
}

/** The pair of two address numbers (IPv4 or IPv6, as JavaScript numbers them), made now if new. */
export function pairGet(src: f64, dst: f64): i32 {
  const key = pairKey(src, dst);
  const f = v6bit(src) | (v6bit(dst) << 1);
  let i = pairHash(key, f) & pMask;
  for (;;) {
    const id = load<i32>(pSlots + (<usize>i << 2)) - 1;
    if (id < 0) break;
    const r = pairs + <usize>id * PSTRIDE;
    if (load<u64>(r + P_K0) == key && load<i32>(r + P_K2) == f) return id;
    i = (i + 1) & pMask;
  }
  return pairAdd(src, dst);
}

function pairAdd(src: f64, dst: f64): i32 {
  const id = pairCount++;
  if (id == pairCap) pairsGrow(id * 2);
  // a sixteenth full at most: node pairs are few, and a probe past the first slot is a call
  if (pairCount * 16 > pSlotCount) pairsRehash(pSlotCount * 2);
  const key = pairKey(src, dst);
  const f = v6bit(src) | (v6bit(dst) << 1);
  const r = pairs + <usize>id * PSTRIDE;
  memory.fill(r, 0, PSTRIDE);
  store<u64>(r + P_K0, key);
  store<i32>(r + P_K2, f);
  pairPlace(id, pairHash(key, f));
  store<f64>(r + P_SRC, src);
  store<f64>(r + P_DST, dst);
  store<f64>(r + P_FIRST, now);
  store<i32>(r + P_LASTVNI, -1);
  return id;
}

/** A VXLAN packet of `ipLen` bytes on the pair, now: returns the pair's packet count. */
export function pairPacket(pair: i32, ipLen: i32): i32 {
  return pairCounted(pair, ipLen);
}
@inline function pairCounted(pair: i32, ipLen: i32): i32 {
  const r = pairs + <usize>pair * PSTRIDE;
  const pp = load<i32>(r + P_PACKETS) + 1;
  store<i32>(r + P_PACKETS, pp);
  store<f64>(r + P_BYTES, load<f64>(r + P_BYTES) + <f64>ipLen);
  store<f64>(r + P_LAST, now);
  if (ipLen > load<i32>(r + P_MAXIP)) store<i32>(r + P_MAXIP, ipLen);
  vxlanPackets++;
  return pp;
}
export function pairChecked(pair: i32): i32 {
  return checkedOn(pair);
}
@inline function checkedOn(pair: i32): i32 {
  return load<i32>(pairs + <usize>pair * PSTRIDE + P_CHECKED);
}
export function pairChecksum(pair: i32, bad: i32): void {
  const r = pairs + <usize>pair * PSTRIDE;
  store<i32>(r + P_CHECKED, load<i32>(r + P_CHECKED) + 1);
  if (bad) store<i32>(r + P_BAD, load<i32>(r + P_BAD) + 1);
}
export function pairSetVni(pair: i32, vni: i32): void {
  pairVniSeen(pair, vni);
}
@inline function pairVniSeen(pair: i32, vni: i32): void {
  const r = pairs + <usize>pair * PSTRIDE + P_LASTVNI;
  if (vni == load<i32>(r)) return;
  store<i32>(r, vni);
  pairVni(pair, vni);
}

// ---- flows (FlowTable) ----
const K_A = 0;
const K_B = 1;
const K_PORTS = 2;
const K_VNI = 3;
const K_PROTO = 4;
const HASH = 5;
const PKTS = 6;
const OPENER = 8;
const SYNS = 9;
const RSTS = 11;
const BITS = 12;
const END = 13;
const ACKED = 15;
const RETX = 17;
const RETX_MIN = 19;
const RETX_MAX = 21;
const PEND_LEN = 23;
const PEND_END = 25;
const ACKED_LEN = 27;
const TUNNEL = 29;
const STRIDE = 32;
const FIN_BIT = 1;
const HAS_END = 4;
const HAS_ACK = 16;

let maxFlows: i32 = 200000;
let idleSeconds: f64 = 300;
/** flow columns: STRIDE i32 words per flow; last: f64 per flow; free: a stack of flow numbers */
let fl: usize = 0;
/**
 * Per flow, apart from its record: its last packet's time (f64 at 0) and its neighbours in the order
 * opened (older at 8, newer at 12), 16 bytes, and whether it is TCP (a byte in flTcp). A sweep walks
 * every open flow: through these dense arrays rather than the 128-byte records (two cache misses a flow).
 */
let flLink: usize = 0;
let flTcp: usize = 0;
let flFree: usize = 0;
let freeCount: i32 = 0;
let flCap: i32 = 0;
let fSlots: usize = 0;
let fSlotCount: i32 = 0;
/**
 * Flows (records, times, free list) and their slots are reserved for up to this many flows (or the
 * limit, if lower) at the start: memory is only taken where first touched, so the table costs what the
 * flows open at once use, and filling up to here does not move it (a move touched the whole new table).
 * About 10 MB: V8 counts a module's memory as the heap's external memory, and growing it past ~32 MB
 * at once made it collect garbage (a full mark-compact).
 */
const FLOW_RESERVE: i32 = 1 << 16;
let fSlotCap: i32 = 0;
let fMask: i32 = 0;
let used: i32 = 0;
let size: i32 = 0;
let newest: i32 = -1;
let tOverlay: i32 = 0;
let tPlain: i32 = 0;
let tUntracked: i32 = 0;
let tTcpFlows: i32 = 0;
let tResets: i32 = 0;
let tRetransmits: i32 = 0;

export function flowsPtr(): usize {
  return fl;
}

/** The memory the tables have taken: what was allocated, less the reserved flows and slots never used. */
export function footprint(): usize {
  return top - <usize>(flCap - used) * (STRIDE * 4 + LINK + 1 + 4) - (<usize>(fSlotCap - fSlotCount) << 3);
}

@inline function F(i: i32): i32 {
  return load<i32>(fl + (<usize>i << 2));
}
@inline function setF(i: i32, v: i32): void {
  store<i32>(fl + (<usize>i << 2), v);
}
// A slot: the flow's number + 1 (0: empty) and its hash, so that a probe past another flow, and the
// deletion's shifts, read the slots alone and not the flows' records.
@inline function slot(i: i32): i32 {
  return load<i32>(fSlots + (<usize>i << 3));
}
@inline function slotHash(i: i32): i32 {
  return load<i32>(fSlots + (<usize>i << 3) + 4);
}
@inline function setSlot(i: i32, v: i32, h: i32): void {
  store<u64>(fSlots + (<usize>i << 3), <u64><u32>v | (<u64><u32>h << 32));
}
@inline function before(x: i32, y: i32): bool {
  return x - y < 0;
}

const LINK = 16;
const L_OLDER = 8;
const L_NEWER = 12;
@inline function older(id: i32): i32 {
  return load<i32>(flLink + <usize>id * LINK + L_OLDER);
}
@inline function newer(id: i32): i32 {
  return load<i32>(flLink + <usize>id * LINK + L_NEWER);
}

function flowsGrow(n: i32): void {
  const f = alloc(<usize>n * STRIDE * 4);
  const link = alloc(<usize>n * LINK);
  const tcp = alloc(<usize>n);
  const free = alloc(<usize>n * 4);
  if (flCap > 0) {
    memory.copy(f, fl, <usize>flCap * STRIDE * 4);
    memory.copy(link, flLink, <usize>flCap * LINK);
    memory.copy(tcp, flTcp, <usize>flCap);
    memory.copy(free, flFree, <usize>freeCount * 4);
  }
  fl = f;
  flLink = link;
  flTcp = tcp;
  flFree = free;
  flCap = n;
}

function flowsRehash(n: i32): void {
  if (n > fSlotCap) {
    fSlots = alloc(<usize>n << 3);
    fSlotCap = n;
  } else memory.fill(fSlots, 0, <usize>n << 3);
  fSlotCount = n;
  fMask = n - 1;
  for (let id = newest; id >= 0; id = older(id)) {
    const h = F(id * STRIDE + HASH);
    let i = h & fMask;
    while (slot(i) != 0) i = (i + 1) & fMask;
    setSlot(i, id + 1, h);
  }
}

/** FlowTable.packet() for address numbers; `flags`, `seq`, `ack`: the TCP header's (TCP only). */
export function flowPacket(proto: i32, src: f64, dst: f64, sport: i32, dport: i32, tunnel: i32, vni: i32, flags: i32, seq: i32, ack: i32, payload: i32, ipLen: i32): void {
  if (src < V6_BASE && dst < V6_BASE) {
    flowPacket4(proto, <u32>word(src), <u32>word(dst), (<u32>sport << 16) | <u32>dport, tunnel, vni, flags, seq, ack, payload, ipLen);
    return;
  }
  const fwd = src < dst || (src == dst && sport <= dport);
  const a = fwd ? src : dst;
  const b = fwd ? dst : src;
  const ports = fwd ? (sport << 16) | dport : (dport << 16) | sport;
  const pk = proto | (v6bit(a) << 8) | (v6bit(b) << 9);
  const id = findOrOpen(<u64><u32>word(a) | (<u64><u32>word(b) << 32), <u64><u32>ports | (<u64><u32>vni << 32), pk, tunnel);
  if (id >= 0) count(id, fwd ? 0 : 1, proto, tunnel, flags, seq, ack, payload, ipLen);
}

/**
 * An IPv4 flow's packet: s and d the addresses, sd the ports (source in the upper half). The flow's
 * key is ordered by (address, port), each pair compared as one 48-bit number.
 */
@inline function flowPacket4(proto: i32, s: u32, d: u32, sd: u32, tunnel: i32, vni: i32, flags: i32, seq: i32, ack: i32, payload: i32, ipLen: i32): void {
  const fwd = ((<u64>s << 16) | <u64>(sd >>> 16)) <= ((<u64>d << 16) | <u64>(sd & 0xffff));
  const a = fwd ? s : d;
  const b = fwd ? d : s;
  const ports = fwd ? sd : rotr<u32>(sd, 16);
  const id = findOrOpen(<u64>a | (<u64>b << 32), <u64>ports | (<u64><u32>vni << 32), proto, tunnel);
  if (id >= 0) count(id, fwd ? 0 : 1, proto, tunnel, flags, seq, ack, payload, ipLen);
}

// count() and tcp() address the record through a local pointer (R/W): through F()/setF() the flows'
// base, a global, was loaded again for every field.
@inline function R(r: usize, i: i32): i32 {
  return load<i32>(r + (<usize>i << 2));
}
@inline function W(r: usize, i: i32, v: i32): void {
  store<i32>(r + (<usize>i << 2), v);
}

@inline function count(id: i32, d: i32, proto: i32, tunnel: i32, flags: i32, seq: i32, ack: i32, len: i32, ipLen: i32): void {
  const r = fl + (<usize>(id * STRIDE) << 2);
  const rd = r + (<usize>d << 2);
  store<f64>(flLink + <usize>id * LINK, now);
  W(rd, PKTS, R(rd, PKTS) + 1);
  if (R(r, OPENER) < 0) W(r, OPENER, d);
  if (proto == PROTO_TCP) tcp(r, id, d, tunnel, flags, seq, ack, len, ipLen);
}

/** The flow of key ab (K_A, K_B), pv (K_PORTS, K_VNI) and pk (K_PROTO), opened now if new; -1: over the limit. */
@inline function findOrOpen(ab: u64, pv: u64, pk: i32, tunnel: i32): i32 {
  const h = mix(<i32>ab, <i32>(ab >> 32), <i32>pv) ^ ((<i32>(pv >> 32) ^ (pk << 24)) * <i32>0x27d4eb2d);
  const i = h & fMask;
  // the first slot here, nearly always the flow's; the probe on, and opening a flow, in a call
  const sl = load<u64>(fSlots + (<usize>i << 3));
  const id = <i32>sl - 1;
  if (id >= 0 && <i32>(sl >> 32) == h) {
    const r = fl + (<usize>id << 7);
    if (((load<u64>(r) ^ ab) | (load<u64>(r + 8) ^ pv) | <u64><u32>(load<i32>(r + 16) ^ pk)) == 0) return id;
  }
  return flowFind(i, h, ab, pv, pk, tunnel);
}

/** findOrOpen() from slot i on. */
function flowFind(i: i32, h: i32, ab: u64, pv: u64, pk: i32, tunnel: i32): i32 {
  for (;;) {
    // the slot's flow + 1 and hash in one load; the key in three
    const sl = load<u64>(fSlots + (<usize>i << 3));
    const id = <i32>sl - 1;
    if (id < 0) break;
    if (<i32>(sl >> 32) == h) {
      const r = fl + (<usize>id << 7);
      if (((load<u64>(r) ^ ab) | (load<u64>(r + 8) ^ pv) | <u64><u32>(load<i32>(r + 16) ^ pk)) == 0) return id;
    }
    i = (i + 1) & fMask;
  }
  if (size >= maxFlows) {
    tUntracked++;
    return -1;
  }
  return open(i, h, ab, pv, pk, tunnel);
}

function open(i: i32, h: i32, ab: u64, pv: u64, pk: i32, tunnel: i32): i32 {
  let id: i32;
  if (freeCount > 0) {
    freeCount--;
    id = load<i32>(flFree + (<usize>freeCount << 2));
  }
  else {
    id = used++;
    if (id == flCap) flowsGrow(id * 2);
  }
  const r = fl + (<usize>id << 7);
  // The record cleared by stores (memory.fill is a call out of the module), its key and links set.
  store<u64>(r, ab);
  store<u64>(r + 8, pv);
  store<u64>(r + 16, <u64><u32>pk | (<u64><u32>h << 32));
  store<u64>(r + 24, 0);
  store<u64>(r + 32, <u64>0xffffffff); // OPENER -1, SYNS[0] 0
  for (let k: usize = 40; k < 112; k += 8) store<u64>(r + k, 0);
  store<u64>(r + 112, <u64><u32>tunnel << 32); // ACKED_LEN[1] 0, TUNNEL
  store<u64>(r + 120, 0); // (NEWER, OLDER: in flLink)
  const l = flLink + <usize>id * LINK;
  store<f64>(l, now);
  store<u64>(l + L_OLDER, <u64><u32>newest | (<u64><u32>-1 << 32));
  store<u8>(flTcp + <usize>id, (pk & 0xff) == PROTO_TCP ? 1 : 0);
  if (newest >= 0) store<i32>(flLink + <usize>newest * LINK + L_NEWER, id);
  newest = id;
  setSlot(i, id + 1, h);
  // at most a quarter of the slots taken: a probe past another flow cost a third of the packets a call
  if (++size * 4 > fSlotCount) flowsRehash(fSlotCount * 2);
  if (tunnel >= 0) {
    tOverlay++;
    const p = pairs + <usize>tunnel * PSTRIDE + P_FLOWS;
    store<i32>(p, load<i32>(p) + 1);
  } else tPlain++;
  if ((pk & 0xff) == PROTO_TCP) tTcpFlows++;
  return id;
}

@inline function tcp(r: usize, id: i32, d: i32, tunnel: i32, flags: i32, seq: i32, ack: i32, len: i32, ipLen: i32): void {
  const rd = r + (<usize>d << 2);
  const re = r + (<usize>(1 - d) << 2);
  let bits = R(r, BITS);
  if (flags & SYN) bits = tcpSyn(r, d, flags, seq, bits);
  else if (len > 0) {
    const end = seq + len;
    const maxEnd = R(rd, END);
    if (!(bits & (HAS_END << d)) || before(maxEnd, end)) {
      W(rd, END, end);
      bits |= HAS_END << d;
      if (ipLen > R(rd, PEND_LEN)) {
        W(rd, PEND_LEN, ipLen);
        W(rd, PEND_END, end);
      }
    } else if (!(len <= 1 && end == maxEnd)) retransmit(rd, tunnel, ipLen);
  }
  if (flags & ACK) {
    if (!(bits & (HAS_ACK << d)) || before(R(rd, ACKED), ack)) {
      W(rd, ACKED, ack);
      bits |= HAS_ACK << d;
      const pend = R(re, PEND_LEN);
      if (pend && !before(ack, R(re, PEND_END))) {
        if (pend > R(re, ACKED_LEN)) W(re, ACKED_LEN, pend);
        W(re, PEND_LEN, 0);
      }
    }
  }
  if (flags & FIN) bits |= FIN_BIT << d;
  W(r, BITS, bits);
  if (flags & RST) {
    W(r, RSTS, R(r, RSTS) + 1);
    tResets++;
    close(id);
  } else if ((bits & (FIN_BIT | (FIN_BIT << 1))) == 3 && flags & ACK && !(flags & FIN)) close(id);
}

// What tcp() meets rarely, as calls: the per-packet function stays smaller, and so its optimisation.
/** A SYN (or SYN-ACK) in direction d of the flow at r: returns its bits. */
function tcpSyn(r: usize, d: i32, flags: i32, seq: i32, bits: i32): i32 {
  const rd = r + (<usize>d << 2);
  const syns = R(rd, SYNS) + 1;
  W(rd, SYNS, syns);
  if (!(flags & ACK) && syns == 1 && R(r + (<usize>(1 - d) << 2), SYNS) == 0) W(r, OPENER, d);
  W(rd, END, seq + 1);
  return bits | (HAS_END << d);
}

/** A retransmitted segment of ipLen bytes in the direction at rd, through VXLAN pair `tunnel` (or -1). */
function retransmit(rd: usize, tunnel: i32, ipLen: i32): void {
  tRetransmits++;
  if (tunnel >= 0) {
    const p = pairs + <usize>tunnel * PSTRIDE + P_RETX;
    store<i32>(p, load<i32>(p) + 1);
  }
  W(rd, RETX, R(rd, RETX) + 1);
  const min = R(rd, RETX_MIN);
  if (ipLen < min || min == 0) W(rd, RETX_MIN, ipLen);
  if (ipLen > R(rd, RETX_MAX)) W(rd, RETX_MAX, ipLen);
}

function close(id: i32): void {
  judge(id);
  const o = id * STRIDE;
  let i = F(o + HASH) & fMask;
  while (slot(i) != id + 1) i = (i + 1) & fMask;
  for (let j = (i + 1) & fMask; ; j = (j + 1) & fMask) {
    const other = slot(j) - 1;
    if (other < 0) break;
    const oh = slotHash(j);
    const home = oh & fMask;
    if (((j - home) & fMask) >= ((j - i) & fMask)) {
      setSlot(i, other + 1, oh);
      i = j;
    }
  }
  setSlot(i, 0, 0);
  const n = newer(id);
  const b = older(id);
  if (n >= 0) store<i32>(flLink + <usize>n * LINK + L_OLDER, b);
  else newest = b;
  if (b >= 0) store<i32>(flLink + <usize>b * LINK + L_NEWER, n);
  size--;
  store<i32>(flFree + (<usize>freeCount << 2), id);
  freeCount++;
}

/**
 * FlowTable.judge(), as far as deciding whether it does anything: only a TCP flow with an
 * unanswered SYN, an answer without SYN-ACK, or two retransmissions in a direction can be a finding;
 * JavaScript judges those (it builds the records).
 */
function judge(id: i32): void {
  const o = id * STRIDE;
  if ((F(o + K_PROTO) & 0xff) != PROTO_TCP) return;
  const opener = F(o + OPENER) == 1 ? 1 : 0;
  const other = 1 - opener;
  const openerSyn = F(o + SYNS + opener);
  const replies = F(o + PKTS + other);
  if (openerSyn > 0 && (replies == 0 || (F(o + SYNS + other) == 0 && F(o + RSTS) == 0))) judged(id);
  else if (F(o + RETX) >= 2 || F(o + RETX + 1) >= 2) judged(id);
}

function sweepFlows(t: f64): void {
  for (let id = newest; id >= 0; ) {
    const next = older(id);
    if (load<f64>(flLink + <usize>id * LINK) < t - (load<u8>(flTcp + <usize>id) ? idleSeconds : UDP_IDLE)) close(id);
    id = next;
  }
}

/** CaptureAnalyzer.sweep() when the current time makes one due. */
export function sweepIfDue(): void {
  if (now > nextSweep) {
    if (nextSweep != 0) sweepFlows(now);
    nextSweep = now + 10;
  }
}

/** Judges every flow still open, oldest first (the end of the capture). */
export function finish(): void {
  let oldest = newest;
  while (oldest >= 0 && older(oldest) >= 0) oldest = older(oldest);
  for (let id = oldest; id >= 0; id = newer(id)) judge(id);
  memory.fill(fSlots, 0, <usize>fSlotCount << 3);
  newest = -1;
  size = 0;
  freeCount = 0;
  used = 0;
}

// ---- packets ----

/** The one's complement sum folded to 16 bits (as fold() in pcap-analyze.ts). */
@inline function fold(sum: u64): u64 {
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
  return sum;
}

/** CaptureAnalyzer.verify() for IPv4: the outer UDP checksum of the datagram at u (whole in memory). */
function verify(u: usize, udpLen: i32, check: i32, ip: usize, pair: i32): void {
  const r = pairs + <usize>pair * PSTRIDE;
  store<i32>(r + P_CHECKED, load<i32>(r + P_CHECKED) + 1);
  let pseudo: u64 = 17 + <u64>udpLen;
  for (let i = ip + 12; i < ip + 20; i += 2) pseudo += <u64>be16(i);
  // The datagram summed in little-endian 16-bit words, 16 bytes a step (their pairs added into four
  // 32-bit lanes, which a datagram cannot overflow): the one's complement sum of byte-swapped words is
  // the byte-swapped sum (RFC 1071), so swapping the folded sum gives the big-endian one, with no swap
  // per word. Modulo 0xffff it is the same number, which is all the test below reads.
  const stop = u + <usize>udpLen;
  let i = u;
  let lanes = i32x4.splat(0);
  if (stop >= 15) {
    for (const stop16 = stop - 15; i < stop16; i += 16) lanes = i32x4.add(lanes, i32x4.extadd_pairwise_i16x8_u(v128.load(i)));
  }
  let data: u64 = <u64><u32>i32x4.extract_lane(lanes, 0) + <u64><u32>i32x4.extract_lane(lanes, 1) + <u64><u32>i32x4.extract_lane(lanes, 2) + <u64><u32>i32x4.extract_lane(lanes, 3);
  if (stop >= 7) {
    for (const stop8 = stop - 7; i < stop8; i += 8) {
      const x = load<u64>(i);
      data += (x & 0xffffffff) + (x >> 32);
    }
  }
  for (; i + 1 < stop; i += 2) data += <u64>load<u16>(i);
  if (i < stop) data += <u64>load<u8>(i);
  const le = fold(data);
  const sum = pseudo + (((le & 0xff) << 8) | (le >> 8));
  if (fold(sum) == 0xffff) csGood++;
  else if (<u64>check == fold(pseudo)) csPartial++;
  else {
    csBad++;
    store<i32>(r + P_BAD, load<i32>(r + P_BAD) + 1);
  }
}

/** CaptureAnalyzer.tunnel(): the outer IPv4 header at ip, UDP at u, the VNI. Returns the pair. */
@inline function tunnel(ip: usize, u: usize, total: i32, lend: usize, vni: i32): i32 {
  const pair = pairGet4(ip + 12);
  const pp = pairCounted(pair, total);
  const check = be16(u + 6);
  if (check == 0) csZero++;
  else if (checkedOn(pair) >= CHECKSUM_FIRST && (pp & (CHECKSUM_EVERY - 1)) != 0) csSkipped++;
  else if (ip + <usize>total > lend) csUnverifiable++;
  else verify(u, total - 20, check, ip, pair);
  vniSeen(vni);
  pairVniSeen(pair, vni);
  return pair;
}

/** The packet counters of fast() (walkEthernet() keeps its own while it walks). */
@inline function counted(total: i32, caplen: i32, orig: u32): void {
  packets += 1;
  bytes += <u64>orig;
  if (now < firstTs) firstTs = now;
  if (now > lastTs) lastTs = now;
  if (<u32>caplen < orig) snapCut++;
  if (total > maxOuter) maxOuter = total;
}

/**
 * The tables' part of a packet whose shape is known (see fast()): the outer IPv4 header at ip (total
 * bytes, the captured part of it ending at lend), UDP at l4 if it is VXLAN (vx), and the IPv4 header of
 * the flow at fip (ftotal bytes, no options) with its TCP or UDP header after it (the segment's
 * captured part ending at tend).
 */
@inline function take(ip: usize, total: i32, lend: usize, l4: usize, vx: bool, fip: usize, ftotal: i32, tend: usize, proto: i32): void {
  let pair = -1;
  let vni = 0;
  if (vx) {
    vni = <i32>(bswap<u32>(load<u32>(l4 + 12)) >>> 8);
    pair = tunnel(ip, l4, total, lend, vni);
    if (ftotal > maxInner) maxInner = ftotal;
  }
  // The addresses, the ports (the source's in the upper half) and the sequence number (TCP), each in
  // network order: the 16 bytes from the source address on, swapped word by word in one shuffle.
  const w = i8x16.shuffle(v128.load(fip + 12), v128.splat<i32>(0), 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
  const s = i32x4.extract_lane(w, 0);
  const d = i32x4.extract_lane(w, 1);
  const sd = <u32>i32x4.extract_lane(w, 2);
  const t = fip + 20;
  if (proto == PROTO_TCP) {
    const payload = ftotal - 20 - ((<i32>load<u8>(t + 12) >> 4) << 2);
    flowPacket4(PROTO_TCP, <u32>s, <u32>d, sd, pair, vni, <i32>load<u8>(t + 13), i32x4.extract_lane(w, 3), be32(t + 8), payload, ftotal);
    return;
  }
  flowPacket4(PROTO_UDP, <u32>s, <u32>d, sd, pair, vni, 0, 0, 0, ftotal - 28, ftotal);
  const sport = <i32>(sd >>> 16);
  const dport = <i32>(sd & 0xffff);
  if (sport == 53 || dport == 53) dnsPacket(<f64><u32>s, <f64><u32>d, sport, dport, pair, t + 8, tend);
}

/**
 * The common shapes, at p (caplen bytes captured, orig on the wire, link type lt): IPv4 (no options,
 * not fragmented) over a link the full decoder knows, carrying VXLAN (VNI flag set) with inner IPv4 TCP
 * or UDP the same way, or plain TCP or UDP (not to a VXLAN port). Every header is checked before
 * anything is counted: 0 (nothing counted) for any other packet, 1 when counted (DNS included).
 */
@inline function fast(p: usize, caplen: i32, orig: u32, lt: i32): i32 {
  const end = p + <usize>caplen;
  let ip: usize;
  let et: i32;
  if (lt == 1) {
    if (caplen < 14) return 0;
    et = be16(p + 12);
    ip = p + 14;
    // VLAN tags: tested only when the frame is not plain IPv4 (nearly all are)
    if (et != 0x0800) {
      while ((et == 0x8100 || et == 0x88a8 || et == 0x9100) && ip + 4 <= end) {
        et = be16(ip + 2);
        ip += 4;
      }
    }
  } else if (lt == 113) {
    if (caplen < 16) return 0;
    et = be16(p + 14);
    ip = p + 16;
  } else if (lt == 276) {
    if (caplen < 20) return 0;
    et = be16(p);
    ip = p + 20;
  } else if (lt == 12 || lt == 101 || lt == 228 || lt == 229) {
    if (caplen < 1) return 0;
    et = load<u8>(p) >> 4 == 4 ? 0x0800 : 0;
    ip = p;
  } else if (lt == 0 || lt == 108) {
    if (caplen < 4) return 0;
    et = (<i32>load<u8>(p) | <i32>load<u8>(p + 3)) == 2 ? 0x0800 : 0;
    ip = p + 4;
  } else return 0;
  if (et != 0x0800 || ip + 20 > end || load<u8>(ip) != 0x45) return 0;
  // not fragmented: the fragment offset and MF (bytes 6-7, DF aside) are zero; one load
  if ((load<u32>(ip + 4) & 0xff3f0000) != 0) return 0;
  const total = be16(ip + 2);
  const ipEnd = ip + <usize>total;
  const lend = end < ipEnd ? end : ipEnd;
  const l4 = ip + 20;
  let fip = ip;
  let ftotal = total;
  let t = l4;
  let tend = lend;
  let proto = <i32>load<u8>(ip + 9);
  let vx = false;
  if (proto == PROTO_UDP) {
    if (l4 + 8 > lend) return 0;
    if (load<u8>(vxPorts + <usize>load<u16>(l4 + 2)) == 1) {
      if (l4 + 16 > lend || (load<u8>(l4 + 8) & 0x08) == 0) return 0;
      const e = l4 + 16;
      // inner Ethernet type IPv4 and a 20-byte IPv4 header (bytes 12-14 of the frame: 08 00 45), not fragmented
      if (e + 34 > lend || (load<u32>(e + 12) & 0xffffff) != 0x450008) return 0;
      fip = e + 14;
      if ((load<u32>(fip + 4) & 0xff3f0000) != 0) return 0;
      ftotal = be16(fip + 2);
      const fEnd = fip + <usize>ftotal;
      tend = lend < fEnd ? lend : fEnd;
      t = fip + 20;
      proto = <i32>load<u8>(fip + 9);
      if (proto == PROTO_TCP ? t + 20 > tend : proto != PROTO_UDP || t + 8 > tend) return 0;
      vx = true;
    }
  } else if (proto != PROTO_TCP || l4 + 20 > lend) return 0;
  counted(total, caplen, orig);
  take(ip, total, lend, l4, vx, fip, ftotal, tend, proto);
  return 1;
}

/**
 * Whether fast() could take the Ethernet frame at p: IPv4, or VLAN tags before it. The rest (ARP,
 * IPv6, ...) is declined without the call: V8 optimised fastCall() (as big as the walk) for the 319 ARP
 * frames of the bench capture, a compilation that cost more than those frames ever would.
 */
@inline function maybeIpv4(p: usize, caplen: i32): bool {
  if (caplen < 14) return false;
  const et = be16(p + 12);
  return et == 0x0800 || et == 0x8100 || et == 0x88a8 || et == 0x9100;
}

/** fast() as a call, for packets off the specialised walks' path. */
function fastCall(p: usize, caplen: i32, orig: u32, lt: i32): i32 {
  return fast(p, caplen, orig, lt);
}

/**
 * One packet at p (pcapng, or any reader that frames packets itself), its time t: 0 when declined
 * (nothing counted), 1 when taken (see fast()). A flow sweep due is run.
 */
export function one(p: usize, caplen: i32, orig: u32, lt: i32, t: f64): i32 {
  now = t;
  const r = fastCall(p, caplen, orig, lt);
  if (r == 1 && now > nextSweep) sweepIfDue();
  return r;
}

/**
 * Every whole, sane classic-pcap record in [o, end) (as CaptureAnalyzer.run()): returns the offset of
 * the first record not taken; out[OUT_TAKEN] is the number taken, out[OUT_STOP] why it stopped:
 * STOP_END (not whole or not sane: the reader refills or reports), STOP_OTHER (a packet for the full
 * decoder, its time set).
 */
export function walkPcap(o: usize, end: usize, hdr: i32, le: i32, frac: f64, lt: i32): usize {
  if (le && hdr == 16 && lt == 1) return walkEthernet(o, end, frac);
  let n = 0;
  let stop = STOP_END;
  const h = <usize>hdr;
  while (o + h <= end) {
    const caplen = le ? load<i32>(o + 8) : bswap<i32>(load<i32>(o + 8));
    if (caplen > MAX_RECORD || caplen < 0 || o + h + <usize>caplen > end) break;
    let sec: u32;
    let sub: u32;
    let orig: u32;
    if (le) {
      sec = load<u32>(o);
      sub = load<u32>(o + 4);
      orig = load<u32>(o + 12);
    } else {
      sec = bswap<u32>(load<u32>(o));
      sub = bswap<u32>(load<u32>(o + 4));
      orig = bswap<u32>(load<u32>(o + 12));
    }
    now = <f64>sec + <f64>sub * frac;
    const r = fast(o + h, caplen, orig, lt);
    if (r == 0) {
      stop = STOP_OTHER;
      break;
    }
    n++;
    o += h + <usize>caplen;
    if (now > nextSweep) sweepIfDue();
  }
  store<i32>(out + (OUT_TAKEN << 2), n);
  store<i32>(out + (OUT_STOP << 2), stop);
  return o;
}

/**
 * walkPcap() for the commonest capture, little-endian records of 16 bytes over Ethernet: its own
 * function, so that only it is optimised (V8 tiers WebAssembly up function by function), with the
 * commonest shapes (untagged IPv4 carrying TCP, UDP, or VXLAN with IPv4 TCP or UDP inside) checked
 * here in fewer loads (the Ethernet type and the IPv4 version in one, the length and fragment fields
 * in another) and the packet counters in locals. A packet of another shape goes to fast(), which
 * takes or declines it.
 */
function walkEthernet(o: usize, end: usize, frac: f64): usize {
  let n = 0;
  let stop = STOP_END;
  while (o + 16 <= end) {
    const caplen = load<i32>(o + 8);
    const p = o + 16;
    const pend = p + <usize>caplen;
    // negative or corrupt, or not whole
    if (<u32>caplen > <u32>MAX_RECORD || pend > end) break;
    const ts = <f64>load<u32>(o) + <f64>load<u32>(o + 4) * frac;
    now = ts;
    const orig = load<u32>(o + 12);
    let ok = false;
    let ip: usize = 0;
    let total = 0;
    let lend: usize = 0;
    let fip: usize = 0;
    let ftotal = 0;
    let tend: usize = 0;
    let proto = 0;
    let vx = false;
    do {
      // Ethernet, IPv4 and UDP headers at least; 08 00 45
      if (caplen < 42 || (load<u32>(p + 12) & 0xffffff) != 0x450008) break;
      ip = p + 14;
      const x = load<u64>(ip);
      if ((x & 0xff3f000000000000) != 0) break;
      total = <i32>bswap<u16>(<u16>(x >>> 16));
      const ipEnd = ip + <usize>total;
      lend = pend < ipEnd ? pend : ipEnd;
      const l4 = ip + 20;
      fip = ip;
      ftotal = total;
      tend = lend;
      proto = <i32>load<u8>(ip + 9);
      if (proto == PROTO_UDP) {
        if (l4 + 8 > lend) break;
        if (load<u8>(vxPorts + <usize>load<u16>(l4 + 2)) == 1) {
          // UDP, VXLAN, inner Ethernet and IPv4 headers captured; the VNI flag; 08 00 45; not fragmented
          if (l4 + 50 > lend || (load<u8>(l4 + 8) & 0x08) == 0 || (load<u32>(l4 + 28) & 0xffffff) != 0x450008) break;
          fip = l4 + 30;
          const y = load<u64>(fip);
          if ((y & 0xff3f000000000000) != 0) break;
          ftotal = <i32>bswap<u16>(<u16>(y >>> 16));
          const fEnd = fip + <usize>ftotal;
          tend = lend < fEnd ? lend : fEnd;
          proto = <i32>load<u8>(fip + 9);
          const t = fip + 20;
          if (proto == PROTO_TCP ? t + 20 > tend : proto != PROTO_UDP || t + 8 > tend) break;
          vx = true;
        }
      } else if (proto != PROTO_TCP || l4 + 20 > lend) break;
      ok = true;
    } while (false);
    if (ok) {
      counted(total, caplen, orig);
      take(ip, total, lend, ip + 20, vx, fip, ftotal, tend, proto);
    } else if (!maybeIpv4(p, caplen) || fastCall(p, caplen, orig, 1) == 0) {
      stop = STOP_OTHER;
      break;
    }
    n++;
    o = pend;
    if (ts > nextSweep) sweepIfDue();
  }
  store<i32>(out + (OUT_TAKEN << 2), n);
  store<i32>(out + (OUT_STOP << 2), stop);
  return o;
}

// ---- pcapng ----
/** the section's interfaces: link type (i32 at 0) and seconds per timestamp unit (f64 at 8) */
const IFACES = 64;
let ifTable: usize = 0;
let ifCount: i32 = 0;
/** the link type of the packets JavaScript saw last: walkPcapng() takes only packets of this one */
let curLink: i32 = -1;
/** the time of the last packet walkPcapng() took */
let takenTs: f64 = 0;
export function lastTaken(): f64 {
  return takenTs;
}

/** Interface i of the current section (JavaScript reads the interface blocks). */
export function setIface(i: i32, linkType: i32, unit: f64): void {
  if (ifTable == 0) ifTable = alloc(IFACES * 16);
  if (i >= IFACES) return;
  store<i32>(ifTable + (<usize>i << 4), linkType);
  store<f64>(ifTable + (<usize>i << 4) + 8, unit);
  ifCount = i + 1;
}
export function clearIfaces(): void {
  ifCount = 0;
}
export function setLink(lt: i32): void {
  curLink = lt;
}

/**
 * Every whole enhanced packet block in [o, end) of a section in byte order `le` whose interface is
 * known and of link type curLink, and whose packet fast() takes (as the reader and
 * CaptureAnalyzer.packet() would): returns the offset of the first block not taken, for JavaScript
 * (another block type, a bad length, a packet for the full decoder: out[OUT_STOP] is STOP_OTHER; a
 * block not whole: STOP_END). out[OUT_TAKEN] is the number taken.
 */
export function walkPcapng(o: usize, end: usize, le: i32): usize {
  let n = 0;
  let stop = STOP_END;
  while (o + 12 <= end) {
    const btype = le ? load<u32>(o) : bswap<u32>(load<u32>(o));
    if (btype != 6) {
      stop = STOP_OTHER;
      break;
    }
    const total = le ? load<u32>(o + 4) : bswap<u32>(load<u32>(o + 4));
    if (total < 12 || (total & 3) != 0 || total > <u32>MAX_RECORD) {
      stop = STOP_OTHER;
      break;
    }
    if (o + <usize>total > end) break;
    const id = le ? load<u32>(o + 8) : bswap<u32>(load<u32>(o + 8));
    if (id >= <u32>ifCount) {
      stop = STOP_OTHER;
      break;
    }
    const caplen = le ? load<u32>(o + 20) : bswap<u32>(load<u32>(o + 20));
    if (<u64>caplen + 28 > <u64>total - 4) {
      stop = STOP_OTHER;
      break;
    }
    const lt = load<i32>(ifTable + (<usize>id << 4));
    if (lt != curLink) {
      stop = STOP_OTHER;
      break;
    }
    const hi = le ? load<u32>(o + 12) : bswap<u32>(load<u32>(o + 12));
    const lo = le ? load<u32>(o + 16) : bswap<u32>(load<u32>(o + 16));
    const orig = le ? load<u32>(o + 24) : bswap<u32>(load<u32>(o + 24));
    now = (<f64>hi * 4294967296 + <f64>lo) * load<f64>(ifTable + (<usize>id << 4) + 8);
    const r = fast(o + 28, <i32>caplen, orig, lt);
    if (r == 0) {
      stop = STOP_OTHER;
      break;
    }
    n++;
    takenTs = now;
    o += <usize>total;
    if (now > nextSweep) sweepIfDue();
  }
  store<i32>(out + (OUT_TAKEN << 2), n);
  store<i32>(out + (OUT_STOP << 2), stop);
  return o;
}

// ---- DNS (DnsTracker, src/parsers/pcap-dns.ts) ----
// Queries matched to responses by a hash of client, port, server and id, as the Map of DnsTracker: a
// colliding query replaces the older one in its place, and expiry walks the queries in the order they
// were first keyed (the unanswered-from lists depend on it). Servers in the order first seen, failed
// names in the order first seen: JavaScript builds the summary from these tables in that order.
const HIST: usize = 220;
/** a server: f64 address 0, via 8, max 16; i32 overlay 24, queries 28, responses 32, unanswered 36,
 * nxdomain 40, servfail 44, count 48; HIST u32 buckets at 56. The all-servers histogram is one too. */
const SSTRIDE: usize = 960;
const S_ADDR = 0;
const S_VIA = 8;
const S_MAX = 16;
const S_OVERLAY = 24;
const S_QUERIES = 28;
const S_RESPONSES = 32;
const S_UNANSWERED = 36;
const S_NX = 40;
const S_SERVFAIL = 44;
const S_COUNT = 48;
const S_BUCKETS = 56;
let dnsAll: usize = 0;
let srv: usize = 0;
let srvCap: i32 = 0;
let srvCount: i32 = 0;
let sSlots: usize = 0;
let sSlotCount: i32 = 0;
let sMask: i32 = 0;
let lastSrvAddr: f64 = -1;
let lastSrv: i32 = -1;
let dQueries: i32 = 0;
let dResponses: i32 = 0;
let dUnanswered: i32 = 0;
let dNx: i32 = 0;
let dServfail: i32 = 0;
let dOther: i32 = 0;
/** pending queries beyond this many trigger an expiry pass (as DnsTracker.limit) */
let dLimit: i32 = 20000;

/** a pending query: i32 key 0, chain 4, cport 8, id 12, live 16, server number 20; f64 ts 24, server 32, client 40 */
const QSTRIDE: usize = 48;
const Q_KEY = 0;
const Q_NEXT = 4;
const Q_CPORT = 8;
const Q_ID = 12;
const Q_LIVE = 16;
const Q_SRV = 20;
const Q_TS = 24;
const Q_SERVER = 32;
const Q_CLIENT = 40;
/** the queries in the order keyed (dead ones left until compacted), chained by key from qHeads */
let q: usize = 0;
let qCap: i32 = 0;
let qEnd: i32 = 0;
let qFirst: i32 = 0;
let qSize: i32 = 0;
let qHeads: usize = 0;
let qMask: i32 = 0;

/** a failed name: i32 rcode 0, wire length 4, count 8, chain 12, wire bytes at 16 (a pointer) */
const NSTRIDE: usize = 24;
const MAX_NAMES = 5000;
let names: usize = 0;
let nameCount: i32 = 0;
/** open addressing by name hash: (hash, first name + 1) */
let nSlots: usize = 0;
const N_SLOTS = 16384;
let arena: usize = 0;
let arenaEnd: usize = 0;

function dnsInit(): void {
  dnsAll = alloc(SSTRIDE);
  srvGrow(8);
  srvRehash(16);
  qGrow(1024);
}

export function dnsCounter(i: i32): i32 {
  switch (i) {
    case 0: return dQueries;
    case 1: return dResponses;
    case 2: return dUnanswered;
    case 3: return dNx;
    case 4: return dServfail;
    case 5: return dOther;
  }
  return 0;
}
export function dnsServers(): usize {
  return srv;
}
export function dnsServerCount(): i32 {
  return srvCount;
}
export function dnsAllPtr(): usize {
  return dnsAll;
}
export function dnsNames(): usize {
  return names;
}
export function dnsNameCount(): i32 {
  return nameCount;
}

function srvGrow(n: i32): void {
  const p = alloc(<usize>n * SSTRIDE);
  if (srvCap > 0) memory.copy(p, srv, <usize>srvCap * SSTRIDE);
  srv = p;
  srvCap = n;
}

@inline function addrHash(a: f64): i32 {
  const bits = reinterpret<i64>(a);
  return mix(<i32>bits, <i32>(bits >>> 32), 0x5bd1e995);
}

function srvRehash(n: i32): void {
  sSlots = alloc(<usize>n << 2);
  sSlotCount = n;
  sMask = n - 1;
  for (let id = 0; id < srvCount; id++) srvPlace(id);
}

function srvPlace(id: i32): void {
  let i = addrHash(load<f64>(srv + <usize>id * SSTRIDE + S_ADDR)) & sMask;
  while (load<i32>(sSlots + (<usize>i << 2)) != 0) i = (i + 1) & sMask;
  store<i32>(sSlots + (<usize>i << 2), id + 1);
}

/** DnsTracker.server(): the server of address a, made now if new. */
function serverOf(a: f64): i32 {
  if (a == lastSrvAddr) return lastSrv;
  let i = addrHash(a) & sMask;
  let id: i32 = -1;
  for (;;) {
    const k = load<i32>(sSlots + (<usize>i << 2)) - 1;
    if (k < 0) break;
    if (load<f64>(srv + <usize>k * SSTRIDE + S_ADDR) == a) {
      id = k;
      break;
    }
    i = (i + 1) & sMask;
  }
  if (id < 0) {
    id = srvCount++;
    if (id == srvCap) srvGrow(id * 2);
    const r = srv + <usize>id * SSTRIDE;
    memory.fill(r, 0, SSTRIDE);
    store<f64>(r + S_ADDR, a);
    store<f64>(r + S_VIA, -1);
    if (srvCount * 2 > sSlotCount) srvRehash(sSlotCount * 2);
    else store<i32>(sSlots + (<usize>i << 2), id + 1);
  }
  lastSrvAddr = a;
  lastSrv = id;
  return id;
}

@inline function srvAdd(s: i32, field: usize): void {
  const r = srv + <usize>s * SSTRIDE + field;
  store<i32>(r, load<i32>(r) + 1);
}

/** LatencyHistogram.addAt() on the histogram at h. */
@inline function histAdd(h: usize, i: i32, ms: f64): void {
  const b = h + S_BUCKETS + (<usize>i << 2);
  store<u32>(b, load<u32>(b) + 1);
  store<i32>(h + S_COUNT, load<i32>(h + S_COUNT) + 1);
  if (ms > load<f64>(h + S_MAX)) store<f64>(h + S_MAX, ms);
}

@inline function queryKey(client: f64, port: i32, server: f64, id: i32): i32 {
  // (client | 0) and (server | 0) of JavaScript: the number modulo 2^32
  return ((<i32><i64>client * <i32>0x9e3779b1) ^ (<i32><i64>server * <i32>0x85ebca77) ^ (((port << 16) | id) * <i32>0xc2b2ae3d)) & 0x3fffffff;
}

function qGrow(n: i32): void {
  const p = alloc(<usize>n * QSTRIDE);
  if (qEnd > qFirst) memory.copy(p, q + <usize>qFirst * QSTRIDE, <usize>(qEnd - qFirst) * QSTRIDE);
  q = p;
  qCap = n;
  qEnd -= qFirst;
  qFirst = 0;
  qHeads = alloc(<usize>n << 2);
  qMask = n - 1;
  qReindex();
}

/** Moves the live queries to the front, in order, and chains them again. */
function qCompact(): void {
  let w = 0;
  for (let i = qFirst; i < qEnd; i++) {
    const e = q + <usize>i * QSTRIDE;
    if (load<i32>(e + Q_LIVE) == 0) continue;
    if (w != i) memory.copy(q + <usize>w * QSTRIDE, e, QSTRIDE);
    w++;
  }
  qFirst = 0;
  qEnd = w;
  memory.fill(qHeads, 0, <usize>(qMask + 1) << 2);
  qReindex();
}

function qReindex(): void {
  for (let i = qFirst; i < qEnd; i++) {
    const e = q + <usize>i * QSTRIDE;
    if (load<i32>(e + Q_LIVE) == 0) continue;
    const h = qHeads + (<usize>(load<i32>(e + Q_KEY) & qMask) << 2);
    store<i32>(e + Q_NEXT, load<i32>(h));
    store<i32>(h, i + 1);
  }
}

/** pending.get(key): the query's slot, or -1. */
function qGet(key: i32): i32 {
  let i = load<i32>(qHeads + (<usize>(key & qMask) << 2)) - 1;
  while (i >= 0) {
    const e = q + <usize>i * QSTRIDE;
    if (load<i32>(e + Q_KEY) == key) return i;
    i = load<i32>(e + Q_NEXT) - 1;
  }
  return -1;
}

/** pending.delete() of the query in slot i. */
function qDelete(i: i32): void {
  const e = q + <usize>i * QSTRIDE;
  let link = qHeads + (<usize>(load<i32>(e + Q_KEY) & qMask) << 2);
  while (load<i32>(link) != i + 1) link = q + <usize>(load<i32>(link) - 1) * QSTRIDE + Q_NEXT;
  store<i32>(link, load<i32>(e + Q_NEXT));
  store<i32>(e + Q_LIVE, 0);
  qSize--;
  while (qFirst < qEnd && load<i32>(q + <usize>qFirst * QSTRIDE + Q_LIVE) == 0) qFirst++;
}

@inline function qFill(e: usize, key: i32, sid: i32, server: f64, client: f64, cport: i32, id: i32): void {
  store<i32>(e + Q_KEY, key);
  store<i32>(e + Q_CPORT, cport);
  store<i32>(e + Q_ID, id);
  store<i32>(e + Q_SRV, sid);
  store<f64>(e + Q_TS, now);
  store<f64>(e + Q_SERVER, server);
  store<f64>(e + Q_CLIENT, client);
}

/** DnsTracker.expire(): queries sent before cutoff and still unanswered are lost. */
export function dnsExpire(cutoff: f64): void {
  for (let i = qFirst; i < qEnd; i++) {
    const e = q + <usize>i * QSTRIDE;
    if (load<i32>(e + Q_LIVE) == 0 || load<f64>(e + Q_TS) >= cutoff) continue;
    qDelete(i);
    dUnanswered++;
    const s = load<i32>(e + Q_SRV);
    srvAdd(s, S_UNANSWERED);
    dnsUnanswered(s, load<f64>(e + Q_CLIENT));
  }
}

function dnsQuery(src: f64, sport: i32, dst: f64, id: i32, tunnel: i32): void {
  dQueries++;
  const s = serverOf(dst);
  srvAdd(s, S_QUERIES);
  if (tunnel >= 0) {
    srvAdd(s, S_OVERLAY);
    store<f64>(srv + <usize>s * SSTRIDE + S_VIA, load<f64>(pairs + <usize>tunnel * PSTRIDE + P_DST));
  }
  const key = queryKey(src, sport, dst, id);
  const had = qGet(key);
  if (had >= 0) {
    // A retry with the same id keeps the first send time; another query of the same key takes its place.
    const e = q + <usize>had * QSTRIDE;
    if (load<f64>(e + Q_CLIENT) != src || load<i32>(e + Q_CPORT) != sport || load<f64>(e + Q_SERVER) != dst || load<i32>(e + Q_ID) != id) qFill(e, key, s, dst, src, sport, id);
  } else {
    if (qEnd == qCap) {
      if (qSize * 2 <= qCap) qCompact();
      else qGrow(qCap * 2);
    }
    const i = qEnd++;
    const e = q + <usize>i * QSTRIDE;
    qFill(e, key, s, dst, src, sport, id);
    store<i32>(e + Q_LIVE, 1);
    const h = qHeads + (<usize>(key & qMask) << 2);
    store<i32>(e + Q_NEXT, load<i32>(h));
    store<i32>(h, i + 1);
    qSize++;
  }
  if (qSize > dLimit) {
    dnsExpire(now - 10);
    dLimit = qSize * 2 > 20000 ? qSize * 2 : 20000;
  }
}

function dnsResponse(server: f64, client: f64, port: i32, id: i32, rcode: i32): void {
  dResponses++;
  const s = serverOf(server);
  srvAdd(s, S_RESPONSES);
  const i = qGet(queryKey(client, port, server, id));
  if (i >= 0) {
    const e = q + <usize>i * QSTRIDE;
    if (load<f64>(e + Q_CLIENT) == client && load<i32>(e + Q_CPORT) == port && load<f64>(e + Q_SERVER) == server && load<i32>(e + Q_ID) == id) {
      qDelete(i);
      const ms = (now - load<f64>(e + Q_TS)) * 1000;
      const b = bucketOf(ms);
      histAdd(srv + <usize>s * SSTRIDE, b, ms);
      histAdd(dnsAll, b, ms);
    }
  }
  if (rcode == 3) {
    dNx++;
    srvAdd(s, S_NX);
  } else if (rcode == 2) {
    dServfail++;
    srvAdd(s, S_SERVFAIL);
  } else if (rcode != 0) dOther++;
}

/** DnsTracker.failure(): counts the question name of the failed response at [m, end). */
function dnsFailure(m: usize, end: usize, rcode: i32): void {
  const from = m + 12;
  // wireNameEnd()
  let to = from;
  let p = from;
  for (;;) {
    if (p >= end) {
      to = p < end ? p : end;
      break;
    }
    const len = <usize>load<u8>(p);
    if (len == 0) {
      to = p + 1;
      break;
    }
    if (len >= 0xc0) {
      to = p + 2 < end ? p + 2 : end;
      break;
    }
    p += 1 + len;
  }
  // the name's hash, 8 bytes a step (any hash finds the same names: it only places them)
  let x: u64 = <u64>rcode;
  let at = from;
  for (; at + 8 <= to; at += 8) x = (x ^ load<u64>(at)) * 0x9e3779b97f4a7c15;
  for (; at < to; at++) x = (x ^ <u64>load<u8>(at)) * 0x9e3779b97f4a7c15;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9;
  const h = <i32>(x ^ (x >> 31));
  const n = <i32>(to - from);
  if (nSlots == 0) {
    nSlots = alloc(<usize>N_SLOTS << 3);
    names = alloc(<usize>MAX_NAMES * NSTRIDE);
  }
  let i = (h ^ (h >>> 15)) & (N_SLOTS - 1);
  for (;;) {
    const head = load<i32>(nSlots + (<usize>i << 3) + 4);
    if (head == 0 || load<i32>(nSlots + (<usize>i << 3)) == h) break;
    i = (i + 1) & (N_SLOTS - 1);
  }
  const slot = nSlots + (<usize>i << 3);
  const head = load<i32>(slot + 4) - 1;
  for (let f = head; f >= 0; ) {
    const e = names + <usize>f * NSTRIDE;
    if (load<i32>(e) == rcode && load<i32>(e + 4) == n && sameWire(<usize>load<i32>(e + 16), from, n)) {
      store<i32>(e + 8, load<i32>(e + 8) + 1);
      return;
    }
    f = load<i32>(e + 12) - 1;
  }
  if (nameCount >= MAX_NAMES) return;
  if (arenaEnd - arena < <usize>n) {
    const size = <usize>n > 65536 ? <usize>n : 65536;
    arena = alloc(size);
    arenaEnd = arena + size;
  }
  const wire = arena;
  memory.copy(wire, from, <usize>n);
  arena += <usize>n;
  const id = nameCount++;
  const e = names + <usize>id * NSTRIDE;
  store<i32>(e, rcode);
  store<i32>(e + 4, n);
  store<i32>(e + 8, 1);
  store<i32>(e + 12, head + 1);
  store<i32>(e + 16, <i32>wire);
  store<i32>(slot, h);
  store<i32>(slot + 4, id + 1);
}

@inline function sameWire(a: usize, b: usize, n: i32): bool {
  let i: usize = 0;
  for (; i + 8 <= <usize>n; i += 8) if (load<u64>(a + i) != load<u64>(b + i)) return false;
  for (; i < <usize>n; i++) if (load<u8>(a + i) != load<u8>(b + i)) return false;
  return true;
}

const LOG_108: f64 = Math.log(1.08);

/**
 * LatencyHistogram.bucket(ms): ceil(log(ms / 0.01) / log(1.08)), at most 219. This Math.log and
 * JavaScript's may differ in their last bit, which moves the quotient by far less than 1e-9: only a
 * quotient that close to a whole number can fall in another bucket, and JavaScript decides those (a
 * call out per response cost more than the rest of the DNS matching).
 */
function bucketOf(ms: f64): i32 {
  if (ms <= 0.01) return 0;
  const v = Math.log(ms / 0.01) / LOG_108;
  if (Math.abs(v - nearest<f64>(v)) < 1e-9) return dnsBucket(ms);
  const c = Math.ceil(v);
  return c > 219 ? 219 : <i32>c;
}

/**
 * DnsTracker.packet(): the UDP payload at [m, end) to or from port 53, between address numbers src
 * and dst, now; `tunnel` the VXLAN pair it crossed (-1: plain).
 */
function dnsPacket(src: f64, dst: f64, sport: i32, dport: i32, tunnel: i32, m: usize, end: usize): void {
  if (end < m + 12) return;
  const id = (<i32>load<u8>(m) << 8) | <i32>load<u8>(m + 1);
  if ((load<u8>(m + 2) & 0x80) == 0) {
    if (dport == 53) dnsQuery(src, sport, dst, id, tunnel);
  } else if (sport == 53) {
    const rcode = <i32>load<u8>(m + 3) & 0x0f;
    dnsResponse(src, dst, dport, id, rcode);
    if (rcode != 0) dnsFailure(m, end, rcode);
  }
}

/** dnsPacket() for the JavaScript decoder: the message copied to m (len bytes), the time on the clock. */
export function dnsMessage(src: f64, dst: f64, sport: i32, dport: i32, tunnel: i32, m: usize, len: i32): void {
  dnsPacket(src, dst, sport, dport, tunnel, m, m + <usize>len);
}
