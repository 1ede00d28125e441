import type { Signature } from '../../catalog/types.js';

/** A signature with its pattern compiled once (flag `i`, like every catalog pattern). */
export interface Compiled {
  readonly sig: Signature;
  readonly re: RegExp;
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
  /**
   * The state after a \n: the root's transitions and no anchor (anchors hold no \n), numbered last, so
   * a scan meets the end of a line on the path where it meets the end of an anchor.
   */
  newline: number;
  /** Signature indices whose anchor ends at a state: outSigs[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  outSigs: Int32Array;
  /** Signatures in the catalog: an output index from it on is signature `index - signatures`'s `also` literal. */
  signatures: number;
  /** 1 where a signature has `also` literals: a candidate only where one of them was seen as well. */
  gated: Uint8Array;
  /** Whether any signature is gated (else candidates need no second look). */
  anyGated: boolean;
  /** Scratch: per-output stamp of the last scan that saw it (signatures, then their `also` literals). */
  seen: Uint32Array;
  stamp: number;
  /** Scratch of the block scan (scanLines): one per range it scans side by side. */
  lanes: Lane[];
  /** Scratch: the last bytes a block scan read, as aligned words — words[(i + wordShift) >> 2] holds bytes[i]. */
  wordsOf: Uint8Array | undefined;
  words: Uint32Array;
  wordShift: number;
}

/**
 * What one lane of a block scan found: the candidates of the k-th line of its range are
 * cands[ends[k - 1] .. ends[k]) (from 0 for the first), each once, in the order a scan of that line
 * alone finds them. `lines` entries of `ends` are filled: one per \n of the range, and one for what
 * follows its last \n (empty when the range ends with one).
 */
export interface Lane {
  cands: Int32Array;
  ends: Int32Array;
  n: number;
  lines: number;
  /** seen[i] === stamp: signature i is already among the candidates of the line being scanned. */
  seen: Uint32Array;
  stamp: number;
}

/** Ranges a block scan reads side by side: four independent chains of table loads that the CPU overlaps. */
export const LANES = 4;

/** Characters per row of the transition table: ASCII. */
const ROW_BITS = 7;
const ROW = 1 << ROW_BITS;
const NEWLINE = 10;
const BACKSLASH = 92;

/** A word read through a Uint32Array holds its first byte in its low bits (the pair scan's word loop needs that). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

export function compile(signatures: readonly Signature[]): Compiled[] {
  return signatures.map((sig) => new LazyCompiled(sig));
}

/**
 * The expression is made when first asked for: V8 parses a pattern when the RegExp is created, and a
 * one-shot `explain` tests the few candidates its anchors let through, not the catalog's 1,200 patterns
 * (parsing them all was a third of its start-up).
 */
class LazyCompiled implements Compiled {
  private made: RegExp | undefined;
  constructor(readonly sig: Signature) {}
  get re(): RegExp {
    return (this.made ??= new RegExp(this.sig.pattern, 'i'));
  }
}

/**
 * Anchors are matched on ASCII case-folded text, so they must be lower-case printable ASCII. An anchor with
 * an escaped quote (`\\"`) could never pass anything: a message is read as undoPaste leaves it, without them.
 */
export function checkAnchors(sig: Signature): void {
  if (!sig.anchors.length) throw new Error(`signature ${sig.id}: needs at least one anchor`);
  if (sig.also && !sig.also.length) throw new Error(`signature ${sig.id}: \`also\` needs at least one literal`);
  for (const a of [...sig.anchors, ...(sig.also ?? [])]) {
    if (a.includes('\\"')) throw new Error(`signature ${sig.id}: anchor "${a}" holds an escaped quote, which undoPaste removes from every message`);
    if (!a.replaceAll('\\', '')) throw new Error(`signature ${sig.id}: anchor "${a}" is only backslashes`);
    for (let i = 0; i < a.length; i++) {
      const c = a.charCodeAt(i);
      if (c >= 128 || (c >= 65 && c <= 90) || c < 32) throw new Error(`signature ${sig.id}: anchor "${a}" must be lower-case printable ASCII`);
    }
  }
}

