import type { FixStepRef } from '../../catalog/fix-types.js';
import type { RouteInfo } from '../../evidence/node.js';
import { defineRule, type NodeContext } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { ipInCidr, networkAddress, networkCidr } from '../_cidr.js';
import { backendType, directRouteFor, expectedPeers, expectedVxlan, mainTable, runsVxlan, vxlanLink, VXLAN_DEV } from '../_peers.js';
import { restartFlannel } from '../_restart.js';

export default defineRule({
  id: 'flannel/route-remote-subnets',
  layer: 'flannel',
  description:
    "For every other node there must be a route `<peer podCIDR> via <its network address> dev flannel.1 onlink` (or, with DirectRouting or host-gw, via the peer's IP, which host-gw needs on a directly connected network); a missing or wrong route strands cross-node traffic.",
  causes: ['flannel.route-missing', 'flannel.stale-fdb', 'flannel.backend-unsupported'],
  scope: 'node',
  needs: ['node.routes'],
  severity: 'error',
  messages: {
    missing: 'node {node}: no route to {peer}\'s pod subnet {subnet} via flannel.1',
    wrong: 'node {node}: route to {peer}\'s pod subnet {subnet} is "{got}", expected "{want}"',
    hostGwL3: 'node {node}: host-gw needs {peer} ({peerIp}) on a directly connected network, but it is reached through a router',
  },
  docs: 'flanneld adds the route last, after neighbour and FDB entries (facts §2.2). Without it cross-node pod traffic follows the default route out of the node and is lost; a route through another device or gateway (left over from host-gw or an old lease) does the same.',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'flannel.route-missing');
    const dr = expectedVxlan(evidence, node).directRouting;
    const routes = node.routes.filter(mainTable);
    if (backendType(evidence, node) === 'host-gw') {
      checkHostGw(ctx, routes, report);
      return;
    }
    if (!runsVxlan(evidence, node) || !vxlanLink(node)) return;
    const byNet = routesByNetwork(routes);
    for (const p of expectedPeers(evidence, node)) {
      const gw = networkAddress(p.subnet);
      if (!gw) continue;
      if (dr && directRouteFor(node, p)) continue;
      const want = `${p.subnet} via ${gw} dev ${VXLAN_DEV} onlink`;
      const fix: FixStepRef[] = [
        { step: 'route.replace-onlink', data: { dst: p.subnet, via: gw, dev: VXLAN_DEV }, text: 'On each node listed' },
        restartFlannel(node.name, `Or restart flannel on each node listed so it re-programs every peer`),
      ];
      const src = { where: p.source, what: `podCIDR ${p.subnet}` };
      const r = byNet.get(p.subnet);
      if (!r) {
        report({ messageId: 'missing', cause: 'flannel.route-missing', data: { node: node.name, peer: p.name, subnet: p.subnet }, evidence: [{ where: `node ${node.name}: ip route`, what: `no route for ${p.subnet}` }, src], fix });
        continue;
      }
      if (r.type && r.type !== 'unicast') {
        report({ messageId: 'wrong', cause: 'flannel.route-missing', data: { node: node.name, peer: p.name, subnet: p.subnet, got: describe(r), want }, evidence: [{ where: `node ${node.name}: ip route`, what: describe(r) }, src], fix });
        continue;
      }
      if (r.dev === VXLAN_DEV && r.gateway === gw && r.onlink) continue;
      report({ messageId: 'wrong', cause: 'flannel.stale-fdb', data: { node: node.name, peer: p.name, subnet: p.subnet, got: describe(r), want }, evidence: [{ where: `node ${node.name}: ip route`, what: describe(r) }, src], fix });
    }
  },
});

function describe(r: RouteInfo): string {
  return [r.type && r.type !== 'unicast' ? r.type : '', r.dst, r.gateway ? `via ${r.gateway}` : '', r.dev ? `dev ${r.dev}` : '', r.onlink ? 'onlink' : '', r.scope ? `scope ${r.scope}` : '']
    .filter(Boolean)
    .join(' ');
}

/**
 * host-gw (facts §2.4): one route `<peer podCIDR> via <peer IP>` per node, which only works when the
 * peer sits on a directly connected network (flannel refuses otherwise).
 */
type Messages = 'missing' | 'wrong' | 'hostGwL3';
function checkHostGw(ctx: NodeContext<Messages>, routes: RouteInfo[], report: NodeContext<Messages>['report']): void {
  const { evidence, node } = ctx;
  const connected = routes.filter((r) => r.dst !== 'default' && r.scope === 'link' && !r.gateway && r.dev !== VXLAN_DEV && r.dev !== 'cni0');
  const byNet = routesByNetwork(routes);
  for (const p of expectedPeers(evidence, node, 'host-gw')) {
    if (!p.publicIp) continue;
    const want = `${p.subnet} via ${p.publicIp}`;
    const fix: FixStepRef[] = [
      { step: 'route.replace', data: { dst: p.subnet, via: p.publicIp }, text: 'On {node}' },
      restartFlannel(node.name, `Or restart flannel on ${node.name}`),
    ];
    const src = { where: p.source, what: `podCIDR ${p.subnet}, public-ip ${p.publicIp}` };
    if (connected.length && !connected.some((r) => ipInCidr(p.publicIp, r.dst))) {
      report({
        messageId: 'hostGwL3',
        cause: 'flannel.backend-unsupported',
        data: { node: node.name, peer: p.name, peerIp: p.publicIp },
        evidence: [{ where: `node ${node.name}: ip route (connected)`, what: connected.map((r) => `${r.dst} dev ${r.dev}`).join('; ') }, src],
        fix: ['Use the vxlan backend (net-conf.json Backend.Type "vxlan", or vxlan with "DirectRouting": true to keep host-gw speed on the shared segment)', { step: 'flannel.rollout-restart', text: 'Then restart flannel on every node so it starts with the new backend' }],
      });
      continue;
    }
    const r = byNet.get(p.subnet);
    if (!r) {
      report({ messageId: 'missing', cause: 'flannel.route-missing', data: { node: node.name, peer: p.name, subnet: p.subnet }, evidence: [{ where: `node ${node.name}: ip route`, what: `no route for ${p.subnet}` }, src], fix });
    } else if (r.gateway !== p.publicIp || (r.type && r.type !== 'unicast')) {
      report({ messageId: 'wrong', cause: 'flannel.route-missing', data: { node: node.name, peer: p.name, subnet: p.subnet, got: describe(r), want }, evidence: [{ where: `node ${node.name}: ip route`, what: describe(r) }, src], fix });
    }
  }
}

/** Routes keyed by their destination in network form (first one wins, like `ip route` order). */
function routesByNetwork(routes: RouteInfo[]): Map<string, RouteInfo> {
  const out = new Map<string, RouteInfo>();
  for (const r of routes) {
    const key = networkCidr(r.dst);
    if (key && !out.has(key)) out.set(key, r);
  }
  return out;
}
