import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_ROOT, generatedFilesOnDisk, renderDocs } from '../scripts/gen-docs.js';
import { CAUSES } from '../src/catalog/causes.js';
import { RULES } from '../src/rules/index.js';

describe('generated docs (run `npm run docs` when this fails)', () => {
  const files = renderDocs();

  it('has a page for every cause and every rule, plus the two indexes', () => {
    for (const c of CAUSES) expect(files.has(`causes/${c.id}.md`), c.id).toBe(true);
    for (const r of RULES) expect(files.has(`rules/${r.id}.md`), r.id).toBe(true);
    expect(files.has('causes/README.md')).toBe(true);
    expect(files.has('rules/README.md')).toBe(true);
  });

  it('files on disk equal what scripts/gen-docs.ts renders', () => {
    const stale: string[] = [];
    for (const [f, content] of files) {
      const p = join(DOCS_ROOT, f);
      if (!existsSync(p) || readFileSync(p, 'utf8') !== content) stale.push(f);
    }
    expect(stale, `out of date: ${stale.slice(0, 10).join(', ')}`).toEqual([]);
  });

  it('no generated folder holds a page nothing renders any more', () => {
    const extra = generatedFilesOnDisk().filter((f) => !files.has(f));
    expect(extra).toEqual([]);
  });
});
