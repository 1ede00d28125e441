import { flannelIptables, iptablesRestore } from '../network.js';
import type { Fault } from '../types.js';
import { ipt, nodeOf } from './_helpers.js';

/** flannel's MASQUERADE rules are gone (nat table flushed by a firewall reload): pods cannot reach outside the cluster. */
const fault: Fault = {
  id: 'flannel.ipmasq',
  cause: 'flannel.ipmasq',
  description: 'removes FLANNEL-POSTRTG (the flanneld masq rules) from the node\'s nat table',
  nodeBound: true,
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    await ipt(lab, node.netns, ['-t', 'nat', '-D', 'POSTROUTING', '-m', 'comment', '--comment', 'flanneld masq', '-j', 'FLANNEL-POSTRTG']);
    await ipt(lab, node.netns, ['-t', 'nat', '-F', 'FLANNEL-POSTRTG']);
    await ipt(lab, node.netns, ['-t', 'nat', '-X', 'FLANNEL-POSTRTG']);
    return {};
  },
  async revert(lab, _state, nodeName) {
    const node = nodeOf(lab, nodeName);
    const nat = flannelIptables(lab.state.clusterCIDR, node.podCIDR).split('*filter')[0];
    await iptablesRestore(node.netns, nat);
  },
};
export default fault;
