/**
 * Namespaces of the images side: each registry (and the lab DNS for registry names) lives in its
 * own network namespace, attached to the lab underlay bridge by a veth pair, with its own address
 * from the top of the underlay CIDR (the core hands out node addresses from the bottom).
 */
import { createHash } from 'node:crypto';
import type { LabHandle } from '../types.js';

/** host number `n` counted from the top of an IPv4 CIDR (n=1 → broadcast-1). */
export function addrFromTop(cidr: string, n: number): string {
  const [base, lenS] = cidr.split('/');
  const len = Number(lenS);
  const parts = base.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255)) || !(len >= 8 && len <= 30)) {
    throw new Error(`underlay cidr ${JSON.stringify(cidr)} is not an IPv4 CIDR between /8 and /30`);
  }
  const ip = ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
  const size = 2 ** (32 - len);
  if (n < 1 || n > size - 2) throw new Error(`no host ${n} from the top of ${cidr}`);
  const network = (ip & ~(size - 1)) >>> 0;
  const a = (network + size - 1 - n) >>> 0;
  return [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255].join('.');
}

export function prefixLen(cidr: string): number {
  return Number(cidr.split('/')[1]);
}

/** Interface names are at most 15 bytes: a readable `<prefix>-<role>` if it fits, else a hashed one. */
export function hostVeth(prefix: string, role: string): string {
  const plain = `${prefix}-${role}`.replace(/[^a-zA-Z0-9-]/g, '');
  if (plain.length <= 15) return plain;
  return `${prefix.slice(0, 9)}-${createHash('sha1').update(plain).digest('hex').slice(0, 5)}`;
}

/** Creates `netns`, a veth to the underlay bridge, `ip/len` on its eth0, and loopback up. */
export async function attachNetns(lab: LabHandle, netns: string, role: string, ips: string[]): Promise<void> {
  const u = lab.state.underlay;
  const len = prefixLen(u.cidr);
  const veth = hostVeth(lab.state.prefix, role);
  await lab.exec(undefined, ['ip', 'netns', 'add', netns]);
  // both ends are created directly in their namespaces: no interface ever appears in the root ns
  await lab.exec(undefined, ['ip', 'link', 'add', veth, 'netns', u.netns, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns]);
  await lab.exec(u.netns, ['ip', 'link', 'set', veth, 'master', u.bridge, 'up']);
  for (const ip of ips) await lab.exec(netns, ['ip', 'addr', 'add', `${ip}/${len}`, 'dev', 'eth0']);
  await lab.exec(netns, ['ip', 'link', 'set', 'eth0', 'up']);
  await lab.exec(netns, ['ip', 'link', 'set', 'lo', 'up']);
}

/** Deleting the namespace destroys its veth end, which removes the peer from the bridge. */
export async function detachNetns(lab: LabHandle, netns: string): Promise<void> {
  await lab.exec(undefined, ['ip', 'netns', 'del', netns], { allowFail: true });
}

export async function addAddress(lab: LabHandle, netns: string, ip: string): Promise<void> {
  await lab.exec(netns, ['ip', 'addr', 'add', `${ip}/${prefixLen(lab.state.underlay.cidr)}`, 'dev', 'eth0']);
}

export async function delAddress(lab: LabHandle, netns: string, ip: string): Promise<void> {
  await lab.exec(netns, ['ip', 'addr', 'del', `${ip}/${prefixLen(lab.state.underlay.cidr)}`, 'dev', 'eth0'], { allowFail: true });
}
