import type { Command } from 'commander';
import { addKubeFlags } from '../kube-flags.js';
import { outputOption } from '../output.js';
import type { DiagnoseCommandOptions } from './diagnose-run.js';

export function registerDiagnose(program: Command): void {
  addKubeFlags(program.command('diagnose').description('gather cluster evidence (live cluster or --bundle), judge it, and name the root cause with its fix'))
    .option('--bundle <path>', 'judge a saved bundle offline: a directory or .tar.gz (flannel-doctor bundle, kubectl -o json files, troubleshoot.sh support bundle)')
    .option('--node-evidence <dir>', 'merge node evidence written by `flannel-doctor node -o json` (a directory of .json files, or one file)')
    .option('--pcap <file...>', 'add packet captures (pcap/pcapng; VXLAN on UDP 8472 and 4789) as evidence: see `flannel-doctor pcap`')
    .option('--bandwidth <file>', 'add a saved `flannel-doctor probe bandwidth -o json` result as evidence: its slow or lossy pairs join the diagnosis')
    .option('--bandwidth-tolerance <share>', "with --bandwidth: how far below the expected overlay/underlay ratio is still noise (default: the probe's --tolerance recorded in the file, else 0.15)")
    .option('--node <name...>', "live: always ask these nodes' agents through the pod proxy (others with a fresh healthy FlannelDoctorHealthy condition are judged from it)")
    .option('--all-nodes', "live: ask every node's agent through the pod proxy, whatever its condition says (slow at thousands of nodes)")
    .option('--agent-namespace <ns>', "live: the namespace of the agent DaemonSet; only its pods are believed, each about its own node (default flannel-doctor)")
    .option('--agent-token-file <file>', "live: the agents' token from this file (else $FLANNEL_DOCTOR_TOKEN, else their Secret when you may read it)")
    .option('--lab [name]', 'diagnose the lab built by `flannel-doctor lab up` (default name fdlab); Linux, root')
    .addOption(outputOption())
    .option('--wide', 'text: every evidence item and pod, full lines, no wrapping')
    .option('-q, --quiet', 'text: the verdict and the table of causes only')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above: error, warning, info, none', 'error')
    .addHelpText(
      'after',
      `
Examples:
  flannel-doctor diagnose                                   the current kubectl context
  flannel-doctor diagnose --context prod -n shop -o markdown
  flannel-doctor diagnose -l app=checkout --wide              only these pods (and the system pods)
  flannel-doctor diagnose --bundle support-bundle.tar.gz -o yaml
  flannel-doctor diagnose --bundle examples/broken-cluster -q
  flannel-doctor diagnose --node-evidence ./nodes --fail-on warning
  flannel-doctor diagnose --bundle cluster.tgz --pcap n1.pcap n2.pcap
  flannel-doctor probe bandwidth --targets nodes.json -o json > bw.json; flannel-doctor diagnose --bundle cluster.tgz --bandwidth bw.json

Needs read access to nodes, pods, events, serviceaccounts, daemonsets and deployments, and get on
the pull secrets pods name; what it cannot read is reported as not checked, never as healthy.
Exit codes: 0 healthy, 1 findings at or above --fail-on, 2 the tool itself failed or the verdict is unknown.`,
    )
    .action(async (opts: DiagnoseCommandOptions) => {
      if (opts.lab) {
        const { runLabDiagnose } = await import('./lab-run.js');
        const { bandwidthFromFlags } = await import('./diagnose-run.js');
        process.exitCode = await runLabDiagnose({ name: typeof opts.lab === 'string' ? opts.lab : 'fdlab', output: opts.output, addEvidence: await bandwidthFromFlags(opts) });
        return;
      }
      const { runDiagnose } = await import('./diagnose-run.js');
      process.exitCode = await runDiagnose(opts);
    });
}
