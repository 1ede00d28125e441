import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Runtimes with more parts than runc: sandboxes whose agent runs in a VM or enclave (Kata, Confidential Containers),
 * OCI runtimes with a daemon of their own (sysbox), snapshotters containerd reaches as plugins over a socket (nydus,
 * stargz, SOCI), and WebAssembly handlers. A missing part stops every pod that needs it on that node.
 */
export const SANDBOX_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.snapshotter-plugin-unreachable',
    cause: 'runtime.unavailable',
    // A proxy snapshotter (nydus, stargz, SOCI, overlaybd) is a daemon containerd dials over a unix socket for every
    // unpack and mount: with that daemon down, no image using it can be prepared on the node.
    re: /(prepare (extraction|remote) snapshot|snapshotter)[^\n]{0,300}dial(ing)? unix:?\s?\/*\S*\.sock\b[^\n]{0,40}(timeout|connect: (no such file or directory|connection refused))/,
    anchors: ['.sock'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'the snapshotter\'s own service on that node (systemctl status nydus-snapshotter, stargz-snapshotter, soci-snapshotter): its socket must exist at the address in containerd\'s [proxy_plugins] section, and containerd restarted after the plugin was added',
    source: 'containerd proxy snapshotter plugins (gRPC over a unix socket)',
    samples: [
      'docker: failed to prepare extraction snapshot "extract-1 sha256:ab": connection error: desc = "transport: Error while dialing dial unix:///run/containerd-nydus/containerd-nydus-grpc.sock: timeout": unavailable.',
      'failed to prepare remote snapshot: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/containerd-stargz-grpc/containerd-stargz-grpc.sock: connect: no such file or directory"',
    ],
    counterSamples: ['failed to prepare extraction snapshot "extract-1 sha256:ab": parent snapshot sha256:cd does not exist: not found'],
    subject: {
      title: 'A snapshotter plugin of the runtime is not running',
      explanation: 'containerd prepares the image\'s filesystem through a snapshotter; a proxy snapshotter (nydus, stargz, SOCI, overlaybd, fuse-overlayfs) is a daemon of its own reached over a unix socket. With that daemon down, or its socket elsewhere than containerd\'s config says, no image that uses it can be unpacked or mounted on the node.',
      fix: [
        'Start the snapshotter\'s service on the node and look at why it stopped (systemctl status and journalctl -u for nydus-snapshotter, stargz-snapshotter, soci-snapshotter or containerd-fuse-overlayfs).',
        'Make its socket and containerd\'s [proxy_plugins] address the same, then restart containerd.',
      ],
      verify: ['ctr plugins ls | grep snapshotter'],
    },
  }),
  sig({
    id: 'runtime.oci-helper-socket-missing',
    cause: 'runtime.unavailable',
    // An OCI runtime that needs a daemon of its own (sysbox-runc's sysbox-mgr, a VM runtime's agent) cannot reach
    // its socket: that runtime cannot create any container on the node until its daemon runs.
    re: /oci runtime create failed[^\n]{0,300}dial unix \S+: connect: (no such file or directory|connection refused)/,
    anchors: ['oci runtime create failed'],
    confidence: 0.75,
    // above ambiguous.local-socket-refused: the OCI runtime's create names whose socket it is.
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'the daemon behind the socket named after "dial unix": systemctl status of the runtime\'s own services on that node (sysbox: sysbox-mgr and sysbox-fs), and whether the pod\'s RuntimeClass sends it to nodes where that runtime is installed (its scheduling.nodeSelector)',
    source: 'OCI runtimes with a helper daemon (sysbox-runc registering with sysbox-mgr over gRPC)',
    samples: [
      'OCI runtime create failed: failed to register with sysbox-mgr: failed to invoke Register via grpc: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/sysbox/sysmgr.sock: connect: no such file or directory"',
      'failed to create shim task: OCI runtime create failed: dial unix /run/example-agent.sock: connect: connection refused',
    ],
    counterSamples: ['failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "sh": executable file not found in $PATH'],
    subject: {
      title: 'An OCI runtime\'s own daemon is not running',
      explanation: 'Some OCI runtimes need a daemon beside them (sysbox-runc needs sysbox-mgr and sysbox-fs; VM runtimes their agents); runc-style create fails when its socket is missing or refuses. Pods of that RuntimeClass cannot start on the node until the daemon runs.',
      fix: [
        'Start the runtime\'s daemons on that node (sysbox: systemctl start sysbox-mgr sysbox-fs, or the sysbox-deploy DaemonSet) and look at why they stopped.',
        'Keep pods of that RuntimeClass on nodes where the runtime is installed (its scheduling.nodeSelector).',
      ],
      verify: ['ls -l <socket path from the message>'],
    },
  }),
  sig({
    id: 'runtime.guest-agent-unreachable',
    cause: 'runtime.unavailable',
    // Kata and Confidential Containers run the pod in a VM or enclave and pull and start through an agent inside it;
    // the host side's "timed out connecting to <kind> socket" is that agent not answering, whatever the image.
    re: /timed out connecting to (tcp socket|unix socket|hybrid vsock|vsock)\b/,
    anchors: ['timed out connecting to'],
    confidence: 0.7,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'the sandbox\'s agent: the runtime\'s log for the pod (journalctl -t kata or the shim\'s log) shows whether the guest or enclave booted and its agent started; a guest image or enclave configuration that does not match the runtime release leaves it silent',
    source: 'Kata Containers / Confidential Containers agent dialers ("timed out connecting to vsock %d:%d", after "Failed to Check if grpc server is working")',
    samples: [
      'Failed to pull image "ghcr.io/example/app:1": rpc error: code = DeadlineExceeded desc = timed out connecting to tcp socket 127.0.0.1:7788',
      'failed to create containerd task: failed to create shim: Failed to Check if grpc server is working: rpc error: code = DeadlineExceeded desc = timed out connecting to vsock 637456061:1024: unknown',
    ],
    counterSamples: ['dial tcp 10.0.0.5:443: i/o timeout'],
    subject: {
      title: 'The sandbox\'s guest agent does not answer',
      explanation: 'Kata Containers and Confidential Containers run the pod in a VM or enclave and create containers and pull images through an agent inside it. "timed out connecting to" that agent means the guest did not boot or its agent did not start: a guest kernel or image that does not match the runtime release, missing virtualisation support on the host, or a policy the guest refuses.',
      fix: [
        'Read the guest\'s side: the runtime\'s log for the sandbox (kata-runtime or containerd-shim-kata-v2 in journalctl, with debug and the guest console enabled in its configuration.toml).',
        'Check the host can run the guest: kata-runtime check (or kata-ctl check) for virtualisation support.',
        'Install the guest kernel and image of the same release as the runtime, and for Confidential Containers the policy and image annotations that release expects.',
      ],
      verify: ['kata-runtime check'],
    },
  }),
  sig({
    id: 'ambiguous.wasm-module-exec',
    cause: 'unknown',
    // A .wasm module is not a native executable: "exec format error" on one means the OCI runtime that ran the pod
    // has no WebAssembly support (plain runc or crun built without it, or the RuntimeClass's handler missing), not
    // an image built for another CPU.
    re: /\S+\.wasm`?:? exec format error|exec format error[^\n]{0,80}\.wasm\b/,
    anchors: ['exec format error'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['runtime.unavailable', 'image.platform-mismatch'],
    check: 'which runtime ran the pod: its RuntimeClass (kubectl get pod <pod> -o jsonpath={.spec.runtimeClassName}) must name a handler with WebAssembly support on that node (a containerd-shim-spin/wasmtime/wasmedge shim, or crun built with wasm), and the node must have it installed',
    source: 'execve(2) ENOEXEC on a WebAssembly module run by an OCI runtime without a wasm handler',
    samples: ['exec container process `/wasi_example_main.wasm`: Exec format error', 'exec /app/main.wasm: exec format error'],
    counterSamples: ['exec /usr/local/bin/app: exec format error'],
  }),
  sig({
    id: 'runtime.vm-sandbox-host-unfit',
    cause: 'runtime.unavailable',
    // A VM-based runtime (Kata with QEMU, Cloud Hypervisor, Firecracker or Dragonball; Docker Desktop's VM) needs the
    // host's virtualization: /dev/kvm, vhost devices, Hyper-V. Without them the sandbox never boots, for any pod.
    re: /could not access kvm kernel module|failed to initialize kvm|open \/dev\/(kvm|vhost-net|vhost-vsock): (no such file or directory|operation not permitted|permission denied)|could not insert '(vhost|vhost_net|vhost_vsock|kvm\w*)': operation not permitted|failed to check if grpc server is working: context deadline exceeded|because one of the hyper-v components is not running|cannot create vsock device\. vhostopen\(/,
    anchors: ['kvm kernel module', 'failed to initialize kvm', '/dev/kvm', '/dev/vhost-', 'could not insert', 'grpc server is working', 'hyper-v components', 'cannot create vsock device'],
    confidence: 0.8,
    specificity: 92,
    check: 'on the node: ls -l /dev/kvm /dev/vhost-net /dev/vhost-vsock and lsmod | grep -E "kvm|vhost" (kata-runtime check or kata-ctl check-env lists what is missing); a VM without nested virtualization, or a container without those devices, cannot run a VM sandbox — use runc there, or enable nested virtualization',
    source: 'Kata Containers runtime (KVM and vhost checks, hypervisor start, "Failed to check if grpc server is working"), Docker Desktop on Hyper-V',
    samples: [
      'level=error msg="Could not access KVM kernel module: No such file or directory\\nqemu-lite-system-x86_64: failed to initialize KVM: No such file or directory\\n" arch=amd64',
      'Error: Could not setup vhost fds eth0 : open /dev/vhost-net: operation not permitted: OCI runtime permission denied error',
      'docker: Error response from daemon: OCI runtime create failed: Failed to check if grpc server is working: context deadline exceeded: unknown.',
      // Firecracker's API answering the start action when the host has no vhost_vsock device
      'FATA[0000] Failed to start machine: [PUT /actions][500] createSyncAction default  &{FaultMessage:Cannot create vsock device. VhostOpen(VhostOpen(Os { code: 19, kind: Other, message: No such device }))}',
    ],
    counterSamples: ['kvm: module verification failed: signature and/or required key missing'],
  }),
  sig({
    id: 'runtime.sandbox-runtime-failed',
    cause: 'runtime.unavailable',
    // gVisor's runsc and sysbox say in their own words that the sandbox could not be made — a host they cannot
    // run on (a kernel too old, a ptrace or fork refused inside another container), not the pod's fault.
    re: /runsc did not terminate suc+essfully|creating container: cannot create sandbox|sysbox exited, possibly because of an unsupported kernel version|containerd-shim-[\w-]+: file does not exist/,
    anchors: ['runsc did not terminate', 'cannot create sandbox', 'sysbox exited', 'containerd-shim-'],
    confidence: 0.75,
    specificity: 90,
    check: 'the sandbox runtime\'s own log on the node (runsc --debug-log, journalctl -u sysbox) and its host requirements (kernel version, platform ptrace or KVM for gVisor, seccomp API level for sysbox); a shim binary the RuntimeClass names must be on containerd\'s PATH (containerd-shim-<name>-v2)',
    source: 'gVisor runsc ("creating container: cannot create sandbox"), sysbox-runc, containerd shim resolution ("containerd-shim-%s: file does not exist")',
    samples: [
      'docker: Error response from daemon: OCI runtime create failed: /var/lib/docker/runtimes/runsc did not terminate sucessfully: creating container: fork/exec /proc/self/exe: operation not permitted',
      'Sysbox exited, possibly because of an unsupported kernel version. Please contact an infrastructure administrator and request a node kernel with seccomp API level >= 5.',
      'Error: containerd-shim-runc-v1: file does not exist: unknown',
    ],
    counterSamples: ['runsc: gVisor version release-20240101.0'],
  }),
  sig({
    id: 'runtime.kata-shim-task-failed',
    cause: 'runtime.unavailable',
    // Kata Containers' own words for a sandbox it could not bring up: the Rust runtime's task service wraps every
    // failed request as "failed to handler message <request>" with its Caused-by chain (the VMM, the hypervisor's
    // device, the guest agent), and the guest agent's mount of the shared rootfs under /run/kata-containers fails
    // inside the VM. Either way no pod of that RuntimeClass starts on the node: the VM runtime's host set-up is the fault.
    re: /failed to handler message |failed to mount \\?"\/run\/kata-containers\/[^\n]{0,400}with error: /,
    anchors: ['failed to handler message', 'failed to mount'],
    also: ['failed to handler message', '/run/kata-containers/'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['node.not-ready'],
    check: 'the kata runtime on that node: kata-runtime check (or kata-ctl check) for the hypervisor\'s needs (/dev/kvm, vhost modules), the configuration.toml the RuntimeClass handler names, and journalctl -t kata for the full Caused-by chain',
    source: 'kata-containers runtime-rs service ("failed to handler message {}"), kata agent mount.rs ("failed to mount {} to {}, with error: {}")',
    samples: [
      'ctr: failed to create shim task: Others("failed to handler message try init runtime instance\\n\\nCaused by:\\n    0: init runtime handler\\n    1: start sandbox\\n    2: start vm\\n    3: open /dev/kvm: permission denied"): unknown',
      'failed to create containerd task: failed to create shim task: failed to mount "/run/kata-containers/shared/containers/4b1c/rootfs" to "/run/kata-containers/4b1c/rootfs", with error: EINVAL: Invalid argument: unknown',
    ],
    counterSamples: ['failed to mount "/var/lib/kubelet/pods/4b1c/volumes" to "/data"'],
  }),
  sig({
    id: 'runtime.vm-sandbox-host-network',
    cause: 'runtime.unavailable',
    // A VM sandbox cannot share the host's network namespace. When a VM runtime is the node's default runtime,
    // every hostNetwork pod (flanneld's DaemonSet, kube-proxy) is sent to it and refused, so the node's network
    // never comes up: the runtime's configuration, not the pod.
    re: /host networking requested, not supported by runtime/,
    anchors: ['host networking requested'],
    confidence: 0.9,
    specificity: 95,
    check: 'containerd\'s default runtime on that node (crictl info | grep -i defaultRuntimeName, or the default_runtime_name in config.toml): it must be runc, with the VM runtime kept for pods that name its RuntimeClass',
    source: 'Kata Containers runtime (hostNetwork refused in the VM sandbox: "Host networking requested, not supported by runtime")',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to start sandbox container for pod "kube-flannel-ds-7xk2p": Error response from daemon: OCI runtime create failed: Host networking requested, not supported by runtime: unknown',
      'failed to create containerd task: failed to create shim task: Host networking requested, not supported by runtime: unknown',
    ],
    counterSamples: ['Warning: spec.hostNetwork is set; hostPort is ignored'],
  }),
  sig({
    id: 'runtime.shim-built-without-feature',
    cause: 'runtime.unavailable',
    // A shim or OCI runtime that refuses what the node or the spec needs because its build or version lacks it
    // (runwasi's shims built without cgroup v1 support, an older crun that cannot set the I/O priority the caller
    // writes): every container sent to that runtime fails the same way until it is rebuilt or upgraded.
    re: /cgroup feature is required, but was not enabled during compile time|oci runtime create failed: io priority not supported/,
    anchors: ['enabled during compile time', 'io priority not supported'],
    confidence: 0.85,
    specificity: 94,
    check: 'the version and build of the runtime named by the pod\'s RuntimeClass on that node (containerd-shim-<name>-v2 --version, crun --version and its +FEATURES list) against what the node runs (cgroup v1 or v2: stat -fc %T /sys/fs/cgroup) and what the caller asks',
    source: 'containerd/runwasi shims (libcontainer built without the v1 cgroup feature), crun (io priority support came with the runtime-spec field)',
    samples: [
      'Error: failed to start containerd task "spin-hello": Others("failed to create container: v1 error: v1 cgroup feature is required, but was not enabled during compile time"): unknown',
      'ctr: failed to create shim: OCI runtime create failed: io priority not supported: unknown',
    ],
    counterSamples: ['ctr: failed to create shim: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app": permission denied: unknown'],
  }),
  sig({
    id: 'runtime.wasm-module-refused',
    cause: 'unknown',
    // A Wasm handler (crun's wasmtime/wasmedge/wasmer, a runwasi shim) compiling the image's module: the image did
    // reach the node, and the wasi/wasm platform warning before it is expected for such images. A module the handler
    // cannot compile (a component given to a module-only handler, a module built for another WASI) is the pairing
    // of image and handler versions, which no cause names.
    re: /\[libcrun:(wasmtime|wasmedge|wasmer|wamr)\]:[^\n]{0,80}failed|expected a webassembly module but was given a webassembly component|failed to (compile|parse|instantiate) (the )?webassembly module/,
    anchors: ['[libcrun:', 'webassembly'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['image.platform-mismatch', 'runtime.unavailable'],
    check: 'the handler and the image together: crun --version (+WASM:wasmtime and its version) or the runwasi shim\'s version, against how the image\'s module was built (a WASI preview 2 component needs a handler that runs components; a preview 1 module runs on older ones)',
    source: 'crun wasm handlers (libcrun handlers/wasmtime.c etc.: "[libcrun:wasmtime]" prefixed errors), wasmtime\'s module parser',
    samples: [
      'WARNING: image platform (wasi/wasm) does not match the expected platform (linux/amd64)\n[libcrun:wasmtime]: failed to compile module: failed to parse WebAssembly module\n\nCaused by:\n    expected a WebAssembly module but was given a WebAssembly component',
      'Error: OCI runtime error: crun: [libcrun:wasmedge]: failed to instantiate the module',
    ],
    counterSamples: ['WARNING: image platform (wasi/wasm) does not match the expected platform (linux/amd64)'],
  }),
  sig({
    id: 'runtime.nydus-daemon-socket-missing',
    cause: 'runtime.unavailable',
    // The nydus snapshotter starts a nydusd (shared or per image) and talks to it over api.sock; with that daemon
    // never up, no container whose image uses nydus can be created on the node.
    re: /failed to (wait shared daemon|create new nydus client)[^\n]{0,300}api\.sock: no such file or directory/,
    anchors: ['shared daemon', 'nydus client'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'the nydus snapshotter\'s log on that node (journalctl -u nydus-snapshotter): why nydusd did not start (its binary path, a FUSE device /dev/fuse, the daemon_mode and its arguments in the snapshotter config)',
    source: 'containerd/nydus-snapshotter (daemon manager: "failed to wait shared daemon", "failed to create new nydus client")',
    samples: [
      'FATA[0001] creating container: rpc error: code = Unknown desc = failed to create containerd container: failed to wait shared daemon: wait until daemon ready by checking status: failed to check status: failed to create new nydus client: failed to build transport for nydus client: stat /var/lib/containerd/io.containerd.snapshotter.v1.nydus/socket/shared_daemon/api.sock: no such file or directory: unknown',
      'failed to create new nydus client: failed to build transport for nydus client: stat /run/nydus/socket/d1/api.sock: no such file or directory',
    ],
    counterSamples: ['failed to prepare remote snapshot: failed to wait shared daemon: context deadline exceeded'],
  }),
];
