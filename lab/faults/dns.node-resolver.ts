import { restoreFile, snapshotFile } from '../kubelet.js';
import { writeNetnsResolvConf } from '../pods.js';
import type { Fault } from '../types.js';
import { nodeOf, path } from './_helpers.js';

const DEAD = '172.31.250.99';

/** The node's own resolver points at a server that does not answer: image pulls (node DNS) fail, CoreDNS on other nodes is fine. */
const fault: Fault = {
  id: 'dns.node-resolver',
  cause: 'dns.node-resolver',
  description: `points the node's /etc/resolv.conf at ${DEAD}, where no DNS server answers`,
  nodeBound: true,
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const file = path(node, 'etc/resolv.conf');
    const before = await snapshotFile(file);
    const text = `nameserver ${DEAD}\n`;
    await restoreFile(file, text);
    await writeNetnsResolvConf(lab.state, node.netns, text);
    return { before };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    const before = (state as { before: string | null }).before;
    await restoreFile(path(node, 'etc/resolv.conf'), before);
    if (before) await writeNetnsResolvConf(lab.state, node.netns, before);
  },
};
export default fault;
