/**
 * diagnose --bundle at Kubernetes' scalability limits (5,000 nodes, 150,000 pods, 300,000 events, ~10%
 * failing pulls) against its own floor: only streaming-parsing the same files (our List reader, every
 * item JSON.parsed, nothing kept). Target: diagnose ≤ 2× parse-only CPU time, peak RSS < 2 GB. Each
 * run is a fresh child process so maxRSS is its own; the two sides alternate over several rounds and
 * each side's median is compared.
 *
 * Runnable alone:  npx tsx bench/suites/diagnose-scale.ts [--quick] [--keep DIR]
 */
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { SCALE_LIMITS, generateClusterBundle, type ClusterShape } from '../gen/cluster.js';
import type { Suite, SuiteResult } from '../suite.js';

const QUICK: ClusterShape = { nodes: 500, pods: 15_000, events: 30_000, failing: 0.1, namespaces: 50 };
const SELF = fileURLToPath(import.meta.url);

export interface ChildResult {
  /** wall-clock ms */
  ms: number;
  /** CPU ms (user + system, all threads): steadier than wall time on a shared machine */
  cpuMs: number;
  maxRssMB: number;
  counts: Record<string, number>;
}

/**
 * Bundles this file with esbuild (as `npm run build` bundles the CLI) so neither child pays for
 * on-the-fly TypeScript compilation of the modules it loads.
 */
async function bundleSelf(outDir: string): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(outDir, 'diagnose-scale-child.mjs');
  await build({ entryPoints: [SELF], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'error' });
  return outfile;
}

/**
 * A side's median: the run with the median CPU time (its counts are that run's own), the median elapsed
 * time, and the highest peak RSS of all runs (what the 2 GB limit is about).
 */
export function medianRun(runs: ChildResult[]): ChildResult {
  const byCpu = [...runs].sort((a, b) => a.cpuMs - b.cpuMs);
  const mid = byCpu[Math.floor((byCpu.length - 1) / 2)];
  return { ...mid, ms: median(runs.map((r) => r.ms)), maxRssMB: Math.max(...runs.map((r) => r.maxRssMB)) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Runs the bundled child in `mode` (parse | diagnose) on `dir`. */
async function child(script: string, mode: 'parse' | 'diagnose', dir: string): Promise<ChildResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [script, `--child=${mode}`, dir], {
    maxBuffer: 16 << 20,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

async function childMain(mode: string, dir: string): Promise<void> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const counts: Record<string, number> = {};
  if (mode === 'parse') {
    const { streamJsonList } = await import('../../src/sources/bundle/json-list-stream.js');
    for (const f of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
      for await (const ev of streamJsonList(join(dir, f))) {
        if (ev.type === 'item') counts[f] = (counts[f] ?? 0) + 1;
      }
    }
  } else {
    // The whole command path minus process start-up: gather → diagnose → render JSON.
    const { gatherEvidence } = await import('../../src/sources/gather.js');
    const { diagnoseAndRender } = await import('../../src/cli/diagnose-pipeline.js');
    const evidence = await gatherEvidence({ bundle: dir });
    const { report, output } = diagnoseAndRender(evidence, { format: 'json', failOn: 'none' });
    Object.assign(counts, report.evidence, { findings: report.findings.length, reportBytes: output.length });
  }
  const ms = performance.now() - t0;
  const cu = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cu.user + cu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, counts }) + '\n');
}

