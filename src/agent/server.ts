import { createHash, timingSafeEqual } from 'node:crypto';
import { lstat, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { InputError } from '../errors.js';
import type { Agent } from './agent.js';
import { CaptureEndpoint, type Capturer } from './capture-endpoint.js';
import { renderDashboard } from './dashboard.js';

/** The header live diagnose sends through the API server's pod proxy, which drops Authorization. */
export const TOKEN_HEADER = 'x-flannel-doctor-token';
const COOKIE = 'fd_session';

/**
 * The agent's HTTP face: /healthz (always open), /metrics, the JSON API under /api/v1 (with bounded
 * packet captures at /api/v1/capture, src/agent/capture-endpoint.ts) and the dashboard at /.
 * With a token configured, everything but /healthz (and /metrics when `openMetrics`) needs it:
 * `Authorization: Bearer <token>`, the X-Flannel-Doctor-Token header, or the dashboard's session cookie.
 * `/?token=` is accepted only to open the dashboard: it is exchanged for that cookie and the browser is
 * sent to `/` without it, so the token stays out of history and proxy logs. Errors carry no internals.
 */
export function createAgentServer(agent: Agent, opts: { capture?: Capturer } = {}): Server {
  const capture = new CaptureEndpoint(opts.capture);
  const server = createServer((req, res) => {
    handle(agent, capture, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify({ error: 'internal error' }));
      else res.destroy();
    });
  });
  // A malformed request line or header: a plain 400, nothing about why.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}

async function handle(agent: Agent, capture: CaptureEndpoint, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let url: URL;
  try {
    // Origin-form only: '//host/path' is a path here, never an authority.
    const target = req.url ?? '/';
    if (!target.startsWith('/')) throw new Error('not origin-form');
    url = new URL('http://agent' + target);
  } catch {
    return send(res, 400, 'application/json', JSON.stringify({ error: 'bad request' }));
  }
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (req.method !== 'GET' && req.method !== 'HEAD' && !(req.method === 'POST' && path === '/api/v1/check')) {
    return send(res, 405, 'application/json', JSON.stringify({ error: 'method not allowed' }));
  }
  if (path === '/healthz') return send(res, 200, 'text/plain', 'ok\n');
  if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
  const token = agent.token;
  if (token && path === '/' && url.searchParams.has('token')) {
    // Opening the dashboard with ?token=: exchange it for a cookie, then drop it from the URL.
    if (!same(url.searchParams.get('token') ?? '', token)) return unauthorised(res);
    res.setHeader('Set-Cookie', `${COOKIE}=${session(token)}; HttpOnly; SameSite=Strict; Path=/`);
    res.setHeader('Location', './');
    return send(res, 303, 'text/plain', 'see ./\n');
  }
  if (token && !(path === '/metrics' && agent.openMetrics) && !authorised(token, req)) return unauthorised(res);
  const last = agent.last;
  const status = agent.status();
  switch (path) {
    case '/metrics':
      return send(res, 200, agent.metrics.contentType, await agent.metrics.text());
    case '/':
      return send(res, 200, 'text/html; charset=utf-8', renderDashboard({ node: agent.nodeName }));
    case '/api/v1/status':
      return json(res, status);
    case '/api/v1/evidence':
      return json(res, { status, evidence: last?.evidence ?? null });
    case '/api/v1/findings':
      return json(res, { status, report: last?.report ?? null });
    case '/api/v1/mesh':
      return json(res, { status, mesh: last?.evidence.probes?.mesh ?? [] });
    case '/api/v1/history':
      return json(res, { status, history: agent.history.list(), changes: agent.history.configChanges() });
    case '/api/v1/capture':
      if (req.method !== 'GET') return send(res, 405, 'application/json', JSON.stringify({ error: 'use GET' }));
      return capture.handle(url.searchParams, res, agent.nodeName);
    case '/api/v1/check': {
      if (req.method !== 'POST') return send(res, 405, 'application/json', JSON.stringify({ error: 'use POST' }));
      const r = await agent.checkNow();
      return json(res, { status: agent.status(), ran: !!r });
    }
    default:
      return send(res, 404, 'application/json', JSON.stringify({ error: 'no such path', paths: ['/', '/metrics', '/healthz', '/api/v1/status', '/api/v1/evidence', '/api/v1/findings', '/api/v1/mesh', '/api/v1/history', '/api/v1/capture'] }));
  }
}

function unauthorised(res: ServerResponse): void {
  res.setHeader('WWW-Authenticate', 'Bearer realm="flannel-doctor"');
  send(res, 401, 'application/json', JSON.stringify({ error: 'unauthorized: send Authorization: Bearer <token> or X-Flannel-Doctor-Token' }));
}

/** The cookie value for a token: derived from it, so the token itself is never stored by the browser. */
function session(token: string): string {
  return createHash('sha256').update(`flannel-doctor-session\0${token}`).digest('base64url');
}

function authorised(token: string, req: IncomingMessage): boolean {
  const header = req.headers.authorization ?? '';
  if (header.startsWith('Bearer ') && same(header.slice(7), token)) return true;
  const custom = req.headers[TOKEN_HEADER];
  if (typeof custom === 'string' && same(custom, token)) return true;
  const cookie = /(?:^|;\s*)fd_session=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  return cookie !== undefined && same(cookie, session(token));
}

function same(given: string, expected: string): boolean {
  // Compare digests: equal length always, so neither the content nor the length leaks through timing.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function json(res: ServerResponse, body: unknown): void {
  send(res, 200, 'application/json', JSON.stringify(body));
}

function send(res: ServerResponse, code: number, type: string, body: string): void {
  res.writeHead(code, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  res.end(body);
}

/**
 * Makes room for the agent's unix socket: a stale socket is removed, anything else at that path (a
 * regular file, a directory, a link) is left alone and refused.
 */
export async function freeSocketPath(path: string): Promise<void> {
  const st = await lstat(path).catch(() => undefined);
  if (!st) return;
  if (!st.isSocket()) throw new InputError(path, `--listen unix:${path}: something other than a socket is there; not replaced`);
  await rm(path, { force: true });
}
