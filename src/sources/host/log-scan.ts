import type { Readable } from 'node:stream';
import { SIGNATURES } from '../../catalog/signatures.js';
import type { Signature } from '../../catalog/types.js';

/**
 * A streaming multi-signature log scanner. One pass of an Aho-Corasick automaton over the raw bytes
 * (ASCII case-folded) built from every signature's anchors finds candidate lines; only there is the
 * line decoded and only the regular expressions of the anchors it holds are run. Lines without any
 * anchor — nearly all of a healthy log — cost one table lookup per byte and are never decoded.
 *
 * Semantics equal the catalog's classifier: a signature matches a line when one of its anchors occurs
 * in it (case-insensitively) and its pattern matches (flag `i`). Counts are lines, like `rg -c`.
 * Anchors are folded for ASCII only; signatures without anchors are tried on every line (slow, exact).
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
}

/** The automaton: a dense 256-wide transition table; a negative entry -(row+1) means "an anchor ends here". */
export interface Scanner {
  sigs: CompiledSig[];
  /** indexes into sigs of signatures without anchors: tried on every line */
  anchorless: number[];
  delta: Int32Array;
  /** per automaton state: the signatures whose anchors end in that state */
  outSigs: number[][];
}

export function buildScanner(signatures: readonly Signature[] = SIGNATURES): Scanner {
  const sigs: CompiledSig[] = [];
  const anchorless: number[] = [];
  const anchorIds = new Map<string, number>();
  const anchorSigs: number[][] = [];
  for (const s of signatures) {
    let re: RegExp;
    try {
      re = new RegExp(s.pattern, 'i');
    } catch {
      continue; // a broken pattern is the catalog test's business; scanning goes on
    }
    const idx = sigs.push({ id: s.id, re }) - 1;
    const anchors = [...new Set(s.anchors.map((a) => a.toLowerCase()).filter(Boolean))];
    if (!anchors.length) anchorless.push(idx);
    for (const a of anchors) {
      let id = anchorIds.get(a);
      if (id === undefined) {
        id = anchorSigs.push([]) - 1;
        anchorIds.set(a, id);
      }
      anchorSigs[id].push(idx);
    }
  }
  const fold = (b: number) => (b >= 65 && b <= 90 ? b + 32 : b);

  // Trie over case-folded bytes.
  const go: Map<number, number>[] = [new Map()];
  const out: number[][] = [[]];
  for (const [a, id] of anchorIds) {
    let s = 0;
    for (const raw of Buffer.from(a, 'utf8')) {
      const b = fold(raw);
      let t = go[s].get(b);
      if (t === undefined) {
        t = go.push(new Map()) - 1;
        out.push([]);
        go[s].set(b, t);
      }
      s = t;
    }
    out[s].push(id);
  }
  // Breadth-first failure links folded into a full DFA over all 256 bytes.
  const n = go.length;
  const next = new Int32Array(n * 256);
  const fail = new Int32Array(n);
  const queue = [0];
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi];
    for (let x = 0; x < 256; x++) {
      const t = go[s].get(fold(x));
      next[s * 256 + x] = t !== undefined ? t : s === 0 ? 0 : next[fail[s] * 256 + x];
    }
    for (const [b, t] of go[s]) {
      fail[t] = s === 0 ? 0 : next[fail[s] * 256 + b];
      if (out[fail[t]].length) out[t] = [...new Set([...out[t], ...out[fail[t]]])];
      queue.push(t);
    }
  }
  const delta = new Int32Array(n * 256);
  for (let i = 0; i < delta.length; i++) {
    const t = next[i];
    delta[i] = out[t].length ? -(t * 256) - 1 : t * 256;
  }
  const outSigs = out.map((ids) => [...new Set(ids.flatMap((id) => anchorSigs[id]))]);
  return { sigs, anchorless, delta, outSigs };
}

/** Automata already built, per signature list (gathering scans many small files with the same catalog). */
const built = new WeakMap<readonly Signature[], Scanner>();

