import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The scheduler's and the node controllers' words for nodes that cannot take pods. The scheduler prints
 * "0/N nodes are available: <count> <reason>, …" (framework/types.go FitError.Error); each reason is one filter
 * plugin's (or, before v1.14's taint-based conditions, one predicate's) and only some of them name what is wrong with
 * the node rather than with the pod: a node condition (disk pressure → image.disk-full; not ready → node.not-ready)
 * or the network condition flannel clears when it comes up. Resources, affinity, spread and volume reasons name
 * the pod's own demands and stay unknown without a signature.
 */
export const NODE_FITNESS_SIGNATURES: Signature[] = [
  sig({
    id: 'scheduler.predicate-disk-pressure',
    cause: 'image.disk-full',
    // The pre-taint predicates (CheckNodeDiskPressure, the older CheckNodeCondition on OutOfDisk): the node's image or
    // root filesystem crossed the kubelet's eviction threshold. The OutOfDisk condition itself is image.node-out-of-disk.
    re: /node\(s\) (had disk pressure|were out of disk space)/,
    anchors: ['had disk pressure', 'out of disk space'],
    confidence: 0.9,
    specificity: 90,
    source: 'kube-scheduler algorithm/predicates error.go (ErrNodeUnderDiskPressure, ErrNodeOutOfDisk; ≤ v1.13); kubelet nodestatus OutOfDiskCondition (KubeletOutOfDisk; ≤ v1.12)',
    samples: [
      '0/1 nodes are available: 1 node(s) had disk pressure.',
      '0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) were out of disk space.',
      '0/5 nodes are available: 2 node(s) had disk pressure, 3 node(s) didn\'t match node selector.',
    ],
    counterSamples: [
      // The condition every node listed before v1.13, healthy or not; Unknown when the kubelet stopped posting.
      '  OutOfDisk        False   Mon, 04 Mar 2019 10:12:01 +0000   Mon, 04 Mar 2019 09:58:40 +0000   KubeletHasSufficientDisk     kubelet has sufficient disk space available',
      'OutOfDisk             Unknown         Fri, 07 Oct 2016 08:13:50 +0000         Fri, 07 Oct 2016 08:14:30 +0000         NodeStatusUnknown Kubelet stopped posting node status.',
      '0/1 nodes are available: 1 node(s) had memory pressure.',
    ],
  }),
  sig({
    id: 'scheduler.predicate-not-ready',
    cause: 'node.not-ready',
    // The pre-taint CheckNodeCondition predicate: the node's Ready condition is False or Unknown; that condition's
    // own message names why.
    re: /node\(s\) were not ready/,
    anchors: ['were not ready'],
    confidence: 0.7,
    specificity: 50,
    alternatives: ['cni.config-missing', 'runtime.unavailable'],
    check: "kubectl describe node <node>: the Ready condition's reason and message name the cause (NetworkPluginNotReady → CNI, container runtime down → the runtime, Kubelet stopped posting node status → the kubelet itself or its way to the API server: journalctl -u kubelet)",
    source: 'kube-scheduler algorithm/predicates error.go ErrNodeNotReady (≤ v1.16)',
    samples: [
      '0/1 nodes are available: 1 node(s) were not ready.',
      '0/3 nodes are available: 1 node(s) had taints that the pod didn\'t tolerate, 2 node(s) were not ready.',
    ],
    counterSamples: ['0/2 nodes are available: 2 node(s) were unschedulable.'],
  }),
  sig({
    id: 'nodelifecycle.node-not-ready',
    cause: 'node.not-ready',
    // The node lifecycle controller queueing a NotReady node for its taint (the format before v1.19's structured
    // logs; node.not-ready's own signature reads the later one), declaring every node of a zone not Ready ("master
    // disruption mode": it stops evicting), and the kubelet giving up waiting for its node to turn Ready after
    // start: Ready is False or Unknown, and the Ready condition's own message names why.
    // The controller's older per-node lines ("Node X hasn't been updated for <d>. Last Ready is: …", unresponsive as
    // of …) and its note on a condition the kubelet never posted say the same about the kubelet's status posts.
    re: /\bis (notready|unresponsive) as of [^\n]{0,80}adding it to the taint queue|all nodes are not-ready\. entering master disruption mode|node not becoming ready in time after startup|\bnode \S+ hasn'?t been updated for \d|condition of node was never updated by kubelet/,
    anchors: ['adding it to the taint queue', 'master disruption mode', 'not becoming ready in time', 'been updated for', 'never updated by kubelet'],
    confidence: 0.7,
    specificity: 50,
    alternatives: ['cni.config-missing', 'runtime.unavailable'],
    check: "kubectl describe node <node>: the Ready condition's reason and message name the cause (NetworkPluginNotReady → CNI, container runtime down → the runtime, Kubelet stopped posting node status → the kubelet itself or its way to the API server: journalctl -u kubelet)",
    source: 'pkg/controller/nodelifecycle node_lifecycle_controller.go (doNoExecuteTaintingPass, handleDisruption); pkg/kubelet kubelet_node_status.go fastNodeStatusUpdate',
    samples: [
      'I0617 13:01:21.373343    1717 node_lifecycle_controller.go:702] Node kubedee-worker-2ajv8y is NotReady as of 2019-06-17 13:01:21.373314502 +0000 UTC m=+110.217298148. Adding it to the Taint queue.',
      'I1206 07:59:01.400182       1 node_lifecycle_controller.go:1021] "Controller detected that all Nodes are not-Ready. Entering master disruption mode"',
      'E1206 08:10:11.338201    1402 kubelet_node_status.go:390] "Node not becoming ready in time after startup"',
      'I0302 07:44:10.100100    1717 node_lifecycle_controller.go:1010] Node infra-2 hasn\'t been updated for 41.2s. Last Ready is: &NodeCondition{Type:Ready,Status:True,Reason:KubeletReady,}',
      'I0302 07:44:10.200200    1717 node_lifecycle_controller.go:702] Node infra-2 is unresponsive as of 2021-03-02 07:44:10.2 +0000 UTC m=+90.1. Adding it to the Taint queue.',
      'I1206 18:11:00.000000       1 node_lifecycle_controller.go:938] "Condition of node was never updated by kubelet" nodeConditionType="Ready" node="infra-3"',
    ],
    counterSamples: [
      'I1206 08:01:11.002001       1 node_lifecycle_controller.go:1040] "Controller detected that some Nodes are Ready. Exiting master disruption mode"',
      'I1206 08:20:44.019201       1 node_lifecycle_controller.go:795] "Node is healthy again, removed all taints" node="worker-2"',
    ],
  }),
  sig({
    id: 'nodelifecycle.taint-eviction',
    cause: 'node.not-ready',
    // The taint eviction controller (NoExecuteTaintManager before v1.29) deleting pods from a node with a NoExecute
    // taint they do not tolerate past tolerationSeconds: the node controller puts not-ready and unreachable ones,
    // so most often the node went NotReady; an admin's own NoExecute taint evicts the same way.
    re: /noexecutetaintmanager is deleting pod|taintmanagereviction\s[^\n]{0,120}marking for deletion pod|"deleting pod" controller="?taint-eviction-controller/,
    anchors: ['noexecutetaintmanager', 'marking for deletion pod', 'taint-eviction-controller'],
    confidence: 0.6,
    specificity: 45,
    alternatives: ['cni.config-missing', 'runtime.unavailable'],
    check: "kubectl describe node <node>: Taints shows which NoExecute taint evicted the pods (node.kubernetes.io/not-ready or unreachable: the Ready condition's message names why; any other key was put by an admin or a tool)",
    source: 'pkg/controller/tainteviction taint_eviction.go (emitPodDeletionEvent, deletePodHandler); older pkg/controller/nodelifecycle/scheduler taint_manager.go',
    samples: [
      '  Normal   TaintManagerEviction  2m   taint-eviction-controller  Marking for deletion Pod default/web-6d4f8c7b9-hx2lm',
      'I0617 13:06:21.373343    1717 taint_manager.go:105] NoExecuteTaintManager is deleting Pod: default/web-6d4f8c7b9-hx2lm',
      'I1206 07:55:40.612004       1 taint_eviction.go:111] "Deleting pod" controller="taint-eviction-controller" pod="payments/api-5f9d8b7c6-qk4tm"',
    ],
    counterSamples: ['  Normal   TaintManagerEviction  2m   taint-eviction-controller  Cancelling deletion of Pod default/web-6d4f8c7b9-hx2lm'],
  }),
  sig({
    id: 'scheduler.network-unavailable',
    cause: 'unknown',
    // NetworkUnavailable=True (and the NoSchedule taint the node lifecycle controller puts for it) is set by a cloud
    // route controller that has not created the node's pod route yet, or left from a cloud node initialisation;
    // flannel sets it False ("FlannelIsUp") once it holds the node's lease. The words alone do not tell which of
    // the two is missing, so it hints at both and lets any named cause in the paste outrank it.
    re: /node\.kubernetes\.io\/network-unavailable(?!:\w+\s+op=|"?,?\s*"?operator"?:)|networkunavailable\s+true\b|\bnoroutecreated\b|routecontroller failed to create a route|has no routes assigned to it\. nodenetworkunavailable will be set to true/,
    anchors: ['network-unavailable', 'networkunavailable', 'noroutecreated', 'failed to create a route'],
    specificity: 45,
    alternatives: ['flannel.daemon-down', 'flannel.route-missing'],
    check: "kubectl get node <node> -o jsonpath='{.status.conditions[?(@.type==\"NetworkUnavailable\")]}': reason FlannelIsUp means flannel is running there (look elsewhere); NoRouteCreated comes from the cloud controller manager's route controller (--configure-cloud-routes): with flannel's overlay it should be off, or the cloud route table must hold the node's podCIDR; no condition set by flannel means its pod on that node is not up (kubectl -n kube-flannel get pods -o wide)",
    source: 'pkg/controller/nodelifecycle (taint for NetworkUnavailable); cloud-provider route_controller.go updateNetworkingCondition; flannel pkg/subnet/kube/kube.go (FlannelIsUp)',
    samples: [
      '0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/network-unavailable: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      'Taints:             node.kubernetes.io/network-unavailable:NoSchedule',
      '  NetworkUnavailable   True    Sat, 05 Dec 2026 11:02:41 +0000   Sat, 05 Dec 2026 11:02:41 +0000   NoRouteCreated               RouteController failed to create a route',
      'I1206 09:01:13.807660       1 route_controller.go:269] node k8s-worker-3 has no routes assigned to it. NodeNetworkUnavailable will be set to true',
    ],
    counterSamples: [
      '  NetworkUnavailable   False   Sat, 05 Dec 2026 09:58:52 +0000   Sat, 05 Dec 2026 09:58:52 +0000   FlannelIsUp                  Flannel is running on this node',
      // a pod's toleration of the taint is no taint on a node
      'Tolerations:     node.kubernetes.io/network-unavailable:NoSchedule op=Exists',
      '  - effect: NoSchedule\n    key: node.kubernetes.io/network-unavailable\n    operator: Exists',
    ],
  }),
];
