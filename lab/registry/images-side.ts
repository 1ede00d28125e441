/**
 * The images side of the lab: real registries, real DNS names for them, real images, and one real
 * containerd per node. How the core wires it in (`lab up` / `lab down`):
 *
 *   // after the underlay, the upstream DNS (state.upstreamDns + state.pids.upstreamDns) and the
 *   // node namespaces exist, and the node's /etc/netns/<ns>/resolv.conf points at the upstream DNS:
 *   lab.state.registries = await startImagesSide(lab);          // registries + DNS names + images
 *   for (const n of lab.state.nodes) await startNodeRuntime(lab, n); // writes containerd files, starts it
 *   // to show a pod's pull: put the Pod (nodeName set) into the API, then
 *   await kubeletPull(lab, ns, name);                        // real CRI pull → status + events
 *   ...
 *   await stopImagesSide(lab);   // every containerd, registry, front; namespaces; DNS block
 *
 * `containerdNodeFiles(nodeRoot, registries, { caFile })` (runtime/containerd-config.ts) is the pure
 * generator of a node's config.toml + hosts.toml files, for writing node trees. PIDs are recorded
 * in state.pids under `registry:<name>`, `containerd:<node>`, `front:<id>`; registry namespaces in
 * state.netnsCreated (so the core's generic teardown also removes them).
 */
import type { LabHandle, LabNode, LabRegistry } from '../types.js';
import { pushLabImages } from '../images/lab-images.js';
import { startRegistries, stopRegistries } from './registries.js';
import { publishRegistryNames, unpublishRegistryNames } from './registry-dns.js';
import { startRuntime, stopRuntime, writeContainerdFiles } from '../runtime/containerd.js';
import { stopAllFronts } from './fronts.js';

export async function startImagesSide(lab: LabHandle): Promise<LabRegistry[]> {
  const regs = await startRegistries(lab);
  publishRegistryNames(lab);
  await pushLabImages(lab, regs);
  return regs;
}

/** Writes the node's containerd config + hosts.toml files (healthy) and starts its containerd. */
export async function startNodeRuntime(lab: LabHandle, node: LabNode): Promise<number> {
  writeContainerdFiles(lab, node);
  return startRuntime(lab, node);
}

/** Stops everything the images side started. Safe to call after a partial start. */
export async function stopImagesSide(lab: LabHandle): Promise<void> {
  const errors: string[] = [];
  const attempt = async (what: string, f: () => Promise<void> | void) => {
    try {
      await f();
    } catch (e) {
      errors.push(`${what}: ${(e as Error).message}`);
    }
  };
  for (const n of lab.state.nodes) await attempt(`containerd ${n.name}`, () => stopRuntime(lab, n));
  await attempt('fronts', () => stopAllFronts(lab));
  await attempt('registry names', () => unpublishRegistryNames(lab));
  await attempt('registries', () => stopRegistries(lab));
  if (errors.length) throw new Error(`images side teardown incomplete:\n${errors.join('\n')}`);
}
