import type { FixStepSource } from '../../catalog/fix-types.js';
import type { NodeEvidence } from '../../evidence/node.js';
/**
 * Fix steps that depend on the node's container runtime (facts §5): containerd reads
 * /etc/containerd/certs.d/<host>/hosts.toml, Docker reads /etc/docker/daemon.json and
 * /etc/docker/certs.d. A Docker-only fix on a containerd node does nothing, so it is never offered there.
 */

export type Runtime = 'containerd' | 'docker' | 'cri-o';

/** `containerd://1.7.2` → containerd; undefined when unknown. */
export function runtimeOf(containerRuntimeVersion: string | undefined): Runtime | undefined {
  const scheme = /^([a-z-]+):\/\//.exec(containerRuntimeVersion ?? '')?.[1];
  if (scheme === 'containerd' || scheme === 'docker' || scheme === 'cri-o') return scheme;
  return undefined;
}

const certsDir = (host: string) => `/etc/containerd/certs.d/${host}`;

/**
 * Runtime-specific steps for the causes whose fix lives in runtime configuration; undefined means
 * "use the catalog's fix" (DNS, timeouts, server errors do not depend on the runtime).
 */
export function runtimeFix(cause: string, runtime: Runtime | undefined, host: string): string[] | undefined {
  const dir = certsDir(host);
  const configPathNote =
    'Make sure containerd reads that directory: in /etc/containerd/config.toml set config_path = "/etc/containerd/certs.d" under [plugins."io.containerd.grpc.v1.cri".registry] (containerd 1.x) or [plugins."io.containerd.cri.v1.images".registry] (2.x), and restart containerd once; later hosts.toml edits need no restart.';
  switch (cause) {
    case 'registry.tls-untrusted':
      if (runtime === 'containerd')
        return [
          `Copy the CA certificate that signed ${host}'s certificate to ${dir}/ca.crt on every node that pulls from it.`,
          `Write ${dir}/hosts.toml:\n  server = "https://${host}"\n  [host."https://${host}"]\n    capabilities = ["pull", "resolve"]\n    ca = "${dir}/ca.crt"`,
          configPathNote,
          `Or add the CA to the node's system trust store (update-ca-certificates) and restart containerd.`,
        ];
      if (runtime === 'docker')
        return [
          `Copy the CA certificate to /etc/docker/certs.d/${host}/ca.crt on every node (no restart needed).`,
          `Or add the CA to the system trust store and restart dockerd.`,
        ];
      if (runtime === 'cri-o') return [`Add the CA certificate to /etc/containers/certs.d/${host}/ca.crt on every node.`];
      return undefined;
    case 'registry.http-to-https':
      if (runtime === 'containerd')
        return [
          `${host} speaks plain HTTP; tell containerd so in ${dir}/hosts.toml:\n  server = "http://${host}"\n  [host."http://${host}"]\n    capabilities = ["pull", "resolve"]`,
          configPathNote,
          `Better: serve the registry over HTTPS with a certificate the nodes trust.`,
        ];
      if (runtime === 'docker')
        return [`Add "${host}" to "insecure-registries" in /etc/docker/daemon.json on every node and restart dockerd.`, `Better: serve the registry over HTTPS.`];
      if (runtime === 'cri-o') return [`Mark ${host} insecure = true in /etc/containers/registries.conf ([[registry]] location = "${host}") and restart CRI-O.`];
      return undefined;
    case 'registry.mirror-misconfigured':
      if (runtime === 'containerd')
        return [
          `This node runs containerd: /etc/docker/daemon.json "registry-mirrors" has no effect on its pulls.`,
          `Configure the mirror in ${dir}/hosts.toml (for Docker Hub: /etc/containerd/certs.d/docker.io/hosts.toml) with server = "https://${host === 'docker.io' ? 'registry-1.docker.io' : host}" and a [host."https://<mirror>"] table with capabilities = ["pull", "resolve"]; check the mirror answers GET /v2/ from the node.`,
          configPathNote,
        ];
      if (runtime === 'docker')
        return [
          `Docker's "registry-mirrors" only mirror Docker Hub and must be the mirror's root URL (no path); check /etc/docker/daemon.json and that the mirror answers GET /v2/ from the node, then restart dockerd.`,
        ];
      return undefined;
    default:
      return undefined;
  }
}

const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/;

/**
 * registry.http-to-https on a containerd node whose config_path the evidence shows: the exact
 * change to the hosts.toml containerd reads for that registry. An existing file keeps everything
 * but the scheme of this host's URLs; a missing one is written with the plain-HTTP server. containerd
 * reads hosts.toml on every pull, so no restart. Undefined when the evidence does not say where
 * containerd looks (the text steps of runtimeFix then apply).
 */
export function plainHttpFix(host: string, node: Readonly<NodeEvidence> | undefined): FixStepSource[] | undefined {
  const dir = node?.containerd?.configPath?.split(':')[0];
  if (!dir || !/^\/[A-Za-z0-9_./-]+$/.test(dir) || !HOST.test(host)) return undefined;
  const hostsDir = dir.replace(/\/+$/, '');
  const file = `${hostsDir}/${host}/hosts.toml`;
  const existing = node!.registryHosts.some((h) => h.file === file);
  const better = 'Better: serve the registry over HTTPS with a certificate the nodes trust, and drop the http:// entry';
  const data = { hostsDir, registry: host, node: node!.name };
  if (existing) {
    return [
      {
        step: 'containerd.hosts-http',
        data: { ...data, registryPattern: host.replace(/\./g, '\\.') },
        text: `{registry} speaks plain HTTP: on {node}, make ${file} name http://{registry} where it says https:// (every other setting kept; containerd reads it on the next pull)`,
      },
      better,
    ];
  }
  return [
    { step: 'containerd.hosts-http-new', data, text: `{registry} speaks plain HTTP: on {node}, write ${file} with the http:// server (containerd reads it on the next pull)` },
    better,
  ];
}
