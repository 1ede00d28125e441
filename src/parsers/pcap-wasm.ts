/**
 * The capture analysis with its per-packet work in WebAssembly: the core (src/parsers/assembly/
 * pcap-core.ts, AssemblyScript, embedded by scripts/build-wasm.mjs as src/parsers/pcap-core-wasm.ts)
 * walks classic pcap records in its own memory, where the reader reads the file, decodes the common
 * packet shapes and keeps the node-pair and flow tables with their counters. This class is the
 * JavaScript decoder (CaptureAnalyzer) with its tables moved there: a packet the core declines is
 * copied out and decoded by CaptureAnalyzer.packet(), whose table updates come back in here (DNS
 * too: src/parsers/pcap-core-dns.ts); flows with a finding, VNI lists and the evidence stay in JavaScript. The report is the same as the
 * JavaScript decoder's (src/parsers/pcap.test.ts runs both on every test capture).
 */
import type { CaptureEvidence, CaptureFlow, CaptureStall } from '../evidence/capture.js';
import { CaptureAnalyzer, type AnalyzeOptions } from './pcap-analyze.js';
import { CoreDns, type CoreDnsExports } from './pcap-core-dns.js';
import { PCAP_CORE_WASM } from './pcap-core-wasm.js';
import { FLOW_STRIDE, judgeFlow, pairOrder, PROTO_TCP, type FlowTotals, type JudgeContext, type PairColumns } from './pcap-flows.js';
import type { PcapngInterface, ReadSummary } from './pcap-reader.js';
import { TopList } from './pcap-stats.js';

/** What this file uses of the WebAssembly API (the Node.js types this project compiles with leave it out). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, (...args: number[]) => void>>) => { exports: unknown };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** The core's exports (see pcap-core.ts). */
interface Core extends CoreDnsExports {
  init(maxFlows: number, idleSeconds: number): void;
  outPtr(): number;
  setVxPort(port: number): void;
  clock(): number;
  setClock(t: number): void;
  counter(i: number): number;
  vniPacket(vni: number): void;
  vniFlush(): void;
  pairsPtr(): number;
  pairsCount(): number;
  pairGet(src: number, dst: number): number;
  pairPacket(pair: number, ipLen: number): number;
  pairChecked(pair: number): number;
  pairChecksum(pair: number, bad: number): void;
  pairSetVni(pair: number, vni: number): void;
  flowsPtr(): number;
  footprint(): number;
  flowPacket(proto: number, src: number, dst: number, sport: number, dport: number, tunnel: number, vni: number, flags: number, seq: number, ack: number, payload: number, ipLen: number): void;
  sweepIfDue(): void;
  finish(): void;
  one(p: number, caplen: number, orig: number, linkType: number, ts: number): number;
  walkPcap(o: number, end: number, hdr: number, le: number, frac: number, linkType: number): number;
  setIface(i: number, linkType: number, unit: number): void;
  clearIfaces(): void;
  setLink(linkType: number): void;
  lastTaken(): number;
  walkPcapng(o: number, end: number, le: number): number;
}

// Stop reasons and out[] slots (pcap-core.ts).
const STOP_OTHER = 1;
// A pair's record: PSTRIDE (80) bytes, as 10 doubles or 20 int32 (pcap-core.ts).
const PAIR_F64 = 10;
const PAIR_I32 = 20;

let compiled: object | Error | undefined;

/** The compiled core (once per process), or why it cannot be had. */
function coreModule(): object | Error {
  if (!compiled) {
    try {
      if (!wasmApi) throw new Error('no WebAssembly in this Node.js');
      compiled = new wasmApi.Module(Buffer.from(PCAP_CORE_WASM, 'base64'));
    } catch (e) {
      compiled = e instanceof Error ? e : new Error(String(e));
    }
  }
  return compiled;
}

/** Why the WebAssembly core cannot run here, or undefined when it can. */
export function pcapCoreUnavailable(): string | undefined {
  const m = coreModule();
  return m instanceof Error ? m.message : undefined;
}

export class WasmCaptureAnalyzer extends CaptureAnalyzer {
  private readonly core: Core;
  private readonly out: number;
  private m8: Buffer;
  private m32: Int32Array;
  private m64: Float64Array;
  /** a copy of a declined packet, for the JavaScript decoder (the core's memory may grow under it) */
  private scratch = Buffer.allocUnsafe(2048);
  private readonly vniLists: number[][] = [];
  private readonly judging: JudgeContext;
  /** the pcapng interfaces the core was given, and how many */
  private ifaces: readonly PcapngInterface[] = [];
  private ifaceCount = 0;

