/**
 * The bytes of `explain --stdin -o jsonl`, written straight into output blocks: an ASCII input line is
 * escaped for the whole input block at once and copied as one-byte text, and the constant tail of each
 * answer is encoded once. Building the output as JavaScript strings and encoding them to UTF-8 at the
 * end cost more CPU than classifying the lines.
 */

/** Blocks start at this size and keep the size one input chunk made them grow to. */
const BLOCK = 128 * 1024;

const CONTROL = /[\u0000-\u0009\u000b-\u001f]/;
const CONTROLS = /[\u0000-\u0009\u000b-\u001f]/g;
const escapeControl = (c: string) => JSON.stringify(c).slice(1, -1);

/**
 * A block of whole lines with JSON.stringify's escapes applied to all of it at once — backslashes, then
 * quotes, then the C0 controls but \n (native replaces over one string, where escaping line by line
 * cost a call per line) — and read back line by line, in order.
 */
export class EscapedLines {
  private at = 0;
  private readonly escaped: string;

  constructor(text: string) {
    let e = text;
    if (e.includes('\\')) e = e.replaceAll('\\', '\\\\');
    if (e.includes('"')) e = e.replaceAll('"', '\\"');
    if (CONTROL.test(e)) e = e.replace(CONTROLS, escapeControl);
    this.escaped = e;
  }

  /** The next line's body; `cr`: the line's trailing \r is not part of it (escaped, it is two characters). */
  next(cr: boolean): string {
    let nl = this.escaped.indexOf('\n', this.at);
    if (nl === -1) nl = this.escaped.length;
    const s = this.escaped.slice(this.at, cr ? nl - 2 : nl);
    this.at = nl + 1;
    return s;
  }
}

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

  /** A string of characters below U+0100, one byte each. */
  latin1(s: string): void {
    this.room(s.length);
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }
}
