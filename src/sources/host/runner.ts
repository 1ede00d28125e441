import { execFile } from 'node:child_process';

/** Runs argv and returns its output; never throws (a missing binary is code 127). */
export type CommandRunner = (argv: string[], opts?: { timeoutMs?: number }) => Promise<{ stdout: string; stderr?: string; code: number }>;

const DEFAULT_TIMEOUT_MS = 3000;
const MAX_OUTPUT = 64 * 1024 * 1024;

/** The default runner: child_process.execFile with a timeout, no shell. */
export const execRunner: CommandRunner = (argv, opts = {}) =>
  new Promise((resolve) => {
    const [cmd, ...args] = argv;
    execFile(cmd, args, { timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBuffer: MAX_OUTPUT, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (!err) return resolve({ stdout, stderr, code: 0 });
      const e = err as NodeJS.ErrnoException & { code?: number | string; killed?: boolean };
      const code = e.code === 'ENOENT' ? 127 : typeof e.code === 'number' ? e.code : e.killed ? 124 : 1;
      resolve({ stdout: stdout ?? '', stderr: stderr || e.message, code });
    });
  });

/** A runner that executes every command inside a network namespace (`ip netns exec <ns> …`), for the lab. */
export function netnsRunner(ns: string, base: CommandRunner = execRunner): CommandRunner {
  return (argv, opts) => base(['ip', 'netns', 'exec', ns, ...argv], opts);
}
