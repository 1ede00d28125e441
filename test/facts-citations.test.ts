/** Every `facts §N` the catalog, rules and docs cite resolves to a section of docs/facts.md. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const facts = readFileSync(join(root, 'docs', 'facts.md'), 'utf8');
/** Section numbers of docs/facts.md: `## 4. Error messages` → 4, `### 4.6 containerd …` → 4.6. */
const sections = new Set([...facts.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1]));

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : []));
}

/** `facts §4.5, §4.6`, `facts.md §4–§10`, `facts §9`: every section number a citation names. */
function citedSections(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/facts(?:\.md)? ?(§ ?\d+(?:\.\d+)?(?:\s*(?:,|–|-|and|or)\s*§ ?\d+(?:\.\d+)?)*)/g)) {
    for (const n of m[1].matchAll(/§ ?(\d+(?:\.\d+)?)/g)) out.push(n[1]);
  }
  return out;
}

describe('facts citations', () => {
  it('reads citations in their written forms, and docs/facts.md has numbered sections', () => {
    expect(citedSections('(facts §4.5, §4.6) and facts.md §4–§10; facts §9')).toEqual(['4.5', '4.6', '4', '10', '9']);
    expect(sections.has('4.6') && sections.has('9') && sections.has('10.1')).toBe(true);
    expect(sections.has('4.9')).toBe(false);
  });

  it('every citation in src/ and docs/ names a section of docs/facts.md', () => {
    const sources = [...files(join(root, 'src'), /\.ts$/), ...files(join(root, 'docs'), /\.md$/)].filter((f) => !f.endsWith('facts.md'));
    const missing: string[] = [];
    let count = 0;
    for (const f of sources) {
      for (const s of citedSections(readFileSync(f, 'utf8'))) {
        count++;
        if (!sections.has(s)) missing.push(`${relative(root, f)}: facts §${s}`);
      }
    }
    expect(count).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
