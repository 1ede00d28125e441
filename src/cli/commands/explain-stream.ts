import { getCause } from '../../catalog/index.js';
import type { Classification } from '../../catalog/types.js';
import { SIGNATURES } from '../../catalog/signatures.js';
import { isAscii } from 'node:buffer';
import { createClassifier, type Answer, type Classifier, type LineEmit } from '../../engine/classifier/index.js';
import { JsonlBlock } from './explain-jsonl.js';
import { MAX_ECHOED } from './explain-render.js';

/** A line longer than this (in bytes) keeps only its head and tail while it is being read. */
const MAX_LINE_BYTES = 4 * 1024 * 1024;
const KEEP_BYTES = 64 * 1024;
/** Output is gathered and written in blocks of about this many characters. */
const FLUSH_AT = 64 * 1024;

interface Sink {
  /** `done`, when the sink calls it, says the chunk was written: its memory may be used again. */
  write(s: string | Buffer, done?: (err?: Error | null) => void): boolean;
  once(event: 'drain', cb: () => void): unknown;
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

/** Everything of an answer's JSON line after the message (and its truncation fields). */
function answerTail(a: Answer): string {
  const cause = a.cause === 'unknown' ? undefined : getCause(a.cause);
  let s = `,"cause":${JSON.stringify(a.cause)},"confidence":${a.confidence},"tier":${JSON.stringify(cause?.tier ?? null)},"signature":${JSON.stringify(a.signature ?? null)},"alternatives":[`;
  for (let i = 0; i < a.alternatives.length; i++) s += (i ? ',"' : '"') + a.alternatives[i].cause + '"';
  return s + (a.check ? `],"check":${JSON.stringify(a.check)}}\n` : ']}\n');
}

/** Distinct answers whose encoded tails a stream keeps; past it the cache starts again. */
const MAX_TAILS = 4096;

/**
 * Encoded tails by answer, each after the quote that closes the echo (`"` + answerTail): the
 * classifier interns its answers, so a stream meets a few hundred distinct objects at most and
 * encodes each once. One per stream.
 */
function tailCache(): (a: Answer) => Buffer {
  const tails = new Map<Answer, Buffer>();
  return (a) => {
    let tail = tails.get(a);
    if (tail === undefined) {
      if (tails.size >= MAX_TAILS) tails.clear();
      tails.set(a, (tail = Buffer.from('"' + answerTail(a))));
    }
    return tail;
  };
}

const MESSAGE_OPEN = Buffer.from('{"message":"');

/**
 * One answer's JSON line into the block. `ascii` is the input block when it is ASCII (its offsets are
 * then the text's): the echo is escaped from its bytes [start, end) instead of from the line's string.
 */
function writeAnswer(out: JsonlBlock, line: string, quotedTail: Buffer, ascii: Uint8Array | undefined, start: number, end: number): void {
  if (ascii !== undefined && line.length <= MAX_ECHOED) out.quotedAscii(MESSAGE_OPEN, ascii, start, end, quotedTail);
  else {
    // jsonHead closes the echo itself (the truncation fields follow it).
    out.text(jsonHead(line));
    out.bytes(quotedTail.subarray(1));
  }
}

/** ASCII input is decoded in pieces of about this many bytes (whole lines), well below V8's large-object size. */
const ASCII_PIECE = 48 * 1024;

/** Bytes checked by one isAscii call while looking for the next line with other bytes. */
const ASCII_WINDOW = 4096;

/**
 * Offset of the first byte ≥ 0x80 in b[from, to), or -1: the vectorised isAscii over windows, a byte
 * loop only inside the window that has one — each byte is looked at about once however many such
 * lines a block holds.
 */
function nextNonAscii(b: Buffer, from: number, to: number): number {
  for (let w = from; w < to; w += ASCII_WINDOW) {
    const end = Math.min(to, w + ASCII_WINDOW);
    if (isAscii(b.subarray(w, end))) continue;
    for (let i = w; i < end; i++) if (b[i] >= 0x80) return i;
  }
  return -1;
}

function textLine(line: string, c: Classification): string {
  const msg = line.length > 120 ? line.slice(0, 117) + '...' : line;
  return `${c.cause.padEnd(32)} ${c.confidence.toFixed(2)}  ${msg.replace(/[\u0000-\u001f\u007f]/g, ' ')}\n`;
}

/**
 * Classifies one message per input line, streaming: reads byte chunks, splits on \n itself (a UTF-8
 * multi-byte sequence never contains the byte 0x0a, so decoding up to the last newline is safe),
 * writes answers in large blocks and honours back-pressure. Every input line gets one output line.
 * A chunk is read only until the next is asked for: the input may read the next into its memory.
 */
export async function explainStream(
  input: AsyncIterable<Buffer | string>,
  out: Sink,
  format: 'jsonl' | 'text',
  { classify, classifyLines }: Classifier = createClassifier(SIGNATURES),
): Promise<{ lines: number; counts: Map<string, number> }> {
  const counts = new Map<string, number>();
  let pending = '';
  const block = new JsonlBlock();
  let lines = 0;
  let rest: Buffer = Buffer.alloc(0);
  let restHead: Buffer | undefined; // head of an over-long line, kept while its middle is dropped

  const flush = async (force: boolean) => {
    let ok: boolean;
    if (format === 'jsonl') {
      if (!block.length || (!force && block.length < FLUSH_AT)) return;
      const chunk = block.take();
      ok = out.write(chunk, () => block.recycle(chunk));
    } else {
      if (!pending || (!force && pending.length < FLUSH_AT)) return;
      ok = out.write(pending);
      pending = '';
    }
    if (!ok) await new Promise<void>((r) => out.once('drain', r));
  };
  let ascii: Buffer | undefined;
  const tailOf = tailCache();
  const emit: LineEmit = (line, answer, start, end) => {
    writeAnswer(block, line, tailOf(answer), ascii, start, end);
    lines++;
  };
  /** JSON lines for the lines of `bytes`, which hold whole lines of ASCII (see `judge`). */
  const judgeAscii = (bytes: Buffer) => {
    // Decoded a piece of whole lines at a time: a string of a whole 1 MiB chunk is a large object, a
    // fresh mapping whose pages fault in on every chunk; pieces this small reuse the young generation.
    for (let from = 0; from <= bytes.length; ) {
      const nl = from + ASCII_PIECE >= bytes.length ? -1 : bytes.indexOf(10, from + ASCII_PIECE);
      const to = nl === -1 ? bytes.length : nl;
      // One byte per character: the piece's offsets are the text's.
      const piece = bytes.subarray(from, to);
      ascii = piece;
      classifyLines(piece.toString('latin1'), emit, piece);
      from = to + 1;
    }
    ascii = undefined;
  };
  /** Judges the lines of src[from, to) (decoded as UTF-8), or of `text` when there are no such bytes. */
  const judge = (src: Buffer | undefined, from: number, to: number, text?: string) => {
    if (text === undefined && format === 'jsonl') {
      // ASCII runs of lines take the byte path; a line with any other byte is decoded on its own.
      for (let p = from; ; ) {
        const bad = nextNonAscii(src!, p, to);
        if (bad === -1) return judgeAscii(src!.subarray(p, to));
        const lineStart = Math.max(p, src!.lastIndexOf(10, bad) + 1);
        if (lineStart > p) judgeAscii(src!.subarray(p, lineStart - 1));
        const nl = src!.indexOf(10, bad);
        const lineEnd = nl === -1 || nl >= to ? to : nl;
        classifyLines(src!.toString('utf8', lineStart, lineEnd), emit);
        if (lineEnd === to) return;
        p = lineEnd + 1;
      }
    }
    text ??= src!.toString('utf8', from, to);
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
    const nl = buf.lastIndexOf(10);
    if (nl === -1) {
      // Copied: the input may read its next chunk into the same memory.
      rest = rest.length ? Buffer.concat([rest, buf]) : Buffer.from(buf);
      if (rest.length > MAX_LINE_BYTES) {
        restHead ??= Buffer.from(rest.subarray(0, KEEP_BYTES));
        rest = Buffer.from(rest.subarray(rest.length - KEEP_BYTES));
      }
      continue;
    }
    let from = 0;
    if (rest.length || restHead) {
      // The line begun in earlier chunks ends here: joined and judged alone, so the chunk itself is
      // never copied (joining whole chunks copied every input byte once more).
      const first = buf.indexOf(10);
      const line = Buffer.concat([rest, buf.subarray(0, first)]);
      // An over-long line: its head and tail.
      if (restHead) judge(undefined, 0, 0, restHead.toString('utf8') + ' … ' + line.toString('utf8'));
      else judge(line, 0, line.length);
      restHead = undefined;
      from = first + 1;
    }
    if (from <= nl) judge(buf, from, nl);
    rest = Buffer.from(buf.subarray(nl + 1));
    await flush(false);
  }
  if (restHead) judge(undefined, 0, 0, restHead.toString('utf8') + ' … ' + rest.toString('utf8'));
  else if (rest.length) judge(rest, 0, rest.length);
  await flush(true);
  return { lines, counts };
}
