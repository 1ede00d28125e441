/**
 * Naming the cause of one broken mesh pair (pure): which layer broke — underlay, VXLAN transport, the
 * routes/neighbours/FDB flannel programs, MTU, or forwarding to pods — from the pair's probe results
 * and what the probe read on both nodes (evidence.probes.meshNodes). The probe only measures;
 * folding the judged pairs into findings is ./_mesh-verdict.ts.
 */
import type { MeshNodeObservation, MeshNodeState, MeshPathResult, MeshRouteEntry } from '../../evidence/probes.js';

/** One end of a pair: the node's name and what the probe was told about it. */
interface PairEnd extends Readonly<MeshNodeObservation['target']> {
  name: string;
}
type NodeState = MeshNodeState;

function ipToInt(ip: string): number | undefined {
  const p = ip.split('.').map(Number);
  return p.length === 4 && p.every((x) => Number.isInteger(x) && x >= 0 && x < 256) ? ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0 : undefined;
}

/** Longest-prefix match in a route table. */
export function routeFor(routes: readonly MeshRouteEntry[], ip: string): MeshRouteEntry | undefined {
  const x = ipToInt(ip);
  if (x === undefined) return undefined;
  let best: MeshRouteEntry | undefined;
  let bestLen = -1;
  for (const r of routes) {
    const [net, lenS] = r.dst.split('/');
    const len = lenS === undefined ? 32 : Number(lenS);
    const n = ipToInt(net ?? '');
    if (n === undefined || !(len >= 0 && len <= 32)) continue;
    const mask = len === 0 ? 0 : (~0 << (32 - len)) >>> 0;
    if ((x & mask) === (n & mask) && len > bestLen) {
      best = r;
      bestLen = len;
    }
  }
  return best;
}

export interface PairVerdict {
  cause: string;
  /** the node where the fix belongs, when one side is at fault */
  node?: string;
  detail: string;
}

function entriesProblem(src: PairEnd, s: NodeState | undefined, dst: PairEnd, d: NodeState | undefined): PairVerdict | undefined {
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
export function classifyPair(a: PairEnd, b: PairEnd, results: readonly MeshPathResult[], states: ReadonlyMap<string, NodeState>, deltas: Record<string, number> = {}): PairVerdict | undefined {
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

/** Counter deltas worth citing for a broken pair (its two nodes' VXLAN device, uplink and IP/UDP/ICMP errors). */
const CITED = /flannel\.1|eth0|Udp |Ip (InDiscards|OutNoRoutes|InAddrErrors|ForwDatagrams)|Icmp (InDestUnreachs|OutDestUnreachs|InErrors)/;

/**
 * The results with every failing pair judged: a failing result of a judged pair gets the pair's cause,
 * why, the node at fault and the counters that moved on its two nodes. A pair whose results already
 * name a cause (a bundle from a version whose probe judged) is left as it was. Returns copies; the
 * evidence is never changed.
 */
export function judgePairs(results: readonly MeshPathResult[], observations: readonly MeshNodeObservation[] = []): MeshPathResult[] {
  const pairs = new Map<string, MeshPathResult[]>();
  for (const r of results) {
    const key = `${r.from}>${r.to}`;
    (pairs.get(key) ?? pairs.set(key, []).get(key)!).push(r);
  }
  const judged = new Map<MeshPathResult, MeshPathResult>();
  for (const rs of pairs.values()) {
    if (rs.every((r) => r.ok) || rs.some((r) => r.cause)) continue;
    const { from: an, to: bn } = rs[0]!;
    // the observations of the run that probed this pair: an agent's own share, else the one run
    const own = observations.filter((o) => o.by === an);
    const run = own.length ? own : observations.filter((o) => o.by === undefined);
    const seen = new Map(run.map((o) => [o.node, o]));
    const states = new Map(run.filter((o) => o.state).map((o) => [o.node, o.state!]));
    const deltas: Record<string, number> = Object.assign({}, ...run.map((o) => o.counterDeltas));
    const end = (name: string, fallbackIp: string | undefined): PairEnd => ({ underlayIp: fallbackIp ?? '', ...seen.get(name)?.target, name });
    const a = end(an, rs.find((r) => r.kind === 'node-node')?.fromIp);
    const b = end(bn, rs.find((r) => r.kind === 'node-node')?.toIp);
    const v = classifyPair(a, b, rs, states, deltas);
    if (!v) continue;
    const cited = Object.fromEntries(Object.entries(deltas).filter(([k]) => (k.startsWith(`${an} `) || k.startsWith(`${bn} `)) && CITED.test(k)));
    for (const r of rs) if (!r.ok) judged.set(r, { ...r, cause: v.cause, detail: v.detail, ...(v.node ? { faultNode: v.node } : {}), counterDeltas: cited });
  }
  return results.map((r) => judged.get(r) ?? r);
}
