import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * The kubelet's pod start path as its events and logs show it (pkg/kubelet/kuberuntime, pkg/kubelet/lifecycle):
 * wrappers the kubelet puts around a failure it did not cause. Each reads the wrapper's mechanism — where the
 * kubelet ran the thing that failed — so the inner words are not read as if a registry or the overlay said them.
 */
export const KUBELET_POD_START_SIGNATURES: Signature[] = [
  sig({
    id: 'kubelet.lifecycle-hook-failed',
    cause: 'unknown',
    // pkg/kubelet/lifecycle/handlers.go: "Exec lifecycle hook (%v) for Container %q in Pod %q failed - error: %v,
    // message: %q" and "HTTP lifecycle hook (%s) for Container %q in Pod %q failed - error: %v, message: %q", the
    // events FailedPostStartHook / FailedPreStopHook and the waiting reason PostStartHookError. An exec hook runs
    // inside the container; an HTTP hook is dialled by the kubelet from the node's host network to the pod's IP on
    // that same node (no overlay crossing), and a host name there is resolved by the node's resolver, not CoreDNS.
    // The failure is the hook's command or endpoint; inner texts that name a cause of their own outrank this.
    re: /\b(exec|http|sleep) lifecycle hook \([^\n]{0,400}?\) for container [^\n]{0,300}? failed - error|failedpoststarthook|failedprestophook|poststarthookerror/,
    anchors: ['lifecycle hook (', 'failedpoststarthook', 'failedprestophook', 'poststarthookerror'],
    confidence: 0.6,
    specificity: 75,
    alternatives: ['node.firewall', 'dns.node-resolver'],
    check: 'kubectl get pod <pod> -o yaml | grep -A8 lifecycle: an exec hook\'s exit code and message are the command\'s own (run it with kubectl exec to see); an HTTP hook is dialled from the pod\'s node to the pod IP — the application not listening yet is the usual answer, a host firewall on that node the rarer one',
    source: 'kubelet lifecycle handlers (pkg/kubelet/lifecycle/handlers.go; kuberuntime_container.go: FailedPostStartHook, PostStartHookError)',
    samples: [
      'Warning  FailedPostStartHook  6s  kubelet  HTTP lifecycle hook (/warm) for Container "api" in Pod "orders-5d7c9-bq2xn_shop(5f0e1d2c)" failed - error: Get "http://10.244.3.21:8081/warm": dial tcp 10.244.3.21:8081: i/o timeout, message: ""',
      'Warning  FailedPreStopHook  31s  kubelet  Exec lifecycle hook ([/bin/sh -c sleep 5 && /app/drain]) for Container "worker" in Pod "queue-2_jobs(0a1b2c3d)" failed - error: command \'/bin/sh -c sleep 5 && /app/drain\' exited with 127: , message: "/bin/sh: /app/drain: not found\\n"',
      'Warning  FailedPostStartHook  4s  kubelet  PostStartHook failed',
    ],
    counterSamples: [
      'Normal   Killing  31s  kubelet  Stopping container worker',
      'Liveness probe failed: Get "http://10.244.3.21:8081/health": dial tcp 10.244.3.21:8081: i/o timeout',
    ],
  }),
  sig({
    id: 'runtime.name-reserved',
    cause: 'unknown',
    // containerd's CRI reserves the sandbox or container name for a request in flight ("failed to reserve sandbox
    // name %q: name %q is reserved for %q", same for container): the kubelet gave up on an earlier RunPodSandbox or
    // CreateContainer (its runtimeRequestTimeout) while containerd was still working on it, and every retry collides.
    // A runtime too slow to answer — slow disk I/O, a large unpack, an overloaded or hung containerd — often; but a
    // node clock stepped back or a reservation left stale after a restart give the same words, so no cause is named.
    re: /failed to reserve (sandbox|container) name \\?"[^"\n\\]{1,300}\\?": name \\?"[^"\n\\]{1,300}\\?" is reserved for/,
    anchors: ['failed to reserve sandbox name', 'failed to reserve container name'],
    confidence: 0.5,
    specificity: 85,
    alternatives: ['runtime.unavailable', 'node.not-ready'],
    check: 'journalctl -u containerd around the first attempt for that name: the earlier RunPodSandbox/CreateContainer still running (or stuck) is why; a node clock that jumped back (timedatectl, journalctl | grep -i \'time has been changed\') or a containerd restart leaves stale ones; iostat -x and the containerd process\'s load show a slow disk or an overloaded runtime, and a hung one answers nothing to crictl ps',
    source: 'containerd CRI name index (internal/cri/store/name_index: "name %q is reserved for %q"); kubelet runtimeRequestTimeout (default 2m)',
    samples: [
      'Warning  Failed  14s (x9 over 2m)  kubelet  Error: failed to reserve container name "worker_queue-2_jobs_0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d_1": name "worker_queue-2_jobs_0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d_1" is reserved for "c41f9e"',
      'E1206 09:14:00.000000    2201 log.go:32] "RunPodSandbox from runtime service failed" err="rpc error: code = Unknown desc = failed to reserve sandbox name \\"orders-5d7c9-bq2xn_shop_5f0e1d2c_0\\": name \\"orders-5d7c9-bq2xn_shop_5f0e1d2c_0\\" is reserved for \\"9d8e7f\\""',
    ],
    counterSamples: ['failed to reserve container name'],
  }),
  sig({
    id: 'kubelet.logs-container-waiting',
    cause: 'unknown',
    // kubelet_pods.go validateContainerLogStatus, behind kubectl logs: "container %q in pod %q is waiting to start:
    // image can't be pulled" (ImagePullBackOff), "…: trying and failing to pull image" (ErrImagePull), or the waiting
    // reason itself. It names the state, not why: the pull's own error is in the pod's events. A wrapper — any
    // inner text with a cause of its own outranks it.
    re: /container \\?"?[\w.-]{1,253}\\?"? in pod \\?"?[\w.-]{1,253}\\?"? is waiting to start: (image can'?t be pulled|trying and failing to pull image)/,
    anchors: ['is waiting to start: '],
    confidence: 0.5,
    specificity: 40,
    alternatives: ['image.not-found', 'image.auth-missing', 'image.pullsecret-missing'],
    check: 'kubectl describe pod <pod>: the Failed event\'s "Failed to pull image … : <error>" names why the pull fails (not found, unauthorized, a timeout, a certificate); kubectl logs has nothing to show until the image is pulled',
    source: 'kubelet validateContainerLogStatus (pkg/kubelet/kubelet_pods.go), returned to kubectl logs as BadRequest',
    samples: [
      'Error from server (BadRequest): container "billing" in pod "billing-6f9c7d-k2x8p" is waiting to start: image can\'t be pulled',
      'Error from server (BadRequest): container "etl" in pod "etl-0" is waiting to start: trying and failing to pull image',
    ],
    counterSamples: ['Error from server (BadRequest): container "etl" in pod "etl-0" is waiting to start: ContainerCreating'],
  }),
  sig({
    id: 'kubelet.sandbox-changed',
    cause: 'unknown',
    // kuberuntime_manager.go: Normal SandboxChanged "Pod sandbox changed, it will be killed and re-created." when
    // kuberuntime/util PodSandboxChanged finds the pod's sandbox not ready, several ready, its network namespace
    // changed or no IP: the pause container stopped (a runtime restart, a cgroup driver the runtime and the kubelet
    // disagree on, the pause process killed) or the CNI add gave no address. The event names none of them; a record
    // beside it that does (FailedCreatePodSandBox, a runtime error) is the answer.
    re: /pod sandbox changed, it will be killed and re-created/,
    recordOnly: true,
    anchors: ['pod sandbox changed'],
    confidence: 0.4,
    specificity: 40,
    alternatives: ['runtime.unavailable', 'node.not-ready'],
    check: 'crictl pods --name <pod> on its node lists the earlier sandboxes NotReady: journalctl -u containerd (or crio) at the time one stopped says why — a runtime restart, SystemdCgroup in the runtime differing from the kubelet\'s cgroupDriver (sandboxes restart every few minutes), the pause process killed; a FailedCreatePodSandBox event beside it names a CNI failure',
    source: 'kubelet kuberuntime (events.SandboxChanged; kuberuntime/util PodSandboxChanged: not ready, several ready, netns changed, no IP)',
    samples: [
      'Normal   SandboxChanged  2m (x7 over 14m)  kubelet  Pod sandbox changed, it will be killed and re-created.',
      'I1206 08:00:00.000000    901 event.go:389] "Event occurred" object="shop/orders-5d7c9-bq2xn" kind="Pod" reason="SandboxChanged" message="Pod sandbox changed, it will be killed and re-created."',
    ],
    counterSamples: ['Normal   Created  2m  kubelet  Created container orders'],
  }),
];
