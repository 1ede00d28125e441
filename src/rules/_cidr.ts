/**
 * IPv4 address and CIDR arithmetic for the node rules (subnet.env, podCIDR, routes, iptables -s/-d).
 * Pure and lenient: anything unparsable yields undefined, never an exception.
 */

export interface Cidr {
  /** The address as written (may have host bits, e.g. 10.244.1.1/24). */
  ip: number;
  prefix: number;
  /** Network address as a number. */
  network: number;
}

export function parseIPv4(s: string | undefined): number | undefined {
  if (!s) return undefined;
  // Hand-rolled: called for every address of every peer on every node.
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else if (c === 46) {
      if (!digits || ++dots > 3) return undefined;
      n = n * 256 + part;
      part = 0;
      digits = 0;
    } else return undefined;
  }
  if (!digits || dots !== 3) return undefined;
  return (n * 256 + part) >>> 0;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

const cidrCache = new Map<string, Cidr | undefined>();

/** Parses "a.b.c.d/len"; a bare address is taken as /32. Results are shared: do not mutate them. */
export function parseCidr(s: string | undefined): Cidr | undefined {
  if (!s) return undefined;
  if (cidrCache.has(s)) return cidrCache.get(s);
  const c = parseCidrUncached(s);
  if (cidrCache.size > 100_000) cidrCache.clear();
  cidrCache.set(s, c ? Object.freeze(c) : undefined);
  return c;
}

function parseCidrUncached(s: string): Cidr | undefined {
  const [addr, len, extra] = s.trim().split('/');
  if (extra !== undefined) return undefined;
  const ip = parseIPv4(addr);
  if (ip === undefined) return undefined;
  const prefix = len === undefined ? 32 : /^\d{1,2}$/.test(len) ? Number(len) : NaN;
  if (!(prefix >= 0 && prefix <= 32)) return undefined;
  return { ip, prefix, network: (ip & mask(prefix)) >>> 0 };
}

/** "10.244.1.1/24" → "10.244.1.0/24". */
export function networkCidr(s: string | undefined): string | undefined {
  const c = parseCidr(s);
  return c ? `${formatIPv4(c.network)}/${c.prefix}` : undefined;
}

/** "10.244.1.0/24" → "10.244.1.0". */
export function networkAddress(s: string | undefined): string | undefined {
  const c = parseCidr(s);
  return c ? formatIPv4(c.network) : undefined;
}

/** The bridge gateway flannel's delegate gives cni0: first host address, e.g. "10.244.1.1/24". */
export function gatewayCidr(s: string | undefined): string | undefined {
  const c = parseCidr(s);
  return c ? `${formatIPv4((c.network + 1) >>> 0)}/${c.prefix}` : undefined;
}

/** Host addresses in the block (without network and broadcast). */
export function hostCount(s: string | undefined): number | undefined {
  const c = parseCidr(s);
  if (!c) return undefined;
  const size = 2 ** (32 - c.prefix);
  return c.prefix >= 31 ? size : size - 2;
}

export function ipInCidr(ip: string | number | undefined, cidr: string | Cidr | undefined): boolean {
  const n = typeof ip === 'number' ? ip : parseIPv4(ip);
  const c = typeof cidr === 'string' ? parseCidr(cidr) : cidr;
  if (n === undefined || !c) return false;
  return ((n & mask(c.prefix)) >>> 0) === c.network;
}

/** Whether `inner` lies wholly inside `outer`. */
export function cidrContains(outer: string | undefined, inner: string | undefined): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  if (!o || !i || i.prefix < o.prefix) return false;
  return ((i.network & mask(o.prefix)) >>> 0) === o.network;
}

/** Whether two blocks share any address. */
export function cidrOverlaps(a: string | Cidr | undefined, b: string | Cidr | undefined): boolean {
  const x = typeof a === 'string' ? parseCidr(a) : a;
  const y = typeof b === 'string' ? parseCidr(b) : b;
  if (!x || !y) return false;
  const p = Math.min(x.prefix, y.prefix);
  return ((x.network & mask(p)) >>> 0) === ((y.network & mask(p)) >>> 0);
}

/** Same block (network and length), whatever host bits were written. */
export function sameNetwork(a: string | undefined, b: string | undefined): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return !!x && !!y && x.prefix === y.prefix && x.network === y.network;
}

export function isLoopback(ip: string): boolean {
  const t = ip.trim().toLowerCase();
  if (t === '::1' || t === '0:0:0:0:0:0:0:1') return true;
  return ipInCidr(t, '127.0.0.0/8');
}
