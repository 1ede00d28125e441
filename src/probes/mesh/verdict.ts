/**
 * Naming the cause of one broken pair (pure), at probe time because it reads both nodes' live state:
 * which layer broke — underlay, VXLAN transport, the
 * routes/neighbours/FDB flannel programs, MTU, or forwarding to pods — from the probe outcomes and
 * both nodes' state. Folding the pairs into findings is the rules' (src/rules/probe/_mesh-verdict.ts).
 */
import type { MeshPathResult } from '../../evidence/probes.js';
import { routeFor, type NodeState } from './node-state.js';
import type { MeshTarget } from './types.js';

export interface PairVerdict {
  cause: string;
  /** the node where the fix belongs, when one side is at fault */
  node?: string;
  detail: string;
}

function entriesProblem(src: MeshTarget, s: NodeState | undefined, dst: MeshTarget, d: NodeState | undefined): PairVerdict | undefined {
  if (!s || s.error) return undefined;
  const ip = dst.pod?.ip ?? dst.flannelIp;
  if (!ip) return undefined;
  const route = routeFor(s.routes, ip);
  if (!route || route.dst === '0.0.0.0/0') return { cause: 'flannel.route-missing', node: src.name, detail: `${src.name} has no route to ${dst.name}'s pod subnet (${ip})${route ? ' other than the default route' : ''}` };
  if (route.dev !== 'flannel.1') return undefined; // host-gw or DirectRouting: no VXLAN entries to check
  const gw = route.gateway;
  const want = dst.vtepMac?.toLowerCase() ?? d?.vtep?.mac;
  const lladdr = gw ? s.neigh[gw] : undefined;
  if (gw && !lladdr) return { cause: 'flannel.stale-fdb', node: src.name, detail: `${src.name} has no flannel.1 neighbour entry for ${gw} (${dst.name})` };
  if (want && lladdr && lladdr !== want) return { cause: 'flannel.stale-fdb', node: src.name, detail: `${src.name}'s neighbour ${gw} → ${lladdr}, but ${dst.name}'s flannel.1 MAC is ${want}` };
  const fdbDst = lladdr ? s.fdb[lladdr] : undefined;
  if (lladdr && !fdbDst) return { cause: 'flannel.stale-fdb', node: src.name, detail: `${src.name} has no FDB entry for ${lladdr} (${dst.name})` };
  if (fdbDst && fdbDst !== dst.underlayIp) {
    // the peer owns that address on another interface: flannel on the peer advertised the wrong one
    if (d && !d.error && d.addresses.includes(fdbDst)) {
      const iface = Object.entries(d.links).find(([, l]) => l.addresses.includes(fdbDst))?.[0];
      return { cause: 'flannel.wrong-iface', node: dst.name, detail: `${src.name}'s FDB sends ${dst.name}'s VTEP to ${fdbDst}${iface ? ` (${dst.name}'s ${iface})` : ''}, which is not ${dst.name}'s underlay address ${dst.underlayIp}: flannel on ${dst.name} chose the wrong interface` };
    }
    return { cause: 'flannel.stale-fdb', node: src.name, detail: `${src.name}'s FDB sends ${lladdr} to ${fdbDst}, but ${dst.name} is at ${dst.underlayIp}` };
  }
  return undefined;
}

const ok = (r: MeshPathResult | undefined): r is MeshPathResult => r?.ok === true;
const failed = (r: MeshPathResult | undefined): r is MeshPathResult => r !== undefined && !r.ok;

/** The verdict for one ordered pair's results (undefined when the pair is healthy). */
export function classifyPair(a: MeshTarget, b: MeshTarget, results: MeshPathResult[], states: Map<string, NodeState>, deltas: Record<string, number> = {}): PairVerdict | undefined {
  const by = (path: MeshPathResult['path'], kind?: MeshPathResult['kind']) => results.find((r) => r.path === path && (!kind || r.kind === kind));
  const under = by('underlay');
  const podPod = by('overlay', 'pod-pod');
  const nodePod = by('overlay', 'node-pod');
  const nodeFl = by('overlay', 'node-flannel');
  const mtuPod = by('mtu-pod');
  const mtuFl = by('mtu-flannel');
  if (![under, podPod, nodePod, nodeFl, mtuPod, mtuFl].some(failed)) return undefined;
  const sb = states.get(b.name);
  if (failed(under)) {
    if (sb && !sb.error && sb.addresses.length && !sb.addresses.includes(b.underlayIp)) {
      return { cause: 'flannel.wrong-iface', node: b.name, detail: `${b.name} advertises ${b.underlayIp} but has no such address (${sb.addresses.join(', ')})` };
    }
    return { cause: 'node.firewall', detail: `${a.name} cannot reach ${b.name} on the underlay (${b.underlayIp}): ${under!.error ?? 'no reply'}` };
  }
  const overlayFailed = [podPod, nodePod, nodeFl].filter(failed);
  const overlayOk = [podPod, nodePod, nodeFl].filter(ok);
  if (overlayFailed.length) {
    // both directions matter: a reply needs b's entries towards a
    const entries = entriesProblem(a, states.get(a.name), b, sb) ?? entriesProblem(b, sb, a, states.get(a.name));
    if (entries) return entries;
    if (ok(nodeFl) && overlayFailed.every((r) => r.kind !== 'node-flannel')) {
      const noFwd = [a, b].find((t) => states.get(t.name)?.ipForward === 0);
      if (noFwd) return { cause: 'node.ip-forward', node: noFwd.name, detail: `${noFwd.name} has net.ipv4.ip_forward = 0: it does not forward between flannel.1 and its pods (${a.name}→${b.name} pods fail, flannel.1 answers)` };
      return { cause: 'node.forward-drop', detail: `${a.name} reaches ${b.name}'s flannel.1 but pod traffic between them is dropped in forwarding (FORWARD policy or rules)` };
    }
    const tx = deltas[`${a.name} flannel.1 tx_packets`] ?? 0;
    const rx = deltas[`${b.name} flannel.1 rx_packets`] ?? 0;
    const rxA = deltas[`${a.name} flannel.1 rx_packets`] ?? 0;
    const under_rx = deltas[`${b.name} eth0 rx_packets`];
    const rejected = overlayFailed.find((r) => /prohibited|unreachable|filtered/i.test(r.error ?? ''));
    // packets decapsulated on both sides yet answered with ICMP errors or lost: a host firewall, not VXLAN
    if (rejected || (rx > 0 && rxA > 0 && Object.keys(deltas).length > 0)) {
      return { cause: 'node.firewall', detail: `VXLAN delivers ${a.name}↔${b.name} (flannel.1 rx ${a.name} +${rxA}, ${b.name} +${rx}) but overlay traffic is ${rejected ? `rejected (${rejected.error})` : 'dropped after decapsulation'}: a host firewall filters pod traffic` };
    }
    return {
      cause: 'flannel.vxlan-blocked',
      detail: `underlay ${a.name}→${b.name} works, the overlay does not (${overlayFailed.map((r) => r.kind).join(', ')} lost${overlayOk.length ? `; ${overlayOk.map((r) => r.kind).join(', ')} fine` : ''}): VXLAN UDP 8472 is dropped between them (${a.name} flannel.1 tx +${tx}, ${b.name}${under_rx !== undefined ? ` eth0 rx +${under_rx},` : ''} flannel.1 rx +${rx})`,
    };
  }
  const big = [mtuPod, mtuFl].filter(failed);
  if (big.length) {
    // the node whose underlay device cannot carry a full flannel.1 frame plus 50 bytes of VXLAN
    for (const t of [b, a]) {
      const st = states.get(t.name);
      const dev = st && Object.entries(st.links).find(([, l]) => l.addresses.includes(t.underlayIp));
      const vtepMtu = st?.vtep?.mtu ?? t.flannelMtu;
      if (dev && vtepMtu && dev[1].mtu < vtepMtu + 50) {
        return { cause: 'flannel.mtu', node: t.name, detail: `${t.name}'s ${dev[0]} MTU ${dev[1].mtu} is smaller than flannel.1 MTU ${vtepMtu} + 50 bytes of VXLAN: don't-fragment packets of ${big.map((r) => `${(r.size ?? 0) + 28} bytes (${r.path})`).join(', ')} ${a.name}→${b.name} are lost` };
      }
    }
    return { cause: 'flannel.mtu', detail: `small packets ${a.name}→${b.name} pass, don't-fragment packets of ${big.map((r) => `${(r.size ?? 0) + 28} bytes (${r.path})`).join(', ')} do not: ${big[0]!.error ?? 'lost'}` };
  }
  return undefined;
}
