import type { Signature } from '../../catalog/types.js';

/** A signature with its pattern compiled once (flag `i`, like every catalog pattern). */
export interface Compiled {
  sig: Signature;
  re: RegExp;
}

/**
 * An Aho-Corasick automaton over the signatures' anchors, folded into a full DFA so the scan does one
 * table load per character and follows no failure links. Built per classifier, never shared: the
 * scratch arrays make a scan allocation-free but belong to their owner.
 */
export interface Automaton {
  /**
   * trans[(state << ROW_BITS) | c] → next state for the ASCII character c (upper case reads as lower
   * case; column 0, NUL, stands for every character no anchor has, non-ASCII included). Indexed by the
   * character itself, not by a class of it: the class lookup was a second load per character, about a
   * quarter of the scan. 16-bit states while they fit: half the table to keep in cache.
   */
  trans: Uint16Array | Int32Array;
  /** States are numbered so that those where an anchor ends come last, from this one on. */
  firstEnd: number;
  /** Signature indices whose anchor ends at a state: outSigs[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  outSigs: Int32Array;
  /** Scratch: per-signature stamp of the last scan that saw it (`seen2`: the second range of a pair scan). */
  seen: Uint32Array;
  seen2: Uint32Array;
  stamp: number;
  /** Scratch: the last bytes a pair scan read, as aligned words — words[(i + wordShift) >> 2] holds bytes[i]. */
  wordsOf: Uint8Array | undefined;
  words: Uint32Array;
  wordShift: number;
}

/** Characters per row of the transition table: ASCII. */
const ROW_BITS = 7;
const ROW = 1 << ROW_BITS;

/** A word read through a Uint32Array holds its first byte in its low bits (the pair scan's word loop needs that). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

export function compile(signatures: readonly Signature[]): Compiled[] {
  return signatures.map((sig) => ({ sig, re: new RegExp(sig.pattern, 'i') }));
}

/** Anchors are matched on ASCII case-folded text, so they must be lower-case printable ASCII. */
export function checkAnchors(sig: Signature): void {
  if (!sig.anchors.length) throw new Error(`signature ${sig.id}: needs at least one anchor`);
  for (const a of sig.anchors) {
    for (let i = 0; i < a.length; i++) {
      const c = a.charCodeAt(i);
      if (c >= 128 || (c >= 65 && c <= 90) || c < 32) throw new Error(`signature ${sig.id}: anchor "${a}" must be lower-case printable ASCII`);
    }
  }
}

export function buildAutomaton(signatures: readonly Signature[]): Automaton {
  for (const sig of signatures) checkAnchors(sig);
  // The trie of anchors, its edges written straight into the table (-1: no edge). Typed arrays, not a
  // map per state: the build runs once per process, cold, and maps made it about 100 ms.
  let bound = 1; // at most one state per anchor character, and the root
  for (const sig of signatures) for (const a of sig.anchors) bound += a.length;
  const table = new Int32Array(bound * ROW).fill(-1);
  const outs: Set<number>[] = [new Set()];
  signatures.forEach((sig, idx) => {
    for (const a of sig.anchors) {
      let s = 0;
      for (let i = 0; i < a.length; i++) {
        const at = s * ROW + a.charCodeAt(i);
        if (table[at] === -1) {
          table[at] = outs.length;
          outs.push(new Set());
        }
        s = table[at];
      }
      outs[s].add(idx);
    }
  });
  // Breadth-first: failure links folded into a full transition table, outputs merged along them.
  const n = outs.length;
  const trans = table.subarray(0, n * ROW);
  const fail = new Int32Array(n);
  const queue = new Int32Array(n);
  let queued = 0;
  for (let c = 0; c < ROW; c++) {
    if (trans[c] === -1) trans[c] = 0;
    else queue[queued++] = trans[c];
  }
  for (let qi = 0; qi < queued; qi++) {
    const s = queue[qi];
    for (const o of outs[fail[s]]) outs[s].add(o);
    const row = s * ROW;
    const failRow = fail[s] * ROW;
    for (let c = 0; c < ROW; c++) {
      const t = trans[row + c];
      if (t === -1) trans[row + c] = trans[failRow + c];
      else {
        fail[t] = trans[failRow + c];
        queue[queued++] = t;
      }
    }
  }
  // Renumbered: states where no anchor ends first, so the scan tells an end by one comparison.
  const order = [...outs.keys()].filter((t) => !outs[t].size);
  const firstEnd = order.length;
  order.push(...[...outs.keys()].filter((t) => outs[t].size));
  const id = new Int32Array(n);
  order.forEach((t, i) => (id[t] = i));
  const out = n <= 0x10000 ? new Uint16Array(n * ROW) : new Int32Array(n * ROW);
  for (let t = 0; t < n; t++) {
    const from = t * ROW;
    const to = id[t] * ROW;
    for (let c = 0; c < ROW; c++) out[to + c] = id[trans[from + c]];
  }
  // Upper case reads as lower case.
  for (let row = 0; row < out.length; row += ROW) out.copyWithin(row + 65, row + 97, row + 123);
  const outStart = new Int32Array(n + 1);
  const flat: number[] = [];
  order.forEach((t, i) => {
    outStart[i] = flat.length;
    flat.push(...[...outs[t]].sort((a, b) => a - b));
  });
  outStart[n] = flat.length;
  const scratch = { seen: new Uint32Array(signatures.length), seen2: new Uint32Array(signatures.length), stamp: 0, wordsOf: undefined, words: new Uint32Array(0), wordShift: 0 };
  return { trans: out, firstEnd, outStart, outSigs: Int32Array.from(flat), ...scratch };
}

