/**
 * The cluster's add-ons, applied through the real API server as a user would: the real kube-flannel
 * manifest (its images mirrored into the lab's system registry, as an air-gapped cluster does) and
 * CoreDNS in kubeadm's shape. Nothing here writes a status: the DaemonSet and Deployment controllers,
 * the scheduler and the kubelets do the rest.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LabHandle } from '../types.js';
import { CLUSTER_DOMAIN, DNS_SERVICE_IP } from '../plan.js';
import { kubectl } from './control-plane.js';
import { packageRoot } from '../package-root.js';

// From the package root, not this file: the CLI runs this code bundled into dist/.
const manifests = () => path.join(packageRoot(), 'lab', 'cluster', 'manifests');
export const FLANNEL_MANIFEST = 'kube-flannel-v0.28.9.yml';
export const COREDNS_MANIFEST = 'coredns.yaml';

/** The upstream registry prefix of the manifest's images, and where the lab mirrors them. */
const UPSTREAM_FLANNEL = 'ghcr.io/flannel-io/';

export function flannelManifest(systemRegistry: string, clusterCIDR: string): string {
  const text = fs.readFileSync(path.join(manifests(), FLANNEL_MANIFEST), 'utf8');
  const mirrored = text.split(UPSTREAM_FLANNEL).join(`${systemRegistry}/flannel-io/`);
  // The manifest's net-conf Network is 10.244.0.0/16; a lab with another cluster CIDR sets its own.
  return mirrored.replace(/"Network": "10\.244\.0\.0\/16"/, `"Network": "${clusterCIDR}"`);
}

export function corednsManifest(image: string, replicas: number, dnsIP = DNS_SERVICE_IP, domain = CLUSTER_DOMAIN): string {
  const fill: Record<string, string> = { IMAGE: image, REPLICAS: String(replicas), DNS_IP: dnsIP, DOMAIN: domain };
  return fs.readFileSync(path.join(manifests(), COREDNS_MANIFEST), 'utf8').replace(/\{\{([A-Z_]+)\}\}/g, (_, k: string) => {
    if (!(k in fill)) throw new Error(`${COREDNS_MANIFEST}: unknown placeholder {{${k}}}`);
    return fill[k];
  });
}

export async function applyFlannel(lab: LabHandle, systemRegistry: string): Promise<void> {
  await kubectl(lab, ['apply', '-f', '-'], { input: flannelManifest(systemRegistry, lab.state.clusterCIDR) });
}

export async function applyCoreDns(lab: LabHandle, image: string): Promise<void> {
  await kubectl(lab, ['apply', '-f', '-'], { input: corednsManifest(image, Math.min(2, lab.state.nodes.length)) });
}

/** Waits for a rollout with kubectl's own watcher; on timeout the error carries kubectl's words. */
export async function waitRollout(lab: LabHandle, kind: string, namespace: string, name: string, timeoutS: number): Promise<void> {
  await kubectl(lab, ['-n', namespace, 'rollout', 'status', `${kind}/${name}`, `--timeout=${timeoutS}s`]);
}
