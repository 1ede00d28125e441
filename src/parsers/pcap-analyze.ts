/**
 * The VXLAN-aware capture analysis: one streaming pass over the packets of src/parsers/pcap-reader.ts
 * that decodes the underlay (Ethernet, VLAN, Linux cooked, raw IP, loopback; IPv4 and IPv6), the
 * VXLAN tunnel (UDP 8472 and 4789 by default) and the overlay inside it, and keeps bounded counters:
 * node pairs, VNIs, outer UDP checksums, fragments and ICMP frag-needed, ARP/ND in the tunnel, DNS
 * and TCP. It allocates nothing per packet on the common path and judges nothing: the rules do.
 * This is the JavaScript decoder: the reference and the fallback. Where WebAssembly runs, its per-packet
 * work is done by the core (src/parsers/pcap-wasm.ts extends this class), with the same evidence.
 */
import type { CaptureEvidence, CaptureFlow, CaptureStall } from '../evidence/capture.js';
import { DnsTracker, type DnsSink } from './pcap-dns.js';
import { FlowTable, PairTable, PROTO_TCP, PROTO_UDP, type FlowTotals, type PairColumns } from './pcap-flows.js';
import type { PacketSink, ReadSummary } from './pcap-reader.js';
import { Addresses, ipv4At, TopList } from './pcap-stats.js';

export const DEFAULT_VXLAN_PORTS = [8472, 4789];

export interface AnalyzeOptions {
  /** UDP destination ports that carry VXLAN (default 8472 and 4789) */
  vxlanPorts?: number[];
  /** flows followed at once (memory bound); more are counted, not followed */
  maxFlows?: number;
  /**
   * 'wasm' (the default when WebAssembly loads): the per-packet work in the WebAssembly core
   * (src/parsers/pcap-wasm.ts); 'js': all of it in this file's decoder. The reports are the same.
   */
  engine?: 'wasm' | 'js';
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

/** A record longer than this is corrupt, not a packet (as the reader says). */
const MAX_RECORD = 64 << 20;
/** Why run() stopped: the window's end (or a corrupt record), a packet for the full decoder, a sweep due. */
const STOP_END = 0;
const STOP_OTHER = 1;
const STOP_SWEEP = 2;

interface NeighbourTarget {
  requests: number;
  replies: number;
  from: number;
  vni: number;
  /** the VXLAN pair the first request crossed */
  tunnel: number;
}

export class CaptureAnalyzer implements PacketSink {
  /** the current packet's time in [0], shared with the tables (see PairTable) */
  protected readonly clock = new Float64Array(1);
  packets = 0;
  bytes = 0;
  firstTs = Infinity;
  lastTs = 0;
  snapCut = 0;
  undecoded = 0;
  readonly addrs = new Addresses();
  private readonly pairs = new PairTable(this.clock);
  private readonly flows: FlowTable;
  /** DnsTracker; the WebAssembly analyzer's keeps its tables in the core */
  protected dns: DnsSink;
  private readonly vxPorts: Uint8Array = new Uint8Array(65536);
  protected readonly ports: number[];
  private readonly linkTypes = new Set<number>();
  protected lastLink = -1;
  protected vxlanPackets = 0;
  protected readonly vnis = new Map<number, { packets: number }>();
  /** the last VNI seen and its counter: a cluster uses one or two, so the Map is rarely consulted */
  private lastVni = -1;
  private lastVniCount: { packets: number } = { packets: 0 };
  protected csGood = 0;
  protected csZero = 0;
  protected csPartial = 0;
  protected csBad = 0;
  protected csUnverifiable = 0;
  protected csSkipped = 0;
  private readonly fragNeeded = new Map<string, CaptureEvidence['mtu']['fragNeeded'][number]>();
  private readonly outerFrags = new Map<string, { src: number; dst: number; count: number }>();
  private innerFragments = 0;
  protected maxOuterIpLen = 0;
  protected maxInnerIpLen = 0;
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
    this.flows = new FlowTable(this.addrs, this.pairs, this.clock, opts.maxFlows);
    this.dns = new DnsTracker(this.addrs, (p) => this.pairDst(p), this.clock);
  }

  /** The current packet's time (set by the reader before packet()). */
  get ts(): number {
    return this.clock[0];
  }

  set ts(t: number) {
    this.clock[0] = t;
  }

