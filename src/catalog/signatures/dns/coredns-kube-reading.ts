import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * CoreDNS 1.14.7 read by real runs (its kubernetes plugin against a real kube-apiserver, its forward plugin
 * against dead targets): the query log's authoritative SERVFAIL for the cluster zone, a plugin's setup line behind
 * the wrapper a user pastes it with, and the forward plugin running out of sockets.
 */
export const COREDNS_KUBE_READING_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.coredns-log-servfail-cluster-zone',
    cause: 'dns.coredns-down',
    // log plugin: a SERVFAIL carrying the aa flag for a Service name was answered by the plugin that owns the zone
    // (kubernetes), not relayed from an upstream (those read "qr,rd"). The kubernetes plugin answers SERVFAIL
    // while its informers have not synced with the API (it started "with unsynced Kubernetes API"): the pod is
    // then not Ready either. Below 0.9: another authoritative plugin (file, etcd) can own a zone named like this.
    re: /\w+ in [\w.-]+\.(?:svc\.[\w.-]+|cluster\.local)\. (?:udp|tcp) \d+ (?:true|false) \d+\\?" servfail qr,aa/,
    anchors: ['" servfail qr,aa'],
    confidence: 0.7,
    specificity: 82,
    alternatives: ['dns.upstream'],
    check: 'kubectl -n kube-system logs -l k8s-app=kube-dns | grep -E "unsynced Kubernetes API|Failed to watch|Plugins not ready": the kubernetes plugin has not synced with the API server (its error names why); if it has, look at which plugin serves that zone in the Corefile',
    source: 'real run of CoreDNS 1.14.7 (log, kubernetes plugins) with the API server behind a DROP rule before start',
    samples: [
      '[INFO] 127.0.0.1:54462 - 50715 "A IN kubernetes.default.svc.cluster.local. udp 77 false 1232" SERVFAIL qr,aa,rd 147 0.00029119s',
      '[INFO] 127.0.0.1:56041 - 53888 "A IN kubernetes.default.svc.cluster.local. udp 77 false 1232" SERVFAIL qr,aa,rd 147 0.001405577s',
    ],
    counterSamples: [
      '[INFO] 127.0.0.1:58453 - 60823 "A IN example.com. udp 52 false 1232" SERVFAIL qr,rd 29 4.00199198s',
      '[INFO] 127.0.0.1:42219 - 32907 "A IN web.demo.svc.cluster.local. udp 67 false 1232" NOERROR qr,aa,rd 86 0.001114077s',
    ],
  }),
  sig({
    id: 'dns.coredns-setup-error-wrapped',
    cause: 'dns.coredns-down',
    // A plugin's setup refusal ("plugin/<name>: <reason>", no level) is CoreDNS exiting at start; pasted from
    // `kubectl logs --timestamps` (RFC 3339 time first) or from the journal ("coredns[pid]: ") it keeps that
    // meaning, whatever the reason names (a kubeconfig or token file, the in-cluster variables, a zone, an option).
    // The plugins that log while serving (errors, forward, health, ready, loop, log, reload) are left out.
    re: /(?:^|[^\S \t\r\f\v])(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d) (?:(?:stdout|stderr) [fp] )?|[^\n]{0,80}\bcoredns\[\d+\]: )plugin\/(?!errors:|forward:|health:|ready:|loop:|log:|reload:)[a-z0-9_]+: (?!\d+ [\w.-]+\.? )\S[^\n]{2,200}/,
    anchors: ['plugin/'],
    confidence: 0.85,
    specificity: 91,
    check: 'kubectl -n kube-system get pods -l k8s-app=kube-dns: CrashLoopBackOff with this as the last line is a setup error; fix what it names in the Corefile (kubectl -n kube-system get cm coredns -o yaml) or in the pod (its service account token, its kubeconfig mount)',
    source: 'real runs of CoreDNS 1.14.7: kubernetes plugin setup with a missing kubeconfig, no in-cluster variables, no token file, a bad zone or option',
    samples: [
      '2026-12-07T03:50:01.123456789Z plugin/kubernetes: unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined',
      'Dec 07 03:50:01 dns1 coredns[475]: plugin/kubernetes: open /var/run/secrets/kubernetes.io/serviceaccount/token: no such file or directory',
      '2026-12-07T03:50:01.123456789Z plugin/kubernetes: non-reverse zone name must be used',
    ],
    counterSamples: [
      '2026-12-07T03:50:01.123456789Z [ERROR] plugin/errors: 2 example.com. A: read udp 10.77.0.3:59782->10.77.0.3:53: i/o timeout',
      'Dec 07 03:50:01 dns1 coredns[475]: [INFO] plugin/ready: Plugins not ready: "kubernetes"',
      'Dec 07 03:50:01 node-a flanneld[475]: plugin/kubernetes: x',
    ],
  }),
  sig({
    id: 'dns.forward-sockets-exhausted',
    cause: 'dns.loop',
    // forward opens a socket per upstream query; when each query it sends comes back to itself (the target is its
    // own address, or routed back into the node) the queries multiply until the process runs out of descriptors.
    // A low file limit with heavy traffic reads the same, so below 0.9.
    re: /plugin\/errors: \d+ [\w.-]+\.? \w+: dial (?:udp|tcp) \S+: socket: too many open files/,
    anchors: ['socket: too many open files'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['dns.coredns-down', 'dns.upstream'],
    check: 'the forward targets in the Corefile against the CoreDNS pod\'s own and its node\'s addresses (a target that is CoreDNS itself, or the node\'s resolv.conf pointing at it, loops; the loop plugin would say "Loop … detected"); if none loops, the pod\'s file limit (cat /proc/<pid>/limits) against its query rate',
    source: 'real run of CoreDNS 1.14.7 forwarding to targets routed back into its own network namespace',
    samples: [
      '[ERROR] plugin/errors: 2 example.com. A: dial udp 10.88.0.54:53: socket: too many open files',
      '[ERROR] plugin/errors: 2 example.com. A: dial udp 10.88.0.53:53: socket: too many open files',
    ],
    counterSamples: ['[ERROR] plugin/errors: 2 example.com. A: dial udp 10.200.0.53:53: connect: network is unreachable'],
  }),
];
