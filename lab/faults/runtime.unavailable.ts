import type { FaultSpec } from '../types.js';
import { startContainerd } from '../cluster/node.js';
import { stopProcess } from '../runtime/lab-process.js';
import { systemImage, until } from './_cluster.js';
import { nodeOf } from './_helpers.js';

const readyOf = (lab: Parameters<FaultSpec['inject']>[0], node: string) =>
  lab.api.get('Node', undefined, node)?.status?.conditions?.find((c: any) => c.type === 'Ready');

/** containerd on the node stops: the real kubelet's CRI calls fail and it reports the node NotReady. */
const fault: FaultSpec = {
  description: "stops the node's containerd; the kubelet's CRI calls fail (dial unix /run/containerd/containerd.sock) and it reports container runtime is down",
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    await stopProcess(lab.state.pids[`containerd:${node.name}`], 'containerd');
    delete lab.state.pids[`containerd:${node.name}`];
    await until(`the kubelet on ${node.name} to report NotReady`, () => {
      const r = readyOf(lab, node.name);
      return r && r.status !== 'True' ? r : undefined;
    }, 120_000);
    return {};
  },
  async revert(lab, _state, nodeName) {
    const node = nodeOf(lab, nodeName);
    if (!lab.state.pids[`containerd:${node.name}`]) await startContainerd(lab, node, systemImage(lab, 'pause'));
    await until(`node ${node.name} Ready`, () => readyOf(lab, node.name)?.status === 'True' || undefined, 120_000);
  },
};
export default fault;
