/**
 * Opening a connection to a registry host phase by phase — dns, tcp, proxy (CONNECT), tls — each
 * timed and bounded by the caller's deadline. Failures are thrown as PhaseError naming the phase and
 * what was observed (the step, the system's code, a TLS alert), with a message in the words
 * Go/containerd would use. What it means is the rules' to say (src/rules/_registry-verdict.ts).
 */
import { connect as netConnect, type Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, createSecureContext, rootCertificates, type PeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import type { ProbePhase, RegistryAnswer, RegistryFailure } from '../../evidence/probes.js';
import { HttpConnection, PhaseTimeout } from './http1.js';
import type { NodeResolver } from './node-resolver.js';

/**
 * A phase that failed. The transport, TLS and token exchange record what they observed (`failure`);
 * when the registry's HTTP API answered, the answer is recorded instead (`answer`, no failure). The
 * rules judge what either means.
 */
export class PhaseError extends Error {
  constructor(
    readonly phase: string,
    readonly failure: RegistryFailure | undefined,
    message: string,
    readonly answer?: RegistryAnswer,
  ) {
    super(message);
    this.name = 'PhaseError';
  }
}

export interface ProxyConfig {
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
}

export interface DialTarget {
  scheme: 'https' | 'http';
  /** host[:port] */
  host: string;
  skipVerify: boolean;
  ca: string[];
}

export interface DialContext {
  resolver: NodeResolver;
  proxy: ProxyConfig;
  /** the node clock, for the expiry verdict */
  now: () => number;
  phases: ProbePhase[];
}

export function splitHostPort(hostPort: string, scheme: 'https' | 'http'): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostPort);
  const host = (m?.[1] ?? hostPort).replace(/^\[|\]$/g, '');
  return { host, port: m?.[2] ? Number(m[2]) : scheme === 'https' ? 443 : 80 };
}

/** Runs one phase: records its timing and outcome; a PhaseTimeout or error is re-thrown as PhaseError. */
export async function phase<T>(ctx: DialContext, name: string, run: () => Promise<T>, detail?: (v: T) => string | undefined, onError?: (e: Error) => PhaseError): Promise<T> {
  const t0 = performance.now();
  try {
    const v = await run();
    ctx.phases.push({ name, ok: true, ms: round(performance.now() - t0), detail: detail?.(v) });
    return v;
  } catch (e) {
    const err = e instanceof PhaseError ? e : onError ? onError(e as Error) : new PhaseError(name, observed('probe', e as Error), String((e as Error).message));
    ctx.phases.push({ name, ok: false, ms: round(performance.now() - t0), error: err.message });
    throw err;
  }
}

/** What an error shows: its step, and the system's code (TIMEOUT for the probe's own deadline, ERROR when it gives none). */
export function observed(step: string, e: Error, extra: Partial<RegistryFailure> = {}): RegistryFailure {
  const code = e instanceof PhaseTimeout ? 'TIMEOUT' : ((e as NodeJS.ErrnoException).code ?? 'ERROR');
  return { step, code, ...extra };
}

export function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function timeLeft(deadline: number, phaseName: string): number {
  const left = deadline - Date.now();
  if (left <= 0) throw new PhaseTimeout(phaseName, 0);
  return left;
}

/** Whether NO_PROXY exempts host (suffix, exact, "*", IP prefix). */
export function bypassProxy(host: string, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const h = host.toLowerCase();
  for (const raw of noProxy.split(',')) {
    const e = raw.trim().toLowerCase().replace(/:\d+$/, '');
    if (!e) continue;
    if (e === '*') return true;
    if (e.includes('/')) {
      const [net, bits] = e.split('/');
      if (ipInCidr(h, net!, Number(bits))) return true;
      continue;
    }
    const bare = e.replace(/^\*?\./, '');
    if (h === bare || h.endsWith('.' + bare)) return true;
  }
  return false;
}

