import type { FaultSpec } from '../types.js';
import { flannelReadyOn, restartFlannelOn } from './_cluster.js';
import { nodeOf } from './_helpers.js';

/** The route to one peer's pod subnet via flannel.1 is gone (deleted by hand, a network manager, a race). */
const fault: FaultSpec = {
  description: "deletes the node's onlink route to one peer's pod subnet",
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const peer = lab.state.nodes.find((n) => n.name !== node.name);
    if (!peer) throw new Error('flannel.route-missing needs at least 2 nodes');
    await lab.exec(node.netns, ['ip', 'route', 'del', peer.podCIDR]);
    return { peer: peer.name };
  },
  // flanneld's vxlan backend programs a peer's route when it learns the lease, not again: a new
  // flannel pod (as an operator would restart it) puts it back; the lab never writes it.
  async revert(lab, _state, nodeName) {
    const node = nodeOf(lab, nodeName);
    await restartFlannelOn(lab, node);
    await flannelReadyOn(lab, node);
  },
};
export default fault;
