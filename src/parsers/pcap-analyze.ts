/**
 * The VXLAN-aware capture analysis: one streaming pass over the packets of src/parsers/pcap-reader.ts
 * that decodes the underlay (Ethernet, VLAN, Linux cooked, raw IP, loopback; IPv4 and IPv6), the
 * VXLAN tunnel (UDP 8472 and 4789 by default) and the overlay inside it, and keeps bounded counters:
 * node pairs, VNIs, outer UDP checksums, fragments and ICMP frag-needed, ARP/ND in the tunnel, DNS
 * and TCP. It allocates nothing per packet on the common path and judges nothing: the rules do.
 */
import type { CaptureEvidence } from '../evidence/capture.js';
import { DnsTracker } from './pcap-dns.js';
import { FlowTable, Pair, PROTO_TCP, PROTO_UDP } from './pcap-flows.js';
import { readCapture, type PacketSink, type ReadSummary } from './pcap-reader.js';
import { Addresses, ipv4At, TopList } from './pcap-stats.js';

export const DEFAULT_VXLAN_PORTS = [8472, 4789];

export interface AnalyzeOptions {
  /** UDP destination ports that carry VXLAN (default 8472 and 4789) */
  vxlanPorts?: number[];
  /** flows followed at once (memory bound); more are counted, not followed */
  maxFlows?: number;
}

const LINK_NAMES: Record<number, string> = { 0: 'null', 1: 'ethernet', 12: 'raw', 101: 'raw', 108: 'loop', 113: 'linux-sll', 228: 'ipv4', 229: 'ipv6', 276: 'linux-sll2' };

const ETH_IPV4 = 0x0800;
const ETH_IPV6 = 0x86dd;
const ETH_ARP = 0x0806;
const PROTO_ICMP = 1;
const PROTO_ICMP6 = 58;

/** Checks each pair direction's first packets, then one in this many. */
const CHECKSUM_EVERY = 16;
const CHECKSUM_FIRST = 64;
const PAIR_BUCKETS = 4096;

interface NeighbourTarget {
  requests: number;
  replies: number;
  from: number;
  vni: number;
  tunnel: Pair;
}

export class CaptureAnalyzer implements PacketSink {
  /** the current packet's time (set by the reader) */
  ts = 0;
  packets = 0;
  bytes = 0;
  firstTs = Infinity;
  lastTs = 0;
  snapCut = 0;
  undecoded = 0;
  readonly addrs = new Addresses();
  private readonly flows: FlowTable;
  private readonly dns: DnsTracker;
  /** VXLAN directions, hash-chained through Pair.next (an array index per packet, not a Map lookup) */
  private readonly pairs: (Pair | null)[] = new Array<Pair | null>(PAIR_BUCKETS).fill(null);
  private readonly vxPorts: Uint8Array = new Uint8Array(65536);
  private readonly ports: number[];
  private readonly linkTypes = new Set<number>();
  private lastLink = -1;
  private vxlanPackets = 0;
  private readonly vnis = new Map<number, { packets: number }>();
  /** the last VNI seen and its counter: a cluster uses one or two, so the Map is rarely consulted */
  private lastVni = -1;
  private lastVniCount: { packets: number } = { packets: 0 };
  private csGood = 0;
  private csZero = 0;
  private csPartial = 0;
  private csBad = 0;
  private csUnverifiable = 0;
  private csSkipped = 0;
  private readonly fragNeeded = new Map<string, CaptureEvidence['mtu']['fragNeeded'][number]>();
  private readonly outerFrags = new Map<string, { src: number; dst: number; count: number }>();
  private innerFragments = 0;
  private maxOuterIpLen = 0;
  private maxInnerIpLen = 0;
  private arpRequests = 0;
  private arpReplies = 0;
  private ndSolicits = 0;
  private ndAdverts = 0;
  private nbSecond = -1;
  private nbInSecond = 0;
  private nbPeak = 0;
  private readonly nbTargets = new Map<number, NeighbourTarget>();
  private nextSweep = 0;
  /** a DataView of the reader's buffer for the checksum loop, made again when the buffer changes */
  private viewOf: Buffer | null = null;
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

  constructor(opts: AnalyzeOptions = {}) {
    this.ports = [...new Set(opts.vxlanPorts ?? DEFAULT_VXLAN_PORTS)].sort((a, b) => a - b);
    for (const p of this.ports) this.vxPorts[p] = 1;
    this.flows = new FlowTable(this.addrs, this, opts.maxFlows);
    this.dns = new DnsTracker(this.addrs, this);
  }

