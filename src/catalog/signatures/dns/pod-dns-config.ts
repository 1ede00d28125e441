import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A reading of the pod DNS path: the kubelet's DNS configurer (pkg/kubelet/network/dns) checking the node file its
 * resolvConf names, NodeLocal DNSCache between pods and the cluster DNS, and CoreDNS's forward plugin refusing its
 * target at start. Texts as the kubelet, node-cache, CoreDNS and the pods' resolvers print them.
 */
export const POD_DNS_CONFIG_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.kubelet-resolv-conf-check-unreadable',
    cause: 'dns.node-resolver',
    // CheckLimitsForResolvConf posts os.Open's error as the node event's message: a resolvConf path that exists but the
    // kubelet cannot read (its mode, an SELinux label, a directory given instead of the file) fails every pod's
    // resolv.conf on that node as surely as a missing one (dns.kubelet-resolv-conf-unopenable reads that case).
    re: /checklimitsforresolvconf[^\n]{0,200}open \S+: (permission denied|is a directory|too many levels of symbolic links)/,
    anchors: ['checklimitsforresolvconf'],
    confidence: 0.8,
    specificity: 90,
    check: 'grep resolvConf /var/lib/kubelet/config.yaml on the node and ls -lZ that path: it must be a regular file the kubelet can read (a symlink that resolves, the right SELinux label), with the node\'s upstream nameservers in it',
    source: 'kubelet pkg/kubelet/network/dns/dns.go (CheckLimitsForResolvConf: os.Open error as event "CheckLimitsForResolvConf" on the node)',
    samples: [
      'Warning  CheckLimitsForResolvConf  3m (x40 over 3h)  kubelet  open /etc/kubernetes/resolv.conf: permission denied',
      'Warning  CheckLimitsForResolvConf  node/worker-4  open /etc/resolv.conf: is a directory',
    ],
    counterSamples: ["Warning  CheckLimitsForResolvConf  1m  kubelet  Resolv.conf file '/etc/resolv.conf' contains search line consisting of more than 32 domains!"],
  }),
  sig({
    id: 'dns.nodelocal-cache-unanswered',
    cause: 'unknown',
    // A pod whose nameserver is NodeLocal DNSCache's link-local address (169.254.20.10, kubespray's 169.254.25.10)
    // asks the node-cache pod on its own node. No reply, or a refusal, is that node's cache not serving (its pod down,
    // its dummy interface or NOTRACK rules gone); the cluster DNS Service behind it is not reached at all, so the
    // Service-path reading of dns.cluster-dns-timeout does not hold. An NXDOMAIN or SERVFAIL there is an answer and
    // is left to the other lookup signatures.
    re: /lookup [^\s:"\\]+ on 169\.254\.(20|25)\.10:53: [^\n]{0,300}?(i\/o timeout|connection refused)|->169\.254\.(20|25)\.10:53: (i\/o timeout|read: connection refused)|(169\.254\.(20|25)\.10#53: (timed out|connection refused))/,
    anchors: ['169.254.20.10:53', '169.254.25.10:53', '169.254.20.10#53', '169.254.25.10#53'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['dns.coredns-down', 'dns.service-unreachable'],
    check: 'on the pod\'s node: kubectl -n kube-system get pods -l k8s-app=node-local-dns -o wide (one Running per node) and its log, and ip addr show nodelocaldns on the node (the link-local address must be there); if the cache serves, its own log names the upstream (the kube-dns Service) it cannot reach',
    source: 'NodeLocal DNSCache (k8s-dns-node-cache: listens on a link-local address on each node, pods\' nameserver via the kubelet\'s clusterDNS); Go net.DNSError',
    samples: [
      'dial tcp: lookup grafana.monitoring.svc.cluster.local on 169.254.20.10:53: read udp 10.244.3.9:55120->169.254.20.10:53: i/o timeout',
      'lookup elasticsearch-master.logging.svc.cluster.local on 169.254.25.10:53: read udp 10.233.64.12:48211->169.254.25.10:53: read: connection refused',
      ';; communications error to 169.254.20.10#53: timed out',
    ],
    counterSamples: [
      'lookup minio-hl.default.svc.cluster.local on 169.254.25.10:53: no such host',
      '[ERROR] plugin/errors: 2 www.google.com. A: read udp 169.254.20.10:46012->172.31.0.2:53: i/o timeout',
    ],
  }),
  sig({
    id: 'dns.nodelocal-pillar-unsubstituted',
    cause: 'unknown',
    // The DNS add-on manifests ship placeholders (__PILLAR__LOCAL__DNS__, __PILLAR__DNS__SERVER__,
    // __PILLAR__UPSTREAM__SERVERS__, __PILLAR__DNS__DOMAIN__) meant to be replaced before applying; one left in a
    // Corefile or an argument makes node-cache (or a CoreDNS from the same templates) refuse to start. Which server
    // it was decides what stops resolving, so no cause is named.
    re: /__pillar__[a-z_]*/,
    anchors: ['__pillar__'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['dns.coredns-down'],
    check: 'grep -n __PILLAR__ in the manifest that was applied (kubectl -n kube-system get cm node-local-dns -o yaml, kubectl -n kube-system get ds node-local-dns -o yaml): replace each placeholder with the local link-local address, the kube-dns Service IP and the cluster domain, then re-apply',
    source: 'kubernetes cluster/addons/dns/nodelocaldns/nodelocaldns.yaml (placeholders __PILLAR__LOCAL__DNS__, __PILLAR__DNS__SERVER__, __PILLAR__DNS__DOMAIN__, __PILLAR__CLUSTER__DNS__, __PILLAR__UPSTREAM__SERVERS__); CoreDNS forward setup errors',
    samples: [
      'plugin/forward: not an IP address, file, or valid domain: "__PILLAR__UPSTREAM__SERVERS__"',
      "/etc/coredns/Corefile:11 - Error during parsing: Unknown directive '__PILLAR__'",
      'plugin/forward: not an IP address or file: "__PILLAR__CLUSTER__DNS__"',
    ],
    counterSamples: ['plugin/forward: not an IP address, file, or valid domain: "/run/systemd/resolve/resolv.conf"'],
  }),
  sig({
    id: 'dns.coredns-forward-target-invalid',
    cause: 'dns.coredns-down',
    // CoreDNS 1.14's forward setup words a target that is neither an address, a file inside the container, nor a host
    // name it may resolve: "not an IP address, file, or valid domain" (before, "not an IP address or file"). The server
    // exits at start on it; the usual target is a host path (/run/systemd/resolve/resolv.conf) not mounted in the pod.
    re: /plugin\/forward: not an ip address, file, or valid domain: \\?"(?!__pillar__)/,
    anchors: ['not an ip address, file, or valid domain'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['dns.upstream'],
    check: 'kubectl -n kube-system get configmap coredns -o yaml: the forward line must name addresses, a file that exists inside the CoreDNS container (the pod\'s own /etc/resolv.conf, written by the kubelet from its resolvConf), or a resolvable host name',
    source: 'CoreDNS v1.14 plugin/forward/resolve.go ("not an IP address, file, or valid domain: %q"), plugin.Error("forward", …)',
    samples: [
      'plugin/forward: not an IP address, file, or valid domain: "/run/systemd/resolve/resolv.conf"',
      'Error during parsing: plugin/forward: not an IP address, file, or valid domain: "dns-upstream.corp:53:53"',
    ],
    counterSamples: ['plugin/forward: not an IP address, file, or valid domain: "__PILLAR__UPSTREAM__SERVERS__"'],
  }),
  sig({
    id: 'dns.coredns-log-servfail-search-name',
    cause: 'dns.search-ndots',
    // CoreDNS's log plugin showing SERVFAIL for a public name with a further domain appended (foundryvtt.com.local.,
    // github.com.corp.lan.): the pod's resolver was walking its search list (ndots:5) and the node's search domain
    // handed down by the kubelet fails for every name asked under it. The absolute name is asked only after it, and
    // some resolvers stop at the SERVFAIL.
    re: /\w+ in (?![^\s"]*\.svc\.)[\w-]+(\.[\w-]+)*\.(com|net|org|io|dev|app|de|uk|fr|nl|eu|ru|cn|jp)\.[a-z0-9-]+[\w.-]*\. (udp|tcp) \d+ (true|false) \d+\\?" servfail/,
    anchors: ['" servfail'],
    confidence: 0.6,
    specificity: 84,
    alternatives: ['dns.upstream', 'dns.node-resolver'],
    check: 'cat /etc/resolv.conf in the pod: the search line ends with the node\'s own domains (from the kubelet\'s resolvConf); dig @<the upstream> <name>.<that domain> shows it failing — drop the domain from the node\'s resolver config, or set the workload\'s dnsConfig options ndots: 2 (or use names with a trailing dot)',
    source: 'CoreDNS log plugin format; kubelet pod resolv.conf (search list = <ns>.svc, svc, cluster domain, then the node\'s search domains; options ndots:5)',
    samples: [
      '[INFO] 10.1.182.28:51321 - 17998 "A IN foundryvtt.com.local. udp 38 false 512" SERVFAIL qr,rd,ra 113 0.03611267s',
      '[INFO] 10.244.2.4:40111 - 5 "AAAA IN github.com.corp.lan. udp 37 false 512" SERVFAIL qr,rd 37 2.0s',
    ],
    counterSamples: ['[INFO] 10.244.2.9:51000 - 1234 "A IN api.example.com. udp 33 false 512" SERVFAIL qr,rd 33 2.001s'],
  }),
  sig({
    id: 'dns.search-walk-listed',
    cause: 'dns.search-ndots',
    // A tool or a query log listing the tries of one public name down the pod's search list, each answered NXDOMAIN
    // (<name>.<ns>.svc.cluster.local, then <name>.cluster.local): the resolver walked the search list first because the
    // name has fewer dots than ndots. Only names ending in a public suffix: a Service name walks the same list to resolve.
    re: /\b([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|dev|app|de|uk|fr|nl|eu|ru|cn|jp|co|me|cloud|sh))\.(?:[\w-]+\.)?svc\.cluster\.local\.?["\s:,|]+nxdomain[\s\S]{0,400}?\b\1\.cluster\.local\.?["\s:,|]+nxdomain/,
    anchors: ['nxdomain'],
    also: ['.svc.cluster.local'],
    confidence: 0.8,
    specificity: 88,
    alternatives: ['dns.upstream'],
    check: 'cat /etc/resolv.conf in the pod (search list, options ndots:5): the public name is tried with every search domain before itself; ask it with a trailing dot, or set the workload\'s dnsConfig options ndots: 2 — if the bare name then fails too, look at the upstream',
    source: 'resolv.conf(5) search and ndots; kubelet pod resolv.conf (search <ns>.svc.cluster.local svc.cluster.local cluster.local; options ndots:5)',
    samples: [
      'app.example.com.monitoring.svc.cluster.local   NXDOMAIN\napp.example.com.svc.cluster.local   NXDOMAIN\napp.example.com.cluster.local   NXDOMAIN\napp.example.com',
      'query app.example.org.default.svc.cluster.local: NXDOMAIN, query app.example.org.cluster.local: NXDOMAIN',
    ],
    counterSamples: ['web-0.nginx.default.svc.cluster.local   NXDOMAIN\nweb-0.nginx.cluster.local   NXDOMAIN'],
  }),
];
