import type { Signature } from '../types.js';
import { REGISTRY_CONTEXT, REGISTRY_V2_PATH, besidePull } from './context.js';
import { sig } from './define.js';

// Where a TLS failure is the registry's: a pull, a login or a registry URL on the same line. The same x509
// texts come from admission webhooks, kubectl and applications, which are not an image pull, so a bare x509
// line answers the registry cause below 0.9 with the check that tells the client apart.
const inRegistryContext = (tls: RegExp): RegExp => new RegExp(`${REGISTRY_CONTEXT}[^\\n]{0,800}?(?<key>${tls.source})`);
/** Earlier on the line, a pull's own words: a timeout or a cancel after them is the pull's. */
const NEAR_PULL = String.raw`(pull|resolve|fetch|registry|${REGISTRY_V2_PATH}|manifests)`;
const WHICH_CLIENT = 'which client failed? an image pull or docker login names the registry (its /v2/ URL) and needs the registry\'s CA in /etc/containerd/certs.d/<host>/ca.crt (or /etc/docker/certs.d/<host>/ca.crt); the same x509 text from an admission webhook, kubectl or an application is that client and that server, not an image pull';

/** Reaching the registry: Go net/http/TLS/x509 texts inside containerd and Docker errors (facts §4.6, §4.7, §5). */
export const REGISTRY_SIGNATURES: Signature[] = [
  // The registry answered 401 with a WWW-Authenticate realm, and the token service at that realm could not be
  // reached: containerd writes "failed to fetch anonymous token: Get <realm>: <transport error>". The fault is
  // the path to the realm (often another host than the registry: auth.docker.io for Docker Hub and for the
  // mirrors that pass its realm through), not the credentials — so these outrank image.auth-required.
  sig({
    id: 'registry.token-realm-refused',
    cause: 'registry.connection-refused',
    re: /failed to fetch (anonymous|oauth) token: [^\n]{0,400}?(connect|getsockopt): connection refused/,
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
    re: /failed to fetch (anonymous|oauth) token: [^\n]{0,400}?(i\/o timeout|connection timed out|operation timed out|client\.timeout exceeded|tls handshake timeout)/,
    anchors: ['token: '],
    confidence: 0.7,
    specificity: 96,
    alternatives: ['registry.mirror-misconfigured', 'registry.proxy'],
    check: 'the token realm is a second host: curl -sI https://<registry host>/v2/ shows it in WWW-Authenticate (realm="https://…/token"), and the node must reach it too (nc -vz -w5 <realm host> 443, with the runtime\'s proxy settings); a mirror or pull-through proxy that hands out its upstream\'s realm (Docker Hub\'s auth.docker.io) sends every node there, so a node that reaches only the mirror fails here',
    source: 'containerd remotes/docker authorizer (fetchToken at the realm of the 401 challenge); Go dial errors (facts §4.7)',
    samples: [
      'msg="trying next host" error="failed to authorize: failed to fetch anonymous token: Get \\"https://auth.docker.io/token?scope=repository%3Alibrary%2Fredis%3Apull&service=registry.docker.io\\": dial tcp 199.96.62.75:443: i/o timeout" host=mirror.example.net',
      'failed to authorize: failed to fetch anonymous token: Get "https://quay.io/v2/auth?scope=repository%3Acoreos%2Fetcd%3Apull&service=quay.io": net/http: TLS handshake timeout',
    ],
    counterSamples: ['failed to do request: Head "https://registry-1.docker.io/v2/library/redis/manifests/latest": dial tcp 54.1.2.3:443: i/o timeout'],
  }),
  sig({
    id: 'registry.token-realm-lookup',
    cause: 'registry.dns',
    re: /failed to fetch (anonymous|oauth) token: [^\n]{0,400}?(no such host|server misbehaving|temporary failure in name resolution)/,
    anchors: ['token: '],
    confidence: 0.75,
    specificity: 96,
    // A network that reaches the internet only through a proxy resolves no public name itself.
    alternatives: ['registry.mirror-misconfigured', 'dns.node-resolver', 'registry.proxy'],
    check: 'the token realm is a second host: curl -sI https://<registry host>/v2/ shows it in WWW-Authenticate (realm="https://…/token"), and the node must reach it too (nc -vz -w5 <realm host> 443, with the runtime\'s proxy settings); a mirror or pull-through proxy that hands out its upstream\'s realm (Docker Hub\'s auth.docker.io) sends every node there, so a node that reaches only the mirror fails here',
    source: 'containerd remotes/docker authorizer (fetchToken at the realm of the 401 challenge); Go resolver errors (facts §4.7)',
    samples: [
      'failed to authorize: failed to fetch anonymous token: Get "https://auth.docker.io/token?scope=repository%3Alibrary%2Fbusybox%3Apull&service=registry.docker.io": dial tcp: lookup auth.docker.io on 127.0.0.53:53: no such host',
      'failed to authorize: failed to fetch oauth token: Post "https://harbor.lab/service/token": dial tcp: lookup harbor.lab: Temporary failure in name resolution',
    ],
    counterSamples: ['failed to authorize: failed to fetch anonymous token: unexpected status: 403 Forbidden'],
  }),
  sig({
    id: 'registry.lookup-local-errno',
    cause: 'unknown',
    // Go's net.DNSError carries whatever failed: a DNS answer (no such host, server misbehaving), a timeout, or a
    // system call of the resolver itself (getaddrinfo's EAI_SYSTEM errno with cgo, a socket the pure-Go resolver
    // could not open). An errno such as EBUSY or EMFILE is the node's process or kernel state, not an answer
    // about the name: it says nothing about the registry's name or the nameservers.
    re: /\blookup [^\s:"\\]+(?: on [\w.:[\]%-]+)?: [^\n"]{0,80}?(device or resource busy|too many open files|no buffer space available|cannot allocate memory|operation not permitted)/,
    anchors: ['lookup '],
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
    id: 'registry.lookup-default-nameserver',
    cause: 'registry.dns',
    // Go's resolver sends to 127.0.0.1:53 and [::1]:53 (net.defaultNS) when /etc/resolv.conf is missing or
    // lists no nameserver; a timeout or refusal there means nothing answers on the node's loopback — no
    // nameserver configured, or a local resolver (dnsmasq) that is down. The node's resolver, not the name.
    re: inRegistryContext(/\blookup [^\s:"\\]+ on (\[::1\]|127\.0\.0\.1):53: (read|write|dial) udp[^\n]{0,80}?(i\/o timeout|connection refused|cannot assign requested address)/),
    anchors: ['on [::1]:53', 'on 127.0.0.1:53'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['dns.node-resolver'],
    check: 'cat /etc/resolv.conf on the node (inside the VM for Docker Desktop, Rancher Desktop, kind or minikube): no nameserver line makes Go fall back to 127.0.0.1:53 and [::1]:53 — add the network\'s resolver; a nameserver 127.0.0.1 line needs that local resolver running (ss -lunp | grep :53)',
    source: 'Go net package dnsconfig (defaultNS = 127.0.0.1:53, [::1]:53 when resolv.conf names none); facts §9 (pulls use the node resolver)',
    samples: [
      'failed to do request: Head "https://registry.example.org/v2/library/alpine/manifests/3.19": dial tcp: lookup registry.example.org on [::1]:53: read udp [::1]:50000->[::1]:53: i/o timeout',
      'Error response from daemon: Get "https://harbor.lab/v2/": dial tcp: lookup harbor.lab on 127.0.0.1:53: read udp 127.0.0.1:40000->127.0.0.1:53: read: connection refused',
      // IPv6 off on the loopback: the fallback [::1]:53 cannot even be dialled.
      'Error response from daemon: Get "http://reg.lab:5000/v2/": dial tcp: lookup reg.lab on [::1]:53: dial udp [::1]:53: connect: cannot assign requested address',
    ],
    counterSamples: ['failed to do request: Head "https://reg.local/v2/a/manifests/1": dial tcp: lookup reg.local on 127.0.0.53:53: no such host', 'failed to do request: Head "https://reg.local/v2/a/manifests/1": dial tcp: lookup reg.local on 127.0.0.1:53: no such host'],
  }),
  sig({
    id: 'registry.lookup-local-stub-timeout',
    cause: 'dns.node-resolver',
    // 127.0.0.53 is systemd-resolved's stub and 127.0.1.1 NetworkManager's dnsmasq: a resolv.conf naming them
    // hands every lookup to a local cache that forwards to the real upstreams. The stub not answering in time
    // is that cache failing to reach its upstreams (or hung) — the node's resolver, whatever name was asked.
    re: /\blookup [^\s:"\\]+ on 127\.0\.(0\.53|1\.1):53: (read|write|dial) udp[^\n]{0,80}?i\/o timeout/,
    anchors: ['on 127.0.0.53:53', 'on 127.0.1.1:53'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['registry.dns'],
    check: 'on the node: resolvectl status (or nmcli dev show | grep DNS for dnsmasq) names the upstreams the stub forwards to; dig @<upstream> <name> from the node decides whether they answer',
    source: 'systemd-resolved stub (127.0.0.53), NetworkManager dnsmasq (127.0.1.1); Go net.DNSError timeout (facts §9)',
    samples: [
      'failed to do request: Head "https://quay.io/v2/app/api/manifests/2": dial tcp: lookup quay.io on 127.0.0.53:53: read udp 127.0.0.1:41000->127.0.0.53:53: i/o timeout',
      'Get "https://cdn.example.net/blobs/x": dial tcp: lookup cdn.example.net on 127.0.1.1:53: read udp 127.0.0.1:39000->127.0.1.1:53: i/o timeout',
    ],
    counterSamples: ['dial tcp: lookup reg.local on 127.0.0.53:53: no such host', 'dial tcp: lookup reg.local on 127.0.0.53:53: server misbehaving'],
  }),
  sig({
    id: 'registry.lookup-cluster-dns',
    cause: 'registry.dns',
    // A registry request whose lookup went to a cluster DNS Service address (the 10th Service IP, x.x.0.10): the
    // client that pulls (a Docker daemon in a pod, a build job, docker-in-docker) resolves through CoreDNS, which
    // knows neither names kept in the nodes' /etc/hosts nor private zones it does not forward to.
    re: inRegistryContext(/\blookup [^\s:"\\]+ on (10|172|192|100)\.\d+\.\d+\.10:53: no such host/),
    anchors: ['.10:53'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['dns.node-resolver'],
    check: 'the pulling client resolves through the cluster DNS: kubectl run -it --rm t --image=busybox -- nslookup <registry host>; a name the nodes resolve only from /etc/hosts or a private zone needs a CoreDNS hosts entry or a forward for that zone',
    source: 'facts §9 (pods resolve through the cluster DNS Service, the 10th Service IP); Go net.DNSError',
    samples: [
      'Error response from daemon: Get https://registry.corp.internal:8500/v2/: dial tcp: lookup registry.corp.internal on 10.96.0.10:53: no such host',
      'failed to do request: Head "https://harbor.home.arpa/v2/ci/builder/manifests/3": dial tcp: lookup harbor.home.arpa on 10.43.0.10:53: no such host',
    ],
    counterSamples: ['dial tcp: lookup payments-api on 10.96.0.10:53: no such host'],
  }),
  sig({
    id: 'registry.lookup-failed',
    cause: 'registry.dns',
    // Go's net.DNSError: "lookup <name> on <server>: <err>" (pure Go) or "lookup <name>: <err>" (cgo).
    // Only beside a registry request: the same net.DNSError is every Go program's failed lookup.
    re: inRegistryContext(/\blookup [^\s:"\\]+(?: on (?:[\w.:[\]%-]+|<[^>\n]{1,40}>))?: |no such host|server misbehaving/),
    anchors: ['lookup ', 'no such host', 'server misbehaving'],
    confidence: 0.9,
    specificity: 90,
    alternatives: ['dns.node-resolver'],
    source: 'facts §4.7 (net.DNSError), §9 (pulls use the node resolver, not CoreDNS)',
    samples: [
      'failed to resolve reference "reg.local/a/b:1": failed to do request: Head "https://reg.local/v2/a/b/manifests/1": dial tcp: lookup reg.local on 127.0.0.53:53: no such host',
      'Failed to pull image "istio/proxyv2:1.20.1": rpc error: code = Unknown desc = Error response from daemon: Get https://registry-1.docker.io/v2/: dial tcp: lookup registry-1.docker.io on 10.0.2.3:53: server misbehaving',
      'failed to do request: Head "https://quay.io/v2/prometheus/node-exporter/manifests/v1.7.0": dial tcp: lookup quay.io: Temporary failure in name resolution',
      'Get "https://ghcr.io/v2/": dial tcp: lookup ghcr.io on [fd00::1]:53: read udp [fd00::5]:51234->[fd00::1]:53: i/o timeout',
    ],
    counterSamples: ['dial tcp 10.1.2.3:443: i/o timeout', 'Looking up registry.lab in the cache', 'Get "https://api.github.com/repos/acme/app": dial tcp: lookup api.github.com: no such host'],
  }),
  sig({
    id: 'registry.lookup-cluster-name-by-node',
    cause: 'dns.node-resolver',
    // The runtime pulls with the node's resolver, which knows nothing of cluster names: a registry addressed as
    // a Service (<svc>.<ns>.svc[.cluster.local]) cannot be resolved by the node unless its resolv.conf or
    // /etc/hosts is made to. Not when the lookup went to the cluster DNS itself (a pod pulling: dns.* signatures).
    re: inRegistryContext(/\blookup [^\s:"\\]+\.svc(\.cluster\.local)?\.? on (?!(10|172|192|100)\.\d+\.\d+\.10:)[\w.:[\]%-]+:53: /),
    anchors: ['.svc on ', '.svc.cluster.local on '],
    confidence: 0.7,
    specificity: 93,
    alternatives: ['dns.service-unreachable', 'registry.dns'],
    check: 'the node resolves the registry host, not CoreDNS: getent hosts <registry>.svc on the node fails by design — address the registry by a name or IP the nodes resolve (its ClusterIP, a NodePort or an ingress name; OpenShift: the image-registry.openshift-image-registry.svc name needs the node\'s /etc/hosts entry its DNS operator writes)',
    source: 'facts §9 (pulls use the node resolver, not CoreDNS); Go net.DNSError',
    samples: [
      'pinging container registry image-registry.openshift-image-registry.svc:5000: Get "https://image-registry.openshift-image-registry.svc:5000/v2/": dial tcp: lookup image-registry.openshift-image-registry.svc on 223.5.5.5:53: read udp 10.2.5.6:33734->223.5.5.5:53: i/o timeout',
      'failed to do request: Head "https://registry.kube-system.svc.cluster.local:5000/v2/app/manifests/1": dial tcp: lookup registry.kube-system.svc.cluster.local on 127.0.0.53:53: no such host',
    ],
    counterSamples: ['failed to do request: Head "https://registry.kube-system.svc.cluster.local:5000/v2/app/manifests/1": dial tcp: lookup registry.kube-system.svc.cluster.local on 10.96.0.10:53: no such host'],
  }),
  sig({
    id: 'registry.lookup-resolver-silent',
    cause: 'registry.dns',
    // The resolver itself did not answer: a timeout or a refusal on the way to <server>:53, not an answer about
    // the name. The registry's name may be fine; what failed is the node's path to its nameserver (a VM's
    // NAT resolver, a down dnsmasq, a firewall on 53). Threads settle it either way, so below 0.9. One above
    // registry.lookup-failed, below the loopback and stub-resolver forms; Docker Hub's own (91) matches later and wins.
    re: new RegExp(`${REGISTRY_CONTEXT}[^\\n]{0,800}?\\blookup [^\\s:"\\\\]+ on [\\w.:[\\]%-]+:53: (?<key>(read|write|dial) udp [^\\n]{0,80}?(i\\/o timeout|connection refused))`),
    anchors: [':53: read udp', ':53: write udp', ':53: dial udp'],
    confidence: 0.85,
    specificity: 91,
    alternatives: ['dns.node-resolver'],
    check: 'from the node: cat /etc/resolv.conf (inside the VM for minikube, kind, colima, Docker Desktop) names the server that did not answer; dig @<that server> <registry host> decides whether it answers at all (a dead or unreachable resolver is the node\'s resolver; an answer there with a failure for this name is the name)',
    source: 'Go net.DNSError with a transport error ("lookup <name> on <server>:53: read udp …: i/o timeout"); facts §9 (pulls use the node resolver)',
    samples: [
      'failed to pull image "k8s.gcr.io/pause:3.9": Error response from daemon: Get https://k8s.gcr.io/v2/: dial tcp: lookup k8s.gcr.io on 192.168.64.1:53: read udp 192.168.64.15:48975->192.168.64.1:53: i/o timeout',
      'failed to do request: Head "https://public.ecr.aws/v2/docker/library/nginx/manifests/1.25": dial tcp: lookup public.ecr.aws on 10.0.2.3:53: read udp 10.0.2.100:57540->10.0.2.3:53: read: connection refused',
    ],
    counterSamples: ['failed to do request: Head "https://reg.local/v2/a/manifests/1": dial tcp: lookup reg.local on 10.0.2.3:53: no such host', 'dial tcp: lookup db.internal on 10.0.2.3:53: read udp 10.0.2.15:4000->10.0.2.3:53: i/o timeout'],
  }),
  sig({
    id: 'registry.lookup-failed-bare',
    cause: 'registry.dns',
    // Anywhere in a message about pulls or registries; without one it is some program's lookup (ambiguous.lookup-outside-pull).
    re: besidePull(/\blookup [^\s:"\\]+(?: on (?:[\w.:[\]%-]+(?:->[\w.:[\]%-]+)?|<[^>\n]{1,40}>))?: |no such host|server misbehaving/),
    anchors: ['lookup ', 'no such host', 'server misbehaving'],
    confidence: 0.7,
    specificity: 89,
    alternatives: ['dns.node-resolver', 'dns.coredns-down'],
    check: 'who looked the name up? the node (an image pull, the kubelet, a host service) uses the node\'s /etc/resolv.conf — try getent hosts <name> on the node; a pod uses the cluster DNS — try nslookup <name> from a pod on the same node',
    source: 'Go net.DNSError ("lookup <name> on <server>: <err>"), the same for every Go program (facts §4.7)',
    samples: ['Back-off for image "harbor.lab/ci/web:1": dial tcp: lookup harbor.lab: no such host', 'dial tcp: lookup quay.io on 127.0.0.11:53: server misbehaving'],
    counterSamples: ['Looking up registry.lab in the cache', 'dial tcp: lookup db.internal.example on 127.0.0.11:53: server misbehaving'],
  }),
  sig({
    // Docker Hub is what mirrors serve (Docker's registry-mirrors serve nothing else): containerd tries
    // the hosts.toml mirrors, then the upstream, and Docker falls back from its mirrors to Docker Hub;
    // both report only the last host's error. Docker Hub's own name failing may be the node's resolver
    // or a mirror that failed first — the node's config decides.
    id: 'registry.dockerhub-lookup-failed',
    check: 'is a Docker Hub mirror configured — /etc/containerd/certs.d/docker.io/hosts.toml, registry.mirrors."docker.io" in /etc/containerd/config.toml (containerd config dump), or registry-mirrors in /etc/docker/daemon.json? The runtime tries the mirror first and reports only the last host it tried, so a failing mirror shows as Docker Hub\'s own failure: curl -v <mirror>/v2/ from the node decides; without a mirror, getent hosts registry-1.docker.io on the node decides the resolver (cat /etc/resolv.conf)',
    cause: 'registry.dns',
    // The server may be a placeholder where the poster redacted addresses ("on <IP ADDRESS REMOVED>:").
    re: /\blookup (registry-1|index|auth)\.docker\.io(?: on (?:[\w.:[\]%-]+|<[^>\n]{1,40}>))?: /,
    anchors: ['lookup registry-1.docker.io', 'lookup index.docker.io', 'lookup auth.docker.io'],
    confidence: 0.8,
    specificity: 91,
    alternatives: ['registry.mirror-misconfigured', 'dns.node-resolver', 'registry.proxy'],
    source: 'facts §4.7 (net.DNSError), §5.2 (hosts tried in order, then server), §5.3 (Docker mirrors serve Docker Hub only)',
    samples: [
      'Error response from daemon: Get https://registry-1.docker.io/v2/: dial tcp: lookup registry-1.docker.io on 10.16.0.2:53: read udp 10.0.0.7:51000->10.16.0.2:53: i/o timeout',
      'failed to do request: Head "https://registry-1.docker.io/v2/library/redis/manifests/7": dial tcp: lookup registry-1.docker.io: Temporary failure in name resolution',
      'error="failed to do request: Head \\"https://registry-1.docker.io/v2/library/node/manifests/20\\": dial tcp: lookup registry-1.docker.io on <redacted>: read udp <redacted>-><redacted>: i/o timeout"',
    ],
    counterSamples: ['dial tcp: lookup quay.io on 10.0.0.2:53: no such host', 'dial tcp: lookup registry-1.docker.io.example.com on 10.0.0.2:53: no such host'],
  }),
  sig({
    // Resolver texts of other clients (curl, libc, Node): a name failed, but not necessarily on the pull path.
    id: 'registry.resolver-failed',
    check: 'on the node (not in a pod): getent hosts <registry host> and cat /etc/resolv.conf — failing there means the node\'s resolver; working there but failing in a pod means cluster DNS',
    cause: 'registry.dns',
    // Only beside a registry request: without one it is an application's own lookup (dns.client-lookup-failed).
    re: new RegExp(`^(?=[\\s\\S]*${REGISTRY_CONTEXT})[\\s\\S]*(?<key>temporary failure in name resolution|could not resolve host|name or service not known|getaddrinfo (enotfound|eai_again)|no address associated with hostname)`),
    anchors: ['name resolution', 'could not resolve host', 'name or service not known', 'getaddrinfo', 'no address associated'],
    confidence: 0.6,
    specificity: 85,
    alternatives: ['dns.node-resolver', 'dns.service-unreachable', 'dns.coredns-down'],
    source: 'facts §9 (the node resolver; from inside a pod the same text means cluster DNS)',
    samples: ['curl: (6) Could not resolve host: registry.corp.local', 'Error response from daemon: Get "https://harbor.corp/v2/": getaddrinfo EAI_AGAIN harbor.corp'],
    counterSamples: ['Resolved host registry.corp.local to 10.0.0.5', 'Error: getaddrinfo EAI_AGAIN api.example.com'],
  }),
  sig({
    id: 'registry.tls-handshake-timeout',
    check: 'from the node: curl -v https://<registry>/v2/ and the same with a small MTU-safe request (curl --max-time 10); TCP connecting but the handshake hanging points at a proxy/firewall inspecting TLS or an MTU black hole (ip link show: the node\'s MTU against the path\'s)',
    cause: 'registry.tls-handshake-timeout',
    // \s+: log viewers that wrap at a fixed width break the text at a space (Talos's console).
    re: /tls\s+handshake\s+timeout/,
    anchors: ['tls handshake timeout', 'handshake timeout'],
    confidence: 0.6,
    specificity: 80,
    alternatives: ['flannel.mtu', 'registry.proxy'],
    source: 'facts §4.7 net/http: TLS handshake timeout',
    samples: [
      'Failed to pull image "registry.k8s.io/pause:3.9": rpc error: code = Unknown desc = failed to pull and unpack image "registry.k8s.io/pause:3.9": failed to resolve reference "registry.k8s.io/pause:3.9": failed to do request: Head "https://registry.k8s.io/v2/pause/manifests/3.9": net/http: TLS handshake timeout',
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout',
    ],
    counterSamples: ['net/http: request canceled while waiting for connection'],
  }),
  sig({
    // One literal-led pattern per signature: the regex engine then skips ahead to "dial tcp " quickly.
    id: 'registry.dial-timeout',
    check: 'from the node: nc -vz -w5 <registry host> 443 and env | grep -i proxy for the runtime (systemctl show containerd -p Environment): a timeout with no proxy set means a firewall or route; a proxy that is required but not set for containerd means registry.proxy',
    cause: 'registry.connect-timeout',
    re: /dial tcp [\w.:[\]%-]+: (i\/o timeout|(connect|getsockopt): connection timed out|(connect|getsockopt): operation timed out)/,
    anchors: ['dial tcp'],
    confidence: 0.8,
    specificity: 65,
    alternatives: ['node.firewall', 'registry.proxy'],
    source: 'facts §4.7 (dial tcp …: i/o timeout)',
    samples: [
      'failed to do request: Head "https://registry.corp.example:5000/v2/app/manifests/1.4": dial tcp 10.20.30.40:5000: i/o timeout',
      'Get "https://gcr.io/v2/": dial tcp 142.250.1.82:443: connect: connection timed out',
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
    re: /(registry-1|index)\.docker\.io[^\n]{0,300}(dial tcp [\w.:[\]%-]+: (i\/o timeout|(connect|getsockopt): connection timed out|(connect|getsockopt): operation timed out)|request canceled while waiting for connection|client\.timeout exceeded while awaiting headers|timeout awaiting response headers)/,
    // The rarer half of the text as anchors: Docker Hub's name is in most pull lines, a timeout in few.
    anchors: ['i/o timeout', 'connection timed out', 'operation timed out', 'request canceled while waiting', 'client.timeout exceeded', 'timeout awaiting response headers'],
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
    check: 'from the node: curl -v --max-time 20 https://<registry>/v2/ and systemctl show containerd -p Environment | grep -i proxy — the runtime needs the same proxy the shell uses',
    cause: 'registry.connect-timeout',
    re: /client\.timeout exceeded|request canceled while waiting for connection|timeout awaiting response headers|connect etimedout/,
    anchors: ['client.timeout exceeded', 'request canceled while waiting', 'timeout awaiting response headers', 'etimedout'],
    confidence: 0.8,
    specificity: 65,
    alternatives: ['node.firewall', 'registry.proxy'],
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
    re: new RegExp(String.raw`${NEAR_PULL}[^\n]{0,600}(context deadline exceeded|i\/o timeout)|cancel pulling image \S+ because of no progress|code = deadlineexceeded desc = [^\n]{0,300}(pull|resolve reference|sandbox image)`),
    anchors: ['context deadline exceeded', 'i/o timeout', 'because of no progress', 'deadlineexceeded'],
    confidence: 0.55,
    specificity: 50,
    alternatives: ['flannel.mtu', 'registry.proxy'],
    source: 'facts §4.6 (progress timeout, context deadline)',
    samples: [
      'Failed to pull image "quay.io/ceph/ceph:v18": rpc error: code = DeadlineExceeded desc = context deadline exceeded',
      'failed to pull and unpack image "docker.io/library/golang:1.22": failed to copy: read tcp 10.0.0.5:45822->104.16.99.1:443: read: i/o timeout',
      'cancel pulling image docker.io/tensorflow/tensorflow:latest-gpu because of no progress in 5m0s',
    ],
    counterSamples: ['context deadline exceeded', 'error syncing: Post https://api.cloud.example/v2/droplets: context deadline exceeded'],
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
    id: 'registry.localhost-refused',
    cause: 'registry.connection-refused',
    // A registry at localhost / 127.0.0.1 / [::1] is dialled by the runtime on the node itself: inside a kind or
    // minikube node, or on a remote node, that is not the machine where the registry's port is published. Only
    // a mirror entry for the name (kind's local-registry pattern: hosts.toml for localhost:<port> pointing at the
    // registry container) makes such a reference work, so a refused localhost registry is as often a missing
    // or unread mirror configuration as a registry that is down.
    re: /https?:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+\/v2\/[^\n]{0,300}?(connect|getsockopt): connection refused/,
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
    re: /(connect|getsockopt): connection refused|econnrefused/,
    anchors: ['connection refused', 'econnrefused'],
    confidence: 0.8,
    specificity: 60,
    source: 'facts §4.7 dial tcp …: connect: connection refused',
    samples: [
      'failed to resolve reference "registry.lab:5000/web:1": failed to do request: Head "https://registry.lab:5000/v2/web/manifests/1": dial tcp 192.168.56.10:5000: connect: connection refused',
      'Error response from daemon: Get "https://harbor.internal/v2/": dial tcp 10.10.0.8:443: connect: connection refused',
    ],
    counterSamples: ['dial tcp 10.1.1.1:443: i/o timeout'],
  }),
  sig({
    id: 'registry.public-refused',
    // The big public registries answer on 443 from anywhere; a refusal at their address is something local
    // answering in their place — a firewall's REJECT with a reset, a transparent proxy, a DNS override pointing
    // the name elsewhere — or, where the runtime tries a mirror first, the last host of the list failing too.
    check: 'from the node: getent hosts <registry host> (the address it should have) and curl -v https://<registry host>/v2/ (a refusal from a public registry is a local firewall, proxy or DNS override); then the runtime\'s mirrors (/etc/containerd/certs.d/<host>/hosts.toml, registry-mirrors in /etc/docker/daemon.json), which it tries first',
    cause: 'registry.connection-refused',
    re: /(registry-1\.docker\.io|index\.docker\.io|k8s\.gcr\.io|registry\.k8s\.io|gcr\.io|ghcr\.io|quay\.io|public\.ecr\.aws|mcr\.microsoft\.com)\b[^\n]{0,300}(connect|getsockopt): connection refused/,
    anchors: ['connection refused'],
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
    check: 'curl -v https://<registry>/v2/ from the node and from outside: a reset only from the node means a middlebox (proxy, firewall, TLS inspection) on the node\'s path',
    cause: 'registry.connection-refused',
    re: /connection reset by peer|econnreset/,
    anchors: ['connection reset', 'econnreset'],
    confidence: 0.65,
    specificity: 58,
    alternatives: ['node.firewall', 'registry.proxy'],
    source: 'facts §4.7 (a reset: nothing listens, or a middlebox rejects)',
    samples: [
      'Get https://us-west2-docker.pkg.dev/v2/k8s-artifacts-prod/images/pause/manifests/3.9: read tcp 10.0.0.4:51212->209.85.146.82:443: read: connection reset by peer',
      'Error response from daemon: Get "https://registry.corp/v2/": read tcp 10.1.1.4:40112->10.9.9.9:443: read: connection reset by peer',
    ],
    counterSamples: ['connect: connection refused'],
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
    id: 'registry.no-route',
    check: 'ip route get <registry address> on the node, and the firewall on both ends (iptables -S, firewall-cmd --list-all): no route means routing; a reject (icmp-host-prohibited) means a firewall',
    cause: 'registry.connect-timeout',
    re: /(connect|getsockopt): (no route to host|network is unreachable)|enetunreach|ehostunreach/,
    anchors: ['no route to host', 'network is unreachable', 'enetunreach', 'ehostunreach'],
    confidence: 0.6,
    specificity: 58,
    alternatives: ['node.firewall', 'registry.proxy'],
    source: 'facts §4.7 (dial tcp …: connect: no route to host / network is unreachable: routing or a REJECT rule)',
    samples: [
      'failed to do request: Head "https://reg.example.net/v2/base/manifests/2": dial tcp 172.16.4.20:443: connect: no route to host',
      'failed to pull and unpack image "registry.k8s.io/kube-apiserver:v1.28.0": failed to resolve reference "registry.k8s.io/kube-apiserver:v1.28.0": failed to do request: Head "https://registry.k8s.io/v2/kube-apiserver/manifests/v1.28.0": dial tcp [2600:1901:0:bbc4::]:443: connect: network is unreachable',
    ],
    counterSamples: ['dial tcp 10.1.1.1:443: connect: connection refused'],
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
    id: 'registry.x509-unknown-authority',
    cause: 'registry.tls-untrusted',
    re: inRegistryContext(/certificate signed by unknown authority|self[- ]signed certificate|unable to get local issuer certificate|certificate is not trusted|unable to verify the first certificate/),
    anchors: ['unknown authority', 'self signed certificate', 'self-signed certificate', 'local issuer certificate', 'certificate is not trusted', 'verify the first certificate'],
    confidence: 0.95,
    specificity: 91,
    source: 'facts §4.7 x509: certificate signed by unknown authority',
    samples: [
      'failed to do request: Head "https://harbor.corp.local/v2/apps/api/manifests/2.1": tls: failed to verify certificate: x509: certificate signed by unknown authority',
      'Error response from daemon: Get "https://10.0.0.9:5000/v2/": x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "lab-ca")',
    ],
    counterSamples: ['Internal error occurred: failed calling webhook "validate.nginx.ingress.kubernetes.io": Post "https://ingress-nginx-controller-admission.ingress-nginx.svc:443/networking/v1/ingresses?timeout=10s": x509: certificate signed by unknown authority'],
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
    id: 'registry.dial-lookup-timeout',
    cause: 'registry.dns',
    // Go's dialer names the address it dialled; "dial tcp: i/o timeout" with none means the deadline ran out
    // while the name was still being resolved: the resolver did not answer in time, no connection was tried.
    re: new RegExp(String.raw`(${NEAR_PULL}|token)[^\n]{0,600}dial tcp: i\/o timeout`),
    anchors: ['dial tcp: i/o timeout'],
    confidence: 0.6,
    specificity: 55,
    alternatives: ['registry.connect-timeout', 'dns.node-resolver', 'registry.proxy'],
    check: 'time the lookup on the node: time getent hosts <registry host> (and dig <host> @<each nameserver in /etc/resolv.conf>) — a slow or silent resolver is this; a quick answer means the connect itself timed out (curl -v https://<host>/v2/)',
    source: 'Go net.Dialer: an OpError without an address when the deadline expires during name resolution',
    samples: [
      'pinging docker registry returned: Get https://registry-1.docker.io/v2/: dial tcp: i/o timeout',
      'Get "https://auth.docker.io/token?scope=repository%3Alibrary%2Fnginx%3Apull&service=registry.docker.io": dial tcp: i/o timeout',
    ],
    counterSamples: ['Get "https://registry-1.docker.io/v2/": dial tcp 54.196.99.49:443: i/o timeout', 'Post https://api.cloud.example/v2/droplets: dial tcp: i/o timeout'],
  }),
  sig({
    id: 'registry.x509-unknown-authority-bare',
    cause: 'registry.tls-untrusted',
    // The x509 text without a pull, a login or a registry URL around it: the registry is the likeliest client, not the only one.
    re: /certificate signed by unknown authority|self[- ]signed certificate|unable to get local issuer certificate|certificate is not trusted|unable to verify the first certificate/,
    anchors: ['unknown authority', 'self signed certificate', 'self-signed certificate', 'local issuer certificate', 'certificate is not trusted', 'verify the first certificate'],
    confidence: 0.75,
    specificity: 90,
    check: WHICH_CLIENT,
    source: 'facts §4.7 x509: certificate signed by unknown authority',
    samples: [
      'x509: certificate signed by unknown authority',
      'Internal error occurred: failed calling webhook "validate.nginx.ingress.kubernetes.io": Post "https://ingress-nginx-controller-admission.ingress-nginx.svc:443/networking/v1/ingresses?timeout=10s": x509: certificate signed by unknown authority',
    ],
    counterSamples: ['x509: certificate has expired or is not yet valid'],
  }),
  sig({
    id: 'registry.x509-public-registry-other-name',
    cause: 'registry.tls-name-mismatch',
    // A public registry always presents a certificate for its own name. One valid for another organisation's
    // names means the connection reached another server: a TLS-inspecting proxy or firewall, or a DNS answer
    // that points the name elsewhere (a search domain with a wildcard record, a hijacking resolver).
    re: /certificate is valid for [^\n]{0,300}, not (registry-1\.docker\.io|[\w.-]*docker\.(io|com)|ghcr\.io|quay\.io|[\w.-]*gcr\.io|registry\.k8s\.io|[\w.-]*pkg\.dev|public\.ecr\.aws|mcr\.microsoft\.com|nvcr\.io)\b/,
    anchors: ['certificate is valid for'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['registry.proxy', 'dns.node-resolver'],
    check: 'nslookup <registry host> on the node (an address of your own network means a search domain with a wildcard record or a hijacking resolver: /etc/resolv.conf search line) and openssl s_client -connect <registry host>:443 -servername <registry host> </dev/null | openssl x509 -noout -issuer (a corporate issuer means a TLS-inspecting proxy: trust its CA or bypass it)',
    source: 'Go crypto/x509 HostnameError ("certificate is valid for …, not …"); public registries serve certificates for their own names',
    samples: ['Error response from daemon: Get https://registry-1.docker.io/v2/: x509: certificate is valid for *.corp.example, not registry-1.docker.io', 'failed to do request: Head "https://ghcr.io/v2/o/a/manifests/1": x509: certificate is valid for fw.example.net, not ghcr.io'],
    counterSamples: ['Get "https://registry.lab:5000/v2/": x509: certificate is valid for registry.example.com, not registry.lab'],
  }),
  sig({
    id: 'registry.x509-name-mismatch',
    cause: 'registry.tls-name-mismatch',
    re: inRegistryContext(/certificate is valid for [^\n]+, not \S+|doesn't contain any ip sans|legacy common name field|certificate is not valid for any names|no alternative certificate subject name matches|hostname\/ip does not match certificate/),
    anchors: ['certificate is valid for', 'ip sans', 'legacy common name', 'not valid for any names', 'subject name matches', 'does not match certificate'],
    confidence: 0.95,
    specificity: 91,
    source: 'facts §4.7 x509: certificate is valid for X, not Y; IP SANs; legacy CN',
    samples: [
      'failed to do request: Head "https://registry.lab:5000/v2/x/manifests/1": tls: failed to verify certificate: x509: certificate is valid for registry.example.com, registry, not registry.lab',
      'Get "https://192.168.1.50:5000/v2/": x509: cannot validate certificate for 192.168.1.50 because it doesn\'t contain any IP SANs',
    ],
    counterSamples: ['x509: certificate is valid for ingress.local, not api.example.com'],
  }),
  sig({
    id: 'registry.x509-name-mismatch-bare',
    cause: 'registry.tls-name-mismatch',
    // The x509 text without a pull, a login or a registry URL around it: the registry is the likeliest client, not the only one.
    re: /certificate is valid for [^\n]+, not \S+|doesn't contain any ip sans|legacy common name field|certificate is not valid for any names|no alternative certificate subject name matches|hostname\/ip does not match certificate/,
    anchors: ['certificate is valid for', 'ip sans', 'legacy common name', 'not valid for any names', 'subject name matches', 'does not match certificate'],
    confidence: 0.75,
    // A TLS-intercepting proxy or a redirect to another host presents a certificate for a name not asked for.
    alternatives: ['registry.proxy'],
    specificity: 90,
    check: WHICH_CLIENT,
    source: 'facts §4.7 x509: certificate is valid for X, not Y; IP SANs; legacy CN',
    samples: [
      'x509: certificate relies on legacy Common Name field, use SANs instead',
      'tls: failed to verify certificate: x509: certificate is not valid for any names, but wanted to match harbor.lab',
    ],
    counterSamples: ['x509: certificate signed by unknown authority'],
  }),
  sig({
    id: 'registry.x509-expired',
    cause: 'registry.tls-expired-or-clock',
    re: inRegistryContext(/certificate has expired|certificate is not yet valid|cert_has_expired|certificate expired/),
    anchors: ['certificate has expired', 'not yet valid', 'cert_has_expired', 'certificate expired'],
    confidence: 0.95,
    specificity: 91,
    source: 'facts §4.7 x509: certificate has expired or is not yet valid',
    samples: [
      'Error response from daemon: Get https://registry.acme.io/v2/: x509: certificate has expired or is not yet valid',
      'failed to do request: Head "https://gcr.io/v2/app/manifests/1": x509: certificate has expired or is not yet valid',
    ],
    counterSamples: ['tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-03-01T10:00:00Z is after 2026-02-28T23:59:59Z'],
  }),
  sig({
    id: 'registry.x509-clock-behind',
    cause: 'registry.tls-expired-or-clock',
    // Go names both times: "current time <now> is before <notBefore>" is a certificate not yet valid, the
    // clock of the machine that checked it behind (no RTC on a Raspberry Pi, a wrong timezone set as UTC),
    // whichever server it was talking to.
    re: /certificate has expired or is not yet valid: current time \S+ is before \S+/,
    anchors: ['is before'],
    confidence: 0.9,
    specificity: 93,
    check: 'date -u on the machine that logged it against the real time: enable NTP (timedatectl set-ntp true; chronyc tracking), fix the timezone setting (a local time stored as UTC), then restart the component',
    source: 'Go crypto/x509 CertificateInvalidError (Expired): "current time %s is before %s"',
    samples: ['Get "https://127.0.0.1:6444/api/v1/services": x509: certificate has expired or is not yet valid: current time 2022-07-22T18:55:59+12:00 is before 2022-07-22T07:45:55Z', 'x509: certificate has expired or is not yet valid: current time 1970-01-01T00:01:02Z is before 2024-03-01T00:00:00Z'],
    counterSamples: ['x509: certificate has expired or is not yet valid: current time 2026-03-01T10:00:00Z is after 2026-02-28T23:59:59Z'],
  }),
  sig({
    id: 'registry.x509-expired-bare',
    cause: 'registry.tls-expired-or-clock',
    // The x509 text without a pull, a login or a registry URL around it: the registry is the likeliest client, not the only one.
    re: /certificate has expired|certificate is not yet valid|cert_has_expired|certificate expired/,
    anchors: ['certificate has expired', 'not yet valid', 'cert_has_expired', 'certificate expired'],
    confidence: 0.75,
    specificity: 90,
    check: WHICH_CLIENT,
    source: 'facts §4.7 x509: certificate has expired or is not yet valid',
    samples: [
      'tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-03-01T10:00:00Z is after 2026-02-28T23:59:59Z',
      'X509: certificate has expired or is not yet valid',
    ],
    counterSamples: ['x509: certificate signed by unknown authority'],
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
    id: 'registry.http-response-to-https',
    cause: 'registry.http-to-https',
    // Beside a registry request only: any Go TLS client talking to a plain-HTTP port (an etcd or API client,
    // a webhook) writes the same text.
    // \\s+: terminal output copied from a narrow window wraps inside the text.
    re: inRegistryContext(/server gave http\s+response to https\s+client|first record does not look like a tls handshake|tls: oversized record received with length/),
    anchors: ['server gave http', 'does not look like a tls handshake', 'oversized record received'],
    confidence: 0.9,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured'],
    source: 'facts §4.7, §5.2 (plain-HTTP registry needs an http:// host in hosts.toml)',
    samples: [
      'failed to resolve reference "192.168.1.100:32000/core:0.3": failed to do request: Head "https://192.168.1.100:32000/v2/core/manifests/0.3": http: server gave HTTP response to HTTPS client',
      'Get "https://registry.lab:5000/v2/": tls: first record does not look like a TLS handshake',
      'Error response from daemon: Get https://10.1.4.2:5000/v2/: tls: oversized record received with length 20527',
      'failed to do request: Head\n"https://10.0.0.9:30500/v2/team/app/manifests/v2": http: server gave HTTP\nresponse to HTTPS client',
    ],
    counterSamples: ['Client sent an HTTP request to an HTTPS server.', 'Get "https://10.0.0.5:2379/version": tls: first record does not look like a TLS handshake'],
  }),
  sig({
    id: 'registry.http-response-to-https-bare',
    cause: 'registry.http-to-https',
    re: /server gave http\s+response to https\s+client|first record does not look like a tls handshake|tls: oversized record received with length/,
    anchors: ['server gave http', 'does not look like a tls handshake', 'oversized record received'],
    confidence: 0.7,
    specificity: 89,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'which client spoke TLS to a plain-HTTP port? an image pull or docker login (a registry\'s /v2/ URL) needs the registry as an http:// host in /etc/containerd/certs.d/<host>/hosts.toml or in Docker\'s insecure-registries; an etcd, API or webhook client with this text has https:// in its own endpoint setting for a server that speaks HTTP',
    source: 'Go net/http and crypto/tls: an HTTPS client answered in plain HTTP',
    samples: ['Get "https://10.0.0.5:2379/version": tls: first record does not look like a TLS handshake', 'http: server gave HTTP response to HTTPS client'],
    counterSamples: ['Client sent an HTTP request to an HTTPS server.'],
  }),
  sig({
    id: 'registry.http-to-tls-server',
    check: 'the scheme the runtime uses for that host: /etc/containerd/certs.d/<host>/hosts.toml (server = "https://...") or the mirrors endpoint in config.toml — it sends plain HTTP to an HTTPS port',
    cause: 'registry.http-to-https',
    re: /client sent an http request to an https server|plain http request was sent to https port/,
    anchors: ['http request to an https server', 'plain http request was sent to https port'],
    confidence: 0.55,
    specificity: 85,
    alternatives: ['registry.mirror-misconfigured'],
    source: 'Go net/http server text when a client speaks plain HTTP to a TLS port (scheme wrong in hosts.toml)',
    samples: [
      'unexpected status from HEAD request to http://registry.lab:5443/v2/app/manifests/1: 400 Bad Request\nClient sent an HTTP request to an HTTPS server.',
      '400 The plain HTTP request was sent to HTTPS port',
    ],
    counterSamples: ['http: server gave HTTP response to HTTPS client'],
  }),
  sig({
    id: 'registry.proxyconnect',
    cause: 'registry.proxy',
    re: /proxyconnect (tcp|udp)|proxy authentication required|407 proxy|error connecting to proxy|socks connect|proxy: unknown scheme|tunneling socket could not be established|\b40[37] proxy unacknowledged| 407 +access denied/,
    anchors: ['proxyconnect', 'proxy authentication', '407 proxy', 'connecting to proxy', 'socks connect', 'proxy: unknown scheme', 'tunneling socket', 'proxy unacknowledged', ' 407 '],
    confidence: 0.92,
    specificity: 96,
    source: 'Go net/http proxy texts (proxyconnect tcp: …), HTTP 407',
    samples: [
      'Err:1 http://deb.example.org/debian bookworm InRelease\n  407  Access denied [IP: 10.0.0.1 3128]',
      'Error response from daemon: Get https://registry-1.docker.io/v2/: proxyconnect tcp: dial tcp 127.0.0.1:8080: connect: connection refused',
      'failed to do request: Head "https://quay.io/v2/coreos/etcd/manifests/v3.5.9": proxyconnect tcp: dial tcp: lookup proxy.corp.example on 10.0.0.2:53: no such host',
      'failed to do request: Head "https://ghcr.io/v2/flannel-io/flannel/manifests/v0.28.9": Proxy Authentication Required',
    ],
    counterSamples: ['dial tcp 127.0.0.1:8080: connect: connection refused'],
  }),
  sig({
    id: 'registry.crio-mirrors-also-failed',
    cause: 'registry.mirror-misconfigured',
    // CRI-O (containers/image) tries the registries.conf mirrors first and reports their errors inside "(Mirrors also
    // failed: […])": a mirror configured for this image that did not serve it (often a mirror without that image).
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
    id: 'registry.mirror-config-path-unset',
    cause: 'registry.mirror-misconfigured',
    // containerd reads hosts.toml mirrors only when the CRI registry config_path is set; mirror tools refuse to start without it.
    re: /registry config path needs to be set|config_path (is )?(not set|empty)[^\n]{0,80}mirror/,
    anchors: ['registry config path', 'config_path'],
    confidence: 0.85,
    specificity: 92,
    check: 'grep -n config_path /etc/containerd/config.toml: [plugins."io.containerd.grpc.v1.cri".registry] config_path = "/etc/containerd/certs.d" (containerd 2: plugins."io.containerd.cri.v1.images".registry), then restart containerd',
    source: 'facts §5.2 (containerd hosts.toml mirrors need registry.config_path)',
    samples: [
      '{"level":"error","msg":"","error":"Containerd registry config path needs to be set for mirror configuration to take effect"}',
      'Error: containerd registry config path needs to be set for mirror configuration to take effect',
    ],
    counterSamples: ['config_path = "/etc/containerd/certs.d"'],
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
    re: /\?ns=(?!localhost|127\.0\.0\.1|\[::1\])[\w.:-]+\\?"?:\s+(?!\S+: not found|tls: |x509: |dial tcp: lookup \S+ on \S+: (read|dial|write) udp)/,
    anchors: ['?ns='],
    confidence: 0.75,
    specificity: 97,
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
    id: 'registry.mirror-config-error',
    check: 'containerd --version and /etc/containerd/config.toml: config_path (hosts.toml directories) and the inline registry.mirrors/configs cannot be mixed; keep one form and restart containerd',
    cause: 'registry.mirror-misconfigured',
    re: /`?mirrors`? cannot be set when `?config_path`? is provided|`?configs\.tls`? cannot be set when|invalid mirror|hosts\.toml[^\n]{0,120}(error|invalid|failed|toml:)|failed to (load|decode|parse)[^\n]{0,80}hosts\.toml/,
    anchors: ['cannot be set when', 'invalid mirror', 'hosts.toml'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['registry.proxy'],
    source: 'facts §5.1 (mirrors vs config_path), §5.3 (Docker mirror URL rules)',
    samples: [
      'failed to load plugin io.containerd.grpc.v1.cri: invalid plugin config: `mirrors` cannot be set when `config_path` is provided',
      'unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid mirror: path, query, or fragment at end of the URI "https://mirror.gcr.io/v2/"',
    ],
    counterSamples: ['config_path = "/etc/containerd/certs.d"'],
  }),
  sig({
    id: 'registry.quay-single-component-404',
    cause: 'image.not-found',
    // Quay serves repositories as <namespace>/<repository>; a one-component name (quay.io/alpine) is no
    // repository at all, and Quay's web server answers its HTML 404 page instead of the API's JSON error.
    re: /quay\.io\/[^\/\s:"\\]+(:[\w.-]+)?:?\s[^\n]{0,40}error parsing http 404 response body|in\s+quay\.io\/[^\/\s:"\\]+: error parsing http 404 response body/,
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
      'Error reading manifest latest in quay.io/acme/app: error parsing HTTP 404 response body: invalid character \'<\' looking for beginning of value',
    ],
    counterSamples: ['error parsing HTTP 403 response body: unexpected end of JSON input'],
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
    id: 'registry.upstream-timeout-in-5xx',
    cause: 'registry.connect-timeout',
    // A pull-through proxy or mirror answering 5xx with its own failed request to the upstream in the body:
    // the 5xx is the proxy's report, the upstream unreachable from it is the cause.
    re: /\b5\d\d\b[^\n]{0,400}?(get|head) \\?"?https?:\/\/[^\s"\\]+\\?"?: (?<key>net\/http: request canceled while waiting for connection|dial tcp [\w.:[\]%-]+: (i\/o timeout|connect: connection timed out))/,
    anchors: ['request canceled while waiting', 'dial tcp'],
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
    id: 'registry.server-5xx',
    check: 'the registry\'s own health and logs (or its status page); a 5xx through a proxy can come from the proxy — curl -v the same URL with and without the proxy',
    cause: 'registry.server-error',
    // Only beside a pull or a registry: a 5xx is any HTTP server's (an ingress, an API); ambiguous.http-5xx-outside-pull.
    re: besidePull(/\b(500 internal server error|502 bad gateway|503 service unavailable|504 gateway time-?out)|https?:\/\/\S+: (service unavailable|bad gateway|gateway time-?out|internal server error)\s*$|\b5\d\d \((internal server error|bad gateway|service unavailable|gateway time-?out)\)|unexpected http status: 5\d\d|status 5\d\d trying to pull repository|unsupported status code 5\d\d|error parsing http 5\d\d response body|blob unknown|blob_unknown|\bunknown blob\b|unexpected commit digest|failed size validation/),
    anchors: ['internal server error', 'bad gateway', 'service unavailable', 'gateway time', 'http status: 5', 'unsupported status code 5', 'response body', 'blob unknown', 'blob_unknown', 'unknown blob', 'unexpected commit digest', 'failed size validation'],
    confidence: 0.8,
    specificity: 75,
    // 502/504 come from a gateway in front of a registry: a pull-through mirror or proxy cache, a P2P agent.
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    source: 'facts §4.6 (unexpected status …), §8 (BLOB_UNKNOWN)',
    samples: [
      // Docker's download manager: the registry listed a layer it then could not serve.
      'dockerd[1388]: level=error msg="Download failed after 1 attempts: unknown blob"',
      'GET https://registry.example.com/v2/app/blobs/sha256:86/data: unsupported status code 503; body: <html>',
      'failed to resolve reference "harbor.corp/app/web:2": unexpected status from HEAD request to https://harbor.corp/v2/app/web/manifests/2: 503 Service Unavailable',
      'failed to copy: httpReadSeeker: failed open: content at https://reg.lab/v2/app/blobs/sha256:9f2c not found: blob unknown to registry',
      'Error response from daemon: received unexpected HTTP status: 500 Internal Server Error',
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
    re: besidePull(/unexpected eof|short read|stream error: stream id \d+; internal_error/),
    anchors: ['unexpected eof', 'short read', 'internal_error'],
    confidence: 0.5,
    specificity: 55,
    alternatives: ['flannel.mtu', 'registry.proxy'],
    source: 'facts causes.md (unexpected EOF while the registry is up)',
    samples: [
      'failed to pull and unpack image "docker.io/library/node:20": failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://production.cloudflare.docker.com/registry-v2/docker/registry/v2/blobs/sha256/aa/aa11/data": unexpected EOF',
      'failed to extract layer sha256:1e2a: failed to copy: unexpected EOF',
    ],
    counterSamples: ['reached end of file', 'Failed to deploy a stack: compose up operation failed: unexpected EOF'],
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
    id: 'registry.unexpected-http-code-5xx',
    cause: 'registry.server-error',
    // rkt and other older clients print the registry API's status as "Unexpected HTTP code: <n>, URL: <url>":
    // a 5xx from a /v2/ URL is the registry (or the load balancer in front of it) failing the request.
    re: /unexpected http code: 5\d\d, url: https?:\/\/[^\s/]+\/v[12]\//,
    anchors: ['unexpected http code: 5'],
    confidence: 0.85,
    specificity: 90,
    check: 'the registry\'s status page or logs, and the same URL with curl -v from another network: a 5xx everywhere is the registry; only from this node, a proxy in between',
    source: 'rkt docker2aci fetcher ("Unexpected HTTP code: %d, URL: %s")',
    samples: ['rkt[1281]: run: Unexpected HTTP code: 500, URL: https://quay.io/v2/poseidon/kubelet/manifests/v1.10.3', 'Unexpected HTTP code: 503, URL: https://registry.corp/v2/app/blobs/sha256:ab'],
    counterSamples: ['Unexpected HTTP code: 401, URL: https://quay.io/v2/org/app/manifests/1'],
  }),
  sig({
    id: 'registry.nslookup-registry-host',
    cause: 'registry.dns',
    // nslookup of a registry's host name failing, asked of a resolver that is not a cluster DNS Service: the
    // lookup the runtime makes on the node before a pull. Cluster DNS addresses (10.96.0.10 and the like) mean
    // the test ran in a pod, where CoreDNS and its upstream answer instead.
    re: /^(?![\s\S]*server:\s+(10\.96\.0\.10|10\.43\.0\.10|10\.152\.183\.10|10\.100\.0\.10|172\.20\.0\.10|10\.0\.0\.10|169\.254\.20\.10)\b)[\s\S]*can't find (?<key>(?:[\w-]+\.)*(?:docker\.io|docker\.com|gcr\.io|pkg\.dev|quay\.io|ghcr\.io|registry\.k8s\.io|azurecr\.io|amazonaws\.com|public\.ecr\.aws|mcr\.microsoft\.com|nvcr\.io|icr\.io|ocir\.io|registry\.gitlab\.com|registry\.access\.redhat\.com|registry\.redhat\.io)|(?:registry|harbor|nexus|artifactory)[\w-]*\.[\w.-]+)\.?: (nxdomain|servfail|no answer)/,
    anchors: ["can't find"],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['dns.node-resolver'],
    check: 'the resolver it asked (Server: line) is the node\'s: cat /etc/resolv.conf and resolvectl status on the node; the same lookup against a public resolver (nslookup <host> 1.1.1.1) failing too means the name itself or a split-horizon DNS',
    source: 'nslookup output ("** server can\'t find <name>: NXDOMAIN"); facts §9 (image pulls use the node\'s resolver)',
    samples: [
      "docker@minikube:~$ nslookup europe-north1-docker.pkg.dev\nServer:\t\t192.168.65.254\nAddress:\t192.168.65.254#53\n\n** server can't find europe-north1-docker.pkg.dev: NXDOMAIN",
      "$ nslookup registry-1.docker.io\nServer: 127.0.0.53\n** server can't find registry-1.docker.io: SERVFAIL",
    ],
    counterSamples: ["Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find registry-1.docker.io: NXDOMAIN", "** server can't find kubernetes.default: NXDOMAIN"],
  }),
];
