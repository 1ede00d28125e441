import type { Signature } from '../../types.js';
import { sig } from '../define.js';
import { inRegistryContext } from '../registry/shared.js';

/**
 * Go's DNS resolver (net.DNSError: `lookup <name> on <server>: <err>`) read by which server it names and
 * what the failure says about that server (facts §9: pulls use the node's resolver, pods the DNS Service).
 */
export const GO_RESOLVER_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.go-pull-resolved-stub-timeout',
    cause: 'registry.dns',
    // systemd-resolved's stub on 127.0.0.53 is listening (a stopped stub refuses, below in
    // registry.lookup-local-stub-timeout) but gave Go no answer before its timeout: resolved was still
    // forwarding the registry's name to the upstreams it learned from the network and none answered for it.
    // The stub itself works; what fails is the registry host resolving from the node, the way a pull reports
    // a name its resolver cannot get an answer for. NetworkManager's dnsmasq (127.0.1.1) is left to the
    // node-resolver reading above it. The node's resolver configuration stays the candidate.
    re: inRegistryContext(/\blookup [^\s:"\\]+ on 127\.0\.0\.53:53: read udp 127\.0\.0\.1:\d+->127\.0\.0\.53:53: i\/o timeout/),
    anchors: ['->127.0.0.53:53: i/o timeout'],
    confidence: 0.75,
    specificity: 98,
    alternatives: ['dns.node-resolver', 'registry.proxy'],
    check: 'on the node: resolvectl query <registry host> (and resolvectl status for the upstreams resolved forwards to); dig @<upstream> <registry host> decides whether the upstream answers for that name — a firewall, VPN or air gap that drops DNS to the outside shows as this timeout',
    source: 'Go net dnsclient_unix.go (exchange timeout → DNSError{IsTimeout}, "i/o timeout"); systemd-resolved stub 127.0.0.53; facts §9 (pulls use the node resolver)',
    samples: [
      'Warning  Failed  40m  kubelet  Failed to pull image "nginx:latest": failed to pull and unpack image "docker.io/library/nginx:latest": failed to resolve reference "docker.io/library/nginx:latest": failed to do request: Head "https://registry-1.docker.io/v2/library/nginx/manifests/latest": dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: read udp 127.0.0.1:51522->127.0.0.53:53: i/o timeout',
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: read udp 127.0.0.1:40511->127.0.0.53:53: i/o timeout',
      'ctr: failed to resolve reference "ghcr.io/flannel-io/flannel:v0.26.1": failed to do request: Head "https://ghcr.io/v2/flannel-io/flannel/manifests/v0.26.1": dial tcp: lookup ghcr.io on 127.0.0.53:53: read udp 127.0.0.1:38120->127.0.0.53:53: i/o timeout',
    ],
    counterSamples: [
      'failed to do request: Head "https://quay.io/v2/app/api/manifests/2": dial tcp: lookup quay.io on 127.0.0.53:53: read udp 127.0.0.1:41000->127.0.0.53:53: read: connection refused',
      'Get "https://cdn.example.net/v2/": dial tcp: lookup cdn.example.net on 127.0.1.1:53: read udp 127.0.0.1:39000->127.0.1.1:53: i/o timeout',
      'dial tcp: lookup postgres.db.svc on 127.0.0.53:53: read udp 127.0.0.1:41000->127.0.0.53:53: i/o timeout',
    ],
  }),
  sig({
    id: 'dns.go-cluster-dns-host-unreachable',
    cause: 'unknown',
    // EHOSTUNREACH on a query to the DNS Service IP: an ICMP host-unreachable or admin-prohibited answered the
    // packet (a REJECT rule such as firewalld's icmp-host-prohibited, or no neighbour for the next hop). That
    // is neither a missing route (network is unreachable, dns.cluster-dns-no-route) nor kube-proxy's reject for a
    // Service without endpoints (icmp-port-unreachable: connection refused). The reply does not say which hop.
    re: /\blookup [^\s:"\\]+ on (10|172|192|100)\.\d+\.\d+\.10:53: (read udp [\w.:[\]-]+->[\d.]+:53: read|dial udp [\d.]+:53: connect): no route to host/,
    anchors: ['.10:53: read: no route to host', '.10:53: connect: no route to host'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['node.firewall', 'dns.service-unreachable', 'dns.coredns-down'],
    check: 'on the node of the pod that failed: iptables-save | grep -i reject (firewalld: firewall-cmd --list-all) — a REJECT with icmp-host-prohibited in the path to the Service or pod CIDR answers this way; otherwise kubectl -n kube-system get endpoints kube-dns and ip neigh for the CoreDNS pod addresses',
    source: 'Go net: EHOSTUNREACH from the UDP socket ("no route to host"); kube-proxy rejects Services without endpoints with icmp-port-unreachable (connection refused)',
    samples: [
      'Get https://kubernetes-charts.storage.googleapis.com/index.yaml: dial tcp: lookup kubernetes-charts.storage.googleapis.com on 10.43.0.10:53: read udp 10.42.0.4:38460->10.43.0.10:53: read: no route to host',
      'error building image: Get https://index.docker.io/v2/: dial tcp: lookup index.docker.io on 10.96.0.10:53: dial udp 10.96.0.10:53: connect: no route to host',
    ],
    counterSamples: [
      'dial tcp: lookup etcd-0.etcd.db.svc.cluster.local on 10.96.0.10:53: dial udp 10.96.0.10:53: connect: network is unreachable',
      'dial tcp: lookup web.shop.svc on 10.96.0.10:53: read udp 10.244.1.5:38211->10.96.0.10:53: read: connection refused',
    ],
  }),
];
