/**
 * The guard of a signature round: every corpus message's full answer (cause, confidence, alternatives), saved
 * before the change and compared after it, by row id, so that no row outside the batch being worked on loses
 * without being seen. Rows added since the save are not compared.
 *
 * usage: npx tsx scripts/explain-diff.ts --save <file>      (before the change)
 *        npx tsx scripts/explain-diff.ts --against <file>   (after it: one line per row whose answer changed)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createClassifier } from '../src/engine/classifier/index.js';
import { SIGNATURES } from '../src/catalog/signatures.js';
import { parseCorpus } from '../src/catalog/evaluate.js';
import { causeIds } from '../src/catalog/index.js';

type Saved = Record<string, { cause: string; confidence: number; alternatives: string[] }>;

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const save = flag('--save');
const against = flag('--against');
if (!save === !against) {
  process.stderr.write('usage: npx tsx scripts/explain-diff.ts --save <file> | --against <file>\n');
  process.exit(2);
}

const rows = parseCorpus(readFileSync(new URL('../corpus/threads.jsonl', import.meta.url), 'utf8'), 'corpus/threads.jsonl', new Set(causeIds()));
const { classify } = createClassifier(SIGNATURES);
const now: Saved = {};
for (const r of rows) {
  const a = classify(r.message);
  now[r.id] = { cause: a.cause, confidence: a.confidence, alternatives: a.alternatives.map((x) => x.cause) };
}

if (save) {
  writeFileSync(save, JSON.stringify(now));
  process.stdout.write(`saved ${rows.length} answers to ${save}\n`);
} else {
  let before: Saved;
  try {
    before = JSON.parse(readFileSync(against!, 'utf8')) as Saved;
  } catch (e) {
    process.stderr.write(`${against}: ${(e as Error).message}\n`);
    process.exit(2);
  }
  let changed = 0;
  let lost = 0;
  for (const r of rows) {
    const b = before[r.id];
    const a = now[r.id];
    if (!b || (b.cause === a.cause && b.confidence === a.confidence && b.alternatives.join() === a.alternatives.join())) continue;
    changed++;
    const was = b.cause === r.cause ? 'right' : 'wrong';
    const is = a.cause === r.cause ? 'right' : 'wrong';
    if (was === 'right' && is === 'wrong') lost++;
    process.stdout.write(`${r.id} [${r.split}, labelled ${r.cause}]: ${b.cause} ${b.confidence} (${was}) -> ${a.cause} ${a.confidence} (${is})\n`);
  }
  process.stdout.write(`${changed} answers changed, ${lost} of them from right to wrong (top cause against the label)\n`);
}
