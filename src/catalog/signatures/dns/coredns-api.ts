import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * CoreDNS's kubernetes plugin talking to the API server (its client-go reflectors on Services,
 * EndpointSlices, Namespaces, Pods) and the kubelet's probes of its ready and health endpoints.
 * The timeouts, RBAC refusals and start-up waits are in coredns.ts; these are the answers the API
 * server gives that do not name the pod network or the ClusterRole.
 */
export const COREDNS_API_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.coredns-api-refused',
    cause: 'unknown',
    // The reflector's list reaches an address where nothing listens on the API port: the Service IP has no
    // kube-proxy rules yet (kube-proxy down, an API endpoint gone) or the API server itself is down. The
    // text does not say which; refusals from the API server are not named by the text alone.
    re: /plugin\/kubernetes[^\n]{0,300}failed to (list|watch) \*[\w.]+: [^\n]{0,400}dial tcp [^\s]*: connect: connection refused/,
    anchors: ['plugin/kubernetes'],
    confidence: 0.5,
    specificity: 89,
    alternatives: ['dns.coredns-down', 'node.firewall'],
    check: 'kubectl get --raw /readyz and kubectl -n default get endpoints kubernetes: an API server down or no endpoint is the control plane; if both are fine, the CoreDNS node\'s kube-proxy (kubectl -n kube-system get pods -l k8s-app=kube-proxy -o wide, and iptables-save | grep KUBE-SVC on that node) has no rule for the Service IP',
    source: 'CoreDNS plugin/kubernetes (client-go reflector "Failed to watch %v: failed to list %v: %v")',
    samples: [
      '[ERROR] plugin/kubernetes: pkg/mod/k8s.io/client-go@v0.29.3/tools/cache/reflector.go:229: Failed to watch *v1.Namespace: failed to list *v1.Namespace: Get "https://10.96.0.1:443/api/v1/namespaces?limit=500&resourceVersion=0": dial tcp 10.96.0.1:443: connect: connection refused',
      'E0117 06:47:03.256959       1 reflector.go:134] github.com/coredns/coredns/plugin/kubernetes/controller.go:317: Failed to list *v1.Endpoints: Get https://10.43.0.1:443/api/v1/endpoints?limit=500&resourceVersion=0: dial tcp 10.43.0.1:443: connect: connection refused',
    ],
    counterSamples: [
      '[ERROR] plugin/kubernetes: pkg/mod/k8s.io/client-go@v0.29.3/tools/cache/reflector.go:229: Failed to watch *v1.Namespace: failed to list *v1.Namespace: Get "https://10.96.0.1:443/api/v1/namespaces?limit=500&resourceVersion=0": dial tcp 10.96.0.1:443: i/o timeout',
      '[ERROR] plugin/errors: 2 example.com. A: dial tcp 8.8.8.8:53: connect: connection refused',
    ],
  }),
  sig({
    id: 'dns.coredns-api-unauthorized',
    cause: 'unknown',
    // The API server answers but refuses the token (a service account key rotated, a token from another
    // cluster in a kubeconfig), or breaks the HTTP/2 stream: reached, and the text names no cause of this list.
    re: /plugin\/kubernetes[^\n]{0,300}failed to (list|watch) \*[\w.]+: (unauthorized\b|[^\n]{0,300}stream error: stream id \d+; internal_error)/,
    anchors: ['plugin/kubernetes'],
    confidence: 0.5,
    specificity: 89,
    alternatives: ['dns.coredns-down'],
    check: 'kubectl -n kube-system get pods -l k8s-app=kube-dns: if they are Ready the line was transient; if not, kubectl -n kube-system describe sa coredns and the API server\'s log (authentication errors) say whether its token is refused',
    source: 'CoreDNS plugin/kubernetes (client-go reflector list errors)',
    samples: [
      '[ERROR] plugin/kubernetes: pkg/mod/k8s.io/client-go@v0.29.3/tools/cache/reflector.go:229: Failed to watch *v1.Namespace: failed to list *v1.Namespace: Unauthorized',
      '[ERROR] plugin/kubernetes: pkg/mod/k8s.io/client-go@v0.29.3/tools/cache/reflector.go:229: Failed to watch *v1.Pod: failed to list *v1.Pod: Get "https://10.96.0.1:443/api/v1/pods?limit=500&resourceVersion=0": stream error: stream ID 3; INTERNAL_ERROR; received from peer',
    ],
    counterSamples: [
      'E0301 10:00:00.000000 1 reflector.go:138] failed to list *v1.Node: Unauthorized',
      '[INFO] plugin/kubernetes: pkg/mod/k8s.io/client-go@v0.24.4/tools/cache/reflector.go:167: failed to list *v1.EndpointSlice: endpointslices.discovery.k8s.io is forbidden: User "system:serviceaccount:kube-system:coredns" cannot list resource "endpointslices"',
    ],
  }),
  sig({
    id: 'dns.coredns-probe-failed',
    cause: 'dns.coredns-down',
    // The kubelet's prober logs each failed probe with the pod's name: a CoreDNS pod failing its readiness
    // (ready plugin on :8181, 503 until the kubernetes plugin has synced) or liveness (health on :8080) probe
    // is a CoreDNS pod not Ready or being restarted. Why is in its own log.
    re: /"probe failed" probetype="(readiness|liveness)" pod="[^"\n]*\/(coredns|kube-dns)[^"\n]*"[^\n]{0,300}proberesult="failure"/,
    anchors: ['probetype="readiness"', 'probetype="liveness"'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['node.firewall'],
    check: 'kubectl -n kube-system logs <coredns pod>: "Still waiting on: kubernetes" or reflector timeouts mean it cannot reach the API server; a probe refused or timing out with a healthy log means the kubelet cannot reach the pod IP (host firewall)',
    source: 'kubelet prober ("Probe failed" probeType= pod= probeResult="failure")',
    samples: [
      'Dec 06 10:00:00 node1 kubelet[1234]: I1206 10:00:00.000000    1234 prober.go:107] "Probe failed" probeType="Readiness" pod="kube-system/coredns-7db6d8ff4d-9xkqz" podUID="0b1c2d3e-aaaa-bbbb-cccc-1234567890ab" containerName="coredns" probeResult="failure" output="HTTP probe failed with statuscode: 503"',
      'I0410 08:00:00.000000     881 prober.go:107] "Probe failed" probeType="Liveness" pod="kube-system/coredns-5d78c9869d-lk2x8" podUID="9f8e7d6c-1111-2222-3333-abcdefabcdef" containerName="coredns" probeResult="failure" output="Get \\"http://10.244.3.4:8080/health\\": context deadline exceeded"',
    ],
    counterSamples: [
      'I1206 10:00:00.000000    1234 prober.go:107] "Probe failed" probeType="Readiness" pod="shop/web-7c9d8f6b5-abcde" podUID="1" containerName="web" probeResult="failure" output="HTTP probe failed with statuscode: 503"',
    ],
  }),
];
