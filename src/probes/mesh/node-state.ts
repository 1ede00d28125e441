/**
 * What the mesh probe reads inside each node's namespace, in one shell per node: interface and
 * protocol counters (/sys/class/net/<dev>/statistics, /proc/net/snmp — before and after, so deltas say
 * where packets died), and the flannel.1 routes, neighbours, FDB and link that decide a verdict.
 */
import type { MeshRunner } from './types.js';

export interface RouteEntry {
  dst: string;
  gateway?: string;
  dev?: string;
}

export interface NodeState {
  counters: Record<string, number>;
  routes: RouteEntry[];
  /** flannel.1 neighbours: ip → lladdr */
  neigh: Record<string, string>;
  /** flannel.1 FDB: mac → dst */
  fdb: Record<string, string>;
  /** flannel.1 MAC and MTU, when the device exists */
  vtep?: { mac: string; mtu: number };
  /** every IPv4 address on the node's interfaces */
  addresses: string[];
  error?: string;
}

const STATS = ['rx_packets', 'tx_packets', 'rx_dropped', 'tx_dropped', 'rx_errors', 'tx_errors'];

const COUNTERS_SH = `echo @@stats; for d in /sys/class/net/*; do n=\${d##*/}; printf '%s' "$n"; for c in ${STATS.join(' ')}; do read v < $d/statistics/$c; printf ' %s' "$v"; done; echo; done; echo @@snmp; cat /proc/net/snmp`;
const FULL_SH = `${COUNTERS_SH}; echo @@route; ip -j -4 route show; echo; echo @@neigh; ip -j -4 neigh show dev flannel.1 2>/dev/null; echo; echo @@fdb; bridge -j fdb show dev flannel.1 2>/dev/null; echo; echo @@link; ip -j link show flannel.1 2>/dev/null; echo; echo @@addr; ip -j -4 addr show; echo`;

function sections(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/^@@/m)) {
    const nl = part.indexOf('\n');
    if (nl < 0) continue;
    out[part.slice(0, nl).trim()] = part.slice(nl + 1);
  }
  return out;
}

function json(text: string | undefined): any[] {
  try {
    const v = JSON.parse((text ?? '').trim() || '[]');
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

export function parseCounters(node: string, s: Record<string, string>): Record<string, number> {
  const c: Record<string, number> = {};
  for (const line of (s['stats'] ?? '').split('\n')) {
    const [dev, ...vals] = line.trim().split(/\s+/);
    if (!dev || vals.length !== STATS.length) continue;
    STATS.forEach((k, i) => (c[`${node} ${dev} ${k}`] = Number(vals[i])));
  }
  const lines = (s['snmp'] ?? '').split('\n');
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const [p1, ...keys] = lines[i]!.trim().split(/\s+/);
    const [p2, ...vals] = lines[i + 1]!.trim().split(/\s+/);
    if (!p1 || p1 !== p2) continue;
    keys.forEach((k, j) => {
      const v = Number(vals[j]);
      if (Number.isFinite(v)) c[`${node} ${p1.replace(/:$/, '')} ${k}`] = v;
    });
  }
  return c;
}

export async function readNodeState(runner: MeshRunner, node: string, netns: string | undefined, full: boolean): Promise<NodeState> {
  const r = await runner.exec(netns, ['sh', '-c', full ? FULL_SH : COUNTERS_SH], { allowFail: true });
  const s = sections(r.stdout);
  const state: NodeState = { counters: parseCounters(node, s), routes: [], neigh: {}, fdb: {}, addresses: [] };
  if (!r.stdout) state.error = r.stderr.trim().slice(0, 300) || `exit ${r.code}`;
  if (!full) return state;
  state.routes = json(s['route']).map((x) => ({ dst: x.dst === 'default' ? '0.0.0.0/0' : String(x.dst ?? ''), gateway: x.gateway, dev: x.dev }));
  for (const n of json(s['neigh'])) if (n.dst && n.lladdr) state.neigh[n.dst] = String(n.lladdr).toLowerCase();
  for (const f of json(s['fdb'])) if (f.mac && f.dst) state.fdb[String(f.mac).toLowerCase()] = f.dst;
  const link = json(s['link'])[0];
  if (link?.address) state.vtep = { mac: String(link.address).toLowerCase(), mtu: Number(link.mtu) };
  for (const a of json(s['addr'])) for (const i of a.addr_info ?? []) if (i.local) state.addresses.push(i.local);
  return state;
}

function ipToInt(ip: string): number | undefined {
  const p = ip.split('.').map(Number);
  return p.length === 4 && p.every((x) => Number.isInteger(x) && x >= 0 && x < 256) ? ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0 : undefined;
}

/** Longest-prefix match in a route table. */
export function routeFor(routes: RouteEntry[], ip: string): RouteEntry | undefined {
  const x = ipToInt(ip);
  if (x === undefined) return undefined;
  let best: RouteEntry | undefined;
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

export function counterDeltas(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const d: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) {
    const delta = v - (before[k] ?? 0);
    if (delta !== 0) d[k] = delta;
  }
  return d;
}
