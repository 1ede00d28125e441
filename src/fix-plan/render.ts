import { mdText, stepMarkdown } from '../report/markdown.js';
import type { Style } from '../report/style.js';
import { planCounts, type FixPlan, type PlanStep } from './plan.js';

function headline(plan: FixPlan): string {
  const { steps, applicable } = planCounts(plan);
  if (!plan.causes.length) return plan.verdict === 'healthy' ? 'Nothing to fix: the diagnosis is healthy.' : `Nothing to fix that flannel-doctor knows of (verdict ${plan.verdict}).`;
  return `Fix plan: ${plan.causes.length} root cause${plan.causes.length === 1 ? '' : 's'}, ${steps} step${steps === 1 ? '' : 's'}; ${applicable} can be applied as printed, ${steps - applicable} need a person.`;
}

/** The plan for people: per cause, each step with where it runs, the command and how to verify it. */
export function renderPlanText(plan: FixPlan, style: Style): string {
  const out = [style.bold(headline(plan))];
  for (const c of plan.causes) {
    out.push('', `${style.bold(`${c.rank}. ${c.cause}`)}${c.nodes.length ? ` on ${c.nodes.join(', ')}` : ''} — ${c.message}`);
    for (const s of c.steps) {
      out.push(`   ${s.id} [${s.where}] ${s.text}`);
      if (s.run) out.push(`        ${style.cyan(`$ ${s.run}`)}`);
      if (s.verify) out.push(`        verify: ${style.cyan(`$ ${s.verify}`)}`);
      if (s.applicable && s.inputs?.length) out.push(style.dim(`        reads ${s.inputs.map((i) => `$${i.env}`).join(', ')} from the environment`));
      if (!s.applicable) out.push(style.dim(`        by hand: ${s.manual}`));
    }
  }
  if (plan.causes.length) out.push('', `Then: ${plan.finally}`);
  return out.join('\n') + '\n';
}

/** The plan as markdown for a ticket: commands as code spans. */
export function renderPlanMarkdown(plan: FixPlan): string {
  const out = ['# flannel-doctor fix plan', '', mdText(headline(plan))];
  for (const c of plan.causes) {
    out.push('', `## ${c.rank}. \`${c.cause}\` — ${mdText(c.message)}`, '');
    for (const s of c.steps) {
      out.push(`- **${s.id}** (${mdText(s.where)}${s.applicable ? '' : ', by hand'}) ${stepMarkdown(s).replace(/\n {3}/g, '\n  ')}`);
      if (!s.applicable) out.push(`  by hand: ${mdText(s.manual ?? '')}`);
    }
  }
  if (plan.causes.length) out.push('', `Then: \`${plan.finally}\``);
  return out.join('\n') + '\n';
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The plan as a POSIX shell script. Run where kubectl reaches the cluster, it runs the cluster
 * steps; run on a node as root with FD_NODE=<node name>, it runs that node's steps. Each step is
 * verified before the next; steps for a person are comments.
 */
export function renderPlanSh(plan: FixPlan): string {
  const out = [
    '#!/bin/sh',
    `# flannel-doctor fix plan (${plan.generatedAt}): ${headline(plan)}`,
    '# Where kubectl reaches the cluster: sh fix.sh            (runs the cluster steps)',
    '# On a node, as root:               FD_NODE=<node> sh fix.sh   (runs that node\'s steps)',
    'set -eu',
    'here=${FD_NODE:-}',
    'step() { # id where command verify',
    '  case "$2" in',
    '    cluster) [ -z "$here" ] || return 0 ;;',
    '    *) [ "$2" = "$here" ] || { [ -n "$here" ] || echo "# $1 on node $2: FD_NODE=$2 sh $0" >&2; return 0; } ;;',
    '  esac',
    '  echo "+ $1: $3" >&2',
    '  sh -c "$3"',
    '  if [ -n "$4" ] && ! sh -c "$4"; then echo "step $1 did not take effect: $4" >&2; exit 1; fi',
    '}',
  ];
  for (const c of plan.causes) {
    out.push('', `# ${c.rank}. ${c.cause}: ${oneLine(c.message)}`);
    for (const s of c.steps) out.push(...shStep(s));
  }
  if (plan.causes.length) out.push('', `# then: ${plan.finally}`);
  return out.join('\n') + '\n';
}

function shStep(s: PlanStep): string[] {
  const head = `# ${s.id} [${s.where}] ${oneLine(s.text)}`;
  if (!s.applicable) return [head, `#   by hand: ${oneLine(s.manual ?? '')}`, ...(s.run ? [`#   $ ${oneLine(s.run)}`] : [])];
  const guard = (s.inputs ?? []).map((i) => `: "\${${i.env}:?set ${i.env} first: ${i.source}}" && `).join('');
  return [head, `step ${q(s.id)} ${q(s.on === 'node' ? s.node! : 'cluster')} ${q(guard + s.run!)} ${q(s.verify ?? '')}`];
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');
