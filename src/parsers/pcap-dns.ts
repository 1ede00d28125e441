/**
 * DNS seen in a capture: each query matched to its response by client, port, server and id, with
 * the latency, the response code and the name. Unanswered queries are counted when they are older
 * than the resolver's patience (10 s) or the capture ends more than 2 s after them.
 */
import type { CaptureDns, CaptureDnsServer } from '../evidence/capture.js';
import { ipv4At, LatencyHistogram, type Addresses } from './pcap-stats.js';

const RCODES: Record<number, string> = { 0: 'NOERROR', 1: 'FORMERR', 2: 'SERVFAIL', 3: 'NXDOMAIN', 4: 'NOTIMP', 5: 'REFUSED' };

interface Pending {
  ts: number;
  server: number;
  client: number;
  cport: number;
  id: number;
}

/** A DNS server's counters (DnsTracker's, or the WebAssembly core's read back: pcap-core-dns.ts). */
export class ServerStats {
  overlay = 0;
  via = -1;
  queries = 0;
  responses = 0;
  unanswered = 0;
  nxdomain = 0;
  servfail = 0;
  latency = new LatencyHistogram();
  unansweredFrom = new Map<number, number>();
}

/** Reads the question name at `off` (labels only; a compression pointer ends it). */
export function dnsQuestionName(buf: Buffer, off: number, end: number): string | undefined {
  const labels: string[] = [];
  let p = off;
  while (p < end) {
    const len = buf[p];
    if (len === 0) return labels.length ? labels.join('.') : '.';
    if (len >= 0xc0 || p + 1 + len > end || labels.length > 127) return undefined;
    labels.push(buf.toString('latin1', p + 1, p + 1 + len));
    p += 1 + len;
  }
  return undefined;
}

function queryKey(client: number, port: number, server: number, id: number): number {
  return (Math.imul(client | 0, 0x9e3779b1) ^ Math.imul(server | 0, 0x85ebca77) ^ Math.imul((port << 16) | id, 0xc2b2ae3d)) & 0x3fffffff;
}

/** Where the question name starting at `off` ends (after its zero byte), within `end`. */
function wireNameEnd(buf: Buffer, off: number, end: number): number {
  let p = off;
  while (p < end) {
    const len = buf[p];
    if (len === 0) return p + 1;
    if (len >= 0xc0) return Math.min(p + 2, end);
    p += 1 + len;
  }
  return Math.min(p, end);
}

interface FailedName {
  code: number;
  /** the question name's wire bytes as a latin1 string */
  wire: string;
  rcode: string;
  count: number;
  /** the next name of the same hash */
  next: FailedName | undefined;
}

/** Does the latin1 string `wire` hold exactly buf[from, to)? */
function sameBytes(wire: string, buf: Buffer, from: number, to: number): boolean {
  if (wire.length !== to - from) return false;
  for (let i = from; i < to; i++) if (wire.charCodeAt(i - from) !== buf[i]) return false;
  return true;
}

/** What the capture analysis hands DNS packets to: DnsTracker, or the core's tables (pcap-core-dns.ts). */
export interface DnsSink {
  packet(buf: Buffer, ip: number, version: number, sport: number, dport: number, tunnel: number, off: number, end: number): void;
  summary(lastTs: number): CaptureDns;
}

/** The name of a response code, as reported. */
export const rcodeName = (rcode: number): string => RCODES[rcode] ?? `rcode ${rcode}`;

export interface DnsTotals {
  queries: number;
  responses: number;
  unanswered: number;
  nxdomain: number;
  servfail: number;
  otherErrors: number;
}

/** The summary of DNS seen: servers in the order first seen, failed names (wire bytes) in the order first seen. */
export function dnsSummary(n: Addresses, t: DnsTotals, servers: Iterable<[number, ServerStats]>, failed: readonly { wire: Buffer; rcode: string; count: number }[], all: LatencyHistogram): CaptureDns {
  const list: CaptureDnsServer[] = [...servers]
    .map(([a, s]) => ({
      server: n.name(a),
      overlay: s.overlay,
      ...(s.via >= 0 ? { via: n.name(s.via) } : {}),
      queries: s.queries,
      responses: s.responses,
      unanswered: s.unanswered,
      nxdomain: s.nxdomain,
      servfail: s.servfail,
      latencyMs: s.latency.summary(),
      unansweredFrom: [...s.unansweredFrom.entries()].sort((x, y) => y[1] - x[1]).slice(0, 8).map(([c]) => n.name(c)),
    }))
    .sort((x, y) => y.queries - x.queries)
    .slice(0, 32);
  const failedNames = failed
    .map((v) => ({ name: dnsQuestionName(v.wire, 0, v.wire.length) ?? '?', rcode: v.rcode, count: v.count }))
    .sort((x, y) => y.count - x.count)
    .slice(0, 20);
  return {
    queries: t.queries,
    responses: t.responses,
    unanswered: t.unanswered,
    nxdomain: t.nxdomain,
    servfail: t.servfail,
    otherErrors: t.otherErrors,
    latencyMs: all.summary(),
    servers: list,
    failedNames,
  };
}

export class DnsTracker implements DnsSink {
  /** by a hash of client, port, server and id; a colliding query replaces the older one */
  private pending = new Map<number, Pending>();
  private spare: Pending[] = [];
  private servers = new Map<number, ServerStats>();
  /** the server of the last lookup and its counters */
  private lastServer = -1;
  private lastStats = new ServerStats();
  /**
   * Failed names by a hash of the rcode and the name's wire bytes (chained on a collision), and in the
   * order first seen: a response is matched without building a string, one is made for a new name only.
   */
  private failed = new Map<number, FailedName>();
  private failedList: FailedName[] = [];
  private all = new LatencyHistogram();
  /** pending queries beyond this many trigger an expiry pass (doubling, so the passes stay rare) */
  private limit = 20_000;
  queries = 0;
  responses = 0;
  unanswered = 0;
  nxdomain = 0;
  servfail = 0;
  otherErrors = 0;

