/**
 * What the capture rules share: the captures in the evidence, and names for the addresses they saw.
 * An underlay address is named by the node that owns it (InternalIP, flannel's public-ip annotation,
 * or an address in the node's own evidence); a pod address by the pod, or by the node whose podCIDR
 * holds it. Without cluster or node evidence an address stands for itself.
 */
import type { CaptureEvidence } from '../../evidence/capture.js';
import type { Evidence } from '../../evidence/types.js';
import { ipInCidr } from '../_cidr.js';
import { annotation, localAddresses } from '../_peers.js';

export function captures(evidence: Readonly<Evidence>): readonly CaptureEvidence[] {
  return evidence.probes?.captures ?? [];
}

export interface Places {
  /** the node owning an underlay address, or whose pod subnet holds a pod address */
  node(ip: string): string | undefined;
  /** "n2 (192.168.56.12)", "shop/web-1 (10.244.2.7)" or the address alone */
  label(ip: string): string;
}

export function places(evidence: Readonly<Evidence>): Places {
  const owner = new Map<string, string>();
  const podOwner = new Map<string, string>();
  const subnets: { cidr: string; node: string }[] = [];
  for (const n of evidence.cluster?.nodes ?? []) {
    for (const a of n.addresses) if (a.type === 'InternalIP' || a.type === 'ExternalIP') owner.set(a.address, n.name);
    const pub = annotation(n, 'public-ip');
    if (pub) owner.set(pub, n.name);
    for (const c of n.podCIDRs.length ? n.podCIDRs : n.podCIDR ? [n.podCIDR] : []) subnets.push({ cidr: c, node: n.name });
  }
  for (const node of Object.values(evidence.nodes)) {
    for (const ip of localAddresses(node)) if (!ip.startsWith('127.') && !owner.has(ip)) owner.set(ip, node.name);
    if (node.subnetEnv?.subnet) subnets.push({ cidr: node.subnetEnv.subnet, node: node.name });
  }
  for (const p of evidence.cluster?.pods ?? []) if (p.podIP && p.podIP !== p.hostIP) podOwner.set(p.podIP, `${p.namespace}/${p.name}`);
  const node = (ip: string) => owner.get(ip) ?? subnets.find((s) => ipInCidr(ip, s.cidr))?.node;
  return {
    node,
    label(ip) {
      const who = podOwner.get(ip) ?? owner.get(ip) ?? (subnets.find((s) => ipInCidr(ip, s.cidr)) ? `a pod on ${node(ip)}` : undefined);
      return who ? `${who} (${ip})` : ip;
    },
  };
}

/** "capture dump.pcap" — the `where` of an evidence item. */
export function whereOf(c: CaptureEvidence): string {
  return `capture ${c.file}`;
}

/** The node names of the given addresses that are known, deduplicated. */
export function nodesOf(p: Places, ips: string[]): string[] {
  return [...new Set(ips.map((ip) => p.node(ip)).filter((n): n is string => !!n))];
}
