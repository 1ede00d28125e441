import type { Classification, Signature } from '../../catalog/types.js';
import { buildAutomaton, checkAnchors, compile, scanCandidates, substringCandidates, type Automaton } from './automaton.js';
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
   * answer `classifyOne` gives, plus the full ranking when several signatures match.
   */
  classifyLines(text: string, emit: (line: string, one: Signature | null | undefined, full?: Classification) => void): void;
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

  const classifyLines: Classifier['classifyLines'] = (text, emit) => {
    // Scanning ranges of one flat string is cheaper than scanning each line as its own slice.
    const a = mode === 'substring' ? undefined : auto();
    for (let start = 0; start <= text.length; ) {
      let nl = text.indexOf('\n', start);
      if (nl === -1) nl = text.length;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      const line = text.slice(start, end);
      if (line.length > MAX_JUDGED || !a) emit(line, classifyOne(line));
      else {
        const nc = scanCandidates(a, text, start, end, cand);
        const hit = one(line, nc);
        // Several hits: rank them from the candidates already found, without a second scan.
        if (hit === undefined) emit(line, undefined, rank(line, line, sigs, cand, nc));
        else emit(line, hit);
      }
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
