/**
 * The lab's address and name plan, derived from its name and size. Every lab uses the same
 * lab-only addresses: each lab has its own underlay namespace, so two labs never share a wire.
 * Only the names (namespaces, state dir) carry the lab's name, so labs can run side by side.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export const LAB_BASE_DIR = process.env.FLANNEL_DOCTOR_LAB_DIR ?? '/run/flannel-doctor-lab';
export const UNDERLAY_CIDR = '172.31.250.0/24';
export const UNDERLAY_GW = '172.31.250.1';
/** The fake "outside world" upstream DNS server (zone example.lab), on the underlay. */
export const UPSTREAM_DNS_IP = '172.31.250.53';
export const EXTERNAL_ZONE = 'example.lab';
export const CLUSTER_CIDR = '10.244.0.0/16';
export const SERVICE_CIDR = '10.96.0.0/12';
export const DNS_SERVICE_IP = '10.96.0.10';
export const API_SERVICE_IP = '10.96.0.1';
export const CLUSTER_DOMAIN = 'cluster.local';
export const UNDERLAY_MTU = 1500;
export const VXLAN_OVERHEAD = 50;
export const FLANNEL_MTU = UNDERLAY_MTU - VXLAN_OVERHEAD;

export function validateLabName(name: string): string | undefined {
  if (!/^[a-z][a-z0-9]{0,9}$/.test(name)) return `lab name "${name}" must be 1-10 lower-case letters or digits, starting with a letter`;
  return undefined;
}

export function labDir(name: string): string {
  return join(LAB_BASE_DIR, name);
}

export function nodeName(i: number): string {
  return `n${i}`;
}

export function nodeIp(i: number): string {
  return `172.31.250.${10 + i}`;
}

export function podCidrOf(i: number): string {
  return `10.244.${i}.0/24`;
}

/** Stable VTEP MAC (locally administered) so node annotations survive a rebuild of the same lab. */
export function vtepMac(prefix: string, i: number): string {
  const h = createHash('sha256').update(prefix).digest();
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return ['0e', 'fd', hex(h[0]), hex(h[1]), hex(h[2]), hex(i)].join(':');
}

/** a.b.c.0/24 -> a.b.c.<host> */
export function hostIn(cidr: string, host: number): string {
  const [a, b, c] = cidr.split('/')[0].split('.');
  return `${a}.${b}.${c}.${host}`;
}

export function networkAddr(cidr: string): string {
  return cidr.split('/')[0];
}

export function randomHex(bytes: number): string {
  const chars: string[] = [];
  for (let i = 0; i < bytes; i++) chars.push(Math.floor(Math.random() * 256).toString(16).padStart(2, '0'));
  return chars.join('');
}

/** Deterministic-looking Kubernetes uid. */
export function uidOf(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** kube-style 5-char suffix for DaemonSet / ReplicaSet pods. */
export function podSuffix(seed: string, len = 5): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const h = createHash('sha1').update(seed).digest();
  let s = '';
  for (let i = 0; i < len; i++) s += alphabet[h[i] % alphabet.length];
  return s;
}
