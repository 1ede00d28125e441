import { rm } from 'node:fs/promises';
import { klogLine } from '../klog.js';
import { flannelCrash, flannelRecover, restoreFile, snapshotFile } from '../kubelet.js';
import type { Fault } from '../types.js';
import { nodeOf, path } from './_helpers.js';

/** flanneld on the node is OOM-killed over and over: CrashLoopBackOff, and /run/flannel/subnet.env is gone after a reboot. */
const fault: Fault = {
  id: 'flannel.daemon-down',
  cause: 'flannel.daemon-down',
  description: "the node's flannel pod crash-loops (OOMKilled) and its subnet.env is gone",
  nodeBound: true,
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const file = path(node, 'run/flannel/subnet.env');
    const before = await snapshotFile(file);
    await rm(file, { force: true });
    await flannelCrash(lab, node, [klogLine('I', 'kube.go:139', 'Waiting 10m0s for node controller to sync')], { exitCode: 137, reason: 'OOMKilled' });
    return { before };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    await restoreFile(path(node, 'run/flannel/subnet.env'), (state as { before: string | null }).before);
    await flannelRecover(lab, node);
  },
};
export default fault;
