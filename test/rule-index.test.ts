import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderIndex, ruleFiles } from '../scripts/gen-rule-index.js';
import { RULES } from '../src/rules/index.js';

it('src/rules/index.ts lists exactly the rule files (run `npx tsx scripts/gen-rule-index.ts`)', () => {
  const onDisk = readFileSync(new URL('../src/rules/index.ts', import.meta.url), 'utf8');
  expect(onDisk).toBe(renderIndex(ruleFiles()));
});

it('every rule id equals its file path and has a test file beside it', () => {
  const files = ruleFiles();
  expect(RULES.map((r) => r.id).sort()).toEqual([...files].sort());
  for (const f of files) {
    expect(() => readFileSync(new URL(`../src/rules/${f}.test.ts`, import.meta.url))).not.toThrow();
  }
});
