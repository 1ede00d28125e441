import type { Signature } from '../../types.js';
import { CONNECT_REFUSED, CONNECT_TIMED_OUT, besidePull } from '../context.js';
import { sig } from '../define.js';
import { inRegistryContext, NEAR_PULL } from './shared.js';

/** Reaching a registry: timeouts, refusals, proxies and plain-HTTP registries inside containerd and Docker errors (facts §4.6, §5). */
export const TRANSPORT_SIGNATURES: Signature[] = [
  // The registry answered 401 with a WWW-Authenticate realm, and the token service at that realm could not be
  // reached: containerd writes "failed to fetch anonymous token: Get <realm>: <transport error>". The fault is
  // the path to the realm (often another host than the registry: auth.docker.io for Docker Hub and for the
  // mirrors that pass its realm through), not the credentials — so these outrank image.auth-required.
  sig({
    id: 'registry.token-realm-refused',
    cause: 'registry.connection-refused',
    re: new RegExp(String.raw`failed to fetch (anonymous|oauth) token: [^\n]{0,400}?${CONNECT_REFUSED}`),
    anchors: ['token: '],
    confidence: 0.7,
    specificity: 96,
    alternatives: ['registry.mirror-misconfigured', 'registry.proxy'],
    check: 'the token realm is a second host: curl -sI https://<registry host>/v2/ shows it in WWW-Authenticate (realm="https://…/token"), and the node must reach it too (nc -vz -w5 <realm host> 443, with the runtime\'s proxy settings); a mirror or pull-through proxy that hands out its upstream\'s realm (Docker Hub\'s auth.docker.io) sends every node there, so a node that reaches only the mirror fails here',
    source: 'containerd remotes/docker authorizer (fetchToken at the realm of the 401 challenge); Go dial errors (facts §4.7)',
    samples: [
      'failed to resolve reference "mirror.example.net/nginx:alpine": failed to authorize: failed to fetch anonymous token: Get "https://auth.docker.io/token?scope=repository%3Alibrary%2Fnginx%3Apull&service=registry.docker.io": dial tcp 199.59.149.230:443: connect: connection refused',
      'failed to authorize: failed to fetch oauth token: Post "https://registry.corp.example/oauth2/token": dial tcp 10.0.4.2:443: connect: connection refused',
    ],
    counterSamples: ['failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aacme%2Fapp%3Apull&service=ghcr.io: 401 Unauthorized'],
  }),
  sig({
    id: 'registry.token-realm-timeout',
    cause: 'registry.connect-timeout',
    // Not the realm's name timing out in the resolver ("lookup auth.docker.io: i/o timeout"): that is DNS.
    re: /failed to fetch (anonymous|oauth) token: (?![^\n]{0,400}?\blookup [^\s:"\\]+(?: on [\w.:[\]%-]+)?: i\/o timeout)[^\n]{0,400}?(i\/o timeout|connection timed out|operation timed out|did not properly respond|client\.timeout exceeded)/,
    anchors: ['token: '],
    confidence: 0.7,
    specificity: 96,
    alternatives: ['registry.mirror-misconfigured', 'registry.proxy'],
    check: 'the token realm is a second host: curl -sI https://<registry host>/v2/ shows it in WWW-Authenticate (realm="https://…/token"), and the node must reach it too (nc -vz -w5 <realm host> 443, with the runtime\'s proxy settings); a mirror or pull-through proxy that hands out its upstream\'s realm (Docker Hub\'s auth.docker.io) sends every node there, so a node that reaches only the mirror fails here',
    source: 'containerd remotes/docker authorizer (fetchToken at the realm of the 401 challenge); Go dial errors (facts §4.7)',
    samples: [
      'msg="trying next host" error="failed to authorize: failed to fetch anonymous token: Get \\"https://auth.docker.io/token?scope=repository%3Alibrary%2Fredis%3Apull&service=registry.docker.io\\": dial tcp 199.96.62.75:443: i/o timeout" host=mirror.example.net',
      'failed to authorize: failed to fetch anonymous token: Get "https://quay.io/v2/auth?scope=repository%3Acoreos%2Fetcd%3Apull&service=quay.io": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    ],
    // A TLS handshake timeout at the realm is the TLS path's (registry.tls-handshake-timeout), as anywhere else.
    counterSamples: [
      'failed to do request: Head "https://registry-1.docker.io/v2/library/redis/manifests/latest": dial tcp 54.1.2.3:443: i/o timeout',
      'failed to fetch oauth token: Get "https://auth.docker.io/token?service=registry.docker.io": net/http: TLS handshake timeout',
      'failed to authorize: failed to fetch anonymous token: Get "https://auth.docker.io/token?scope=repository%3Abitnamicharts%2Fnginx%3Apull&service=registry.docker.io": dial tcp: lookup auth.docker.io: i/o timeout',
    ],
  }),
  sig({
    // One literal-led pattern per signature: the regex engine then skips ahead to "dial tcp " quickly.
    id: 'registry.dial-timeout',
    check: 'from the node: nc -vz -w5 <registry host> 443 and env | grep -i proxy for the runtime (systemctl show containerd -p Environment): a timeout with no proxy set means a firewall or route; a proxy that is required but not set for containerd means registry.proxy; where the network reaches registries only through a mirror, the runtime\'s mirror entry (hosts.toml, registry-mirrors, an ICSP) is missing or failed, and the pull fell back to the unreachable upstream; a private registry that serves plain HTTP on its own port is dialled over HTTPS (on 443 when the reference names no port) when its insecure-registries or hosts.toml entry is missing or not applied: curl -v http://<registry>:<port>/v2/ answering while https times out means registry.http-to-https',
    cause: 'registry.connect-timeout',
    re: new RegExp(String.raw`dial tcp [\w.:[\]%-]+: (i\/o timeout|${CONNECT_TIMED_OUT})`),
    anchors: ['i/o timeout', ' timed out', 'connectex: a'],
    confidence: 0.8,
    specificity: 65,
    alternatives: ['node.firewall', 'registry.proxy', 'registry.mirror-misconfigured', 'registry.http-to-https'],
    source: 'facts §4.7 (dial tcp …: i/o timeout)',
    samples: [
      'failed to do request: Head "https://registry.corp.example:5000/v2/app/manifests/1.4": dial tcp 10.20.30.40:5000: i/o timeout',
      'Get "https://gcr.io/v2/": dial tcp 142.250.1.82:443: connect: connection timed out',
      'error pulling image configuration: Get https://mcr.microsoft.com/v2/oss/kubernetes/pause/blobs/sha256:0a1b: dial tcp 204.79.197.219:443: connectex: A connection attempt failed because the connected party did not properly respond after a period of time',
    ],
    counterSamples: ['dial tcp 10.1.1.1:443: connect: connection refused'],
  }),
  sig({
    // The same fallback for a connect timeout: on networks that reach Docker Hub only through a mirror,
    // a failing mirror is reported as Docker Hub's dial timing out.
    id: 'registry.dockerhub-dial-timeout',
    check: 'is a Docker Hub mirror configured — /etc/containerd/certs.d/docker.io/hosts.toml, registry.mirrors."docker.io" in /etc/containerd/config.toml (containerd config dump), or registry-mirrors in /etc/docker/daemon.json? The runtime tries the mirror first and reports only the last host it tried, so a failing mirror shows as Docker Hub\'s own failure: curl -v <mirror>/v2/ from the node decides; without a mirror, nc -vz -w5 registry-1.docker.io 443 and the runtime\'s proxy (systemctl show containerd -p Environment) decide',
    cause: 'registry.connect-timeout',
    // Go's HTTP client timing out a request (no connection, or no headers, in time) is the same dial seen
    // from above: Docker reports it for the last endpoint tried, the Hub after its mirrors.
    re: new RegExp(String.raw`(registry-1|index)\.docker\.io[^\n]{0,300}(dial tcp [\w.:[\]%-]+: (i\/o timeout|${CONNECT_TIMED_OUT})|request canceled while waiting for connection|client\.timeout exceeded while awaiting headers|timeout awaiting response headers)`),
    // The rarer half of the text as anchors: Docker Hub's name is in most pull lines, a timeout in few.
    anchors: ['registry-1.docker.io', 'index.docker.io'],
    confidence: 0.75,
    specificity: 66,
    alternatives: ['registry.mirror-misconfigured', 'node.firewall', 'registry.proxy'],
    source: 'facts §4.7 (dial tcp …: i/o timeout), §5.2 (hosts tried in order, then server), §5.3',
    samples: [
      'failed to resolve reference "docker.io/library/busybox:1.36": failed to do request: Head "https://registry-1.docker.io/v2/library/busybox/manifests/1.36": dial tcp 54.236.113.205:443: i/o timeout',
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp 3.216.34.172:443: connect: connection timed out',
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    ],
    counterSamples: ['Get "https://gcr.io/v2/": dial tcp 142.250.1.82:443: connect: connection timed out', 'Get "https://registry-1.docker.io/v2/": dial tcp 3.216.34.172:443: connect: connection refused'],
  }),
  sig({
    id: 'registry.http-client-timeout',
    check: 'from the node: curl -v --max-time 20 https://<registry>/v2/ and systemctl show containerd -p Environment | grep -i proxy — the runtime needs the same proxy the shell uses; where curl -v http://<registry>:<port>/v2/ answers instead, the registry serves plain HTTP and the client was not told so (insecure-registries, hosts.toml): registry.http-to-https',
    cause: 'registry.connect-timeout',
    re: /client\.timeout exceeded|request canceled while waiting for connection|timeout awaiting response headers|connect etimedout/,
    anchors: ['client.timeout exceeded', 'request canceled while waiting', 'timeout awaiting response headers', 'etimedout'],
    confidence: 0.8,
    specificity: 65,
    alternatives: ['node.firewall', 'registry.proxy', 'registry.http-to-https', 'registry.dns'],
    source: 'facts §4.7 (Client.Timeout exceeded while awaiting headers)',
    samples: [
      'stderr: failed to pull image "k8s.gcr.io/kube-proxy:v1.20.4": output: Error response from daemon: Get https://k8s.gcr.io/v2/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
      'Error response from daemon: Get "https://quay.io/v2/": net/http: timeout awaiting response headers',
    ],
    counterSamples: ['net/http: TLS handshake timeout'],
  }),
  sig({
    id: 'registry.deadline-exceeded',
    check: 'crictl pull <image> on the node with containerd\'s debug log on: an error before the first byte is the network (firewall, proxy); a pull that stalls midway is a slow or MTU-limited path (compare ip link mtu with the path)',
    cause: 'registry.connect-timeout',
    // gRPC's code DeadlineExceeded around a pull is the same deadline, when the text after it was cut.
    re: new RegExp(String.raw`${NEAR_PULL}[^\n]{0,600}(context deadline exceeded|i\/o timeout)|failed to get filesystem from image: [^\n]{0,300}(i\/o timeout|read: connection timed out|context deadline exceeded)|cancel pulling image \S+ because of no progress|download failed(, retrying \(\d+\/\d+\))?[^\n]{0,40}: read tcp [^\n]{0,120}(i\/o timeout|connection timed out)|code = deadlineexceeded desc = [^\n]{0,300}(pull|resolve reference|sandbox image)`),
    anchors: ['context deadline exceeded', 'i/o timeout', 'connection timed out', 'because of no progress', 'deadlineexceeded'],
    confidence: 0.55,
    specificity: 50,
    alternatives: ['flannel.mtu', 'registry.proxy'],
    source: 'facts §4.6 (progress timeout, context deadline)',
    samples: [
      'Failed to pull image "quay.io/ceph/ceph:v18": rpc error: code = DeadlineExceeded desc = context deadline exceeded',
      'failed to pull and unpack image "docker.io/library/golang:1.22": failed to copy: read tcp 10.0.0.5:45822->104.16.99.1:443: read: i/o timeout',
      'cancel pulling image docker.io/tensorflow/tensorflow:latest-gpu because of no progress in 5m0s',
      // kaniko fetching a base image's layers to unpack them
      'error building image: error building stage: failed to get filesystem from image: read tcp 10.0.0.9:58626->65.9.112.124:443: read: connection timed out',
    ],
    counterSamples: ['context deadline exceeded', 'error syncing: Post https://api.cloud.example/v2/droplets: context deadline exceeded'],
  }),
  sig({
    id: 'registry.localhost-refused',
    cause: 'registry.connection-refused',
    // A registry at localhost / 127.0.0.1 / [::1] is dialled by the runtime on the node itself: inside a kind or
    // minikube node, or on a remote node, that is not the machine where the registry's port is published. Only
    // a mirror entry for the name (kind's local-registry pattern: hosts.toml for localhost:<port> pointing at the
    // registry container) makes such a reference work, so a refused localhost registry is as often a missing
    // or unread mirror configuration as a registry that is down.
    re: new RegExp(String.raw`https?:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+\/v2\/[^\n]{0,300}?${CONNECT_REFUSED}`),
    anchors: ['://localhost:', '://127.0.0.1:', '://[::1]:'],
    confidence: 0.6,
    specificity: 62,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'where does the runtime run? inside a kind/minikube node or on another machine, localhost is that node: ls /etc/containerd/certs.d/<localhost:port>/hosts.toml there (kind: docker exec <node> cat …) must point the name at the registry\'s reachable address, and config.toml must set config_path; on the registry\'s own host, ss -ltnp | grep <port> says whether it listens',
    source: 'facts §5.2 (hosts.toml mirrors per registry name); Go dial errors (facts §4.7)',
    samples: [
      'failed to resolve reference "localhost:5001/team/app:dev": failed to do request: Head "https://localhost:5001/v2/team/app/manifests/dev": dial tcp [::1]:5001: connect: connection refused',
      'Error response from daemon: Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
    ],
    counterSamples: ['failed to do request: Head "https://registry.lab:5000/v2/a/manifests/1": dial tcp 10.0.0.4:5000: connect: connection refused'],
  }),
  sig({
    id: 'registry.connection-refused',
    check: 'is the registry listening where the node dials? ss -ltnp on the registry host, and which address the node connects to (localhost inside a kind/minikube node is the node itself, not your laptop)',
    cause: 'registry.connection-refused',
    // Go before 1.5 left out "connect:" ("dial tcp 127.0.0.1:5000: connection refused"): taken only after a registry's
    // /v1/ or /v2/ URL, since the bare form is every old Go client's.
    re: new RegExp(String.raw`${CONNECT_REFUSED}|econnrefused|(\/v[12]\/|_ping)[^\n]{0,200}dial tcp \S+: connection refused`),
    anchors: ['connection refused', 'actively refused', 'econnrefused'],
    confidence: 0.8,
    specificity: 60,
    // Nothing listens where the node dials: the registry down, or the node dialling the wrong place — port 443
    // of a registry that serves plain HTTP elsewhere, or a mirror endpoint (a kind or minikube node's own
    // localhost) that is not the registry meant.
    alternatives: ['registry.http-to-https', 'registry.mirror-misconfigured'],
    source: 'facts §4.7 dial tcp …: connect: connection refused',
    samples: [
      'failed to resolve reference "registry.lab:5000/web:1": failed to do request: Head "https://registry.lab:5000/v2/web/manifests/1": dial tcp 192.168.56.10:5000: connect: connection refused',
      'Error response from daemon: Get "https://harbor.internal/v2/": dial tcp 10.10.0.8:443: connect: connection refused',
      'Error response from daemon: Get "https://harbor.internal/v2/": dial tcp 10.10.0.8:443: connectex: No connection could be made because the target machine actively refused it.',
      'v2 ping attempt failed with error: Get https://registry.lab/v2/: dial tcp 10.0.0.4:443: connection refused',
    ],
    counterSamples: ['dial tcp 10.1.1.1:443: i/o timeout'],
  }),
  sig({
    id: 'registry.client-connect-refused',
    cause: 'registry.connection-refused',
    // The same refusal in the words of clients that are not Go: curl, Python (errno 111), Java. Only beside a
    // pull or a registry: elsewhere it is that program's own server (ambiguous.refused-outside-pull's ground).
    // Rust's hyper (os error 111), Windows (WSAECONNREFUSED in Python and .NET), Apache HttpClient, .NET, wget.
    re: besidePull(/failed to connect to \S+ port \d+[^\n]{0,60}?: connection refused|\[errno 111\] connection refused|connectexception: connection refused|connection refused \(os error 111\)|\[winerror 10061\]|target machine actively refused it|httphostconnectexception: connect to \S+ \[[^\]\n]{0,600}\] failed: connection refused|httprequestexception: connection refused|\|:\d+\.\.\. failed: connection refused/),
    anchors: ['failed to connect to ', '[errno 111] connection refused', 'connectexception: connection refused', 'connection refused (os error 111)', 'winerror 10061', 'actively refused it', 'httphostconnectexception: connect to ', 'httprequestexception: connection refused', '... failed: connection refused'],
    confidence: 0.75,
    specificity: 61,
    alternatives: ['registry.http-to-https', 'registry.mirror-misconfigured'],
    check: 'is the registry listening where the client dials? ss -ltnp on the registry host, and which address the client connects to (localhost inside a kind or minikube node is the node itself)',
    source: 'ECONNREFUSED as curl ("Failed to connect to … port …: Connection refused"), Python ("[Errno 111]") and Java ("ConnectException") report it',
    samples: [
      'curl: (7) Failed to connect to registry.example.com port 5000 after 0 ms: Connection refused',
      "HTTPSConnectionPool(host='registry.example.com', port=443): Max retries exceeded with url: /v2/ (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused'))",
      'error sending request for url (https://harbor.lab/v2/): error trying to connect: tcp connect error: Connection refused (os error 111)',
      'System.Net.Http.HttpRequestException: No connection could be made because the target machine actively refused it. (harbor.lab:443) while pushing image',
    ],
    counterSamples: ['curl: (7) Failed to connect to api.example.com port 8080 after 0 ms: Connection refused'],
  }),
  sig({
    id: 'registry.client-connect-timeout',
    cause: 'registry.connect-timeout',
    // A connect timing out in curl's, Python's (urllib3) and Java's words, beside a pull or a registry.
    // Rust's hyper (os error 110), Java's ConnectException, Apache HttpClient (the addresses it tried in brackets),
    // Ruby's Net::OpenTimeout, .NET's HttpClient.Timeout and Winsock's WSAETIMEDOUT, urllib3's read timeout.
    // curl 8 words a connect that timed out (exit 28) with the generic "Couldn't connect to server".
    re: besidePull(/failed to connect to \S+ port \d+[^\n]{0,60}?: (connection )?timed out|curl: \(28\) (failed to connect to \S+ port \d+|connection timed out after \d+ milli)|connecttimeouterror|sockettimeoutexception: connect timed out|connection timed out \(os error 110\)|connectexception: connection timed out|connect to \S+:\d+ \[[^\]\n]{0,600}\] failed: (connect|connection) timed out|connect to [\w.-]+\/[\d.]+:\d+ timed out|net::opentimeout|httpclient\.timeout of \d+ seconds elapsing|(?<!connectex: )a connection attempt failed because the connected party did not properly respond|read timed out\. \(read timeout=/),
    anchors: ['timed out', 'curl: (28)', 'connecttimeouterror', 'opentimeout', 'httpclient.timeout', 'did not properly respond'],
    confidence: 0.75,
    specificity: 66,
    alternatives: ['node.firewall', 'registry.proxy', 'registry.mirror-misconfigured'],
    check: 'from where the client runs: nc -vz -w5 <registry host> 443 and env | grep -i proxy — a timeout with no proxy set is a firewall or a route; a network that reaches registries only through a proxy or mirror needs it set for this client too',
    source: 'connect timeouts as curl ("Failed to connect to … port …: Connection timed out"), urllib3 (ConnectTimeoutError) and Java (SocketTimeoutException: connect timed out) report them',
    samples: [
      'curl: (28) Failed to connect to registry-1.docker.io port 443 after 129655 ms: Connection timed out',
      "curl: (28) Failed to connect to quay.io port 443 after 130001 ms: Couldn't connect to server",
      "urllib3.exceptions.ConnectTimeoutError: (<urllib3.connection.HTTPSConnection object at 0x7f>, 'Connection to registry.example.com timed out. (connect timeout=10)')",
      '[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.3.2:build (jib-maven-plugin) on project web: Connect to production.cloudflare.docker.com:443 [production.cloudflare.docker.com/104.18.122.25] failed: connect timed out',
      'error sending request for url (https://harbor.lab/v2/team/app/manifests/1): error trying to connect: tcp connect error: Connection timed out (os error 110)',
    ],
    counterSamples: ['curl: (28) Failed to connect to api.example.com port 443 after 129655 ms: Connection timed out'],
  }),
  sig({
    id: 'registry.public-refused',
    // The big public registries answer on 443 from anywhere; a refusal at their address is something local
    // answering in their place — a firewall's REJECT with a reset, a transparent proxy, a DNS override pointing
    // the name elsewhere — or, where the runtime tries a mirror first, the last host of the list failing too.
    check: 'from the node: getent hosts <registry host> (the address it should have) and curl -v https://<registry host>/v2/ (a refusal from a public registry is a local firewall, proxy or DNS override); then the runtime\'s mirrors (/etc/containerd/certs.d/<host>/hosts.toml, registry-mirrors in /etc/docker/daemon.json), which it tries first',
    cause: 'registry.connection-refused',
    re: new RegExp(String.raw`(registry-1\.docker\.io|index\.docker\.io|k8s\.gcr\.io|registry\.k8s\.io|gcr\.io|ghcr\.io|quay\.io|public\.ecr\.aws|mcr\.microsoft\.com)\b[^\n]{0,300}${CONNECT_REFUSED}`),
    anchors: ['connection refused', 'actively refused'],
    confidence: 0.6,
    specificity: 63,
    alternatives: ['registry.mirror-misconfigured', 'node.firewall', 'registry.proxy'],
    source: 'facts §4.7 (connection refused), §5.2 (hosts tried in order)',
    samples: [
      'failed to do request: Head "https://registry-1.docker.io/v2/library/nginx/manifests/1.25": dial tcp 3.216.34.172:443: connect: connection refused',
      'Error response from daemon: Get https://k8s.gcr.io/v2/: dial tcp 74.125.137.82:443: connect: connection refused',
    ],
    counterSamples: ['Head "https://registry.lab:5000/v2/web/manifests/1": dial tcp 192.168.56.10:5000: connect: connection refused'],
  }),
  sig({
    id: 'registry.connection-reset',
    check: 'curl -v https://<registry>/v2/ from the node and from outside: a reset only from the node means a middlebox (proxy, firewall, TLS inspection) on the node\'s path; where a public registry is blocked on the way, the runtime\'s mirror (registry-mirrors in /etc/docker/daemon.json, hosts.toml) must serve it, and a failing mirror falls back to the blocked upstream',
    cause: 'registry.connection-refused',
    // Java's SocketException and curl's TLS handshake cut by a reset (SSL_ERROR_SYSCALL) say the same.
    re: /connection reset by peer|econnreset|socketexception: connection reset\b|ssl_error_syscall in connection to/,
    anchors: ['connection reset', 'econnreset', 'ssl_error_syscall'],
    confidence: 0.65,
    specificity: 58,
    alternatives: ['node.firewall', 'registry.proxy', 'registry.mirror-misconfigured'],
    source: 'facts §4.7 (a reset: nothing listens, or a middlebox rejects)',
    samples: [
      'Get https://us-west2-docker.pkg.dev/v2/k8s-artifacts-prod/images/pause/manifests/3.9: read tcp 10.0.0.4:51212->209.85.146.82:443: read: connection reset by peer',
      'Error response from daemon: Get "https://registry.corp/v2/": read tcp 10.1.1.4:40112->10.9.9.9:443: read: connection reset by peer',
      'Failed to pull reg.lab/app:1: java.net.SocketException: Connection reset',
      'curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to registry-1.docker.io:443',
    ],
    counterSamples: ['connect: connection refused'],
  }),
  sig({
    id: 'registry.host-unreachable',
    cause: 'unknown',
    // EHOSTUNREACH has three sources the text cannot tell apart: a route that leads into the wrong network (a
    // pod, Service or VPN range overlapping the registry's), a host on the local segment that answers no ARP
    // (down or gone), and a firewall rejecting with icmp-host-prohibited (firewalld's default reject).
    re: /(connect|getsockopt): no route to host|ehostunreach/,
    anchors: ['no route to host', 'ehostunreach'],
    confidence: 0.5,
    specificity: 58,
    alternatives: ['node.firewall', 'registry.connect-timeout', 'registry.connection-refused'],
    check: 'ip route get <registry address> on the node (does it leave by the expected interface, or into a cni0, docker0, flannel.1 or VPN route that overlaps?), ip neigh for a registry on the same segment (FAILED: the host is down), and the firewall on the registry side (firewall-cmd --list-all; a REJECT answers with host-prohibited)',
    source: 'facts §4.7 (dial tcp …: connect: no route to host: routing, an unanswered ARP, or a REJECT rule)',
    samples: [
      'failed to do request: Head "https://reg.example.net/v2/base/manifests/2": dial tcp 172.16.4.20:443: connect: no route to host',
      'Error response from daemon: Get https://harbor.corp/v2/: dial tcp 10.1.1.81:443: connect: no route to host',
    ],
    counterSamples: ['dial tcp 10.1.1.1:443: connect: connection refused'],
  }),
  sig({
    id: 'registry.no-route',
    check: 'ip route get <registry address> on the node: no route at all means the node has no default route or none into that network (an offline or air-gapped node, a proxy it must use instead)',
    cause: 'unknown',
    // ENETUNREACH: the node's routing table has nothing for that address — no packet left, so no registry, proxy or
    // firewall was met. Threads settle it as the host's own network (an IPv6-only host dialling IPv4, no default
    // route), which no cause names; the registry readings stay candidates for a route that a VPN or proxy took away.
    re: /(connect|getsockopt): network is unreachable|enetunreach/,
    anchors: ['network is unreachable', 'enetunreach'],
    confidence: 0.5,
    specificity: 58,
    alternatives: ['registry.connect-timeout', 'node.firewall', 'registry.proxy'],
    source: 'facts §4.7 (dial tcp …: connect: network is unreachable: routing)',
    samples: [
      'failed to pull and unpack image "registry.k8s.io/kube-apiserver:v1.28.0": failed to resolve reference "registry.k8s.io/kube-apiserver:v1.28.0": failed to do request: Head "https://registry.k8s.io/v2/kube-apiserver/manifests/v1.28.0": dial tcp 34.96.108.209:443: connect: network is unreachable',
      'Get "https://quay.io/v2/": dial tcp 3.216.152.103:443: connect: network is unreachable',
    ],
    // An IPv6 address unreachable is the node without IPv6 (registry.ipv6-unreachable), not a route to the registry.
    counterSamples: ['dial tcp 10.1.1.1:443: connect: connection refused'],
  }),
  sig({
    id: 'registry.next-endpoint',
    cause: 'registry.http-to-https',
    // Docker logs the HTTPS failure at info level and goes on with the next endpoint (plain HTTP for an insecure registry).
    re: /(attempting|trying) next endpoint[^\n]{0,300}(server gave http response to https client|first record does not look like a tls handshake)/,
    anchors: ['next endpoint'],
    confidence: 0.6,
    specificity: 91,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'Docker retries the next endpoint after this line (plain HTTP when the registry is listed in insecure-registries): if the pull still fails, its final error names why; if it succeeds, this line is noise',
    source: 'Docker Engine registry endpoint fallback (facts §4.8, §5.3 insecure-registries)',
    samples: [
      'level=info msg="Attempting next endpoint for pull after error: Get https://10.3.3.3:5000/v2/: http: server gave HTTP response to HTTPS client"',
      'level=info msg="Error logging in to endpoint, trying next endpoint: Get \\"https://reg.lan:5000/v2/\\": http: server gave HTTP response to HTTPS client"',
    ],
    counterSamples: ['Get "https://reg.lan:5000/v2/": http: server gave HTTP response to HTTPS client'],
  }),
  sig({
    id: 'registry.next-host-http',
    cause: 'registry.http-to-https',
    // containerd's resolver logs "trying next host" (info) for each host of the registry's list that failed —
    // the mirrors of /etc/containerd/certs.d/<registry>/hosts.toml, then the upstream. A host answering plain
    // HTTP to an https:// request there means no hosts.toml says http:// for it: the registry is plain HTTP, or
    // the mirror configuration that would say so was never written or not read (config_path unset).
    re: /trying next host[^\n]{0,400}?server gave http\s+response to https\s+client|server gave http response to https client[^\n]{0,400}?trying next host/,
    anchors: ['trying next host'],
    confidence: 0.7,
    specificity: 91,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the host named in host=... must have /etc/containerd/certs.d/<host>/hosts.toml with an http:// server or host entry, and config.toml must set config_path = "/etc/containerd/certs.d" (containerd config dump | grep config_path); a mirror setup written for another name (localhost:5001 against kind-registry:5000) does not cover it',
    source: 'containerd remotes/docker resolver ("trying next host" per failed host); facts §5.2 (hosts.toml, http:// for plain-HTTP registries)',
    samples: [
      'level=info msg="trying next host" error="failed to do request: Head \\"https://registry.lan:5000/v2/team/api/manifests/dev\\": http: server gave HTTP response to HTTPS client" host="registry.lan:5000"',
      '{"error":"failed to do request: Head \\"https://10.2.0.4:5000/v2/ci/runner/manifests/1.4\\": http: server gave HTTP response to HTTPS client","host":"10.2.0.4:5000","level":"info","msg":"trying next host"}',
    ],
    counterSamples: ['level=info msg="trying next host" error="pull access denied, repository does not exist or may require authorization" host=registry-1.docker.io', 'failed to do request: Head "https://registry.lan:5000/v2/a/manifests/1": http: server gave HTTP response to HTTPS client'],
  }),
  sig({
    id: 'registry.public-host-plain-http',
    cause: 'unknown',
    // The public registries serve only HTTPS: a plain-HTTP answer to a request for one of them came from something
    // in between — a proxy given as if it were the registry, a sidecar or transparent proxy capturing port 443
    // (a mesh's outbound interception), or a mirror endpoint that is plain HTTP — not from an HTTP-only registry.
    // GitHub (Pages, releases, raw), Google Cloud Storage and S3 serve chart repositories and downloads the same way.
    re: /https:\/\/(?:registry-1\.docker\.io|index\.docker\.io|auth\.docker\.io|(?:[\w-]+\.)?gcr\.io|quay\.io|ghcr\.io|registry\.k8s\.io|[\w-]+\.pkg\.dev|mcr\.microsoft\.com|public\.ecr\.aws|(?:[\w-]+\.)?github\.(?:io|com)|[\w.-]+\.githubusercontent\.com|storage\.googleapis\.com|[\w.-]+\.amazonaws\.com)[/"\s][^\n]{0,300}?(server gave http\s+response to https\s+client|first record does not look like a tls handshake)/,
    anchors: ['server gave http', 'does not look like a tls handshake'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    check: 'from where the client runs: curl -v https://<registry host>/v2/ and env | grep -i proxy — a plain-HTTP reply there is a proxy or an interceptor (a sidecar\'s outbound capture: exclude the registry or port 443 from it); the runtime\'s mirror endpoints (hosts.toml, registries.yaml, daemon.json registry-mirrors) must not point a public registry at an http:// server',
    source: 'Go net/http ("http: server gave HTTP response to HTTPS client" when a TLS request reads a plain HTTP reply); public registries serve HTTPS only',
    samples: [
      'Failed to get container image "app" info from registry: Get "https://index.docker.io/v2/": http: server gave HTTP response to HTTPS client',
      'failed to do request: Head "https://registry-1.docker.io/v2/library/redis/manifests/7": http: server gave HTTP response to HTTPS client',
      'Error: looks like "https://example-org.github.io/charts" is not a valid chart repository or cannot be reached: Get "https://example-org.github.io/charts/index.yaml": tls: first record does not look like a TLS handshake',
    ],
    counterSamples: ['failed to do request: Head "https://192.168.1.100:32000/v2/core/manifests/0.3": http: server gave HTTP response to HTTPS client', 'Get "https://charts.lab:8080/index.yaml": tls: first record does not look like a TLS handshake'],
  }),
  sig({
    id: 'registry.http-response-to-https',
    cause: 'registry.http-to-https',
    // Beside a registry request only: any Go TLS client talking to a plain-HTTP port (an etcd or API client,
    // a webhook) writes the same text.
    // \\s+: terminal output copied from a narrow window wraps inside the text.
    // A paste that also shows the host configuration that should have said plain HTTP is not in effect: that is why.
    explainedBy: ['registry.mirror-misconfigured'],
    re: inRegistryContext(/server gave http\s+response to https\s+client|tls: oversized record received with length/),
    anchors: ['server gave http', 'oversized record received'],
    confidence: 0.9,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured'],
    source: 'facts §4.7, §5.2 (plain-HTTP registry needs an http:// host in hosts.toml)',
    samples: [
      'failed to resolve reference "192.168.1.100:32000/core:0.3": failed to do request: Head "https://192.168.1.100:32000/v2/core/manifests/0.3": http: server gave HTTP response to HTTPS client',
      'Error response from daemon: Get https://10.1.4.2:5000/v2/: tls: oversized record received with length 20527',
      'failed to do request: Head\n"https://10.0.0.9:30500/v2/team/app/manifests/v2": http: server gave HTTP\nresponse to HTTPS client',
    ],
    counterSamples: ['Client sent an HTTP request to an HTTPS server.', 'Get "https://10.0.0.5:2379/version": tls: first record does not look like a TLS handshake'],
  }),
  sig({
    id: 'registry.first-record-not-tls',
    cause: 'registry.http-to-https',
    // Go's transport turns a reply starting "HTTP/" into "server gave HTTP response"; "first record does not look like
    // a TLS handshake" is a reply that is neither TLS nor plain HTTP from the registry itself: most often a plain
    // registry port all the same, but also a proxy or middlebox answering in its own protocol, so it is hedged.
    explainedBy: ['registry.mirror-misconfigured'],
    re: inRegistryContext(/first record does not look like a tls handshake/),
    anchors: ['does not look like a tls handshake'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    check: 'curl -v http://<registry>:<port>/v2/ from the node: a registry answer there means the port is plain HTTP (an http:// host in hosts.toml or insecure-registries); if curl shows a proxy, a VPN or an appliance in the path instead (env | grep -i proxy for the runtime), that is what answered',
    source: 'Go crypto/tls RecordHeaderError, which net/http reports as "server gave HTTP response to HTTPS client" only when the reply starts with HTTP/',
    samples: [
      'Get "https://registry.lab:5000/v2/": tls: first record does not look like a TLS handshake',
      'download.go:166: couldn\'t download blob: Get "https://registry.example.net/v2/library/app/blobs/sha256:ab": tls: first record does not look like a TLS handshake',
    ],
    counterSamples: ['Get "https://10.0.0.5:2379/version": tls: first record does not look like a TLS handshake'],
  }),
  sig({
    id: 'registry.daemon-insecure-registry-missing',
    cause: 'registry.http-to-https',
    // oc cluster up (OpenShift 3) runs its integrated registry over plain HTTP on the Service network and checks
    // that the Docker daemon was told so: without --insecure-registry for that range the daemon talks HTTPS to it.
    re: /did not detect an --insecure-registry argument on the docker daemon/,
    anchors: ['insecure-registry argument'],
    confidence: 0.8,
    specificity: 92,
    check: 'the Docker daemon\'s insecure registries (docker info | grep -A3 "Insecure Registries"): add the range the message names (172.30.0.0/16 for oc cluster up) to "insecure-registries" in /etc/docker/daemon.json (Docker Desktop: its Docker Engine settings) and restart the daemon',
    source: 'OpenShift 3 oc cluster up Docker daemon check ("did not detect an --insecure-registry argument on the Docker daemon")',
    samples: ['-- Checking Docker daemon configuration ... FAIL\n   Error: did not detect an --insecure-registry argument on the Docker daemon\n   Solution:\n     Ensure that the Docker daemon is running with the following argument:\n     --insecure-registry 172.30.0.0/16', 'Error: did not detect an --insecure-registry argument on the Docker daemon'],
    counterSamples: ['"insecure-registries": ["172.30.0.0/16"]'],
  }),
  sig({
    id: 'registry.http-response-to-https-bare',
    cause: 'registry.http-to-https',
    // Java's SSLSocket reading plain HTTP: "Unrecognized SSL message, plaintext connection?".
    re: /server gave http\s+response to https\s+client|first record does not look like a tls handshake|tls: oversized record received with length|unrecognized ssl message, plaintext connection/,
    anchors: ['server gave http', 'does not look like a tls handshake', 'oversized record received', 'plaintext connection'],
    confidence: 0.7,
    specificity: 89,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'which client spoke TLS to a plain-HTTP port? an image pull or docker login (a registry\'s /v2/ URL) needs the registry as an http:// host in /etc/containerd/certs.d/<host>/hosts.toml or in Docker\'s insecure-registries; an etcd, API or webhook client with this text has https:// in its own endpoint setting for a server that speaks HTTP',
    source: 'Go net/http and crypto/tls: an HTTPS client answered in plain HTTP',
    samples: ['Get "https://10.0.0.5:2379/version": tls: first record does not look like a TLS handshake', 'http: server gave HTTP response to HTTPS client', 'javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?'],
    counterSamples: ['Client sent an HTTP request to an HTTPS server.'],
  }),
  sig({
    id: 'registry.http-to-tls-server',
    // The reverse of registry.http-to-https: the client speaks plain HTTP (an insecure-registry or http:// endpoint
    // it was given) to a port that serves TLS, and the server's TLS stack answers 400. No cause id names a client told
    // to use HTTP for a TLS registry, so the answer is unknown with the scheme check.
    check: 'the scheme the client uses for that host: /etc/containerd/certs.d/<host>/hosts.toml (server = "https://..."), the mirrors endpoint in config.toml, an insecure-registries entry or an http:// URL given to the tool — it sends plain HTTP to an HTTPS port; use https:// (with the registry\'s CA trusted) for that host',
    cause: 'unknown',
    re: /client sent an http request to an https server|plain http request was sent to https port/,
    anchors: ['http request to an https server', 'plain http request was sent to https port'],
    confidence: 0.4,
    specificity: 85,
    alternatives: ['registry.mirror-misconfigured', 'registry.http-to-https'],
    source: 'Go net/http server text when a client speaks plain HTTP to a TLS port (scheme wrong in hosts.toml)',
    samples: [
      'unexpected status from HEAD request to http://registry.lab:5443/v2/app/manifests/1: 400 Bad Request\nClient sent an HTTP request to an HTTPS server.',
      '400 The plain HTTP request was sent to HTTPS port',
    ],
    counterSamples: ['http: server gave HTTP response to HTTPS client'],
  }),
  sig({
    id: 'registry.tls-server-plaintext-client',
    // A Go TLS server's own log of a client that spoke plain HTTP to it (the client's first bytes are not a TLS
    // record): the reverse of registry.http-to-https, seen from the server. The server is fine; some client at that
    // address has http:// (or a probe with scheme HTTP) for a port that serves TLS. No cause id names that client.
    cause: 'unknown',
    re: /tls handshake error from [^\n]{0,80}?: tls: first record does not look like a tls handshake/,
    anchors: ['does not look like a tls handshake'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the address after "from" is the client speaking plain HTTP to this TLS port: find it (kubectl get pods -A -o wide | grep <ip>, or the node) and give it https:// for this endpoint — a probe\'s scheme: HTTPS, a webhook or mirror URL with https://, a registry host in hosts.toml with server = "https://..."',
    source: 'Go net/http server ("http: TLS handshake error from %s: %v") with crypto/tls\'s "first record does not look like a TLS handshake" for a peer that sent plain text',
    samples: [
      '2019/03/15 20:35:27 http: TLS handshake error from 10.244.1.7:47738: tls: first record does not look like a TLS handshake',
      'level=info msg="http: TLS handshake error from 192.168.1.20:51544: tls: first record does not look like a TLS handshake"',
    ],
    counterSamples: ['Get "https://10.0.0.5:2379/version": tls: first record does not look like a TLS handshake'],
  }),
  sig({
    id: 'registry.proxy-url-unparsable',
    cause: 'registry.proxy',
    // A proxy variable Go's URL parser refuses (a %-escape in the password or host, a missing scheme): the
    // tool cannot use the proxy it was given, so nothing it fetches through it works.
    // Also net/http's own check of the proxy URL it was handed ("invalid proxy URL port", "invalid proxy address").
    re: /(https?_proxy|no_proxy)=\S*, parse \\?"[^"]*\\?": (invalid url escape|invalid character|invalid port|first path segment)|invalid proxy (url port|address) /,
    anchors: ['_proxy=', 'invalid proxy url port', 'invalid proxy address'],
    confidence: 0.85,
    specificity: 95,
    check: 'the proxy variable the tool reads (env | grep -i _proxy, and the runtime\'s systemd drop-in): characters reserved in URLs inside the user or password must be percent-encoded exactly once (%40 for @), and the value must be scheme://host:port',
    source: 'Go net/url parse errors ("invalid URL escape %q") on HTTP(S)_PROXY, as minikube and Docker report them',
    samples: [
      '! Error parsing HTTPS_PROXY=http://user:pass%2x@proxy.corp:8000, parse "http://user:pass%2x@proxy.corp:8000": invalid URL escape "%2x"',
      'Error parsing HTTP_PROXY=proxy.corp:3128, parse "proxy.corp:3128": first path segment in URL cannot contain colon',
      'Error response from daemon: Get https://mcr.microsoft.com/v2/: invalid proxy URL port "port"',
    ],
    counterSamples: ['HTTPS_PROXY=http://proxy.corp:3128'],
  }),
  sig({
    id: 'registry.proxyconnect',
    cause: 'registry.proxy',
    // Also Python requests' ProxyError, curl's proxy failures, wget's refused tunnel, Rust hyper's "unsuccessful tunnel"
    // (the proxy's answer to CONNECT) and a bare HTTP 407, which only a proxy sends.
    re: /proxyconnect (tcp|udp)|proxy authentication required|407 proxy|error connecting to proxy|socks connect|proxy: unknown scheme|tunneling socket could not be established|\b40[37] proxy unacknowledged| 407 +access denied|received http code \d+ from proxy after connect|cannot connect to proxy|could not resolve proxy|proxy connect aborted|proxy tunneling failed|unsuccessful tunnel|\bhttp 407\b|\bstatus( code)?[:=]? ?407\b/,
    anchors: ['proxyconnect', 'proxy authentication', '407 proxy', 'connecting to proxy', 'socks connect', 'proxy: unknown scheme', 'tunneling socket', 'proxy unacknowledged', ' 407 ', 'from proxy after connect', 'connect to proxy', 'resolve proxy', 'proxy connect aborted', 'proxy tunneling failed', 'unsuccessful tunnel', 'http 407', 'status code: 407', 'status code 407', 'status: 407', 'status=407', 'status 407'],
    confidence: 0.92,
    specificity: 96,
    source: 'Go net/http proxy texts (proxyconnect tcp: …), HTTP 407',
    samples: [
      'Err:1 http://deb.example.org/debian bookworm InRelease\n  407  Access denied [IP: 10.0.0.1 3128]',
      'Error response from daemon: Get https://registry-1.docker.io/v2/: proxyconnect tcp: dial tcp 127.0.0.1:8080: connect: connection refused',
      'failed to do request: Head "https://quay.io/v2/coreos/etcd/manifests/v3.5.9": proxyconnect tcp: dial tcp: lookup proxy.corp.example on 10.0.0.2:53: no such host',
      'failed to do request: Head "https://ghcr.io/v2/flannel-io/flannel/manifests/v0.28.9": Proxy Authentication Required',
      // libcurl: the proxy refused the CONNECT tunnel with its own status.
      'curl: (56) Received HTTP code 502 from proxy after CONNECT',
      'KubeError(HyperError(hyper::Error(Connect, Custom { kind: Other, error: "unsuccessful tunnel (HTTP/1.1 502 Bad Gateway)" })))',
      'Failed to download VS Code Server (https://update.code.visualstudio.com/commit:abc/server-linux-x64/stable): HTTP 407 - authenticationrequired',
      "requests.exceptions.ProxyError: HTTPSConnectionPool(host='registry.example.com', port=443): Max retries exceeded with url: /v2/ (Caused by ProxyError('Cannot connect to proxy.', NewConnectionError('[Errno 111] Connection refused')))",
      'curl: (5) Could not resolve proxy: proxy.corp.example',
    ],
    counterSamples: ['dial tcp 127.0.0.1:8080: connect: connection refused'],
  }),
  sig({
    id: 'registry.upstream-timeout-in-5xx',
    cause: 'registry.connect-timeout',
    // A pull-through proxy or mirror answering 5xx with its own failed request to the upstream in the body:
    // the 5xx is the proxy's report, the upstream unreachable from it is the cause.
    // The 5xx is a status (its reason phrase, or after "status"), not any three digits (a ?limit=500 in a URL).
    re: /(\b5\d\d (internal server error|bad gateway|service unavailable|gateway time-?out)|status( code)?\W{0,3}5\d\d\b)[^\n]{0,400}?(get|head) \\?"?https?:\/\/[^\s"\\]+\\?"?: (?<key>net\/http: request canceled while waiting for connection|dial tcp [\w.:[\]%-]+: (i\/o timeout|connect: connection timed out))/,
    anchors: ['request canceled while waiting', 'i/o timeout', 'connect: connection timed out'],
    also: ['internal server error', 'bad gateway', 'service unavailable', 'gateway time', 'status'],
    confidence: 0.75,
    specificity: 76,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured', 'registry.server-error'],
    check: 'from the proxy or mirror (not the node): curl -v <upstream URL from the message>; it needs its own route, DNS and HTTP proxy to the upstream (its HTTPS_PROXY / NO_PROXY settings)',
    source: 'pull-through caches and registry proxies (distribution proxy, k3d\'s registry, Harbor proxy cache) passing the upstream error in their 5xx body',
    samples: [
      '500 Internal Server Error - HEAD /v2/library/busybox/manifests/latest?ns=docker.io - 500 Internal Server Error: {"message":"Get \\"https://registry-1.docker.io/v2/\\": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)"}',
      'unexpected status code 502 Bad Gateway: {"errors":[{"code":"UNKNOWN","message":"Get \\"https://quay.io/v2/\\": dial tcp 52.0.0.1:443: i/o timeout"}]}',
    ],
    counterSamples: ['Error response from daemon: received unexpected HTTP status: 500 Internal Server Error'],
  }),
  sig({
    id: 'registry.https-443-refused',
    check: 'curl -v http://<host>/v2/ and http://<host>:5000/v2/ from the node: a registry that answers there serves plain HTTP or another port, and the runtime must be told (/etc/containerd/certs.d/<host>/hosts.toml with server = "http://<host>:<port>", or the image named with its port)',
    cause: 'registry.connection-refused',
    // An image named without a port is fetched with HTTPS on 443: refused there, the registry may well be
    // up, on plain HTTP or on its own port (5000), which the image reference does not say.
    re: /https:\/\/[^\/\s":]+\/v2\/[^\n]{0,300}(?<key>dial tcp [^\s]+:443: connect: connection refused)/,
    anchors: [':443: connect: connection refused'],
    confidence: 0.6,
    specificity: 62,
    alternatives: ['registry.http-to-https'],
    source: 'facts §4.6 (failed to do request), the registry host default port 443 for https',
    samples: [
      'failed to do request: Head "https://10.8.0.131/v2/mynginx/manifests/registry": dial tcp 10.8.0.131:443: connect: connection refused',
      'Get "https://registry.local/v2/": dial tcp 192.168.1.20:443: connect: connection refused',
    ],
    counterSamples: ['failed to do request: Head "https://10.8.0.131:5000/v2/mynginx/manifests/registry": dial tcp 10.8.0.131:5000: connect: connection refused'],
  }),
  sig({
    id: 'registry.ecr-token-timeout',
    check: 'from the node: curl -sv https://api.ecr.<region>.amazonaws.com/ (a VPC without a NAT gateway needs the ecr.api and ecr.dkr VPC endpoints); the kubelet\'s ECR credential provider gets no token, so the pull goes without credentials',
    cause: 'registry.connect-timeout',
    // The kubelet's ECR credential provider cannot reach the ECR API: the pull that follows says
    // "no basic auth credentials", which is the symptom, not the cause.
    re: /(requesting ecr authorization token|getauthorizationtoken)[\s\S]{0,300}?(i\/o timeout|timeout|deadline exceeded)/,
    anchors: ['ecr authorization token', 'getauthorizationtoken'],
    confidence: 0.8,
    specificity: 96,
    alternatives: ['registry.proxy', 'registry.dns'],
    source: 'kubelet ECR credential provider (aws_credentials.go: "while requesting ECR authorization token")',
    samples: [
      'aws_credentials.go:194] while requesting ECR authorization token RequestError: send request failed caused by: Post https://api.ecr.us-east-1.amazonaws.com/:  dial tcp i/o timeout',
      'error getting credentials - err: exit status 1, out: `operation error ECR: GetAuthorizationToken, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , request send failed, Post "https://api.ecr.eu-west-1.amazonaws.com/": dial tcp 10.0.0.1:443: i/o timeout`',
    ],
    counterSamples: ['no basic auth credentials'],
  }),
  sig({
    id: 'registry.proxy-not-excepted',
    cause: 'registry.proxy',
    // kubeadm's preflight and minikube say it themselves: the proxy in the environment would carry traffic that
    // must stay inside the cluster (no NO_PROXY exception for the Service and Pod ranges), or cannot be carried
    // into the node at all (a proxy on the workstation's own loopback).
    re: /\[warning httpproxycidr\]|\[warning httpproxy\]: connection to \\*"[^"\\]+\\*" uses proxy|local proxy ignored: not passing (https?|no)_proxy=|your no_proxy environment does not include the minikube ip/,
    anchors: ['httpproxycidr', '[warning httpproxy]', 'local proxy ignored', 'does not include the minikube ip'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['registry.connect-timeout'],
    check: 'the proxy variables of the process that warned and of the runtime and kubelet units (systemctl show containerd kubelet -p Environment): NO_PROXY must list the Pod and Service CIDRs, the node addresses and .svc,.cluster.local; a proxy on 127.0.0.1 of the workstation must be replaced by one the node can reach',
    source: 'kubeadm preflight HTTPProxy / HTTPProxyCIDR checks; minikube\'s proxy hand-over to the node',
    samples: [
      '[WARNING HTTPProxyCIDR]: connection to "10.96.0.0/12" uses proxy "http://proxy.corp.example:3128". This may lead to malfunctional cluster setup. Make sure that Pod and Services IP ranges specified correctly as exceptions in proxy configuration',
      '❗  Local proxy ignored: not passing HTTP_PROXY=http://127.0.0.1:8888 to docker env.',
      '❗  You appear to be using a proxy, but your NO_PROXY environment does not include the minikube IP (192.168.39.111).',
    ],
    counterSamples: ['[WARNING Hostname]: hostname "node-1" could not be reached'],
  }),
  sig({
    id: 'registry.desktop-socks-needs-subscription',
    cause: 'registry.proxy',
    // Docker Desktop refuses to pull through a SOCKS proxy without a Business subscription: the proxy setting
    // itself stops every pull.
    re: /requires a business subscription: a socks proxy/,
    anchors: ['business subscription'],
    confidence: 0.8,
    specificity: 94,
    check: 'Docker Desktop → Settings → Resources → Proxies (and the system proxy it inherits): use an HTTP(S) proxy, or none, for pulls',
    source: 'Docker Desktop proxy feature check ("Using feature requires a Business Subscription: a SOCKS proxy")',
    samples: ['error pulling image configuration: download failed after attempts=6: Using feature requires a Business Subscription: a SOCKS proxy', 'Error response from daemon: Using feature requires a Business Subscription: a SOCKS proxy'],
    counterSamples: ['proxyconnect tcp: dial tcp 127.0.0.1:1080: connect: connection refused'],
  }),
  sig({
    id: 'registry.ipv6-unreachable',
    cause: 'unknown',
    // connect(2) to an IPv6 address failing with ENETUNREACH: the host has no IPv6 route at all, and the name
    // resolved to an AAAA address first. Nothing about the registry: the node's IPv6 (or its resolver's answer).
    re: /dial tcp \[[0-9a-f:]+\]:\d+: connect: network is unreachable/,
    anchors: ['connect: network is unreachable'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['registry.connect-timeout', 'dns.node-resolver'],
    check: 'on the node: ip -6 route (no default route means no IPv6) and getent ahosts <registry host>: give the node IPv6, or make it prefer IPv4 for this host (precedence ::ffff:0:0/96 100 in /etc/gai.conf; Docker and containerd also honour an IPv4-only /etc/hosts entry)',
    source: 'Go net: connect(2) to an IPv6 address with no IPv6 route (ENETUNREACH)',
    samples: ['Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp [2600:1f18:2148:bc02::1]:443: connect: network is unreachable', 'failed to do request: Head "https://ghcr.io/v2/a/b/manifests/1": dial tcp [2606:50c0:8000::154]:443: connect: network is unreachable'],
    counterSamples: ['dial tcp 10.0.0.5:443: connect: network is unreachable'],
  }),
  sig({
    id: 'registry.v1-network-timed-out',
    cause: 'registry.connect-timeout',
    // Docker's v1 pull path reported a connect or read timeout with its own sentence (and its own proxy hint).
    re: /network timed out while trying to connect to https?:\/\/\S+/,
    anchors: ['network timed out while trying to connect'],
    confidence: 0.65,
    specificity: 90,
    alternatives: ['registry.proxy'],
    check: 'from the node: curl -v https://<that host>/ — a timeout there is the path (firewall, no route out); where the network reaches out only through a proxy, the Docker daemon needs it (systemctl show docker -p Environment: HTTPS_PROXY), not the shell or the container',
    source: 'Docker v1 registry client ("Network timed out while trying to connect to %s. You may want to check your internet connection or if you are behind a proxy.")',
    samples: ['Network timed out while trying to connect to https://index.docker.io/v1/repositories/library/openjdk/images. You may want to check your internet connection or if you are behind a proxy.', 'Error while pulling image: Network timed out while trying to connect to https://index.docker.io/v1/repositories/library/busybox/images.'],
    counterSamples: ['net/http: TLS handshake timeout'],
  }),
  sig({
    id: 'registry.proxy-given-to-container',
    cause: 'registry.proxy',
    // A proxy passed to `docker run` with --env/-e reaches the container, never the daemon that pulls its image:
    // the pull goes out without it and times out where only the proxy leads out.
    re: /docker (run|create)\b[^\n]*\s(--env|-e)[ =]?(https?_proxy|HTTPS?_PROXY)=[^\n]*\s[\s\S]{0,600}?(timed out|timeout|i\/o timeout|no such host|temporary failure in name resolution)/i,
    anchors: ['_proxy='],
    confidence: 0.7,
    specificity: 93,
    alternatives: ['registry.connect-timeout'],
    check: 'the daemon\'s own proxy: systemctl show docker -p Environment — set HTTP(S)_PROXY and NO_PROXY in a drop-in (/etc/systemd/system/docker.service.d/http-proxy.conf), systemctl daemon-reload && systemctl restart docker; --env only reaches the container',
    source: 'Docker daemon proxy configuration (the daemon pulls; --env sets the container\'s environment)',
    samples: ['$ docker run --env http_proxy=http://proxy.example:8080 hello-world\nUnable to find image \'hello-world:latest\' locally\nNetwork timed out while trying to connect to https://index.docker.io/v1/repositories/library/hello-world/images.', '$ docker run -e HTTPS_PROXY=http://10.0.0.1:3128 alpine\nUnable to find image \'alpine:latest\' locally\ndocker: Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp 44.0.0.1:443: i/o timeout.'],
    counterSamples: ['$ docker run --env FOO=bar hello-world'],
  }),
  sig({
    id: 'registry.read-timeout-mid-transfer',
    cause: 'registry.connect-timeout',
    // The kernel gave up retransmitting on an open connection to the registry (ETIMEDOUT on read): the path stopped
    // carrying its packets mid-transfer — a firewall's idle or size limit, a proxy, or large packets lost to the MTU.
    re: besidePull(/read tcp [\w.:[\]%-]+->[\w.:[\]%-]+: read: connection timed out/),
    anchors: ['read: connection timed out'],
    confidence: 0.7,
    specificity: 62,
    alternatives: ['flannel.mtu', 'registry.proxy', 'node.firewall'],
    check: 'retry the same pull or push: a transfer that always stops at the same point is the path\'s MTU or a middlebox (ping -M do -s 1472 <registry> from the node; ip link mtu), a random stop is the link or the registry\'s load',
    source: 'Go net read errors (ETIMEDOUT: "read: connection timed out") beside a registry request',
    samples: [
      'failed to pull and unpack image "docker.io/team/app:1": failed to copy: read tcp 172.18.0.2:46498->104.18.124.25:443: read: connection timed out',
      'failed to pushing the blob sha256:aa, size 324122020: Put "https://harbor.lab/v2/team/app/blobs/uploads/1?_state=x": read tcp 192.168.15.22:36030->172.24.31.252:443: read: connection timed out',
    ],
    counterSamples: ['read tcp 10.0.0.5:5432->10.0.0.9:5432: read: connection timed out'],
  }),
  sig({
    id: 'registry.openssl-wrong-version-number',
    cause: 'registry.http-to-https',
    // OpenSSL reading a reply that is not a TLS record: the client spoke TLS to a plain-HTTP port (or to an HTTP proxy
    // given with https://, which answers in plain HTTP too).
    re: /ssl routines:[^\n]{0,60}:?wrong version( number|\s*[`'"]|\s*$)|\[ssl: wrong_version_number\] wrong version number|ssl_connect returned=1[^\n]{0,80}wrong version number/,
    anchors: ['wrong version'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['registry.proxy'],
    check: 'curl -v http://<host>:<port>/ (plain): an answer there means the port speaks HTTP — use http:// for it (or the TLS port); if the URL is a proxy\'s, its scheme in HTTPS_PROXY must be http:// for an ordinary HTTP proxy',
    source: 'OpenSSL SSL_R_WRONG_VERSION_NUMBER (a non-TLS reply to a ClientHello), as curl, Python and Ruby print it',
    samples: [
      'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number',
      "Timed out trying to connect to 'gateway://172.20.192.52:80/dask-gateway.1' after 10 s: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1131)",
      'curl: (35) error:1408F10B:SSL routines:ssl3_get_record:wrong version number',
    ],
    counterSamples: ['curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to reg.example.com:443'],
  }),
];
