import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * What the real kubelet, kube-controller-manager and kube-apiserver v1.36.3 print when started against faults built
 * for them (grid-kubelet, issue 13): a runtime endpoint that is stale, a directory or another scheme; a kubeconfig
 * without a context or with nothing in it; client certificates the API server rejects; a node IPAM controller with a
 * cluster CIDR it cannot parse or without the right to patch Nodes. Each text is the program's own wording, read by the
 * mechanism its fix heals.
 */
export const KUBELET_REAL_START_SIGNATURES: Signature[] = [
  sig({
    id: 'kubelet.cri-validate-failed',
    cause: 'runtime.unavailable',
    // The kubelet's top-level start-up error when its first CRI call (the runtime's version over CRI v1) fails: no
    // socket, a stale socket nobody listens on (connection refused), a path that is a directory, a socket that is not
    // gRPC (an HTTP server: "error reading server preface"), or a gRPC server without the CRI service. The kubelet then
    // exits; whatever the inner error, the fix is the runtime serving CRI on the endpoint the kubelet names. Outranks
    // the generic "dial unix … connection refused" reading (ambiguous.local-socket-refused), which cannot tell whose
    // socket it is: here the kubelet says it is its runtime endpoint.
    re: /failed to run kubelet: validate service connection: validate cri v1 (runtime|image) api for endpoint/,
    anchors: ['failed to run kubelet: validate service connection'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['node.not-ready'],
    check: 'crictl --runtime-endpoint <the endpoint it names> version on the node, and ls -l that path: no socket is the runtime down (systemctl status containerd); refused is a stale socket of a runtime that died; "unknown service runtime.v1" or "server preface" is a socket of something that does not serve CRI (containerd with the cri plugin disabled, another daemon)',
    source: 'kubelet cmd/kubelet/app/server.go run → remote runtime service validateServiceConnection ("validate CRI v1 runtime API for endpoint %q"); seen from the real kubelet v1.36.3 against a missing socket, a stale one, a directory, an HTTP server and etcd behind a unix socket',
    samples: [
      'E1206 23:33:45.568664     166 run.go:72] "command failed" err="failed to run Kubelet: validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///var/run/containerd/containerd.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/containerd/containerd.sock: connect: connection refused\\""',
      'E1206 23:44:14.346947      96 run.go:72] "command failed" err="failed to run Kubelet: validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///run/podman/podman.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"error reading server preface: http2: failed reading the frame payload: http2: frame too large\\""',
    ],
    counterSamples: ['W1206 23:33:45.568374 166 logging.go:55] [core] grpc: addrConn.createTransport failed to connect to {Addr: "/run/csi/socket", ServerName: "localhost", }. Err: connection error: desc = "transport: Error while dialing: dial unix /run/csi/socket: connect: connection refused"'],
  }),
  sig({
    id: 'kubelet.runtime-endpoint-scheme',
    cause: 'runtime.unavailable',
    // The kubelet parses --container-runtime-endpoint / containerRuntimeEndpoint before dialling: on Linux only unix://
    // (or a bare path) is accepted; tcp:// says "only support unix socket endpoint", npipe:// (a Windows node's
    // config copied to Linux) 'protocol "npipe" not supported'. It exits: the endpoint must name the runtime's socket.
    re: /failed to run kubelet: (only support unix socket endpoint|protocol \\?"[a-z0-9+.-]*\\?" not supported)/,
    anchors: ['only support unix socket endpoint', 'failed to run kubelet: protocol'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['node.not-ready'],
    check: 'containerRuntimeEndpoint in /var/lib/kubelet/config.yaml (or --container-runtime-endpoint in the kubelet\'s flags): on Linux it must be unix:///run/containerd/containerd.sock (or your runtime\'s socket), never tcp:// or npipe://',
    source: 'kubelet pkg/kubelet/util (util_unix.go parseEndpointWithFallbackProtocol / GetAddressAndDialer: "only support unix socket endpoint", "protocol %q not supported"); seen from the real kubelet v1.36.3 with tcp:// and npipe:// endpoints',
    samples: [
      'E1206 23:33:41.508202      93 run.go:72] "command failed" err="failed to run Kubelet: only support unix socket endpoint"',
      'E1206 23:44:18.969503     150 run.go:72] "command failed" err="failed to run Kubelet: protocol \\"npipe\\" not supported"',
    ],
    counterSamples: ['E1206 23:33:46.270010 180 run.go:72] "command failed" err="failed to run Kubelet: invalid kubeconfig: stat /etc/kubernetes/kubelet.conf: no such file or directory"'],
  }),
  sig({
    id: 'kubelet.invalid-kubeconfig',
    cause: 'node.not-ready',
    // The kubelet loads its own kubeconfig before it starts anything and exits on any clientcmd error: an empty file
    // ("no configuration has been provided"), a current-context it does not hold, a client certificate or CA file that
    // cannot be read. Its prefix "invalid kubeconfig:" says the kubelet's own, not kubectl's (kubectl.kubeconfig-unusable):
    // the node never registers or goes NotReady.
    re: /failed to run kubelet: invalid kubeconfig: /,
    anchors: ['failed to run kubelet: invalid kubeconfig'],
    confidence: 0.8,
    specificity: 93,
    check: 'the file the kubelet\'s --kubeconfig names (/etc/kubernetes/kubelet.conf): it must parse, hold its current-context, and the files it names (client certificate, key, CA: /var/lib/kubelet/pki/kubelet-client-current.pem) must exist; rejoin the node (kubeadm join) to write it again',
    source: 'kubelet cmd/kubelet/app/server.go ("invalid kubeconfig: %w" around clientcmd loading and validation); seen from the real kubelet v1.36.3 with an empty, a context-less, a missing-cert and a missing-CA kubeconfig',
    samples: [
      'E1206 23:44:20.905214     190 run.go:72] "command failed" err="failed to run Kubelet: invalid kubeconfig: invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable"',
      'E1206 23:44:22.156928     204 run.go:72] "command failed" err="failed to run Kubelet: invalid kubeconfig: invalid configuration: [context was not found for specified context: gone, cluster has no server defined]"',
    ],
    counterSamples: ['error: context "gone" does not exist'],
  }),
  sig({
    id: 'kubelet.lease-or-event-unauthorized',
    cause: 'node.not-ready',
    // The API server refuses the kubelet's credentials (its client certificate expired, is not yet valid, or is signed
    // by another CA): the kubelet's node-lease heartbeat and its own events come back 401 "Unauthorized", it cannot
    // register or renew its lease, and the node goes NotReady. The lease lives in kube-node-lease (the kubelet's); the
    // events name Component:kubelet. Kubelets before 1.19 printed the lease error as "failed to ensure node lease exists,
    // will retry in 7s, error: Unauthorized".
    re: /failed to ensure (node )?lease exists, will retry[^\n]{0,40}?(err=\\?"|error: )unauthorized|server rejected event \(will not retry!\)\\?" err=\\?"unauthorized[^\n]{0,800}component:kubelet/,
    anchors: ['failed to ensure lease exists', 'failed to ensure node lease exists', 'server rejected event'],
    confidence: 0.75,
    specificity: 93,
    check: 'the kubelet\'s client certificate: openssl x509 -noout -dates -issuer -in /var/lib/kubelet/pki/kubelet-client-current.pem (expired, not yet valid against date -u, or from another cluster\'s CA); the API server\'s log names the reason ("Unable to authenticate the request"); renew it (kubeadm certs renew / rejoin) and restart the kubelet',
    source: 'kubelet pkg/kubelet/nodelease (component-helpers lease controller: "Failed to ensure lease exists, will retry") and client-go record ("Server rejected event (will not retry!)"); seen from the real kubelet v1.36.3 with an expired, a future-dated and another CA\'s client certificate',
    samples: [
      'E1206 23:42:53.443133     266 controller.go:201] "Failed to ensure lease exists, will retry" err="Unauthorized" interval="200ms"',
      'E0412 10:02:11.117093    2210 controller.go:144] failed to ensure node lease exists, will retry in 7s, error: Unauthorized',
      'E1206 23:42:22.799448     233 event.go:359] "Server rejected event (will not retry!)" err="Unauthorized" event="&Event{ObjectMeta:{w1.18eec  default    0 0001-01-01 00:00:00 +0000 UTC <nil> <nil> map[] map[] [] [] []},InvolvedObject:ObjectReference{Kind:Node,Namespace:,Name:w1,UID:,APIVersion:v1,ResourceVersion:,FieldPath:,},Reason:Starting,Message:Starting kubelet.,Source:EventSource{Component:kubelet,Host:w1,},}"',
    ],
    counterSamples: ['E1206 23:42:22.844303 233 reflector.go:227] "Failed to watch" err="failed to list *v1.Node: Unauthorized"'],
  }),
  sig({
    id: 'controlplane.nodeipam-cidr-unparsable',
    cause: 'flannel.no-pod-cidr',
    // kube-controller-manager with --allocate-node-cidrs builds the node IPAM controller from --cluster-cidr: empty or
    // not a CIDR ("invalid CIDR[0]: <nil> (invalid CIDR address: …)"), or two of one family, and it exits (or, in an
    // older release, runs without IPAM). No Node gets a podCIDR, and flannel in kube-subnet-mgr mode waits for one.
    re: /invalid cidr\[\d+\]: <nil> \(invalid cidr address: |len of clustercidrs==\d+ and they are not configured as dual stack/,
    anchors: ['invalid cidr[', 'len of clustercidrs=='],
    confidence: 0.75,
    specificity: 93,
    check: 'kube-controller-manager\'s --cluster-cidr (kubeadm: networking.podSubnet in the kubeadm-config ConfigMap, /etc/kubernetes/manifests/kube-controller-manager.yaml): one valid CIDR per family (10.244.0.0/16 for flannel\'s default), then kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR',
    source: 'kube-controller-manager cmd/kube-controller-manager/app/core.go (node IPAM: netutils.ParseCIDRs "invalid CIDR[%d]: %v (%v)", "len of ClusterCIDRs==%v and they are not configured as dual stack"); seen from the real v1.36.3 with --cluster-cidr empty, 10.244.0.0/33 and two IPv4 ranges',
    samples: [
      'E1206 23:36:23.163642     355 run.go:72] "command failed" err="invalid CIDR[0]: <nil> (invalid CIDR address: 10.244.0.0/33)"',
      'E1206 23:36:23.765043     367 run.go:72] "command failed" err="len of ClusterCIDRs==2 and they are not configured as dual stack (at least one from each IPFamily"',
    ],
    counterSamples: ['E1206 23:35:34.254242 269 run.go:72] "command failed" err="service-cluster-ip-range[0] is not a valid cidr"'],
  }),
  sig({
    id: 'controlplane.nodeipam-patch-forbidden',
    cause: 'flannel.no-pod-cidr',
    // The node IPAM range allocator picked a CIDR but may not write it: kube-controller-manager runs without
    // --use-service-account-credentials (or its node-ipam-controller account lost its RBAC), so the patch of
    // spec.podCIDR is forbidden, the CIDR is released and the Node stays without one (CIDRAssignmentFailed events).
    re: /failed to patch node cidr: nodes \\?"[^"\\]+\\?" is forbidden/,
    anchors: ['failed to patch node cidr'],
    confidence: 0.8,
    specificity: 94,
    check: 'kube-controller-manager\'s flags (--use-service-account-credentials=true as kubeadm sets it) and kubectl auth can-i patch nodes --as=system:serviceaccount:kube-system:node-controller; the system:controller:node-controller ClusterRoleBinding must exist',
    source: 'kube-controller-manager pkg/controller/nodeipam/ipam/range_allocator.go (updateCIDRsAllocation: "failed to patch node CIDR: %w", "CIDR assignment for node failed. Releasing allocated CIDR"); seen from the real v1.36.3 as user system:kube-controller-manager without service-account credentials',
    samples: [
      'E1206 23:36:26.496883     403 range_allocator.go:257] "Error processing node work item" err="error syncing \'w1\': failed to patch node CIDR: nodes \\"w1\\" is forbidden: User \\"system:kube-controller-manager\\" cannot patch resource \\"nodes\\" in API group \\"\\" at the cluster scope, requeuing" logger="UnhandledError"',
      'E1206 23:36:26.496808     403 range_allocator.go:438] "Failed to update node PodCIDR after multiple attempts" err="failed to patch node CIDR: nodes \\"w2\\" is forbidden: User \\"system:serviceaccount:kube-system:node-controller\\" cannot patch resource \\"nodes\\" in API group \\"\\" at the cluster scope" node="w2" podCIDRs=["10.244.3.0/24"]',
    ],
    counterSamples: ['failed to patch node status: nodes "w1" is forbidden: node "w2" is not allowed to modify node "w1"'],
  }),
];
