import { Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addKubeFlags } from '../kube-flags.js';
import { DATA_FORMATS, outputOption } from '../output.js';
import type { BundleCollectOptions } from './bundle-run.js';

export function registerBundle(program: Command): void {
  const bundle = program.command('bundle').description('write or inspect re-diagnosable evidence bundles');
  addKubeFlags(
    bundle
      .command('collect')
      .description('read the live cluster (and node evidence files) into a redacted bundle that `diagnose --bundle` judges offline')
      .argument('[path]', 'where to write: a .tar.gz/.tgz file, or a directory (required)'),
  )
    .option('--node-evidence <dir>', 'add node evidence written by `flannel-doctor node -o json`')
    // -o is the output format everywhere; a bundle has one format, so -o here only says where the path goes.
    .addOption(new Option('-o, --output <x>').hideHelp())
    .addHelpText(
      'after',
      `
Examples:
  flannel-doctor bundle collect cluster.tgz
  flannel-doctor bundle collect --context prod -n shop --node-evidence ./nodes shop.tgz
  flannel-doctor diagnose --bundle cluster.tgz

The bundle holds evidence, not raw objects: pull secrets are reduced to their type, registry hosts and
problems (never a value), and credential-looking text is replaced with [REDACTED].
Exit codes: 0 written, 2 the tool failed (unreachable API, unwritable path, bad flags).`,
    )
    .action(async (path: string | undefined, opts: BundleCollectOptions & { output?: string }) => {
      if (opts.output !== undefined) throw new UsageError(`bundle collect takes its destination as an argument: flannel-doctor bundle collect ${opts.output} (-o is the output format elsewhere)`);
      if (!path) throw new UsageError('bundle collect needs a destination: flannel-doctor bundle collect cluster.tgz (a .tar.gz/.tgz file, or a directory)');
      const { runBundleCollect } = await import('./bundle-run.js');
      process.exitCode = await runBundleCollect(path, opts);
    });
  bundle
    .command('diff')
    .description('what changed between two bundles of the same cluster, in the terms of the diagnosis: which causes each change can explain')
    .argument('<a>', 'the earlier bundle (directory or .tar.gz)')
    .argument('<b>', 'the later bundle')
    .addOption(outputOption(DATA_FORMATS))
    .addHelpText('after', '\nExamples:\n  flannel-doctor bundle diff monday.tgz tuesday.tgz\n  flannel-doctor bundle diff before/ after/ -o json\n\nExit codes: 0 nothing that matters changed, 1 something did, 2 the tool failed.')
    .action(async (a: string, b: string, opts: { output: string }) => {
      const { runBundleDiff } = await import('./bundle-diff-run.js');
      process.exitCode = await runBundleDiff(a, b, opts);
    });
}
