import type { Signature } from '../../types.js';
import { besidePull } from '../context.js';
import { sig } from '../define.js';

/** What a registry or a mirror answers: 5xx, mirrors that do not serve, registries that answer with HTML (facts §5, §8). */
export const SERVER_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.mirror-allowlist',
    cause: 'registry.mirror-misconfigured',
    // Public mirrors that serve only a list of images (DaoCloud's public-image-mirror and the like) refuse the
    // rest with their own denial: the mirror in the reference or the runtime's mirror list cannot serve it.
    re: besidePull(/not in (the |our )?(allow-?list|white-?list)/),
    anchors: ['allowlist', 'allow-list', 'whitelist', 'white-list'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['image.auth-missing'],
    check: 'which host served the pull (the reference\'s prefix, or the mirrors in /etc/containerd/certs.d and daemon.json registry-mirrors): pull from the upstream registry, or ask the mirror to add the image to its list',
    source: 'registry mirrors that proxy an allow-list of repositories answer DENIED for any other',
    samples: ['Error response from daemon: pull access denied for m.example.io/docker.io/org/app, repository does not exist or may require \'docker login\': denied: this image is not in the allowlist.', 'Failed to pull image "mirror.example.io/docker.io/org/app:1": failed to resolve reference "mirror.example.io/docker.io/org/app:1": denied: repository org/app is not in the whitelist'],
    counterSamples: ['pull access denied for org/app, repository does not exist or may require \'docker login\': denied: requested access to the resource is denied', 'the ip is not in the allowlist of the api server'],
  }),
  sig({
    id: 'registry.blob-reset',
    // A reset while a layer downloads from the registry's blob storage (a redirect to S3, CloudFront, GCS, Azure
    // blob, or /blobs/ itself): the connection had been accepted, so nothing refused it; the storage or CDN
    // end dropped it, or a middlebox on the node's path did (a proxy or TLS inspection cutting long transfers).
    check: 'pull the same image from another network (crane pull, docker pull elsewhere): it failing there too is the registry\'s storage or CDN (its status page); only from this node, a proxy or firewall on the node\'s path (HTTPS_PROXY of the runtime, TLS inspection)',
    cause: 'registry.server-error',
    re: /(\/blobs\/|registry-v2\/|cloudfront\.net|\.s3[.-][\w.-]*amazonaws\.com|storage\.googleapis\.com|blob\.core\.windows\.net|production\.cloudflare\.docker\.com)[^\n]{0,900}connection reset by peer/,
    anchors: ['connection reset by peer'],
    confidence: 0.5,
    specificity: 60,
    alternatives: ['registry.proxy', 'node.firewall'],
    source: 'registry API (blob GET answered by a redirect to storage); Go "read tcp …: read: connection reset by peer"',
    samples: [
      'error pulling image configuration: Get https://d2iks1dkcwqcbx.cloudfront.net/registry-v2/docker/registry/v2/blobs/sha256/aa/aa1/data?Expires=1: read tcp 10.0.2.15:41000->52.84.1.2:443: read: connection reset by peer',
      'failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://production.cloudflare.docker.com/registry-v2/docker/registry/v2/blobs/sha256/12/12ab/data": read tcp 10.0.0.5:5120->104.16.1.1:443: read: connection reset by peer',
    ],
    counterSamples: ['Get "https://registry.corp/v2/": read tcp 10.1.1.4:40112->10.9.9.9:443: read: connection reset by peer'],
  }),
  sig({
    id: 'registry.eof',
    check: 'curl -v https://<registry>/v2/ from the node: an empty reply or EOF there means the registry or a proxy closed the connection (registry logs), a plain-HTTP registry answering TLS, or an MTU black hole',
    cause: 'registry.server-error',
    // Go's url.Error: Head "<url>": EOF — the server or a middlebox closed the connection without answering.
    re: /\\?": eof\b/,
    anchors: ['eof'],
    confidence: 0.45,
    specificity: 54,
    alternatives: ['registry.proxy', 'registry.http-to-https', 'flannel.mtu', 'registry.dns'],
    source: 'facts §4.6 (failed to do request: <Method> "<url>": <err>)',
    samples: [
      'failed to resolve reference "harbor.lab/app/web:1": failed to do request: Head "https://harbor.lab/v2/app/web/manifests/1": EOF',
      'Error response from daemon: Get "https://registry.corp:5000/v2/": EOF',
    ],
    counterSamples: ['rpc error: code = Unavailable desc = error reading from server: EOF'],
  }),
  sig({
    id: 'registry.nexus-remote-failed',
    cause: 'registry.mirror-misconfigured',
    // Nexus Repository's docker proxy repository logging that its remote (the upstream it mirrors) did not
    // answer a /v2/ request as a registry: the proxy's remote URL, path layout or upstream credentials.
    re: /is the remote url a valid docker endpoint\?/,
    anchors: ['valid docker endpoint'],
    confidence: 0.75,
    specificity: 96,
    alternatives: ['image.not-found', 'image.auth-missing'],
    check: 'the proxy repository\'s Remote storage URL and its authentication (Nexus → Repositories → <proxy> → Proxy): fetch the path the log names from the upstream yourself (curl -I <remote>/v2/<path>, with the upstream\'s token): if the upstream has it, the proxy\'s URL or credentials are wrong; if not, the image is missing upstream',
    source: 'Nexus Repository docker proxy (V2Handlers: "Is the remote url a valid docker endpoint? Remote host … did not return the expected response")',
    samples: [
      'WARN  [qtp1-1] admin org.sonatype.nexus.repository.docker.internal.V2Handlers - Is the remote url a valid docker endpoint? Remote host https://registry-1.docker.io/ with path /v2/library/nginx/manifests/1.25 did not return the expected response. Error message: unauthorized',
      'Is the remote url a valid docker endpoint? Remote host https://quay.io/ with path /v2/org/app/manifests/2 did not return the expected response.',
    ],
    counterSamples: ['manifest for quay.io/org/app:2 not found: manifest unknown: manifest unknown'],
  }),
  sig({
    id: 'registry.token-realm-null',
    cause: 'registry.mirror-misconfigured',
    // The registry's WWW-Authenticate named its token realm "null://…": a repository manager (Nexus,
    // Artifactory) serving Docker without its base URL or token realm set. It answers every pull this way.
    // \\?: logrus quotes the error inside msg="…", so its quotes arrive escaped.
    // The request to a null:// URL decides it: only a realm of that scheme sends a client there. (Go's
    // "unsupported protocol scheme" after it is optional: secret redaction may take the word after "token".)
    re: /get \\?"?null:\/\/[^\s"\\]+/,
    anchors: ['null://'],
    confidence: 0.6,
    specificity: 95,
    alternatives: ['registry.server-error'],
    check: 'curl -si http://<host>:<port>/v2/ | grep -i www-authenticate: a realm of "null://…" is the repository manager\'s missing Base URL (Nexus → System → Capabilities → Base URL) or its Docker Bearer Token Realm not active; fix the server, or stop listing it as a mirror',
    source: 'Go net/http on a bearer realm with scheme "null" (distribution token handler following WWW-Authenticate)',
    samples: [
      'Get "null://nexus:8082/v2/token?scope=repository%3Alibrary%2Falpine%3Apull&service=null%3A%2F%2Fnexus%3A8082%2Fv2%2Ftoken": unsupported protocol scheme "null"',
      'Error response from daemon: Get null://10.0.0.5:5000/v2/token?account=ci&scope=repository%3Aapp%3Apull: unsupported protocol scheme "null"',
    ],
    counterSamples: ['Get "http://nexus:8082/v2/token?scope=repository%3Alibrary%2Falpine%3Apull": dial tcp 10.0.0.5:8082: connect: connection refused'],
  }),
  sig({
    id: 'registry.crio-mirrors-also-failed',
    cause: 'registry.mirror-misconfigured',
    // CRI-O (containers/image) tries the registries.conf mirrors first and reports their errors inside "(Mirrors also
    // failed: […])": a mirror configured for this image that did not serve it (often a mirror without that image).
    // When the primary itself says the manifest does not exist, image.primary-manifest-unknown-after-mirrors outranks it.
    re: /\(mirrors also failed: \[/,
    anchors: ['mirrors also failed'],
    confidence: 0.75,
    specificity: 96,
    alternatives: ['image.not-found', 'registry.connect-timeout'],
    check: 'the mirror entries for the image\'s registry in /etc/containers/registries.conf (and registries.conf.d, or the cluster\'s ImageContentSourcePolicy / ImageDigestMirrorSet): skopeo inspect docker://<mirror>/<path>@<digest> from the node shows whether the mirror holds it',
    source: 'containers/image docker client: "(Mirrors also failed: [%s])" after the mirrors and the primary failed',
    samples: [
      'rpc error: code = Unknown desc = (Mirrors also failed: [mirror.corp:5000/team/app@sha256:ab: Error reading manifest sha256:ab in mirror.corp:5000/team/app: manifest unknown: manifest unknown]): docker.io/team/app@sha256:ab: reading manifest sha256:ab in docker.io/team/app: toomanyrequests',
      'Failed to pull image "quay.io/acme/op@sha256:cd": rpc error: code = Unknown desc = (Mirrors also failed: [registry.lab/acme/op@sha256:cd: pinging container registry registry.lab: Get "https://registry.lab/v2/": dial tcp 10.0.0.4:443: i/o timeout]): quay.io/acme/op@sha256:cd: pinging container registry quay.io: Get "https://quay.io/v2/": dial tcp 52.0.0.1:443: i/o timeout',
    ],
    counterSamples: ['Error reading manifest sha256:ab in mirror.corp:5000/team/app: manifest unknown: manifest unknown'],
  }),
  sig({
    id: 'registry.mirror-request-failed',
    check: 'the mirror in /etc/containerd/certs.d/<registry>/hosts.toml (or registry.mirrors in config.toml): curl -v <mirror>/v2/ from the node; an unreachable mirror needs the upstream as a fallback host',
    cause: 'registry.mirror-misconfigured',
    // containerd adds ?ns=<original host> to every request it sends to a mirror (facts §5.2).
    // \s+: a log viewer may wrap the line after the URL. Not ns=localhost/127.0.0.1: a local registry reached
    // only through its mirror entry (kind's documented set-up) has no other host, so the failure is its own.
    // Not a TLS verification failure right after the URL: the mirror answered, and its certificate is the
    // cause (registry.tls-*, naming the mirror's host), not the mirror entry.
    // Not a lookup that failed talking to the nameserver itself (read/dial udp …:53): the node's resolver
    // fails for every name, so the registry's DNS is the cause, not the mirror entry (a mirror name that
    // does not exist, "no such host", stays the mirror's).
    // Not a plain-HTTP answer to HTTPS: the mirror answered, and the scheme in [host."https://…"] against a mirror
    // that speaks HTTP is the cause (registry.http-to-https), as for the certificate.
    // Not a 429: a mirror relays its upstream's rate limit (or applies its own), and the limit is the cause.
    // Not a proxy that could not be reached on the way ("proxyconnect tcp", a SOCKS proxy's "socks connect tcp"): the
    // proxy is the cause, as for any host.
    re: /\?ns=(?!localhost|127\.0\.0\.1|\[::1\])[\w.:-]+\\?"?:\s+(?!\S+: not found|tls: |x509: |dial tcp: lookup \S+ on \S+: (read|dial|write) udp|429 too many requests|http: server gave http response to https client|proxyconnect tcp: |socks connect tcp )/,
    anchors: ['?ns='],
    confidence: 0.75,
    specificity: 97,
    // A public mirror refuses (403) a name outside its allow-list, a misspelt one included.
    alternatives: ['image.not-found'],
    source: 'facts §5.2 (requests to a mirror carry ?ns=<host>)',
    samples: [
      'failed to do request: Head "https://mirror.corp.local/v2/library/nginx/manifests/1.25?ns=docker.io": dial tcp: lookup mirror.corp.local on 127.0.0.53:53: no such host',
      'failed to resolve reference "docker.io/library/redis:7": failed to do request: Head "http://10.0.0.50:5000/v2/library/redis/manifests/7?ns=docker.io": dial tcp 10.0.0.50:5000: connect: connection refused',
      'failed to copy: httpReadSeeker: failed open: failed to do request:\n  Get "http://docker-io.mirror.corp/v2/coredns/coredns/manifests/sha256:9b91?ns=docker.io":\n  dial tcp: lookup docker-io.mirror.corp on 192.168.122.1:53: no such host',
    ],
    counterSamples: [
      'failed to do request: Head "https://registry-1.docker.io/v2/library/nginx/manifests/1.25": dial tcp: lookup registry-1.docker.io: no such host',
      'Head "http://kind-registry:5000/v2/app/manifests/1.0?ns=localhost%3A5001": dial tcp 172.18.0.3:5000: connect: connection refused',
      'failed to do request: Head "https://mirror.corp.local/v2/library/nginx/manifests/1.25?ns=docker.io": dial tcp: lookup mirror.corp.local on 10.0.0.2:53: read udp 10.0.0.7:41000->10.0.0.2:53: i/o timeout',
    ],
  }),
  sig({
    id: 'registry.quay-single-component-404',
    cause: 'image.not-found',
    // Quay serves repositories as <namespace>/<repository>; a one-component name (quay.io/alpine) is no
    // repository at all, and Quay's web server answers its HTML 404 page instead of the API's JSON error.
    re: /quay\.io\/[^\/\s:"'\\]+(:[\w.-]+)?['"\]]*:?\s[^\n]{0,40}error parsing http 404 response body|in\s+quay\.io\/[^\/\s:"\\]+: error parsing http 404 response body/,
    anchors: ['error parsing http 404 response body'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['image.invalid-reference'],
    check: 'Quay repositories have a namespace: quay.io/<namespace>/<repository>[:tag] — search quay.io for the image\'s real namespace (quay.io/buildah/stable, not quay.io/buildah1); for Docker Hub\'s official images, pull docker.io/library/<name>',
    source: 'Quay (namespace/repository paths; HTML 404 for other paths); containers/image "error parsing HTTP 404 response body"',
    samples: ['Error reading manifest latest in quay.io/buildah1: error parsing HTTP 404 response body: invalid character \'<\' looking for beginning of value: "<!DOCTYPE HTML PUBLIC', 'Error reading manifest sid-slim in quay.io/debian: error parsing HTTP 404 response body: invalid character \'<\''],
    counterSamples: ['Error reading manifest 1.0 in quay.io/acme/app: error parsing HTTP 404 response body: invalid character \'<\''],
  }),
  sig({
    id: 'registry.push-no-project',
    cause: 'image.not-found',
    // Docker prints "The push refers to repository [<host>/<path>]" before pushing. Registries with projects or
    // namespaces (Harbor above all) need the first path component to be an existing project, and Harbor answers a
    // push into a repository without one — a single component under a private host — with HTTP 500 on the blob
    // upload, not with NAME_UNKNOWN. Docker Hub's single-component names are library/<name>, so only hosts with a
    // dot or a port count here.
    re: /the push refers to (a )?repository \[[\w-]+(\.[\w-]+)+(:\d+)?\/[\w.-]+\][\s\S]{0,600}?received unexpected http status: 5\d\d/,
    anchors: ['push refers to'],
    confidence: 0.6,
    specificity: 96,
    alternatives: ['registry.server-error'],
    check: 'the repository has no project component (<host>/<name>): on Harbor create the project and push to <host>/<project>/<name> (docker tag first); if a project path was given, the registry\'s own log (registry, core) names the 500',
    source: 'Docker push ("The push refers to repository [%s]"); Harbor answering 500 for a push outside an existing project (goharbor/harbor maintainers: create the project before pushing)',
    samples: [
      'The push refers to repository [harbor.example.com/nginx]\n5f70bf18a086: Retrying in 1 second\nreceived unexpected HTTP status: 500 Internal Server Error',
      'The push refers to a repository [10.0.0.8:8443/app]\na1b2c3d4e5f6: Retrying in 3 seconds\nreceived unexpected HTTP status: 500 Internal Server Error',
    ],
    counterSamples: [
      'The push refers to repository [harbor.example.com/team/nginx]\n5f70bf18a086: Retrying in 1 second\nreceived unexpected HTTP status: 500 Internal Server Error',
      'The push refers to repository [docker.io/acme/app]\nreceived unexpected HTTP status: 502 Bad Gateway',
    ],
  }),
  sig({
    id: 'registry.htpasswd-authentication-failure',
    cause: 'image.auth-rejected',
    // The registry's own log (distribution's htpasswd access controller): a client sent a user and password the
    // htpasswd file does not accept. Without credentials the same challenge ends in "invalid authorization
    // credential" instead, which every client meets once before it logs in: that one decides nothing.
    re: /challenge for realm \\?"[^"\\\n]*\\?": authentication failure|\buser failed to authenticate\b/,
    anchors: ['authentication failure', 'user failed to authenticate'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['image.pullsecret-wrong-registry'],
    check: 'the user the log names against the registry\'s htpasswd file (htpasswd -vB <file> <user>), and the pull secret or docker login the client used for this host',
    source: 'distribution registry/auth/htpasswd (challenge "basic authentication challenge for realm %q: %s" with ErrAuthenticationFailure; "user failed to authenticate" at info)',
    samples: [
      'level=warning msg="error authorizing context: basic authentication challenge for realm \\"Registry Realm\\": authentication failure" go.version=go1.20.8 http.request.method=GET http.request.uri="/v2/"',
      'level=info msg="user failed to authenticate" error="crypto/bcrypt: hashedPassword is not the hash of the given password" username=ci',
    ],
    counterSamples: ['level=warning msg="error authorizing context: basic authentication challenge for realm \\"Registry Realm\\": invalid authorization credential"'],
  }),
  sig({
    id: 'registry.storage-driver-path-missing',
    cause: 'registry.server-error',
    // The registry's own log: its storage driver cannot find a path the registry's metadata points to (a blob
    // deleted from the bucket, a wrong rootdirectory) — the registry answers 500 for it; the registry's fault.
    re: /(s3aws|gcs|azure|swift|oss|filesystem): path not found: \//,
    anchors: ['path not found'],
    confidence: 0.8,
    specificity: 90,
    check: 'the registry\'s storage: the bucket and rootdirectory in its config (config.yml storage section, Harbor\'s registry storage settings) and whether the path it names exists; a garbage collection or a bucket lifecycle rule may have removed it',
    source: 'distribution storage drivers (PathNotFoundError: "%s: Path not found: %s")',
    samples: ['level=error msg="response completed with error" err.code=unknown err.detail="s3aws: Path not found: /docker/registry/v2/repositories/app/_uploads/1/data"', 'err.detail="filesystem: Path not found: /docker/registry/v2/blobs/sha256/aa/aabb/data"'],
    counterSamples: ['Path not found'],
  }),
  sig({
    id: 'registry.storage-driver-detail',
    cause: 'registry.server-error',
    // A client relaying the distribution registry's UNKNOWN error (its HTTP 500) whose detail is a storage
    // driver error: the registry is up but its own bucket or disk failed it. Whatever the driver's detail says
    // (a dial timeout to S3, an AccessDenied) is the registry's backend, not the node's path to the registry.
    re: /\bdrivername\W{1,3}(s3aws|s3|gcs|azure|swift|oss|filesystem|inmemory)\b/,
    anchors: ['drivername'],
    confidence: 0.85,
    specificity: 95,
    check: 'the registry\'s storage, named after DriverName in the message: its config.yml storage section (bucket, region, rootdirectory, credentials) and the registry\'s own log for the same request; the node\'s path to the registry is fine (the registry answered)',
    source: 'distribution registry/storage/driver (Error{DriverName, Detail} sent as the detail of errcode UNKNOWN, HTTP 500); go-containerregistry transport.Error prints the detail as a map, containerd and Docker as JSON',
    samples: [
      'Error: GET https://registry.example.com/v2/app/manifests/1.0: UNKNOWN: unknown error; map[DriverName:s3aws Message:RequestError: send request failed caused by: Get https://s3.eu-central-1.amazonaws.com/bucket: dial tcp 52.219.170.12:443: i/o timeout]',
      'failed to pull and unpack image "registry.example.com/app:1.0": failed to resolve reference "registry.example.com/app:1.0": unexpected status from GET request to https://registry.example.com/v2/app/manifests/1.0: 500 Internal Server Error; {"errors":[{"code":"UNKNOWN","message":"unknown error","detail":{"DriverName":"gcs","Enclosed":{"Code":403}}}]}',
    ],
    counterSamples: ['storage: driver name s3aws configured', 'Error: GET https://registry.example.com/v2/app/manifests/1.0: MANIFEST_UNKNOWN: manifest unknown; map[Tag:1.0]'],
  }),
  sig({
    id: 'registry.own-log-internal-error',
    cause: 'registry.server-error',
    // The registry's own access log for a request it failed: err.code=unknown is the distribution registry's
    // UNKNOWN error code, the 500 it answers when its storage or a backend fails (a mkdir or a bucket
    // write refused). A full disk still reads as one (image.disk-full's words are more specific). The upstream's words it relays (a pull-through cache's toomanyrequests) keep their own,
    // more specific signatures.
    re: /response completed with error\W{0,3}\s+(\S+\s+){0,3}err\.code\W{0,2}unknown\b/,
    anchors: ['response completed with error'],
    confidence: 0.8,
    specificity: 70,
    check: 'err.detail on the same line names what failed inside the registry: its storage directory or bucket (permissions of the rootdirectory for the registry\'s user, free space, credentials of the bucket) in its config.yml storage section',
    source: 'distribution registry/handlers (app.go logs "response completed with error" with err.code; errcode ErrorCodeUnknown is HTTP 500)',
    samples: [
      'time="2022-02-14T06:45:46Z" level=error msg="response completed with error" err.code=unknown err.detail="filesystem: mkdir /var/lib/registry/docker: permission denied" err.message="unknown error"',
      'level=error msg="response completed with error" err.code=unknown err.detail="s3aws: AccessDenied: Access Denied\\n\\tstatus code: 403" err.message="unknown error" http.request.method=PUT',
    ],
    counterSamples: ['level=error msg="response completed with error" err.code="manifest unknown" err.detail="unknown tag=latest" err.message="manifest unknown"'],
  }),
  sig({
    id: 'ambiguous.commit-digest-mismatch',
    cause: 'unknown',
    // containerd hashes what it wrote before committing it: a digest other than the one asked for means the bytes
    // came out wrong, whether a registry, mirror or proxy served other content or containerd resumed a stale or
    // empty partial download of its own (an ingest left under the content store by an interrupted pull).
    re: /unexpected commit digest/,
    anchors: ['unexpected commit digest'],
    confidence: 0.5,
    specificity: 80,
    alternatives: ['registry.server-error', 'registry.proxy'],
    check: 'ctr -n k8s.io content active on the node (a stale ingest of that digest: remove it with ctr -n k8s.io content rm, or restart containerd) and pull again; the same mismatch on a node with a clean content store points at the registry or the proxy or mirror in between (curl the blob and sha256sum it)',
    source: 'containerd content writer commit ("unexpected commit digest %s, expected %s")',
    samples: [
      'failed to pull and unpack image "docker.io/codercom/code-server:3.9.0": failed commit on ref "layer-sha256:1860": unexpected commit digest sha256:e3b0c442, expected sha256:1860da6d: failed precondition',
      'failed commit on ref "manifest-sha256:9f2c": unexpected commit digest sha256:aa11, expected sha256:9f2c: failed precondition',
    ],
    counterSamples: ['failed commit on ref "layer-sha256:1860": commit failed: unexpected size 0, expected 31825: failed precondition'],
  }),
  sig({
    id: 'registry.server-5xx',
    check: 'the registry\'s own health and logs (or its status page); a 5xx through a proxy can come from the proxy — curl -v the same URL with and without the proxy',
    cause: 'registry.server-error',
    // Only beside a pull or a registry: a 5xx is any HTTP server's (an ingress, an API); ambiguous.http-5xx-outside-pull.
    re: besidePull(/\b(500 internal server error|502 bad gateway|503 service unavailable|504 gateway time-?out)|https?:\/\/\S+: (service unavailable|bad gateway|gateway time-?out|internal server error)\s*$|\b5\d\d \((internal server error|bad gateway|service unavailable|gateway time-?out)\)|unexpected http status: 5\d\d|unexpected status from \w+ request to \S+: 5\d\d (server error|internal server error|service unavailable|bad gateway|gateway time-?out)|server error: 5\d\d trying (?:to push|head request for)|status 5\d\d trying to pull repository|server error: status 5\d\d while fetching|unsupported status code 5\d\d|error parsing http 5\d\d response body|\(code: 5\d\d; headers: |blob unknown|blob_unknown|\bunknown blob\b|unexpected commit digest|failed size validation|digest did not match, expected/),
    anchors: ['internal server error', 'bad gateway', 'service unavailable', 'gateway time', 'trying to pull repository', '500 server error', 'trying to push', 'trying head request for', 'server error: status 5', 'http status: 5', 'unsupported status code 5', 'response body', 'code: 5', 'blob unknown', 'blob_unknown', 'unknown blob', 'unexpected commit digest', 'failed size validation', 'digest did not match'],
    confidence: 0.8,
    specificity: 75,
    // 502/504 come from a gateway in front of a registry: a pull-through mirror or proxy cache, a P2P agent.
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    source: 'facts §4.6 (unexpected status …), §8 (BLOB_UNKNOWN)',
    samples: [
      'Error pushing to registry: Server error: 502 trying head request for acme/api - sha256:b5fee3b077924662569a2196169132eb6d67aae161b79e94c7faad1bb7e33dfb',
      // Docker before 1.8 printed an error page's end with the status and headers.
      'Error response from daemon: </html> (Code: 502; Headers: map[Content-Type:[text/html; charset=utf-8] Server:[nginx/1.6.2]])',
      // Docker's download manager: the registry listed a layer it then could not serve.
      'dockerd[1388]: level=error msg="Download failed after 1 attempts: unknown blob"',
      // Docker 1.x's v1 layer download.
      'Error pulling image (latest) from acme/web, Server error: Status 502 while fetching image layer (8bb55f0677786)',
      'GET https://registry.example.com/v2/app/blobs/sha256:86/data: unsupported status code 503; body: <html>',
      'failed to resolve reference "harbor.corp/app/web:2": unexpected status from HEAD request to https://harbor.corp/v2/app/web/manifests/2: 503 Service Unavailable',
      'failed to copy: httpReadSeeker: failed open: content at https://reg.lab/v2/app/blobs/sha256:9f2c not found: blob unknown to registry',
      'Error response from daemon: received unexpected HTTP status: 500 Internal Server Error',
      // containers/image's words for content that does not hash to the digest it was fetched by.
      'Error reading blob sha256:4f1a: Digest did not match, expected sha256:4f1a, got sha256:9b2c',
      // Docker's token fetch reports the status text alone after the URL.
      'Error response from daemon: Get https://registry-1.docker.io/v2/: Get https://auth.docker.io/token?scope=repository%3Alibrary%2Fnginx%3Apull&service=registry.docker.io: Service Unavailable',
    ],
    counterSamples: ['Service Unavailable is not something this line says'],
  }),
  sig({
    id: 'registry.unexpected-eof',
    check: 'retry the pull once; a reproducible EOF at the same byte count points at a proxy or MTU black hole on the path (ip link mtu; curl -o /dev/null the blob URL), a random one at the registry or its storage backend',
    cause: 'registry.server-error',
    // Only beside a pull: an EOF is any stream that ended early (a compose API call, a local pipe).
    // An HTTP/2 server (or the load balancer in front of it) closing the connection mid-request reads the same; a
    // single stream reset (INTERNAL_ERROR received from peer) is registry.http2-stream-internal-error.
    // Not a GOAWAY for a frame the client sent wrong (FRAME_SIZE_ERROR, PROTOCOL_ERROR, COMPRESSION_ERROR): that is the
    // client's HTTP/2 stack or a middlebox rewriting frames, not the registry failing.
    re: besidePull(/unexpected eof|short read|http2: server sent goaway and closed the connection(?![^\n]{0,40}errcode=(frame_size|protocol|compression)_error)/),
    anchors: ['unexpected eof', 'short read', 'goaway'],
    confidence: 0.5,
    specificity: 55,
    // a mirror or pull-through cache relaying the blob cuts it the same way when its upstream or disk fails
    alternatives: ['flannel.mtu', 'registry.proxy', 'registry.mirror-misconfigured'],
    source: 'facts causes.md (unexpected EOF while the registry is up)',
    samples: [
      'failed to pull and unpack image "docker.io/library/node:20": failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://production.cloudflare.docker.com/registry-v2/docker/registry/v2/blobs/sha256/aa/aa11/data": unexpected EOF',
      'failed to extract layer sha256:1e2a: failed to copy: unexpected EOF',
      'failed to do request: Head "https://registry.example.com/v2/app/manifests/1": http2: server sent GOAWAY and closed the connection; LastStreamID=1, ErrCode=NO_ERROR, debug=""',
    ],
    counterSamples: ['reached end of file', 'Failed to deploy a stack: compose up operation failed: unexpected EOF'],
  }),
  sig({
    id: 'registry.ping-5xx',
    cause: 'registry.server-error',
    // CRI-O / containers/image pings /v2/ first: a 5xx status text there is the registry failing.
    re: /pinging (container |docker )?registry [^\n]{0,400}(internal server error|bad gateway|service unavailable|gateway time-?out)/,
    anchors: ['pinging container registry', 'pinging docker registry', 'pinging registry'],
    confidence: 0.85,
    specificity: 88,
    alternatives: ['registry.proxy'],
    check: 'curl -v https://<registry>/v2/ from the node: a 5xx there is the registry (its logs, its storage); through a proxy (HTTPS_PROXY in the runtime\'s environment) the 5xx may be the proxy\'s own',
    source: 'containers/image docker client ping ("pinging container registry %s: %v")',
    samples: [
      'pulling image: rpc error: code = Unknown desc = pinging container registry repo.example.com: Get "https://repo.example.com/v2/": Internal Server Error',
      'Error: initializing source docker://registry.example.com/app:1: pinging container registry registry.example.com: received unexpected HTTP status: 503 Service Unavailable',
    ],
    counterSamples: ['pinging container registry registry.example.com: Get "https://registry.example.com/v2/": http: server gave HTTP response to HTTPS client'],
  }),
  sig({
    id: 'registry.dockerhub-token-elsewhere',
    check: 'crictl info | grep -A8 mirrors and /etc/containerd/certs.d/docker.io/hosts.toml: Docker Hub\'s own token service is auth.docker.io; a token request to another host is a mirror answering for docker.io, and its failure is the mirror\'s (or its upstream\'s)',
    cause: 'registry.mirror-misconfigured',
    // Docker Hub hands out tokens from auth.docker.io: a docker.io pull asking another host is talking to a mirror.
    re: /failed to resolve reference \\?"docker\.io\/[^\n]{0,400}failed to fetch (anonymous|oauth) token: unexpected status from \w+ request to https:\/\/(?!auth\.docker\.io\/)[^\/\s"]+\//,
    anchors: ['token: unexpected status from'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['image.auth-missing'],
    source: 'Docker Hub token realm (auth.docker.io); facts §5.2 (mirrors)',
    samples: [
      'failed to resolve reference "docker.io/o/app:latest": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://swr.cn-east-3.myhuaweicloud.com/swr/auth/v2/registry/auth/?scope=repository%3Ao%2Fapp%3Apull&service=dockyard: 401 Unauthorized',
      'failed to resolve reference "docker.io/library/nginx:1": failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://mirror.example.com/token: 403 Forbidden',
    ],
    counterSamples: ['failed to resolve reference "docker.io/library/nginx:1": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alibrary%2Fnginx%3Apull&service=registry.docker.io: 401 Unauthorized'],
  }),
  sig({
    id: 'registry.unexpected-http-code-5xx',
    cause: 'registry.server-error',
    // rkt and other older clients print the registry API's status as "Unexpected HTTP code: <n>, URL: <url>":
    // a 5xx from a /v2/ URL is the registry (or the load balancer in front of it) failing the request.
    // Docker 1.x's v1 pull put it as "Error pulling image (<tag>) from <repo>, endpoint: <url>, HTTP code: <n>".
    re: /unexpected http code: 5\d\d, url: https?:\/\/[^\s/]+\/v[12]\/|error pulling image \([^)\n]*\) from \S+, endpoint: \S+, http code: 5\d\d|pulling repository \S+[\s\S]{0,300}http code: 5\d\d/,
    anchors: ['unexpected http code: 5', 'http code: 5'],
    confidence: 0.85,
    specificity: 90,
    check: 'the registry\'s status page or logs, and the same URL with curl -v from another network: a 5xx everywhere is the registry; only from this node, a proxy in between',
    source: 'rkt docker2aci fetcher ("Unexpected HTTP code: %d, URL: %s")',
    samples: ['rkt[1281]: run: Unexpected HTTP code: 500, URL: https://quay.io/v2/poseidon/kubelet/manifests/v1.10.3', 'Unexpected HTTP code: 503, URL: https://registry.corp/v2/app/blobs/sha256:ab', 'Error pulling image (latest) from docker.io/library/redis, endpoint: https://registry-1.docker.io/v1/, HTTP code: 502'],
    counterSamples: ['Unexpected HTTP code: 401, URL: https://quay.io/v2/org/app/manifests/1'],
  }),
  sig({
    id: 'registry.python-requests-5xx',
    cause: 'registry.server-error',
    // Python requests' HTTPError ("<code> Server Error: <reason> for url: <url>") from tools written in Python (appr,
    // Ansible modules, SDKs): a 5xx from a registry's API, its /v2/ routes or Quay's app registry (/cnr/), is the
    // registry failing the request, as for any other client.
    re: /\b5\d\d server error: [^\n]{0,80}? for url: https?:\/\/([^\s/]*(quay\.io|docker\.io|docker\.com|ghcr\.io|gcr\.io|pkg\.dev|azurecr\.io|registry\.k8s\.io|amazonaws\.com)\/|[^\s/]+\/(v2|cnr)\/)/,
    anchors: ['server error: '],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['registry.proxy'],
    check: 'the registry\'s status page or logs, and the same URL with curl -v from another network: a 5xx everywhere is the registry; only from this node, a proxy in between',
    source: 'Python requests Response.raise_for_status ("%s Server Error: %s for url: %s")',
    samples: [
      "requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://registry.example.com/v2/app/manifests/1.0",
      "message: '500 Server Error: Internal Server Error for url: https://quay.io/cnr/api/v1/packages/org/chart/1.0/helm/pull'",
    ],
    counterSamples: ["500 Server Error: Internal Server Error for url: https://api.example.com/v1/orders", "404 Client Error: Not Found for url: https://quay.io/cnr/api/v1/packages/org/chart"],
  }),
  sig({
    id: 'registry.range-rejected',
    cause: 'registry.server-error',
    // A layer download resumed with a Range header that the registry (or a proxy in front of it) refuses: the
    // server's answer, not the client's network.
    re: /we don't understand your range/,
    anchors: ["understand your range"],
    confidence: 0.7,
    specificity: 92,
    alternatives: ['registry.proxy'],
    check: 'pull again from the node after clearing the partial download (docker pull / crictl pull restarts the layer); if it recurs, the registry or a proxy between rejects Range requests: pull past the proxy or fix its Range support',
    source: 'registry answer to a resumed blob GET with a Range header',
    samples: ['f3dd23: Downloading [=====>   ]  28.31MB/142.9MB\nerror from registry: We don\'t understand your Range', "error pulling image configuration: error from registry: We don't understand your Range"],
    counterSamples: ['Range: bytes=0-1023'],
  }),
  sig({
    id: 'registry.html-in-place-of-blob',
    cause: 'registry.mirror-misconfigured',
    // A blob whose body is an HTML page: the endpoint the runtime was sent to (a mirror's URL without its API
    // path, a registry's web UI, a captive portal) is a web server, not the registry API.
    re: /unexpected media type text\/html for sha256:/,
    anchors: ['unexpected media type text/html'],
    confidence: 0.75,
    specificity: 95,
    alternatives: ['registry.proxy', 'registry.server-error'],
    check: 'the mirror endpoints the runtime uses for that registry (/etc/containerd/certs.d/<registry>/hosts.toml server and [host.…] entries, registries.yaml on k3s): curl -sI <endpoint>/v2/ must answer with the Docker-Distribution-API-Version header, not an HTML page',
    source: 'containerd content fetch checking the blob\'s media type',
    samples: ['failed to pull and unpack image "docker.io/library/node:latest": failed to unpack image on snapshotter overlayfs: unexpected media type text/html for sha256:1a2f: not found', 'failed to extract layer sha256:9c1e: unexpected media type text/html for sha256:9c1e'],
    counterSamples: ['unexpected media type application/vnd.oci.image.index.v1+json'],
  }),
  sig({
    id: 'registry.realm-elsewhere-timeout',
    cause: 'registry.mirror-misconfigured',
    // The token for one host fetched from another that does not answer: a mirror or pull-through proxy that
    // passes on its upstream's WWW-Authenticate realm sends every node to the upstream it was meant to replace.
    // Docker Hub's own realm is on another host (auth.docker.io), so Docker Hub's hosts are not a mirror here.
    re: /https?:\/\/(?!(registry-1\.docker\.io|index\.docker\.io|docker\.io)[\/:])([^\/\s"\\]+)\/v2\/[^\s"\\]*\\*"?: get \\*"?https?:\/\/(?!\2[\/"\\])[^\/\s"\\]+\/[^\s"\\]*token[^\n]{0,300}(i\/o timeout|request canceled while waiting for connection|client\.timeout exceeded|connection timed out)/,
    anchors: ['token'],
    confidence: 0.6,
    specificity: 97,
    alternatives: ['registry.connect-timeout', 'registry.proxy'],
    check: 'curl -sI https://<the mirror>/v2/ from the node: its WWW-Authenticate realm must point at the mirror itself; a realm on the upstream (gcr.io, auth.docker.io) needs the mirror to rewrite it, or the node to reach the upstream too',
    source: 'distribution token auth: the client follows the realm of the 401 challenge, wherever it points',
    samples: [
      'Head "https://gcr.mirror.example/v2/kaniko-project/executor/manifests/v1.23.2": Get "https://gcr.io/v2/token?scope=repository%3Akaniko-project%2Fexecutor%3Apull&service=gcr.io": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
      'Get "https://hub.mirror.example/v2/": Get "https://auth.docker.io/token?service=registry.docker.io": dial tcp 10.0.0.9:443: i/o timeout',
    ],
    counterSamples: [
      'Head "https://gcr.io/v2/a/manifests/1": Get "https://gcr.io/v2/token?scope=repository%3Aa%3Apull": dial tcp 10.0.0.9:443: i/o timeout',
      'Head https://registry-1.docker.io/v2/istio/proxyv2/manifests/1.9.1: Get https://auth.docker.io/token?scope=repository%3Aistio%2Fproxyv2%3Apull&service=registry.docker.io: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    ],
  }),
  sig({
    id: 'registry.mirror-403-next-endpoint',
    cause: 'registry.mirror-misconfigured',
    // dockerd tries its registry-mirrors before the upstream and logs each failure with "Attempting next
    // endpoint"; a 403 there is the mirror refusing this node (a mirror open only to its own network).
    re: /attempting next endpoint for pull after error: [^\n]{0,80}\b403\b/,
    anchors: ['attempting next endpoint'],
    confidence: 0.7,
    specificity: 94,
    alternatives: ['image.auth-rejected'],
    check: 'registry-mirrors in /etc/docker/daemon.json: curl -sI <mirror>/v2/ from the node — a mirror that serves only its own network (a university or cloud-internal mirror) must be removed or replaced, then systemctl restart docker',
    source: 'dockerd pull endpoints (mirrors first), "Attempting next endpoint for pull after error"',
    samples: ['level=info msg="Attempting next endpoint for pull after error: error parsing HTTP 403 response body: no error details found in HTTP response body: \\"{\\\\\\"message\\\\\\":\\\\\\"mirror.example.edu is currently campus-only\\\\\\"}\\""', 'Attempting next endpoint for pull after error: unexpected status code 403 Forbidden'],
    counterSamples: ['Attempting next endpoint for pull after error: manifest unknown: manifest unknown'],
  }),
  sig({
    id: 'registry.cdn-outage-page',
    cause: 'registry.server-error',
    // Azure Front Door's page for an origin it cannot serve (in front of mcr.microsoft.com and other Azure-hosted
    // registries): the registry's edge is failing, whatever status it is sent with.
    re: /our services aren't available right now/,
    anchors: ["our services aren't available right now"],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['registry.proxy'],
    check: 'the registry\'s status page (Azure status for mcr.microsoft.com) and a retry later; from several networks the same page means the service, from one network only a proxy in between',
    source: 'Azure Front Door error page ("Our services aren\'t available right now")',
    samples: ['Error response from daemon: error parsing HTTP 400 response body: invalid character \'<\' looking for beginning of value: "<h2>Our services aren\'t available right now</h2><p>We\'re working to restore all services as soon as possible."', 'failed to resolve reference "mcr.microsoft.com/dotnet/sdk:8.0": unexpected status: 503 (<h2>Our services aren\'t available right now</h2>)'],
    counterSamples: ['Our services are available'],
  }),
  sig({
    id: 'registry.storage-backend-failed',
    cause: 'registry.server-error',
    // The distribution registry (and Harbor's, which is one) keeps blobs in a storage driver: an S3 error or a full
    // filesystem under its root is the registry's own failure, answered as 500 "unknown error" to every client.
    re: /\bs3aws: (nosuchbucket|requesttimetooskewed|accessdenied|invalidaccesskeyid|signaturedoesnotmatch|nosuchkey|slowdown|internalerror)\b|\/var\/lib\/registry\/\S*: no space left on device/,
    anchors: ['s3aws: ', '/var/lib/registry/'],
    confidence: 0.8,
    specificity: 96,
    check: 'the registry\'s own log and its storage (config.yml storage: section): the bucket, its credentials and region for S3, the clock of the registry host for RequestTimeTooSkewed, free space under its rootdirectory; the nodes are not at fault',
    source: 'distribution registry/storage/driver/s3-aws ("s3aws: " prefix) and filesystem driver errors in the registry\'s log',
    samples: [
      'time="2026-12-06T01:14:36.300Z" level=error msg="response completed with error" err.code=unknown err.detail="s3aws: NoSuchBucket: The specified bucket does not exist" err.message="unknown error"',
      'level=error msg="Error serving blob from local storage: filesystem: write /var/lib/registry/docker/registry/v2/blobs/sha256/d4/d440/data: no space left on device"',
    ],
    counterSamples: ['failed to extract layer sha256:d440 to overlayfs as "extract-1": write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/9/fs/usr/lib/x: no space left on device'],
  }),
  sig({
    id: 'registry.bad-digest-header',
    cause: 'registry.server-error',
    // containerd reads the manifest digest from the Docker-Content-Digest header of the registry's answer: a value
    // that is not a digest comes from the registry or a proxy in front of it, not from the image reference.
    re: /\\?"[^"\n]{0,80}\\?" in header not a valid digest/,
    anchors: ['in header not a valid digest'],
    confidence: 0.75,
    specificity: 97,
    alternatives: ['registry.proxy'],
    check: 'curl -sI -H "Accept: application/vnd.oci.image.index.v1+json" https://<registry>/v2/<repo>/manifests/<tag> from the node: the Docker-Content-Digest header must be sha256:<64 hex>; a proxy or cache that rewrites or empties it is the one to fix',
    source: 'containerd core/remotes/docker/resolver.go (Docker-Content-Digest header: "%q in header not a valid digest")',
    samples: [
      'failed to pull and unpack image "registry.infra.acme.io:5000/payments/api:2.14.0": failed to resolve image: "sha256:" in header not a valid digest: invalid checksum digest format',
      'failed to resolve reference "reg.lab/app:1": "W/\\"5f3a\\"" in header not a valid digest: invalid checksum digest format',
    ],
    counterSamples: ['failed to pull and unpack image "reg.lab/app@sha256:zz": invalid checksum digest format'],
  }),
  sig({
    id: 'registry.push-refused-by-policy',
    cause: 'unknown',
    // Harbor's quota and read-only mode refuse writes (push, delete), never a node's pull: a text of these is about
    // a push, which no cause of this tool names.
    re: /will exceed the configured upper limit of|the system is in read only mode/,
    anchors: ['configured upper limit', 'read only mode'],
    confidence: 0.5,
    specificity: 97,
    alternatives: ['image.auth-rejected'],
    check: 'whether this is a push (CI, a proxy-cache project storing what it fetched) rather than a node\'s pull: Harbor → project quotas, or Administration → Configuration → read only',
    source: 'Harbor quota ("adding %s of storage resource, which when updated to current usage of %s will exceed the configured upper limit of %s") and read-only middleware',
    samples: [
      'Error response from daemon: denied: adding 112.4 MiB of storage resource, which when updated to current usage of 9.9 GiB will exceed the configured upper limit of 10.0 GiB.',
      'Error response from daemon: denied: The system is in read only mode. Any modification is prohibited.',
    ],
    counterSamples: ['Error response from daemon: denied: requested access to the resource is denied'],
  }),
  sig({
    id: 'registry.manifest-over-limit',
    cause: 'unknown',
    // containerd refuses a manifest larger than its limit (4 MiB) and reports it as not found: the image exists, and
    // nothing about the registry, the name or the node is wrong — the manifest is too large for this runtime.
    re: /rejecting \d+ byte manifest for/,
    anchors: ['byte manifest for'],
    confidence: 0.5,
    specificity: 97,
    alternatives: ['image.not-found'],
    check: 'the size of the manifest (or index) in the registry: crane manifest <image> | wc -c; over 4 MiB containerd will not take it: publish a smaller index (fewer platforms or attestations per tag)',
    source: 'containerd core/remotes/docker/resolver.go (MaxManifestSize: "rejecting %d byte manifest for %s")',
    samples: [
      'failed to resolve image: rejecting 4194321 byte manifest for registry.infra.acme.io:5000/ml/model-bundle:2026.11: not found',
      'failed to resolve reference "reg.lab/big:1": rejecting 5242880 byte manifest for reg.lab/big:1: not found',
    ],
    counterSamples: ['failed to resolve reference "reg.lab/big:1": reg.lab/big:1: not found'],
  }),
  sig({
    id: 'registry.v1-hub-server-error',
    cause: 'registry.server-error',
    // Docker's v1 pull (Docker before 1.6, "Pulling repository …") reports the registry's status alone: a 5xx, or a
    // 404 for a layer the repository's own image list names, is the registry failing, not the name.
    re: /\bmsg=\\?"http code: 50[0234]\\?"|status \d{3} while fetching image layer/,
    anchors: ['http code: 50', 'while fetching image layer'],
    confidence: 0.65,
    specificity: 90,
    alternatives: ['registry.proxy'],
    check: 'whether the registry (or a proxy in front of it) is failing now: curl -sI https://<registry>/v2/ from the node, and the registry\'s status page; pulling again later decides a passing outage',
    source: 'Docker v1 registry client (registry/session.go: "HTTP code: %d", "Server error: Status %d while fetching image layer (%s)")',
    samples: [
      'time="2015-03-24T11:26:03Z" level="fatal" msg="HTTP code: 502"',
      'bfd322ebb208: Error pulling image (latest) from kibana, Server error: Status 404 while fetching image layer (972313908e2a)',
    ],
    counterSamples: ['Error response from daemon: (HTTP code 500) server error - {"message":"Get https://registry-1.docker.io/v2/: dial tcp: lookup registry-1.docker.io: no such host"}'],
  }),
];