  packet(b: Buffer, off: number, caplen: number, origLen: number, linkType: number): void {
    const ts = this.ts;
    this.packets++;
    this.bytes += origLen;
    if (ts < this.firstTs) this.firstTs = ts;
    if (ts > this.lastTs) this.lastTs = ts;
    if (caplen < origLen) this.snapCut++;
    if (linkType !== this.lastLink) {
      this.lastLink = linkType;
      this.linkTypes.add(linkType);
    }
    const end = off + caplen;
    let p = off;
    let et = 0;
    switch (linkType) {
      case 1:
        if (caplen < 14) break;
        et = (b[off + 12] << 8) | b[off + 13];
        p = off + 14;
        while ((et === 0x8100 || et === 0x88a8 || et === 0x9100) && p + 4 <= end) {
          et = (b[p + 2] << 8) | b[p + 3];
          p += 4;
        }
        break;
      case 113:
        if (caplen < 16) break;
        et = (b[off + 14] << 8) | b[off + 15];
        p = off + 16;
        break;
      case 276:
        if (caplen < 20) break;
        et = (b[off] << 8) | b[off + 1];
        p = off + 20;
        break;
      case 12:
      case 101:
      case 228:
      case 229:
        if (caplen < 1) break;
        et = b[off] >> 4 === 4 ? ETH_IPV4 : b[off] >> 4 === 6 ? ETH_IPV6 : 0;
        break;
      case 0:
      case 108: {
        if (caplen < 4) break;
        // BSD loopback: the address family in the capturing host's byte order.
        const fam = b[off] | b[off + 3];
        et = fam === 2 ? ETH_IPV4 : fam === 24 || fam === 28 || fam === 30 ? ETH_IPV6 : 0;
        p = off + 4;
        break;
      }
    }
    if (et === ETH_IPV4) this.ipv4(b, p, end, null, 0);
    else if (et === ETH_IPV6) this.ipv6(b, p, end, null, 0);
    else if (et !== ETH_ARP) this.undecoded++;
    if (ts > this.nextSweep) {
      if (this.nextSweep) this.flows.sweep(ts);
      this.nextSweep = ts + 10;
    }
  }

  private ipv4(b: Buffer, p: number, end: number, tunnel: Pair | null, vni: number): void {
    if (p + 20 > end || b[p] >> 4 !== 4) {
      if (!tunnel) this.undecoded++;
      return;
    }
    const ihl = (b[p] & 15) << 2;
    const total = (b[p + 2] << 8) | b[p + 3];
    const frag = ((b[p + 6] << 8) | b[p + 7]) & 0x3fff;
    const proto = b[p + 9];
    if (tunnel) {
      if (total > this.maxInnerIpLen) this.maxInnerIpLen = total;
    } else if (total > this.maxOuterIpLen) this.maxOuterIpLen = total;
    if (frag !== 0) {
      if (tunnel) this.innerFragments++;
      else this.outerFragment(ipv4At(b, p + 12), ipv4At(b, p + 16));
      if (frag & 0x1fff) return; // not the first fragment: no transport header
    }
    const l4 = p + ihl;
    const l4end = Math.min(end, p + total);
    this.transport(b, l4, l4end, proto, total - ihl, total, tunnel, vni, frag !== 0, p, 4);
  }

  private ipv6(b: Buffer, p: number, end: number, tunnel: Pair | null, vni: number): void {
    if (p + 40 > end || b[p] >> 4 !== 6) {
      if (!tunnel) this.undecoded++;
      return;
    }
    const plen = (b[p + 4] << 8) | b[p + 5];
    let next = b[p + 6];
    const total = plen + 40;
    if (tunnel) {
      if (total > this.maxInnerIpLen) this.maxInnerIpLen = total;
    } else if (total > this.maxOuterIpLen) this.maxOuterIpLen = total;
    let q = p + 40;
    let fragment = false;
    // Extension headers: hop-by-hop, routing, destination options, fragment.
    while ((next === 0 || next === 43 || next === 60 || next === 44) && q + 8 <= end) {
      if (next === 44) {
        fragment = true;
        if (tunnel) this.innerFragments++;
        else this.outerFragment(this.addrs.v6At(b, p + 8), this.addrs.v6At(b, p + 24));
        if (((b[q + 2] << 8) | b[q + 3]) & 0xfff8) return;
        next = b[q];
        q += 8;
      } else {
        next = b[q];
        q += (b[q + 1] + 1) << 3;
      }
    }
    const l4end = Math.min(end, p + total);
    this.transport(b, q, l4end, next, p + total - q, total, tunnel, vni, fragment, p, 6);
  }

