import { FLANNEL_NS } from '../api-objects.js';
import { klogLine } from '../klog.js';
import { flannelCrash, flannelRecover, restoreFile, snapshotFile } from '../kubelet.js';
import type { Fault } from '../types.js';
import { path } from './_helpers.js';

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
    const cm = lab.api.get('ConfigMap', FLANNEL_NS, 'kube-flannel-cfg')!;
    const before = cm.data['net-conf.json'];
    const changed = JSON.stringify({ ...JSON.parse(before), Network: WRONG }, null, 2) + '\n';
    cm.data['net-conf.json'] = changed;
    lab.api.put(cm);
    const files: Record<string, string | null> = {};
    for (const node of lab.state.nodes) {
      const f = path(node, 'etc/kube-flannel/net-conf.json');
      files[node.name] = await snapshotFile(f);
      await restoreFile(f, changed);
      await flannelCrash(lab, node, [
        klogLine('I', 'main.go:468', 'Found network config - Backend type: vxlan'),
        klogLine('E', 'main.go:370', `Error registering network: failed to acquire lease: subnet "${WRONG}" specified in the flannel net config doesn't contain "${node.podCIDR}" PodCIDR of the "${node.name}" node`),
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
