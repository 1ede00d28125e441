import type { DiagnosisReport } from '../../engine/diagnose.js';
import { buildPlan } from '../../fix-plan/plan.js';
import { renderPlanMarkdown, renderPlanSh, renderPlanText } from '../../fix-plan/render.js';
import { styleFor } from '../../report/style.js';
import { diagnoseAndRender } from '../diagnose-pipeline.js';
import { writeData } from '../output.js';
import { gatherFromFlags } from './diagnose-run.js';
import type { FixCommandOptions } from './fix-options.js';

export async function runFix(opts: FixCommandOptions): Promise<number> {
  const labName = opts.lab ? (typeof opts.lab === 'string' ? opts.lab : 'fdlab') : undefined;
  const report = labName ? await labReport(labName) : await liveOrBundleReport(opts);
  const plan = buildPlan(report, labName ? `flannel-doctor diagnose --lab ${labName}` : rediagnoseCommand(opts));
  if (opts.yes) {
    if (report.verdict === 'unknown') return 2;
    const { applyFromHere } = await import('./fix-apply-run.js');
    return applyFromHere(plan, opts, labName);
  }
  if (opts.output === 'json' || opts.output === 'yaml') await writeData(opts.output, plan);
  else if (opts.output === 'markdown') process.stdout.write(renderPlanMarkdown(plan));
  else if (opts.output === 'sh') process.stdout.write(renderPlanSh(plan));
  else process.stdout.write(renderPlanText(plan, styleFor(process.stdout)));
  return report.verdict === 'unknown' ? 2 : plan.causes.length ? 1 : 0;
}

async function liveOrBundleReport(opts: FixCommandOptions): Promise<DiagnosisReport> {
  return diagnoseAndRender(await gatherFromFlags(opts), { format: 'json' }).report;
}

async function labReport(name: string): Promise<DiagnosisReport> {
  const { diagnoseLab } = await import('../../../lab/diagnose-lab.js');
  return diagnoseLab({ name });
}

/** The diagnose command that checks the plan worked: the same sources. */
function rediagnoseCommand(opts: FixCommandOptions): string {
  const args = ['flannel-doctor diagnose'];
  if (opts.bundle) args.push('--bundle <a fresh bundle>');
  if (opts.context) args.push(`--context ${opts.context}`);
  if (opts.kubeconfig) args.push(`--kubeconfig ${opts.kubeconfig}`);
  if (opts.nodeEvidence) args.push('--node-evidence <fresh node evidence>');
  return args.join(' ');
}
