import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';
import { sampleReport } from './_sample.test-helper.js';

describe('renderMarkdown', () => {
  const report = sampleReport();
  const md = renderMarkdown(report);

  it('writes each fix command as a code span, filled from the finding', () => {
    const dns = report.findings.find((f) => f.cause === 'registry.dns')!;
    expect(dns.fix.join('\n')).toContain('getent hosts reg.example.com');
    expect(md).toContain('Resolve the name on the node itself: `getent hosts reg.example.com`');
  });

  it('keeps <…> text visible: escaped, never read as HTML', () => {
    const withAngles = { ...report, findings: report.findings.map((f, i) => (i === 0 ? { ...f, message: 'lookup <host> failed', steps: [{ text: 'Edit <the file>', on: 'person' as const, manual: 'x' }] } : f)) };
    const out = renderMarkdown(withAngles);
    expect(out).toContain('lookup &lt;host&gt; failed');
    expect(out).toContain('Edit &lt;the file&gt;');
    expect(out).not.toMatch(/<host>|<the file>/);
  });
});
