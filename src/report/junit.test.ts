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
    expect(skipped).toBe(report.notChecked.length);
  });

  it('fails one case per non-info finding, named by cause and scope', () => {
    const causes = report.findings.flatMap((f) => [f, ...f.symptoms]).filter((f) => f.severity !== 'info');
    expect((xml.match(/<failure /g) ?? []).length).toBe(causes.length);
    expect(xml).toContain('name="registry.dns on nodes n1, n2"');
    expect(xml).toContain('type="flannel.no-pod-cidr"');
  });

  it('every rule appears: failed, skipped or passed', () => {
    for (const r of RULES) expect(xml).toContain(`classname="flannel-doctor.${r.id.replace(/\//g, '.')}"`);
  });

  it('escapes hostile text', () => {
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toContain('\u0007');
    expect(HOSTILE).toContain('<script>');
  });
});
