import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The cluster DNS server's own summaries and start-up lines that name no plugin error of their own: CoreDNS's errors
 * plugin when it consolidates repeated failures, its bind plugin failing to list the interfaces at start-up, and
 * kube-dns's dnsmasq as its nanny relays it.
 */
export const CLUSTER_DNS_LOG_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.coredns-errors-consolidated',
    cause: 'dns.upstream',
    // `errors { consolidate 5s ^read udp .* i/o timeout$ }` prints one line per pattern instead of each failure;
    // the pattern is the operator's, and when it names a transport failure those are CoreDNS's queries to its upstreams.
    re: /\d+ errors like '[^'\n]*(i\/o timeout|read udp|connection refused|no route to host|network is unreachable)[^'\n]*' occurred in last/,
    anchors: ['errors like'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['dns.node-resolver', 'node.firewall'],
    check: 'the forward line of the Corefile (kubectl -n kube-system get cm coredns -o yaml) and, from a CoreDNS pod\'s node, dig @<each upstream> example.com: the upstreams must answer from the pod network',
    source: 'CoreDNS plugin/errors (consolidate: "%d errors like \'%s\' occurred in last %s")',
    samples: [
      "[INFO] plugin/errors: 17 errors like '^read udp .* i/o timeout$' occurred in last 5s",
      "[WARNING] plugin/errors: 3 errors like '^read udp .* connection refused$' occurred in last 30s",
    ],
    counterSamples: ["[ERROR] plugin/errors: 2 errors like '^NXDOMAIN for .*$' occurred in last 5s"],
  }),
  sig({
    id: 'kube-dns.dnsmasq-cannot-listen',
    cause: 'dns.coredns-down',
    // kube-dns's nanny relays its dnsmasq's lines: dnsmasq that cannot bind port 53 in the pod exits, and the kube-dns
    // pod never serves (another dnsmasq or server in a hostNetwork pod, or a second instance in the same pod).
    re: /nanny\.go:\d+\] dnsmasq\[\d+\]: failed to create listening socket/,
    anchors: ['failed to create listening socket'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['dns.node-resolver'],
    check: 'kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide and kubectl -n kube-system logs <pod> -c dnsmasq: with hostNetwork, ss -lunp \'sport = :53\' on that node shows what holds the port',
    source: 'kube-dns dnsmasq-nanny (relays dnsmasq\'s stderr: "failed to create listening socket for port 53")',
    samples: [
      'I1206 06:02:03.000100       1 nanny.go:116] dnsmasq[10]: failed to create listening socket for port 53: Address already in use',
      'I0301 10:00:00.000000 1 nanny.go:108] dnsmasq[12]: failed to create listening socket for 10.0.0.10: Cannot assign requested address',
    ],
    counterSamples: ['I1206 06:02:03.000100       1 nanny.go:116] dnsmasq[10]: started, version 2.78 cachesize 1000'],
  }),
  sig({
    id: 'dns.coredns-bind-interfaces-unlisted',
    cause: 'dns.coredns-down',
    // The bind plugin resolves its interface names to addresses through netlink's route table at setup; a kernel or
    // sandbox without an address family it asks for (IPv6 disabled at boot, a seccomp or gVisor sandbox) fails the
    // setup, and CoreDNS does not start. CoreDNS 1.14 only warns ("…, cannot bind by interface name"): that form is
    // dns.coredns-bind-interfaces-warning.
    re: /plugin\/bind: failed to get interfaces list(?!, cannot bind by interface name)/,
    anchors: ['failed to get interfaces list'],
    confidence: 0.85,
    specificity: 95,
    check: 'kubectl -n kube-system logs -l k8s-app=kube-dns (or journalctl -u coredns): the error after "failed to get interfaces list"; on the node, cat /proc/net/if_inet6 (absent when IPv6 is disabled at boot) and the Corefile\'s bind line — bind to addresses instead of interface names, or drop the bind plugin',
    source: 'CoreDNS plugin/bind setup ("failed to get interfaces list: %s"), Go net.Interfaces (netlinkrib)',
    samples: [
      'coredns[58398]: plugin/bind: failed to get interfaces list: route ip+net: netlinkrib: address family not supported by protocol',
      '[ERROR] plugin/bind: failed to get interfaces list: route ip+net: netlinkrib: permission denied',
    ],
    counterSamples: ['[INFO] plugin/reload: Running configuration SHA512 = 1b2c', '[WARNING] plugin/bind: failed to get interfaces list, cannot bind by interface name: route ip+net: netlinkrib: permission denied'],
  }),
];