function ipInCidr(ip: string, net: string, bits: number): boolean {
  const toN = (s: string) => {
    const p = s.split('.').map(Number);
    return p.length === 4 && p.every((x) => x >= 0 && x < 256) ? ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0 : undefined;
  };
  const a = toN(ip);
  const b = toN(net);
  if (a === undefined || b === undefined || !(bits >= 0 && bits <= 32)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (a & mask) === (b & mask);
}

function tcpConnect(address: string, port: number, deadline: number, phaseName: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const left = timeLeft(deadline, phaseName);
    const s = netConnect({ host: address, port });
    const timer = setTimeout(() => {
      s.destroy();
      reject(new PhaseTimeout(phaseName, left));
    }, left);
    s.once('connect', () => {
      clearTimeout(timer);
      s.removeAllListeners('error');
      s.setNoDelay(true);
      resolve(s);
    });
    s.once('error', (e) => {
      clearTimeout(timer);
      s.destroy();
      reject(e);
    });
  });
}

function tcpError(address: string, port: number) {
  return (e: Error): PhaseError => {
    const seen = observed('tcp', e);
    const words: Record<string, string> = { TIMEOUT: 'i/o timeout', ECONNREFUSED: 'connect: connection refused', ECONNRESET: 'connect: connection refused', EHOSTUNREACH: 'connect: no route to host', ENETUNREACH: 'connect: network is unreachable' };
    const known = words[seen.code];
    return new PhaseError('tcp', known ? seen : { ...seen, message: e.message }, `dial tcp ${address}:${port}: ${known ?? e.message}`);
  };
}

/** DNS + TCP to host:port (no proxy). */
async function dialTcp(ctx: DialContext, host: string, port: number, deadline: number, label = ''): Promise<{ socket: Socket; address: string }> {
  const res = await phase(
    ctx,
    `dns${label}`,
    () => ctx.resolver.resolve(host, timeLeft(deadline, 'dns')),
    (r) => `${host} → ${r.addresses.join(', ')} (${r.via}${r.server ? ` ${r.server}` : ''})`,
    (e) => new PhaseError('dns', observed('dns', e), e instanceof PhaseTimeout ? `lookup ${host}: i/o timeout` : e.message),
  );
  const address = res.addresses[0]!;
  const socket = await phase(ctx, `tcp${label}`, () => tcpConnect(address, port, deadline, 'tcp'), () => `${address}:${port}`, tcpError(address, port));
  return { socket, address };
}

/** Opens an HTTP connection to target: dns, tcp (or proxy dns/tcp + CONNECT), tls when https. */
export async function dial(ctx: DialContext, target: DialTarget, deadline: number): Promise<HttpConnection> {
  const { host, port } = splitHostPort(target.host, target.scheme);
  const proxyUrl = target.scheme === 'https' ? ctx.proxy.httpsProxy : (ctx.proxy.httpProxy ?? ctx.proxy.httpsProxy);
  let socket: Socket;
  if (proxyUrl && !bypassProxy(host, ctx.proxy.noProxy)) socket = await viaProxy(ctx, proxyUrl, host, port, deadline);
  else socket = (await dialTcp(ctx, host, port, deadline)).socket;
  if (target.scheme === 'http') return new HttpConnection(socket, target.host);
  const tlsSocket = await phase(ctx, 'tls', () => tlsHandshake(socket, host, target, deadline), describeCert, (e) => tlsError(e, host, port));
  try {
    verifyPeer(tlsSocket, host, target, ctx.now());
  } catch (e) {
    const last = ctx.phases[ctx.phases.length - 1]!;
    last.ok = false;
    last.error = (e as Error).message;
    tlsSocket.destroy();
    throw e;
  }
  return new HttpConnection(tlsSocket, target.host);
}

