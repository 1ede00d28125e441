import type { DiagnosisReport } from '../engine/diagnose.js';
import type { NotChecked, RootCause } from '../findings/finding.js';
import { listNames, scopeSuffix } from '../engine/correlate.js';
import { groupEvidence, groupLabel } from './evidence-groups.js';
import { fit, table, wrap, wrapFit } from './layout.js';
import { sanitizeReport } from './sanitize.js';
import { PLAIN, type Style } from './style.js';

/**
 * How the text report is laid out. `width` 0 means no wrapping (--wide); the CLI passes the
 * terminal's width on a TTY and a fixed, shorter width when piped.
 */
export interface TextOptions {
  width?: number;
  /** --wide: every evidence item, every pod, full texts, no wrapping. */
  wide?: boolean;
  /** --quiet: the verdict and the causes table only. */
  quiet?: boolean;
}

export const PIPED_WIDTH = 100;

/** What every section gets: the report (already sanitised), the style and the layout. */
export interface TextContext {
  report: DiagnosisReport;
  style: Style;
  width: number;
  wide: boolean;
}

/** A section returns its lines, or none to be left out; sections are separated by one blank line. */
export type TextSection = (ctx: TextContext) => string[];

/**
 * The sections in order. One more section (e.g. symptoms no cause explains) is one more entry here.
 */
export const TEXT_SECTIONS: TextSection[] = [causesSection, notesSection, symptomsSection, nodeConditionsSection, unreadableSection, notCheckedSection];

/**
 * The text report: the verdict line, what was read and checked, a table of the root causes, then
 * per cause one line of message, where, the evidence (alike items folded, with counts) and the fix;
 * then notes, what could not be read and what was not checked.
 */
export function renderText(raw: DiagnosisReport, style: Style = PLAIN, opts: TextOptions = {}): string {
  const report = sanitizeReport(raw);
  const wide = !!opts.wide;
  const ctx: TextContext = { report, style, wide, width: wide ? 0 : (opts.width ?? PIPED_WIDTH) };
  const head = [...verdictLines(ctx), ...summaryTable(ctx)];
  if (opts.quiet) return head.join('\n') + '\n';
  const blocks = [head, ...TEXT_SECTIONS.map((s) => s(ctx))].filter((b) => b.length);
  return blocks.map((b) => b.join('\n')).join('\n\n') + '\n';
}

function verdictWord(report: DiagnosisReport, style: Style): string {
  switch (report.verdict) {
    case 'healthy':
      return style.green('HEALTHY');
    case 'degraded':
      return style.yellow('DEGRADED');
    case 'unknown':
      return style.yellow('UNKNOWN');
    default:
      return style.red('BROKEN');
  }
}

function verdictLines({ report, style, width }: TextContext): string[] {
  const ev = report.evidence;
  const read = [`${ev.nodes ?? 0} node${ev.nodes === 1 ? '' : 's'}`, `${ev.pods ?? 0} pods`, `${ev.events ?? 0} events`];
  if (ev.nodeEvidence) read.push(`evidence of ${ev.nodeEvidence} node${ev.nodeEvidence === 1 ? '' : 's'}`);
  if (ev.probes) read.push(`${ev.probes} probe results`);
  const ran = ev.rulesTotal ? `${ev.rulesRan ?? 0} of ${ev.rulesTotal} rules ran` : `${ev.rulesRun ?? 0} rule runs`;
  const word = verdictWord(report, style);
  const verdict = wrap(report.summary, width, `${' '.repeat(plainLength(report.verdict) + 2)}`);
  verdict[0] = `${word}  ${verdict[0].trimStart()}`;
  return [...verdict, style.dim(`Read ${read.join(', ')}; ${ran}.`)];
}

/** Length of the verdict word as printed (upper case, no colour). */
const plainLength = (v: string) => v.length;

function scopeOf(f: RootCause): string {
  const parts = [];
  if (f.nodes.length) parts.push(listNames(f.nodes, 2));
  if (f.registry) parts.push(f.registry);
  return parts.join(' · ') || 'cluster';
}

