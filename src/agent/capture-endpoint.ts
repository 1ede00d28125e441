/**
 * GET /api/v1/capture?seconds=S&iface=any&filter=vxlan|all: a bounded packet capture on this node,
 * answered as a classic pcap file (what `flannel-doctor capture --node N` reads through the pod
 * proxy). One capture at a time per agent; the limits are the capture's own (src/probes/capture).
 */
import type { ServerResponse } from 'node:http';
import { CaptureError, captureProblem, capturePackets, type CaptureFilter, type CaptureRequest, type CaptureResult } from '../probes/capture/bounded-capture.js';

export type Capturer = (r: CaptureRequest) => Promise<CaptureResult>;

/** The agent's memory limit is 192 MiB (deploy/manifests): a capture holds at most this much (twice, briefly, as it is joined). */
export const AGENT_CAPTURE_MAX_BYTES = 16 << 20;

const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

function fail(res: ServerResponse, code: number, error: string): void {
  res.writeHead(code, { ...headers, 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error }));
}

export class CaptureEndpoint {
  private busy = false;

  constructor(private readonly capture: Capturer = capturePackets) {}

  /** Reads the request's query; answers 400 with the one-line problem when it is out of bounds. */
  static request(q: URLSearchParams): CaptureRequest | string {
    const int = (k: string, d: number) => (q.has(k) ? Number(q.get(k)) : d);
    const r: CaptureRequest = { seconds: int('seconds', 10), iface: q.get('iface') ?? 'any', filter: (q.get('filter') ?? 'vxlan') as CaptureFilter, maxBytes: int('maxBytes', 8 << 20) };
    if (r.maxBytes! > AGENT_CAPTURE_MAX_BYTES) return `maxBytes must be at most ${AGENT_CAPTURE_MAX_BYTES} on the agent`;
    return captureProblem(r) ?? r;
  }

  async handle(q: URLSearchParams, res: ServerResponse, node: string): Promise<void> {
    const r = CaptureEndpoint.request(q);
    if (typeof r === 'string') return fail(res, 400, r);
    if (this.busy) return fail(res, 409, 'a capture is already running on this node; ask again when it ends');
    this.busy = true;
    try {
      const out = await this.capture(r);
      res.writeHead(200, {
        ...headers,
        'Content-Type': 'application/vnd.tcpdump.pcap',
        'Content-Disposition': `attachment; filename="${node.replace(/[^A-Za-z0-9_.-]/g, '_')}.pcap"`,
        'X-Capture-Packets': String(out.packets),
        'X-Capture-Stopped-By': out.stoppedBy,
      });
      res.end(out.pcap);
    } catch (e) {
      fail(res, 503, e instanceof CaptureError ? e.message : 'capture failed');
    } finally {
      this.busy = false;
    }
  }
}
