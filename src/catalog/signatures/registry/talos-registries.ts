import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Talos' own registry resolver (machined pulls etcd and installer images, and serves `talosctl image pull`,
 * through containerd with hosts built from machine.registries). Its refusals come before any request is made,
 * so the text itself names the configuration fault.
 */
export const TALOS_REGISTRY_SIGNATURES: Signature[] = [
  sig({
    id: 'talos.tls-for-http-endpoint',
    cause: 'registry.mirror-misconfigured',
    // RegistryHosts: an endpoint from machine.registries.mirrors whose scheme is not https, while
    // machine.registries.config carries a tls block for the same host: the resolver refuses the endpoint.
    re: /tls config specified for non-https registry/,
    anchors: ['tls config specified for non-https registry'],
    confidence: 0.9,
    specificity: 95,
    check: 'talosctl get machineconfig -o yaml (machine.registries): a mirror endpoint written http:// with a tls entry for the same host under machine.registries.config; use https:// for that endpoint or drop its tls block (plain HTTP needs no tls section)',
    source: 'siderolabs/talos v1.11.0 internal/pkg/containers/image/resolver.go (RegistryHosts: "TLS config specified for non-HTTPS registry: %q"), wrapped by containerd client.Pull ("failed to resolve reference %q: %w") and image.Pull ("failed to pull image %q: %w", logged by go-retry as "retrying error: %s")',
    samples: [
      '[talos] retrying error: failed to pull image "registry.lab.internal:5000/library/etcd:v3.6.8": failed to resolve reference "registry.lab.internal:5000/library/etcd:v3.6.8": TLS config specified for non-HTTPS registry: "mirror.lab.internal:5000"',
      'error pulling image: rpc error: code = Unknown desc = failed to pull image "ghcr.io/siderolabs/installer:v1.11.0": failed to resolve reference "ghcr.io/siderolabs/installer:v1.11.0": TLS config specified for non-HTTPS registry: "10.5.0.30:5000"',
    ],
    counterSamples: ['error preparing TLS config for "mirror.lab.internal:5000": open /var/ca.crt: no such file or directory'],
  }),
];
