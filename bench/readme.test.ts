import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { END, readOutcomes, renderSection, START, suiteNames, withSection } from '../scripts/bench-readme.js';
import type { RunOutcome } from './run.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('README performance table', () => {
  it('is exactly what bench/out generates (run npx tsx scripts/bench-readme.ts after a bench run)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    expect(section).toBe(renderSection(readOutcomes(), suiteNames()));
  });

  const outcome: RunOutcome = {
    suite: 'log-scan',
    seconds: 1,
    date: '2026-12-02T20:00:00.000Z',
    load: [3.5, 4],
    cores: 2,
    result: {
      suite: 'log-scan',
      ours: { label: 'scanLog', unit: 'MiB per CPU-s', value: 57.4, note: 'a | b' },
      peer: { label: 'rg', unit: 'MiB per CPU-s', value: 17.8 },
      ratio: 3.22,
      ratioSays: 'rg CPU ÷ ours CPU (> 1: ours faster)',
      target: '>= 0.5x',
      met: true,
    },
  };

  it('renders every figure, the ratio with its direction and the load, and escapes cells', () => {
    const s = renderSection([outcome, { suite: 'probe-mesh', seconds: 0, error: 'boom' }]);
    expect(s).toContain('**57.4 MiB per CPU-s** scanLog: a \\| b');
    expect(s).toContain('3.22× (rg CPU ÷ ours CPU (> 1: ours faster))');
    expect(s).toContain('load 3.5→4 on 2 cores');
    expect(s).toMatch(/\| probe-mesh \|.*error: boom \| ERROR \|/);
  });

  it('names the suites that have no result yet', () => {
    expect(renderSection([outcome], ['log-scan', 'live-scale'])).toContain('Not measured yet (no result in bench/out): live-scale.');
    expect(renderSection([outcome], ['log-scan'])).not.toContain('Not measured yet');
  });

  it('changes when a result changes, so a stale table fails the first test', () => {
    const changed = { ...outcome, result: { ...outcome.result!, ratio: 0.4, met: false } };
    expect(renderSection([changed])).not.toBe(renderSection([outcome]));
    expect(renderSection([changed])).toContain('**no**');
  });

  it('takes each suite\'s newest result from the result directories', () => {
    const dir = (name: string) => mkdtempSync(join(tmpdir(), `fd-readme-${name}-`));
    const [a, b] = [dir('a'), dir('b')];
    try {
      writeFileSync(join(a, 'log-scan.json'), JSON.stringify({ ...outcome, date: '2026-12-01T00:00:00Z' }));
      writeFileSync(join(b, 'log-scan.json'), JSON.stringify({ ...outcome, date: '2026-12-02T00:00:00Z', result: { ...outcome.result!, ratio: 9 } }));
      writeFileSync(join(b, 'results.json'), '{}');
      const got = readOutcomes([a, b]);
      expect(got).toHaveLength(1);
      expect(got[0]!.result!.ratio).toBe(9);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('replaces only the marked section', () => {
    const doc = `intro\n${START}\nold\n${END}\noutro\n`;
    expect(withSection(doc, `${START}\nnew\n${END}`)).toBe(`intro\n${START}\nnew\n${END}\noutro\n`);
    expect(() => withSection('no markers', 'x')).toThrow(/no <!-- bench:start -->/);
  });
});
