import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { runtimePid } from '../runtime/containerd.js';
import { imageRef } from '../images/lab-images.js';
import type { LabHandle, LabNode } from '../types.js';

/**
 * The image filesystem of the node is full: containerd's content store is moved onto a tmpfs holding
 * exactly what it holds now plus 512 KiB, inside the node's mount namespace. What is there stays
 * readable (the pause image still starts sandboxes); the 4 MiB layer of lab/big cannot be written.
 * Unmounted on revert (the content underneath was never touched); it would also vanish with the node.
 */
const CONTENT = '/var/lib/containerd/io.containerd.content.v1.content';
const STAGING = '/run/flannel-doctor-imagefs';
function inNs(lab: LabHandle, node: LabNode, argv: string[], allowFail = false) {
  const pid = runtimePid(lab, node);
  if (!pid) throw new Error(`containerd of ${node.name} is not running`);
  return lab.exec(undefined, ['nsenter', '-t', String(pid), '-m', ...argv], { allowFail });
}

export default pullFault({
  description: "fills the node containerd's content store (a tmpfs with its current content and 512 KiB free); pulling lab/big (4 MiB) fails with no space left on device",
  where: 'node',
  image: (lab) => imageRef(findRegistry(lab, 'reg-http'), 'lab/big', '1.0'),
  setup: async (lab, node) => {
    const { stdout } = await inNs(lab, node, ['du', '-sk', CONTENT]);
    const usedKiB = Number(stdout.trim().split(/\s+/)[0]);
    if (!Number.isFinite(usedKiB)) throw new Error(`cannot size ${CONTENT} on ${node.name}: ${stdout.trim()}`);
    await inNs(lab, node, ['mkdir', '-p', STAGING]);
    await inNs(lab, node, ['mount', '-t', 'tmpfs', '-o', `size=${usedKiB + 512}k,mode=0711`, `${lab.state.prefix}-imagefs`, STAGING]);
    await inNs(lab, node, ['cp', '-a', `${CONTENT}/.`, `${STAGING}/`]);
    await inNs(lab, node, ['mount', '--bind', STAGING, CONTENT]);
    await inNs(lab, node, ['umount', '-l', STAGING]);
    await inNs(lab, node, ['mkdir', '-p', `${CONTENT}/ingest`]);
  },
  teardown: async (lab, node) => {
    if (!runtimePid(lab, node)) return;
    const { stdout } = await inNs(lab, node, ['cat', '/proc/self/mounts'], true);
    if (stdout.split('\n').some((l) => l.split(' ')[1] === CONTENT)) await inNs(lab, node, ['umount', CONTENT], true);
  },
});