function summaryTable({ report, width }: TextContext): string[] {
  if (!report.findings.length) return [];
  const rows = [['#', 'CAUSE', 'SEVERITY', 'PODS', 'WHERE']];
  report.findings.forEach((f, i) => rows.push([String(i + 1), f.cause, f.severity, String(f.pods.length), scopeOf(f)]));
  const lines = table(rows);
  return width ? lines.map((l) => fit(l, width)) : lines;
}

function causesSection(ctx: TextContext): string[] {
  const shown = ctx.report.findings.filter((f) => f.severity !== 'info');
  return shown.flatMap((f, i) => (i ? ['', ...renderCause(f, i + 1, ctx)] : renderCause(f, i + 1, ctx)));
}

const INDENT = '   ';
const LABEL = 10; // "evidence: "

function labelled(label: string, text: string, ctx: TextContext, maxLines = Infinity): string[] {
  const first = INDENT + `${label}:`.padEnd(LABEL);
  const rest = ' '.repeat(first.length);
  const lines = maxLines === Infinity ? wrap(text, ctx.width, first, rest) : wrapFit(text, ctx.width, first, rest, maxLines);
  return colourLabel(lines, label, ctx.style);
}

function colourLabel(lines: string[], label: string, style: Style): string[] {
  const colour = label === 'fix' ? style.green : label === 'evidence' || label === 'explains' ? style.cyan : style.dim;
  if (lines.length) lines[0] = lines[0].replace(`${label}:`, colour(`${label}:`));
  return lines;
}

/** Evidence groups shown per cause by default; --wide shows all. */
const SHOWN_GROUPS = 2;

function renderCause(f: RootCause, n: number, ctx: TextContext): string[] {
  const { style, width, wide } = ctx;
  const sev = f.severity === 'error' ? style.red('error') : f.severity === 'warning' ? style.yellow('warning') : 'info';
  const explains = f.symptoms.length ? ` · explains ${f.symptoms.map((s) => s.cause).join(', ')}` : '';
  const also = `${explains}${f.alternatives?.length ? ` · also possible: ${f.alternatives.join(', ')}` : ''}`;
  const title = `${n}. ${f.cause}`;
  const rest = width ? fit(`${f.tier}${also}`, Math.max(10, width - title.length - f.severity.length - 5)) : `${f.tier}${also}`;
  const out = [`${style.bold(title)}  ${sev} · ${rest}`];
  // One line of message; the scope that correlate appends is the table's (and --wide's where line).
  const suffix = scopeSuffix(f);
  const message = oneLine(f.occurrences > 1 && suffix && f.message.endsWith(suffix) ? f.message.slice(0, -suffix.length) : f.message);
  out.push(INDENT + (width ? fit(message, width - INDENT.length) : message));
  if (wide) {
    const where: string[] = [];
    if (f.nodes.length) where.push(`node${f.nodes.length === 1 ? '' : 's'} ${f.nodes.join(', ')}`);
    if (f.registry) where.push(`registry ${f.registry}`);
    if (f.pods.length) where.push(`${f.pods.length} pod${f.pods.length === 1 ? '' : 's'}: ${f.pods.join(', ')}`);
    if (where.length) out.push(...labelled('where', where.join(' · '), ctx));
  }
  const groups = groupEvidence(f.evidence);
  const shown = wide ? groups : groups.slice(0, SHOWN_GROUPS);
  const pad = INDENT + ' '.repeat(LABEL);
  const more = groups.length > shown.length ? ` (+${groups.length - shown.length} more: --wide)` : '';
  shown.forEach((g, i) => {
    // By default one line per group, the objects left to the table and --wide: "8 events Failed (×72): …".
    const label = wide || g.items === 1 ? groupLabel(g, (list) => list.join(', '), wide) : shortLabel(g);
    const text = `${label}: ${oneLine(g.first.what)}`;
    const last = i === shown.length - 1 ? more : '';
    // The first item may take two lines, the others one: the first is the strongest proof.
    const lines = wide ? [pad + text + last] : [pad + fitAfter(label, text, width - pad.length - last.length) + last];
    if (i === 0) lines[0] = INDENT + style.cyan('evidence:') + lines[0].slice(INDENT.length + 'evidence:'.length);
    out.push(...lines);
  });
  if (wide && f.symptoms.length) out.push(...labelled('explains', f.symptoms.map((s) => `${s.cause} (${s.pods.length} pod${s.pods.length === 1 ? '' : 's'})`).join(', '), ctx));
  f.fix.forEach((step, i) => {
    const [line, ...snippet] = step.split('\n');
    // Fix steps take the whole width: the label is short and the steps hang under it.
    const first = (i === 0 ? `${INDENT}fix: ` : ' '.repeat(INDENT.length + 5)) + `${i + 1}. `;
    const lines = wrap(line, width, first, ' '.repeat(first.length));
    // Multi-line steps carry a file to write (hosts.toml): shown as is, indented, never wrapped.
    lines.push(...snippet.map((x) => ' '.repeat(first.length + 2) + x));
    out.push(...(i === 0 ? colourLabel(lines, 'fix', style) : lines));
  });
  return out;
}

