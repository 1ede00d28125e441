import { FLANNEL_NS } from '../api-objects.js';
import { klogLine } from '../klog.js';
import { flannelCrash, flannelRecover, restoreFile, snapshotFile } from '../kubelet.js';
import type { Fault } from '../types.js';
import { path } from './_helpers.js';

/** net-conf.json in kube-flannel-cfg has a trailing comma: every flanneld fails to parse it and crash-loops. */
const fault: Fault = {
  id: 'flannel.config-invalid',
  cause: 'flannel.config-invalid',
  description: 'writes unparsable net-conf.json into kube-flannel-cfg (and the nodes\' mounted copy); all flannel pods crash-loop',
  nodeBound: false,
  where: 'cluster',
  async inject(lab) {
    const cm = lab.api.get('ConfigMap', FLANNEL_NS, 'kube-flannel-cfg')!;
    const before = cm.data['net-conf.json'];
    const bad = `{\n  "Network": "${lab.state.clusterCIDR}",\n  "EnableNFTables": false,\n  "Backend": {\n    "Type": "vxlan",\n  }\n}\n`;
    cm.data['net-conf.json'] = bad;
    lab.api.put(cm);
    const files: Record<string, string | null> = {};
    for (const node of lab.state.nodes) {
      const f = path(node, 'etc/kube-flannel/net-conf.json');
      files[node.name] = await snapshotFile(f);
      await restoreFile(f, bad);
      await flannelCrash(lab, node, [
        klogLine('I', 'main.go:231', `Created subnet manager: Kubernetes Subnet Manager - ${node.name}`),
        klogLine('E', 'main.go:333', `Failed to create SubnetManager: error parsing subnet config: invalid character '}' looking for beginning of object key string`),
      ]);
    }
    return { before, files };
  },
  async revert(lab, state) {
    const s = state as { before: string; files: Record<string, string | null> };
    const cm = lab.api.get('ConfigMap', FLANNEL_NS, 'kube-flannel-cfg')!;
    cm.data['net-conf.json'] = s.before;
    lab.api.put(cm);
    for (const node of lab.state.nodes) {
      await restoreFile(path(node, 'etc/kube-flannel/net-conf.json'), s.files[node.name] ?? null);
      await flannelRecover(lab, node);
    }
  },
};
export default fault;
