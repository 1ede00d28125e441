import type { NodeEvidence } from '../../evidence/node.js';
import { defineRule } from '../../rules/define-rule.js';
import { mainTable } from '../../rules/_peers.js';

/** VXLAN adds 50 bytes; below this the pods' MTU would be under IPv6's minimum of 1280. */
const MIN_UNDERLAY = 1330;

function uplinkMtu(n: Readonly<NodeEvidence>): { dev: string; mtu: number } | undefined {
  const dev = n.routes.find((r) => mainTable(r) && r.dst === 'default' && r.dev)?.dev;
  const mtu = n.links.find((l) => l.name === dev)?.mtu;
  return dev && mtu ? { dev, mtu } : undefined;
}

export default defineRule({
  id: 'preflight/underlay-mtu',
  layer: 'flannel',
  description: "flannel derives each node's pod MTU from its own uplink (MTU − 50 for VXLAN): the uplinks must agree across nodes, and leave room for the 50 bytes.",
  causes: ['flannel.mtu'],
  scope: 'node',
  needs: ['node.links', 'node.routes'],
  severity: 'error',
  messages: {
    differ: "node {node}: uplink {dev} has MTU {mtu}, {others} only {min}: this node's pods would send packets the others cannot carry",
    small: "node {node}: uplink {dev} has MTU {mtu}; with VXLAN's 50 bytes the pods would get {pod}",
  },
  docs: 'Each flanneld computes FLANNEL_MTU from its own interface (facts §2.5). Nodes whose uplinks differ (jumbo frames on some, 1500 or a VPN\'s 1400 on others) give pods different MTUs, and big packets from the larger side vanish: TLS and large transfers hang. Judged over the nodes whose evidence was given (`preflight` on this node, plus `--node-evidence`); the node with the larger MTU is named.',
  check({ evidence, node, report }) {
    const me = uplinkMtu(node);
    if (!me) return;
    if (me.mtu < MIN_UNDERLAY) {
      report({ messageId: 'small', data: { node: node.name, dev: me.dev, mtu: me.mtu, pod: me.mtu - 50 }, evidence: [{ where: `node ${node.name}: ip link show ${me.dev}`, what: `mtu ${me.mtu}` }] });
      return;
    }
    const others = Object.values(evidence.nodes).filter((n) => n.name !== node.name).flatMap((n) => {
      const u = uplinkMtu(n);
      return u ? [{ node: n.name, ...u }] : [];
    });
    const min = Math.min(...others.map((o) => o.mtu));
    if (!others.length || me.mtu <= min) return;
    const smaller = others.filter((o) => o.mtu === min);
    report({
      messageId: 'differ',
      data: { node: node.name, dev: me.dev, mtu: me.mtu, others: smaller.map((o) => o.node).join(', '), min },
      evidence: [{ where: `node ${node.name}: ip link show ${me.dev}`, what: `mtu ${me.mtu}` }, ...smaller.slice(0, 5).map((o) => ({ where: `node ${o.node}: ip link show ${o.dev}`, what: `mtu ${o.mtu}` }))],
      fix: [`Give every node the same uplink MTU, or pin flannel to the smallest: "Backend": {"Type": "vxlan", "MTU": ${min}} in net-conf.json (pods then get ${min - 50})`],
    });
  },
});
