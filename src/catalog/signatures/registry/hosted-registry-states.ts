import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What a hosted registry's own state says through its clients: a registry answering 5xx to a loop of probes, a tag
 * the registry no longer has as Jib reports it, a cloud organisation policy in front of the registry. (A mirror that
 * lacks an image, mirror.gcr.io's manifest unknown, stays image.not-found with the mirror as the alternative: the
 * corpus labels it both ways.)
 */
export const HOSTED_REGISTRY_STATE_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.v2-probe-5xx',
    cause: 'registry.server-error',
    re: /https?:\/\/\S+\/v2\/\S*\s+-\s+response code: 5\d\d\b/,
    anchors: ['response code: 5'],
    confidence: 0.7,
    specificity: 88,
    check: 'the registry\'s status page or its own logs, and the same probe from another network: a 5xx from /v2/ is the registry (or a load balancer in front of it) failing, not the client',
    source: 'a probe loop of the registry\'s /v2/ endpoint printing each HTTP status',
    samples: [
      'Request #1: https://registry.k8s.io/v2/ - Response Code: 503\nRequest #2: https://registry.k8s.io/v2/ - Response Code: 503',
      'https://harbor.corp.local/v2/ - Response Code: 502',
    ],
    counterSamples: ['https://registry.k8s.io/v2/ - Response Code: 401'],
  }),
  sig({
    id: 'image.jib-manifest-404',
    cause: 'image.not-found',
    // Jib names the manifest it asked for and ends with the registry's 404 after its bug-report hint.
    re: /tried to pull image manifest for \S+ but failed because: failed to fetch [^\n]{0,300}: 404 not found/,
    anchors: ['tried to pull image manifest for'],
    confidence: 0.8,
    specificity: 91,
    check: 'the base image\'s tag in the registry (crane ls <repository> or the registry\'s UI): the tag was removed or never existed; pin an existing tag or digest in jib.from.image',
    source: 'GoogleContainerTools/jib (RegistryErrorException: "Tried to pull image manifest for … but failed because: …")',
    samples: [
      'Tried to pull image manifest for gcr.io/distroless/java-debian10:latest but failed because: Failed to fetch "latest" from request "/v2/distroless/java-debian10/manifests/latest". | If this is a bug, please file an issue at https://github.com/GoogleContainerTools/jib/issues/new: 404 Not Found',
      'Tried to pull image manifest for docker.io/library/openjdk:8-jre-alpine but failed because: Failed to fetch "8-jre-alpine" from request "/v2/library/openjdk/manifests/8-jre-alpine": 404 Not Found',
    ],
    counterSamples: ['Tried to pull image manifest for gcr.io/distroless/java17 but failed because: Unauthorized for gcr.io/distroless/java17'],
  }),
  sig({
    id: 'ambiguous.registry-org-policy',
    cause: 'unknown',
    // A cloud organisation's policy (VPC Service Controls, an allowed-registries policy) refuses the request before
    // the registry weighs any credential: the caller's network or project, not its login.
    re: /request is prohibited by organization'?s policy/,
    anchors: ["prohibited by organization's policy", 'prohibited by organizations policy'],
    confidence: 0.4,
    specificity: 92,
    alternatives: ['image.auth-rejected'],
    check: 'the organisation\'s policies for the project that pulls (gcloud access-context-manager perimeters list; the vpcServiceControlsUniqueIdentifier in the error names the denial in the audit log): the caller must be inside the perimeter or the registry\'s service allowed',
    source: 'Google Cloud VPC Service Controls on gcr.io and Artifact Registry ("denied: Request is prohibited by organization\'s policy. vpcServiceControlsUniqueIdentifier: …")',
    samples: [
      'Error response from daemon: Head "https://gcr.io/v2/cloud-sql-connectors/cloud-sql-proxy/manifests/2.1.1": denied: Request is prohibited by organization\'s policy. vpcServiceControlsUniqueIdentifier: xxx',
      'denied: Request is prohibited by organization\'s policy. vpcServiceControlsUniqueIdentifier: ABC123',
    ],
    counterSamples: ['denied: requested access to the resource is denied'],
  }),
  sig({
    id: 'registry.docker-hub-api-call-failed',
    cause: 'registry.server-error',
    // Docker Hub's own API (hub.docker.com/v2, not the registry) wraps a backend call it could not complete in its
    // error envelope: a transaction id, "<Call> failed" and errinfo naming the call. The failure is Hub's.
    re: /\\?"message\\?":\s*\\?"\w+ failed\\?",\s*\\?"errinfo\\?"/,
    anchors: ['errinfo'],
    also: [' failed'],
    confidence: 0.6,
    specificity: 85,
    alternatives: ['image.rate-limited'],
    check: 'Docker Hub\'s status page and the same call again later: a failure of Hub\'s API that persists for one repository is Hub\'s to fix (its support, with the txnid)',
    source: 'Docker Hub API error envelope ({"txnid", "message": "<call> failed", "errinfo": {"api_call_name", ...}})',
    samples: [
      '{"txnid": "REPOSREQ-0a1b", "message": "ListRepositoryTags failed", "errinfo": {"api_call_name": "ListRepositoryTags", "error": "failed to update 1 tag(s)"}}',
      '{"txnid":"REPOSREQ-77","message":"GetRepository failed","errinfo":{"api_call_name":"GetRepository"}}',
    ],
    counterSamples: ['{"txnid": "REPOSREQ-0a1b", "message": "object not found", "errinfo": {"namespace": "acme"}}'],
  }),
];
