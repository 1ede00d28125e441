/** What containerd's CRI registry config means in effect (facts §5.1, §5.2). Pure helpers. */
import type { ContainerdConfig, NodeEvidence } from '../../evidence/node.js';
import type { Evidence } from '../../evidence/types.js';

/** Directories containerd consults for hosts.toml, or [] when it uses the legacy mirrors path. */
export function hostsDirs(c: Readonly<ContainerdConfig>): string[] {
  if (c.configPath === undefined) {
    // containerd 2.x (config version 3) defaults to certs.d when no registry options are set.
    return c.version === 3 && !Object.keys(c.mirrors).length ? ['/etc/containerd/certs.d', '/etc/docker/certs.d'] : [];
  }
  return c.configPath.split(':').map((d) => d.trim().replace(/\/+$/, '')).filter(Boolean);
}

/** Whether kubelet pulls through containerd's CRI plugin on this node. */
export function usesContainerdCri(evidence: Readonly<Evidence>, node: Readonly<NodeEvidence>): { yes: boolean; why: string } | undefined {
  const v = evidence.cluster?.nodes.find((n) => n.name === node.name)?.containerRuntimeVersion;
  if (v) return { yes: v.startsWith('containerd://'), why: `node ${node.name} status.nodeInfo.containerRuntimeVersion ${v}` };
  const c = node.containerd;
  // Docker's own containerd runs with the CRI plugin disabled and none of these set.
  if (c && (c.configPath !== undefined || c.sandboxImage || c.cniBinDir || c.cniConfDir || Object.keys(c.mirrors).length)) {
    return { yes: true, why: `node ${node.name}: ${c.file} configures the CRI plugin` };
  }
  return undefined;
}

/** "/etc/containerd/certs.d/docker.io/hosts.toml" → "/etc/containerd/certs.d". */
export function hostsRoot(file: string): string {
  const parts = file.split('/');
  return parts.slice(0, Math.max(1, parts.length - 2)).join('/') || '/';
}
