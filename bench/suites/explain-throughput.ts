import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIGNATURES } from '../../src/catalog/signatures.js';
import { messages } from '../gen/messages.js';
import { toRipgrep } from './log-scan.js';
import type { Suite, SuiteResult } from '../suite.js';

/**
 * `flannel-doctor explain --stdin -o jsonl` on ~1M generated messages (one JSON answer per line)
 * against ripgrep matching the same signature patterns (`rg -i -c -f`, a count of lines that
 * match any signature). Both name the same lines: a line is not `unknown` exactly when some
 * signature matches, so the two counts are compared as a correctness check.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'bin', 'flannel-doctor.cjs');
const UNKNOWN = '"cause":"unknown"';

const GNU_TIME = '/usr/bin/time';

interface Timed {
  seconds: number;
  cpuSeconds: number;
  code: number | null;
  stdout: string;
  unknown: number;
  lines: number;
}

/** Runs a command with stdin from a file; counts output lines and `unknown` answers on the fly. */
function timed(cmd: string, args: string[], inputFile: string, keepStdout: boolean): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const fd = openSync(inputFile, 'r');
    const t0 = process.hrtime.bigint();
    // GNU time reports the child's CPU seconds on stderr's last line: throughput per core-second
    // stays meaningful on a busy machine, where wall time mostly measures the neighbours.
    const child = existsSync(GNU_TIME) ? spawn(GNU_TIME, ['-f', 'cpu %U %S', cmd, ...args], { stdio: [fd, 'pipe', 'pipe'] }) : spawn(cmd, args, { stdio: [fd, 'pipe', 'pipe'] });
    let carry = '';
    let unknown = 0;
    let lines = 0;
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (s: string) => {
      if (keepStdout) stdout += s;
      for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) lines++;
      const text = carry + s;
      for (let i = text.indexOf(UNKNOWN); i !== -1; i = text.indexOf(UNKNOWN, i + 1)) unknown++;
      carry = text.slice(-(UNKNOWN.length - 1));
    });
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(fd);
      if (code !== 0 && code !== 1) return reject(new Error(`${cmd} exited ${code}: ${stderr.trim().slice(0, 300)}`));
      const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      resolve({ seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN, code, stdout, unknown, lines });
    });
  });
}

/**
 * The signature in ripgrep's (Rust) syntax. rg cannot mix PCRE2 and Rust patterns in one run, so the
 * lookaround guards (disk-full's "not inotify", the mirror's "not a 404", a resolver failure's
 * "beside a registry request") are dropped for the peer, and back-references widened to any word.
 */
