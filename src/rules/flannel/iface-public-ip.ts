import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { annotation, clusterNode, localAddresses, runsVxlan, vxlanLink, VXLAN_DEV } from '../_peers.js';
import { ifaceFix } from './_iface-fix.js';
import { restartFlannel } from '../_restart.js';

/** Addresses a NAT front-end hands every VM alike (Vagrant/VirtualBox NAT). */
const NAT_ADDRESSES = new Set(['10.0.2.15']);

export default defineRule({
  id: 'flannel/iface-public-ip',
  layer: 'flannel',
  description:
    "flannel must advertise an address other nodes can reach: flannel.1's local address equals the node's public-ip annotation, it is an address of this node, and no other node advertises the same one.",
  causes: ['flannel.wrong-iface'],
  scope: 'node',
  needs: ['node.links'],
  severity: 'error',
  messages: {
    shared: 'node {node}: flannel advertises {ip}, the same address as {others}; VXLAN packets for this node go to the wrong host',
    nat: 'node {node}: flannel advertises {ip}, a NAT address other nodes cannot reach',
    differs: "node {node}: flannel.1 sends from {local} but the node's public-ip annotation says {publicIp}",
    notLocal: 'node {node}: flannel.1 uses local address {local}, which no interface of this node has (the node was re-addressed)',
  },
  docs: "By default flanneld uses the interface of the default route; on Vagrant/multi-NIC machines that is the NAT NIC (10.0.2.15 on every VM), so all nodes advertise one address (facts §10.4). The address is fixed at start: after a re-IP flanneld must be restarted.",
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'flannel.wrong-iface');
    if (!runsVxlan(evidence, node)) return;
    const l = vxlanLink(node);
    const local = l?.vxlan?.local;
    const cn = clusterNode(evidence, node.name);
    const publicIp = cn ? annotation(cn, 'public-ip') : undefined;
    const overwrite = cn ? annotation(cn, 'public-ip-overwrite') : undefined;
    const advertised = publicIp ?? local;
    if (!advertised) return;
    const restart = restartFlannel(node.name, `Restart flannel on ${node.name}`);
    const fix = ifaceFix(evidence, restart);
    // Who else advertises the same address: cluster annotations, else the other nodes' flannel.1.
    const others = evidence.cluster?.nodes.length
      ? evidence.cluster.nodes.filter((n) => n.name !== node.name && annotation(n, 'public-ip') === advertised).map((n) => n.name)
      : Object.values(evidence.nodes).filter((o) => o.name !== node.name && vxlanLink(o)?.vxlan?.local === advertised).map((o) => o.name);
    const where = publicIp ? `node ${node.name} annotation flannel.alpha.coreos.com/public-ip` : `node ${node.name}: ip -d link show ${VXLAN_DEV}`;
    if (others.length) {
      report({ messageId: 'shared', data: { node: node.name, ip: advertised, others: others.join(', ') }, evidence: [{ where, what: advertised }, ...others.map((o) => ({ where: `node ${o}`, what: `also advertises ${advertised}` }))], fix });
      return;
    }
    const nodeCount = Math.max(evidence.cluster?.nodes.length ?? 0, Object.keys(evidence.nodes).length);
    if (NAT_ADDRESSES.has(advertised) && nodeCount > 1 && !overwrite) {
      report({ messageId: 'nat', data: { node: node.name, ip: advertised }, evidence: [{ where, what: advertised }], fix });
      return;
    }
    if (local && publicIp && local !== publicIp && !overwrite) {
      // flanneld --public-ip may deliberately advertise a NAT front address: say so, but less sure.
      report({
        messageId: 'differs',
        severity: 'warning',
        confidence: 0.6,
        data: { node: node.name, local, publicIp },
        evidence: [{ where: `node ${node.name}: ip -d link show ${VXLAN_DEV}`, what: `local ${local}` }, { where, what: publicIp }],
        fix: [restart],
      });
      return;
    }
    const addrs = localAddresses(node);
    if (local && addrs.length && !addrs.includes(local)) {
      report({
        messageId: 'notLocal',
        data: { node: node.name, local },
        evidence: [{ where: `node ${node.name}: ip -d link show ${VXLAN_DEV}`, what: `local ${local}` }, { where: `node ${node.name}: ip addr`, what: addrs.join(', ') }],
        fix: [restart],
      });
    }
  },
});
