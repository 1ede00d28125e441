import { describe, expect, it } from 'vitest';
import { discoverSuites, renderTable } from './run.js';
import { messages, rng } from './gen/messages.js';

describe('bench runner', () => {
  it('discovers every suite file with a default Suite export', async () => {
    const suites = await discoverSuites();
    const names = suites.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['explain-throughput', 'cold-start']));
    for (const s of suites) expect(typeof s.run).toBe('function');
  });

  it('renders results, skips and errors as one table', () => {
    const table = renderTable([
      {
        suite: 'x',
        seconds: 1,
        result: {
          suite: 'x',
          ours: { label: 'ours', unit: 'msg/s', value: 250000 },
          peer: { label: 'rg', unit: 'msg/s', value: 500000 },
          ratio: 0.5,
          target: '>= 200,000 msg/s',
          met: true,
        },
      },
      { suite: 'y', seconds: 0, skipped: 'no kubectl' },
      { suite: 'z', seconds: 0, error: 'boom' },
    ]);
    const lines = table.trim().split('\n');
    expect(lines[0]).toMatch(/^suite +\| ours +\| peer +\| ratio +\| target +\| met$/);
    expect(lines[2]).toContain('250,000 msg/s');
    expect(lines[2]).toMatch(/\| yes$/);
    expect(lines[3]).toContain('skipped: no kubectl');
    expect(lines[4]).toContain('ERROR');
  });
});

describe('message generator', () => {
  it('is deterministic for a seed and varies between seeds', () => {
    expect(messages(200, 3)).toBe(messages(200, 3));
    expect(messages(200, 3)).not.toBe(messages(200, 4));
    expect(messages(200, 3).split('\n').filter(Boolean)).toHaveLength(200);
    expect(rng(1)()).toBeGreaterThanOrEqual(0);
  });
});
