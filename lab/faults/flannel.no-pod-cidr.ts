import { klogLine } from '../klog.js';
import { flannelCrash, flannelRecover, recreateSandboxes } from '../kubelet.js';
import type { Fault } from '../types.js';
import { nodeOf } from './_helpers.js';
import { reprogramNode, setAnnotations, unprogramNode } from './_flannel.js';

/** The node has no spec.podCIDR (controller-manager without --allocate-node-cidrs): flanneld cannot get a lease. */
const fault: Fault = {
  id: 'flannel.no-pod-cidr',
  cause: 'flannel.no-pod-cidr',
  description: 'clears the node\'s spec.podCIDR; its flannel pod crash-loops with pod cidr not assigned, the node leaves the overlay',
  nodeBound: true,
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const obj = lab.api.get('Node', undefined, node.name)!;
    delete obj.spec.podCIDR;
    delete obj.spec.podCIDRs;
    lab.api.put(obj);
    const annotations = setAnnotations(lab, node, { 'backend-data': undefined, 'backend-type': undefined, 'public-ip': undefined, 'kube-subnet-manager': undefined });
    const saved = await unprogramNode(lab, node);
    await flannelCrash(lab, node, [
      klogLine('I', 'main.go:468', 'Found network config - Backend type: vxlan'),
      klogLine('E', 'main.go:370', `Error registering network: failed to acquire lease: node "${node.name}" pod cidr not assigned`),
      klogLine('I', 'main.go:448', 'Stopping shutdownHandler...'),
    ]);
    // a node without a podCIDR runs no pods: their sandboxes fail (no subnet.env)
    await recreateSandboxes(lab, node);
    return { saved, annotations };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    const s = state as { saved: { subnetEnv: string | null }; annotations: Record<string, string | undefined> };
    const obj = lab.api.get('Node', undefined, node.name)!;
    obj.spec.podCIDR = node.podCIDR;
    obj.spec.podCIDRs = [node.podCIDR];
    lab.api.put(obj);
    setAnnotations(lab, node, s.annotations);
    await reprogramNode(lab, node, s.saved);
    await flannelRecover(lab, node);
    await recreateSandboxes(lab, node);
  },
};
export default fault;