const suite: Suite = {
  name: 'diagnose-scale',
  description: 'diagnose --bundle on a 5,000-node / 150,000-pod / 300,000-event kubectl bundle vs streaming-parsing it alone',
  async run({ quick, log }): Promise<SuiteResult> {
    const shape = quick ? QUICK : SCALE_LIMITS;
    const keep = process.env.FD_BENCH_KEEP;
    const dir = keep ?? (await mkdtemp(join(tmpdir(), 'fd-bench-scale-')));
    try {
      log(`generating ${shape.nodes} nodes, ${shape.pods} pods, ${shape.events} events in ${dir}…`);
      const gen = await generateClusterBundle(dir, shape);
      log(`wrote ${(gen.bytes / 1e6).toFixed(0)} MB`);
      // The child bundle sits in the package so `packages: external` imports resolve from node_modules.
      const script = await bundleSelf(join(fileURLToPath(new URL('../..', import.meta.url)), 'node_modules', '.cache', 'flannel-doctor-bench'));
      // Rounds of one parse-only run and one diagnose run, alternating, and the median of each side: load
      // on the shared machine then hits both alike, and one disturbed run moves neither median (a single
      // --quick run once said 0.45 where a median of five said 0.53).
      const rounds = quick ? 5 : 3;
      const parses: ChildResult[] = [];
      const diags: ChildResult[] = [];
      for (let i = 0; i < rounds; i++) {
        parses.push(await child(script, 'parse', dir));
        diags.push(await child(script, 'diagnose', dir));
        log(`round ${i + 1}/${rounds}: parse-only ${(parses[i].cpuMs / 1000).toFixed(2)} s CPU, diagnose ${(diags[i].cpuMs / 1000).toFixed(2)} s CPU`);
      }
      const parse = medianRun(parses);
      log(`parse-only: ${(parse.ms / 1000).toFixed(2)} s wall, ${(parse.cpuMs / 1000).toFixed(2)} s CPU, ${parse.maxRssMB.toFixed(0)} MB peak RSS (median of ${rounds})`);
      const diag = medianRun(diags);
      log(`diagnose: ${(diag.ms / 1000).toFixed(2)} s wall, ${(diag.cpuMs / 1000).toFixed(2)} s CPU, ${diag.maxRssMB.toFixed(0)} MB peak RSS, ${diag.counts.findings} findings (median of ${rounds})`);
      const roundRatios = parses.map((p, i) => p.cpuMs / diags[i].cpuMs).sort((a, b) => a - b);
      // The target is on CPU time (user + system, all threads, so V8's parallel GC counts): this 2-core
      // machine is shared, and elapsed time there measures the queue (a run at load 20 took 49 s
      // elapsed for 6 s of CPU); elapsed is kept beside it in the notes.
      // One direction everywhere, as every suite: higher is better for ours. Here parse-only ÷ diagnose,
      // so the target "diagnose takes at most 2x parsing alone" reads ratio >= 0.5 (1 would be diagnose
      // costing no more than the parse it cannot skip).
      const ratio = parse.cpuMs / diag.cpuMs;
      const timeOk = diag.cpuMs <= 2 * parse.cpuMs;
      const rssOk = diag.maxRssMB < 2048;
      const countsOk = diag.counts.nodes === shape.nodes && diag.counts.pods === shape.pods + 2 && diag.counts.events === shape.events;
      return {
        suite: 'diagnose-scale',
        ours: { label: 'diagnose --bundle', unit: 's CPU', value: diag.cpuMs / 1000, note: `median of ${rounds} runs, alternating with parse-only; ${(diag.ms / 1000).toFixed(1)} s elapsed; ${diag.maxRssMB.toFixed(0)} MB peak RSS; read ${diag.counts.nodes} nodes, ${diag.counts.pods} pods, ${diag.counts.events} events` },
        peer: { label: 'streaming parse only', unit: 's CPU', value: parse.cpuMs / 1000, note: `median of ${rounds} runs; ${(parse.ms / 1000).toFixed(1)} s elapsed; ${parse.maxRssMB.toFixed(0)} MB peak RSS; ${(gen.bytes / 1e6).toFixed(0)} MB of JSON` },
        ratio,
        ratioSays: 'parse-only CPU ÷ diagnose CPU: 1 = diagnose costs only the parse it cannot skip, 0.5 = twice that; higher is better',
        target: 'ratio >= 0.5 (diagnose <= 2x parse-only), peak RSS < 2 GB, every object counted',
        met: timeOk && rssOk && countsOk,
        extra: {
          bundleMB: Math.round(gen.bytes / 1e6),
          diagnoseRssMB: Math.round(diag.maxRssMB),
          parseRssMB: Math.round(parse.maxRssMB),
          cpuVsParse: Number((diag.cpuMs / parse.cpuMs).toFixed(2)),
          wallVsParse: Number((diag.ms / parse.ms).toFixed(2)),
          findings: diag.counts.findings,
          countsOk: String(countsOk),
          rounds,
          // Each round's own ratio, lowest and highest: how far one run could have strayed.
          roundRatioMin: Number(roundRatios[0].toFixed(3)),
          roundRatioMax: Number(roundRatios[roundRatios.length - 1].toFixed(3)),
        },
      };
    } finally {
      if (!keep) await rm(dir, { recursive: true, force: true });
    }
  },
};

export default suite;

// Child mode, or standalone: npx tsx bench/suites/diagnose-scale.ts [--quick]
// realpath: the bundle may be reached through a symlinked node_modules (a git worktree's), and
// import.meta.url names the real file.
if (process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url) {
  const childArg = process.argv.find((a) => a.startsWith('--child='));
  if (childArg) await childMain(childArg.slice('--child='.length), process.argv[process.argv.indexOf(childArg) + 1]);
  else {
    const res = await suite.run({ quick: process.argv.includes('--quick'), log: (l) => process.stderr.write(l + '\n') });
    const json = JSON.stringify(res, null, 2);
    process.stdout.write(json + '\n');
    if (process.argv.includes('--out')) await writeFile(process.argv[process.argv.indexOf('--out') + 1], json);
  }
}
