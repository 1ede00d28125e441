import type { FaultSpec } from '../types.js';
import { ipt, nodeOf } from './_helpers.js';

const RULE = ['INPUT', '-p', 'udp', '-m', 'udp', '--dport', '8472', '-j', 'DROP'];

/** A host firewall drops VXLAN (UDP 8472) arriving at the node: same-node pods work, cross-node traffic dies. */
const fault: FaultSpec = {
  description: 'iptables DROP of UDP 8472 in the node namespace',
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    await ipt(lab, node.netns, ['-I', ...RULE]);
    return {};
  },
  async revert(lab, _state, nodeName) {
    const node = nodeOf(lab, nodeName);
    await ipt(lab, node.netns, ['-D', ...RULE], true);
  },
};
export default fault;
