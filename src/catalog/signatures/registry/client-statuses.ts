import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Registry clients other than containerd's and Docker's reporting the status a registry answered: older
 * containers/image (CRI-O, skopeo, podman before v1), the docker-registry-client library that Flux v1 and other
 * image automation used, and a registry's own notice that it is shut down.
 */
export const CLIENT_STATUS_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.redirect-without-location',
    cause: 'registry.server-error',
    // Go's HTTP client following a registry's or its blob CDN's redirect: a 301/302/307/308 with no Location header
    // is a reply the server (or its CDN edge) got wrong, and the pull of that layer or config stops on it.
    re: /(?:pulling image configuration|blobs?\/|manifests?\/|\/v2\/)[^\n]{0,600}\b30[1278] response missing location header/,
    anchors: ['response missing location header'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    check: 'curl -sv -o /dev/null the URL in the message from this node and from another network: a redirect without Location everywhere is the registry\'s or CDN\'s fault (retry later, or pull through a mirror); only from here, a proxy or mirror in between rewrote it',
    source: 'Go net/http Client redirect handling ("%d response missing Location header") under registry clients (Docker Engine, containerd)',
    samples: [
      'error pulling image configuration: Get "https://cdn.registry.example/registry-v2/docker/registry/v2/blobs/sha256/4f/4f1b/data?expires=1700000000": 301 response missing Location header',
      'failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://registry.example/v2/team/app/blobs/sha256:9c2e": 307 response missing Location header',
    ],
    counterSamples: ['Get "https://app.example/login": 302 response missing Location header'],
  }),
  sig({
    id: 'registry.cimage-blob-status-5xx',
    cause: 'registry.server-error',
    // containers/image (2017-2018): "Invalid status code returned when fetching blob %d", the registry's own status.
    re: /invalid status code returned when fetching blob 5\d\d/,
    anchors: ['invalid status code returned when fetching blob'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    check: 'the registry\'s status page and the same blob URL with curl -v from another network: a 5xx everywhere is the registry; only from this node, a proxy or mirror in between',
    source: 'containers/image docker/docker_image_src.go (2018: "Invalid status code returned when fetching blob %d")',
    samples: [
      'pulling image failed: rpc error: code = Unknown desc = Error reading blob sha256:4f4f: Invalid status code returned when fetching blob 502',
      'level=debug msg="error pulling image quay.io/app/web: Error reading blob sha256:9b2c: Invalid status code returned when fetching blob 503"',
    ],
    counterSamples: ['Error reading blob sha256:9b2c: Invalid status code returned when fetching blob 401'],
  }),
  sig({
    id: 'registry.heroku-client-status-5xx',
    cause: 'registry.server-error',
    // github.com/heroku/docker-registry-client: "http: non-successful response (status=%v body=%q)".
    re: /http: non-successful response \(status=5\d\d\b/,
    anchors: ['non-successful response (status=5'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['registry.proxy'],
    check: 'the registry\'s status page and the same URL with curl -v: a 5xx page from the registry itself is its outage; one only from this cluster is a proxy in between',
    source: 'heroku/docker-registry-client registry/errors.go (HttpStatusError)',
    samples: [
      'err="fetching image metadata for acme/queue: Get https://index.docker.io/v2/acme/queue/tags/list: http: non-successful response (status=500 body=\\"<html><body><h1>500 Server Error</h1>\\")"',
      'Get https://quay.io/v2/org/app/manifests/1.2: http: non-successful response (status=503 body="")',
    ],
    counterSamples: ['Get https://index.docker.io/v2/acme/queue/tags/list: http: non-successful response (status=401 body="")'],
  }),
  sig({
    id: 'registry.gcr-shut-down',
    cause: 'image.not-found',
    // Container Registry (gcr.io) answers 412 once a project's registry is shut down: the images are no longer served
    // at that name; they live (if migrated) in Artifact Registry under another reference.
    re: /container registry is deprecated and shutting down/,
    anchors: ['container registry is deprecated and shutting down'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['image.auth-rejected'],
    check: 'whether the project was migrated to Artifact Registry (gcloud artifacts docker upgrade status): pull from the new <region>-docker.pkg.dev reference, or from registry.k8s.io for Kubernetes images',
    source: 'Google Container Registry shutdown (412 Precondition Failed body)',
    samples: [
      'GET https://gcr.io/v2/token?scope=repository%3Aacme%2Fweb%3Apull&service=gcr.io: unexpected status code 412 Precondition Failed: Container Registry is deprecated and shutting down, please use the auto migration tool to migrate to Artifact Registry',
      'Failed to pull image "gcr.io/acme/web:1": failed to resolve reference: unexpected status from HEAD request: 412 Precondition Failed: Container Registry is deprecated and shutting down',
    ],
    counterSamples: ['unexpected status code 412 Precondition Failed'],
  }),
];
