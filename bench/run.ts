/**
 * Runs the benchmark suites of bench/suites/ one after another and prints suite | ours | peer |
 * ratio | target | met; writes every result to bench/out/results.json, and each suite's latest full
 * (not --quick) result to bench/results/<suite>.json, the committed file README figures come from.
 *
 *   npm run bench                        all suites
 *   npm run bench -- --quick             smaller inputs (CI, smoke runs)
 *   npm run bench -- --json              print the JSON results instead of the table
 *   npm run bench -- explain cold        only suites whose name contains one of the words
 *   npm run bench -- --no-build          skip `npm run build` before running
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Suite, SuiteResult } from './suite.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

export interface RunOutcome {
  suite: string;
  result?: SuiteResult;
  skipped?: string;
  error?: string;
  seconds: number;
  /** when the suite finished, ISO time */
  date?: string;
  quick?: boolean;
  node?: string;
  /** 1-minute load average when the suite started and ended (the machine may be shared) */
  load?: [number, number];
  cores?: number;
}

function parseArgs(argv: string[]) {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const unknown = [...flags].filter((f) => !['--json', '--quick', '--no-build', '--help'].includes(f));
  if (unknown.length) throw new Error(`unknown flag ${unknown.join(', ')} (use --quick, --json, --no-build, or suite name words)`);
  return { json: flags.has('--json'), quick: flags.has('--quick'), build: !flags.has('--no-build'), help: flags.has('--help'), filters: argv.filter((a) => !a.startsWith('--')) };
}

export async function discoverSuites(): Promise<Suite[]> {
  const dir = join(here, 'suites');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_')).sort();
  const suites: Suite[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default?: Suite };
    if (!mod.default || typeof mod.default.run !== 'function') throw new Error(`bench/suites/${f}: no default export implementing Suite`);
    suites.push(mod.default);
  }
  return suites;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

export function renderTable(outcomes: RunOutcome[]): string {
  const rows = [['suite', 'ours', 'peer', 'ratio', 'target', 'met']];
  for (const o of outcomes) {
    const r = o.result;
    if (r) rows.push([o.suite, `${fmt(r.ours.value)} ${r.ours.unit}`, `${fmt(r.peer.value)} ${r.peer.unit} (${r.peer.label})`, `${fmt(r.ratio)}x`, r.target, r.met ? 'yes' : 'NO']);
    else rows.push([o.suite, '-', '-', '-', o.skipped ? `skipped: ${o.skipped}` : `error: ${o.error}`, o.skipped ? 'skip' : 'ERROR']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)].join('\n') + '\n';
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write('usage: npm run bench -- [--quick] [--json] [--no-build] [suite-name-words...]\n');
    return 0;
  }
  const log = (l: string) => process.stderr.write(l + '\n');
  if (args.build) {
    log('building (npm run build)…');
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const all = await discoverSuites();
  const suites = args.filters.length ? all.filter((s) => args.filters.some((f) => s.name.includes(f))) : all;
  if (!suites.length) {
    log(`no suite matches ${args.filters.join(', ')}; suites: ${all.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const outcomes: RunOutcome[] = [];
  const outDir = join(here, 'out');
  mkdirSync(outDir, { recursive: true });
  for (const s of suites) {
    log(`== ${s.name}: ${s.description}`);
    const t0 = performance.now();
    const load0 = loadavg()[0];
    let o: RunOutcome;
    try {
      const r = await s.run({ quick: args.quick, log: (l) => log(`  ${l}`) });
      const seconds = (performance.now() - t0) / 1000;
      o = 'skipped' in r ? { suite: s.name, skipped: r.skipped, seconds } : { suite: s.name, result: r, seconds };
    } catch (err) {
      o = { suite: s.name, error: err instanceof Error ? err.message : String(err), seconds: (performance.now() - t0) / 1000 };
    }
    Object.assign(o, { date: new Date().toISOString(), quick: args.quick, node: process.version, load: [round2(load0), round2(loadavg()[0])], cores: cpus().length });
    outcomes.push(o);
    // One file per suite: a run of some suites leaves the others' last results (and the README table
    // generated from them, scripts/bench-readme.ts) as they were. A skipped suite keeps its last result.
    if (!o.skipped) writeFileSync(join(outDir, `${s.name}.json`), JSON.stringify(o, null, 2) + '\n');
  }
  const doc = { date: new Date().toISOString(), quick: args.quick, node: process.version, outcomes };
  writeFileSync(join(outDir, 'results.json'), JSON.stringify(doc, null, 2) + '\n');
  if (!args.quick) {
    const saved = join(here, 'results');
    mkdirSync(saved, { recursive: true });
    for (const o of outcomes.filter((x) => x.result)) {
      writeFileSync(join(saved, `${o.suite}.json`), JSON.stringify({ date: doc.date, node: doc.node, command: `npm run bench -- ${o.suite}`, ...o }, null, 2) + '\n');
    }
  }
  process.stdout.write(args.json ? JSON.stringify(doc, null, 2) + '\n' : renderTable(outcomes));
  log(`wrote bench/out/results.json`);
  return outcomes.some((o) => o.error) ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => (process.exitCode = code),
    (err) => {
      process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
