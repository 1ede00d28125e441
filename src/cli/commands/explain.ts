import type { Command } from 'commander';
import { outputOption } from '../output.js';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('name the root cause of an error message (event, log line, kubectl describe output)')
    .argument('[message...]', 'the message; quote it, or use --stdin')
    .option('--stdin', 'read one message per line from standard input')
    .addOption(outputOption(['text', 'json', 'yaml', 'jsonl']))
    .addHelpText(
      'after',
      `
Examples:
  flannel-doctor explain 'Failed to pull image "reg.local/app:1": ... x509: certificate signed by unknown authority'
  kubectl get events -A -o custom-columns=MSG:.message --no-headers | flannel-doctor explain --stdin -o jsonl

Each answer names a cause id from the catalog (flannel-doctor causes), its tier, what it means, how to fix
it, a confidence from 0 to 1 and the alternatives that fit the same text; "unknown" when nothing fits.
Exit codes: 0 (an answer, "unknown" included), 2 no message or a bad flag.`,
    )
    .action(async (words: string[], opts: { stdin?: boolean; output: string }) => {
      const { runExplain } = await import('./explain-run.js');
      process.exitCode = await runExplain(words, opts);
    });
}
