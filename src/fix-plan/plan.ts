import type { FixPlace } from '../catalog/fix-types.js';
import { getCause } from '../catalog/index.js';
import type { DiagnosisReport, Verdict } from '../engine/diagnose.js';
import type { RootCause } from '../findings/finding.js';
import type { FixStep } from '../fix/steps.js';

export const FIX_PLAN_SCHEMA_VERSION = 1;

/** One step of the plan, at one place: a node step of a cause on three nodes is three plan steps. */
export interface PlanStep extends FixStep {
  /** "2.1": the cause's rank, then the step's place in its fix. */
  id: string;
  /** node: the node it runs on; cluster: 'cluster' (kubectl with the kubeconfig); registry / person: as named. */
  where: string;
  node?: string;
  /**
   * True when a tool may run it as printed: a command, at a node or against the cluster, nothing
   * missing, nothing assumed. A step that reads a secret (`inputs`) runs once its environment
   * variables are set. Everything else is for a person (`manual` says why).
   */
  applicable: boolean;
}

export interface PlanCause {
  rank: number;
  cause: string;
  title: string;
  severity: RootCause['severity'];
  message: string;
  nodes: string[];
  pods: number;
  /** The rule's own steps (computed from the evidence) or the catalog's. */
  fixFrom: RootCause['fixFrom'];
  steps: PlanStep[];
}

/** The ordered fix plan of a diagnosis (docs/fix-plan.md): per root cause, where, what and how to verify. */
export interface FixPlan {
  schemaVersion: number;
  generatedAt: string;
  verdict: Verdict;
  summary: string;
  causes: PlanCause[];
  /** After every step: the plan healed the cluster when this diagnosis comes back healthy. */
  finally: string;
}

const RUNS_HERE: readonly FixPlace[] = ['node', 'cluster'];

/**
 * The plan: root causes in rank order (infrastructure before the network before the application, as
 * correlation ranks them), errors and warnings only; each cause's steps in order; a node step
 * once per node of its cause. Pure: it applies nothing.
 */
export function buildPlan(report: DiagnosisReport, rediagnose = 'flannel-doctor diagnose'): FixPlan {
  const causes = report.findings
    .filter((f) => f.severity !== 'info')
    .map((f, i) => planCause(f, i + 1));
  return {
    schemaVersion: FIX_PLAN_SCHEMA_VERSION,
    generatedAt: report.generatedAt,
    verdict: report.verdict,
    summary: report.summary,
    causes,
    finally: `${rediagnose}   # healed when the verdict is HEALTHY`,
  };
}

/** A cause's steps as plan steps: ids "rank.n", a node step once per node ("rank.na", "rank.nb", …). */
export function planSteps(fix: readonly FixStep[], nodes: readonly string[], rank: number): PlanStep[] {
  const steps: PlanStep[] = [];
  fix.forEach((s, i) => {
    const id = `${rank}.${i + 1}`;
    if (s.on === 'node' && nodes.length > 1) {
      nodes.forEach((node, j) => steps.push(planStep(s, `${id}${String.fromCharCode(97 + (j % 26))}`, node)));
    } else steps.push(planStep(s, id, s.on === 'node' ? nodes[0] : undefined));
  });
  return steps;
}

function planCause(f: RootCause, rank: number): PlanCause {
  const steps = planSteps(f.steps, f.nodes, rank);
  return {
    rank,
    cause: f.cause,
    title: getCause(f.cause)?.title ?? f.cause,
    severity: f.severity,
    message: f.message,
    nodes: f.nodes,
    pods: f.pods.length,
    fixFrom: f.fixFrom,
    steps,
  };
}

function planStep(s: FixStep, id: string, node: string | undefined): PlanStep {
  const where = s.on === 'node' ? (node ? `node ${node}` : 'each affected node') : s.on === 'registry' ? 'the registry host' : s.on === 'person' ? 'a person' : 'cluster';
  let manual = s.manual;
  if (!manual && s.on === 'node' && !node) manual = 'the finding names no node';
  if (!manual && !RUNS_HERE.includes(s.on)) manual = `runs at ${where}, outside what flannel-doctor reaches`;
  if (!manual && !s.run) manual = 'no exact command';
  const step: PlanStep = { id, where, ...(node ? { node } : {}), ...s, applicable: !manual };
  if (manual) step.manual = manual;
  return step;
}

/** Counts for the plan's headline. */
export function planCounts(plan: FixPlan): { steps: number; applicable: number } {
  const all = plan.causes.flatMap((c) => c.steps);
  return { steps: all.length, applicable: all.filter((s) => s.applicable).length };
}
