import type { Classification, Signature } from '../../catalog/types.js';
import { buildAutomaton, checkAnchors, compile, scanCandidates, scanPair, substringCandidates, type Automaton } from './automaton.js';
import { rank } from './rank.js';

/** Longer messages are judged by their head and tail: wrapped errors carry the cause at the ends. */
export const MAX_JUDGED = 64 * 1024;

/**
 * How candidates are found before any regular expression runs:
 *  - `automaton`: one Aho-Corasick pass per message (the build costs tens of milliseconds);
 *  - `substring`: indexOf per anchor on the lower-cased text (no build, slower per line);
 *  - `adaptive` (default): substring for the first `warmUp` messages, then the automaton, so a one-shot
 *    `explain "<msg>"` never pays the build and a stream soon runs at full speed.
 * All three give the same answers; the choice is only about speed.
 */
export type Prefilter = 'automaton' | 'substring' | 'adaptive';

export interface ClassifierOptions {
  prefilter?: Prefilter;
  /** Messages judged by substring before `adaptive` builds the automaton. */
  warmUp?: number;
}

export type LineEmit = (line: string, one: Signature | null | undefined, full: Classification | undefined, start: number, end: number) => void;

export interface Classifier {
  /** Names the cause of one message, by the most specific signature that matches (or `unknown`). */
  classify(message: string): Classification;
  /**
   * The allocation-free path for streams: `null` when no signature matches, the signature when exactly
   * one does (then `classify` would answer its cause with only its static alternatives), `undefined`
   * when several match and the ranking of `classify` is needed.
   */
  classifyOne(message: string): Signature | null | undefined;
  /**
   * Block mode for streams: splits on \n (a trailing \r dropped) and calls `emit` for each line with the
   * answer `classifyOne` gives, plus the full ranking when several signatures match; `start` and `end`
   * are the line's offsets in `text` (the \r excluded). `bytes`, when given, holds the characters of
   * `text` one byte each (ASCII or Latin-1 text): lines are then scanned two at a time.
   */
  classifyLines(text: string, emit: LineEmit, bytes?: Uint8Array): void;
  /** The signatures the pre-filter lets through for a message. */
  prefilter(message: string): Signature[];
  /** Every signature whose pattern matches, without the pre-filter (the reference the pre-filter must equal). */
  matchAll(message: string): Signature[];
  readonly signatures: readonly Signature[];
}

function clip(message: string): string {
  return message.length > MAX_JUDGED ? message.slice(0, MAX_JUDGED / 2) + '\n…\n' + message.slice(-MAX_JUDGED / 2) : message;
}

/**
 * A message classifier over a set of signatures (the catalog's, in production). All its state — the
 * compiled patterns, the automaton, scratch arrays, the warm-up count — belongs to the instance; the
 * methods are bound, so `const { classify } = createClassifier(SIGNATURES)` works.
 */
export function createClassifier(signatures: readonly Signature[], options: ClassifierOptions = {}): Classifier {
  for (const s of signatures) checkAnchors(s);
  const mode = options.prefilter ?? 'adaptive';
  const warmUp = options.warmUp ?? 200;
  const sigs = compile(signatures);
  const anchors = signatures.map((s) => s.anchors);
  const cand = new Int32Array(signatures.length);
  // Block mode: the second line of a pair scan, the hits of a line, the pair's candidate counts.
  const cand2 = new Int32Array(signatures.length);
  const hits = new Int32Array(signatures.length);
  const counts = new Int32Array(2);
  let automaton: Automaton | undefined;
  let calls = 0;

  const auto = () => (automaton ??= buildAutomaton(signatures));
  const useAutomaton = () => mode === 'automaton' || (mode === 'adaptive' && ++calls > warmUp);
  /** Fills `cand` for the whole text; returns how many. */
  const find = (text: string) => (useAutomaton() ? scanCandidates(auto(), text, 0, text.length, cand) : substringCandidates(anchors, text, cand));

  const one = (text: string, nc: number): Signature | null | undefined => {
    let hit: Signature | null = null;
    for (let k = 0; k < nc; k++) {
      const c = sigs[cand[k]];
      if (!c.re.test(text)) continue;
      if (hit) return undefined;
      hit = c.sig;
    }
    return hit;
  };

  const classifyOne = (message: string) => {
    const text = clip(message);
    return one(text, find(text));
  };

  const classify = (message: string) => {
    const text = clip(message);
    return rank(message, text, sigs, cand, find(text));
  };

  /**
   * One line of a block from its candidates: every candidate's pattern is tested once, and when several
   * match, only those are ranked (the ranking runs each again for its match position).
   */
  const judgeLine = (line: string, start: number, end: number, list: Int32Array, nc: number, emit: LineEmit) => {
    let nh = 0;
    for (let k = 0; k < nc; k++) if (sigs[list[k]].re.test(line)) hits[nh++] = list[k];
    if (nh === 0) emit(line, null, undefined, start, end);
    else if (nh === 1) emit(line, sigs[hits[0]].sig, undefined, start, end);
    else emit(line, undefined, rank(line, line, sigs, hits, nh), start, end);
  };

  /** Offset where the line starting at `start` ends: its \n, or the end of the text. */
  const lineEnd = (text: string, start: number) => {
    const nl = text.indexOf('\n', start);
    return nl === -1 ? text.length : nl;
  };
  /** The line's end without a trailing \r. */
  const trimCr = (text: string, start: number, nl: number) => (nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);

  const classifyLines: Classifier['classifyLines'] = (text, emit, bytes) => {
    // Scanning ranges of one flat string is cheaper than scanning each line as its own slice.
    const a = mode === 'substring' ? undefined : auto();
    const pairs = a && bytes && bytes.length === text.length;
    for (let start = 0; start <= text.length; ) {
      const nl = lineEnd(text, start);
      const end = trimCr(text, start, nl);
      if (!a || end - start > MAX_JUDGED) {
        const line = text.slice(start, end);
        emit(line, classifyOne(line), undefined, start, end);
        start = nl + 1;
        continue;
      }
      const start2 = nl + 1;
      if (pairs && start2 <= text.length) {
        const nl2 = lineEnd(text, start2);
        const end2 = trimCr(text, start2, nl2);
        if (end2 - start2 <= MAX_JUDGED) {
          scanPair(a, bytes, start, end, cand, start2, end2, cand2, counts);
          judgeLine(text.slice(start, end), start, end, cand, counts[0], emit);
          judgeLine(text.slice(start2, end2), start2, end2, cand2, counts[1], emit);
          start = nl2 + 1;
          continue;
        }
      }
      judgeLine(text.slice(start, end), start, end, cand, scanCandidates(a, text, start, end, cand), emit);
      start = nl + 1;
    }
  };

  const prefilter = (message: string) => {
    const text = clip(message);
    const nc = find(text);
    return Array.from(cand.subarray(0, nc), (i) => signatures[i]);
  };

  const matchAll = (message: string) => {
    const text = clip(message);
    return sigs.filter((c) => c.re.test(text)).map((c) => c.sig);
  };

  return { classify, classifyOne, classifyLines, prefilter, matchAll, signatures };
}
