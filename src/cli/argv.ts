/**
 * kubectl habits on the command line: global flags may come before the command
 * (`flannel-doctor --context prod diagnose`), and the program is named as it was called
 * (`kubectl flannel-doctor` when run as a kubectl plugin).
 */
import type { Command } from 'commander';

/** Flags accepted before the command; moved after it, where the command that takes them reads them. */
const GLOBAL_WITH_VALUE = new Set(['--kubeconfig', '--context', '-n', '--namespace', '-o', '--output', '-l', '--selector', '--request-timeout', '--timeout']);
const GLOBAL_BOOLEAN = new Set(['-A', '--all-namespaces', '-q', '--quiet', '--wide', '--no-color']);

/**
 * `[node, script, --context, x, diagnose, …]` → `[node, script, diagnose, --context, x, …]`: leading
 * global flags go right after the command path (`bundle collect`, `probe dns`), so the leaf command
 * parses them as its own; a flag the leaf does not take is then refused by it, by name.
 */
export function hoistGlobalFlags(argv: string[], program: Command): string[] {
  const head = argv.slice(0, 2);
  const rest = argv.slice(2);
  const globals: string[] = [];
  let i = 0;
  while (i < rest.length && rest[i].startsWith('-') && rest[i] !== '--') {
    const a = rest[i];
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (GLOBAL_BOOLEAN.has(name)) {
      globals.push(a);
      i++;
    } else if (GLOBAL_WITH_VALUE.has(name) && (eq > 0 || i + 1 < rest.length)) {
      globals.push(...(eq > 0 ? [a] : [a, rest[i + 1]]));
      i += eq > 0 ? 1 : 2;
    } else break; // --help, --version, or not ours: leave everything as it is
  }
  if (!globals.length) return argv;
  // The command path: as deep as the words name subcommands.
  const path: string[] = [];
  let cmd: Command | undefined = program;
  let j = i;
  while (cmd && j < rest.length) {
    const word = rest[j];
    const sub: Command | undefined = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) break;
    path.push(word);
    cmd = sub;
    j++;
  }
  if (!path.length) return argv;
  return [...head, ...path, ...globals, ...rest.slice(j)];
}

/** The name to show in usage and examples: `kubectl flannel-doctor` when run as the kubectl plugin. */
export function programName(script: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  // A launcher script (the krew archive's) says how it was called; only the two known names are taken.
  if (env.FLANNEL_DOCTOR_CALLED_AS === 'kubectl flannel-doctor') return 'kubectl flannel-doctor';
  const base = (script ?? '').split(/[\\/]/).pop() ?? '';
  return /^kubectl-flannel_doctor(\.js)?$/.test(base) ? 'kubectl flannel-doctor' : 'flannel-doctor';
}