/** checkAnchors for every signature, with one pass of a regular expression over them all while they are right. */
export function checkAllAnchors(signatures: readonly Signature[]): void {
  // Joined by a space, itself allowed: any character the test finds is inside an anchor.
  const all: string[] = [];
  for (const s of signatures) {
    if (!s.anchors.length || (s.also && !s.also.length)) checkAnchors(s);
    all.push(s.anchors.join(' '));
    if (s.also) all.push(s.also.join(' '));
  }
  if (/[^\x20-\x40\x5b-\x7f]|\\"/.test(all.join(' '))) for (const s of signatures) checkAnchors(s);
}

export function buildAutomaton(signatures: readonly Signature[]): Automaton {
  checkAllAnchors(signatures);
  // The trie of anchors: each state's edge character and its children as a list, found by walking it
  // (a dense state × character table of the trie was 3.5 MB to allocate and fill with -1 on every
  // start, fresh memory whose page faults cost more than the walks).
  // Read without their backslashes, as the scan reads the text (BACKSLASH below). A signature's `also` literals
  // are outputs too, numbered after the signatures: n + its index.
  const nsig = signatures.length;
  const literals = [...readAnchors(signatures), ...readAlso(signatures).map((x) => x ?? [])];
  let bound = 1; // at most one state per anchor character, and the root
  for (const as of literals) for (const a of as) bound += a.length;
  const charOf = new Int32Array(bound);
  const firstChild = new Int32Array(bound).fill(-1);
  const nextSibling = new Int32Array(bound).fill(-1);
  // The root, with a child for most characters anchors start with, has its children in a table.
  const rootChild = new Int32Array(ROW).fill(-1);
  /** The child of state s on character c, or -1. */
  const child = (s: number, c: number) => {
    if (s === 0) return rootChild[c];
    let t = firstChild[s];
    while (t !== -1 && charOf[t] !== c) t = nextSibling[t];
    return t;
  };
  // The signatures whose anchors end at each state; none (most states) is undefined.
  const outs: (Set<number> | undefined)[] = [undefined];
  literals.forEach((as, idx) => {
    for (const a of as) {
      let s = 0;
      for (let i = 0; i < a.length; i++) {
        const c = a.charCodeAt(i);
        let t = child(s, c);
        if (t === -1) {
          t = outs.length;
          charOf[t] = c;
          nextSibling[t] = firstChild[s];
          firstChild[s] = t;
          if (s === 0) rootChild[c] = t;
          outs.push(undefined);
        }
        s = t;
      }
      (outs[s] ??= new Set()).add(idx);
    }
  });
  // Breadth-first: failure links (the longest proper suffix that is a trie state), outputs merged along them.
  const n = outs.length;
  const fail = new Int32Array(n);
  const queue = new Int32Array(n);
  let queued = 0;
  for (let t = firstChild[0]; t !== -1; t = nextSibling[t]) queue[queued++] = t;
  for (let qi = 0; qi < queued; qi++) {
    const s = queue[qi];
    const inherited = outs[fail[s]];
    if (inherited !== undefined) {
      const own = (outs[s] ??= new Set());
      for (const o of inherited) own.add(o);
    }
    for (let t = firstChild[s]; t !== -1; t = nextSibling[t]) {
      const c = charOf[t];
      let f = fail[s];
      while (f !== 0 && child(f, c) === -1) f = fail[f];
      fail[t] = Math.max(0, child(f, c));
      queue[queued++] = t;
    }
  }
  // Numbered: states where no anchor ends first, so the scan tells an end by one comparison; then
  // the newline state, a copy of the root that no \n leaves.
  const order = [...outs.keys()].filter((t) => outs[t] === undefined);
  const firstEnd = order.length;
  order.push(...[...outs.keys()].filter((t) => outs[t] !== undefined));
  const id = new Int32Array(n);
  order.forEach((t, i) => (id[t] = i));
  const newline = n;
  const states = n + 1;
  // The full transition table, row by row in breadth-first order: a state's row is its failure
  // state's row (complete, being shallower) with its own edges written over it — one native copy per
  // state instead of a loop over every character.
  const out = states <= 0x10000 ? new Uint16Array(states * ROW) : new Int32Array(states * ROW);
  const root = id[0] * ROW;
  out.fill(id[0], root, root + ROW);
  out[root + NEWLINE] = newline;
  const writeEdges = (s: number) => {
    const row = id[s] * ROW;
    for (let t = firstChild[s]; t !== -1; t = nextSibling[t]) {
      const c = charOf[t];
      out[row + c] = id[t];
      // Upper case reads as lower case.
      if (c >= 97 && c <= 122) out[row + c - 32] = id[t];
    }
  };
  writeEdges(0);
  for (let qi = 0; qi < queued; qi++) {
    const s = queue[qi];
    const from = id[fail[s]] * ROW;
    out.copyWithin(id[s] * ROW, from, from + ROW);
    writeEdges(s);
  }
  out.copyWithin(newline * ROW, root, root + ROW);
  // A backslash leaves every state where it is (the newline state: for the root, where a line goes on), so a
  // scan reads the text as if it had none, and the anchors are read so too. An anchor in the text is then
  // still found, and so is one in the text as undoPaste leaves it, which only drops backslashes before a
  // quote: block mode judges a line whose only paste is such a quote from its raw bytes' scan.
  for (let st = 0; st < states; st++) out[st * ROW + BACKSLASH] = st === newline ? id[0] : st;
  const outStart = new Int32Array(states + 1);
  const flat: number[] = [];
  order.forEach((t, i) => {
    outStart[i] = flat.length;
    const own = outs[t];
    if (own !== undefined) flat.push(...[...own].sort((a, b) => a - b));
  });
  outStart[n] = outStart[states] = flat.length;
  const outputs = literals.length;
  const lane = (): Lane => ({ cands: new Int32Array(4 * outputs), ends: new Int32Array(256), n: 0, lines: 0, seen: new Uint32Array(outputs), stamp: 0 });
  const lanes = Array.from({ length: LANES }, lane);
  const gated = Uint8Array.from(signatures, (s) => (s.also ? 1 : 0));
  const scratch = { seen: new Uint32Array(outputs), stamp: 0, lanes, wordsOf: undefined, words: new Uint32Array(0), wordShift: 0 };
  return { trans: out, firstEnd, newline, outStart, outSigs: Int32Array.from(flat), signatures: nsig, gated, anyGated: gated.includes(1), ...scratch };
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
  return a.anyGated ? passGate(a, cand, 0, nc, seen, a.stamp) : nc;
}

/**
 * Keeps of list[from, to) the signatures whose `also` literal was seen too (seen[signatures + i] === stamp) or that
 * ask for none, in order, and drops the `also` outputs themselves; returns the new end.
 */
function passGate(a: Automaton, list: Int32Array, from: number, to: number, seen: Uint32Array, stamp: number): number {
  const { signatures, gated } = a;
  let w = from;
  for (let r = from; r < to; r++) {
    const x = list[r];
    if (x >= signatures || (gated[x] === 1 && seen[signatures + x] !== stamp)) continue;
    list[w++] = x;
  }
  return w;
}

function nextStamp(a: Automaton): void {
  if (++a.stamp === 0xffffffff) {
    a.seen.fill(0);
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
 * Candidates of every line of the ASCII bytes[bounds[0], bounds[LANES]) into the automaton's lanes:
 * lane j reads bytes[bounds[j], bounds[j + 1]), a range that starts a line and, except the last, ends
 * just after a \n. A scan is a chain of dependent table loads; the four chains of one loop overlap in
 * the CPU, and since each runs through its lines without stopping (a \n leads to the newline state,
 * where the lane closes the line), they stay side by side for nearly the whole block — a scan of two
 * lines at a time ran alone for the rest of the longer line. The middle of each range is read a 32-bit
 * word at a time, its bytes taken by shifts, in order. A byte is read as its low seven bits, so the
 * lanes are only right for ASCII (0x8a would read as a \n): returns false, the lanes to be ignored,
 * when some byte is not ASCII (the bytes seen are OR-ed together on the way, cheaper than a check first).
 */
export function scanLines(a: Automaton, bytes: Uint8Array, bounds: Int32Array): boolean {
  if (bytes !== a.wordsOf) {
    a.wordShift = bytes.byteOffset & 3;
    a.words = new Uint32Array(bytes.buffer, bytes.byteOffset - a.wordShift, (a.wordShift + bytes.length) >> 2);
    a.wordsOf = bytes;
  }
  const { trans, firstEnd, words, wordShift, lanes } = a;
  const [l1, l2, l3, l4] = lanes;
  // Where each lane stands (allocated per call: a call scans a block of many lines).
  const pos = new Int32Array(LANES);
  const state = new Int32Array(LANES);
  let q = Infinity;
  let seenBits = 0;
  // Each range's bytes up to its first word boundary.
  for (let j = 0; j < LANES; j++) {
    const lane = lanes[j];
    startLane(lane, a.seen.length);
    const from = bounds[j];
    const head = Math.min(bounds[j + 1], from + ((4 - ((from + wordShift) & 3)) & 3));
    state[j] = scanBytes(a, lane, bytes, 0, from, head);
    for (let i = from; i < head; i++) seenBits |= bytes[i];
    pos[j] = head;
    q = Math.min(q, (bounds[j + 1] - head) >> 2);
  }
  // Whole words of the four ranges side by side, as many as the shortest has (on a big-endian machine
  // none: the byte loops below do all).
  if (!LITTLE_ENDIAN) q = 0;
  let s1 = state[0];
  let s2 = state[1];
  let s3 = state[2];
  let s4 = state[3];
  const w1 = (pos[0] + wordShift) >> 2;
  const w2 = (pos[1] + wordShift) >> 2;
  const w3 = (pos[2] + wordShift) >> 2;
  const w4 = (pos[3] + wordShift) >> 2;
  for (let k = 0; k < q; k++) {
    const x1 = words[w1 + k];
    const x2 = words[w2 + k];
    const x3 = words[w3 + k];
    const x4 = words[w4 + k];
    seenBits |= x1 | x2 | x3 | x4;
    // The four bytes, written out: a loop over shifts cost what the word loads saved.
    s1 = trans[(s1 << ROW_BITS) | (x1 & 0x7f)];
    s2 = trans[(s2 << ROW_BITS) | (x2 & 0x7f)];
    s3 = trans[(s3 << ROW_BITS) | (x3 & 0x7f)];
    s4 = trans[(s4 << ROW_BITS) | (x4 & 0x7f)];
    if (s1 >= firstEnd) laneHit(a, l1, s1);
    if (s2 >= firstEnd) laneHit(a, l2, s2);
    if (s3 >= firstEnd) laneHit(a, l3, s3);
    if (s4 >= firstEnd) laneHit(a, l4, s4);
    s1 = trans[(s1 << ROW_BITS) | ((x1 >>> 8) & 0x7f)];
    s2 = trans[(s2 << ROW_BITS) | ((x2 >>> 8) & 0x7f)];
    s3 = trans[(s3 << ROW_BITS) | ((x3 >>> 8) & 0x7f)];
    s4 = trans[(s4 << ROW_BITS) | ((x4 >>> 8) & 0x7f)];
    if (s1 >= firstEnd) laneHit(a, l1, s1);
    if (s2 >= firstEnd) laneHit(a, l2, s2);
    if (s3 >= firstEnd) laneHit(a, l3, s3);
    if (s4 >= firstEnd) laneHit(a, l4, s4);
    s1 = trans[(s1 << ROW_BITS) | ((x1 >>> 16) & 0x7f)];
    s2 = trans[(s2 << ROW_BITS) | ((x2 >>> 16) & 0x7f)];
    s3 = trans[(s3 << ROW_BITS) | ((x3 >>> 16) & 0x7f)];
    s4 = trans[(s4 << ROW_BITS) | ((x4 >>> 16) & 0x7f)];
    if (s1 >= firstEnd) laneHit(a, l1, s1);
    if (s2 >= firstEnd) laneHit(a, l2, s2);
    if (s3 >= firstEnd) laneHit(a, l3, s3);
    if (s4 >= firstEnd) laneHit(a, l4, s4);
    s1 = trans[(s1 << ROW_BITS) | ((x1 >>> 24) & 0x7f)];
    s2 = trans[(s2 << ROW_BITS) | ((x2 >>> 24) & 0x7f)];
    s3 = trans[(s3 << ROW_BITS) | ((x3 >>> 24) & 0x7f)];
    s4 = trans[(s4 << ROW_BITS) | ((x4 >>> 24) & 0x7f)];
    if (s1 >= firstEnd) laneHit(a, l1, s1);
    if (s2 >= firstEnd) laneHit(a, l2, s2);
    if (s3 >= firstEnd) laneHit(a, l3, s3);
    if (s4 >= firstEnd) laneHit(a, l4, s4);
  }
  state[0] = s1;
  state[1] = s2;
  state[2] = s3;
  state[3] = s4;
  // The rest of each range, byte by byte; then the line after its last \n is closed.
  for (let j = 0; j < LANES; j++) {
    scanBytes(a, lanes[j], bytes, state[j], pos[j] + 4 * q, bounds[j + 1]);
    for (let i = pos[j] + 4 * q; i < bounds[j + 1]; i++) seenBits |= bytes[i];
    closeLine(a, lanes[j]);
  }
  return (seenBits & 0x80808080) === 0;
}

/** One lane's scan of bytes[from, to) from state s, a byte at a time; returns the state it ends in. */
function scanBytes(a: Automaton, lane: Lane, bytes: Uint8Array, s: number, from: number, to: number): number {
  const { trans, firstEnd } = a;
  for (let i = from; i < to; i++) {
    s = trans[(s << ROW_BITS) | (bytes[i] & 0x7f)];
    if (s >= firstEnd) laneHit(a, lane, s);
  }
  return s;
}

function startLane(lane: Lane, signatures: number): void {
  lane.n = 0;
  lane.lines = 0;
  nextLine(lane, signatures);
}

/** An anchor's end, or a \n, at state s of a lane's scan. */
function laneHit(a: Automaton, lane: Lane, s: number): void {
  if (s === a.newline) return closeLine(a, lane);
  const end = a.outStart[s + 1];
  const { seen, stamp, cands } = lane;
  let n = lane.n;
  for (let k = a.outStart[s]; k < end; k++) {
    const idx = a.outSigs[k];
    if (seen[idx] !== stamp) {
      seen[idx] = stamp;
      cands[n++] = idx;
    }
  }
  lane.n = n;
}

function closeLine(a: Automaton, lane: Lane): void {
  if (a.anyGated) lane.n = passGate(a, lane.cands, lane.lines === 0 ? 0 : lane.ends[lane.lines - 1], lane.n, lane.seen, lane.stamp);
  if (lane.lines === lane.ends.length) lane.ends = grown(lane.ends, lane.lines + 1);
  lane.ends[lane.lines++] = lane.n;
  nextLine(lane, a.seen.length);
}

/** A new line: a new stamp, and room for each output once. */
function nextLine(lane: Lane, signatures: number): void {
  if (++lane.stamp === 0xffffffff) {
    lane.seen.fill(0);
    lane.stamp = 1;
  }
  if (lane.n + signatures > lane.cands.length) lane.cands = grown(lane.cands, lane.n + signatures);
}

function grown(xs: Int32Array, atLeast: number): Int32Array {
  const next = new Int32Array(Math.max(atLeast, 2 * xs.length));
  next.set(xs);
  return next;
}

/** Literals as both pre-filters read them: without backslashes. */
const read = (literals: readonly string[]) => (literals.some((a) => a.includes('\\')) ? literals.map((a) => a.replaceAll('\\', '')) : [...literals]);

/** Each signature's anchors as both pre-filters read them. */
export function readAnchors(signatures: readonly Signature[]): string[][] {
  return signatures.map((s) => read(s.anchors));
}

/** Each signature's `also` literals as both pre-filters read them (undefined: none asked for). */
export function readAlso(signatures: readonly Signature[]): (string[] | undefined)[] {
  return signatures.map((s) => (s.also ? read(s.also) : undefined));
}

/**
 * The same candidates by substring search of the lower-cased text: no build cost, slower per line.
 * toLowerCase also folds a few non-ASCII letters into ASCII (the Kelvin sign → k), so this may pass a
 * candidate the automaton would not; its regex (non-unicode /i) then fails the same way.
 */
export function substringCandidates(anchors: readonly (readonly string[])[], also: readonly (readonly string[] | undefined)[], text: string, cand: Int32Array): number {
  const folded = text.toLowerCase();
  // Read as the automaton reads them: without backslashes (`anchors` and `also` come from readAnchors, readAlso).
  const lower = folded.indexOf('\\') === -1 ? folded : folded.replaceAll('\\', '');
  let nc = 0;
  for (let i = 0; i < anchors.length; i++) if (anchors[i].some((a) => lower.includes(a)) && (also[i] === undefined || also[i]!.some((a) => lower.includes(a)))) cand[nc++] = i;
  return nc;
}
