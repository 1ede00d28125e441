import { isData, writeData } from '../output.js';
import { diffEvidence, type BundleDiff } from '../../engine/bundle-diff.js';
import { diagnose } from '../../engine/diagnose.js';
import type { Style } from '../../report/style.js';
import { styleFor } from '../../report/style.js';
import { RULES } from '../../rules/index.js';
import { readBundle } from '../../sources/bundle/read.js';
import { VERSION } from '../../version.js';

export interface BundleDiffOptions {
  output: string;
}

/** `bundle diff A B`: exit 0 when nothing that matters changed, 1 when something did. */
export async function runBundleDiff(a: string, b: string, opts: BundleDiffOptions): Promise<number> {
  const [ea, eb] = await Promise.all([readBundle(a), readBundle(b)]);
  // Diagnose before diffing: diagnose freezes what it judges, and the diff only reads.
  const ra = diagnose(ea.evidence, RULES, { version: VERSION });
  const rb = diagnose(eb.evidence, RULES, { version: VERSION });
  const diff = diffEvidence(ea.evidence, eb.evidence, ra.findings, rb.findings);
  if (isData(opts.output)) await writeData(opts.output, { from: a, to: b, ...diff });
  else process.stdout.write(renderDiff(a, b, diff, styleFor(process.stdout)));
  return diff.changes.length || diff.findings.appeared.length || diff.findings.resolved.length ? 1 : 0;
}

const short = (v: string | undefined, max = 160) => (v === undefined ? '(absent)' : v.length > max ? v.slice(0, max - 1) + '…' : v);

export function renderDiff(a: string, b: string, d: BundleDiff, style: Style): string {
  const out = [`${style.bold('what changed')} from ${a} to ${b}`];
  if (!d.changes.length) out.push('  no configuration that matters changed');
  let last = '';
  for (const c of d.changes) {
    if (c.facet !== last) {
      out.push('', `${style.bold(c.label)}  ${style.dim(`can explain: ${c.causes.join(', ')}`)}`);
      last = c.facet;
    }
    out.push(`  ${c.key}`, style.red(`    - ${short(c.before)}`), style.green(`    + ${short(c.after)}`));
  }
  for (const n of d.notCompared) out.push(style.dim(`  not compared: ${n}`));
  const line = (f: BundleDiff['findings']['appeared'][number]) => `  ${f.cause} [${f.severity}]${f.nodes.length ? ` on ${f.nodes.join(', ')}` : ''}: ${f.message}${f.explainedBy.length ? `\n    ← ${style.bold('explained by')} the change to ${f.explainedBy.join(', ')}` : ''}`;
  out.push('', style.bold('root causes that appeared'), ...(d.findings.appeared.length ? d.findings.appeared.map(line) : ['  none']));
  out.push('', style.bold('root causes that went away'), ...(d.findings.resolved.length ? d.findings.resolved.map(line) : ['  none']));
  return out.join('\n') + '\n';
}
