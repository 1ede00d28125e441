import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Texts read from real runs of CoreDNS 1.14 and its clients (busybox nslookup) in a sandbox: the kubernetes plugin
 * waiting on an API it cannot reach, the cluster zone answered SERVFAIL while that plugin is unsynced, and busybox's
 * words for a cluster DNS address that refuses.
 */
export const COREDNS_RUN_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.coredns-waiting-for-api',
    cause: 'dns.coredns-down',
    // plugin/kubernetes setup: before the server starts it waits (5s by default) for its informers to sync with the
    // API, logging this each second; after the wait it starts unsynced ("starting server with unsynced Kubernetes
    // API") and answers the cluster zone SERVFAIL, and plugin/ready keeps the pod out of the Service. Why the API is
    // out of reach (kube-proxy, the pod network, a wrong kubeconfig) the text does not say, so below 0.9.
    re: /plugin\/kubernetes: waiting for kubernetes api before starting server/,
    anchors: ['waiting for kubernetes api'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['dns.service-unreachable', 'node.br-netfilter', 'node.firewall'],
    check: 'kubectl -n kube-system logs -l k8s-app=kube-dns: the "Failed to list"/"Failed to watch" lines after it name the API address and the error; from the CoreDNS node, curl -k https://<kubernetes Service IP>/version',
    source: 'CoreDNS plugin/kubernetes/setup.go (log.Info("waiting for Kubernetes API before starting server")); real run of CoreDNS 1.14.7 with an API URL that refuses',
    samples: [
      '[INFO] plugin/kubernetes: waiting for Kubernetes API before starting server',
      'Dec 06 12:02:00 dns1 coredns[475]: [INFO] plugin/kubernetes: waiting for Kubernetes API before starting server',
    ],
    counterSamples: ['[INFO] plugin/reload: Running configuration SHA512 = 591cf3', '[INFO] plugin/kubernetes: Kubernetes API connection established'],
  }),
  sig({
    id: 'dns.nslookup-servfail-cluster-zone',
    cause: 'dns.coredns-down',
    // A name inside the cluster zone (<svc>.<ns>.svc.cluster.local) is answered by the kubernetes plugin, not
    // forwarded: a Service that does not exist is NXDOMAIN. SERVFAIL there is the plugin unsynced with the API
    // (CoreDNS started without it, or lost it), seen in a real run with the API refusing. A Corefile that lacks the
    // kubernetes plugin (the zone forwarded upstream) answers the same, so below 0.9.
    re: /server can't find [\w.-]+\.svc\.cluster\.local\.?: servfail/,
    anchors: [': servfail'],
    confidence: 0.6,
    specificity: 85,
    alternatives: ['dns.upstream'],
    check: 'kubectl -n kube-system logs -l k8s-app=kube-dns: "starting server with unsynced Kubernetes API" or "Failed to watch" means the kubernetes plugin cannot reach the API; kubectl -n kube-system get cm coredns -o yaml shows whether the Corefile has the kubernetes plugin for that zone',
    source: 'busybox nslookup ("** server can\'t find %s: %s"); CoreDNS plugin/kubernetes answering SERVFAIL while unsynced (real run, CoreDNS 1.14.7)',
    samples: [
      "Server:    10.96.0.10\nAddress:   10.96.0.10:53\n\n** server can't find kubernetes.default.svc.cluster.local: SERVFAIL",
      "** server can't find postgres.default.svc.cluster.local: SERVFAIL\n\n** server can't find postgres.svc.cluster.local: SERVFAIL",
    ],
    // A name that only looks like the cluster zone (a truncated one the search list expanded) goes upstream.
    counterSamples: ["** server can't find postgres.default.svc.cluster.local: NXDOMAIN", "** server can't find example.com: SERVFAIL", "** server can't find otel-collector.default.svc.cluster.WORKGROUP: SERVFAIL"],
  }),
  sig({
    id: 'dns.busybox-service-ip-refused',
    cause: 'dns.coredns-down',
    // busybox nslookup reports the ICMP port unreachable of its UDP send as "write to '<server>': Connection refused"
    // (then ";; connection timed out; no servers could be reached"). At the cluster DNS Service address (x.x.0.10)
    // the refusal is kube-proxy rejecting for want of a ready endpoint: no CoreDNS pod ready, as dns.service-ip-refused.
    re: /nslookup: write to '(?:10|172|192|100)\.\d+\.\d+\.10': connection refused/,
    anchors: ["nslookup: write to '"],
    confidence: 0.6,
    specificity: 92,
    alternatives: ['dns.service-unreachable'],
    check: 'kubectl -n kube-system get endpointslices -l kubernetes.io/service-name=kube-dns and kubectl -n kube-system get pods -l k8s-app=kube-dns: no ready endpoint means CoreDNS is down (its logs say why)',
    source: 'busybox networking/nslookup.c (bb_perror_msg("write to \'%s\'", ...)); real run against an address with nothing on port 53',
    samples: [
      "/ # nslookup redis\nnslookup: write to '10.96.0.10': Connection refused\n;; connection timed out; no servers could be reached",
      "nslookup: write to '10.43.0.10': Connection refused",
    ],
    counterSamples: ["nslookup: write to '192.168.1.1': Connection refused", ';; connection timed out; no servers could be reached'],
  }),
];
