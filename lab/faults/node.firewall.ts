import type { FaultSpec } from '../types.js';
import { ipt, nodeOf } from './_helpers.js';

/** A host firewall (firewalld's default reject) blocks traffic from the pod network; VXLAN itself still passes. */
const fault: FaultSpec = {
  description: 'inserts REJECT rules for traffic from the pod network (FORWARD and INPUT) in the node namespace',
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    for (const chain of ['FORWARD', 'INPUT']) {
      await ipt(lab, node.netns, ['-I', chain, '1', '-s', lab.state.clusterCIDR, '-j', 'REJECT', '--reject-with', 'icmp-host-prohibited']);
    }
    return {};
  },
  async revert(lab, _state, nodeName) {
    const node = nodeOf(lab, nodeName);
    for (const chain of ['FORWARD', 'INPUT']) {
      await ipt(lab, node.netns, ['-D', chain, '-s', lab.state.clusterCIDR, '-j', 'REJECT', '--reject-with', 'icmp-host-prohibited'], true);
    }
  },
};
export default fault;
