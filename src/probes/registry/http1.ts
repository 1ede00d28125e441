/**
 * A minimal HTTP/1.1 client over one already-connected socket (plain or TLS). Written here rather
 * than using node:http so that every phase runs on a socket whose connect and handshake we timed
 * ourselves, the connection is reused for /v2/ then the manifest, and a hard deadline (not an idle
 * timeout) ends a server that trickles one byte a second.
 * Not undici: handed our timed socket through its `connect` hook it parses well, but it closes the
 * connection after every HEAD unless the server says `Connection: keep-alive` (Go's registry does not),
 * so the manifest HEAD then GET could not share one connection the way containerd's client does.
 */
import type { Duplex } from 'node:stream';

export interface HttpResponse {
  status: number;
  statusText: string;
  /** lower-case names; repeated headers joined with ", " (www-authenticate kept as a list too) */
  headers: Record<string, string>;
  challenges: string[];
  body: Buffer;
}

const MAX_HEADER = 64 * 1024;
const MAX_BODY = 4 * 1024 * 1024;

export class PhaseTimeout extends Error {
  constructor(readonly phase: string, ms: number) {
    super(`${phase} timed out after ${ms} ms`);
    this.name = 'PhaseTimeout';
  }
}

export class HttpConnection {
  private buf: Buffer = Buffer.alloc(0);
  private ended = false;
  private error: Error | undefined;
  private wake: (() => void) | undefined;
  closed = false;

  constructor(readonly socket: Duplex, readonly hostHeader: string) {
    socket.on('data', (b: Buffer) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, b]) : b;
      this.wake?.();
    });
    socket.on('end', () => {
      this.ended = true;
      this.wake?.();
    });
    socket.on('close', () => {
      this.ended = true;
      this.closed = true;
      this.wake?.();
    });
    socket.on('error', (e: Error) => {
      this.error = e;
      this.wake?.();
    });
  }

  /** Sends one request and reads the whole response before `deadline` (epoch ms). */
  async request(method: string, path: string, headers: Record<string, string>, deadline: number, phase: string): Promise<HttpResponse> {
    if (this.closed) throw new Error('connection closed by the server');
    const lines = [`${method} ${path} HTTP/1.1`, `Host: ${this.hostHeader}`, 'User-Agent: flannel-doctor', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''];
    this.socket.write(lines.join('\r\n'));
    const head = await this.readUntil(() => this.buf.indexOf('\r\n\r\n'), deadline, phase);
    const headText = this.buf.subarray(0, head).toString('latin1');
    this.buf = this.buf.subarray(head + 4);
    const [statusLine, ...rest] = headText.split('\r\n');
    const m = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(statusLine ?? '');
    if (!m) throw new Error(`malformed HTTP status line: ${JSON.stringify((statusLine ?? '').slice(0, 80))}`);
    const res: HttpResponse = { status: Number(m[1]), statusText: m[2] ?? '', headers: {}, challenges: [], body: Buffer.alloc(0) };
    for (const l of rest) {
      const i = l.indexOf(':');
      if (i <= 0) continue;
      const k = l.slice(0, i).trim().toLowerCase();
      const v = l.slice(i + 1).trim();
      if (k === 'www-authenticate') res.challenges.push(v);
      res.headers[k] = k in res.headers ? `${res.headers[k]}, ${v}` : v;
    }
    if (method === 'HEAD' || res.status === 204 || res.status === 304 || (res.status >= 100 && res.status < 200)) return res;
    if (/chunked/i.test(res.headers['transfer-encoding'] ?? '')) res.body = await this.readChunked(deadline, phase);
    else if (res.headers['content-length'] !== undefined) {
      const len = Number(res.headers['content-length']);
      if (!Number.isFinite(len) || len < 0 || len > MAX_BODY) throw new Error(`unusable content-length ${res.headers['content-length']}`);
      await this.readUntil(() => (this.buf.length >= len ? len : -1), deadline, phase);
      res.body = this.buf.subarray(0, len);
      this.buf = this.buf.subarray(len);
    } else {
      await this.readUntil(() => (this.ended ? this.buf.length : -1), deadline, phase);
      res.body = this.buf;
      this.buf = Buffer.alloc(0);
      this.closed = true;
    }
    if (/close/i.test(res.headers['connection'] ?? '')) this.closed = true;
    return res;
  }

  private async readChunked(deadline: number, phase: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const eol = await this.readUntil(() => this.buf.indexOf('\r\n'), deadline, phase);
      const size = parseInt(this.buf.subarray(0, eol).toString('latin1'), 16);
      if (!Number.isFinite(size)) throw new Error('malformed chunk size');
      this.buf = this.buf.subarray(eol + 2);
      if (size === 0) {
        await this.readUntil(() => this.buf.indexOf('\r\n'), deadline, phase);
        this.buf = this.buf.subarray(this.buf.indexOf('\r\n') + 2);
        return Buffer.concat(parts);
      }
      total += size;
      if (total > MAX_BODY) throw new Error('response body too large');
      await this.readUntil(() => (this.buf.length >= size + 2 ? size : -1), deadline, phase);
      parts.push(this.buf.subarray(0, size));
      this.buf = this.buf.subarray(size + 2);
    }
  }

  /** Waits until `found()` returns >= 0, the deadline passes, or the peer goes away. */
  private readUntil(found: () => number, deadline: number, phase: string): Promise<number> {
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (f: () => void) => {
        if (timer) clearTimeout(timer);
        this.wake = undefined;
        f();
      };
      const check = () => {
        const i = found();
        if (i >= 0) return done(() => resolve(i));
        if (this.error) return done(() => reject(this.error));
        if (this.buf.length > MAX_HEADER + MAX_BODY) return done(() => reject(new Error('response too large')));
        if (this.ended) return done(() => reject(new Error(this.buf.length ? 'unexpected EOF' : 'connection closed by the server before answering (EOF)')));
      };
      const left = deadline - Date.now();
      if (left <= 0) return reject(new PhaseTimeout(phase, 0));
      timer = setTimeout(() => done(() => reject(new PhaseTimeout(phase, left))), left);
      this.wake = check;
      check();
    });
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }
}
