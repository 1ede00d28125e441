/**
 * A minimal DNS client over UDP (TCP when the answer is truncated) that tells a timeout from
 * NXDOMAIN, SERVFAIL and REFUSED — node:dns folds several of those together.
 */
import { createSocket } from 'node:dgram';
import { connect as netConnect, isIP } from 'node:net';
import type { DnsProbeResult } from '../../evidence/probes.js';
import { buildQuery, parseMessage, RCODE_NAMES, TYPE, type DnsMessage } from './wire.js';

export type DnsOutcome = DnsProbeResult['outcome'];

export interface DnsQueryResult {
  outcome: DnsOutcome;
  ms: number;
  rcode?: string;
  answers: string[];
  error?: string;
  tcp?: boolean;
}

/** "10.96.0.10", "10.96.0.10:5353", "[fd00::a]:53" → host and port. */
export function parseServer(server: string): { host: string; port: number } {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
  if (v6) return { host: v6[1]!, port: Number(v6[2] ?? 53) };
  if (isIP(server) === 6) return { host: server, port: 53 };
  const [host, port] = server.split(':');
  return { host: host!, port: Number(port ?? 53) };
}

let nextId = Math.floor(Math.random() * 0xffff);

export async function queryDns(server: string, name: string, type: number = TYPE.A, timeoutMs = 2000): Promise<DnsQueryResult> {
  const { host, port } = parseServer(server);
  const id = (nextId = (nextId + 1) & 0xffff);
  const packet = buildQuery(id, name, type);
  const t0 = performance.now();
  const ms = () => Math.round((performance.now() - t0) * 10) / 10;
  let msg: DnsMessage;
  let tcp = false;
  try {
    msg = await udpExchange(host, port, packet, id, timeoutMs);
    if (msg.truncated) {
      tcp = true;
      msg = await tcpExchange(host, port, packet, id, Math.max(1, timeoutMs - (performance.now() - t0)));
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ETIMEDOUT') return { outcome: 'timeout', ms: ms(), answers: [], error: `read udp ${host}:${port}: i/o timeout`, tcp };
    return { outcome: 'error', ms: ms(), answers: [], error: err.code === 'ECONNREFUSED' ? `${host}:${port}: connection refused` : err.message, tcp };
  }
  const rcode = RCODE_NAMES[msg.rcode] ?? `RCODE${msg.rcode}`;
  const outcome: DnsOutcome = msg.rcode === 0 ? 'ok' : msg.rcode === 3 ? 'nxdomain' : msg.rcode === 2 ? 'servfail' : msg.rcode === 5 ? 'refused' : 'error';
  const answers = msg.answers.filter((a) => a.type === type || a.type === TYPE.CNAME).map((a) => a.data);
  return { outcome, ms: ms(), rcode, answers, tcp };
}

function timeoutError(): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error('timeout');
  e.code = 'ETIMEDOUT';
  return e;
}

function udpExchange(host: string, port: number, packet: Buffer, id: number, timeoutMs: number): Promise<DnsMessage> {
  return new Promise((resolve, reject) => {
    const sock = createSocket(isIP(host) === 6 ? 'udp6' : 'udp4');
    let done = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(again);
      sock.close();
      f();
    };
    const timer = setTimeout(() => finish(() => reject(timeoutError())), timeoutMs);
    // Unanswered at half the time: the same query again, as a resolver retransmits (glibc's attempts),
    // so one datagram lost on a lossy link is not read as a dead server.
    const again = setTimeout(() => !done && sock.send(packet, () => undefined), timeoutMs / 2);
    sock.on('error', (e) => finish(() => reject(e)));
    sock.on('message', (buf) => {
      try {
        const m = parseMessage(buf);
        if (m.id !== id) return; // a stray or spoofed answer: keep waiting
        finish(() => resolve(m));
      } catch (e) {
        finish(() => reject(new Error(`malformed DNS answer: ${(e as Error).message}`)));
      }
    });
    // connected UDP: an ICMP port-unreachable surfaces as ECONNREFUSED instead of a silent timeout
    sock.connect(port, host, () => sock.send(packet, (e) => e && finish(() => reject(e))));
  });
}

function tcpExchange(host: string, port: number, packet: Buffer, id: number, timeoutMs: number): Promise<DnsMessage> {
  return new Promise((resolve, reject) => {
    const s = netConnect({ host, port });
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => (s.destroy(), reject(timeoutError())), timeoutMs);
    const len = Buffer.alloc(2);
    len.writeUInt16BE(packet.length);
    s.on('connect', () => s.write(Buffer.concat([len, packet])));
    s.on('data', (b) => {
      buf = Buffer.concat([buf, b]);
      if (buf.length < 2 || buf.length < 2 + buf.readUInt16BE(0)) return;
      clearTimeout(timer);
      s.destroy();
      try {
        const m = parseMessage(buf.subarray(2, 2 + buf.readUInt16BE(0)));
        if (m.id !== id) throw new Error('answer id mismatch');
        resolve(m);
      } catch (e) {
        reject(e);
      }
    });
    s.on('error', (e) => (clearTimeout(timer), reject(e)));
  });
}