  constructor(opts: AnalyzeOptions = {}) {
    super(opts);
    const m = coreModule();
    if (m instanceof Error) throw m;
    const dns = new CoreDns(this.addrs);
    const instance = new wasmApi!.Instance(m, {
      env: {
        judged: (id: number) => this.judged(id),
        vniSwitch: (old: number, count: number, vni: number) => this.vniSwitch(old, count, vni),
        pairVni: (pair: number, vni: number) => this.vniList(pair, vni),
        ...(dns.imports() as Record<string, (...args: number[]) => void>),
      },
    });
    this.core = instance.exports as unknown as Core;
    dns.attach(this.core);
    this.dns = dns;
    this.core.init(opts.maxFlows ?? 200_000, 300);
    for (const p of this.ports) this.core.setVxPort(p);
    this.out = this.core.outPtr() >> 2;
    const buf = this.core.memory.buffer;
    this.m8 = Buffer.from(buf);
    this.m32 = new Int32Array(buf);
    this.m64 = new Float64Array(buf);
    const totals: FlowTotals = { overlay: 0, plain: 0, untrackedPackets: 0, tcpFlows: 0, resets: 0, retransmits: 0, synUnanswered: 0 };
    this.judging = {
      addrs: this.addrs,
      pairSrc: (t) => this.f64()[(this.core.pairsPtr() >> 3) + t * PAIR_F64],
      pairDst: (t) => this.pairDst(t),
      totals,
      oneWay: new TopList<CaptureFlow>(50, (f) => f.packets),
      stalls: new TopList<CaptureStall>(50, (s) => s.retransmits),
    };
  }

  // Views of the core's memory, made again after it grew (growing detaches the old ones).
  // (A detached view's length is 0: cheaper to test than fetching memory.buffer.)
  private u8(): Buffer {
    if (this.m8.length === 0) this.m8 = Buffer.from(this.core.memory.buffer);
    return this.m8;
  }
  private i32(): Int32Array {
    if (this.m32.length === 0) this.m32 = new Int32Array(this.core.memory.buffer);
    return this.m32;
  }
  private f64(): Float64Array {
    if (this.m64.length === 0) this.m64 = new Float64Array(this.core.memory.buffer);
    return this.m64;
  }

  /**
   * The memory the core's tables have taken, in bytes: it grows with the pairs and the flows open at
   * once, not with the file. (The flow table is reserved whole at the start, but only what is used is
   * taken.)
   */
  memoryBytes(): number {
    return this.core.footprint();
  }

  /** The reader's window, in the core's memory. */
  windowMemory(size: number): () => Buffer {
    const ptr = this.core.alloc(size);
    return () => Buffer.from(this.core.memory.buffer, ptr, size);
  }

  walkPcap(buf: Buffer, o: number, len: number, hdr: number, le: number, frac: number, linkType: number, counts: Float64Array): number {
    const core = this.core;
    if (buf.buffer !== core.memory.buffer) throw new Error('pcap: the read window is not in the WebAssembly core’s memory');
    const base = buf.byteOffset;
    for (;;) {
      o = core.walkPcap(base + o, base + len, hdr, le, frac, linkType) - base;
      const out = this.i32();
      const taken = out[this.out + 1];
      const stop = out[this.out];
      if (taken > 0) {
        counts[0] += taken;
        if (this.lastLink !== linkType) this.link(linkType);
      }
      if (stop === STOP_OTHER) {
        // The record at o, its time on the core's clock: through the JavaScript decoder.
        this.clock[0] = core.clock();
        const m = this.u8();
        const at = base + o;
        const caplen = le === 1 ? m.readUInt32LE(at + 8) : m.readUInt32BE(at + 8);
        const orig = le === 1 ? m.readUInt32LE(at + 12) : m.readUInt32BE(at + 12);
        this.decodeCopy(m, at + hdr, caplen, orig, linkType);
        counts[0]++;
        o += hdr + caplen;
      } else return o;
    }
  }

  walkPcapng(buf: Buffer, o: number, len: number, le: number, ifaces: readonly PcapngInterface[], counts: Float64Array): number {
    const core = this.core;
    counts[0] = 0;
    if (buf.buffer !== core.memory.buffer || this.lastLink < 0) return o;
    if (ifaces !== this.ifaces || ifaces.length !== this.ifaceCount) {
      core.clearIfaces();
      ifaces.forEach((f, i) => core.setIface(i, f.linkType, f.unit));
      this.ifaces = ifaces;
      this.ifaceCount = ifaces.length;
    }
    // Only packets of the link type of the last one: a new one is the reader's (linkTypes keeps the order).
    core.setLink(this.lastLink);
    const base = buf.byteOffset;
    o = core.walkPcapng(base + o, base + len, le) - base;
    const taken = this.i32()[this.out + 1];
    if (taken > 0) {
      counts[0] += taken;
      counts[1] = core.lastTaken();
    }
    return o;
  }

  /** One packet framed by the reader (pcapng), its time on the clock. */
  packet(b: Buffer, off: number, caplen: number, origLen: number, linkType: number): void {
    const core = this.core;
    if (linkType !== this.lastLink) this.link(linkType);
    if (b.buffer !== core.memory.buffer) {
      core.setClock(this.clock[0]);
      super.packet(b, off, caplen, origLen, linkType);
      return;
    }
    if (core.one(b.byteOffset + off, caplen, origLen, linkType, this.clock[0]) === 1) return;
    this.decodeCopy(this.u8(), b.byteOffset + off, caplen, origLen, linkType);
  }

