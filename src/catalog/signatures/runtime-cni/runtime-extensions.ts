import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What the runtime adds to a container from the node: device drivers for --gpus, OCI hooks that CDI specs and
 * hooks.d files name, and the runtime binary a workflow tool shells out to. When the node lacks them the
 * container cannot start there, whatever the image: the runtime is unusable for that workload.
 */
export const RUNTIME_EXTENSION_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.gpu-device-driver-missing',
    cause: 'runtime.unavailable',
    // dockerd asks its registered device drivers for the capabilities --gpus requests; none is registered until the
    // NVIDIA container toolkit is installed and the daemon restarted.
    re: /could not select device driver \\?"[^"\n\\]*\\?" with capabilities: \[\[gpu\]\]/,
    anchors: ['could not select device driver'],
    confidence: 0.85,
    specificity: 94,
    check: 'on the host: nvidia-ctk --version and the "runtimes" entry in /etc/docker/daemon.json (nvidia-ctk runtime configure --runtime=docker writes it), then a daemon restart; docker info | grep -i runtimes must list nvidia',
    source: 'moby daemon/devices.go (no device driver for the requested capabilities: "could not select device driver %q with capabilities: %v")',
    samples: ['docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]].', 'Error response from daemon: could not select device driver "nvidia" with capabilities: [[gpu]]'],
    counterSamples: ['docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: nvidia-container-cli: initialization error: nvml error: driver not loaded'],
  }),
  sig({
    id: 'runtime.oci-hook-binary-missing',
    cause: 'runtime.unavailable',
    // runc and crun run the hooks the spec lists (written there by a CDI spec such as NVIDIA's, or by a hooks.d
    // file); a hook whose binary the node does not have fails every container that gets it.
    re: /error running (?:\w+ )?hook #\d+: fork\/exec \S+: no such file or directory/,
    anchors: ['error running hook', 'hook #'],
    confidence: 0.8,
    specificity: 93,
    check: 'the hook path in the error: install the package that provides it (nvidia-container-toolkit for nvidia-cdi-hook and nvidia-ctk), or regenerate the CDI spec (nvidia-ctk cdi generate) so it names binaries the node has; the specs are in /etc/cdi and /var/run/cdi',
    source: 'runc libcontainer hooks (Run: "error running %s hook #%d: %w"); CDI specs adding createContainer hooks',
    samples: [
      'Error: runc: runc create failed: unable to start container process: error during container init: error running hook #0: fork/exec /usr/bin/nvidia-ctk: no such file or directory: OCI runtime attempted to invoke a command that was not found',
      'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error running prestart hook #1: fork/exec /usr/local/bin/oci-register-machine: no such file or directory: unknown',
    ],
    counterSamples: ['error running hook #0: error running hook: exit status 1, stdout: , stderr: nvidia-container-cli: mount error: file creation failed'],
  }),
  sig({
    id: 'runtime.workflow-docker-missing',
    cause: 'runtime.unavailable',
    // cwltool runs each tool that asks for DockerRequirement through the docker (or podman, singularity) binary on
    // the host; without one on PATH the step cannot run.
    re: /docker is required to run this tool: docker executable is not available/,
    anchors: ['docker executable is not available'],
    confidence: 0.85,
    specificity: 94,
    check: 'on the machine that runs the workflow: which docker (or run cwltool with --podman / --singularity and that runtime installed); the user must be able to reach the daemon (docker info)',
    source: 'cwltool docker.py (DockerCommandLineJob: "Docker is required to run this tool: %s executable is not available")',
    samples: ['ERROR Workflow or tool uses unsupported feature:\nDocker is required to run this tool: docker executable is not available', 'Docker is required to run this tool: docker executable is not available'],
    counterSamples: ['Docker is required to run this tool: Error response from daemon: pull access denied for acme/tool'],
  }),
];
