import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * kube-proxy's data-path back ends other than the iptables restore (kube-proxy.ts): IPVS (its kube-ipvs0 dummy device,
 * ip sets, github.com/moby/ipvs netlink), nftables (sigs.k8s.io/knftables running nft), its healthz server, the wait
 * for its Node object, and the iptables-legacy and iptables-nft rule sets side by side. Each leaves the node's
 * Services unprogrammed while pod IPs answer: `unknown`, with dns.service-unreachable among the candidates and the
 * look at the ruleset that decides.
 */
export const KUBE_PROXY_DATAPATH_SIGNATURES: Signature[] = [
  sig({
    id: 'kube-proxy.ipvs-device-or-set-failing',
    cause: 'unknown',
    // The IPVS proxier binds every Service IP to the dummy device kube-ipvs0 and keeps them in ip sets; the kernel
    // lacking the dummy, ip_vs or ip_set modules (or the moby/ipvs netlink family) leaves Service IPs unbound.
    re: /failed to create dummy interface|failed to bind service address to dummy device|error listing addresses binded to dummy interface|failed to unbind service addr[^\n]{0,80}dummy interface|ipvs interface can't be initialized|could not get ipvs family information from the kernel|failed to add entry to ipset|failed to make sure ip set|failed to configure ipvs timeouts|error removing iptables rules in ipvs proxier/,
    anchors: ['dummy interface', 'dummy device', 'ipvs interface can\'t be initialized', 'ipvs family information', 'entry to ipset', 'failed to make sure ip set', 'configure ipvs timeouts', 'rules in ipvs proxier'],
    confidence: 0.45,
    specificity: 88,
    alternatives: ['dns.service-unreachable', 'flannel.backend-unsupported'],
    check: 'on that node: lsmod | grep -E "ip_vs|ip_set|dummy" (the modules must load), ip addr show kube-ipvs0 (every Service IP bound there), ipvsadm -Ln and ipset list -n; a Service IP that is missing from them times out while its pods answer',
    source: 'kubernetes pkg/proxy/ipvs proxier.go ("Failed to create dummy interface", "Failed to bind service address to dummy device", "Failed to add entry to ipset"), ipvs/util ("IPVS interface can\'t be initialized"); github.com/moby/ipvs netlink (genl family lookup)',
    samples: [
      'E1206 10:49:18.135623       1 proxier.go:1034] "Failed to create dummy interface" err="operation not supported" interface="kube-ipvs0"',
      'E1206 10:31:05.174447       1 ipvs.go:123] "IPVS interface can\'t be initialized" err="could not get ipvs family information from the kernel: no such file or directory"',
      'E0717 14:12:47.589968   24001 ipset.go:156] Failed to make sure ip set: &{{KUBE-LOAD-BALANCER-LOCAL hash:ip,port inet 1024 65536 0-65535 Kubernetes service load balancer ip + port with externalTrafficPolicy=local} map[] 0xc4203ba960} exist, error: error creating ipset KUBE-LOAD-BALANCER-LOCAL, error: exit status 1',
    ],
    counterSamples: ['I1206 10:00:00.000000       1 server_linux.go:194] "Using ipvs Proxier"'],
  }),
  sig({
    id: 'kube-proxy.nftables-failing',
    cause: 'unknown',
    // The nftables proxier (kube-proxy ≥ 1.29) drives the nft binary through knftables: too old an nft, one without
    // JSON, a kernel missing nf_tables expressions (fib, ct) or no CAP_NET_ADMIN each leave the ip kube-proxy table
    // unwritten. Only kube-proxy's own log keys: flannel's and netavark's nft errors read elsewhere.
    re: /nftables sync failed|failed to list (nftables elements|existing nftables objects|existing sets)|nft version must be v[\d.]+ or later|`nft destroy` is not available|unable to create proxier: could not (find nftables binary|run nftables command)/,
    anchors: ['nftables sync failed', 'failed to list nftables elements', 'existing nftables objects', 'failed to list existing sets', 'nft version must be', 'nft destroy', 'unable to create proxier: could not'],
    confidence: 0.45,
    specificity: 88,
    alternatives: ['dns.service-unreachable', 'node.firewall'],
    check: 'on that node: nft --version (≥ 1.0.1, with JSON), uname -r (≥ 5.13 for kube-proxy\'s nftables mode), nft list table ip kube-proxy (its Services); the error after /dev/stdin:<line> names the rule the kernel refused — or switch the ConfigMap\'s mode back to iptables',
    source: 'kubernetes pkg/proxy/nftables/proxier.go ("nftables sync failed", "Failed to list nftables elements"); sigs.k8s.io/knftables nftables.go ("nft version must be v1.0.1 or later (got %s)", "`nft destroy` is not available: %w", "could not find nftables binary: %w")',
    samples: [
      'E1206 10:53:37.191200       1 proxier.go:1851] "nftables sync failed" err=<\n\t/dev/stdin:72:109-112: Error: Interface does not exist\n\tadd rule ip kube-proxy service-2QRHZV4L-default/kubernetes/tcp/https ip daddr 10.96.0.1 tcp dport 443 drop\n > ipFamily="IPv4"',
      'E1206 10:09:14.690504       1 proxier.go:994] "Failed to list nftables elements" err=<\n\tfailed to run nft: JSON support not compiled-in\n > ipFamily="IPv4" containerName="cluster-ips" containerType="set"',
      'E1206 10:09:05.184777       1 run.go:72] "command failed" err="unable to create proxier: nft version must be v1.0.1 or later (got nftables v0.9.8 (E.D.S.))"',
    ],
    counterSamples: ['I1206 10:00:00.000000       1 server_linux.go:254] "Using nftables Proxier"', 'E0822 02:05:16.570329       1 main.go:353] no nftables support: could not find nftables binary: exec: "nft": executable file not found in $PATH'],
  }),
  sig({
    id: 'kube-proxy.healthz-bind-failed',
    cause: 'unknown',
    // kube-proxy's healthz (10256) and per-Service health-check NodePorts: "address already in use" is a second proxy
    // on the node (k3s/RKE2's embedded one beside a DaemonSet, or a CNI's kube-proxy replacement). Not the pod network.
    re: /failed to start proxy healthz on|"healthz server failed"|proxy healthz closed with error|"failed to start healthcheck"/,
    anchors: ['proxy healthz', 'healthz server failed', 'failed to start healthcheck'],
    confidence: 0.4,
    specificity: 88,
    alternatives: ['dns.service-unreachable'],
    check: 'ss -ltnp | grep -E ":10256|:<nodeport>" on that node names the process holding the port: two kube-proxies (an embedded one and a DaemonSet) or a CNI that replaces kube-proxy must not run together',
    source: 'kubernetes cmd/kube-proxy/app/server.go ("failed to start proxy healthz on %s: %w", "Healthz server failed"), pkg/proxy/healthcheck ("Failed to start healthcheck")',
    samples: [
      'E1206 10:47:21.776314       1 server.go:558] "Error running ProxyServer" err="failed to start proxy healthz on 0.0.0.0:10256: listen tcp 0.0.0.0:10256: bind: address already in use"',
      'E1206 10:16:30.869117       1 server.go:619] "Healthz server failed" err="healthz server failed: listen tcp 0.0.0.0:10256: bind: address already in use"',
      'E1206 10:33:23.153723       1 service_health.go:112] "Failed to start healthcheck" err="listen tcp :31789: bind: address already in use" service="ingress-nginx/ingress-nginx-controller" port=31789',
    ],
    counterSamples: ['I1206 10:00:00.000000       1 proxy_health.go:215] "Starting healthz HTTP server" address="0.0.0.0:10256"'],
  }),
  sig({
    id: 'kube-proxy.node-wait',
    cause: 'unknown',
    // kube-proxy reads its Node object for the node IPs (and the podCIDR in NodeCIDR mode). Not found: the name it
    // uses (hostname-override) differs from the kubelet's, or the kubelet never registered. The PodCIDR wait reads
    // as the controller not allocating (controlplane signatures).
    re: /timeout waiting for node \\?"[^"\\\n]*\\?" to exist|timed out waiting for node to (exist|be assigned ips)|"failed to retrieve node info" err="nodes \\?"[^"\\\n]*\\?" not found|failed to retrieve node info: nodes "[^"\n]*" not found/,
    anchors: ['timeout waiting for node', 'timed out waiting for node to', 'failed to retrieve node info'],
    confidence: 0.4,
    specificity: 86,
    alternatives: ['node.not-ready'],
    check: 'kubectl get nodes -o wide: the name kube-proxy looks for (its --hostname-override or the host name) must be a registered node; compare it with the kubelet\'s --hostname-override and whether that kubelet is running',
    source: 'kubernetes pkg/proxy/node.go ("Timed out waiting for node to exist"), cmd/kube-proxy/app/server.go ("timeout waiting for node %q to exist", "Failed to retrieve node info")',
    samples: [
      'E1206 10:19:41.905261       1 server.go:558] "Error running ProxyServer" err="timeout waiting for node \\"worker-2\\" to exist"',
      'E1206 10:01:48.553762       1 node.go:155] "Timed out waiting for node to exist" node="worker-2"',
      'W0619 18:35:58.378909   17121 server.go:601] Failed to retrieve node info: nodes "x" not found',
    ],
    counterSamples: ['I1206 10:58:10.372974       1 server.go:722] "Successfully retrieved NodeIPs" NodeIPs=["192.168.1.21"]'],
  }),
  sig({
    id: 'kube-proxy.iptables-backends-mixed',
    cause: 'unknown',
    // iptables-nft prints this when the legacy (x_tables) tables also hold rules: two programs on the node use two
    // back ends (kube-proxy's image picking one, Docker or flanneld another), and each sees only its own rules, so
    // the FORWARD accept or the masquerade one of them adds may never apply to the other's packets.
    re: /warning: iptables-legacy tables present, use iptables-legacy(-save)? to see them/,
    anchors: ['iptables-legacy tables present'],
    confidence: 0.45,
    specificity: 92,
    alternatives: ['node.forward-drop', 'flannel.ipmasq', 'dns.service-unreachable'],
    check: 'on that node compare iptables-legacy-save | grep -c KUBE- with iptables-nft-save | grep -c KUBE- (and FLANNEL): the rules belong in one back end; update-alternatives --display iptables shows which the host uses, and kube-proxy, flanneld and Docker must agree with it',
    source: 'iptables-nft (nft-shared/xshared: "# Warning: iptables-legacy tables present, use iptables-legacy to see them"; iptables-nft-save says iptables-legacy-save)',
    samples: ['# Warning: iptables-legacy tables present, use iptables-legacy to see them', '# Warning: iptables-legacy tables present, use iptables-legacy-save to see them', '$ sudo iptables -L -n\n# Warning: iptables-legacy tables present, use iptables-legacy to see them'],
    counterSamples: ['# Generated by iptables-nft-save v1.8.7 on Sun Dec  6 10:00:00 2026'],
  }),
];
