import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { SIGNATURES } from '../../src/catalog/signatures.js';
import { seededRandom } from '../../src/seeded-random.js';

/**
 * Generates realistic node logs: kubelet (klog), containerd (logfmt) and flanneld (klog) lines in the
 * proportions of a busy node, with a sprinkling of catalog-matching error lines (the signatures' own
 * sample lines, wrapped the way each component writes them). Deterministic for a given seed.
 */
export interface LogGenOptions {
  bytes: number;
  /** one error line per this many lines (default 2000) */
  errorEvery?: number;
  seed?: number;
}

const rng = seededRandom;

const PODS = ['web-7d9f8c6b5-x2x9k', 'api-5c7b9d8f4-q8w7e', 'coredns-787d4945fb-l85r5', 'kube-proxy-6zq9t', 'redis-0', 'worker-6f5d4c3b2-mn4bv'];
const NS = ['default', 'shop', 'kube-system', 'monitoring', 'batch'];
const IMAGES = ['docker.io/library/nginx:1.25', 'registry.k8s.io/pause:3.9', 'ghcr.io/acme/api:2.3.1', 'quay.io/prometheus/node-exporter:v1.7.0'];

const hex = (r: () => number, n: number) => {
  let s = '';
  while (s.length < n) s += Math.floor(r() * 0xffffffff).toString(16).padStart(8, '0');
  return s.slice(0, n);
};

function klogTime(r: () => number, ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(Math.floor(r() * 1e6), 6)}`;
}

type Line = (r: () => number, ms: number) => string;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const BENIGN: [number, Line][] = [
  [30, (r, ms) => `I${klogTime(r, ms)}    2145 kubelet.go:2457] "SyncLoop (PLEG): event for pod" pod="${pick(r, NS)}/${pick(r, PODS)}" event={"ID":"${hex(r, 8)}-${hex(r, 4)}","Type":"ContainerStarted","Data":"${hex(r, 64)}"}`],
  [15, (r, ms) => `I${klogTime(r, ms)}    2145 kubelet_volumes.go:160] "Cleaned up orphaned pod volumes dir" podUID=${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)} path="/var/lib/kubelet/pods/${hex(r, 8)}/volumes"`],
  [10, (r, ms) => `I${klogTime(r, ms)}    2145 reconciler_common.go:258] "operationExecutor.VerifyControllerAttachedVolume started for volume \\"kube-api-access-${hex(r, 5)}\\"" pod="${pick(r, NS)}/${pick(r, PODS)}"`],
  [8, (r, ms) => `I${klogTime(r, ms)}    2145 pod_startup_latency_tracker.go:102] "Observed pod startup duration" pod="${pick(r, NS)}/${pick(r, PODS)}" podStartSLOduration=${(r() * 9).toFixed(6)}`],
  [20, (r, ms) => `time="${new Date(ms).toISOString()}" level=info msg="StartContainer for \\"${hex(r, 64)}\\" returns successfully"`],
  [10, (r, ms) => `time="${new Date(ms).toISOString()}" level=info msg="ImageCreate event name:\\"${pick(r, IMAGES)}\\" labels:{key:\\"io.cri-containerd.image\\" value:\\"managed\\"}"`],
  [8, (r, ms) => `time="${new Date(ms).toISOString()}" level=info msg="shim disconnected" id=${hex(r, 64)} namespace=k8s.io`],
  [5, (r, ms) => `I${klogTime(r, ms)}       1 vxlan_network.go:75] watching for new subnet leases`],
  [5, (r, ms) => `I${klogTime(r, ms)}       1 iptables.go:${100 + Math.floor(r() * 300)}] Some iptables rules are missing; deleting and recreating rules`],
  [4, (r, ms) => `I${klogTime(r, ms)}       1 main.go:${400 + Math.floor(r() * 50)}] Current network or subnet (10.244.0.0/16, 10.244.${Math.floor(r() * 255)}.0/24) is not equal to previous one (0.0.0.0/0, 0.0.0.0/0), trying to recycle old iptables rules`],
];

/** Error lines: the catalog's own samples, prefixed the way kubelet or containerd would log them. */
function errorLines(): Line[] {
  const samples = SIGNATURES.flatMap((s) => s.samples).filter((s) => !s.includes('\n'));
  if (!samples.length) return [(r, ms) => `E${klogTime(r, ms)}    2145 pod_workers.go:1301] "Error syncing pod, skipping" err="failed to \\"StartContainer\\""`];
  return samples.map((sample) => (r: () => number, ms: number) =>
    r() < 0.5 ? `E${klogTime(r, ms)}    2145 pod_workers.go:1301] "Error syncing pod, skipping" err=${JSON.stringify(sample)}` : `time="${new Date(ms).toISOString()}" level=error msg=${JSON.stringify(sample)}`,
  );
}

const UNIQUE_BYTES = 64 * 1024 * 1024;

/** Writes about `bytes` bytes of log lines to `file`; returns lines and bytes written. */
export async function generateLogs(file: string, opts: LogGenOptions): Promise<{ lines: number; bytes: number; errorLines: number }> {
  const r = rng(opts.seed ?? 42);
  const errorEvery = opts.errorEvery ?? 2000;
  const errors = errorLines();
  const weights = BENIGN.reduce((a, [w]) => a + w, 0);
  const out = createWriteStream(file, { highWaterMark: 4 * 1024 * 1024 });
  let bytes = 0;
  let lines = 0;
  let errorCount = 0;
  let ms = Date.UTC(2026, 10, 27, 0, 0, 0);
  // Unique blocks up to UNIQUE_BYTES, then those blocks again in random order: a 1 GB file is written
  // in seconds instead of minutes, and still reads like a node's log to a scanner.
  const blocks: { text: string; lines: number; errors: number }[] = [];
  while (bytes < opts.bytes) {
    let b: { text: string; lines: number; errors: number };
    if (bytes < UNIQUE_BYTES) {
      const block: string[] = [];
      let blockBytes = 0;
      let errs = 0;
      while (blockBytes < 1024 * 1024) {
        ms += Math.floor(r() * 20);
        let line: string;
        if (r() * errorEvery < 1) {
          line = pick(r, errors)(r, ms);
          errs++;
        } else {
          let x = r() * weights;
          let i = 0;
          while ((x -= BENIGN[i][0]) > 0) i++;
          line = BENIGN[i][1](r, ms);
        }
        block.push(line);
        blockBytes += line.length + 1;
      }
      b = { text: block.join('\n') + '\n', lines: block.length, errors: errs };
      blocks.push(b);
    } else b = pick(r, blocks);
    bytes += Buffer.byteLength(b.text);
    lines += b.lines;
    errorCount += b.errors;
    if (!out.write(b.text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { lines, bytes, errorLines: errorCount };
}