async function viaProxy(ctx: DialContext, proxyUrl: string, host: string, port: number, deadline: number): Promise<Socket> {
  let u: URL;
  try {
    u = new URL(/^[a-z]+:\/\//i.test(proxyUrl) ? proxyUrl : `http://${proxyUrl}`);
  } catch {
    throw new PhaseError('proxy', { step: 'proxy', code: 'PROXY_URL' }, `proxyconnect tcp: invalid proxy URL`);
  }
  const pPort = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  const pHost = u.hostname.replace(/^\[|\]$/g, '');
  let s: Socket;
  try {
    s = (await dialTcp(ctx, pHost, pPort, deadline, '-proxy')).socket;
  } catch (e) {
    const seen = e instanceof PhaseError ? e.failure : undefined;
    throw new PhaseError(`${(e as PhaseError).phase ?? 'tcp'}-proxy`, { ...(seen ?? observed('proxy', e as Error)), step: 'proxy' }, `proxyconnect tcp: ${(e as Error).message}`);
  }
  const auth = u.username ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')}\r\n` : '';
  const target = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return phase(
    ctx,
    'proxy-connect',
    () =>
      new Promise<Socket>((resolve, reject) => {
        const left = timeLeft(deadline, 'proxy-connect');
        let buf = Buffer.alloc(0);
        const timer = setTimeout(() => fail(new PhaseTimeout('proxy-connect', left)), left);
        const fail = (e: Error) => {
          clearTimeout(timer);
          s.destroy();
          reject(e);
        };
        const onData = (b: Buffer) => {
          buf = Buffer.concat([buf, b]);
          const end = buf.indexOf('\r\n\r\n');
          if (end < 0) return;
          clearTimeout(timer);
          s.off('data', onData);
          const status = /^HTTP\/1\.[01] (\d{3})(.*)/.exec(buf.subarray(0, buf.indexOf('\r\n')).toString('latin1'));
          if (!status || status[1]![0] !== '2') return fail(Object.assign(new Error(`proxy answered CONNECT with ${status ? status[1] + status[2] : 'garbage'}`), { code: 'PROXY_STATUS' }));
          const rest = buf.subarray(end + 4);
          if (rest.length) s.unshift(rest);
          resolve(s);
        };
        s.on('data', onData);
        s.once('error', fail);
        s.once('end', () => fail(Object.assign(new Error('proxy closed the connection during CONNECT'), { code: 'CLOSED' })));
        s.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth}\r\n`);
      }),
    () => `CONNECT ${target} via ${u.host}`,
    (e) => new PhaseError('proxy-connect', observed('proxy-connect', e), `proxyconnect tcp ${u.host}: ${e instanceof PhaseTimeout ? 'i/o timeout' : e.message}`),
  );
}

// Building a context parses every system root: once per CA set, not per connection.
const contexts = new Map<string, SecureContext>();
function secureContextFor(ca: string[]): SecureContext {
  const key = ca.join('\n');
  let c = contexts.get(key);
  if (!c) {
    c = createSecureContext({ ca: [...rootCertificates, ...ca] });
    if (contexts.size > 64) contexts.clear();
    contexts.set(key, c);
  }
  return c;
}

function tlsHandshake(socket: Socket, host: string, target: DialTarget, deadline: number): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const left = timeLeft(deadline, 'tls');
    const isIp = /^[\d.]+$|:/.test(host);
    const t = tlsConnect({
      socket,
      servername: isIp ? undefined : host,
      secureContext: secureContextFor(target.ca),
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    const timer = setTimeout(() => {
      t.destroy();
      reject(new PhaseTimeout('tls', left));
    }, left);
    t.once('secureConnect', () => {
      clearTimeout(timer);
      t.removeAllListeners('error');
      resolve(t);
    });
    t.once('error', (e) => {
      clearTimeout(timer);
      t.destroy();
      reject(e);
    });
  });
}

/** OpenSSL's words for bytes that are no TLS record (a plain-HTTP answer to the ClientHello, say). */
const NOT_TLS = /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|UNKNOWN_PROTOCOL/;

/** Whether the handshake got bytes back that are no TLS at all. */
export function notTls(f: RegistryFailure | undefined): boolean {
  return f?.step === 'tls' && f.plaintext === true;
}

/** The alert a TLS error carries (OpenSSL's code ERR_SSL_TLSV1_ALERT_UNKNOWN_CA → "unknown ca"). */
function tlsAlert(code: string): string | undefined {
  const m = /_ALERT_([A-Z_]+)$/.exec(code);
  return m ? m[1]!.toLowerCase().replace(/_/g, ' ') : undefined;
}

function tlsError(e: Error, host: string, port: number): PhaseError {
  if (e instanceof PhaseTimeout) return new PhaseError('tls', observed('tls', e), 'net/http: TLS handshake timeout');
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const alert = tlsAlert(code);
  const plaintext = NOT_TLS.test(code + e.message);
  const seen = observed('tls', e, { message: e.message, ...(alert ? { alert } : {}), ...(plaintext ? { plaintext } : {}) });
  if (plaintext) return new PhaseError('tls', seen, `http: server gave HTTP response to HTTPS client (${host}:${port})`);
  if (code === 'ECONNRESET' || /socket disconnected/i.test(e.message)) return new PhaseError('tls', seen, `TLS handshake with ${host}:${port} reset by peer (${e.message})`);
  return new PhaseError('tls', seen, `TLS handshake with ${host}:${port} failed: ${e.message}`);
}

function describeCert(t: TLSSocket): string {
  const c = t.getPeerCertificate();
  if (!c || !c.subject) return `${t.getProtocol() ?? 'tls'}`;
  return `${t.getProtocol()} subject ${c.subject.CN ?? '?'}, issuer ${c.issuer?.CN ?? '?'}, valid ${c.valid_from} – ${c.valid_to}`;
}

/** Chain, expiry (against the node clock) and name checks, in Go's order; skip_verify skips them. What failed is recorded as its X.509 code. */
function verifyPeer(t: TLSSocket, host: string, target: DialTarget, now: number): void {
  if (target.skipVerify) return;
  const cert = t.getPeerCertificate() as PeerCertificate;
  const reason = t.authorizationError ? String((t.authorizationError as unknown as { code?: string }).code ?? t.authorizationError) : '';
  const nowIso = new Date(now).toISOString();
  const notAfter = cert?.valid_to ? new Date(cert.valid_to) : undefined;
  const notBefore = cert?.valid_from ? new Date(cert.valid_from) : undefined;
  const after = !!notAfter && now > notAfter.getTime();
  const before = !!notBefore && now < notBefore.getTime();
  if (reason === 'CERT_HAS_EXPIRED' || reason === 'CERT_NOT_YET_VALID' || after || before) {
    const rel = after ? `is after ${notAfter!.toISOString()}` : `is before ${notBefore?.toISOString()}`;
    // the node clock decides: a certificate valid here but not there (or the reverse) is what it sees
    const code = after ? 'CERT_HAS_EXPIRED' : before ? 'CERT_NOT_YET_VALID' : reason;
    throw new PhaseError('tls', { step: 'x509', code }, `x509: certificate has expired or is not yet valid: current time ${nowIso} (node clock) ${rel}`);
  }
  // a chain problem comes first; a name problem is checked below, like Go
  if (reason && !/HOSTNAME|ALTNAME/.test(reason)) {
    throw new PhaseError('tls', { step: 'x509', code: reason }, `tls: failed to verify certificate: x509: certificate signed by unknown authority (${reason}; issuer ${cert?.issuer?.CN ?? '?'})`);
  }
  const nameErr = checkServerIdentity(host, cert);
  if (nameErr) {
    const names = (cert.subjectaltname ?? '').replace(/(DNS|IP Address):/g, '').split(/,\s*/).filter(Boolean);
    const isIp = /^[\d.]+$|:/.test(host);
    throw new PhaseError(
      'tls',
      { step: 'x509', code: (nameErr as NodeJS.ErrnoException).code ?? 'ERR_TLS_CERT_ALTNAME_INVALID' },
      isIp && !names.some((n) => /^[\d.:]+$/.test(n)) ? `x509: cannot validate certificate for ${host} because it doesn't contain any IP SANs` : `x509: certificate is valid for ${names.join(', ') || cert.subject?.CN}, not ${host}`,
    );
  }
}

/** After a TLS failure that looks like plain HTTP: does the port answer HTTP? */
export async function speaksPlainHttp(ctx: DialContext, target: DialTarget, deadline: number): Promise<boolean> {
  const { host, port } = splitHostPort(target.host, 'https');
  const scratch: DialContext = { ...ctx, phases: [] };
  try {
    const { socket } = await dialTcp(scratch, host, port, deadline);
    const c = new HttpConnection(socket, target.host);
    try {
      const r = await c.request('GET', '/v2/', {}, Math.min(deadline, Date.now() + 2000), 'http-check');
      return r.status > 0;
    } finally {
      c.close();
    }
  } catch {
    return false;
  }
}
