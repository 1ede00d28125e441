import type { Signature } from '../../types.js';
import { CLIENT_LOOKUP_ANCHORS, CLIENT_LOOKUP_FAILED, withoutPull } from '../context.js';
import { sig } from '../define.js';

/** DNS texts that do not name a cause alone: `unknown` with candidates and the check that decides. */
export const AMBIGUOUS_DNS_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.missing-cluster-dns',
    check: 'the kubelet\'s config on that node: clusterDNS (in /var/lib/kubelet/config.yaml) must list the kube-dns Service IP (kubectl -n kube-system get svc kube-dns)',
    // The kubelet's own configuration lacks clusterDNS: it falls back to the node's resolv.conf for every
    // ClusterFirst pod, so cluster names fail in pods while the node's resolver and CoreDNS may both be fine.
    cause: 'unknown',
    re: /kubelet does not have clusterdns ip configured|missingclusterdns/,
    anchors: ['clusterdns'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['dns.node-resolver', 'dns.coredns-down'],
    source: 'facts §9 (MissingClusterDNS)',
    samples: [
      'pod: "web-0_default(1c2d)". kubelet does not have ClusterDNS IP configured and cannot create Pod using "ClusterFirst" policy. Falling back to "Default" policy.',
      'Warning  MissingClusterDNS  kubelet  pod: "api_prod(77aa)". kubelet does not have ClusterDNS IP configured',
    ],
    counterSamples: ['clusterDNS: [10.96.0.10]'],
  }),
  sig({
    id: 'dns.nodelocaldns-bind',
    cause: 'unknown',
    // NodeLocal DNSCache listens on a link-local address (169.254.20.10, kubespray's 169.254.25.10) on every node;
    // a bind conflict there is node-cache against another listener on that node, not the cluster's CoreDNS.
    re: /listen (tcp|udp)[46]? 169\.254\.\d+\.\d+:53: bind: address already in use/,
    anchors: [':53: bind: '],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['dns.coredns-down'],
    check: "on that node: ss -lunp 'sport = :53' and ip addr show nodelocaldns — another node-cache pod (an old DaemonSet left behind) or a local resolver bound to that address; the cluster's CoreDNS pods are not involved",
    source: 'NodeLocal DNSCache (k8s-dns-node-cache) listen addresses; Go net "bind: address already in use"',
    samples: ['listen tcp 169.254.25.10:53: bind: address already in use', 'Failed to start DNS server: listen udp 169.254.20.10:53: bind: address already in use'],
    counterSamples: ['listen tcp :53: bind: address already in use'],
  }),
  sig({
    id: 'dns.client-lookup-failed',
    cause: 'unknown',
    // A program's own resolver failing (libc getaddrinfo, Node.js, Python, Java, curl) with no image pull around
    // it: the name did not resolve where that program runs — in a pod the cluster DNS path, on a node its resolver.
    // Also musl's and busybox's words (Alpine images): "Name does not resolve", wget's "bad address", and the
    // package managers' own (apt's "Temporary failure resolving", wget's "unable to resolve host address").
    // Other clients' own words for the same failed lookup: MySQL's 2005, Kafka's and gRPC's "DNS resolution failed",
    // gRPC's name resolver, nginx's resolver and its upstream check, apk's fetch, .NET's EAI_AGAIN with host:port,
    // Python on musl ("[Errno -3] Try again"), Node's dns.resolve* codes (MongoDB's querySrv), Netty's timeout.
    re: new RegExp(String.raw`${CLIENT_LOOKUP_FAILED}|\bbad address '|temporary failure resolving '|ping: unknown host\b|unknown mysql server host|dns resolution failed for|no resolvable bootstrap urls|name resolution failed for target|could not be resolved \(\d+: |host not found in upstream|\bdns lookup error\b|resource temporarily unavailable \([^\s()]+:\d+\)|\[errno -3\] try again|\bquery(?:srv|a|aaaa|txt|cname) e(?:notfound|timeout|servfail|connrefused)\b|dnsnameresolvertimeoutexception`),
    anchors: [...CLIENT_LOOKUP_ANCHORS, 'bad address', 'temporary failure resolving', 'unknown host', 'unknown mysql server host', 'dns resolution failed', 'no resolvable bootstrap', 'name resolution failed', 'could not be resolved (', 'host not found in upstream', 'dns lookup error', 'resource temporarily unavailable (', 'try again', 'querysrv e', 'querya e', 'queryaaaa e', 'querytxt e', 'querycname e', 'dnsnameresolvertimeoutexception'],
    confidence: 0.4,
    specificity: 84,
    alternatives: ['dns.coredns-down', 'dns.service-unreachable', 'dns.upstream', 'dns.search-ndots', 'dns.node-resolver'],
    check: 'where does the program run? in a pod: kubectl exec <pod> -- nslookup <name> and kubectl -n kube-system logs -l k8s-app=kube-dns (a cluster name needs its namespace or full .svc.cluster.local form; an outside name needs the upstream); on a node: getent hosts <name> and /etc/resolv.conf',
    source: 'libc getaddrinfo (EAI_AGAIN "Temporary failure in name resolution", EAI_NONAME "Name or service not known"); facts §9',
    samples: [
      'Error: getaddrinfo EAI_AGAIN api.example.com',
      "java.net.UnknownHostException: zk-0.zk.kafka.svc: Name or service not known",
      "wget: bad address 'api.shop.svc.cluster.local'",
      'ping: api: Name does not resolve',
      "Err:1 http://deb.debian.org/debian bookworm InRelease Temporary failure resolving 'deb.debian.org'",
      // musl's EAI_AGAIN ("Try again") as PHP and others print it.
      'php_network_getaddresses: getaddrinfo failed: Try again',
      "ERROR 2005 (HY000): Unknown MySQL server host 'mysql' (-3)",
      '14 UNAVAILABLE: Name resolution failed for target dns:orders.shop.svc.cluster.local:50051',
      '[error] 31#31: *1 orders could not be resolved (3: Host not found)',
      'querySrv ENOTFOUND _mongodb._tcp.cluster0.example.net',
    ],
    counterSamples: ['Resolved host api.example.com to 10.0.0.5'],
  }),
  sig({
    id: 'dns.go-lookup-outside-pull',
    cause: 'unknown',
    // Go's net.DNSError in a message that names no image, pull or registry: some program's own lookup (a webhook,
    // an alert receiver, a database client), not a registry's. Ranked where registry.lookup-failed-bare is: the two never both match.
    re: withoutPull(/\blookup [^\s:"\\]+(?: on (?:[\w.:[\]%-]+(?:->[\w.:[\]%-]+)?|<[^>\n]{1,40}>))?: |no such host|server misbehaving/),
    anchors: ['lookup ', 'no such host', 'server misbehaving'],
    confidence: 0.4,
    specificity: 89,
    alternatives: ['dns.node-resolver', 'dns.coredns-down', 'dns.service-unreachable', 'registry.dns'],
    check: 'which program looked the name up, and where does it run? in a pod: kubectl exec <pod> -- nslookup <name> (a Service name needs its namespace, or must exist at all); on a node or in Docker: getent hosts <name> and /etc/resolv.conf (127.0.0.53 needs systemd-resolved running, 127.0.0.11 is Docker\'s embedded DNS for its own networks)',
    source: 'Go net.DNSError ("lookup <name> on <server>: <err>"), the same for every Go program (facts §4.7)',
    samples: ['level=error msg="Notify for alerts failed" err="Post \\"https://hooks.example.com/x\\": dial tcp: lookup hooks.example.com on 10.233.0.3:53: no such host"', 'dial tcp: lookup db.internal.example on 127.0.0.11:53: server misbehaving'],
    counterSamples: ['failed to pull image "harbor.lab/ci/web:1": dial tcp: lookup harbor.lab: no such host'],
  }),
  sig({
    id: 'dns.short-name-nxdomain',
    cause: 'unknown',
    // NXDOMAIN for a Service-style short name outside a pull: DNS answered; the Service is missing, in
    // another namespace, or the caller does not resolve through the cluster DNS at all.
    re: /^(?![\s\S]*(pull|\/v2\/|registry|manifests|proxyconnect|error dialing backend|:10250\/))[\s\S]*\blookup (?!localhost\b)[a-z0-9][a-z0-9-]*(?: on [\w.:[\]%-]+)?: no ?such host/,
    anchors: ['such host'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['dns.search-ndots', 'dns.coredns-down'],
    check: 'kubectl get svc <name> -n <the caller\'s namespace>: if it is missing or elsewhere, NXDOMAIN is right (use <name>.<namespace>); if it exists, cat /etc/resolv.conf in the caller — a hostNetwork pod or a process on the node does not search the cluster domains',
    source: 'facts §9: short names resolve only through the pod\'s search list',
    samples: [
      'transport: Error while dialing dial tcp: lookup argocd-repo-server on 172.31.0.2:53: no such host',
      'dial tcp: lookup postgres: no such host',
    ],
    counterSamples: ['dial tcp: lookup postgres.db.svc.cluster.local: no such host'],
  }),
  sig({
    id: 'dns.socket-denied',
    cause: 'unknown',
    // The caller may not open a socket at all (seccomp, SELinux, a rootless or sandboxed runtime): no query
    // left the process, so neither the resolver nor the registry is at fault.
    re: /dial (udp|tcp)[46]? [^\s]+: socket: (permission denied|operation not permitted)/,
    anchors: ['socket: permission denied', 'socket: operation not permitted'],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['dns.node-resolver'],
    check: 'the caller\'s sandbox: SELinux denials (ausearch -m avc -ts recent), a seccomp profile, or a rootless runtime without network access (podman info: rootlessNetworkCmd); the same lookup from a plain shell on the host decides',
    source: 'Go net: socket(2) failing with EACCES/EPERM before any packet is sent',
    samples: [
      'dial tcp: lookup registry-1.docker.io on 192.168.1.1:53: dial udp 192.168.1.1:53: socket: permission denied',
      'dial udp 10.96.0.10:53: socket: operation not permitted',
    ],
    counterSamples: ['dial udp 10.96.0.10:53: connect: network is unreachable'],
  }),
  sig({
    id: 'dns.dns-bind-53-address',
    cause: 'unknown',
    // A DNS server bound to an explicit address (CoreDNS's bind plugin: node-local DNS caches on 169.254.x or
    // 0.0.0.0 with hostNetwork) finds port 53 taken: the node's own resolver (systemd-resolved, dnsmasq) or
    // another DNS pod on the host network. Whose listener it is decides the cause, not the text.
    re: /listen (tcp|udp)[46]? [\w.\[\]:]+:53: bind: address already in use/,
    anchors: [':53: bind: address already in use'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['dns.coredns-down', 'dns.node-resolver'],
    check: 'which process holds port 53 on that node: ss -lntup \'sport = :53\' — systemd-resolved or dnsmasq on 0.0.0.0:53 blocks a hostNetwork DNS (node-local-dns, a hostNetwork CoreDNS); move one of them to another address (DNSStubListener=no, or bind the cache to its link-local address only)',
    source: 'CoreDNS bind plugin listeners (node-local-dns) against the host\'s resolver on port 53',
    samples: ['Listen: listen tcp 0.0.0.0:53: bind: address already in use', 'listen udp 169.254.20.10:53: bind: address already in use'],
    counterSamples: ['ListenPacket: listen udp :53: bind: address already in use'],
  }),
  sig({
    id: 'dns.coredns-reload-failed',
    cause: 'unknown',
    // The reload plugin parses an edited Corefile and, when it fails, keeps serving with the configuration it
    // had: CoreDNS is not down, the edit is refused (it becomes an outage only at the next restart).
    re: /corefile changed but reload failed|\[error\] restart failed: /,
    anchors: ['reload failed', 'restart failed'],
    confidence: 0.5,
    specificity: 97,
    alternatives: ['dns.coredns-down'],
    check: 'kubectl -n kube-system get configmap coredns -o yaml: fix the line the error names (the running CoreDNS keeps its previous Corefile and logs "Reloading complete" once a valid one is read); pods restarted before that would crash-loop on it',
    source: 'CoreDNS plugin/reload ("Corefile changed but reload failed"), caddy restart',
    samples: ["[ERROR] plugin/reload: Corefile changed but reload failed: starting with listener file descriptors: ./Corefile:13 - Error during parsing: Unknown directive 'read'", "[INFO] Reloading\n[ERROR] Restart failed: ./Corefile:4 - Error during parsing: Unknown directive 'hostz'"],
    counterSamples: ['[INFO] Reloading complete'],
  }),
  sig({
    id: 'dns.docker-resolver-host-nameserver',
    cause: 'dns.node-resolver',
    // Docker's embedded DNS (127.0.0.11) forwards to the host's nameservers: a loopback nameserver refusing (a
    // dnsmasq or unbound in the host's resolv.conf that is not running), or no nameserver at all, is the host's
    // resolver — every container's external lookups fail with it.
    re: /\[resolver\] failed to query external dns server[^\n]{0,200}dns-server=\\?"?(udp|tcp):127\.\d+\.\d+\.\d+:53[^\n]{0,200}connection refused|dns resolver has no external nameservers/,
    anchors: ['failed to query external dns server', 'no external nameservers'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['dns.upstream'],
    check: 'the host\'s /etc/resolv.conf (or /run/systemd/resolve/resolv.conf): a 127.x nameserver must be running (systemctl status dnsmasq / unbound / systemd-resolved), and at least one nameserver must be listed; or give Docker explicit "dns" servers in daemon.json',
    source: 'moby libnetwork resolver ("[resolver] failed to query external DNS server"; sandbox DNS "DNS resolver has no external nameservers")',
    samples: ['level=error msg="[resolver] failed to query external DNS server" client-addr="udp:127.0.0.1:50932" dns-server="udp:127.0.0.1:53" error="read udp 127.0.0.1:50932->127.0.0.1:53: read: connection refused"', 'level=warning msg="DNS resolver has no external nameservers" cid=3df57cfb1f3a'],
    counterSamples: ['level=error msg="[resolver] failed to query external DNS server" client-addr="udp:172.18.0.3:41233" dns-server="udp:192.168.1.1:53" error="read udp 172.18.0.3:41233->192.168.1.1:53: i/o timeout"'],
  }),
  sig({
    id: 'dns.docker-resolver-loopback-timeout',
    cause: 'dns.node-resolver',
    // The embedded DNS forwards to a loopback nameserver it read from the host's resolv.conf and hears nothing back:
    // a stub that is up but cannot answer in time (systemd-resolved at 127.0.0.53 waiting on its own upstream), or
    // a daemon nested in a container whose resolv.conf names the outer Docker's 127.0.0.11, which answers only inside
    // the outer container's own namespace. Either way the host's resolver set-up, with the stub's upstream as the
    // other candidate (a refused loopback is dns.docker-resolver-host-nameserver).
    re: /\[resolver\] failed to query external dns server[^\n]{0,200}dns-server=\\?"?(udp|tcp):127\.\d+\.\d+\.\d+:53[^\n]{0,200}i\/o timeout/,
    anchors: ['failed to query external dns server'],
    also: ['i/o timeout'],
    confidence: 0.6,
    specificity: 95,
    alternatives: ['dns.upstream'],
    check: 'on the host running that dockerd: cat /etc/resolv.conf; for 127.0.0.53, resolvectl status (is its upstream answering: resolvectl query <name>); for 127.0.0.11 the daemon runs inside a container (Docker-in-Docker): give the inner daemon real servers ("dns" in its daemon.json or --dns on the outer container)',
    source: 'moby libnetwork resolver.go forwardExtDNS ("[resolver] failed to query external DNS server", dns-server a loopback address, error i/o timeout)',
    samples: [
      'time="2024-11-07T16:56:43.364936084Z" level=error msg="[resolver] failed to query external DNS server" client-addr="udp:127.0.0.1:54611" dns-server="udp:127.0.0.11:53" error="read udp 127.0.0.1:54611->127.0.0.11:53: i/o timeout" question=";proxy.local.\\tIN\\t A"',
      'level=error msg="[resolver] failed to query external DNS server" client-addr="udp:172.19.0.2:40211" dns-server="udp:127.0.0.53:53" error="read udp 127.0.0.1:40211->127.0.0.53:53: i/o timeout" question=";registry.lab.\\tIN\\t A"',
    ],
    counterSamples: ['level=error msg="[resolver] failed to query external DNS server" client-addr="udp:172.18.0.3:41233" dns-server="udp:192.168.1.1:53" error="read udp 172.18.0.3:41233->192.168.1.1:53: i/o timeout"'],
  }),
];
