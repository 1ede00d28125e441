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
      // the fix also lowered flannel.1 and cni0 in place (flanneld keeps an existing device's MTU):
      // they go back to what flanneld makes for a 1500 underlay, and the pods made since are made again
      const setMtu = async () => {
        for (const n of lab.state.nodes) {
          for (const dev of ['flannel.1', 'cni0']) await lab.exec(n.netns, ['ip', 'link', 'set', dev, 'mtu', String(1500 - 50)], { allowFail: true });
        }
      };
      await setMtu();
      for (const [ns, labels] of [['default', { app: 'lab-app' }], ['kube-system', { 'k8s-app': 'kube-dns' }]] as const) {
        await recreatePods(lab, ns, labels);
        await podsReady(lab, ns, labels);
      }
      await setMtu(); // a bridge refuses an MTU above its smallest port's until those ports are gone
    }
  },
};
export default fault;
