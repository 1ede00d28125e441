import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.js';
import { CaptureAnalyzer } from './pcap-analyze.js';
import { analyzeCapture } from './pcap-engine.js';
import { pcapCoreUnavailable, WasmCaptureAnalyzer } from './pcap-wasm.js';
import { CaptureFormatError, readCapture, type PacketSink } from './pcap-reader.js';
import { arp, dnsMessage, ethernet, icmpFragNeeded, ipv4, PcapngWriter, PcapWriter, TCP, tcp, udp, vxlan, type UdpChecksum } from './pcap-write.js';

const dir = mkdtempSync(join(tmpdir(), 'fd-pcap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
/** Every capture this file writes: the last test runs both engines on each. */
const written: string[] = [];
function file(bytes: Buffer): string {
  const f = join(dir, `c${fileNo++}.pcap`);
  writeFileSync(f, bytes);
  written.push(f);
  return f;
}

const N1 = { ip: '192.168.56.11', mac: '52:54:00:00:00:11', vtep: '12:c6:65:89:b4:01' };
const N2 = { ip: '192.168.56.12', mac: '52:54:00:00:00:12', vtep: '12:c6:65:89:b4:02' };

/** An inner IPv4 packet from node a to node b through VXLAN (port 8472, VNI 1). */
function overVxlan(a: typeof N1, b: typeof N1, inner: Buffer, o: { csum?: UdpChecksum; vni?: number; port?: number; innerType?: number } = {}): Buffer {
  const frame = ethernet(b.vtep, a.vtep, o.innerType ?? 0x0800, inner);
  return ethernet(b.mac, a.mac, 0x0800, ipv4({ src: a.ip, dst: b.ip, proto: 17, df: false, payload: udp(a.ip, b.ip, 40000, o.port ?? 8472, vxlan(o.vni ?? 1, frame), o.csum ?? 'zero') }));
}

const seg = (src: string, dst: string, sport: number, dport: number, seq: number, ack: number, flags: number, len = 0) =>
  ipv4({ src, dst, proto: 6, payload: tcp({ src, dst, sport, dport, seq, ack, flags, payload: Buffer.alloc(len, 0x61) }) });

const P1 = '10.244.1.5';
const P2 = '10.244.2.7';

/** A whole healthy TCP exchange between pods, both ways through the tunnel. */
function healthyTcp(w: PcapWriter | PcapngWriter, t0: number, sport = 51000): void {
  const c = (seq: number, ack: number, f: number, len = 0) => overVxlan(N1, N2, seg(P1, P2, sport, 80, seq, ack, f, len));
  const s = (seq: number, ack: number, f: number, len = 0) => overVxlan(N2, N1, seg(P2, P1, 80, sport, seq, ack, f, len));
  w.add(t0, c(100, 0, TCP.SYN));
  w.add(t0 + 0.001, s(500, 101, TCP.SYN | TCP.ACK));
  w.add(t0 + 0.002, c(101, 501, TCP.ACK));
  w.add(t0 + 0.003, c(101, 501, TCP.PSH | TCP.ACK, 200));
  w.add(t0 + 0.004, s(501, 301, TCP.ACK, 1398));
  w.add(t0 + 0.005, c(301, 1899, TCP.ACK));
  w.add(t0 + 0.006, c(301, 1899, TCP.FIN | TCP.ACK));
  w.add(t0 + 0.007, s(1899, 302, TCP.FIN | TCP.ACK));
  w.add(t0 + 0.008, c(302, 1900, TCP.ACK));
}

describe('pcap reader', () => {
  it('reads classic pcap (µs and ns) and pcapng alike', () => {
    for (const w of [new PcapWriter(), new PcapWriter(1, 262144, true), new PcapngWriter()]) {
      healthyTcp(w, 1_780_000_000.25);
      const ev = analyzeCapture(file(w.bytes()));
      expect(ev.format).toBe(w instanceof PcapngWriter ? 'pcapng' : 'pcap');
      expect(ev.packets).toBe(9);
      expect(ev.linkTypes).toEqual(['ethernet']);
      expect(ev.firstTs).toBeCloseTo(1_780_000_000.25, 5);
      expect(ev.truncated).toBeUndefined();
      expect(ev.vxlan.packets).toBe(9);
      expect(ev.pairs.map((p) => [p.src, p.dst, p.packets, p.flows])).toEqual([
        ['192.168.56.11', '192.168.56.12', 6, 1],
        ['192.168.56.12', '192.168.56.11', 3, 0],
      ]);
      expect(ev.tcp).toMatchObject({ flows: 1, retransmits: 0, resets: 0, synUnanswered: 0, stalled: [] });
      expect(ev.flows.oneWay).toEqual([]);
    }
  });

  it('reads a big-endian pcap', () => {
    const le = new PcapWriter();
    healthyTcp(le, 1_780_000_000);
    const b = le.bytes();
    const be = Buffer.from(b);
    const swap = (o: number, n: 2 | 4) => (n === 4 ? be.writeUInt32BE(b.readUInt32LE(o), o) : be.writeUInt16BE(b.readUInt16LE(o), o));
    swap(0, 4), swap(4, 2), swap(6, 2), swap(16, 4), swap(20, 4);
    for (let o = 24; o < b.length; ) {
      const cap = b.readUInt32LE(o + 8);
      for (const k of [0, 4, 8, 12]) swap(o + k, 4);
      o += 16 + cap;
    }
    expect(analyzeCapture(file(be)).packets).toBe(9);
  });

  it('reports a truncated file where it ends and keeps what came before', () => {
    const w = new PcapWriter();
    healthyTcp(w, 1_780_000_000);
    const whole = w.bytes();
    const cut = whole.subarray(0, whole.length - 30);
    const ev = analyzeCapture(file(cut));
    expect(ev.packets).toBe(8);
    expect(ev.truncated).toMatchObject({ packet: 9, offset: whole.length - (16 + 50 + 54) });
    expect(ev.truncated!.message).toMatch(/ends inside packet record 9/);
    const ng = new PcapngWriter();
    healthyTcp(ng, 1_780_000_000);
    const ngb = ng.bytes();
    const ev2 = analyzeCapture(file(ngb.subarray(0, ngb.length - 7)));
    expect(ev2.truncated?.message).toMatch(/ends inside an enhanced packet block \(packet 9\)/);
    expect(ev2.packets).toBe(8);
  });

  it('refuses what is not a capture with one clear reason', () => {
    expect(() => analyzeCapture(file(Buffer.from('hello world, not a capture')))).toThrow(CaptureFormatError);
    expect(() => analyzeCapture(file(Buffer.alloc(0)))).toThrow(/empty/);
  });

  it('decodes Linux cooked (SLL2) and raw IP link types', () => {
    const sll2 = new PcapWriter(276);
    const raw = new PcapWriter(101);
    const outer = overVxlan(N1, N2, seg(P1, P2, 1, 2, 1, 0, TCP.SYN)).subarray(14);
    const h = Buffer.alloc(20);
    h.writeUInt16BE(0x0800, 0);
    sll2.add(1, Buffer.concat([h, outer]));
    raw.add(1, outer);
    for (const w of [sll2, raw]) {
      const ev = analyzeCapture(file(w.bytes()));
      expect(ev.vxlan.packets).toBe(1);
      expect(ev.undecoded).toBe(0);
    }
  });
});

describe('pcap analysis', () => {
  it('names a one-way node pair and the connection attempts that died', () => {
    const w = new PcapWriter();
    for (let i = 0; i < 3; i++) w.add(1 + i, overVxlan(N1, N2, seg(P1, P2, 40000, 443, 7, 0, TCP.SYN)));
    const ev = analyzeCapture(file(w.bytes()));
    expect(ev.pairs).toMatchObject([{ src: N1.ip, dst: N2.ip, packets: 3, reverseSilent: true }]);
    expect(ev.tcp.synUnanswered).toBe(1);
    expect(ev.flows.oneWay).toMatchObject([{ proto: 'tcp', src: P1, dst: P2, dport: 443, packets: 3, note: 'SYN x3, no reply', tunnel: { src: N1.ip, dst: N2.ip, vni: 1 } }]);
  });

  it('tells wrong outer checksums from none, right ones and offload partial sums', () => {
    const w = new PcapWriter();
    const inner = seg(P1, P2, 1, 2, 1, 0, TCP.ACK, 10);
    const kinds: UdpChecksum[] = ['zero', 'good', 'partial', 'bad', 'bad'];
    kinds.forEach((k, i) => w.add(i, overVxlan(N1, N2, inner, { csum: k })));
    const ev = analyzeCapture(file(w.bytes()));
    expect(ev.checksums).toMatchObject({ zero: 1, good: 1, partial: 1, bad: 2, unverifiable: 0 });
    expect(ev.checksums.badBySource).toEqual([{ src: N1.ip, dst: N2.ip, bad: 2, checked: 4 }]);
  });

  it('counts ICMP frag-needed, fragments of VXLAN packets and sizes', () => {
    const w = new PcapWriter();
    const big = overVxlan(N1, N2, seg(P1, P2, 1, 2, 1, 0, TCP.ACK, 1400));
    w.add(1, big);
    w.add(2, ethernet(N1.mac, N2.mac, 0x0800, ipv4({ src: N2.ip, dst: N1.ip, proto: 1, payload: icmpFragNeeded(1400, big.subarray(14)) })));
    // The same node pair's packet split on the underlay: first and second fragment.
    const ipb = big.subarray(14);
    w.add(3, ethernet(N2.mac, N1.mac, 0x0800, ipv4({ src: N1.ip, dst: N2.ip, proto: 17, df: false, mf: true, id: 9, totalLength: 20 + 1000, payload: ipb.subarray(20, 1020) })));
    w.add(4, ethernet(N2.mac, N1.mac, 0x0800, ipv4({ src: N1.ip, dst: N2.ip, proto: 17, df: false, id: 9, fragOffset: 1000, payload: ipb.subarray(1020) })));
    const ev = analyzeCapture(file(w.bytes()));
    expect(ev.mtu.fragNeeded).toEqual([{ from: N2.ip, to: N1.ip, about: N2.ip, mtu: 1400, count: 1, overlay: false }]);
    expect(ev.mtu.outerFragments).toEqual([{ src: N1.ip, dst: N2.ip, count: 2 }]);
    expect(ev.mtu.maxInnerIpLen).toBe(1440);
    expect(ev.mtu.maxOuterIpLen).toBe(1490);
    expect(ev.checksums.unverifiable).toBe(0);
  });

  it('counts ARP inside the tunnel and the targets nobody answers', () => {
    const w = new PcapWriter();
    for (let i = 0; i < 5; i++) w.add(1 + i * 0.1, overVxlan(N1, N2, arp('request', N1.vtep, '10.244.1.0', '00:00:00:00:00:00', '10.244.2.0'), { innerType: 0x0806 }));
    w.add(2, overVxlan(N1, N2, arp('request', N1.vtep, '10.244.1.0', '00:00:00:00:00:00', '10.244.3.0'), { innerType: 0x0806 }));
    w.add(2.1, overVxlan(N2, N1, arp('reply', N2.vtep, '10.244.3.0', N1.vtep, '10.244.1.0'), { innerType: 0x0806 }));
    const ev = analyzeCapture(file(w.bytes()));
    expect(ev.neighbour).toMatchObject({ arpRequests: 6, arpReplies: 1, peakPerSecond: 5 });
    expect(ev.neighbour.unanswered).toEqual([{ target: '10.244.2.0', requests: 5, from: '10.244.1.0', vni: 1, src: N1.ip, dst: N2.ip }]);
  });

  it('matches DNS answers to queries: latency, NXDOMAIN, SERVFAIL, unanswered', () => {
    const w = new PcapWriter();
    const dns = '10.244.2.3';
    const q = (t: number, id: number, name: string, port = 33000) => w.add(t, overVxlan(N1, N2, ipv4({ src: P1, dst: dns, proto: 17, payload: udp(P1, dns, port, 53, dnsMessage({ id, name })) })));
    const a = (t: number, id: number, name: string, rcode: number, port = 33000) => w.add(t, overVxlan(N2, N1, ipv4({ src: dns, dst: P1, proto: 17, payload: udp(dns, P1, 53, port, dnsMessage({ id, name, response: true, rcode, answers: rcode ? [] : ['10.96.0.1'] })) })));
    q(10, 1, 'kubernetes.default.svc.cluster.local');
    a(10.002, 1, 'kubernetes.default.svc.cluster.local', 0);
    q(11, 2, 'nope.example.svc.cluster.local');
    a(11.004, 2, 'nope.example.svc.cluster.local', 3);
    q(12, 3, 'registry.k8s.io');
    a(12.5, 3, 'registry.k8s.io', 2);
    q(13, 4, 'lost.example', 33001);
    q(18, 5, 'late.example', 33002); // within 2 s of the end: not judged
    w.add(19, overVxlan(N1, N2, seg(P1, P2, 1, 2, 1, 0, TCP.ACK)));
    const ev = analyzeCapture(file(w.bytes()));
    expect(ev.dns).toMatchObject({ queries: 5, responses: 3, unanswered: 1, nxdomain: 1, servfail: 1 });
    expect(ev.dns.latencyMs!.max).toBeCloseTo(500, 0);
    expect(ev.dns.servers).toMatchObject([{ server: dns, overlay: 5, queries: 5, unanswered: 1, unansweredFrom: [P1] }]);
    expect(ev.dns.failedNames).toEqual(
      expect.arrayContaining([
        { name: 'nope.example.svc.cluster.local', rcode: 'NXDOMAIN', count: 1 },
        { name: 'registry.k8s.io', rcode: 'SERVFAIL', count: 1 },
      ]),
    );
  });

  it('finds TCP retransmits of big segments that are never acknowledged (the MTU black hole)', () => {
    const w = new PcapWriter();
    const c = (t: number, seq: number, ack: number, f: number, len = 0) => w.add(t, overVxlan(N1, N2, seg(P1, P2, 51000, 443, seq, ack, f, len)));
    const s = (t: number, seq: number, ack: number, f: number, len = 0) => w.add(t, overVxlan(N2, N1, seg(P2, P1, 443, 51000, seq, ack, f, len)));
    c(1, 100, 0, TCP.SYN);
    s(1.001, 500, 101, TCP.SYN | TCP.ACK);
    c(1.002, 101, 501, TCP.ACK);
    c(1.003, 101, 501, TCP.PSH | TCP.ACK, 300);
    s(1.004, 501, 401, TCP.ACK);
    for (let i = 0; i < 4; i++) c(1.2 * 2 ** i, 401, 501, TCP.ACK, 1398); // resent, never acknowledged
    s(20, 501, 401, TCP.RST);
    const ev = analyzeCapture(file(w.bytes()));
    expect(ev.tcp).toMatchObject({ retransmits: 3, resets: 1 });
    expect(ev.tcp.stalled).toMatchObject([{ src: P1, dst: P2, dport: 443, retransmits: 3, retransmitIpLen: [1438, 1438], maxAckedIpLen: 340, unacked: 1398 }]);
    expect(ev.pairs.find((p) => p.src === N1.ip)?.retransmits).toBe(3);
  });

  it('keeps memory for open flows only: a closed flow is judged and dropped', () => {
    const w = new PcapWriter();
    for (let i = 0; i < 50; i++) healthyTcp(w, 1 + i, 50000 + i);
    const ev = analyzeCapture(file(w.bytes()), { maxFlows: 10 });
    expect(ev.tcp.flows).toBe(50);
    expect(ev.flows.untrackedPackets).toBe(0);
  });

  it('drops UDP flows idle for 30 s (a DNS exchange never closes), so a long capture stays within the flow limit', () => {
    const w = new PcapWriter();
    for (let i = 0; i < 60; i++) {
      const port = 30000 + i;
      w.add(i * 2, overVxlan(N1, N2, ipv4({ src: P1, dst: P2, proto: 17, payload: udp(P1, P2, port, 53, dnsMessage({ id: i, name: 'a.b' })) })));
      w.add(i * 2 + 0.001, overVxlan(N2, N1, ipv4({ src: P2, dst: P1, proto: 17, payload: udp(P2, P1, 53, port, dnsMessage({ id: i, name: 'a.b', response: true })) })));
    }
    const ev = analyzeCapture(file(w.bytes()), { maxFlows: 25 });
    expect(ev.flows.overlay).toBe(60);
    expect(ev.flows.untrackedPackets).toBe(0);
    const capped = analyzeCapture(file(w.bytes()), { maxFlows: 5 });
    expect(capped.flows.untrackedPackets).toBeGreaterThan(0);
  });

  it('finds every flow again while thousands are open at once (the table grows and reorders its buckets)', () => {
    const w = new PcapWriter();
    const n = 3000;
    const port = (i: number) => 20000 + i;
    const c = (t: number, i: number, seq: number, ack: number, f: number) => w.add(t, overVxlan(N1, N2, seg(P1, P2, port(i), 80, seq, ack, f)));
    const s = (t: number, i: number, seq: number, ack: number, f: number) => w.add(t, overVxlan(N2, N1, seg(P2, P1, 80, port(i), seq, ack, f)));
    for (let i = 0; i < n; i++) c(1, i, 100, 0, TCP.SYN);
    // Answered in another order (a stride coprime to n), so lookups hit entries deep in their buckets.
    for (let k = 0; k < n; k++) s(2, (k * 7) % n, 500, 101, TCP.SYN | TCP.ACK);
    // Half are closed after the growth, then their ports reused: each must be a new flow, the rest still open.
    for (let i = 0; i < n; i += 2) {
      c(3, i, 101, 501, TCP.FIN | TCP.ACK);
      s(3, i, 501, 102, TCP.FIN | TCP.ACK);
      c(3, i, 102, 502, TCP.ACK);
    }
    for (let i = 0; i < n; i += 2) c(4, i, 900, 0, TCP.SYN);
    const ev = analyzeCapture(file(w.bytes()));
    expect(ev.tcp.flows).toBe(n + n / 2);
    expect(ev.flows.overlay).toBe(n + n / 2);
    // Only the reopened ports go unanswered: every SYN-ACK found its flow.
    expect(ev.tcp.synUnanswered).toBe(n / 2);
    expect(ev.flows.oneWayTotal).toBe(n / 2);
    expect(ev.pairs.find((p) => p.src === N1.ip)?.flows).toBe(n + n / 2);
  });
});

/** An IPv6 header (no extension headers) before `payload`. */
function ipv6(src: number, dst: number, next: number, payload: Buffer): Buffer {
  const h = Buffer.alloc(40);
  h[0] = 0x60;
  h.writeUInt16BE(payload.length, 4);
  h[6] = next;
  h[7] = 64;
  h.writeUInt16BE(0xfd00, 8);
  h.writeUInt16BE(src, 22);
  h.writeUInt16BE(0xfd00, 24);
  h.writeUInt16BE(dst, 38);
  return Buffer.concat([h, payload]);
}

/**
 * A capture of every shape the analysis decodes, seeded: healthy and broken TCP over VXLAN (SYNs
 * unanswered, retransmits, resets), DNS with failures, the outer checksum in all its kinds, ARP and
 * ICMP in the tunnel, VLAN tags, fragments, plain TCP and UDP, IPv6 outside and inside the tunnel,
 * frames cut by the snap length, and a share of frames with a header byte changed at random.
 */
function mixedCapture(seed: number, packets: number, w: PcapWriter | PcapngWriter = new PcapWriter()): Buffer {
  const r = seededRandom(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const nodes = [N1, N2, { ip: '192.168.56.13', mac: '52:54:00:00:00:13', vtep: '12:c6:65:89:b4:03' }];
  const pods = ['10.244.1.5', '10.244.2.7', '10.244.3.9', '10.244.2.3'];
  const csums: UdpChecksum[] = ['zero', 'good', 'good', 'partial', 'bad'];
  let t = 1_780_000_000;
  for (let i = 0; i < packets; i++) {
    t += r() < 0.002 ? 40 + r() * 400 : r() * 0.02;
    const a = pick(pods);
    const b = pick(pods);
    const sport = pick([53, 80, 443, 40000, 40001, 40002]);
    const dport = pick([53, 80, 443, 40000, 40001]);
    const x = r();
    let inner: Buffer;
    let type = 0x0800;
    if (x < 0.45) {
      const flags = pick([TCP.SYN, TCP.SYN | TCP.ACK, TCP.ACK, TCP.ACK, TCP.PSH | TCP.ACK, TCP.FIN | TCP.ACK, TCP.RST]);
      inner = seg(a, b, sport, dport, Math.floor(r() * 3000), Math.floor(r() * 3000), flags, pick([0, 0, 1, 100, 1398]));
    } else if (x < 0.65) {
      inner = ipv4({ src: a, dst: b, proto: 17, payload: udp(a, b, sport, dport, dnsMessage({ id: Math.floor(r() * 6), name: pick(['a.b', 'web.svc.cluster.local', 'nope.example']), response: r() < 0.5, rcode: pick([0, 0, 3, 2, 5]) })) });
    } else if (x < 0.72) {
      type = 0x0806;
      inner = arp(r() < 0.7 ? 'request' : 'reply', N1.vtep, a, '00:00:00:00:00:00', b);
    } else if (x < 0.78) {
      inner = ipv4({ src: a, dst: b, proto: 17, mf: r() < 0.5, fragOffset: pick([0, 8]), payload: udp(a, b, sport, dport, Buffer.alloc(20)) });
    } else if (x < 0.84) {
      inner = ipv4({ src: a, dst: b, proto: 1, payload: icmpFragNeeded(1400, seg(b, a, dport, sport, 1, 1, TCP.ACK, 10)) });
    } else {
      type = 0x86dd;
      const tcp6 = Buffer.alloc(20);
      tcp6.writeUInt16BE(sport, 0);
      tcp6.writeUInt16BE(dport, 2);
      tcp6.writeUInt32BE(Math.floor(r() * 5000), 4);
      tcp6.writeUInt32BE(Math.floor(r() * 5000), 8);
      tcp6[12] = 0x50;
      tcp6[13] = pick([TCP.SYN, TCP.ACK, TCP.SYN | TCP.ACK, TCP.FIN | TCP.ACK]);
      inner = ipv6(Math.floor(r() * 3), Math.floor(r() * 3), 6, tcp6);
    }
    const [from, to] = [pick(nodes), pick(nodes)];
    const y = r();
    let frame: Buffer;
    if (y < 0.75) frame = overVxlan(from, to, inner, { csum: pick(csums), vni: pick([1, 1, 1, 2]), port: pick([8472, 8472, 4789, 9999]), innerType: type });
    else if (y < 0.8) frame = ethernet(to.mac, from.mac, 0x0800, overVxlan(from, to, inner).subarray(14), 100);
    else if (y < 0.85) {
      const u = Buffer.concat([Buffer.from([0x9c, 0x41, 0x21, 0x18, 0, 0, 0, 0]), vxlan(1, ethernet(to.vtep, from.vtep, type, inner))]);
      u.writeUInt16BE(u.length, 4);
      frame = ethernet(to.mac, from.mac, 0x86dd, ipv6(1, 2, 17, u));
    } else frame = ethernet(to.mac, from.mac, type, inner);
    if (r() < 0.1) {
      frame = Buffer.from(frame);
      frame[Math.floor(r() * Math.min(frame.length, 110))] = Math.floor(r() * 256);
    }
    if (r() < 0.05) w.add(t, frame.subarray(0, Math.floor(r() * frame.length)), frame.length);
    else w.add(t, frame);
  }
  return w.bytes();
}

/** The analysis with every packet through the full decoder (the sink offers the reader no walkPcap of its own). */
function analyzeGeneric(path: string, chunk?: number): ReturnType<typeof analyzeCapture> {
  const a = new CaptureAnalyzer();
  const sink: PacketSink = {
    get ts() {
      return a.ts;
    },
    set ts(v: number) {
      a.ts = v;
    },
    packet: (buf, off, caplen, origLen, linkType) => a.packet(buf, off, caplen, origLen, linkType),
  };
  return a.evidence(path, readCapture(path, sink, chunk));
}

function analyzeChunked(path: string, chunk: number): ReturnType<typeof analyzeCapture> {
  const a = new CaptureAnalyzer();
  return a.evidence(path, readCapture(path, a, chunk));
}

/** The WebAssembly core with the reader's window of `chunk` bytes in its memory (grown for bigger records). */
function analyzeWasmChunked(path: string, chunk: number): ReturnType<typeof analyzeCapture> {
  const a = new WasmCaptureAnalyzer();
  return a.evidence(path, readCapture(path, a, chunk));
}

describe('pcap fast path and reads', () => {
  it('the straight-line path counts exactly what the full decoder counts, on every shape and on damaged frames', () => {
    for (const seed of [1, 2, 3]) {
      const f = file(mixedCapture(seed, 4000));
      const fast = analyzeCapture(f);
      expect(fast.packets).toBe(4000);
      // The capture holds what the comparison is about.
      expect(fast.vxlan.packets).toBeGreaterThan(1500);
      expect(fast.tcp.retransmits + fast.tcp.resets).toBeGreaterThan(0);
      expect(fast.dns.nxdomain + fast.dns.servfail).toBeGreaterThan(0);
      expect(fast.checksums.bad).toBeGreaterThan(0);
      expect(fast.snapCut).toBeGreaterThan(0);
      expect(fast).toEqual(analyzeGeneric(f));
    }
  });

  it('a record split across reads is read whole: any read size gives the same evidence', () => {
    const f = file(mixedCapture(7, 600));
    const whole = analyzeCapture(f);
    for (const chunk of [1, 7, 16, 23, 64, 100, 333, 1500, 4096]) {
      expect(analyzeChunked(f, chunk)).toEqual(whole);
      expect(analyzeGeneric(f, chunk)).toEqual(whole);
      expect(analyzeWasmChunked(f, chunk)).toEqual(whole);
    }
    const ng = file(mixedCapture(7, 600, new PcapngWriter()));
    const ngWhole = analyzeCapture(ng);
    for (const chunk of [5, 64, 333]) {
      expect(analyzeChunked(ng, chunk)).toEqual(ngWhole);
      expect(analyzeWasmChunked(ng, chunk)).toEqual(ngWhole);
    }
  });

  it('a file cut anywhere keeps every whole record before the cut and says where it ends', () => {
    const w = new PcapWriter();
    const bytes = mixedCapture(11, 40, w);
    // Record boundaries: where each record starts, and the end.
    const starts: number[] = [];
    for (let o = 24; o < bytes.length; o += 16 + bytes.readUInt32LE(o + 8)) starts.push(o);
    const prefix = (k: number) => analyzeCapture(file(bytes.subarray(0, k === starts.length ? bytes.length : starts[k])));
    const byRecords = Array.from({ length: starts.length + 1 }, (_, k) => prefix(k));
    const r = seededRandom(5);
    const cuts = new Set<number>([...starts, ...starts.map((s) => s + 1), ...starts.map((s) => s + 15), ...starts.map((s) => s + 17)]);
    while (cuts.size < starts.length * 4 + 150) cuts.add(24 + Math.floor(r() * (bytes.length - 24)));
    for (const cut of cuts) {
      if (cut >= bytes.length) continue;
      for (const [chunk, wasm] of [[undefined, true], [9, false], [200, false], [9, true]] as const) {
        const f = file(bytes.subarray(0, cut));
        const ev = !chunk ? analyzeCapture(f) : wasm ? analyzeWasmChunked(f, chunk) : analyzeChunked(f, chunk);
        const k = starts.filter((s) => s + 16 + bytes.readUInt32LE(s + 8) <= cut).length;
        const { truncated, file: _f, bytes: _b, ...rest } = ev;
        const { file: _f2, bytes: _b2, truncated: _t2, ...expected } = byRecords[k];
        expect(rest).toEqual(expected);
        if (starts.includes(cut)) expect(truncated).toBeUndefined();
        else {
          expect(truncated).toMatchObject({ offset: starts[k], packet: k + 1 });
          expect(truncated!.message).toMatch(cut - starts[k] < 16 ? /ends inside the header of packet record/ : /ends inside packet record/);
        }
      }
    }
  });

  it('keeps IPv6 flows apart from IPv4 ones whose addresses share the low 32 bits', () => {
    const w = new PcapWriter();
    // fd00::1 → fd00::2 is interned as an id above 2^32; an IPv4 flow between the ids' low words must stay another flow.
    const tcp6 = (flags: number) => {
      const t = Buffer.alloc(20);
      t.writeUInt16BE(1000, 0);
      t.writeUInt16BE(80, 2);
      t[12] = 0x50;
      t[13] = flags;
      return ipv6(1, 2, 6, t);
    };
    w.add(1, overVxlan(N1, N2, tcp6(TCP.SYN), { innerType: 0x86dd }));
    w.add(2, overVxlan(N1, N2, seg('0.0.0.0', '0.0.0.1', 1000, 80, 1, 0, TCP.SYN)));
    w.add(3, overVxlan(N2, N1, seg('0.0.0.1', '0.0.0.0', 80, 1000, 9, 2, TCP.SYN | TCP.ACK)));
    const f = file(w.bytes());
    const ev = analyzeCapture(f);
    expect(ev.tcp.flows).toBe(2);
    expect(ev.tcp.synUnanswered).toBe(1);
    expect(ev.flows.oneWay).toMatchObject([{ src: 'fd00::1', dst: 'fd00::2', dport: 80 }]);
    expect(ev).toEqual(analyzeGeneric(f));
  });
});

describe('pcap: the WebAssembly core and the JavaScript decoder', () => {
  it('the core runs here (the tests would otherwise compare the JavaScript decoder with itself)', () => {
    expect(pcapCoreUnavailable()).toBeUndefined();
  });

  it('a truncated file through the core: the same evidence, where it ends said the same way', () => {
    const bytes = mixedCapture(31, 300);
    const ng = mixedCapture(31, 300, new PcapngWriter());
    for (const [b, cut] of [[bytes, bytes.length - 9], [bytes, 24 + 7], [ng, ng.length - 5]] as const) {
      const f = file(b.subarray(0, cut));
      const wasm = analyzeCapture(f, { engine: 'wasm' });
      expect(wasm.truncated?.message).toMatch(/ends inside/);
      expect(wasm).toEqual(analyzeCapture(f, { engine: 'js' }));
    }
  });

  it('a record bigger than the read window, and a corrupt length: the same evidence, one problem named', () => {
    const w = new PcapWriter();
    healthyTcp(w, 1);
    // A 3 MiB frame (more than the 1 MiB window, which grows inside the core's memory), then more packets.
    w.add(2, Buffer.concat([overVxlan(N1, N2, seg(P1, P2, 1, 2, 1, 0, TCP.SYN)), Buffer.alloc(3 << 20)]));
    healthyTcp(w, 3, 52000);
    const big = w.bytes();
    const f = file(big);
    const wasm = analyzeCapture(f, { engine: 'wasm' });
    expect(wasm.packets).toBe(19);
    expect(wasm).toEqual(analyzeCapture(f, { engine: 'js' }));
    // The length of record 10 set to 100 MiB: corrupt from there on, said once.
    let o = 24;
    for (let k = 0; k < 9; k++) o += 16 + big.readUInt32LE(o + 8);
    const bad = Buffer.from(big);
    bad.writeUInt32LE(100 << 20, o + 8);
    const g = file(bad);
    const ev = analyzeCapture(g, { engine: 'wasm' });
    expect(ev.packets).toBe(9);
    expect(ev.problems).toEqual([{ offset: o, packet: 10, message: `packet record 10 claims ${100 << 20} captured bytes: the file is corrupt from here on` }]);
    expect(ev).toEqual(analyzeCapture(g, { engine: 'js' }));
  });

  it('pcapng with interfaces of two link types and resolutions, simple packet blocks, a second section: the same evidence', () => {
    const block = (type: number, body: Buffer) => {
      const b = Buffer.alloc(12 + body.length);
      b.writeUInt32LE(type, 0);
      b.writeUInt32LE(b.length, 4);
      body.copy(b, 8);
      b.writeUInt32LE(b.length, b.length - 4);
      return b;
    };
    const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)]);
    const shb = () => block(0x0a0d0d0a, Buffer.from([0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    const idb = (linkType: number, tsresol?: number) => {
      const h = Buffer.alloc(8);
      h.writeUInt16LE(linkType, 0);
      const opt = tsresol === undefined ? Buffer.alloc(0) : Buffer.from([9, 0, 1, 0, tsresol, 0, 0, 0, 0, 0, 0, 0]);
      return block(1, Buffer.concat([h, opt]));
    };
    const epb = (iface: number, units: number, frame: Buffer) => {
      const h = Buffer.alloc(20);
      h.writeUInt32LE(iface, 0);
      h.writeUInt32LE(Math.floor(units / 2 ** 32), 4);
      h.writeUInt32LE(units % 2 ** 32, 8);
      h.writeUInt32LE(frame.length, 12);
      h.writeUInt32LE(frame.length, 16);
      return block(6, pad(Buffer.concat([h, frame])));
    };
    const spb = (frame: Buffer) => {
      const h = Buffer.alloc(4);
      h.writeUInt32LE(frame.length, 0);
      return block(3, pad(Buffer.concat([h, frame])));
    };
    const r = seededRandom(41);
    const parts: Buffer[] = [shb(), idb(1), idb(101, 9)];
    const eth = (i: number) => overVxlan(N1, N2, seg(P1, P2, 40000 + (i % 7), 80, i * 10, 0, i % 3 ? TCP.ACK : TCP.SYN, i % 5));
    for (let i = 0; i < 200; i++) {
      const x = r();
      if (x < 0.5) parts.push(epb(0, 1_780_000_000_000_000 + i * 1000, eth(i)));
      else if (x < 0.9) parts.push(epb(1, 1_780_000_000_000_000_000 + i * 1e6, eth(i).subarray(14)));
      else parts.push(spb(eth(i)));
    }
    parts.push(shb(), idb(101), ...Array.from({ length: 20 }, (_, i) => epb(0, 1_780_000_100_000_000 + i, eth(i).subarray(14))));
    const f = file(Buffer.concat(parts));
    const wasm = analyzeCapture(f, { engine: 'wasm' });
    expect(wasm.packets).toBe(220);
    expect([...wasm.linkTypes].sort()).toEqual(['ethernet', 'raw']);
    expect(wasm).toEqual(analyzeCapture(f, { engine: 'js' }));
    for (const chunk of [13, 200]) expect(analyzeWasmChunked(f, chunk)).toEqual(wasm);
  });

  it('its memory does not grow with the file: four times the packets, the same memory', () => {
    const sizes = [1, 4].map((k) => {
      const w = new PcapWriter();
      for (let i = 0; i < 200 * k; i++) healthyTcp(w, 1 + i * 0.01, 20000 + (i % 20000));
      const a = new WasmCaptureAnalyzer();
      const f = file(w.bytes());
      const ev = a.evidence(f, readCapture(f, a));
      expect(ev.tcp.flows).toBe(200 * k);
      return a.memoryBytes();
    });
    expect(sizes[1]).toBe(sizes[0]);
  });

  it('give the same evidence on every capture written by these tests', () => {
    expect(written.length).toBeGreaterThan(100);
    for (const f of written) {
      const run = (engine: 'js' | 'wasm') => {
        try {
          return analyzeCapture(f, { engine });
        } catch (e) {
          return String(e);
        }
      };
      expect(run('wasm'), f).toEqual(run('js'));
    }
  });
});
