import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCapture } from './pcap-analyze.js';
import { CaptureFormatError } from './pcap-reader.js';
import { arp, dnsMessage, ethernet, icmpFragNeeded, ipv4, PcapngWriter, PcapWriter, TCP, tcp, udp, vxlan, type UdpChecksum } from './pcap-write.js';

const dir = mkdtempSync(join(tmpdir(), 'fd-pcap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
function file(bytes: Buffer): string {
  const f = join(dir, `c${fileNo++}.pcap`);
  writeFileSync(f, bytes);
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
