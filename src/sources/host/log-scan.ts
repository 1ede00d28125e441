import type { Readable } from 'node:stream';
import { SIGNATURES } from '../../catalog/signatures.js';
import type { Signature } from '../../catalog/types.js';

/**
 * A streaming multi-signature log scanner. It finds candidate lines with one pass of an
 * Aho-Corasick automaton over the raw bytes (ASCII case-folded) built from every signature's
 * anchors, then runs only the regular expressions whose anchors occur in that line. Lines without
 * any anchor — nearly all of a healthy log — cost one table lookup per byte and are never decoded.
 *
 * Semantics equal the catalog's: a signature matches a line when one of its anchors occurs in it
 * (case-insensitively) and its pattern matches (flag `i`). Counts are lines, like `rg -c`.
 */
export interface ScanResult {
  /** signature id -> number of matching lines */
  counts: Record<string, number>;
  /** lines read; counted only with countLines (or onMatch) */
  lines: number;
  bytes: number;
  /** lines that matched at least one signature */
  matchedLines: number;
}

export interface ScanOptions {
  signatures?: readonly Signature[];
  /** Called for each line matching some signature, with the ids that matched and its 1-based line number. */
  onMatch?: (line: string, ids: string[], lineNo: number) => void;
  /** Count lines exactly (needed for line numbers; costs a little). Default: only when onMatch is set. */
  countLines?: boolean;
}

interface CompiledSig {
  id: string;
  re: RegExp;
  anchors: string[];
}

/** The automaton: dense transition table over byte classes, rows pre-multiplied by the class count. */
export interface Scanner {
  sigs: CompiledSig[];
  /** signatures with no anchors: must be tried on every line */
  anchorless: CompiledSig[];
  cls: Uint8Array;
  delta: Int32Array;
  hit: Uint8Array;
  k: number;
}

export function buildScanner(signatures: readonly Signature[] = SIGNATURES): Scanner {
  const sigs: CompiledSig[] = [];
  const anchorless: CompiledSig[] = [];
  for (const s of signatures) {
    let re: RegExp;
    try {
      re = new RegExp(s.pattern, 'i');
    } catch {
      continue; // a broken pattern is the catalog test's business; scanning goes on
    }
    const c = { id: s.id, re, anchors: s.anchors.map((a) => a.toLowerCase()).filter(Boolean) };
    if (c.anchors.length) sigs.push(c);
    else anchorless.push(c);
  }
  const anchors = [...new Set(sigs.flatMap((s) => s.anchors))].map((a) => Buffer.from(a, 'utf8'));

  // Byte classes: every byte used by an anchor gets its own class; upper-case ASCII shares its lower-case class.
  const cls = new Uint8Array(256);
  let k = 1;
  const classOf = new Map<number, number>();
  for (const a of anchors)
    for (const b of a)
      if (!classOf.has(b)) {
        if (k >= 255) break;
        classOf.set(b, k++);
      }
  for (const [b, c] of classOf) {
    cls[b] = c;
    if (b >= 97 && b <= 122 && !classOf.has(b - 32)) cls[b - 32] = c;
  }

  // Trie.
  const go: Map<number, number>[] = [new Map()];
  const out: boolean[] = [false];
  for (const a of anchors) {
    let s = 0;
    for (const b of a) {
      const c = cls[b];
      let t = go[s].get(c);
      if (t === undefined) {
        t = go.length;
        go.push(new Map());
        out.push(false);
        go[s].set(c, t);
      }
      s = t;
    }
    out[s] = true;
  }
  // Failure links by BFS, folded into a full DFA.
  const n = go.length;
  const delta = new Int32Array(n * k);
  const fail = new Int32Array(n);
  const queue: number[] = [];
  for (let c = 0; c < k; c++) {
    const t = go[0].get(c);
    if (t !== undefined) {
      delta[c] = t * k;
      fail[t] = 0;
      queue.push(t);
    }
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi];
    if (out[fail[s]]) out[s] = true;
    for (let c = 0; c < k; c++) {
      const t = go[s].get(c);
      if (t !== undefined) {
        fail[t] = delta[fail[s] * k + c] / k;
        delta[s * k + c] = t * k;
        queue.push(t);
      } else delta[s * k + c] = delta[fail[s] * k + c];
    }
  }
  const hit = new Uint8Array(n * k);
  for (let s = 0; s < n; s++) if (out[s]) hit[s * k] = 1;
  return { sigs, anchorless, cls, delta, hit, k };
}

