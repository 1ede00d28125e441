import { describe, expect, it } from 'vitest';
import { causeIds } from '../catalog/index.js';
import { renderSarif } from './sarif.js';
import { sampleReport } from './_sample.test-helper.js';

describe('renderSarif', () => {
  const report = sampleReport();
  const sarif = JSON.parse(renderSarif(report));
  const run = sarif.runs[0];

  it('is SARIF 2.1.0 with the tool and its rules', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(run.tool.driver.name).toBe('flannel-doctor');
    expect(run.tool.driver.version).toBe('0.1.0-test');
    for (const r of run.tool.driver.rules) {
      expect(causeIds()).toContain(r.id);
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
    }
  });

  it('one result per root cause; ruleId = cause id, ruleIndex points at it, level from severity', () => {
    expect(run.results).toHaveLength(report.findings.length);
    const level = { error: 'error', warning: 'warning', info: 'note' } as const;
    report.findings.forEach((f, i) => {
      const r = run.results[i];
      expect(r.ruleId).toBe(f.cause);
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(f.cause);
      expect(r.level).toBe(level[f.severity]);
      expect(r.message.text).toBe(f.message);
    });
  });

  it('one location: a physical one (code scanning drops results without) with nodes, registry and pods as logical locations', () => {
    const dns = run.results.find((r: { ruleId: string }) => r.ruleId === 'registry.dns');
    expect(dns.locations).toHaveLength(1);
    const names = dns.locations[0].logicalLocations.map((l: { fullyQualifiedName: string }) => l.fullyQualifiedName);
    expect(names).toEqual(expect.arrayContaining(['node/n1', 'node/n2', 'registry/reg.example.com', 'pod/shop/api-a1b2c', 'pod/billing/api-d4e5f']));
    // No input named: the live cluster's object path.
    expect(dns.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^kubernetes\/pods\/(shop|billing)\/api-/);
    for (const r of run.results) {
      expect(r.locations[0].physicalLocation.artifactLocation.uri.length, r.ruleId).toBeGreaterThan(0);
      expect(r.locations[0].physicalLocation.region.startLine).toBe(1);
    }
  });

  it('points at the bundle file that held the pods, the nodes, or at the archive', () => {
    const files = { pods: ['ns/shop/pods.json'], events: ['events.json'], nodes: ['nodes.json'] };
    const dir = JSON.parse(renderSarif(report, undefined, { inputs: { bundle: 'bundles/b 1', files } })).runs[0];
    const dns = dir.results.find((r: { ruleId: string }) => r.ruleId === 'registry.dns');
    expect(dns.locations[0].physicalLocation.artifactLocation.uri).toBe('bundles/b%201/ns/shop/pods.json');
    expect(dns.relatedLocations.map((l: any) => l.physicalLocation.artifactLocation.uri)).toEqual(['bundles/b%201/events.json', 'bundles/b%201/nodes.json', 'bundles/b%201']);
    const tgz = JSON.parse(renderSarif(report, undefined, { inputs: { bundle: '/tmp/x/b.tgz', files } })).runs[0];
    for (const r of tgz.results) expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe('file:///tmp/x/b.tgz');
  });

  it('not-checked rules are notifications, not silence', () => {
    const notes = run.invocations[0].toolExecutionNotifications;
    expect(notes.length).toBeGreaterThanOrEqual(report.notChecked.length);
    expect(notes[0].message.text).toMatch(/not checked/);
  });
});
