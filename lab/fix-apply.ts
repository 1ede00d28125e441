/**
 * Applies a diagnosis's fix steps to the lab, as an operator would: `cluster` steps run on the host
 * with the lab's admin kubeconfig and the built kubectl, `node` steps inside each node of the finding
 * (its mount and network namespaces). Manual steps and steps for a person or a registry host are not
 * applied; they are listed as such. This is how the lab proves a fix heals the fault it was given for.
 * The stepping itself (order, backups of changed files, verify, stop at the first failure) is
 * src/fix/apply.ts, the same code `flannel-doctor fix --yes` runs on a real cluster.
 */
import { dirname } from 'node:path';
import { applySteps, type ApplyOptions, type Shell, type StepResult } from '../src/fix-plan/apply.js';
import { backupStamp } from '../src/fix-plan/backup.js';
import { planSteps } from '../src/fix-plan/plan.js';
import type { FixStep } from '../src/fix/steps.js';
import { adminKubeconfig } from './cluster/control-plane.js';
import { programOf } from './cluster/components.js';
import { anchorKey, inNode } from './cluster/node-mounts.js';
import { run } from './exec.js';
import type { LabHandle } from './types.js';
import { registryCreds } from './registry/registries.js';

export interface AppliedStep {
  text: string;
  on: FixStep['on'];
  /** Where it ran: 'host' for cluster steps, the node's name for node steps. */
  at?: string;
  outcome: 'applied' | 'verified' | 'failed' | 'skipped';
  /** Why a step was skipped, or the failing command's last output line. */
  detail?: string;
  /** Copies made (on the node) of the files the step changed, before it ran. */
  backups?: string[];
}

const STEP_TIMEOUT_MS = 120_000;

/** The environment a fix command sees: the built kubectl first on PATH, the lab's kubeconfig, the lab's own secrets. */
function fixEnv(lab: LabHandle, secrets: Record<string, string>): Record<string, string> {
  const bin = dirname(programOf('kubernetes', 'kubectl'));
  return { PATH: `${bin}:/usr/sbin:/usr/bin:/sbin:/bin`, KUBECONFIG: adminKubeconfig(lab.state), ...secrets };
}

/**
 * The secrets an operator of this lab holds: the pull account of its auth registry (generated per lab,
 * kept 0600 in the lab dir), under the variables fix steps declare (REGISTRY_USER, REGISTRY_PASSWORD).
 * They reach a step through its environment only.
 */
export function labFixSecrets(lab: LabHandle): Record<string, string> {
  try {
    const c = registryCreds(lab);
    return { REGISTRY_USER: c.username, REGISTRY_PASSWORD: c.password };
  } catch {
    return {}; // a lab brought up without registries
  }
}

/** Where the lab runs a step: the host for the cluster, a node's namespaces (nsenter keeps the environment, so secrets travel in it, never on a command line). */
export function labShells(lab: LabHandle, secrets: Record<string, string> = {}): Omit<ApplyOptions, 'stamp' | 'onStep'> {
  const shell =
    (pid?: number): Shell =>
    async (command, env) => {
      const argv = pid ? inNode(pid, ['sh', '-c', command]) : ['sh', '-c', command];
      const r = await run(undefined, argv, { allowFail: true, env, timeoutMs: STEP_TIMEOUT_MS });
      return { code: r.code ?? 1, output: r.stderr || r.stdout };
    };
  return {
    cluster: shell(),
    node: (name) => {
      const pid = lab.state.pids[anchorKey(name)];
      return pid ? shell(pid) : undefined;
    },
    env: fixEnv(lab, secrets),
  };
}

/**
 * Runs every applicable step in order; stops at the first step that fails (later steps assume it).
 * `secrets` supplies the environment variables a step declares as inputs (the lab knows its own
 * registry passwords); a step whose input is not supplied is skipped, as a tool must.
 */
export async function applyFixSteps(lab: LabHandle, steps: readonly FixStep[], nodes: readonly string[], secrets: Record<string, string> = {}): Promise<AppliedStep[]> {
  const results = await applySteps(planSteps(steps, nodes, 1), { ...labShells(lab, secrets), stamp: backupStamp() });
  return results.map((r) => toApplied(r, steps, nodes));
}

function toApplied(r: StepResult, steps: readonly FixStep[], nodes: readonly string[]): AppliedStep {
  const step = steps[Number(r.id.split('.')[1].replace(/[a-z]+$/, '')) - 1];
  const node = r.where.startsWith('node ') ? r.where.slice(5) : undefined;
  const ran = r.outcome !== 'skipped';
  return {
    text: r.text,
    on: step?.on ?? 'person',
    ...(ran ? { at: step?.on === 'cluster' ? 'host' : (node ?? nodes[0]) } : {}),
    outcome: r.outcome,
    ...(r.detail ? { detail: r.detail } : {}),
    ...(r.backups ? { backups: r.backups } : {}),
  };
}
