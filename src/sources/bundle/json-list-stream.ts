/**
 * A streaming reader for big Kubernetes List files (`{"kind":"PodList", …, "items":[…]}`, or a bare
 * array): yields one parsed item at a time from a byte stream, never holding the file as a string, so
 * a 150,000-pod list (>512 MB, past V8's string limit) reads in bounded memory.
 *
 * A byte-level state machine tracks nesting depth and strings (jumping through string bodies with
 * indexOf); each item's bytes are cut out and handed to JSON.parse. Everything outside the items array
 * (kind, apiVersion, metadata) is kept as the "envelope", so a file holding one object (not a list)
 * comes back whole as the envelope.
 */
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync } from 'node:fs';

export type ListEvent =
  /** offset: the item's first byte, or -1 when the file was parsed whole (it parsed, so no offset is needed) */
  | { type: 'item'; value: unknown; index: number; offset: number; listKind?: string }
  | { type: 'bad-item'; index: number; offset: number; message: string }
  | { type: 'end'; envelope?: unknown; itemsSeen: boolean; problem?: { offset: number; message: string } };

/** Largest envelope kept (a single-object file is all envelope). */
export const MAX_ENVELOPE = 64 * 1024 * 1024;
/** Largest list item parsed; a bigger one is skipped (its bytes are dropped as they stream past). */
export const MAX_ITEM = 64 * 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

