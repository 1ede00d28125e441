import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * CoreDNS 1.14's kubernetes plugin failing to list from the API server for a reason that other areas'
 * signatures claim by their words: the API server's certificate is not trusted by the CA CoreDNS was given
 * (kubeconfig certificate-authority, `tls` CACERT, or the service account's ca.crt from another cluster), or the
 * API server's host name in its kubeconfig / `endpoint` does not resolve. Either way the plugin never syncs:
 * "starting server with unsynced Kubernetes API", /ready answers 503 and cluster names get SERVFAIL. Read with
 * CoreDNS 1.14.7 against kube-apiserver 1.36.3 (client-go's "Failed to watch: failed to list *v1.X: ...").
 */
export const COREDNS_API_REACH_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.coredns-api-ca-untrusted',
    cause: 'dns.coredns-down',
    re: /plugin\/kubernetes: [^\n]{0,300}failed to (list|watch)[^\n]{0,400}x509: (certificate signed by unknown authority|certificate is not trusted)/,
    anchors: ['plugin/kubernetes'],
    also: ['x509'],
    confidence: 0.8,
    specificity: 95,
    alternatives: [],
    check: 'the CA CoreDNS verifies the API server with (kubeconfig certificate-authority, the kubernetes plugin\'s tls CACERT, or /var/run/secrets/kubernetes.io/serviceaccount/ca.crt) must be the cluster CA: openssl x509 -noout -issuer -in <that file> against openssl s_client -connect <api>:6443 -showcerts',
    source: 'CoreDNS 1.14.7 plugin/kubernetes (client-go reflector "Failed to watch: failed to list %v: %v") with a kubeconfig naming another CA',
    samples: [
      '[ERROR] plugin/kubernetes: Failed to watch: failed to list *v1.Service: Get "https://127.0.0.1:6443/api/v1/services?limit=500&resourceVersion=0": tls: failed to verify certificate: x509: certificate signed by unknown authority',
      '[ERROR] plugin/kubernetes: Failed to watch: failed to list *v1.EndpointSlice: Get "https://127.0.0.1:6443/apis/discovery.k8s.io/v1/endpointslices?limit=500&resourceVersion=0": tls: failed to verify certificate: x509: certificate signed by unknown authority',
    ],
    counterSamples: [
      'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority',
      '[ERROR] plugin/kubernetes: Failed to watch: failed to list *v1.Namespace: Unauthorized',
    ],
  }),
  sig({
    id: 'dns.coredns-api-host-unresolved',
    cause: 'dns.coredns-down',
    // The API address is a name (kubeconfig server, `endpoint`), looked up through CoreDNS's own resolv.conf:
    // a name that does not exist, or a resolver that refuses (pointing at CoreDNS itself, not yet serving).
    re: /plugin\/kubernetes: [^\n]{0,300}failed to (list|watch)[^\n]{0,400}dial tcp: lookup \S+ on [^\s:]+:53: /,
    anchors: ['plugin/kubernetes'],
    also: ['dial tcp: lookup'],
    confidence: 0.7,
    specificity: 95,
    alternatives: ['dns.node-resolver', 'dns.loop'],
    check: 'grep server: in the kubeconfig CoreDNS is given (or its kubernetes plugin endpoint): use an address or a name the CoreDNS pod\'s /etc/resolv.conf can resolve; with dnsPolicy Default that is the node\'s resolver, and a resolv.conf naming CoreDNS itself cannot answer before CoreDNS is up',
    source: 'CoreDNS 1.14.7 plugin/kubernetes with kubeconfig server https://kube-api.invalid:6443',
    samples: [
      '[ERROR] plugin/kubernetes: Failed to watch: failed to list *v1.Service: Get "https://kube-api.invalid:6443/api/v1/services?limit=500&resourceVersion=0": dial tcp: lookup kube-api.invalid on 127.0.0.1:53: server misbehaving',
      '[ERROR] plugin/kubernetes: Failed to watch: failed to list *v1.Namespace: Get "https://kube-api.invalid:6443/api/v1/namespaces?limit=500&resourceVersion=0": dial tcp: lookup kube-api.invalid on 127.0.0.1:53: read udp 127.0.0.1:38317->127.0.0.1:53: read: connection refused',
    ],
    counterSamples: [
      'Unable to connect to the server: dial tcp: lookup kube-api.invalid on 127.0.0.1:53: server misbehaving',
      '[ERROR] plugin/errors: 2 example.org. A: read udp 10.99.0.1:59482->10.99.0.1:5353: read: connection refused',
    ],
  }),
];
