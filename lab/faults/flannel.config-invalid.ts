import type { FaultSpec } from '../types.js';
import { breakNetConf, restoreNetConf } from './_flannel.js';

/** net-conf.json in kube-flannel-cfg has a trailing comma: every real flanneld fails to parse it and crash-loops. */
const fault: FaultSpec = {
  description: 'writes unparsable net-conf.json (a trailing comma) into kube-flannel-cfg and restarts the flannel pods',
  where: 'cluster',
  async inject(lab) {
    return breakNetConf(lab, `{\n  "Network": "${lab.state.clusterCIDR}",\n  "EnableNFTables": false,\n  "Backend": {\n    "Type": "vxlan",\n  }\n}\n`);
  },
  revert: (lab, state) => restoreNetConf(lab, state),
};
export default fault;
