import type { Command } from 'commander';
import { outputOption } from '../output.js';
import type { CaptureCommandOptions } from './capture-run.js';

/** `capture --node N --seconds S`: a bounded capture on a node (its agent, or the lab), summarised like `pcap`. */
export function registerCapture(program: Command): void {
  program
    .command('capture')
    .description("capture packets on a node for a few seconds — through its flannel-doctor agent (pod proxy) or in the lab — and analyse them as `pcap` does")
    .requiredOption('--node <name>', 'the node to capture on')
    .option('--seconds <n>', 'how long to capture (1-60)', '10')
    .option('--iface <name>', 'interface on the node, or any', 'any')
    .option('--filter <name>', 'vxlan (UDP 8472/4789, ICMP, ARP) or all', 'vxlan')
    .option('--max-mb <n>', 'stop once the capture holds this many MiB (1-16)', '8')
    .option('-w, --write <file>', 'also keep the capture in this pcap file')
    .option('--lab [name]', 'capture in the lab built by `flannel-doctor lab up` (default name fdlab), in the node\'s namespace')
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context to use (default: the current context)')
    .option('--agent-namespace <ns>', 'the namespace of the agent DaemonSet (default flannel-doctor)')
    .option('--agent-token-file <file>', "the agents' token from this file (else $FLANNEL_DOCTOR_TOKEN, else their Secret when you may read it)")
    .addOption(outputOption())
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above: error, warning, info, none', 'error')
    .option('--vxlan-port <ports>', 'UDP ports that carry VXLAN, comma separated', '8472,4789')
    .addHelpText(
      'after',
      `
Examples:
  flannel-doctor capture --node n2 --seconds 15                 through n2's agent (needs get pods/proxy)
  flannel-doctor capture --node n2 --filter all -w n2.pcap -o json
  sudo flannel-doctor capture --lab --node n1 --seconds 5          in the lab node's namespace

The capture stops at --seconds, --max-mb or 200,000 packets, whichever comes first, and always ends
at a whole packet. Packets are kept to 512 bytes each (headers, DNS messages).
Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 the tool failed (no agent, no tcpdump).`,
    )
    .action(async (opts: CaptureCommandOptions) => {
      const { runCapture } = await import('./capture-run.js');
      process.exitCode = await runCapture(opts);
    });
}
