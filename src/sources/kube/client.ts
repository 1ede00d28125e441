/**
 * A raw-JSON HTTP client for the Kubernetes API. Configuration and authentication (kubeconfig,
 * contexts, client certificates, tokens, exec plugins) come from `@kubernetes/client-node`'s
 * KubeConfig, unmodified; requests go through node:http(s) so we get per-request timeouts and the
 * objects exactly as the server sent them (the typed client turns timestamps into Dates and drops
 * fields), which keeps kube and bundle evidence identical.
 */
import http from 'node:http';
import https from 'node:https';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { ToolError } from '../../errors.js';

export interface KubeTarget {
  kubeconfig?: string;
  context?: string;
}

export interface KubeResponse {
  status: number;
  body: any;
  /** The server's Date header: its clock, for ages of timestamps it stores. */
  date?: string;
}

/** A Status failure or transport error of one request. */
export class KubeRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly reason?: string,
    readonly transport = false,
  ) {
    super(message);
  }
}

export function loadKubeConfig(t: KubeTarget): KubeConfig {
  const kc = new KubeConfig();
  // Without any kubeconfig the client falls back to http://localhost:8080; say what was looked for instead.
  if (!t.kubeconfig && !process.env.KUBECONFIG && !process.env.KUBERNETES_SERVICE_HOST && !existsSync(join(homedir(), '.kube', 'config'))) {
    throw new ToolError('no kubeconfig found ($KUBECONFIG, ~/.kube/config, or in-cluster service account): pass --kubeconfig FILE, or use --bundle PATH to judge a saved bundle');
  }
  try {
    if (t.kubeconfig) kc.loadFromFile(t.kubeconfig);
    else kc.loadFromDefault();
  } catch (e) {
    throw new ToolError(`cannot load kubeconfig${t.kubeconfig ? ` ${t.kubeconfig}` : ''}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (t.context) {
    if (!kc.getContextObject(t.context)) {
      const known = kc.getContexts().map((c) => c.name);
      throw new ToolError(`context "${t.context}" is not in the kubeconfig (contexts: ${known.join(', ') || 'none'})`);
    }
    kc.setCurrentContext(t.context);
  }
  if (!kc.getCurrentCluster()) {
    throw new ToolError('no cluster in the kubeconfig: set KUBECONFIG, pass --kubeconfig, or use --bundle for offline diagnosis');
  }
  return kc;
}

export class KubeClient {
  readonly server: string;
  private options?: https.RequestOptions;

  constructor(private readonly kc: KubeConfig) {
    this.server = kc.getCurrentCluster()!.server.replace(/\/+$/, '');
  }

  private async requestOptions(): Promise<https.RequestOptions> {
    if (this.options) return this.options;
    const opts: https.RequestOptions = { headers: {} };
    try {
      await this.kc.applyToHTTPSOptions(opts);
    } catch (e) {
      throw new ToolError(`cannot authenticate with the kubeconfig user: ${e instanceof Error ? e.message : String(e)}`);
    }
    // The agent KubeConfig builds is for TLS; plain-HTTP servers (a local proxy, the lab) use the default.
    if (this.server.startsWith('http:')) delete opts.agent;
    this.options = opts;
    return opts;
  }

  /** GET a path (with query); resolves for every HTTP status, rejects on transport errors and timeouts. */
  get(path: string, timeoutMs: number, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<KubeResponse> {
    return this.request('GET', path, timeoutMs, { signal, headers });
  }

  /**
   * GET raw bytes (a pcap through the pod proxy): body is a Buffer, JSON error bodies stay bytes too.
   * A body past maxBytes ends the request with an error instead of filling memory.
   */
  getBytes(path: string, timeoutMs: number, headers: Record<string, string> = {}, maxBytes = 64 << 20): Promise<KubeResponse & { body: Buffer; headers: Record<string, string> }> {
    return this.request('GET', path, timeoutMs, { headers, raw: maxBytes }) as Promise<KubeResponse & { body: Buffer; headers: Record<string, string> }>;
  }

  /** A write (PATCH nodes/status, POST events): the body as JSON with its content type. */
  write(method: 'PATCH' | 'POST', path: string, body: unknown, timeoutMs: number, contentType = 'application/json'): Promise<KubeResponse> {
    return this.request(method, path, timeoutMs, { body: JSON.stringify(body), headers: { 'content-type': contentType } });
  }

  private async request(method: string, path: string, timeoutMs: number, o: { signal?: AbortSignal; headers?: Record<string, string>; body?: string; raw?: number }): Promise<KubeResponse> {
    const base = await this.requestOptions();
    const url = new URL(this.server + path);
    const mod = url.protocol === 'https:' ? https : http;
    return new Promise<KubeResponse>((resolve, reject) => {
      const req = mod.request(url, { ...base, method, headers: { ...base.headers, ...o.headers, accept: o.raw ? '*/*' : 'application/json' }, signal: o.signal }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          chunks.push(c);
          size += c.length;
          if (o.raw && size > o.raw) req.destroy(new KubeRequestError(`the answer is larger than ${o.raw} bytes`, undefined, undefined, true));
        });
        res.on('error', (e) => reject(new KubeRequestError(e.message, undefined, undefined, true)));
        res.on('end', () => {
          if (o.raw) {
            const headers = Object.fromEntries(Object.entries(res.headers).filter((e): e is [string, string] => typeof e[1] === 'string'));
            return resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers } as KubeResponse);
          }
          const text = Buffer.concat(chunks).toString('utf8');
          let body: any;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = { message: text.slice(0, 200) };
          }
          resolve({ status: res.statusCode ?? 0, body, date: typeof res.headers.date === 'string' ? res.headers.date : undefined });
        });
      });
      req.setTimeout(timeoutMs, () => req.destroy(new KubeRequestError(`no answer within ${fmtMs(timeoutMs)}`, undefined, 'Timeout', true)));
      req.on('error', (e: any) => {
        if (e instanceof KubeRequestError) reject(e);
        else if (e?.name === 'AbortError') reject(new KubeRequestError('stopped: the overall --timeout ran out', undefined, 'Timeout', true));
        else reject(new KubeRequestError(e?.code ? `${e.code} ${e.message ?? ''}`.trim() : String(e?.message ?? e), undefined, undefined, true));
      });
      req.end(o.body);
    });
  }
}

export function fmtMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
