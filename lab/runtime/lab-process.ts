/**
 * Long-running lab processes (registries, containerd, dnsmasq, fronts) started inside a network
 * namespace with `ip netns exec`, which execs the command in place: the PID we get is the
 * command's own PID. Stopping checks /proc/<pid>/cmdline first so a recycled PID is never killed.
 */
import { netnsArgv } from '../exec.js';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { noteSpawn } from '../spawn-ledger.js';

export interface SpawnOptions {
  /** file receiving stdout+stderr (appended) */
  log: string;
  env?: Record<string, string>;
}

export function spawnInNetns(netns: string | undefined, argv: string[], opts: SpawnOptions): number {
  fs.mkdirSync(path.dirname(opts.log), { recursive: true });
  const fd = fs.openSync(opts.log, 'a');
  const full = netnsArgv(netns, argv);
  const child = spawn(full[0], full.slice(1), {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', ...opts.env },
  });
  fs.closeSync(fd);
  child.unref();
  if (!child.pid) throw new Error(`could not start ${argv[0]} in netns ${netns ?? '(root)'}`);
  noteSpawn(opts.log, child.pid);
  return child.pid;
}

export function cmdlineOf(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

/** True when `pid` runs and (if given) its command line contains `expect`. Zombies count as gone. */
export function isRunning(pid: number, expect?: string): boolean {
  const cmd = cmdlineOf(pid);
  if (cmd === undefined || !exists(pid)) return false;
  // an empty command line on a live process: an exec under way (a wrapper starting its program)
  if (cmd === '') return true;
  return expect ? cmd.includes(expect) : true;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until a process just spawned runs `program` itself: a wrapper (ip netns exec, nsenter) execs
 * it only after spawn returned, and while an exec is under way /proc shows an empty command line,
 * which a liveness check would take for a process gone. Returns early when the process has exited
 * (the caller's own check reports that).
 */
export async function execed(pid: number, program: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const cmd = cmdlineOf(pid);
    if (cmd === undefined || !exists(pid)) return;
    if (path.basename(cmd.split(' ')[0] ?? '') === program) return;
    await sleep(10);
  }
}

/** The process exists and is not a zombie. */
function exists(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** SIGTERM, wait up to `graceMs`, then SIGKILL. Only if the cmdline still matches `expect`. */
export async function stopProcess(pid: number | undefined, expect: string, graceMs = 3000): Promise<void> {
  if (!pid || !isRunning(pid, expect)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const end = Date.now() + graceMs;
  while (Date.now() < end) {
    if (!isRunning(pid, expect)) return;
    await sleep(50);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  for (let i = 0; i < 40 && isRunning(pid, expect); i++) await sleep(50);
}

/** Polls `check` until it returns true or `timeoutMs` passes; then throws `what` with the log tail. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, log?: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if (await check()) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  let tail = '';
  if (log) {
    try {
      tail = '\n' + fs.readFileSync(log, 'utf8').split('\n').slice(-8).join('\n');
    } catch {
      /* no log */
    }
  }
  throw new Error(`timed out waiting for ${what}${tail}`);
}
