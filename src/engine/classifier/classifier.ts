import type { Classification, Signature } from '../../catalog/types.js';
import { createAnswerBook } from './answer-book.js';
import { buildAutomaton, checkAllAnchors, compile, LANES, readAlso, readAnchors, scanCandidates, scanLines, substringCandidates, type Automaton } from './automaton.js';
import { createJudgeOrder, type JudgeOrder } from './judge-order.js';
import { rank, type Answer } from './rank.js';
import { ESCAPED_QUOTE_MARK, lineLooksPasted, onOneLine, pastedScanner, undoEscapedQuotes, undoPaste } from './paste.js';

export { unescapeJsonHtml } from './paste.js';

/** Longer messages are judged by their head and tail: wrapped errors carry the cause at the ends. */
export const MAX_JUDGED = 64 * 1024;
/** Characters a block scan of classifyLines reads at a time (its lines are then judged while in cache). */
const BLOCK = 32 * 1024;

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

/** One line's answer in block mode; `start` and `end` are the line's offsets in the block's text. */
export type LineEmit = (line: string, answer: Answer, start: number, end: number) => void;

export interface Classifier {
  /** Names the cause of one message, by the most specific signature that matches (or `unknown`). */
  classify(message: string): Classification;
  /**
   * What `classify` says of a message apart from the message and the matched text. Answers are
   * interned and frozen: equal answers are one object, so a stream can render each once.
   */
  answer(message: string): Answer;
  /**
   * Block mode for streams: splits on \n (a trailing \r dropped) and calls `emit` for each line with
   * the line's `answer`; `start` and `end` are the line's offsets in `text` (the \r excluded). `bytes`,
   * when given, holds the characters of `text` one byte each (ASCII text): blocks of lines are then
   * scanned four ranges at a time (a block with another byte is judged line by line, as without).
   */
  classifyLines(text: string, emit: LineEmit, bytes?: Uint8Array): void;
  /** The signatures the pre-filter lets through for a message. */
  prefilter(message: string): Signature[];
  /** Every signature whose pattern matches, without the pre-filter (the reference the pre-filter must equal). */
  matchAll(message: string): Signature[];
  readonly signatures: readonly Signature[];
}

function clip(message: string): string {
  const text = undoPaste(message);
  return text.length > MAX_JUDGED ? text.slice(0, MAX_JUDGED / 2) + '\n…\n' + text.slice(-MAX_JUDGED / 2) : text;
}

/**
 * A message classifier over a set of signatures (the catalog's, in production). All its state — the
 * compiled patterns, the automaton, scratch arrays, the warm-up count — belongs to the instance; the
 * methods are bound, so `const { classify } = createClassifier(SIGNATURES)` works.
 */
