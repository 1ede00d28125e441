import type { FaultSpec } from '../types.js';
import { key, startKubeProxy } from '../cluster/node.js';
import { stopProcess } from '../runtime/lab-process.js';
import { ipt } from './_helpers.js';

const JUMPS = [
  ['PREROUTING', '-m', 'comment', '--comment', 'kubernetes service portals', '-j', 'KUBE-SERVICES'],
  ['OUTPUT', '-m', 'comment', '--comment', 'kubernetes service portals', '-j', 'KUBE-SERVICES'],
];

/**
 * kube-proxy is not running on the nodes and their service portals are gone (as after a reboot with
 * kube-proxy failing to start): CoreDNS pods answer, the kube-dns Service IP does not.
 */
const fault: FaultSpec = {
  description: 'stops kube-proxy on every node and removes its KUBE-SERVICES jumps (no Service IP is translated)',
  where: 'cluster',
  async inject(lab) {
    for (const node of lab.state.nodes) {
      await stopProcess(lab.state.pids[key.kubeProxy(node.name)], 'kube-proxy');
      delete lab.state.pids[key.kubeProxy(node.name)];
      for (const j of JUMPS) await ipt(lab, node.netns, ['-t', 'nat', '-D', ...j], true);
    }
    return {};
  },
  async revert(lab) {
    // kube-proxy puts its own jumps back when it starts
    for (const node of lab.state.nodes) if (!lab.state.pids[key.kubeProxy(node.name)]) await startKubeProxy(lab, node);
    await new Promise((r) => setTimeout(r, 3000));
  },
};
export default fault;
