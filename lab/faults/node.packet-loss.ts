import type { FaultSpec, LabHandle } from '../types.js';
import { ipt, nodeOf } from './_helpers.js';

/** Share of the packets dropped in each direction: enough that TCP resends several percent of its segments. */
export const LOSS_PROBABILITY = '0.05';

/**
 * The iptables rules that drop a random share of every packet from and to the node's underlay address
 * on the lab's underlay switch (the bridge in `<lab>-u`, whose bridged IPv4 frames pass iptables: the
 * namespace has bridge-nf-call-iptables on): node-to-node traffic and the VXLAN carrying the pods'.
 */
export function lossRules(nodeIp: string, probability = LOSS_PROBABILITY): string[][] {
  const drop = ['-m', 'statistic', '--mode', 'random', '--probability', probability, '-j', 'DROP'];
  return [
    ['-t', 'raw', 'PREROUTING', '-s', `${nodeIp}/32`, ...drop],
    ['-t', 'raw', 'PREROUTING', '-d', `${nodeIp}/32`, ...drop],
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
 * requests mostly get through. The drops are real, in the kernel: iptables' statistic match on the
 * lab's underlay switch drops 5% of the packets from the node and 5% of those to it, chosen at random
 * per packet. The node's own namespace is untouched, as a bad port leaves it: a DROP in the node's
 * OUTPUT chain would hand its UDP senders EPERM (a DNS probe failed with "send EPERM"), which no lossy
 * link does.
 *
 * Why not `tc qdisc add dev eth0 root netem loss 5%`, the usual way: this kernel has no netem (the
 * command fails with "Error: Specified qdisc kind is unknown.", and there is no /lib/modules to load it
 * from), and no gact action for a random tc drop either ("Error: Failed to load TC action module."),
 * while the statistic match is built in.
 *
 * `diagnose --lab` does not run the bandwidth probe (it takes seconds per node pair), so the judge runs it
 * (`judgedWith`), as an operator would run `probe bandwidth -o json` and `diagnose --bandwidth FILE`.
 */
const fault: FaultSpec = {
  description: `drops ${Number(LOSS_PROBABILITY) * 100}% of the packets from and to the node's underlay address at random on the lab's underlay switch (iptables -t raw, statistic match, in the underlay namespace)`,
  where: 'node',
  judgedWith: ['bandwidth'],
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    for (const rule of lossRules(node.ip)) await ipt(lab, lab.state.underlay.netns, ruleArgs('-I', rule));
    return {};
  },
  async revert(lab, _state, nodeName) {
    await removeLoss(lab, lab.state.underlay.netns, nodeOf(lab, nodeName).ip);
  },
};

/** Deletes every copy of the rules (an inject repeated by hand adds a second copy). */
async function removeLoss(lab: LabHandle, netns: string, nodeIp: string): Promise<void> {
  for (const rule of lossRules(nodeIp)) {
    for (let i = 0; i < 8; i++) {
      const { code } = await lab.exec(netns, ['iptables', ...ruleArgs('-D', rule)], { allowFail: true });
      if (code !== 0) break;
    }
  }
}
export default fault;