export function forRipgrep(src: string): string {
  // Bounded repeats ({0,600}, a guard against backtracking in JS) explode the automata of rg's
  // engine; for the peer they become plain `*`, which matches the same lines here.
  // Named groups become plain ones: rg joins its patterns into one, where two `key` groups clash.
  // A back-reference, numbered or named (the same name twice in one message), becomes any word, which rg's engine can run:
  // the peer matches a few more lines, never fewer.
  const unbounded = src
    .replace(/\{0,\d+\}/g, '*')
    .replace(/\(\?<([A-Za-z]\w*)>/g, '(')
    .replace(/\\[1-9]|\\k<[A-Za-z]\w*>/g, '\\S+');
  const p = toRipgrep(unbounded);
  return inAsciiMode(p.pcre2 ? toRipgrep(withoutLookarounds(unbounded)).pattern : p.pattern);
}

/**
 * Our patterns are JS regexes without the `u` flag: `\w`, `\d` and `\b` are ASCII. rg's default is
 * Unicode, whose case-folded classes swell its one automaton until its lazy DFA keeps discarding its
 * cache (stop 48's catalog: over 1,100 CPU-s on the million lines, then killed), and whose `\b` makes
 * the DFA give up on any non-ASCII byte, leaving a backtracker that asked for 7 GB on long lines. In
 * ASCII mode, as in the log-scan suite, it counts the same lines several times faster: its strongest
 * fair form. A non-ASCII character becomes its UTF-8 bytes (inside a class, each byte: the peer may match
 * more, never less). `[^\S \t\r\f\v]` (a newline, or a Unicode space) keeps its Unicode spaces without
 * the newline: in ASCII mode it is only a newline, which rg refuses in a line search.
 */
export function inAsciiMode(pattern: string): string {
  const nl = pattern.replaceAll('[^\\S \\t\\r\\f\\v]', '(?u:[^\\S \\t\\r\\f\\v\\n])');
  let out = '';
  let inClass = false;
  for (let i = 0; i < nl.length; i++) {
    let ch = nl[i];
    if (ch === '\\') {
      const u = /^\\u([0-9a-fA-F]{4})/.exec(nl.slice(i, i + 6));
      if (!u) {
        out += nl.slice(i, i + 2);
        i++;
        continue;
      }
      ch = String.fromCharCode(parseInt(u[1], 16));
      i += 5;
    } else if (inClass) {
      if (ch === ']' && !(nl[i - 1] === '[' || (nl[i - 1] === '^' && nl[i - 2] === '['))) inClass = false;
    } else if (ch === '[') inClass = true;
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    const bytes = [...Buffer.from(ch)].map((b) => '\\x' + b.toString(16).toUpperCase().padStart(2, '0'));
    out += inClass || bytes.length === 1 ? bytes.join('') : '(?:' + bytes.join('') + ')';
  }
  return '(?-u)' + out;
}

/** The pattern without its lookaround groups, nested parentheses, classes and escapes inside them included. */
export function withoutLookarounds(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; ) {
    const look = /^\(\?<?[=!]/.exec(src.slice(i, i + 4));
    if (!look) {
      const n = src[i] === '\\' ? 2 : 1;
      out += src.slice(i, i + n);
      i += n;
      continue;
    }
    // Skip to the parenthesis that closes the group.
    let depth = 0;
    let inClass = false;
    for (; i < src.length; i++) {
      const c = src[i];
      if (c === '\\') i++;
      else if (inClass) inClass = c !== ']';
      else if (c === '[') {
        inClass = true;
        if (src[i + 1] === '^') i++;
        if (src[i + 1] === ']') i++;
      } else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    i++;
  }
  return out;
}

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const suite: Suite = {
  name: 'explain-throughput',
  description: 'explain --stdin -o jsonl on ~1M generated messages vs rg -i -c with the same signature patterns',
  async run({ quick, log }) {
    const count = quick ? 100_000 : 1_000_000;
    const runs = quick ? 1 : 3;
    const dir = mkdtempSync(join(tmpdir(), 'fd-bench-explain-'));
    try {
      const input = join(dir, 'messages.txt');
      const text = messages(count, 7);
      writeFileSync(input, text);
      const patterns = join(dir, 'patterns.txt');
      writeFileSync(patterns, SIGNATURES.map((s) => forRipgrep(s.pattern)).join('\n') + '\n');
      log(`${count.toLocaleString('en-US')} messages, ${(text.length / 1024 / 1024).toFixed(0)} MiB, ${SIGNATURES.length} signatures`);

      const oursT: number[] = [];
      const oursCpu: number[] = [];
      let named = -1;
      for (let i = 0; i < runs; i++) {
        const r = await timed('node', [cli, 'explain', '--stdin', '-o', 'jsonl'], input, false);
        if (r.lines !== count) throw new Error(`explain answered ${r.lines} lines for ${count} messages`);
        named = count - r.unknown;
        oursT.push(r.seconds);
        oursCpu.push(r.cpuSeconds);
        log(`ours run ${i + 1}: ${r.seconds.toFixed(2)} s wall, ${r.cpuSeconds.toFixed(2)} s cpu (${rate(count, r.seconds)} msg/s wall, ${rate(count, r.cpuSeconds)} msg/s per cpu-second)`);
      }

      const rgT: number[] = [];
      const rgCpu: number[] = [];
      let rgMatched = -1;
      let rgVersion = '';
      try {
        for (let i = 0; i < runs; i++) {
          const r = await timed('rg', ['--no-config', '-i', '-c', '-f', patterns, '-'], input, true);
          rgMatched = Number(r.stdout.trim() || '0');
          rgT.push(r.seconds);
          rgCpu.push(r.cpuSeconds);
          log(`rg run ${i + 1}: ${r.seconds.toFixed(2)} s wall, ${r.cpuSeconds.toFixed(2)} s cpu`);
        }
        rgVersion = (await timed('rg', ['--version'], input, true)).stdout.split('\n')[0];
      } catch (err) {
        return { skipped: `ripgrep (rg) not usable: ${err instanceof Error ? err.message : String(err)}` };
      }

      // "On one core": messages per CPU-second of the process when GNU time is there, else per wall second.
      const useCpu = oursCpu.every(Number.isFinite) && rgCpu.every(Number.isFinite);
      const ours = count / median(useCpu ? oursCpu : oursT);
      const peerRate = count / median(useCpu ? rgCpu : rgT);
      const unit = useCpu ? 'msg/cpu-s' : 'msg/s';
      const result: SuiteResult = {
        suite: 'explain-throughput',
        ours: { label: 'flannel-doctor explain --stdin -o jsonl', unit, value: ours, note: `median of ${runs}: ${median(oursT).toFixed(2)} s wall, ${useCpu ? median(oursCpu).toFixed(2) + ' s cpu; ' : ''}${named} lines named a cause` },
        peer: { label: `${rgVersion || 'ripgrep'} -i -c -f <signatures>, (?-u) ASCII mode as ours`, unit, value: peerRate, note: `median of ${runs}: ${median(rgT).toFixed(2)} s wall; ${rgMatched} lines matched` },
        ratio: ours / peerRate,
        ratioSays: 'ours msg per CPU-s ÷ rg msg per CPU-s (> 1: ours faster; rg names no cause)',
        target: '>= 200,000 msg/s on one core',
        met: ours >= 200_000,
        extra: {
          messages: count,
          signatures: SIGNATURES.length,
          oursWallMsgPerS: Math.round(count / median(oursT)),
          peerWallMsgPerS: Math.round(count / median(rgT)),
          namedLines: named,
          rgMatchedLines: rgMatched,
          countsAgree: named === rgMatched ? 'yes' : `no (differ by ${Math.abs(named - rgMatched)})`,
        },
      };
      return result;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
