import fc from 'fast-check';
import type { ParseProblem } from '../evidence/node.js';

/** Runs per property in the parser fuzz tests; FUZZ_RUNS overrides it (CI may go higher). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

type Mutation = { op: 'insert' | 'delete' | 'replace' | 'dupLine' | 'dropLine' | 'truncate'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace', 'dupLine', 'dropLine', 'truncate'),
  at: fc.nat(),
  text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', '{', '}', '[', ']', ',', '=', '\n', '\r\n', '#', ':', '\u0000', '\uFEFF', 'null', '-1', '1e999', '[[', '"""', "'", '\\', '/')),
});

function apply(text: string, m: Mutation): string {
  const at = text.length ? m.at % (text.length + 1) : 0;
  switch (m.op) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1 + (m.text.length % 5));
    case 'replace':
      return text.slice(0, at) + m.text + text.slice(at + m.text.length);
    case 'truncate':
      return text.slice(0, at);
    default: {
      const lines = text.split('\n');
      const i = lines.length ? m.at % lines.length : 0;
      if (m.op === 'dupLine') lines.splice(i, 0, lines[i] ?? '');
      else lines.splice(i, 1);
      return lines.join('\n');
    }
  }
}

/** Real samples with a few random edits each: close enough to valid to reach deep parser paths. */
export function mutated(samples: string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([s, ms]) => ms.reduce(apply, s));
}

/** Arbitrary text: unicode strings, line-structured noise, and JSON of any shape. */
export function noise(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.string({ maxLength: 40 }), { maxLength: 20 }).map((ls) => ls.join('\n')),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  );
}

/** Checks the contract every parser promises: problems name the file and a position inside the input. */
export function assertLocated(problems: ParseProblem[], file: string, text: string): void {
  const lines = text.split('\n').length + 1;
  for (const p of problems) {
    if (p.file !== file && !p.file.startsWith(file)) throw new Error(`problem names file ${p.file}, expected ${file}`);
    if (p.line === undefined && !p.field) throw new Error(`problem without line or field: ${p.message}`);
    if (p.line !== undefined && (!Number.isInteger(p.line) || p.line < 1 || p.line > lines)) throw new Error(`problem line ${p.line} outside 1..${lines}: ${p.message}`);
    if (typeof p.message !== 'string' || !p.message) throw new Error('problem without a message');
  }
}
