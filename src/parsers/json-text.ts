import type { ParseProblem } from '../evidence/node.js';

/** Result of reading JSON text leniently: the value when it parses, located problems otherwise. */
export interface JsonText {
  value?: unknown;
  problems: ParseProblem[];
}

/** 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Parses JSON, turning a syntax error into a problem with the file and line (V8 reports a character
 * position; "unexpected end" points at the last line). A leading BOM is tolerated, as the CNI loader does.
 */
export function parseJsonText(text: string, file: string): JsonText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) return { problems: [{ file, line: 1, message: 'file is empty' }] };
  try {
    return { value: JSON.parse(body), problems: [] };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    const line = lineOf(body, pos ? Number(pos[1]) : jsonErrorOffset(body));
    // Keep V8's wording but drop the echo of the input, which could be long or carry data.
    const reason = msg.replace(/,?\s*"[^"]*" is not valid JSON/, '').replace(/ in JSON at position \d+.*$/, '');
    return { problems: [{ file, line, message: `invalid JSON: ${reason}` }] };
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Strings of a value that should be a string list; non-strings become problems at `field[i]`. */
export function stringList(v: unknown, file: string, field: string, problems: ParseProblem[]): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    problems.push({ file, field, message: `${field} should be a list of strings` });
    return [];
  }
  const out: string[] = [];
  v.forEach((item, i) => {
    if (typeof item === 'string') out.push(item);
    else problems.push({ file, field: `${field}[${i}]`, message: `${field}[${i}] should be a string` });
  });
  return out;
}

/**
 * Offset of the first JSON syntax error, found by a small validating scanner (V8 does not always
 * say where: "Unexpected token" messages carry no position).
 */
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

export function jsonErrorOffset(t: string): number {
  let i = 0;
  const ws = () => {
    while (i < t.length && (t[i] === ' ' || t[i] === '\n' || t[i] === '\r' || t[i] === '\t')) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const str = () => {
    if (t[i] !== '"') fail();
    i++;
    while (i < t.length && t[i] !== '"') {
      if (t.charCodeAt(i) < 0x20) fail();
      i += t[i] === '\\' ? 2 : 1;
    }
    if (i >= t.length) fail();
    i++;
  };
  const value = (depth: number): void => {
    if (depth > 500) fail();
    ws();
    const c = t[i];
    if (c === '{') {
      i++;
      ws();
      if (t[i] === '}') return void i++;
      for (;;) {
        ws();
        str();
        ws();
        if (t[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (t[i] === ',') i++;
        else if (t[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (t[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (t[i] === ',') i++;
        else if (t[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    SCALAR.lastIndex = i;
    const m = SCALAR.exec(t);
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value(0);
    ws();
    return i < t.length ? i : t.length;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, t.length) : t.length;
  }
}
