import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * The controller-manager's node IPAM (pkg/controller/nodeipam): it gives each node a podCIDR out of
 * --cluster-cidr. When it cannot, flannel (and every CNI that reads node.spec.podCIDR) has no lease.
 */
export const CONTROLPLANE_SIGNATURES: Signature[] = [
  sig({
    id: 'controlplane.cidr-allocation-failed',
    cause: 'flannel.no-pod-cidr',
    // "New CIDR set failed; the node CIDR size is too big": the nodeipam controller cannot even start when
    // --node-cidr-mask-size leaves more than 2^16 node blocks in --cluster-cidr (an IPv6 /48 with /64 blocks).
    re: /cidr allocation failed|no remaining cidrs left to allocate|failed to allocate cidr|cidrnotavailable|invalid --cluster-cidr, mask size of cluster cidr must be|must specify --cluster-cidr (when|if) --allocate-node-cidrs|new cidr set failed|the node cidr size is too big/,
    anchors: ['cidr allocation failed', 'no remaining cidrs', 'failed to allocate cidr', 'cidrnotavailable', 'invalid --cluster-cidr', 'must specify --cluster-cidr', 'new cidr set failed', 'node cidr size is too big'],
    confidence: 0.92,
    specificity: 94,
    alternatives: ['flannel.network-mismatch'],
    check: 'kube-controller-manager flags (/etc/kubernetes/manifests/kube-controller-manager.yaml): --allocate-node-cidrs=true, --cluster-cidr large enough for one --node-cidr-mask-size block per node (a /16 with /24 gives 256 nodes)',
    source: 'node IPAM controller (range allocator) errors and events; facts §1.6 (flannel needs node.spec.podCIDR)',
    samples: [
      'E0905 10:11:12.000000 1 controller_utils.go:262] Error while processing Node Add/Delete: failed to allocate cidr from cluster cidr at idx:0: CIDR allocation failed; there are no remaining CIDRs left to allocate in the accepted range',
      'Normal  CIDRNotAvailable  3m (x12 over 40m)  cidrAllocator  Node worker-9 status is now: CIDRNotAvailable',
      'E0101 00:00:00.000000       1 controllermanager.go:612] "Error starting controller" err="New CIDR set failed; the node CIDR size is too big" controller="nodeipam"',
    ],
    counterSamples: ['I0905 10:11:12.000000 1 range_allocator.go:380] Set node worker-9 PodCIDR to [10.244.9.0/24]'],
  }),
  sig({
    id: 'controlplane.nodeipam-not-running',
    cause: 'flannel.no-pod-cidr',
    // The node IPAM controller did not start (its flags refused at start-up) or cannot write what it allocated
    // (the node patch fails after its retries): either way no node gets spec.podCIDR, and flannel no lease.
    re: /error (initializing|starting) (a )?controller\\?"?[^\n]{0,400}controller=\\?"?(node-ipam-controller|nodeipam)\b|error starting \\?"nodeipam\\?"|length of clustercidrs is:\d+ more than max allowed|len of clustercidrs==\d+ and they are not configured as dual stack|usage of --node-cidr-mask-size(-ipv[46])?( and --node-cidr-mask-size-ipv[46])? is not allowed|--cidr-allocator-type is set to '?cloudallocator'? but cloud provider is not configured|failed to update node podcidr after multiple attempts|error building controllers\\?"? err=\\?"invalid cidr\[\d+\]: /,
    anchors: ['node-ipam-controller', 'nodeipam', 'length of clustercidrs', 'len of clustercidrs', 'node-cidr-mask-size', 'cloudallocator', 'failed to update node podcidr', 'invalid cidr['],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['flannel.network-mismatch'],
    check: 'kube-controller-manager\'s flags (/etc/kubernetes/manifests/kube-controller-manager.yaml): --allocate-node-cidrs=true, one --cluster-cidr per IP family (two only for dual stack), --node-cidr-mask-size-ipv4/-ipv6 rather than --node-cidr-mask-size on dual stack; then kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR',
    source: 'kube-controller-manager cmd/kube-controller-manager/app/core.go (node IPAM start-up checks), pkg/controller/nodeipam/ipam/range_allocator.go ("Failed to update node PodCIDR after multiple attempts")',
    samples: [
      'E1205 18:03:11.482913       1 controllermanager.go:637] "Error initializing a controller" err="len of ClusterCIDRs==2 and they are not configured as dual stack (at least one from each IPFamily" controller="node-ipam-controller"',
      'usage of --node-cidr-mask-size is not allowed with dual-stack clusters',
      // both per-family masks beside the single one (setNodeCIDRMaskSizes)
      'usage of --node-cidr-mask-size-ipv4 and --node-cidr-mask-size-ipv6 is not allowed if --node-cidr-mask-size is set. For dual-stack clusters please unset it and use IPFamily specific flags',
      'E1205 18:03:11.482913       1 range_allocator.go:438] "Failed to update node PodCIDR after multiple attempts" err="failed to patch node CIDR: nodes \\"worker5\\" is forbidden: User \\"system:serviceaccount:kube-system:node-controller\\" cannot patch resource \\"nodes\\" in API group \\"\\" at the cluster scope" node="worker5"',
      'E0101 00:00:00.000000       1 controllermanager.go:566] Error starting "nodeipam"',
      // --cluster-cidr that does not parse stops the controllers before node IPAM runs
      'E1210 05:11:26.152579       1 controllermanager.go:278] "Error building controllers" err="invalid CIDR[0]: 10.244.0.0/33 (invalid CIDR address: 10.244.0.0/33)"',
    ],
    counterSamples: ['"Error initializing a controller" err="failed to create the garbage collector" controller="garbage-collector-controller"', 'I1205 range_allocator.go:433] "Set node PodCIDR" node="worker5" podCIDRs=["10.244.5.0/24"]'],
  }),
  sig({
    id: 'controlplane.node-cidr-outside-cluster-cidr',
    cause: 'flannel.network-mismatch',
    // --cluster-cidr was changed after nodes got their podCIDRs: the controller finds a node's block outside the
    // new range and refuses it (and, at start-up, refuses to run), so old and new ranges disagree across the cluster.
    // Occupying a node's existing podCIDR fails only for a block outside the cluster CIDR (or unparsable): the
    // older wording ("failed to mark cidr as occupied: cidr …") names it before the range, which pastes often cut.
    re: /is out the range of cluster cidr|failed to mark cidr(\[[^\]\n]*\] at idx \[\d+\])? as occupied|has an allocated cidr: \S+ at index:\d+ that does not exist in cluster cidrs configuration|cluster is ipv[46] but node\.spec\.podcidrs contains only ipv[46] addresses/,
    anchors: ['out the range of cluster cidr', 'as occupied', 'does not exist in cluster cidrs configuration', 'but node.spec.podcidrs contains only'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['flannel.no-pod-cidr'],
    check: 'kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR against kube-controller-manager\'s --cluster-cidr and flannel\'s Network (kubectl -n kube-flannel get cm kube-flannel-cfg -o yaml): a node whose podCIDR lies outside keeps the old range — drain, kubectl delete node and rejoin it so it gets a block from the current one',
    source: 'kube-controller-manager pkg/controller/nodeipam/ipam/range_allocator.go (occupyCIDRs: "cidr %v is out the range of cluster cidr %v"; "node:%s has an allocated cidr: %v at index:%v that does not exist in cluster cidrs configuration"); kube-proxy cmd/kube-proxy/app/server.go (node podCIDRs of the other family)',
    samples: [
      'F1205 18:03:11.482913       1 controllermanager.go:245] error starting controllers: failed to mark cidr[10.244.0.0/24] at idx [0] as occupied for node: master: cidr 10.244.0.0/24 is out the range of cluster cidr 10.100.0.0/16',
      'node:worker1 has an allocated cidr: fd00:10:244:1::/64 at index:1 that does not exist in cluster cidrs configuration',
      'controllermanager.go:206] error starting controllers: failed to mark cidr as occupied: cidr 10.100.3.0/24 is out the range of cluster cidr 10.244.0.0/16',
    ],
    counterSamples: ['cidr 10.244.0.0/24 is in the range of cluster cidr 10.244.0.0/16'],
  }),
  sig({
    id: 'controlplane.podcidr-pool-empty',
    cause: 'flannel.no-pod-cidr',
    // Another IPAM operator (Cilium's multi-pool, cluster-pool) handing out per-node pod CIDRs from a pool that is used up:
    // the node gets no pod CIDR, as with the node IPAM controller above.
    re: /failed to allocate podcidrs? to node|failed to allocate ipv[46] (address|cidr) for node[^\n]{0,160}pool empty/,
    anchors: ['failed to allocate podcidr', 'pool empty'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['cni.ipam-exhausted'],
    check: 'the pool\'s CIDRs and per-node mask (kubectl get ciliumpodippools -o yaml, or the operator\'s cluster-pool-ipv4-cidr and mask size): a pool of /16 with /24 per node serves 256 nodes; add CIDRs to the pool or shrink the per-node mask',
    source: 'per-node pod CIDR allocation by IPAM operators (same mechanism as the node IPAM controller, facts §1.6)',
    samples: [
      '{"error":"failed to allocate ipv4 address for node \\"w-7\\" from pool \\"default\\": pool empty","level":"warning","msg":"Failed to allocate PodCIDRs to node","nodeName":"w-7"}',
      'level=warning msg="Failed to allocate PodCIDRs to node" error="failed to allocate ipv4 cidr for node w-7 from pool default: pool empty"',
    ],
    counterSamples: ['level=info msg="Allocated PodCIDRs to node" nodeName=w-7'],
  }),
  sig({
    id: 'controlplane.node-podcidr-not-set',
    cause: 'flannel.no-pod-cidr',
    // Other network plugins word flannel's "pod cidr not assigned" their own way: the node has no spec.podCIDR.
    // Calico's host-local IPAM (usePodCidr) and its IPIP tunnel address, Cilium's kubernetes IPAM: the same empty field.
    re: /podcidrs? (is )?not set for node|node\.spec\.podcidrs? (is )?(empty|not set)|failed to get pod cidr details from node\.spec|node has no pod ?cidrs?|waiting for node \S+ to be assigned a pod ?cidr|waiting for node \S+ cidr not assigned yet|timeout waiting for podcidr allocation on node|no pod ?cidr for node|does not have (a )?pod ?cidr|required ipv[46] pod ?cidr not available|detect-local-mode set to nodecidr, but no podcidr defined at node/,
    anchors: ['not set for node', 'node.spec.podcidr', 'pod cidr details', 'has no pod', 'to be assigned a pod', 'cidr not assigned yet', 'timeout waiting for podcidr allocation', 'no podcidr for node', 'no pod cidr for node', 'does not have', 'podcidr not available', 'pod cidr not available', 'no podcidr defined at node'],
    confidence: 0.9,
    specificity: 94,
    check: 'kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR — empty means the controller-manager does not allocate (--allocate-node-cidrs=true and --cluster-cidr, i.e. kubeadm init --pod-network-cidr)',
    source: 'network plugins that read node.spec.podCIDR (same mechanism as flannel\'s kube subnet manager, facts §1.6)',
    samples: [
      'E0301 12:00:00.000000 1 network_routes_controller.go:101] Failed to get pod CIDR details from Node.spec: node.Spec.PodCIDR not set for node: edge-4',
      'level=info msg="Waiting for node edge-4 to be assigned a podCIDR"',
      // k3s's agent before its embedded flannel starts.
      'INFO[2019-02-28T15:44:03.739751300Z] waiting for node 7f4c530f8528 CIDR not assigned yet',
      // kube-proxy with --detect-local-mode=NodeCIDR waits for the same field, then gives up.
      'E0402 08:20:03.515880       1 server.go:136] "Error running ProxyServer" err="timeout waiting for PodCIDR allocation on node \\"worker-1\\""',
      'NetworkPlugin cni failed to set up pod "web-0_shop" network: no podCidr for node edge-4',
      'level=warning msg="Waiting for k8s node information" error="required IPv4 PodCIDR not available" subsys=daemon',
    ],
    counterSamples: ['PodCIDR:                      10.244.4.0/24'],
  }),
  sig({
    id: 'controlplane.kubenet-no-podcidr',
    cause: 'flannel.no-pod-cidr',
    // The kubelet's kubenet plugin builds its bridge config from the node's spec.podCIDR and reports the network
    // not ready until there is one. The kubelet joins it to its other readiness errors ("container runtime is
    // down," often comes first at start-up), so this inner, exact text has to outrank that list's head.
    re: /kubenet does not have netconfig[^\n]{0,80}lack of podcidr/,
    anchors: ['lack of podcidr'],
    confidence: 0.9,
    specificity: 95,
    check: 'kubectl get node <node> -o jsonpath={.spec.podCIDR} — empty means the controller-manager does not allocate (--allocate-node-cidrs=true with --cluster-cidr), or its range is used up (kubectl -n kube-system logs kube-controller-manager | grep -i cidr)',
    source: 'kubelet kubenet network plugin (dockershim era): "Kubenet does not have netConfig. This is most likely due to lack of PodCIDR"',
    samples: [
      'runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: Kubenet does not have netConfig. This is most likely due to lack of PodCIDR',
      'container runtime is down,runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: Kubenet does not have netConfig. This is most likely due to lack of PodCIDR',
    ],
    counterSamples: ['runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized'],
  }),
  sig({
    id: 'controlplane.nodeipam-skipped',
    cause: 'flannel.no-pod-cidr',
    // The controller-manager skips the node IPAM controller when --allocate-node-cidrs is false (kubeadm without
    // podSubnet / --pod-network-cidr): nodes get no spec.podCIDR, and flannel's kube subnet manager no lease.
    // --controllers without it (-nodeipam, or a list that leaves it out) disables it the same way.
    re: /(skipping controller|controller is disabled)\\?"?[^\n]{0,100}controller=\\?"?(node-ipam-controller|nodeipam)\b/,
    anchors: ['skipping controller', 'controller is disabled'],
    confidence: 0.7,
    specificity: 93,
    alternatives: ['flannel.network-mismatch'],
    check: 'kube-controller-manager\'s flags (/etc/kubernetes/manifests/kube-controller-manager.yaml): --allocate-node-cidrs=true and --cluster-cidr equal to flannel\'s net-conf.json Network; a cloud that allocates pod ranges itself (cloud IPAM) skips it on purpose',
    source: 'kube-controller-manager controllermanager.go BuildControllers ("Warning: skipping controller" when a constructor returns none) and core.go newNodeIpamController (none without AllocateNodeCIDRs)',
    samples: [
      'I1206 01:05:44.310928       1 controllermanager.go:641] "Warning: skipping controller" controller="node-ipam-controller"',
      'I0301 09:00:00.000000       1 controllermanager.go:603] Warning: skipping controller controller="nodeipam"',
      'I1206 18:10:00.000000       1 controllermanager.go:689] "Warning: controller is disabled" controller="node-ipam-controller"',
    ],
    counterSamples: ['I1206 01:05:44.310928       1 controllermanager.go:641] "Warning: skipping controller" controller="service-lb-controller"'],
  }),
  sig({
    id: 'controlplane.route-not-created',
    cause: 'unknown',
    // The cloud route controller failing to create a node's pod-CIDR route: the cloud API's error after the node's
    // name says why (quota, rate limit, permissions). Clusters that route pod subnets through the cloud then lack the
    // route; flannel's VXLAN does not need it, so the text alone does not name a cause of this cluster.
    re: /could not create route \S+ \S+ for node \S+/,
    anchors: ['could not create route'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['flannel.route-missing'],
    check: 'does the cluster route pod subnets through the cloud (the controller-manager\'s --configure-cloud-routes, a host-gw or cloud-routed network)? then the cloud API error after "for node …" (quota, rate limit, IAM) and the node\'s NetworkUnavailable condition decide',
    source: 'cloud-provider route controller (routecontroller.go: "Could not create route %s %s for node %s after %v: %v")',
    samples: [
      'E1212 13:43:00.720185       7 routecontroller.go:160] Could not create route 2f7b57ea-c053-11e6 10.169.95.0/24 for node gke-pool-3-2ry4 after 3h29m58s: googleapi: Error 403: Rate Limit Exceeded, rateLimitExceeded',
      'route_controller.go:212] Could not create route 9a1c 10.244.3.0/24 for node worker-3 after 512ms: RouteTableLimitExceeded: The maximum number of routes has been reached',
    ],
    counterSamples: ['Created route for node worker-3 10.244.3.0/24 with hint 9a1c after 512ms'],
  }),
];
