import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** Registry error codes as go-containerregistry prints them ("CODE: message; detail") that no other signature reads. */
export const GGCR_CODE_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.code-unavailable',
    cause: 'registry.server-error',
    // distribution's errcode UNAVAILABLE ("service unavailable", HTTP 503): the registry is up enough to answer but
    // says it cannot serve (read-only or maintenance mode, a storage back end or an upstream of a pull-through cache
    // down). go-containerregistry counts it as temporary and retries before printing it.
    re: /\bunavailable: service unavailable\b/,
    anchors: ['unavailable: service unavailable'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the registry\'s own health and log (its /v2/ endpoint, and for a pull-through cache or mirror its upstream): a 503 with this code comes from the registry application, not from the network in front of it',
    source: 'go-containerregistry pkg/v1/remote/transport/error.go (UnavailableErrorCode, Diagnostic.String "%s: %s"); distribution registry/api/errcode ErrorCodeUnavailable',
    samples: [
      'GET https://mcr.microsoft.com/v2/dotnet/aspnet/manifests/8.0: UNAVAILABLE: service unavailable; map[]',
      'error building image: error building stage: failed to get filesystem from image: GET https://harbor.acme.io/v2/library/alpine/manifests/3.20: UNAVAILABLE: service unavailable',
    ],
    counterSamples: ['GET https://harbor.acme.io/v2/library/alpine/manifests/3.20: UNKNOWN: unknown error; map[]'],
  }),
  sig({
    id: 'registry.code-unknown',
    cause: 'registry.server-error',
    // distribution's errcode UNKNOWN ("unknown error", HTTP 500) as go-containerregistry prints it after the request:
    // the registry application failed the request itself (its storage driver, a backend, a bug); the detail after
    // the semicolon is the registry's own. A full disk or a named storage driver keep their more specific signatures.
    re: /\b(get|head|post|put|patch) https?:\/\/[^\s"]+\/v2\/[^\s"]*: unknown: unknown error\b/,
    anchors: [': unknown: unknown error'],
    confidence: 0.8,
    specificity: 85,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the registry\'s own log for the same request (and its storage back end): an UNKNOWN code with HTTP 500 is the registry failing, not the network in front of it',
    source: 'go-containerregistry pkg/v1/remote/transport/error.go (Diagnostic.String "%s: %s; %v"); distribution registry/api/errcode ErrorCodeUnknown (HTTP 500); read with Trivy v0.74.0 (--image-src remote) against a stand-in answering 500 with that code',
    samples: [
      '* remote error: GET https://faults.fd.test:5008/v2/r500/app/manifests/1.0: UNKNOWN: unknown error; storage backend unavailable',
      'GET https://harbor.acme.io/v2/library/alpine/manifests/3.20: UNKNOWN: unknown error; map[]',
    ],
    counterSamples: ['GET https://harbor.acme.io/v2/library/alpine/manifests/3.20: MANIFEST_UNKNOWN: manifest unknown; map[Tag:3.20]', 'unknown: unknown error'],
  }),
];
