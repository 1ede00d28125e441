import { parse, TomlError } from 'smol-toml';
import type { ParseProblem } from '../evidence/node.js';

/** Parses TOML leniently: a syntax error becomes a problem with file and line. */
export function parseTomlText(text: string, file: string): { value?: Record<string, unknown>; problems: ParseProblem[] } {
  try {
    return { value: parse(text) as Record<string, unknown>, problems: [] };
  } catch (err) {
    if (err instanceof TomlError) {
      const first = err.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
      return { problems: [{ file, line: err.line, message: `invalid TOML: ${first} (column ${err.column})` }] };
    }
    return { problems: [{ file, line: 1, message: `invalid TOML: ${err instanceof Error ? err.message : String(err)}` }] };
  }
}