/** Scans a byte stream (a log file, a journal export) and counts matching lines per signature. */
export async function scanLog(stream: Readable | AsyncIterable<Buffer | string>, opts: ScanOptions = {}): Promise<ScanResult> {
  const sc = buildScanner(opts.signatures ?? SIGNATURES);
  const counts: Record<string, number> = {};
  for (const s of [...sc.sigs, ...sc.anchorless]) counts[s.id] = 0;
  const res: ScanResult = { counts, lines: 0, bytes: 0, matchedLines: 0 };
  const countLines = opts.countLines ?? !!opts.onMatch;
  let carry: Buffer | undefined;
  let lineBase = 1;
  for await (const piece of stream as AsyncIterable<Buffer | string>) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    res.bytes += chunk.length;
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = buf.lastIndexOf(10);
    if (end < 0) {
      carry = Buffer.from(buf);
      continue;
    }
    lineBase = scanBlock(sc, buf, 0, end, res, opts.onMatch, countLines, lineBase);
    carry = end + 1 < buf.length ? Buffer.from(buf.subarray(end + 1)) : undefined;
  }
  if (carry?.length) lineBase = scanBlock(sc, carry, 0, carry.length, res, opts.onMatch, countLines, lineBase);
  return res;
}

/** Scans buf[start, end) which holds whole lines (end is a newline or the end of input). Returns the next line number. */
function scanBlock(sc: Scanner, buf: Buffer, start: number, end: number, res: ScanResult, onMatch: ScanOptions['onMatch'], countLines: boolean, lineBase: number): number {
  const { cls, delta, hit, k } = sc;
  let lineNo = lineBase;
  let counted = start; // newlines before this offset are already counted
  const at = (pos: number) => {
    for (let p = buf.indexOf(10, counted); p !== -1 && p < pos; p = buf.indexOf(10, p + 1)) lineNo++;
    counted = pos;
  };
  if (sc.anchorless.length) {
    // Some signature has no anchor: every line is a candidate (slow, but exact).
    let ls = start;
    while (ls <= end && ls < buf.length) {
      let le = buf.indexOf(10, ls);
      if (le === -1 || le > end) le = end;
      checkLine(sc, buf.toString('utf8', ls, le), res, onMatch, lineNo, true);
      lineNo++;
      res.lines++;
      ls = le + 1;
      if (le === end) break;
    }
    return lineNo;
  }
  let s = 0;
  for (let i = start; i < end; i++) {
    s = delta[s + cls[buf[i]]];
    if (hit[s] === 1) {
      const ls = buf.lastIndexOf(10, i) + 1;
      let le = buf.indexOf(10, i);
      if (le === -1 || le > end) le = end;
      if (countLines) at(ls);
      checkLine(sc, buf.toString('utf8', ls, le), res, onMatch, lineNo, false);
      i = le;
      s = 0;
    }
  }
  if (!countLines) return lineBase;
  at(end);
  res.lines += lineNo + 1 - lineBase;
  return lineNo + 1;
}

function checkLine(sc: Scanner, line: string, res: ScanResult, onMatch: ScanOptions['onMatch'], lineNo: number, all: boolean): void {
  const lower = line.toLowerCase();
  let ids: string[] | undefined;
  for (const s of sc.sigs) {
    if (!s.anchors.some((a) => lower.includes(a))) continue;
    if (s.re.test(line)) (ids ??= []).push(s.id);
  }
  if (all) for (const s of sc.anchorless) if (s.re.test(line)) (ids ??= []).push(s.id);
  if (!ids) return;
  res.matchedLines++;
  for (const id of ids) res.counts[id]++;
  onMatch?.(line, ids, lineNo);
}
