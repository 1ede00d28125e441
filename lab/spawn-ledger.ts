/**
 * Every long-running process the lab starts is written down the moment it exists: its PID and its
 * start time (field 22 of /proc/<pid>/stat, which never changes and tells a recycled PID apart). The
 * state file records PIDs too, but only when `up` saves it; an `up` killed between starting a process
 * and saving (a signal, a closed pipe) would leave that process behind. `lab down` ends what the
 * ledger names, by PID, only while that PID is still the process started then.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LAB_BASE_DIR } from './plan.js';

const LEDGER = 'spawned.pids';

/** The process's start time in clock ticks since boot, or undefined when it is gone. */
export function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z') return undefined; // exited, not yet reaped
    return fields[19]; // starttime: field 22 overall, the 20th after "pid (comm)"
  } catch {
    return undefined;
  }
}

/** The lab directory a path lies in (logs live there), or undefined for a path outside every lab. */
export function labDirOf(path: string): string | undefined {
  const rel = relative(LAB_BASE_DIR, path);
  if (!rel || rel.startsWith('..') || rel.startsWith(sep)) return undefined;
  return join(LAB_BASE_DIR, rel.split(sep)[0]);
}

/** Writes the process down in the ledger of the lab its log file belongs to. */
export function noteSpawn(logFile: string, pid: number): void {
  const dir = labDirOf(logFile);
  const start = startTimeOf(pid);
  if (dir && start) appendFileSync(join(dir, LEDGER), `${pid} ${start}\n`);
}

/** The ledger's processes that still run as the ones started then. */
export function stillRunning(labDir: string): number[] {
  let text = '';
  try {
    text = readFileSync(join(labDir, LEDGER), 'utf8');
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const line of text.split('\n')) {
    const [pid, start] = line.split(' ').map((x) => x.trim());
    const n = Number(pid);
    if (Number.isInteger(n) && n > 1 && start && startTimeOf(n) === start) out.push(n);
  }
  return out;
}

/** SIGTERM, up to 3 s of grace, then SIGKILL — each only while the PID is still that same process. */
export async function stopStarted(pid: number): Promise<void> {
  const start = startTimeOf(pid);
  if (!start) return;
  const same = () => startTimeOf(pid) === start;
  for (const [signal, waitMs] of [['SIGTERM', 3000], ['SIGKILL', 2000]] as const) {
    if (!same()) return;
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (const end = Date.now() + waitMs; Date.now() < end && same(); ) await new Promise((r) => setTimeout(r, 50));
  }
}
