import { readSysctl, setSysctls } from '../network.js';
import type { FaultSpec } from '../types.js';
import { nodeOf } from './_helpers.js';

const KEY = 'net/bridge/bridge-nf-call-iptables';

/**
 * net.bridge.bridge-nf-call-iptables=0 in the node's namespace (a sysctl reset, or a node set up without
 * the kubeadm prerequisites): traffic bridged on cni0 skips iptables. The setting is per network
 * namespace (Linux 5.3+), so one node breaks and the host and the other nodes do not. Unloading
 * br_netfilter instead would break every node and the host.
 */
const fault: FaultSpec = {
  description: 'sets net.bridge.bridge-nf-call-iptables=0 in the node namespace: pod traffic bridged on cni0 skips iptables (kube-proxy DNAT)',
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    await setSysctls(node.netns, { [KEY]: '0' });
    // setSysctls skips a key the kernel lacks: without br_netfilter on the host there is nothing to turn off
    const now = await readSysctl(node.netns, KEY).catch(() => '');
    if (now !== '0') throw new Error(`${node.name}: /proc/sys/${KEY} is "${now}" after writing 0 (is br_netfilter loaded on the host?)`);
    return {};
  },
  async revert(lab, _state, nodeName) {
    await setSysctls(nodeOf(lab, nodeName).netns, { [KEY]: '1' });
  },
};
export default fault;