  constructor(
    private readonly addrs: Addresses,
    /** the underlay destination (address number) of a VXLAN pair */
    private readonly pairDst: (pair: number) => number,
    /** the current packet's time in [0] (see PairTable) */
    private readonly clock: Float64Array,
  ) {}

  private server(a: number): ServerStats {
    // A cluster has one or two DNS servers: the last one answers most lookups without the Map.
    if (a === this.lastServer) return this.lastStats;
    let s = this.servers.get(a);
    if (!s) {
      s = new ServerStats();
      this.servers.set(a, s);
    }
    this.lastServer = a;
    this.lastStats = s;
    return s;
  }

  /**
   * A UDP payload to or from port 53 at buf[off, end), seen now; the IP header (version 4 or 6) at
   * buf[ip]; `tunnel` the VXLAN pair it crossed (-1: plain).
   */
  packet(buf: Buffer, ip: number, version: number, sport: number, dport: number, tunnel: number, off: number, end: number): void {
    if (end - off < 12) return;
    const src = version === 4 ? ipv4At(buf, ip + 12) : this.addrs.v6At(buf, ip + 8);
    const dst = version === 4 ? ipv4At(buf, ip + 16) : this.addrs.v6At(buf, ip + 24);
    const id = (buf[off] << 8) | buf[off + 1];
    if ((buf[off + 2] & 0x80) === 0) {
      if (dport === 53) this.query(src, sport, dst, id, tunnel);
    } else if (sport === 53) {
      const rcode = buf[off + 3] & 0x0f;
      this.response(src, dst, dport, id, rcode);
      if (rcode !== 0) this.failure(buf, off, end, rcode);
    }
  }

  private query(src: number, sport: number, dst: number, id: number, tunnel: number): void {
    const ts = this.clock[0];
    this.queries++;
    const s = this.server(dst);
    s.queries++;
    if (tunnel >= 0) {
      s.overlay++;
      s.via = this.pairDst(tunnel);
    }
    const key = queryKey(src, sport, dst, id);
    // A retry with the same id keeps the first send time: the latency the client saw.
    const had = this.pending.get(key);
    if (!had || had.client !== src || had.cport !== sport || had.server !== dst || had.id !== id) {
      // Entries of answered queries are reused: nothing piles up as garbage over a long capture.
      const q = this.spare.pop() ?? { ts: 0, server: 0, client: 0, cport: 0, id: 0 };
      q.ts = ts;
      q.server = dst;
      q.client = src;
      q.cport = sport;
      q.id = id;
      this.pending.set(key, q);
    }
    if (this.pending.size > this.limit) {
      this.expire(ts - 10);
      this.limit = Math.max(20_000, this.pending.size * 2);
    }
  }

  /** A response from `server` to client:port; matched to its query, it gives a latency. */
  private response(server: number, client: number, port: number, id: number, rcode: number): void {
    this.responses++;
    const s = this.server(server);
    s.responses++;
    const key = queryKey(client, port, server, id);
    const q = this.pending.get(key);
    if (q && q.client === client && q.cport === port && q.server === server && q.id === id) {
      this.pending.delete(key);
      if (this.spare.length < 10_000) this.spare.push(q);
      const ms = (this.clock[0] - q.ts) * 1000;
      // One bucket for both histograms (the same scale): one logarithm, not two.
      const i = LatencyHistogram.bucket(ms);
      s.latency.addAt(i, ms);
      this.all.addAt(i, ms);
    }
    if (rcode === 3) {
      this.nxdomain++;
      s.nxdomain++;
    } else if (rcode === 2) {
      this.servfail++;
      s.servfail++;
    } else if (rcode !== 0) this.otherErrors++;
  }

  /** Counts the question name of a failed response (rcode not 0) in the DNS message at buf[off, end). */
  private failure(buf: Buffer, off: number, end: number, rcode: number): void {
    // Keyed by the name's wire bytes (nothing decoded); made readable in summary().
    const from = off + 12;
    const to = wireNameEnd(buf, from, end);
    let h = rcode | 0;
    for (let i = from; i < to; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const head = this.failed.get(h);
    let f = head;
    while (f !== undefined && !(f.code === rcode && sameBytes(f.wire, buf, from, to))) f = f.next;
    if (f) f.count++;
    else if (this.failedList.length < 5000) {
      const e: FailedName = { code: rcode, wire: buf.toString('latin1', from, to), rcode: rcodeName(rcode), count: 1, next: head };
      this.failed.set(h, e);
      this.failedList.push(e);
    }
  }

  /** Counts queries sent before `cutoff` and still unanswered as lost. */
  private expire(cutoff: number): void {
    for (const [key, q] of this.pending) {
      if (q.ts >= cutoff) continue;
      this.pending.delete(key);
      this.unanswered++;
      const s = this.server(q.server);
      s.unanswered++;
      s.unansweredFrom.set(q.client, (s.unansweredFrom.get(q.client) ?? 0) + 1);
    }
  }

  summary(lastTs: number): CaptureDns {
    this.expire(lastTs - 2);
    const failed = this.failedList.map((v) => ({ wire: Buffer.from(v.wire, 'latin1'), rcode: v.rcode, count: v.count }));
    return dnsSummary(this.addrs, this, this.servers.entries(), failed, this.all);
  }
}
