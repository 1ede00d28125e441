import type { FaultSpec } from '../types.js';
import { FLANNEL_NS } from './_cluster.js';
import { breakNetConf, restoreNetConf } from './_flannel.js';

const WRONG = '10.245.0.0/16';

/**
 * net-conf.json's Network was edited to a range that does not hold the nodes' podCIDRs (it no longer
 * matches --cluster-cidr): every real flanneld refuses its lease and crash-loops.
 */
const fault: FaultSpec = {
  description: `sets net-conf.json Network to ${WRONG} (the controller-manager allocates from another range) and restarts the flannel pods`,
  where: 'cluster',
  async inject(lab) {
    const conf = JSON.parse(lab.api.get('ConfigMap', FLANNEL_NS, 'kube-flannel-cfg')!.data['net-conf.json']);
    return breakNetConf(lab, JSON.stringify({ ...conf, Network: WRONG }, null, 2) + '\n');
  },
  revert: (lab, state) => restoreNetConf(lab, state),
};
export default fault;