/**
 * Fills `cand` with the indices of the signatures whose anchors occur in text[from, to); returns how
 * many. The one scan loop of the classifier: single messages and line blocks both come through here.
 */
export function scanCandidates(a: Automaton, text: string, from: number, to: number, cand: Int32Array): number {
  nextStamp(a);
  const { trans, firstEnd, seen } = a;
  let s = 0;
  let nc = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    s = trans[(s << ROW_BITS) | (c < ROW ? c : 0)];
    if (s >= firstEnd) nc = collect(a, s, seen, cand, nc);
  }
  return nc;
}

function nextStamp(a: Automaton): void {
  if (++a.stamp === 0xffffffff) {
    a.seen.fill(0);
    a.seen2.fill(0);
    a.stamp = 1;
  }
}

/** Adds the signatures whose anchors end at state `s` to cand[nc..] once each; returns the new count. */
function collect(a: Automaton, s: number, seen: Uint32Array, cand: Int32Array, nc: number): number {
  const end = a.outStart[s + 1];
  for (let k = a.outStart[s]; k < end; k++) {
    const idx = a.outSigs[k];
    if (seen[idx] !== a.stamp) {
      seen[idx] = a.stamp;
      cand[nc++] = idx;
    }
  }
  return nc;
}

/**
 * scanCandidates for two ranges of ASCII bytes at once: bytes[from1, to1) into cand1 and
 * bytes[from2, to2) into cand2, their counts into counts[0] and counts[1]. A scan is a chain of
 * dependent table loads; two independent chains in one loop let the CPU overlap them (about twice
 * the characters per second of one chain). The middle of each range is read a 32-bit word at a time
 * and its bytes taken by shifts, a fifth less time than a load per byte. Each range is still read in
 * order, so candidates come in the order a scan of the range alone finds them. A byte is read as its
 * low seven bits, so a byte above 0x7f (not ASCII) can only add candidates, never hide one: anchors
 * are ASCII.
 */
