import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * The kubelet's node-pressure side beyond the texts the image signatures already read: the eviction manager as its
 * JSON log format prints it, the container garbage collector timing out against the runtime, and the graceful node
 * shutdown manager's words on the pods it refuses or stops.
 */
export const KUBELET_NODE_PRESSURE_SIGNATURES: Signature[] = [
  sig({
    id: 'kubelet.eviction-json-disk',
    cause: 'image.disk-full',
    // pkg/kubelet/eviction eviction_manager.go synchronize logs "Eviction manager: attempting to reclaim" and "must evict
    // pod(s) to reclaim" with resourceName = the resource the crossed signal maps to (signalToResource): nodefs,
    // imagefs and containerfs .available are ephemeral-storage, their .inodesFree are inodes. With
    // --logging-format=json the key is a JSON field ("resourceName":"…"), not the text format's resourceName="…";
    // memory and pids are not the disk and stay without an answer here.
    re: /"msg":"eviction manager: (attempting to reclaim|must evict pod\(s\) to reclaim|able to reduce resource pressure without evicting pods\.|unexpected error when attempting to reduce resource pressure)"[^\n]{0,300}"resourcename":"(ephemeral-storage|inodes)"/,
    anchors: ['"resourcename":"ephemeral-storage"', '"resourcename":"inodes"'],
    confidence: 0.9,
    specificity: 94,
    check: 'df -h and df -i on the kubelet root (/var/lib/kubelet) and the runtime root (/var/lib/containerd): which one crossed evictionHard (nodefs.available, imagefs.available, *.inodesFree)',
    source: 'kubelet pkg/kubelet/eviction/eviction_manager.go synchronize ("Eviction manager: attempting to reclaim", "resourceName"; helpers.go signalToResource), JSON logging format',
    samples: [
      '{"ts":1765012442118.203,"caller":"eviction/eviction_manager.go:381","msg":"Eviction manager: attempting to reclaim","v":0,"resourceName":"ephemeral-storage"}',
      '{"ts":1765012442118.41,"caller":"eviction/eviction_manager.go:392","msg":"Eviction manager: must evict pod(s) to reclaim","v":0,"resourceName":"inodes"}',
    ],
    counterSamples: [
      '{"ts":1765012442118.41,"caller":"eviction/eviction_manager.go:392","msg":"Eviction manager: must evict pod(s) to reclaim","v":0,"resourceName":"memory"}',
      '{"ts":1765012442118.41,"caller":"eviction/helpers.go:979","msg":"Eviction manager:","v":3,"log":"observations","signal":"nodefs.available","resourceName":"ephemeral-storage"}',
    ],
  }),
  sig({
    id: 'kubelet.container-gc-deadline',
    cause: 'runtime.unavailable',
    // The kubelet's container garbage collector (pkg/kubelet/kuberuntime kuberuntime_gc.go) lists every container and
    // sandbox through the CRI and removes the dead ones; a gRPC DeadlineExceeded there is the runtime not answering
    // its own list or remove calls in time (a hung daemon or shim, its disk stalled), logged as "Container garbage
    // collection failed" and recorded on the node as ContainerGCFailed. A refused socket has its own signature.
    re: /container garbage collection failed\W{0,4}(err\W{0,3})?rpc error: code = deadlineexceeded|\bcontainergcfailed\b[^\n]{0,160}rpc error: code = deadlineexceeded/,
    anchors: ['container garbage collection failed', 'containergcfailed'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'is the runtime answering? time crictl ps -a and crictl pods on that node (thousands of exited containers make the list slow), journalctl -u containerd (or docker) for the same minutes, and iostat on the disk under /var/lib/containerd',
    source: 'kubelet pkg/kubelet/kubelet.go StartGarbageCollection ("Container garbage collection failed", events.ContainerGCFailed); kuberuntime_gc.go',
    samples: [
      'E0626 14:35:51.825256    5711 kubelet.go:1280] Container garbage collection failed: rpc error: code = DeadlineExceeded desc = context deadline exceeded',
      '  Warning  ContainerGCFailed  3m (x12 over 40m)  kubelet  rpc error: code = DeadlineExceeded desc = context deadline exceeded',
      'E1206 09:20:11.300100    1432 kubelet.go:1695] "Container garbage collection failed" err="rpc error: code = DeadlineExceeded desc = context deadline exceeded"',
    ],
    counterSamples: [
      'E0626 14:35:51.825256    5711 kubelet.go:1280] Container garbage collection failed: rpc error: code = Unknown desc = failed to remove container',
      '"PullImage from image service failed" err="rpc error: code = DeadlineExceeded desc = context deadline exceeded"',
    ],
  }),
  sig({
    id: 'kubelet.node-shutdown-pods',
    cause: 'node.not-ready',
    // The graceful node shutdown manager (pkg/kubelet/nodeshutdown): once systemd-logind announces a shutdown the
    // kubelet refuses new pods (reason NodeShutdown) and stops running ones (reason Terminated), and its Ready
    // condition says "node is shutting down". The node is going down by design (a reboot, a spot or preemptible
    // instance reclaimed, an upgrade), not failing: it turns NotReady and, if it comes back, Ready again.
    re: /pod was rejected as the node is shutting down|pod was terminated in response to imminent node shutdown/,
    anchors: ['node is shutting down', 'imminent node shutdown'],
    confidence: 0.7,
    specificity: 60,
    check: 'who shut the node down: journalctl -b -1 -u systemd-logind on the node (or last -x reboot), the cloud console for a spot or preemptible reclaim, or an upgrade or autoscaler that drained it; kubectl get node <node> to see whether it came back Ready',
    source: 'kubelet pkg/kubelet/nodeshutdown nodeshutdown_manager.go (nodeShutdownNotAdmittedMessage, nodeShutdownMessage), nodeshutdown_manager_linux.go ShutdownStatus ("node is shutting down")',
    samples: [
      'Status:         Failed\nReason:         NodeShutdown\nMessage:        Pod was rejected as the node is shutting down.',
      'Status:         Failed\nReason:         Terminated\nMessage:        Pod was terminated in response to imminent node shutdown.',
    ],
    counterSamples: ['I1206 09:00:00.000000    1432 nodeshutdown_manager_linux.go:265] "Shutdown manager detected new shutdown event, isNodeShuttingDownNow" event=false'],
  }),
];
