/**
 * The bytes of `explain --stdin -o jsonl`, written straight into output blocks: an ASCII input line is
 * escaped from its input bytes into the block in one byte loop, and the constant tail of each answer is
 * encoded once. Building the output as JavaScript strings and encoding them to UTF-8 at the end cost
 * more CPU than classifying the lines; escaping whole blocks as strings (replaceAll, a control-character
 * regex, a slice per line) still cost a fifth of the run.
 */

/** Blocks start at this size and keep the size one input chunk made them grow to. */
const BLOCK = 128 * 1024;

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

export class JsonlBlock {
  private buf = Buffer.allocUnsafe(BLOCK);
  private pos = 0;

  get length(): number {
    return this.pos;
  }

  /**
   * Hands the written bytes over (the sink may keep them) and starts a new block as large as this one
   * grew: a 1 MiB input chunk writes about 2 MiB of answers, and growing a block is a copy.
   */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(Math.max(BLOCK, this.buf.length));
    this.pos = 0;
    return out;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(BLOCK, 2 * (this.pos + n)));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Any string, as UTF-8. */
  text(s: string): void {
    this.room(3 * s.length);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /**
   * The ASCII bytes src[from, to) as the body of a JSON string literal, escaped as JSON.stringify
   * escapes them. A byte loop: most bytes are copied as they are, and no string is made.
   */
  escapedAscii(src: Uint8Array, from: number, to: number): void {
    this.room(MAX_ESCAPE * (to - from));
    const buf = this.buf;
    let p = this.pos;
    for (let i = from; i < to; i++) {
      const c = src[i];
      if (ESCAPED[c] !== 1) buf[p++] = c;
      else {
        const e = ESCAPES[c]!;
        for (let k = 0; k < e.length; k++) buf[p++] = e[k];
      }
    }
    this.pos = p;
  }
}
