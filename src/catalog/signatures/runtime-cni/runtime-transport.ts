import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The CRI connection itself failing: the kubelet's (or crictl's) gRPC calls to the runtime end with the transport
 * closed or with a deadline on calls that never leave the node. What failed is the runtime process (crashed,
 * restarted, hung), whatever the call was about — a pull, a sandbox, a log stream.
 */
export const RUNTIME_TRANSPORT_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.cri-transport-broken',
    cause: 'runtime.unavailable',
    // "transport is closing" / "error reading from server: EOF" on a CRI call: the runtime's socket closed under the
    // kubelet. On a node-local call a deadline is the runtime not answering (PLEG, sandbox status, its own status).
    // Only in CRI contexts: etcd's and other gRPC clients say the same words about their own servers.
    re: /(failed to pull image|pod ?sandbox|removing the image|execing command in container|containerlogs|imagefs stats|streampodsandboxes|genericpleg|failed to update pod cidr)[^\n]{0,300}code = unavailable desc = (error reading from server: eof|transport is closing)|(genericpleg: unable to retrieve pods?|failed to get pod sandbox status|container runtime sanity check failed|listing pod sandboxes|getting status of runtime|failed to update pod cidr)[^\n]{0,200}code = deadlineexceeded/,
    anchors: ['error reading from server: eof', 'transport is closing', 'deadlineexceeded'],
    confidence: 0.75,
    specificity: 95,
    alternatives: ['node.not-ready'],
    check: 'systemctl status containerd (or crio, cri-docker) and journalctl -u <it> around that time on the node: a restart, a crash (panic, OOM kill) or a hang (crictl info timing out); the kubelet recovers once the runtime answers again',
    // The kubelet hands the node's podCIDR to the runtime (UpdateRuntimeConfig) at start and whenever it changes.
    source: 'gRPC status texts on the kubelet\'s CRI client (k8s.io/cri-client: remote runtime and image services; PLEG relist; pkg/kubelet kubelet_network.go updatePodCIDR "failed to update pod CIDR: %v")',
    samples: [
      'E1206 12:12:05.300100    1999 generic.go:312] "GenericPLEG: Unable to retrieve pods" err="rpc error: code = Unavailable desc = error reading from server: EOF"',
      'Warning  Failed  5s  kubelet  Failed to pull image "docker.io/library/nginx:1.27": rpc error: code = Unavailable desc = transport is closing',
      'E1206 12:10:40.456789    1999 kubelet.go:3247] "Container runtime sanity check failed" err="rpc error: code = DeadlineExceeded desc = context deadline exceeded"',
      'E1206 12:14:02.000100    1999 kubelet_node_status.go:562] "Error updating pod CIDR" err="failed to update pod CIDR: rpc error: code = DeadlineExceeded desc = context deadline exceeded"',
    ],
    counterSamples: ['etcdserver: request timed out, rpc error: code = Unavailable desc = transport is closing'],
  }),
  sig({
    id: 'runtime.reported-unhealthy',
    cause: 'runtime.unavailable',
    // The kubelet's and node-problem-detector's own words for a runtime that answers nothing useful.
    re: /container runtime status is nil|container runtime on the node is not functioning properly|containerruntimeunhealthy/,
    anchors: ['container runtime status is nil', 'not functioning properly', 'containerruntimeunhealthy'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'crictl info and systemctl status containerd (or crio) on that node, and its journal: the runtime must answer its status with RuntimeReady and NetworkReady',
    source: 'kubelet runtime status checks ("Container runtime status is nil"); node-problem-detector health-checker (ContainerRuntimeUnhealthy)',
    samples: [
      'E1206 12:10:40.456789    1999 kubelet.go:3251] "Container runtime status is nil"',
      'Warning  ContainerRuntimeUnhealthy  4m  health-checker  Container runtime on the node is not functioning properly',
    ],
    counterSamples: ['Normal  ContainerRuntimeIsHealthy  4m  health-checker  Container runtime on the node is functioning properly'],
  }),
  sig({
    id: 'runtime.socket-taken-or-gone',
    cause: 'runtime.unavailable',
    // containerd cannot bind its socket (another containerd, Docker's bundled one, holds it) or a client finds none.
    re: /failed to create listener: listen unix \S*containerd\.sock: bind: address already in use|cannot access containerd socket \\?"[^"\n]+\\?": no such file or directory/,
    anchors: ['containerd.sock: bind: address already in use', 'cannot access containerd socket'],
    confidence: 0.8,
    specificity: 91,
    check: 'ps -ef | grep containerd and ls -l /run/containerd/containerd.sock on the node: two containerd daemons (a distribution\'s and Docker\'s, or a leftover process) fight over one socket; none running leaves no socket at all',
    source: 'containerd server start (listener on --address); nerdctl and ctr socket checks',
    samples: [
      'containerd: failed to create listener: listen unix /run/containerd/containerd.sock: bind: address already in use',
      'FATA[0000] cannot access containerd socket "/run/containerd/containerd.sock": no such file or directory',
    ],
    counterSamples: ['level=info msg=serving... address=/run/containerd/containerd.sock'],
  }),
];
