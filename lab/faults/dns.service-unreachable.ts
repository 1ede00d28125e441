import type { Fault } from '../types.js';
import { ipt } from './_helpers.js';

const JUMPS = [
  ['PREROUTING', '-m', 'comment', '--comment', 'kubernetes service portals', '-j', 'KUBE-SERVICES'],
  ['OUTPUT', '-m', 'comment', '--comment', 'kubernetes service portals', '-j', 'KUBE-SERVICES'],
];

/** kube-proxy's service portal jumps are gone on every node: CoreDNS pods answer, the kube-dns Service IP does not. */
const fault: Fault = {
  id: 'dns.service-unreachable',
  cause: 'dns.service-unreachable',
  description: 'removes the KUBE-SERVICES jumps (the kube-dns DNAT) from every node namespace',
  nodeBound: false,
  where: 'cluster',
  async inject(lab) {
    for (const node of lab.state.nodes) for (const j of JUMPS) await ipt(lab, node.netns, ['-t', 'nat', '-D', ...j], true);
    return {};
  },
  async revert(lab) {
    for (const node of lab.state.nodes) for (const j of JUMPS) await ipt(lab, node.netns, ['-t', 'nat', '-A', ...j]);
  },
};
export default fault;
