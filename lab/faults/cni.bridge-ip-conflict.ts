import { hostIn } from '../plan.js';
import type { FaultSpec } from '../types.js';
import type { PodRef } from './_cluster.js';
import { nodeOf, probePod, removeProbePod } from './_helpers.js';

const STALE = '10.244.99.1/24';

/** cni0 keeps the gateway address of an older podCIDR (node re-joined): the bridge plugin refuses new pods. */
const fault: FaultSpec = {
  description: `puts a stale ${STALE} first on cni0; a new pod fails with "cni0" already has an IP address different from`,
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    // The stale address listed first is what the bridge plugin trips over; the right gateway stays
    // (second) so running pods keep working and only new sandboxes fail, as after a re-join.
    await lab.exec(node.netns, ['ip', 'addr', 'flush', 'dev', 'cni0']);
    await lab.exec(node.netns, ['ip', 'addr', 'add', STALE, 'dev', 'cni0']);
    await lab.exec(node.netns, ['ip', 'addr', 'add', `${hostIn(node.podCIDR, 1)}/24`, 'dev', 'cni0']);
    const pod = await probePod(lab, node, 'bridge');
    return { pod };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    await lab.exec(node.netns, ['ip', 'addr', 'flush', 'dev', 'cni0']);
    await lab.exec(node.netns, ['ip', 'addr', 'add', `${hostIn(node.podCIDR, 1)}/24`, 'dev', 'cni0']);
    await removeProbePod(lab, (state as { pod?: PodRef })?.pod);
  },
};
export default fault;
