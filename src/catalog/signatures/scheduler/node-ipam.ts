import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The controller-manager's node IPAM controller (pkg/controller/nodeipam) beyond what controlplane.ts reads: a block
 * it took but could not write to the Node, the flags it refuses before it runs, and the node list it needs first.
 * Whatever stops it, nodes get no spec.podCIDR and flannel's kube subnet manager no lease. Beside it: kubeadm's own
 * check that the pod subnet holds a node block, and the refusal a second allocator meets when a block is already set
 * (`unknown`: the node has one).
 */
export const NODE_IPAM_SIGNATURES: Signature[] = [
  sig({
    id: 'nodeipam.cidr-assignment-failed',
    cause: 'flannel.no-pod-cidr',
    // The range allocator took a free block but its patch of spec.podCIDRs failed three times (cidrUpdateRetries): it
    // records the CIDRAssignmentFailed event, releases the block (except on a server timeout) and requeues. The node
    // keeps an empty podCIDR; the error after "failed to patch node CIDR:" says why (RBAC, the API or etcd, an admission).
    // Older controllers wrote "Failed to update node <n> PodCIDR to [<cidr>] after multiple attempts"; the alpha
    // multi-CIDR allocator (v1.25–v1.28) "Failed to update node "<n>" PodCIDR to ["<cidr>"] after 3 attempts".
    re: /\bcidrassignmentfailed\b|cidr assignment for node (\S+ )?failed|failed to update node \S+ podcidr to \[[^\]\n]{0,120}\] after (multiple|\d+) attempts/,
    anchors: ['cidrassignmentfailed', 'cidr assignment for node', 'podcidr to ['],
    confidence: 0.85,
    specificity: 94,
    check: 'kubectl get node <node> -o jsonpath={.spec.podCIDRs} (still empty) and the error after "failed to patch node CIDR:" in kubectl -n kube-system logs kube-controller-manager-<cp>: forbidden means the node-controller service account lost its ClusterRole (system:controller:node-controller), a timeout means the API server or etcd is slow',
    source: 'kube-controller-manager pkg/controller/nodeipam/ipam/range_allocator.go updateCIDRsAllocation ("Failed to update node PodCIDR after multiple attempts", RecordNodeStatusChange "CIDRAssignmentFailed", "CIDR assignment for node failed. Releasing allocated CIDR"); component-helpers node/util/cidr.go ("failed to patch node CIDR: %v")',
    samples: [
      'Normal  CIDRAssignmentFailed  51s  cidrAllocator  Node edge-12 status is now: CIDRAssignmentFailed',
      'E1206 17:20:01.101000       1 range_allocator.go:444] "CIDR assignment for node failed. Releasing allocated CIDR" err="failed to patch node CIDR: the server was unable to return a response in the time allotted" node="edge-12"',
      'E0322 04:40:12.554100       1 range_allocator.go:344] Failed to update node edge-12 PodCIDR to [10.32.12.0/24] after multiple attempts: failed to patch node CIDR: etcdserver: leader changed',
      'E0815 09:30:00.000000       1 multi_cidr_range_allocator.go:707] Failed to update node "edge-12" PodCIDR to ["10.32.12.0/24"] after 3 attempts: failed to patch node CIDR: etcdserver: request timed out',
    ],
    counterSamples: [
      'I1206 17:20:01.101000       1 range_allocator.go:434] "Set node PodCIDR" node="edge-12" podCIDRs=["10.32.12.0/24"]',
      'Normal  CIDRAssignmentSucceeded  51s  cidrAllocator  Node edge-12 status is now: CIDRAssignmentSucceeded',
    ],
  }),
  sig({
    id: 'nodeipam.multi-cidr-none-left',
    cause: 'flannel.no-pod-cidr',
    // The alpha multi-CIDR allocator (--cidr-allocator-type=MultiCIDRRangeAllocator, v1.25–v1.28, removed since) gives a
    // node a block from the ClusterCIDR objects whose nodeSelector matches its labels, then from the default one made
    // from --cluster-cidr: none matching, or every match used up, records CIDRNotAvailable and leaves spec.podCIDRs empty.
    re: /failed to get cidrs for node \S+|no cidrsets with matching labels found for node|unable to get a clustercidr for node \S+, no available cidrs/,
    anchors: ['failed to get cidrs for node', 'no cidrsets with matching labels', 'no available cidrs'],
    confidence: 0.85,
    specificity: 94,
    check: "kubectl get clustercidrs -o yaml (networking.k8s.io/v1alpha1): a nodeSelector that matches the node's labels (kubectl get node <node> --show-labels) and an ipv4/ipv6 range with blocks left for its perNodeHostBits; without one, --cluster-cidr's default-cluster-cidr must cover it",
    source: 'kube-controller-manager pkg/controller/nodeipam/ipam/multi_cidr_range_allocator.go (v1.25–v1.28) AllocateOrOccupyCIDR ("failed to get cidrs for node %s", "no cidrSets with matching labels found for node %s"), prioritizedCIDRs ("unable to get a clusterCIDR for node %s, no available CIDRs")',
    samples: [
      'W0815 09:12:00.000000       1 multi_cidr_range_allocator.go:330] Error syncing clusterCIDR "gpu-3", retries(4). Error: failed to get cidrs for node gpu-3',
      'unable to get a clusterCIDR for node gpu-3, no available CIDRs',
    ],
    counterSamples: ['I0815 09:12:00.000000       1 multi_cidr_range_allocator.go:700] Set node "gpu-3" PodCIDR to ["10.8.3.0/24"]'],
  }),
  sig({
    id: 'nodeipam.multi-cidr-no-owner',
    cause: 'flannel.network-mismatch',
    // The same allocator occupying a node's existing podCIDRs finds no ClusterCIDR (matching the node) whose range
    // holds them: the ranges were changed or deleted after the node got its block.
    re: /could not occupy cidrs: [^\n]{0,200}no matching clustercidrs found/,
    anchors: ['no matching clustercidrs found'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['flannel.no-pod-cidr'],
    check: "kubectl get node <node> -o jsonpath={.spec.podCIDRs} against kubectl get clustercidrs -o yaml and --cluster-cidr: the node's block must lie in a ClusterCIDR whose nodeSelector matches it; flannel's Network must contain it too",
    source: 'kube-controller-manager pkg/controller/nodeipam/ipam/multi_cidr_range_allocator.go (v1.25–v1.28) occupyCIDRs ("could not occupy cidrs: %v, No matching ClusterCIDRs found")',
    samples: [
      'W0815 09:20:00.000000       1 multi_cidr_range_allocator.go:330] Error syncing clusterCIDR "edge-1", retries(2). Error: could not occupy cidrs: [10.50.1.0/24], No matching ClusterCIDRs found',
      'could not occupy cidrs: [172.20.4.0/24 fd00:20:4::/64], No matching ClusterCIDRs found',
    ],
    counterSamples: ['I0815 09:20:00.000000       1 multi_cidr_range_allocator.go:541] occupy CIDR 10.50.1.0/24 for node: edge-1'],
  }),
  sig({
    id: 'nodeipam.flags-refused',
    cause: 'flannel.no-pod-cidr',
    // Flags of node IPAM that stop it before it runs. Since v1.31 (KEP-2395) the options reject any
    // --cidr-allocator-type but RangeAllocator (CloudAllocator, IPAMFromCluster/IPAMFromCloud, the removed
    // MultiCIDRRangeAllocator) and the whole controller-manager exits; a node mask or allocate flag that does not parse
    // does the same; older controller-managers only warned on a --cluster-cidr that did not parse and then ran node
    // IPAM without one. Not sure: the controller-manager stops every other controller too.
    re: /built-in cloud providers are disabled\. the ipam \S+ is not available|unsuccessful parsing of cluster cidr|invalid argument [^\n]{0,80} for \\?"--(node-cidr-mask-size(-ipv[46])?|allocate-node-cidrs)\\?" flag/,
    anchors: ['the ipam ', 'unsuccessful parsing of cluster cidr', 'for "--node-cidr-mask-size', 'for "--allocate-node-cidrs'],
    confidence: 0.7,
    specificity: 93,
    alternatives: ['flannel.network-mismatch'],
    check: "kube-controller-manager's flags (/etc/kubernetes/manifests/kube-controller-manager.yaml, or the distribution's config): --cidr-allocator-type unset or RangeAllocator, --allocate-node-cidrs=true, --cluster-cidr a valid CIDR equal to flannel's Network, --node-cidr-mask-size a number; then kubectl -n kube-system get pods -l component=kube-controller-manager shows it Running",
    source: 'kube-controller-manager cmd/kube-controller-manager/app/options/options.go Validate ("built-in cloud providers are disabled. The ipam %s is not available"); older app/controllermanager.go ("Unsuccessful parsing of cluster CIDR %v: %v"); pflag ("invalid argument %q for %q flag")',
    samples: [
      'Error: built-in cloud providers are disabled. The ipam CloudAllocator is not available',
      'W0611 10:01:22.000100       1 controllermanager.go:449] Unsuccessful parsing of cluster CIDR 10.244.0.0/16 : invalid CIDR address: 10.244.0.0/16 ',
      'Error: invalid argument "/24" for "--node-cidr-mask-size" flag: strconv.ParseInt: parsing "/24": invalid syntax',
    ],
    counterSamples: ['Error: invalid argument "abc" for "--concurrent-deployment-syncs" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
  }),
  sig({
    id: 'nodeipam.list-nodes-failed',
    cause: 'unknown',
    // Node IPAM lists every node (to mark the podCIDRs already given) before it starts, retrying for ten minutes; when
    // the list never succeeds the controller, and with it the controller-manager, gives up. The API server being
    // unreachable from the controller-manager, or its node-controller account forbidden to list nodes, is the cause:
    // no podCIDR for new nodes follows from it, as does much else.
    re: /failed to list all nodes in \S+, cannot proceed without updating cidr map/,
    anchors: ['cannot proceed without updating cidr map'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['flannel.no-pod-cidr'],
    check: 'the earlier "Failed to list all nodes" lines in kubectl -n kube-system logs kube-controller-manager-<cp> --previous name the error: a dial or timeout error is the way to the API server (--kubeconfig /etc/kubernetes/controller-manager.conf, its server: address), forbidden is RBAC for system:serviceaccount:kube-system:node-controller',
    source: 'kube-controller-manager pkg/controller/nodeipam/ipam/cidr_allocator.go listNodes ("Failed to list all nodes", "failed to list all nodes in %v, cannot proceed without updating CIDR map")',
    samples: [
      'E1206 17:30:00.000000       1 controllermanager.go:637] "Error initializing a controller" err="failed to list all nodes in 10m0s, cannot proceed without updating CIDR map" controller="node-ipam-controller"',
      'F0410 08:12:44.100000       1 controllermanager.go:235] error starting controllers: failed to list all nodes in 10m0s, cannot proceed without updating CIDR map',
    ],
    counterSamples: ['E1206 17:29:50.000000       1 cidr_allocator.go:116] "Failed to list all nodes" err="Get \\"https://10.0.0.10:6443/api/v1/nodes\\": dial tcp 10.0.0.10:6443: connect: connection refused"'],
  }),
  sig({
    id: 'nodeipam.podcidr-already-set',
    cause: 'unknown',
    // The API server refuses to change spec.podCIDRs once set ("except from \"\" to valid"), so an allocator whose patch
    // meets this finds the node already holding a block: a second allocator (the cloud controller manager's beside the
    // controller-manager's range allocator, or a kubelet --pod-cidr) got there first. The node has a podCIDR; which of
    // the two allocators' ranges flannel then sees is what to check, not a missing block.
    re: /node updates may not change podcidr except from|may specify no more than one cidr for each ip family/,
    anchors: ['node updates may not change podcidr', 'no more than one cidr for each ip family'],
    confidence: 0.4,
    specificity: 96,
    alternatives: ['flannel.network-mismatch', 'flannel.no-pod-cidr'],
    check: 'kubectl get node <node> -o jsonpath={.spec.podCIDRs} (already set) and who else allocates: --allocate-node-cidrs on both kube-controller-manager and the cloud controller manager (only one may), or the kubelet\'s --pod-cidr; keep one allocator whose --cluster-cidr equals flannel\'s Network',
    source: 'kubernetes pkg/apis/core/validation ValidateNodeUpdate ("node updates may not change podCIDR except from \"\" to valid", "may specify no more than one CIDR for each IP family") as the allocator\'s patch meets it',
    samples: [
      'range_allocator.go:381] Failed to update node workload-mp-000003t PodCIDR to [10.244.99.0/24] after multiple attempts: failed to patch node CIDR: Node "workload-mp-000003t" is invalid: [spec.podCIDRs: Invalid value: []string{"10.244.99.0/24", "10.244.73.0/24"}: may specify no more than one CIDR for each IP family, spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid]',
      'E0815 09:30:00.000000       1 multi_cidr_range_allocator.go:707] Failed to update node "edge-12" PodCIDR to ["10.32.12.0/24"] after 3 attempts: failed to patch node CIDR: Node "edge-12" is invalid: spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
    ],
    counterSamples: ['E0322 04:40:12.554100       1 range_allocator.go:344] Failed to update node edge-12 PodCIDR to [10.32.12.0/24] after multiple attempts: failed to patch node CIDR: etcdserver: leader changed'],
  }),
  sig({
    id: 'kubeadm.pod-subnet-smaller-than-node-mask',
    cause: 'flannel.no-pod-cidr',
    // kubeadm validates networking.podSubnet against the per-node mask it will give the controller-manager
    // (--node-cidr-mask-size, 24 for IPv4 and 64 for IPv6 unless set): a pod subnet smaller than one node block
    // could hold no node's podCIDR, so kubeadm refuses it before the cluster exists.
    re: /pod subnet size is smaller than the node subnet size|size of pod subnet with mask \d+ is smaller than the size of node subnet with mask \d+/,
    anchors: ['pod subnet size is smaller than the node subnet size', 'is smaller than the size of node subnet'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['flannel.network-mismatch'],
    check: 'the kubeadm ClusterConfiguration: networking.podSubnet must be larger than one node block (a /16 with the default /24 per node), or set controllerManager.extraArgs node-cidr-mask-size(-ipv4/-ipv6) smaller than it; flannel\'s Network in net-conf.json must equal podSubnet',
    source: 'kubernetes cmd/kubeadm/app/apis/kubeadm/validation ValidatePodSubnetNodeMask ("pod subnet size is smaller than the node subnet size", older "the size of pod subnet with mask %d is smaller than the size of node subnet with mask %d")',
    samples: [
      'podSubnet: Invalid value: "10.0.0.0/25": the size of pod subnet with mask 25 is smaller than the size of node subnet with mask 24',
      '[podSubnet: Invalid value: "172.30.0.0/26": pod subnet size is smaller than the node subnet size, podSubnet: Invalid value: "fdff:ffff:ffff:ffff::/96": pod subnet size is smaller than the node subnet size]',
    ],
    counterSamples: ['podSubnet: Invalid value: "10.244.0.0": couldn\'t parse subnet'],
  }),
];
