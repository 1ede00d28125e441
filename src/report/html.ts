import { listNames } from '../engine/correlate.js';
import type { DiagnosisReport } from '../engine/diagnose.js';
import type { RootCause } from '../findings/finding.js';
import { stepParts } from '../fix/display.js';
import type { FixStep } from '../fix/steps.js';
import { escapeControls } from './sanitize.js';

/** Escapes text for HTML element content and double-quoted attributes; control characters made visible. */
export function htmlEscape(s: string): string {
  return escapeControls(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const e = htmlEscape;
const SHOWN_EVIDENCE = 4;

const CSS = `
:root{--err:#b42318;--warn:#b54708;--ok:#067647;--muted:#555;--bg:#fafafa;--card:#fff;--line:#ddd}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:var(--bg);color:#1d1d1f}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:16px;margin:0}
.verdict{padding:16px 20px;border-radius:8px;color:#fff;margin:12px 0}
.verdict.broken{background:var(--err)}.verdict.degraded{background:var(--warn)}.verdict.healthy{background:var(--ok)}.verdict.unknown{background:#718096}
.verdict strong{font-size:20px;letter-spacing:.04em;margin-right:10px}
.meta{color:var(--muted);font-size:13px}
.card{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--line);border-radius:6px;padding:14px 18px;margin:12px 0}
.card.error{border-left-color:var(--err)}.card.warning{border-left-color:var(--warn)}.card.info{border-left-color:#888}
.tag{display:inline-block;font-size:12px;padding:1px 7px;border-radius:10px;background:#eee;margin-right:6px}
.tag.error{background:#fee4e2;color:var(--err)}.tag.warning{background:#fef0c7;color:var(--warn)}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:#f3f3f3;padding:8px 10px;border-radius:4px;white-space:pre-wrap;word-break:break-word;margin:4px 0}
ul.ev{list-style:none;padding:0;margin:6px 0}ul.ev li{margin:4px 0}ul.ev .where{color:var(--muted);font-size:13px}
ol.fix li{margin:4px 0}code.cmd{background:#f3f3f3;padding:1px 4px;border-radius:3px;white-space:pre-wrap;word-break:break-word;user-select:all;cursor:copy}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid var(--line);text-align:left;padding:6px 8px;vertical-align:top}
details summary{cursor:pointer;color:var(--muted)}
`;

function where(f: RootCause): string {
  const parts: string[] = [];
  if (f.nodes.length) parts.push(`nodes: ${e(listNames(f.nodes, 8))}`);
  if (f.registry) parts.push(`registry: <code>${e(f.registry)}</code>`);
  if (f.pods.length) parts.push(`pods: ${f.pods.length}${f.namespaces.length ? ` in ${f.namespaces.length} namespace${f.namespaces.length === 1 ? '' : 's'}` : ''}`);
  return parts.length ? `<p class="meta">${parts.join(' · ')}</p>` : '<p class="meta">cluster-wide</p>';
}

/** A fix step: its prose, then the command in monospace (multi-line snippets as a block) and how to verify it. */
function step(s: FixStep): string {
  const p = stepParts(s);
  const cmd = p.command ? ` <code class="cmd">${e(p.command)}</code>` : '';
  const block = p.block ? `<pre>${e(p.block)}</pre>` : '';
  const verify = p.verify ? `<div class="meta">verify: <code class="cmd">${e(p.verify)}</code></div>` : '';
  return `${e(p.prose)}${cmd}${block}${verify}`;
}

function finding(f: RootCause, n: number): string {
  const out = [
    `<section class="card ${e(f.severity)}" id="cause-${n}">`,
    `<h3>${n}. <code>${e(f.cause)}</code> <span class="tag ${e(f.severity)}">${e(f.severity)}</span><span class="tag">${e(f.tier)}</span></h3>`,
    `<p>${e(f.message)}</p>`,
    where(f),
  ];
  // Fix first: it is what the reader came for; the proof follows, long lists folded.
  if (f.steps.length) out.push('<h4>Fix</h4><ol class="fix">', ...f.steps.map((s) => `<li>${step(s)}</li>`), '</ol>');
  if (f.evidence.length) {
    const item = (ev: { where: string; what: string }) => `<li><div class="where">${e(ev.where)}</div><pre>${e(ev.what)}</pre></li>`;
    out.push('<h4>Evidence</h4><ul class="ev">', ...f.evidence.slice(0, SHOWN_EVIDENCE).map(item), '</ul>');
    if (f.evidence.length > SHOWN_EVIDENCE) {
      out.push(`<details><summary>${f.evidence.length - SHOWN_EVIDENCE} more</summary><ul class="ev">`, ...f.evidence.slice(SHOWN_EVIDENCE).map(item), '</ul></details>');
    }
  }
  if (f.symptoms.length) {
    out.push('<h4>Explains</h4><ul>', ...f.symptoms.map((s) => `<li><code>${e(s.cause)}</code>: ${e(s.message)}</li>`), '</ul>');
  }
  if (f.pods.length) {
    out.push(`<details><summary>${f.pods.length} affected pod${f.pods.length === 1 ? '' : 's'}</summary><ul>`, ...f.pods.map((p) => `<li><code>${e(p)}</code></li>`), '</ul></details>');
  }
  if (f.alternatives?.length) out.push(`<p class="meta">also possible: ${f.alternatives.map((a) => `<code>${e(a)}</code>`).join(', ')}</p>`);
  out.push('</section>');
  return out.join('\n');
}

/** One self-contained HTML page (inline CSS, no scripts, no external assets); every value escaped. */
export function renderHtml(report: DiagnosisReport): string {
  const shown = report.findings.filter((f) => f.severity !== 'info');
  const notes = report.findings.filter((f) => f.severity === 'info');
  const ev = report.evidence;
  const body: string[] = [
    '<h1>flannel-doctor diagnosis</h1>',
    `<p class="meta">${e(report.generatedAt)} · flannel-doctor ${e(report.tool.version)} · read ${ev.nodes ?? 0} nodes, ${ev.pods ?? 0} pods, ${ev.events ?? 0} events${ev.nodeEvidence ? `, evidence of ${ev.nodeEvidence} nodes` : ''}; ${ev.rulesRun ?? 0} rule runs</p>`,
    `<div class="verdict ${e(report.verdict)}"><strong>${e(report.verdict.toUpperCase())}</strong>${e(report.summary)}</div>`,
  ];
  if (report.findings.length > 1) {
    body.push(
      '<table class="summary"><tr><th>#</th><th>cause</th><th>severity</th><th>where</th><th>pods</th></tr>',
      ...[...shown, ...notes].map(
        (f, i) =>
          `<tr><td>${i + 1}</td><td><a href="#cause-${i + 1}"><code>${e(f.cause)}</code></a></td><td>${e(f.severity)}</td><td>${e([...f.nodes.slice(0, 5), f.registry ?? ''].filter(Boolean).join(', ') || 'cluster')}</td><td>${f.pods.length}</td></tr>`,
      ),
      '</table>',
    );
  }
  if (shown.length) body.push('<h2>Root causes</h2>', ...shown.map((f, i) => finding(f, i + 1)));
  if (notes.length) body.push('<h2>Notes</h2>', ...notes.map((f, i) => finding(f, shown.length + i + 1)));
  if (report.unreadable.length) {
    body.push('<h2>Could not read</h2><table><tr><th>what</th><th>why</th></tr>', ...report.unreadable.map((u) => `<tr><td>${e(u.what)}</td><td>${e(u.reason)}</td></tr>`), '</table>');
  }
  if (report.notChecked.length) {
    body.push(
      '<h2>Not checked</h2><p class="meta">These were not judged, which is not the same as healthy.</p><table><tr><th>rule</th><th>causes</th><th>where</th><th>needs</th></tr>',
      ...report.notChecked.map((n) => `<tr><td><code>${e(n.ruleId)}</code></td><td>${e(n.cause)}</td><td>${e(n.scope)}</td><td>${e(n.needs.join(', '))}${n.hint ? `<div class="meta">${e(n.hint)}</div>` : ''}</td></tr>`),
      '</table>',
    );
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>flannel-doctor: ${e(report.verdict)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body><main>',
    ...body,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
