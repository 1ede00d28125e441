import type { FaultSpec } from '../types.js';
import { nodeOf } from './_helpers.js';
import { FLANNEL_NS } from './_cluster.js';
import { podsReady, recreatePods } from './_dns.js';
import { restoreNetConf } from './_flannel.js';

const netConf = (lab: Parameters<FaultSpec['inject']>[0]): string | undefined => lab.api.get('ConfigMap', FLANNEL_NS, 'kube-flannel-cfg')?.data?.['net-conf.json'];

const SMALL = 1400;

/**
 * One underlay link has a smaller MTU (1400) than flannel assumed (1500 - 50): the node's eth0 and its
 * switch port drop big VXLAN frames, so small pings pass while large transfers and TLS hang.
 */
const fault: FaultSpec = {
  description: `lowers the node's eth0 and its underlay port to MTU ${SMALL} while flannel.1 stays 1450`,
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    await lab.exec(node.netns, ['ip', 'link', 'set', 'eth0', 'mtu', String(SMALL)]);
    await lab.exec(lab.state.underlay.netns, ['ip', 'link', 'set', node.name, 'mtu', String(SMALL)]);
    return { before: netConf(lab) };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    await lab.exec(lab.state.underlay.netns, ['ip', 'link', 'set', node.name, 'mtu', '1500']);
    await lab.exec(node.netns, ['ip', 'link', 'set', 'eth0', 'mtu', '1500']);
    // forget the path MTUs learned while the link was small (they would outlive the fault by minutes)
    for (const ns of lab.state.netnsCreated ?? []) await lab.exec(ns, ['ip', 'route', 'flush', 'cache'], { allowFail: true });
    // a proven fix lowered Backend.MTU: the old net-conf comes back, and the pods made under the
    // lowered MTU are made again (a pod keeps its veth MTU)
    const before = (state as { before?: string }).before;
    if (before !== undefined && netConf(lab) !== before) {
      await restoreNetConf(lab, { before });
      for (const [ns, labels] of [['default', { app: 'lab-app' }], ['kube-system', { 'k8s-app': 'kube-dns' }]] as const) {
        await recreatePods(lab, ns, labels);
        await podsReady(lab, ns, labels);
      }
    }
  },
};
export default fault;
