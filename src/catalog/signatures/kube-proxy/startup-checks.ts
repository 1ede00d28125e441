import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * kube-proxy v1.36 texts the proxier signatures (proxiers.ts, services.ts, datapath.ts) do not read: the sysctls its
 * proxiers set before they start (pkg/proxy/util EnsureSysctl), the IPVS scheduler probe (ipvs/supported.go), the
 * IPVS sync of virtual servers, destinations and ip sets, the iptables-save that finds stale chains, nftables leftovers,
 * the metrics and health-check-NodePort listeners, its own configuration and the node IP it could not find. Most leave
 * the node's Services unprogrammed (kube-proxy exits or skips them) while pod IPs answer, so they read `unknown` with
 * the candidate and the check that tells; net.ipv4.ip_forward is the one whose failure names a cause.
 */
export const KUBE_PROXY_STARTUP_CHECK_SIGNATURES: Signature[] = [
  sig({
    id: 'kube-proxy.ip-forward-unsettable',
    cause: 'node.ip-forward',
    // EnsureSysctl writes only when the value read differs: failing to set net/ipv4/ip_forward to 1 says it is 0 now
    // (and /proc/sys is read-only or kube-proxy is unprivileged), so the node does not forward pod traffic either.
    re: /can't set sysctl net\/ipv4\/ip_forward to 1/,
    anchors: ["can't set sysctl net/ipv4/ip_forward"],
    confidence: 0.7,
    specificity: 93,
    alternatives: ['dns.service-unreachable'],
    check: 'on that node: sysctl net.ipv4.ip_forward (0 is this cause) and whether /proc/sys is mounted read-only in the kube-proxy container (kubectl -n kube-system get ds kube-proxy -o yaml: privileged: true); persist the value in /etc/sysctl.d so a network manager does not reset it',
    source: 'kubernetes pkg/proxy/util/utils.go EnsureSysctl ("can\'t set sysctl %s to %d: %v"), pkg/proxy/ipvs/proxier.go (sysctlForward = "net/ipv4/ip_forward")',
    samples: [
      'E1206 10:12:40.118301       1 run.go:72] "command failed" err="unable to create proxier: can\'t set sysctl net/ipv4/ip_forward to 1: open /proc/sys/net/ipv4/ip_forward: read-only file system"',
      'E1206 10:12:40.118301       1 server.go:139] "Error running ProxyServer" err="unable to create proxier: unable to create ipv4 proxier: can\'t set sysctl net/ipv4/ip_forward to 1: open /proc/sys/net/ipv4/ip_forward: permission denied"',
    ],
    counterSamples: ['I1206 10:12:40.118301       1 utils.go:182] "Changed sysctl" name="net/ipv4/ip_forward" before=0 after=1'],
  }),
  sig({
    id: 'kube-proxy.sysctl-unsettable',
    cause: 'unknown',
    // The IPVS proxier needs net/ipv4/vs/* (present only once ip_vs is loaded), arp_ignore/arp_announce with strictARP;
    // the iptables proxier route_localnet for localhost NodePorts. Unwritable, kube-proxy does not start on that node.
    re: /can't set sysctl net\/(ipv4\/vs\/[\w.]+|ipv4\/conf\/[\w.-]+\/(route_localnet|arp_ignore|arp_announce)|netfilter\/[\w.]+) to \d+/,
    anchors: ["can't set sysctl net/ipv4/vs", "can't set sysctl net/ipv4/conf", "can't set sysctl net/netfilter"],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['dns.service-unreachable'],
    check: 'the path after "open" names the sysctl: no such file under /proc/sys/net/ipv4/vs means ip_vs is not loaded (lsmod | grep ip_vs on the host); read-only file system or permission denied means the kube-proxy container is not privileged or /proc/sys is read-only (kind, LXC); until it starts no Service IP works on that node',
    source: 'kubernetes pkg/proxy/util/utils.go EnsureSysctl ("can\'t set sysctl %s to %d: %v"); pkg/proxy/ipvs/proxier.go (net/ipv4/vs/conntrack, expire_nodest_conn, arp_ignore), pkg/proxy/iptables/proxier.go (route_localnet)',
    samples: [
      'E1206 11:02:17.500912       1 run.go:72] "command failed" err="unable to create proxier: can\'t set sysctl net/ipv4/vs/conntrack to 1: open /proc/sys/net/ipv4/vs/conntrack: no such file or directory"',
      'E1206 11:02:17.500912       1 server.go:139] "Error running ProxyServer" err="unable to create proxier: can\'t set sysctl net/ipv4/conf/all/route_localnet to 1: open /proc/sys/net/ipv4/conf/all/route_localnet: read-only file system"',
    ],
    counterSamples: ['E1206 11:02:17.500912       1 proxier.go:292] "Can\'t set sysctl, kernel version doesn\'t satisfy minimum version requirements" sysctl="net/ipv4/vs/conn_reuse_mode" minimumKernelVersion="4.1"'],
  }),
  sig({
    id: 'kube-proxy.ipvs-scheduler-probe',
    cause: 'unknown',
    // CanUseIPVSProxier adds a dummy virtual server 198.51.100.0:20000 with the configured scheduler: a scheduler
    // whose module (ip_vs_rr, ip_vs_mh, ...) cannot load, or no ip_vs at all, fails here and kube-proxy exits.
    re: /could not create dummy vs|dummy vs not created|can't read the ipvs/,
    anchors: ['could not create dummy vs', 'dummy vs not created', "can't read the ipvs"],
    confidence: 0.4,
    specificity: 88,
    alternatives: ['dns.service-unreachable'],
    check: 'the scheduler in the log (ipvs.scheduler in the kube-proxy ConfigMap) needs its module: lsmod | grep ip_vs and modinfo ip_vs_<scheduler> on the host; ipvsadm -Ln shows whether IPVS answers at all; or set mode: nftables (IPVS is deprecated)',
    source: 'kubernetes pkg/proxy/ipvs/supported.go CanUseIPVSProxier ("Could not create dummy VS", "Dummy VS not created", "Can\'t read the ipvs")',
    samples: [
      'E1206 09:41:02.771903       1 supported.go:96] "Could not create dummy VS" err="no such file or directory" scheduler="mh"',
      'I1206 09:41:02.771903       1 supported.go:108] "Dummy VS not created" scheduler="rr"',
      'E1206 09:41:02.771903       1 supported.go:62] "Can\'t read the ipvs" err="could not get IPVS services: netlink receive: operation not permitted"',
    ],
    counterSamples: ['I1206 09:41:02.771903       1 proxier.go:351] "IPVS scheduler not specified, use rr by default" ipFamily="IPv4"'],
  }),
  sig({
    id: 'kube-proxy.ipvs-sync-failing',
    cause: 'unknown',
    // The IPVS proxier's per-Service sync: virtual servers, their real servers (destinations), the ip sets its
    // iptables rules match, the addresses on kube-ipvs0. A Service whose sync fails keeps old or no backends.
    re: /failed to sync service"?[^\n]{0,300}virtualserver=|failed to (add|delete|update) destination"?[^\n]{0,200}(newdest|uniquerealserver)=|error adding entry to ipset|failed to (add ip set entry to|delete ip set entry from) ip set|failed to list ip set entries|"unbindaddress" err=|error flushing ipvs rules|error deleting dummy device created by ipvs/,
    anchors: ['virtualserver=', 'newdest=', 'uniquerealserver=', 'error adding entry to ipset', 'ip set entry', 'ip set entries', '"unbindaddress" err=', 'flushing ipvs rules', 'error deleting dummy device'],
    confidence: 0.4,
    specificity: 87,
    alternatives: ['dns.service-unreachable'],
    check: 'on that node: ipvsadm -Ln -t <service-ip>:<port> (or -u for UDP) against kubectl get endpointslices -l kubernetes.io/service-name=<service>, ipset list -n and ip addr show kube-ipvs0; the error after err= names the kernel refusal (module missing, no CAP_NET_ADMIN, an ipset older than the kernel\'s)',
    source: 'kubernetes pkg/proxy/ipvs/proxier.go ("Failed to sync service", "Failed to add destination", "Failed to delete destination", "Error adding entry to ipset", "UnbindAddress"), ipvs/ipset.go ("Failed to add ip set entry to ip set", "Failed to list ip set entries"), ipvs/cleanup.go',
    samples: [
      'E1206 10:30:11.204417       1 proxier.go:874] "Failed to sync service" err="error bind address: 10.96.77.3 to interface: kube-ipvs0, err: no such device" ipFamily="IPv4" servicePortName="shop/cart:http" virtualServer="10.96.77.3:80/TCP"',
      'E1206 10:30:11.204417       1 proxier.go:1700] "Failed to add destination" err="no such process" ipFamily="IPv4" newDest="10.244.3.21:8080"',
      'E1206 10:30:11.204417       1 proxier.go:840] "Error adding entry to ipset" ipFamily="IPv4" entry="10.96.0.10,udp:53" ipset="KUBE-CLUSTER-IP"',
      'E1206 10:30:11.204417       1 ipset.go:178] "Failed to add ip set entry to ip set" err="error adding entry 10.244.1.7,tcp:80,10.244.1.7, error: exit status 1" ipSetEntry="10.244.1.7,tcp:80,10.244.1.7" ipSet="KUBE-LOOP-BACK"',
    ],
    counterSamples: ['I1206 10:30:11.204417       1 ipset.go:180] "Successfully added ip set entry to ip set" ipSetEntry="10.244.1.7,tcp:80,10.244.1.7" ipSet="KUBE-LOOP-BACK"'],
  }),
  sig({
    id: 'kube-proxy.iptables-nft-table-incompatible',
    cause: 'unknown',
    // iptables-nft refuses a chain that a newer iptables-nft or nft itself wrote with expressions it cannot show:
    // the host's iptables and the one in a container image (kube-proxy, flannel, a CNI) differ in version, so the
    // older one cannot read, save or clean the rules the newer one made.
    re: /is incompatible, use 'nft' tool/,
    anchors: ["is incompatible, use 'nft' tool"],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['node.forward-drop', 'dns.service-unreachable'],
    check: 'compare iptables --version on the host with the one in the container that printed it (kubectl -n kube-system exec ds/kube-proxy -- iptables --version); nft list table ip nat shows which program added the chain; every client of the same tables must run iptables-nft of the same or a newer version',
    source: 'iptables-nft (nft-cache/nft-cmd: "chain `%s\' in table `%s\' is incompatible, use \'nft\' tool."); kubernetes pkg/proxy/iptables/proxier.go ("Failed to execute iptables-save: stale chains will not be deleted")',
    samples: [
      'E1206 10:49:02.660341       1 proxier.go:1286] "Failed to execute iptables-save: stale chains will not be deleted" err="exit status 1: iptables-save v1.8.7 (nf_tables): table `nat\' is incompatible, use \'nft\' tool.\\n" ipFamily="IPv4"',
      "iptables v1.8.8 (nf_tables): chain `KUBE-SERVICES' in table `nat' is incompatible, use 'nft' tool.",
    ],
    counterSamples: ['# Warning: iptables-legacy tables present, use iptables-legacy to see them'],
  }),
  sig({
    id: 'kube-proxy.iptables-stale-cleanup',
    cause: 'unknown',
    // After a restore kube-proxy lists the nat table to delete chains of gone Services, and at start it removes the
    // rules of the other proxy mode; both run iptables, so their failures mean the same binary or kernel trouble.
    re: /stale chains will not be deleted|error removing pure-iptables proxy rule|error removing iptables rules in ipvs proxier/,
    anchors: ['stale chains will not be deleted', 'pure-iptables proxy rule', 'rules in ipvs proxier'],
    confidence: 0.4,
    specificity: 86,
    alternatives: ['dns.service-unreachable'],
    check: 'the err= after it is the iptables output: compare iptables-save | grep -c KUBE-SVC on the host with the Services (kubectl get svc -A --no-headers | wc -l); a version or back-end mismatch (legacy against nf_tables) between the kube-proxy image and the host shows in iptables --version on both',
    source: 'kubernetes pkg/proxy/iptables/proxier.go ("Failed to execute iptables-save: stale chains will not be deleted"), iptables/cleanup.go ("Error removing pure-iptables proxy rule"), ipvs/cleanup.go ("Error removing iptables rules in ipvs proxier")',
    samples: [
      'E1206 11:15:44.081256       1 proxier.go:1286] "Failed to execute iptables-save: stale chains will not be deleted" err="exit status 1: iptables-save: unable to initialize table \'nat\'" ipFamily="IPv4"',
      'E1206 11:15:44.081256       1 cleanup.go:52] "Error removing pure-iptables proxy rule" err="error checking rule: exit status 2: iptables v1.8.9 (legacy): Couldn\'t load target `KUBE-SERVICES\':No such file or directory"',
    ],
    counterSamples: ['I1206 11:15:44.081256       1 proxier.go:1389] "Reloading service iptables data" numServices=12 numEndpoints=20'],
  }),
  sig({
    id: 'kube-proxy.nftables-cleanup-failing',
    cause: 'unknown',
    // Chains of gone Services are deleted a while after their last use, and at start every other mode cleans the ip
    // kube-proxy table; failures here run the same nft as the sync, so they point at nft or the kernel too.
    re: /unable to delete stale chains; will retry later|error cleaning up nftables rules/,
    anchors: ['unable to delete stale chains', 'error cleaning up nftables rules'],
    confidence: 0.35,
    specificity: 86,
    alternatives: ['dns.service-unreachable', 'node.firewall'],
    check: 'on that node: nft --version and nft list table ip kube-proxy; "Device or resource busy" means another rule still jumps to the chain (nft list ruleset | grep <chain>), "Operation not permitted" a kube-proxy without CAP_NET_ADMIN; the mode in the kube-proxy ConfigMap says which table should be live',
    source: 'kubernetes pkg/proxy/nftables/proxier.go ("Unable to delete stale chains; will retry later"), nftables/cleanup.go ("Error cleaning up nftables rules")',
    samples: [
      'E1206 11:20:31.004512       1 proxier.go:1132] "Unable to delete stale chains; will retry later" err="/dev/stdin:3:1-58: Error: Could not process rule: Device or resource busy" ipFamily="IPv4"',
      'E1206 11:20:31.004512       1 cleanup.go:43] "Error cleaning up nftables rules" err="could not run nftables command: exit status 1"',
    ],
    counterSamples: ['I1206 11:20:31.004512       1 proxier.go:1126] "Deleting stale nftables chains" ipFamily="IPv4" numChains=3'],
  }),
  sig({
    id: 'kube-proxy.metrics-or-healthcheck-port',
    cause: 'unknown',
    // The metrics listener (metricsBindAddress, 127.0.0.1:10249 by default) and the health-check NodePorts of
    // externalTrafficPolicy: Local Services. A port in use is another process (a second kube-proxy, a CNI replacing
    // it); with bindAddressHardFail kube-proxy exits, otherwise it keeps proxying and only that port is missing.
    re: /starting metrics server failed|failedtostartmetricserver|error syncing healthcheck (services|endpoints)/,
    anchors: ['starting metrics server failed', 'failedtostartmetricserver', 'error syncing healthcheck'],
    confidence: 0.35,
    specificity: 86,
    alternatives: ['dns.service-unreachable'],
    check: 'ss -ltnp | grep -E ":10249|:<healthCheckNodePort>" on that node names the process that holds the port; two kube-proxies (an embedded k3s/RKE2 one and a DaemonSet) or a kube-proxy-replacing CNI must not run together; metricsBindAddress in the kube-proxy ConfigMap sets the metrics address',
    source: 'kubernetes cmd/kube-proxy/app/server.go serveMetrics ("starting metrics server failed", event FailedToStartMetricServer), pkg/proxy/iptables|ipvs|nftables proxier.go ("Error syncing healthcheck services")',
    samples: [
      'E1206 11:31:09.772231       1 server.go:509] "Unhandled Error" err="starting metrics server failed: listen tcp 0.0.0.0:10249: bind: address already in use" logger="UnhandledError"',
      '  Warning  FailedToStartMetricServer  90s  kube-proxy  listen tcp 127.0.0.1:10249: bind: address already in use',
      'E1206 11:31:09.772231       1 proxier.go:1433] "Error syncing healthcheck services" err="listen tcp :31562: bind: address already in use" ipFamily="IPv4"',
    ],
    counterSamples: ['I1206 11:31:09.772231       1 service_health.go:146] "Opening healthcheck" service="ingress/nginx" port=31562'],
  }),
  sig({
    id: 'kube-proxy.config-rejected',
    cause: 'unknown',
    // kube-proxy's command refuses its configuration before it programs anything: the file (the kube-proxy
    // ConfigMap's config.conf) missing or undecodable, a field out of range, or a stray argument. It exits, so no
    // Service IP works on a node where it never ran.
    re: /failed validate: \[?kubeproxyconfiguration\.|failed complete: |\\?"kube-proxy\\?" does not take any arguments/,
    anchors: ['kubeproxyconfiguration.', 'failed complete:', 'does not take any arguments'],
    confidence: 0.4,
    specificity: 88,
    alternatives: ['dns.service-unreachable'],
    check: 'kubectl -n kube-system get cm kube-proxy -o yaml (config.conf: the field named after KubeProxyConfiguration.) and the container args (kubectl -n kube-system get ds kube-proxy -o yaml): mode must be iptables, ipvs or nftables, the config path must be mounted; kube-proxy --write-config-to prints a valid default to compare',
    source: 'kubernetes cmd/kube-proxy/app/server.go ("failed complete: %w", "failed validate: %w", "%q does not take any arguments, got %q"), pkg/proxy/apis/config/validation',
    samples: [
      'E1206 11:40:00.013770       1 run.go:72] "command failed" err="failed validate: KubeProxyConfiguration.ProxyMode: Invalid value: \\"ipvs2\\": must be iptables, ipvs, nftables or blank (blank means the best-available proxy [currently iptables])"',
      'E1206 11:40:00.013770       1 run.go:72] "command failed" err="failed complete: open /var/lib/kube-proxy/config.conf: no such file or directory"',
      'E1206 11:40:00.013770       1 run.go:72] "command failed" err="\\"kube-proxy\\" does not take any arguments, got [\\"nftables\\"]"',
    ],
    counterSamples: ['I1206 11:40:00.013770       1 options.go:436] "Wrote configuration" file="/tmp/kube-proxy.yaml"'],
  }),
  sig({
    id: 'kube-proxy.node-ip-undetermined',
    cause: 'unknown',
    // kube-proxy takes its node IPs from the Node object (or bindAddress): none there and it assumes loopback (its
    // LoadBalancer source ranges and nodePortAddresses: primary then match nothing); a primary IP of a family the
    // node cannot proxy (no ip6tables, IPv6 disabled) stops it.
    re: /can't determine this node's ip, assuming loopback|no support for primary ip family/,
    anchors: ["can't determine this node's ip", 'no support for primary ip family'],
    confidence: 0.35,
    specificity: 88,
    alternatives: ['node.not-ready', 'flannel.wrong-iface'],
    check: "kubectl get node <node> -o jsonpath='{.status.addresses}': an empty list means the kubelet (or the cloud controller) has not set them; an IPv6 InternalIP first means the kubelet's --node-ip chose it, and ip6tables or /proc/sys/net/ipv6/conf/all/disable_ipv6 on the host decide whether kube-proxy can serve that family",
    source: 'kubernetes cmd/kube-proxy/app/server.go detectNodeIPs ("Can\'t determine this node\'s IP, assuming loopback; if this is incorrect, please set the --bind-address flag"), newProxyServer ("no support for primary IP family %q")',
    samples: [
      'I1206 11:52:14.388003       1 server.go:700] "Can\'t determine this node\'s IP, assuming loopback; if this is incorrect, please set the --bind-address flag"',
      'E1206 11:52:14.388003       1 run.go:72] "command failed" err="no support for primary IP family \\"IPv6\\""',
    ],
    counterSamples: ['I1206 11:52:14.388003       1 server.go:228] "Successfully retrieved NodeIPs" NodeIPs=["192.168.1.21"]'],
  }),
];
