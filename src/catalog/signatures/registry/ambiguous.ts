import type { Signature } from '../../types.js';
import { sig } from '../define.js';
import { NEAR_PULL } from './shared.js';

/** Transport and registry texts that do not name a cause alone: `unknown` with candidates and the check that decides. */
export const AMBIGUOUS_REGISTRY_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.lookup-local-errno',
    cause: 'unknown',
    // Go's net.DNSError carries whatever failed: a DNS answer (no such host, server misbehaving), a timeout, or a
    // system call of the resolver itself (getaddrinfo's EAI_SYSTEM errno with cgo, a socket the pure-Go resolver
    // could not open). An errno such as EBUSY or EMFILE is the node's process or kernel state, not an answer
    // about the name: it says nothing about the registry's name or the nameservers.
    re: /\blookup [^\s:"\\]+(?: on [\w.:[\]%-]+)?: [^\n"]{0,80}?(device or resource busy|too many open files|no buffer space available|cannot allocate memory|operation not permitted)/,
    anchors: ['device or resource busy', 'too many open files', 'no buffer space available', 'cannot allocate memory', 'operation not permitted'],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['dns.node-resolver', 'registry.dns'],
    check: 'the resolver failed locally (an errno, not a DNS answer): getent hosts <name> on the node, and for the runtime process its open files (ls /proc/$(pidof containerd)/fd | wc -l against ulimit -n) and its seccomp/AppArmor profile; if getent answers, retry the pull',
    source: 'Go net.DNSError ("lookup %s: %v" without a server when the error is not an exchange with one); errno texts of the C library',
    samples: [
      'error pinging docker registry registry.example.org: Get "https://registry.example.org/v2/": dial tcp: lookup registry.example.org: device or resource busy',
      'dial tcp: lookup quay.io on 10.0.0.2:53: dial udp 10.0.0.2:53: socket: too many open files',
    ],
    counterSamples: ['dial tcp: lookup quay.io on 10.0.0.2:53: no such host', 'open /etc/containerd/config.toml: device or resource busy'],
  }),
  sig({
    id: 'registry.pull-canceled',
    cause: 'unknown',
    // "context canceled" is the caller giving up (a deploy tool's own timeout, a user's interrupt, another
    // error cancelling the pull), not a deadline on the network: what stopped it is in the caller's log.
    re: new RegExp(String.raw`${NEAR_PULL}[^\n]{0,600}context canceled`),
    anchors: ['context canceled'],
    confidence: 0.5,
    specificity: 49,
    alternatives: ['registry.connect-timeout', 'registry.server-error', 'registry.mirror-misconfigured'],
    check: 'the log of whatever started the pull (kubelet, the scheduler\'s driver, the deploy tool) just before the cancel: its own timeout or an earlier error; then crictl pull <image> on the node to see whether the pull finishes when nothing cancels it',
    source: 'Go context package: Canceled is returned when the context\'s cancel function was called, DeadlineExceeded when its deadline passed',
    samples: ['Failed to pull `library/busybox:1.36`: context canceled', 'failed to resolve reference "docker.io/library/nginx:1.27": failed to do request: Head "https://registry-1.docker.io/v2/library/nginx/manifests/1.27": context canceled'],
    counterSamples: ['context canceled', 'failed to pull and unpack image "a/b:1": failed to copy: read tcp 10.0.0.5:45822->104.16.99.1:443: read: i/o timeout'],
  }),
  sig({
    id: 'registry.local-socket-deadline',
    cause: 'unknown',
    // The deadline ran out on a call to the local Docker daemon's socket (dockershim's images/create): the
    // kubelet stopped waiting for the daemon, which may still be pulling a large image or be hung itself.
    re: /(docker\.sock|%2fvar%2frun%2fdocker\.sock)[^\n]{0,600}?(context deadline exceeded|context canceled)/,
    anchors: ['docker.sock'],
    confidence: 0.5,
    specificity: 60,
    alternatives: ['registry.connect-timeout', 'runtime.unavailable'],
    check: 'docker pull <image> on the node itself and journalctl -u docker at that time: a pull that completes there only outlasted the kubelet\'s --runtime-request-timeout (large images); a daemon that does not answer docker info is the runtime',
    source: 'dockershim image service: the kubelet calls POST /images/create on the daemon\'s unix socket with its runtime request deadline',
    samples: ['rpc error: code = Unknown desc = Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.41/images/create?fromImage=quay.io%2Forg%2Fapp&tag=1.0": context deadline exceeded', 'error pulling image: Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/images/create?fromImage=nginx&tag=1.27": context canceled'],
    counterSamples: ['Get "https://registry.example.com/v2/": context deadline exceeded'],
  }),
  sig({
    id: 'registry.gc-bad-digest',
    cause: 'unknown',
    // The registry's own garbage collector meeting a malformed digest in its storage: a damaged repository
    // link file in the registry, not a reference a client typed.
    re: /(garbage.collect|failed to mark)[^\n]{0,200}invalid checksum digest/,
    anchors: ['invalid checksum digest'],
    confidence: 0.5,
    specificity: 97,
    alternatives: ['registry.server-error'],
    check: 'the registry\'s storage: find the repository\'s _manifests/…/link files whose content is not sha256:<64 hex> (an empty or truncated file from an interrupted write) and remove that tag or revision before running the collector again',
    source: 'distribution registry garbage-collect: mark phase reads every manifest link and parses its digest',
    samples: ['failed to garbage collect: failed to mark: filesystem: filesystem: invalid checksum digest format', 'registry garbage-collect /etc/docker/registry/config.yml: failed to mark: invalid checksum digest length'],
    counterSamples: ['Failed to pull image "app@sha256:123": invalid checksum digest length'],
  }),
  sig({
    id: 'node.join-cacerts-401',
    cause: 'unknown',
    // A k3s/RKE2 agent fetches the server's CA bundle with its join token first; a 401 there is the token the
    // server does not accept, not a registry's credentials.
    re: /failed to get ca certs at [^\n]{0,200}\b401\b/,
    anchors: ['failed to get ca certs'],
    confidence: 0.5,
    specificity: 97,
    alternatives: ['node.not-ready'],
    check: 'the agent\'s K3S_TOKEN / --token (or RKE2\'s) against the server\'s /var/lib/rancher/<k3s|rke2>/server/token: a token from another server or an old install is refused with 401',
    source: 'k3s/rke2 agent bootstrap: GET https://<server>/cacerts with the join token',
    samples: ['failed to get CA certs at https://127.0.0.1:6444/cacerts: 401 Unauthorized', 'level=error msg="failed to get CA certs at https://10.0.0.1:6443/cacerts: 401 Unauthorized"'],
    counterSamples: ['failed to get CA certs at https://10.0.0.1:6443/cacerts: dial tcp 10.0.0.1:6443: connect: connection refused'],
  }),
  sig({
    id: 'node.join-cacerts-unreachable',
    cause: 'unknown',
    // The k3s/RKE2 agent's first request, for the server's CA bundle, goes through its local load balancer
    // (127.0.0.1:6444) or straight to the server: EOF or a transport error there is the agent not reaching any
    // server (its address unresolvable or unreachable from the node), not a registry.
    re: /failed to get ca certs( at)?:? [^\n]{0,200}(: eof|connection refused|i\/o timeout|no route to host|no such host|connection reset by peer)/,
    anchors: ['failed to get ca certs'],
    confidence: 0.5,
    specificity: 97,
    alternatives: ['dns.node-resolver', 'node.firewall', 'node.not-ready'],
    check: 'the server address the agent was given (K3S_URL / --server, or RKE2\'s server: in config.yaml) from this node: getent hosts <server host> (an .local or short name needs the node\'s resolver to know it), then curl -vk https://<server>:<6443|9345>/cacerts — a refusal or timeout is the server down or a firewall between them',
    source: 'k3s/rke2 agent bootstrap: GET https://<server>/cacerts (through the agent load balancer on 127.0.0.1:6444)',
    samples: ['level=error msg="failed to get CA certs: Get \\"https://127.0.0.1:6444/cacerts\\": EOF"', 'failed to get CA certs at https://10.0.0.1:6443/cacerts: dial tcp 10.0.0.1:6443: connect: connection refused'],
    counterSamples: ['failed to get CA certs at https://127.0.0.1:6444/cacerts: 401 Unauthorized'],
  }),
  sig({
    id: 'image.manifest-404-body-unparsable',
    cause: 'image.not-found',
    // containers/image pings /v2/ before it reads a manifest, so "Error reading manifest <ref> in <repo>" with a 404
    // means a registry answered the ping and then had no such manifest, whatever page its 404 carries (Red Hat's
    // registry answers "File not found." in plain text).
    re: /error reading manifest \S+ in \S+: error parsing http 404 response body/,
    anchors: ['error parsing http 404 response body'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['image.invalid-reference', 'registry.mirror-misconfigured'],
    check: 'skopeo inspect docker://<image> (or curl -s https://<host>/v2/<repo>/tags/list with a token): is the tag or digest in that repository? a digest of another architecture\'s manifest, or one removed from the registry, is not there',
    source: 'containers/image docker client (ping, then GET manifests; a non-JSON error body is reported as "error parsing HTTP 404 response body")',
    samples: [
      'rpc error: code = Unknown desc = Error reading manifest sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef in registry.example.com/team/operator: error parsing HTTP 404 response body: invalid character \'F\' looking for beginning of value: "File not found.\\""',
      'Error reading manifest 1.2 in quay.io/team/app: error parsing HTTP 404 response body: unexpected end of JSON input: ""',
    ],
    counterSamples: ['failed to resolve reference "docker.io/library/alpine:3.19": error parsing HTTP 404 response body: invalid character \'<\' looking for beginning of value: "<html><body>Not Found</body></html>"'],
  }),
  sig({
    id: 'registry.html-404',
    cause: 'unknown',
    // A 404 whose body is an HTML page, not the registry API's JSON error: the request reached a web server
    // route that does not exist. Either the host is not a registry endpoint (a mirror URL with a wrong path,
    // a web front page) or the registry's router has no such repository path (a name without the namespace
    // the registry requires).
    re: /error parsing http 404 response body/,
    anchors: ['error parsing http 404 response body'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['registry.mirror-misconfigured', 'image.not-found', 'image.invalid-reference'],
    check: 'curl -si https://<host>/v2/ from the node: a registry answers 401 or 200 with Docker-Distribution-Api-Version; an HTML page means the host or mirror path is not a registry. If it is one, check the repository path has every component the registry needs (namespace/repository on Quay and Harbor)',
    source: 'distribution client: a non-JSON error body is reported as "error parsing HTTP <status> response body"',
    samples: [
      'failed to resolve reference "docker.io/library/alpine:3.19": error parsing HTTP 404 response body: invalid character \'<\' looking for beginning of value: "<html><body>Not Found</body></html>"',
      'Error response from daemon: error parsing HTTP 404 response body: invalid character \'<\' looking for beginning of value: "<!DOCTYPE html><html><head><title>Page not found</title>"',
    ],
    counterSamples: ['error parsing HTTP 403 response body: unexpected end of JSON input'],
  }),
  sig({
    id: 'registry.blob-storage-403',
    cause: 'unknown',
    // Registries redirect blob downloads to object storage or a CDN with a signed URL: no pull credentials are
    // sent there, so its 403 is not the registry refusing the user — a proxy blocking the storage host, or a clock
    // that makes the signed URL not yet valid or expired.
    re: /(failed open|httpreadseeker)[^\n]{0,200}https?:\/\/[^\s\/"\\]*(cloudfront\.net|amazonaws\.com|storage\.googleapis\.com|blob\.core\.windows\.net|cloudflarestorage\.com|production\.cloudflare\.docker\.com)[^\n]{0,300}403/,
    anchors: ['failed open', 'httpreadseeker'],
    confidence: 0.4,
    specificity: 86,
    alternatives: ['registry.proxy', 'registry.tls-expired-or-clock', 'node.firewall'],
    check: 'from the node: curl -sI "<the storage URL>" through the same proxy the runtime uses (systemctl show containerd -p Environment) and date -u against a time server: a proxy or firewall allow-list missing the storage host answers 403, and so does a signed URL judged by a wrong clock',
    source: 'distribution blob redirects (307 to object storage with a signed URL), as containerd reports a failed blob read',
    samples: [
      'failed to copy: httpReadSeeker: failed open: unexpected status from GET request to https://d1a2b3c4.cloudfront.net/v2/acme/app/blobs/sha256:ab: 403 Forbidden',
      'httpReadSeeker: failed open: unexpected status from GET request to https://prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com/a1b2?X-Amz-Signature=x: 403 Forbidden',
    ],
    counterSamples: ['failed to copy: httpReadSeeker: failed open: unexpected status from GET request to https://ghcr.io/v2/acme/app/blobs/sha256:ab: 403 Forbidden'],
  }),
  sig({
    id: 'image.applylayer-eof',
    cause: 'unknown',
    // Docker's layer store untars each downloaded layer in a child process (ApplyLayer): an EOF there is the
    // extraction reading a layer that ends early — a truncated download kept in the cache, or the storage below.
    re: /(applylayer|applying layer)[^\n]{0,120}?unexpected eof/,
    anchors: ['applylayer', 'applying layer'],
    confidence: 0.5,
    specificity: 60,
    alternatives: ['registry.server-error', 'image.disk-full', 'registry.proxy'],
    check: 'docker system df and df -h /var/lib/docker on the node, dmesg for I/O errors; then remove the image\'s partial layers (docker image prune) and pull again: a pull that succeeds was a truncated download',
    source: 'moby layer store: ApplyLayer runs the tar extraction in a re-exec\'d child and reports its stderr',
    samples: ['failed to register layer: ApplyLayer exit status 1 stdout:  stderr: unexpected EOF', 'Error while applying layer: ApplyLayer exit status 1 stdout:  stderr: unexpected EOF'],
    counterSamples: ['failed to register layer: ApplyLayer exit status 1 stdout:  stderr: write /usr/bin/x: no space left on device'],
  }),
];
