import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Suite, SuiteResult } from '../suite.js';

/**
 * Start-up time of the CLI: the median wall time of `flannel-doctor --version` and of
 * `flannel-doctor explain "<msg>"` against `kubectl version --client` (a Go binary: the bar a
 * kubectl plugin is compared with). Target: both medians under 150 ms.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'bin', 'flannel-doctor.cjs');
const MSG = 'Failed to pull image "reg.local/a/b:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.local/a/b:1": failed to resolve reference "reg.local/a/b:1": failed to do request: Head "https://reg.local/v2/a/b/manifests/1": dial tcp: lookup reg.local on 127.0.0.53:53: no such host';

function medianMs(cmd: string, args: string[], runs: number): { ms: number; ok: boolean; error?: string } {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.error || r.status !== 0) return { ms: NaN, ok: false, error: r.error?.message ?? String(r.stderr).slice(0, 200) };
    if (i >= 2) times.push(ms); // the first two warm the page cache
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], ok: true };
}

const suite: Suite = {
  name: 'cold-start',
  description: 'median start-up of `flannel-doctor --version` and `explain "<msg>"` vs `kubectl version --client`',
  async run({ quick, log }) {
    const runs = quick ? 7 : 21;
    const version = medianMs('node', [cli, '--version'], runs);
    const explain = medianMs('node', [cli, 'explain', MSG], runs);
    if (!version.ok || !explain.ok) throw new Error(`flannel-doctor failed: ${version.error ?? explain.error}`);
    log(`--version ${version.ms.toFixed(1)} ms, explain ${explain.ms.toFixed(1)} ms (median of ${runs})`);
    const kubectl = medianMs('kubectl', ['version', '--client'], runs);
    if (!kubectl.ok) return { skipped: `kubectl not usable: ${kubectl.error}` };
    log(`kubectl version --client ${kubectl.ms.toFixed(1)} ms`);
    // Node's own start-up, for scale: what is left above it is ours.
    const bare = medianMs('node', ['-e', '0'], runs);
    const ours = Math.max(version.ms, explain.ms);
    const result: SuiteResult = {
      suite: 'cold-start',
      ours: { label: 'flannel-doctor (slower of --version and explain)', unit: 'ms (median)', value: ours, note: `--version ${version.ms.toFixed(1)} ms, explain ${explain.ms.toFixed(1)} ms, ${runs} runs each` },
      peer: { label: 'kubectl version --client', unit: 'ms (median)', value: kubectl.ms, note: `${runs} runs` },
      ratio: kubectl.ms / ours,
      ratioSays: 'kubectl ms ÷ ours ms (> 1: ours starts faster)',
      target: '< 150 ms median (both commands)',
      met: version.ms < 150 && explain.ms < 150,
      extra: { versionMs: Math.round(version.ms * 10) / 10, explainMs: Math.round(explain.ms * 10) / 10, kubectlMs: Math.round(kubectl.ms * 10) / 10, bareNodeMs: Math.round(bare.ms * 10) / 10, runs },
    };
    return result;
  },
};

export default suite;
