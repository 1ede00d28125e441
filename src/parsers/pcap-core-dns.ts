/**
 * DNS matching in the WebAssembly core (pcap-core.ts, "DNS"): the core keeps DnsTracker's tables
 * (src/parsers/pcap-dns.ts) and matches the DNS packets it takes itself; this is the rest: the DNS
 * packets of the JavaScript decoder handed in, the core's imports (the latency bucket, who went
 * unanswered) and the summary, read back from the core's memory in DnsTracker's orders.
 */
import type { CaptureDns } from '../evidence/capture.js';
import { dnsSummary, rcodeName, ServerStats, type DnsSink } from './pcap-dns.js';
import { ipv4At, LatencyHistogram, type Addresses } from './pcap-stats.js';

/** The core's DNS exports (pcap-core.ts). */
export interface CoreDnsExports {
  memory: { readonly buffer: ArrayBuffer };
  alloc(n: number): number;
  dnsMessage(src: number, dst: number, sport: number, dport: number, tunnel: number, m: number, len: number): void;
  dnsExpire(cutoff: number): void;
  dnsCounter(i: number): number;
  dnsServers(): number;
  dnsServerCount(): number;
  dnsAllPtr(): number;
  dnsNames(): number;
  dnsNameCount(): number;
}

// Layouts in pcap-core.ts: a server (or the all-servers histogram), SSTRIDE bytes; a failed name, NSTRIDE.
const SSTRIDE = 960;
const S_BUCKETS = 56;
const HIST = 220;
const NSTRIDE = 24;

export class CoreDns implements DnsSink {
  private core: CoreDnsExports | undefined;
  /** by server number: the clients of its unanswered queries, in the order first unanswered */
  private readonly unansweredFrom: Map<number, number>[] = [];
  private scratch = 0;
  private scratchSize = 0;

  constructor(private readonly addrs: Addresses) {}

  /** The core's imports for DNS. */
  imports(): Record<string, (...args: number[]) => number | void> {
    return {
      dnsBucket: (ms: number) => LatencyHistogram.bucket(ms),
      dnsUnanswered: (server: number, client: number) => {
        const m = (this.unansweredFrom[server] ??= new Map());
        m.set(client, (m.get(client) ?? 0) + 1);
      },
    };
  }

  attach(core: CoreDnsExports): void {
    this.core = core;
  }

  /** A DNS packet of the JavaScript decoder (DnsTracker.packet()): its message copied into the core. */
  packet(buf: Buffer, ip: number, version: number, sport: number, dport: number, tunnel: number, off: number, end: number): void {
    if (end - off < 12) return;
    const src = version === 4 ? ipv4At(buf, ip + 12) : this.addrs.v6At(buf, ip + 8);
    const dst = version === 4 ? ipv4At(buf, ip + 16) : this.addrs.v6At(buf, ip + 24);
    const core = this.core!;
    const len = end - off;
    if (len > this.scratchSize) {
      this.scratchSize = Math.max(len, 2048);
      this.scratch = core.alloc(this.scratchSize);
    }
    new Uint8Array(core.memory.buffer, this.scratch, len).set(buf.subarray(off, end));
    core.dnsMessage(src, dst, sport, dport, tunnel, this.scratch, len);
  }

  summary(lastTs: number): CaptureDns {
    const core = this.core!;
    core.dnsExpire(lastTs - 2);
    const buf = core.memory.buffer;
    const f64 = new Float64Array(buf);
    const i32 = new Int32Array(buf);
    const hist = (at: number) => LatencyHistogram.of(new Uint32Array(buf, at + S_BUCKETS, HIST), i32[(at + 48) >> 2], f64[(at + 16) >> 3]);
    const servers: [number, ServerStats][] = [];
    for (let id = 0, at = core.dnsServers(); id < core.dnsServerCount(); id++, at += SSTRIDE) {
      const s = new ServerStats();
      const w = at >> 2;
      s.via = f64[(at + 8) >> 3];
      s.overlay = i32[w + 6];
      s.queries = i32[w + 7];
      s.responses = i32[w + 8];
      s.unanswered = i32[w + 9];
      s.nxdomain = i32[w + 10];
      s.servfail = i32[w + 11];
      s.latency = hist(at);
      s.unansweredFrom = this.unansweredFrom[id] ?? new Map();
      servers.push([f64[at >> 3], s]);
    }
    const m8 = Buffer.from(buf);
    const failed: { wire: Buffer; rcode: string; count: number }[] = [];
    for (let id = 0, at = core.dnsNames(); id < core.dnsNameCount(); id++, at += NSTRIDE) {
      const w = at >> 2;
      const wire = Buffer.from(m8.subarray(i32[w + 4], i32[w + 4] + i32[w + 1]));
      failed.push({ wire, rcode: rcodeName(i32[w]), count: i32[w + 2] });
    }
    const c = (i: number) => core.dnsCounter(i);
    const totals = { queries: c(0), responses: c(1), unanswered: c(2), nxdomain: c(3), servfail: c(4), otherErrors: c(5) };
    return dnsSummary(this.addrs, totals, servers, failed, hist(core.dnsAllPtr()));
  }
}
