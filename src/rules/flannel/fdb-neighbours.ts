import type { FdbInfo } from '../../evidence/node.js';
import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../node/_log-evidence.js';
import { networkAddress } from './_cidr.js';
import { directRouteFor, expectedPeers, expectedVxlan, runsVxlan, vxlanLink, VXLAN_DEV } from './_peers.js';

export default defineRule({
  id: 'flannel/fdb-neighbours',
  layer: 'flannel',
  description:
    "For every other node flanneld programs flannel.1 with a permanent neighbour (the peer subnet's network address → the peer's VtepMAC) and an FDB entry (VtepMAC → the peer's public IP); both must exist and match the peer's current annotations.",
  causes: ['flannel.stale-fdb'],
  scope: 'node',
  needs: ['node.neighbours', 'node.fdb'],
  severity: 'error',
  messages: {
    neighMissing: 'node {node}: no neighbour entry {ip} → {mac} on flannel.1 for {peer}',
    neighWrong: 'node {node}: neighbour {ip} on flannel.1 points to {got}, but {peer}\'s VTEP MAC is {mac}',
    fdbMissing: 'node {node}: no FDB entry {mac} dst {peerIp} on flannel.1 for {peer}',
    fdbWrong: 'node {node}: FDB entry for {peer}\'s VTEP {mac} sends to {got}, but {peer} is at {peerIp}',
  },
  docs: 'flanneld adds, per remote lease, `ip neigh` <subnet network address> lladdr <VtepMAC> PERMANENT and `bridge fdb` <VtepMAC> dst <public-ip> self permanent (facts §2.2). After a node re-IP or a MAC rewrite by systemd-udev (MACAddressPolicy, facts §10.5) the entries on the other nodes go stale and traffic to that node\'s pods vanishes.',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'flannel.stale-fdb');
    if (!runsVxlan(evidence, node) || !vxlanLink(node)) return;
    const dr = expectedVxlan(evidence, node).directRouting;
    // Indexed once: a large cluster has one entry per peer on every node.
    const neighByIp = new Map(node.neighbours.filter((n) => n.dev === VXLAN_DEV).map((n) => [n.dst, n]));
    const fdbByMac = new Map<string, FdbInfo[]>();
    const fdbByDst = new Map<string, FdbInfo>();
    for (const f of node.fdb) {
      if (f.dev !== VXLAN_DEV) continue;
      const mac = f.mac.toLowerCase();
      fdbByMac.set(mac, [...(fdbByMac.get(mac) ?? []), f]);
      if (f.dst) fdbByDst.set(f.dst, f);
    }
    for (const p of expectedPeers(evidence, node)) {
      if (dr && directRouteFor(node, p)) continue; // DirectRouting peers get a plain route instead
      const ip = networkAddress(p.subnet);
      const mac = p.vtepMac;
      if (!ip || !mac) continue;
      const data = { node: node.name, peer: p.name, ip, mac, peerIp: p.publicIp ?? '?' };
      const src = { where: p.source, what: `subnet ${p.subnet}, VtepMAC ${mac}${p.publicIp ? `, public-ip ${p.publicIp}` : ''}` };
      const fixNeigh = `On ${node.name}: ip neigh replace ${ip} lladdr ${mac} dev ${VXLAN_DEV} nud permanent`;
      const fixFdb = p.publicIp ? `On ${node.name}: bridge fdb replace ${mac} dev ${VXLAN_DEV} dst ${p.publicIp} self permanent` : undefined;
      const restart = `Or restart flannel on ${node.name} so it re-programs every peer: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=${node.name}`;
      const n = neighByIp.get(ip);
      if (!n) {
        report({ messageId: 'neighMissing', data, nodes: [node.name], evidence: [{ where: `node ${node.name}: ip neigh show dev ${VXLAN_DEV}`, what: `no entry for ${ip}` }, src], fix: [fixNeigh, restart] });
      } else if (n.lladdr?.toLowerCase() !== mac) {
        report({
          messageId: 'neighWrong',
          data: { ...data, got: n.lladdr ?? 'no MAC' },
          evidence: [{ where: `node ${node.name}: ip neigh show dev ${VXLAN_DEV}`, what: `${ip} lladdr ${n.lladdr ?? '-'} ${n.state.join(',')}` }, src],
          fix: [fixNeigh, restart],
        });
      }
      if (!p.publicIp) continue;
      const entries = fdbByMac.get(mac) ?? [];
      if (!entries.length) {
        // An entry for the peer's IP under an old MAC shows why (MAC changed).
        const old = fdbByDst.get(p.publicIp);
        report({
          messageId: 'fdbMissing',
          data,
          evidence: [{ where: `node ${node.name}: bridge fdb show dev ${VXLAN_DEV}`, what: old ? `only ${old.mac} dst ${old.dst} (an old VTEP MAC of ${p.name}?)` : `no entry for ${mac}` }, src],
          fix: [fixFdb!, ...(old ? [`Remove the old entry: bridge fdb del ${old.mac} dev ${VXLAN_DEV} dst ${old.dst}`] : []), restart],
        });
      } else if (!entries.some((f) => f.dst === p.publicIp)) {
        report({
          messageId: 'fdbWrong',
          data: { ...data, got: entries.map((f) => f.dst ?? 'no dst').join(', ') },
          evidence: [{ where: `node ${node.name}: bridge fdb show dev ${VXLAN_DEV}`, what: entries.map((f) => `${f.mac} dst ${f.dst ?? '-'} ${f.flags.join(' ')} ${f.state ?? ''}`.trim()).join('; ') }, src],
          fix: [fixFdb!, restart],
        });
      }
    }
  },
});
