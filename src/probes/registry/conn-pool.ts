/**
 * Keep-alive connections per registry endpoint within one probeRegistry call, the way containerd's
 * HTTP client reuses them: the first image to a host pays dns/tcp/tls, later ones record a reuse.
 * Also remembers each endpoint's /v2/ answer and Bearer tokens per repository scope.
 */
import type { HttpConnection, HttpResponse } from './http1.js';

export class ConnPool {
  private idle = new Map<string, HttpConnection[]>();
  readonly v2 = new Map<string, HttpResponse>();
  readonly tokens = new Map<string, string>();

  take(key: string): HttpConnection | undefined {
    const list = this.idle.get(key);
    while (list?.length) {
      const c = list.pop()!;
      if (!c.closed && !c.socket.destroyed) return c;
    }
    return undefined;
  }

  give(key: string, c: HttpConnection): void {
    if (c.closed || c.socket.destroyed) return c.close();
    const list = this.idle.get(key) ?? [];
    if (list.length >= 16) return c.close();
    list.push(c);
    this.idle.set(key, list);
  }

  closeAll(): void {
    for (const list of this.idle.values()) for (const c of list) c.close();
    this.idle.clear();
  }
}