export function scanPair(a: Automaton, bytes: Uint8Array, from1: number, to1: number, cand1: Int32Array, from2: number, to2: number, cand2: Int32Array, counts: Int32Array): void {
  nextStamp(a);
  if (bytes !== a.wordsOf) {
    a.wordShift = bytes.byteOffset & 3;
    a.words = new Uint32Array(bytes.buffer, bytes.byteOffset - a.wordShift, (a.wordShift + bytes.length) >> 2);
    a.wordsOf = bytes;
  }
  const { trans, firstEnd, seen, seen2, words, wordShift } = a;
  let s1 = 0;
  let s2 = 0;
  let n1 = 0;
  let n2 = 0;
  let i1 = from1;
  let i2 = from2;
  // Each range's bytes up to its first word boundary.
  for (const head = Math.min(to1, from1 + ((4 - ((from1 + wordShift) & 3)) & 3)); i1 < head; i1++) {
    s1 = trans[(s1 << ROW_BITS) | (bytes[i1] & 0x7f)];
    if (s1 >= firstEnd) n1 = collect(a, s1, seen, cand1, n1);
  }
  for (const head = Math.min(to2, from2 + ((4 - ((from2 + wordShift) & 3)) & 3)); i2 < head; i2++) {
    s2 = trans[(s2 << ROW_BITS) | (bytes[i2] & 0x7f)];
    if (s2 >= firstEnd) n2 = collect(a, s2, seen2, cand2, n2);
  }
  // Whole words of both ranges side by side (on a big-endian machine none: the byte loops below do all).
  const pairs = LITTLE_ENDIAN ? Math.max(0, Math.min((to1 - i1) >> 2, (to2 - i2) >> 2)) : 0;
  const w1 = (i1 + wordShift) >> 2;
  const w2 = (i2 + wordShift) >> 2;
  for (let k = 0; k < pairs; k++) {
    const x1 = words[w1 + k];
    const x2 = words[w2 + k];
    // The four bytes, written out: a loop over shifts here cost what the word loads saved.
    s1 = trans[(s1 << ROW_BITS) | (x1 & 0x7f)];
    s2 = trans[(s2 << ROW_BITS) | (x2 & 0x7f)];
    if (s1 >= firstEnd) n1 = collect(a, s1, seen, cand1, n1);
    if (s2 >= firstEnd) n2 = collect(a, s2, seen2, cand2, n2);
    s1 = trans[(s1 << ROW_BITS) | ((x1 >>> 8) & 0x7f)];
    s2 = trans[(s2 << ROW_BITS) | ((x2 >>> 8) & 0x7f)];
    if (s1 >= firstEnd) n1 = collect(a, s1, seen, cand1, n1);
    if (s2 >= firstEnd) n2 = collect(a, s2, seen2, cand2, n2);
    s1 = trans[(s1 << ROW_BITS) | ((x1 >>> 16) & 0x7f)];
    s2 = trans[(s2 << ROW_BITS) | ((x2 >>> 16) & 0x7f)];
    if (s1 >= firstEnd) n1 = collect(a, s1, seen, cand1, n1);
    if (s2 >= firstEnd) n2 = collect(a, s2, seen2, cand2, n2);
    s1 = trans[(s1 << ROW_BITS) | ((x1 >>> 24) & 0x7f)];
    s2 = trans[(s2 << ROW_BITS) | ((x2 >>> 24) & 0x7f)];
    if (s1 >= firstEnd) n1 = collect(a, s1, seen, cand1, n1);
    if (s2 >= firstEnd) n2 = collect(a, s2, seen2, cand2, n2);
  }
  // The rest of each range, byte by byte.
  for (i1 += 4 * pairs; i1 < to1; i1++) {
    s1 = trans[(s1 << ROW_BITS) | (bytes[i1] & 0x7f)];
    if (s1 >= firstEnd) n1 = collect(a, s1, seen, cand1, n1);
  }
  for (i2 += 4 * pairs; i2 < to2; i2++) {
    s2 = trans[(s2 << ROW_BITS) | (bytes[i2] & 0x7f)];
    if (s2 >= firstEnd) n2 = collect(a, s2, seen2, cand2, n2);
  }
  counts[0] = n1;
  counts[1] = n2;
}

/**
 * The same candidates by substring search of the lower-cased text: no build cost, slower per line.
 * toLowerCase also folds a few non-ASCII letters into ASCII (the Kelvin sign → k), so this may pass a
 * candidate the automaton would not; its regex (non-unicode /i) then fails the same way.
 */
export function substringCandidates(anchors: readonly (readonly string[])[], text: string, cand: Int32Array): number {
  const lower = text.toLowerCase();
  let nc = 0;
  for (let i = 0; i < anchors.length; i++) if (anchors[i].some((a) => lower.includes(a))) cand[nc++] = i;
  return nc;
}
