import { Command, CommanderError } from 'commander';
import { isToolError } from '../errors.js';
import { VERSION } from '../version.js';
import { hoistGlobalFlags, programName } from './argv.js';
import { commandsFor } from './commands/index.js';

/**
 * Builds the program; each command lives in its own file under ./commands and loads its code lazily.
 * With `firstWord` (the command line's first argument), only the command it names, when it names one.
 */
export function buildProgram(name = 'flannel-doctor', firstWord?: string): Command {
  // Help and examples say the name the user typed (`kubectl flannel-doctor` as a plugin).
  const named = (s: string) => (name === 'flannel-doctor' ? s : s.replace(/(^|[\s(`'"])(?<!kubectl )flannel-doctor(?=[\s`'"]|$)/gm, `$1${name}`));
  const program = new Command(name)
    .configureOutput({ writeOut: (s) => process.stdout.write(named(s)), writeErr: (s) => process.stderr.write(named(s)) })
    .description(
      'Find why pods on a flannel cluster cannot pull images, reach each other or resolve names:\n' +
        'the root cause, the evidence and the exact fix.',
    )
    .version(VERSION, '--version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  flannel-doctor diagnose                         judge the current kubectl context
  flannel-doctor --context prod diagnose -n shop  global flags go before or after the command
  flannel-doctor diagnose --bundle ./bundle.tgz   judge a saved bundle offline
  flannel-doctor explain "dial tcp: lookup reg.local on 127.0.0.53:53: no such host"
  kubectl get events -A -o jsonpath='{range .items[*]}{.message}{"\\n"}{end}' | flannel-doctor explain --stdin
  source <(flannel-doctor completion bash)

Flags as in kubectl: --kubeconfig, --context, -n/--namespace, -A, -l/--selector, durations like 30s or 5m,
-o text|json|yaml (and markdown|junit|sarif|html for reports).
Exit codes: 0 healthy, 1 findings at or above --fail-on, 2 the tool itself failed (or verdict unknown).`,
    );
  // Before the commands exist, so they inherit it: a usage error exits 2 through main(), not process.exit(1).
  program.exitOverride();
  for (const { register } of commandsFor(firstWord)) register(program);
  // Groups (bundle, probe, lab, lab fault) only dispatch: their help says whose exit codes apply.
  const groups = (c: Command): Command[] => c.commands.filter((s) => s.commands.length).flatMap((s) => [s, ...groups(s)]);
  for (const g of groups(program)) g.addHelpText('after', `\nExit codes: those of the ${g.name()} subcommand run (see its --help); 2 for an unknown subcommand or flag.`);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram(programName(argv[1]), argv[2]);
  try {
    await program.parseAsync(hoistGlobalFlags(argv, program));
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (isToolError(err)) {
      process.stderr.write(`flannel-doctor: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`flannel-doctor: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 2;
  }
}
