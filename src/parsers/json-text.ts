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
    const line = pos ? lineOf(body, Number(pos[1])) : lineOf(body, body.length);
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
