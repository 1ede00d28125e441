import { rename } from 'node:fs/promises';
import { klogLine } from '../klog.js';
import { nodeNotReady, nodeReady } from '../kubelet.js';
import { appendLog } from '../node-files.js';
import type { Fault, LabPod } from '../types.js';
import { nodeOf, path, probePod, removeProbePod } from './_helpers.js';

const NOT_READY =
  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';

/** /etc/cni/net.d is empty: the runtime reports NetworkReady=false, the node goes NotReady, pods wait. */
const fault: Fault = {
  id: 'cni.config-missing',
  cause: 'cni.config-missing',
  description: 'moves 10-flannel.conflist out of /etc/cni/net.d; node NotReady (cni plugin not initialized)',
  nodeBound: true,
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    await rename(path(node, 'etc/cni/net.d/10-flannel.conflist'), path(node, 'etc/cni/.10-flannel.conflist.removed'));
    nodeNotReady(lab, node, NOT_READY);
    await appendLog(node, 'kubelet', [klogLine('E', 'kubelet.go:2874', `"Container runtime network not ready" networkReady="NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"`)]);
    await appendLog(node, 'containerd', [`time="${new Date().toISOString()}" level=error msg="failed to load cni during init, please check CRI plugin status before setting up network for pods" error="cni config load failed: no network config found in /etc/cni/net.d: cni plugin not initialized: failed to load cni config"`]);
    const pod = await probePod(lab, node, 'netready');
    return { pod };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    await rename(path(node, 'etc/cni/.10-flannel.conflist.removed'), path(node, 'etc/cni/net.d/10-flannel.conflist')).catch(() => undefined);
    nodeReady(lab, node);
    await removeProbePod(lab, (state as { pod?: LabPod })?.pod);
  },
};
export default fault;
