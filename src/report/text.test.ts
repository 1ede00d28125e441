import { describe, expect, it } from 'vitest';
import { diagnose } from '../engine/diagnose.js';
import { makeEvidence } from '../rules/rule-tester.js';
import { node } from '../rules/image/_fixtures.js';
import { RULES } from '../rules/index.js';
import { readBundle } from '../sources/bundle/read.js';
import { groupEvidence } from './evidence-groups.js';
import { renderMarkdown } from './markdown.js';
import { renderJson } from './json.js';
import { renderText } from './text.js';
import { HOSTILE, sampleReport } from './_sample.test-helper.js';

const EXAMPLE = new URL('../../examples/broken-cluster', import.meta.url).pathname;
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

async function exampleReport() {
  return diagnose((await readBundle(EXAMPLE)).evidence, RULES, { version: 'test', now: new Date('2026-12-01T00:00:00Z') });
}

describe('renderText on the bundled example', () => {
  it('verdict first, then the table of causes in rank order; at most 45 lines of at most 100 columns', async () => {
    const report = await exampleReport();
    const text = renderText(report);
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(45);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(100);
    expect(lines[0]).toMatch(/^BROKEN {2}/);
    expect(lines[1]).toBe(`Read 3 nodes, 18 pods, 61 events; ${report.evidence.rulesRan} of ${RULES.length} rules ran.`);
    const table = lines.slice(3, 3 + report.findings.length);
    report.findings.forEach((f, i) => expect(table[i]).toMatch(new RegExp(`^${i + 1} +${f.cause.replace('.', '\\.')} +${f.severity} +${f.pods.length} `)));
  });

  it('folds the eight alike pull events of registry.dns into one line with a count', async () => {
    const report = await exampleReport();
    const dns = report.findings.find((f) => f.cause === 'registry.dns')!;
    expect(dns.evidence.filter((e) => e.where.startsWith('event ')).length).toBe(8);
    const text = renderText(report);
    const block = text.slice(text.indexOf('1. registry.dns'), text.indexOf('\n\n2. '));
    expect(block).toMatch(/evidence: 8 events Failed \(×72\): Failed to pull image /);
    expect(block.match(/ Failed \(/g)).toHaveLength(1);
    // Evidence that does not support the cause is left out: the runtime does not change a DNS fix.
    expect(block).not.toContain('containerRuntimeVersion');
  });

  it('--quiet is the verdict and the table only; --wide cuts nothing', async () => {
    const report = await exampleReport();
    const quiet = renderText(report, undefined, { quiet: true }).trimEnd().split('\n');
    expect(quiet).toHaveLength(3 + report.findings.length);
    const wide = renderText(report, undefined, { wide: true });
    for (const f of report.findings) for (const g of groupEvidence(f.evidence)) expect(wide).toContain(g.first.what.replace(/\s+/g, ' ').trim());
    for (const p of report.findings.flatMap((f) => f.pods)) expect(wide).toContain(p);
  });

  it('wraps to a narrow terminal', async () => {
    const text = renderText(await exampleReport(), undefined, { width: 72 });
    for (const l of text.trimEnd().split('\n')) expect(l.length, l).toBeLessThanOrEqual(72);
  });
});

describe('cluster text cannot steer the terminal or the markdown', () => {
  const report = sampleReport();
  it('text: ESC, BEL, NUL and bidi overrides are shown as escapes, never written raw', () => {
    const evil = structuredClone(report);
    evil.findings[0].message = 'pull failed \u001b[2J\u001b]0;owned\u0007 \u0000 \u202egnp.exe';
    evil.findings[0].evidence[0].what = 'event \u001b[31mred\u001b[0m \u009b2J';
    for (const opts of [{}, { wide: true }]) {
      const text = renderText(evil, undefined, opts);
      expect(text).not.toMatch(RAW_CONTROLS);
      expect(text).toContain('\\x1b[2J');
      expect(text).toContain('\\x07');
      expect(text).toContain('\\u202e');
    }
    expect(renderText(report)).not.toMatch(RAW_CONTROLS);
    expect(HOSTILE).toMatch(RAW_CONTROLS);
  });
  it('markdown: raw HTML from log lines is escaped, controls are shown as escapes', () => {
    const evil = structuredClone(report);
    evil.findings[0].message = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) \u001b[2J';
    const md = renderMarkdown(evil);
    expect(md).not.toMatch(RAW_CONTROLS);
    // Outside code spans (which a markdown renderer shows literally) no tag survives.
    const prose = md.replace(/`[^`\n]*`/g, '');
    expect(prose).not.toMatch(/<[a-z]/i);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).not.toContain('[click](');
  });
  it('json: the data is kept, but DEL, C1 and bidi characters are \\u escapes in the file', () => {
    const evil = structuredClone(report);
    evil.findings[0].message = 'a\u001bb\u009bc\u202ed';
    const json = renderJson(evil);
    expect(json).not.toMatch(RAW_CONTROLS);
    expect(JSON.parse(json).findings[0].message).toBe('a\u001bb\u009bc\u202ed');
  });
});

describe('an honest verdict', () => {
  it('healthy says how much was checked', () => {
    const report = diagnose(makeEvidence({ cluster: { nodes: [node('n1', { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] })] } }), RULES);
    expect(report.verdict).toBe('healthy');
    expect(report.evidence.rulesRan).toBeLessThan(report.evidence.rulesTotal);
    expect(report.summary).toMatch(/^No problem found as far as checked \(\d+ of \d+ rules ran; \d+ need node evidence/);
    expect(renderText(report).split('\n')[0]).toMatch(/^HEALTHY {2}No problem found as far as checked/);
  });
  it('evidence with no node at all is unknown, not healthy', () => {
    const report = diagnose(makeEvidence({ cluster: {} }), RULES);
    expect(report.evidence.rulesRun).toBeGreaterThan(0);
    expect(report.verdict).toBe('unknown');
    expect(report.summary).toMatch(/no node/);
  });
});
