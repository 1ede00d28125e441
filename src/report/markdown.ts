import type { DiagnosisReport } from '../engine/diagnose.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown for tickets and pull requests. */
export function renderMarkdown(report: DiagnosisReport): string {
  const out: string[] = [];
  out.push(`# flannel-doctor: ${report.verdict.toUpperCase()}`, '', report.summary, '');
  if (report.findings.length) {
    out.push('| # | cause | severity | tier | where | pods |', '|---|---|---|---|---|---|');
    report.findings.forEach((f, i) =>
      out.push(`| ${i + 1} | \`${f.cause}\` | ${f.severity} | ${f.tier} | ${esc([...f.nodes, f.registry ?? ''].filter(Boolean).join(', ') || 'cluster')} | ${f.pods.length} |`),
    );
    for (const [i, f] of report.findings.entries()) {
      out.push('', `## ${i + 1}. \`${f.cause}\` — ${esc(f.message)}`, '');
      if (f.evidence.length) {
        out.push('**Evidence**', '');
        for (const e of f.evidence) out.push(`- ${esc(e.where)}: \`${esc(e.what).replace(/`/g, "'")}\``);
        out.push('');
      }
      if (f.fix.length) {
        out.push('**Fix**', '');
        f.fix.forEach((s, j) => out.push(`${j + 1}. ${s}`));
      }
      if (f.symptoms.length) out.push('', `Explains: ${f.symptoms.map((s) => `\`${s.cause}\``).join(', ')}`);
    }
  }
  if (report.notChecked.length) {
    out.push('', '## Not checked', '');
    for (const n of report.notChecked) out.push(`- \`${n.ruleId}\` (${n.cause}) on ${n.scope}: needs ${n.needs.join(', ')}`);
  }
  return out.join('\n') + '\n';
}
