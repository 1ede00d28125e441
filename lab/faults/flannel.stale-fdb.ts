import { networkAddr } from '../plan.js';
import type { FaultSpec } from '../types.js';
import { flannelReadyOn, restartFlannelOn } from './_cluster.js';
import { nodeOf } from './_helpers.js';

const OLD_MAC = '0e:fd:de:ad:be:ef';

/** The node still has the neighbour + FDB entry of a peer's old VTEP MAC (peer re-created flannel.1). */
const fault: FaultSpec = {
  description: `on the node, the neighbour and FDB entries of one peer point to an old VTEP MAC ${OLD_MAC}`,
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const peer = lab.state.nodes.find((n) => n.name !== node.name);
    if (!peer) throw new Error('flannel.stale-fdb needs at least 2 nodes');
    await lab.exec(node.netns, ['bridge', 'fdb', 'del', peer.vtepMac!, 'dev', 'flannel.1', 'dst', peer.ip], { allowFail: true });
    await lab.exec(node.netns, ['bridge', 'fdb', 'append', OLD_MAC, 'dev', 'flannel.1', 'dst', peer.ip, 'self', 'permanent']);
    await lab.exec(node.netns, ['ip', 'neigh', 'replace', networkAddr(peer.podCIDR), 'lladdr', OLD_MAC, 'dev', 'flannel.1', 'nud', 'permanent']);
    return { peer: peer.name };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    const peer = lab.node((state as { peer: string }).peer);
    await lab.exec(node.netns, ['bridge', 'fdb', 'del', OLD_MAC, 'dev', 'flannel.1', 'dst', peer.ip], { allowFail: true });
    await lab.exec(node.netns, ['ip', 'neigh', 'del', networkAddr(peer.podCIDR), 'dev', 'flannel.1'], { allowFail: true });
    // The lab undoes only its own entries; a new flannel pod programs the peer's real ones, as flanneld does at start.
    await restartFlannelOn(lab, node);
    await flannelReadyOn(lab, node);
  },
};
export default fault;
