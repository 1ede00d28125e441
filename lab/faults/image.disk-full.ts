import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { runtimePid } from '../runtime/containerd.js';
import { imageRef } from '../images/lab-images.js';
import type { LabHandle, LabNode } from '../types.js';

/**
 * The image filesystem of the node is full: a 1 MiB tmpfs is mounted over containerd's content
 * store inside the node's mount namespace, so the 4 MiB layer of lab/big cannot be written.
 * Unmounted on revert; it would also vanish with the node.
 */
const CONTENT = '/var/lib/containerd/io.containerd.content.v1.content';
function inNs(lab: LabHandle, node: LabNode, argv: string[], allowFail = false) {
  const pid = runtimePid(lab, node);
  if (!pid) throw new Error(`containerd of ${node.name} is not running`);
  return lab.exec(undefined, ['nsenter', '-t', String(pid), '-m', ...argv], { allowFail });
}

export default pullFault({
  description: 'mounts a 1 MiB tmpfs over the node containerd\'s content store; pulling lab/big (4 MiB) fails with no space left on device',
  where: 'node',
  image: (lab) => imageRef(findRegistry(lab, 'reg-http'), 'lab/big', '1.0'),
  setup: async (lab, node) => {
    const dir = CONTENT;
    await inNs(lab, node, ['mount', '-t', 'tmpfs', '-o', 'size=1m,mode=0711', `${lab.state.prefix}-imagefs`, dir]);
    await inNs(lab, node, ['mkdir', '-p', `${dir}/ingest`, `${dir}/blobs/sha256`]);
  },
  teardown: async (lab, node) => {
    if (runtimePid(lab, node)) await inNs(lab, node, ['umount', CONTENT], true);
  },
});
