import type { Command } from 'commander';
import { DATA_FORMATS, isData, outputOption, writeData } from '../output.js';

/** `version` and `completion bash|zsh|fish`. */
export function registerVersionAndCompletion(program: Command): void {
  program
    .command('version')
    .description('print the version (-o json|yaml for the client and Node.js versions)')
    .addOption(outputOption(DATA_FORMATS))
    .addHelpText('after', '\nExamples:\n  flannel-doctor version\n  flannel-doctor version -o json\n\nExit codes: 0, or 2 on a bad flag.')
    .action(async (opts: { output: string }) => {
      const { VERSION } = await import('../../version.js');
      const info = { clientVersion: { version: VERSION, nodeVersion: process.version, platform: `${process.platform}/${process.arch}` } };
      if (isData(opts.output)) await writeData(opts.output, info);
      else process.stdout.write(`${VERSION}\n`);
    });
  program
    .command('completion')
    .description('print a shell completion script: bash, zsh or fish')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      `
Examples:
  source <(flannel-doctor completion bash)                       bash, this shell
  flannel-doctor completion bash > /etc/bash_completion.d/flannel-doctor
  flannel-doctor completion zsh > "\${fpath[1]}/_flannel-doctor"      zsh
  flannel-doctor completion fish > ~/.config/fish/completions/flannel-doctor.fish

Exit codes: 0, or 2 for an unknown shell.`,
    )
    .action(async (shell: string) => {
      const { completionScript } = await import('./completion-script.js');
      process.stdout.write(completionScript(shell, program));
    });
}
