import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A blob upload that starts and then goes astray: the registry answers POST /v2/<name>/blobs/uploads/ with a
 * Location for the upload session, and the client sends the layer (PATCH, PUT) to that URL. The registry builds the
 * URL from the request it saw: behind a reverse proxy that does not pass Host and X-Forwarded-Proto (nginx without
 * proxy_set_header Host $http_host / X-Forwarded-Proto $scheme), or with the registry's http.host set wrong, the
 * Location names the upstream's name, its port or plain http. The POST reached the registry, so the failure of the
 * session URL alone is not the registry being down or unresolvable. Read from skopeo 1.9.3, crane 0.22.1 and helm
 * 4.3.2 pushing through Debian's nginx 1.22.1 to distribution v3.1.2 with each header left out (issue 13).
 */
const CHECK =
  'the Location of the upload session: curl -si -X POST https://<registry>/v2/<repo>/blobs/uploads/ (with the push credentials) must name the scheme, host and port clients use; behind a reverse proxy pass the client\'s Host and scheme (nginx: proxy_set_header Host $http_host; proxy_set_header X-Forwarded-Proto $scheme; haproxy: http-request set-header X-Forwarded-Proto https) or set the registry\'s http.host to its public URL';

export const UPLOAD_LOCATION_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.upload-session-url-unreachable',
    cause: 'unknown',
    // The session URL (/blobs/uploads/<id>) cannot be dialled or resolved while the POST that returned it could:
    // the URL names another scheme, host or port than the one the client was given.
    re: /\b(?:patch|put) \\?"https?:\/\/[^"\s\\]+\/v2\/[^"\s\\]+\/blobs\/uploads\/[\w-]{8,}[^"\s\\]*\\?": dial tcp(?: [\d.:[\]a-f]+)?: (?:connect: connection refused|lookup [^\s:"\\]+(?: on [\w.:[\]%-]+)?: (?:no such host|server misbehaving))/,
    anchors: ['/blobs/uploads/'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['registry.connection-refused', 'registry.dns'],
    check: CHECK,
    source: 'distribution v3 registry/api/v2 urls.go NewURLBuilderFromRequest (X-Forwarded-Proto, X-Forwarded-Host, Host) for the upload Location; Go net/http url.Error "%s %q: %s" in go-containerregistry and containers/image',
    samples: [
      'time="2026-12-07T06:33:00Z" level=fatal msg="writing blob: Patch \\"https://docker-registry/v2/lab/s-nohost/blobs/uploads/01a24f34-a5f2-712c-833c-d51ac7201a32?_state=OGMYWouE7T464681GDWNjhTaqpiFhw823RIedGWBmNl7\\": dial tcp: lookup docker-registry on 127.0.0.1:53: server misbehaving"',
      'Error: pushing image registry.lab/lab/c-nohost-port:1: Patch "https://registry.lab:5000/v2/lab/c-nohost-port/blobs/uploads/01a24f34-af44-7698-a912-7be4d5ccf072?_state=XM_enjFMyrJT6gqVFa6cbb0X1KHJ": dial tcp 10.0.0.10:5000: connect: connection refused',
      'time="2026-12-07T06:32:49Z" level=fatal msg="writing blob: Patch \\"http://registry.lab/v2/lab/s-noxfp-closed80/blobs/uploads/01a24f34-7e1d-782f-9ae0-38f0bbf347ae?_state=N72srLmEgYu31WZMuXND8egpHwQM7szW\\": dial tcp 10.0.0.10:80: connect: connection refused"',
    ],
    counterSamples: [
      'Error: pushing image registry.lab/lab/app:1: POST https://registry.lab/v2/lab/app/blobs/uploads/: dial tcp 10.0.0.10:443: connect: connection refused',
      'Error: GET https://registry.lab/v2/: dial tcp: lookup registry.lab on 127.0.0.1:53: no such host',
    ],
  }),
  sig({
    id: 'registry.upload-location-other-host',
    cause: 'unknown',
    // oras-go (helm push, oras push) refuses outright to follow an upload Location whose host:port differs from the
    // registry's: the same proxy header fault that sends other clients to a wrong host. A Location with http://
    // for an https registry shows the same two names ("registry.lab" and "registry.lab"): the scheme differs.
    re: /blob upload location \\?"[^"\s\\]*\\?" is on a different host than the registry/,
    anchors: ['is on a different host than the registry'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['registry.mirror-misconfigured'],
    check: CHECK,
    source: 'oras-go v2 registry/remote repository.go blobStore.Push ("blob upload Location %q is on a different host than the registry %q") inside Helm ("failed to perform \\"Push\\" on destination: %w")',
    samples: [
      'Error: failed to perform "Push" on destination: blob upload Location "docker-registry" is on a different host than the registry "registry.lab"',
      'Error: failed to perform "Push" on destination: blob upload Location "registry.lab:5000" is on a different host than the registry "registry.lab"',
      'Error: failed to perform "Push" on destination: blob upload Location "registry.lab" is on a different host than the registry "registry.lab"',
    ],
    counterSamples: ['Error: failed to perform "Push" on destination: POST "https://registry.lab/v2/charts/web/blobs/uploads/": response status code 404: Not Found'],
  }),
  sig({
    id: 'registry.upload-patch-redirected',
    cause: 'unknown',
    // containers/image (skopeo, podman, buildah) sending the layer to an http:// session URL that a proxy's port 80
    // redirects to https: Go's client follows a 301 for a PATCH as a GET without the body, and the registry answers
    // a GET of an upload session with 204 No Content (its status) instead of 202 Accepted.
    re: /uploading layer (?:chunked )?to http:\/\/[^\s"\\]+\/blobs\/uploads\/[^\s"\\]*:? received unexpected http status: 204 no content/,
    anchors: ['received unexpected http status: 204'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['registry.http-to-https'],
    check: CHECK,
    source: 'containers/image docker/docker_image_dest.go uploadLayerChunked/PutBlob ("uploading layer to %s: %w", "received unexpected HTTP status: %s"); distribution GetUploadStatus answers 204',
    samples: [
      'time="2026-12-07T06:32:53Z" level=fatal msg="writing blob: uploading layer to http://registry.lab/v2/lab/s-noxfp-redirect80/blobs/uploads/01a24f34-8a53-7d04-a332-6bff38a09094?_state=FWPQoSk_T_IQuDGRlh_s6Ny8fyHdtIi: received unexpected HTTP status: 204 No Content"',
      'Error: writing blob: uploading layer to http://registry.corp.example/v2/team/app/blobs/uploads/5b1c6a3e-0d57-4b8e-9f55-0c1d2e3f4a5b?_state=abc: received unexpected HTTP status: 204 No Content',
    ],
    counterSamples: ['time="2026-12-07T06:34:17Z" level=fatal msg="writing blob: uploading layer chunked: received unexpected HTTP status: 500 Internal Server Error"'],
  }),
];
