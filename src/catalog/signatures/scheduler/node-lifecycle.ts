import type { Signature } from '../../types.js';
import { sig } from '../define.js';

const NOT_READY_CHECK =
  "kubectl describe node <node>: the Ready condition's reason and message name the cause (NetworkPluginNotReady → CNI, container runtime down → the runtime, Kubelet stopped posting node status → the kubelet itself or its way to the API server: journalctl -u kubelet)";

/**
 * What the node lifecycle controller (pkg/controller/nodelifecycle) and the kubelet's status loop print around a node
 * that is not Ready, beyond node.not-ready's own words: the zone states that change eviction, the evictions and pod
 * marking that follow a NotReady node, and the kubelet giving up posting its status. Each says a node is (or soon
 * will be) NotReady, not why; the Ready condition's message does.
 */
export const NODE_LIFECYCLE_SIGNATURES: Signature[] = [
  sig({
    id: 'nodelifecycle.acting-on-not-ready',
    cause: 'node.not-ready',
    // A zone is in PartialDisruption or FullDisruption only when enough of its nodes are not Ready; the controller marks
    // a NotReady node's pods not ready, swaps its not-ready and unreachable taints, and (before taint-based eviction)
    // deleted its pods with NodeControllerEviction / DeletingAllPods events.
    re: /zone[^\n]{0,80}(is now in state|newstate=\\?"?) ?(full|partial)disruption|\bnodecontrollereviction\b|marking for deletion pod \S+ from node \S+|deleting all pods from node|unable to mark all pods notready on node|failed to instantly swap (unreachabletaint to notreadytaint|notreadytaint to unreachabletaint)/,
    anchors: ['fulldisruption', 'partialdisruption', 'nodecontrollereviction', 'marking for deletion pod', 'deleting all pods from node', 'mark all pods notready', 'instantly swap'],
    confidence: 0.6,
    specificity: 50,
    alternatives: ['cni.config-missing', 'runtime.unavailable'],
    check: NOT_READY_CHECK,
    source: 'pkg/controller/nodelifecycle node_lifecycle_controller.go (handleDisruption "Controller detected that zone is now in new state", processTaintBaseEviction, MarkPodsNotReady); pkg/controller/util/node controller_utils.go (DeletingAllPods, NodeControllerEviction "Marking for deletion Pod %s from Node %s")',
    samples: [
      'I1206 17:40:00.000000       1 node_lifecycle_controller.go:1063] "Controller detected that zone is now in new state" zone="us-central1:\\x00:us-central1-b" newState="PartialDisruption"',
      'I0301 11:00:00.000000       1 node_lifecycle_controller.go:1244] Controller detected that zone eu-north-1::eu-north-1c is now in state FullDisruption.',
      '  Normal   NodeControllerEviction   2m   node-controller   Marking for deletion Pod billing/worker-0 from Node node-b7',
      'E1206 17:41:00.000000       1 node_lifecycle_controller.go:743] "Unable to mark all pods NotReady on node; queuing for retry" err="Timeout: request did not complete within requested timeout" node="node-b7"',
    ],
    counterSamples: [
      'I1206 17:42:00.000000       1 node_lifecycle_controller.go:1063] "Controller detected that zone is now in new state" zone="us-central1:\\x00:us-central1-b" newState="Normal"',
      '  Normal   TaintManagerEviction   2m   taint-eviction-controller   Cancelling deletion of Pod billing/worker-0',
    ],
  }),
  sig({
    id: 'kubelet.node-status-retries-exhausted',
    cause: 'node.not-ready',
    // The kubelet tries five times (nodeStatusUpdateRetry) to post its node status and gives up until the next
    // period; once the node monitor grace period passes without a post the node controller sets Ready Unknown
    // ("Kubelet stopped posting node status"). The earlier "Error updating node status, will retry" lines name why.
    re: /update node status exceeds retry count/,
    anchors: ['update node status exceeds retry count'],
    confidence: 0.6,
    specificity: 45,
    check: 'the "Error updating node status, will retry" lines before it in journalctl -u kubelet name the error: a dial or timeout error is the way from the node to the API server (the server: of /etc/kubernetes/kubelet.conf), Unauthorized is an expired kubelet client certificate (/var/lib/kubelet/pki/kubelet-client-current.pem), not found is a deleted Node object',
    source: 'pkg/kubelet kubelet_node_status.go updateNodeStatus ("update node status exceeds retry count", "Unable to update node status")',
    samples: [
      'E1206 17:43:00.000000    2201 kubelet_node_status.go:465] "Unable to update node status" err="update node status exceeds retry count"',
      'Dec 06 17:43:00 node-b7 kubelet[2201]: E1206 17:43:00.000000    2201 kubelet_node_status.go:465] Unable to update node status: update node status exceeds retry count',
    ],
    counterSamples: ['I1206 17:43:00.000000    2201 kubelet_node_status.go:431] "Fast updating node status as it just became ready"'],
  }),
];
