/**
 * The bench's own HTTP client for bulk writes to the lab API server: keep-alive connections with the
 * admin client certificate, a bounded number in flight, a retry on throttling (429) and transport
 * resets. `kubectl create -f` of big Lists sends one request at a time; this sends `concurrency`.
 */
import https from 'node:https';

export interface BulkResult {
  status: number;
  body: string;
}

export class BulkClient {
  readonly agent: https.Agent;
  requests = 0;
  failures = 0;

  constructor(
    private readonly server: string,
    tls: { ca: Buffer; cert: Buffer; key: Buffer },
    readonly concurrency = 32,
  ) {
    this.agent = new https.Agent({ keepAlive: true, maxSockets: concurrency, ...tls });
  }

  request(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<BulkResult> {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const once = () =>
      new Promise<BulkResult>((resolve, reject) => {
        this.requests++;
        const req = https.request(this.server + path, { method, agent: this.agent, headers: { accept: 'application/json', ...(data ? { 'content-type': contentType, 'content-length': Buffer.byteLength(data) } : {}) }, timeout: 120_000 }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', reject);
        req.end(data);
      });
    return (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await once();
          if ((r.status === 429 || r.status >= 500) && attempt < 5) {
            await new Promise((res) => setTimeout(res, 200 * (attempt + 1)));
            continue;
          }
          return r;
        } catch (e) {
          if (attempt >= 5) throw e;
          await new Promise((res) => setTimeout(res, 200 * (attempt + 1)));
        }
      }
    })();
  }

  /** The request must answer one of `ok` (e.g. 201, or 409 for an object already there). */
  async must(method: string, path: string, body: unknown, ok: number[], contentType?: string): Promise<BulkResult> {
    const r = await this.request(method, path, body, contentType);
    if (!ok.includes(r.status)) {
      this.failures++;
      throw new Error(`${method} ${path}: HTTP ${r.status}: ${r.body.slice(0, 300)}`);
    }
    return r;
  }

  /** Runs `fn` over `items`, `concurrency` at a time; progress every `every` items. */
  async each<T>(items: readonly T[], fn: (x: T, i: number) => Promise<unknown>, progress?: (done: number) => void, every = 5000): Promise<void> {
    let next = 0;
    let done = 0;
    await Promise.all(
      Array.from({ length: Math.min(this.concurrency, items.length) }, async () => {
        while (next < items.length) {
          const i = next++;
          await fn(items[i]!, i);
          if (++done % every === 0) progress?.(done);
        }
      }),
    );
  }

  close(): void {
    this.agent.destroy();
  }
}

/** apiserver_request_total from /metrics, summed by verb (the API server's own count of requests). */
export async function requestCounts(c: BulkClient): Promise<Record<string, number>> {
  const r = await c.request('GET', '/metrics');
  const out: Record<string, number> = {};
  for (const line of r.body.split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    const verb = /verb="([A-Z]+)"/.exec(line)?.[1] ?? '?';
    const n = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(n)) out[verb] = (out[verb] ?? 0) + n;
  }
  return out;
}

export function diffCounts(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) if (v - (before[k] ?? 0) > 0) out[k] = v - (before[k] ?? 0);
  return out;
}
