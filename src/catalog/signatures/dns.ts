import type { Signature } from '../types.js';
import { withoutPull } from './context.js';
import { sig } from './define.js';

/** Cluster and node DNS: CoreDNS plugin logs, kubelet DNSConfigForming, lookups from pods (facts §9). */
export const DNS_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.coredns-loop',
    cause: 'dns.loop',
    // CoreDNS 1.2.x (the loop plugin's first releases) logged "Forwarding loop detected in %q zone. Exiting. …".
    re: /plugin\/loop: loop \([^)]*\) detected for zone|loop detected for zone|more than twice, loop detected|forwarding loop detected in \\?"[^"\\]*\\?" zone/,
    anchors: ['loop detected', 'detected for zone'],
    confidence: 0.97,
    specificity: 95,
    alternatives: ['dns.node-resolver'],
    source: 'facts §9 (loop plugin)',
    samples: [
      '[FATAL] plugin/loop: Loop (127.0.0.1:55953 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 4547991504243258144.3688648895315093531."',
      '[FATAL] plugin/loop: Seen "HINFO IN 7533785439217327289.9089843233484416386." more than twice, loop detected',
      '[FATAL] plugin/loop: Forwarding loop detected in "cluster.local." zone. Exiting. See https://coredns.io/plugins/loop#troubleshooting. Probe query: "HINFO 1122334455.6677889900.cluster.local.".',
    ],
    counterSamples: ['[INFO] plugin/reload: Running configuration SHA512 = 591cf3'],
  }),
  sig({
    id: 'dns.coredns-upstream-error',
    check: 'the upstream after "->" in the message: dig @<upstream> example.com from the CoreDNS node; answering there but not from the pod means the pod\'s egress (masquerade, firewall)',
    cause: 'dns.upstream',
    // errors plugin: "[ERROR] plugin/errors: <rcode> <qname> <qtype>: <err>" with a network error to the upstream.
    re: /plugin\/errors: \d+ \S+ \w+: [^\n]{0,600}(i\/o timeout|unreachable backend|no healthy proxies|connection refused|network is unreachable|no route to host|connection reset|closed by peer)|plugin\/errors: \d+ \S+ \w+: (unexpected )?eof\b|no healthy proxies|plugin\/forward: [^\n]{0,600}(no healthy|unreachable|timeout)/,
    anchors: ['plugin/errors', 'no healthy proxies', 'plugin/forward'],
    confidence: 0.85,
    specificity: 92,
    // (an upstream inside the cluster — nodelocaldns forwarding to kube-dns's Service IP — times out when
    // kube-proxy does not serve that Service: dns.service-unreachable)
    alternatives: ['dns.node-resolver', 'flannel.ipmasq', 'dns.service-unreachable'],
    source: 'facts §9 (errors plugin format, forward plugin errors)',
    samples: [
      // The upstream closed the exchange without an answer (a forwarder dropping TCP, a DNS proxy's limit).
      '[ERROR] plugin/errors: 2 shop.example.com. A: EOF',
      '[ERROR] plugin/errors: 2 example.com. A: read udp 10.244.1.3:36734->10.0.2.3:53: i/o timeout',
      '2019-01-29T08:13:09.676Z [ERROR] plugin/errors: 2 api.corp.example. AAAA: unreachable backend: read udp 172.17.0.4:46620->10.116.0.2:53: i/o timeout',
      '[ERROR] plugin/errors: 2 github.com. A: no healthy proxies',
    ],
    counterSamples: ['[INFO] 10.244.0.1:53012 - 12345 "A IN github.com. udp 28 false 512" NOERROR qr,rd,ra 52 0.01s'],
  }),
  sig({
    id: 'dns.coredns-cannot-reach-api',
    check: 'kubectl -n kube-system get endpoints kubernetes and, from the CoreDNS node, curl -k https://<kubernetes Service IP>/version: forbidden means the coredns ClusterRole; a timeout means kube-proxy, br_netfilter or the pod network',
    cause: 'dns.coredns-down',
    re: /system:serviceaccount:[\w-]+:coredns\\?" cannot|plugin\/ready: still waiting on: \\?"kubernetes|starting server with unsynced kubernetes api|kubernetes api connection failure|plugin\/kubernetes: [^\n]{0,600}(failed to list|failed to watch)/,
    anchors: [':coredns', 'still waiting on', 'unsynced kubernetes api', 'api connection failure', 'plugin/kubernetes'],
    confidence: 0.75,
    specificity: 88,
    // A host firewall's REJECT (firewalld answers icmp-host-prohibited) reads "no route to host" at the client.
    alternatives: ['dns.service-unreachable', 'node.br-netfilter', 'node.firewall'],
    source: 'facts §9 (CoreDNS readiness needs the kubernetes plugin synced)',
    samples: [
      'E0626 13:16:51.649661       1 reflector.go:134] Failed to list *v1.Endpoints: endpoints is forbidden: User "system:serviceaccount:kube-system:coredns" cannot list resource "endpoints" in API group "" at the cluster scope',
      '[INFO] plugin/ready: Still waiting on: "kubernetes"',
      '[ERROR] plugin/kubernetes: pkg/mod/k8s.io/client-go@v0.27.4/tools/cache/reflector.go:231: Failed to watch *v1.Namespace: failed to list *v1.Namespace: Get "https://10.96.0.1:443/api/v1/namespaces?limit=500&resourceVersion=0": dial tcp 10.96.0.1:443: i/o timeout',
    ],
    counterSamples: ['[INFO] plugin/reload: Running configuration SHA512 = 591cf3'],
  }),
  sig({
    id: 'dns.coredns-configmap-key-missing',
    cause: 'dns.coredns-down',
    // The CoreDNS pod mounts keys of its ConfigMap (Corefile; NodeHosts on k3s); a key the volume names but the
    // ConfigMap lacks leaves the pod in ContainerCreating: no CoreDNS.
    re: /coredns[^\n]{0,400}configmap references non-existent config key|configmap references non-existent config key: (nodehosts|corefile)\b/,
    anchors: ['configmap references non-existent config key'],
    confidence: 0.85,
    specificity: 92,
    check: 'kubectl -n kube-system get configmap coredns -o yaml: the key the volume names (Corefile, and NodeHosts on k3s) must be there — restore it (k3s rewrites its own coredns ConfigMap at start; an edited copy that dropped NodeHosts needs the key back)',
    source: 'kubelet configmap volume ("configmap references non-existent config key: <key>")',
    samples: ['MountVolume.SetUp failed for volume "config-volume" pod "coredns-d798c9dd-dtjnm" (UID: "5e") : configmap references non-existent config key: NodeHosts', 'configmap references non-existent config key: Corefile'],
    counterSamples: ['MountVolume.SetUp failed for volume "cfg" pod "web-0" : configmap references non-existent config key: app.yaml'],
  }),
  sig({
    id: 'dns.coredns-pod-failing',
    check: 'kubectl -n kube-system logs <coredns pod> --previous: a plugin/loop FATAL means a forwarding loop; Pending or ContainerCreating means the pod network (CNI) on its node',
    cause: 'dns.coredns-down',
    re: /coredns-[\w-]+[^\n]{0,120}(crashloopbackoff|pending|containercreating|oomkilled|back-off restarting|\s0\/1\s+running\b)|back-off restarting failed container coredns/,
    anchors: ['coredns-', 'container coredns'],
    confidence: 0.7,
    specificity: 60,
    alternatives: ['dns.loop', 'cni.config-missing'],
    source: 'facts §9 (CoreDNS deployment)',
    samples: [
      'kube-system   coredns-5d78c9869d-4xk2p   0/1   CrashLoopBackOff   7 (2m ago)   15m',
      'Back-off restarting failed container coredns in pod coredns-76f75df574-abcde_kube-system(9d1e)',
      'kube-system   coredns-7db6d8ff4d-9zq8w   0/1     Running   0          12m',
    ],
    counterSamples: ['kube-system   coredns-5d78c9869d-4xk2p   1/1   Running   0   15m'],
  }),
  sig({
    id: 'dns.cluster-dns-timeout',
    check: 'from the same pod: dig @<a CoreDNS pod IP> kubernetes.default.svc.cluster.local — an answer there means the Service IP path is broken (kube-proxy, br_netfilter); no answer means CoreDNS or the pod network between the nodes',
    cause: 'dns.service-unreachable',
    re: /lookup [^\s:"\\]+ on (10|172|192|100)\.\d+\.\d+\.10:53: [^\n]{0,600}(i\/o timeout|connection refused|no route to host|network is unreachable)|lookup [^\s:"\\]*\.svc(\.cluster\.local)?\.? on [\d.]+:53: [^\n]{0,600}(i\/o timeout|connection refused|no route to host)/,
    anchors: ['.10:53', '.svc'],
    confidence: 0.6,
    specificity: 91,
    alternatives: ['dns.coredns-down', 'flannel.checksum-offload', 'node.br-netfilter', 'flannel.vxlan-blocked'],
    source: 'facts §9 (DNS Service = 10th address of the Service CIDR; checksum bug hits Service IPs)',
    samples: [
      'dial tcp: lookup kubernetes.default.svc.cluster.local on 10.96.0.10:53: read udp 10.244.1.5:38211->10.96.0.10:53: i/o timeout',
      'Get "http://api.shop.svc:8080/health": dial tcp: lookup api.shop.svc on 10.43.0.10:53: read udp 10.42.1.9:51000->10.43.0.10:53: i/o timeout',
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
    id: 'dns.no-nameservers',
    check: 'the resolv.conf CoreDNS forwards to (kubelet --resolv-conf on the CoreDNS node) or the forward line of the Corefile: it must name at least one reachable nameserver',
    cause: 'dns.node-resolver',
    re: /no nameservers found|plugin\/forward: no forwarder defined/,
    anchors: ['no nameservers found', 'no forwarder defined'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['dns.upstream'],
    source: 'facts §9 (CoreDNS forwards to the node resolv.conf; forward plugin errors)',
    samples: ['plugin/forward: no nameservers found', '[ERROR] plugin/errors: 2 example.org. A: plugin/forward: no forwarder defined'],
    counterSamples: ['nameserver 10.0.0.2'],
  }),
  sig({
    id: 'dns.no-servers-reached',
    cause: 'dns.service-unreachable',
    // A timeout, not an answer: no server replied at all.
    re: /connection timed out; no servers could be reached/,
    anchors: ['no servers could be reached'],
    confidence: 0.4,
    specificity: 60,
    alternatives: ['dns.coredns-down', 'flannel.checksum-offload', 'flannel.vxlan-blocked', 'node.br-netfilter'],
    check: 'from the same pod: dig @<a CoreDNS pod IP> kubernetes.default.svc.cluster.local — an answer there means the Service IP path is broken (kube-proxy, br_netfilter, VXLAN to the CoreDNS node); no answer means CoreDNS itself or the pod network',
    source: 'facts §9, §10.3 (DNS from pods to the Service IP fails across nodes)',
    samples: [';; connection timed out; no servers could be reached', 'nslookup: read: Connection refused\n;; connection timed out; no servers could be reached'],
    counterSamples: ['Server: 10.96.0.10 Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local', "nslookup: can't resolve 'kubernetes.default'"],
  }),
  sig({
    id: 'dns.nameserver-limits',
    cause: 'dns.node-resolver',
    re: /nameserver limits (were )?exceeded|search line limits (were )?exceeded|dnsconfigforming/,
    anchors: ['limits were exceeded', 'limits exceeded', 'dnsconfigforming'],
    confidence: 0.9,
    specificity: 95,
    alternatives: ['dns.search-ndots'],
    source: 'facts §9 (kubelet DNSConfigForming: max 3 nameservers)',
    samples: [
      'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.0.128.6 10.0.128.12 10.0.128.11',
      'Warning  DNSConfigForming  3m (x120 over 1h)  kubelet  Search Line limits were exceeded, some search paths have been omitted, the applied search line is: default.svc.cluster.local svc.cluster.local cluster.local corp.example lab.example',
    ],
    counterSamples: ['nameserver 10.96.0.10'],
  }),
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
    id: 'dns.coredns-upstream-read-timeout',
    cause: 'dns.upstream',
    // A DNS server's own read from its upstream timing out, where the line names CoreDNS (or a DNS forwarder)
    // without the errors plugin's prefix: "read udp <pod>-><upstream>:53: i/o timeout".
    // Not a read from the same host (127.x, ::1): that is a sidecar asking its local server (kube-dns's metrics).
    re: /(coredns|dns)[^\n]{0,200}read udp [\w.:[\]-]+->(?!127\.|\[::1\])[\w.:[\]-]+:53: i\/o timeout/,
    anchors: ['i/o timeout'],
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
    cause: 'dns.upstream',
    // The query name is a search-list expansion of a name that already held a namespace or "svc" part
    // (<name>.<ns>.svc.<ns>.svc.cluster.local): the client's ndots made it try the search list first, and
    // CoreDNS sent the expanded names upstream, where they time out.
    re: /plugin\/errors: \d+ [\w-]+(\.[\w-]+)*\.svc\.[\w-]+\.svc\.cluster\.local\. \w+: [^\n]{0,300}(i\/o timeout|unreachable backend|no healthy)/,
    anchors: ['.svc.cluster.local.'],
    confidence: 0.7,
    specificity: 93,
    alternatives: ['dns.search-ndots', 'dns.node-resolver', 'flannel.ipmasq'],
    check: 'the query name is an expansion of the name the pod asked for: use the full name with a trailing dot, or lower ndots in the pod\'s dnsConfig (options ndots:2) so that the search list is not tried first; then the upstream after "->" for the names it does forward',
    source: 'CoreDNS errors plugin format; resolv.conf search list and ndots (facts §9)',
    samples: ['[ERROR] plugin/errors: 2 es.mon.svc.mon.svc.cluster.local. AAAA: dial tcp 10.7.50.70:53: i/o timeout', '[ERROR] plugin/errors: 2 db.shop.svc.shop.svc.cluster.local. A: read udp 10.244.0.9:40100->10.0.0.2:53: i/o timeout'],
    counterSamples: ['[ERROR] plugin/errors: 2 example.com. A: read udp 10.244.1.3:36734->10.0.2.3:53: i/o timeout'],
  }),
  sig({
    id: 'dns.client-lookup-failed',
    cause: 'unknown',
    // A program's own resolver failing (libc getaddrinfo, Node.js, Python, Java, curl) with no image pull around
    // it: the name did not resolve where that program runs — in a pod the cluster DNS path, on a node its resolver.
    re: /temporary failure in name resolution|could not resolve host|name or service not known|getaddrinfo (enotfound|eai_again)|no address associated with hostname|unknownhostexception/,
    anchors: ['name resolution', 'could not resolve host', 'name or service not known', 'getaddrinfo', 'no address associated', 'unknownhostexception'],
    confidence: 0.4,
    specificity: 84,
    alternatives: ['dns.coredns-down', 'dns.service-unreachable', 'dns.upstream', 'dns.search-ndots', 'dns.node-resolver'],
    check: 'where does the program run? in a pod: kubectl exec <pod> -- nslookup <name> and kubectl -n kube-system logs -l k8s-app=kube-dns (a cluster name needs its namespace or full .svc.cluster.local form; an outside name needs the upstream); on a node: getent hosts <name> and /etc/resolv.conf',
    source: 'libc getaddrinfo (EAI_AGAIN "Temporary failure in name resolution", EAI_NONAME "Name or service not known"); facts §9',
    samples: ['Error: getaddrinfo EAI_AGAIN api.example.com', "java.net.UnknownHostException: zk-0.zk.kafka.svc: Name or service not known"],
    counterSamples: ['Resolved host api.example.com to 10.0.0.5'],
  }),
  sig({
    id: 'dns.service-ip-refused',
    cause: 'dns.coredns-down',
    // The cluster DNS Service (x.x.0.10:53) refusing a connection: kube-proxy has no endpoint to send it to
    // (rejects it), so no CoreDNS pod is Ready behind the Service.
    re: /dial (tcp|udp) (10|172|192|100)\.\d+\.\d+\.10:53: (connect: )?connection refused/,
    anchors: ['.10:53: connect: connection refused', '.10:53: connection refused'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['dns.service-unreachable'],
    check: 'kubectl -n kube-system get endpoints kube-dns (an empty list means no Ready CoreDNS pod: kubectl -n kube-system get pods -l k8s-app=kube-dns) and, from the node, the Service rules (iptables-save | grep 10.96.0.10)',
    source: 'kube-proxy rejects Service traffic without endpoints (icmp port-unreachable / TCP RST); facts §9',
    samples: ['dial tcp 10.96.0.10:53: connect: connection refused', 'read udp 10.244.1.5:40000->10.43.0.10:53: dial udp 10.43.0.10:53: connection refused'],
    counterSamples: ['dial tcp 10.96.0.1:443: connect: connection refused'],
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
    id: 'dns.coredns-setup-error',
    cause: 'dns.coredns-down',
    // CoreDNS parses the Corefile at start and exits on a plugin's setup error (a forward target that is neither
    // an address nor a file inside its container, an unknown directive): the pods crash-loop, nothing answers.
    // A plugin refusing its own arguments ("invalid value for …", "unknown property", a wrong argument count) is the same
    // setup error, worded by the plugin.
    re: /plugin\/forward: not an ip address or file|plugin\/[\w-]+: (setup error|invalid value for|unknown property|wrong argument count)|unknown directive '[\w-]+'|error parsing corefile|corefile:\d+ - error during parsing|this plugin can only be used once per server block|syntax error: unexpected token '[^'\n]*', expecting '[^'\n]*'/,
    anchors: ['not an ip address or file', 'setup error', 'invalid value for', 'unknown property', 'wrong argument count', 'unknown directive', 'error parsing corefile', 'error during parsing', 'can only be used once per', 'unexpected token'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['dns.upstream'],
    check: 'kubectl -n kube-system get configmap coredns -o yaml: the line the error names — a forward target must be an address or a file that exists inside the CoreDNS container (a host path like /run/systemd/resolve/resolv.conf needs a mount), a directive must be a plugin this build has',
    source: 'CoreDNS Corefile parsing and plugin setup (forward: "not an IP address or file")',
    samples: ['[BUG] plugin/forward: not an IP address or file: "/run/systemd/resolve/resolv.conf"', "plugin/forward: not an IP address or file: \"/etc/resolv.conf.upstream\"", "/etc/coredns/Corefile:12 - Error during parsing: Unknown directive 'proxy'", 'plugin/cache: invalid value for prefetch percentage: 200%', 'plugin/kubernetes: this plugin can only be used once per Server Block', "Syntax error: Unexpected token 'stacktrace', expecting 'consolidate'"],
    counterSamples: ['[INFO] plugin/reload: Running configuration SHA512 = 591cf3'],
  }),
  sig({
    id: 'dns.coredns-bind-53',
    cause: 'dns.coredns-down',
    // CoreDNS (dnsserver) cannot open its listener: another DNS server holds port 53 (hostNetwork), or the binary lost NET_BIND_SERVICE.
    // CoreDNS's default listener has no host part ("listen tcp :53"); an address there comes from the bind
    // plugin, as node-local DNS caches use, and is judged by dns.dns-bind-53-address below.
    re: /listen (tcp|udp)[46]? :53: bind: (address already in use|permission denied)|listen (tcp|udp)[46]? [\w.\[\]:]*:53: bind: permission denied/,
    anchors: [':53: bind: '],
    confidence: 0.85,
    specificity: 94,
    check: '"address already in use": CoreDNS shares the node\'s network (hostNetwork or a local install) with another DNS server — ss -lunp \'sport = :53\' on the node; "permission denied": the CoreDNS process lacks CAP_NET_BIND_SERVICE (securityContext capabilities, or file capabilities lost when the image or containerd root was copied)',
    source: 'CoreDNS server start-up (core/dnsserver: net.Listen / ListenPacket on the zone port)',
    samples: ['Listen: listen tcp :53: bind: permission denied', 'ListenPacket: listen udp :53: bind: address already in use'],
    counterSamples: ['[ERROR] Failed to start metrics handler: listen tcp 127.0.0.1:9153: bind: address already in use', 'Listen: listen tcp 0.0.0.0:53: bind: address already in use'],
  }),
  sig({
    id: 'dns.short-name-timeout',
    cause: 'dns.service-unreachable',
    // A name without a dot is a Service of the caller's namespace, resolved through the pod's search list
    // by the cluster DNS Service; a registry or a public host always has dots. A timeout there is the
    // path to the DNS Service (or CoreDNS behind it), not a registry's DNS. Pulls are judged elsewhere:
    // the node, not the pod, resolves an image's registry.
    re: /^(?![\s\S]*(pull|\/v2\/|registry|manifests|proxyconnect))[\s\S]*\blookup (?!localhost\b)[a-z0-9][a-z0-9-]*(?: on [\w.:[\]%-]+)?: (i\/o timeout|server misbehaving)/,
    anchors: ['lookup '],
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
    id: 'dns.short-name-nxdomain',
    cause: 'unknown',
    // NXDOMAIN for a Service-style short name outside a pull: DNS answered; the Service is missing, in
    // another namespace, or the caller does not resolve through the cluster DNS at all.
    re: /^(?![\s\S]*(pull|\/v2\/|registry|manifests|proxyconnect|error dialing backend|:10250\/))[\s\S]*\blookup (?!localhost\b)[a-z0-9][a-z0-9-]*(?: on [\w.:[\]%-]+)?: no ?such host/,
    anchors: ['lookup '],
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
    id: 'dns.resolver-unreachable',
    cause: 'dns.node-resolver',
    // A resolver (the host's DNS cache, a stub, CoreDNS's upstream) cannot even send to the nameserver it
    // is configured with: no route to that address. The nameserver list is wrong or its network is gone.
    re: /dial udp [\d.]+:53: connect: (network is unreachable|no route to host)/,
    anchors: [':53: connect: network is unreachable', ':53: connect: no route to host'],
    confidence: 0.6,
    specificity: 60,
    alternatives: ['dns.upstream', 'registry.dns'],
    check: 'the nameserver it names against the host\'s routes: ip route get <nameserver> on the node, and where it is configured (/etc/resolv.conf, the DHCP lease, Talos machine.network.nameservers, CoreDNS forward): a typo or a network the node left; CoreDNS forwarding to it makes this dns.upstream',
    source: 'Go net: connect(2) to the nameserver failing with ENETUNREACH / EHOSTUNREACH',
    samples: [
      'error serving dns request {"component": "dns-resolve-cache", "error": "dial udp 192.16.1.42:53: connect: network is unreachable"}',
      'read udp: dial udp 10.0.0.2:53: connect: no route to host',
    ],
    counterSamples: ['dial tcp 10.0.0.2:443: connect: network is unreachable'],
  }),
  sig({
    id: 'dns.ansible-host-lookup',
    cause: 'dns.node-resolver',
    // An Ansible task failing on a host ("fatal: [node]: FAILED!") ran on that machine, not in a pod: a
    // name it cannot resolve is the machine's own resolver (its resolv.conf, systemd-resolved, DHCP).
    re: /fatal: \[[^\]\n]+\]: failed![\s\S]{0,800}(temporary failure in name resolution|name or service not known|could not resolve host|nodename nor servname provided)/,
    anchors: ['fatal: ['],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['registry.proxy'],
    check: 'on that host: cat /etc/resolv.conf and getent hosts <name> (resolvectl status where systemd-resolved runs); a network that reaches the internet only through a proxy resolves no public name either — the task then needs proxy settings',
    source: 'Ansible task failures (fatal: [host]: FAILED!) wrapping getaddrinfo errors (EAI_AGAIN, EAI_NONAME)',
    samples: [
      "fatal: [kube2]: FAILED! => changed=false\n  msg: 'Failed to connect to packages.cloud.google.com at port 443: [Errno -3] Temporary failure in name resolution'",
      'fatal: [node1]: FAILED! => {"changed": false, "msg": "Failed to download key at https://download.docker.com/linux/ubuntu/gpg: Request failed: <urlopen error [Errno -2] Name or service not known>"}',
    ],
    counterSamples: ['fatal: [node1]: FAILED! => {"changed": false, "msg": "No package matching \'kubeadm\' is available"}'],
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
    id: 'dns.coredns-forwards-to-itself',
    cause: 'dns.loop',
    // The upstream CoreDNS times out on is the cluster DNS Service itself (the 10th Service address): it forwards to itself.
    // Not the loop plugin's own probe (HINFO <random>.<random>.): a loop returns that query and is reported as
    // one ("Loop … detected"); its timing out means the upstream did not answer it.
    re: /(unreachable backend|plugin\/errors: \d+ [\w.-]+ (?!hinfo\b)\w+|\[error\] \d+ [\w.-]+\. (?!hinfo\b)[a-z]+): [^\n]{0,200}->(10|172|192|100)\.\d+\.\d+\.10:53: i\/o timeout/,
    anchors: ['.10:53: i/o timeout'],
    confidence: 0.6,
    specificity: 94,
    alternatives: ['dns.upstream', 'dns.service-unreachable'],
    check: 'cat /etc/resolv.conf on the CoreDNS node (or the file the kubelet\'s --resolv-conf names): a nameserver equal to the cluster DNS Service IP makes CoreDNS forward queries to itself',
    source: 'CoreDNS loop plugin troubleshooting (facts §9: forward . /etc/resolv.conf takes the node resolver)',
    samples: [
      '2019/03/04 10:00:00 [ERROR] 2 www.example.com. A: unreachable backend: read udp 10.244.1.12:40001->10.96.0.10:53: i/o timeout',
      '[ERROR] plugin/errors: 2 example.org. AAAA: read udp 10.42.0.5:39999->10.43.0.10:53: i/o timeout',
    ],
    counterSamples: ['[ERROR] plugin/errors: 2 example.org. AAAA: read udp 10.42.0.5:39999->192.168.1.1:53: i/o timeout'],
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
    id: 'dns.apiserver-lookup-node-name',
    cause: 'dns.node-resolver',
    // kubectl logs/exec/port-forward: the API server dials the kubelet by node name and resolves it with the control-plane host resolver.
    re: /(error dialing backend|error upgrading connection|:10250\/|error from server)[^\n]{0,300}\blookup [^\s:"\\]+( on \S+)?: /,
    anchors: ['error dialing backend', 'error upgrading connection', ':10250/', 'error from server'],
    confidence: 0.9,
    specificity: 96,
    alternatives: ['dns.upstream'],
    check: 'kubectl get node <name> -o wide: the API server reaches kubelets by --kubelet-preferred-address-types (put InternalIP first), or the node names must resolve on the control-plane hosts (/etc/hosts or DNS)',
    source: 'API server → kubelet connection for logs/exec (pkg/kubelet/client: node address by preferred type)',
    samples: [
      'Error from server: error dialing backend: dial tcp: lookup node-b7 on 10.20.0.2:53: no such host',
      'Error from server: Get "https://gpu-01:10250/containerLogs/ml/train-0/main": dial tcp: lookup gpu-01: Temporary failure in name resolution',
    ],
    counterSamples: ['Unable to connect to the server: dial tcp: lookup api.k8s.example on 127.0.0.53:53: no such host'],
  }),
  sig({
    id: 'dns.node-lookup-cluster-name',
    cause: 'dns.node-resolver',
    // A *.svc / cluster.local name resolved by a host process (kubelet/containerd pulling an image): the host resolver does not know cluster names.
    // "Try again" is musl's (k3s, Alpine-based runtimes) wording of EAI_AGAIN, glibc's "Temporary failure in name resolution".
    // The resolver is not the cluster DNS Service (an address ending in .10 is left to ambiguous.cluster-name-nxdomain).
    re: /lookup [\w.-]*\.(svc|cluster\.local)\.?( on (\[[\w:.%]+\]|\d+\.\d+\.\d+\.(\d|[02-9]\d|1[1-9]|\d\d\d)|[a-z][\w.-]*):\d+)?: (no such host|server misbehaving|temporary failure in name resolution|try again)/,
    anchors: ['.svc: ', '.svc on ', '.svc.: ', '.svc. on ', '.cluster.local: ', '.cluster.local on ', '.cluster.local.: ', '.cluster.local. on '],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['dns.coredns-down'],
    check: 'where does the lookup run? image pulls (kubelet, containerd) and node processes use the host /etc/resolv.conf, not CoreDNS, so *.svc names do not resolve there: pull by a name or address the node resolves (a node/ingress address, or an /etc/hosts entry)',
    source: 'facts §9 (image pulls use the node resolver, not CoreDNS)',
    samples: [
      'failed to do request: Head "https://registry.tools.svc.cluster.local:5000/v2/app/manifests/1": dial tcp: lookup registry.tools.svc.cluster.local: no such host',
      'Get "http://nexus.ci.svc:8081/v2/": dial tcp: lookup nexus.ci.svc on 192.168.5.1:53: no such host',
      'failed to do request: Head "https://harbor.infra.svc.cluster.local/v2/base/alpine/manifests/3.20": dial tcp: lookup harbor.infra.svc.cluster.local: Try again',
    ],
    counterSamples: ['dial tcp: lookup nexus.ci.svc on 10.96.0.10:53: no such host'],
  }),
  sig({
    id: 'dns.node-lookup-service-name',
    cause: 'dns.node-resolver',
    // <service>.<namespace> of a well-known namespace (a registry run as a Service, pulled as
    // registry.kube-system:5000/...): only cluster DNS expands it; the node resolver kubelet and the
    // runtime use does not. Arbitrary two-label names stay with registry.dns.
    re: /lookup [\w-]+\.(kube-system|kube-public|kube-flannel|default)\.?( on (\[[\w:.%]+\]|\d+\.\d+\.\d+\.(\d|[02-9]\d|1[1-9]|\d\d\d)|[a-z][\w.-]*):\d+)?: (no such host|server misbehaving|temporary failure in name resolution|try again)/,
    anchors: ['.kube-system', '.kube-public', '.kube-flannel', '.default'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['registry.dns'],
    check: 'the name is a Service name (<service>.<namespace>): image pulls resolve it with the node\'s /etc/resolv.conf, which does not know cluster names — pull by an address or name the node resolves (NodePort, ingress, an /etc/hosts entry)',
    source: 'facts §9 (image pulls use the node resolver, not CoreDNS)',
    samples: [
      'Get http://registry.kube-system/v2/: dial tcp: lookup registry.kube-system on 192.168.64.1:53: no such host',
      'failed to do request: Head "https://harbor.default:443/v2/app/manifests/1": dial tcp: lookup harbor.default: no such host',
    ],
    counterSamples: ['dial tcp: lookup registry.kube-system on 10.96.0.10:53: no such host', 'dial tcp: lookup registry.example.org: no such host'],
  }),
  sig({
    id: 'dns.resolv-conf-loopback',
    cause: 'dns.loop',
    // A resolv.conf whose nameserver is a loopback address (systemd-resolved's 127.0.0.53, a local
    // dnsmasq): if it is the file CoreDNS forwards to, CoreDNS sends queries back to itself.
    re: /\bnameserver\s+(127\.\d+\.\d+\.\d+|::1)(?![\w.:])/,
    anchors: ['nameserver 127.', 'nameserver ::1'],
    confidence: 0.45,
    specificity: 70,
    alternatives: ['dns.node-resolver'],
    check: 'which resolv.conf does the kubelet hand to CoreDNS (kubelet --resolv-conf / resolvConf in its config)? if it is this one, point it at /run/systemd/resolve/resolv.conf (the real upstreams) and restart the CoreDNS pods; CoreDNS logs "plugin/loop: Loop ... detected" when it loops',
    source: 'CoreDNS loop plugin troubleshooting; facts §9 (forward . /etc/resolv.conf takes the node resolver)',
    samples: ['$ cat /etc/resolv.conf\nnameserver 127.0.0.53\noptions edns0 trust-ad', '# grep nameserver /etc/resolv.conf\nnameserver 127.0.0.53'],
    counterSamples: ['nameserver 10.96.0.10\nsearch default.svc.cluster.local'],
  }),
  sig({
    id: 'dns.node-stub-cluster-name',
    cause: 'dns.node-resolver',
    // nslookup run on a node: the server is the host stub resolver (127.0.0.x), which knows no cluster names.
    re: /server:\s+127\.0\.0\.\d+\b[\s\S]{0,200}can't find (kubernetes(\.default)?|[\w-]+\.[\w-]+\.svc[\w.]*|[\w.-]+\.cluster\.local)\b/,
    anchors: ["can't find"],
    confidence: 0.8,
    specificity: 94,
    alternatives: ['dns.coredns-down'],
    check: 'run the lookup inside a pod (kubectl run -it --rm dnsutils --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 -- nslookup kubernetes.default): 127.0.0.x is the node\'s own resolver, which does not serve cluster names',
    source: 'facts §9 (pods use the cluster DNS Service; nodes use their own resolver)',
    samples: [
      "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find kubernetes.default.svc.cluster.local: NXDOMAIN",
      "Server: 127.0.0.1\nAddress: 127.0.0.1#53\n** server can't find web.shop.svc: SERVFAIL",
    ],
    counterSamples: ["Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find kubernetes.default: NXDOMAIN"],
  }),
  sig({
    id: 'dns.nslookup-servfail',
    cause: 'dns.upstream',
    // SERVFAIL is the DNS server saying it could not get an answer (for CoreDNS: its forward failed).
    re: /server can't find [^\s:]+: servfail/,
    anchors: [': servfail'],
    confidence: 0.6,
    specificity: 80,
    // A name the search list expanded (<name>.<host's search domain>) goes upstream and fails there too.
    alternatives: ['dns.loop', 'dns.coredns-down', 'dns.search-ndots'],
    check: 'kubectl -n kube-system logs deploy/coredns | grep -i error: the upstream error behind the SERVFAIL; a search suffix in the name (…svc.cluster.local, …internal) only shows which try failed last',
    source: 'facts §9 (SERVFAIL from CoreDNS: its forward to the upstream failed)',
    samples: ["** server can't find api.corp.internal: SERVFAIL", "** server can't find github.com: SERVFAIL"],
    counterSamples: ["** server can't find kubernetes.default: NXDOMAIN"],
  }),
  sig({
    // The kubelet builds every pod's resolv.conf from its own resolvConf file (KubeletConfiguration
    // resolvConf / --resolv-conf; kubeadm points it at /run/systemd/resolve/resolv.conf where
    // systemd-resolved runs): when that file is missing, no sandbox can be created on the node.
    id: 'dns.kubelet-resolv-conf-missing',
    cause: 'dns.node-resolver',
    re: /open (\/run\/systemd\/resolve\/resolv\.conf|\/etc\/resolv\.conf|\/run\/resolvconf\/resolv\.conf): no such file or directory/,
    anchors: ['resolv.conf: no such file or directory'],
    confidence: 0.9,
    specificity: 90,
    check: 'the resolvConf the kubelet is given (grep -i resolv /var/lib/kubelet/config.yaml, or --resolv-conf) must exist on the node: point it at a file that does (/etc/resolv.conf where systemd-resolved is not running) or start systemd-resolved, then restart the kubelet',
    source: 'kubelet pod DNS configurer (reads its resolvConf file for every sandbox); kubeadm sets /run/systemd/resolve/resolv.conf when systemd-resolved is active',
    samples: [
      'Warning  FailedCreatePodSandBox  3m (x20 over 8m)  kubelet  Failed to create pod sandbox: open /run/systemd/resolve/resolv.conf: no such file or directory',
      'E0307 11:02:13.120004    1710 kuberuntime_sandbox.go:45] "Failed to generate sandbox config for pod" err="open /etc/resolv.conf: no such file or directory" pod="default/web-0"',
    ],
    counterSamples: ['open /run/flannel/subnet.env: no such file or directory', 'cat: /etc/resolv.conf.bak: No such file or directory'],
  }),
  sig({
    // The API server's service proxy answers "no endpoints available for service" when the Service has
    // no ready endpoint; for the cluster DNS Service that is no CoreDNS pod Ready.
    id: 'dns.service-no-endpoints',
    cause: 'dns.coredns-down',
    re: /no endpoints available for service \\?"?(kube-system\/)?(kube-dns|coredns)\b/,
    anchors: ['no endpoints available for service'],
    confidence: 0.9,
    specificity: 92,
    check: 'kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide and kubectl -n kube-system get endpointslices -l kubernetes.io/service-name=kube-dns: no Ready CoreDNS pod (Pending without a pod network, CrashLoopBackOff, failing readiness) leaves the Service without endpoints',
    source: 'kube-apiserver service proxy (ServiceUnavailable: no endpoints available for service)',
    samples: [
      'Error from server (ServiceUnavailable): no endpoints available for service "kube-dns"',
      '{"kind":"Status","status":"Failure","message":"no endpoints available for service \\"coredns\\"","reason":"ServiceUnavailable","code":503}',
    ],
    counterSamples: ['Error from server (ServiceUnavailable): no endpoints available for service "metrics-server"'],
  }),
  sig({
    id: 'dns.kube-dns-no-endpoints',
    cause: 'dns.coredns-down',
    // kube-proxy (iptables mode) installs a REJECT for a Service without ready endpoints, commented
    // "<ns>/<svc>:<port> has no endpoints"; its log says the same. For kube-dns that is CoreDNS not ready.
    re: /kube-system\/(kube-?dns|coredns):dns(-tcp)? has no endpoints/,
    anchors: ['has no endpoints'],
    confidence: 0.9,
    specificity: 90,
    source: 'kube-proxy iptables proxier (REJECT rule comment "%s has no endpoints")',
    samples: [
      '    0     0 REJECT     udp  --  any    any     anywhere             10.96.0.10  /* kube-system/kube-dns:dns has no endpoints */ udp dpt:domain reject-with icmp-port-unreachable',
      '-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp has no endpoints" -m tcp --dport 53 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-SERVICES -d 10.233.0.3/32 -p udp -m comment --comment "kube-system/kubedns:dns has no endpoints" -m udp --dport 53 -j REJECT',
    ],
    counterSamples: ['/* default/web:http has no endpoints */ tcp dpt:http reject-with icmp-port-unreachable'],
  }),

  sig({
    id: 'dns.coredns-rbac-forbidden',
    cause: 'dns.coredns-down',
    // CoreDNS's kubernetes plugin lists and watches Services, EndpointSlices, Namespaces (and Pods): forbidden,
    // it never syncs, its readiness never passes, and the cluster has no DNS.
    re: /system:serviceaccount:[^"\s]*(coredns|kube-dns)[^"\s]*\\?" cannot (list|watch|get) resource \\?"(services|endpoints|endpointslices|namespaces|pods)\\?"/,
    anchors: ['coredns', 'kube-dns'],
    confidence: 0.9,
    specificity: 90,
    source: 'CoreDNS kubernetes plugin (informers on services, endpointslices, namespaces) and its ClusterRole system:coredns',
    samples: [
      'services is forbidden: User "system:serviceaccount:coredns:default" cannot list resource "services" in API group "" at the cluster scope',
      'plugin/kubernetes: pkg/mod/k8s.io/client-go/tools/cache/reflector.go:169: Failed to watch *v1.EndpointSlice: failed to list *v1.EndpointSlice: endpointslices.discovery.k8s.io is forbidden: User "system:serviceaccount:kube-system:coredns" cannot list resource "endpointslices" in API group "discovery.k8s.io" at the cluster scope',
    ],
    counterSamples: ['pods is forbidden: User "system:serviceaccount:kube-flannel:flannel" cannot list resource "pods" in API group "" at the cluster scope'],
  }),
  sig({
    id: 'dns.resolved-dnssec-failed',
    cause: 'dns.node-resolver',
    // systemd-resolved validating DNSSEC itself (DNSSEC=yes or allow-downgrade) rejects answers its upstream
    // cannot prove — a VPC or home resolver that strips signatures, a clock off — and the node's lookups fail.
    re: /dnssec validation failed( for question [^\n]{0,200}: |: )(failed-auxiliary|no-signature|missing-key|signature-expired|invalid|unsigned|incompatible-server|bogus)/,
    anchors: ['dnssec validation failed'],
    confidence: 0.85,
    specificity: 92,
    check: 'resolvectl status (DNSSEC setting per link) and resolvectl query <name>: set DNSSEC=no (or allow-downgrade) in /etc/systemd/resolved.conf when the upstream resolver does not serve DNSSEC, then systemctl restart systemd-resolved; check the clock (timedatectl) for signature-expired',
    source: 'systemd-resolved DNSSEC validation results (failed-auxiliary, no-signature, …)',
    samples: ['systemd-resolved[730]: DNSSEC validation failed for question updates.example.com IN AAAA: failed-auxiliary', 'www.example.com: resolve call failed: DNSSEC validation failed: no-signature'],
    counterSamples: ['DNSSEC validation succeeded for question example.com IN A'],
  }),
  sig({
    id: 'dns.kubeadm-hostname-unresolved',
    check: 'getent hosts $(hostname) on the node: kubeadm only warns, the node works without it; add the name to /etc/hosts or the node\'s DNS if the API server must reach the node by name (kubectl logs/exec)',
    cause: 'dns.node-resolver',
    // kubeadm preflight's Hostname check: the node's own name does not resolve with the node's resolver; k3s
    // waits at start until it does.
    re: /\[warning hostname\]: hostname "[^"\n]+"(: lookup| could not be reached)|waiting for hostname \S+ to be resolvable: lookup /,
    anchors: ['[warning hostname]', 'waiting for hostname'],
    confidence: 0.85,
    specificity: 96,
    source: 'kubeadm preflight HostnameCheck ("hostname \"%s\" could not be reached", lookup error)',
    samples: [
      '[WARNING Hostname]: hostname "k8s-node01": lookup k8s-node01 on 100.100.2.136:53: no such host',
      '[WARNING Hostname]: hostname "worker-3" could not be reached',
      'level=info msg="Waiting for hostname foobar to be resolvable: lookup foobar on 127.0.0.53:53: server misbehaving"',
    ],
    counterSamples: ['[WARNING SystemVerification]: missing optional cgroups: hugetlb'],
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
  sig({
    id: 'dns.corefile-missing',
    cause: 'dns.coredns-down',
    // CoreDNS is started with -conf <file>; a file that is not there (a ConfigMap key other than Corefile, a
    // volume mounted elsewhere) or unreadable ends the process before it serves: the pods crash-loop.
    re: /loading caddyfile via flag: open [^\n]*: (no such file or directory|permission denied)/,
    anchors: ['loading caddyfile via flag'],
    confidence: 0.9,
    specificity: 95,
    source: 'CoreDNS start-up (caddy loader: "loading Caddyfile via flag: open <file>")',
    samples: ['loading Caddyfile via flag: open /etc/coredns/Corefile: no such file or directory', 'loading Caddyfile via flag: open /etc/coredns/Corefile: permission denied'],
    counterSamples: ['[INFO] plugin/reload: Running configuration SHA512 = 1'],
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
    id: 'dns.coredns-health-self-check',
    cause: 'dns.coredns-down',
    // The health plugin requests its own endpoint every second and logs a failure: the listener the kubelet's
    // liveness probe reads is not answering, so the pod is restarted until it does (a listener that could not
    // bind, a process too busy under its CPU limit).
    // A reset from another port is something between (an HTTP proxy taken from the environment), not CoreDNS.
    re: /plugin\/health: local health request to "[^"\n]*" failed: [^\n]*(connect: connection refused|context deadline exceeded|i\/o timeout)/,
    anchors: ['local health request'],
    confidence: 0.7,
    specificity: 93,
    check: 'kubectl -n kube-system get pods -l k8s-app=kube-dns (restarts, liveness failures in describe): "connection refused" is the health listener not bound — two server blocks with health on one port, or a hostNetwork clash on :8080; a timeout is CoreDNS starved (CPU limit, throttling)',
    source: 'CoreDNS plugin/health (overloaded check: "Local health request to %q failed: %s")',
    samples: ['[WARNING] plugin/health: Local health request to "http://:8080/health" failed: Get "http://:8080/health": dial tcp :8080: connect: connection refused', '[WARNING] plugin/health: Local health request to "http://:8080/health" failed: Get "http://:8080/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'],
    counterSamples: ['[INFO] plugin/health: Going into lameduck mode for 5s', '[WARNING] plugin/health: Local health request to "http://:8080/health" failed: Get "http://:8080/health": read tcp 127.0.0.1:6367->127.0.0.1:4440: read: connection reset by peer'],
  }),
  sig({
    id: 'dns.stub-resolver-refused',
    cause: 'dns.node-resolver',
    // 127.0.0.53 is systemd-resolved's stub on a host's loopback. Refused there means no stub listens: on a
    // node, systemd-resolved is not running; in a pod (its own loopback), the pod was handed the node's stub
    // resolv.conf — the kubelet's resolvConf is /etc/resolv.conf instead of /run/systemd/resolve/resolv.conf.
    re: withoutPull(/(write|send|connect) to '?127\.0\.0\.53'?: connection refused|dial udp 127\.0\.0\.53:53: connect: connection refused|->127\.0\.0\.53:53: read: connection refused/),
    anchors: ['127.0.0.53'],
    confidence: 0.8,
    specificity: 92,
    check: 'where the lookup ran: on a node, systemctl status systemd-resolved; in a pod, cat /etc/resolv.conf there — nameserver 127.0.0.53 means the kubelet\'s resolvConf (KubeletConfiguration resolvConf, --resolv-conf) must point at /run/systemd/resolve/resolv.conf, then recreate the pod',
    source: 'systemd-resolved stub listener (127.0.0.53:53); kubelet resolvConf (facts §9)',
    samples: ["/ # nslookup google.com\nnslookup: write to '127.0.0.53': Connection refused\n;; connection timed out; no servers could be reached", 'lookup api.corp.internal on 127.0.0.53:53: read udp 127.0.0.1:40123->127.0.0.53:53: read: connection refused'],
    counterSamples: ['failed to pull image "nginx": dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: read udp 127.0.0.1:5->127.0.0.53:53: read: connection refused', 'nameserver 127.0.0.53'],
  }),
];
