/**
 * What the mesh probe reads inside each node's namespace, in one shell per node: interface and
 * protocol counters (ip -s link, /proc/net/snmp — before and after, so deltas say
 * where packets died), and the flannel.1 routes, neighbours, FDB and link that the mesh rule judges.
 */
import type { MeshNodeState } from '../../evidence/probes.js';
import type { MeshRunner } from './types.js';

/** The evidence model's shape of what is read here (src/evidence/probes.ts). */
export type NodeState = MeshNodeState;

const STATS = ['rx_packets', 'tx_packets', 'rx_dropped', 'tx_dropped', 'rx_errors', 'tx_errors'];

/**
 * Shell that prints a node's state as @@<tag>-<section> blocks. Counters come over netlink
 * (ip -s), not /sys: sysfs shows the mount's namespace, which nsenter does not change; /proc/net/snmp
 * is read with the shell's own `read` to spare a process.
 */
export function stateScript(tag: string, full: boolean): string {
  const counters = `echo @@${tag}-stats; ip -s -j link show; echo; echo @@${tag}-snmp; while IFS= read -r l; do echo "$l"; done < /proc/net/snmp`;
  if (!full) return counters;
  return `${counters}; echo @@${tag}-fwd; read f < /proc/sys/net/ipv4/ip_forward; echo "$f"; echo @@${tag}-batch; printf 'route show\nneigh show dev flannel.1\nlink show flannel.1\naddr show\n' | ip -4 -j -force -batch - 2>/dev/null; echo; echo @@${tag}-fdb; bridge -j fdb show dev flannel.1 2>/dev/null; echo`;
}

export function sections(text: string): Record<string, string> {
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

/** `ip -j -batch` prints one JSON array per command, one per line. */
function jsonLines(text: string | undefined): any[][] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('['))
    .map((l) => json(l));
}

export function parseCounters(node: string, s: Record<string, string>, tag: string): Record<string, number> {
  const c: Record<string, number> = {};
  for (const link of json(s[`${tag}-stats`])) {
    const st = link?.stats64 ?? link?.stats;
    if (!link?.ifname || !st) continue;
    for (const k of STATS) {
      const [dir, what] = k.split('_') as ['rx' | 'tx', string];
      const v = Number(st[dir]?.[what]);
      if (Number.isFinite(v)) c[`${node} ${link.ifname} ${k}`] = v;
    }
  }
  const lines = (s[`${tag}-snmp`] ?? '').split('\n');
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

export function parseState(node: string, s: Record<string, string>, tag: string, full: boolean): NodeState {
  const state: NodeState = { counters: parseCounters(node, s, tag), routes: [], neigh: {}, fdb: {}, addresses: [], links: {} };
  if (!(`${tag}-stats` in s)) state.error = 'no state output';
  if (!full) return state;
  // the batch runs route, neigh, link, addr in that order; a missing flannel.1 prints nothing for its two
  const arrays = jsonLines(s[`${tag}-batch`]);
  const routes = arrays.find((a) => a.some((x) => 'dst' in x && ('dev' in x || 'gateway' in x) && !('lladdr' in x) && !('state' in x && 'lladdr' in x))) ?? [];
  const neigh = arrays.find((a) => a.some((x) => 'lladdr' in x)) ?? [];
  const addrs = arrays.find((a) => a.some((x) => 'addr_info' in x)) ?? [];
  const link = arrays.find((a) => a.length === 1 && a[0]?.ifname === 'flannel.1' && !('addr_info' in a[0]))?.[0];
  state.routes = routes.map((x) => ({ dst: x.dst === 'default' ? '0.0.0.0/0' : String(x.dst ?? ''), gateway: x.gateway, dev: x.dev }));
  for (const n of neigh) if (n.dst && n.lladdr) state.neigh[n.dst] = String(n.lladdr).toLowerCase();
  for (const f of json(s[`${tag}-fdb`])) if (f.mac && f.dst) state.fdb[String(f.mac).toLowerCase()] = f.dst;
  if (link?.address) state.vtep = { mac: String(link.address).toLowerCase(), mtu: Number(link.mtu) };
  for (const a of addrs) {
    const ips = (a.addr_info ?? []).map((i: { local?: string }) => i.local).filter(Boolean);
    state.addresses.push(...ips);
    if (a.ifname) state.links[a.ifname] = { mtu: Number(a.mtu), addresses: ips };
  }
  const fwd = Number((s[`${tag}-fwd`] ?? '').trim());
  if ((s[`${tag}-fwd`] ?? '').trim() !== '' && Number.isFinite(fwd)) state.ipForward = fwd;
  return state;
}

export async function readNodeState(runner: MeshRunner, node: string, netns: string | undefined, full: boolean): Promise<NodeState> {
  const r = await runner.exec(netns, ['sh', '-c', stateScript('s', full)], { allowFail: true });
  const st = parseState(node, sections(r.stdout), 's', full);
  if (st.error) st.error = r.stderr.trim().slice(0, 300) || `exit ${r.code}`;
  return st;
}

export function counterDeltas(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const d: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) {
    const delta = v - (before[k] ?? 0);
    if (delta !== 0) d[k] = delta;
  }
  return d;
}
