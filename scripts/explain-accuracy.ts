/**
 * Accuracy of `explain` on real messages from public threads (corpus/threads.jsonl), which no
 * signature was written from. Prints accuracy, the messages that decide their cause by text alone,
 * the precision of answers at confidence ≥ 0.9, and every wrong answer at that confidence.
 *
 * usage: npx tsx scripts/explain-accuracy.ts [--split <split>|all] [--wrong]   (default: all)
 *        npx tsx scripts/explain-accuracy.ts --write   writes docs/explain-accuracy.md and the README's accuracy line
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createClassifier } from '../src/engine/classifier/index.js';
import { SIGNATURES } from '../src/catalog/signatures.js';
import { judgeAnswer, parseCorpus, scoreAnswers, HIGH, SPLITS } from '../src/catalog/evaluate.js';
import { causeIds } from '../src/catalog/index.js';
import { accuracyReport, withReadmeBlock, type TextScarce } from '../src/catalog/accuracy-report.js';

const { classify } = createClassifier(SIGNATURES);

const args = process.argv.slice(2);
if (args.includes('--write')) {
  const rows = parseCorpus(readFileSync(new URL('../corpus/threads.jsonl', import.meta.url), 'utf8'), 'corpus/threads.jsonl', new Set(causeIds()));
  const scarce = JSON.parse(readFileSync(new URL('../corpus/text-scarce.json', import.meta.url), 'utf8')) as TextScarce;
  const { markdown, readme } = accuracyReport(rows, classify, causeIds(), scarce, SIGNATURES.length);
  writeFileSync(new URL('../docs/explain-accuracy.md', import.meta.url), markdown);
  const readmeUrl = new URL('../README.md', import.meta.url);
  writeFileSync(readmeUrl, withReadmeBlock(readFileSync(readmeUrl, 'utf8'), readme));
  process.stdout.write(`wrote docs/explain-accuracy.md and README.md:\n${readme}\n`);
  process.exit(0);
}
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'all';
if (split !== 'all' && !(SPLITS as readonly string[]).includes(split)) {
  process.stderr.write(`--split must be all or one of ${SPLITS.join(', ')}, not "${split}"\n`);
  process.exit(2);
}
const file = new URL('../corpus/threads.jsonl', import.meta.url);
const rows = parseCorpus(readFileSync(file, 'utf8'), 'corpus/threads.jsonl', new Set(causeIds())).filter((r) => split === 'all' || r.split === split);
const s = scoreAnswers(rows.map((r) => judgeAnswer(r, classify(r.message))));
const pct = (n: number, d: number) => `${d ? ((100 * n) / d).toFixed(1) : '100.0'}%`;
const out = [
  `split: ${split}  (${rows.length} messages)`,
  `accuracy: ${s.right}/${s.total} = ${pct(s.right, s.total)}`,
  `decidable by text: ${s.decidable.right}/${s.decidable.total} = ${pct(s.decidable.right, s.decidable.total)}`,
  `answers at confidence >= ${HIGH}: ${s.confident.total}, right ${pct(s.confident.right, s.confident.total)}`,
  `wrong at confidence >= ${HIGH}: ${s.confidentWrong.length}`,
];
for (const v of s.confidentWrong) out.push(`  ${v.row.id}: expected ${v.row.cause}, got ${v.answer.cause} (${v.answer.confidence})`);
if (args.includes('--wrong')) {
  out.push('wrong answers:');
  for (const v of s.wrong) out.push(`  ${v.row.id} [${v.row.needs_context ? 'ctx' : 'text'}]: expected ${v.row.cause}, got ${v.answer.cause} (${v.answer.confidence}) alt=[${v.answer.alternatives.map((a) => a.cause).join(',')}]\n    ${v.row.message.replace(/\n/g, '⏎').slice(0, 220)}`);
}
process.stdout.write(out.join('\n') + '\n');