  /**
   * The reader's fast path for classic pcap: every whole, sane record in buf[o, len) (see
   * PacketSink.walkPcap). The packets of the shapes that make nearly all of an overlay capture are
   * decoded by run(), one tight loop; it stops for anything rare (a packet of another shape, a flow
   * sweep due), which is done here, and goes on.
   */
  walkPcap(buf: Buffer, o: number, len: number, hdr: number, le: number, frac: number, linkType: number, counts: Float64Array): number {
    for (;;) {
      o = this.run(buf, o, len, hdr, le, frac, linkType === 1 ? 1 : 0, counts);
      const stop = counts[1];
      if (stop === STOP_SWEEP) this.sweep();
      else if (stop === STOP_OTHER) {
        // The record at o, its time already on the clock: through the full decoder.
        const caplen = le === 1 ? buf.readUInt32LE(o + 8) : buf.readUInt32BE(o + 8);
        const orig = le === 1 ? buf.readUInt32LE(o + 12) : buf.readUInt32BE(o + 12);
        this.packet(buf, o + hdr, caplen, orig, linkType);
        counts[0]++;
        o += hdr + caplen;
      } else return o;
    }
  }

  /**
   * The loop of walkPcap(): takes records while fast() decodes them. It stops at the first record
   * that is not whole or sane (STOP_END: the reader refills or reports), one that fast() declines
   * (STOP_OTHER, at its offset, its time on the clock), or after a packet that makes a flow sweep due
   * (STOP_SWEEP); the reason in counts[1]. Nothing rare is called from inside the loop, so the code the
   * optimiser makes for it never meets a path it has not seen (which would throw it away, to be made
   * again).
   */
  private run(buf: Buffer, o: number, len: number, hdr: number, le: number, frac: number, ether: number, counts: Float64Array): number {
    let n = 0;
    let stop = STOP_END;
    while (o + hdr <= len) {
      // Signed 32 bits: a length with the top bit set is negative here, and corrupt either way.
      const caplen = le === 1 ? buf[o + 8] | (buf[o + 9] << 8) | (buf[o + 10] << 16) | (buf[o + 11] << 24) : (buf[o + 8] << 24) | (buf[o + 9] << 16) | (buf[o + 10] << 8) | buf[o + 11];
      if (caplen > MAX_RECORD || caplen < 0 || o + hdr + caplen > len) break;
      let sec: number;
      let sub: number;
      let orig: number;
      if (le === 1) {
        sec = (buf[o] | (buf[o + 1] << 8) | (buf[o + 2] << 16) | (buf[o + 3] << 24)) >>> 0;
        sub = (buf[o + 4] | (buf[o + 5] << 8) | (buf[o + 6] << 16) | (buf[o + 7] << 24)) >>> 0;
        orig = (buf[o + 12] | (buf[o + 13] << 8) | (buf[o + 14] << 16) | (buf[o + 15] << 24)) >>> 0;
      } else {
        sec = ((buf[o] << 24) | (buf[o + 1] << 16) | (buf[o + 2] << 8) | buf[o + 3]) >>> 0;
        sub = ((buf[o + 4] << 24) | (buf[o + 5] << 16) | (buf[o + 6] << 8) | buf[o + 7]) >>> 0;
        orig = ((buf[o + 12] << 24) | (buf[o + 13] << 16) | (buf[o + 14] << 8) | buf[o + 15]) >>> 0;
      }
      this.clock[0] = sec + sub * frac;
      if (ether === 0 || !this.fast(buf, o + hdr, caplen, orig)) {
        stop = STOP_OTHER;
        break;
      }
      n++;
      o += hdr + caplen;
      if (this.clock[0] > this.nextSweep) {
        stop = STOP_SWEEP;
        break;
      }
    }
    counts[0] += n;
    counts[1] = stop;
    return o;
  }

