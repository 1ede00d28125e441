import type { FixStepSource } from '../../catalog/fix-types.js';
import type { PodInfo } from '../../evidence/cluster.js';
import type { Evidence } from '../../evidence/types.js';
import { flannelConfigMap } from '../../evidence/flannel-objects.js';
import { shellJoin, shq } from '../../fix/shell.js';
import { lookup, underlay, vxlanLink, VXLAN_DEV } from '../_peers.js';
import { netConfSteps } from './_net-conf-fix.js';

/** VXLAN over IPv4: outer IP 20 + UDP 8 + VXLAN 8 + inner Ethernet 14 (facts §2.1). */
export const VXLAN_OVERHEAD = 50;

/**
 * The MTU fix for an underlay of `underlayMtu`, computed. flanneld reads net-conf.json Backend.MTU as
 * the external interface's MTU and gives flannel.1 that minus 50 (facts §2.5), but only when it creates
 * the device: an existing flannel.1 keeps its MTU across restarts (vxlanLinksIncompat ignores MTU),
 * and a pod keeps its veth MTU until it is made anew. So, in order: Backend.MTU in the ConfigMap (new
 * devices, subnet.env and new pods), flannel restarted, flannel.1 and cni0 lowered in place on every
 * node whose links are too big, then the pods there made anew. Without the ConfigMap in the evidence
 * (k3s, node-only evidence) the values are given and the change is left to the operator.
 */
export function mtuFix(evidence: Readonly<Evidence>, underlayMtu: number): FixStepSource[] {
  const mtu = underlayMtu - VXLAN_OVERHEAD;
  const why = `the smallest underlay MTU ${underlayMtu}: flannel.1 becomes ${underlayMtu} − ${VXLAN_OVERHEAD} = ${mtu}`;
  const cm = evidence.cluster ? flannelConfigMap(evidence.cluster) : undefined;
  const root = parseObject(cm?.data['net-conf.json']);
  const inPlace = inPlaceSteps(evidence, mtu);
  if (!cm || !root) return [`Set "MTU": ${underlayMtu} in net-conf.json Backend (${why}), or raise the underlay MTU; then restart flannel on every node`, ...inPlace];
  const backendKey = Object.keys(root).find((k) => k.toLowerCase() === 'backend') ?? 'Backend';
  const backend = { ...((lookup(root, 'backend') as Record<string, unknown> | undefined) ?? {}) };
  const mtuKey = Object.keys(backend).find((k) => k.toLowerCase() === 'mtu') ?? 'MTU';
  backend[mtuKey] = underlayMtu;
  const text = JSON.stringify({ ...root, [backendKey]: backend }, null, 2) + '\n';
  const steps = netConfSteps(cm, text, `Set Backend ${mtuKey} ${underlayMtu} (${why})`, 'Restart flannel on every node so that subnet.env and new pods take the new MTU');
  if (!steps) return [`Set "MTU": ${underlayMtu} in net-conf.json Backend of ConfigMap ${cm.namespace}/${cm.name} (${why}); then restart flannel on every node`, ...inPlace];
  return [...steps, ...inPlace];
}

/** The links flanneld and the bridge plugin will not shrink themselves, and the pods whose veths are too big. */
function inPlaceSteps(evidence: Readonly<Evidence>, mtu: number): FixStepSource[] {
  const steps: FixStepSource[] = [
    { step: 'link.mtu', data: { dev: VXLAN_DEV, mtu }, text: `Lower {dev} to MTU {mtu} (flanneld keeps an existing device's MTU)` },
    { step: 'link.mtu-at-most', data: { dev: 'cni0', mtu }, text: 'Lower the cni0 bridge to MTU {mtu}, if it is bigger' },
  ];
  return [...steps, ...recreatePodSteps(evidence, mtu)];
}

/** Pods made anew where their veths are above `mtu` (of `only` these nodes, when given): controllers' pods deleted, bare pods replaced by their own spec. */
export function recreatePodSteps(evidence: Readonly<Evidence>, mtu: number, only?: readonly string[]): FixStepSource[] {
  const steps: FixStepSource[] = [];
  const pods = podsWithBigVeths(evidence, mtu).filter((p) => !only || only.includes(p.nodeName!));
  const owned = new Map<string, string[]>();
  for (const p of pods.filter((p) => p.ownerKind)) owned.set(p.namespace, [...(owned.get(p.namespace) ?? []), p.name]);
  for (const [namespace, names] of owned) {
    steps.push({
      step: 'pods.delete',
      data: { workloadNamespace: shq(namespace), podNames: shellJoin(names) },
      text: `Make the pods of ${namespace} on those nodes anew, so that their veths take MTU ${mtu} (their controllers re-create them; for a workload that must keep serving, roll it instead)`,
    });
  }
  for (const p of pods.filter((p) => !p.ownerKind)) {
    // A bare pod has no controller to make it again: the same spec is sent back after the delete.
    steps.push({
      step: 'pod.replace',
      data: { namespace: shq(p.namespace), pod: shq(p.name) },
      text: `Make the bare pod ${p.namespace}/${p.name} anew from its own spec, so that its veth takes MTU ${mtu}`,
    });
  }
  if (!pods.length) steps.push(`Re-create the pods on the nodes whose veths are above MTU ${mtu}: a pod keeps its veth MTU until it is made anew`);
  return steps;
}

/**
 * Pods on the pod network of nodes where the evidence shows a cni0 port above `mtu`: every such pod
 * there (a veth is not tied to its pod in the node evidence, and they were all made with one MTU).
 */
function podsWithBigVeths(evidence: Readonly<Evidence>, mtu: number): PodInfo[] {
  const nodes = Object.values(evidence.nodes)
    .filter((n) => vxlanLink(n) && n.links.some((l) => l.master === 'cni0' && (l.mtu ?? 0) > mtu))
    .map((n) => n.name);
  return (evidence.cluster?.pods ?? []).filter((p) => p.nodeName && nodes.includes(p.nodeName) && !p.hostNetwork && p.phase !== 'Succeeded' && p.phase !== 'Failed');
}

/** The smallest underlay MTU of any node running VXLAN: one flannel MTU must fit every path. */
export function smallestUnderlay(evidence: Readonly<Evidence>): number {
  let min = Infinity;
  for (const n of Object.values(evidence.nodes)) {
    const vx = vxlanLink(n);
    const u = vx && underlay(n, vx);
    if (u?.mtu) min = Math.min(min, u.mtu);
  }
  return Number.isFinite(min) ? min : 1500;
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // a bad net-conf.json is the config rule's finding
  }
}
