/**
 * What flanneld's vxlan backend should have programmed on a node: its own lease and one entry set
 * per remote node. The truth comes from the cluster's node objects (podCIDR + flannel annotations)
 * when cluster evidence is present, otherwise from the other nodes' own evidence (flannel.1 MAC and
 * local address, subnet.env subnet). Pure: reads evidence only.
 */
import type { NodeInfo } from '../../evidence/cluster.js';
import type { LinkInfo, NodeEvidence } from '../../evidence/node.js';
import type { Evidence } from '../../evidence/types.js';
import { networkCidr, parseCidr } from './_cidr.js';

export const ANN = 'flannel.alpha.coreos.com/';
export const VXLAN_DEV = 'flannel.1';

export interface Peer {
  name: string;
  /** The peer's pod subnet as a network CIDR, e.g. 10.244.2.0/24. */
  subnet: string;
  publicIp?: string;
  vtepMac?: string;
  vni?: number;
  /** Where the expectation comes from, for evidence lines. */
  source: string;
}

export function annotation(n: NodeInfo, key: string): string | undefined {
  const v = n.annotations?.[ANN + key];
  return v === undefined || v === '' ? undefined : v;
}

export function backendData(n: NodeInfo): { VNI?: number; VtepMAC?: string } | undefined {
  const raw = annotation(n, 'backend-data');
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' ? (v as { VNI?: number; VtepMAC?: string }) : undefined;
  } catch {
    return undefined;
  }
}

export function clusterNode(evidence: Readonly<Evidence>, name: string): NodeInfo | undefined {
  return evidence.cluster?.nodes.find((n) => n.name === name);
}

export function vxlanLink(node: Readonly<NodeEvidence>): LinkInfo | undefined {
  return node.links.find((l) => l.name === VXLAN_DEV);
}

/** The node's own pod subnet (network form): podCIDR from the cluster, else subnet.env. */
export function ownSubnet(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>): string | undefined {
  const cn = clusterNode(evidence, node.name);
  return networkCidr(cn?.podCIDR ?? cn?.podCIDRs.find((c) => parseCidr(c))) ?? networkCidr(node.subnetEnv?.subnet);
}

function isVxlanNode(n: NodeInfo): boolean {
  const t = annotation(n, 'backend-type');
  return t === undefined || t.toLowerCase() === 'vxlan';
}

/**
 * Remote nodes this node should have vxlan entries for. Nodes without a podCIDR or without flannel
 * annotations are left out: flannel has not leased them yet, so no entry is expected.
 */
export function expectedPeers(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>): Peer[] {
  const out: Peer[] = [];
  if (evidence.cluster && evidence.cluster.nodes.length) {
    for (const n of evidence.cluster.nodes) {
      if (n.name === node.name || !isVxlanNode(n)) continue;
      const subnet = networkCidr(n.podCIDR ?? n.podCIDRs[0]);
      const bd = backendData(n);
      const publicIp = annotation(n, 'public-ip');
      if (!subnet || !bd?.VtepMAC || !publicIp) continue;
      out.push({ name: n.name, subnet, publicIp, vtepMac: bd.VtepMAC.toLowerCase(), vni: bd.VNI, source: `node ${n.name} annotations` });
    }
    return out;
  }
  for (const other of Object.values(evidence.nodes)) {
    if (other.name === node.name) continue;
    const l = vxlanLink(other);
    const subnet = networkCidr(other.subnetEnv?.subnet);
    if (!l || !subnet || !l.mac) continue;
    out.push({ name: other.name, subnet, publicIp: l.vxlan?.local, vtepMac: l.mac.toLowerCase(), vni: l.vxlan?.id, source: `node ${other.name}: ${VXLAN_DEV}` });
  }
  return out;
}

/** The backend type flannel runs with, from net-conf.json (node file, else the ConfigMap). */
export function backendType(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>): string | undefined {
  const fromRaw = (raw: unknown): string | undefined => {
    if (!raw || typeof raw !== 'object') return undefined;
    const backend = lookup(raw as Record<string, unknown>, 'backend');
    if (!backend || typeof backend !== 'object') return undefined;
    const t = lookup(backend as Record<string, unknown>, 'type');
    return typeof t === 'string' ? t.toLowerCase() : undefined;
  };
  const own = fromRaw(node.netConf?.raw);
  if (own) return own;
  const cm = evidence.cluster?.configMaps.find((c) => c.name === 'kube-flannel-cfg');
  const text = cm?.data['net-conf.json'];
  if (text) {
    try {
      const t = fromRaw(JSON.parse(text));
      if (t) return t;
    } catch {
      /* a bad net-conf.json is another rule's finding */
    }
  }
  const ann = clusterNode(evidence, node.name);
  return ann ? annotation(ann, 'backend-type')?.toLowerCase() : undefined;
}

/** net-conf.json's Network (node file, else the ConfigMap). */
export function confNetwork(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>): { network: string; where: string } | undefined {
  const own = node.netConf?.raw;
  if (own && typeof own === 'object') {
    const n = lookup(own as Record<string, unknown>, 'network');
    if (typeof n === 'string') return { network: n, where: `node ${node.name}: ${node.netConf?.file}` };
  }
  const cm = evidence.cluster?.configMaps.find((c) => c.name === 'kube-flannel-cfg');
  const text = cm?.data['net-conf.json'];
  if (!text) return undefined;
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const n = lookup(raw, 'network');
    return typeof n === 'string' ? { network: n, where: `configmap ${cm?.namespace}/${cm?.name} net-conf.json` } : undefined;
  } catch {
    return undefined;
  }
}

/** Go's encoding/json matches keys case-insensitively (exact match preferred). */
export function lookup(obj: Record<string, unknown>, key: string): unknown {
  if (key in obj) return obj[key];
  const k = Object.keys(obj).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : obj[k];
}
