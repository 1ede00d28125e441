import type { DiagnosisReport } from '../engine/diagnose.js';
import type { Finding, NotChecked } from '../findings/finding.js';
import { RULES } from '../rules/index.js';

/** XML 1.0 text/attribute escaping; control characters XML cannot carry are dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Case {
  classname: string;
  name: string;
  failure?: { type: string; message: string; body: string };
  skipped?: string;
  out?: string;
}

function scopeOf(f: Finding): string {
  if (f.nodes.length === 1) return `node ${f.nodes[0]}`;
  if (f.nodes.length > 1) return `nodes ${f.nodes.join(', ')}`;
  return f.registry ? `registry ${f.registry}` : 'cluster';
}

function failureBody(f: Finding): string {
  const lines = [`${f.cause} on ${scopeOf(f)}: ${f.message}`];
  if (f.registry) lines.push(`registry: ${f.registry}`);
  if (f.pods.length) lines.push(`pods: ${f.pods.length} (${f.pods.slice(0, 10).join(', ')}${f.pods.length > 10 ? ', …' : ''})`);
  if (f.evidence.length) lines.push('evidence:', ...f.evidence.map((e) => `  - ${e.where}: ${e.what}`));
  if (f.fix.length) lines.push('fix:', ...f.fix.map((s, i) => `  ${i + 1}. ${s}`));
  return lines.join('\n');
}

/**
 * JUnit XML for CI dashboards: one test case per rule, so the counts are those of the report. A rule
 * fails when it found a root cause (warning or error; several root causes of one rule are listed in its
 * one failure), so failures count the rules behind the root causes the text report lists. A finding
 * folded under another rule's root cause, and an info note, leave the rule passing with the text in
 * system-out; a rule not checked anywhere and with no finding is skipped with what it needs.
 */
export function renderJunit(report: DiagnosisReport): string {
  const roots = new Map<string, Finding[]>();
  const notes = new Map<string, string[]>();
  const note = (ruleId: string, line: string) => notes.set(ruleId, [...(notes.get(ruleId) ?? []), line]);
  for (const f of report.findings) {
    if (f.severity === 'info') note(f.ruleId, `note ${f.cause} on ${scopeOf(f)}: ${f.message}`);
    else roots.set(f.ruleId, [...(roots.get(f.ruleId) ?? []), f]);
    for (const s of f.symptoms) note(s.ruleId, `${s.cause} on ${scopeOf(s)}, explained by the root cause ${f.cause} (counted there): ${s.message}`);
  }
  const notChecked = new Map<string, NotChecked[]>();
  for (const n of report.notChecked) notChecked.set(n.ruleId, [...(notChecked.get(n.ruleId) ?? []), n]);
  const ids = [...new Set([...RULES.map((r) => r.id), ...roots.keys(), ...notes.keys(), ...notChecked.keys()])];
  const cases: Case[] = ids.map((id) => {
    const c: Case = { classname: `flannel-doctor.${id.replace(/\//g, '.')}`, name: id };
    const found = roots.get(id);
    const nc = notChecked.get(id);
    if (found) {
      const worst = found.some((f) => f.severity === 'error') ? 'error' : 'warning';
      const message = found.length === 1 ? `[${found[0].severity}] ${found[0].message}` : `[${worst}] ${found.length} root causes: ${found.map((f) => `${f.cause} on ${scopeOf(f)}`).join('; ')}`;
      c.failure = { type: found[0].cause, message, body: found.map(failureBody).join('\n\n') };
    } else if (nc && !notes.has(id)) c.skipped = nc.map(notCheckedText).join('; ');
    const out = [...(notes.get(id) ?? []), ...(found || notes.has(id) ? (nc ?? []).map(notCheckedText) : [])];
    if (out.length) c.out = out.join('\n');
    return c;
  });
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const rootCount = [...roots.values()].reduce((n, fs) => n + fs.length, 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="flannel-doctor" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    `  <testsuite name="flannel-doctor diagnose" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" timestamp="${xmlEscape(report.generatedAt.replace(/Z$/, ''))}">`,
    '    <properties>',
    `      <property name="verdict" value="${xmlEscape(report.verdict)}"/>`,
    `      <property name="summary" value="${xmlEscape(report.summary)}"/>`,
    `      <property name="rootCauses" value="${rootCount}"/>`,
    `      <property name="version" value="${xmlEscape(report.tool.version)}"/>`,
    '    </properties>',
  ];
  for (const c of cases) {
    const open = `    <testcase classname="${xmlEscape(c.classname)}" name="${xmlEscape(c.name)}"`;
    const body: string[] = [];
    if (c.failure) body.push(`      <failure type="${xmlEscape(c.failure.type)}" message="${xmlEscape(c.failure.message)}">${xmlEscape(c.failure.body)}</failure>`);
    else if (c.skipped !== undefined) body.push(`      <skipped message="${xmlEscape(c.skipped)}"/>`);
    if (c.out) body.push(`      <system-out>${xmlEscape(c.out)}</system-out>`);
    out.push(...(body.length ? [`${open}>`, ...body, '    </testcase>'] : [`${open}/>`]));
  }
  out.push('  </testsuite>', '</testsuites>', '');
  return out.join('\n');
}

function notCheckedText(n: NotChecked): string {
  return `not checked on ${n.scope}: needs ${n.needs.join(', ')}${n.hint ? ` (${n.hint})` : ''}`;
}
