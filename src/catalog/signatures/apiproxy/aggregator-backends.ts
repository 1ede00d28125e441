import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The API server's aggregator checking an APIService's backend ("failing or missing response from
 * https://<addr>:<port>/apis/<group>/<version>") when that backend listens on 10250: metrics-server's own manifests
 * (components.yaml, the Helm chart) run it with --secure-port=10250 and containerPort 10250, so its pod IP and the
 * kubelet's port coincide. The path /apis/<group>/ is the aggregated API's discovery document, which no kubelet
 * serves: the peer is the metrics-server pod (through its Service's ClusterIP, or its endpoint with
 * --enable-aggregator-routing), not a node's kubelet, and the kubelet readings of 10250 (kubelet down, node address)
 * do not apply. Read from kube-apiserver v1.36.3 with an APIService v1beta1.metrics.k8s.io whose Service pointed
 * at a pod address with nothing on 10250, and at one behind a silent DROP (issue 13).
 */
const AGGREGATOR_POD_10250 = String.raw`failing or missing response from https?:\/\/[^\s\/"\\]+:(10250|10350)\/apis\/`;

export const AGGREGATOR_BACKEND_SIGNATURES: Signature[] = [
  sig({
    id: 'aggregator.discovery-refused-10250',
    cause: 'registry.connection-refused',
    // Nothing listens on the APIService backend's address and port: the metrics-server pod is down or not yet
    // serving, or the Service's targetPort names a port the container does not open. Same reading as other
    // refusals inside the cluster (ambiguous.refused-inside-cluster), ranked above the kubelet's 10250.
    re: new RegExp(AGGREGATOR_POD_10250 + String.raw`[\s\S]{0,400}?(connect|getsockopt): connection refused`),
    anchors: ['failing or missing response from'],
    also: ['connection refused'],
    confidence: 0.55,
    specificity: 94,
    alternatives: ['node.firewall'],
    check: 'the APIService\'s backend, not a kubelet: kubectl get apiservice <name> -o yaml (spec.service), then kubectl -n <ns> get endpointslices -l kubernetes.io/service-name=<svc> and the pod\'s state and log (kubectl -n kube-system logs deploy/metrics-server); its --secure-port and the Service\'s targetPort must agree',
    source: 'kube-aggregator remote_available_controller ("failing or missing response from %v: %v"); metrics-server manifests (--secure-port=10250, containerPort 10250)',
    samples: [
      'v1beta1.metrics.k8s.io failed with: failing or missing response from https://10.244.1.19:10250/apis/metrics.k8s.io/v1beta1: Get "https://10.244.1.19:10250/apis/metrics.k8s.io/v1beta1": dial tcp 10.244.1.19:10250: connect: connection refused',
      'Available=False FailedDiscoveryCheck: failing or missing response from https://10.42.0.5:10250/apis/metrics.k8s.io/v1beta1: Get "https://10.42.0.5:10250/apis/metrics.k8s.io/v1beta1": dial tcp 10.42.0.5:10250: connect: connection refused',
    ],
    counterSamples: [
      'Error from server: Get "https://192.168.7.3:10250/containerLogs/default/web-0/web": dial tcp 192.168.7.3:10250: connect: connection refused',
      'failing or missing response from https://10.244.1.19:4443/apis/metrics.k8s.io/v1beta1: Get "https://10.244.1.19:4443/apis/metrics.k8s.io/v1beta1": dial tcp 10.244.1.19:4443: connect: connection refused',
    ],
  }),
  sig({
    id: 'aggregator.discovery-unreachable-10250',
    cause: 'unknown',
    // A timeout or no route to the APIService backend's pod on 10250: the API server's host network to that pod
    // (the overlay to the pod's node, a firewall on the pod port, no kube-proxy for the ClusterIP) or a pod that
    // is gone from that address. As ambiguous.apiserver-to-pod, ranked above the kubelet's 10250 reading.
    re: new RegExp(AGGREGATOR_POD_10250 + String.raw`[\s\S]{0,400}?(context deadline exceeded|i\/o timeout|connection timed out|no route to host|network is unreachable|client\.timeout exceeded|request canceled)`),
    anchors: ['failing or missing response from'],
    confidence: 0.4,
    specificity: 94,
    alternatives: ['node.firewall', 'flannel.vxlan-blocked', 'flannel.wrong-iface', 'registry.proxy'],
    check: 'from a control-plane node, curl -k https://<metrics-server pod IP>:10250/apis/metrics.k8s.io/v1beta1 (kubectl -n kube-system get endpointslices -l k8s-app=metrics-server gives the IP): a timeout from the node but an answer from another pod is the path between the control plane and that pod\'s node (flannel\'s UDP 8472, a host firewall on 10250, kube-proxy absent for the ClusterIP); metrics-server\'s hostNetwork: true or --enable-aggregator-routing are the usual ways around it',
    source: 'kube-aggregator remote_available_controller ("failing or missing response from %v: %v"); metrics-server manifests (--secure-port=10250)',
    samples: [
      'v1beta1.metrics.k8s.io failed with: failing or missing response from https://10.244.1.19:10250/apis/metrics.k8s.io/v1beta1: Get "https://10.244.1.19:10250/apis/metrics.k8s.io/v1beta1": context deadline exceeded',
      'failing or missing response from https://10.42.1.3:10250/apis/metrics.k8s.io/v1beta1: Get "https://10.42.1.3:10250/apis/metrics.k8s.io/v1beta1": dial tcp 10.42.1.3:10250: i/o timeout',
    ],
    counterSamples: ['Error from server: error dialing backend: dial tcp 172.16.4.22:10250: connect: no route to host'],
  }),
  sig({
    id: 'aggregator.backend-no-endpoints',
    cause: 'unknown',
    // The API server resolved a webhook's or an APIService's Service to its endpoints (it does for APIServices, and
    // for webhooks too with --enable-aggregator-routing) and found no ready address: the backend pods are not Ready
    // or not running — often a pod stuck in ContainerCreating because the node's CNI is not ready, or a selector
    // that matches nothing, or a pod whose image never pulled (a node's HTTP proxy in cert-manager#5483). No packet
    // was sent to the backend, so the API server's path to it (firewall, overlay) is not in question yet.
    re: /no endpoints available for service "|missingendpoints: endpointslices for service\/|endpointslices for service\/[^\s]+ in "[^"]+" have no addresses with port name/,
    anchors: ['no endpoints available for service', 'missingendpoints', 'have no addresses with port name'],
    confidence: 0.4,
    specificity: 78,
    alternatives: ['flannel.daemon-down', 'node.not-ready', 'registry.proxy'],
    check: 'the Service\'s endpoints and the pods behind them: kubectl -n <ns> get endpointslices -l kubernetes.io/service-name=<svc> -o wide and kubectl -n <ns> get pods -o wide for its selector; a pod that is not Ready or stuck in ContainerCreating (kubectl describe pod: FailedCreatePodSandBox, network plugin not ready) is the reason, and a port name in the APIService\'s Service that the EndpointSlice does not carry is the other',
    source: 'kube-apiserver endpoint resolver ("no endpoints available for service %q"); kube-aggregator available controller condition MissingEndpoints ("endpointslices for service/%s in %q have no addresses with port name %q")',
    samples: [
      'Internal error occurred: failed calling webhook "noeps.rwebhooks.example.com": failed to call webhook: Post "https://wh-noeps.hooks.svc:443/validate?timeout=10s": no endpoints available for service "wh-noeps"',
      'Available=False MissingEndpoints: endpointslices for service/metrics-server in "kube-system" have no addresses with port name "https"',
      'E1207 12:04:09.949474    1398 handler_proxy.go:144] error resolving kube-system/metrics-server: no endpoints available for service "metrics-server"',
    ],
    counterSamples: ['Internal error occurred: failed calling webhook "x.example.com": failed to call webhook: Post "https://x.ns.svc:443/validate?timeout=10s": context deadline exceeded'],
  }),
];
