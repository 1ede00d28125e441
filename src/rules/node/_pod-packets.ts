/**
 * Imagined packets of pod traffic through a node, for the iptables walk: a pod here talking to a pod
 * on another node (both directions) and to an address outside the cluster.
 */
import type { NodeEvidence } from '../../evidence/node.js';
import type { Evidence } from '../../evidence/types.js';
import { formatIPv4, networkCidr, parseCidr } from '../_cidr.js';
import { confNetwork, expectedPeers, ownSubnet, underlay, vxlanLink } from '../_peers.js';
import type { Packet } from './_iptables-walk.js';

/** Outside address used only as a value in the imagined packet (TEST-NET-2, never contacted). */
const OUTSIDE = '198.51.100.10';

export interface PodFlow {
  label: string;
  packet: Packet;
}

function host(cidr: string | undefined, n: number): string | undefined {
  const c = parseCidr(cidr);
  return c ? formatIPv4((c.network + n) >>> 0) : undefined;
}

export function clusterNetwork(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>): string | undefined {
  return networkCidr(node.subnetEnv?.network) ?? networkCidr(confNetwork(evidence, node)?.network);
}

/** Forwarded pod flows, or [] when the node's subnet is unknown. */
export function podFlows(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>): PodFlow[] {
  const own = ownSubnet(evidence, node);
  const localPod = host(own, 5);
  if (!own || !localPod) return [];
  const vx = vxlanLink(node);
  const overlayDev = vx ? vx.name : 'flannel.1';
  const uplink = (vx && underlay(node, vx)?.name) ?? node.routes.find((r) => r.dst === 'default')?.dev ?? 'eth0';
  const peer = expectedPeers(evidence, node)[0];
  const network = clusterNetwork(evidence, node);
  // A remote pod: in a peer's subnet, else the next /24 of the cluster network.
  let remotePod = host(peer?.subnet, 5);
  if (!remotePod && network) {
    const c = parseCidr(own);
    const next = c ? formatIPv4((c.network + 2 ** (32 - c.prefix) + 5) >>> 0) : undefined;
    remotePod = next && parseCidr(network) ? next : undefined;
  }
  const flows: PodFlow[] = [];
  const base = { proto: 'tcp' as const, sport: 43512, state: 'NEW' };
  if (remotePod) {
    flows.push({ label: `pod ${localPod} → pod ${remotePod} on ${peer?.name ?? 'another node'}`, packet: { ...base, src: localPod, dst: remotePod, dport: 8080, in: 'cni0', out: overlayDev } });
    flows.push({ label: `pod ${remotePod} on ${peer?.name ?? 'another node'} → pod ${localPod}`, packet: { ...base, src: remotePod, dst: localPod, dport: 8080, in: overlayDev, out: 'cni0' } });
  }
  flows.push({ label: `pod ${localPod} → outside ${OUTSIDE}:443`, packet: { ...base, src: localPod, dst: OUTSIDE, dport: 443, in: 'cni0', out: uplink } });
  return flows;
}

const CONTROL_PLANE = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

/**
 * Pods, local and remote, opening a port on the node's own address: the kubelet's 10250 on every node
 * (metrics-server scrapes it from a pod; hostNetwork services take the same path) and, on a
 * control-plane node (known from cluster labels), the API server's 6443, where the kubernetes
 * Service's DNAT sends them. These pass INPUT, not FORWARD.
 */
export function apiServerFlows(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>): PodFlow[] {
  const info = evidence.cluster?.nodes.find((n) => n.name === node.name);
  const nodeIp = info?.addresses.find((a) => a.type === 'InternalIP')?.address;
  const own = ownSubnet(evidence, node);
  const localPod = host(own, 5);
  if (!info || !nodeIp || !localPod) return [];
  const peer = expectedPeers(evidence, node)[0];
  const remotePod = host(peer?.subnet, 5);
  const targets: [number, string][] = [[10250, 'kubelet'], ...(CONTROL_PLANE.some((l) => l in info.labels) ? [[6443, 'API server'] as [number, string]] : [])];
  const out: PodFlow[] = [];
  for (const [dport, what] of targets) {
    const base = { proto: 'tcp' as const, sport: 43514, dport, state: 'NEW', dst: nodeIp, dstLocal: true, srcLocal: false };
    out.push({ label: `pod ${localPod} → ${what} ${nodeIp}:${dport}`, packet: { ...base, src: localPod, in: 'cni0' } });
    if (remotePod) out.push({ label: `pod ${remotePod} on ${peer?.name} → ${what} ${nodeIp}:${dport}`, packet: { ...base, src: remotePod, in: vxlanLink(node)?.name ?? 'flannel.1' } });
  }
  return out;
}
