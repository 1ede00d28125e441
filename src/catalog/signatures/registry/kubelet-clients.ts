import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * In-cluster clients reaching kubelets and the metrics API over the node and pod network: metrics-server's scraper
 * (v0.3 "unable to fetch metrics from Kubelet <node> (<addr>)", v0.4 "unable to fetch metrics from node <node>",
 * v0.5+ "Failed to scrape node"), the API server's aggregator calling metrics-server ("failing or missing response
 * from"), and what kubectl top and the readiness probe show of both. The TLS and transport texts inside them are
 * Go's (crypto/x509, net, net/http) and are read by their mechanism, as a registry's would be.
 */
export const KUBELET_CLIENT_SIGNATURES: Signature[] = [
  sig({
    id: 'kubelet-client.x509-untrusted',
    cause: 'registry.tls-untrusted',
    // A kubelet's serving certificate (port 10250) or metrics-server's own (behind the APIService) signed by a CA the
    // caller does not hold. Go names the CA it tried: the cluster's own CA as candidate is the kubelet's self-signed
    // certificate or metrics-server's, not the API server's, so the kube-API reading does not apply here.
    re: /(:10250\/|unable to fetch metrics from kubelet |failing or missing response from https?:\/\/)[^\n]{0,400}?x509: certificate signed by unknown authority/,
    anchors: [':10250/', 'unable to fetch metrics from kubelet ', 'failing or missing response'],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['registry.proxy'],
    check: 'the issuer of the certificate the caller saw (openssl s_client -connect <node-ip>:10250 </dev/null | openssl x509 -noout -issuer -subject) against the CA it trusts: metrics-server --kubelet-certificate-authority, or the APIService\'s caBundle (kubectl get apiservice v1beta1.metrics.k8s.io -o yaml); a self-signed kubelet certificate is signed by <node>-ca@<n>, not by the cluster CA (serverTLSBootstrap: true and approved CSRs give one the cluster CA signs)',
    source: 'metrics-server pkg/scraper/client/resource/client.go:getMetrics, kube-aggregator available_controller.go; Go crypto/x509 UnknownAuthorityError ("possibly because of … while trying to verify candidate authority certificate")',
    samples: [
      'E1206 08:12:01.118242       1 scraper.go:149] "Failed to scrape node" err="Get \\"https://10.0.0.25:10250/metrics/resource\\": tls: failed to verify certificate: x509: certificate signed by unknown authority (possibly because of \\"crypto/rsa: verification error\\" while trying to verify candidate authority certificate \\"kubernetes-ca\\")" node="worker-1"',
      'unable to fully scrape metrics from source kubelet_summary:node3: unable to fetch metrics from Kubelet node3 (10.0.3.20): Get https://10.0.3.20:10250/stats/summary?only_cpu_and_memory=true: x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "kubernetes")',
      'v1beta1.metrics.k8s.io failed with: failing or missing response from https://10.244.3.4:4443/apis/metrics.k8s.io/v1beta1: Get "https://10.244.3.4:4443/apis/metrics.k8s.io/v1beta1": x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "kubernetes-ca")',
    ],
    counterSamples: [
      'Get "https://10.96.0.1:443/api/v1/pods": x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "kubernetes")',
      'E1206 08:12:01.118242       1 scraper.go:149] "Failed to scrape node" err="Get \\"https://10.0.0.25:10250/metrics/resource\\": x509: cannot validate certificate for 10.0.0.25 because it doesn\'t contain any IP SANs" node="worker-1"',
    ],
    subject: {
      title: 'The caller does not trust the kubelet\'s (or metrics-server\'s) serving certificate',
      explanation: 'metrics-server, a monitoring agent or the API server reached a kubelet on port 10250 (or metrics-server behind its APIService) and refused the certificate it presented: the CA the caller holds did not sign it. Kubelets serve a self-signed certificate unless serverTLSBootstrap is on and their CSRs are approved; metrics-server serves a self-signed one unless given a certificate its APIService\'s caBundle names. No registry is involved.',
      fix: [
        'For kubelets: turn on serverTLSBootstrap: true in the kubelet configuration, restart the kubelet and approve its serving CSRs (kubectl get csr; kubectl certificate approve <name>), so the cluster CA signs them; or give the caller the CA that signed them (metrics-server --kubelet-certificate-authority).',
        'For the APIService: set its caBundle to the CA that signed metrics-server\'s serving certificate, or serve metrics-server with a certificate that CA signed.',
        'As a stopgap in a lab only: metrics-server --kubelet-insecure-tls (the APIService\'s insecureSkipTLSVerify: true for the aggregator side).',
      ],
      verify: ['openssl s_client -connect <node-ip>:10250 </dev/null | openssl x509 -noout -issuer -subject'],
      docs: ['facts.md §4.7 (x509 texts)'],
    },
  }),
  sig({
    id: 'metrics-server.scrape-timeout',
    cause: 'unknown',
    // metrics-server in a pod dialling each kubelet's 10250 by its node address: a timeout or no route (not a refusal,
    // not a name lookup, not a TLS handshake) is the path to that port — a host firewall or security group that lets
    // the API server's node in but not pods' traffic, a DROP for masqueraded pod traffic, or the overlay when the
    // address is reached through it. The words do not decide which, and threads settle each: an honest unknown with
    // the path's causes as hints, as for the API server's own dial to 10250 (kubelet.port-no-route).
    re: /(failed to scrape node|unable to fetch metrics from (kubelet|node) )(?![^\n]{0,400}\blookup )[^\n]{0,400}?(context deadline exceeded|client\.timeout exceeded|i\/o timeout|no route to host|connection timed out)/,
    anchors: ['failed to scrape node', 'unable to fetch metrics from kubelet ', 'unable to fetch metrics from node '],
    confidence: 0.5,
    specificity: 94,
    alternatives: ['node.firewall', 'flannel.vxlan-blocked', 'flannel.wrong-iface', 'node.not-ready'],
    check: 'from a pod on the metrics-server pod\'s node: curl -k https://<node InternalIP>:10250/healthz (an answer, even 401, is reachable); then the target node\'s firewall (firewall-cmd --list-all, nft list ruleset) and cloud security group for TCP 10250 from the pod network, and whether the node\'s InternalIP (kubectl get node -o wide) is one the pods can route to',
    source: 'metrics-server pkg/scraper/scraper.go:Scrape ("Failed to scrape node[, timeout to access kubelet]"), v0.3/v0.4 "unable to fetch metrics from Kubelet|node"; Go net dial i/o timeout, EHOSTUNREACH, context.DeadlineExceeded',
    samples: [
      'E0729 16:42:13.559256       1 scraper.go:140] "Failed to scrape node" err="Get \\"https://10.0.3.20:10250/metrics/resource\\": context deadline exceeded" node="ip-10-0-3-20.us-west-2.compute.internal"',
      'I0603 21:15:27.076672       1 server.go:132] unable to fully scrape metrics: unable to fully scrape metrics from node worker-1: unable to fetch metrics from node worker-1: Get "https://192.168.1.21:10250/stats/summary?only_cpu_and_memory=true": context deadline exceeded',
      'unable to fully scrape metrics from source kubelet_summary:node3: unable to fetch metrics from Kubelet node3 (10.0.3.20): Get https://10.0.3.20:10250/stats/summary?only_cpu_and_memory=true: dial tcp 10.0.3.20:10250: i/o timeout',
    ],
    counterSamples: [
      'E1202 10:19:28.073051       1 scraper.go:140] "Failed to scrape node" err="Get \\"https://node-a:10250/metrics/resource\\": dial tcp: lookup node-a on 10.96.0.10:53: read udp 10.244.1.4:51234->10.96.0.10:53: i/o timeout" node="node-a"',
      '"Failed to scrape node" err="Get \\"https://10.0.0.12:10250/metrics/resource\\": dial tcp 10.0.0.12:10250: connect: connection refused" node="w1"',
    ],
  }),
  sig({
    id: 'metrics-server.no-metrics',
    cause: 'unknown',
    // What metrics-server's readiness and kubectl top say when no scrape has succeeded yet: a consequence, whose cause is in
    // metrics-server's own "Failed to scrape node" lines (or the aggregator's), so any other line of a paste outranks it.
    re: /\bno metrics to serve\b|metric collection didn't finish on time|error: metrics (api )?not available( yet)?|no metrics known for pod/,
    anchors: ['no metrics to serve', "metric collection didn't finish on time", 'metrics api not available', 'metrics not available yet', 'no metrics known for pod'],
    confidence: 0.4,
    specificity: 40,
    alternatives: ['registry.tls-name-mismatch', 'node.firewall'],
    check: 'kubectl -n kube-system logs deploy/metrics-server: its "Failed to scrape node" lines name what failed (an x509 "doesn\'t contain any IP SANs" wants serverTLSBootstrap or --kubelet-insecure-tls; a timeout is the path to TCP 10250); and kubectl get apiservice v1beta1.metrics.k8s.io for the API server\'s side',
    source: 'metrics-server pkg/server/server.go:probeMetricStorageReady/probeMetricCollectionTimely, pkg/api/pod.go; kubectl top',
    samples: [
      'I1206 08:14:02.118020       1 server.go:192] "Failed probe" probe="metric-storage-ready" err="no metrics to serve"',
      'I1206 08:21:07.337100       1 server.go:180] "Failed probe" probe="metric-collection-timely" err="metric collection didn\'t finish on time" duration="1m43.2s" maxDuration="1m30s"',
      '$ kubectl top node\nerror: metrics not available yet',
    ],
    counterSamples: ['I1206 08:14:02.118020       1 server.go:204] "Failed probe" probe="metric-informer-sync" err="cache for node informer has not synced"'],
    recordOnly: true,
  }),
];
