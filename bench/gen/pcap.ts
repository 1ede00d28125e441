import { closeSync, openSync, writeSync } from 'node:fs';
import { arp, dnsMessage, ethernet, icmpFragNeeded, ipv4, PcapngWriter, PcapWriter, TCP, tcp, udp, vxlan, type UdpChecksum } from '../../src/parsers/pcap-write.js';
import { seededRandom } from '../../src/seeded-random.js';

/**
 * Writes a capture as a span port on a flannel cluster's underlay sees it: VXLAN (UDP 8472, VNI 1)
 * between every node pair carrying pod↔pod TCP (handshake, request, MSS-sized response segments, ACKs,
 * FIN), pod DNS through CoreDNS with the search-list walk (NXDOMAIN for the expanded names, then the
 * answer), plain kubelet→apiserver TCP on the underlay, and rare retransmits and SERVFAILs. 64 flows
 * are open at once and their packets interleave. Frames are byte-exact with real checksums. Faults can
 * be added for tests. Deterministic for a seed.
 */
export interface PcapGenOptions {
  bytes: number;
  nodes?: number;
  format?: 'pcap' | 'pcapng';
  seed?: number;
  /** faults to inject */
  oneWay?: [number, number]; // VXLAN from node i to node j never answered (j's replies lost)
  badChecksumFrom?: number; // node whose VXLAN packets arrive with wrong outer UDP checksums
  fragNeededMtu?: number; // the underlay answers big VXLAN packets with ICMP frag-needed at this MTU
}

export interface PcapGenResult {
  bytes: number;
  packets: number;
  vxlanPackets: number;
  flows: number;
}

interface NodeSpec {
  ip: string;
  mac: string;
  vtep: string;
  csum: UdpChecksum;
  ipId: number;
}

const APISERVER_PORT = 6443;

