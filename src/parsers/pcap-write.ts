/**
 * Byte-exact frames and capture files: Ethernet, ARP, IPv4, UDP, TCP, ICMP, VXLAN and DNS built the
 * way the kernel puts them on the wire (network byte order, real checksums), written as classic pcap
 * or pcapng. The tests and the bench generator use it to make captures with known content.
 */

export type Mac = string; // "02:00:00:00:00:01"

export function macBytes(mac: Mac): Buffer {
  return Buffer.from(mac.split(':').map((h) => parseInt(h, 16)));
}

export function ipv4Bytes(ip: string): Buffer {
  return Buffer.from(ip.split('.').map(Number));
}

/** One's complement sum of 16-bit big-endian words, not folded or inverted. */
export function onesSum(buf: Buffer, start = 0, end = buf.length, sum = 0): number {
  let i = start;
  for (; i + 1 < end; i += 2) sum += (buf[i] << 8) | buf[i + 1];
  if (i < end) sum += buf[i] << 8;
  return sum;
}

export function fold(sum: number): number {
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return sum;
}

function pseudoSum(src: string, dst: string, proto: number, len: number): number {
  return onesSum(Buffer.concat([ipv4Bytes(src), ipv4Bytes(dst)])) + proto + len;
}

export function ethernet(dst: Mac, src: Mac, ethertype: number, payload: Buffer, vlan?: number): Buffer {
  const tag = vlan === undefined ? Buffer.alloc(0) : Buffer.from([0x81, 0x00, (vlan >> 8) & 0x0f, vlan & 0xff]);
  const type = Buffer.from([ethertype >> 8, ethertype & 0xff]);
  return Buffer.concat([macBytes(dst), macBytes(src), tag, type, payload]);
}

export interface Ipv4Options {
  src: string;
  dst: string;
  proto: number;
  payload: Buffer;
  id?: number;
  ttl?: number;
  df?: boolean;
  mf?: boolean;
  /** fragment offset in bytes (a multiple of 8) */
  fragOffset?: number;
  /** total length to write in the header, when it must differ from the bytes given (a fragment's first part) */
  totalLength?: number;
}

export function ipv4(o: Ipv4Options): Buffer {
  const h = Buffer.alloc(20);
  h[0] = 0x45;
  h.writeUInt16BE(o.totalLength ?? 20 + o.payload.length, 2);
  h.writeUInt16BE(o.id ?? 0, 4);
  const frag = ((o.df ?? true) ? 0x4000 : 0) | (o.mf ? 0x2000 : 0) | ((o.fragOffset ?? 0) >> 3);
  h.writeUInt16BE(frag, 6);
  h[8] = o.ttl ?? 64;
  h[9] = o.proto;
  ipv4Bytes(o.src).copy(h, 12);
  ipv4Bytes(o.dst).copy(h, 16);
  h.writeUInt16BE(~fold(onesSum(h)) & 0xffff, 10);
  return Buffer.concat([h, o.payload]);
}

/** zero: no checksum (RFC 768); good: correct; partial: the pseudo-header sum a TX offload leaves; bad: wrong. */
export type UdpChecksum = 'zero' | 'good' | 'partial' | 'bad';

export function udp(src: string, dst: string, sport: number, dport: number, payload: Buffer, checksum: UdpChecksum = 'good'): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt16BE(sport, 0);
  h.writeUInt16BE(dport, 2);
  h.writeUInt16BE(8 + payload.length, 4);
  const seg = Buffer.concat([h, payload]);
  if (checksum !== 'zero') {
    const pseudo = pseudoSum(src, dst, 17, seg.length);
    let v: number;
    if (checksum === 'partial') v = fold(pseudo);
    else {
      v = ~fold(onesSum(seg, 0, seg.length, pseudo)) & 0xffff;
      if (v === 0) v = 0xffff;
      if (checksum === 'bad') v = v === 0x1234 ? 0x4321 : 0x1234;
    }
    seg.writeUInt16BE(v, 6);
  }
  return seg;
}

export const TCP = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16 } as const;

export interface TcpOptions {
  src: string;
  dst: string;
  sport: number;
  dport: number;
  seq: number;
  ack?: number;
  flags: number;
  window?: number;
  payload?: Buffer;
}

export function tcp(o: TcpOptions): Buffer {
  const h = Buffer.alloc(20);
  h.writeUInt16BE(o.sport, 0);
  h.writeUInt16BE(o.dport, 2);
  h.writeUInt32BE(o.seq >>> 0, 4);
  h.writeUInt32BE((o.ack ?? 0) >>> 0, 8);
  h[12] = 5 << 4;
  h[13] = o.flags;
  h.writeUInt16BE(o.window ?? 64240, 14);
  const seg = Buffer.concat([h, o.payload ?? Buffer.alloc(0)]);
  seg.writeUInt16BE(~fold(onesSum(seg, 0, seg.length, pseudoSum(o.src, o.dst, 6, seg.length))) & 0xffff, 16);
  return seg;
}

/** ICMP destination unreachable, fragmentation needed (type 3 code 4), quoting the packet that did not fit. */
export function icmpFragNeeded(mtu: number, quoted: Buffer): Buffer {
  const body = quoted.subarray(0, Math.min(quoted.length, 28));
  const m = Buffer.alloc(8);
  m[0] = 3;
  m[1] = 4;
  m.writeUInt16BE(mtu, 6);
  const msg = Buffer.concat([m, body]);
  msg.writeUInt16BE(~fold(onesSum(msg)) & 0xffff, 2);
  return msg;
}

