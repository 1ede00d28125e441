/**
 * The bytes of `explain --stdin -o jsonl`, written straight into output blocks: an ASCII input line is
 * escaped from its input bytes into the block, four bytes at a time, and the constant tail of each
 * answer is encoded once. Building the output as JavaScript strings and encoding them to UTF-8 at the
 * end cost more CPU than classifying the lines; escaping whole blocks as strings (replaceAll, a
 * control-character regex, a slice per line) still cost a fifth of the run, and a byte loop over the
 * echo twice what the word loop costs.
 */

/** Blocks start at this size and keep the size one input chunk made them grow to. */
const BLOCK = 128 * 1024;
/** Blocks kept for reuse: a write or two in flight while the next block fills. */
const MAX_SPARE = 4;
/** Up to this many bytes, `bytes` copies in a loop rather than calling set(). */
const SHORT = 16;

/**
 * JSON.stringify's escape of each byte value as a one-byte character (\" \\ \b \f \n \r \t, the other C0
 * controls as \u00xx), or undefined where it writes the character itself. Derived from JSON.stringify so
 * the echo stays byte-identical to it.
 */
const ESCAPES: readonly (Uint8Array | undefined)[] = Array.from({ length: 128 }, (_, c) => {
  const e = JSON.stringify(String.fromCharCode(c)).slice(1, -1);
  return e.length > 1 ? Buffer.from(e, 'latin1') : undefined;
});
/** 1 where ESCAPES has an escape: the hot loop reads one byte table instead of an array of objects. */
const ESCAPED = Uint8Array.from(ESCAPES, (e) => (e ? 1 : 0));
/** The longest escape (\u00xx) per input byte: the room a line's echo may need. */
const MAX_ESCAPE = 6;

/** The word loop reads bytes out of little-endian words; elsewhere the byte loop does all. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Nonzero when one of the four ASCII bytes of a word needs an escape: a byte below 0x20, a quote
 * (0x22) or a backslash (0x5c). The usual "has a byte less than n" and "has a zero byte" bit tricks,
 * without their `& ~x`: every byte is below 0x80, so a byte's top bit is set after the subtraction
 * exactly when that byte or one below it borrowed. Exact about whether there is one (never a miss),
 * not about which byte it is.
 */
function wordNeedsEscape(x: number): number {
  return ((x - 0x20202020) | ((x ^ 0x22222222) - 0x01010101) | ((x ^ 0x5c5c5c5c) - 0x01010101)) & 0x80808080;
}

/**
 * Writes byte c (ASCII) into buf at p as JSON.stringify would inside a string; returns the new end.
 * The quote and the backslash, most of what a log line needs escaped, take no table of escapes.
 */
function putEscaped(buf: Uint8Array, p: number, c: number): number {
  if (ESCAPED[c] !== 1) {
    buf[p] = c;
    return p + 1;
  }
  if (c === 0x22 || c === 0x5c) {
    buf[p] = 0x5c;
    buf[p + 1] = c;
    return p + 2;
  }
  const e = ESCAPES[c]!;
  for (let k = 0; k < e.length; k++) buf[p++] = e[k];
  return p;
}

/**
 * The four bytes of a little-endian word, low first, each escaped: reading them from the source again
 * cost a fifth of the echo.
 */
function putWord(buf: Uint8Array, p: number, x: number): number {
  p = putEscaped(buf, p, x & 0xff);
  p = putEscaped(buf, p, (x >>> 8) & 0xff);
  p = putEscaped(buf, p, (x >>> 16) & 0xff);
  return putEscaped(buf, p, x >>> 24);
}

