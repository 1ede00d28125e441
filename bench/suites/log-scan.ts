import { execFile } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIGNATURES } from '../../src/catalog/signatures.js';
import { scanLog } from '../../src/sources/host/log-scan.js';
import { generateLogs } from '../gen/logs.js';
import type { Suite, SuiteResult } from '../suite.js';

/**
 * Scans 1 GiB of generated node logs for every catalog signature: ours (one streaming pass,
 * Aho-Corasick anchor prefilter, regex on candidate lines, a line count per signature) against the
 * strongest form of ripgrep: ONE pass with every pattern (`rg -c -i -f patterns`), which tells only
 * how many lines match some pattern, not which. Patterns that need PCRE2 (lookaround) would force
 * rg's slower engine on the whole set (measured: 10x slower), so the peer that sets the ratio runs
 * the Rust-engine patterns only (a little less work than ours, never more), each prefixed `(?-u)`:
 * ASCII classes and case folding, as our JavaScript patterns (no `u` flag) have; rg's default
 * Unicode mode gave the same counts 5x slower (measured on 64 MiB: 9.2 s against 1.8 s CPU). Every pattern is covered
 * by that pass plus one `rg -P` pass over the few lookaround patterns, timed beside it.
 * Correctness: ours must give the same any-match line count as the union of those two passes' line
 * numbers, and the same per-signature counts as one `rg -c` per signature on a slice of the file (a
 * full per-signature check would take minutes and measure nothing). Times are CPU seconds (user +
 * sys) of each side, in the same run: on a shared 2-core machine wall time measures the queue.
 * Ratio = rg CPU / ours CPU (> 1: ours faster).
 */
const GB = 1024 * 1024 * 1024;

function run(cmd: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 127) : 0;
      resolve({ stdout, stderr, code });
    });
  });
}

/** Characters the Rust regex syntax of rg 13 allows after a backslash (besides letters/digits). */
const RUST_ESCAPABLE = new Set('\\.+*?()|[]{}^$#&-~'.split(''));

/**
 * Translates a JS regex source to ripgrep: named groups to (?P<…>), needless escapes of punctuation
 * (\/, \", \:) dropped. Lookaround or back-references need PCRE2 (`-P`), which keeps the JS source.
 */
export function toRipgrep(src: string): { pattern: string; pcre2: boolean } {
  if (/\(\?<?[=!]|\\[1-9]/.test(src)) return { pattern: src, pcre2: true };
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length) {
      const d = src[i + 1];
      if (/[^\w\s]/.test(d) && !RUST_ESCAPABLE.has(d)) out += d;
      else out += c + d;
      i++;
      continue;
    }
    if (inClass) {
      // JS takes [ literally inside a class; Rust would open a nested class. Also defuse set operators.
      if (c === '[' || (c === '&' && src[i + 1] === '&') || (c === '~' && src[i + 1] === '~')) out += '\\' + c;
      else out += c;
      if (c === ']' && !(src[i - 1] === '[' || (src[i - 1] === '^' && src[i - 2] === '['))) inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    if (c === '(' && src.startsWith('(?<', i)) {
      out += '(?P<';
      i += 2;
      continue;
    }
    out += c;
  }
  return { pattern: out, pcre2: false };
}

const TIME = '/usr/bin/time';

/** Runs rg under GNU time: stdout, exit code and CPU seconds (user + sys). */
function rgTimed(args: string[]): Promise<{ stdout: string; stderr: string; code: number; cpu: number; wall: number }> {
  const t0 = performance.now();
  return run(TIME, ['-f', '@@cpu %U %S', 'rg', ...args]).then((r) => {
    const m = /@@cpu (\S+) (\S+)\s*$/.exec(r.stderr);
    return { ...r, stderr: r.stderr.replace(/@@cpu.*$/s, ''), cpu: m ? Number(m[1]) + Number(m[2]) : NaN, wall: (performance.now() - t0) / 1000 };
  });
}

