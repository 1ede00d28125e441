import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * kube-proxy's own start-up and sync texts beyond the proxiers' restore failures (kube-proxy.ts): the detect-local
 * mode and its cluster CIDR, conntrack sysctls and the cleanup of stale UDP entries, the IPVS dummy device and ip
 * sets, nftables (sigs.k8s.io/knftables), the healthz server, the wait for the Node object, Services without
 * endpoints, and the two iptables backends side by side. None of these names a cause id by itself: what they break is
 * the Service data path on that node (dns.service-unreachable when the Service is kube-dns), while pod IPs still
 * answer. So they read `unknown`, with the candidates and the check that tells.
 */
export const KUBE_PROXY_SERVICE_SIGNATURES: Signature[] = [
  sig({
    id: 'kube-proxy.br-netfilter-warning',
    cause: 'unknown',
    // Older kube-proxy (pkg/proxy/iptables) warned at start whenever /proc/sys/net/bridge/bridge-nf-call-iptables was
    // absent or 0. It matters only where pods talk over a Linux bridge (flannel's cni0): then Service replies skip
    // conntrack. The corpus reads it both ways, so it names br_netfilter as the candidate and the sysctl that decides.
    re: /missing br-netfilter module or unset (sysctl )?br-nf-call-iptables/,
    anchors: ['missing br-netfilter module'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['node.br-netfilter', 'dns.service-unreachable'],
    check: 'on that node: lsmod | grep br_netfilter and sysctl net.bridge.bridge-nf-call-iptables; with the module absent or the value 0, Service traffic between pods on one cni0 bridge skips kube-proxy\'s NAT (node.br-netfilter); at 1 the warning is stale',
    source: 'kube-proxy pkg/proxy/iptables (pre-1.20 start-up check: "missing br-netfilter module or unset sysctl br-nf-call-iptables; proxy may not work as intended")',
    samples: [
      'I1018 19:08:36.597334    7584 proxier.go:215] missing br-netfilter module or unset sysctl br-nf-call-iptables; proxy may not work as intended',
      'W1206 10:00:00.000000       1 proxier.go:205] missing br-netfilter module or unset br-nf-call-iptables; proxy may not work as intended',
    ],
    counterSamples: ['net.bridge.bridge-nf-call-iptables = 1'],
  }),
  sig({
    id: 'kube-proxy.detect-local-no-cluster-cidr',
    cause: 'unknown',
    // cmd/kube-proxy server_linux.go: detect-local-mode ClusterCIDR without a cluster CIDR for the family falls back to
    // no-op: kube-proxy cannot tell pod traffic from outside traffic, so it masquerades by --masquerade-all or not at
    // all. Harmless where flannel masquerades itself; where kube-proxy's clusterCIDR should be flannel's Network, the
    // two must agree (a wrong one masquerades pod-to-Service traffic or leaves external traffic unmasqueraded).
    re: /detect-local-mode set to clustercidr, but no (ipv[46] )?cluster cidr|clustercidr not specified, unable to distinguish between internal and external traffic|defaulting to no-op detect-local/,
    anchors: ['detect-local-mode set to clustercidr', 'clustercidr not specified', 'no-op detect-local'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['flannel.network-mismatch', 'flannel.ipmasq'],
    check: "kubectl -n kube-system get cm kube-proxy -o yaml | grep -i clusterCIDR against flannel's Network (kubectl -n kube-flannel get cm kube-flannel-cfg -o jsonpath='{.data.net-conf\\.json}') and the controller-manager's --cluster-cidr: all three should name the same range; empty only matters when Service traffic from outside the node is masqueraded wrongly",
    source: 'kubernetes cmd/kube-proxy/app/server_linux.go ("Detect-local-mode set to ClusterCIDR, but no cluster CIDR specified for primary IP family", "Defaulting to no-op detect-local"); pre-1.20 proxier.go ("clusterCIDR not specified, unable to distinguish between internal and external traffic")',
    samples: [
      'I1206 10:35:25.417406       1 server_linux.go:312] "Detect-local-mode set to ClusterCIDR, but no cluster CIDR specified for primary IP family" ipFamily="IPv4" clusterCIDRs=[]',
      'W0111 11:35:10.758645       5 proxier.go:311] clusterCIDR not specified, unable to distinguish between internal and external traffic',
      'W0816 02:53:24.744254       1 server_others.go:495] detect-local-mode set to ClusterCIDR, but no IPv6 cluster CIDR defined, , defaulting to no-op detect-local for IPv6',
    ],
    counterSamples: ['I1206 10:13:39.394505       1 server_linux.go:61] "DetectLocalMode" localMode="ClusterCIDR"'],
  }),
  sig({
    id: 'kube-proxy.cluster-cidrs-family',
    cause: 'unknown',
    // cmd/kube-proxy server.go checks each configured address list against the node's IP family. The podCIDRs case
    // lives with the controller's CIDR signatures; these are kube-proxy's own settings (clusterCIDR, excludeCIDRs,
    // bind addresses) naming the other family than the node's IP.
    re: /cluster is (ipv[46]|dual-stack) but (clustercidrs|ipvs\.excludecidrs|healthzbindaddress|metricsbindaddress) (contains only|is) ipv[46]|(clustercidrs|ipvs\.excludecidrs) contains only ipv[46] addresses but cluster is/,
    anchors: ['but clustercidrs contains only', 'excludecidrs contains only', 'but healthzbindaddress is', 'but metricsbindaddress is'],
    confidence: 0.4,
    specificity: 92,
    alternatives: ['flannel.network-mismatch', 'flannel.wrong-iface'],
    check: "kube-proxy's config (kubectl -n kube-system get cm kube-proxy -o yaml: clusterCIDR, bindAddresses) against the node's InternalIP (kubectl get node -o wide) and flannel's Network/IPv6Network: the families must agree; a node IP of the other family means the kubelet's --node-ip or flannel's interface is the wrong one",
    source: 'kubernetes cmd/kube-proxy/app/server.go checkBadIPConfig ("cluster is %s but clusterCIDRs contains only IPv%s addresses", "... healthzBindAddress is IPv%s")',
    samples: [
      'E1206 10:03:06.000244       1 server.go:558] "Error running ProxyServer" err="kube-proxy configuration is incorrect: cluster is IPv4 but clusterCIDRs contains only IPv6 addresses"',
      'E1206 10:36:09.562685       1 server.go:558] "Kube-proxy configuration may be incomplete or incorrect" err="cluster is dual-stack but clusterCIDRs contains only IPv4 addresses"',
      'W1206 10:00:00.000000       1 server.go:234] "Kube-proxy configuration may be incomplete or incorrect" err="cluster is IPv6 but healthzBindAddress is IPv4"',
    ],
    counterSamples: ['I1206 10:49:14.558463       1 server.go:243] "kube-proxy running in single-stack mode" ipFamily="IPv4"'],
  }),
  sig({
    id: 'kube-proxy.nodeport-addresses-unmatched',
    cause: 'unknown',
    // --nodeport-addresses names CIDRs; when none of the node's addresses falls in them (or the addresses cannot be
    // listed) NodePorts and health-check ports listen nowhere or everywhere. The node's address, not flannel's.
    re: /failed to get node ip address matching (nodeport cidrs?|node port addresses)/,
    anchors: ['matching nodeport cidr', 'matching node port addresses'],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['flannel.wrong-iface'],
    check: "kube-proxy's nodePortAddresses (kubectl -n kube-system get cm kube-proxy -o yaml) against ip -br addr on that node: one of the node's addresses must lie in each CIDR (or use the value primary); a node whose address changed (DHCP, a second NIC) no longer matches",
    source: 'kubernetes pkg/proxy iptables/ipvs proxier and healthcheck/service_health.go ("Failed to get node ip address matching nodeport cidr", "... matching node port addresses, health check port will listen to all node addresses")',
    samples: [
      'E1206 10:30:30.327000       1 proxier.go:1420] "Failed to get node ip address matching nodeport cidr" err="error listing all interfaceAddrs from host, error: route ip+net: no such network interface"',
      'E1206 10:54:31.488625       1 proxier.go:1420] "Failed to get node ip address matching nodeport cidrs, services with nodeport may not work as intended" err="no addresses found for cidrs [192.168.50.0/24]"',
      'E1206 10:05:09.107151       1 service_health.go:140] "Failed to get node ip address matching node port addresses, health check port will listen to all node addresses" err="no addresses found for cidrs [10.10.0.0/16]"',
    ],
    counterSamples: ['I1206 10:22:38.381853       1 server.go:239] "Kube-proxy configuration may be incomplete or incorrect" err="nodePortAddresses is unset; NodePort connections will be accepted on all local IPs."'],
  }),
  sig({
    id: 'kube-proxy.service-no-endpoints-reject',
    cause: 'unknown',
    // kube-proxy's REJECT rule for a Service whose EndpointSlices hold no ready endpoint: a refusal (icmp
    // port-unreachable) at the Service IP, not a host firewall. kube-dns's own rule reads as CoreDNS down
    // (dns.kube-dns-no-endpoints); any other Service: its pods are not Ready or its selector matches none.
    re: /--comment "?(?!kube-system\/(kube-?dns|coredns):)[\w.-]+\/[\w.-]+(:[\w.-]*)? has no endpoints|\/\* (?!kube-system\/(kube-?dns|coredns):)[\w.-]+\/[\w.-]+(:[\w.-]*)? has no endpoints \*\//,
    anchors: ['has no endpoints'],
    confidence: 0.4,
    specificity: 89,
    alternatives: ['dns.coredns-down'],
    check: 'kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service>: no ready endpoint means the Service\'s pods are not Ready (kubectl get pods -l <selector>) or its selector matches none; a kube-dns Service there is CoreDNS down',
    source: 'kubernetes pkg/proxy/iptables/proxier.go (filter rule comment "%s has no endpoints" with -j REJECT)',
    samples: [
      '-A KUBE-SERVICES -d 10.96.142.3/32 -p tcp -m comment --comment "shop/cart:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
      '    0     0 REJECT     tcp  --  *      *       0.0.0.0/0            10.96.45.12          /* default/web:http has no endpoints */ tcp dpt:80 reject-with icmp-port-unreachable',
    ],
    counterSamples: ['-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns has no endpoints" -m udp --dport 53 -j REJECT --reject-with icmp-port-unreachable'],
  }),
  sig({
    id: 'kube-proxy.ipvs-no-destination',
    cause: 'unknown',
    // The kernel's IPVS scheduler found no real server behind a virtual service: the Service has no ready endpoint
    // (kube-proxy keeps the virtual service, with no destinations). Port 53 is the cluster DNS (dns.dns-service-no-backends).
    re: /ipvs: \w+: (tcp|udp|sctp) \S+:(?!53 )\d+ - no destination available/,
    anchors: ['no destination available'],
    confidence: 0.4,
    specificity: 87,
    alternatives: ['dns.coredns-down'],
    check: 'ipvsadm -Ln -t <service-ip>:<port> (or -u for UDP) on that node lists the destinations; none means the Service has no ready endpoint: kubectl get endpointslices -A | grep <service>',
    source: 'Linux IPVS (net/netfilter/ipvs/ip_vs_sched.c: "%s: %s - no destination available")',
    samples: ['[ 8812.125533] IPVS: rr: TCP 10.96.0.1:443 - no destination available', 'kernel: IPVS: wrr: TCP 10.96.120.7:8080 - no destination available'],
    counterSamples: ['kernel: IPVS: rr: UDP 10.96.0.10:53 - no destination available'],
  }),
  sig({
    id: 'kube-proxy.conntrack-sysctls-unwritable',
    cause: 'unknown',
    // kube-proxy sets nf_conntrack_max, the hashsize and TCP timeouts at start and exits when it cannot (kind, LXC or
    // a rootless node: /proc/sys and /sys read-only, or nf_conntrack not loaded). The fix is in its config
    // (conntrack.maxPerCore: 0 leaves the kernel's values alone); until then no Service works on that node.
    re: /could not set conntrack parameters from kube-proxy configuration|setting conntrack hashsize to \d+[\s\S]{0,300}?hashsize: (read-only file system|operation not supported|permission denied)/,
    anchors: ['could not set conntrack parameters', 'setting conntrack hashsize'],
    confidence: 0.45,
    specificity: 92,
    alternatives: ['dns.service-unreachable'],
    check: 'kubectl -n kube-system logs ds/kube-proxy on that node; in a container without a writable /proc/sys (kind, LXC, rootless) set conntrack.maxPerCore: 0 and conntrack.min: null in the kube-proxy ConfigMap; lsmod | grep nf_conntrack on the host shows whether the module is there at all',
    source: 'kubernetes cmd/kube-proxy/app/server_linux.go ("could not set conntrack parameters from kube-proxy configuration: %w"); pre-1.20 conntrack.go ("Setting conntrack hashsize to %d")',
    samples: [
      'E1206 10:26:10.793919       1 server.go:558] "Error running ProxyServer" err="could not set conntrack parameters from kube-proxy configuration: open /proc/sys/net/netfilter/nf_conntrack_max: permission denied"',
      'E1206 10:21:09.978604       1 run.go:72] "command failed" err="could not set conntrack parameters from kube-proxy configuration: write /sys/module/nf_conntrack/parameters/hashsize: operation not supported"',
      'I0414 21:09:01.789985       5 conntrack.go:41] Setting conntrack hashsize to 65536\nF0414 21:09:01.790112       5 server.go:495] open /sys/module/nf_conntrack/parameters/hashsize: read-only file system',
    ],
    counterSamples: ['I1206 10:00:00.000000       1 conntrack.go:57] "Setting nf_conntrack_max" nfConntrackMax=262144'],
  }),
  sig({
    id: 'kube-proxy.conntrack-cleanup-failed',
    cause: 'unknown',
    // After a Service's endpoints change kube-proxy deletes the conntrack entries of UDP flows to the old ones; when
    // that fails, clients keep sending to a gone pod (DNS over UDP to kube-dns is the usual victim: lookups time out
    // until the entry expires). The netlink listing or deleting failing says the same.
    re: /failed to delete stale service (ip \S+ )?connections|error deleting conntrack entries for udp|error deleting connection tracking state for udp|failed to (list|clear all) conntrack entries|failed to delete endpoint connections/,
    anchors: ['failed to delete stale service', 'error deleting conntrack entries', 'connection tracking state for udp', 'failed to list conntrack entries', 'failed to clear all conntrack entries', 'failed to delete endpoint connections'],
    confidence: 0.4,
    specificity: 88,
    alternatives: ['dns.service-unreachable'],
    check: 'conntrack -L -p udp --dport 53 on the node of the client (conntrack-tools): entries to a CoreDNS pod IP that no longer exists are stale; kubectl -n kube-system logs ds/kube-proxy for the reason (the conntrack binary missing, no CAP_NET_ADMIN)',
    source: 'kubernetes pkg/proxy/conntrack cleanup.go ("Failed to list conntrack entries", "Failed to clear all conntrack entries"); older proxier.go ("Failed to delete stale service connections", "error deleting connection tracking state for UDP service IP: %s")',
    samples: [
      'E1206 10:19:15.832967       1 proxier.go:1519] "Failed to delete stale service connections" err="error deleting connection tracking state for UDP service IP: 10.96.0.10, error: conntrack command returned: \\"conntrack v1.4.6 (conntrack-tools): Operation failed: such conntrack doesn\'t exist\\\\n\\", error message: exit status 1"',
      'E1206 10:15:05.602326       1 cleanup.go:62] "Failed to list conntrack entries" err="operation not permitted"',
      'E1206 10:19:33.519167       1 cleanup.go:118] "Failed to clear all conntrack entries" err="operation not supported" flowsFailed=3',
    ],
    counterSamples: ['I1206 10:56:21.764878       1 cleanup.go:80] "Finished reconciling conntrack entries" elapsed="1.2ms" flowsDeleted=2'],
  }),
];
