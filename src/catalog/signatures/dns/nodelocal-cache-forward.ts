import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * NodeLocal DNSCache (node-cache, a CoreDNS build with its own setup) forwarding the cluster zone to the cluster DNS.
 * Read from real runs of CoreDNS 1.14.7 with node-cache's Corefile (nodelocaldns.yaml: a `cluster.local:53` and an
 * `in-addr.arpa:53` server block, each with `loop`, `bind 169.254.20.10 10.96.0.10` and `forward . <kube-dns-upstream>
 * { force_tcp }`) in a network namespace with the link-local address on its own interface, against a CoreDNS 1.14.7
 * serving cluster.local behind it that was stopped, had its TCP/53 dropped, or was given at a wrong address. The
 * k8s.io/dns module itself (cmd/node-cache) could not be fetched here (the module proxy answers 403 for k8s.io/dns),
 * so node-cache's own setup lines are not read here; the forward path is CoreDNS's and words the same.
 *
 * Why a cluster-zone name marks this path: a cluster's CoreDNS answers cluster.local itself (the kubernetes plugin)
 * and probes its loop only in its one `.:53` block (`HINFO <n>.<n>.`), so a forward error for a `*.cluster.local.`
 * name, or the loop probe `HINFO <n>.<n>.in-addr.arpa.` (`ip6.arpa.` likewise), comes from a cache that forwards the cluster zone to the
 * cluster DNS — node-cache's Corefile. The error then reads the cluster DNS path, not the node's upstream resolvers
 * (the generic errors-plugin reading, dns.upstream, is wrong there). The `force_tcp` of that block makes it
 * `dial tcp <kube-dns-upstream>:53`. The name must END in cluster.local.: a search-expanded name with the node's
 * domain after it (x.svc.cluster.local.localdomain.) is a CoreDNS sending it to the node's resolvers (dns.upstream).
 */
const CLUSTER_ZONE_FORWARD = String.raw`plugin\/errors: \d+ (?:\S+\.cluster\.local\. \w+|\d+\.\d+\.(?:in-addr|ip6)\.arpa\. hinfo): (?:dial|read|select|write) (?:tcp|udp) [^\n]{0,120}?`;