export function generatePcap(file: string, opts: PcapGenOptions): PcapGenResult {
  const r = seededRandom(opts.seed ?? 16);
  const n = opts.nodes ?? 5;
  const nodes: NodeSpec[] = Array.from({ length: n }, (_, i) => ({
    ip: `192.168.56.${11 + i}`,
    mac: `52:54:00:00:00:${(0x11 + i).toString(16)}`,
    vtep: `12:c6:65:89:b4:${(0x10 + i).toString(16)}`,
    // Half the nodes leave the outer checksum zero, the others fill it in (kernel and offload dependent).
    csum: i % 2 ? 'good' : 'zero',
    ipId: 1,
  }));
  const pod = (node: number, k: number) => `10.244.${node}.${2 + k}`;
  const writer = opts.format === 'pcapng' ? new PcapngWriter(1) : new PcapWriter(1);
  const fd = openSync(file, 'w');
  let pending: Buffer[] = [writer.header()];
  let pendingBytes = pending[0].length;
  let written = 0;
  let packets = 0;
  let vxlanPackets = 0;
  let flows = 0;
  let ts = 1_780_000_000 + r() * 1000;
  const flush = () => {
    const b = Buffer.concat(pending);
    writeSync(fd, b);
    written += b.length;
    pending = [];
    pendingBytes = 0;
  };
  const emit = (frame: Buffer) => {
    ts += 0.00002 + r() * 0.0002;
    const rec = writer.record(ts, frame);
    pending.push(rec);
    pendingBytes += rec.length;
    packets++;
    if (pendingBytes >= 4 << 20) flush();
  };

  /** An inner IPv4 packet from node a's pod to node b's pod, wrapped the way flannel.1 sends it. */
  const overlay = (a: number, b: number, innerIp: Buffer, flowHash: number) => {
    if (opts.oneWay && a === opts.oneWay[1] && b === opts.oneWay[0]) return; // lost before the span port
    const A = nodes[a];
    const B = nodes[b];
    const inner = ethernet(B.vtep, A.vtep, 0x0800, innerIp);
    const sport = 32768 + (flowHash % 28232);
    const csum: UdpChecksum = opts.badChecksumFrom === a ? 'bad' : A.csum;
    const outer = ipv4({ src: A.ip, dst: B.ip, proto: 17, id: A.ipId++ & 0xffff, df: false, payload: udp(A.ip, B.ip, sport, 8472, vxlan(1, inner), csum) });
    if (opts.fragNeededMtu && outer.length > opts.fragNeededMtu) {
      emit(ethernet(A.mac, B.mac, 0x0800, ipv4({ src: B.ip, dst: A.ip, proto: 1, payload: icmpFragNeeded(opts.fragNeededMtu, outer) })));
      return;
    }
    vxlanPackets++;
    emit(ethernet(B.mac, A.mac, 0x0800, outer));
  };

  type Flow = () => boolean; // emits its next packet; false when done
  const tcpFlow = (a: number, b: number, src: string, dst: string, sport: number, dport: number, segments: number, wrap: (from: 'c' | 's', ip: Buffer) => void): Flow => {
    let cseq = Math.floor(r() * 0xffffffff);
    let sseq = Math.floor(r() * 0xffffffff);
    const steps: (() => void)[] = [];
    const c = (flags: number, payload?: Buffer) => () => {
      wrap('c', ipv4({ src, dst, proto: 6, id: 0, payload: tcp({ src, dst, sport, dport, seq: cseq, ack: sseq, flags, payload }) }));
      cseq = (cseq + (payload?.length ?? 0) + (flags & (TCP.SYN | TCP.FIN) ? 1 : 0)) >>> 0;
    };
    const s = (flags: number, payload?: Buffer, retransmit = false) => () => {
      wrap('s', ipv4({ src: dst, dst: src, proto: 6, id: 0, payload: tcp({ src: dst, dst: src, sport: dport, dport: sport, seq: sseq, ack: cseq, flags, payload }) }));
      if (!retransmit) sseq = (sseq + (payload?.length ?? 0) + (flags & (TCP.SYN | TCP.FIN) ? 1 : 0)) >>> 0;
    };
    steps.push(c(TCP.SYN), s(TCP.SYN | TCP.ACK), c(TCP.ACK), c(TCP.PSH | TCP.ACK, Buffer.alloc(180 + Math.floor(r() * 300), 0x61)));
    for (let i = 0; i < segments; i++) {
      const last = i === segments - 1;
      const payload = Buffer.alloc(last ? 100 + Math.floor(r() * 1200) : 1398, 0x62);
      if (r() < 0.01) steps.push(s(TCP.ACK, payload, true)); // lost once, sent again
      steps.push(s(TCP.ACK | (last ? TCP.PSH : 0), payload));
      if (i % 2 === 1 || last) steps.push(c(TCP.ACK));
    }
    steps.push(c(TCP.FIN | TCP.ACK), s(TCP.FIN | TCP.ACK), c(TCP.ACK));
    void a;
    void b;
    let i = 0;
    return () => {
      steps[i++]();
      return i < steps.length;
    };
  };

  const dnsNames = ['api.shop.svc.cluster.local', 'redis.shop.svc.cluster.local', 'kubernetes.default.svc.cluster.local', 'web.default.svc.cluster.local'];
  const external = ['registry.k8s.io', 'github.com', 'auth.docker.io', 'pypi.org'];
  const dnsFlow = (a: number, k: number, b: number, corednsIp: string): Flow => {
    const client = pod(a, k);
    const port = 30000 + Math.floor(r() * 30000);
    const questions: { name: string; rcode: number }[] = [];
    if (r() < 0.6) questions.push({ name: dnsNames[Math.floor(r() * dnsNames.length)], rcode: 0 });
    else {
      const name = external[Math.floor(r() * external.length)];
      for (const suffix of ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local']) questions.push({ name: `${name}.${suffix}`, rcode: 3 });
      questions.push({ name, rcode: r() < 0.02 ? 2 : 0 });
    }
    const steps: (() => void)[] = [];
    for (const q of questions) {
      const id = Math.floor(r() * 65536);
      const send = (from: 'c' | 's', payload: Buffer) => {
        const [src, dst, sp, dp] = from === 'c' ? [client, corednsIp, port, 53] : [corednsIp, client, 53, port];
        const ip = ipv4({ src, dst, proto: 17, id: 0, payload: udp(src, dst, sp, dp, payload) });
        if (from === 'c') overlay(a, b, ip, port * 7 + 1);
        else overlay(b, a, ip, port * 7 + 1);
      };
      steps.push(() => send('c', dnsMessage({ id, name: q.name })));
      steps.push(() => send('s', dnsMessage({ id, name: q.name, response: true, rcode: q.rcode, answers: q.rcode === 0 ? [`10.96.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`] : [] })));
    }
    let i = 0;
    return () => {
      steps[i++]();
      return i < steps.length;
    };
  };

  const newFlow = (): Flow => {
    flows++;
    const a = Math.floor(r() * n);
    let b = Math.floor(r() * (n - 1));
    if (b >= a) b++;
    const x = r();
    if (x < 0.6) {
      const k = Math.floor(r() * 20);
      const sport = 32768 + Math.floor(r() * 28000);
      const dport = [80, 8080, 443, 6379][Math.floor(r() * 4)];
      const segments = 1 + Math.floor(r() * r() * 40);
      return tcpFlow(a, b, pod(a, k), pod(b, k), sport, dport, segments, (from, ip) => (from === 'c' ? overlay(a, b, ip, sport * 31 + dport) : overlay(b, a, ip, sport * 31 + dport)));
    }
    if (x < 0.9) {
      // CoreDNS runs on the first two nodes; a query from their own pods never crosses the underlay.
      const servers = [0, 1].filter((s) => s !== a && s < n);
      const server = servers[Math.floor(r() * servers.length)];
      return dnsFlow(a, Math.floor(r() * 20), server, pod(server, 0));
    }
    // kubelet → apiserver on the first node, plain on the underlay
    const A = nodes[a === 0 ? b : a];
    const S = nodes[0];
    const sport = 40000 + Math.floor(r() * 20000);
    return tcpFlow(a, 0, A.ip, S.ip, sport, APISERVER_PORT, 1 + Math.floor(r() * 4), (from, ip) => emit(from === 'c' ? ethernet(S.mac, A.mac, 0x0800, ip) : ethernet(A.mac, S.mac, 0x0800, ip)));
  };

  const active: Flow[] = Array.from({ length: 64 }, newFlow);
  try {
    let sinceArp = 0;
    while (written + pendingBytes < opts.bytes) {
      const i = Math.floor(r() * active.length);
      if (!active[i]()) active[i] = newFlow();
      if (++sinceArp === 5000) {
        // The underlay's own ARP, as every span port sees it.
        sinceArp = 0;
        const a = Math.floor(r() * n);
        emit(ethernet('ff:ff:ff:ff:ff:ff', nodes[a].mac, 0x0806, arp('request', nodes[a].mac, nodes[a].ip, '00:00:00:00:00:00', nodes[(a + 1) % n].ip)));
      }
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { bytes: written, packets, vxlanPackets, flows };
}
