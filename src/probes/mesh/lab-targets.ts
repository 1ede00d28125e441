/**
 * Mesh targets from a lab state (lab/types.ts LabState): node namespaces and underlay IPs, one
 * wired app pod per node, flannel.1 address = the network address of the node's podCIDR.
 * Typed structurally so library code does not import the lab.
 */
import type { MeshTarget } from './types.js';

export interface LabLike {
  nodes: { name: string; netns: string; ip: string; podCIDR: string; vtepMac?: string }[];
  pods: { node: string; netns: string; ip?: string; namespace: string; name: string; role?: string; wired?: boolean }[];
}

export function meshTargetsFromLab(state: LabLike, flannelMtu = 1450): MeshTarget[] {
  return state.nodes.map((n) => {
    const pod = state.pods.find((p) => p.node === n.name && p.ip && p.wired !== false && (p.role === undefined || p.role === 'app'));
    const t: MeshTarget = { name: n.name, netns: n.netns, underlayIp: n.ip, flannelIp: n.podCIDR.split('/')[0], flannelMtu };
    if (n.vtepMac) t.vtepMac = n.vtepMac;
    if (pod?.ip) t.pod = { ip: pod.ip, netns: pod.netns, mtu: flannelMtu, name: `${pod.namespace}/${pod.name}` };
    return t;
  });
}

/** Reads a targets file: a JSON array of MeshTarget, or a lab state.json. Returns an error text on bad input. */
export function parseMeshTargets(text: string, file: string): MeshTarget[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`);
  }
  if (doc && typeof doc === 'object' && !Array.isArray(doc) && Array.isArray((doc as LabLike).nodes)) return meshTargetsFromLab(doc as LabLike);
  if (!Array.isArray(doc)) throw new Error(`${file}: expected a JSON array of targets {name, netns?, underlayIp, flannelIp?, flannelMtu?, pod?: {ip, netns?}} or a lab state.json`);
  return doc.map((t: any, i: number) => {
    if (!t || typeof t.name !== 'string' || typeof t.underlayIp !== 'string') throw new Error(`${file}: [${i}] needs "name" and "underlayIp" strings`);
    if (t.pod !== undefined && (typeof t.pod !== 'object' || typeof t.pod.ip !== 'string')) throw new Error(`${file}: [${i}].pod needs an "ip" string`);
    return t as MeshTarget;
  });
}
