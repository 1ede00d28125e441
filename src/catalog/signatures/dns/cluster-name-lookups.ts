import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Go's resolver failing on a cluster name (<name>.svc, <name>.svc.cluster.local), read by running client-go programs
 * whose kubeconfig names kubernetes.default.svc against a stopped DNS server and a black-holed DNS Service address.
 *
 * A cluster name (<name>.svc, <name>.svc.cluster.local) looked up at a nameserver that answers the query with ICMP port
 * unreachable: Go's resolver reads that as "read udp <src>-><ns>:53: read: connection refused". The address is there
 * and nothing serves DNS on it: the cluster DNS server stopped (or, behind the Service IP, kube-proxy rejecting for want
 * of a Ready endpoint). A Service path that is broken (no DNAT, a black hole, br_netfilter) leaves the query unanswered
 * instead (i/o timeout), which dns.cluster-dns-timeout reads. Read by running client-go programs whose kubeconfig names
 * kubernetes.default.svc against a resolver address with its DNS server stopped.
 */
export const CLUSTER_NAME_LOOKUP_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.cluster-name-lookup-refused',
    cause: 'dns.coredns-down',
    re: /lookup [^\s:"\\]*\.svc(\.cluster\.local)?\.? on [\d.]+:53: read udp [\d.:]+->[\d.]+:53: read: connection refused/,
    anchors: ['.svc'],
    confidence: 0.6,
    // Above dns.cluster-dns-timeout (91), which reads the same lookup line for an unanswered query.
    specificity: 92,
    alternatives: ['dns.service-unreachable', 'dns.node-resolver'],
    check: 'cat /etc/resolv.conf in the pod for the nameserver it asked, then kubectl -n kube-system get pods,endpoints -l k8s-app=kube-dns: no Ready CoreDNS pod (or nothing listening on a node-local DNS address) means the DNS server is down',
    source: 'Go net resolver ("lookup %s on %s: read udp ...: read: connection refused" for an ICMP port-unreachable answer)',
    samples: [
      'E1207 03:19:24.590894    1562 main.go:80] "Failed to get node" err="Get \\"https://kubernetes.default.svc.cluster.local:6443/api/v1/nodes/node-1?timeout=10s\\": dial tcp: lookup kubernetes.default.svc.cluster.local on 10.0.0.53:53: read udp 10.0.0.53:43901->10.0.0.53:53: read: connection refused" node="node-1"',
      'E1207 03:19:24.994219    1553 reflector.go:227] "Failed to watch" err="failed to list *v1.Pod: Get \\"https://kubernetes.default.svc:6443/api/v1/pods?limit=500&resourceVersion=0\\": dial tcp: lookup kubernetes.default.svc on 10.0.0.53:53: read udp 10.0.0.53:53113->10.0.0.53:53: read: connection refused"',
    ],
    counterSamples: [
      'dial tcp: lookup kubernetes.default.svc on 10.0.0.53:53: read udp 10.0.0.53:53113->10.0.0.53:53: i/o timeout',
      'dial tcp: lookup quay.io on 127.0.0.53:53: read udp 127.0.0.1:41000->127.0.0.53:53: read: connection refused',
    ],
  }),
  sig({
    id: 'dns.cluster-name-lookup-timeout-no-server',
    cause: 'dns.service-unreachable',
    // When the caller's own deadline ends the lookup, Go names no server: "lookup <name>: i/o timeout". For the API
    // server's cluster name that is the query to the cluster DNS going unanswered, as dns.cluster-dns-timeout reads it
    // with the server.
    // Only the API server's in-cluster name: a client in a pod that reaches the API through the cluster DNS and its
    // Service; another service's name timing out says less (an application's own resolver settings, a network policy).
    re: /lookup kubernetes\.default\.svc(\.cluster\.local)?\.?: i\/o timeout/,
    anchors: ['lookup kubernetes.default.svc'],
    confidence: 0.6,
    // Above ambiguous.kube-api-lookup (92), which reads an API server name failing at the client's own resolver: a .svc name
    // is the cluster DNS's to answer.
    specificity: 93,
    alternatives: ['dns.coredns-down', 'flannel.checksum-offload', 'node.br-netfilter', 'flannel.vxlan-blocked', 'node.firewall'],
    check: 'from the same pod: dig @<a CoreDNS pod IP> kubernetes.default.svc.cluster.local — an answer there means the Service IP path is broken (kube-proxy, br_netfilter); no answer means CoreDNS or the pod network between the nodes',
    source: 'Go net resolver (DNSError without a server when the context deadline ends the lookup: "lookup %s: i/o timeout")',
    samples: [
      'E1207 03:20:31.018814    1623 reflector.go:227] "Failed to watch" err="failed to list *v1.Node: Get \\"https://kubernetes.default.svc.cluster.local:6443/api/v1/nodes?limit=500&resourceVersion=0\\": dial tcp: lookup kubernetes.default.svc.cluster.local: i/o timeout" logger="UnhandledError"',
      'E1207 03:20:30.949343    1625 leaderelection.go:461] "Error retrieving lease lock" err="Get \\"https://kubernetes.default.svc:6443/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/probe-controller\\": dial tcp: lookup kubernetes.default.svc: i/o timeout" lock="kube-system/probe-controller"',
    ],
    counterSamples: ['dial tcp: lookup registry.example.com: i/o timeout', 'dial tcp: lookup kubernetes.default.svc: no such host', 'dial tcp: lookup minio.tenant.svc: i/o timeout'],
  }),
];
