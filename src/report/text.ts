import type { DiagnosisReport } from '../engine/diagnose.js';
import type { NotChecked, RootCause } from '../engine/finding.js';
import { listNames } from '../engine/correlate.js';
import { PLAIN, type Style } from './style.js';

/** The text report: verdict first, then root causes with evidence and fix, then what was not checked. */
export function renderText(report: DiagnosisReport, style: Style = PLAIN): string {
  const out: string[] = [];
  const verdict =
    report.verdict === 'healthy'
      ? style.green('HEALTHY')
      : report.verdict === 'degraded'
        ? style.yellow('DEGRADED')
        : report.verdict === 'unknown'
          ? style.yellow('UNKNOWN')
          : style.red('BROKEN');
  out.push(`${style.bold('Verdict:')} ${verdict}  ${report.summary}`);
  const ev = report.evidence;
  out.push(
    style.dim(
      `Read ${ev.nodes ?? 0} nodes, ${ev.pods ?? 0} pods, ${ev.events ?? 0} events` +
        (ev.nodeEvidence ? `, evidence of ${ev.nodeEvidence} nodes` : '') +
        (ev.probes ? `, ${ev.probes} probe results` : '') +
        `; ${ev.rulesRun ?? 0} rule runs.`,
    ),
  );
  const shown = report.findings.filter((f) => f.severity !== 'info');
  const notes = report.findings.filter((f) => f.severity === 'info');
  if (shown.length) {
    out.push('', style.bold('Root causes'));
    shown.forEach((f, i) => out.push(...renderFinding(f, i + 1, style)));
  }
  if (notes.length) {
    out.push('', style.bold('Notes'));
    for (const f of notes) out.push(`  - ${f.cause}: ${f.message}${f.fix[0] ? ` — ${f.fix[0]}` : ''}`);
  }
  if (report.unreadable.length) {
    out.push('', style.bold('Could not read'));
    for (const u of report.unreadable) out.push(`  - ${u.what}: ${u.reason}`);
  }
  if (report.notChecked.length) {
    out.push('', style.bold('Not checked'));
    // One line per missing kind of evidence, not one per rule: the fix is the same for all of them.
    const groups = new Map<string, NotChecked[]>();
    for (const n of report.notChecked) {
      const key = `${n.scope}\u0000${n.hint ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), n]);
    }
    for (const list of groups.values()) {
      const all = [...new Set(list.flatMap((n) => n.needs))];
      // Without any node evidence, naming each missing node key says nothing more.
      const needs = all.includes('node evidence') ? ['node evidence (none was given)'] : all;
      const causes = [...new Set(list.flatMap((n) => n.cause.split(', ')))];
      out.push(`  - ${list.length} rule${list.length === 1 ? '' : 's'} on ${list[0].scope}: needs ${needs.join(', ')}`);
      out.push(style.dim(`    causes not checked: ${listNames(causes, 12)}`));
      if (list[0].hint) out.push(style.dim(`    to check: ${list[0].hint}`));
    }
  }
  return out.join('\n') + '\n';
}

function renderFinding(f: RootCause, n: number, style: Style): string[] {
  const sev = f.severity === 'error' ? style.red('error') : f.severity === 'warning' ? style.yellow('warning') : 'info';
  const out = [``, `${style.bold(`${n}. ${f.cause}`)} [${sev}, ${f.tier}] ${f.message}`];
  const where: string[] = [];
  if (f.nodes.length) where.push(`nodes: ${listNames(f.nodes)}`);
  if (f.registry) where.push(`registry: ${f.registry}`);
  if (f.pods.length) where.push(`pods: ${f.pods.length} (${listNames(f.pods, 3)})`);
  if (where.length) out.push(`   ${where.join(' · ')}`);
  if (f.evidence.length) {
    out.push(`   ${style.cyan('evidence:')}`);
    for (const e of f.evidence.slice(0, 6)) out.push(`     - ${e.where}: ${oneLine(e.what)}`);
    if (f.evidence.length > 6) out.push(`     - … ${f.evidence.length - 6} more`);
  }
  if (f.symptoms.length) {
    out.push(`   ${style.cyan('explains:')}`);
    for (const s of f.symptoms) out.push(`     - ${s.cause}: ${s.message}`);
  }
  if (f.fix.length) {
    out.push(`   ${style.green('fix:')}`);
    f.fix.forEach((step, i) => out.push(`     ${i + 1}. ${step}`));
  }
  if (f.alternatives?.length) out.push(style.dim(`   also possible: ${f.alternatives.join(', ')}`));
  return out;
}

function oneLine(s: string, max = 400): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}
