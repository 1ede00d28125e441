import type { Command } from 'commander';
import { addKubeFlags } from '../kube-flags.js';
import { outputOption } from '../output.js';
import type { FixCommandOptions } from './fix-options.js';

export const FIX_FORMATS = ['text', 'json', 'yaml', 'markdown', 'sh'] as const;

export function registerFix(program: Command): void {
  addKubeFlags(program.command('fix').description('the ordered fix plan of the current diagnosis: per root cause, where each step runs, the exact command and how to verify it'))
    .option('--bundle <path>', 'plan from a saved bundle (as diagnose --bundle)')
    .option('--node-evidence <dir>', 'merge node evidence written by `flannel-doctor node -o json`')
    .option('--lab [name]', 'plan for the lab built by `flannel-doctor lab up` (default name fdlab); Linux, root')
    .option('--yes', 'apply the plan from here: cluster steps through the kubeconfig, node steps when run on that node as root (each changed file backed up first); with --lab, every step inside the lab')
    .option('--this-node <name>', 'with --yes: the node this machine is (default: its hostname)')
    .addOption(outputOption(FIX_FORMATS))
    .addHelpText(
      'after',
      `
Examples:
  flannel-doctor fix                                     the plan for the current kubectl context
  flannel-doctor fix --bundle examples/broken-cluster
  flannel-doctor fix -o sh > fix.sh                      a script: cluster steps where kubectl works,
                                                         FD_NODE=<node> sh fix.sh on each node as root
  flannel-doctor fix -o json                             steps as data (where, run, verify, applicable)
  flannel-doctor fix --yes                               apply the cluster steps; then on each node, as root:
                                                         flannel-doctor fix --yes (runs that node's steps)
  flannel-doctor fix --lab --yes                         apply the whole plan inside the lab

Without --yes it prints and changes nothing. A step is "applicable" when it is an exact command at a node or
against the cluster with every value filled from the evidence; the rest (a password, a choice,
the registry host) is marked "by hand" with the reason. Same sources as diagnose.
Exit codes: 0 nothing to fix, 1 a plan was printed, 2 the tool itself failed or the verdict is unknown.
With --yes: 0 every step was applied and verified, 1 a step failed or steps are left (for a person,
for another node), 2 the tool itself failed.`,
    )
    .action(async (opts: FixCommandOptions) => {
      const { runFix } = await import('./fix-run.js');
      process.exitCode = await runFix(opts);
    });
}
