/**
 * Applies a diagnosis's fix steps to the lab, as an operator would: `cluster` steps run on the host
 * with the lab's admin kubeconfig and the built kubectl, `node` steps inside each node of the finding
 * (its mount and network namespaces). Manual steps and steps for a person or a registry host are not
 * applied; they are listed as such. This is how the lab proves a fix heals the fault it was given for.
 */
import { dirname } from 'node:path';
import type { FixStep } from '../src/fix/steps.js';
import { adminKubeconfig } from './cluster/control-plane.js';
import { programOf } from './cluster/components.js';
import { anchorKey, inNode } from './cluster/node-mounts.js';
import { run } from './exec.js';
import type { LabHandle } from './types.js';

export interface AppliedStep {
  text: string;
  on: FixStep['on'];
  /** Where it ran: 'host' for cluster steps, the node's name for node steps. */
  at?: string;
  outcome: 'applied' | 'verified' | 'failed' | 'skipped';
  /** Why a step was skipped, or the failing command's last output line. */
  detail?: string;
}

const STEP_TIMEOUT_MS = 120_000;

/** The environment a fix command sees: the built kubectl first on PATH, the lab's kubeconfig, the lab's own secrets. */
function fixEnv(lab: LabHandle, secrets: Record<string, string>): Record<string, string> {
  const bin = dirname(programOf('kubernetes', 'kubectl'));
  return { PATH: `${bin}:/usr/sbin:/usr/bin:/sbin:/bin`, KUBECONFIG: adminKubeconfig(lab.state), ...secrets };
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.slice(0, 200) ?? '';
}

/**
 * Runs every applicable step in order; stops at the first step that fails (later steps assume it).
 * `secrets` supplies the environment variables a step declares as inputs (the lab knows its own
 * registry passwords); a step whose input is not supplied is skipped, as a tool must.
 */
export async function applyFixSteps(lab: LabHandle, steps: readonly FixStep[], nodes: readonly string[], secrets: Record<string, string> = {}): Promise<AppliedStep[]> {
  const out: AppliedStep[] = [];
  const env = fixEnv(lab, secrets);
  for (const step of steps) {
    const base = { text: step.text, on: step.on };
    if (!step.run || step.manual || (step.on !== 'cluster' && step.on !== 'node')) {
      out.push({ ...base, outcome: 'skipped', detail: step.manual ?? `on ${step.on}: not applied by a tool` });
      continue;
    }
    const unmet = (step.inputs ?? []).filter((i) => secrets[i.env] === undefined).map((i) => i.env);
    if (unmet.length) {
      out.push({ ...base, outcome: 'skipped', detail: `needs ${unmet.join(', ')}` });
      continue;
    }
    const places = step.on === 'cluster' ? [undefined] : nodes;
    for (const node of places) {
      // nsenter keeps the environment, so secrets travel in it, never on a command line.
      const argv = (cmd: string) => (node ? inNode(anchorPid(lab, node), ['sh', '-c', cmd]) : ['sh', '-c', cmd]);
      const r = await run(undefined, argv(step.run), { allowFail: true, env, timeoutMs: STEP_TIMEOUT_MS });
      if (r.code !== 0) {
        out.push({ ...base, at: node ?? 'host', outcome: 'failed', detail: lastLine(r.stderr || r.stdout) || `exit ${r.code}` });
        return out;
      }
      if (!step.verify) {
        out.push({ ...base, at: node ?? 'host', outcome: 'applied' });
        continue;
      }
      const v = await run(undefined, argv(step.verify), { allowFail: true, env, timeoutMs: STEP_TIMEOUT_MS });
      out.push({ ...base, at: node ?? 'host', outcome: v.code === 0 ? 'verified' : 'failed', ...(v.code === 0 ? {} : { detail: `verify failed: ${lastLine(v.stderr || v.stdout) || `exit ${v.code}`}` }) });
      if (v.code !== 0) return out;
    }
  }
  return out;
}

function anchorPid(lab: LabHandle, node: string): number {
  const pid = lab.state.pids[anchorKey(node)];
  if (!pid) throw new Error(`lab ${lab.state.name}: node ${node} has no anchor process (is it up?)`);
  return pid;
}
