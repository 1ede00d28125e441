import { writeFile } from 'node:fs/promises';
import { restoreFile, snapshotFile } from './_helpers.js';
import type { FaultSpec } from '../types.js';
import type { PodRef } from './_cluster.js';
import { nodeOf, path, probePod, removeProbePod } from './_helpers.js';

/** 10-flannel.conflist is cut off mid-write (bad JSON): the runtime cannot load it, new pods fail. */
const fault: FaultSpec = {
  description: 'truncates /etc/cni/net.d/10-flannel.conflist to invalid JSON; a new pod fails to load the CNI config',
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const file = path(node, 'etc/cni/net.d/10-flannel.conflist');
    const before = await snapshotFile(file);
    await writeFile(file, (before ?? '').slice(0, 70));
    const pod = await probePod(lab, node, 'conf');
    return { before, pod };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    const s = state as { before: string | null; pod?: PodRef };
    await restoreFile(path(node, 'etc/cni/net.d/10-flannel.conflist'), s.before);
    await removeProbePod(lab, s.pod);
  },
};
export default fault;