/** The 8-byte VXLAN header (flags I, 24-bit VNI) followed by the inner Ethernet frame. */
export function vxlan(vni: number, inner: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h[0] = 0x08;
  h.writeUIntBE(vni, 4, 3);
  return Buffer.concat([h, inner]);
}

export function arp(op: 'request' | 'reply', senderMac: Mac, senderIp: string, targetMac: Mac, targetIp: string): Buffer {
  const b = Buffer.alloc(28);
  b.writeUInt16BE(1, 0); // Ethernet
  b.writeUInt16BE(0x0800, 2);
  b[4] = 6;
  b[5] = 4;
  b.writeUInt16BE(op === 'request' ? 1 : 2, 6);
  macBytes(senderMac).copy(b, 8);
  ipv4Bytes(senderIp).copy(b, 14);
  macBytes(targetMac).copy(b, 18);
  ipv4Bytes(targetIp).copy(b, 24);
  return b;
}

function dnsName(name: string): Buffer {
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean);
  return Buffer.concat([...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p, 'ascii')])), Buffer.from([0])]);
}

/** A DNS message with one question; a response carries `answers` as A records (compressed name). */
export function dnsMessage(o: { id: number; name: string; qtype?: number; response?: boolean; rcode?: number; answers?: string[] }): Buffer {
  const h = Buffer.alloc(12);
  h.writeUInt16BE(o.id, 0);
  h[2] = (o.response ? 0x80 : 0) | 0x01; // QR, RD
  h[3] = (o.response ? 0x80 : 0) | ((o.rcode ?? 0) & 0x0f); // RA, rcode
  h.writeUInt16BE(1, 4);
  h.writeUInt16BE(o.answers?.length ?? 0, 6);
  const q = Buffer.concat([dnsName(o.name), Buffer.from([0, o.qtype ?? 1, 0, 1])]);
  const answers = (o.answers ?? []).map((ip) => Buffer.concat([Buffer.from([0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 30, 0, 4]), ipv4Bytes(ip)]));
  return Buffer.concat([h, q, ...answers]);
}

/** Classic pcap: a global header, then per packet a 16-byte record header and the bytes. */
export class PcapWriter {
  private parts: Buffer[] = [];
  constructor(
    readonly linkType = 1,
    readonly snaplen = 262144,
    readonly nano = false,
  ) {
    const h = Buffer.alloc(24);
    h.writeUInt32LE(nano ? 0xa1b23c4d : 0xa1b2c3d4, 0);
    h.writeUInt16LE(2, 4);
    h.writeUInt16LE(4, 6);
    h.writeUInt32LE(snaplen, 16);
    h.writeUInt32LE(linkType, 20);
    this.parts.push(h);
  }

  /** `ts` in seconds (fractions kept to µs, or ns for a nanosecond file). */
  record(ts: number, frame: Buffer, origLen = frame.length): Buffer {
    const cap = frame.subarray(0, Math.min(frame.length, this.snaplen));
    const h = Buffer.alloc(16);
    const sec = Math.floor(ts);
    h.writeUInt32LE(sec, 0);
    h.writeUInt32LE(Math.round((ts - sec) * (this.nano ? 1e9 : 1e6)), 4);
    h.writeUInt32LE(cap.length, 8);
    h.writeUInt32LE(origLen, 12);
    return Buffer.concat([h, cap]);
  }

  add(ts: number, frame: Buffer, origLen?: number): this {
    this.parts.push(this.record(ts, frame, origLen));
    return this;
  }

  header(): Buffer {
    return this.parts[0];
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** pcapng: a section header, one interface, then enhanced packet blocks (microsecond timestamps). */
export class PcapngWriter {
  private parts: Buffer[] = [];
  constructor(readonly linkType = 1) {
    const shb = Buffer.alloc(28);
    shb.writeUInt32LE(0x0a0d0d0a, 0);
    shb.writeUInt32LE(28, 4);
    shb.writeUInt32LE(0x1a2b3c4d, 8);
    shb.writeUInt16LE(1, 12);
    shb.writeInt32LE(-1, 16);
    shb.writeInt32LE(-1, 20);
    shb.writeUInt32LE(28, 24);
    const idb = Buffer.alloc(20);
    idb.writeUInt32LE(1, 0);
    idb.writeUInt32LE(20, 4);
    idb.writeUInt16LE(linkType, 8);
    idb.writeUInt32LE(0, 12);
    idb.writeUInt32LE(20, 16);
    this.parts.push(shb, idb);
  }

  record(ts: number, frame: Buffer, origLen = frame.length): Buffer {
    const pad = (4 - (frame.length % 4)) % 4;
    const total = 32 + frame.length + pad;
    const b = Buffer.alloc(total);
    b.writeUInt32LE(6, 0);
    b.writeUInt32LE(total, 4);
    const us = BigInt(Math.round(ts * 1e6));
    b.writeUInt32LE(Number(us >> 32n), 12);
    b.writeUInt32LE(Number(us & 0xffffffffn), 16);
    b.writeUInt32LE(frame.length, 20);
    b.writeUInt32LE(origLen, 24);
    frame.copy(b, 28);
    b.writeUInt32LE(total, total - 4);
    return b;
  }

  add(ts: number, frame: Buffer, origLen?: number): this {
    this.parts.push(this.record(ts, frame, origLen));
    return this;
  }

  header(): Buffer {
    return Buffer.concat(this.parts.slice(0, 2));
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}