  /**
   * Ethernet frames of the common shapes: VXLAN (IPv4, no options, not fragmented, VNI flag set)
   * carrying IPv4 TCP or UDP the same way, and plain IPv4 TCP. Every header is checked before anything
   * is counted; false (nothing counted) for any other frame. The effects are exactly packet()'s.
   */
  private fast(b: Buffer, p: number, caplen: number, orig: number): boolean {
    if (caplen < 34 || b[p + 12] !== 8 || b[p + 13] !== 0 || b[p + 14] !== 0x45) return false;
    const ip = p + 14;
    if ((b[ip + 6] & 0x3f) !== 0 || b[ip + 7] !== 0) return false;
    const total = (b[ip + 2] << 8) | b[ip + 3];
    const lend = Math.min(p + caplen, ip + total);
    const l4 = ip + 20;
    // The flow's IP header, transport header and their ends: the inner ones for VXLAN.
    let fip = ip;
    let ftotal = total;
    let t = l4;
    let tend = lend;
    let proto = b[ip + 9];
    if (proto === PROTO_UDP) {
      if (l4 + 16 > lend || this.vxPorts[(b[l4 + 2] << 8) | b[l4 + 3]] !== 1 || (b[l4 + 8] & 0x08) === 0) return false;
      const e = l4 + 16;
      if (e + 34 > lend || b[e + 12] !== 8 || b[e + 13] !== 0 || b[e + 14] !== 0x45) return false;
      fip = e + 14;
      if ((b[fip + 6] & 0x3f) !== 0 || b[fip + 7] !== 0) return false;
      ftotal = (b[fip + 2] << 8) | b[fip + 3];
      tend = Math.min(lend, fip + ftotal);
      t = fip + 20;
      proto = b[fip + 9];
      if (proto === PROTO_TCP ? t + 20 > tend : proto !== PROTO_UDP || t + 8 > tend) return false;
    } else if (proto !== PROTO_TCP || l4 + 20 > lend) return false;
    // The shape is known: count.
    this.account(caplen, orig);
    if (this.lastLink !== 1) this.link(1);
    if (total > this.maxOuterIpLen) this.maxOuterIpLen = total;
    let tunnel = -1;
    let vni = 0;
    if (fip !== ip) {
      tunnel = this.tunnel(b, ip, l4, total, lend);
      vni = (b[l4 + 12] << 16) | (b[l4 + 13] << 8) | b[l4 + 14];
      if (ftotal > this.maxInnerIpLen) this.maxInnerIpLen = ftotal;
    }
    const s = (b[fip + 12] << 24) | (b[fip + 13] << 16) | (b[fip + 14] << 8) | b[fip + 15];
    const d = (b[fip + 16] << 24) | (b[fip + 17] << 16) | (b[fip + 18] << 8) | b[fip + 19];
    const sport = (b[t] << 8) | b[t + 1];
    const dport = (b[t + 2] << 8) | b[t + 3];
    const payload = proto === PROTO_TCP ? ftotal - 20 - ((b[t + 12] >> 4) << 2) : ftotal - 28;
    this.flows.packet4(proto, s, d, sport, dport, tunnel, vni, b, t, payload, ftotal);
    if (proto === PROTO_UDP && (sport === 53 || dport === 53)) this.dns.packet(b, fip, 4, sport, dport, tunnel, t + 8, tend);
    // The flow sweep a packet's time may make due is run()'s caller's (packet() does its own).
    return true;
  }

  /**
   * fast()'s VXLAN part, for the outer IPv4 header at b[ip] (no options, not fragmented) and its UDP
   * header at b[u] (the VXLAN header whole in the capture, its VNI flag set): the pair and its
   * counters, the outer checksum, the VNI. Returns the pair.
   */
  private tunnel(b: Buffer, ip: number, u: number, total: number, lend: number): number {
    const pairs = this.pairs;
    const pair = pairs.get4((b[ip + 12] << 24) | (b[ip + 13] << 16) | (b[ip + 14] << 8) | b[ip + 15], (b[ip + 16] << 24) | (b[ip + 17] << 16) | (b[ip + 18] << 8) | b[ip + 19]);
    const pp = ++pairs.packets[pair];
    pairs.bytes[pair] += total;
    pairs.lastTs[pair] = this.clock[0];
    if (total > pairs.maxIpLen[pair]) pairs.maxIpLen[pair] = total;
    this.vxlanPackets++;
    const check = (b[u + 6] << 8) | b[u + 7];
    if (check === 0) this.csZero++;
    else if (pairs.checked[pair] >= CHECKSUM_FIRST && (pp & (CHECKSUM_EVERY - 1)) !== 0) this.csSkipped++;
    else if (ip + total > lend) this.csUnverifiable++;
    else this.verify(b, u, total - 20, check, ip, 4, pair);
    const vni = (b[u + 12] << 16) | (b[u + 13] << 8) | b[u + 14];
    if (vni !== this.lastVni) this.vniCounter(vni);
    this.lastVniCount.packets++;
    if (vni !== pairs.lastVni[pair]) pairs.vni(pair, vni);
    return pair;
  }

