import type { NodeEvidence } from '../../evidence/node.js';
import type { Evidence } from '../../evidence/types.js';
import { defineRule } from '../../rules/define-rule.js';
import { formatIPv4, parseCidr } from '../../rules/_cidr.js';
import { mainTable } from '../../rules/_peers.js';
import { addressKey, decidedBy, INPUT_HOOKS, walkHooks, type WalkResult } from '../../rules/node/_iptables-walk.js';

const PORT = 8472;

/** The address flannel would pick (the default route's interface) and its subnet. */
function uplink(node: Readonly<NodeEvidence>): { dev: string; ip: string; cidr: string } | undefined {
  const dev = node.routes.find((r) => mainTable(r) && r.dst === 'default' && r.dev)?.dev;
  const a = node.links.find((l) => l.name === dev)?.addresses.find((x) => x.family === 'inet');
  return dev && a ? { dev, ip: a.local, cidr: `${a.local}/${a.prefixlen}` } : undefined;
}

/** The other nodes' addresses when the cluster is known; otherwise one stand-in on the node's own subnet. */
function peers(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>, up: { ip: string; cidr: string }): { ip: string; name: string }[] {
  const known = (evidence.cluster?.nodes ?? []).filter((n) => n.name !== node.name).flatMap((n) => n.addresses.filter((a) => a.type === 'InternalIP').map((a) => ({ ip: a.address, name: n.name })));
  if (known.length) return known;
  const c = parseCidr(up.cidr);
  if (!c || c.prefix >= 31) return [];
  const last = formatIPv4(((c.network + 2 ** (32 - c.prefix) - 2) >>> 0));
  const other = last === up.ip ? formatIPv4(((c.network + 1) >>> 0)) : last;
  return [{ ip: other, name: `a node of ${up.cidr} (${other})` }];
}

export default defineRule({
  id: 'preflight/vxlan-port-firewall',
  layer: 'node',
  description: "The node's iptables must let VXLAN (UDP 8472) in from the other nodes before flannel is installed: flannel opens nothing in the host firewall.",
  causes: ['flannel.vxlan-blocked'],
  scope: 'node',
  needs: ['node.iptables', 'node.links', 'node.routes'],
  severity: 'error',
  messages: {
    blocked: 'node {node}: iptables {how} VXLAN (UDP {port}) arriving from {peers}',
  },
  docs: "The INPUT hooks (raw, mangle, filter) are walked for a new UDP 8472 packet from each other node (the cluster's InternalIPs; without the cluster, an address of the node's own subnet) to the address of the default route's interface. Security groups and cloud ACLs are outside the node: after installing, `probe mesh` tests the path itself.",
  check({ evidence, node, report }) {
    const ipt = node.iptables;
    const up = uplink(node);
    if (!ipt || !up) return;
    const blocked: { name: string; r: WalkResult }[] = [];
    const seen = new Map<string, WalkResult | undefined>();
    for (const p of peers(evidence, node, up)) {
      const key = addressKey(ipt, p.ip);
      const r = seen.has(key) ? seen.get(key) : walkHooks(ipt, INPUT_HOOKS, { proto: 'udp', src: p.ip, dst: up.ip, sport: 45121, dport: PORT, in: up.dev, state: 'NEW', dstLocal: true, srcLocal: false });
      seen.set(key, r);
      if (r && (r.verdict === 'DROP' || r.verdict === 'REJECT')) blocked.push({ name: p.name, r });
    }
    if (!blocked.length) return;
    const first = blocked[0].r;
    const uncertain = blocked.some((b) => b.r.uncertain.length);
    report({
      messageId: 'blocked',
      data: { node: node.name, how: first.rule ? (first.verdict === 'DROP' ? 'drops' : 'rejects') : `drops (${first.chain} policy ${first.verdict})`, port: PORT, peers: blocked.map((b) => b.name).join(', ') },
      severity: uncertain ? 'warning' : 'error',
      confidence: uncertain ? 0.6 : 0.9,
      evidence: [{ where: `node ${node.name}: ${ipt.file ?? 'iptables-save'}`, what: decidedBy(first) }],
      fix: [
        `On ${node.name}: iptables -I INPUT -p udp --dport ${PORT} -s <node network> -j ACCEPT${first.rule ? ` (or remove: iptables -t ${first.rule.table} -D ${first.rule.chain} ${first.rule.rule})` : ''}`,
        `firewalld: firewall-cmd --permanent --add-port=${PORT}/udp && firewall-cmd --reload; ufw: ufw allow ${PORT}/udp`,
        `Also open UDP ${PORT} between the nodes in any cloud security group or network ACL`,
      ],
    });
  },
});
