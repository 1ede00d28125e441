import { backupCommand, backupPath } from './backup.js';
import type { FixPlan, PlanStep } from './plan.js';

/** A shell to run one command in: where and how is the caller's (this machine, a lab node). */
export type Shell = (command: string, env: Record<string, string>) => Promise<{ code: number; output: string }>;

export interface ApplyOptions {
  /** Runs cluster steps (kubectl with the kubeconfig in its environment). */
  cluster: Shell;
  /** Runs a node step on the named node, or undefined when that node cannot be reached from here. */
  node: (name: string) => Shell | undefined;
  /** Environment for every command: the secrets steps declare as inputs, KUBECONFIG. */
  env: Record<string, string>;
  /** Suffix of this run's backups. */
  stamp: string;
  /** Called after each step, for progress. */
  onStep?: (r: StepResult) => void;
}

export interface StepResult {
  id: string;
  where: string;
  text: string;
  outcome: 'verified' | 'applied' | 'failed' | 'skipped';
  /** Why skipped, or the failing command's last line. */
  detail?: string;
  /** Backups made before the step ran (path of each copy). */
  backups?: string[];
}

function lastLine(s: string): string {
  return s.trim().split('\n').pop()?.slice(0, 200) ?? '';
}

/**
 * Applies a fix plan from where the tool runs: every step a tool may apply (`applicable`) whose
 * place is reachable — cluster steps always, node steps only on that node — in plan order, each
 * followed by its verify. Files a step changes are backed up first. Stops at the first step that
 * fails or does not verify: later steps assume it. Everything else is reported as skipped, with why.
 */
export async function applyPlan(plan: FixPlan, opts: ApplyOptions): Promise<StepResult[]> {
  return applySteps(plan.causes.flatMap((c) => c.steps), opts);
}

/** applyPlan over a list of plan steps (one cause's, say). */
export async function applySteps(steps: readonly PlanStep[], opts: ApplyOptions): Promise<StepResult[]> {
  const out: StepResult[] = [];
  const note = (r: StepResult) => {
    out.push(r);
    opts.onStep?.(r);
  };
  for (const s of steps) {
    const base = { id: s.id, where: s.where, text: s.text };
    const why = skipReason(s, opts);
    if (why) {
      note({ ...base, outcome: 'skipped', detail: why });
      continue;
    }
    const shell = s.on === 'cluster' ? opts.cluster : opts.node(s.node!)!;
    const backup = backupCommand(s.changes, opts.stamp);
    if (backup.refused) {
      note({ ...base, outcome: 'failed', detail: backup.refused });
      return out;
    }
    const backups = backup.command ? (s.changes ?? []).map((f) => backupPath(f, opts.stamp)) : undefined;
    if (backup.command) {
      const b = await shell(backup.command, opts.env);
      if (b.code !== 0) {
        note({ ...base, outcome: 'failed', detail: `backup failed: ${lastLine(b.output) || `exit ${b.code}`}` });
        return out;
      }
    }
    const r = await shell(s.run!, opts.env);
    if (r.code !== 0) {
      note({ ...base, outcome: 'failed', detail: lastLine(r.output) || `exit ${r.code}`, ...(backups ? { backups } : {}) });
      return out;
    }
    if (!s.verify) {
      note({ ...base, outcome: 'applied', ...(backups ? { backups } : {}) });
      continue;
    }
    const v = await shell(s.verify, opts.env);
    const ok = v.code === 0;
    note({ ...base, outcome: ok ? 'verified' : 'failed', ...(ok ? {} : { detail: `verify failed: ${lastLine(v.output) || `exit ${v.code}`}` }), ...(backups ? { backups } : {}) });
    if (!ok) return out;
  }
  return out;
}

function skipReason(s: PlanStep, opts: ApplyOptions): string | undefined {
  if (!s.applicable || !s.run) return `by hand: ${s.manual ?? 'no exact command'}`;
  const unset = (s.inputs ?? []).filter((i) => !opts.env[i.env]).map((i) => i.env);
  if (unset.length) return `needs ${unset.join(', ')} in the environment (${s.inputs!.map((i) => i.source).join('; ')})`;
  if (s.on === 'node' && (!s.node || !opts.node(s.node))) return `runs on node ${s.node ?? '?'}: run flannel-doctor fix --yes there, as root`;
  return undefined;
}

/** Exit code of `fix --yes`: 0 every step that could run here took effect and none is left, 1 something is left or failed. */
export function applyExitCode(results: readonly StepResult[]): number {
  return results.length && results.every((r) => r.outcome === 'verified' || r.outcome === 'applied') ? 0 : 1;
}
