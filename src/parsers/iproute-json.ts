import type { FdbInfo, LinkInfo, NeighInfo, ParseProblem, RouteInfo } from '../evidence/node.js';
import { isRecord, parseJsonText } from './json-text.js';

/**
 * Parsers for iproute2's JSON output (`ip -j …`, `bridge -j fdb show`; shapes checked against
 * iproute2 6.1). Lenient: an element that lacks its key field is dropped with a problem naming its
 * index; unknown fields are ignored.
 */
export interface Parsed<T> {
  items: T[];
  problems: ParseProblem[];
}

function elements(text: string, file: string): { list: unknown[]; problems: ParseProblem[] } {
  // `ip -j` prints nothing at all for an empty table on some versions.
  if (!text.trim()) return { list: [], problems: [] };
  const json = parseJsonText(text, file);
  if (json.value === undefined) return { list: [], problems: json.problems };
  if (!Array.isArray(json.value)) return { list: [], problems: [{ file, field: '$', message: 'expected a JSON array' }] };
  return { list: json.value, problems: [] };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** `ip -j [-s] [-d] link` or `ip -j [-s] [-d] addr`: links, with addresses when the input has addr_info. */
export function parseIpLinks(text: string, file: string): Parsed<LinkInfo> {
  const { list, problems } = elements(text, file);
  const items: LinkInfo[] = [];
  list.forEach((e, i) => {
    if (!isRecord(e) || !str(e.ifname)) {
      problems.push({ file, field: `[${i}].ifname`, message: `link ${i} has no ifname; skipped` });
      return;
    }
    const flags = strs(e.flags);
    const link: LinkInfo = { name: e.ifname as string, up: flags.includes('UP'), addresses: [], flags };
    const index = num(e.ifindex);
    if (index !== undefined) link.index = index;
    const mtu = num(e.mtu);
    if (mtu !== undefined) link.mtu = mtu;
    if (str(e.address)) link.mac = e.address as string;
    if (str(e.master)) link.master = e.master as string;
    if (str(e.operstate)) link.operstate = e.operstate as string;
    const info = isRecord(e.linkinfo) ? e.linkinfo : undefined;
    if (info && str(info.info_kind)) link.kind = info.info_kind as string;
    if (link.kind === 'vxlan' && info && isRecord(info.info_data)) {
      const d = info.info_data;
      link.vxlan = {};
      if (num(d.id) !== undefined) link.vxlan.id = d.id as number;
      if (num(d.port) !== undefined) link.vxlan.port = d.port as number;
      if (str(d.local)) link.vxlan.local = d.local as string;
      if (typeof d.learning === 'boolean') link.vxlan.learning = d.learning;
      if (str(d.link)) link.vxlan.dev = d.link as string;
    }
    link.addresses = addresses(e.addr_info, i, file, problems);
    const stats = isRecord(e.stats64) ? e.stats64 : isRecord(e.stats) ? e.stats : undefined;
    if (stats) {
      const rx = isRecord(stats.rx) ? stats.rx : {};
      const tx = isRecord(stats.tx) ? stats.tx : {};
      link.stats = {
        rxPackets: num(rx.packets), txPackets: num(tx.packets), rxErrors: num(rx.errors), txErrors: num(tx.errors),
        rxDropped: num(rx.dropped), txDropped: num(tx.dropped), rxBytes: num(rx.bytes), txBytes: num(tx.bytes),
      };
    }
    items.push(link);
  });
  return { items, problems };
}

function addresses(v: unknown, i: number, file: string, problems: ParseProblem[]): LinkInfo['addresses'] {
  if (!Array.isArray(v)) return [];
  const out: LinkInfo['addresses'] = [];
  v.forEach((a, j) => {
    if (!isRecord(a) || (a.family !== 'inet' && a.family !== 'inet6') || !str(a.local) || num(a.prefixlen) === undefined) {
      problems.push({ file, field: `[${i}].addr_info[${j}]`, message: 'address without family, local or prefixlen; skipped' });
      return;
    }
    out.push({ family: a.family, local: a.local as string, prefixlen: a.prefixlen as number });
  });
  return out;
}

/** Merges `ip -j addr` addresses into links parsed from `ip -j link` (by name). */
export function mergeAddresses(links: LinkInfo[], withAddrs: LinkInfo[]): void {
  const byName = new Map(withAddrs.map((l) => [l.name, l]));
  for (const l of links) {
    const a = byName.get(l.name);
    if (a && a.addresses.length && !l.addresses.length) l.addresses = a.addresses;
  }
}

/**
 * `ip -j route show table all` (or the main table). Entries of the kernel's `local` table (local and
 * broadcast addresses) are dropped: they mirror addresses and only confuse routing checks.
 */
export function parseIpRoutes(text: string, file: string): Parsed<RouteInfo> {
  const { list, problems } = elements(text, file);
  const items: RouteInfo[] = [];
  list.forEach((e, i) => {
    if (!isRecord(e) || !str(e.dst)) {
      problems.push({ file, field: `[${i}].dst`, message: `route ${i} has no dst; skipped` });
      return;
    }
    if (e.table === 'local') return;
    const r: RouteInfo = { dst: e.dst as string, onlink: strs(e.flags).includes('onlink') };
    if (str(e.gateway)) r.gateway = e.gateway as string;
    if (str(e.dev)) r.dev = e.dev as string;
    if (str(e.scope)) r.scope = e.scope as string;
    r.table = str(e.table) ?? (typeof e.table === 'number' ? String(e.table) : 'main');
    if (str(e.type)) r.type = e.type as string;
    if (str(e.protocol)) r.protocol = e.protocol as string;
    if (str(e.prefsrc)) r.prefsrc = e.prefsrc as string;
    if (Array.isArray(e.nexthops)) {
      // Multipath: keep the first hop's gateway/dev so simple checks still see one.
      const hop = e.nexthops.find(isRecord);
      if (hop && !r.gateway && str(hop.gateway)) r.gateway = hop.gateway as string;
      if (hop && !r.dev && str(hop.dev)) r.dev = hop.dev as string;
    }
    items.push(r);
  });
  return { items, problems };
}

/** `ip -j neigh`. */
export function parseIpNeigh(text: string, file: string): Parsed<NeighInfo> {
  const { list, problems } = elements(text, file);
  const items: NeighInfo[] = [];
  list.forEach((e, i) => {
    if (!isRecord(e) || !str(e.dst)) {
      problems.push({ file, field: `[${i}].dst`, message: `neighbour ${i} has no dst; skipped` });
      return;
    }
    const n: NeighInfo = { dst: e.dst as string, state: strs(e.state) };
    if (str(e.dev)) n.dev = e.dev as string;
    if (str(e.lladdr)) n.lladdr = e.lladdr as string;
    items.push(n);
  });
  return { items, problems };
}

/** `bridge -j fdb show`. */
export function parseBridgeFdb(text: string, file: string): Parsed<FdbInfo> {
  const { list, problems } = elements(text, file);
  const items: FdbInfo[] = [];
  list.forEach((e, i) => {
    if (!isRecord(e) || !str(e.mac)) {
      problems.push({ file, field: `[${i}].mac`, message: `fdb entry ${i} has no mac; skipped` });
      return;
    }
    const f: FdbInfo = { mac: e.mac as string, flags: strs(e.flags) };
    const dev = str(e.ifname) ?? str(e.dev);
    if (dev) f.dev = dev;
    if (str(e.dst)) f.dst = e.dst as string;
    if (str(e.state)) f.state = e.state as string;
    if (str(e.master)) f.master = e.master as string;
    items.push(f);
  });
  return { items, problems };
}
