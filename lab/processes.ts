/**
 * Lab processes (dnsmasq, the API server): started detached so they outlive one CLI run, recorded by
 * PID in the state, and stopped by that PID only — after checking /proc that it is still the
 * process we started (a recycled PID is left alone).
 */
import { netnsArgv } from './exec.js';
import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { noteSpawn } from './spawn-ledger.js';

export function startDetached(netns: string | undefined, argv: string[], logFile: string, env?: Record<string, string>): number {
  const full = netnsArgv(netns, argv);
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(full[0], full.slice(1), { detached: true, stdio: ['ignore', fd, fd], env: env ? { ...process.env, ...env } : process.env });
    if (!child.pid) throw new Error(`could not start ${argv[0]}`);
    child.unref();
    noteSpawn(logFile, child.pid);
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

export function cmdlineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number, expect?: string): boolean {
  const cmd = cmdlineOf(pid);
  if (cmd === undefined) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/\) Z /.test(stat)) return false; // zombie: exited, not yet reaped
  } catch {
    return false;
  }
  return expect ? cmd.includes(expect) : true;
}

/** SIGTERM, wait up to 2 s, then SIGKILL; only when the PID still runs `expect`. */
export async function stopPid(pid: number, expect: string): Promise<void> {
  if (!isAlive(pid, expect)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 40; i++) {
    if (!isAlive(pid, expect)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
  for (let i = 0; i < 20 && isAlive(pid, expect); i++) await new Promise((r) => setTimeout(r, 50));
}

/** Polls until `check` holds or the time is up. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
