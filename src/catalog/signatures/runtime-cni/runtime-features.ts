import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** A runtime that cannot give what the pod or the job needs from it: a feature it lacks, a daemon that never came up. */
export const RUNTIME_FEATURE_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.userns-unsupported',
    cause: 'runtime.unavailable',
    // The kubelet asks the runtime's status for user-namespace support before it creates a sandbox with
    // hostUsers: false; a runtime (or a RuntimeClass handler) without it refuses every such pod.
    re: /can'?t set `?spec\.hostusers: false`?, (runtimeclass handler \\?"[^"\\]*\\?" )?(runtime )?does not support user namespaces/,
    anchors: ['does not support user namespaces'],
    confidence: 0.85,
    specificity: 92,
    check: 'crictl info | grep -i userns (containerd >= 2.0 or CRI-O >= 1.25 with an idmap-capable runtime, crun/runc >= 1.2, kernel >= 6.3 for idmapped tmpfs), or drop hostUsers: false from the pod',
    source: 'kubernetes pkg/kubelet/userns/userns_manager.go',
    samples: [
      'Failed to create pod sandbox: can\'t set `spec.hostUsers: false`, runtime does not support user namespaces',
      'Error: can\'t set `spec.hostUsers: false`, RuntimeClass handler "kata" does not support user namespaces',
    ],
    counterSamples: ['user namespaces are not enabled in /proc/sys/user/max_user_namespaces'],
  }),
  sig({
    id: 'runtime.dind-daemon-never-ready',
    cause: 'runtime.unavailable',
    // A CI runner's Docker-in-Docker wrapper polls the inner dockerd and gives up: the daemon did not start
    // (its own error, such as a ulimit or storage driver it cannot set up, is printed above).
    re: /waiting for docker to be ready, sleeping for \d+ seconds?\.?[\s\S]{0,2000}?reached maximum attempts, not waiting any longer/,
    anchors: ['reached maximum attempts, not waiting any longer'],
    confidence: 0.8,
    specificity: 80,
    check: 'the inner dockerd\'s own log (the lines before the wait, or /var/log/docker.log in the job container): a ulimit, cgroup, storage-driver or iptables error that stops it, and the job pod\'s privileged setting',
    source: 'kubernetes/test-infra images/bootstrap runner (Docker in Docker start-up wait)',
    samples: [
      'Waiting for docker to be ready, sleeping for 1 seconds.\nWaiting for docker to be ready, sleeping for 2 seconds.\nReached maximum attempts, not waiting any longer...',
      '/etc/init.d/docker: 62: ulimit: error setting limit (Invalid argument)\nWaiting for docker to be ready, sleeping for 5 seconds.\nReached maximum attempts, not waiting any longer...',
    ],
    counterSamples: ['Waiting for docker to be ready, sleeping for 1 seconds.\nDocker is ready.'],
  }),
];
