import type { SubnetEnv } from '../evidence/node.js';

const KEYS: Record<string, keyof SubnetEnv> = {
  FLANNEL_NETWORK: 'network',
  FLANNEL_SUBNET: 'subnet',
  FLANNEL_IPV6_NETWORK: 'ipv6Network',
  FLANNEL_IPV6_SUBNET: 'ipv6Subnet',
  FLANNEL_MTU: 'mtu',
  FLANNEL_IPMASQ: 'ipmasq',
};

const CIDR4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const CIDR6 = /^[0-9a-f:.]+\/\d{1,3}$/i;

/**
 * Parses /run/flannel/subnet.env (facts §1.7): KEY=VALUE lines. Values may be comma-separated lists
 * and are kept as written. Like the CNI plugin, only the literal `true` makes FLANNEL_IPMASQ true.
 */
export function parseSubnetEnv(text: string, file: string): SubnetEnv {
  const out: SubnetEnv = { file, problems: [] };
  const p = out.problems;
  const lines = text.split('\n');
  lines.forEach((rawLine, i) => {
    const line = rawLine.replace(/\r$/, '').trim();
    const n = i + 1;
    if (!line || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq <= 0) {
      p.push({ file, line: n, message: `expected KEY=VALUE, got "${clip(line)}"` });
      return;
    }
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    const field = KEYS[key];
    if (!field) return; // unknown keys are ignored by readers too
    switch (field) {
      case 'mtu': {
        const mtu = Number(value);
        if (!/^\d+$/.test(value) || mtu < 68 || mtu > 65535) p.push({ file, line: n, field: key, message: `${key} must be an MTU between 68 and 65535, got "${clip(value)}"` });
        else out.mtu = mtu;
        break;
      }
      case 'ipmasq':
        if (value !== 'true' && value !== 'false') p.push({ file, line: n, field: key, message: `${key} should be true or false, got "${clip(value)}" (read as false)` });
        out.ipmasq = value === 'true';
        break;
      default: {
        const v6 = field === 'ipv6Network' || field === 'ipv6Subnet';
        for (const part of value.split(',')) {
          if (!(v6 ? CIDR6.test(part) : validCidr4(part))) p.push({ file, line: n, field: key, message: `${key} has an invalid ${v6 ? 'IPv6' : 'IPv4'} CIDR "${clip(part)}"` });
        }
        (out as unknown as Record<string, string>)[field] = value;
      }
    }
  });
  if (!out.subnet && !out.ipv6Subnet) p.push({ file, field: 'FLANNEL_SUBNET', message: `${file} is missing FLANNEL_SUBNET` });
  if (!out.network && !out.ipv6Network) p.push({ file, field: 'FLANNEL_NETWORK', message: `${file} is missing FLANNEL_NETWORK` });
  if (out.mtu === undefined && !p.some((x) => x.field === 'FLANNEL_MTU')) p.push({ file, field: 'FLANNEL_MTU', message: `${file} is missing FLANNEL_MTU` });
  if (out.ipmasq === undefined) p.push({ file, field: 'FLANNEL_IPMASQ', message: `${file} is missing FLANNEL_IPMASQ` });
  return out;
}

export function validCidr4(s: string): boolean {
  const m = CIDR4.exec(s);
  if (!m) return false;
  return [1, 2, 3, 4].every((i) => Number(m[i]) <= 255) && Number(m[5]) <= 32;
}

function clip(s: string): string {
  return s.length > 80 ? s.slice(0, 77) + '...' : s;
}