/** "8 events Failed (×72)", "2 nodes": a group's count without its objects. */
function shortLabel(g: ReturnType<typeof groupEvidence>[number]): string {
  if (g.kind !== 'event') return `${g.items} ${g.kind}s`;
  return `${g.items} events${g.reason ? ` ${g.reason}` : ''}${g.repeats > g.items ? ` (×${g.repeats})` : ''}${g.identical ? ', identical' : ''}`;
}

/** `text` (which starts with `label`) cut to `max`, the label kept whole when it leaves room for the rest. */
function fitAfter(label: string, text: string, max: number): string {
  if (text.length <= max) return text;
  const head = label.length + 2;
  if (head > max / 2) return fit(text, max);
  return text.slice(0, head) + fit(text.slice(head), max - head);
}

function notesSection({ report, width, style }: TextContext): string[] {
  const notes = report.findings.filter((f) => f.severity === 'info');
  if (!notes.length) return [];
  return [style.bold('Notes'), ...notes.flatMap((f) => wrap(`${f.cause}: ${oneLine(f.message)}${f.fix[0] ? ` — ${oneLine(f.fix[0])}` : ''}`, width, '  - ', '    '))];
}

/**
 * The symptom inventory: how much of the trouble seen is explained. One line per finding that covers
 * symptoms (its rank, cause, how many pods or nodes and in which states); --wide lists each symptom.
 */
function symptomsSection({ report, width, wide, style }: TextContext): string[] {
  const inv = report.inventory;
  // All explained: the causes above already name every pod (-o json and --wide count them).
  if (!inv?.seen || (!inv.unexplained && !wide)) return [];
  const out = [style.bold(`Symptoms: ${inv.seen} seen, ${inv.explained} explained, ${inv.unexplained} unexplained`)];
  const to = (s: (typeof inv.symptoms)[number]) => (s.explainedBy ? `${s.finding ?? '?'}. ${s.explainedBy}` : style.red(`${s.finding ?? '?'}. unknown (unexplained)`));
  if (wide) {
    for (const s of inv.symptoms) {
      const subject = s.pod ? `pod ${s.pod}${s.container ? ` (${s.container})` : ''}` : `node ${s.node}`;
      out.push(...wrap(`${subject}: ${s.reason}${s.image ? ` ${s.image}` : ''} → ${to(s)}`, width, '  - ', '    '));
    }
    return out;
  }
  const groups = new Map<string, (typeof inv.symptoms)[number][]>();
  for (const s of inv.symptoms) {
    const k = `${s.finding ?? ''}|${s.explainedBy ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  const lines = [...groups.values()].sort((x, y) => (x[0].finding ?? Infinity) - (y[0].finding ?? Infinity)).map((g) => {
    const pods = new Set(g.flatMap((s) => (s.pod ? [s.pod] : []))).size;
    const nodes = g.filter((s) => !s.pod).length;
    const who = [pods ? `${pods} pod${pods === 1 ? '' : 's'}` : '', nodes ? `${nodes} node${nodes === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
    return `${who} (${[...new Set(g.map((s) => s.reason))].join(', ')}) → ${to(g[0])}`;
  });
  // One line per finding that covers symptoms; the unexplained ones stand out.
  for (const l of lines) out.push(...wrap(l, width, '  - ', '    '));
  if (inv.seen > inv.symptoms.length) out.push(style.dim(`  - … ${inv.seen - inv.symptoms.length} more not listed`));
  return out;
}

