import { klogLine } from '../klog.js';
import { appendLog } from '../node-files.js';
import { networkAddr } from '../plan.js';
import type { Fault } from '../types.js';
import { nodeOf } from './_helpers.js';
import { setAnnotations } from './_flannel.js';

const NAT_IP = '10.0.2.15';

/**
 * A second NIC with a NAT address (Vagrant's 10.0.2.15) carries the node's default route, so flanneld
 * picks it: flannel.1 binds to it, public-ip says 10.0.2.15, and every other node sends VXLAN there.
 */
const fault: Fault = {
  id: 'flannel.wrong-iface',
  cause: 'flannel.wrong-iface',
  description: `adds eth1 ${NAT_IP} with the default route; flannel uses it as public-ip, other nodes' FDB point at it`,
  nodeBound: true,
  where: 'node',
  async inject(lab, nodeName) {
    const node = nodeOf(lab, nodeName);
    const ns = node.netns;
    // a veth pair inside the node stands for the NAT NIC (no dummy module needed)
    await lab.exec(ns, ['ip', 'link', 'add', 'eth1', 'type', 'veth', 'peer', 'name', 'eth1-nat']);
    await lab.exec(ns, ['ip', 'link', 'set', 'eth1-nat', 'up']);
    await lab.exec(ns, ['ip', 'addr', 'add', `${NAT_IP}/24`, 'dev', 'eth1']);
    await lab.exec(ns, ['ip', 'link', 'set', 'eth1', 'up']);
    await lab.exec(ns, ['ip', 'route', 'replace', 'default', 'via', '10.0.2.2', 'dev', 'eth1']);
    await lab.exec(ns, ['ip', 'link', 'del', 'flannel.1']);
    await lab.exec(ns, ['ip', 'link', 'add', 'flannel.1', 'address', node.vtepMac!, 'type', 'vxlan', 'id', '1', 'local', NAT_IP, 'dev', 'eth1', 'dstport', '8472', 'nolearning']);
    await lab.exec(ns, ['ip', 'link', 'set', 'flannel.1', 'mtu', '1450', 'up']);
    await lab.exec(ns, ['ip', 'addr', 'add', `${networkAddr(node.podCIDR)}/32`, 'dev', 'flannel.1']);
    const { programPeers } = await import('../network.js');
    await programPeers(node, lab.state.nodes);
    for (const o of lab.state.nodes.filter((n) => n.name !== node.name)) {
      await lab.exec(o.netns, ['bridge', 'fdb', 'del', node.vtepMac!, 'dev', 'flannel.1', 'dst', node.ip], { allowFail: true });
      await lab.exec(o.netns, ['bridge', 'fdb', 'append', node.vtepMac!, 'dev', 'flannel.1', 'dst', NAT_IP, 'self', 'permanent']);
    }
    const annotations = setAnnotations(lab, node, { 'public-ip': NAT_IP });
    await appendLog(node, 'flanneld', [
      klogLine('I', 'match.go:210', 'Determining IP address of default interface'),
      klogLine('I', 'match.go:263', `Using interface with name eth1 and address ${NAT_IP}`),
      klogLine('I', 'match.go:285', `Defaulting external address to interface address (${NAT_IP})`),
    ]);
    return { annotations };
  },
  async revert(lab, state, nodeName) {
    const node = nodeOf(lab, nodeName);
    const ns = node.netns;
    await lab.exec(ns, ['ip', 'link', 'del', 'flannel.1'], { allowFail: true });
    await lab.exec(ns, ['ip', 'link', 'del', 'eth1'], { allowFail: true });
    await lab.exec(ns, ['ip', 'route', 'replace', 'default', 'via', lab.state.underlayGateway ?? '172.31.250.1', 'dev', 'eth0']);
    const { createVxlan, programPeers } = await import('../network.js');
    await createVxlan(node);
    await programPeers(node, lab.state.nodes);
    for (const o of lab.state.nodes.filter((n) => n.name !== node.name)) {
      await lab.exec(o.netns, ['bridge', 'fdb', 'del', node.vtepMac!, 'dev', 'flannel.1', 'dst', NAT_IP], { allowFail: true });
      await lab.exec(o.netns, ['bridge', 'fdb', 'append', node.vtepMac!, 'dev', 'flannel.1', 'dst', node.ip, 'self', 'permanent'], { allowFail: true });
    }
    setAnnotations(lab, node, (state as { annotations: Record<string, string | undefined> }).annotations);
    await appendLog(node, 'flanneld', [klogLine('I', 'match.go:263', `Using interface with name eth0 and address ${node.ip}`)]);
  },
};
export default fault;
