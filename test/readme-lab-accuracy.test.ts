import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accuracyLine, readmeBlock, type AccuracyFile } from '../scripts/lab-accuracy-readme.js';

describe('README lab accuracy', () => {
  it('is the line generated from the committed docs/lab-accuracy.json', () => {
    const a = JSON.parse(readFileSync('docs/lab-accuracy.json', 'utf8')) as AccuracyFile;
    expect(readmeBlock(readFileSync('README.md', 'utf8'))).toBe(accuracyLine(a));
  });
  it('counts what the table says', () => {
    const a = JSON.parse(readFileSync('docs/lab-accuracy.json', 'utf8')) as AccuracyFile;
    const faults = a.rows.filter((r) => !r.fault.startsWith('('));
    expect(a.total).toBe(faults.length);
    expect(a.passed).toBe(faults.filter((r) => r.pass).length);
    expect(accuracyLine(a)).toContain(`**${a.passed} of ${a.total} faults**`);
    const live = faults.filter((r) => r.live);
    if (live.length) expect(accuracyLine(a)).toContain(`on ${live.length} of these faults: **${live.filter((r) => r.live!.pass).length} of ${live.length}**`);
  });
});
