/**
 * The lab API server's pod proxy (GET …/pods/{name}[:port]/proxy/{path}): forwards to the agent of that
 * pod over its unix socket — the agents run inside node namespaces the API process cannot route to.
 * The pod → socket map is `<lab dir>/agents.json`, read per request so `lab agents up/down` take effect
 * at once. A pod without a live agent answers 503 like a real API server with no endpoint.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { ProxyRequest, ProxyResponse } from './kube-api/server.js';

export interface AgentsMap {
  /** "namespace/pod" → unix socket path */
  pods: Record<string, string>;
}

export const agentsFile = (dir: string) => join(dir, 'agents.json');

function readMap(dir: string): AgentsMap {
  try {
    const m = JSON.parse(readFileSync(agentsFile(dir), 'utf8')) as AgentsMap;
    return m && typeof m.pods === 'object' ? m : { pods: {} };
  } catch {
    return { pods: {} };
  }
}

function unavailable(pod: string, why: string): ProxyResponse {
  const body = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `error trying to reach service: ${why}`, reason: 'ServiceUnavailable', code: 503 };
  return { status: 503, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) + '\n' };
}

// Hop-by-hop headers and the API server's own Host are not forwarded.
const DROP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

export function agentProxy(dir: string, timeoutMs = 15_000): (req: ProxyRequest) => Promise<ProxyResponse> {
  return (req) => {
    const key = `${req.namespace}/${req.pod}`;
    const socketPath = readMap(dir).pods[key];
    if (!socketPath) return Promise.resolve(unavailable(key, `no endpoints available for pod "${req.pod}"`));
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !DROP.has(k.toLowerCase())) headers[k] = v;
    headers['content-length'] = String(req.body.length);
    return new Promise((resolve) => {
      const r = request({ socketPath, path: req.path, method: req.method, headers, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => resolve(unavailable(key, e.message)));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && !DROP.has(k)) out[k] = Array.isArray(v) ? v.join(', ') : v;
          delete out['content-length'];
          resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
        });
      });
      r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      // ENOENT/ECONNREFUSED: the agent is down (its socket is gone or nobody listens).
      r.on('error', (e) => resolve(unavailable(key, `agent of pod "${req.pod}" is not reachable (${(e as NodeJS.ErrnoException).code ?? e.message})`)));
      r.end(req.body);
    });
  };
}
