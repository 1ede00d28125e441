import type { EvidenceItem } from '../../findings/finding.js';
import type { FdbInfo } from '../../evidence/node.js';
import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { networkAddress } from '../_cidr.js';
import { directRouteFor, expectedPeers, expectedVxlan, runsVxlan, vxlanLink, VXLAN_DEV } from '../_peers.js';
import { restartFlannel } from '../_restart.js';

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
    stale: "node {node}: flannel.1 entries for {peer} ({subnet}) are wrong: {problems}",
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
      // One finding per peer, listing what is wrong with its neighbour and FDB entries, so the fix
      // carries every command (the commands are the same on every node holding the stale entries).
      const problems: string[] = [];
      const ev: EvidenceItem[] = [];
      const fix: string[] = [];
      const n = neighByIp.get(ip);
      if (!n) {
        problems.push(`no neighbour ${ip} → ${mac}`);
        ev.push({ where: `node ${node.name}: ip neigh show dev ${VXLAN_DEV}`, what: `no entry for ${ip}` });
      } else if (n.lladdr?.toLowerCase() !== mac) {
        problems.push(`neighbour ${ip} → ${n.lladdr ?? 'no MAC'}, VTEP MAC is ${mac}`);
        ev.push({ where: `node ${node.name}: ip neigh show dev ${VXLAN_DEV}`, what: `${ip} lladdr ${n.lladdr ?? '-'} ${n.state.join(',')}` });
      }
      if (problems.length) fix.push(`On each node listed: ip neigh replace ${ip} lladdr ${mac} dev ${VXLAN_DEV} nud permanent`);
      if (p.publicIp) {
        const entries = fdbByMac.get(mac) ?? [];
        const fixFdb = `On each node listed: bridge fdb replace ${mac} dev ${VXLAN_DEV} dst ${p.publicIp} self permanent`;
        if (!entries.length) {
          // An entry for the peer's IP under another MAC shows why: the VTEP MAC changed.
          const old = fdbByDst.get(p.publicIp);
          problems.push(`no FDB entry ${mac} dst ${p.publicIp}${old ? ` (only the old MAC ${old.mac})` : ''}`);
          ev.push({ where: `node ${node.name}: bridge fdb show dev ${VXLAN_DEV}`, what: old ? `only ${old.mac} dst ${old.dst} (an old VTEP MAC of ${p.name}?)` : `no entry for ${mac}` });
          fix.push(fixFdb);
          if (old) fix.push(`Remove the old entry: bridge fdb del ${old.mac} dev ${VXLAN_DEV} dst ${old.dst}`);
        } else if (!entries.some((f) => f.dst === p.publicIp)) {
          problems.push(`FDB entry ${mac} sends to ${entries.map((f) => f.dst ?? 'no dst').join(', ')}, ${p.name} is at ${p.publicIp}`);
          ev.push({ where: `node ${node.name}: bridge fdb show dev ${VXLAN_DEV}`, what: entries.map((f) => `${f.mac} dst ${f.dst ?? '-'} ${f.flags.join(' ')} ${f.state ?? ''}`.trim()).join('; ') });
          fix.push(fixFdb);
        }
      }
      if (!problems.length) continue;
      report({
        messageId: 'stale',
        data: { node: node.name, peer: p.name, subnet: p.subnet, problems: problems.join('; ') },
        evidence: [...ev, { where: p.source, what: `subnet ${p.subnet}, VtepMAC ${mac}${p.publicIp ? `, public-ip ${p.publicIp}` : ''}` }],
        fix: [...fix, restartFlannel(node.name, `Or restart flannel on each node listed so it re-programs every peer`)],
      });
    }
  },
});
