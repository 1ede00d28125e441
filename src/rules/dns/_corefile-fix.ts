import { isIP } from 'node:net';
import type { FixStepRef } from '../../catalog/fix-types.js';
import type { ClusterEvidence } from '../../evidence/cluster.js';
import { shq } from '../../fix/shell.js';
import { isLoopback } from '../_cidr.js';

const FROM_NODE_FILE = /^(\s*)(forward|proxy)(\s+\.\s+)\/etc\/resolv\.conf(?=\s|\{|$)/gm;

/** The Corefile with every `forward . /etc/resolv.conf` (or old `proxy`) sent to these servers instead; undefined when it has none. */
export function forwardingTo(corefile: string, servers: readonly string[]): string | undefined {
  const out = corefile.replace(FROM_NODE_FILE, (_m, indent: string, _plugin: string, gap: string) => `${indent}forward${gap}${servers.join(' ')}`);
  return out === corefile ? undefined : out;
}

/** The real upstream servers a node file lists: IP literals that are not loopback (a stub's own address is no upstream). */
export function realUpstreams(nameservers: readonly string[]): string[] {
  return nameservers.filter((n) => isIP(n) !== 0 && !isLoopback(n));
}

/** The CoreDNS Deployment's name in kube-system, as deployed (kubeadm's `coredns`; some distributions name it otherwise). */
export function corednsDeployment(cluster: Readonly<ClusterEvidence>): string | undefined {
  return cluster.workloads.find((w) => w.kind === 'Deployment' && w.namespace === 'kube-system' && (w.name === 'coredns' || w.labels['k8s-app'] === 'kube-dns'))?.name;
}

/**
 * CoreDNS sent straight to the real upstream servers (written into its ConfigMap, checked against the
 * text written) and restarted so that it reads them. Undefined when the Corefile, the servers or the
 * Deployment are not known from the evidence.
 */
export function forwardSteps(cluster: Readonly<ClusterEvidence>, servers: readonly string[], why: string): FixStepRef[] | undefined {
  const corefile = cluster.configMaps.find((c) => c.namespace === 'kube-system' && c.name === 'coredns')?.data.Corefile;
  const deployment = corednsDeployment(cluster);
  const next = corefile && servers.length ? forwardingTo(corefile, servers) : undefined;
  if (!next || !deployment) return undefined;
  return [
    { step: 'coredns.corefile', data: { change: `Forward to ${servers.join(' ')} ${why}`, patch: shq(JSON.stringify({ data: { Corefile: next } })), corefile: shq(next.replace(/\n+$/, '')) } },
    { step: 'coredns.rollout-restart', data: { corednsDeployment: deployment } },
  ];
}
