/**
 * Running commands for the lab: in the root namespace or inside a named network namespace
 * (`ip netns exec`). Every failure carries the argv and stderr so a broken `lab up` says why.
 */
import { spawn } from 'node:child_process';

export interface ExecResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface ExecOptions {
  input?: string;
  allowFail?: boolean;
  env?: Record<string, string>;
  timeoutMs?: number;
}

export class LabExecError extends Error {
  constructor(
    readonly argv: string[],
    readonly result: ExecResult,
  ) {
    super(`${argv.join(' ')} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(0, 800)}`);
    this.name = 'LabExecError';
  }
}

/** A network namespace by name (`ip netns exec`, with the netns's /etc files) or by path (a pod's /proc/<pid>/ns/net). */
export function netnsArgv(netns: string | undefined, argv: string[]): string[] {
  if (!netns) return argv;
  if (netns.startsWith('/')) return ['nsenter', `--net=${netns}`, '--', ...argv];
  return ['ip', 'netns', 'exec', netns, ...argv];
}

/** Runs argv (in netns when given) and resolves with its output; rejects on non-zero exit unless allowFail. */
export function run(netns: string | undefined, argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const full = netnsArgv(netns, argv);
  return new Promise((resolve, reject) => {
    const child = spawn(full[0], full.slice(1), {
      env: opts.env ? { ...process.env, ...opts.env } : process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    if (opts.timeoutMs) timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      const result = { stdout: '', stderr: String(e.message), code: 127 };
      if (opts.allowFail) resolve(result);
      else reject(new LabExecError(full, result));
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const result = {
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + (signal ? `killed by ${signal}` : ''),
        code: code ?? 128,
      };
      if (result.code !== 0 && !opts.allowFail) reject(new LabExecError(full, result));
      else resolve(result);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs many `ip` commands in one process (`ip -n NS -batch -`): far faster than one spawn each. */
export async function ipBatch(netns: string | undefined, lines: string[], opts: { force?: boolean } = {}): Promise<void> {
  if (!lines.length) return;
  const argv = ['ip', ...(netns ? ['-n', netns] : []), ...(opts.force ? ['-force'] : []), '-batch', '-'];
  await run(undefined, argv, { input: lines.join('\n') + '\n', allowFail: opts.force });
}

/** Same for `bridge` (FDB entries). */
export async function bridgeBatch(netns: string, lines: string[]): Promise<void> {
  if (!lines.length) return;
  await run(undefined, ['bridge', '-n', netns, '-batch', '-'], { input: lines.join('\n') + '\n' });
}
