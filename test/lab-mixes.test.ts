import { describe, expect, it } from 'vitest';
import { FAULTS } from '../lab/faults/index.js';
import { drawScenarios } from '../scripts/lab-mixes.js';

describe('lab mixes: the drawn scenarios', () => {
  const nodes = ['n1', 'n2', 'n3'];
  const plan = drawScenarios(FAULTS, nodes, 7, 30);

  it('are the same for the same seed and differ for another', () => {
    const key = (p: typeof plan) => p.map((s) => s.faults.map((f) => `${f.fault.id}@${f.node}`).join('+')).join(' ');
    expect(key(drawScenarios(FAULTS, nodes, 7, 30))).toBe(key(plan));
    expect(key(drawScenarios(FAULTS, nodes, 8, 30))).not.toBe(key(plan));
  });

  it('never put two faults on one node, nor a node fault without a node', () => {
    expect(plan).toHaveLength(30);
    for (const s of plan) {
      const placed = s.faults.filter((f) => f.node).map((f) => f.node);
      expect(new Set(placed).size, JSON.stringify(placed)).toBe(placed.length);
      for (const f of s.faults) expect(!!f.node, f.fault.id).toBe(f.fault.nodeBound);
    }
  });

  it('move single faults off the node the accuracy run always uses, and mix layers', () => {
    for (const s of plan.filter((x) => x.kind === 'placement')) {
      expect(s.faults).toHaveLength(1);
      expect(s.faults[0].node).not.toBe('n2');
    }
    for (const s of plan.filter((x) => x.kind === 'two nodes')) expect(s.faults[0].fault.id.split('.')[0]).not.toBe(s.faults[1].fault.id.split('.')[0]);
    for (const s of plan.filter((x) => x.kind === 'same layer')) {
      expect(s.faults[0].fault.id.split('.')[0]).toBe(s.faults[1].fault.id.split('.')[0]);
      expect(s.faults[0].fault.id).not.toBe(s.faults[1].fault.id);
    }
    for (const s of plan.filter((x) => x.kind === 'pull + node')) {
      expect(s.faults.some((f) => f.fault.id.startsWith('image.') || f.fault.id.startsWith('registry.'))).toBe(true);
      // a cluster-wide flannel stop would hide the other fault: never drawn
      expect(s.faults.map((f) => f.fault.id)).not.toContain('flannel.config-invalid');
    }
    expect(new Set(plan.map((s) => s.kind)).size).toBe(4);
  });
});

describe('README lab mixes', () => {
  it('is the line generated from the committed docs/lab-mixes.json, which counts its rows', async () => {
    const { readFileSync } = await import('node:fs');
    const { readBlock } = await import('../scripts/readme-block.js');
    const { mixesLine } = await import('../scripts/lab-mixes.js');
    const m = JSON.parse(readFileSync('docs/lab-mixes.json', 'utf8'));
    expect(m.total).toBe(m.rows.length);
    expect(m.passed).toBe(m.rows.filter((r: { pass: boolean }) => r.pass).length);
    expect(readBlock(readFileSync('README.md', 'utf8'), 'lab-mixes')).toBe(mixesLine(m));
  });
});
