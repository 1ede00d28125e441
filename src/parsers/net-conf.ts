/**
 * flannel's net-conf.json (facts §1.3-1.4) read the way flanneld reads it: Go encoding/json (keys
 * matched case-insensitively), Backend absent or empty → udp (not vxlan), backend type lower-cased.
 * Problems are data with file and field; nothing throws.
 */
import type { ParseProblem } from '../evidence/node.js';
import { isRecord, parseJsonText } from './json-text.js';

/** Backends flanneld v0.28 registers (facts §1.3). */
export const KNOWN_BACKENDS = ['vxlan', 'host-gw', 'udp', 'wireguard', 'ipip', 'ipsec', 'alloc', 'tencent-vpc', 'extension'] as const;

export interface NetConf {
  file: string;
  network?: string;
  ipv6Network?: string;
  enableIPv4: boolean;
  enableIPv6: boolean;
  enableNFTables: boolean;
  /** Effective backend type, lower-cased; 'udp' when Backend is absent or empty. */
  backendType?: string;
  /** True when net-conf.json names a Backend.Type itself (false → flanneld falls back to udp). */
  backendExplicit: boolean;
  backend?: Record<string, unknown>;
  subnetLen?: number;
  /** True when the text is a JSON object (other problems may remain). */
  valid: boolean;
  problems: ParseProblem[];
}

/** Go's encoding/json matches keys case-insensitively: exact match first, else any case. */
function field(o: Record<string, unknown>, name: string): unknown {
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  const k = Object.keys(o).find((x) => x.toLowerCase() === lower);
  return k === undefined ? undefined : o[k];
}

export interface Cidr {
  address: number; // IPv4 as uint32
  prefix: number;
}

/** Parses an IPv4 CIDR (`10.244.0.0/16`); undefined when not one. */
export function parseCidr4(s: string): Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(s.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  return { address, prefix };
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** True when `inner` lies entirely inside `outer` (both IPv4 CIDRs). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (inner.prefix < outer.prefix) return false;
  const m = maskOf(outer.prefix);
  return ((outer.address & m) >>> 0) === ((inner.address & m) >>> 0);
}

export function parseNetConf(text: string, file = 'net-conf.json'): NetConf {
  const out: NetConf = { file, enableIPv4: true, enableIPv6: false, enableNFTables: false, backendExplicit: false, valid: false, problems: [] };
  const json = parseJsonText(text, file);
  out.problems.push(...json.problems);
  if (json.value === undefined) return out;
  if (!isRecord(json.value)) {
    out.problems.push({ file, message: 'net-conf.json must be a JSON object' });
    return out;
  }
  out.valid = true;
  const o = json.value;
  const bool = (name: string, dflt: boolean): boolean => {
    const v = field(o, name);
    if (v === undefined) return dflt;
    if (typeof v !== 'boolean') {
      out.problems.push({ file, field: name, message: `${name} must be true or false, not ${JSON.stringify(v)}` });
      return dflt;
    }
    return v;
  };
  out.enableIPv4 = bool('EnableIPv4', true);
  out.enableIPv6 = bool('EnableIPv6', false);
  out.enableNFTables = bool('EnableNFTables', false);
  const network = field(o, 'Network');
  if (typeof network === 'string') {
    out.network = network;
    if (!parseCidr4(network)) out.problems.push({ file, field: 'Network', message: `Network "${network}" is not an IPv4 CIDR` });
  } else if (network !== undefined) out.problems.push({ file, field: 'Network', message: 'Network must be a string such as "10.244.0.0/16"' });
  else if (out.enableIPv4) out.problems.push({ file, field: 'Network', message: 'Network is missing (required while EnableIPv4 is true)' });
  const v6 = field(o, 'IPv6Network');
  if (typeof v6 === 'string') out.ipv6Network = v6;
  else if (out.enableIPv6) out.problems.push({ file, field: 'IPv6Network', message: 'IPv6Network is missing (required while EnableIPv6 is true)' });
  const subnetLen = field(o, 'SubnetLen');
  if (typeof subnetLen === 'number') out.subnetLen = subnetLen;

  const backend = field(o, 'Backend');
  if (backend === undefined || backend === null || (isRecord(backend) && Object.keys(backend).length === 0)) {
    out.backendType = 'udp';
    out.problems.push({
      file,
      field: 'Backend',
      message: 'Backend is missing or empty, so flanneld uses the udp backend (slow, debugging only), not vxlan; set "Backend": {"Type": "vxlan"}',
    });
    return out;
  }
  if (!isRecord(backend)) {
    out.problems.push({ file, field: 'Backend', message: 'Backend must be an object such as {"Type": "vxlan"}' });
    return out;
  }
  out.backend = backend;
  const type = field(backend, 'Type');
  if (typeof type !== 'string' || type === '') {
    out.problems.push({ file, field: 'Backend.Type', message: 'Backend has no Type: flanneld fails with "unknown backend type: "' });
    return out;
  }
  out.backendExplicit = true;
  out.backendType = type.toLowerCase();
  if (!(KNOWN_BACKENDS as readonly string[]).includes(out.backendType)) {
    out.problems.push({ file, field: 'Backend.Type', message: `unknown backend type "${type}" (flanneld: "unknown backend type: ${type}"); known: ${KNOWN_BACKENDS.join(', ')}` });
  }
  return out;
}
