/**
 * Checks corpus/threads.jsonl without classifying anything, so whoever collects a blind batch can check
 * it and stay blind: every row parses with a known cause id and a known split, ids and messages are
 * unique (a repeated text is only noted), and every cause that reaches MIN_PER_CAUSE messages has left corpus/text-scarce.json.
 * With --split, the batch's rows must also come from threads no other split took, at most 3 from one repository.
 * (test/corpus.test.ts and the catalog tests print the catalog's wrong answers: not for collectors.)
 *
 * usage: npx tsx scripts/corpus-check.ts [--split evalN]   exit 0 clean, 1 problems (one line each)
 */
import { readFileSync } from 'node:fs';
import { MIN_PER_CAUSE, type TextScarce } from '../src/catalog/accuracy-report.js';
import { parseCorpus } from '../src/catalog/evaluate.js';
import { causeIds } from '../src/catalog/index.js';

const read = (rel: string) => readFileSync(new URL(`../${rel}`, import.meta.url), 'utf8');
const args = process.argv.slice(2);
const only = args.includes('--split') ? args[args.indexOf('--split') + 1] : undefined;

const problems: string[] = [];
let rows: ReturnType<typeof parseCorpus> = [];
try {
  rows = parseCorpus(read('corpus/threads.jsonl'), 'corpus/threads.jsonl', new Set(causeIds()));
} catch (e) {
  problems.push((e as Error).message);
}

// A repeated id is an error; a repeated text is a note (two threads can quote the same line).
const seen = (key: (r: (typeof rows)[number]) => string, what: string, report: (line: string) => void) => {
  const first = new Map<string, string>();
  for (const r of rows) {
    const k = key(r);
    const before = first.get(k);
    if (before !== undefined) report(`corpus/threads.jsonl: ${r.id} repeats the ${what} of ${before}`);
    else first.set(k, r.id);
  }
};
seen((r) => r.id, 'id', (l) => problems.push(l));
seen((r) => r.message.trim(), 'message', (l) => console.log(`note: ${l}`));

// A batch's rows must be new to the repository (corpus/COLLECTING.md): a thread another split already took is an
// error for the split being checked, as is a fourth row from one repository. Older splits are not re-judged.
if (only) {
  const thread = (src: string) => src.trim().toLowerCase().replace(/^http:/, 'https:').replace(/[#?].*$/, '').replace(/\/+$/, '');
  const repo = (src: string) => /^https:\/\/github\.com\/([^/]+\/[^/]+)/.exec(thread(src))?.[1];
  const taken = new Map<string, string>();
  for (const r of rows) if (r.split !== only && !taken.has(thread(r.source))) taken.set(thread(r.source), `${r.id} (${r.split})`);
  const perRepo = new Map<string, number>();
  for (const r of rows) {
    if (r.split !== only) continue;
    const other = taken.get(thread(r.source));
    if (other) problems.push(`corpus/threads.jsonl: ${r.id} comes from the thread of ${other}: a batch's rows must be new to the repository`);
    const name = repo(r.source);
    if (name) perRepo.set(name, (perRepo.get(name) ?? 0) + 1);
  }
  for (const [name, n] of perRepo) if (n > 3) problems.push(`corpus/threads.jsonl: ${only} has ${n} rows from github.com/${name}: at most 3 from one repository`);
}

const perCause = new Map<string, number>();
for (const r of rows) perCause.set(r.cause, (perCause.get(r.cause) ?? 0) + 1);
const scarce = JSON.parse(read('corpus/text-scarce.json')) as TextScarce;
for (const id of Object.keys(scarce.causes)) {
  const n = perCause.get(id) ?? 0;
  if (n >= MIN_PER_CAUSE) problems.push(`corpus/text-scarce.json: ${id} has ${n} messages now: drop it from the file`);
}

const splits = new Map<string, { n: number; ctx: number; unknown: number }>();
for (const r of rows) {
  const s = splits.get(r.split) ?? { n: 0, ctx: 0, unknown: 0 };
  s.n++;
  if (r.needs_context) s.ctx++;
  if (r.cause === 'unknown') s.unknown++;
  splits.set(r.split, s);
}
for (const [split, s] of splits) {
  if (only && split !== only) continue;
  console.log(`${split}: ${s.n} messages, ${s.ctx} needs_context, ${s.unknown} unknown`);
}
for (const p of problems) console.error(p);
console.log(problems.length ? `${problems.length} problem(s)` : `corpus: ${rows.length} messages, no problem`);
process.exit(problems.length ? 1 : 0);