  /** The JavaScript decoder on a copy of m[at, at + caplen). */
  private decodeCopy(m: Buffer, at: number, caplen: number, orig: number, linkType: number): void {
    if (this.scratch.length < caplen) this.scratch = Buffer.allocUnsafe(Math.max(caplen, this.scratch.length * 2));
    m.copy(this.scratch, 0, at, at + caplen);
    this.core.setClock(this.clock[0]);
    super.packet(this.scratch, 0, caplen, orig, linkType);
  }

  // Callbacks from the core.
  private judged(id: number): void {
    judgeFlow(this.i32(), (this.core.flowsPtr() >> 2) + id * FLOW_STRIDE, this.judging);
  }
  private vniSwitch(old: number, count: number, vni: number): void {
    if (old >= 0) this.vnis.get(old)!.packets += count;
    if (vni >= 0 && !this.vnis.has(vni)) this.vnis.set(vni, { packets: 0 });
  }
  private vniList(pair: number, vni: number): void {
    const list = (this.vniLists[pair] ??= []);
    if (!list.includes(vni) && list.length < 16) list.push(vni);
  }

  // CaptureAnalyzer's tables, in the core.
  protected pairOf(src: number, dst: number): number {
    return this.core.pairGet(src, dst);
  }
  protected pairPacket(pair: number, ipLen: number): number {
    return this.core.pairPacket(pair, ipLen);
  }
  protected pairChecked(pair: number): number {
    return this.core.pairChecked(pair);
  }
  protected pairChecksum(pair: number, bad: boolean): void {
    this.core.pairChecksum(pair, bad ? 1 : 0);
  }
  protected pairVni(pair: number, vni: number): void {
    this.core.pairSetVni(pair, vni);
  }
  protected pairDst(pair: number): number {
    return this.f64()[(this.core.pairsPtr() >> 3) + pair * PAIR_F64 + 1];
  }
  protected vniPacket(vni: number): void {
    this.core.vniPacket(vni);
  }
  protected flowPacket(proto: number, src: number, dst: number, sport: number, dport: number, tunnel: number, vni: number, buf: Buffer, tcpOff: number, payload: number, ipLen: number): void {
    const tcp = proto === PROTO_TCP;
    this.core.flowPacket(proto, src, dst, sport, dport, tunnel, vni, tcp ? buf[tcpOff + 13] : 0, tcp ? buf.readInt32BE(tcpOff + 4) : 0, tcp ? buf.readInt32BE(tcpOff + 8) : 0, payload, ipLen);
  }
  protected sweepIfDue(): void {
    this.core.sweepIfDue();
  }

  protected results(): { P: PairColumns; totals: FlowTotals; oneWay: TopList<CaptureFlow>; stalls: TopList<CaptureStall> } {
    const core = this.core;
    core.vniFlush();
    core.finish();
    const count = core.pairsCount();
    const f = this.f64();
    const w = this.i32();
    const at64 = core.pairsPtr() >> 3;
    const at32 = core.pairsPtr() >> 2;
    const col64 = (k: number) => Float64Array.from({ length: count }, (_, p) => f[at64 + p * PAIR_F64 + k]);
    const col32 = (k: number) => Int32Array.from({ length: count }, (_, p) => w[at32 + p * PAIR_I32 + k]);
    // Field offsets in pcap-core.ts: f64 src 0, dst 1, bytes 2, firstTs 3, lastTs 4; i32 packets 13,
    // flows 14, maxIpLen 15, badChecksums 16, checked 17, retransmits 18.
    const src = col64(0);
    const dst = col64(1);
    const P: PairColumns = {
      count,
      src,
      dst,
      bytes: col64(2),
      firstTs: col64(3),
      lastTs: col64(4),
      packets: col32(13),
      flows: col32(14),
      maxIpLen: col32(15),
      badChecksums: col32(16),
      checked: col32(17),
      retransmits: col32(18),
      vnis: Array.from({ length: count }, (_, p) => this.vniLists[p] ?? []),
      order: () => pairOrder(src, dst, count),
    };
    const c = (i: number) => core.counter(i);
    const totals: FlowTotals = { overlay: c(14), plain: c(15), untrackedPackets: c(16), tcpFlows: c(17), resets: c(18), retransmits: c(19), synUnanswered: this.judging.totals.synUnanswered };
    return { P, totals, oneWay: this.judging.oneWay, stalls: this.judging.stalls };
  }

  /** The evidence: the core's counters added to the JavaScript decoder's. */
  evidence(file: string, read: ReadSummary): CaptureEvidence {
    const c = (i: number) => this.core.counter(i);
    this.packets += c(0);
    this.bytes += c(1);
    this.firstTs = Math.min(this.firstTs, c(2));
    this.lastTs = Math.max(this.lastTs, c(3));
    this.snapCut += c(4);
    this.maxOuterIpLen = Math.max(this.maxOuterIpLen, c(5));
    this.maxInnerIpLen = Math.max(this.maxInnerIpLen, c(6));
    this.vxlanPackets += c(7);
    this.csGood += c(8);
    this.csZero += c(9);
    this.csPartial += c(10);
    this.csBad += c(11);
    this.csUnverifiable += c(12);
    this.csSkipped += c(13);
    return super.evidence(file, read);
  }
}
