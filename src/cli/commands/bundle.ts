import { Option, type Command } from 'commander';

export interface BundleCollectOptions {
  output: string;
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  nodeEvidence?: string;
  timeout: string;
}

export function registerBundle(program: Command): void {
  const bundle = program.command('bundle').description('write or inspect re-diagnosable evidence bundles');
  bundle
    .command('collect')
    .description('read the live cluster (and node evidence files) into a redacted bundle that `diagnose --bundle` judges offline')
    .requiredOption('-o, --output <path>', 'where to write: a .tar.gz/.tgz file, or a directory')
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context to use')
    .option('-n, --namespace <ns>', 'only pods, events and pull secrets of this namespace (plus kube-system and kube-flannel)')
    .option('--node-evidence <dir>', 'add node evidence written by `flannel-doctor node -o json`')
    .option('--timeout <duration>', 'overall time for reading the cluster', '30s')
    .addHelpText(
      'after',
      `
Examples:
  flannel-doctor bundle collect -o cluster.tgz
  flannel-doctor bundle collect --context prod -n shop --node-evidence ./nodes -o shop.tgz
  flannel-doctor diagnose --bundle cluster.tgz

The bundle holds evidence, not raw objects: pull secrets are reduced to their type, registry hosts and
problems (never a value), and credential-looking text is replaced with [REDACTED].`,
    )
    .action(async (opts: BundleCollectOptions) => {
      const { runBundleCollect } = await import('./bundle-run.js');
      process.exitCode = await runBundleCollect(opts);
    });
  bundle
    .command('diff')
    .description('what changed between two bundles of the same cluster, in the terms of the diagnosis: which causes each change can explain')
    .argument('<a>', 'the earlier bundle (directory or .tar.gz)')
    .argument('<b>', 'the later bundle')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  flannel-doctor bundle diff monday.tgz tuesday.tgz\n  flannel-doctor bundle diff before/ after/ -o json\n\nExit codes: 0 nothing that matters changed, 1 something did, 2 the tool failed.')
    .action(async (a: string, b: string, opts: { output: string }) => {
      const { runBundleDiff } = await import('./bundle-diff-run.js');
      process.exitCode = await runBundleDiff(a, b, opts);
    });
}
