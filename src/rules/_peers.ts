/**
 * What flanneld's vxlan backend should have programmed on a node: its own lease and one entry set
 * per remote node. The truth comes from the cluster's node objects (podCIDR + flannel annotations)
 * when cluster evidence is present, otherwise from the other nodes' own evidence (flannel.1 MAC and
 * local address, subnet.env subnet). Pure: reads evidence only.
 */
import type { NodeInfo } from '../evidence/cluster.js';
import type { LinkInfo, NodeEvidence, RouteInfo } from '../evidence/node.js';
import type { Evidence } from '../evidence/types.js';
import { cidrContains, networkCidr, parseCidr, sameNetwork } from './_cidr.js';

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

function hasBackend(n: NodeInfo, backend: string): boolean {
  const t = annotation(n, 'backend-type');
  return t === undefined ? backend === 'vxlan' : t.toLowerCase() === backend;
}

/**
 * Remote nodes this node should have vxlan entries for. Nodes without a podCIDR or without flannel
 * annotations are left out: flannel has not leased them yet, so no entry is expected.
 */
/** expectedPeers results per evidence object (immutable while judged): several rules ask per node. */
const peerCache = new WeakMap<Readonly<Evidence>, Map<string, Peer[]>>();

export function expectedPeers(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>, backend = 'vxlan'): Peer[] {
  let byNode = peerCache.get(evidence);
  if (!byNode) peerCache.set(evidence, (byNode = new Map()));
  const key = `${node.name}\u0000${backend}`;
  let peers = byNode.get(key);
  if (!peers) byNode.set(key, (peers = computePeers(evidence, node, backend)));
  return peers;
}

function computePeers(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>, backend: string): Peer[] {
  const network = networkCidr(node.subnetEnv?.network) ?? networkCidr(confNetwork(evidence, node)?.network);
  return rawPeers(evidence, node, backend).filter((p) => {
    // flanneld never leases a podCIDR outside Network: that node's fault is network-mismatch, not ours.
    if (network && !cidrContains(network, p.subnet)) return false;
    // A peer whose own flannel has no lease for its podCIDR yet is broken there, not here.
    const own = evidence.nodes[p.name];
    if (own && own.gathered.includes('subnetEnv') && !sameNetwork(own.subnetEnv?.subnet, p.subnet)) return false;
    return true;
  });
}

function rawPeers(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>, backend: string): Peer[] {
  const out: Peer[] = [];
  if (evidence.cluster && evidence.cluster.nodes.length) {
    for (const n of evidence.cluster.nodes) {
      if (n.name === node.name || !hasBackend(n, backend)) continue;
      const subnet = networkCidr(n.podCIDR ?? n.podCIDRs[0]);
      const bd = backendData(n);
      const publicIp = annotation(n, 'public-ip');
      if (!subnet || !publicIp || (backend === 'vxlan' && !bd?.VtepMAC)) continue;
      out.push({ name: n.name, subnet, publicIp, vtepMac: bd?.VtepMAC?.toLowerCase(), vni: bd?.VNI, source: `node ${n.name} annotations` });
    }
    return out;
  }
  if (backend !== 'vxlan') return out;
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

/** net-conf.json parsed (the node's file, else the kube-flannel-cfg ConfigMap); undefined when unreadable. */
export function netConfRoot(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>): Record<string, unknown> | undefined {
  const raw = node.netConf?.raw;
  if (raw && typeof raw === 'object') return raw as Record<string, unknown>;
  const text = evidence.cluster?.configMaps.find((c) => c.name === 'kube-flannel-cfg')?.data['net-conf.json'];
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // a bad net-conf.json is the config rule's finding
  }
}

/** The Backend object of net-conf.json. */
export function backendConfig(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>): Record<string, unknown> | undefined {
  const root = netConfRoot(evidence, node);
  const b = root ? lookup(root, 'backend') : undefined;
  return b && typeof b === 'object' ? (b as Record<string, unknown>) : undefined;
}

/** VNI and UDP port flannel should use (facts §1.4: VNI 1, port 0 = kernel default 8472). */
export function expectedVxlan(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>): { vni: number; port: number; directRouting: boolean } {
  const b = backendConfig(evidence, node) ?? {};
  const vni = lookup(b, 'vni');
  const port = lookup(b, 'port');
  return {
    vni: typeof vni === 'number' && vni > 0 ? vni : 1,
    port: typeof port === 'number' && port > 0 ? port : 8472,
    directRouting: lookup(b, 'directrouting') === true,
  };
}

/** Whether flannel is expected to run its vxlan backend on this node. */
export function runsVxlan(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>): boolean {
  const t = backendType(evidence, node);
  if (t !== undefined) return t === 'vxlan';
  // No net-conf anywhere: a flannel CNI config, subnet.env or flannel.1 itself says flannel runs here.
  return !!node.subnetEnv || node.cniConfigs.some((c) => c.pluginTypes.includes('flannel')) || !!vxlanLink(node);
}

/** The node's IPv4 addresses on any link. */
export function localAddresses(node: Readonly<NodeEvidence>): string[] {
  return node.links.flatMap((l) => l.addresses.filter((a) => a.family === 'inet').map((a) => a.local));
}

export const mainTable = (r: RouteInfo) => !r.table || r.table === 'main' || r.table === '254';

/** With DirectRouting, flannel routes a same-L2 peer's subnet straight via its public IP (facts §2.3). */
export function directRouteFor(node: Readonly<NodeEvidence>, p: Peer): RouteInfo | undefined {
  return node.routes.find((r) => mainTable(r) && sameNetwork(r.dst, p.subnet) && !!p.publicIp && r.gateway === p.publicIp && r.dev !== VXLAN_DEV);
}


/** The interface flannel.1 encapsulates over: its vtep dev, else the one holding its local address. */
export function underlay(node: Readonly<NodeEvidence>, vx: LinkInfo): LinkInfo | undefined {
  const byDev = vx.vxlan?.dev ? node.links.find((l) => l.name === vx.vxlan?.dev) : undefined;
  if (byDev) return byDev;
  const local = vx.vxlan?.local;
  return local ? node.links.find((l) => l.addresses.some((a) => a.local === local)) : undefined;
}

