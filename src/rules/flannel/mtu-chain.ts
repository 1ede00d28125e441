import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../node/_log-evidence.js';
import { runsVxlan, underlay, vxlanLink, VXLAN_DEV } from './_peers.js';

/** VXLAN over IPv4: outer IP 20 + UDP 8 + VXLAN 8 + inner Ethernet 14 (facts §2.1). */
const OVERHEAD = 50;

export default defineRule({
  id: 'flannel/mtu-chain',
  layer: 'flannel',
  description:
    'The MTU chain must be consistent: underlay ≥ flannel.1 + 50 (on this node and every peer), subnet.env FLANNEL_MTU = flannel.1 MTU, cni0 and pod veths ≤ flannel.1.',
  causes: ['flannel.mtu'],
  scope: 'node',
  needs: ['node.links'],
  severity: 'error',
  messages: {
    underlay: 'node {node}: {dev} MTU {devMtu} is too small for flannel.1 MTU {vxMtu} plus 50 bytes of VXLAN header',
    peerUnderlay: 'node {node}: flannel.1 MTU {vxMtu} needs {need} bytes on the wire, but {peer}\'s {dev} has MTU {devMtu}',
    subnetEnv: 'node {node}: subnet.env FLANNEL_MTU {envMtu} differs from flannel.1 MTU {vxMtu}',
    pods: 'node {node}: {links} have MTU above flannel.1 MTU {vxMtu}; large packets from pods are dropped',
  },
  docs: 'Packets bigger than the path vanish silently: TLS handshakes, image pulls through pods and large responses hang while ping works (facts §2.5, §10.6). Check the external interface MTU, FLANNEL_MTU and the pod veth MTU, in that order.',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'flannel.mtu');
    if (!runsVxlan(evidence, node)) return;
    const vx = vxlanLink(node);
    if (!vx?.mtu) return;
    const vxMtu = vx.mtu;
    const fixMtu = [
      `Make flannel use MTU = underlay MTU − 50: set "MTU": <n> in net-conf.json Backend (kube-flannel-cfg) or fix the underlay MTU, then restart flannel on every node: kubectl -n kube-flannel rollout restart ds/kube-flannel-ds`,
      'Pods keep their veth MTU until re-created: delete them after the restart',
    ];
    const under = underlay(node, vx);
    if (under?.mtu && under.mtu < vxMtu + OVERHEAD) {
      report({
        messageId: 'underlay',
        data: { node: node.name, dev: under.name, devMtu: under.mtu, vxMtu },
        evidence: [{ where: `node ${node.name}: ip link show ${under.name}`, what: `mtu ${under.mtu}` }, { where: `node ${node.name}: ip link show ${VXLAN_DEV}`, what: `mtu ${vxMtu}` }],
        fix: fixMtu,
      });
    }
    for (const other of Object.values(evidence.nodes)) {
      if (other.name === node.name) continue;
      const ovx = vxlanLink(other);
      const ou = ovx && underlay(other, ovx);
      if (!ou?.mtu || ou.mtu >= vxMtu + OVERHEAD) continue;
      report({
        messageId: 'peerUnderlay',
        nodes: [node.name, other.name],
        data: { node: node.name, vxMtu, need: vxMtu + OVERHEAD, peer: other.name, dev: ou.name, devMtu: ou.mtu },
        evidence: [{ where: `node ${node.name}: ip link show ${VXLAN_DEV}`, what: `mtu ${vxMtu}` }, { where: `node ${other.name}: ip link show ${ou.name}`, what: `mtu ${ou.mtu}` }],
        fix: [`Use one MTU for all nodes: set Backend "MTU": ${ou.mtu - OVERHEAD} in net-conf.json (kube-flannel-cfg), then kubectl -n kube-flannel rollout restart ds/kube-flannel-ds and re-create pods`],
      });
    }
    const envMtu = node.subnetEnv?.mtu;
    if (envMtu !== undefined && envMtu !== vxMtu) {
      report({
        messageId: 'subnetEnv',
        data: { node: node.name, envMtu, vxMtu },
        evidence: [{ where: `node ${node.name}: ${node.subnetEnv?.file}`, what: `FLANNEL_MTU=${envMtu}` }, { where: `node ${node.name}: ip link show ${VXLAN_DEV}`, what: `mtu ${vxMtu}` }],
        fix: [`Restart flannel on ${node.name} so subnet.env and flannel.1 agree: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=${node.name}`, fixMtu[1]],
      });
    }
    const tooBig = node.links.filter((l) => (l.name === 'cni0' || l.master === 'cni0') && l.mtu !== undefined && l.mtu > vxMtu);
    if (tooBig.length) {
      const names = tooBig.map((l) => `${l.name} (${l.mtu})`);
      report({
        messageId: 'pods',
        data: { node: node.name, links: names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', '), vxMtu },
        evidence: tooBig.slice(0, 6).map((l) => ({ where: `node ${node.name}: ip link show ${l.name}`, what: `mtu ${l.mtu}${l.master ? ` master ${l.master}` : ''}` })),
        fix: [`Check FLANNEL_MTU in ${node.subnetEnv?.file ?? '/run/flannel/subnet.env'} and any "mtu" in the CNI config delegate, then re-create the pods on ${node.name} (and ip link delete cni0 if the bridge itself is too big)`],
      });
    }
  },
});
