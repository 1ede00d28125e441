import type { FaultSpec, LabHandle } from '../types.js';
import { ipt, nodeOf } from './_helpers.js';

/** Share of the packets dropped in each direction: enough that TCP resends several percent of its segments. */
export const LOSS_PROBABILITY = '0.05';

/**
 * The iptables rules (raw table, before conntrack) that drop a random share of every packet arriving on
 * or leaving the node's underlay interface eth0: node-to-node traffic and the VXLAN carrying the pods'.
 */
export function lossRules(probability = LOSS_PROBABILITY): string[][] {
  const drop = ['-m', 'statistic', '--mode', 'random', '--probability', probability, '-j', 'DROP'];
  return [
    ['-t', 'raw', 'PREROUTING', '-i', 'eth0', ...drop],
    ['-t', 'raw', 'OUTPUT', '-o', 'eth0', ...drop],
  ];
}

/** `iptables -t raw -I CHAIN …` / `-D CHAIN …` of one of lossRules(). */
export function ruleArgs(op: '-I' | '-D', rule: string[]): string[] {
  const [t, table, chain, ...spec] = rule;
  return [t!, table!, op, chain!, ...spec];
}

/**
 * A lossy link on one node: a bad cable, NIC or switch port drops a share of its packets both ways.
 * TCP resends what is lost and backs off, so transfers to and from the node crawl while pings and small
 * requests still get through. The drops are real, in the kernel: iptables' statistic match drops 5% of
 * the packets on the node's eth0 in each direction, chosen at random per packet.
 *
 * Why not `tc qdisc add dev eth0 root netem loss 5%`, the usual way: this kernel has no netem (the
 * command fails with "Error: Specified qdisc kind is unknown.", there is no /lib/modules to load it from),
 * while the statistic match is built in. Unlike netem the rules are visible in the node's iptables-save,
 * but no rule judges a statistic match (the iptables walk skips matches it cannot judge, and a skipped
 * DROP decides nothing), so the diagnosis sees only what a lossy link shows: TCP resending.
 *
 * `diagnose --lab` does not run the bandwidth probe (it takes seconds per node pair), so the judge runs it
 * (`judgedWith`), as an operator would run `probe bandwidth -o json` and `diagnose --bandwidth FILE`.
 */
const fault: FaultSpec = {
  description: `drops ${Number(LOSS_PROBABILITY) * 100}% of the packets in and out of the node's eth0 at random (iptables -t raw, statistic match) in the node namespace`,
  where: 'node',
  judgedWith: ['bandwidth'],
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    for (const rule of lossRules()) await ipt(lab, node.netns, ruleArgs('-I', rule));
    return {};
  },
  async revert(lab, _state, nodeName) {
    await removeLoss(lab, nodeOf(lab, nodeName).netns);
  },
};

/** Deletes every copy of the rules (an inject repeated by hand adds a second copy). */
async function removeLoss(lab: LabHandle, netns: string): Promise<void> {
  for (const rule of lossRules()) {
    for (let i = 0; i < 8; i++) {
      const { code } = await lab.exec(netns, ['iptables', ...ruleArgs('-D', rule)], { allowFail: true });
      if (code !== 0) break;
    }
  }
}
export default fault;
