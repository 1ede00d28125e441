import type { Evidence } from '../../evidence/types.js';
import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { mtuFix, recreatePodSteps, smallestUnderlay, VXLAN_OVERHEAD as OVERHEAD } from './_mtu-fix.js';
import { runsVxlan, underlay, vxlanLink, VXLAN_DEV } from '../_peers.js';
import { restartFlannel } from '../_restart.js';

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
    const under = underlay(node, vx);
    if (under?.mtu && under.mtu < vxMtu + OVERHEAD) {
      report({
        messageId: 'underlay',
        data: { node: node.name, dev: under.name, devMtu: under.mtu, vxMtu },
        evidence: [{ where: `node ${node.name}: ip link show ${under.name}`, what: `mtu ${under.mtu}` }, { where: `node ${node.name}: ip link show ${VXLAN_DEV}`, what: `mtu ${vxMtu}` }],
        fix: mtuFix(evidence, smallestUnderlay(evidence)),
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
        fix: mtuFix(evidence, smallestUnderlay(evidence)),
      });
    }
    const envMtu = node.subnetEnv?.mtu;
    if (envMtu !== undefined && envMtu !== vxMtu) {
      report({
        messageId: 'subnetEnv',
        data: { node: node.name, envMtu, vxMtu },
        evidence: [{ where: `node ${node.name}: ${node.subnetEnv?.file}`, what: `FLANNEL_MTU=${envMtu}` }, { where: `node ${node.name}: ip link show ${VXLAN_DEV}`, what: `mtu ${vxMtu}` }],
        fix: [
          restartFlannel(node.name, `Restart flannel on ${node.name} so that subnet.env and flannel.1 agree`),
          'Re-create the pods on the node afterwards: a pod keeps its veth MTU until it is re-created',
        ],
      });
    }
    const tooBig = node.links.filter((l) => (l.name === 'cni0' || l.master === 'cni0') && l.mtu !== undefined && l.mtu > vxMtu);
    if (tooBig.length) {
      const names = tooBig.map((l) => `${l.name} (${l.mtu})`);
      report({
        messageId: 'pods',
        data: { node: node.name, links: names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', '), vxMtu },
        evidence: tooBig.slice(0, 6).map((l) => ({ where: `node ${node.name}: ip link show ${l.name}`, what: `mtu ${l.mtu}${l.master ? ` master ${l.master}` : ''}` })),
        fix: [
          `Check FLANNEL_MTU in ${node.subnetEnv?.file ?? '/run/flannel/subnet.env'} and any "mtu" in the CNI config delegate: new pods take their MTU from there`,
          ...(tooBig.some((l) => l.name === 'cni0')
            ? [{ step: 'link.mtu-at-most' as const, data: { dev: 'cni0', mtu: vxMtu }, text: 'Lower the cni0 bridge to MTU {mtu}' }]
            : []),
          ...recreatePodSteps(evidence, vxMtu, [node.name]),
        ],
      });
    }
  },
});
