import type { Signature } from '../../types.js';
import { CLIENT_LOOKUP_ANCHORS, CLIENT_LOOKUP_FAILED, REGISTRY_CONTEXT, besidePull } from '../context.js';
import { sig } from '../define.js';
import { inRegistryContext, NEAR_PULL } from './shared.js';

/** A registry's name that does not resolve, and the node's resolver behind a pull (facts §4.6, §9). */
export const NAME_SIGNATURES: Signature[] = [
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
    id: 'registry.token-realm-internal-name',
    cause: 'unknown',
    // The 401 challenge named a realm on a one-label host (a container or compose service name such as
    // "gitea" or "registry"): a name only the registry's own network resolves. The registry advertises its
    // internal address (its external-URL setting), so the node's DNS is not what to fix.
    re: /\bhttps?:\/\/[a-z0-9-]+(:\d+)?\/[^\s"\\]*token\b[^\n]{0,300}?dial tcp: lookup [a-z0-9-]+( on [\w.:[\]]+:53)?: (no such host|server misbehaving|temporary failure in name resolution)/,
    // Both halves are in every match; 'token' is on fewer lines than Go's lookup errors.
    anchors: ['token'],
    confidence: 0.5,
    specificity: 97,
    alternatives: ['registry.dns', 'dns.node-resolver'],
    check: 'the realm the registry hands out: curl -sI https://<registry host>/v2/ | grep -i www-authenticate — a realm on an internal name (a container name, localhost) is the registry\'s external-URL setting (Gitea ROOT_URL, Harbor external_url, registry auth.token.realm), which must be the address clients use',
    source: 'distribution token authentication (the realm of the WWW-Authenticate challenge), Go resolver errors (facts §4.7)',
    samples: [
      'Error response from daemon: Get "https://git.example.com/v2/": Get "http://gitea:3000/v2/token?account=ci&service=container_registry": dial tcp: lookup gitea on 127.0.0.53:53: server misbehaving',
      'failed to fetch anonymous token: Get "http://registry:5001/auth/token?scope=repository%3Aapp%3Apull": dial tcp: lookup registry: no such host',
    ],
    counterSamples: ['failed to authorize: failed to fetch anonymous token: Get "https://auth.docker.io/token?scope=repository%3Alibrary%2Fbusybox%3Apull&service=registry.docker.io": dial tcp: lookup auth.docker.io on 127.0.0.53:53: no such host'],
  }),
  sig({
    id: 'registry.token-realm-other-host',
    cause: 'unknown',
    // The registry answered its /v2/ challenge, so its own name resolved; the realm it sent names another host that
    // does not — a chart's or installer's default external URL (Harbor's core.harbor.domain) left in place, or a name
    // only the registry's side of a split DNS knows. The registry's setting is the likelier fix than the node's DNS.
    re: /get \\?"https?:\/\/([^\/"\\\s:]+)(?::\d+)?\/v2\/\\?": get \\?"https?:\/\/(?!\1[\/:"\\])([^\/"\\\s:]+)(?::\d+)?\/[^\s"\\]*(?:token|jwt\/auth)\b[^\n]{0,300}?dial tcp: lookup \2(?: on [\w.:[\]]+:53)?: (?:no such host|server misbehaving)/,
    anchors: ['token', 'jwt/auth'],
    confidence: 0.5,
    specificity: 97,
    alternatives: ['registry.dns', 'dns.node-resolver'],
    check: 'the realm the registry hands out: curl -sI https://<registry host>/v2/ | grep -i www-authenticate — a realm host other than the registry\'s is its external-URL setting (Harbor externalURL, GitLab registry auth host); set it to a name the nodes resolve, or make that name resolvable from the nodes',
    source: 'distribution token authentication (the realm of the WWW-Authenticate challenge), Go resolver errors (facts §4.7)',
    samples: [
      'Error response from daemon: Get "https://registry.my.domain/v2/": Get "https://core.harbor.domain/service/token?account=admin&client_id=docker&offline_token=true&service=harbor-registry": dial tcp: lookup core.harbor.domain: no such host',
      'Error response from daemon: Get "https://reg.example.org/v2/": Get "https://auth.internal.example.org/jwt/auth?scope=&service=container_registry": dial tcp: lookup auth.internal.example.org on 10.0.0.2:53: no such host',
    ],
    counterSamples: ['Error response from daemon: Get "https://reg.example.org/v2/": Get "https://reg.example.org/service/token?service=harbor-registry": dial tcp: lookup reg.example.org: no such host'],
  }),
  sig({
    id: 'registry.proxy-lookup-default-nameserver',
    cause: 'dns.node-resolver',
    // The proxy's own name looked up through Go's fallback resolver (127.0.0.1:53, [::1]:53: resolv.conf missing or
    // without a nameserver) and refused there: no name resolves on this host, the proxy's included. The proxy's
    // setting is not what fails, unlike a proxy name the network's resolver does not know (registry.proxy).
    re: /proxyconnect tcp: dial tcp: lookup [^\s:"\\]+ on (?:\[::1\]|127\.0\.0\.1):53: (?:read|write|dial) udp[^\n]{0,80}?(?:i\/o timeout|connection refused|cannot assign requested address)/,
    anchors: ['on [::1]:53', 'on 127.0.0.1:53'],
    confidence: 0.75,
    // Above the proxyconnect reading (96): the resolver named is the host's fallback, not the network's.
    specificity: 97,
    alternatives: ['registry.proxy'],
    check: 'cat /etc/resolv.conf on the host that pulled (a bootstrap node with a static address often has none): no nameserver line makes Go fall back to loopback — add the network\'s resolver; then getent hosts <the proxy\'s name> must answer',
    source: 'Go net package dnsconfig (defaultNS = 127.0.0.1:53, [::1]:53 when resolv.conf names none), net/http proxyconnect',
    samples: [
      'error pinging docker registry quay.io: Get "https://quay.io/v2/": proxyconnect tcp: dial tcp: lookup corp-proxy-01.example on [::1]:53: read udp [::1]:38212->[::1]:53: read: connection refused',
      'failed to do request: Head "https://registry-1.docker.io/v2/library/busybox/manifests/latest": proxyconnect tcp: dial tcp: lookup proxy.lab on 127.0.0.1:53: read udp 127.0.0.1:51515->127.0.0.1:53: i/o timeout',
    ],
    counterSamples: ['Get "https://quay.io/v2/": proxyconnect tcp: dial tcp: lookup corp-proxy-01.example on 10.0.0.2:53: no such host'],
  }),
  sig({
    id: 'registry.lookup-default-nameserver',
    cause: 'dns.node-resolver',
    // Go's resolver sends to 127.0.0.1:53 and [::1]:53 (net.defaultNS) when /etc/resolv.conf is missing or
    // lists no nameserver; a timeout or refusal there means nothing answers on the node's loopback — no
    // nameserver configured, or a local resolver (dnsmasq) that is down. The node's resolver is the root cause;
    // the registry's name failing is what it does to a pull (registry.dns, the candidate).
    re: inRegistryContext(/\blookup [^\s:"\\]+ on (\[::1\]|127\.0\.0\.1):53: (read|write|dial) udp[^\n]{0,80}?(i\/o timeout|connection refused|cannot assign requested address)/),
    anchors: ['on [::1]:53', 'on 127.0.0.1:53'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['registry.dns'],
    check: 'cat /etc/resolv.conf on the node (inside the VM for Docker Desktop, Rancher Desktop, kind or minikube): no nameserver line makes Go fall back to 127.0.0.1:53 and [::1]:53 — add the network\'s resolver; a nameserver 127.0.0.1 line needs that local resolver running (ss -lunp | grep :53)',
    source: 'Go net package dnsconfig (defaultNS = 127.0.0.1:53, [::1]:53 when resolv.conf names none); facts §9 (pulls use the node resolver)',
    samples: [
      'failed to do request: Head "https://registry.example.org/v2/library/alpine/manifests/3.19": dial tcp: lookup registry.example.org on [::1]:53: read udp [::1]:50000->[::1]:53: i/o timeout',
      'Error response from daemon: Get "https://harbor.lab/v2/": dial tcp: lookup harbor.lab on 127.0.0.1:53: read udp 127.0.0.1:40000->127.0.0.1:53: read: connection refused',
      // IPv6 off on the loopback: the fallback [::1]:53 cannot even be dialled.
      'Error response from daemon: Get "http://reg.lab:5000/v2/": dial tcp: lookup reg.lab on [::1]:53: dial udp [::1]:53: connect: cannot assign requested address',
      // Helm reading a chart repository's index the same way
      'Error: looks like "https://charts.example.com/" is not a valid chart repository or cannot be reached: Get "https://charts.example.com/index.yaml": dial tcp: lookup charts.example.com on [::1]:53: read udp [::1]:52071->[::1]:53: read: connection refused',
    ],
    counterSamples: ['failed to do request: Head "https://reg.local/v2/a/manifests/1": dial tcp: lookup reg.local on 127.0.0.53:53: no such host', 'failed to do request: Head "https://reg.local/v2/a/manifests/1": dial tcp: lookup reg.local on 127.0.0.1:53: no such host'],
  }),
  sig({
    id: 'registry.lookup-local-stub-timeout',
    cause: 'dns.node-resolver',
    // 127.0.0.53 is systemd-resolved's stub and 127.0.1.1 NetworkManager's dnsmasq: a resolv.conf naming them
    // hands every lookup to a local cache that forwards to the real upstreams. The stub not answering in time
    // is that cache failing to reach its upstreams (or hung) — the node's resolver, whatever name was asked.
    // Refused there, or at any other loopback resolver (systemd-resolved's 127.0.0.54, dnscrypt-proxy, a local
    // unbound), is no cache listening at all (127.0.0.1 is Go's fallback's, below). Either way no registry
    // or mirror was reached, so this outranks the mirror report (CRI-O's "Mirrors also failed") it sits in.
    re: /\blookup [^\s:"\\]+ on 127\.0\.(0\.5[34]|1\.1):53: (read|write|dial) udp[^\n]{0,80}?i\/o timeout|\blookup [^\s:"\\]+ on 127\.(?!0\.0\.1:)\d+\.\d+\.\d+:53: (read|write|dial) udp[^\n]{0,80}?(read: )?connection refused/,
    anchors: ['on 127.'],
    confidence: 0.8,
    specificity: 97,
    alternatives: ['registry.dns'],
    check: 'on the node: resolvectl status (or nmcli dev show | grep DNS for dnsmasq) names the upstreams the stub forwards to; dig @<upstream> <name> from the node decides whether they answer',
    source: 'systemd-resolved stub (127.0.0.53), NetworkManager dnsmasq (127.0.1.1); Go net.DNSError timeout (facts §9)',
    samples: [
      // (a pull timing out on 127.0.0.53 itself is read as the registry's name by dns.go-pull-resolved-stub-timeout)
      'failed to do request: Head "https://quay.io/v2/app/api/manifests/2": dial tcp: lookup quay.io on 127.0.0.54:53: read udp 127.0.0.1:41000->127.0.0.54:53: i/o timeout',
      'Get "https://cdn.example.net/blobs/x": dial tcp: lookup cdn.example.net on 127.0.1.1:53: read udp 127.0.0.1:39000->127.0.1.1:53: i/o timeout',
      '(Mirrors also failed: [mirror.lab:5001/app@sha256:ab: error pinging docker registry mirror.lab:5001: Get "https://mirror.lab:5001/v2/": dial tcp: lookup mirror.lab on 127.0.0.53:53: read udp 127.0.0.1:60618->127.0.0.53:53: read: connection refused])',
    ],
    counterSamples: ['dial tcp: lookup reg.local on 127.0.0.53:53: no such host', 'dial tcp: lookup reg.local on 127.0.0.53:53: server misbehaving'],
  }),
  sig({
    id: 'registry.lookup-node-local-cache',
    cause: 'registry.dns',
    // A lookup sent to a link-local address (169.254.20.10 for NodeLocal DNSCache, 169.254.10.10 for AKS's
    // localdns, 169.254.169.253 on AWS) goes to a cache on the node that forwards to the cluster DNS or the
    // cloud's resolver: the registry's name, the cache, or its upstream can be what fails.
    re: inRegistryContext(/\blookup [^\s:"\\]+ on 169\.254\.\d+\.\d+:53: (server misbehaving|no such host|i\/o timeout|read udp[^\n]{0,80}i\/o timeout)/),
    anchors: ['on 169.254.'],
    confidence: 0.7,
    specificity: 94,
    alternatives: ['dns.node-resolver', 'dns.upstream'],
    check: 'which resolver the node uses for pulls (the nameserver in /etc/resolv.conf on the node, 169.254.x.x is a local cache): dig @169.254.20.10 <registry host> on the node, then the same against the cluster DNS and the cloud resolver — the first that fails is the broken one; the cache\'s own pod logs (node-local-dns, localdns) name its upstream errors',
    source: 'NodeLocal DNSCache and cloud link-local resolvers on the node; Go resolver errors (facts §4.7, §9)',
    samples: [
      'failed to do request: Head "https://reg.example.io/v2/app/manifests/0.6.1": dial tcp: lookup reg.example.io on 169.254.10.10:53: server misbehaving',
      'failed to resolve image to digest: Get "https://index.docker.io/v2/": dial tcp: lookup index.docker.io on 169.254.20.10:53: server misbehaving',
    ],
    counterSamples: ['failed to do request: Head "https://reg.example.io/v2/app/manifests/1": dial tcp: lookup reg.example.io on 10.96.0.10:53: no such host'],
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
    alternatives: ['dns.node-resolver', 'dns.upstream'],
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
    // Below sure: on the corpus this text was settled otherwise about one time in thirteen — a reference
    // whose first part was read as a host, a mirror endpoint misnamed, a proxy that should have resolved the
    // name, the node's own resolver — and the check tells those apart.
    confidence: 0.85,
    specificity: 90,
    alternatives: ['dns.node-resolver', 'registry.mirror-misconfigured', 'image.invalid-reference', 'registry.proxy'],
    check: 'getent hosts <host> on the node decides the resolver (cat /etc/resolv.conf there); then whether <host> is the one meant: the first part of an image name with a dot, a colon or capital letters is taken for a registry host, a mirror endpoint in hosts.toml or registries.yaml may name a host that does not exist, and behind an HTTP proxy the node may not resolve outside names at all (HTTPS_PROXY for the runtime)',
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
    // Rust's resolver (reqwest/hyper: "dns error: failed to lookup address information") names no server.
    re: inRegistryContext(/\blookup [^\s:"\\]+\.svc(\.cluster\.local)?\.? on (?!(10|172|192|100)\.\d+\.\d+\.10:)[\w.:[\]%-]+:53: |\.svc(\.cluster\.local)?(:\d+)?\/v2\/[^\n]{0,200}dns error: failed to lookup address information/),
    anchors: ['.svc on ', '.svc.cluster.local on ', 'failed to lookup address information'],
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
    re: new RegExp(`${REGISTRY_CONTEXT}[^\\n]{0,800}?\\blookup [^\\s:"\\\\]+ on [\\w.:[\\]%-]+:(53:|x+:?) (?<key>(read|write|dial) udp [^\\n]{0,80}?(i\\/o timeout|connection refused))`),
    // (":x" is a port redacted by the poster, with its colon at times.)
    anchors: [':53: read udp', ':53: write udp', ':53: dial udp', ':x read udp', 'x: read udp'],
    confidence: 0.85,
    specificity: 91,
    // A network that resolves outside names only through its proxy times out the same way for a client the proxy
    // settings did not reach.
    alternatives: ['dns.node-resolver', 'registry.proxy'],
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
    samples: [
      'Back-off for image "harbor.lab/ci/web:1": dial tcp: lookup harbor.lab: no such host',
      'dial tcp: lookup quay.io on 127.0.0.11:53: server misbehaving',
      // ECR's FIPS endpoints (<account>.dkr.ecr-fips.<region>.amazonaws.com) exist in a few regions only.
      'Command failed: lookup 123456789012.dkr.ecr-fips.ap-south-1.amazonaws.com on 10.0.0.2:53: no such host',
    ],
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
    re: new RegExp(`^(?=[\\s\\S]*${REGISTRY_CONTEXT})[\\s\\S]*(?<key>${CLIENT_LOOKUP_FAILED})`),
    anchors: CLIENT_LOOKUP_ANCHORS,
    confidence: 0.6,
    specificity: 85,
    // From a pod the lookup crosses CoreDNS to its upstream: an internet name failing there may be the upstream.
    // On networks that reach outside names only through a proxy, a client not given the proxy resolves them itself and fails.
    // a registry host written wrong (or a short name whose first part is taken for a host) does not resolve either
    alternatives: ['dns.node-resolver', 'dns.service-unreachable', 'dns.coredns-down', 'dns.upstream', 'registry.proxy', 'image.invalid-reference'],
    source: 'facts §9 (the node resolver; from inside a pod the same text means cluster DNS)',
    samples: ['curl: (6) Could not resolve host: registry.corp.local', 'Error response from daemon: Get "https://harbor.corp/v2/": getaddrinfo EAI_AGAIN harbor.corp'],
    counterSamples: ['Resolved host registry.corp.local to 10.0.0.5', 'Error: getaddrinfo EAI_AGAIN api.example.com'],
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
    // A client in a pod resolves through CoreDNS: there the slow answer is CoreDNS's upstream, or CoreDNS itself.
    alternatives: ['registry.connect-timeout', 'dns.node-resolver', 'registry.proxy', 'dns.upstream', 'dns.coredns-down'],
    check: 'time the lookup on the node: time getent hosts <registry host> (and dig <host> @<each nameserver in /etc/resolv.conf>) — a slow or silent resolver is this; a quick answer means the connect itself timed out (curl -v https://<host>/v2/)',
    source: 'Go net.Dialer: an OpError without an address when the deadline expires during name resolution',
    samples: [
      'pinging docker registry returned: Get https://registry-1.docker.io/v2/: dial tcp: i/o timeout',
      'Get "https://auth.docker.io/token?scope=repository%3Alibrary%2Fnginx%3Apull&service=registry.docker.io": dial tcp: i/o timeout',
    ],
    counterSamples: ['Get "https://registry-1.docker.io/v2/": dial tcp 54.196.99.49:443: i/o timeout', 'Post https://api.cloud.example/v2/droplets: dial tcp: i/o timeout'],
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
  sig({
    id: 'registry.nginx-upstream-unresolved',
    cause: 'registry.dns',
    // nginx's resolver (a registry proxy or pull-through cache built on nginx) failing to resolve the upstream
    // registry: "<host> could not be resolved (110: Operation timed out)", "(3: Host not found)", "(2: Server failure)".
    // Not when nginx says it could not even reach its resolver ("… while resolving, resolver: 127.0.0.11:53"):
    // that is the resolver its config names (Docker's embedded DNS inside a pod), which no cause id covers.
    re: new RegExp(String.raw`^(?![\s\S]*while resolving, resolver: )[\s\S]*?${inRegistryContext(/could not be resolved \((110: operation timed out|3: host not found|2: server failure|5: operation refused)\)/).source}`),
    anchors: ['could not be resolved ('],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['dns.node-resolver', 'dns.upstream'],
    check: 'the resolver directive of that nginx (its config) and whether it can reach it from where nginx runs: dig @<resolver> <registry host>; a container\'s nginx needs a resolver it can reach (Docker\'s 127.0.0.11, the cluster DNS, or the network\'s), and an offline site a local answer for the host',
    source: 'nginx resolver errors (ngx_resolver: "%V could not be resolved (%i: %s)")',
    samples: [
      '[error] 42#42: *3 registry-1.docker.io could not be resolved (110: Operation timed out), client: 127.0.0.1, server: _, request: "GET /v2/ HTTP/1.1"',
      'registry proxy: [error] 7#7: *1 quay.io could not be resolved (3: Host not found), request: "GET /v2/coreos/etcd/manifests/v3.5.9 HTTP/1.1"',
    ],
    counterSamples: [
      '[error] 7#7: *1 api.internal could not be resolved (3: Host not found), client: 10.0.0.2, request: "GET /health HTTP/1.1"',
      '[error] 397#397: send() failed (111: Connection refused) while resolving, resolver: 127.0.0.11:53\n[error] 397#397: *22 registry.tools.svc.cluster.local could not be resolved (110: Operation timed out), request: "GET /v2/_catalog HTTP/1.1"',
    ],
  }),
  sig({
    id: 'registry.name-sinkholed',
    cause: 'registry.dns',
    // A client refused at 0.0.0.0 on the web ports dialled an address its lookup returned: a blocking resolver
    // (Pi-hole, AdGuard Home, a DNS firewall) or a hosts-file blocklist answers 0.0.0.0 for names it blocks, and
    // 0.0.0.0 is this machine, where nothing listens on 443. The name, not the server, is the fault.
    re: /(connect econnrefused|dial tcp) (0\.0\.0\.0|\[::\]):(443|80)\b(: connect: connection refused)?/,
    anchors: ['0.0.0.0:443', '0.0.0.0:80', '[::]:443', '[::]:80'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['registry.connection-refused'],
    check: 'getent hosts <the host the client wanted> (and dig +short <host>) on the machine that failed: 0.0.0.0 or :: there is a blocklist answer — the resolver\'s block list (Pi-hole, AdGuard Home, a corporate DNS filter) or a line in /etc/hosts; allow the name or remove the line',
    source: 'blocking resolvers\' default answer for blocked names (0.0.0.0 / ::); Linux connects 0.0.0.0 to the local host',
    samples: [
      'Error: connect ECONNREFUSED 0.0.0.0:443\n    at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1141:16)',
      'Get "https://raw.githubusercontent.com/acme/charts/main/index.yaml": dial tcp 0.0.0.0:443: connect: connection refused',
    ],
    counterSamples: ['The connection to the server 0.0.0.0:6443 was refused - did you specify the right host or port?', 'dial tcp 0.0.0.0:6443: connect: connection refused'],
  }),
  sig({
    id: 'registry.lookup-cut-short',
    cause: 'registry.dns',
    // Go's lookup error with its reason cut off (a log line truncated, a paste cut at the quote): the registry's name
    // was being resolved and failed, but the text no longer says how.
    re: inRegistryContext(/\blookup [^\s:"\\]+ on [\w.:[\]%-]+:53\\?"?\s*$/),
    anchors: [':53'],
    also: ['lookup '],
    confidence: 0.6,
    specificity: 84,
    alternatives: ['dns.coredns-down', 'dns.upstream', 'dns.node-resolver'],
    check: 'resolve the name where the client runs: from a pod, kubectl exec <pod> -- nslookup <registry host> (the cluster DNS; a local name like .local must be known to CoreDNS\'s upstream or a hosts/forward block); from the node, getent hosts <registry host>',
    source: 'Go net ("dial tcp: lookup %s on %s: %v") with the reason missing',
    samples: ['level=error msg="Could not get tags from registry: Get \\"https://harbor.lab.local/v2/\\": dial tcp: lookup harbor.lab.local on 10.96.0.10:53"', 'failed to do request: Head "https://reg.local/v2/app/manifests/1": dial tcp: lookup reg.local on 10.0.0.2:53'],
    counterSamples: ['failed to do request: Head "https://reg.local/v2/app/manifests/1": dial tcp: lookup reg.local on 10.0.0.2:53: no such host'],
  }),
];
