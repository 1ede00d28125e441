import type { FixStepSource } from '../../catalog/fix-types.js';
import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { deleteRuleStep } from '../node/_iptables-fix.js';
import { addressKey, decidedBy, INPUT_HOOKS, OUTPUT_HOOKS, walkHooks, type WalkResult } from '../node/_iptables-walk.js';
import { expectedPeers, expectedVxlan, runsVxlan, underlay, vxlanLink } from '../_peers.js';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Whether a rule is written against the VXLAN port itself (then removing it is the fix), not a catch-all. */
const portRule = (rule: string, port: number | string) => new RegExp(`--dports? (\\S+,)?${port}(\\b|,|:)`).test(rule);

export default defineRule({
  id: 'flannel/vxlan-firewall',
  layer: 'flannel',
  description:
    "The node's iptables must let VXLAN (UDP 8472) in from and out to every other node; a DROP/REJECT rule or a DROP policy without an accept for it cuts all cross-node pod traffic.",
  causes: ['flannel.vxlan-blocked'],
  scope: 'node',
  needs: ['node.iptables', 'node.links'],
  severity: 'error',
  messages: {
    inbound: 'node {node}: iptables {how} VXLAN (UDP {port}) arriving from {peers}',
    outbound: 'node {node}: iptables {how} VXLAN (UDP {port}) sent to {peers}',
  },
  docs: 'A closed 8472 gives exactly: same-node pods fine, cross-node pod IPs unreachable (facts §10.1). Encapsulated packets pass the raw/mangle/filter INPUT hooks on the receiver and OUTPUT on the sender, never FORWARD, so only those are walked. Security groups and cloud ACLs are outside the node: the mesh probe finds those.',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'flannel.vxlan-blocked');
    const ipt = node.iptables;
    const vx = vxlanLink(node);
    if (!ipt || !vx || !runsVxlan(evidence, node)) return;
    const local = vx.vxlan?.local;
    if (!local) return;
    const port = vx.vxlan?.port ?? expectedVxlan(evidence, node).port;
    const dev = underlay(node, vx)?.name;
    const peers = expectedPeers(evidence, node).filter((p) => p.publicIp);
    const persist: FixStepSource[] = [
      `Make it last: firewalld: firewall-cmd --permanent --add-port=${port}/udp && firewall-cmd --reload; ufw: ufw allow ${port}/udp (a reload of the firewall that added the rule brings it back)`,
      `Also open UDP ${port} between the nodes in any cloud security group or network ACL`,
    ];
    const fix = (dir: 'inbound' | 'outbound', first: WalkResult, blockedIps: string[]): FixStepSource[] => {
      // A rule written against VXLAN's port goes; a catch-all (firewalld's final REJECT, a DROP policy)
      // stays, and VXLAN from (to) exactly the peers it blocks is accepted ahead of it.
      if (first.rule && portRule(first.rule.rule, port)) {
        const step = deleteRuleStep(first.rule, `Remove the rule on ${node.name} that ${first.verdict === 'DROP' ? 'drops' : 'rejects'} VXLAN`);
        return [step ?? `On ${node.name}: iptables -t ${first.rule.table} -D ${first.rule.chain} ${first.rule.rule}`, ...persist];
      }
      const ips = blockedIps.filter((ip) => IPV4.test(ip)).slice(0, 64);
      const chain = first.path[0] ?? first.chain;
      const blocker = first.rule ? `the rule ${first.rule.chain} ${first.rule.rule.slice(0, 80)}` : `the ${chain} policy ${first.verdict}`;
      if (!ips.length || !/^[A-Z]+$/.test(chain) || !/^[a-z]+$/.test(first.table)) return [`On ${node.name}: accept UDP ${port} ${dir === 'inbound' ? 'from' : 'to'} the other nodes ahead of ${blocker}`, ...persist];
      return [
        {
          step: 'iptables.accept-each',
          data: { table: first.table, chain, match: `-p udp --dport ${port} ${dir === 'inbound' ? '-s' : '-d'} "$ip"`, ips: ips.join(' ') },
          text: `Accept VXLAN (UDP ${port}) ${dir === 'inbound' ? 'from' : 'to'} the other nodes on {node}, ahead of ${blocker}`,
        },
        ...persist,
      ];
    };
    const judge = (dir: 'inbound' | 'outbound') => {
      const blocked: { peer: string; r: WalkResult }[] = [];
      const seen = new Map<string, WalkResult | undefined>();
      for (const p of peers) {
        const packet =
          dir === 'inbound'
            ? { proto: 'udp' as const, src: p.publicIp!, dst: local, sport: 45121, dport: port, in: dev, state: 'NEW', dstLocal: true, srcLocal: false }
            : { proto: 'udp' as const, src: local, dst: p.publicIp!, sport: 45121, dport: port, out: dev, state: 'NEW', srcLocal: true, dstLocal: false };
        // Peers the dump cannot tell apart share one walk (hundreds of nodes, same verdict).
        const key = addressKey(ipt, p.publicIp!);
        const r = seen.get(key) ?? walkHooks(ipt, dir === 'inbound' ? INPUT_HOOKS : OUTPUT_HOOKS, packet);
        seen.set(key, r);
        if (r && (r.verdict === 'DROP' || r.verdict === 'REJECT')) blocked.push({ peer: p.name, r });
      }
      if (!blocked.length) return;
      const first = blocked[0].r;
      const how = first.rule ? `${first.verdict === 'DROP' ? 'drops' : 'rejects'}` : `drops (${first.chain} policy ${first.verdict})`;
      const uncertain = blocked.some((b) => b.r.uncertain.length);
      report({
        messageId: dir,
        data: { node: node.name, how, port, peers: blocked.map((b) => `${b.peer}`).join(', ') },
        severity: uncertain ? 'warning' : 'error',
        confidence: uncertain ? 0.6 : 0.9,
        evidence: [
          { where: `node ${node.name}: ${ipt.file ?? 'iptables-save'}`, what: decidedBy(first) },
          ...blocked.slice(0, 4).map((b) => ({ where: `node ${node.name}: iptables walk`, what: `udp ${dir === 'inbound' ? `from ${b.peer}` : `to ${b.peer}`} dport ${port}: ${b.r.verdict} via ${b.r.path.join(' → ')}` })),
          ...first.uncertain.slice(0, 2).map((u) => ({ where: `node ${node.name}: iptables`, what: `not judged (unknown match), might accept: -A ${u.chain} ${u.rule}` })),
        ],
        fix: fix(dir, first, blocked.map((b) => peers.find((p) => p.name === b.peer)?.publicIp ?? '')),
      });
    };
    judge('inbound');
    judge('outbound');
  },
});
