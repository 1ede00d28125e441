import { describe, expect, it } from 'vitest';
import { htmlEscape, renderHtml } from './html.js';
import { HOSTILE, sampleReport } from './_sample.test-helper.js';

describe('renderHtml', () => {
  const report = sampleReport();
  const html = renderHtml(report);

  it('is one self-contained page: no scripts, no external assets', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(/i);
    expect(html).toContain('<style>');
  });

  it('says the verdict, the root causes with evidence and fix, and what was not checked', () => {
    expect(html).toContain('class="verdict broken"');
    for (const f of report.findings) expect(html).toContain(`<code>${htmlEscape(f.cause)}</code>`);
    expect(html).toContain('<h4>Evidence</h4>');
    expect(html).toContain('<h4>Fix</h4>');
    expect(html).toContain('<h2>Not checked</h2>');
    for (const n of report.notChecked) expect(html).toContain(htmlEscape(n.ruleId));
  });

  it('shows fix commands in monospace, filled from the finding', () => {
    expect(html).toContain('Resolve the name on the node itself: <code class="cmd">getent hosts reg.example.com</code>');
    expect(html).toMatch(/code,pre\{font:[^}]*monospace/);
    // no scripts in the report: one click selects the whole command, ready to copy
    expect(html).toMatch(/code\.cmd\{[^}]*user-select:all/);
  });

  it('escapes everything', () => {
    expect(html).not.toContain(HOSTILE.slice(0, 8));
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(htmlEscape('<a href="x">\'&')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });
});