export const NODELOCAL_CACHE_FORWARD_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.nodelocal-cluster-zone-refused',
    cause: 'dns.coredns-down',
    // A refusal from the kube-dns-upstream Service: kube-proxy rejects a Service without endpoints (tcp-reset for the
    // cache's force_tcp dial), so no CoreDNS pod is Ready behind it; in the lab, the CoreDNS behind it stopped.
    re: new RegExp(CLUSTER_ZONE_FORWARD + String.raw`connect: connection refused`),
    anchors: ['connection refused'],
    confidence: 0.7,
    specificity: 95,
    alternatives: ['dns.service-unreachable'],
    check: 'kubectl -n kube-system get endpoints kube-dns-upstream kube-dns (no addresses: the CoreDNS pods are not Ready — kubectl -n kube-system get pods -l k8s-app=kube-dns and their logs); with addresses, the Service IP in the error must be kube-dns-upstream\'s ClusterIP',
    source: 'CoreDNS 1.14.7 plugin/errors ("%d %s %s: %s") with plugin/forward force_tcp, node-cache\'s Corefile; real runs with the cluster DNS behind it stopped',
    samples: [
      '[ERROR] plugin/errors: 2 web.default.svc.cluster.local. A: dial tcp 10.200.0.2:53: connect: connection refused',
      '[ERROR] plugin/errors: 2 3379202780807798383.3028326412935807989.cluster.local. HINFO: dial tcp 10.200.0.2:53: connect: connection refused',
      '[ERROR] plugin/errors: 2 2238491574931037420.1396873940309427054.in-addr.arpa. HINFO: dial tcp 10.200.0.2:53: connect: connection refused',
    ],
    counterSamples: [
      // the node's resolver behind the `.:53` block: that is the cache's upstream, not the cluster DNS
      '[ERROR] plugin/errors: 2 www.example.org. A: dial tcp 10.200.0.3:53: connect: connection refused',
      '[ERROR] plugin/errors: 2 263303659113191398.1307309078562673060. HINFO: read udp 10.200.0.1:47355->10.200.0.3:53: read: connection refused',
    ],
  }),
  sig({
    id: 'dns.nodelocal-cluster-zone-timeout',
    cause: 'dns.service-unreachable',
    // The cache's packets to the kube-dns Service IP get no answer: the Service path from that node is broken
    // (kube-proxy not serving the Service, or the CoreDNS pods on other nodes unreachable over the overlay). A CoreDNS
    // too slow to answer says the same; with ndots:5 every external name is tried under the cluster domain first
    // (x.svc.cluster.local.), multiplying those queries.
    re: new RegExp(CLUSTER_ZONE_FORWARD + String.raw`i\/o timeout`),
    anchors: ['i/o timeout'],
    confidence: 0.7,
    specificity: 95,
    // Across nodes the Service's CoreDNS pods are reached over the overlay, which drops such TCP when the VXLAN
    // checksum offload bug bites (facts §10.3) or the VXLAN port is filtered.
    alternatives: ['dns.coredns-down', 'dns.search-ndots', 'flannel.checksum-offload', 'flannel.vxlan-blocked'],
    check: 'from the node of that cache: dig +tcp @<Service IP in the error> kubernetes.default.svc.cluster.local, then dig +tcp @<a CoreDNS pod IP> the same name — the pod answering but not the Service is kube-proxy on that node (its log, iptables-save | grep kube-dns); neither answering is the overlay to the CoreDNS pods or CoreDNS itself',
    source: 'CoreDNS 1.14.7 plugin/errors with plugin/forward force_tcp, node-cache\'s Corefile; real runs with TCP/53 to the cluster DNS dropped',
    samples: [
      '[ERROR] plugin/errors: 2 web.default.svc.cluster.local. A: dial tcp 10.200.0.2:53: i/o timeout',
      '[ERROR] plugin/errors: 2 177451690832387478.2036614083204953215.cluster.local. HINFO: dial tcp 10.200.0.2:53: i/o timeout',
      '[ERROR] plugin/errors: 2 2485613268935438223.1933507645070547588.in-addr.arpa. HINFO: dial tcp 10.200.0.2:53: i/o timeout',
    ],
    counterSamples: [
      // the node's resolver that answers only over TCP: the `.:53` block asks it over UDP
      '[ERROR] plugin/errors: 2 www.example.org. A: read udp 10.200.0.1:34812->10.200.0.3:53: i/o timeout',
      // an in-addr.arpa PTR from a CoreDNS with `fallthrough in-addr.arpa` goes to its upstream
      '[ERROR] plugin/errors: 2 4.3.2.1.in-addr.arpa. PTR: read udp 10.244.1.3:36734->10.0.2.3:53: i/o timeout',
      // a cluster name with the node's search domain appended, sent by CoreDNS to the node's resolvers
      '[ERROR] plugin/errors: 2 redis.shop.svc.cluster.local.localdomain. A: read udp 10.42.0.124:46247->192.168.205.2:53: i/o timeout',
    ],
  }),
  sig({
    id: 'dns.nodelocal-cluster-zone-no-route',
    cause: 'unknown',
    // The node has no way to the address the cache forwards the cluster zone to: no route at all (network is
    // unreachable: an address outside the Service CIDR, e.g. a wrong __PILLAR__CLUSTER__DNS__ or kube-dns-upstream
    // value), or no host answering ARP for it on the link / a REJECT with host-unreachable (no route to host). A
    // Service IP that kube-proxy does not program falls here too, so which it is needs the address compared.
    re: new RegExp(CLUSTER_ZONE_FORWARD + String.raw`connect: (?:no route to host|network is unreachable)`),
    anchors: ['no route to host', 'network is unreachable'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['dns.service-unreachable', 'dns.coredns-down'],
    check: 'compare the address in the error with kubectl -n kube-system get svc kube-dns-upstream kube-dns -o wide: a different address is the cache\'s configuration (the node-local-dns ConfigMap or the DaemonSet\'s arguments); the same address is the Service path on that node (ip route get <address>, kube-proxy\'s rules for it)',
    source: 'CoreDNS 1.14.7 plugin/errors with plugin/forward force_tcp, node-cache\'s Corefile; real runs with the cluster DNS address set to a host absent from the link and to an unrouted address',
    samples: [
      '[ERROR] plugin/errors: 2 web.default.svc.cluster.local. A: dial tcp 10.200.0.99:53: connect: no route to host',
      '[ERROR] plugin/errors: 2 4065803677882491369.3580092746033740174.cluster.local. HINFO: dial tcp 10.96.0.11:53: connect: network is unreachable',
      '[ERROR] plugin/errors: 2 2934551434495916138.3329809925880404369.in-addr.arpa. HINFO: dial tcp 10.96.0.11:53: connect: network is unreachable',
    ],
    counterSamples: ['[ERROR] plugin/errors: 2 example.org. A: dial tcp 10.0.0.2:53: connect: no route to host'],
  }),
  sig({
    id: 'dns.nodelocal-listen-address',
    cause: 'unknown',
    // node-cache listens (DNS on :53, health on :8080 by its Corefile) on the link-local address it puts on its own
    // interface (nodelocaldns; kubespray uses 169.254.25.10). "cannot assign requested address" is that address not
    // on the node: the interface was not made (no dummy driver, no NET_ADMIN) or was removed; "address already in use"
    // is another listener there (an old node-local-dns pod, a second DaemonSet, a node process on the health port).
    // Either way it is the node's cache that does not start, not the cluster's CoreDNS; any port, not only 53.
    re: /listen (?:tcp|udp)[46]? 169\.254\.(?:20|25)\.10:\d+: bind: (?:address already in use|cannot assign requested address)/,
    anchors: ['bind: address already in use', 'bind: cannot assign requested address'],
    confidence: 0.4,
    specificity: 96,
    alternatives: ['dns.coredns-down'],
    check: 'on that node: ip addr show nodelocaldns (the link-local address must be there; "Cannot find device" means node-cache could not make its dummy interface — ip link add t0 type dummy says whether the kernel can) and ss -lntup | grep 169.254 (which process already holds the port)',
    source: 'CoreDNS 1.14.7 bind and health plugins with node-cache\'s Corefile (bind 169.254.20.10, health 169.254.20.10:8080); real runs with the interface absent and with the health port and :53 taken',
    samples: [
      'listen tcp 169.254.20.10:8080: bind: cannot assign requested address',
      'listen tcp 169.254.20.10:8080: bind: address already in use',
      'Listen: listen tcp 169.254.20.10:53: bind: cannot assign requested address',
      'ListenPacket: listen udp 169.254.20.10:53: bind: address already in use',
    ],
    counterSamples: ['listen tcp :8080: bind: address already in use', 'Listen: listen tcp 10.96.0.10:53: bind: address already in use'],
  }),
];
