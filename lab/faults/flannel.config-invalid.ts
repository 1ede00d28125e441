import { klogLine } from '../klog.js';
import type { Fault } from '../types.js';
import { breakNetConf, restoreNetConf } from './_flannel.js';

/** net-conf.json in kube-flannel-cfg has a trailing comma: every flanneld fails to parse it and crash-loops. */
const fault: Fault = {
  id: 'flannel.config-invalid',
  cause: 'flannel.config-invalid',
  description: 'writes unparsable net-conf.json into kube-flannel-cfg (and the nodes\' mounted copy); all flannel pods crash-loop',
  nodeBound: false,
  where: 'cluster',
  async inject(lab) {
    const bad = `{\n  "Network": "${lab.state.clusterCIDR}",\n  "EnableNFTables": false,\n  "Backend": {\n    "Type": "vxlan",\n  }\n}\n`;
    return breakNetConf(lab, bad, (node) => [
      klogLine('I', 'main.go:231', `Created subnet manager: Kubernetes Subnet Manager - ${node.name}`),
      klogLine('E', 'main.go:333', `Failed to create SubnetManager: error parsing subnet config: invalid character '}' looking for beginning of object key string`),
    ]);
  },
  revert: (lab, state) => restoreNetConf(lab, state),
};
export default fault;
