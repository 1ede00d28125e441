import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A runtime (dockerd, containerd, runc) run inside a system container (an LXC or LXD guest) meets the guest's own
 * confinement: the outer container's seccomp policy and the capabilities it dropped. Read from dockerd 28.5.2 with
 * Debian's containerd 1.6.20 and runc run in LXC 5.0.2 guests built with that confinement on purpose (issue 13).
 */
export const SYSTEM_CONTAINER_GUEST_CONFINEMENT_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.guest-keyctl-refused',
    cause: 'runtime.unavailable',
    // runc gives every container a fresh session keyring (keyctl JOIN_SESSION_KEYRING) at init. It tolerates ENOSYS
    // (a seccomp policy that hides keyctl), but EPERM or EACCES is fatal: the outer container's seccomp profile
    // (an LXC guest whose lxc.seccomp.profile denies keyctl with errno 1, an old Docker-in-Docker profile) or a
    // security module refused the call. No container starts in that guest; the key quota's own answer is "disk
    // quota exceeded" (runtime.kernel-quota-not-disk), not these errnos.
    re: /(unable to|could not) (join session keyring|create session key)[^\n]{0,80}?(operation not permitted|permission denied)/,
    anchors: ['session key'],
    confidence: 0.85,
    specificity: 92,
    check: 'where the runtime runs: grep Seccomp /proc/self/status (2 means a filter) and the outer container\'s policy — lxc.seccomp.profile in the guest\'s LXC config, LXD\'s security.syscalls.* keys, the parent Docker\'s --security-opt seccomp — for a keyctl rule answering errno 1 (EPERM); ENOSYS (errno 38) is what runc tolerates, or allow keyctl',
    source: 'runc libcontainer/keys JoinSessionKeyring, called from standard_init_linux.go Init ("unable to join session keyring: %w"; runc before 1.1 "could not create session key: %v")',
    samples: [
      '{"message":"failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: unable to join session keyring: unable to create session key: operation not permitted: unknown"}',
      'time="2026-12-07T09:51:34.436625541Z" level=error msg="Handler for POST /containers/t1/start returned error: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: unable to join session keyring: unable to create session key: operation not permitted: unknown"',
      'error during container init: unable to join session keyring: unable to create session key: operation not permitted',
    ],
    counterSamples: [
      'OCI runtime create failed: runc create failed: unable to start container process: error during container init: unable to join session keyring: unable to create session key: disk quota exceeded: unknown',
      'error during container init: error setting cgroup config for procHooks process: failed to write "c 10:200 rwm": write /sys/fs/cgroup/devices/docker/x/devices.allow: operation not permitted',
    ],
  }),
  sig({
    id: 'runtime.guest-overlay-mount-refused',
    cause: 'runtime.unavailable',
    // dockerd's overlay2 driver probes with a real overlay mount at start-up. EPERM (not the EINVAL of an overlay
    // backing filesystem, not the ENODEV of a kernel without overlay) is the mount refused to the daemon itself: a
    // guest that dropped CAP_SYS_ADMIN (lxc.cap.drop = sys_admin), an LSM profile denying the mount, or a kernel
    // that does not let a user namespace mount overlay (before 5.11). dockerd then finds no usable driver and exits.
    re: /failed to mount overlay: (operation not permitted|permission denied)/,
    anchors: ['failed to mount overlay'],
    confidence: 0.8,
    specificity: 92,
    check: 'in the guest: grep CapEff /proc/self/status (capsh --decode; cap_sys_admin must be there), the guest\'s lxc.cap.drop and AppArmor profile (lxc.apparmor.profile, aa-status on the host), uname -r for an unprivileged guest (overlay in a user namespace needs 5.11); otherwise run the runtime with --storage-driver=fuse-overlayfs or vfs',
    source: 'moby daemon/graphdriver/overlay2 supportsOverlay/checkMultipleLowers ("failed to mount overlay: %v", logged with storage-driver=overlay2)',
    samples: [
      'time="2026-12-07T09:51:36.847307978Z" level=error msg="failed to mount overlay: operation not permitted" storage-driver=overlay2',
      'level=error msg="failed to mount overlay: permission denied" storage-driver=overlay2',
    ],
    counterSamples: [
      'time="2026-12-07T09:49:44.973430365Z" level=error msg="failed to mount overlay: invalid argument" storage-driver=overlay2',
      'level=error msg="failed to mount overlay: no such device" storage-driver=overlay2',
    ],
  }),
  sig({
    id: 'runtime.runc-init-died-before-pid',
    cause: 'unknown',
    // runc's parent waits for nsexec (the C half of runc init) to send the container's PID; a bare EOF there means
    // nsexec exited before it got that far, and runc 1.1 does not append why. In an LXC guest whose bounding set
    // lacks CAP_SYS_RESOURCE, a CRI sandbox (oom_score_adj -998) dies this way while docker's containers (0) start;
    // a refused uid_map or setns does too. Newer runc appends "runc init error(s): nsexec-..." naming it, which
    // runtime.kernel-quota-not-disk and others read. The bare text names no cause.
    re: /can'?t get final child'?s pid from pipe: eof(?!;)/,
    anchors: ["final child's pid from pipe", 'final childs pid from pipe'],
    confidence: 0.4,
    specificity: 70,
    alternatives: ['runtime.unavailable'],
    check: 'where the runtime runs: grep CapBnd /proc/self/status (capsh --decode; cap_sys_resource is needed to lower oom_score_adj below the parent\'s), echo -998 > /proc/self/oom_score_adj as root there, dmesg for the dying runc init; runc --debug (or the shim\'s log.json under /run/containerd/io.containerd.runtime.v2.task/<ns>/<id>/) shows the nsexec line',
    source: 'runc libcontainer/process_linux.go initProcess.start ("can\'t get final child\'s PID from pipe: %w") when nsexec exits early (nsexec.c update_oom_score_adj bails on a refused write)',
    samples: [
      'E1207 09:57:26.376098    1219 remote_runtime.go:325] "RunPodSandbox from runtime service failed" err="rpc error: code = Unknown desc = failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: can\'t get final child\'s PID from pipe: EOF: unknown"',
      'time="2026-12-07T09:57:32Z" level=error msg="run pod sandbox: rpc error: code = Unknown desc = failed to start sandbox \\"85a26d60c36bf6403c3c1ba1262f8d6e2628b64648dbf8669c104e6e816cb882\\": failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: can\'t get final child\'s PID from pipe: EOF"',
    ],
    counterSamples: [
      "runc create failed: unable to start container process: can't get final child's PID from pipe: EOF; runc init error(s): nsexec-1[41873]: failed to write uid_map: no space left on device",
    ],
  }),
];
