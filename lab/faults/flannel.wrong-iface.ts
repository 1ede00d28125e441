import type { FaultSpec } from '../types.js';
import { nodeOf } from './_helpers.js';
import { flannelReadyOn, restartFlannelOn } from './_cluster.js';

const NAT_IP = '10.0.2.15';

/**
 * A second NIC with a NAT address (Vagrant's 10.0.2.15) carries the node's default route. The node's
 * flannel pod restarts and the real flanneld picks that interface: flannel.1 binds to it, the public-ip
 * annotation says 10.0.2.15, and every other flanneld sends this node's VXLAN there.
 */
const fault: FaultSpec = {
  description: `adds eth1 ${NAT_IP} holding the default route and restarts the node's flannel pod; flanneld publishes ${NAT_IP} as public-ip`,
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const ns = node.netns;
    // a veth pair inside the node stands for the NAT NIC (no dummy module needed); it leads nowhere
    await lab.exec(ns, ['ip', 'link', 'add', 'eth1', 'type', 'veth', 'peer', 'name', 'eth1-nat']);
    await lab.exec(ns, ['ip', 'link', 'set', 'eth1-nat', 'up']);
    await lab.exec(ns, ['ip', 'addr', 'add', `${NAT_IP}/24`, 'dev', 'eth1']);
    await lab.exec(ns, ['ip', 'link', 'set', 'eth1', 'up']);
    await lab.exec(ns, ['ip', 'route', 'replace', 'default', 'via', '10.0.2.2', 'dev', 'eth1']);
    await restartFlannelOn(lab, node);
    await flannelReadyOn(lab, node);
    return {};
  },
  async revert(lab, _state, nodeName) {
    const node = nodeOf(lab, nodeName);
    const ns = node.netns;
    await lab.exec(ns, ['ip', 'link', 'del', 'eth1'], { allowFail: true });
    await lab.exec(ns, ['ip', 'route', 'replace', 'default', 'via', lab.state.underlayGateway ?? '172.31.250.1', 'dev', 'eth0']);
    await restartFlannelOn(lab, node);
    await flannelReadyOn(lab, node);
  },
};
export default fault;
