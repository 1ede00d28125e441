/**
 * The DNS wire format (RFC 1035), just enough for a prober: build a query, parse a response's
 * header, question and answers (A, AAAA, CNAME, TXT, HINFO). Small and strict: a malformed packet is
 * an error, never a crash.
 */

export const TYPE = { A: 1, CNAME: 5, HINFO: 13, TXT: 16, AAAA: 28 } as const;
export const RCODE_NAMES: Record<number, string> = { 0: 'NOERROR', 1: 'FORMERR', 2: 'SERVFAIL', 3: 'NXDOMAIN', 4: 'NOTIMP', 5: 'REFUSED' };

export interface DnsAnswer {
  name: string;
  type: number;
  ttl: number;
  data: string;
}

export interface DnsMessage {
  id: number;
  rcode: number;
  truncated: boolean;
  authoritative: boolean;
  recursionAvailable: boolean;
  question?: { name: string; type: number };
  answers: DnsAnswer[];
}

export function encodeName(name: string): Buffer {
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean);
  const bufs: Buffer[] = [];
  for (const p of parts) {
    const b = Buffer.from(p, 'ascii');
    if (b.length > 63) throw new Error(`DNS label too long: ${p.slice(0, 20)}…`);
    bufs.push(Buffer.from([b.length]), b);
  }
  bufs.push(Buffer.from([0]));
  return Buffer.concat(bufs);
}

export function buildQuery(id: number, name: string, type: number, recursionDesired = true): Buffer {
  const h = Buffer.alloc(12);
  h.writeUInt16BE(id, 0);
  h.writeUInt16BE(recursionDesired ? 0x0100 : 0, 2);
  h.writeUInt16BE(1, 4); // QDCOUNT
  const q = Buffer.alloc(4);
  q.writeUInt16BE(type, 0);
  q.writeUInt16BE(1, 2); // class IN
  return Buffer.concat([h, encodeName(name), q]);
}

/** Reads a possibly compressed name at offset; returns it and the offset after it. */
function readName(buf: Buffer, offset: number): [string, number] {
  const labels: string[] = [];
  let pos = offset;
  let end = -1;
  for (let hops = 0; hops < 64; hops++) {
    if (pos >= buf.length) throw new Error('name runs past the packet');
    const len = buf[pos]!;
    if (len === 0) {
      if (end < 0) end = pos + 1;
      return [labels.join('.') + '.', end];
    }
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= buf.length) throw new Error('truncated compression pointer');
      if (end < 0) end = pos + 2;
      pos = ((len & 0x3f) << 8) | buf[pos + 1]!;
      continue;
    }
    if (pos + 1 + len > buf.length) throw new Error('label runs past the packet');
    labels.push(buf.toString('ascii', pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
  throw new Error('compression loop');
}

export function parseMessage(buf: Buffer): DnsMessage {
  if (buf.length < 12) throw new Error('DNS message shorter than its header');
  const flags = buf.readUInt16BE(2);
  const qd = buf.readUInt16BE(4);
  const an = buf.readUInt16BE(6);
  const msg: DnsMessage = { id: buf.readUInt16BE(0), rcode: flags & 0xf, truncated: !!(flags & 0x0200), authoritative: !!(flags & 0x0400), recursionAvailable: !!(flags & 0x0080), answers: [] };
  let off = 12;
  for (let i = 0; i < qd; i++) {
    const [name, next] = readName(buf, off);
    if (next + 4 > buf.length) throw new Error('question runs past the packet');
    if (i === 0) msg.question = { name, type: buf.readUInt16BE(next) };
    off = next + 4;
  }
  for (let i = 0; i < an && off < buf.length; i++) {
    const [name, next] = readName(buf, off);
    if (next + 10 > buf.length) throw new Error('answer runs past the packet');
    const type = buf.readUInt16BE(next);
    const ttl = buf.readUInt32BE(next + 4);
    const len = buf.readUInt16BE(next + 8);
    const rd = next + 10;
    if (rd + len > buf.length) throw new Error('rdata runs past the packet');
    let data = '';
    if (type === TYPE.A && len === 4) data = [...buf.subarray(rd, rd + 4)].join('.');
    else if (type === TYPE.AAAA && len === 16) data = Array.from({ length: 8 }, (_, k) => buf.readUInt16BE(rd + 2 * k).toString(16)).join(':');
    else if (type === TYPE.CNAME) data = readName(buf, rd)[0];
    else if (type === TYPE.TXT || type === TYPE.HINFO) {
      const strs: string[] = [];
      for (let p = rd; p < rd + len; ) {
        const l = buf[p]!;
        strs.push(buf.toString('utf8', p + 1, Math.min(p + 1 + l, rd + len)));
        p += 1 + l;
      }
      data = strs.join(' ');
    } else data = buf.subarray(rd, rd + len).toString('hex');
    msg.answers.push({ name, type, ttl, data });
    off = rd + len;
  }
  return msg;
}
