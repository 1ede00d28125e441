import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Registry command-line clients outside the runtimes: crane (go-containerregistry), oras and helm (oras-go v2) and
 * regctl (regclient), as they print a fault against the CNCF distribution registry. Read from the programs run
 * against that registry with each fault built on purpose (issue 13).
 */
export const OCI_CLI_CLIENT_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.distribution-storage-enospc',
    cause: 'registry.server-error',
    // The registry's own storage is full: distribution answers 500 with errcode UNKNOWN and the storage driver's
    // error as detail ("filesystem: write <root>/docker/registry/v2/...: no space left on device"). The disk is the
    // registry's, not the node's that pulls or pushes: the text names the driver and distribution's storage layout.
    re: /(unknown error(?:[;:]|\\?",\s*\\?"detail\\?":\s*\\?") ?(?:filesystem|s3aws|gcs|azure|swift|oss|inmemory): |\/docker\/registry\/v2\/)[^\n]{0,400}?(no space left on device|disk quota exceeded)/,
    anchors: ['unknown error', '/docker/registry/v2/'],
    confidence: 0.9,
    specificity: 96,
    alternatives: ['image.disk-full'],
    source: 'distribution registry/api/errcode ErrorCodeUnknown with the storage driver error as detail; go-containerregistry "CODE: message; detail", oras-go "code: message: detail", regclient the raw JSON body',
    samples: [
      'Error: pushing image registry.lab:5011/lab/new:1: POST https://registry.lab:5011/v2/lab/new/blobs/uploads/: UNKNOWN: unknown error; filesystem: write /tmp/fd/rclients-scratch/fullstore/docker/registry/v2/repositories/lab/new/_uploads/01a24f0a-573e-719f-be98-b2d8b3a54b62/startedat.01a24f0a-573e-72b1-b228-c29c9ee54cdb.tmp: no space left on device',
      'Error: failed to perform "Push" on destination: POST "https://registry.lab:5011/v2/charts/mychart/blobs/uploads/": response status code 500: unknown: unknown error: filesystem: write /tmp/fd/rclients-scratch/fullstore/docker/registry/v2/repositories/charts/mychart/_uploads/01a24f0a-4efe-7c0c-bfd7-59ac231defb0/startedat.01a24f0a-4efe-7e86-b507-07fffa43d61d.tmp: no space left on device',
      'failed to send blob post, ref registry.lab:5011/lab/new:latest: request failed: unexpected http status code: Internal Server Error [http 500]: {"errors":[{"code":"UNKNOWN","message":"unknown error","detail":"filesystem: write /tmp/fd/rclients-scratch/fullstore/docker/registry/v2/repositories/lab/new/_uploads/01a24f0a-4735-79a0-81db-0fc8bb03f5ff/startedat.01a24f0a-4736-7925-98c1-55803479b7c6.tmp: no space left on device"}]}',
    ],
    counterSamples: [
      'Error: saving tarball full/o.tar: write full/o.tar: no space left on device',
      'failed to pull and unpack image "docker.io/library/postgres:16": failed to extract layer sha256:a3ed95ca: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/412/fs/usr/lib/libLLVM.so: no space left on device: unknown',
    ],
  }),
  sig({
    id: 'registry.go-connect-refused-status',
    cause: 'unknown',
    // Go net/http's Transport, when the proxy answers CONNECT with anything but 200, closes the tunnel and returns
    // the reason phrase alone (errors.New of the status without its code); Client.Do wraps it in a url.Error:
    // `Get "https://host/v2/": Forbidden`. crane, oras, helm and regctl print a registry's own 4xx with its code
    // ("unexpected status code 403 Forbidden", "response status code 403"), and printed this form only through a
    // proxy that refused the tunnel; but threads quote the same form from other programs where no proxy is named,
    // so the text alone does not settle it (Docker's own ping, registry.proxy-connect-refused-status, ranks above).
    // The 5xx reason phrases stay with registry.server-5xx: a proxy's 502 or
    // 503 to CONNECT relays an upstream it could not reach.
    re: /\b(get|head|post|put|patch) \\?"https:\/\/[^"\s\\]+\\?": (forbidden|tunnel connection failed|bad request|method not allowed|not implemented|too many requests)(?![^\n])/,
    anchors: ['forbidden', 'tunnel connection failed', 'bad request', 'method not allowed', 'not implemented', 'too many requests'],
    confidence: 0.5,
    specificity: 78,
    alternatives: ['registry.proxy', 'image.auth-rejected', 'registry.mirror-misconfigured'],
    check: 'whether the client goes through a proxy (env | grep -i _proxy, the runtime\'s systemd drop-in): curl -v -x "$HTTPS_PROXY" https://<registry>/v2/ showing the CONNECT answered with this status is the proxy refusing the tunnel (allow the registry at the proxy, or list it in NO_PROXY); with no proxy, curl -v https://<registry>/v2/ shows what the registry itself answers',
    source: 'Go net/http transport.go dialConn (CONNECT answered with a status other than 200: errors.New(reason phrase)); url.Error "%s %q: %s"',
    samples: [
      'Error: fetching manifest registry.lab:5010/lab/app:1: Get "https://registry.lab:5010/v2/": Forbidden',
      'failed to get manifest registry.lab:5010/lab/app:1: Get "https://registry.lab:5010/v2/lab/app/manifests/1": Forbidden',
      'Error: reading tags for registry.lab:5010/lab/app: Get "https://registry.lab:5010/v2/": Forbidden',
    ],
    counterSamples: [
      'Error: GET https://registry.lab:5000/v2/lab/copy/manifests/1: unexpected status code 403 Forbidden',
      'failed to get manifest registry.lab:5010/lab/app:1: Get "https://registry.lab:5010/v2/lab/app/manifests/1": Bad Gateway',
    ],
  }),
  sig({
    id: 'registry.orasgo-status-5xx',
    cause: 'registry.server-error',
    // oras-go v2 (oras, helm 3.8+ and 4) prints a registry's or token server's answer as
    // `GET "<url>": response status code <n>: <code or reason>`. A 5xx there is the server at that URL failing —
    // the token realm when the URL is the realm's.
    re: /\b(get|head|post|put|patch|delete) \\?"https?:\/\/[^"\s\\]+\\?": response status code 5\d\d\b/,
    anchors: ['response status code 5'],
    confidence: 0.8,
    specificity: 82,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    check: 'the server the URL names (the registry, or the token service when it is the realm URL from WWW-Authenticate): its health and log; curl -v the same URL, with and without the proxy',
    source: 'oras-go v2 registry/remote/errcode ErrorResponse.Error ("%s %q: response status code %d: %s")',
    samples: [
      'Error: failed to fetch the content of "registry.lab:5004/lab/art:v1": GET "https://registry.lab:5004/v2/lab/art/manifests/v1": GET "https://auth.lab:5443/token?scope=repository%3Alab%2Fart%3Apull&service=registry.lab": response status code 500: Internal Server Error',
      'Error: authenticating to "registry.lab:5004": GET "https://registry.lab:5004/v2/": GET "https://auth.lab:5443/token?service=registry.lab": response status code 500: Internal Server Error',
    ],
    counterSamples: ['Error: authenticating to "registry.lab:5000": GET "https://registry.lab:5000/v2/": response status code 401: unauthorized: authentication required'],
  }),
  sig({
    id: 'registry.orasgo-plain-http-400',
    cause: 'registry.http-to-https',
    // oras --plain-http or helm --plain-http against a TLS port: Go's TLS server answers the plain request with
    // 400 ("Client sent an HTTP request to an HTTPS server.", which oras-go does not print). A GET of /v2/ that a
    // registry answers 400 is otherwise rare; the URL's http:// is the client's choice of scheme.
    re: /\b(get|head|post|put|patch) \\?"http:\/\/[^"\s\\]+\/v2\/[^"\s\\]*\\?": response status code 400: bad request(?![^\n])/,
    anchors: ['response status code 400: bad request'],
    confidence: 0.6,
    specificity: 84,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'curl -v http://<host:port>/v2/ — "Client sent an HTTP request to an HTTPS server" means the port speaks TLS: drop --plain-http (oras, helm) or the http:// endpoint in the client\'s registry settings',
    source: 'Go net/http server: plain HTTP on a TLS listener is answered 400; oras-go errcode "%s %q: response status code %d: %s"',
    samples: [
      'Error response from registry: GET "http://registry.lab:5010/v2/lab/art/manifests/v1": response status code 400: Bad Request',
      'Error: authenticating to "registry.lab:5000": GET "http://registry.lab:5000/v2/": response status code 400: Bad Request',
    ],
    counterSamples: ['Error response from registry: GET "https://registry.lab:5010/v2/lab/art/manifests/v1": response status code 400: Bad Request'],
  }),
  sig({
    id: 'registry.orasgo-platform-unmatched',
    cause: 'image.platform-mismatch',
    // oras-go's platform selection (oras --platform, helm never asks): an index without the platform asked for,
    // or a single manifest whose config names another platform.
    re: /no matching manifest was found in the manifest list|platform in manifest does not match target platform/,
    anchors: ['no matching manifest was found in the manifest list', 'platform in manifest does not match target platform'],
    confidence: 0.9,
    specificity: 92,
    source: 'oras-go v2 internal/platform SelectManifest (errdef.ErrNotFound with these words)',
    samples: [
      'Error response from registry: failed to fetch the content of "registry.lab:5010/lab/app:1": sha256:5562f172af0748789b24ba4f6e625ab4b8a80c7e721d423e9e567fde687eb211: not found: no matching manifest was found in the manifest list',
      'Error response from registry: failed to fetch the content of "registry.lab:5010/lab/app:amd64": sha256:d1d56a675e075659e116814b269b2a7f3297000827d1d54adb6097dabee37526: not found: platform in manifest does not match target platform',
    ],
    counterSamples: ['Error response from registry: registry.lab:5010/lab/art:nope: not found'],
  }),
  sig({
    id: 'registry.oras-digest-not-found',
    cause: 'unknown',
    // oras prints `<ref>@<digest>: not found` (or a bare `<digest>: not found` in a copy) for a manifest the
    // registry does not have and for a blob a manifest lists that the registry lost alike: which one is in the
    // request oras made, not in the text.
    re: /(error response from registry|error from (source|destination) registry for)[^\n]{0,400}?sha256:[0-9a-f]{64}: not found(?![^\n])/,
    anchors: ['error response from registry', 'error from source registry', 'error from destination registry'],
    confidence: 0.45,
    specificity: 85,
    alternatives: ['image.not-found', 'registry.server-error'],
    check: 'oras manifest fetch <repo>@<digest> and oras blob fetch --output - <repo>@<digest>: a manifest that is not there is a wrong digest; a blob that a fetched manifest lists but the registry cannot serve is the registry\'s storage (garbage collection, lost data)',
    source: 'oras-go v2 errdef.ErrNotFound ("%s: not found") for manifests and blobs; oras "Error response from registry:" / "Error from source registry for"',
    samples: [
      'Error response from registry: registry.lab:5010/lab/art@sha256:0000000000000000000000000000000000000000000000000000000000000000: not found',
      'Copying 90b759f53ade application/vnd.docker.container.image.v1+json\nError from source registry for "registry.lab:5010/lab/broken:1": sha256:90b759f53adeb6394caa1008545e6ea6900a090b8af7974178dcaa1a14340e8e: not found',
    ],
    counterSamples: [
      'failed to resolve reference "docker.io/library/nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000": docker.io/library/nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000: not found',
      'Error response from registry: registry.lab:5010/lab/art:nope: not found',
    ],
  }),
  sig({
    id: 'registry.regctl-no-credentials',
    cause: 'image.auth-missing',
    // regclient says it had nothing to answer the registry's challenge with before the 401 it got.
    re: /no credentials available: unauthorized/,
    anchors: ['no credentials available'],
    confidence: 0.88,
    specificity: 92,
    alternatives: ['image.auth-rejected'],
    check: 'regctl registry config <host> (or ~/.docker/config.json) has no user for that host: regctl registry login <host>',
    source: 'regclient types/errs ErrNoCredentials ("no credentials available") wrapped around ErrHTTPUnauthorized',
    samples: [
      'failed to get manifest registry.lab:5000/lab/app:1: no credentials available: unauthorized',
      'failed to list tags for registry.lab:5000/lab/app:latest: no credentials available: unauthorized',
    ],
    counterSamples: ['failed to get manifest registry.lab:5000/lab/app:1: unauthorized'],
  }),
  sig({
    id: 'registry.regctl-bare-unauthorized',
    cause: 'unknown',
    // regclient reduces every failed authentication to "unauthorized": a 401 after credentials it sent, a token
    // service that refused or failed (500 included), a token the registry then rejected, and missing credentials
    // once a push or copy is under way.
    re: /\b(failed to (get manifest|list tags for|ping registry|send blob post|put manifest|get blob|request manifest head|delete manifest)|failed to head blob)[^\n]{0,400}?(?<!no credentials available): unauthorized(?![^\n])/,
    anchors: ['unauthorized'],
    confidence: 0.4,
    specificity: 70,
    alternatives: ['image.auth-rejected', 'image.auth-missing', 'registry.server-error'],
    check: 'regctl -v debug <same command>: the WWW-Authenticate realm and the status of the token request: 401 there or from the registry after credentials is the credentials (regctl registry login again); no user configured is missing credentials; 5xx from the realm is the token service',
    source: 'regclient types/errs ErrHTTPUnauthorized ("unauthorized") returned for every failed auth round',
    samples: [
      'failed to get manifest registry.lab:5000/lab/app:1: unauthorized',
      'time=2026-12-07T05:44:02.653Z level=WARN msg="Failed to ping registry, credentials were still stored"\nfailed to ping registry registry.lab:5004: unauthorized',
    ],
    counterSamples: ['failed to get manifest registry.lab:5000/lab/app:1: no credentials available: unauthorized'],
  }),
  sig({
    id: 'registry.regctl-retry-limit',
    cause: 'unknown',
    // regclient retries 429 and 5xx answers with backoff and then says only that it ran out of retries.
    re: /\bfailed to (get manifest|list tags for|ping registry|send blob post|put manifest|get blob|request manifest head)[^\n]{0,400}?: retry limit exceeded/,
    anchors: ['retry limit exceeded'],
    confidence: 0.4,
    specificity: 80,
    alternatives: ['image.rate-limited', 'registry.server-error'],
    check: 'regctl -v debug <same command> prints each attempt\'s status: 429 (and its Retry-After) is the registry\'s rate limit; 5xx is the registry failing',
    source: 'regclient reghttp ErrRetryLimitExceeded ("retry limit exceeded") after its backoff on 429 and 5xx',
    samples: [
      'failed to get manifest registry.lab:5005/lab/app:1: retry limit exceeded',
      'failed to list tags for registry.lab:5005/lab/app:latest: retry limit exceeded',
    ],
    counterSamples: ['failed to get manifest registry.lab:5000/lab/app:1: unauthorized'],
  }),
  sig({
    id: 'registry.regctl-platform-not-found',
    cause: 'image.platform-mismatch',
    // regclient's platform selection from an index (regctl --platform, image export or config of another platform).
    re: /\bplatform not found: [a-z0-9]+\/[a-z0-9]+/,
    anchors: ['platform not found: '],
    confidence: 0.9,
    specificity: 90,
    source: 'regclient types/errs ErrPlatformNotFound ("platform not found") with the platform asked for',
    samples: ['platform not found: linux/s390x', 'failed to get manifest: platform not found: linux/arm64'],
    counterSamples: ['platform: linux/arm64'],
  }),
  sig({
    id: 'registry.regctl-invalid-reference',
    cause: 'image.invalid-reference',
    // regclient's ref parser: the quoted reference, and its reason when it has one.
    re: /\binvalid reference \\?"[^"\n\\]+\\?"(, repo must be lowercase|(?![^\n]))/,
    anchors: ['invalid reference '],
    confidence: 0.88,
    specificity: 88,
    check: 'the image reference as written: host[:port]/path[:tag|@digest], repository lowercase, tag of letters, digits, _ . - only',
    source: 'regclient types/ref New ("invalid reference %q" and ", repo must be lowercase")',
    samples: ['invalid reference "registry.lab:5010/Lab/App:1", repo must be lowercase', 'invalid reference "registry.lab:5010/lab/app:bad tag"'],
    counterSamples: ['invalid reference format'],
  }),
];
