import type { Command } from 'commander';
import { outputOption } from '../output.js';
import type { PcapCommandOptions } from './pcap-run.js';

/** `pcap FILE...`: a VXLAN-aware summary of captures, judged by the capture rules. */
export function registerPcap(program: Command): void {
  program
    .command('pcap')
    .description('analyse packet captures (pcap or pcapng, from any interface) for the overlay: node pairs, one-way VXLAN, checksums, MTU, ARP in the tunnel, DNS, TCP')
    .argument('<file...>', 'capture files written by tcpdump, tshark or dumpcap ("-" reads standard input)')
    .addOption(outputOption())
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above: error, warning, info, none', 'error')
    .option('--vxlan-port <ports>', 'UDP ports that carry VXLAN, comma separated', '8472,4789')
    .option('--bundle <path>', 'name nodes and pods from a bundle (addresses otherwise), and judge it together with the capture')
    .option('--node-evidence <dir>', 'name nodes from node evidence written by `flannel-doctor node -o json`')
    .option('--evidence', 'print the capture evidence (JSON) instead of the report')
    .addHelpText(
      'after',
      `
Examples:
  tcpdump -i eth0 -w dump.pcap udp port 8472 or icmp     on a node, while the problem happens
  flannel-doctor pcap dump.pcap                          summary and findings
  flannel-doctor pcap dump.pcap -o json                  the report contract of diagnose
  tcpdump -i eth0 -w - | flannel-doctor pcap -           straight from tcpdump
  flannel-doctor diagnose --bundle cluster.tgz --pcap dump.pcap

Reads the file once with memory that does not grow with its size. A file that ends early is
analysed up to where it ends, and the report says where (unreadable).
Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 the tool failed (unreadable file).`,
    )
    .action(async (files: string[], opts: PcapCommandOptions) => {
      const { runPcap } = await import('./pcap-run.js');
      process.exitCode = await runPcap(files, opts);
    });
}
