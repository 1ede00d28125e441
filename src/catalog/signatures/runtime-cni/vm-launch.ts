import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A VM-based runtime that could not start its VM or the OCI runtime binary itself failing at create: Kata's shim
 * launching QEMU (its exit and the QEMU log's words), a Kata configuration naming a hypervisor binary the node does
 * not have, firecracker-containerd's CreateVM and its vsock dial to the agent, and an OCI runtime (youki, crun, runc)
 * that exited non-zero before any container process ran, or is not installed where the daemon looks. The pod's image and network are not involved: no pod of
 * that runtime starts on the node until its host set-up is fixed.
 */
export const VM_LAUNCH_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.vm-hypervisor-launch-failed',
    cause: 'runtime.unavailable',
    re: /failed to launch qemu: exit status \d+|error messages from qemu log|aws\.firecracker: unexpected error from createvm|failed to create vm: failed to start the vm|failed to dial the vm over vsock|configuration-[\w-]+\.toml: file \S+ does not exist/,
    anchors: ['failed to launch qemu', 'error messages from qemu log', 'aws.firecracker', 'failed to start the vm', 'failed to dial the vm', 'configuration-'],
    confidence: 0.75,
    // above ambiguous.local-socket-refused: the vsock dial names a VM runtime's agent, not any local daemon.
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'the runtime\'s host set-up on that node: kata-runtime check (or kata-ctl check) and the hypervisor binary, kernel and image paths in the configuration.toml the RuntimeClass handler names; for firecracker-containerd, its runtime config\'s kernel and rootfs and /dev/kvm and /dev/vhost-vsock; the QEMU or Firecracker log the message quotes names the device or file it refused',
    source: 'Kata Containers shim ("failed to launch qemu: exit status %d, error messages from qemu log: %s", configuration file checks), firecracker-containerd (CreateVM, vsock dial to the agent)',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create containerd task: failed to create shim: failed to launch qemu: exit status 1, error messages from qemu log: qemu-system-x86_64: -device vhost-user-fs-pci: Failed to write msg',
      'ctr: start failed: aws.firecracker: unexpected error from CreateVM: rpc error: code = Unknown desc = failed to create VM: failed to start the VM: Put http://localhost/actions: EOF',
      'level=error msg="failed to create VM" error="failed to dial the VM over vsock: non-temporary vsock dial failure"',
      '/opt/kata/share/defaults/kata-containers/configuration-clh.toml: file /opt/kata/bin/cloud-hypervisor does not exist',
    ],
    counterSamples: ['configuration-qemu.toml: parsed'],
  }),
  sig({
    id: 'runtime.oci-runtime-binary-failed',
    cause: 'runtime.unavailable',
    // "<runtime> did not terminate successfully" right after "OCI runtime create failed:" is the runtime binary's own
    // exit before the container's process ran; after a kill it is another story (a signal refused), left alone here.
    re: /oci runtime create failed: \S*\b(youki|crun|runc|kata-runtime|runsc|sysbox-runc|nvidia-container-runtime)\S* did not terminate suc+essfully|shim error: [\w-]*runc not installed on system/,
    anchors: ['did not terminate suc', 'not installed on system'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['node.not-ready'],
    check: 'run the runtime by hand on that node to see its own error (<runtime> --version, then the same create with --debug, or the runtime\'s log in the containerd or dockerd journal): a binary built for another libc, kernel or cgroup version than the node\'s fails before any container starts',
    source: 'containerd / dockerd runtime v2 shim ("OCI runtime create failed: %s did not terminate successfully: exit status %d")',
    samples: [
      'docker: Error response from daemon: failed to create shim: OCI runtime create failed: /usr/local/bin/youki did not terminate successfully: exit status 1: Error: failed to create container',
      'failed to create shim task: OCI runtime create failed: /usr/bin/crun did not terminate successfully: exit status 1: unknown',
      // dockerd 1.12/1.13 with containerd 0.2: the runtime binary its config names is absent
      'Error response from daemon: shim error: docker-runc not installed on system',
    ],
    counterSamples: ['unknown error after kill: runc did not terminate successfully: exit status 1: unable to signal init: permission denied'],
  }),
];
