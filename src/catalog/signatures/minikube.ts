import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * minikube's own words: it names each failure with a reason code ("Exiting due to RUNTIME_ENABLE: …") and
 * prints advice lines of its own. The code is chosen by minikube from the error it saw, so the code alone
 * decides the layer; what the user pasted after it is the component's text, read by the other signatures.
 */
export const MINIKUBE_SIGNATURES: Signature[] = [
  sig({
    id: 'minikube.runtime-reason',
    cause: 'runtime.unavailable',
    // The runtime reasons: the runtime or its CRI shim (cri-dockerd) missing, not installed for the none driver,
    // or not starting inside the node.
    re: /exiting due to (runtime_enable|rt_[a-z0-9_]+|not_found_cri_dockerd|not_found_dockerd|drv_docker_not_running)\b|found docker, but the docker service isn'?t running/,
    anchors: ['exiting due to runtime_enable', 'exiting due to rt_', 'exiting due to not_found_cri_dockerd', 'exiting due to not_found_dockerd', 'exiting due to drv_docker_not_running', 'found docker, but the docker service'],
    confidence: 0.8,
    specificity: 88,
    alternatives: ['node.not-ready'],
    check: 'the runtime inside the minikube node (minikube ssh -- sudo systemctl status docker cri-docker.socket containerd crio) or, with the none driver, on the host: Kubernetes 1.24+ with docker needs cri-dockerd and crictl installed; minikube delete and start again after installing them',
    source: 'minikube pkg/minikube/reason (runtime reason codes and known issues: RUNTIME_ENABLE, RT_*, NOT_FOUND_CRI_DOCKERD)',
    samples: [
      '❌  Exiting due to RUNTIME_ENABLE: sudo systemctl enable cri-docker.socket: exit status 1\nstdout:\n\nstderr:\nFailed to execute operation: No such file or directory',
      'X Exiting due to RUNTIME_ENABLE: Failed to start container runtime: which crictl: Process exited with status 1',
      'X Exiting due to DRV_DOCKER_NOT_RUNNING: Found docker, but the docker service isn\'t running. Try restarting the docker service.',
    ],
    counterSamples: ['X Exiting due to MK_USAGE: Sorry, the url provided with the --registry-mirror flag is invalid: mirror.gcr.io'],
  }),
  sig({
    id: 'minikube.registry-mirror-flag-invalid',
    cause: 'registry.mirror-misconfigured',
    // validateRegistryMirror: every --registry-mirror value must parse as a URL with scheme http or https and
    // no path; a bare host:port (or a path) stops minikube start before the node is made.
    re: /the url provided with the --registry-mirror flag is invalid/,
    anchors: ['--registry-mirror flag is invalid'],
    confidence: 0.95,
    specificity: 95,
    check: 'the --registry-mirror values of minikube start: each must be a full URL with scheme and no path, e.g. --registry-mirror=https://mirror.example:5000 (not mirror.example:5000, not https://mirror.example/v2)',
    source: 'minikube v1.36.0 cmd/minikube/cmd/start.go (validateRegistryMirror: exit.Message(reason.Usage, "Sorry, the url provided with the --registry-mirror flag is invalid: {{.url}}"))',
    samples: [
      'X Exiting due to MK_USAGE: Sorry, the url provided with the --registry-mirror flag is invalid: mirror.lab.internal:5000',
      'X Exiting due to MK_USAGE: Sorry, the url provided with the --registry-mirror flag is invalid: mirror.gcr.io',
    ],
    counterSamples: ['--registry-mirror=[]: Registry mirrors to pass to the Docker daemon'],
  }),
  sig({
    id: 'minikube.cni-plugins-missing',
    cause: 'cni.plugin-missing',
    // The none driver runs on the host, whose /opt/cni/bin minikube checks before applying its CNI.
    re: /exiting due to not_found_cni_plugins\b|required '[\w-]+' cni plug-in not found/,
    anchors: ['not_found_cni_plugins', 'cni plug-in not found'],
    confidence: 0.85,
    specificity: 92,
    check: 'ls /opt/cni/bin on the host (the none driver) or in the node (minikube ssh): install the containernetworking plugins release there (bridge, host-local, loopback, portmap)',
    source: 'minikube pkg/minikube/cni (apply: "required \'%s\' CNI plug-in not found"), reason NOT_FOUND_CNI_PLUGINS',
    samples: [
      "X Exiting due to GUEST_START: failed to start node: apply cni: cni apply: required 'portmap' CNI plug-in not found: stat /opt/cni/bin/portmap: exit status 1",
      '🔗  Exiting due to NOT_FOUND_CNI_PLUGINS: 💡  Suggestion: The none driver with Kubernetes v1.24+ requires containernetworking-plugins.',
    ],
    counterSamples: ['Configuring bridge CNI (Container Networking Interface) ...'],
  }),
  sig({
    id: 'minikube.node-out-of-disk',
    cause: 'image.disk-full',
    re: /the node \S+ has ran out of disk space/,
    anchors: ['has ran out of disk space'],
    confidence: 0.85,
    specificity: 92,
    check: 'minikube ssh -- df -h /var (and docker system df on the host for the docker driver): prune images (minikube image prune, docker system prune) or recreate with minikube start --disk-size',
    source: 'minikube bootstrapper/kubeadm (node pressure advice: "The node %s has ran out of disk space.")',
    samples: ['! The node minikube has ran out of disk space.', '! The node minikube-m02 has ran out of disk space.\n* Please free up disk or prune images.'],
    counterSamples: ['The node minikube has enough disk space'],
  }),
  sig({
    id: 'minikube.image-arch-mismatch',
    cause: 'image.platform-mismatch',
    re: /does not match arch of the container runtime/,
    anchors: ['does not match arch of the container runtime'],
    confidence: 0.85,
    specificity: 94,
    check: 'docker image inspect <image> --format {{.Architecture}} against minikube\'s node (minikube ssh -- uname -m): build or pull the image for the node\'s architecture, or a multi-arch one',
    source: 'minikube machine/cache_images.go (image load: "The image \'%s\' does not match arch of the container runtime")',
    samples: ["! The image 'docker.io/library/myapp:latest' does not match arch of the container runtime, use a multi-arch image instead", "The image 'registry.local/app:1' does not match arch of the container runtime"],
    counterSamples: ['Loaded image: docker.io/library/myapp:latest'],
  }),
];