  /** What every packet counts, whatever it holds. */
  private account(caplen: number, origLen: number): void {
    const ts = this.clock[0];
    this.packets++;
    this.bytes += origLen;
    if (ts < this.firstTs) this.firstTs = ts;
    if (ts > this.lastTs) this.lastTs = ts;
    if (caplen < origLen) this.snapCut++;
  }

  protected link(linkType: number): void {
    this.lastLink = linkType;
    this.linkTypes.add(linkType);
  }

  /** Every 10 s of capture time: judges and drops the flows gone idle. */
  private sweep(): void {
    const ts = this.clock[0];
    if (this.nextSweep) this.flows.sweep(ts);
    this.nextSweep = ts + 10;
  }

  private vniCounter(vni: number): void {
    let c = this.vnis.get(vni);
    if (!c) this.vnis.set(vni, (c = { packets: 0 }));
    this.lastVni = vni;
    this.lastVniCount = c;
  }

  packet(b: Buffer, off: number, caplen: number, origLen: number, linkType: number): void {
    this.account(caplen, origLen);
    if (linkType !== this.lastLink) this.link(linkType);
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
    if (et === ETH_IPV4) this.ipv4(b, p, end, -1, 0);
    else if (et === ETH_IPV6) this.ipv6(b, p, end, -1, 0);
    else if (et !== ETH_ARP) this.undecoded++;
    this.sweepIfDue();
  }

  private ipv4(b: Buffer, p: number, end: number, tunnel: number, vni: number): void {
    if (p + 20 > end || b[p] >> 4 !== 4) {
      if (tunnel < 0) this.undecoded++;
      return;
    }
    const ihl = (b[p] & 15) << 2;
    const total = (b[p + 2] << 8) | b[p + 3];
    const frag = ((b[p + 6] << 8) | b[p + 7]) & 0x3fff;
    const proto = b[p + 9];
    if (tunnel >= 0) {
      if (total > this.maxInnerIpLen) this.maxInnerIpLen = total;
    } else if (total > this.maxOuterIpLen) this.maxOuterIpLen = total;
    if (frag !== 0) {
      if (tunnel >= 0) this.innerFragments++;
      else this.outerFragment(ipv4At(b, p + 12), ipv4At(b, p + 16));
      if (frag & 0x1fff) return; // not the first fragment: no transport header
    }
    const l4 = p + ihl;
    const l4end = Math.min(end, p + total);
    this.transport(b, l4, l4end, proto, total - ihl, total, tunnel, vni, frag !== 0, p, 4);
  }

