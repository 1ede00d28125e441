import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Agent } from './agent.js';
import { renderDashboard } from './dashboard.js';

/**
 * The agent's HTTP face: /healthz (always open), /metrics, the JSON API under /api/v1 and the dashboard
 * at /. With a token configured, everything but /healthz needs `Authorization: Bearer <token>`
 * (or `?token=` for a browser opening the dashboard once).
 */
export function createAgentServer(agent: Agent): Server {
  return createServer((req, res) => {
    handle(agent, req, res).catch((err) => {
      send(res, 500, 'application/json', JSON.stringify({ error: 'internal error', detail: String(err instanceof Error ? err.message : err) }));
    });
  });
}

async function handle(agent: Agent, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://agent');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (req.method !== 'GET' && req.method !== 'HEAD' && !(req.method === 'POST' && path === '/api/v1/check')) {
    return send(res, 405, 'application/json', JSON.stringify({ error: 'method not allowed' }));
  }
  if (path === '/healthz') return send(res, 200, 'text/plain', 'ok\n');
  if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
  if (!authorised(agent, req, url)) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="flannel-doctor"');
    return send(res, 401, 'application/json', JSON.stringify({ error: 'unauthorized: send Authorization: Bearer <token>' }));
  }
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
    case '/api/v1/check': {
      if (req.method !== 'POST') return send(res, 405, 'application/json', JSON.stringify({ error: 'use POST' }));
      const r = await agent.checkNow();
      return json(res, { status: agent.status(), ran: !!r });
    }
    default:
      return send(res, 404, 'application/json', JSON.stringify({ error: `no such path ${path}`, paths: ['/', '/metrics', '/healthz', '/api/v1/status', '/api/v1/evidence', '/api/v1/findings', '/api/v1/mesh', '/api/v1/history'] }));
  }
}

function authorised(agent: Agent, req: IncomingMessage, url: URL): boolean {
  const token = agent.token;
  if (!token) return true;
  const header = req.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : (url.searchParams.get('token') ?? '');
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function json(res: ServerResponse, body: unknown): void {
  send(res, 200, 'application/json', JSON.stringify(body));
}

function send(res: ServerResponse, code: number, type: string, body: string): void {
  res.writeHead(code, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}
