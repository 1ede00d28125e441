import { Option, type Command } from 'commander';
import { outputOption } from '../output.js';
import type { NodeCommandOptions } from './node-run.js';

export function registerNode(program: Command): void {
  program
    .command('node')
    .description('inspect this node (or a node file tree at --host-root): gather node evidence and judge it')
    .option('--host-root <dir>', 'where the node file tree is mounted (/host in a DaemonSet)', '/')
    .option('--node <name>', 'node name (default: <host-root>/etc/hostname, then the hostname)')
    .addOption(new Option('--name <node>').hideHelp())
    .option('--netns <name>', 'run ip/iptables/ethtool and read /proc/sys inside this network namespace (the lab)')
    .option('--skip-logs', 'do not read flanneld, kubelet and containerd logs')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above: error, warning, info, none', 'error')
    .addOption(outputOption())
    .addHelpText(
      'after',
      `
Examples:
  sudo flannel-doctor node                                  judge the machine it runs on
  flannel-doctor node --host-root /host -o json > n1.json   in a privileged pod; merge with diagnose --node-evidence
  ip netns exec lab-n1 flannel-doctor node --host-root /tmp/lab/n1

-o json (and yaml) prints {"evidence": <NodeEvidence>, "report": <DiagnosisReport>}.
Exit codes: 0 healthy, 1 findings at or above --fail-on, 2 the tool itself failed.`,
    )
    .action(async (opts: NodeCommandOptions) => {
      const { runNode } = await import('./node-run.js');
      process.exitCode = await runNode(opts);
    });
}

