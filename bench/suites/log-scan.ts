import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIGNATURES } from '../../src/catalog/signatures.js';
import { scanLog } from '../../src/sources/host/log-scan.js';
import { generateLogs } from '../gen/logs.js';
import type { Suite, SuiteResult } from '../suite.js';

/**
 * Scans 1 GB of generated node logs for every catalog signature: ours (one streaming pass,
 * Aho-Corasick anchor prefilter, regex on candidate lines) against ripgrep, which needs one
 * `rg -c -i -e <pattern>` run per signature to give per-signature line counts. Both must report the
 * same counts; the ratio is rg's total time over ours.
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

async function rgCount(file: string, p: { pattern: string; pcre2: boolean }): Promise<number | string> {
  const args = ['--no-config', '-c', '-i', '--no-filename', ...(p.pcre2 ? ['-P'] : []), '-e', p.pattern, file];
  const r = await run('rg', args);
  if (r.code === 1) return 0; // no match
  if (r.code !== 0) return `rg error: ${r.stderr.trim().split('\n').pop()}`;
  return Number(r.stdout.trim());
}

const suite: Suite = {
  name: 'log-scan',
  description: 'count every catalog signature in 1 GB of node logs: scanLog vs one rg -c -i run per signature (same counts)',
  async run({ quick, log }) {
    const version = await run('rg', ['--version']);
    if (version.code !== 0) return { skipped: 'ripgrep (rg) not installed' };
    const sigs = SIGNATURES;
    if (!sigs.length) return { skipped: 'the catalog has no signatures yet' };
    const dir = await mkdtemp(join(tmpdir(), 'fdn-logscan-'));
    const file = join(dir, 'node.log');
    try {
      const size = quick ? 64 * 1024 * 1024 : GB;
      log(`generating ${(size / 1024 / 1024).toFixed(0)} MiB of node logs…`);
      const gen = await generateLogs(file, { bytes: size });
      log(`  ${gen.lines} lines, ${gen.errorLines} error lines`);
      // Warm the page cache so neither side pays for the disk.
      for await (const _ of createReadStream(file, { highWaterMark: 8 << 20 })) void _;

      const t0 = process.hrtime.bigint();
      const ours = await scanLog(createReadStream(file, { highWaterMark: 4 << 20 }));
      const oursS = Number(process.hrtime.bigint() - t0) / 1e9;
      log(`  ours: ${oursS.toFixed(2)} s, ${ours.matchedLines} matching lines`);

      const rgCounts: Record<string, number | string> = {};
      const t1 = process.hrtime.bigint();
      let pcre2 = 0;
      for (const s of sigs) {
        const p = toRipgrep(s.pattern);
        if (p.pcre2) pcre2++;
        rgCounts[s.id] = await rgCount(file, p);
      }
      const rgS = Number(process.hrtime.bigint() - t1) / 1e9;
      log(`  rg: ${rgS.toFixed(2)} s for ${sigs.length} runs (${pcre2} with -P)`);

      // Context only: one rg pass with every pattern the Rust engine takes (it cannot give per-signature counts).
      const rustPatterns = sigs.map((s) => toRipgrep(s.pattern)).filter((p) => !p.pcre2).map((p) => p.pattern);
      const patFile = join(dir, 'patterns.txt');
      await writeFile(patFile, rustPatterns.join('\n') + '\n');
      const t2 = process.hrtime.bigint();
      const onePass = await run('rg', ['--no-config', '-c', '-i', '--no-filename', '-f', patFile, file]);
      const onePassS = Number(process.hrtime.bigint() - t2) / 1e9;
      log(`  rg one pass over ${rustPatterns.length} patterns (any-match lines only): ${onePassS.toFixed(2)} s, ${onePass.stdout.trim()} lines`);

      const mismatches = sigs.filter((s) => rgCounts[s.id] !== ours.counts[s.id]).map((s) => `${s.id}: ours ${ours.counts[s.id]} rg ${rgCounts[s.id]}`);
      for (const m of mismatches) log(`  MISMATCH ${m}`);
      const mb = gen.bytes / 1024 / 1024;
      const ratio = rgS / oursS;
      const result: SuiteResult = {
        suite: 'log-scan',
        ours: { label: 'scanLog (flannel-doctor)', unit: 'MiB/s', value: mb / oursS, note: `${oursS.toFixed(2)} s, ${sigs.length} signatures, ${ours.matchedLines} matching lines` },
        peer: { label: `ripgrep ${version.stdout.split('\n')[0].split(' ')[1]} (one -c -i run per signature)`, unit: 'MiB/s', value: mb / rgS, note: `${rgS.toFixed(2)} s, ${pcre2} patterns via PCRE2` },
        ratio,
        target: '>= 0.5x rg with the same per-signature counts',
        met: ratio >= 0.5 && mismatches.length === 0,
        extra: { mib: Math.round(mb), rgOnePassSeconds: Number(onePassS.toFixed(2)), rgOnePassPatterns: rustPatterns.length, lines: gen.lines, errorLines: gen.errorLines, signatures: sigs.length, countMismatches: mismatches.length, ...(mismatches.length ? { firstMismatch: mismatches[0] } : {}) },
      };
      return result;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