  private outerFragment(src: number, dst: number): void {
    const key = `${src}|${dst}`;
    const f = this.outerFrags.get(key);
    if (f) f.count++;
    else if (this.outerFrags.size < 10_000) this.outerFrags.set(key, { src, dst, count: 1 });
  }

  /** `len` is the transport segment's length from the IP header; [l4, end) what the capture holds of it. */
  private transport(b: Buffer, l4: number, end: number, proto: number, len: number, ipLen: number, tunnel: Pair | null, vni: number, fragment: boolean, ip: number, version: number): void {
    if (proto === PROTO_UDP) {
      if (l4 + 8 > end) return;
      const sport = (b[l4] << 8) | b[l4 + 1];
      const dport = (b[l4 + 2] << 8) | b[l4 + 3];
      if (!tunnel && this.vxPorts[dport] === 1) {
        this.vxlan(b, l4, end, len, ipLen, fragment, ip, version);
        return;
      }
      this.flows.packet(PROTO_UDP, b, ip, version, sport, dport, tunnel, vni, l4, len - 8, ipLen);
      if (sport === 53 || dport === 53) this.dns.packet(b, ip, version, sport, dport, tunnel, l4 + 8, end);
    } else if (proto === PROTO_TCP) {
      if (l4 + 20 > end) return;
      const sport = (b[l4] << 8) | b[l4 + 1];
      const dport = (b[l4 + 2] << 8) | b[l4 + 3];
      const payload = len - ((b[l4 + 12] >> 4) << 2);
      this.flows.packet(PROTO_TCP, b, ip, version, sport, dport, tunnel, vni, l4, payload, ipLen);
    } else if (proto === PROTO_ICMP) {
      if (l4 + 8 > end) return;
      if (b[l4] === 3 && b[l4 + 1] === 4 && l4 + 28 <= end) this.tooBig(ipv4At(b, ip + 12), ipv4At(b, ip + 16), ipv4At(b, l4 + 24), (b[l4 + 6] << 8) | b[l4 + 7], tunnel !== null);
    } else if (proto === PROTO_ICMP6) {
      if (l4 + 8 > end) return;
      const type = b[l4];
      if (type === 2 && l4 + 48 <= end) this.tooBig(this.addrs.v6At(b, ip + 8), this.addrs.v6At(b, ip + 24), this.addrs.v6At(b, l4 + 32), ipv4At(b, l4 + 4), tunnel !== null);
      else if (tunnel && (type === 135 || type === 136) && l4 + 24 <= end) this.neighbour(type === 135, this.addrs.v6At(b, l4 + 8), this.addrs.v6At(b, ip + 8), tunnel, vni);
    }
  }

  private tooBig(from: number, to: number, about: number, mtu: number, overlay: boolean): void {
    const key = `${from}|${to}|${about}|${mtu}|${overlay}`;
    const e = this.fragNeeded.get(key);
    if (e) e.count++;
    else if (this.fragNeeded.size < 1000) this.fragNeeded.set(key, { from: this.addrs.name(from), to: this.addrs.name(to), about: this.addrs.name(about), mtu, count: 1, overlay });
  }