/** Scans a byte stream (a log file, a journal export) and counts matching lines per signature. */
export async function scanLog(stream: Readable | AsyncIterable<Buffer | string>, opts: ScanOptions = {}): Promise<ScanResult> {
  const sigs = opts.signatures ?? SIGNATURES;
  let sc = built.get(sigs);
  if (!sc) built.set(sigs, (sc = buildScanner(sigs)));
  const state: BlockState = {
    sc,
    counts: new Uint32Array(sc.sigs.length),
    seen: new Uint32Array(sc.sigs.length),
    epoch: 0,
    res: { counts: {}, lines: 0, bytes: 0, matchedLines: 0 },
    onMatch: opts.onMatch,
    countLines: opts.countLines ?? !!opts.onMatch,
    lineNo: 1,
  };
  let carry: Buffer | undefined;
  for await (const piece of stream as AsyncIterable<Buffer | string>) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    state.res.bytes += chunk.length;
    let from = 0;
    if (carry) {
      // Only the line that straddles the chunk boundary is copied.
      const nl = chunk.indexOf(10);
      if (nl === -1) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      const head = Buffer.concat([carry, chunk.subarray(0, nl)]);
      scanBlock(state, head, 0, head.length);
      carry = undefined;
      from = nl + 1;
    }
    const last = chunk.lastIndexOf(10);
    if (last >= from) {
      scanBlock(state, chunk, from, last);
      from = last + 1;
    }
    if (from < chunk.length) carry = Buffer.from(chunk.subarray(from));
  }
  if (carry?.length) scanBlock(state, carry, 0, carry.length);
  sc.sigs.forEach((s, i) => (state.res.counts[s.id] = (state.res.counts[s.id] ?? 0) + state.counts[i]));
  return state.res;
}

interface BlockState {
  sc: Scanner;
  counts: Uint32Array;
  /** per signature: the epoch (candidate line) it was last queued for, to dedupe */
  seen: Uint32Array;
  epoch: number;
  res: ScanResult;
  onMatch: ScanOptions['onMatch'];
  countLines: boolean;
  /** number of the line starting at the current block's start */
  lineNo: number;
}

/** Scans buf[start, end): whole lines, `end` being a newline or the end of input. */
function scanBlock(st: BlockState, buf: Buffer, start: number, end: number): void {
  const { delta, outSigs, anchorless } = st.sc;
  let counted = start;
  const lineAt = (pos: number) => {
    for (let p = buf.indexOf(10, counted); p !== -1 && p < pos; p = buf.indexOf(10, p + 1)) st.lineNo++;
    counted = pos;
    return st.lineNo;
  };
  if (anchorless.length) {
    for (let ls = start; ls <= end; ) {
      let le = buf.indexOf(10, ls);
      if (le === -1 || le > end) le = end;
      const cand = anchorless.slice();
      for (let i = ls, s = 0; i < le; i++) {
        const v = delta[s + buf[i]];
        if (v >= 0) s = v;
        else {
          s = -v - 1;
          for (const k of outSigs[s >> 8]) if (!cand.includes(k)) cand.push(k);
        }
      }
      checkLine(st, buf.toString('utf8', ls, le), cand, st.countLines ? lineAt(ls) : 0);
      ls = le + 1;
      if (le >= end) break;
    }
  } else {
    let s = 0;
    for (let i = start; i < end; i++) {
      const v = delta[s + buf[i]];
      if (v >= 0) {
        s = v;
        continue;
      }
      // An anchor ends here: gather every anchor on the rest of the line, then judge the line once.
      const ls = buf.lastIndexOf(10, i) + 1;
      let le = buf.indexOf(10, i);
      if (le === -1 || le > end) le = end;
      const epoch = ++st.epoch;
      const cand: number[] = [];
      s = -v - 1;
      for (let j = i; ; ) {
        for (const k of outSigs[s >> 8]) {
          if (st.seen[k] !== epoch) {
            st.seen[k] = epoch;
            cand.push(k);
          }
        }
        for (j++; j < le; j++) {
          const w = delta[s + buf[j]];
          if (w >= 0) s = w;
          else {
            s = -w - 1;
            break;
          }
        }
        if (j >= le) break;
      }
      checkLine(st, buf.toString('utf8', Math.max(ls, start), le), cand, st.countLines ? lineAt(Math.max(ls, start)) : 0);
      i = le;
      s = 0;
    }
  }
  if (st.countLines) {
    lineAt(end);
    st.res.lines = st.lineNo;
    st.lineNo++;
  }
}

function checkLine(st: BlockState, line: string, cand: number[], lineNo: number): void {
  let ids: string[] | undefined;
  for (const k of cand) {
    const s = st.sc.sigs[k];
    if (s.re.test(line)) {
      st.counts[k]++;
      (ids ??= []).push(s.id);
    }
  }
  if (!ids) return;
  st.res.matchedLines++;
  st.onMatch?.(line, ids, lineNo);
}
