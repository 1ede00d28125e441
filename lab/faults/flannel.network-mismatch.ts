import { klogLine } from '../klog.js';
import { flannelCrash, flannelRecover } from '../kubelet.js';
import type { Fault } from '../types.js';
import { nodeOf } from './_helpers.js';
import { reprogramNode, unprogramNode } from './_flannel.js';

/** The node's podCIDR lies outside net-conf.json's Network (cluster-cidr and flannel disagree). */
const fault: Fault = {
  id: 'flannel.network-mismatch',
  cause: 'flannel.network-mismatch',
  description: "gives the node a podCIDR outside net-conf.json's Network; its flannel pod crash-loops (doesn't contain ... PodCIDR)",
  nodeBound: true,
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const wrong = node.podCIDR.replace(/^10\.244\./, '10.245.');
    const obj = lab.api.get('Node', undefined, node.name)!;
    obj.spec.podCIDR = wrong;
    obj.spec.podCIDRs = [wrong];
    lab.api.put(obj);
    const saved = await unprogramNode(lab, node);
    await flannelCrash(lab, node, [
      klogLine('I', 'main.go:468', 'Found network config - Backend type: vxlan'),
      klogLine('E', 'main.go:370', `Error registering network: failed to acquire lease: subnet "${lab.state.clusterCIDR}" specified in the flannel net config doesn't contain "${wrong}" PodCIDR of the "${node.name}" node`),
    ]);
    return { saved };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    const obj = lab.api.get('Node', undefined, node.name)!;
    obj.spec.podCIDR = node.podCIDR;
    obj.spec.podCIDRs = [node.podCIDR];
    lab.api.put(obj);
    await reprogramNode(lab, node, (state as { saved: { subnetEnv: string | null } }).saved);
    await flannelRecover(lab, node);
  },
};
export default fault;
