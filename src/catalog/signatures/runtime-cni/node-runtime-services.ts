import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The node's runtime and kubelet as the programs that start them report them: an OS's own service supervisor (Talos's
 * machined), an installer that runs the kubelet as a container (RKE), kubeadm's preflight looking for a runtime, and a
 * runtime that refuses to start on its monitor's version. None of them asks a registry.
 */
export const NODE_RUNTIME_SERVICE_SIGNATURES: Signature[] = [
  sig({
    id: 'talos.cri-service-process-failed',
    cause: 'runtime.unavailable',
    // Talos's machined runs containerd as its "cri" service and restarts it forever when the process exits: the
    // node's CRI runtime is down meanwhile (the process's own exit says why: a signal, a config it refuses).
    re: /service\[cri\]\((waiting|failed|preparing)\): error running process/,
    anchors: ['service[cri]'],
    also: ['error running process'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'talosctl -n <node> logs cri and talosctl -n <node> service cri: containerd\'s own last lines before the exit (a crash, a config patch under /etc/cri/conf.d it refuses)',
    source: 'Talos machined service runner ("service[%s](%s): Error running %s, going to restart forever: %s")',
    samples: [
      '[talos] service[cri](Waiting): Error running Process(["/bin/containerd" "--address" "/run/containerd/containerd.sock" "--config" "/etc/cri/containerd.toml"]), going to restart forever: signal: segmentation fault',
      'service[cri](Waiting): Error running Process(["/bin/containerd"]), going to restart forever: exit status 1',
    ],
    counterSamples: ['[talos] service[cri](Running): Health check successful'],
  }),
  sig({
    id: 'rke.kubelet-container-start-failed',
    cause: 'node.not-ready',
    // RKE runs the kubelet as a Docker container named kubelet; its node script's "failed to start containers: kubelet"
    // means the node agent is not running (Docker's reason is on the line before: a mount source, an image).
    re: /failed to start containers: kubelet\b/,
    anchors: ['failed to start containers: kubelet'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['runtime.unavailable'],
    check: 'docker logs kubelet and docker inspect kubelet on that node: the daemon\'s reason (a bind-mount source it cannot create on a read-only root, a missing image) is in the error before this line',
    source: 'docker CLI start ("Error: failed to start containers: %s") as RKE\'s node provisioning runs it for the kubelet container',
    samples: ['Error response from daemon: {"message":"error while creating mount source path \'/usr/share/ros\': mkdir /usr/share/ros: read-only file system"}\nError: failed to start containers: kubelet', 'Error: failed to start containers: kubelet'],
    counterSamples: ['Error: failed to start containers: web'],
  }),
  sig({
    id: 'kubeadm.preflight-docker-required',
    cause: 'runtime.unavailable',
    // kubeadm before the dockershim's removal defaulted to Docker when no CRI socket was given or found: a node with
    // only containerd (or nothing) fails preflight looking for the docker binary.
    re: /docker is required for container runtime/,
    anchors: ['docker is required for container runtime'],
    confidence: 0.8,
    specificity: 90,
    check: 'which runtime the node has: give kubeadm its socket (--cri-socket unix:///run/containerd/containerd.sock, or nodeRegistration.criSocket) or install the runtime it expects',
    source: 'kubeadm preflight (ContainerRuntimeCheck with the Docker default: "docker is required for container runtime")',
    samples: ['error execution phase preflight: docker is required for container runtime: exec: "docker": executable file not found in $PATH', '[ERROR Service-Docker]: docker is required for container runtime'],
    counterSamples: ['[preflight] Running pre-flight checks'],
  }),
  sig({
    id: 'crio.conmon-version-unparsable',
    cause: 'runtime.unavailable',
    // CRI-O runs `<conmon> --version` at start and parses its version: a monitor path that points at another program
    // (conmon-rs configured as conmon, a wrapper) stops CRI-O from starting.
    re: /parse conmon version: /,
    anchors: ['parse conmon version'],
    confidence: 0.75,
    specificity: 90,
    check: 'conmon (or monitor_path) in crio.conf\'s [crio.runtime.runtimes.<name>] against the program there: run it with --version; for conmon-rs set runtime_type/monitor accordingly, then systemctl restart crio',
    source: 'CRI-O internal/oci (conmon version probe: "parse conmon version: %w")',
    samples: ['Failed to start the crio service with error message: " parse conmon version: No Major.Minor.Patch elements found"', 'level=fatal msg="validating runtime config: parse conmon version: No Major.Minor.Patch elements found"'],
    counterSamples: ['conmon version 2.1.12'],
  }),
];
