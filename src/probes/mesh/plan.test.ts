import { describe, expect, it } from 'vitest';
import { planMesh } from './plan.js';

const names = (n: number) => Array.from({ length: n }, (_, i) => `n${i + 1}`);

/** A node whose every pair fails is localisable when each of its peers also has a pair without it. */
function localisable(pairs: [string, string][], broken: string): boolean {
  const failing = pairs.filter(([a, b]) => a === broken || b === broken);
  const peers = new Set(failing.flatMap(([a, b]) => [a, b]).filter((x) => x !== broken));
  return failing.length >= 2 && [...peers].every((p) => pairs.some(([a, b]) => (a === p || b === p) && a !== broken && b !== broken));
}

describe('planMesh', () => {
  it('small clusters get every ordered pair', () => {
    const p = planMesh(names(5));
    expect(p.mode).toBe('full');
    expect(p.pairs.length).toBe(20);
    expect(new Set(p.pairs.map((x) => x.join('>'))).size).toBe(20);
  });

  it('fewer than two nodes: nothing to probe', () => {
    expect(planMesh(['n1']).pairs).toEqual([]);
    expect(planMesh([]).pairs).toEqual([]);
  });

  it.each([25, 60, 200, 1000])('%i nodes: sampled, linear in size, every node sends and receives, deterministic', (n) => {
    const p = planMesh(names(n));
    expect(p.mode).toBe('sampled');
    expect(p.pairs.length).toBeLessThanOrEqual(n * 4);
    expect(p.pairs.length).toBeGreaterThanOrEqual(n * 2);
    const from = new Set(p.pairs.map((x) => x[0]));
    const to = new Set(p.pairs.map((x) => x[1]));
    expect(from.size).toBe(n);
    expect(to.size).toBe(n);
    expect(p.pairs.every(([a, b]) => a !== b)).toBe(true);
    expect(planMesh(names(n)).pairs).toEqual(p.pairs);
  });

  it('any single broken node is localisable in a sampled plan', () => {
    const all = names(80);
    const p = planMesh(all);
    for (const broken of all) expect(localisable(p.pairs, broken), broken).toBe(true);
  });

  it('respects fullMeshMax and chords', () => {
    expect(planMesh(names(10), { fullMeshMax: 5, chords: 0 }).pairs.length).toBe(20);
    expect(planMesh(names(10), { fullMeshMax: 50 }).mode).toBe('full');
  });
});
