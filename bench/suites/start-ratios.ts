import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Suite, SuiteResult } from '../suite.js';

/**
 * Start-up of the commands a new user runs first, as ratios to a bare `node -e 0` measured in the
 * same rounds (interleaved, so load on the machine hits every command alike):
 *   diagnose --bundle examples/broken-cluster ≤ 2×, a flag error ≤ 1.3×, explain "<msg>" ≤ 1.6×.
 * The ratio cancels the machine's speed; the absolute medians are kept in `extra`. Wall time on a
 * loaded machine also carries scheduling delays, so two load-independent views are recorded beside it
 * when the tools exist: CPU time (`perf stat -e task-clock`, median of the same number of runs) and
 * instructions executed (`valgrind --tool=callgrind`, one run each; every thread counted).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'bin', 'flannel-doctor.cjs');
const MSG = 'Failed to pull image "reg.local/a/b:1": rpc error: code = Unknown desc = failed to resolve reference "reg.local/a/b:1": failed to do request: Head "https://reg.local/v2/a/b/manifests/1": dial tcp: lookup reg.local on 127.0.0.53:53: no such host';

export const START_COMMANDS: { name: string; args: string[]; exit: number; limit: number }[] = [
  { name: 'diagnose --bundle example', args: [cli, 'diagnose', '--bundle', join(root, 'examples', 'broken-cluster')], exit: 1, limit: 2 },
  { name: 'flag error', args: [cli, 'diagnose', '--no-such-flag'], exit: 2, limit: 1.3 },
  { name: 'explain "<msg>"', args: [cli, 'explain', MSG], exit: 0, limit: 1.6 },
];

function once(args: string[], exit: number): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('node', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error || r.status !== exit) throw new Error(`node ${args.slice(1).join(' ')} exited ${r.status} (expected ${exit}): ${r.error?.message ?? String(r.stderr).slice(0, 200)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const has = (tool: string, args: string[]) => spawnSync(tool, args, { stdio: 'ignore' }).status === 0;

/** CPU time (user + system, ms) of one run, from perf's task-clock. */
function cpuOnce(args: string[], exit: number): number {
  const r = spawnSync('perf', ['stat', '-x', ',', '-e', 'task-clock', '--', 'node', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== exit) throw new Error(`perf stat node ${args.slice(1).join(' ')} exited ${r.status} (expected ${exit})`);
  const line = r.stderr.split('\n').find((l) => l.includes('task-clock'));
  const ms = Number(line?.split(',')[0]);
  if (!Number.isFinite(ms)) throw new Error(`perf stat: no task-clock in ${JSON.stringify(r.stderr.slice(-200))}`);
  return ms;
}

/** Instructions executed by one run under callgrind (all threads). */
function instructions(args: string[], exit: number): number {
  const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', 'node', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });
  if (r.status !== exit) throw new Error(`callgrind node ${args.slice(1).join(' ')} exited ${r.status} (expected ${exit})`);
  const m = /Collected : (\d+)/.exec(r.stderr);
  if (!m) throw new Error('callgrind: no instruction count');
  return Number(m[1]);
}

const suite: Suite = {
  name: 'start-ratios',
  description: 'start-up of diagnose --bundle, a flag error and explain, as ratios to a bare `node -e 0` (interleaved runs)',
  async run({ quick, log }) {
    const rounds = quick ? 9 : 31;
    const bare: number[] = [];
    const times = START_COMMANDS.map(() => [] as number[]);
    for (let i = 0; i < rounds + 2; i++) {
      const b = once(['-e', '0'], 0);
      const t = START_COMMANDS.map((c) => once(c.args, c.exit));
      if (i < 2) continue; // the first two rounds warm the page cache
      bare.push(b);
      t.forEach((ms, j) => times[j].push(ms));
    }
    const bareMs = median(bare);
    const ratios = START_COMMANDS.map((c, j) => ({ c, ms: median(times[j]), ratio: median(times[j]) / bareMs }));
    for (const r of ratios) log(`${r.c.name}: ${r.ms.toFixed(1)} ms, ${r.ratio.toFixed(2)}× node -e 0 (limit ${r.c.limit}×)`);
    log(`node -e 0: ${bareMs.toFixed(1)} ms (median of ${rounds})`);
    const views: [string, number][] = [];
    if (has('perf', ['stat', '-x', ',', '-e', 'task-clock', '--', 'true'])) {
      const cpuBare: number[] = [];
      const cpu = START_COMMANDS.map(() => [] as number[]);
      for (let i = 0; i < rounds; i++) {
        cpuBare.push(cpuOnce(['-e', '0'], 0));
        START_COMMANDS.forEach((c, j) => cpu[j].push(cpuOnce(c.args, c.exit)));
      }
      const b = median(cpuBare);
      views.push(['bareNode cpu ms', Math.round(b * 10) / 10]);
      START_COMMANDS.forEach((c, j) => {
        const ratio = median(cpu[j]) / b;
        views.push([`${c.name} cpu ratio`, Math.round(ratio * 100) / 100]);
        log(`${c.name}: CPU ${median(cpu[j]).toFixed(1)} ms, ${ratio.toFixed(2)}× node -e 0's ${b.toFixed(1)} ms`);
      });
    } else log('perf not usable here: no CPU-time view');
    if (!quick && has('valgrind', ['--version'])) {
      const b = instructions(['-e', '0'], 0);
      views.push(['bareNode instructions', b]);
      for (const c of START_COMMANDS) {
        const n = instructions(c.args, c.exit);
        views.push([`${c.name} instructions ratio`, Math.round((n / b) * 100) / 100]);
        log(`${c.name}: ${(n / 1e6).toFixed(0)} M instructions, ${(n / b).toFixed(2)}× node -e 0's ${(b / 1e6).toFixed(0)} M`);
      }
    } else log(quick ? 'instruction counts: not with --quick' : 'valgrind not installed: no instruction counts');
    // The headline is the command furthest over (or nearest to) its limit.
    const worst = ratios.reduce((a, b) => (b.ratio / b.c.limit > a.ratio / a.c.limit ? b : a));
    const result: SuiteResult = {
      suite: 'start-ratios',
      ours: { label: worst.c.name, unit: '× node -e 0 (median)', value: worst.ratio, note: ratios.map((r) => `${r.c.name} ${r.ratio.toFixed(2)}×`).join(', ') },
      peer: { label: 'node -e 0', unit: 'ms (median)', value: bareMs, note: `${rounds} interleaved rounds` },
      ratio: worst.c.limit / worst.ratio,
      ratioSays: 'limit ÷ the worst command\'s start-up as a multiple of node -e 0 (>= 1: every limit kept)',
      target: START_COMMANDS.map((c) => `${c.name} ≤ ${c.limit}×`).join(', '),
      met: ratios.every((r) => r.ratio <= r.c.limit),
      extra: Object.fromEntries([['bareNodeMs', Math.round(bareMs * 10) / 10], ...ratios.flatMap((r) => [[`${r.c.name} ms`, Math.round(r.ms * 10) / 10], [`${r.c.name} ratio`, Math.round(r.ratio * 100) / 100]]), ...views]),
    };
    return result;
  },
};

export default suite;
