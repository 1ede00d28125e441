import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** Lookups from pods: upstream failures, an unreachable DNS Service, search-list expansion (facts §9). */
export const LOOKUP_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.coredns-upstream-error',
    check: 'the upstream after "->" in the message: dig @<upstream> example.com from the CoreDNS node; answering there but not from the pod means the pod\'s egress (masquerade, firewall)',
    cause: 'dns.upstream',
    // errors plugin: "[ERROR] plugin/errors: <rcode> <qname> <qtype>: <err>" with a network error to the upstream.
    re: /plugin\/errors: \d+ \S+ \w+: [^\n]{0,600}(i\/o timeout|unreachable backend|no healthy (grpc )?proxies|no healthy upstreams|connection refused|network is unreachable|no route to host|connection reset|closed by peer|write: operation not permitted|connect: invalid argument)|plugin\/errors: \d+ \S+ \w+: (unexpected )?eof\b|no healthy (grpc )?proxies|plugin\/forward: [^\n]{0,600}(no healthy|unreachable|\btimeout)/,
    anchors: ['plugin/errors', 'no healthy proxies', 'no healthy grpc proxies', 'plugin/forward'],
    confidence: 0.85,
    specificity: 92,
    // (an upstream inside the cluster — nodelocaldns forwarding to kube-dns's Service IP — times out when
    // kube-proxy does not serve that Service: dns.service-unreachable)
    // A host firewall's REJECT (firewalld's icmp-host-prohibited) reaches Go as "no route to host" on the read.
    alternatives: ['dns.node-resolver', 'flannel.ipmasq', 'dns.service-unreachable', 'node.firewall'],
    source: 'facts §9 (errors plugin format, forward plugin errors)',
    samples: [
      // The upstream closed the exchange without an answer (a forwarder dropping TCP, a DNS proxy's limit).
      '[ERROR] plugin/errors: 2 shop.example.com. A: EOF',
      '[ERROR] plugin/errors: 2 example.com. A: read udp 10.244.1.3:36734->10.0.2.3:53: i/o timeout',
      '2019-01-29T08:13:09.676Z [ERROR] plugin/errors: 2 api.corp.example. AAAA: unreachable backend: read udp 172.17.0.4:46620->10.116.0.2:53: i/o timeout',
      '[ERROR] plugin/errors: 2 github.com. A: no healthy proxies',
      // the grpc plugin's words, and the forward plugin's before CoreDNS 1.7
      '[ERROR] plugin/errors: 2 google.com. AAAA: no healthy gRPC proxies',
      '[ERROR] plugin/errors: 2 registry-1.docker.io. A: no healthy upstreams',
      // a local netfilter rule (or a full conntrack table) refusing the query on its way out
      '[ERROR] plugin/errors: 2 example.com. A: write udp 10.244.1.3:58000->10.0.0.2:53: write: operation not permitted',
      // an upstream the pod cannot dial at all: a link-local IPv6 nameserver with the host's zone (%eth0) copied in
      '[ERROR] plugin/errors: 2 example.org. AAAA: dial udp [fe80::1%eth0]:53: connect: invalid argument',
    ],
    // a setup option named after a timeout is the Corefile refused, not an upstream
    counterSamples: ['[INFO] 10.244.0.1:53012 - 12345 "A IN github.com. udp 28 false 512" NOERROR qr,rd,ra 52 0.01s', 'plugin/forward: read_timeout must be positive: 0s'],
  }),
  sig({
    id: 'dns.cluster-dns-no-route',
    cause: 'unknown',
    // connect(2) on UDP fails only when the sender's own routing table has no route for the address: the
    // query never left that network namespace, so neither CoreDNS nor the Service path was tried. A pod's
    // routes come from its CNI plugin, a host's from its own network config.
    re: /dial udp (10|172|192|100)\.\d+\.\d+\.10:53: connect: network is unreachable/,
    anchors: ['.10:53: connect: network is unreachable'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['dns.service-unreachable', 'node.not-ready'],
    check: 'where the lookup ran (in the pod: kubectl exec <pod> -- ip route; on a node: ip route): ip route get <the DNS Service IP> — no route means that namespace has no default route or none covering the Service CIDR; a pod lacking one points at its CNI set-up, a host at its network config',
    source: 'Go net: connect(2) on a UDP socket failing with ENETUNREACH (no route in the sender\'s table)',
    samples: [
      'dial tcp: lookup etcd-0.etcd.db.svc.cluster.local on 10.96.0.10:53: dial udp 10.96.0.10:53: connect: network is unreachable',
      'Get "http://api.shop.svc:8080/": dial tcp: lookup api.shop.svc on 10.43.0.10:53: dial udp 10.43.0.10:53: connect: network is unreachable',
    ],
    counterSamples: ['lookup web.shop.svc on 10.96.0.10:53: read udp 10.244.1.5:38211->10.96.0.10:53: i/o timeout'],
  }),
  sig({
    id: 'dns.cluster-dns-timeout',
    check: 'from the same pod: dig @<a CoreDNS pod IP> kubernetes.default.svc.cluster.local — an answer there means the Service IP path is broken (kube-proxy, br_netfilter); no answer means CoreDNS or the pod network between the nodes',
    cause: 'dns.service-unreachable',
    re: /lookup [^\s:"\\]+ on (10|172|192|100)\.\d+\.\d+\.10:53: [^\n]{0,600}(i\/o timeout|connection refused|no route to host|network is unreachable)|lookup [^\s:"\\]*\.svc(\.cluster\.local)?\.? on [\d.]+:53: [^\n]{0,600}(i\/o timeout|connection refused|no route to host)|communications error to (10|172|192|100)\.\d+\.\d+\.10#53: timed out/,
    anchors: ['.10:53', '.svc', '.10#53: timed out'],
    confidence: 0.6,
    specificity: 91,
    // A node firewall (firewalld's default zone on RHEL-family hosts) dropping pod traffic to the Service does the same.
    alternatives: ['dns.coredns-down', 'flannel.checksum-offload', 'node.br-netfilter', 'flannel.vxlan-blocked', 'node.firewall'],
    source: 'facts §9 (DNS Service = 10th address of the Service CIDR; checksum bug hits Service IPs)',
    samples: [
      'dial tcp: lookup kubernetes.default.svc.cluster.local on 10.96.0.10:53: read udp 10.244.1.5:38211->10.96.0.10:53: i/o timeout',
      'Get "http://api.shop.svc:8080/health": dial tcp: lookup api.shop.svc on 10.43.0.10:53: read udp 10.42.1.9:51000->10.43.0.10:53: i/o timeout',
      // dig (BIND 9.18) naming the server that did not answer.
      ';; communications error to 10.96.0.10#53: timed out',
    ],
    counterSamples: ['dial tcp: lookup reg.local on 127.0.0.53:53: no such host'],
  }),
  sig({
    id: 'dns.cluster-dns-servfail',
    check: 'kubectl -n kube-system logs -l k8s-app=kube-dns: errors forwarding to the upstream (i/o timeout) mean CoreDNS cannot reach it; no errors mean the upstream itself answers SERVFAIL',
    cause: 'dns.upstream',
    re: /lookup [^\s:"\\]+ on (10|172|192|100)\.\d+\.\d+\.10:53: server misbehaving/,
    anchors: ['.10:53'],
    confidence: 0.55,
    specificity: 91,
    alternatives: ['dns.coredns-down', 'dns.node-resolver'],
    source: 'facts §9 (SERVFAIL from CoreDNS: its forward to the upstream failed)',
    samples: [
      'dial tcp: lookup api.github.com on 10.96.0.10:53: server misbehaving',
      'Get "https://hooks.slack.com/services/x": dial tcp: lookup hooks.slack.com on 10.43.0.10:53: server misbehaving',
    ],
    counterSamples: ['dial tcp: lookup reg.local on 127.0.0.53:53: server misbehaving'],
  }),
  sig({
    id: 'dns.first-server-silent-other-answers',
    cause: 'dns.service-unreachable',
    // The same client, in the same paste, gets no reply from one server and an answer from another: the pod's
    // network and its resolver work, the path to the first server does not. When the first is the cluster DNS
    // Service and the other a CoreDNS pod, that is the Service path (kube-proxy's rules, br_netfilter); when the
    // other is an outside resolver, CoreDNS behind the Service may be down instead.
    re: /connection timed out; no servers could be reached[\s\S]{0,600}?(non-authoritative answer|canonical name = |\sname:\s+\S+[\s\S]{0,80}address)/,
    anchors: ['no servers could be reached'],
    confidence: 0.6,
    specificity: 64,
    alternatives: ['dns.coredns-down', 'node.br-netfilter'],
    check: 'which server answered: a CoreDNS pod IP answering while the Service IP (kubectl -n kube-system get svc kube-dns) does not is the Service path — kube-proxy running on that node and its rules (iptables-save | grep <service IP>), br_netfilter loaded; an outside resolver answering instead says nothing of the Service, so check kubectl -n kube-system get endpoints kube-dns and the CoreDNS pods',
    source: 'nslookup/dig output (busybox and bind): a timeout for one server, an answer from another',
    samples: [
      '/ # nslookup example.org 10.96.0.10\n;; connection timed out; no servers could be reached\n\n/ # nslookup example.org 10.244.1.7\nServer:\t\t10.244.1.7\nAddress:\t10.244.1.7:53\n\nNon-authoritative answer:\nName:\texample.org\nAddress: 93.184.215.14',
      ';; connection timed out; no servers could be reached\n$ nslookup kubernetes.default 10.42.0.5\nServer:    10.42.0.5\nAddress 1: 10.42.0.5\n\nName:      kubernetes.default.svc.cluster.local\nAddress 1: 10.43.0.1',
    ],
    counterSamples: [';; connection timed out; no servers could be reached'],
  }),
  sig({
    id: 'dns.no-servers-reached',
    cause: 'unknown',
    // A timeout, not an answer: no server replied at all — the Service path, CoreDNS, the overlay to it, or (asked
    // of another server) that server. Threads settle each of these: the text names none of them over the others.
    re: /connection timed out; no servers could be reached/,
    anchors: ['no servers could be reached'],
    confidence: 0.5,
    specificity: 60,
    alternatives: ['dns.service-unreachable', 'dns.coredns-down', 'dns.upstream', 'flannel.checksum-offload', 'flannel.vxlan-blocked', 'node.br-netfilter'],
    check: 'from the same pod: dig @<a CoreDNS pod IP> kubernetes.default.svc.cluster.local — an answer there means the Service IP path is broken (kube-proxy, br_netfilter, VXLAN to the CoreDNS node); no answer means CoreDNS itself or the pod network',
    source: 'facts §9, §10.3 (DNS from pods to the Service IP fails across nodes)',
    samples: [';; connection timed out; no servers could be reached', 'nslookup: read: Connection refused\n;; connection timed out; no servers could be reached'],
    counterSamples: ['Server: 10.96.0.10 Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local', "nslookup: can't resolve 'kubernetes.default'"],
  }),
  sig({
    id: 'dns.coredns-upstream-read-timeout',
    cause: 'dns.upstream',
    // A DNS server's own read from its upstream timing out, where the line names CoreDNS (or a DNS forwarder)
    // without the errors plugin's prefix: "read udp <pod>-><upstream>:53: i/o timeout".
    // Not a read from the same host (127.x, ::1): that is a sidecar asking its local server (kube-dns's metrics).
    re: /(coredns|dns)[^\n]{0,200}read udp [\w.:[\]-]+->(?!127\.|\[::1\])[\w.:[\]-]+:53: i\/o timeout/,
    anchors: ['read udp '],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['dns.node-resolver', 'flannel.ipmasq', 'node.firewall'],
    check: 'the address after "->" is the upstream the DNS server asked: dig @<it> example.com from the DNS pod\'s node, and from the pod (kubectl exec) if it has dig — answering from the node but not the pod means the pod\'s egress (masquerade, firewall)',
    source: 'Go net "read udp <local>-><remote>: i/o timeout" from a forwarding DNS server',
    samples: ['coredns and yurt-tunnel-dns error: read udp 10.244.0.4:51342->8.8.8.8:53: i/o timeout', 'kube-dns: read udp 10.32.0.3:43881->10.0.0.2:53: i/o timeout'],
    counterSamples: ['read udp 10.244.1.5:40112->10.96.0.10:53: read: connection refused', 'Error getting metrics from dnsmasq: read udp 127.0.0.1:59476->127.0.0.1:53: i/o timeout'],
  }),
  sig({
    id: 'dns.coredns-upstream-expanded-name',
    cause: 'dns.search-ndots',
    // The query name is a search-list expansion of a name that already held a namespace or "svc" part
    // (<name>.<ns>.svc.<ns>.svc.cluster.local): the client's ndots made it try the search list first.
    // Changed from dns.upstream (reading of NodeLocal DNSCache, CoreDNS 1.14.7): a cluster's CoreDNS answers
    // cluster.local itself and never forwards such a name; it is forwarded by a cache in front of the cluster DNS
    // (node-cache's cluster.local block, forward to kube-dns-upstream), so the timeout is on the way to the cluster
    // DNS, multiplied by the expansion — not the node's upstream resolvers. Above dns.nodelocal-cluster-zone-timeout
    // (specificity 95), which reads the same forward without the doubled svc part.
    re: /plugin\/errors: \d+ [\w-]+(\.[\w-]+)*\.svc\.[\w-]+\.svc\.cluster\.local\. \w+: [^\n]{0,300}(i\/o timeout|unreachable backend|no healthy)/,
    anchors: ['.svc.cluster.local.'],
    confidence: 0.7,
    specificity: 96,
    alternatives: ['dns.service-unreachable', 'dns.coredns-down', 'dns.upstream'],
    check: 'the query name is an expansion of the name the pod asked for: use the full name with a trailing dot, or lower ndots in the pod\'s dnsConfig (options ndots:2) so that the search list is not tried first; then the upstream after "->" for the names it does forward',
    source: 'CoreDNS errors plugin format; resolv.conf search list and ndots (facts §9)',
    samples: ['[ERROR] plugin/errors: 2 es.mon.svc.mon.svc.cluster.local. AAAA: dial tcp 10.7.50.70:53: i/o timeout', '[ERROR] plugin/errors: 2 db.shop.svc.shop.svc.cluster.local. A: read udp 10.244.0.9:40100->10.0.0.2:53: i/o timeout'],
    counterSamples: ['[ERROR] plugin/errors: 2 example.com. A: read udp 10.244.1.3:36734->10.0.2.3:53: i/o timeout'],
  }),
  sig({
    id: 'dns.short-name-host-resolver',
    cause: 'unknown',
    // A Service-style short name asked of a loopback resolver (systemd-resolved's 127.0.0.53, a local dnsmasq,
    // Docker's 127.0.0.11): the caller resolves with the node's or Docker's resolver, not the cluster DNS — a
    // hostNetwork pod left at dnsPolicy ClusterFirst, or a process on the node — so cluster names cannot resolve.
    re: /^(?![\s\S]*(pull|\/v2\/|registry|manifests|proxyconnect))[\s\S]*\blookup (?!localhost\b)[a-z0-9][a-z0-9-]* on (127\.\d+\.\d+\.\d+|\[::1\]):53: (i\/o timeout|server misbehaving|no such host)/,
    anchors: [' on 127.', ' on [::1]:53'],
    confidence: 0.5,
    specificity: 91,
    alternatives: ['dns.node-resolver'],
    check: 'where the caller runs: a pod with hostNetwork: true needs dnsPolicy: ClusterFirstWithHostNet to use the cluster DNS (kubectl get pod <pod> -o jsonpath={.spec.dnsPolicy}); a process on the node or in a Docker network reaches Services only by their cluster IP or through the cluster DNS named explicitly',
    source: 'Kubernetes pod DNS policy (hostNetwork pods with ClusterFirst fall back to the node\'s resolv.conf); Go net.DNSError ("lookup <name> on <server>: …")',
    samples: [
      'dial tcp: lookup uaa-postgres on 127.0.0.53:53: server misbehaving',
      'Get "http://prometheus-server:9090/api/v1/query": dial tcp: lookup prometheus-server on 127.0.0.11:53: no such host',
    ],
    counterSamples: ['dial tcp: lookup redis-master on 10.96.0.10:53: i/o timeout', 'dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: server misbehaving'],
  }),
  sig({
    id: 'dns.short-name-timeout',
    cause: 'dns.service-unreachable',
    // A name without a dot is a Service of the caller's namespace, resolved through the pod's search list
    // by the cluster DNS Service; a registry or a public host always has dots. A timeout there is the
    // path to the DNS Service (or CoreDNS behind it), not a registry's DNS. Pulls are judged elsewhere:
    // the node, not the pod, resolves an image's registry.
    // Not at a loopback resolver: that caller does not use the cluster DNS (dns.short-name-host-resolver).
    re: /^(?![\s\S]*(pull|\/v2\/|registry|manifests|proxyconnect))[\s\S]*\blookup (?!localhost\b)[a-z0-9][a-z0-9-]*(?: on (?!127\.|\[::1\])[\w.:[\]%-]+)?: (i\/o timeout|server misbehaving)/,
    anchors: ['lookup '],
    also: [': i/o timeout', ': server misbehaving'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['dns.coredns-down', 'flannel.vxlan-blocked'],
    check: 'from a pod in the same namespace: nslookup <name>.<namespace>.svc.cluster.local <cluster DNS IP> and the same against a CoreDNS pod IP — only the Service IP timing out is the Service path (kube-proxy, br_netfilter), both timing out is CoreDNS or the overlay to it',
    source: 'facts §9: pods resolve short names through the search list at the cluster DNS Service',
    samples: [
      'transport: Error while dialing: dial tcp: lookup argocd-repo-server: i/o timeout',
      'dial tcp: lookup redis-master on 10.96.0.10:53: i/o timeout',
    ],
    counterSamples: ['failed to pull image "myreg:5000/app:1": dial tcp: lookup myreg: i/o timeout', 'dial tcp: lookup registry.example.com: i/o timeout'],
  }),
  sig({
    id: 'dns.netty-search-domain-failed',
    cause: 'dns.search-ndots',
    // Netty's own resolver (Java clients: AWS SDK, Reactor, gRPC-java) walks the pod's search list for a name
    // with fewer dots than ndots and reports the expanded name that failed last ("<name>.<ns>.svc.cluster.local"):
    // the search walk timed out before the absolute name was asked. Not for an in-cluster name asked as "<svc>.<ns>.svc":
    // walking the search list is how those resolve, and their failing is a Service that does not exist.
    re: /^(?![\s\S]*?(original hostname: |failed to resolve )'+[^'\n]*\.svc')[\s\S]*?(?<key>searchdomainunknownhostexception|search domain query failed)/,
    anchors: ['searchdomainunknownhostexception', 'search domain query failed'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['dns.upstream', 'dns.coredns-down'],
    check: 'the pod\'s /etc/resolv.conf (search list and ndots:5): look the name up with a trailing dot from the pod; set dnsConfig ndots: 1 (or 2) for the workload, or give the client the absolute name with a trailing dot; slow answers for the expanded names point at CoreDNS or its upstream',
    source: 'Netty DnsNameResolver search-domain handling (SearchDomainUnknownHostException); facts §9 (search list, ndots:5)',
    samples: ["io.netty.resolver.dns.DnsResolveContext$SearchDomainUnknownHostException: Search domain query failed. Original hostname: 'sqs.eu-west-1.amazonaws.com' failed to resolve 'sqs.eu-west-1.amazonaws.com.shop.svc.cluster.local' after 2 queries", 'Search domain query failed. Original hostname: \'api.example.com\' failed to resolve \'api.example.com.cluster.local\''],
    counterSamples: ["java.net.UnknownHostException: failed to resolve 'api.example.com' after 2 queries", "Failed to resolve 'orders.shop.svc' [A(1)] and search domain query for configured domains failed as well: [svc.cluster.local, cluster.local] reason: SearchDomainUnknownHostException"],
  }),
  sig({
    id: 'dns.trailing-dot-resolves',
    cause: 'dns.search-ndots',
    // The same name failing bare and resolving with a trailing dot: the dot makes it absolute, so no search domain
    // is tried. Only the search list (with ndots) can tell the two apart — a search domain that answers
    // (a wildcard record) or fails before the absolute name is ever asked.
    re: /(bad address|unknown host|name does not resolve|can't resolve|could not resolve host:?)\s*'?([a-z0-9-]+(?:\.[a-z0-9-]+)+)'?[\s\S]{0,400}?\b\2\.\s*\(\d+\.\d+\.\d+\.\d+\)/,
    anchors: ['bad address', 'unknown host', 'name does not resolve', "can't resolve", 'could not resolve host'],
    confidence: 0.85,
    specificity: 94,
    check: 'cat /etc/resolv.conf in the pod: each search domain is tried before the bare name while it has fewer dots than ndots; dig <name>.<each search domain> shows the one that answers or fails — set dnsConfig options ndots: 2 (or use the trailing dot), and fix or drop that domain',
    source: 'resolv.conf(5) search and ndots; a name ending in a dot is absolute and skips the search list (facts §9)',
    samples: [
      "/ # ping github.com\nping: bad address 'github.com'\n/ # ping github.com.\nPING github.com. (140.82.112.3): 56 data bytes",
      "ping: unknown host example.org\nPING example.org. (93.184.216.34) 56(84) bytes of data.",
    ],
    counterSamples: ["ping: bad address 'github.com'\nPING gitlab.com. (172.65.251.78): 56 data bytes"],
  }),
  sig({
    id: 'dns.search-expanded-name',
    cause: 'dns.search-ndots',
    // nslookup failing on a name that is a public name with one of the search domains appended
    // (google.com.corp.example): the resolver walked the search list first (fewer dots than ndots), and a
    // search domain that answers or fails for everything decides the result instead of the name itself.
    // Also host(1)'s "Host <name> not found", and nslookup's "Name:" answering for the expanded name (a search domain
    // with a wildcard record answers for everything).
    re: /(can't find|\bhost|\bname:) +(?![^\s:]*\.svc\.)[^\s:]*\.(com|net|org|io|local|de|fr|nl|uk|ru|cn|jp|dev|app|eu)\.[a-z0-9-]{3,}[a-z0-9.-]*(: (no answer|nxdomain|servfail)| not found|\s+address(es)?:? *\d)/,
    anchors: ["can't find", 'host ', 'name:'],
    confidence: 0.8,
    specificity: 89,
    alternatives: ['dns.upstream', 'dns.node-resolver'],
    check: 'cat /etc/resolv.conf in the pod: the search line (with the node\'s own domains appended by the kubelet) and options ndots:5; look the name up with a trailing dot (nslookup google.com.) — if that answers, the search domain is the problem: drop it from the node\'s resolv.conf (or the kubelet\'s --resolv-conf) or set dnsConfig ndots lower',
    source: 'facts §9 (search list, ndots:5): names with fewer dots than ndots are tried with each search domain first',
    samples: ['*** Can\'t find google.com.mydomain.com: No answer', "** server can't find github.com.corp.local: SERVFAIL", 'Host www.example.de.fritz.box not found: 2(SERVFAIL)', 'Server: 10.43.0.10 Address: 10.43.0.10#53 Name: example.com.home.lan Address: 203.0.113.9'],
    counterSamples: ["** server can't find serve1.pods.dev.svc.cluster.local: NXDOMAIN", "** server can't find example.com.au: NXDOMAIN", 'Name: example.com Address: 203.0.113.9'],
  }),
  sig({
    id: 'dns.coredns-unreachable-backend',
    cause: 'dns.upstream',
    // Older CoreDNS (proxy plugin, errors without the plugin/ prefix): "[ERROR] 2 <qname>. <qtype>: unreachable backend: …";
    // the first releases (0.9–1.0) wrote "[ERROR <rcode> <qname> <qtype>] <err>" and the proxy's "bad upstream <addr>: …".
    // The proxy plugin also logged its health check of each upstream: "[INFO] healtheck of %s failed with %s"
    // (so spelled in CoreDNS 1.0–1.1), a network error there being the upstream not answering CoreDNS.
    re: /unreachable backend|no upstream host|bad upstream [\w.:[\]-]+:\d+: |(healtheck|healthcheck|health check) of [\w.:[\]-]+ failed with [^\n]{0,300}(i\/o timeout|connection refused|no route to host|network is unreachable)|\[error\] \d+ [\w.-]+\. [a-z]+: [^\n]{0,300}(i\/o timeout|connection refused|no route to host|network is unreachable)|\[error \d+ [\w.-]+ [a-z]+\] [^\n]{0,300}(i\/o timeout|connection refused|no route to host|network is unreachable)/,
    anchors: ['unreachable backend', 'no upstream host', 'bad upstream', '[error ', '[error]', 'healtheck of ', 'healthcheck of ', 'health check of '],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['dns.node-resolver', 'flannel.ipmasq', 'node.firewall'],
    check: 'the address after "->" is the upstream CoreDNS forwards to (from the node\'s /etc/resolv.conf unless the Corefile names one): dig @<that address> example.com from the CoreDNS node — an answer there but not from the CoreDNS pod means the pod\'s path is filtered (firewalld or the node\'s egress rules dropping pod-sourced traffic)',
    source: 'CoreDNS proxy/forward plugin errors (facts §9, errors plugin format)',
    samples: [
      '2018/06/02 11:20:13 [ERROR] 2 api.example.org. AAAA: unreachable backend: read udp 10.244.3.7:51220->192.168.10.1:53: i/o timeout',
      '[ERROR] 2 mail.example.net. MX: unreachable backend: no upstream host',
      '2018/03/11 07:02:19 [INFO] healtheck of 10.0.0.2:53 failed with read udp 10.244.0.5:40112->10.0.0.2:53: i/o timeout',
      '02/Oct/2017:09:14:02 +0000 [ERROR 2 registry.example.org. A] read udp 10.2.0.7:51220->10.0.0.2:53: i/o timeout',
    ],
    counterSamples: ['[INFO] 10.244.0.1:53012 - 12345 "A IN github.com. udp 28 false 512" NOERROR qr,rd,ra 52 0.01s'],
  }),
  sig({
    id: 'dns.coredns-log-servfail',
    cause: 'dns.upstream',
    // log plugin: <client> - <id> "<type> IN <name> <proto> <size> <do> <bufsize>" <rcode> …
    re: /\w+ in [\w.-]+ (udp|tcp) \d+ (true|false) \d+\\?" servfail/,
    anchors: ['" servfail'],
    confidence: 0.6,
    specificity: 80,
    alternatives: ['dns.loop', 'dns.node-resolver'],
    check: 'kubectl -n kube-system logs deploy/coredns | grep -i error: the upstream error logged with the SERVFAIL names the forward target that failed',
    source: 'CoreDNS log plugin format; SERVFAIL comes from the forward plugin when the upstream fails (facts §9)',
    samples: [
      '2021-04-01T10:00:00.000Z [INFO] 10.244.2.9:51000 - 1234 "A IN api.example.com. udp 33 false 512" SERVFAIL qr,rd 33 2.001s',
      '10.42.0.8:40000 - [01/Apr/2021:10:00:00 +0000] 77 "AAAA IN example.org. udp 29 false 512" SERVFAIL qr,rd,ra 29 0.0004s',
    ],
    counterSamples: ['[INFO] 10.244.0.1:53012 - 12345 "A IN github.com. udp 28 false 512" NOERROR qr,rd,ra 52 0.01s'],
  }),
  sig({
    id: 'dns.coredns-log-search-expansion',
    cause: 'dns.search-ndots',
    // NXDOMAIN for a name with a search domain appended (ndots:5): normal, but each miss costs a round trip.
    re: /\w+ in ([\w-]+\.)*[\w-]+\.cluster\.local\.[\w-][\w.-]*\. (udp|tcp) \d+ (true|false) \d+\\?" nxdomain|\w+ in [\w-]+\.[\w-]+\.[\w.-]+\.svc\.cluster\.local\. (udp|tcp) \d+ (true|false) \d+\\?" nxdomain/,
    anchors: ['" nxdomain'],
    confidence: 0.5,
    specificity: 78,
    alternatives: [],
    check: 'the pod\'s /etc/resolv.conf (search list, options ndots:5): a name with fewer dots is tried with every search domain first, and each try answers NXDOMAIN; that is normal unless lookups are slow — then use FQDNs with a trailing dot or dnsConfig ndots:2',
    source: 'facts §9 (search list and ndots:5); CoreDNS log plugin format',
    samples: [
      '[INFO] 10.244.1.4:41234 - 5501 "A IN example.com.shop.svc.cluster.local. udp 52 false 512" NXDOMAIN qr,aa,rd 145 0.0001s',
      '[INFO] 10.244.1.4:41235 - 5502 "AAAA IN orders.shop.svc.cluster.local.corp.example. udp 61 false 512" NXDOMAIN qr,rd,ra 140 0.002s',
    ],
    counterSamples: ['[INFO] 10.244.1.4:41236 - 5503 "A IN orders.shop.svc.cluster.local. udp 47 false 512" NOERROR qr,aa,rd 98 0.0001s'],
  }),
  sig({
    id: 'dns.dnsmasq-forward-limit',
    cause: 'dns.upstream',
    // dnsmasq (kube-dns, NodeLocal setups) refuses new forwards while --dns-forward-max queries wait for an answer.
    re: /maximum number of concurrent dns queries reached/,
    anchors: ['concurrent dns queries reached'],
    confidence: 0.6,
    specificity: 92,
    // A forwarding loop fills the table too: kube-dns's dnsmasq forwards what is not cluster.local to the
    // node's resolv.conf, and a loopback stub there (127.0.0.53) hands the query back, so none is ever answered.
    alternatives: ['dns.search-ndots', 'dns.coredns-down', 'dns.loop'],
    check: 'queries pile up only while the server behind dnsmasq answers slowly or not at all: look at that upstream first (kubedns/CoreDNS logs, the node resolv.conf — a 127.0.0.x nameserver there is a loop back into the node), then at the query rate (ndots:5 multiplies lookups); --dns-forward-max only raises the ceiling',
    source: 'dnsmasq forward limit (--dns-forward-max, default 150), as run by kube-dns\'s dnsmasq-nanny',
    samples: [
      'I0501 12:00:00.000000 1 nanny.go:116] dnsmasq[14]: Maximum number of concurrent DNS queries reached (max: 150)',
      'dnsmasq[812]: Maximum number of concurrent DNS queries reached (max: 1000)',
    ],
    counterSamples: ['dnsmasq[14]: started, version 2.78 cachesize 1000'],
  }),
  sig({
    id: 'dns.nslookup-servfail',
    cause: 'dns.upstream',
    // SERVFAIL is the DNS server saying it could not get an answer (for CoreDNS: its forward failed), in
    // nslookup's, host's ("not found: 2(SERVFAIL)") and dig's ("Got SERVFAIL reply from") words.
    // dig prints the rcode in its header line.
    re: /server can't find [^\s:]+: servfail|\bnot found: 2\(servfail\)|got servfail reply from|->>header<<- opcode: query, status: servfail\b/,
    anchors: [': servfail', '2(servfail)', 'got servfail reply', 'status: servfail'],
    confidence: 0.6,
    specificity: 80,
    // A name the search list expanded (<name>.<host's search domain>) goes upstream and fails there too.
    // Docker's embedded DNS (127.0.0.11) answers SERVFAIL too when the host nameserver it forwards to refuses or
    // is missing (a 127.0.0.53 stub that is not running): there the node's own resolver is the fault.
    alternatives: ['dns.loop', 'dns.coredns-down', 'dns.search-ndots', 'dns.node-resolver'],
    check: 'kubectl -n kube-system logs deploy/coredns | grep -i error: the upstream error behind the SERVFAIL; a search suffix in the name (…svc.cluster.local, …internal) only shows which try failed last; inside a Docker container (nameserver 127.0.0.11) the "[resolver] failed to query external DNS server" lines in dockerd\'s log name the server that failed',
    source: 'facts §9 (SERVFAIL from CoreDNS: its forward to the upstream failed)',
    samples: [
      ';; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 40211',
      "** server can't find api.corp.internal: SERVFAIL",
      "** server can't find github.com: SERVFAIL",
      'Host github.com not found: 2(SERVFAIL)',
      ';; Got SERVFAIL reply from 10.96.0.10, trying next server',
    ],
    counterSamples: ["** server can't find kubernetes.default: NXDOMAIN"],
  }),

  sig({
    id: 'dns.skydns-forward-failed',
    check: 'the upstream in the node\'s /etc/resolv.conf (kube-dns forwards there): dig @<upstream> example.com from the node, then from a pod; answering on the node but not from the pod means the pod\'s egress (masquerade, firewall)',
    cause: 'dns.upstream',
    // kube-dns's skydns forwarding a name outside the cluster to the upstream nameserver.
    re: /failure to forward request[^\n]{0,200}(i\/o timeout|timeout|connection refused|no route to host|network is unreachable)/,
    anchors: ['failure to forward request'],
    confidence: 0.85,
    specificity: 90,
    // (an upstream that is the cluster DNS itself — the node's resolv.conf naming it — is a loop)
    // The forward leaves the cluster through the node: a node that does not forward (or masquerade) pod traffic loses it.
    alternatives: ['dns.node-resolver', 'flannel.ipmasq', 'dns.loop', 'node.ip-forward'],
    source: 'skydns (kube-dns) forwarding ("failure to forward request %q")',
    samples: [
      '[skydns] Jul 15 23:35:23.067 ERROR | failure to forward request "read udp 8.8.8.8:53: i/o timeout"',
      'skydns: failure to forward request "dial udp 10.0.0.2:53: connect: network is unreachable"',
    ],
    counterSamples: ['[skydns] Jul 15 23:35:23.067 INFO | ready for queries on cluster.local.'],
  }),
];
