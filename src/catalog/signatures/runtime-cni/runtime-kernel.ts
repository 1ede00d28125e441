import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The node's kernel or OS cannot give the low-level runtime (runc, crun, a shim) what every container needs:
 * a cgroup controller or hierarchy, a namespace, a security-module interface, a filesystem feature for the
 * snapshotter, a sysctl. Every pod on that node fails the same way, whatever its image: the runtime is unusable
 * there (causes.md: CRI errors unrelated to the registry). An application's own start failure (its entrypoint
 * missing or not executable) is not here: that text names the image's files, not the kernel's.
 */
export const RUNTIME_KERNEL_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.kernel-cgroup-missing',
    cause: 'runtime.unavailable',
    // cgroup v1 without a controller mounted, cgroup v2 without a controller delegated or enabled, an old
    // kernel's hierarchy without a file the runtime writes (cpu.weight, a net_prio,net_cls directory); and an
    // rlimit above what the host lets the runtime set. The cgroup path itself missing is the same (runc's fs manager
    // creating a controller's directory outside /sys/fs/cgroup where the OS mounts it elsewhere, as Android does; crun
    // bind-mounting a v1 controller's directory that is not there); a paste cut inside "no such file or directory" is too.
    // A runc built without kernel-memory accounting (nokmem) refuses the kmem limit a caller sets, for every container.
    re: /cgroup mountpoint does not exist|mountpoint for \w+ not found|requested cgroup controller `?\w+`? is not available|controller \\?"?\w+\\?"? not available|error setting cgroup config for prochooks process: [^\n]{0,800}(no such file\b|not available|invalid argument)|setting cgroup config for prochooks process caused[^\n]{0,800}(failed to write|no such file or directory)|error setting rlimit type \d+: operation not permitted|creating cgroup directory `?\/sys\/fs\/cgroup\/[^\n]{0,300}no such file or directory|(?:open|mount) `?\/sys\/fs\/cgroup\/[^\n]{0,300}no such file or directory|unable to apply cgroup configuration: (?:mkdir|open) \S+: no such file or directory|bpf_prog_query\(bpf_cgroup_device\) failed|kernel memory accounting disabled in this runc build|can not be set, as your kernel does not support cpu cfs|unable to apply cgroup configuration: (cannot enter cgroupv2|mkdir \/sys\/fs\/cgroup\/|unable to start unit|rootless needs no limits)|systemd not running on this host, cannot use systemd cgroups manager|unable to find \\?"\w+\\?" in controller set/,
    anchors: ['cgroup mountpoint', 'mountpoint for', 'cgroup controller', 'not available', 'prochooks', 'error setting rlimit type', 'creating cgroup directory', '/sys/fs/cgroup/', 'bpf_prog_query', 'kernel memory accounting disabled', 'kernel does not support cpu cfs', 'unable to apply cgroup configuration', 'systemd not running on this host', 'in controller set'],
    confidence: 0.75,
    specificity: 86,
    alternatives: ['node.not-ready'],
    check: 'on the node: stat -fc %T /sys/fs/cgroup (cgroup2fs or tmpfs), cat /sys/fs/cgroup/cgroup.controllers (v2) or /proc/cgroups (v1) for the controller named; the kernel command line (cgroup_enable=memory on Raspberry Pi, systemd.unified_cgroup_hierarchy) and the runtime\'s and kubelet\'s cgroup driver must match what is mounted',
    source: 'runc libcontainer/cgroups (fs and fs2 managers), crun, CRI-O ("creating cgroup directory"), moby ("NanoCPUs can not be set")',
    samples: [
      'OCI runtime create failed: runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: unified resource "memory.oom.group" can\'t be set: controller "memory" not available: unknown',
      'failed to create containerd task: failed to create shim: OCI runtime create failed: the requested cgroup controller `cpu` is not available: unknown',
      // containerd's cgroups library loading a task's cgroup (here through a sandboxed runtime\'s shim): the hierarchy named is not mounted
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create containerd task: loading cgroup for 8948: unable to find "systemd" in controller set: unknown',
      'container_linux.go:296: starting container process caused "process_linux.go:279: applying cgroup configuration for process caused \\"mountpoint for devices not found\\""',
      'docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: unable to apply cgroup configuration: mkdir /memory/docker: no such file or directory: unknown.',
      'Error: OCI runtime error: crun: container create failed: mount `/sys/fs/cgroup/pids/user.slice/libpod-8e1f` to \'/var/lib/containers/storage/overlay/3c2a/merged/sys/fs/cgroup/pids\': No such file or directory',
      'OCI runtime create failed: container_linux.go:348: starting container process caused "process_linux.go:438: container init caused \\"process_linux.go:405: setting cgroup config for procHooks process caused \\\\\\"kernel memory accounting disabled in this runc build\\\\\\"\\"": unknown',
      'runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: openat2 /sys/fs/cgroup/kubepods.slice/kubepods-pod7c1e.slice/cri-containerd-5d2f.scope/cpu.weight: no such file',
    ],
    counterSamples: ['cgroup driver: systemd', 'runc create failed: unable to start container process: exec: "/app/run": stat /app/run: no such file or directory'],
  }),
  sig({
    id: 'runtime.kernel-namespace-or-lsm',
    cause: 'runtime.unavailable',
    // A namespace the kernel was built or booted without (user, ipc), or a security module's interface the runtime
    // writes at container init (the session keyring, SELinux's keycreate label, AppArmor's attr, seccomp).
    re: /namespaces? aren'?t enabled in the kernel|need 'user\.max_user_namespaces'|user namespaces are not enabled in \/proc\/sys\/user\/max_user_namespaces|namespace new\w+ is not supported|running exec setns process for init caused[^\n]{0,20}exit status \d+|could not create session key|join session keyring: create session key|\/proc\/self\/attr\/keycreate|seccomp is not (enabled|supported)|\/proc\/self\/attr\/current: invalid argument|seccomp: config provided but seccomp not supported|seccomp notify unsupported|prctl\(set_no_new_privs\): invalid argument|error jailing process inside rootfs: pivot_root/,
    anchors: ['namespaces aren', 'namespace aren', 'max_user_namespaces', 'namespace new', 'setns process', 'session key', 'attr/keycreate', 'seccomp is not', 'attr/current', 'seccomp not supported', 'seccomp notify unsupported', 'set_no_new_privs', 'pivot_root'],
    confidence: 0.75,
    specificity: 86,
    check: 'on the node: the kernel config for the namespace (zgrep CONFIG_USER_NS /proc/config.gz, sysctl user.max_user_namespaces, kernel.unprivileged_userns_clone), the key quota (/proc/sys/kernel/keys/maxkeys under LXD), the security module in force (getenforce, aa-status) against the runtime\'s build; seccomp needs a kernel with CONFIG_SECCOMP and a runtime built with it',
    source: 'runc libcontainer (nsexec, keys.JoinSessionKeyring, SELinux keycreate label), containerd CRI (seccomp spec), moby ("USER namespaces aren\'t enabled in the kernel")',
    samples: [
      'docker: Error response from daemon: rpc error: code = 2 desc = "oci runtime error: USER namespaces aren\'t enabled in the kernel".',
      'container_linux.go:380: starting container process caused: process_linux.go:545: container init caused: failed to set /proc/self/attr/keycreate on procfs: write /proc/self/attr/keycreate: invalid argument: unknown',
      'RunPodSandbox from runtime service failed: rpc error: code = Unknown desc = failed to generate seccomp spec opts: seccomp is not supported',
    ],
    counterSamples: ['Seccomp: 2', 'standard_init_linux.go:211: exec user process caused "permission denied"'],
  }),
  sig({
    id: 'runtime.kernel-fs-feature-missing',
    cause: 'runtime.unavailable',
    // The snapshotter's overlay mount on a filesystem that cannot carry it (xfs without d_type, overlay on overlay,
    // zfs, an old kernel), or a device a sandbox runtime needs (kata's vhost-vsock): no container's rootfs mounts.
    re: /does not support d_type|not supported as upperdir|upper fs missing required features|failed to mount rootfs component &\{|open \/dev\/vhost-vsock: no such device|host system doesn'?t support vsock/,
    anchors: ['d_type', 'as upperdir', 'upper fs missing', 'failed to mount rootfs component', 'vhost-vsock', 'support vsock'],
    confidence: 0.75,
    specificity: 86,
    alternatives: ['image.disk-full'],
    check: 'on the node: df -T on the runtime\'s root (/var/lib/containerd, /var/lib/docker, k3s\'s /var/lib/rancher/k3s/agent/containerd) and xfs_info for ftype=1; overlay needs a backing filesystem that supports it (not overlay, not zfs without native overlay) — move the root or pick another snapshotter (native, fuse-overlayfs, zfs)',
    source: 'containerd overlayfs snapshotter (d_type check, mount of rootfs components), kernel overlayfs ("not supported as upperdir", "upper fs missing required features"), kata-containers (vhost-vsock)',
    samples: [
      'WARN[0000] failed to load plugin io.containerd.snapshotter.v1.overlayfs  error="/var/lib/docker/containerd/daemon/io.containerd.snapshotter.v1.overlayfs does not support d_type. If the backing filesystem is xfs, please reformat with ftype=1 to enable d_type support."',
      "[  211.167320] overlayfs: filesystem on '/var/snap/microk8s/common/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/10/fs' not supported as upperdir",
      'failed to create containerd task: failed to create shim: open /dev/vhost-vsock: no such device: unknown',
    ],
    counterSamples: ['overlay on /var/lib/docker/overlay2/l type overlay (rw,relatime)'],
  }),
  sig({
    id: 'runtime.kernel-sysctl-missing',
    cause: 'runtime.unavailable',
    // A pod asks for a namespaced sysctl its node's kernel does not have (ip_unprivileged_port_start arrived in 4.11):
    // the runtime cannot write it at container init, so that pod never starts on that node.
    // Only at container init: kube-proxy's or a CNI plugin's own sysctl writes are other mechanisms.
    // The same write refused (EACCES, EROFS, EPERM) is /proc/sys not writable for the runtime: a sandboxed or nested
    // runtime (sysbox, a container host) — every pod with that sysctl fails there as well.
    re: /(write sysctl key \S+|error during container init|container init caused): open \/proc\/sys\/net\/[\w/.-]+: no such file or directory|write sysctl key \S+: (write|open) \/proc\/sys\/[\w/.-]+: (permission denied|read-only file system|operation not permitted)/,
    anchors: ['write sysctl key', 'error during container init', 'container init caused'],
    confidence: 0.7,
    specificity: 84,
    check: 'uname -r on the node against the sysctl the pod spec sets (securityContext.sysctls, a chart\'s default such as net.ipv4.ip_unprivileged_port_start): an older kernel lacks it — drop the sysctl from the spec or schedule the pod on newer kernels',
    source: 'runc libcontainer (container init writes the spec\'s sysctls under /proc/sys)',
    samples: [
      'container init caused: write sysctl key net.ipv4.ip_unprivileged_port_start: open /proc/sys/net/ipv4/ip_unprivileged_port_start: no such file or directory: unknown',
      'OCI runtime create failed: runc create failed: unable to start container process: error during container init: open /proc/sys/net/ipv4/ip_unprivileged_port_start: no such file or directory: unknown',
      'container init caused: write sysctl key net.ipv4.ip_unprivileged_port_start: write /proc/sys/net/ipv4/ip_unprivileged_port_start: permission denied',
    ],
    counterSamples: ['server.go:489] open /proc/sys/net/netfilter/nf_conntrack_max: no such file or directory'],
  }),
  sig({
    id: 'kubeadm.preflight-cgroups-missing',
    cause: 'node.not-ready',
    // kubeadm's system verification lists the kernel's cgroup controllers; a required one missing fails preflight,
    // so the node never joins (Raspberry Pi kernels without cgroup_enable=memory, old distribution kernels).
    // hugetlb, blkio and io are optional controllers (CgroupsOptional): the validator only warns about them.
    re: /cgroups_(memory|cpu|cpuset|pids|devices|freezer|cpuacct): missing/,
    anchors: ['cgroups_'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['runtime.unavailable'],
    check: 'cat /proc/cgroups on the node: the controller missing must be enabled on the kernel command line (Raspberry Pi: cgroup_enable=cpuset cgroup_enable=memory cgroup_memory=1 in cmdline.txt) or the kernel upgraded; then rerun kubeadm init/join',
    source: 'kubeadm preflight SystemVerification (k8s.io/system-validators: CGROUPS_* required controllers)',
    samples: ['CGROUPS_MEMORY: missing\nCGROUPS_HUGETLB: missing', 'KERNEL_VERSION: 3.10.0-327.el7.x86_64\nCONFIG_CGROUP_PIDS: not set\nCGROUPS_PIDS: missing'],
    counterSamples: ['CGROUPS_MEMORY: enabled', 'CGROUPS_HUGETLB: missing'],
  }),
  sig({
    id: 'runtime.overlay-unsupported',
    cause: 'runtime.unavailable',
    // containerd's overlayfs snapshotter needs the kernel's overlay filesystem: without the module (no such
    // device) or on a backing filesystem it cannot stack on, the snapshotter is not loaded or a mount fails.
    // containerd's and Docker's units load the overlay module before they start: a kernel upgraded
    // without its module tree, or booted from a provider's kernel outside /lib/modules, has none to load.
    re: /failed to mount rootfs component &\{overlay [^\n]{0,800}?: no such device|snapshotter not loaded: overlayfs|modprobe: fatal: module overlay not found in directory/,
    anchors: ['failed to mount rootfs component', 'snapshotter not loaded', 'module overlay not found'],
    confidence: 0.85,
    specificity: 94,
    check: 'grep overlay /proc/filesystems on the node (the module may only need loading; a kernel without it needs another snapshotter, e.g. k3s --snapshotter=native), and df -T of the runtime\'s data dir: overlay cannot stack on NFS, ZFS or another overlay',
    source: 'containerd overlayfs snapshotter (mount(2) ENODEV, plugin load failure)',
    samples: [
      'failed to create containerd task: failed to mount rootfs component &{overlay overlay [workdir=/var/lib/containerd/snapshots/5/work]}: no such device: unknown',
      'ctr: failed to stat snapshot sha256:f999: snapshotter not loaded: overlayfs: invalid argument',
      'Dec 06 10:00:00 node1 modprobe[812]: modprobe: FATAL: Module overlay not found in directory /lib/modules/6.1.0-99-cloud-amd64',
    ],
    counterSamples: ['loading plugin "io.containerd.snapshotter.v1.overlayfs"...'],
  }),
  sig({
    id: 'runtime.seccomp-unsupported',
    cause: 'runtime.unavailable',
    // runc loads the container's seccomp profile through libseccomp into the kernel: a libseccomp or kernel
    // too old for a syscall in the profile (clone3), or a kernel without seccomp filters, fails every container.
    re: /error loading seccomp filter into kernel|error adding seccomp filter rule for syscall \w+/,
    anchors: ['seccomp filter'],
    confidence: 0.8,
    specificity: 93,
    check: 'the versions under the runtime: runc --version (its libseccomp line) and uname -r — upgrade runc and libseccomp together (a static runc from its release), or the kernel when it lacks seccomp filters',
    source: 'runc libcontainer seccomp (libseccomp filter load and rule add)',
    samples: ['standard_init_linux.go:207: init seccomp caused: error loading seccomp filter into kernel: loading seccomp filter: invalid argument', 'error adding seccomp filter rule for syscall clone3: permission denied: unknown'],
    counterSamples: ['seccomp profile: runtime/default'],
  }),
  sig({
    id: 'runtime.cgroup-file-write',
    cause: 'runtime.unavailable',
    // The OCI runtime configures the container's cgroup by writing its files (pids.max, devices.allow,
    // memory.max): a write the kernel refuses means a cgroup hierarchy the runtime does not handle (v1 files on
    // v2, a delegated or read-only cgroupfs in a nested container).
    re: /writing file `(pids\.max|devices\.allow|devices\.deny|memory\.max|memory\.limit_in_bytes|cpu\.max|cpuset\.cpus|cgroup\.procs)`: (invalid argument|operation not permitted|no such file or directory|read-only file system)/,
    anchors: ['writing file `'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'stat -fc %T /sys/fs/cgroup (cgroup2fs is v2) against what the runtime and its OCI runtime support (crun/runc versions), and whether the node is itself a container without cgroup delegation; the runtime\'s cgroup_manager must match the kubelet\'s cgroupDriver',
    source: 'crun / runc cgroup configuration (writes to cgroupfs)',
    samples: ['container create failed: writing file `pids.max`: Invalid argument', 'Container creation error: writing file `devices.allow`: Operation not permitted'],
    counterSamples: ['writing file `/etc/hosts`'],
  }),
  sig({
    id: 'runtime.runc-cgroup-freeze-caps',
    cause: 'runtime.unavailable',
    // runc freezes the container's cgroup while it configures it and applies the container's capabilities
    // at start: a freezer that never settles (systemd and runc disagreeing on the cgroup) or a nested runtime
    // without the capabilities it hands on (a node that is itself a container, k3d/kind) fails every container.
    re: /error setting cgroup config for prochooks process: unable to freeze|apply caps: operation not permitted/,
    anchors: ['unable to freeze', 'apply caps'],
    confidence: 0.7,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'runc --version and the cgroup driver (the kubelet\'s cgroupDriver and the runtime\'s SystemdCgroup must agree; known freeze bugs are fixed in newer runc); on a node that is a container (k3d, kind, a CI runner) it must run privileged with its cgroup delegated',
    source: 'runc libcontainer (cgroup freezer during set-up, capability application at init)',
    samples: ['OCI runtime create failed: runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: unable to freeze: unknown', 'starting container process caused: apply caps: operation not permitted: unknown'],
    counterSamples: ['cgroup freezer: THAWED'],
  }),
  sig({
    id: 'runtime.kernel-quota-not-disk',
    cause: 'runtime.unavailable',
    // The kernel's own quotas answer EDQUOT or ENOSPC, which read as a full disk: the session keyring's key quota
    // (kernel.keys.maxkeys, small under LXD), the user-namespace count (user.max_user_namespaces), a cgroup v1
    // cpuset without CPUs or memory nodes. No disk is full; every container on the node fails alike.
    re: /(create|join) session key(ring)?[^\n]{0,80}disk quota exceeded|failed to write (uid|gid)_map: no space left on device|write \/sys\/fs\/cgroup\/[^\n]{0,300}no space left on device/,
    anchors: ['disk quota exceeded', '_map: no space left', '/sys/fs/cgroup/'],
    confidence: 0.8,
    // Above the generic full-disk words: these are not a disk.
    specificity: 96,
    check: 'on the node: sysctl kernel.keys.maxkeys kernel.keys.maxbytes and /proc/key-users (keyring), sysctl user.max_user_namespaces (user namespaces), cat /sys/fs/cgroup/cpuset/cpuset.cpus and cpuset.mems of the parent cgroup (cpuset) — raise the limit or fill the parent\'s cpuset',
    source: 'runc libcontainer/keys (session keyring), nsexec (uid_map write), cgroups fs cpuset (ENOSPC on cgroup.procs)',
    samples: [
      'OCI runtime create failed: runc create failed: unable to start container process: error during container init: unable to join session keyring: unable to create session key: disk quota exceeded: unknown',
      "runc create failed: unable to start container process: can't get final child's PID from pipe: EOF; runc init error(s): nsexec-1[41873]: failed to write uid_map: no space left on device",
    ],
    counterSamples: ['write /var/lib/containerd/io.containerd.content.v1.content/ingest/abc/data: no space left on device'],
  }),
  sig({
    id: 'kubelet.cgroup-mount-missing',
    cause: 'node.not-ready',
    // The same missing cgroup hierarchy seen by the kubelet itself: it cannot place its own cgroup and exits, so
    // the node has no kubelet (not a runtime failing its containers).
    re: /failed to (run kubelet|get the kubelet's cgroup): [^\n]{0,100}mountpoint for \w+ not found/,
    anchors: ['mountpoint for'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['runtime.unavailable'],
    check: 'stat -fc %T /sys/fs/cgroup on the node: a cgroup v2 host needs a kubelet that supports it (1.25+) with cgroupDriver systemd, or the node booted with systemd.unified_cgroup_hierarchy=0 for an old one',
    source: 'kubelet cmd/kubelet/app/server.go (kubelet cgroup lookup, "failed to run Kubelet: %v")',
    samples: [
      "server.go:605] failed to get the kubelet's cgroup: mountpoint for cpu not found.\nserver.go:271] failed to run Kubelet: mountpoint for cpu not found",
      'kubelet[136867]: F1128 17:38:14.091269  136867 server.go:271] failed to run Kubelet: mountpoint for cpu not found',
    ],
    counterSamples: ['container_linux.go:296: starting container process caused "process_linux.go:279: applying cgroup configuration for process caused \\"mountpoint for devices not found\\""'],
  }),
];
