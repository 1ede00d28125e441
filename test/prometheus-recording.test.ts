import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planMesh } from '../src/probes/mesh/plan.js';

const dir = new URL('../deploy/', import.meta.url).pathname;
const rules = parse(readFileSync(`${dir}prometheus/flannel-doctor-recording-rules.yaml`, 'utf8')).groups.flatMap((g: any) => g.rules);

describe('Prometheus recording rules at 5,000 nodes', () => {
  it('aggregate away the peer label (O(nodes), never O(pairs)) and name their level', () => {
    expect(rules.length).toBeGreaterThan(5);
    for (const r of rules) {
      expect(r.record).toMatch(/^(cluster|cause|path|node|registry|target):flannel_doctor_[a-z_]+:[a-z0-9_]+$/);
      const by = /^\w+ by \(([^)]*)\)/.exec(r.expr)?.[1] ?? ''; // the outermost aggregation's labels
      expect(r.expr).not.toMatch(/by \([^)]*\bpeer\b/);
      expect(by, r.record).not.toMatch(/\bpeer\b/);
      if (/\bnode\b/.test(by)) expect(r.record).toMatch(/^node:/);
    }
  });

  it('the mesh plan keeps per-node pair series bounded (at most 4 peers per node at 5,000 nodes)', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `n${i}`);
    const plan = planMesh(names);
    expect(plan.mode).toBe('sampled');
    const out = new Map<string, number>();
    for (const [a] of plan.pairs) out.set(a, (out.get(a) ?? 0) + 1);
    expect(Math.max(...out.values())).toBeLessThanOrEqual(4);
    // what the rules file's header claims: 4 peers x 5 paths x 3 metrics per node
    expect(plan.pairs.length * 5 * 3).toBeLessThanOrEqual(5000 * 60);
    expect(readFileSync(`${dir}prometheus/flannel-doctor-recording-rules.yaml`, 'utf8')).toContain('at most 4 peers');
  });

  const promtool = spawnSync('promtool', ['--version']).status === 0;
  it.skipIf(!promtool)('pass `promtool check rules` (Debian package prometheus)', () => {
    const out = execFileSync('promtool', ['check', 'rules', `${dir}prometheus/flannel-doctor-recording-rules.yaml`], { encoding: 'utf8' });
    expect(out).toContain('SUCCESS');
  });

  it('the Helm chart ships the same recording rules', () => {
    const helm = readFileSync(`${dir}helm/flannel-doctor/templates/prometheusrule.yaml`, 'utf8');
    for (const r of rules) expect(helm).toContain(`record: ${r.record}`);
  });
});
