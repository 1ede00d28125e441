/**
 * The bundles carry the catalog without its samples (scripts/strip-samples.mjs): every signature file of the
 * catalog goes through, keeps all its signatures and loses every sample, and a token the stripper does not know
 * fails loudly rather than cutting a signature wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module without types
import { withoutSamples } from '../scripts/strip-samples.mjs';

const root = join(__dirname, '..', 'src', 'catalog', 'signatures');
const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('the catalog without samples', () => {
  it('every signature file keeps its signatures, ids and patterns and loses its samples', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(join(root, f), 'utf8');
      const out = withoutSamples(text, f) as string;
      const count = (t: string, re: RegExp) => (t.match(re) ?? []).length;
      expect(count(out, /\bsig\(\{/g), f).toBe(count(text, /\bsig\(\{/g));
      expect(count(out, /\bid: '/g), f).toBe(count(text, /\bid: '/g));
      expect(count(out, /\bre: /g), f).toBe(count(text, /\bre: /g));
      expect(out, f).not.toMatch(/(^|\n)[ \t]*(samples|counterSamples):[ \t]*\[(?!\])/);
    }
  });

  it('skips brackets, quotes and comments inside the strings, and refuses what it does not know', () => {
    const src = "sig({\n  id: 'x',\n  samples: ['a ] b', \"c [ d\", `e\\`]`, // note ]\n    'f'],\n  counterSamples: ['g'],\n  check: 'h',\n})";
    expect(withoutSamples(src, 't.ts')).toBe("sig({\n  id: 'x',\n  samples: [],\n  counterSamples: [],\n  check: 'h',\n})");
    expect(() => withoutSamples("sig({\n  samples: [SAMPLE],\n})", 'u.ts')).toThrow(/u\.ts: unexpected "S" in samples/);
  });
});
