import { restoreFile, snapshotFile } from './_helpers.js';
import { rm } from 'node:fs/promises';
import type { FaultSpec } from '../types.js';
import type { PodRef } from './_cluster.js';
import { nodeOf, path, probePod, removeProbePod } from './_helpers.js';

/** /run/flannel/subnet.env is gone (tmpfs after a reboot, flanneld not back yet): the flannel CNI plugin fails. */
const fault: FaultSpec = {
  description: "removes /run/flannel/subnet.env; a new pod fails with failed to load flannel 'subnet.env' file",
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const file = path(node, 'run/flannel/subnet.env');
    const before = await snapshotFile(file);
    await rm(file, { force: true });
    const pod = await probePod(lab, node, 'subnet');
    return { before, pod };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    const s = state as { before: string | null; pod?: PodRef };
    await restoreFile(path(node, 'run/flannel/subnet.env'), s.before);
    await removeProbePod(lab, s.pod);
  },
};
export default fault;
