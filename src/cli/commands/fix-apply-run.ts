import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyExitCode, applyPlan, type ApplyOptions, type Shell, type StepResult } from '../../fix-plan/apply.js';
import { backupStamp } from '../../fix-plan/backup.js';
import type { FixPlan } from '../../fix-plan/plan.js';
import type { FixCommandOptions } from './fix-options.js';

const STEP_TIMEOUT_MS = 180_000;

/** sh -c on this machine, output captured, bounded in time. */
const localShell: Shell = (command, env) =>
  new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stderr.on('data', (b: Buffer) => chunks.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: 127, output: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8').slice(-4000) });
    });
  });

/**
 * A kubeconfig holding only the chosen context, so that the printed `kubectl …` commands run
 * exactly as printed and still reach the cluster --context names. Removed after the run.
 */
async function contextKubeconfig(opts: FixCommandOptions): Promise<{ env: Record<string, string>; cleanup: () => void }> {
  const env: Record<string, string> = opts.kubeconfig ? { KUBECONFIG: opts.kubeconfig } : {};
  if (!opts.context) return { env, cleanup: () => undefined };
  const r = await localShell(`kubectl config view --minify --flatten --context ${JSON.stringify(opts.context)}`, env);
  if (r.code !== 0) throw new Error(`kubectl config view --context ${opts.context}: ${r.output.trim().split('\n').pop()}`);
  const dir = mkdtempSync(join(tmpdir(), 'flannel-doctor-fix-'));
  const file = join(dir, 'kubeconfig');
  writeFileSync(file, r.output, { mode: 0o600 });
  return { env: { KUBECONFIG: file }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function line(r: StepResult): string {
  const mark = r.outcome === 'verified' ? 'ok  ' : r.outcome === 'applied' ? 'done' : r.outcome === 'failed' ? 'FAIL' : 'skip';
  return `${mark} ${r.id} [${r.where}] ${r.text}${r.detail ? `\n       ${r.detail}` : ''}${r.backups?.length ? `\n       backup: ${r.backups.join(', ')}` : ''}\n`;
}

/**
 * `fix --yes`: applies the plan from here. Cluster steps through the kubeconfig; node steps only
 * when this machine is that node (its hostname, or --this-node) and we are root; in the lab every step,
 * inside the lab. Environment variables a step reads (a registry password) come from this shell.
 */
export async function applyFromHere(plan: FixPlan, opts: FixCommandOptions, labName?: string): Promise<number> {
  let shells: Omit<ApplyOptions, 'stamp' | 'onStep'>;
  let cleanup = () => undefined as void;
  if (labName) {
    const { openLab } = await import('../../../lab/handle.js');
    const { labFixSecrets, labShells } = await import('../../../lab/fix-apply.js');
    const lab = await openLab(labName);
    shells = labShells(lab, labFixSecrets(lab));
  } else {
    const k = await contextKubeconfig(opts);
    cleanup = k.cleanup;
    const here = opts.thisNode ?? hostname();
    const root = process.getuid?.() === 0;
    const secrets = Object.fromEntries(plan.causes.flatMap((c) => c.steps).flatMap((s) => s.inputs ?? []).filter((i) => process.env[i.env] !== undefined).map((i) => [i.env, process.env[i.env]!]));
    shells = { cluster: localShell, node: (name) => (root && name === here ? localShell : undefined), env: { ...secrets, ...k.env } };
  }
  const json = opts.output === 'json' || opts.output === 'yaml';
  try {
    if (!plan.causes.length) {
      if (!json) process.stdout.write('Nothing to fix: the diagnosis is healthy.\n');
      else process.stdout.write(JSON.stringify({ results: [] }) + '\n');
      return 0;
    }
    const results = await applyPlan(plan, { ...shells, stamp: backupStamp(), onStep: (r) => json || process.stdout.write(line(r)) });
    if (json) process.stdout.write(JSON.stringify({ results, finally: plan.finally }, null, 2) + '\n');
    else {
      const done = results.filter((r) => r.outcome === 'verified' || r.outcome === 'applied').length;
      const failed = results.some((r) => r.outcome === 'failed');
      process.stdout.write(`\n${done} of ${results.length} steps applied${failed ? ', stopped at a failing step' : ''}. Then: ${plan.finally}\n`);
    }
    return applyExitCode(results);
  } finally {
    cleanup();
  }
}
