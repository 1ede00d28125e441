import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The cloud-provider framework's node controllers (k8s.io/cloud-provider controllers/node, nodelifecycle, route) and
 * the kubelet's own node addresses, on nodes that take no pods or have no usable address. A kubelet started with
 * --cloud-provider=external registers its node with the NoSchedule taint node.cloudprovider.kubernetes.io/uninitialized
 * and, without --node-ip, with a Hostname address only; a cloud-controller-manager's cloud-node controller finds the
 * instance, sets providerID and addresses, and only then removes the taint. No CCM, or one that cannot find the
 * instance, leaves every pod but the tolerating DaemonSets (flannel's among them) Pending. No cause id names a missing
 * or failing CCM, so most of these answer unknown with the check that decides.
 */
export const CLOUD_NODE_SIGNATURES: Signature[] = [
  sig({
    id: 'cloudnode.uninitialized-taint',
    cause: 'unknown',
    // The taint the kubelet puts when it runs with --cloud-provider=external (kubelet_node_status.go initialNode) and
    // only the CCM's cloud-node controller removes (node_controller.go syncNode). A pod's toleration of it is no
    // taint on a node. Low specificity: a named cause in the same paste (CoreDNS pods Pending on it) outranks it.
    re: /node\.cloudprovider\.kubernetes\.io\/uninitialized(?![=:]\w*(:\w+)?\s+op=|"?,?\s*"?operator"?:)/,
    anchors: ['node.cloudprovider.kubernetes.io/uninitialized'],
    confidence: 0.5,
    specificity: 40,
    alternatives: ['node.not-ready'],
    check: "kubectl get nodes -o custom-columns=NAME:.metadata.name,PROVIDER:.spec.providerID,TAINTS:.spec.taints — the taint stays until a cloud-controller-manager initialises the node: is one running (kubectl -n kube-system get pods -o wide | grep -i cloud-controller) and what do its logs say (failed to get instance metadata for node …)? It must tolerate this taint and run with hostNetwork. On machines without a cloud, the kubelet should not run with --cloud-provider=external (/var/lib/kubelet/kubeadm-flags.env), and the taint left on registered nodes has to be removed once",
    source: 'k8s.io/cloud-provider api/well_known_taints.go (TaintExternalCloudProvider), controllers/node/node_controller.go (removes it after initialisation); kubelet kubelet_node_status.go (registers with it when externalCloudProvider)',
    samples: [
      '0/3 nodes are available: 3 node(s) had untolerated taint {node.cloudprovider.kubernetes.io/uninitialized: true}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      "Warning  FailedScheduling  2m18s (x1 over 3m46s)  default-scheduler  0/6 nodes are available: 3 node(s) had taint {node-role.kubernetes.io/master: }, that the pod didn't tolerate, 3 node(s) had taint {node.cloudprovider.kubernetes.io/uninitialized: true}, that the pod didn't tolerate.",
      'Taints:             node.cloudprovider.kubernetes.io/uninitialized=true:NoSchedule',
      "pod didn't trigger scale-up: 1 node(s) had untolerated taint {node.cloudprovider.kubernetes.io/uninitialized: true}",
    ],
    counterSamples: [
      'Tolerations:     node.cloudprovider.kubernetes.io/uninitialized=true:NoSchedule op=Exists',
      '  - effect: NoSchedule\n    key: node.cloudprovider.kubernetes.io/uninitialized\n    operator: Exists',
      '  - {"key": "node.cloudprovider.kubernetes.io/uninitialized", "operator": "Exists", "effect": "NoSchedule"}',
    ],
  }),
  sig({
    id: 'cloudnode.init-failed',
    cause: 'unknown',
    // The cloud-node controller cannot initialise a node: the cloud does not find the instance (by spec.providerID,
    // then by node name), answers with an error (credentials, API unreachable), or the CCM itself did not start. The
    // node keeps its uninitialized taint and gets no providerID or cloud addresses. An inner transport or DNS text in
    // the same line is more specific and outranks this wrapper.
    re: /failed to get instance metadata for node \S+|error getting instance metadata for node addresses|failed to get node modifiers from cloud provider|cloud provider does not set node provider id for node|cloud provider could not be initialized/,
    anchors: ['failed to get instance metadata', 'error getting instance metadata', 'failed to get node modifiers', 'does not set node provider id', 'cloud provider could not be initialized'],
    confidence: 0.5,
    specificity: 40,
    alternatives: ['node.not-ready'],
    check: "the CCM's error after the node's name decides: instance not found means the node name or spec.providerID (kubectl get node <node> -o jsonpath={.spec.providerID}) does not match the cloud's instance — rename the node to the instance's name or set the kubelet's --provider-id in the provider's format; unauthorized or forbidden is the CCM's cloud credentials (its Secret or IAM role); a timeout is its way to the cloud API. Until it succeeds the node keeps the node.cloudprovider.kubernetes.io/uninitialized taint",
    source: 'k8s.io/cloud-provider controllers/node/node_controller.go (syncNode: "failed to get instance metadata for node %s: %v", getInstanceMetadata, "error syncing \'%s\': %s, requeuing"); app (Cloud provider could not be initialized)',
    samples: [
      "E1206 09:14:33.512008       1 node_controller.go:236] error syncing 'worker-1': failed to get instance metadata for node worker-1: failed to get instance ID from cloud provider: instance not found, requeuing",
      "error syncing 'node-a': failed to get instance metadata for node node-a: cloud provider does not set node provider ID for node node-a, requeuing",
      'E1206 11:06:40.774201       1 node_controller.go:288] Error getting instance metadata for node addresses: error fetching node by provider ID: instance not found, and error by node name: instance not found',
      'F1206 10:12:00.100100       1 main.go:113] Cloud provider could not be initialized: could not init cloud provider "hcloud": hcloud/newCloud: HCLOUD_TOKEN is not set',
    ],
    counterSamples: ['I1206 10:22:01.442100       1 node_controller.go:477] Successfully initialized node worker-3 with cloud provider'],
  }),
  sig({
    id: 'cloudnode.node-ip-not-cloud-address',
    cause: 'unknown',
    // The kubelet annotates its --node-ip (alpha.kubernetes.io/provided-node-ip) for the CCM, which refuses to
    // initialise the node — and to update its addresses later — when no address the cloud reports equals it: an
    // address of a private network or an overlay the cloud does not list, or a stale one.
    re: /provided node ip for node \S+ is not valid|failed to get node address from cloud provider that matches ip/,
    anchors: ['provided node ip for node', 'from cloud provider that matches ip'],
    confidence: 0.5,
    specificity: 45,
    alternatives: ['node.not-ready', 'flannel.wrong-iface'],
    check: "kubectl get node <node> -o jsonpath='{.metadata.annotations.alpha\\.kubernetes\\.io/provided-node-ip}' against the addresses the cloud lists for the instance: the kubelet's --node-ip must be one of them (a private network the CCM is configured for, not another NIC's or a VPN's); the same address is the one flannel should use (--iface or --public-ip)",
    source: 'k8s.io/cloud-provider node/helpers/address.go GetNodeAddressesFromNodeIP ("failed to get node address from cloud provider that matches ip: %v"); controllers/node/node_controller.go ("provided node ip for node %q is not valid: %w", "Failed to update node addresses for node %q: %v")',
    samples: [
      'E1206 11:02:45.001233       1 node_controller.go:240] error syncing \'worker-4\': failed to get node modifiers from cloud provider: provided node ip for node "worker-4" is not valid: failed to get node address from cloud provider that matches ip: 10.10.0.4, requeuing',
      'E1206 11:05:12.331190       1 node_controller.go:396] Failed to update node addresses for node "worker-4": failed to get node address from cloud provider that matches ip: 192.168.100.14',
    ],
    counterSamples: ['I1206 11:05:12.331190       1 node_controller.go:432] Initializing node worker-4 with cloud provider'],
  }),
  sig({
    id: 'cloudnode.deleted-not-in-cloud',
    cause: 'unknown',
    // The cloud node lifecycle controller looks only at nodes whose Ready condition is not True, and deletes those
    // whose instance the cloud does not find by spec.providerID: a VM that is gone, or a providerID that names
    // another instance or format. Flannel's lease goes with the Node object.
    re: /deleting node since it is no longer present in cloud provider|deleting node \S+ because it does not exist in the cloud provider|\bdeletingnodefailed\b|error checking if node \S+ (exists|is shutdown): /,
    anchors: ['no longer present in cloud provider', 'does not exist in the cloud provider', 'deletingnodefailed', 'error checking if node'],
    confidence: 0.5,
    specificity: 45,
    alternatives: ['node.not-ready'],
    check: "the node was NotReady first (journalctl -u kubelet on it, or the instance is gone); then kubectl get node <node> -o jsonpath={.spec.providerID} against the instance in the cloud console: a providerID that names no instance (another format, region or project) makes the CCM delete the node every time it turns NotReady",
    source: 'k8s.io/cloud-provider controllers/nodelifecycle/node_lifecycle_controller.go (MonitorNodes: "deleting node since it is no longer present in cloud provider", events DeletingNode and DeletingNodeFailed)',
    samples: [
      'I1206 11:00:03.228111       1 node_lifecycle_controller.go:163] deleting node since it is no longer present in cloud provider: worker-2',
      '  Normal  DeletingNode  2m  cloud-node-lifecycle-controller  Deleting node worker-2 because it does not exist in the cloud provider',
      'E1206 11:01:00.411002       1 node_lifecycle_controller.go:156] error checking if node worker-2 exists: instance not found',
    ],
    counterSamples: ['I1206 11:05:00.000203       1 event.go:389] "Event occurred" object="vm-node-01" kind="Node" reason="RemovingNode" message="Node vm-node-01 event: Removing Node vm-node-01 from Controller"'],
  }),
  sig({
    id: 'cloudnode.shutdown-taint',
    cause: 'node.not-ready',
    // The cloud node lifecycle controller adds node.cloudprovider.kubernetes.io/shutdown only to a node whose Ready
    // condition is not True and whose instance the cloud reports shut down, and removes it when Ready returns.
    re: /node\.cloudprovider\.kubernetes\.io\/shutdown(?![=:]\w*(:\w+)?\s+op=|"?,?\s*"?operator"?:)|failed to apply shutdown taint to node/,
    anchors: ['node.cloudprovider.kubernetes.io/shutdown', 'apply shutdown taint'],
    confidence: 0.75,
    specificity: 50,
    check: "kubectl describe node <node>: Ready is Unknown or False and the cloud reports the instance stopped — start the instance, or drain and delete the node if it is gone for good; the taint goes once the kubelet posts Ready again",
    source: 'k8s.io/cloud-provider api/well_known_taints.go (TaintNodeShutdown); controllers/nodelifecycle/node_lifecycle_controller.go (shutdown taint on NotReady nodes)',
    samples: [
      "0/3 nodes are available: 1 node(s) had untolerated taint {node.cloudprovider.kubernetes.io/shutdown: }, 2 node(s) didn't match Pod's node affinity/selector.",
      'Taints:             node.cloudprovider.kubernetes.io/shutdown:NoSchedule',
      'E1206 11:03:40.007722       1 node_lifecycle_controller.go:194] failed to apply shutdown taint to node worker-6, it may have been deleted.',
    ],
    counterSamples: ['Tolerations:     node.cloudprovider.kubernetes.io/shutdown:NoSchedule op=Exists'],
  }),
  sig({
    id: 'cloudnode.route-reconcile-failed',
    cause: 'flannel.route-missing',
    // The route controller (--configure-cloud-routes, on by default in a CCM) lists the cloud's routes and the nodes
    // before it creates one per podCIDR; when that fails no node gets its route — the controller runs only to give
    // pod subnets cloud routes, so a cluster that relies on them (kubenet, host-gw across subnets, a cloud-routed
    // flannel) lacks every one. Not sure: with flannel's VXLAN the routes are not needed and the message is noise.
    // Unlike one failed creation (controlplane.route-not-created, often a retried 409), nothing gets created here.
    re: /couldn'?t reconcile node routes|routecontroller: must specify clustercidr/,
    anchors: ['reconcile node routes', 'must specify clustercidr'],
    confidence: 0.6,
    specificity: 60,
    check: "does the cluster route pod subnets through the cloud (the CCM's --configure-cloud-routes and --allocate-node-cidrs, flannel's host-gw across subnets)? With flannel's vxlan the route controller is not needed and --configure-cloud-routes=false turns it off; otherwise the cloud error after the colon (route table not found or ambiguous, permissions, rate limit) and the CCM's --cluster-cidr decide",
    source: 'k8s.io/cloud-provider controllers/route/route_controller.go ("Couldn\'t reconcile node routes: %v", "error listing routes: %v", "RouteController: Must specify clusterCIDR.")',
    samples: [
      'E1206 12:20:02.101200       1 route_controller.go:198] Couldn\'t reconcile node routes: error listing routes: found multiple matching AWS route tables for AWS cluster: kubernetes',
      'E0628 04:58:58.708289       1 route_controller.go:137] Couldn\'t reconcile node routes: RouteTables: alicloud: multiple route table or no route table found in vpc vpc-k1armXXXXXXXXXXXXXXXX, [[vtb-k1ageXXXXXXXXXXXXXXXX vtb-k1atyXXXXXXXXXXXXXXXX]]',
      'F1206 12:42:01.001000       1 route_controller.go:94] RouteController: Must specify clusterCIDR.',
    ],
    counterSamples: ['I1206 12:44:10.442001       1 route_controller.go:453] Created route for node worker-5 10.244.5.0/24 with hint 55aa after 1.55s'],
  }),
  sig({
    id: 'kubelet.node-name-lookup-failed',
    cause: 'dns.node-resolver',
    // Without --node-ip the kubelet takes its node's address from a DNS lookup of the node name through the node's
    // own resolver (older kubelets report that lookup's error; the Go resolver on a one-label name asks the
    // resolv.conf servers, systemd-resolved's 127.0.0.53 among them). Inner and exact, so it outranks the generic
    // one-label lookup reading (a hostNetwork pod's Service name).
    re: /can'?t get ip address of node \S+[^\n]{0,40}\blookup [^\s:]+( on [\w.:[\]%-]+)?: (no such host|server misbehaving|i\/o timeout|temporary failure in name resolution)/,
    anchors: ['get ip address of node'],
    confidence: 0.8,
    specificity: 93,
    check: 'on that node: getent hosts $(hostname) — the node name must resolve to the node\'s address (an /etc/hosts entry, or the site DNS in resolvectl status), or the kubelet gets --node-ip (KUBELET_EXTRA_ARGS in /etc/default/kubelet or kubeadm-flags.env) so it need not look up at all',
    source: 'kubelet pkg/kubelet/nodestatus/setters.go NodeAddress ("can\'t get ip address of node %s. error: %v"; older kubelets: "Can\'t get ip address of node %s, so node addresses will be stale: %v")',
    samples: [
      'E1206 13:06:01.101020    1772 kubelet_node_status.go:673] "Failed to set some node status fields" err="can\'t get ip address of node worker-9. error: lookup worker-9 on 127.0.0.53:53: no such host" node="worker-9"',
      'Can\'t get ip address of node k8s-worker-0, so node addresses will be stale: lookup k8s-worker-0: no such host',
    ],
    counterSamples: ['dial tcp: lookup uaa-postgres on 127.0.0.53:53: server misbehaving'],
  }),
  sig({
    id: 'kubelet.node-address-no-default-route',
    cause: 'unknown',
    // Current kubelets drop the node-name lookup's error: this one says the name gave no usable address (none, or
    // only loopback such as Debian's 127.0.1.1 line in /etc/hosts) and the node has no default route to take the
    // address from either. The node gets no InternalIP; flannel, which also picks the default route's interface
    // when --iface is not set, finds none on the same host.
    re: /can'?t get ip address of node \S+[^\n]{0,40}(no default routes found in|unable to select an ip from default routes)/,
    anchors: ['get ip address of node'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['dns.node-resolver', 'flannel.wrong-iface'],
    check: "on that node: ip route show default (none means no default route — a static or air-gapped network) and getent hosts $(hostname) (no answer, or 127.0.1.1 from /etc/hosts); give the kubelet --node-ip with the node's address (and flannel --iface), or a default route",
    source: 'kubelet pkg/kubelet/nodestatus/setters.go NodeAddress; k8s.io/apimachinery util/net interface.go ChooseHostInterface ("no default routes found in %q or %q", "unable to select an IP from default routes.")',
    samples: [
      'E1206 15:23:00.000100    1772 kubelet_node_status.go:673] "Failed to set some node status fields" err="can\'t get ip address of node worker-10. error: no default routes found in \\"/proc/net/route\\" or \\"/proc/net/ipv6_route\\"" node="worker-10"',
      "can't get ip address of node edge-2. error: unable to select an IP from default routes.",
    ],
    counterSamples: ['Can\'t get ip address of node k8s-worker-0, so node addresses will be stale: lookup k8s-worker-0: no such host'],
  }),
];
