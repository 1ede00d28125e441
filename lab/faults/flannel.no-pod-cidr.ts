import type { FaultSpec } from '../types.js';
import { restartControllerManager } from '../cluster/control-plane.js';
import { key, startKubelet } from '../cluster/node.js';
import { appPodsManifest } from '../cluster/up.js';
import { kubectl } from '../cluster/control-plane.js';
import { stopProcess } from '../runtime/lab-process.js';
import { nodeOf } from './_helpers.js';
import { containerReports, flannelPodOn, flannelReadyOn, restartFlannelOn, systemImage, until } from './_cluster.js';

/**
 * The controller-manager runs without --allocate-node-cidrs (a hand-made control plane) and the node
 * (re)joins: it registers without spec.podCIDR, and its real flanneld cannot get a lease.
 */
const fault: FaultSpec = {
  description: 'restarts kube-controller-manager with --allocate-node-cidrs=false and re-registers the node; its flannel pod crash-loops with pod cidr not assigned',
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    await restartControllerManager(lab, { '--allocate-node-cidrs': 'false' });
    await stopProcess(lab.state.pids[key.kubelet(node.name)], 'kubelet');
    lab.api.remove('Node', undefined, node.name);
    await until(`node ${node.name} gone`, () => !lab.api.get('Node', undefined, node.name) || undefined, 30_000);
    await startKubelet(lab, node);
    await until(`node ${node.name} registered again`, () => lab.api.get('Node', undefined, node.name), 60_000);
    // the node came back under its name before the pod garbage collector saw it gone, so its old flannel
    // pod (leased before) may still run: a re-joined node starts its DaemonSet pods afresh
    await until(`a flannel pod on ${node.name}`, () => flannelPodOn(lab, node), 90_000);
    await restartFlannelOn(lab, node);
    await containerReports(lab, () => flannelPodOn(lab, node), 'kube-flannel', ['Error', 'CrashLoopBackOff']);
    return {};
  },
  async revert(lab, _state, nodeName) {
    const node = nodeOf(lab, nodeName);
    await restartControllerManager(lab, { '--allocate-node-cidrs': 'true' });
    await until(`a podCIDR for ${node.name}`, () => lab.api.get('Node', undefined, node.name)?.spec?.podCIDR, 60_000);
    await restartFlannelOn(lab, node);
    await flannelReadyOn(lab, node);
    // the node's pods went with its old object (pod garbage collection): its workload comes back
    await kubectl(lab, ['apply', '-f', '-'], { input: appPodsManifest(lab.state, systemImage(lab, 'pause'), 1) });
  },
};
export default fault;
