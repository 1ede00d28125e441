import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Texts read from real pulls through mirrors and pull-through caches: skopeo 1.9.3 and podman 4.3.1 with
 * registries.conf [[registry.mirror]] entries, ctr 1.6.20 and ctr 2.4.2 with hosts.toml mirrors, and the
 * distribution registry 2.8.2 as a pull-through cache (proxy.remoteurl), each against a mirror that was down,
 * answered 401/404/429/5xx, had an untrusted or wrong-name certificate, or spoke plain HTTP, with the primary
 * registry unreachable (an air-gapped node that can only pull through its mirror). A mirror answering 5xx stays
 * registry.mirror-misconfigured (registry.crio-mirrors-also-failed, registry.mirror-request-failed), as the corpus
 * reads it; containerd 1.x's "trying next host - response was http.StatusNotFound" is logged for the last host
 * too (oc-mirror, kubekey), so it does not say mirror and is not read here.
 */

// containers/image joins the mirrors' errors in "(Mirrors also failed: [<mirror>: <error>, …]): <primary>: <error>".
// When the primary itself could not be reached (refused, timed out, no such host: the air-gapped node whose
// registries.conf sends everything to a mirror), the mirror's own error is the reason the pull failed, and
// when that error is a transport or status mechanism of its own, that mechanism is the cause rather than the
// mirror entry. The primary part is read up to the end of the line without a "]" (no IPv6 literal there).
const MIRROR_PART = String.raw`\(mirrors also failed: \[[^\n]*?`;
const PRIMARY_UNREACHABLE = String.raw`[^\n]*\]\): [^\]\n]*(connection refused|i/o timeout|no such host|context deadline exceeded|network is unreachable|no route to host|server misbehaving)`;
const mirrorReason = (reason: string) => new RegExp(MIRROR_PART + reason + PRIMARY_UNREACHABLE);
const MIRROR_CHECK_TAIL = ' — the mirror is the only way this node pulls (the primary was unreachable), so fix the mirror, or let the node reach the primary';
const CIMAGE_SOURCE = 'containers/image docker/docker_image_src.go ("(Mirrors also failed: %v): %s: %w"); reproduced with skopeo 1.9.3 and podman 4.3.1, registries.conf [[registry.mirror]] in front of an unreachable primary';

