/**
 * The DNS wire format for the prober, through dns-packet: a query is built, a response is decoded and
 * reduced to what the verdicts read (header bits, rcode, the question, answers as text). A malformed
 * packet is an Error, never a crash or a hang (the fuzz test holds the library to that).
 */
import dnsPacket from 'dns-packet';

export const TYPE = { A: 1, CNAME: 5, HINFO: 13, TXT: 16, AAAA: 28 } as const;
export const RCODE_NAMES: Record<number, string> = { 0: 'NOERROR', 1: 'FORMERR', 2: 'SERVFAIL', 3: 'NXDOMAIN', 4: 'NOTIMP', 5: 'REFUSED' };
const TYPE_NAMES: Record<number, string> = Object.fromEntries(Object.entries(TYPE).map(([k, v]) => [v, k]));
const TYPE_NUMBERS: Record<string, number> = TYPE;

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

/** dns-packet writes whatever it is given; RFC 1035's limits are checked here, with a clear message. */
function checkName(name: string): string {
  const bare = name.replace(/\.$/, '');
  for (const label of bare.split('.')) {
    if (Buffer.byteLength(label) > 63) throw new Error(`DNS label too long: ${label.slice(0, 20)}…`);
  }
  if (Buffer.byteLength(bare) > 253) throw new Error(`DNS name too long: ${bare.slice(0, 40)}…`);
  return bare;
}

export function buildQuery(id: number, name: string, type: number, recursionDesired = true): Buffer {
  const qtype = TYPE_NAMES[type];
  if (!qtype) throw new Error(`unsupported query type ${type}`);
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: recursionDesired ? dnsPacket.RECURSION_DESIRED : 0,
    questions: [{ type: qtype as 'A', name: checkName(name) }],
  });
}

/** A name as the verdicts print it: fully qualified, with the final dot. */
const fqdn = (n: string) => (n.endsWith('.') ? n : n + '.');

/** An answer's data as text: addresses as written, names fully qualified, TXT strings joined. */
function answerText(type: string, data: unknown): string {
  if (type === 'CNAME' && typeof data === 'string') return fqdn(data);
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('hex');
  if (Array.isArray(data)) return data.map((d) => (Buffer.isBuffer(d) ? d.toString('utf8') : String(d))).join(' ');
  if (type === 'HINFO' && data && typeof data === 'object') {
    const h = data as { cpu?: string; os?: string };
    return [h.cpu, h.os].filter((x) => x !== undefined).join(' ');
  }
  return JSON.stringify(data) ?? '';
}

export function parseMessage(buf: Buffer): DnsMessage {
  if (buf.length < 12) throw new Error('DNS message shorter than its header');
  let p: ReturnType<typeof dnsPacket.decode>;
  try {
    p = dnsPacket.decode(buf);
  } catch (e) {
    throw new Error(`malformed DNS message: ${e instanceof Error ? e.message : String(e)}`);
  }
  // rcode and the header bits from the header itself (the library names rcodes; verdicts compare numbers).
  const flags = buf.readUInt16BE(2);
  const q = p.questions?.[0];
  return {
    id: p.id ?? buf.readUInt16BE(0),
    rcode: flags & 0xf,
    truncated: !!(flags & 0x0200),
    authoritative: !!(flags & 0x0400),
    recursionAvailable: !!(flags & 0x0080),
    ...(q ? { question: { name: fqdn(q.name), type: TYPE_NUMBERS[q.type] ?? typeNumber(buf, q.type) } } : {}),
    answers: (p.answers ?? []).map((a) => ({
      name: fqdn(a.name),
      type: TYPE_NUMBERS[a.type] ?? typeNumber(buf, a.type),
      ttl: 'ttl' in a && typeof a.ttl === 'number' ? a.ttl : 0,
      data: answerText(a.type, 'data' in a ? a.data : undefined),
    })),
  };
}

/** dns-packet names types it knows and writes `UNKNOWN_<n>` for others. */
function typeNumber(_buf: Buffer, name: string): number {
  const m = /^UNKNOWN_(\d+)$/.exec(name);
  return m ? Number(m[1]) : -1;
}