export class JsonlBlock {
  private buf: Buffer = Buffer.allocUnsafe(BLOCK);
  private view: DataView = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.length);
  private pos = 0;
  /** The source of the last escapedAscii as aligned words: words[(i + wordShift) >> 2] holds src[i]. */
  private wordsOf: Uint8Array | undefined;
  private words: Uint32Array = new Uint32Array(0);
  private wordShift = 0;

  get length(): number {
    return this.pos;
  }

  /** Whole blocks by the bytes `take` handed over from them, until given back (see `recycle`). */
  private lent = new Map<Buffer, Buffer>();
  private spare: Buffer[] = [];

  /**
   * Hands the written bytes over (the sink may keep them until `recycle`) and starts a new block as
   * large as this one grew: a 1 MiB input chunk writes about 2 MiB of answers, and growing a block is a
   * copy. A block given back is used again: a new one is fresh memory, every page of it a page fault.
   */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    if (this.lent.size < MAX_SPARE) this.lent.set(out, this.buf);
    const size = Math.max(BLOCK, this.buf.length);
    let next = this.spare.pop();
    while (next !== undefined && next.length < size) next = this.spare.pop();
    this.use(next ?? Buffer.allocUnsafe(size));
    this.pos = 0;
    return out;
  }

  /** Gives back a block `take` handed over, once nothing reads it any more (its write has completed). */
  recycle(written: Buffer): void {
    const whole = this.lent.get(written);
    if (whole === undefined) return;
    this.lent.delete(written);
    if (this.spare.length < MAX_SPARE) this.spare.push(whole);
  }

  private use(buf: Buffer): void {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.length);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(BLOCK, 2 * (this.pos + n)));
    this.buf.copy(next, 0, 0, this.pos);
    this.use(next);
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    // A few bytes (the quotes around an echo) are cheaper stored one by one than through set().
    if (b.length <= SHORT) for (let k = 0; k < b.length; k++) this.buf[this.pos + k] = b[k];
    else this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Any string, as UTF-8. */
  text(s: string): void {
    this.room(3 * s.length);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /**
   * The ASCII bytes src[from, to) as the body of a JSON string literal, escaped as JSON.stringify
   * escapes them, and no string made.
   */
  escapedAscii(src: Uint8Array, from: number, to: number): void {
    this.room(MAX_ESCAPE * (to - from));
    this.pos = this.escape(this.pos, src, from, to);
  }

  /**
   * `open`, the escaped ASCII bytes src[from, to) (as escapedAscii) and `close`: one JSON line of
   * `explain` in one call (one check for room, where three calls made three).
   */
  quotedAscii(open: Uint8Array, src: Uint8Array, from: number, to: number, close: Uint8Array): void {
    this.room(open.length + MAX_ESCAPE * (to - from) + close.length);
    const buf = this.buf;
    let p = this.pos;
    for (let k = 0; k < open.length; k++) buf[p++] = open[k];
    p = this.escape(p, src, from, to);
    if (close.length <= SHORT) for (let k = 0; k < close.length; k++) buf[p++] = close[k];
    else {
      buf.set(close, p);
      p += close.length;
    }
    this.pos = p;
  }

  /**
   * Writes the escape of src[from, to) at p (room made by the caller); returns the new end. Whole
   * aligned words of src that need no escape (most of them) are copied as words; the others, and the
   * ends, byte by byte.
   */
  private escape(p: number, src: Uint8Array, from: number, to: number): number {
    if (src !== this.wordsOf) {
      this.wordShift = src.byteOffset & 3;
      this.words = new Uint32Array(src.buffer, src.byteOffset - this.wordShift, (this.wordShift + src.length) >> 2);
      this.wordsOf = src;
    }
    const { buf, view, words, wordShift } = this;
    let i = from;
    for (const aligned = Math.min(to, from + ((4 - ((from + wordShift) & 3)) & 3)); i < aligned; i++) p = putEscaped(buf, p, src[i]);
    if (LITTLE_ENDIAN) {
      // Two words a step: one test for both when neither needs an escape (most pairs).
      for (; i + 8 <= to; i += 8) {
        const w = (i + wordShift) >> 2;
        const x = words[w];
        const y = words[w + 1];
        if ((wordNeedsEscape(x) | wordNeedsEscape(y)) === 0) {
          view.setUint32(p, x, true);
          view.setUint32(p + 4, y, true);
          p += 8;
          continue;
        }
        if (wordNeedsEscape(x) === 0) {
          view.setUint32(p, x, true);
          p += 4;
        } else p = putWord(buf, p, x);
        if (wordNeedsEscape(y) === 0) {
          view.setUint32(p, y, true);
          p += 4;
        } else p = putWord(buf, p, y);
      }
      for (; i + 4 <= to; i += 4) {
        const x = words[(i + wordShift) >> 2];
        if (wordNeedsEscape(x) === 0) {
          view.setUint32(p, x, true);
          p += 4;
        } else p = putWord(buf, p, x);
      }
    }
    for (; i < to; i++) p = putEscaped(buf, p, src[i]);
    return p;
  }
}