export const MIRROR_READING_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.mirror-only-x509-unknown-authority',
    cause: 'registry.tls-untrusted',
    re: mirrorReason(String.raw`x509: certificate signed by unknown authority`),
    anchors: ['mirrors also failed'],
    also: ['unknown authority'],
    confidence: 0.8,
    specificity: 98,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the CA that signed the mirror\'s certificate: openssl s_client -connect <mirror>:<port> -showcerts; put it in /etc/containers/certs.d/<mirror:port>/ca.crt (or the system trust store)' + MIRROR_CHECK_TAIL,
    source: CIMAGE_SOURCE,
    samples: [
      'Error: initializing source docker://primary.fd.test/lib/app:1.0: (Mirrors also failed: [127.0.0.1:25021/lib/app:1.0: pinging container registry 127.0.0.1:25021: Get "https://127.0.0.1:25021/v2/": x509: certificate signed by unknown authority]): 127.0.0.1:25098/lib/app:1.0: pinging container registry 127.0.0.1:25098: Get "http://127.0.0.1:25098/v2/": dial tcp 127.0.0.1:25098: connect: connection refused',
      'rpc error: code = Unknown desc = (Mirrors also failed: [harbor.corp.example/dockerhub/library/nginx:1.25: pinging container registry harbor.corp.example: Get "https://harbor.corp.example/v2/": x509: certificate signed by unknown authority]): docker.io/library/nginx:1.25: pinging container registry registry-1.docker.io: Get "https://registry-1.docker.io/v2/": dial tcp 54.0.0.1:443: i/o timeout',
    ],
    counterSamples: [
      '(Mirrors also failed: [mirror.corp/app:1: pinging container registry mirror.corp: Get "https://mirror.corp/v2/": x509: certificate signed by unknown authority]): docker.io/app:1: reading manifest 1 in docker.io/app: manifest unknown: manifest unknown',
    ],
  }),
  sig({
    id: 'registry.mirror-only-x509-name',
    cause: 'registry.tls-name-mismatch',
    re: mirrorReason(String.raw`x509: (certificate is valid for|cannot validate certificate for \S+ because it doesn't contain any ip sans)`),
    anchors: ['mirrors also failed'],
    also: ['certificate is valid for', 'contain any ip sans'],
    confidence: 0.8,
    specificity: 98,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the names in the mirror\'s certificate (openssl s_client -connect <mirror>:<port> | openssl x509 -noout -ext subjectAltName) against the location in registries.conf: use a name the certificate carries, or reissue it with that name or IP' + MIRROR_CHECK_TAIL,
    source: CIMAGE_SOURCE,
    samples: [
      'level=fatal msg="initializing source docker://primary.fd.test/lib/app:1.0: (Mirrors also failed: [127.0.0.1:25020/lib/app:1.0: pinging container registry 127.0.0.1:25020: Get \\"https://127.0.0.1:25020/v2/\\": x509: cannot validate certificate for 127.0.0.1 because it doesn\'t contain any IP SANs]): 127.0.0.1:25098/lib/app:1.0: pinging container registry 127.0.0.1:25098: Get \\"http://127.0.0.1:25098/v2/\\": dial tcp 127.0.0.1:25098: connect: connection refused"',
      'Error: initializing source docker://quay.io/acme/op:2.1: (Mirrors also failed: [mirror.lab.example:5000/acme/op:2.1: pinging container registry mirror.lab.example:5000: Get "https://mirror.lab.example:5000/v2/": x509: certificate is valid for registry.lab.example, not mirror.lab.example]): quay.io/acme/op:2.1: pinging container registry quay.io: Get "https://quay.io/v2/": dial tcp: lookup quay.io on 10.0.0.2:53: no such host',
    ],
    counterSamples: [
      'Error: initializing source docker://quay.io/acme/op:2.1: (Mirrors also failed: [mirror.lab.example:5000/acme/op:2.1: pinging container registry mirror.lab.example:5000: Get "https://mirror.lab.example:5000/v2/": x509: certificate is valid for registry.lab.example, not mirror.lab.example]): quay.io/acme/op:2.1: reading manifest 2.1 in quay.io/acme/op: unauthorized: access to the requested resource is not authorized',
    ],
  }),
  sig({
    id: 'registry.mirror-only-plain-http',
    cause: 'registry.http-to-https',
    re: mirrorReason(String.raw`http: server gave http response to https client`),
    anchors: ['mirrors also failed'],
    also: ['server gave http response to https client'],
    confidence: 0.8,
    specificity: 98,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the mirror speaks plain HTTP: mark its [[registry.mirror]] entry insecure = true in registries.conf (or serve it with TLS)' + MIRROR_CHECK_TAIL,
    source: CIMAGE_SOURCE,
    samples: [
      'Error: initializing source docker://primary.fd.test/lib/app:1.0: (Mirrors also failed: [127.0.0.1:25010/lib/app:1.0: pinging container registry 127.0.0.1:25010: Get "https://127.0.0.1:25010/v2/": http: server gave HTTP response to HTTPS client]): 127.0.0.1:25098/lib/app:1.0: pinging container registry 127.0.0.1:25098: Get "http://127.0.0.1:25098/v2/": dial tcp 127.0.0.1:25098: connect: connection refused',
      'rpc error: code = Unknown desc = (Mirrors also failed: [10.0.0.50:5000/library/redis:7: pinging container registry 10.0.0.50:5000: Get "https://10.0.0.50:5000/v2/": http: server gave HTTP response to HTTPS client]): docker.io/library/redis:7: pinging container registry registry-1.docker.io: Get "https://registry-1.docker.io/v2/": dial tcp 54.0.0.1:443: i/o timeout',
    ],
    counterSamples: [
      'Error: initializing source docker://primary.fd.test/lib/app:1.0: (Mirrors also failed: [127.0.0.1:25010/lib/app:1.0: pinging container registry 127.0.0.1:25010: Get "https://127.0.0.1:25010/v2/": http: server gave HTTP response to HTTPS client]): 127.0.0.1:25098/lib/app:1.0: reading manifest 1.0 in 127.0.0.1:25098/lib/app: manifest unknown',
    ],
  }),
  sig({
    id: 'registry.mirror-only-unauthorized',
    cause: 'image.auth-missing',
    // containers/image looks credentials up by the mirror's own host, not the primary's: a login to the primary
    // does not cover its mirror. "unauthorized" is the registry's error code and reads the same for credentials
    // that were sent and refused.
    re: mirrorReason(String.raw`: unauthorized(?=(: [^\]\n]*)?\])`),
    anchors: ['mirrors also failed'],
    also: ['unauthorized'],
    confidence: 0.6,
    specificity: 98,
    alternatives: ['image.auth-rejected', 'registry.mirror-misconfigured'],
    check: 'credentials for the mirror\'s host itself in the auth file (podman login <mirror>; ${XDG_RUNTIME_DIR}/containers/auth.json or /etc/containers/auth.json on a CRI-O node): the primary\'s login is not used for its mirror',
    source: CIMAGE_SOURCE,
    samples: [
      'Error: initializing source docker://primary.fd.test/lib/app:1.0: (Mirrors also failed: [127.0.0.1:25031/lib/app:1.0: reading manifest 1.0 in 127.0.0.1:25031/lib/app: unauthorized]): 127.0.0.1:25098/lib/app:1.0: pinging container registry 127.0.0.1:25098: Get "http://127.0.0.1:25098/v2/": dial tcp 127.0.0.1:25098: connect: connection refused',
      'rpc error: code = Unknown desc = (Mirrors also failed: [nexus.corp.example:8443/team/api:2.0: reading manifest 2.0 in nexus.corp.example:8443/team/api: unauthorized: authentication required]): docker.io/team/api:2.0: pinging container registry registry-1.docker.io: Get "https://registry-1.docker.io/v2/": dial tcp 54.0.0.1:443: i/o timeout',
    ],
    counterSamples: [
      'Error: initializing source docker://primary.fd.test/lib/app:1.0: (Mirrors also failed: [127.0.0.1:25040/lib/app:1.0: reading manifest 1.0 in 127.0.0.1:25040/lib/app: manifest unknown: manifest unknown]): 127.0.0.1:25098/lib/app:1.0: pinging container registry 127.0.0.1:25098: Get "http://127.0.0.1:25098/v2/": dial tcp 127.0.0.1:25098: connect: connection refused',
    ],
  }),
  sig({
    id: 'distribution.proxy-upstream-429',
    cause: 'image.rate-limited',
    // A pull-through cache (distribution proxy.remoteurl) wraps what its upstream answered into err.code=unknown;
    // "error parsing HTTP 429 response body" is the upstream's 429 with a body it could not read.
    re: /err\.code="?unknown"? err\.detail="error parsing http 429 response body/,
    anchors: ['error parsing http 429 response body'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['registry.server-error'],
    check: 'the cache\'s upstream rate limit: give proxy.username/password of an account with a higher limit in the cache\'s config.yml, or wait for Retry-After; the cache\'s clients see only a 500',
    source: 'distribution registry/proxy (upstream errors surface as errcode.ErrorCodeUnknown); reproduced with registry 2.8.2 proxy.remoteurl in front of an upstream answering 429',
    samples: [
      'level=error msg="response completed with error" err.code=unknown err.detail="error parsing HTTP 429 response body: unexpected end of JSON input: \\"\\"" err.message="unknown error" go.version=go1.19.8 http.request.host="127.0.0.1:25016" http.request.method=GET http.request.uri="/v2/lib/app/blobs/sha256:859a"',
      'registry[1]: level=error msg="response completed with error" err.code=unknown err.detail="error parsing HTTP 429 response body: invalid character \'<\' looking for beginning of value" err.message="unknown error" http.request.host=cache.corp.example http.request.method=HEAD',
    ],
    counterSamples: [
      'level=error msg="response completed with error" err.code=unknown err.detail="received unexpected HTTP status: 500 Internal Server Error" err.message="unknown error" go.version=go1.19.8 http.request.host="127.0.0.1:25017" http.request.method=GET',
    ],
  }),
];
