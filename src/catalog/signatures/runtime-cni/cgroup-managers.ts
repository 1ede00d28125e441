import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The cgroup managers of the node's stack as their owners print them: opencontainers/cgroups v0.0.6 (the library both
 * runc v1.5 and the kubelet's container manager drive systemd and cgroupfs with), runc libcontainer, CRI-O's cgmgr,
 * crun, the kubelet's node-allocatable enforcement and kubeadm's system-validators. The mechanism decides the cause:
 * the same library error under the kubelet's container manager stops the kubelet (the node), under runc's create it
 * stops every container the runtime starts (the runtime); a limit the kubelet keeps retrying beside running pods
 * names neither.
 */
export const CGROUP_MANAGER_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.systemd-cgroup-dbus',
    cause: 'runtime.unavailable',
    // runc (SystemdCgroup = true, docker's native.cgroupdriver=systemd, podman's systemd manager) creates each
    // container's scope through systemd over D-Bus: the system bus or systemd's private socket is absent or resets
    // (systemd not PID 1, dbus not installed in a minimal image, a rootless user without a session bus), or the
    // manager cannot be used at all (rootless systemd on cgroup v1). No container on that host starts.
    re: /failed to connect to dbus \(hint: for rootless containers|dbus connection failed after several retries|could not detect dbus_session_bus_address from the environment|cannot use rootless systemd cgroups manager on cgroup v1|rootless systemd driver doesn'?t support cgroup v1|native\.cgroupdriver=systemd requires cgroup v2 for rootless mode/,
    anchors: ['failed to connect to dbus', 'dbus connection failed', 'dbus_session_bus_address', 'rootless systemd cgroups manager', 'rootless systemd driver', 'requires cgroup v2 for rootless'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'on the node: is systemd PID 1 (ps -p 1 -o comm=) and is /run/systemd/private or /run/dbus/system_bus_socket present; for a rootless runtime, echo $DBUS_SESSION_BUS_ADDRESS and loginctl show-user $USER; the runtime\'s cgroup driver (SystemdCgroup in containerd\'s config.toml, cgroup_manager in crio.conf, native.cgroupdriver in daemon.json) must name a manager the host runs',
    source: 'opencontainers/cgroups systemd/dbus.go ("failed to connect to dbus (hint: ...)", "dbus connection failed after several retries"), systemd/user.go ("could not detect DBUS_SESSION_BUS_ADDRESS"), systemd/v1.go ("cannot use rootless systemd cgroups manager on cgroup v1"); moby daemon/oci_linux.go and daemon_unix.go',
    samples: [
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: unable to apply cgroup configuration: failed to connect to dbus (hint: for rootless containers, maybe you need to install dbus-user-session package, see https://github.com/opencontainers/runc/blob/master/docs/cgroup-v2.md): read unix @->/run/systemd/private: read: connection reset by peer: unknown',
      'runc run failed: unable to start container process: unable to apply cgroup configuration: could not detect DBUS_SESSION_BUS_ADDRESS from the environment; make sure you have installed the dbus-user-session or dbus-daemon package; note you may need to re-login',
      'OCI runtime create failed: runc create failed: unable to start container process: unable to apply cgroup configuration: cannot use rootless systemd cgroups manager on cgroup v1: unknown',
      'failed to start daemon: exec-opt native.cgroupdriver=systemd requires cgroup v2 for rootless mode',
    ],
    counterSamples: ['Failed to connect to bus: No such file or directory', 'level=info msg="Using systemd cgroup manager"'],
  }),
  sig({
    id: 'kubelet.systemd-cgroup-manager',
    cause: 'node.not-ready',
    // The same library under the kubelet's cgroupDriver: systemd: the kubelet creates kubepods.slice, its QoS slices and
    // every pod's slice through systemd over D-Bus. Refused or unreachable at start, the container manager stops the
    // kubelet; refused for one pod, the kubelet cannot give that pod its cgroup.
    re: /(failed to start containermanager|qos cgroup :|failed to create cgroup manager:|failed to create container for \[kubepods)[^\n]{0,400}?(failed to connect to dbus|dbus connection failed|systemd not running on this host|unable to start unit \\?"[^"\\\n]*\.slice\\?")/,
    anchors: ['containermanager', 'qos cgroup :', 'failed to create cgroup manager', 'failed to create container for [kubepods'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['runtime.unavailable'],
    check: 'on the node: is systemd PID 1 and /run/systemd/private present (a kubelet in a container without systemd needs cgroupDriver: cgroupfs); journalctl -u dbus and systemctl status kubepods.slice; a polkit or SELinux denial shows as "Access denied" or "Interactive authentication required" for the kubelet\'s unit',
    source: 'kubelet pkg/kubelet/cm qos_container_manager_linux.go ("failed to create top level %v QOS cgroup : %v"), pod_container_manager_linux.go ("failed to create container for %v : %v"), cgroup_manager_linux.go ("failed to create cgroup manager"); opencontainers/cgroups systemd/v2.go ("unable to start unit %q (properties %+v): %w"), manager/new.go',
    samples: [
      '"Failed to start ContainerManager" err="failed to initialize top level QOS containers: failed to create top level Burstable QOS cgroup : failed to connect to dbus (hint: for rootless containers, maybe you need to install dbus-user-session package, see https://github.com/opencontainers/runc/blob/master/docs/cgroup-v2.md): dial unix /run/systemd/private: connect: no such file or directory"',
      'E1201 10:00:00.676767    3003 kubelet.go:1821] "Failed to start ContainerManager" err="failed to create cgroup manager: systemd not running on this host, cannot use systemd cgroups manager"',
      'unable to ensure pod container exists: failed to create container for [kubepods burstable pod5e1a0b7c-4b2d-4f4e-8a61-1c1b2d3e4f50] : unable to start unit "kubepods-burstable-pod5e1a0b7c_4b2d_4f4e_8a61_1c1b2d3e4f50.slice" (properties [{Name:Description Value:"libcontainer container kubepods-burstable-pod5e1a0b7c.slice"}]): Interactive authentication required.',
    ],
    counterSamples: ['Failed to start ContainerManager system validation failed - Following Cgroup subsystem not mounted: [memory]', 'unable to apply cgroup configuration: failed to connect to dbus (hint: for rootless containers'],
  }),
  sig({
    id: 'kubelet.systemd-cgroup-manager-unavailable',
    cause: 'node.not-ready',
    // Older kubelets (libcontainer's systemd manager) panicked at start when told cgroupDriver: systemd on a host whose
    // PID 1 is not systemd (OpenRC, a container): the node agent never runs.
    re: /systemd cgroup manager not available/,
    anchors: ['systemd cgroup manager not available'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['runtime.unavailable'],
    check: 'ps -p 1 -o comm= on the node: without systemd as PID 1 the kubelet needs cgroupDriver: cgroupfs (and the runtime the same driver)',
    source: 'libcontainer cgroups/systemd (kubelet ≤ 1.2x vendored: "systemd cgroup manager not available")',
    samples: ['E0516 21:38:17.999084    8210 runtime.go:76] Observed a panic: systemd cgroup manager not available', 'panic: systemd cgroup manager not available'],
    counterSamples: ['Using systemd cgroup manager'],
  }),
  sig({
    id: 'runtime.cgroup-nested-or-bpf-refused',
    cause: 'runtime.unavailable',
    // The runtime cannot set up any container's cgroup: cgroup v2 refuses a domain controller in a cgroup left threaded
    // or invalid (older runc's wording), the kernel or a security module refuses the device controller's BPF program,
    // CRI-O cannot create a dropped infra container's cgroup, crun cannot write a controller file the host did not
    // delegate or enable, runc cannot mount cgroupfs inside the container (a user namespace without cgroupns).
    re: /applying cgroup configuration for process caused:? \\*"?cannot enter cgroupv2 |failed to call bpf_prog_(attach|detach) \(bpf_cgroup_device|create dropped infra \S+ cgroup: mkdir \/sys\/fs\/cgroup\/[^\n]{0,200}(permission denied|read-only file system|no such file)|crun: write to `\/sys\/fs\/cgroup\/[^`\n]*`: (no such file or directory|permission denied|operation not supported|read-only file system)|error mounting \\*"cgroup2?\\*" to rootfs at \\*"\/sys\/fs\/cgroup\\*": [^\n]{0,40}dst=\/sys\/fs\/cgroup\b[^\n]{0,300}(operation not permitted|permission denied)/,
    anchors: ['cannot enter cgroupv2', 'bpf_cgroup_device', 'create dropped infra', 'crun: write to `/sys/fs/cgroup/', 'dst=/sys/fs/cgroup'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['node.not-ready'],
    check: 'on the node: cat /sys/fs/cgroup/cgroup.controllers and the parent\'s cgroup.subtree_control and cgroup.type (threaded or domain invalid under a nested runtime); a runtime in a container needs cgroupns=private and the controllers delegated; for the BPF device program, the kernel version and the security module\'s denials (ausearch -m avc, dmesg)',
    source: 'opencontainers/cgroups fs2/create.go ("cannot enter cgroupv2 %q with domain controllers"), devices/ebpf_linux.go ("failed to call BPF_PROG_ATTACH (BPF_CGROUP_DEVICE, BPF_F_ALLOW_MULTI)"); cri-o server/sandbox_run_linux.go ("create dropped infra %s cgroup"); crun ("write to `%s`"); runc libcontainer rootfs_linux.go ("error mounting %q to rootfs at %q")',
    samples: [
      'OCI runtime create failed: container_linux.go:380: starting container process caused: process_linux.go:385: applying cgroup configuration for process caused: cannot enter cgroupv2 "/sys/fs/cgroup/docker" with domain controllers -- it is in an invalid state: unknown',
      'runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: failed to call BPF_PROG_ATTACH (BPF_CGROUP_DEVICE, BPF_F_ALLOW_MULTI): operation not permitted: unknown',
      'Failed to create pod sandbox: rpc error: code = Unknown desc = create dropped infra 8f3c2a1b9d7e cgroup: mkdir /sys/fs/cgroup/crio-8f3c2a1b9d7e: permission denied',
      'Error: OCI runtime error: crun: write to `/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-8f3c2a.scope/container/memory.max`: No such file or directory',
      'runc create failed: unable to start container process: error during container init: error mounting "cgroup" to rootfs at "/sys/fs/cgroup": mount src=cgroup, dst=/sys/fs/cgroup, dstFd=/proc/thread-self/fd/8, flags=MS_NOSUID|MS_NODEV|MS_NOEXEC|MS_RELATIME: operation not permitted',
    ],
    counterSamples: ['"Failed to create cgroup" err="cannot enter cgroupv2 \\"/sys/fs/cgroup/kubepods\\" with domain controllers -- it is in an invalid state" cgroupName=[kubepods]', 'error mounting "proc" to rootfs at "/proc": mount src=proc, dst=/proc, flags=MS_NOSUID: permission denied'],
  }),
  sig({
    id: 'kubeadm.cgroup-mount-unreadable',
    cause: 'node.not-ready',
    // kubeadm's SystemVerification (system-validators CgroupsValidator) finds no cgroup filesystem in /proc/mounts, or
    // cannot read the controllers of the one it finds: a kubelet on this host would not start its container manager.
    re: /cannot get a cgroup mount point: |cannot get a cgroupfs mount point from|failed to get cgroups v[12] subsystems: /,
    anchors: ['cgroup mount point', 'cgroupfs mount point', 'failed to get cgroups v'],
    confidence: 0.8,
    specificity: 90,
    check: 'on the node: grep cgroup /proc/mounts and stat -fc %T /sys/fs/cgroup; in a container or chroot, /sys/fs/cgroup must be mounted (cgroup2, or the v1 controllers) before kubeadm runs',
    source: 'k8s.io/system-validators validators/cgroup_validator_linux.go ("cannot get a cgroup mount point: %w", "cannot get a cgroupfs mount point from %q", "failed to get cgroups v2 subsystems: %w")',
    samples: [
      '[ERROR SystemVerification]: cannot get a cgroup mount point: cannot get a cgroupfs mount point from "/proc/mounts"',
      '\t[ERROR SystemVerification]: failed to get cgroups v2 subsystems: open /sys/fs/cgroup/cgroup.controllers: no such file or directory',
    ],
    counterSamples: ['[WARNING SystemVerification]: missing optional cgroups: hugetlb', 'cgroup mountpoint does not exist'],
  }),
  sig({
    id: 'kubelet.node-allocatable-enforcement',
    cause: 'unknown',
    // The kubelet's node-allocatable loop: it writes kubepods' limits, fails (a memory limit below what the pods already
    // use, a controller file absent), records FailedNodeAllocatableEnforcement and retries every minute while pods keep
    // running. The text says which limit and file, not a fault of the list. The same event reason also carries the
    // kube-reserved and system-reserved enforcement failures, which fail the container manager's start and stop the
    // kubelet (kubelet.startup-module-failed reads them): not this retrying loop.
    re: /failed to update node allocatable limits|failednodeallocatableenforcement(?![^\n]{0,200}failed to enforce (kube|system) reserved)/,
    anchors: ['node allocatable limits', 'failednodeallocatableenforcement'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['node.not-ready', 'runtime.unavailable'],
    check: 'kubectl describe node <node> for the FailedNodeAllocatableEnforcement event\'s file; on the node: the kubelet\'s kubeReserved, systemReserved and evictionHard against the node\'s memory (a kubepods limit below current use is refused with device or resource busy), cat /sys/fs/cgroup/kubepods*/cgroup.controllers for the controller the file belongs to',
    source: 'kubelet pkg/kubelet/cm/node_container_manager_linux.go ("Failed to update Node Allocatable Limits %q: %v", events.FailedNodeAllocatableEnforcement)',
    samples: [
      'Warning  FailedNodeAllocatableEnforcement  kubelet  Failed to update Node Allocatable Limits ["kubepods"]: failed to write "max 100000" to "/sys/fs/cgroup/kubepods/cpu.max": open /sys/fs/cgroup/kubepods/cpu.max: no such file or directory',
      'Warning   FailedNodeAllocatableEnforcement   kubelet, aks-nodepool1-0   Failed to update Node Allocatable Limits "": failed to set supported cgroup subsystems for cgroup : Failed to set config for supported subsystems : failed to write 4123090944 to memory.limit_in_bytes: write /var/lib/docker/memory.limit_in_bytes: device or resource busy',
    ],
    counterSamples: [
      'Normal  NodeAllocatableEnforced  kubelet  Updated Node Allocatable limit across pods',
      'Failed to enforce System Reserved Cgroup Limits on "/system.slice"',
      'Warning  FailedNodeAllocatableEnforcement  1m  kubelet  Failed to enforce Kube Reserved Cgroup Limits on "/kube.slice": could not read controllers for cgroup ["kube.slice"]: open /sys/fs/cgroup/kube.slice/cgroup.controllers: no such file or directory',
    ],
  }),
];
