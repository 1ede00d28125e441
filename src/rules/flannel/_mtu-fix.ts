import type { FixStepSource } from '../../catalog/fix-types.js';
import type { Evidence } from '../../evidence/types.js';
import { flannelConfigMap } from '../../evidence/flannel-objects.js';
import { lookup } from '../_peers.js';
import { netConfSteps } from './_net-conf-fix.js';

/** VXLAN over IPv4: outer IP 20 + UDP 8 + VXLAN 8 + inner Ethernet 14 (facts §2.1). */
export const VXLAN_OVERHEAD = 50;

/**
 * The MTU fix, computed: `mtu` (the smallest underlay MTU minus the backend's overhead) written
 * into net-conf.json Backend.MTU of flannel's ConfigMap as an exact merge patch (the rest of the
 * file kept, the stored text verified), then flannel restarted on every node. Without the ConfigMap in the evidence (k3s,
 * node-only evidence) the value is given and the change is left to the operator.
 */
export function mtuFix(evidence: Readonly<Evidence>, mtu: number, why: string): FixStepSource[] {
  const recreate = 'Re-create the pods afterwards: a pod keeps its veth MTU until it is re-created';
  const cm = evidence.cluster ? flannelConfigMap(evidence.cluster) : undefined;
  const root = parseObject(cm?.data['net-conf.json']);
  if (!cm || !root) return [`Set "MTU": ${mtu} in net-conf.json Backend (${why}), or raise the underlay MTU; then restart flannel on every node`, recreate];
  const backendKey = Object.keys(root).find((k) => k.toLowerCase() === 'backend') ?? 'Backend';
  const backend = { ...((lookup(root, 'backend') as Record<string, unknown> | undefined) ?? {}) };
  const mtuKey = Object.keys(backend).find((k) => k.toLowerCase() === 'mtu') ?? 'MTU';
  backend[mtuKey] = mtu;
  const text = JSON.stringify({ ...root, [backendKey]: backend }, null, 2) + '\n';
  const steps = netConfSteps(cm, text, `Set ${mtuKey} ${mtu} (${why})`, 'Restart flannel on every node so that it takes the new MTU');
  if (!steps) return [`Set "MTU": ${mtu} in net-conf.json Backend of ConfigMap ${cm.namespace}/${cm.name} (${why}); then restart flannel on every node`, recreate];
  return [...steps, recreate];
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