  private vxlan(b: Buffer, u: number, end: number, udpLen: number, ipLen: number, fragment: boolean, ip: number, version: number): void {
    const pair = this.pair(b, ip, version);
    pair.packets++;
    pair.bytes += ipLen;
    pair.lastTs = this.ts;
    if (ipLen > pair.maxIpLen) pair.maxIpLen = ipLen;
    this.vxlanPackets++;
    // Outer UDP checksum: zero means none; otherwise verify a sample.
    const check = (b[u + 6] << 8) | b[u + 7];
    if (check === 0) this.csZero++;
    else if (pair.checked >= CHECKSUM_FIRST && (pair.packets & (CHECKSUM_EVERY - 1)) !== 0) this.csSkipped++;
    else if (fragment || u + udpLen > end) this.csUnverifiable++;
    else {
      pair.checked++;
      const pseudo = pseudoSum(b, ip, version, udpLen);
      let sum = pseudo;
      if (b !== this.viewOf) {
        this.viewOf = b;
        this.view = new DataView(b.buffer, b.byteOffset, b.length);
      }
      const v = this.view;
      const stop = u + udpLen;
      let i = u;
      // Two 32-bit big-endian words a step (one load each, not two bytes and a shift per 16 bits): the
      // one loop that touches payload bytes. A one's complement sum of 32-bit words folds to the same
      // 16-bit sum, as 2^16 ≡ 1 (mod 2^16 − 1); a double holds the total exactly (below 2^53).
      for (const stop8 = stop - 7; i < stop8; i += 8) sum += v.getUint32(i) + v.getUint32(i + 4);
      for (; i + 1 < stop; i += 2) sum += v.getUint16(i);
      if (i < stop) sum += b[i] << 8;
      if (fold(sum) === 0xffff) this.csGood++;
      else if (check === fold(pseudo)) this.csPartial++;
      else {
        this.csBad++;
        pair.badChecksums++;
      }
    }
    if (u + 16 > end || (b[u + 8] & 0x08) === 0) return;
    const vni = (b[u + 12] << 16) | (b[u + 13] << 8) | b[u + 14];
    if (vni !== this.lastVni) {
      let c = this.vnis.get(vni);
      if (!c) this.vnis.set(vni, (c = { packets: 0 }));
      this.lastVni = vni;
      this.lastVniCount = c;
    }
    this.lastVniCount.packets++;
    if (vni !== pair.lastVni) {
      pair.lastVni = vni;
      if (!pair.vnis.includes(vni) && pair.vnis.length < 16) pair.vnis.push(vni);
    }
    // The inner Ethernet frame.
    const e = u + 16;
    if (e + 14 > end) return;
    const et = (b[e + 12] << 8) | b[e + 13];
    if (et === ETH_IPV4) this.ipv4(b, e + 14, end, pair, vni);
    else if (et === ETH_IPV6) this.ipv6(b, e + 14, end, pair, vni);
    else if (et === ETH_ARP && e + 14 + 28 <= end) {
      const a = e + 14;
      const op = (b[a + 6] << 8) | b[a + 7];
      if (op === 1) this.neighbour(true, ipv4At(b, a + 24), ipv4At(b, a + 14), pair, vni);
      else if (op === 2) this.neighbour(false, ipv4At(b, a + 14), ipv4At(b, a + 24), pair, vni);
    }
  }

  /** The VXLAN direction of the IP header at b[ip]. (Addresses are read here, not passed in: a number above 2^30 passed to a call is boxed on the heap.) */
  private pair(b: Buffer, ip: number, version: number): Pair {
    const src = version === 4 ? ipv4At(b, ip + 12) : this.addrs.v6At(b, ip + 8);
    const dst = version === 4 ? ipv4At(b, ip + 16) : this.addrs.v6At(b, ip + 24);
    const key = (Math.imul(src | 0, 0x9e3779b1) ^ Math.imul(dst | 0, 0x85ebca77)) >>> 20;
    let p = this.pairs[key];
    const head = p;
    while (p !== null && (p.src !== src || p.dst !== dst)) p = p.next;
    if (p === null) {
      p = new Pair(src, dst);
      p.firstTs = this.ts;
      p.next = head;
      this.pairs[key] = p;
    }
    return p;
  }

  /** ARP or ND inside the tunnel: a request for `target` (by `from`), or a reply from it. */
  private neighbour(request: boolean, target: number, from: number, tunnel: Pair, vni: number): void {
    const v6 = target >= 4294967296;
    if (request) {
      if (v6) this.ndSolicits++;
      else this.arpRequests++;
      const sec = Math.floor(this.ts);
      if (sec !== this.nbSecond) {
        this.nbSecond = sec;
        this.nbInSecond = 0;
      }
      if (++this.nbInSecond > this.nbPeak) this.nbPeak = this.nbInSecond;
    } else if (v6) this.ndAdverts++;
    else this.arpReplies++;
    let t = this.nbTargets.get(target);
    if (!t) {
      if (this.nbTargets.size >= 10_000) return;
      t = { requests: 0, replies: 0, from, vni, tunnel };
      this.nbTargets.set(target, t);
    }
    if (request) t.requests++;
    else t.replies++;
  }

