import { readFile, rename, writeFile } from 'node:fs/promises';
import type { FaultSpec } from '../types.js';
import type { PodRef } from './_cluster.js';
import { until } from './_cluster.js';
import { nodeOf, path, probePod, removeProbePod } from './_helpers.js';

/** /etc/cni/net.d is empty: containerd reports NetworkReady=false, the kubelet marks the node NotReady. */
const fault: FaultSpec = {
  description: 'moves 10-flannel.conflist out of /etc/cni/net.d; the real kubelet reports the node NotReady (cni plugin not initialized)',
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    await rename(path(node, 'etc/cni/net.d/10-flannel.conflist'), path(node, 'etc/cni/.10-flannel.conflist.removed'));
    await until(`node ${node.name} NotReady`, () => {
      const ready = lab.api.get('Node', undefined, node.name)?.status?.conditions?.find((c: any) => c.type === 'Ready');
      return ready && ready.status !== 'True' ? ready : undefined;
    }, 90_000);
    const pod = await probePod(lab, node, 'netready').catch(() => undefined);
    return { pod };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    const conf = path(node, 'etc/cni/net.d/10-flannel.conflist');
    await rename(path(node, 'etc/cni/.10-flannel.conflist.removed'), conf).catch(() => undefined);
    // containerd 1.6 did not reload on the file moving back (seen here); rewriting it in place, as
    // flannel's install-cni does with cp, is an event its watcher acts on.
    await writeFile(conf, await readFile(conf)).catch(() => undefined);
    await removeProbePod(lab, (state as { pod?: PodRef })?.pod);
    await until(`node ${node.name} Ready`, () => lab.api.get('Node', undefined, node.name)?.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'), 90_000);
  },
};
export default fault;
