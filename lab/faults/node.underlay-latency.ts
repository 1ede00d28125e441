import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { startDetached, stopPid, waitFor } from '../processes.js';
import { readFileSync } from 'node:fs';
import type { FaultSpec, LabHandle, LabNode } from '../types.js';
import { nodeOf } from './_helpers.js';
import { ruleArgs } from './node.packet-loss.js';

/** Delay added to every packet in each direction: a round trip 80 ms longer, far beyond a LAN's. */
export const DELAY_MS = 40;

/** The delayer script (Python 3, standard library only), beside the fault files. */
export const DELAYER = '_nfq-delay.py';

/** The netfilter queue of a node's delay: one per node, so two nodes can be delayed at once. */
export function queueOf(node: LabNode): number {
  const n = node.index ?? Number(/(\d+)$/.exec(node.name)?.[1] ?? 0);
  return 7000 + n;
}

/** The pid key of a node's delayer in lab.state.pids (lab down ends it by that PID, as lab fault rm does). */
export const pidKey = (node: string) => `fault-delayer:${node}`;

/**
 * The iptables rules that hand every packet from and to the node's underlay address on the lab's
 * underlay switch (the bridge in `<lab>-u`, whose bridged IPv4 frames pass iptables) to the delayer's
 * queue. --queue-bypass: while no program listens on the queue (not started yet, stopped, crashed) the
 * packets pass undelayed, never dropped.
 */
export function delayRules(nodeIp: string, queue: number): string[][] {
  const q = ['-j', 'NFQUEUE', '--queue-num', String(queue), '--queue-bypass'];
  return [
    ['-t', 'raw', 'PREROUTING', '-s', `${nodeIp}/32`, ...q],
    ['-t', 'raw', 'PREROUTING', '-d', `${nodeIp}/32`, ...q],
  ];
}

/**
 * A slow link on one node: a congested or shaped uplink, a deep switch queue, a policer or a route
 * leaving the site holds every packet to and from the node for a while. Nothing is lost; TCP, which
 * sends one window per round trip, carries a fraction of the link to and from the node, over the
 * overlay as well. The delay is real, in the kernel's path: the lab's underlay switch queues the
 * node's packets (iptables NFQUEUE in `<lab>-u`) to a small program (lab/faults/_nfq-delay.py, Python
 * standard library, speaking nfnetlink_queue) that lets each one go 40 ms after it arrived, in order:
 * 80 ms more round trip between the node and everything else. The node's own namespace is untouched.
 *
 * Why not `tc qdisc add dev eth0 root netem delay 40ms`, the usual way: this kernel has no netem (the
 * command fails with "Error: Specified qdisc kind is unknown.", and there is no /lib/modules to load it
 * from), while NFQUEUE is built in (CONFIG_NETFILTER_NETLINK_QUEUE=y, CONFIG_NETFILTER_XT_TARGET_NFQUEUE=y).
 *
 * The delayer is started through the lab's spawn ledger and recorded in the state's pids, so `lab
 * fault rm` and `lab down` end it by PID; the rules' --queue-bypass means a delayer that dies leaves
 * the link fast, never dark. As node.packet-loss, only the bandwidth probe shows it (`judgedWith`).
 */
const fault: FaultSpec = {
  description: `delays every packet from and to the node's underlay address by ${DELAY_MS} ms on the lab's underlay switch (iptables -t raw NFQUEUE --queue-bypass in the underlay namespace, released in order by a Python nfnetlink_queue delayer): ${2 * DELAY_MS} ms more round trip`,
  where: 'node',
  judgedWith: ['bandwidth'],
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const netns = lab.state.underlay.netns;
    const queue = queueOf(node);
    const log = join(lab.state.dir, `delayer-${node.name}.log`);
    const pid = startDetached(netns, ['python3', join(packageRoot(), 'lab', 'faults', DELAYER), '--queue', String(queue), '--delay-ms', String(DELAY_MS)], log);
    lab.state.pids[pidKey(node.name)] = pid;
    await lab.save();
    // bound before the rules go in (with --queue-bypass, rules first would only pass packets undelayed)
    await waitFor(() => delayerReady(log, pid), 10_000, `the delayer of ${node.name} (${log})`);
    for (const rule of delayRules(node.ip, queue)) await lab.exec(netns, ['iptables', ...ruleArgs('-I', rule)]);
    return { queue, pid };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    const queue = (state as { queue?: number } | undefined)?.queue ?? queueOf(node);
    await removeDelay(lab, lab.state.underlay.netns, node.ip, queue);
    // the rules are gone, so nothing new is queued; the delayer lets go of what it holds and exits
    const pid = lab.state.pids[pidKey(node.name)];
    if (pid) await stopPid(pid, DELAYER);
    delete lab.state.pids[pidKey(node.name)];
  },
};

/** The delayer printed "ready" (it bound its queue), or it exited with the reason in its log. */
function delayerReady(log: string, pid: number): boolean {
  let text = '';
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    return false;
  }
  if (text.includes(`ready queue=`) && text.includes(`pid=${pid}`)) return true;
  if (/Traceback|Error/.test(text)) throw new Error(`the delayer did not start: ${text.trim().split('\n').slice(-1)[0]}`);
  return false;
}

/** Deletes every copy of the rules (an inject repeated by hand adds a second copy). */
async function removeDelay(lab: LabHandle, netns: string, nodeIp: string, queue: number): Promise<void> {
  for (const rule of delayRules(nodeIp, queue)) {
    for (let i = 0; i < 8; i++) {
      const { code } = await lab.exec(netns, ['iptables', ...ruleArgs('-D', rule)], { allowFail: true });
      if (code !== 0) break;
    }
  }
}
export default fault;