  private ipv6(b: Buffer, p: number, end: number, tunnel: number, vni: number): void {
    if (p + 40 > end || b[p] >> 4 !== 6) {
      if (tunnel < 0) this.undecoded++;
      return;
    }
    const plen = (b[p + 4] << 8) | b[p + 5];
    let next = b[p + 6];
    const total = plen + 40;
    if (tunnel >= 0) {
      if (total > this.maxInnerIpLen) this.maxInnerIpLen = total;
    } else if (total > this.maxOuterIpLen) this.maxOuterIpLen = total;
    let q = p + 40;
    let fragment = false;
    // Extension headers: hop-by-hop, routing, destination options, fragment.
    while ((next === 0 || next === 43 || next === 60 || next === 44) && q + 8 <= end) {
      if (next === 44) {
        fragment = true;
        if (tunnel >= 0) this.innerFragments++;
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

  /** The source and destination address numbers of the IP header at b[ip]. */
  private srcOf(b: Buffer, ip: number, version: number): number {
    return version === 4 ? ipv4At(b, ip + 12) : this.addrs.v6At(b, ip + 8);
  }

  private dstOf(b: Buffer, ip: number, version: number): number {
    return version === 4 ? ipv4At(b, ip + 16) : this.addrs.v6At(b, ip + 24);
  }

  /** `len` is the transport segment's length from the IP header; [l4, end) what the capture holds of it. */
  private transport(b: Buffer, l4: number, end: number, proto: number, len: number, ipLen: number, tunnel: number, vni: number, fragment: boolean, ip: number, version: number): void {
    if (proto === PROTO_UDP) {
      if (l4 + 8 > end) return;
      const sport = (b[l4] << 8) | b[l4 + 1];
      const dport = (b[l4 + 2] << 8) | b[l4 + 3];
      if (tunnel < 0 && this.vxPorts[dport] === 1) {
        this.vxlan(b, l4, end, len, ipLen, fragment, ip, version);
        return;
      }
      this.flowPacket(PROTO_UDP, this.srcOf(b, ip, version), this.dstOf(b, ip, version), sport, dport, tunnel, vni, b, l4, len - 8, ipLen);
      if (sport === 53 || dport === 53) this.dns.packet(b, ip, version, sport, dport, tunnel, l4 + 8, end);
    } else if (proto === PROTO_TCP) {
      if (l4 + 20 > end) return;
      const sport = (b[l4] << 8) | b[l4 + 1];
      const dport = (b[l4 + 2] << 8) | b[l4 + 3];
      const payload = len - ((b[l4 + 12] >> 4) << 2);
      this.flowPacket(PROTO_TCP, this.srcOf(b, ip, version), this.dstOf(b, ip, version), sport, dport, tunnel, vni, b, l4, payload, ipLen);
    } else if (proto === PROTO_ICMP) {
      if (l4 + 8 > end) return;
      if (b[l4] === 3 && b[l4 + 1] === 4 && l4 + 28 <= end) this.tooBig(ipv4At(b, ip + 12), ipv4At(b, ip + 16), ipv4At(b, l4 + 24), (b[l4 + 6] << 8) | b[l4 + 7], tunnel >= 0);
    } else if (proto === PROTO_ICMP6) {
      if (l4 + 8 > end) return;
      const type = b[l4];
      if (type === 2 && l4 + 48 <= end) this.tooBig(this.addrs.v6At(b, ip + 8), this.addrs.v6At(b, ip + 24), this.addrs.v6At(b, l4 + 32), ipv4At(b, l4 + 4), tunnel >= 0);
      else if (tunnel >= 0 && (type === 135 || type === 136) && l4 + 24 <= end) this.neighbour(type === 135, this.addrs.v6At(b, l4 + 8), this.addrs.v6At(b, ip + 8), tunnel, vni);
    }
  }

  private tooBig(from: number, to: number, about: number, mtu: number, overlay: boolean): void {
    const key = `${from}|${to}|${about}|${mtu}|${overlay}`;
    const e = this.fragNeeded.get(key);
    if (e) e.count++;
    else if (this.fragNeeded.size < 1000) this.fragNeeded.set(key, { from: this.addrs.name(from), to: this.addrs.name(to), about: this.addrs.name(about), mtu, count: 1, overlay });
  }

  private vxlan(b: Buffer, u: number, end: number, udpLen: number, ipLen: number, fragment: boolean, ip: number, version: number): void {
    const pair = this.pairOf(this.srcOf(b, ip, version), this.dstOf(b, ip, version));
    const pp = this.pairPacket(pair, ipLen);
    // Outer UDP checksum: zero means none; otherwise verify a sample.
    const check = (b[u + 6] << 8) | b[u + 7];
    if (check === 0) this.csZero++;
    else if (this.pairChecked(pair) >= CHECKSUM_FIRST && (pp & (CHECKSUM_EVERY - 1)) !== 0) this.csSkipped++;
    else if (fragment || u + udpLen > end) this.csUnverifiable++;
    else this.verify(b, u, udpLen, check, ip, version, pair);
    if (u + 16 > end || (b[u + 8] & 0x08) === 0) return;
    const vni = (b[u + 12] << 16) | (b[u + 13] << 8) | b[u + 14];
    this.vniPacket(vni);
    this.pairVni(pair, vni);
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

  /** Verifies the outer UDP checksum `check` of the datagram at b[u, u + udpLen) (whole in the capture). */
  private verify(b: Buffer, u: number, udpLen: number, check: number, ip: number, version: number, pair: number): void {
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
    let bad = false;
    if (fold(sum) === 0xffff) this.csGood++;
    else if (check === fold(pseudo)) this.csPartial++;
    else {
      this.csBad++;
      bad = true;
    }
    this.pairChecksum(pair, bad);
  }

  // The tables the full decoder shares with the fast path: PairTable and FlowTable here, the
  // WebAssembly core's in src/parsers/pcap-wasm.ts (which overrides these).

  /** The VXLAN pair of two address numbers, made now if new. */
  protected pairOf(src: number, dst: number): number {
    return this.pairs.get(src, dst);
  }

  /** Counts a VXLAN packet of `ipLen` bytes on the pair, now; returns the pair's packets so far. */
  protected pairPacket(pair: number, ipLen: number): number {
    const pairs = this.pairs;
    const pp = ++pairs.packets[pair];
    pairs.bytes[pair] += ipLen;
    pairs.lastTs[pair] = this.clock[0];
    if (ipLen > pairs.maxIpLen[pair]) pairs.maxIpLen[pair] = ipLen;
    this.vxlanPackets++;
    return pp;
  }

  protected pairChecked(pair: number): number {
    return this.pairs.checked[pair];
  }

  /** One outer checksum verified on the pair; `bad`: it was wrong. */
  protected pairChecksum(pair: number, bad: boolean): void {
    this.pairs.checked[pair]++;
    if (bad) this.pairs.badChecksums[pair]++;
  }

  protected pairVni(pair: number, vni: number): void {
    this.pairs.vni(pair, vni);
  }

  protected pairDst(pair: number): number {
    return this.pairs.dst[pair];
  }

  /** A VXLAN packet's VNI, counted. */
  protected vniPacket(vni: number): void {
    if (vni !== this.lastVni) this.vniCounter(vni);
    this.lastVniCount.packets++;
  }

  /** FlowTable.packet(). */
  protected flowPacket(proto: number, src: number, dst: number, sport: number, dport: number, tunnel: number, vni: number, buf: Buffer, tcpOff: number, payload: number, ipLen: number): void {
    this.flows.packet(proto, src, dst, sport, dport, tunnel, vni, buf, tcpOff, payload, ipLen);
  }

  /** Judges and drops the idle flows when the current packet's time makes a sweep due. */
  protected sweepIfDue(): void {
    if (this.clock[0] > this.nextSweep) this.sweep();
  }

  /** Judges the flows still open; the pairs and what the flows found. */
  protected results(): { P: PairColumns; totals: FlowTotals; oneWay: TopList<CaptureFlow>; stalls: TopList<CaptureStall> } {
    this.flows.finish();
    return { P: this.pairs, totals: this.flows.totals, oneWay: this.flows.oneWay, stalls: this.flows.stalls };
  }

  /** ARP or ND inside the tunnel: a request for `target` (by `from`), or a reply from it. */
  private neighbour(request: boolean, target: number, from: number, tunnel: number, vni: number): void {
    const v6 = target >= 4294967296;
    if (request) {
      if (v6) this.ndSolicits++;
      else this.arpRequests++;
      const sec = Math.floor(this.clock[0]);
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
    const { P, totals, oneWay, stalls } = this.results();
    const n = this.addrs;
    const pairs = P.order();
    const has = new Set(pairs.map((p) => `${P.src[p]}|${P.dst[p]}`));
    const pairList = new TopList<number>(200, (p) => P.packets[p]);
    for (const p of pairs) pairList.offer(p);
    const badBySource = pairs
      .filter((p) => P.badChecksums[p] > 0)
      .sort((a, b) => P.badChecksums[b] - P.badChecksums[a])
      .slice(0, 32)
      .map((p) => ({ src: n.name(P.src[p]), dst: n.name(P.dst[p]), bad: P.badChecksums[p], checked: P.checked[p] }));
    const unanswered = [...this.nbTargets.entries()]
      .filter(([, t]) => t.replies === 0 && t.requests >= 3)
      .sort((a, b) => b[1].requests - a[1].requests)
      .slice(0, 20)
      .map(([target, t]) => ({ target: n.name(target), requests: t.requests, from: n.name(t.from), vni: t.vni, src: n.name(P.src[t.tunnel]), dst: n.name(P.dst[t.tunnel]) }));
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
        src: n.name(P.src[p]),
        dst: n.name(P.dst[p]),
        packets: P.packets[p],
        bytes: P.bytes[p],
        vnis: P.vnis[p],
        flows: P.flows[p],
        reverseSilent: !has.has(`${P.dst[p]}|${P.src[p]}`),
        firstTs: P.firstTs[p],
        lastTs: P.lastTs[p],
        maxIpLen: P.maxIpLen[p],
        badChecksums: P.badChecksums[p],
        retransmits: P.retransmits[p],
      })),
      pairsLeftOut: Math.max(0, pairs.length - 200),
      flows: { overlay: totals.overlay, plain: totals.plain, untrackedPackets: totals.untrackedPackets, oneWay: oneWay.list(), oneWayTotal: oneWay.total },
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
      tcp: { flows: totals.tcpFlows, resets: totals.resets, retransmits: totals.retransmits, synUnanswered: totals.synUnanswered, stalled: stalls.list(), stalledTotal: stalls.total },
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
