import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * kube-proxy failing to program Services (pkg/proxy: the iptables, IPVS and nftables proxiers). No cause id names
 * kube-proxy itself: what it breaks is every Service IP on that node, the cluster DNS's included
 * (dns.service-unreachable), while pod IPs still answer. So these read `unknown` with that candidate and the check
 * that tells: does the node's ruleset hold the Services?
 */
export const KUBE_PROXY_SIGNATURES: Signature[] = [
  sig({
    id: 'kube-proxy.proxier-failing',
    cause: 'unknown',
    re: /can't use the ipvs proxier|ipvs not supported by the kernel|kube-proxy in nftables mode requires kernel|iptables is not available on this host|failed to execute iptables-restore|failed to ensure chain (exists|jumps)|failed to (list ipvs destinations|add ipvs service|sync endpoint for service)|failed to make sure existence of ip set/,
    anchors: ['ipvs proxier', 'ipvs not supported', 'nftables mode requires kernel', 'iptables is not available', 'failed to execute iptables-restore', 'failed to ensure chain', 'ipvs destinations', 'add ipvs service', 'sync endpoint for service', 'existence of ip set'],
    confidence: 0.5,
    specificity: 88,
    alternatives: ['dns.service-unreachable', 'node.br-netfilter'],
    check: "kubectl -n kube-system logs ds/kube-proxy on that node, then whether its rules exist: iptables-save | grep -c KUBE-SVC (iptables mode), ipvsadm -Ln (IPVS; lsmod | grep ip_vs), nft list table ip kube-proxy (nftables, kernel >= 5.13); a Service IP that times out while its pods' IPs answer is this",
    source: 'kube-proxy (pkg/proxy iptables, ipvs and nftables proxiers; cmd/kube-proxy: "can\'t use the IPVS proxier", "kube-proxy in nftables mode requires kernel %s or later")',
    samples: [
      'E1205 10:00:00.000000       1 server.go:558] "Error running ProxyServer" err="can\'t use the IPVS proxier: ipvs not supported by the kernel"',
      'E1205 10:00:00.000000       1 proxier.go:1564] "Failed to execute iptables-restore" err="exit status 2: Bad argument `KUBE-SEP-ABC\'" ipFamily="IPv4"',
      'E1205 10:00:00.000000       1 run.go:74] "command failed" err="kube-proxy in nftables mode requires kernel 5.13 or later"',
    ],
    counterSamples: ['I1205 10:00:00.000000       1 server_linux.go:69] "Using iptables proxy"'],
  }),
  sig({
    id: 'kube-proxy.conntrack-table-full',
    cause: 'unknown',
    // Every tracked connection (Service NAT included) takes a conntrack entry; a full table drops new ones at random.
    re: /nf_conntrack: (nf_conntrack: )?table full, dropping packet/,
    anchors: ['table full, dropping packet'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['node.packet-loss', 'dns.service-unreachable'],
    check: 'on that node: cat /proc/sys/net/netfilter/nf_conntrack_count and nf_conntrack_max; near the max, raise it (kube-proxy sets it from conntrack.maxPerCore) and look for what opens so many connections (conntrack -S, a DNS or health-check storm)',
    source: 'Linux nf_conntrack ("nf_conntrack: table full, dropping packet")',
    samples: ['kernel: nf_conntrack: nf_conntrack: table full, dropping packet', '[12345.678901] nf_conntrack: table full, dropping packet'],
    counterSamples: ['net.netfilter.nf_conntrack_max = 262144'],
  }),
];