async function rgCount(file: string, p: { pattern: string; pcre2: boolean }): Promise<number | string> {
  const args = ['--no-config', '-c', '-i', '--no-filename', ...(p.pcre2 ? ['-P', '--no-pcre2-unicode', '-e', p.pattern] : ['-e', `(?-u)${p.pattern}`]), file];
  const r = await run('rg', args);
  if (r.code === 1) return 0; // no match
  if (r.code !== 0) return `rg error: ${r.stderr.trim().split('\n').pop()}`;
  return Number(r.stdout.trim());
}

/** Copies the first `bytes` of `from` (cut at a line end) to `to`. */
async function slice(from: string, to: string, bytes: number): Promise<void> {
  const { open } = await import('node:fs/promises');
  const fh = await open(from, 'r');
  try {
    const buf = Buffer.allocUnsafe(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    const cut = buf.lastIndexOf(10, bytesRead - 1) + 1;
    await writeFile(to, buf.subarray(0, cut));
  } finally {
    await fh.close();
  }
}

const suite: Suite = {
  name: 'log-scan',
  description: 'count every catalog signature in 1 GiB of node logs: scanLog vs ONE rg -c -i -f pass with every pattern (CPU time, same run)',
  async run({ quick, log }) {
    const version = await run('rg', ['--version']);
    if (version.code !== 0) return { skipped: 'ripgrep (rg) not installed' };
    if (!existsSync(TIME)) return { skipped: `${TIME} (Debian package time) not installed` };
    const sigs = SIGNATURES;
    if (!sigs.length) return { skipped: 'the catalog has no signatures yet' };
    const dir = await mkdtemp(join(tmpdir(), 'fdn-logscan-'));
    const file = join(dir, 'node.log');
    try {
      const size = quick ? 128 * 1024 * 1024 : GB;
      log(`generating ${(size / 1024 / 1024).toFixed(0)} MiB of node logs…`);
      const gen = await generateLogs(file, { bytes: size });
      log(`  ${gen.lines} lines, ${gen.errorLines} error lines`);
      const translated = sigs.map((s) => ({ id: s.id, ...toRipgrep(s.pattern) }));
      const rustPatterns = translated.filter((p) => !p.pcre2);
      const rustFile = join(dir, 'patterns-rust.txt');
      const pcreFile = join(dir, 'patterns-pcre2.txt');
      const pcrePatterns = translated.filter((p) => p.pcre2);
      await writeFile(rustFile, rustPatterns.map((p) => `(?-u)${p.pattern}`).join('\n') + '\n');
      // PCRE2 takes the JS source (lookaround) as it is.
      await writeFile(pcreFile, pcrePatterns.map((p) => p.pattern).join('\n') + '\n');
      // Warm the page cache so neither side pays for the disk.
      for await (const _ of createReadStream(file, { highWaterMark: 8 << 20 })) void _;

      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      const ours = await scanLog(createReadStream(file, { highWaterMark: 4 << 20 }));
      const oursWall = Number(process.hrtime.bigint() - t0) / 1e9;
      const cu = process.cpuUsage(c0);
      const oursCpu = (cu.user + cu.system) / 1e6;
      log(`  ours: ${oursCpu.toFixed(2)} s CPU, ${oursWall.toFixed(2)} s wall, ${ours.matchedLines} matching lines, ${sigs.length} per-signature counts`);

      const onePass = await rgTimed(['--no-config', '-c', '-i', '--no-filename', '-f', rustFile, file]);
      if (onePass.code > 1) throw new Error(`rg one pass failed: ${onePass.stderr.trim()}`);
      log(`  rg one pass, ${rustPatterns.length} Rust-engine patterns: ${onePass.cpu.toFixed(2)} s CPU, ${onePass.wall.toFixed(2)} s wall, ${onePass.stdout.trim()} lines`);
      // Every pattern: the Rust pass again with line numbers, plus the lookaround ones under PCRE2.
      const lineNos = async (args: string[]) => {
        const r = await rgTimed(['--no-config', '-n', '-i', '--no-filename', '--no-heading', ...args, file]);
        if (r.code > 1) throw new Error(`rg ${args.join(' ')}: ${r.stderr.trim().split('\n').pop()}`);
        return { cpu: r.cpu, lines: r.stdout.split('\n').filter(Boolean).map((l) => l.slice(0, l.indexOf(':'))) };
      };
      const rustLines = await lineNos(['-f', rustFile]);
      const pcreLines = pcrePatterns.length ? await lineNos(['-P', '--no-pcre2-unicode', '-f', pcreFile]) : { cpu: 0, lines: [] };
      const allLines = new Set([...rustLines.lines, ...pcreLines.lines]).size;
      const allPass = { cpu: rustLines.cpu + pcreLines.cpu };
      log(`  rg over all ${sigs.length} patterns (the Rust pass with -n, plus -P for ${pcrePatterns.length}): ${allPass.cpu.toFixed(2)} s CPU, ${allLines} lines`);

      // Per-signature counts, checked on a slice.
      const sliceBytes = Math.min(size, 32 * 1024 * 1024);
      const sliceFile = join(dir, 'slice.log');
      await slice(file, sliceFile, sliceBytes);
      const oursSlice = await scanLog(createReadStream(sliceFile, { highWaterMark: 4 << 20 }));
      const rgCounts: Record<string, number | string> = {};
      for (const p of translated) rgCounts[p.id] = await rgCount(sliceFile, p);
      const mismatches = sigs.filter((s) => rgCounts[s.id] !== (oursSlice.counts[s.id] ?? 0)).map((s) => `${s.id}: ours ${oursSlice.counts[s.id] ?? 0} rg ${rgCounts[s.id]}`);
      const anyMatchOk = allLines === ours.matchedLines;
      if (!anyMatchOk) mismatches.push(`any-match lines: ours ${ours.matchedLines} rg (all patterns) ${allLines}`);
      for (const m of mismatches) log(`  MISMATCH ${m}`);
      log(`  per-signature counts on the first ${(sliceBytes / 1024 / 1024).toFixed(0)} MiB: ${sigs.length - mismatches.length + (anyMatchOk ? 0 : 1)} of ${sigs.length} equal to one rg -c per signature`);

      const mb = gen.bytes / 1024 / 1024;
      const ratio = onePass.cpu / oursCpu;
      const result: SuiteResult = {
        suite: 'log-scan',
        ours: { label: 'scanLog (flannel-doctor), per-signature counts', unit: 'MiB per CPU-s', value: mb / oursCpu, note: `${oursCpu.toFixed(2)} s CPU (${oursWall.toFixed(2)} s wall), ${sigs.length} signatures, ${ours.matchedLines} matching lines` },
        peer: { label: `ripgrep ${version.stdout.split('\n')[0].split(' ')[1]}, one -c -i -f pass, ${rustPatterns.length} patterns, (?-u) ASCII mode (any-match count only)`, unit: 'MiB per CPU-s', value: mb / onePass.cpu, note: `${onePass.cpu.toFixed(2)} s CPU (${onePass.wall.toFixed(2)} s wall); every pattern (plus a -P pass for ${pcrePatterns.length}): ${allPass.cpu.toFixed(2)} s CPU` },
        ratio,
        ratioSays: 'rg CPU ÷ ours CPU (> 1: ours faster)',
        target: '>= 0.5x one rg pass, same counts',
        met: ratio >= 0.5 && mismatches.length === 0,
        extra: {
          mib: Math.round(mb),
          oursCpuSeconds: Number(oursCpu.toFixed(2)),
          oursWallSeconds: Number(oursWall.toFixed(2)),
          rgOnePassCpuSeconds: Number(onePass.cpu.toFixed(2)),
          rgOnePassWallSeconds: Number(onePass.wall.toFixed(2)),
          rgOnePassPatterns: rustPatterns.length,
          rgAllPatternsCpuSeconds: Number(allPass.cpu.toFixed(2)),
          ratioVsAllPatterns: Number((allPass.cpu / oursCpu).toFixed(2)),
          lines: gen.lines,
          errorLines: gen.errorLines,
          signatures: sigs.length,
          countsCheckedMiB: Math.round(sliceBytes / 1024 / 1024),
          countMismatches: mismatches.length,
          ...(mismatches.length ? { firstMismatch: mismatches[0] } : {}),
        },
      };
      return result;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
