import { FLANNEL_NS } from '../api-objects.js';
import { klogLine } from '../klog.js';
import type { Fault } from '../types.js';
import { breakNetConf, restoreNetConf } from './_flannel.js';

const WRONG = '10.245.0.0/16';

/**
 * net-conf.json's Network was edited to a range that does not hold the nodes' podCIDRs (it no longer
 * matches --cluster-cidr): every flanneld refuses its lease and crash-loops.
 */
const fault: Fault = {
  id: 'flannel.network-mismatch',
  cause: 'flannel.network-mismatch',
  description: `sets net-conf.json Network to ${WRONG} (cluster CIDR is 10.244.0.0/16); every flannel pod crash-loops with doesn't contain ... PodCIDR`,
  nodeBound: false,
  where: 'cluster',
  async inject(lab) {
    const changed = JSON.stringify({ ...JSON.parse(lab.api.get('ConfigMap', FLANNEL_NS, 'kube-flannel-cfg')!.data['net-conf.json']), Network: WRONG }, null, 2) + '\n';
    return breakNetConf(lab, changed, (node) => [
      klogLine('I', 'main.go:468', 'Found network config - Backend type: vxlan'),
      klogLine('E', 'main.go:370', `Error registering network: failed to acquire lease: subnet "${WRONG}" specified in the flannel net config doesn't contain "${node.podCIDR}" PodCIDR of the "${node.name}" node`),
    ]);
  },
  revert: (lab, state) => restoreNetConf(lab, state),
};
export default fault;
