import { peerRoute } from '../network.js';
import type { Fault } from '../types.js';
import { nodeOf } from './_helpers.js';

/** The route to one peer's pod subnet via flannel.1 is gone (deleted by hand, a network manager, a race). */
const fault: Fault = {
  id: 'flannel.route-missing',
  cause: 'flannel.route-missing',
  description: "deletes the node's onlink route to one peer's pod subnet",
  nodeBound: true,
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const peer = lab.state.nodes.find((n) => n.name !== node.name);
    if (!peer) throw new Error('flannel.route-missing needs at least 2 nodes');
    await lab.exec(node.netns, ['ip', 'route', 'del', peer.podCIDR]);
    return { peer: peer.name };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    const peer = lab.node((state as { peer: string }).peer);
    await lab.exec(node.netns, ['ip', ...peerRoute(peer).split(' ')]);
  },
};
export default fault;
