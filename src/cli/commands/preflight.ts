import { Option, type Command } from 'commander';
import { outputOption } from '../output.js';
import type { PreflightOptions } from './preflight-run.js';

export function registerPreflight(program: Command): void {
  program
    .command('preflight')
    .description('before installing or upgrading flannel: is this node (and the cluster) ready? kernel modules and sysctls, CNI plugins and conflicting configs, UDP 8472 in the host firewall, podCIDR allocation')
    .option('--host-root <dir>', 'the node file tree to check (/host in a privileged pod)', '/')
    // --node names a node, as in every command; --name is a lab's name.
    .option('--node <name>', 'node name (default: <host-root>/etc/hostname, then the hostname)')
    .addOption(new Option('--name <node>').hideHelp())
    .option('--cluster-only', 'check the cluster only (with --bundle or --kubeconfig/--context)')
    .option('--bundle <path>', 'also check the cluster objects of a bundle (podCIDR allocation)')
    .option('--node-evidence <dir>', 'also judge other nodes from `flannel-doctor node -o json` files (uplink MTUs compared across nodes)')
    .option('--kubeconfig <file>', 'also check the live cluster (podCIDR allocation)')
    .option('--context <name>', 'kubeconfig context for the live cluster')
    .addOption(outputOption())
    .addHelpText(
      'after',
      `
Examples:
  sudo flannel-doctor preflight                         this node
  flannel-doctor preflight --context prod               this node and the cluster's podCIDRs
  flannel-doctor preflight --cluster-only --bundle c.tgz  the cluster of a bundle only

Exit codes: 0 ready, 1 not ready (each failure with its fix), 2 the tool failed.`,
    )
    .action(async (raw: Omit<PreflightOptions, 'node' | 'name'> & { node?: string; name?: string; clusterOnly?: boolean }) => {
      const { runPreflight } = await import('./preflight-run.js');
      const { node, name, clusterOnly, ...rest } = raw;
      process.exitCode = await runPreflight({ ...rest, name: node ?? name, node: !clusterOnly });
    });
}
