import type { DiagnosisReport } from '../engine/diagnose.js';
import { stepParts } from '../fix/display.js';
import type { FixStep } from '../fix/steps.js';
import { groupEvidence, groupLabel } from './evidence-groups.js';
import { listNames } from '../engine/correlate.js';
import { escapeControls } from './sanitize.js';

/**
 * Cluster text as markdown prose: controls made visible, HTML escaped (a log line's `<img src=…>`
 * stays text), the characters that start links, emphasis, code and table cells escaped, one line.
 */
export function mdText(s: string): string {
  return escapeControls(s)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#!])/g, '\\$1');
}

/** Cluster text as an inline code span: no HTML is interpreted there; backticks cannot close it. */
export function mdCode(s: string): string {
  const t = escapeControls(s).replace(/\s+/g, ' ').trim().replace(/`/g, "'").replace(/\|/g, '\\|');
  return `\`${t}\``;
}

/** A command as a code span: nothing inside is markup, and a backtick in it cannot close it. */
function cmdCode(s: string): string {
  const t = escapeControls(s).replace(/\s*\n\s*/g, ' ');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((x) => x.length));
  const ticks = '`'.repeat(longest + 1);
  return longest ? `${ticks} ${t} ${ticks}` : `${ticks}${t}${ticks}`;
}

/**
 * One fix step as the body of a list item: its prose, its command as a code span, a multi-line
 * snippet (hosts.toml) as a fenced block, and how to verify it.
 */
export function stepMarkdown(s: FixStep): string {
  const p = stepParts(s);
  let out = mdText(p.prose) + (p.command ? ` ${cmdCode(p.command)}` : '');
  if (p.block) out += ['', '', '   ```', ...p.block.split('\n').map((l) => `   ${escapeControls(l).replace(/```/g, "'''")}`), '   ```'].join('\n');
  if (p.verify) out += `\n   verify: ${cmdCode(p.verify)}`;
  return out;
}

/** Markdown for tickets and pull requests. */
export function renderMarkdown(report: DiagnosisReport): string {
  const out: string[] = [];
  out.push(`# flannel-doctor: ${report.verdict.toUpperCase()}`, '', mdText(report.summary), '');
  if (report.findings.length) {
    out.push('| # | cause | severity | tier | where | pods |', '|---|---|---|---|---|---|');
    report.findings.forEach((f, i) =>
      out.push(`| ${i + 1} | ${mdCode(f.cause)} | ${f.severity} | ${f.tier} | ${mdText([...f.nodes, f.registry ?? ''].filter(Boolean).join(', ') || 'cluster')} | ${f.pods.length} |`),
    );
    for (const [i, f] of report.findings.entries()) {
      out.push('', `## ${i + 1}. ${mdCode(f.cause)} — ${mdText(f.message)}`, '');
      if (f.evidence.length) {
        out.push('**Evidence**', '');
        for (const g of groupEvidence(f.evidence)) out.push(`- ${mdText(groupLabel(g, (l) => listNames(l, 3)))}: ${mdCode(g.first.what)}`);
        out.push('');
      }
      if (f.steps.length) {
        out.push('**Fix**', '');
        f.steps.forEach((s, j) => out.push(`${j + 1}. ${stepMarkdown(s)}`));
      }
      if (f.symptoms.length) out.push('', `Explains: ${f.symptoms.map((s) => mdCode(s.cause)).join(', ')}`);
    }
  }
  if (report.unreadable.length) {
    out.push('', '## Could not read', '');
    for (const u of report.unreadable) out.push(`- ${mdText(u.what)}: ${mdText(u.reason)}`);
  }
  if (report.notChecked.length) {
    out.push('', '## Not checked', '');
    for (const n of report.notChecked) out.push(`- ${mdCode(n.ruleId)} (${mdText(n.cause)}) on ${mdText(n.scope)}: needs ${mdText(n.needs.join(', '))}`);
  }
  return out.join('\n') + '\n';
}