export function createClassifier(signatures: readonly Signature[], options: ClassifierOptions = {}): Classifier {
  checkAllAnchors(signatures);
  const mode = options.prefilter ?? 'adaptive';
  const warmUp = options.warmUp ?? 200;
  const sigs = compile(signatures);
  const anchors = readAnchors(signatures);
  const also = readAlso(signatures);
  // Room for every pre-filter output of a scan: the signatures, and their `also` literals before the gate drops them.
  const cand = new Int32Array(2 * signatures.length);
  // Block mode: the hits of a line, the ranges of a block scan.
  const hits = new Int32Array(signatures.length);
  const bounds = new Int32Array(LANES + 1);
  const book = createAnswerBook(sigs);
  // Built on first use: `explain MSG` ranks with rank(), and its start-up should not pay for it.
  let order: JudgeOrder | undefined;
  let automaton: Automaton | undefined;
  let calls = 0;

  const auto = () => (automaton ??= buildAutomaton(signatures));
  const useAutomaton = () => mode === 'automaton' || (mode === 'adaptive' && ++calls > warmUp);
  /** Fills `cand` for the whole text; returns how many. */
  const find = (text: string) => (useAutomaton() ? scanCandidates(auto(), text, 0, text.length, cand) : substringCandidates(anchors, also, text, cand));

  /**
   * The answer for `text` from its candidates list[0, nc): each candidate's pattern is tested at most
   * once, and not at all when its match could not change the answer (./judge-order.ts).
   */
  const judgeAsIs = (text: string, list: Int32Array, nc: number): Answer => book.answer(text, hits, (order ??= createJudgeOrder(sigs)).hits(text, list, nc, hits));
  /**
   * The answer, and when it names no cause, the answer for the text on one line (./paste.ts onOneLine) if that one
   * names a cause, or if nothing matched the text as it came: a console wraps a line where a sentence goes on.
   */
  const judge = (text: string, list: Int32Array, nc: number): Answer => {
    const a = judgeAsIs(text, list, nc);
    if (a.cause !== 'unknown') return a;
    const line = onOneLine(text);
    if (line === undefined) return a;
    const b = judgeAsIs(line, cand, find(line));
    return a.signature === undefined || b.cause !== 'unknown' ? b : a;
  };

  const answer = (message: string) => {
    const text = clip(message);
    return judge(text, cand, find(text));
  };

  const classify = (message: string) => {
    const text = clip(message);
    const c = rank(message, text, sigs, cand, find(text));
    if (c.cause !== 'unknown') return c;
    const line = onOneLine(text);
    if (line === undefined) return c;
    const d = rank(message, line, sigs, cand, find(line));
    return c.signature === undefined || d.cause !== 'unknown' ? d : c;
  };

  /** Offset where the line starting at `start` ends: its \n, or the end of the text. */
  const lineEnd = (text: string, start: number) => {
    const nl = text.indexOf('\n', start);
    return nl === -1 ? text.length : nl;
  };
  /** The line's end without a trailing \r. */
  const trimCr = (text: string, start: number, nl: number) => (nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);

  /** Each line of text[from, to) answered alone (strings with characters other than ASCII, or no automaton). */
  const eachLine = (text: string, from: number, to: number, emit: LineEmit) => {
    const a = mode === 'substring' ? undefined : auto();
    for (let start = from; start <= to; ) {
      const nl = lineEnd(text, start);
      const end = trimCr(text, start, nl);
      const line = text.slice(start, end);
      const plain = a && end - start <= MAX_JUDGED && !lineLooksPasted(line);
      emit(line, plain ? judge(line, cand, scanCandidates(a, text, start, end, cand)) : answer(line), start, end);
      start = nl + 1;
    }
  };
  /**
   * The lines of text[from, to) (`to` a \n or the end) from one block scan of their bytes: the block
   * split at line ends into LANES ranges of about equal length, then each line judged from its lane.
   */
  const scannedBlock = (text: string, bytes: Uint8Array, from: number, to: number, emit: LineEmit, nextPasted: (from: number) => number, nextQuote: (from: number) => number) => {
    const a = auto();
    bounds[0] = from;
    for (let j = 1; j < LANES; j++) {
      const nl = text.indexOf('\n', Math.max(bounds[j - 1], from + Math.floor(((to - from) * j) / LANES)));
      bounds[j] = nl === -1 || nl >= to ? to : nl + 1;
    }
    bounds[LANES] = to;
    if (!scanLines(a, bytes, bounds)) return eachLine(text, from, to, emit);
    let j = 0;
    let k = 0; // the line's number in lane j
    let pasted = nextPasted(from);
    let quote = nextQuote(from);
    for (let start = from; start <= to; ) {
      // The lane whose range holds the line. An empty line at `to` is the last lane's: its range closes
      // either that line after its last \n or, being [to, to), an empty one.
      while (j < LANES - 1 && start >= bounds[j + 1]) {
        j++;
        k = 0;
      }
      const nl = lineEnd(text, start);
      const end = trimCr(text, start, nl);
      const line = text.slice(start, end);
      if (pasted !== -1 && pasted < start) pasted = nextPasted(start);
      if (quote !== -1 && quote < start) quote = nextQuote(start);
      // A line holding what a paste adds, but for escaped quotes, is undone and judged alone. A line whose only
      // paste is escaped quotes is judged undone from its lane's candidates: the scan reads past backslashes
      // (./automaton.ts), so they are those of the undone line, and its second scan was a tenth of a stream's time.
      if (end - start > MAX_JUDGED || (pasted !== -1 && pasted < end)) emit(line, answer(line), start, end);
      else {
        const { cands, ends } = a.lanes[j];
        const lo = k === 0 ? 0 : ends[k - 1];
        const nc = ends[k] - lo;
        for (let q = 0; q < nc; q++) cand[q] = cands[lo + q];
        if (quote === -1 || quote >= end) emit(line, judge(line, cand, nc), start, end);
        // A \r inside the line is undoPaste's to make a line break of: that line is judged alone.
        else if (line.indexOf('\r') === -1) emit(line, judge(undoEscapedQuotes(line), cand, nc), start, end);
        else emit(line, answer(line), start, end);
      }
      k++;
      start = nl + 1;
    }
  };
  const classifyLines: Classifier['classifyLines'] = (text, emit, bytes) => {
    if (mode === 'substring' || !bytes || bytes.length !== text.length) return eachLine(text, 0, text.length, emit);
    // Blocks of about BLOCK characters, ending at a line's end: the lines are still in cache when judged.
    // Within a block, a line holding something a paste adds (./paste.ts) is undone and judged alone, the
    // others from the block's scan (./paste.ts pastedScanner: each marker found once and kept until passed).
    // A quote escaped inside a log line's quoted string is such a mark on about one line in ten of a kubelet's
    // log: judging whole blocks line by line for it cost a fifth of the throughput bench, and judging those
    // lines alone, with a second scan of each, a tenth; they are judged from the block's scan.
    const nextPasted = pastedScanner(text, { quotes: false });
    let quoteAt = -2;
    const nextQuote = (from: number) => (quoteAt !== -1 && quoteAt < from ? (quoteAt = text.indexOf(ESCAPED_QUOTE_MARK, from)) : quoteAt);
    for (let from = 0; from <= text.length; ) {
      const nl = text.indexOf('\n', Math.min(text.length, from + BLOCK));
      const to = nl === -1 ? text.length : nl;
      scannedBlock(text, bytes, from, to, emit, nextPasted, nextQuote);
      from = to + 1;
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

  return { classify, answer, classifyLines, prefilter, matchAll, signatures };
}