const mb = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`);

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** An item cut out but not parsed yet (the scanner's deferred mode): its text, parsed by `parseItem`. */
interface PendingItem {
  type: 'pending';
  text: string;
  index: number;
  offset: number;
  listKind?: string;
}

/** The item event of a cut-out item: its parsed value, or a bad-item event with the byte it broke at. */
function parseItem(p: PendingItem): ListEvent {
  try {
    return { type: 'item', value: JSON.parse(p.text), index: p.index, offset: p.offset, listKind: p.listKind };
  } catch (e) {
    const pos = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    const at = pos ? p.offset + Number(pos[1]) : p.offset;
    return { type: 'bad-item', index: p.index, offset: at, message: `item ${p.index} is not valid JSON (at byte ${at})` };
  }
}

/** The push-driven scanner: feed chunks, collect events. */
export class JsonListScanner {
  /**
   * `deferParse` (streamJsonList's mode): `push` hands out items as text, parsed one at a time as they
   * are consumed, so a chunk's hundreds of items are never all alive as objects at once.
   */
  constructor(
    private readonly maxItem = MAX_ITEM,
    private readonly maxEnvelope = MAX_ENVELOPE,
    private readonly deferParse = false,
  ) {}

  private depth = 0;
  private inString = false;
  private escape = false;
  private offset = 0; // absolute offset of the current chunk's first byte
  private started = false;
  private bareArray = false;
  /** depth at which items sit (2 for {"items":[…]}, 1 for a bare array); 0 = not inside items */
  private itemsDepth = 0;
  private itemsDone = false;
  private itemsSeen = false;
  // key tracking at depth 1
  private expectKey = false;
  private keyBytes: number[] | null = null;
  private lastKey = '';
  private awaitingValue = false;
  private valueIsKind = false;
  private kindBytes: number[] | null = null;
  listKind?: string;
  // current item
  private itemParts: Buffer[] = [];
  private itemStart = -1; // in-chunk start, -1 when not in an item
  private itemOffset = 0;
  private itemScalar = false;
  private itemIndex = 0;
  private itemSize = 0;
  private itemOversize = false;
  private itemsNotArray = false;
  // envelope
  private envParts: Buffer[] = [];
  private envStart = -1;
  private envSize = 0;
  private envOverflow = false;
  private failed?: { offset: number; message: string };
  private events: (ListEvent | PendingItem)[] = [];

  /** Feeds one chunk; returns the events it completed. */
  push(chunk: Buffer): ListEvent[] {
    return this.pushDeferred(chunk).map((e) => (e.type === 'pending' ? parseItem(e) : e));
  }

  /** `push`, with items as text when the scanner defers parsing. */
  pushDeferred(chunk: Buffer): (ListEvent | PendingItem)[] {
    this.events = [];
    if (this.failed) return this.events;
    const n = chunk.length;
    let i = 0;
    // A UTF-8 byte-order mark (files saved by Windows editors / PowerShell redirection)
    if (this.offset === 0 && n >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    // an item continuing from the last chunk keeps itemStart -2: its bytes here start at 0
    if (this.envStart === -2) this.envStart = 0;
    let nextBs = -1; // cached position of the next backslash in this chunk (-1 = unknown)
    while (i < n) {
      const c = chunk[i];
      if (this.inString) {
        if (this.escape) {
          this.escape = false;
          pushCapped(this.keyBytes ?? this.kindBytes, c);
          i++;
          continue;
        }
        if (this.keyBytes || this.kindBytes) {
          // capture key or kind value bytes one at a time (short strings), escapes raw: decoded at the end
          if (c === QUOTE) this.endString();
          else {
            if (c === BACKSLASH) this.escape = true;
            pushCapped((this.keyBytes ?? this.kindBytes)!, c);
          }
          i++;
          continue;
        }
        const q = chunk.indexOf(QUOTE, i);
        if (nextBs !== -2 && nextBs < i) {
          nextBs = chunk.indexOf(BACKSLASH, i);
          if (nextBs === -1) nextBs = -2; // none left in this chunk
        }
        if (nextBs >= 0 && (q === -1 || nextBs < q)) {
          if (nextBs + 1 < n) i = nextBs + 2;
          else {
            this.escape = true;
            i = n;
          }
          continue;
        }
        if (q === -1) {
          i = n;
          continue;
        }
        i = q + 1;
        this.endString();
        if (this.itemScalar && this.depth === this.itemsDepth) this.finishItem(chunk, i);
        continue;
      }
      if (isWs(c)) {
        i++;
        continue;
      }
      if (!this.started) {
        this.started = true;
        if (c === LBRACKET) {
          this.bareArray = true;
          this.itemsDepth = 1;
          this.itemsSeen = true;
          this.depth = 1;
          i++;
          continue;
        }
        if (c !== LBRACE) return this.fail(i, `expected a JSON object or array, found ${JSON.stringify(String.fromCharCode(c))}`);
        this.envStart = i;
        this.depth = 1;
        this.expectKey = true;
        i++;
        continue;
      }
      if (this.depth === 0) return this.fail(i, 'unexpected data after the end of the JSON value');
      // An item starts: first non-space byte at items depth that is not a separator.
      if (this.itemsDepth && this.depth === this.itemsDepth && this.itemStart === -1 && c !== COMMA && c !== RBRACKET) {
        this.itemStart = i;
        this.itemOffset = this.offset + i;
        this.itemScalar = c !== LBRACE && c !== LBRACKET;
        if (this.itemScalar) {
          if (c === QUOTE) {
            this.inString = true;
            i++;
            continue;
          }
          // number/true/false/null: runs to the next separator
          let j = i;
          while (j < n && chunk[j] !== COMMA && chunk[j] !== RBRACKET && !isWs(chunk[j])) j++;
          if (j === n) {
            i = n;
            continue;
          }
          this.finishItem(chunk, j);
          i = j;
          continue;
        }
      } else if (this.itemScalar && this.itemStart !== -1 && this.depth === this.itemsDepth && (c === COMMA || c === RBRACKET)) {
        this.finishItem(chunk, i); // a scalar that spanned a chunk boundary
      }
      if (this.depth === 1 && !this.bareArray && this.awaitingValue && this.lastKey === 'items' && c !== COLON && c !== LBRACKET && c !== 0x6e /* null: no items */) this.itemsNotArray = true;
      switch (c) {
        case QUOTE:
          this.inString = true;
          if (this.depth === 1 && !this.bareArray) {
            if (this.expectKey) {
              this.keyBytes = [];
              this.expectKey = false;
            } else if (this.awaitingValue && this.valueIsKind) this.kindBytes = [];
            this.awaitingValue = false;
          }
          break;
        case COLON:
          if (this.depth === 1 && !this.bareArray) {
            this.awaitingValue = true;
            this.valueIsKind = this.lastKey === 'kind';
          }
          break;
        case COMMA:
          if (this.depth === 1 && !this.bareArray) this.expectKey = true;
          break;
        case LBRACE:
        case LBRACKET:
          if (this.depth === 1 && !this.bareArray && this.awaitingValue && this.lastKey === 'items' && c === LBRACKET && !this.itemsDone) {
            // Cut the envelope before the items and splice an empty array in their place.
            this.cutEnvelope(chunk, i);
            this.envParts.push(Buffer.from('[]'));
            this.itemsDepth = 2;
            this.itemsSeen = true;
          }
          if (this.depth === 1) this.awaitingValue = false;
          this.depth++;
          break;
        case RBRACE:
        case RBRACKET:
          this.depth--;
          if (this.depth < 0) return this.fail(i, `unbalanced ${String.fromCharCode(c)}`);
          if (this.itemsDepth && this.depth === this.itemsDepth && this.itemStart !== -1 && !this.itemScalar) {
            this.finishItem(chunk, i + 1);
          } else if (this.itemsDepth && this.depth === this.itemsDepth - 1) {
            // the items array closed
            this.itemsDone = true;
            this.itemsDepth = 0;
            if (!this.bareArray) this.envStart = i + 1;
          }
          if (this.depth === 0 && !this.bareArray) {
            this.cutEnvelope(chunk, i + 1);
          }
          break;
        default:
          if (this.depth === 1 && !this.bareArray) this.awaitingValue = false;
      }
      i++;
    }
    // chunk ends: keep the unfinished item's and envelope's bytes
    if (this.itemStart >= 0 || this.itemStart === -2) {
      const part = chunk.subarray(this.itemStart === -2 ? 0 : this.itemStart);
      this.itemSize += part.length;
      if (this.itemSize > this.maxItem) {
        // too big to parse: drop its bytes as they pass, so memory stays bounded
        this.itemOversize = true;
        this.itemParts = [];
      } else this.itemParts.push(part);
      this.itemStart = -2;
    }
    if (this.envStart >= 0) {
      this.addEnvelope(chunk.subarray(this.envStart));
      this.envStart = -2;
    }
    this.offset += n;
    return this.events;
  }

  /** Call at end of input. */
  end(): ListEvent[] {
    const events: ListEvent[] = [];
    this.events = events;
    let problem = this.failed;
    if (!problem && !this.started) problem = { offset: this.offset, message: 'the file is empty' };
    if (!problem && (this.depth !== 0 || this.inString)) {
      problem = { offset: this.offset, message: `the JSON ends early (truncated at byte ${this.offset}${this.itemsDepth ? `, inside item ${this.itemIndex}` : ''})` };
    }
    let envelope: unknown;
    if (!problem && this.itemsNotArray) problem = { offset: 0, message: '"items" is not an array: no item read' };
    // (the overflow drops the envelope's parts, so it is checked on its own)
    if (!this.bareArray && (this.envParts.length || this.envOverflow) && !problem) {
      if (this.envOverflow) problem = { offset: 0, message: `an object larger than ${mb(this.maxEnvelope)} outside "items" is not read` };
      else {
        try {
          envelope = JSON.parse(Buffer.concat(this.envParts).toString('utf8'));
        } catch (e) {
          problem = { offset: 0, message: `not valid JSON: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}` };
        }
      }
    }
    events.push({ type: 'end', envelope, itemsSeen: this.itemsSeen, problem });
    return events;
  }

  private endString(): void {
    this.inString = false;
    if (this.keyBytes) {
      this.lastKey = decodeJsonString(this.keyBytes);
      this.keyBytes = null;
    } else if (this.kindBytes) {
      this.listKind = decodeJsonString(this.kindBytes);
      this.kindBytes = null;
    }
  }

  private finishItem(chunk: Buffer, end: number): void {
    const start = this.itemStart === -2 ? 0 : this.itemStart;
    const index = this.itemIndex++;
    const size = this.itemSize + (end - start);
    if (this.itemOversize || size > this.maxItem) {
      this.events.push({ type: 'bad-item', index, offset: this.itemOffset, message: `item ${index} is ${mb(size)}, larger than the ${mb(this.maxItem)} read (at byte ${this.itemOffset})` });
    } else {
      let bytes: Buffer;
      if (this.itemParts.length) {
        this.itemParts.push(chunk.subarray(start, end));
        bytes = Buffer.concat(this.itemParts);
      } else bytes = chunk.subarray(start, end);
      const pending: PendingItem = { type: 'pending', text: bytes.toString('utf8'), index, offset: this.itemOffset, listKind: this.listKind };
      this.events.push(this.deferParse ? pending : parseItem(pending));
    }
    this.itemParts = [];
    this.itemSize = 0;
    this.itemOversize = false;
    this.itemStart = -1;
    this.itemScalar = false;
  }

  private cutEnvelope(chunk: Buffer, end: number): void {
    if (this.envStart === -1) return;
    const start = this.envStart === -2 ? 0 : this.envStart;
    this.addEnvelope(chunk.subarray(start, end));
    this.envStart = -1;
  }

  private addEnvelope(b: Buffer): void {
    if (this.envOverflow) return;
    this.envSize += b.length;
    if (this.envSize > this.maxEnvelope) {
      this.envOverflow = true;
      this.envParts = [];
      return;
    }
    // copy: the chunk buffer may be reused by the stream
    this.envParts.push(Buffer.from(b));
  }

  private fail(i: number, message: string): (ListEvent | PendingItem)[] {
    this.failed = { offset: this.offset + i, message: `${message} (at byte ${this.offset + i})` };
    return this.events;
  }
}

/**
 * Files up to this size are read in one synchronous read and parsed by JSON.parse, which is many times
 * faster than the scanner and needs no stream; only a file that does not parse goes through the scanner
 * (for its byte offsets and the items around a bad one).
 */
export const WHOLE_FILE_MAX = 8 * 1024 * 1024;

/**
 * The events the scanner would give for a file that parses as a whole (item offsets aside, which are
 * -1), or undefined when it does not parse or is not an object or array: the scanner then reads it.
 */
export function parseWhole(buf: Buffer): ListEvent[] | undefined {
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let v: unknown;
  try {
    v = JSON.parse(buf.toString('utf8', bom));
  } catch {
    return undefined;
  }
  if (Array.isArray(v)) return [...v.map((value, index): ListEvent => ({ type: 'item', value, index, offset: -1, listKind: undefined })), { type: 'end', envelope: undefined, itemsSeen: true, problem: undefined }];
  if (!v || typeof v !== 'object') return undefined;
  const obj = v as Record<string, unknown>;
  const items = obj.items;
  if (items === undefined || items === null) return [{ type: 'end', envelope: obj, itemsSeen: false, problem: undefined }];
  if (!Array.isArray(items)) return [{ type: 'end', envelope: undefined, itemsSeen: false, problem: { offset: 0, message: '"items" is not an array: no item read' } }];
  // As the scanner: items know their list's kind only when "kind" comes before "items".
  const keys = Object.keys(obj);
  const kindFirst = typeof obj.kind === 'string' && keys.indexOf('kind') < keys.indexOf('items');
  const listKind = kindFirst ? (obj.kind as string) : undefined;
  const envelope: Record<string, unknown> = {};
  for (const k of keys) envelope[k] = k === 'items' ? [] : obj[k];
  return [...items.map((value, index): ListEvent => ({ type: 'item', value, index, offset: -1, listKind })), { type: 'end', envelope, itemsSeen: true, problem: undefined }];
}

/** A small regular file's bytes in one synchronous read, or undefined (absent, bigger, not a regular file). */
function readSmall(file: string, max: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined; // the stream reports the error as before
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > max) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    for (let r = 1; n < buf.length && r > 0; n += r) r = readSync(fd, buf, n, buf.length - n, n);
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Streams a file's list items (and finally its envelope); never throws on bad content. */
export async function* streamJsonList(file: string | AsyncIterable<Buffer>, chunkSize = 1 << 20, limits: { maxItem?: number; maxEnvelope?: number } = {}): AsyncGenerator<ListEvent> {
  const scanner = new JsonListScanner(limits.maxItem, limits.maxEnvelope, true);
  // No item or envelope of a file this small can pass the limits.
  const whole = typeof file === 'string' ? readSmall(file, Math.min(WHOLE_FILE_MAX, limits.maxItem ?? MAX_ITEM, limits.maxEnvelope ?? MAX_ENVELOPE)) : undefined;
  if (whole) {
    yield* parseWhole(whole) ?? [...scanner.push(whole), ...scanner.end()];
    return;
  }
  const input = typeof file === 'string' ? createReadStream(file, { highWaterMark: chunkSize }) : file;
  for await (const chunk of input) {
    const evs = scanner.pushDeferred(chunk as Buffer);
    // Parsed as consumed: each item's objects can die before the next item is parsed.
    for (let i = 0; i < evs.length; i++) {
      const e = evs[i];
      evs[i] = undefined as never; // the consumer may keep the value; this array must not
      yield e.type === 'pending' ? parseItem(e) : e;
    }
  }
  for (const e of scanner.end()) yield e;
}

/** Keys and kinds are short; a hostile one is cut here rather than grown without bound. */
const MAX_CAPTURED = 4096;

function pushCapped(bytes: number[] | null, c: number): void {
  if (bytes && bytes.length < MAX_CAPTURED) bytes.push(c);
}

/** The text of a JSON string's raw bytes (escapes included), as JSON.parse would give it. */
function decodeJsonString(raw: number[]): string {
  const text = Buffer.from(raw).toString('utf8');
  if (!raw.includes(BACKSLASH)) return text;
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text; // cut mid-escape by the cap: the raw text is the honest answer
  }
}
