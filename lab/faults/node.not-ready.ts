import { key, startKubelet } from '../cluster/node.js';
import { stopProcess } from '../runtime/lab-process.js';
import type { FaultSpec } from '../types.js';
import { until } from './_cluster.js';
import { nodeOf } from './_helpers.js';

const readyOf = (lab: Parameters<FaultSpec['inject']>[0], node: string) =>
  lab.api.get('Node', undefined, node)?.status?.conditions?.find((c: any) => c.type === 'Ready');

/**
 * The kubelet on the node stops (crashed, or stopped by hand): nothing posts the node's status any
 * more, and the real kube-controller-manager marks it Ready=Unknown ("Kubelet stopped posting node
 * status") once its node-monitor grace period has passed. The containers already running keep running.
 */
const fault: FaultSpec = {
  description: "stops the node's kubelet; the controller-manager marks the node Ready=Unknown (Kubelet stopped posting node status) after its grace period",
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    await stopProcess(lab.state.pids[key.kubelet(node.name)], 'kubelet');
    delete lab.state.pids[key.kubelet(node.name)];
    await until(`the controller-manager to mark ${node.name} not ready`, () => {
      const r = readyOf(lab, node.name);
      return r && r.status !== 'True' ? r : undefined;
    }, 180_000);
    return {};
  },
  async revert(lab, _state, nodeName) {
    const node = nodeOf(lab, nodeName);
    if (!lab.state.pids[key.kubelet(node.name)]) await startKubelet(lab, node);
    await until(`node ${node.name} Ready`, () => readyOf(lab, node.name)?.status === 'True' || undefined, 180_000);
  },
};
export default fault;
