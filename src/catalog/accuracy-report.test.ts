import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../engine/classifier/index.js';
import { accuracyReport, HELD_OUT, HELD_OUT_BLIND, HELD_OUT_NAME, MIN_PER_CAUSE, README_END, README_START, withReadmeBlock, type TextScarce } from './accuracy-report.js';
import { parseCorpus } from './evaluate.js';
import { causeIds } from './index.js';
import { SIGNATURES } from './signatures.js';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const rows = parseCorpus(read('../../corpus/threads.jsonl'), 'corpus/threads.jsonl', new Set(causeIds()));
const scarce = JSON.parse(read('../../corpus/text-scarce.json')) as TextScarce;

describe('explain accuracy: the corpus covers the catalog', () => {
  it(`has at least 400 messages and a blind batch ${HELD_OUT_NAME} of at least 60`, () => {
    expect(rows.length).toBeGreaterThanOrEqual(400);
    expect(rows.filter((r) => HELD_OUT.includes(r.split)).length).toBeGreaterThanOrEqual(60);
  });

  it(`keeps the blind scoring of ${HELD_OUT_NAME} consistent with the batch it describes`, () => {
    const held = rows.filter((r) => HELD_OUT.includes(r.split));
    // Rows added to the batch after its one blind scoring would make the recorded number describe another batch.
    expect(HELD_OUT_BLIND.messages).toBe(held.length);
    expect(HELD_OUT_BLIND.decidable.total).toBe(held.filter((r) => !r.needs_context).length);
    expect(HELD_OUT_BLIND.right).toBeLessThanOrEqual(HELD_OUT_BLIND.messages);
  });

  it(`gives every cause at least ${MIN_PER_CAUSE} messages, or records why not in corpus/text-scarce.json`, () => {
    const n = (id: string) => rows.filter((r) => r.cause === id).length;
    for (const id of causeIds()) {
      if (n(id) >= MIN_PER_CAUSE) expect(scarce.causes[id], `${id} has ${n(id)} messages: drop it from text-scarce.json`).toBeUndefined();
      else expect(scarce.causes[id]?.length ?? 0, `${id} has ${n(id)} messages and no reason in text-scarce.json`).toBeGreaterThan(40);
    }
    for (const id of Object.keys(scarce.causes)) expect(causeIds(), `text-scarce.json names an unknown cause ${id}`).toContain(id);
  });
});

describe('explain accuracy: the generated document and README line', () => {
  const { classify } = createClassifier(SIGNATURES);
  const fresh = accuracyReport(rows, classify, causeIds(), scarce, SIGNATURES.length);

  it('docs/explain-accuracy.md is what the script writes for this corpus and catalog (regenerate: npx tsx scripts/explain-accuracy.ts --write)', () => {
    expect(read('../../docs/explain-accuracy.md')).toBe(fresh.markdown);
  });

  it("README.md's accuracy line is the generated one", () => {
    const readme = read('../../README.md');
    expect(readme.slice(readme.indexOf(README_START), readme.indexOf(README_END))).toBe(`${README_START}\n${fresh.readme}\n`);
  });

  it('the README block is replaced, not appended, and a missing block is an error', () => {
    const r = withReadmeBlock(`a\n${README_START}\nold\n${README_END}\nb`, 'new');
    expect(r).toBe(`a\n${README_START}\nnew\n${README_END}\nb`);
    expect(() => withReadmeBlock('no markers', 'x')).toThrow('README.md lacks');
  });

  it('names a cause below the minimum without a recorded reason', () => {
    const { markdown } = accuracyReport(rows.slice(0, 3), classify, ['image.not-found'], { about: '', causes: {} }, 1);
    expect(markdown).toContain('| image.not-found |');
    expect(markdown).toContain('**no reason recorded**');
  });
});
