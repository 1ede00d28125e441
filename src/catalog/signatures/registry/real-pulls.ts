import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Texts read from real pulls and pushes by Debian's containerd 1.6 (ctr), skopeo 1.9 (containers/image) and the
 * distribution registry 2.8 (registry:2) with faults built in a network namespace: a read-only registry, a blob
 * deleted from storage, htpasswd auth with no and wrong credentials, a CONNECT proxy answering 403/502/407, a
 * hosts.toml mirror that is down. Each reading follows the program's own wording, not one paste.
 */
export const REAL_PULL_SIGNATURES: Signature[] = [
  sig({
    id: 'containers-image.ping-connect-status',
    cause: 'registry.proxy',
    // containers/image pings GET /v2/ with net/http; a registry's own 403 comes back as a response ("invalid status
    // code from registry 403 (Forbidden)"). A bare reason phrase after the quoted URL is Go's transport failing the
    // dial because the HTTPS proxy answered the CONNECT with that status: the proxy's policy refused the tunnel.
    re: /pinging container registry [^\s:]+(:\d+)?: (get|head) \\?"https:\/\/[^\s"\\]+\\?": (forbidden|bad request|method not allowed)(?![ \t]*[\w(])/,
    anchors: ['pinging container registry'],
    confidence: 0.8,
    specificity: 91,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the HTTPS_PROXY / NO_PROXY the client runs with (env | grep -i proxy; for CRI-O systemctl show crio --property=Environment): the proxy must allow CONNECT to the registry, or the registry belongs in NO_PROXY',
    source: 'containers/image docker/docker_client.go (detectPropertiesHelper: "pinging container registry %s: %w") over Go net/http transport (a CONNECT answered with a non-200 status fails with the status text alone); reproduced with skopeo 1.9.3 and a proxy answering 403',
    samples: [
      'time="2026-12-06T21:51:42Z" level=fatal msg="Error parsing image name \\"docker://harbor.corp.example/team/app:1.0\\": pinging container registry harbor.corp.example: Get \\"https://harbor.corp.example/v2/\\": Forbidden"',
      'Error: initializing source docker://registry.acme.internal:5000/apps/web:v3: pinging container registry registry.acme.internal:5000: Get "https://registry.acme.internal:5000/v2/": Forbidden',
    ],
    counterSamples: [
      'pinging container registry harbor.corp.example: invalid status code from registry 403 (Forbidden)',
      'pinging container registry harbor.corp.example: Get "https://harbor.corp.example/v2/": Service Unavailable',
    ],
  }),
  sig({
    id: 'registry.connect-5xx-in-log-field',
    cause: 'registry.server-error',
    // A bare 5xx reason phrase after the quoted URL is the HTTPS proxy's answer to the CONNECT (Go's transport fails
    // the dial with the status text): the proxy could not reach the registry, most often the registry being down
    // behind it. registry.server-5xx reads it at the end of a line; this reads it anywhere, as inside a log field
    // (containerd's error="...", the kubelet's err="...") with more fields after it.
    re: /failed to do request: (head|get|put|post|patch) \\?"https:\/\/[^\s"\\]+\\?": (bad gateway|service unavailable|gateway time-?out)(?![ \t]*[\w(])/,
    anchors: ['": bad gateway', '": service unavailable', '": gateway time'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    check: 'whether a proxy is in the path (the runtime\'s HTTPS_PROXY: systemctl show containerd --property=Environment) and what it reaches: curl -x "$HTTPS_PROXY" -sv https://<registry>/v2/ from the node; without a proxy, the registry\'s load balancer answered',
    source: 'containerd core/remotes/docker/resolver.go (request.do: "failed to do request: %w") over Go net/http dialConn (CONNECT status text); reproduced with ctr 1.6.20 behind a proxy answering 502, as logged by containerd ("trying next host" error=...) and relayed by the kubelet (err=...)',
    samples: [
      'containerd[812]: level=info msg="trying next host" error="failed to do request: Head \\"https://cr.platform.example/v2/library/busybox/manifests/1.36\\": Bad Gateway" host="cr.platform.example"',
      'kubelet[1187]: E1206 21:48:24.401 1187 remote_image.go:171] "PullImage from image service failed" err="rpc error: code = Unknown desc = failed to pull and unpack image \\"cr.platform.example/library/busybox:1.36\\": failed to resolve reference \\"cr.platform.example/library/busybox:1.36\\": failed to do request: Head \\"https://cr.platform.example/v2/library/busybox/manifests/1.36\\": Service Unavailable" image="cr.platform.example/library/busybox:1.36"',
    ],
    counterSamples: [
      'error="failed to do request: Head \\"https://cr.platform.example/v2/library/busybox/manifests/1.36\\": Forbidden" host="cr.platform.example"',
      'error="failed to do request: Head \\"https://cr.platform.example/v2/a/manifests/1\\": dial tcp 10.0.12.7:443: connect: connection refused"',
    ],
  }),
  sig({
    id: 'registry.push-method-not-allowed',
    cause: 'registry.server-error',
    // The registry refused the write with 405: distribution in read-only maintenance mode or as a pull-through cache,
    // or an endpoint that serves pulls only (a mirror, a proxy path of Nexus/Harbor). containerd's pusher words it
    // "unexpected status: 405 Method Not Allowed"; containers/image "StatusCode: 405, Method not allowed".
    re: /unexpected status: 405 method not allowed|(uploading manifest [^\s]+ to|initiating layer upload to [^\s]+ in) [^\s:]+(:\d+)?[^\s]*: statuscode: 405, method not allowed/,
    anchors: ['405 method not allowed', 'statuscode: 405'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured', 'image.auth-rejected'],
    check: 'whether the target takes pushes at all: a registry:2 with storage.maintenance.readonly enabled or proxy.remoteurl set (a pull-through cache), or a Nexus/Harbor proxy or group repository, answers 405 to every write; push to the hosted repository\'s own endpoint',
    source: 'containerd core/remotes/docker/pusher.go ("unexpected status: %s" via remoteserrors), content.Commit ("failed commit on ref %q: %w"); containers/image docker_image_dest.go ("uploading manifest %s to %s: %w", "initiating layer upload to %s in %s: %w"); reproduced against registry 2.8.2 in read-only mode',
    samples: [
      'ctr: failed commit on ref "manifest-sha256:686a779fa7065cdc26cca9966b1a37de4c8a99df97c9804fcaed9bbb65de70c9": unexpected status: 405 Method Not Allowed',
      'ctr: unexpected status: 405 Method Not Allowed',
      'level=fatal msg="writing manifest: uploading manifest 1.1 to registry.acme.internal:5000/team/app: StatusCode: 405, Method not allowed\\n"',
      'level=fatal msg="writing blob: initiating layer upload to /v2/team/big2/blobs/uploads/ in registry.acme.internal:5000: StatusCode: 405, Method not allowed\\n"',
    ],
    counterSamples: [
      'ctr: unexpected status: 401 Unauthorized',
      'error parsing HTTP 405 response body: unexpected end of JSON input: ""',
    ],
  }),
  sig({
    id: 'containers-image.blob-fetch-404',
    cause: 'registry.server-error',
    // The manifest was served, then GET of one of its blobs answered 404 (BLOB_UNKNOWN): the registry's storage lost
    // the blob (deleted, garbage-collected while still referenced, a replica or cache that never got it).
    re: /reading blob sha256:[0-9a-f]+: error fetching blob: invalid status code from registry 404/,
    anchors: ['error fetching blob: invalid status code from registry 404'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'curl -sI https://<registry>/v2/<name>/blobs/<digest> from the node (404 with BLOB_UNKNOWN: the registry lost it), and the registry\'s log for "blob unknown"; re-push the image, and check garbage collection or the mirror that served the manifest',
    source: 'containers/image docker/docker_image_src.go (GetBlob: "Error fetching blob: %w", httpResponseToError "invalid status code from registry %d (%s)"), copy ("reading blob %s: %w"); reproduced with skopeo 1.9.3 against registry 2.8.2 with a layer deleted from storage',
    samples: [
      'time="2026-12-06T21:49:09Z" level=fatal msg="reading blob sha256:895d38fec8bd4ab6b97b1779f25e48cc03e7a9544f16735eb3f742b55ce5f7eb: Error fetching blob: invalid status code from registry 404 (Not Found)"',
      'Error: copying system image from manifest list: reading blob sha256:4f4fb700ef54: Error fetching blob: invalid status code from registry 404 (Not Found)',
    ],
    counterSamples: [
      'reading blob sha256:4f4fb700ef54: Error fetching blob: invalid status code from registry 403 (Forbidden)',
      'reading manifest 1.0 in harbor.corp.example/team/app: manifest unknown',
    ],
  }),
  sig({
    id: 'containers-image.tags-list-404',
    cause: 'image.not-found',
    // GET /v2/<name>/tags/list answers 404 (NAME_UNKNOWN) when the repository does not exist on that registry.
    // skopeo sync words the same failure "Error determining repository tags for image <repo>: fetching tags list: …".
    re: /(error listing repository tags|error determining repository tags for image \S+): fetching tags list: invalid status code from registry 404/,
    anchors: ['fetching tags list: invalid status code from registry 404'],
    confidence: 0.85,
    specificity: 90,
    check: 'the repository path on the registry (its catalog or web UI): a typo, a missing project prefix, or a repository never pushed',
    source: 'containers/image docker/docker_client.go (fetching tags list: "fetching tags list: %w"), skopeo list-tags ("Error listing repository tags: %w") and skopeo sync ("Error determining repository tags for image %s: %w"); reproduced with skopeo 1.9.3 list-tags and sync against registry 2.8.2',
    samples: [
      'time="2026-12-06T21:51:43Z" level=fatal msg="Error listing repository tags: fetching tags list: invalid status code from registry 404 (Not Found)"',
      'FATA[0000] Error listing repository tags: fetching tags list: invalid status code from registry 404 (Not Found)',
      'level=fatal msg="Error determining repository tags for image registry.fd.test:5000/fd/nothere: fetching tags list: invalid status code from registry 404 (Not Found)"',
    ],
    counterSamples: [
      'Error listing repository tags: fetching tags list: invalid status code from registry 401 (Unauthorized)',
      'Error determining repository tags: Invalid status code returned when fetching tags list 403 (Forbidden)',
    ],
  }),
  sig({
    id: 'distribution.htpasswd-authentication-failure',
    cause: 'image.auth-rejected',
    // registry/auth/htpasswd/access.go: credentials were sent (a Basic header with a user) and the user is not in the
    // htpasswd file or the password does not match: "error authenticating user %q: %v" and the challenge carries
    // ErrAuthenticationFailure ("authentication failure").
    re: /error authenticating user \\?"[^"\\\s]+\\?": authentication failure|basic authentication challenge for realm [^\n]{0,120}?: authentication failure/,
    anchors: ['error authenticating user', 'basic authentication challenge for realm'],
    confidence: 0.9,
    specificity: 93,
    source: 'distribution registry/auth/htpasswd/access.go (Authorized: "error authenticating user %q: %v", challenge{realm, auth.ErrAuthenticationFailure}); reproduced with registry 2.8.2 and a wrong password',
    samples: [
      'time="2026-12-06T21:52:26.27Z" level=error msg="error authenticating user \\"alice\\": authentication failure" go.version=go1.19.8 http.request.host="registry.acme.internal:5000" http.request.method=HEAD',
      'level=warning msg="error authorizing context: basic authentication challenge for realm \\"Registry Realm\\": authentication failure"',
    ],
    counterSamples: [
      'level=warning msg="error authorizing context: basic authentication challenge for realm \\"Registry Realm\\": invalid authorization credential"',
      'level=error msg="error authenticating user \\"\\": authentication failure"',
    ],
  }),
  sig({
    id: 'distribution.htpasswd-no-credential',
    cause: 'unknown',
    // The same access controller when a request carries no Basic header. Every client's first request is anonymous
    // and draws this 401 challenge before it retries with credentials, so the line alone is the normal first leg;
    // only a client that never retries (no credentials configured for that host) stops there.
    recordOnly: true,
    re: /basic authentication challenge for realm [^\n]{0,120}?: invalid authorization credential/,
    anchors: ['invalid authorization credential'],
    confidence: 0.3,
    specificity: 90,
    alternatives: ['image.auth-missing'],
    check: 'the next request from the same client address in the registry log: an "error authenticating user" line means wrong credentials; a successful request means this was the anonymous first leg; nothing means the client has no credentials for that host',
    source: 'distribution registry/auth/htpasswd/access.go (req.BasicAuth() absent: challenge{realm, auth.ErrInvalidCredential}), handlers/app.go ("error authorizing context: %v"); reproduced with registry 2.8.2',
    samples: [
      'time="2026-12-06T21:52:13.05Z" level=warning msg="error authorizing context: basic authentication challenge for realm \\"Registry Realm\\": invalid authorization credential" http.request.method=HEAD',
      'registry_1 | level=warning msg="error authorizing context: basic authentication challenge for realm \\"basic-realm\\": invalid authorization credential"',
    ],
    counterSamples: [
      'level=warning msg="error authorizing context: basic authentication challenge for realm \\"Registry Realm\\": authentication failure"',
      'error authorizing context: authorization token required',
    ],
  }),
  sig({
    id: 'containerd.mirror-host-unreachable',
    cause: 'registry.mirror-misconfigured',
    // containerd adds ?ns=<upstream> only to requests for a host taken from hosts.toml (or a CRI mirror) that is not
    // the upstream itself: the URL names the mirror, and it timed out or its name did not resolve. With the upstream
    // as server fallback this is an info line and the pull goes on; as the final error, no fallback was configured.
    // A refusal is left to the connection-refused reading (the corpus reads kind's local registry, reached as a
    // mirror endpoint, as the registry being down), with the mirror as its alternative.
    re: /\?ns=[^\s"\\]+\\?"?: dial tcp( [^\s]+: i\/o timeout|: lookup [^\s]+ on [^\s]+: no such host)/,
    anchors: ['?ns='],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['registry.connect-timeout', 'registry.dns'],
    check: 'the hosts.toml of the upstream registry (/etc/containerd/certs.d/<registry>/hosts.toml or the config_path directory): is the [host."..."] mirror URL right and is the mirror up (curl -sI <mirror>/v2/ from the node); add server = "https://<upstream>" for a fallback',
    source: 'containerd core/remotes/docker/resolver.go (ns query parameter for hosts that are not the reference\'s host; "trying next host"); reproduced with ctr 1.6.20 --hosts-dir and a dead mirror with and without server fallback',
    samples: [
      'ctr: failed to resolve reference "reg.lab.example:5000/infra/agent:0.9.7": failed to do request: Head "http://mirror.corp.example:5000/v2/infra/agent/manifests/0.9.7?ns=reg.lab.example%3A5000": dial tcp 10.20.0.9:5000: i/o timeout',
      'level=info msg="trying next host" error="failed to do request: Head \\"http://mirror.corp.example:5000/v2/library/busybox/manifests/1.36?ns=docker.io\\": dial tcp: lookup mirror.corp.example on 10.0.0.2:53: no such host" host="mirror.corp.example:5000"',
    ],
    counterSamples: [
      'failed to do request: Head "https://harbor.corp.example/v2/team/api/manifests/1.4.2": dial tcp 10.20.30.15:443: connect: connection refused',
      'failed to do request: Head "https://mirror.corp.example/v2/a/manifests/1?ns=docker.io": x509: certificate signed by unknown authority',
      'failed to do request: Head "http://mirror.corp.example:5000/v2/a/manifests/1?ns=docker.io": dial tcp 10.20.0.9:5000: connect: connection refused',
    ],
  }),
];