  /** The evidence: everything counted, bounded lists, addresses as text. */
  evidence(file: string, read: ReadSummary): CaptureEvidence {
    this.flows.finish();
    const n = this.addrs;
    const pairs: Pair[] = [];
    for (const head of this.pairs) for (let p: Pair | null = head; p; p = p.next) pairs.push(p);
    const has = new Set(pairs.map((p) => `${p.src}|${p.dst}`));
    const pairList = new TopList<Pair>(200, (p) => p.packets);
    for (const p of pairs) pairList.offer(p);
    const totals = this.flows.totals;
    const badBySource = pairs
      .filter((p) => p.badChecksums > 0)
      .sort((a, b) => b.badChecksums - a.badChecksums)
      .slice(0, 32)
      .map((p) => ({ src: n.name(p.src), dst: n.name(p.dst), bad: p.badChecksums, checked: p.checked }));
    const unanswered = [...this.nbTargets.entries()]
      .filter(([, t]) => t.replies === 0 && t.requests >= 3)
      .sort((a, b) => b[1].requests - a[1].requests)
      .slice(0, 20)
      .map(([target, t]) => ({ target: n.name(target), requests: t.requests, from: n.name(t.from), vni: t.vni, src: n.name(t.tunnel.src), dst: n.name(t.tunnel.dst) }));
    const ev: CaptureEvidence = {
      file,
      format: read.format,
      linkTypes: [...this.linkTypes].map((t) => LINK_NAMES[t] ?? `linktype ${t}`),
      packets: this.packets,
      bytes: this.bytes,
      snapCut: this.snapCut,
      undecoded: this.undecoded,
      problems: read.problems.slice(0, 20),
      vxlan: { ports: this.ports, packets: this.vxlanPackets, vnis: [...this.vnis.entries()].sort((a, b) => b[1].packets - a[1].packets).slice(0, 32).map(([vni, c]) => ({ vni, packets: c.packets })) },
      pairs: pairList.list().map((p) => ({
        src: n.name(p.src),
        dst: n.name(p.dst),
        packets: p.packets,
        bytes: p.bytes,
        vnis: p.vnis,
        flows: p.flows,
        reverseSilent: !has.has(`${p.dst}|${p.src}`),
        firstTs: p.firstTs,
        lastTs: p.lastTs,
        maxIpLen: p.maxIpLen,
        badChecksums: p.badChecksums,
        retransmits: p.retransmits,
      })),
      pairsLeftOut: Math.max(0, pairs.length - 200),
      flows: { overlay: totals.overlay, plain: totals.plain, untrackedPackets: totals.untrackedPackets, oneWay: this.flows.oneWay.list(), oneWayTotal: this.flows.oneWay.total },
      checksums: { good: this.csGood, zero: this.csZero, partial: this.csPartial, bad: this.csBad, unverifiable: this.csUnverifiable, skipped: this.csSkipped, badBySource },
      mtu: {
        fragNeeded: [...this.fragNeeded.values()].sort((a, b) => b.count - a.count).slice(0, 20),
        outerFragments: [...this.outerFrags.values()]
          .filter((f) => has.has(`${f.src}|${f.dst}`))
          .sort((a, b) => b.count - a.count)
          .slice(0, 20)
          .map((f) => ({ src: n.name(f.src), dst: n.name(f.dst), count: f.count })),
        innerFragments: this.innerFragments,
        maxOuterIpLen: this.maxOuterIpLen,
        maxInnerIpLen: this.maxInnerIpLen,
      },
      neighbour: { arpRequests: this.arpRequests, arpReplies: this.arpReplies, ndSolicits: this.ndSolicits, ndAdverts: this.ndAdverts, peakPerSecond: this.nbPeak, unanswered },
      dns: this.dns.summary(this.lastTs),
      tcp: { flows: totals.tcpFlows, resets: totals.resets, retransmits: totals.retransmits, synUnanswered: totals.synUnanswered, stalled: this.flows.stalls.list(), stalledTotal: this.flows.stalls.total },
    };
    if (this.packets) {
      ev.firstTs = this.firstTs;
      ev.lastTs = this.lastTs;
    }
    if (read.truncated) ev.truncated = read.truncated;
    return ev;
  }
}

function fold(sum: number): number {
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 65536);
  return sum;
}

/** The UDP pseudo-header sum for the IP header at `ip` (IPv4 or IPv6). */
function pseudoSum(b: Buffer, ip: number, version: number, udpLen: number): number {
  let sum = 17 + udpLen;
  // the source and destination addresses (no [from, to] array: this runs for every packet checked)
  const from = version === 4 ? ip + 12 : ip + 8;
  const to = version === 4 ? ip + 20 : ip + 40;
  for (let i = from; i < to; i += 2) sum += (b[i] << 8) | b[i + 1];
  return sum;
}

/** Reads and analyses a capture file in one pass. */
export function analyzeCapture(path: string, opts: AnalyzeOptions = {}): CaptureEvidence {
  const analyzer = new CaptureAnalyzer(opts);
  const read = readCapture(path, analyzer);
  return analyzer.evidence(path, read);
}
