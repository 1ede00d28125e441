import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * registries.conf [[registry]] entries whose prefix and location rewrite a reference (containers/image
 * sysregistriesv2, as podman, buildah, skopeo and CRI-O read it), read from real runs of Debian's podman 4.3,
 * buildah 1.28 and skopeo 1.9 against a distribution registry: a rewrite that yields no valid reference, and a
 * rewrite to a repository the registry does not hold.
 */
export const REGISTRIES_CONF_REWRITE_SIGNATURES: Signature[] = [
  sig({
    id: 'containers-registries.rewrite-invalid',
    cause: 'registry.mirror-misconfigured',
    // The image's reference was valid; the [[registry]] entry that matched it (a wildcard prefix "*.example.com" with
    // a location, a location that is not host[:port][/path]) rewrote it into something that does not parse. The
    // reference the user typed is not the question (a bare "invalid reference format" is): the node's
    // registries.conf or a drop-in is.
    re: /rewriting reference: invalid reference format/,
    anchors: ['rewriting reference'],
    confidence: 0.8,
    specificity: 96,
    alternatives: ['image.invalid-reference'],
    check: 'grep -rn -A3 "\\[\\[registry\\]\\]" /etc/containers/registries.conf /etc/containers/registries.conf.d/: the entry whose prefix covers the image; a wildcard prefix ("*.example.com") may not carry a location, and a location must be host[:port][/path] without a scheme',
    source: 'containers/image pkg/sysregistriesv2 Endpoint.rewriteReference ("rewriting reference: %w") under docker.newImageSource',
    samples: [
      'Trying to pull reg.lab.test:5443/lab/app:1.0...\nError: initializing source docker://reg.lab.test:5443/lab/app:1.0: rewriting reference: invalid reference format',
      'time="2026-12-07T06:18:29Z" level=fatal msg="Error parsing image name \\"docker://reg.lab.test:5443/lab/app:1.0\\": rewriting reference: invalid reference format"',
    ],
    counterSamples: [
      'Error: invalid reference format',
      'time="2026-12-07T06:19:43Z" level=fatal msg="Error parsing image name \\"docker://reg.lab.test:5443/Lab/App:1.0\\": invalid reference format: repository name must be lowercase"',
    ],
  }),
  sig({
    id: 'containers-registries.rewritten-manifest-unknown',
    cause: 'unknown',
    // The source names one repository and the manifest was read from another: a [[registry]] prefix/location in
    // registries.conf rewrote it (containers/image prints the image asked for, then the repository it asked the
    // registry for). The registry lacks the rewritten repository: either the location is wrong (the mirror or
    // redirect holds the images under another path) or the image is missing there too. Docker Hub's familiar names
    // ("docker://alpine" read as docker.io/library/alpine) are not a rewrite, hence a host with a dot or a port.
    re: /(?:initializing source |Error parsing image name \\?")docker:\/\/((?:[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?|[a-z0-9-]+:\d+)\/[a-z0-9._\/-]+)(?::[\w.-]+|@sha256:[0-9a-f]{64})(?:\\?")?: reading manifest \S+ in (?!\1: )[a-z0-9.-]+(?::\d+)?\/[a-z0-9._\/-]+: manifest unknown/,
    anchors: ['reading manifest'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured', 'image.not-found'],
    check: 'podman pull --log-level=debug <image> 2>&1 | grep -i "trying to access\\|rewrit": the repository it asks for, then grep -rn -B2 -A3 "<prefix>" /etc/containers/registries.conf /etc/containers/registries.conf.d/ for the location that produced it; skopeo inspect docker://<rewritten repository>:<tag> tells whether that path exists',
    source: 'containers/image docker/docker_image_src.go (newImageSource reads from the pull source a registries.conf rewrite chose: "reading manifest %s in %s")',
    samples: [
      'Trying to pull reg.lab.test:5443/lab/app:1.0...\nError: initializing source docker://reg.lab.test:5443/lab/app:1.0: reading manifest 1.0 in reg.lab.test:5443/elsewhere/app: manifest unknown: manifest unknown',
      'time="2026-12-07T06:18:30Z" level=fatal msg="Error parsing image name \\"docker://reg.lab.test:5443/lab/app:1.0\\": reading manifest 1.0 in reg.lab.test:5443/elsewhere/app: manifest unknown: manifest unknown"',
      'Error: initializing source docker://quay.io/acme/api:2.1: reading manifest 2.1 in mirror.corp.example:5000/quay/acme/api: manifest unknown: manifest unknown',
    ],
    counterSamples: [
      'Error: initializing source docker://reg.lab.test:5443/lab/app:9.9: reading manifest 9.9 in reg.lab.test:5443/lab/app: manifest unknown: manifest unknown',
      'Error: initializing source docker://alpine:3.99: reading manifest 3.99 in docker.io/library/alpine: manifest unknown',
    ],
  }),
];