/** Live, condition-first: which nodes were judged from their FlannelDoctorHealthy condition, which were stale. */
function nodeConditionsSection({ report, width, wide, style }: TextContext): string[] {
  const nc = report.nodeConditions;
  if (!nc || (!nc.judged.length && !nc.stale.length)) return [];
  const names = (l: string[]) => (wide || l.length <= 5 ? l.join(', ') : `${l.slice(0, 5).join(', ')} and ${l.length - 5} more (--wide)`);
  const out = [style.bold('Node verdicts')];
  if (nc.judged.length) out.push(...wrap(`${nc.judged.length} judged healthy from their FlannelDoctorHealthy condition, agents not asked (--node or --all-nodes asks them): ${names(nc.judged)}`, width, '  - ', '    '));
  if (nc.stale.length) out.push(...wrap(`${nc.stale.length} stale: the agent stopped publishing, condition not trusted, agent asked: ${names(nc.stale)}`, width, '  - ', '    '));
  out.push(...wrap(`${nc.asked} agents asked through the pod proxy`, width, '  - ', '    '));
  return out;
}

function unreadableSection({ report, width, style }: TextContext): string[] {
  if (!report.unreadable.length) return [];
  return [style.bold('Could not read'), ...report.unreadable.flatMap((u) => wrap(`${u.what}: ${oneLine(u.reason)}`, width, '  - ', '    '))];
}

/** "probes.dns, probes.mesh, cluster.pods" → "probes (dns, mesh), cluster (pods)". */
function compactNeeds(needs: string[]): string {
  if (needs.includes('node evidence')) return 'node evidence'; // none given: naming each node key says nothing more
  const byArea = new Map<string, string[]>();
  for (const n of needs) {
    const [area, key] = n.includes('.') ? [n.slice(0, n.indexOf('.')), n.slice(n.indexOf('.') + 1)] : [n, ''];
    byArea.set(area, [...(byArea.get(area) ?? []), ...(key ? [key] : [])]);
  }
  return [...byArea].map(([area, keys]) => (keys.length ? `${area} (${keys.join(', ')})` : area)).join(', ');
}

function notCheckedSection({ report, width, wide, style }: TextContext): string[] {
  if (!report.notChecked.length) return [];
  // One entry per missing kind of evidence, not one per rule: the remedy is the same for all of them.
  const groups = new Map<string, NotChecked[]>();
  for (const n of report.notChecked) {
    const key = `${n.scope}\u0000${n.hint ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  // The summary line counts rules per kind of evidence (node evidence, probes…) and scope.
  const byKind = new Map<string, NotChecked[]>();
  for (const n of report.notChecked) {
    const kind = n.needs.some((x) => x.startsWith('node')) ? 'node' : (n.needs[0] ?? '').split('.')[0];
    const key = `${kind}\u0000${n.scope}`;
    byKind.set(key, [...(byKind.get(key) ?? []), n]);
  }
  const parts = [...byKind.values()].map((list, i) => {
    const count = new Set(list.map((n) => n.ruleId)).size;
    const scope = list[0].scope === 'nodes' || list[0].scope === 'cluster' ? '' : ` on ${list[0].scope}`;
    const rules = i === 0 ? ` rule${count === 1 ? '' : 's'}` : '';
    return `${count}${rules} need${count === 1 ? 's' : ''} ${compactNeeds([...new Set(list.flatMap((n) => n.needs))])}${scope}`;
  });
  const out = wrap(`Not checked (unknown): ${parts.join('; ')}.`, width, '');
  out[0] = out[0].replace('Not checked', style.bold('Not checked'));
  for (const list of groups.values()) {
    if (wide) out.push(style.dim(`  causes not checked: ${[...new Set(list.flatMap((n) => n.cause.split(', ')))].join(', ')}`));
  }
  const hints = [...new Set(report.notChecked.map((n) => n.hint).filter((h): h is string => !!h))];
  for (const h of hints) out.push(...wrap(h, width, '  ', '    ').map(style.dim));
  return out;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
