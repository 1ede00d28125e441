import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The files buildkitd.toml names for a registry host ([registry."<host>"] ca = […], [[registry."<host>".keypair]]):
 * BuildKit reads them each time it builds that host's TLS config, at the first pull or push, not at start, so a wrong
 * path shows as a build failure before any connection to the registry.
 */
export const BUILDKITD_REGISTRY_FILE_SIGNATURES: Signature[] = [
  sig({
    id: 'buildkit.registry-ca-unreadable',
    cause: 'registry.mirror-misconfigured',
    // util/resolver/resolver.go loadTLSConfig wraps the read of each ca path as "failed to read <path>" around the
    // os error, which repeats the path after "open". No TLS exchange has happened: the registry host's configuration
    // in buildkitd.toml is what is wrong (as for containerd's hosts.toml ca), and the registry stays untrusted until
    // the CA file is where it says.
    re: /failed to read ([^\s:]+\.(crt|pem|cert|ca)): open \1: (no such file or directory|permission denied|is a directory)/,
    anchors: ['failed to read '],
    also: ['.crt: open', '.pem: open', '.cert: open', '.ca: open'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['registry.tls-untrusted'],
    check: 'the ca = list of [registry."<host>"] in buildkitd.toml (/etc/buildkit/buildkitd.toml, or the --config / buildx --buildkitd-config file; in a docker-container builder the path is inside the builder container): the file must exist there, readable, in PEM',
    source: 'moby/buildkit util/resolver/resolver.go (loadTLSConfig: errors.Wrapf(err, "failed to read %s", p)), printed by the load metadata step and buildctl/buildx',
    samples: [
      '#2 ERROR: failed to read /tmp/fd/rbuildkit-scratch/lab/pki/missing-ca.crt: open /tmp/fd/rbuildkit-scratch/lab/pki/missing-ca.crt: no such file or directory',
      'error: failed to solve: reg.bk:5000/base/bb:1: failed to resolve source metadata for reg.bk:5000/base/bb:1: failed to read /tmp/fd/rbuildkit-scratch/lab/pki/missing-ca.crt: open /tmp/fd/rbuildkit-scratch/lab/pki/missing-ca.crt: no such file or directory',
    ],
    counterSamples: [
      'failed to read dockerfile: open Dockerfile: no such file or directory',
      'failed to read /etc/buildkit/certs/ca.crt: open /etc/buildkit/other.crt: no such file or directory',
    ],
  }),
];
