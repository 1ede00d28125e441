import type { Signature } from '../../types.js';
import { sig } from '../define.js';

const TAINT_CHECK =
  "kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints[*].key,EFFECT:.spec.taints[*].effect: node.kubernetes.io/disk-pressure is a full disk (df -h on /var/lib/kubelet and /var/lib/containerd), not-ready or unreachable is a NotReady node (kubectl describe node <node>: the Ready condition's message names why), network-unavailable is the network condition flannel clears, control-plane or unschedulable is a node kept from pods on purpose, anything else was put by an admin or a tool";

/**
 * Taint reasons that do not say which taint, and the node lifecycle controller's legacy pod marking. From v1.36 the
 * scheduler's TaintToleration filter prints "node(s) had untolerated taint(s)" without the taint (v1.25–v1.35 printed
 * "untolerated taint {key: value}", v1.18–v1.24 "had taint {key: value}, that the pod didn't tolerate", which the
 * node-condition signatures read); before v1.18, and still in the kubelet's own admission check on NoExecute taints,
 * the words are "had taints that the pod didn't tolerate". Which taint decides the cause, so these answer unknown
 * with the check that names it, and rank below any signature that reads a named taint or condition beside them.
 */
export const TAINT_REASON_SIGNATURES: Signature[] = [
  sig({
    id: 'scheduler.untolerated-taint-unnamed',
    cause: 'unknown',
    re: /node\(s\) had untolerated taint\(s\)|node\(s\) had taints that the pod didn'?t tolerate/,
    anchors: ['untolerated taint(s)', "taints that the pod didn't tolerate", 'taints that the pod didnt tolerate'],
    confidence: 0.4,
    specificity: 40,
    alternatives: ['image.disk-full', 'node.not-ready'],
    check: TAINT_CHECK,
    source: 'kube-scheduler pkg/scheduler/framework/plugins/tainttoleration taint_toleration.go Filter ("node(s) had untolerated taint(s)", v1.36; ErrReasonNotMatch before v1.18); kubelet pkg/kubelet/lifecycle/predicate.go generalFilter (NoExecute taints: "Predicate TaintToleration failed: …")',
    samples: [
      '0/3 nodes are available: 3 node(s) had untolerated taint(s). preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      "0/3 nodes are available: 3 node(s) had taints that the pod didn't tolerate.",
      "  Warning  TaintToleration  8s    kubelet  Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate",
    ],
    counterSamples: [
      '0/3 nodes are available: 3 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      "0/3 nodes are available: 3 node(s) had taint {node.kubernetes.io/not-ready: }, that the pod didn't tolerate.",
    ],
  }),
  sig({
    id: 'nodelifecycle.pod-node-lost',
    cause: 'node.not-ready',
    // The node controller's pod eviction before taint-based eviction (pkg/controller/util/node DeletePods →
    // SetPodTerminationReason) set reason NodeLost and "Node %v which was running pod %v is unresponsive" on the pods
    // of a node whose kubelet stopped posting its status; kubectl prints such a pod being deleted as Unknown. The
    // node went unreachable (Ready Unknown): its kubelet, its machine, or its way to the API server.
    re: /\bnodelost\b|\bnode \S+ which was running pod \S+ is unresponsive/,
    anchors: ['nodelost', 'which was running pod'],
    confidence: 0.7,
    specificity: 50,
    check: "kubectl describe node <node>: Ready Unknown with \"Kubelet stopped posting node status\" is the kubelet or the machine gone, or its way to the API server (on the node: systemctl status kubelet, journalctl -u kubelet, and curl -k https://<api server>:6443/healthz)",
    source: 'pkg/util/node node.go (NodeUnreachablePodReason "NodeLost", NodeUnreachablePodMessage); pkg/controller/util/node controller_utils.go SetPodTerminationReason; pkg/printers printPod (Unknown)',
    samples: [
      'Status:                    Terminating (lasts 12m)\nReason:                    NodeLost\nMessage:                   Node worker-2 which was running pod web-7c9d8b6f5-2xkqp is unresponsive',
      '  reason: NodeLost\n  message: Node ip-10-0-3-17.ec2.internal which was running pod api-0 is unresponsive',
    ],
    counterSamples: ['Status:           Running\nReason:           \nMessage:          '],
  }),
];
