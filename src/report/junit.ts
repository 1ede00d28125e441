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
}

function scopeOf(f: Finding): string {
  if (f.nodes.length === 1) return `node ${f.nodes[0]}`;
  if (f.nodes.length > 1) return `nodes ${f.nodes.join(', ')}`;
  return f.registry ? `registry ${f.registry}` : 'cluster';
}

function failureBody(f: Finding): string {
  const lines = [f.message, ''];
  if (f.registry) lines.push(`registry: ${f.registry}`);
  if (f.pods.length) lines.push(`pods: ${f.pods.length} (${f.pods.slice(0, 10).join(', ')}${f.pods.length > 10 ? ', …' : ''})`);
  if (f.evidence.length) lines.push('evidence:', ...f.evidence.map((e) => `  - ${e.where}: ${e.what}`));
  if (f.fix.length) lines.push('fix:', ...f.fix.map((s, i) => `  ${i + 1}. ${s}`));
  return lines.join('\n');
}

/**
 * JUnit XML for CI dashboards: one test case per rule and scope. A finding (and each symptom folded
 * under it) is a failure, info notes are passing cases with their text in system-out, rules not
 * checked are skipped with what they need, and rules that ran silently pass.
 */
export function renderJunit(report: DiagnosisReport): string {
  const cases: Case[] = [];
  const withFindings = new Set<string>();
  const all: { f: Finding; parent?: Finding }[] = report.findings.flatMap((f) => [{ f }, ...f.symptoms.map((s) => ({ f: s, parent: f }))]);
  for (const { f, parent } of all) {
    withFindings.add(f.ruleId);
    const explained = parent ? ` (explained by ${parent.cause})` : '';
    const c: Case = { classname: `flannel-doctor.${f.ruleId.replace(/\//g, '.')}`, name: `${f.cause} on ${scopeOf(f)}${explained}` };
    if (f.severity !== 'info') c.failure = { type: f.cause, message: `[${f.severity}] ${f.message}`, body: failureBody(f) };
    cases.push(c);
  }
  const skippedRules = new Set<string>();
  for (const n of report.notChecked) {
    skippedRules.add(n.ruleId);
    cases.push({ classname: `flannel-doctor.${n.ruleId.replace(/\//g, '.')}`, name: `${n.ruleId} on ${n.scope}`, skipped: notCheckedText(n) });
  }
  for (const r of RULES) {
    if (withFindings.has(r.id) || skippedRules.has(r.id)) continue;
    cases.push({ classname: `flannel-doctor.${r.id.replace(/\//g, '.')}`, name: `${r.id} on ${r.scope === 'node' ? 'every node checked' : 'cluster'}` });
  }
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="flannel-doctor" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    `  <testsuite name="flannel-doctor diagnose" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" timestamp="${xmlEscape(report.generatedAt.replace(/Z$/, ''))}">`,
    '    <properties>',
    `      <property name="verdict" value="${xmlEscape(report.verdict)}"/>`,
    `      <property name="summary" value="${xmlEscape(report.summary)}"/>`,
    `      <property name="version" value="${xmlEscape(report.tool.version)}"/>`,
    '    </properties>',
  ];
  for (const c of cases) {
    const open = `    <testcase classname="${xmlEscape(c.classname)}" name="${xmlEscape(c.name)}"`;
    if (c.failure) {
      out.push(`${open}>`, `      <failure type="${xmlEscape(c.failure.type)}" message="${xmlEscape(c.failure.message)}">${xmlEscape(c.failure.body)}</failure>`, '    </testcase>');
    } else if (c.skipped !== undefined) {
      out.push(`${open}>`, `      <skipped message="${xmlEscape(c.skipped)}"/>`, '    </testcase>');
    } else out.push(`${open}/>`);
  }
  const notes = all.map((x) => x.f).filter((f) => f.severity === 'info');
  if (notes.length) out.push(`    <system-out>${xmlEscape(notes.map((f) => `note ${f.cause}: ${f.message}`).join('\n'))}</system-out>`);
  out.push('  </testsuite>', '</testsuites>', '');
  return out.join('\n');
}

function notCheckedText(n: NotChecked): string {
  return `not checked: needs ${n.needs.join(', ')}${n.hint ? ` (${n.hint})` : ''}`;
}
