import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * containerd 1.1–1.2's resolver, as the CRI plugin wrapped it ("failed to resolve image …: no available registry
 * endpoint: …"), and the Engine API's reference grammar errors as orchestrators relay them: texts the newer
 * wordings elsewhere in the catalog no longer print.
 */
export const CONTAINERD1_RESOLVER_SIGNATURES: Signature[] = [
  sig({
    id: 'image.containerd1-ref-not-found',
    cause: 'image.not-found',
    // The old resolver tried each endpoint and, when every one answered 404 for the manifest, reported the reference
    // itself "not found". A registry that hides a private repository behind 404 says the same, hence the check.
    re: /no available registry endpoint: (?:\S+\/)?[\w.-]+(?::[\w.-]+|@sha256:[0-9a-f]+)? not found\b/,
    anchors: ['no available registry endpoint: '],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['image.auth-missing'],
    check: 'the tag in the registry (skopeo list-tags docker://<repository>, or the registry\'s web page): a tag that is not listed does not exist; one that is listed means the registry hid a private repository behind 404 and the node needs credentials',
    source: 'containerd 1.1/1.2 remotes/docker resolver ("%s not found", errdefs.ErrNotFound) wrapped by the CRI plugin ("no available registry endpoint")',
    samples: [
      'Failed to pull image "kong-docker-kuma-docker.bintray.io/kuma-injector:0.1.0-2-ga5a27f5": rpc error: code = Unknown desc = failed to resolve image "kong-docker-kuma-docker.bintray.io/kuma-injector:0.1.0-2-ga5a27f5": no available registry endpoint: kong-docker-kuma-docker.bintray.io/kuma-injector:0.1.0-2-ga5a27f5 not found',
      'failed to resolve image "docker.io/acme/api:9.9.9": no available registry endpoint: docker.io/acme/api:9.9.9 not found',
    ],
    counterSamples: ['failed to resolve image "docker.io/library/redis:alpine": no available registry endpoint: failed to fetch oauth token: unexpected status: 429 Too Many Requests'],
  }),
  sig({
    id: 'image.engine-tag-format',
    cause: 'image.invalid-reference',
    // The reference grammar's tag rule ([\w][\w.-]{0,127}) refuses what a template left in the tag (${VAR}, a space,
    // a slash); the Docker Engine answers 400 before any registry is asked.
    re: /\binvalid tag format\b/,
    anchors: ['invalid tag format'],
    confidence: 0.85,
    specificity: 95,
    check: 'the image reference as the runtime received it (the job or pod spec after templating): a tag must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127} — an uninterpolated ${VAR}, a space or a second colon is not one',
    source: 'distribution/reference (ErrTagInvalidFormat "invalid tag format") as the Docker Engine API returns it (400)',
    samples: [
      'client.driver_mgr.docker: failed pulling container: driver=docker image_ref=envoyproxy/envoy:v${NOMAD_envoy_version} error="API error (400): invalid tag format"',
      'Error response from daemon: invalid tag format',
    ],
    counterSamples: ['Error response from daemon: invalid reference format: repository name must be lowercase'],
  }),
];
