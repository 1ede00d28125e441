import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { renderJunit } from './junit.js';
import { HOSTILE, sampleReport } from './_sample.test-helper.js';

/** Minimal well-formedness: every tag closes in order, attributes are quoted, no raw `<` or `&` in text. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const re = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(body))) {
    expect(m.index, `unparsable XML near: ${body.slice(consumed, consumed + 80)}`).toBe(consumed);
    consumed = re.lastIndex;
    if (m[5] !== undefined) {
      expect(m[5]).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
      continue;
    }
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]);
  }
  expect(consumed).toBe(body.length);
  expect(stack).toEqual([]);
}

describe('renderJunit', () => {
  const report = sampleReport();
  const xml = renderJunit(report);

  it('is well-formed XML with consistent counts', () => {
    assertWellFormed(xml);
    const tests = (xml.match(/<testcase /g) ?? []).length;
    const failures = (xml.match(/<failure /g) ?? []).length;
    const skipped = (xml.match(/<skipped /g) ?? []).length;
    expect(xml).toContain(`<testsuites name="flannel-doctor" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`);
    expect(failures).toBeGreaterThan(0);
    expect(skipped).toBeGreaterThan(0);
  });

  it('one test case per rule', () => {
    const names = [...xml.matchAll(/<testcase classname="[^"]*" name="([^"]*)"/g)].map((m) => m[1]);
    expect(names.length).toBe(new Set(names).size);
    expect([...names].sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('failures are the rules behind the root causes; folded symptoms and notes do not fail', () => {
    const roots = report.findings.filter((f) => f.severity !== 'info');
    const failing = [...xml.matchAll(/<testcase classname="[^"]*" name="([^"]*)">\s*<failure /g)].map((m) => m[1]);
    expect(failing.sort()).toEqual([...new Set(roots.map((f) => f.ruleId))].sort());
    expect(xml).toContain(`<property name="rootCauses" value="${roots.length}"/>`);
    const symptoms = report.findings.flatMap((f) => f.symptoms);
    for (const s of symptoms) if (!roots.some((f) => f.ruleId === s.ruleId)) expect(failing).not.toContain(s.ruleId);
    expect(xml).toContain('registry.dns on nodes n1, n2');
    expect(xml).toContain('type="flannel.no-pod-cidr"');
  });

  it('a finding folded under another root cause leaves its rule passing, with the text in system-out', () => {
    const base = sampleReport();
    const [first, second, third] = base.findings;
    const folded = { ...base, findings: [{ ...first, symptoms: [third] }, second] };
    const x = renderJunit(folded);
    expect((x.match(/<failure /g) ?? []).length).toBe(2);
    expect(x).toContain('<property name="rootCauses" value="2"/>');
    const m = new RegExp(`name="${third.ruleId}">\\s*<system-out>([^<]*)</system-out>`).exec(x);
    expect(m?.[1]).toContain(`explained by the root cause ${first.cause}`);
  });

  it('a rule not checked anywhere, without findings, is skipped with what it needs', () => {
    const skippedNames = [...xml.matchAll(/<testcase classname="[^"]*" name="([^"]*)">\s*<skipped message="([^"]*)"/g)];
    const withFindings = new Set(report.findings.flatMap((f) => [f.ruleId, ...f.symptoms.map((s) => s.ruleId)]));
    const expected = [...new Set(report.notChecked.map((n) => n.ruleId))].filter((id) => !withFindings.has(id));
    expect(skippedNames.map((m) => m[1]).sort()).toEqual(expected.sort());
    for (const m of skippedNames) expect(m[2]).toMatch(/not checked on .+: needs /);
  });

  it('escapes hostile text', () => {
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toContain('\u0007');
    expect(HOSTILE).toContain('<script>');
  });
});
