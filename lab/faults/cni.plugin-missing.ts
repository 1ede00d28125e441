import { rename } from 'node:fs/promises';
import type { FaultSpec } from '../types.js';
import type { PodRef } from './_cluster.js';
import { nodeOf, path, probePod, removeProbePod } from './_helpers.js';

/** /opt/cni/bin/flannel is gone (the install-cni-plugin init container never ran): new pods fail. */
const fault: FaultSpec = {
  description: 'removes /opt/cni/bin/flannel on the node; a new pod fails with failed to find plugin "flannel"',
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    await rename(path(node, 'opt/cni/bin/flannel'), path(node, 'opt/cni/.flannel.removed'));
    const pod = await probePod(lab, node, 'plugin');
    return { pod };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    await rename(path(node, 'opt/cni/.flannel.removed'), path(node, 'opt/cni/bin/flannel')).catch(() => undefined);
    await removeProbePod(lab, (state as { pod?: PodRef })?.pod);
  },
};
export default fault;
