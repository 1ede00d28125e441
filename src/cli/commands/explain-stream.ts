import { getCause } from '../../catalog/index.js';
import type { Classification, Signature } from '../../catalog/types.js';
import { SIGNATURES } from '../../catalog/signatures.js';
import { createClassifier, type Classifier } from '../../engine/classifier/index.js';
import { MAX_ECHOED } from './explain-render.js';

/** A line longer than this (in bytes) keeps only its head and tail while it is being read. */
const MAX_LINE_BYTES = 4 * 1024 * 1024;
const KEEP_BYTES = 64 * 1024;
/** Output is gathered and written in blocks of about this many characters. */
const FLUSH_AT = 64 * 1024;

interface Sink {
  write(s: string): boolean;
  once(event: 'drain', cb: () => void): unknown;
}

/** Per-signature constant JSON tails, built once: most of each output line is the same few strings. */
const tails = new Map<string, string>();
function jsonTail(c: Classification): string {
  const key = c.signature ?? '';
  let t = tails.get(key);
  if (t === undefined) {
    const cause = c.cause === 'unknown' ? undefined : getCause(c.cause);
    t = `,"cause":${JSON.stringify(c.cause)},"confidence":${c.confidence},"tier":${JSON.stringify(cause?.tier ?? null)},"signature":${JSON.stringify(c.signature ?? null)}`;
    tails.set(key, t);
  }
  return t;
}

/** Characters other than the quote that JSON.stringify would escape (backslash, controls, surrogates). */
const NEEDS_STRINGIFY = /[\\\u0000-\u001f\ud800-\udfff]/;

/**
 * JSON string literal. Most log lines need at most their quotes escaped, and a regex test plus a
 * native replaceAll is cheaper than JSON.stringify; anything else goes through JSON.stringify.
 */
function jsonString(s: string): string {
  if (NEEDS_STRINGIFY.test(s)) return JSON.stringify(s);
  return s.includes('"') ? `"${s.replaceAll('"', '\\"')}"` : `"${s}"`;
}

function jsonHead(line: string): string {
  const long = line.length > MAX_ECHOED;
  const s = `{"message":${jsonString(long ? line.slice(0, MAX_ECHOED) + '…' : line)}`;
  return long ? s + `,"truncated":true,"length":${line.length}` : s;
}

/** The deciding checks are a few long constant strings (one per signature): escaped once each. */
const checkJson = new Map<string, string>();
function jsonCheck(check: string): string {
  let j = checkJson.get(check);
  if (j === undefined) checkJson.set(check, (j = `],"check":${JSON.stringify(check)}}\n`));
  return j;
}

function jsonLine(line: string, c: Classification): string {
  let s = jsonHead(line) + jsonTail(c);
  s += ',"alternatives":[';
  for (let i = 0; i < c.alternatives.length; i++) s += (i ? ',"' : '"') + c.alternatives[i].cause + '"';
  return s + (c.check ? jsonCheck(c.check) : ']}\n');
}

/** Whole tails for answers from a single matching signature (the common case), built once each. */
const singleTails = new Map<Signature, string>();
const UNKNOWN_TAIL = ',"cause":"unknown","confidence":0,"tier":null,"signature":null,"alternatives":[]}\n';

/** The JSON line for one input line: fast when no or one signature matches, else the full ranking. */
function jsonAnswer(classify: Classifier['classify'], line: string, one: Signature | null | undefined, full?: Classification): string {
  if (one === null) return jsonHead(line) + UNKNOWN_TAIL;
  if (one === undefined) return jsonLine(line, full ?? classify(line));
  let tail = singleTails.get(one);
  if (tail === undefined) {
    // Same text as jsonLine would write for classify(line): built from it once, then reused.
    const full = jsonLine('', classify(line));
    tail = full.slice(full.indexOf(',"cause"'));
    singleTails.set(one, tail);
  }
  return jsonHead(line) + tail;
}

function textLine(line: string, c: Classification): string {
  const msg = line.length > 120 ? line.slice(0, 117) + '...' : line;
  return `${c.cause.padEnd(32)} ${c.confidence.toFixed(2)}  ${msg.replace(/[\u0000-\u001f\u007f]/g, ' ')}\n`;
}

/**
 * Classifies one message per input line, streaming: reads byte chunks, splits on \n itself (a UTF-8
 * multi-byte sequence never contains the byte 0x0a, so decoding up to the last newline is safe),
 * writes answers in large blocks and honours back-pressure. Every input line gets one output line.
 */
export async function explainStream(
  input: AsyncIterable<Buffer | string>,
  out: Sink,
  format: 'jsonl' | 'text',
  { classify, classifyLines }: Classifier = createClassifier(SIGNATURES),
): Promise<{ lines: number; counts: Map<string, number> }> {
  const counts = new Map<string, number>();
  let pending = '';
  let lines = 0;
  let rest: Buffer = Buffer.alloc(0);
  let restHead: Buffer | undefined; // head of an over-long line, kept while its middle is dropped

  const flush = async (force: boolean) => {
    if (!pending || (!force && pending.length < FLUSH_AT)) return;
    const ok = out.write(pending);
    pending = '';
    if (!ok) await new Promise<void>((r) => out.once('drain', r));
  };
  const emit = (line: string, one: Signature | null | undefined, full?: Classification) => {
    pending += jsonAnswer(classify, line, one, full);
    lines++;
  };
  const judge = (text: string) => {
    if (format === 'jsonl') return classifyLines(text, emit);
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl;
      let line = text.slice(start, end);
      if (line.length && line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
      const c = classify(line);
      counts.set(c.cause, (counts.get(c.cause) ?? 0) + 1);
      pending += textLine(line, c);
      lines++;
      if (nl === -1) return;
      start = nl + 1;
    }
  };

  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const data = rest.length ? Buffer.concat([rest, buf]) : buf;
    const nl = data.lastIndexOf(10);
    if (nl === -1) {
      rest = data;
      if (rest.length > MAX_LINE_BYTES) {
        restHead ??= Buffer.from(rest.subarray(0, KEEP_BYTES));
        rest = Buffer.from(rest.subarray(rest.length - KEEP_BYTES));
      }
      continue;
    }
    if (restHead) {
      // The over-long line ends in this chunk: judge its head and tail, then go on normally.
      const first = data.indexOf(10);
      judge(restHead.toString('utf8') + ' … ' + data.toString('utf8', 0, first));
      restHead = undefined;
      if (first < nl) judge(data.toString('utf8', first + 1, nl));
    } else judge(data.toString('utf8', 0, nl));
    rest = Buffer.from(data.subarray(nl + 1));
    await flush(false);
  }
  if (restHead) judge(restHead.toString('utf8') + ' … ' + rest.toString('utf8'));
  else if (rest.length) judge(rest.toString('utf8'));
  await flush(true);
  return { lines, counts };
}
