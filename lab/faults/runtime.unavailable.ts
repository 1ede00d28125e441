import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { startRuntime, stopRuntime } from '../runtime/containerd.js';
import { nodeNotReady, nodeReady } from '../kubelet.js';
import { imageRef } from '../images/lab-images.js';

/** containerd on the node is stopped: kubelet's CRI calls fail to dial the socket; the node goes NotReady. */
export default pullFault({
  id: 'runtime.unavailable',
  cause: 'runtime.unavailable',
  description: 'stops the node\'s containerd; CRI calls fail (dial unix …/containerd.sock) and the node reports container runtime is down',
  nodeBound: true,
  where: 'node',
  image: (lab) => imageRef(findRegistry(lab, 'reg-http')),
  setup: async (lab, node) => {
    await stopRuntime(lab, node);
    nodeNotReady(lab, node, 'container runtime is down');
  },
  teardown: async (lab, node) => {
    await startRuntime(lab, node);
    nodeReady(lab, node);
  },
});
