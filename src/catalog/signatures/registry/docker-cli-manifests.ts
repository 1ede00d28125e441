import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The docker CLI's own registry client (docker manifest inspect, create and push; internal/registryclient), which
 * talks to the registry without dockerd. Read from docker 28.2.2 against the CNCF distribution registry 3.1.2 with the
 * faults built on purpose (issue 13).
 */
export const DOCKER_CLI_MANIFEST_SIGNATURES: Signature[] = [
  sig({
    id: 'docker.cli-no-such-manifest',
    cause: 'unknown',
    // The CLI walks the registry's endpoints (https, then http) and returns "no such manifest: <ref>" once none gave the
    // manifest. A manifest the registry does not have ends the walk that way, but so do endpoints it skipped: an
    // https endpoint that got "server gave HTTP response to HTTPS client" (a plain-HTTP registry) is passed over, and
    // the http one is skipped without --insecure, so a registry that speaks only HTTP reads as a missing image. The
    // local manifest-list store says "No such manifest: <ref>" too, for a list never created with docker manifest create,
    // and threads show older CLIs saying it of images that exist, whose manifest type (an OCI index) they could not
    // read. The text names none of these: the check does.
    re: /\bno such manifest: [a-z0-9][\w.-]*(:\d+)?\/[^\s]+/,
    anchors: ['no such manifest: '],
    confidence: 0.45,
    specificity: 82,
    alternatives: ['image.not-found', 'registry.http-to-https'],
    check: 'docker manifest inspect --insecure <ref> (and curl -v https://<registry>/v2/): if it then answers, the registry speaks plain HTTP and the CLI skipped it; if curl shows the registry over https, list the tags (curl https://<registry>/v2/<repo>/tags/list) — the tag or digest is not there, or it is there and the CLI cannot read its manifest type (curl -sI -H "Accept: application/vnd.oci.image.index.v1+json" the manifest URL; a newer docker CLI reads it); after docker manifest annotate or push, docker manifest create must have made the list first',
    source: 'docker/cli internal/registryclient fetcher.go iterateEndpoints (notFoundError "no such manifest: %s" after skipping httpProtoError and non-TLS endpoints); cli/manifest/store ("No such manifest: %s")',
    samples: [
      'no such manifest: registry.lab:5000/lab/app:nope',
      'no such manifest: registry.lab:5002/lab/app:1',
      'No such manifest: registry.lab:5000/lab/multi:1',
    ],
    counterSamples: [
      'Error response from daemon: manifest for registry.lab:5000/lab/app:nope not found: manifest unknown: manifest unknown',
      'Error: No such image: registry.lab:5000/lab/app:1',
    ],
  }),
];
