import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * runc (v1.5) starting a container after its image was pulled, as the kubelet's Events and journal, containerd's log
 * and `docker run` show it; and the kubelet's own cgroup set-up beside it. The texts here were read from
 * opencontainers/runc libcontainer, opencontainers/cgroups and the kubelet's container manager: the mechanism decides
 * the cause, so a node-wide cgroup set-up the kubelet cannot do is the node, while a cgroup file a kubelet asks for
 * and the kernel lacks (swap), or a seccomp filter the kernel's BPF JIT has no room for, names no cause of the list.
 */
export const RUNC_START_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.binary-missing-quoted',
    cause: 'flannel.daemon-down',
    // The kube-flannel container's entrypoint absent in its image, as the kubelet's pod_workers line quotes it twice
    // (err="... RunContainerError: \"... exec: \\\"/opt/bin/flanneld\\\": stat ...\""): flanneld never starts there.
    re: /exec: \\{2,}"[^"\n\\]*\/flanneld\\{2,}": stat [^\n]{0,80}no such file/,
    anchors: ['/flanneld'],
    confidence: 0.85,
    specificity: 94,
    check: 'the kube-flannel container\'s image and command: kubectl -n kube-flannel get ds kube-flannel -o jsonpath=\'{..image} {..command}\' against the manifest of that flannel version (newer images ship /opt/bin/flanneld); a damaged image on the node: crictl inspecti it and compare its digest with the registry\'s',
    source: 'runc libcontainer standard_init_linux.go (exec.LookPath of args[0] at create) quoted by kubelet pod_workers.go ("Error syncing pod, skipping" err=)',
    samples: [
      'E1206 10:02:11.482913    1187 pod_workers.go:1301] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"kube-flannel\\" with RunContainerError: \\"failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \\\\\\"/opt/bin/flanneld\\\\\\": stat /opt/bin/flanneld: no such file or directory: unknown\\"" pod="kube-flannel/kube-flannel-ds-9wq4d"',
      'with RunContainerError: \\"failed to create containerd task: OCI runtime create failed: exec: \\\\\\"/opt/bin/flanneld\\\\\\": stat /opt/bin/flanneld: no such file or directory: unknown\\""',
    ],
    counterSamples: ['exec: \\\\\\"/app/server\\\\\\": stat /app/server: no such file or directory', 'I0101 main.go:211] CLI flags config: /opt/bin/flanneld --ip-masq'],
  }),
  sig({
    id: 'kubelet.kubepods-cgroup-create-failed',
    cause: 'node.not-ready',
    // The kubelet's node-allocatable root cgroup (kubepods, kubepods.slice) cannot be created: cgroup v2 refuses a
    // domain controller in a cgroup left threaded or invalid (the kubelet in a container, k3s or kind in docker), or
    // the hierarchy is not writable. The container manager does not start, so the node runs no pods.
    re: /"failed to create cgroup" err=[^\n]{0,600}cgroupname=\[|failed to create cgroup[^\n]{0,40}cannot enter cgroupv2 [^\n]{0,300}with domain controllers/,
    anchors: ['failed to create cgroup'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['runtime.unavailable'],
    check: 'on the node: stat -fc %T /sys/fs/cgroup, cat /sys/fs/cgroup/cgroup.type and /sys/fs/cgroup/cgroup.subtree_control (a kubelet in a container needs its own cgroup namespace, cgroupns=private, and the controllers delegated); the kubelet\'s cgroupDriver and cgroupRoot must match the runtime\'s',
    source: 'kubelet pkg/kubelet/cm/node_container_manager_linux.go ("Failed to create cgroup", cgroupName); opencontainers/cgroups fs2/create.go ("cannot enter cgroupv2 %q with domain controllers -- it is in an invalid state")',
    samples: [
      'E0927 22:36:42.258152       1 node_container_manager_linux.go:60] "Failed to create cgroup" err="cannot enter cgroupv2 \\"/sys/fs/cgroup/kubepods\\" with domain controllers -- it is in an invalid state" cgroupName=[kubepods]',
      'E0501 19:43:36.072807       7 node_container_manager_linux.go:61] "Failed to create cgroup" err="mkdir /sys/fs/cgroup/cpuset/kubepods: permission denied" cgroupName=[kubepods]',
    ],
    counterSamples: ['unable to apply cgroup configuration: cannot enter cgroupv2 "/sys/fs/cgroup/kubepods/besteffort" with domain controllers -- it is in an invalid state'],
  }),
  sig({
    id: 'runtime.cgroup-swap-max-unsettable',
    cause: 'unknown',
    // runc writes memory.swap.max because the kubelet (or a --memory-swap) asked for a swap limit, and the pod's cgroup
    // has no such file: the kernel was booted without swap accounting, or the kubelet set it though the node has no
    // swap controller (a kubelet bug of the NodeSwap feature). Neither is a cause of the list.
    re: /unable to set unified resource \\*"memory\.swap\.max\\*": (open|openat2) [^\n]{0,600}memory\.swap\.max: no such file or directory/,
    anchors: ['memory.swap.max'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['runtime.unavailable', 'node.not-ready'],
    check: 'on the node: ls /sys/fs/cgroup/kubepods.slice/memory.swap.max (absent without swap accounting: CONFIG_MEMCG_SWAP, swapaccount=1 on old kernels), swapon --show, and the kubelet\'s memorySwap.swapBehavior and failSwapOn against its version\'s NodeSwap fixes',
    source: 'opencontainers/cgroups fs2/fs2.go ("unable to set unified resource %q: %w"), runc libcontainer process_linux.go ("error setting cgroup config for procHooks process")',
    samples: [
      'OCI runtime create failed: runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: unable to set unified resource "memory.swap.max": open /sys/fs/cgroup/kubepods.slice/kubepods-burstable.slice/cri-containerd-4085d63a.scope/memory.swap.max: no such file or directory: unknown',
      'error setting cgroup config for procHooks process: unable to set unified resource \\\\\\"memory.swap.max\\\\\\": open /sys/fs/cgroup/kubelet.slice/kubelet-kubepods.slice/cri-containerd-4085d63a.scope/memory.swap.max: no such file or directory: unknown',
    ],
    counterSamples: ['error setting cgroup config for procHooks process: unified resource "memory.oom.group" can\'t be set: controller "memory" not available'],
  }),
  sig({
    id: 'runtime.seccomp-bpf-jit-limit',
    cause: 'unknown',
    // errno 524 (ENOTSUPP) from loading a seccomp filter: the kernel's BPF JIT has reached net.core.bpf_jit_limit
    // (JIT memory leaked by an old kernel, or very many filters). Every new container on that node fails until the
    // node is rebooted or the limit raised: a kernel condition, none of the causes of the list.
    re: /error loading seccomp filter(?: into kernel)?: [^\n]{0,60}errno 524/,
    anchors: ['errno 524'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['runtime.unavailable'],
    check: 'on the node: sysctl net.core.bpf_jit_limit and grep bpf_jit /proc/vmallocinfo | wc -l (JIT memory near the limit), uname -r against the kernel fixes for BPF JIT memory leaks',
    source: 'runc libcontainer/seccomp/seccomp_linux.go ("error loading seccomp filter into kernel: %w"), libseccomp-golang (errno 524 from seccomp_load)',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: unable to init seccomp: error loading seccomp filter into kernel: error loading seccomp filter: errno 524: unknown',
      'runc create failed: unable to start container process: error during container init: unable to init seccomp: error loading seccomp filter into kernel: error loading seccomp filter: errno 524',
    ],
    counterSamples: ['standard_init_linux.go:207: init seccomp caused: error loading seccomp filter into kernel: loading seccomp filter: invalid argument'],
  }),
  sig({
    id: 'runtime.runc-host-setup-refused',
    cause: 'runtime.unavailable',
    // runc's container init failing on what it sets up for every container from the host, not on anything of the
    // image: the /proc, /dev/pts, /sys or /dev/mqueue mounts of the rootfs, the SELinux exec label, the eBPF device
    // program of a cgroup. A runc, kernel, LSM policy or nested host (LXC, a read-only rootfs) at odds with each
    // other: every container of the node fails the same way. Hedged: the corpus reads a few of them as `unknown`.
    re: /mounting \\*"(proc|devpts|sysfs|mqueue)\\*" to rootfs at \\*"[^"\\\n]+\\*"(:| caused:?)[^\n]{0,200}?(permission denied|read-only file system|operation not permitted|mount through procfd)|set process label: write \/proc\/self\/task\/\d+\/attr\/exec: invalid argument|cannot fetch program from id: get program by id: permission denied/,
    anchors: ['to rootfs at', 'set process label', 'get program by id'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['node.not-ready'],
    check: 'runc --version and containerd --version against the host: uname -r, getenforce (SELinux) and whether the node is itself a container (LXC/LXD: security.nesting, a read-only rootfs); the same failure for every image on the node is the runtime against its host, and the release notes of runc for that kernel say which pairing works',
    source: 'runc libcontainer rootfs_linux.go ("mounting %q to rootfs at %q caused: %w"), selinux ("set process label"), cgroups ebpf device filter ("cannot fetch program from id")',
    samples: [
      'OCI runtime create failed: container_linux.go:367: starting container process caused: process_linux.go:495: container init caused: rootfs_linux.go:76: mounting "proc" to rootfs at "/proc" caused: mount through procfd: permission denied: unknown',
      'error="OCI runtime create failed: container_linux.go:380: starting container process caused: process_linux.go:545: container init caused: rootfs_linux.go:76: mounting \\"devpts\\" to rootfs at \\"/dev/pts\\" caused: mkdir /run/containers/x/rootfs/dev/pts: read-only file system: unknown"',
      'container_linux.go:345: starting container process caused "set process label: write /proc/self/task/1/attr/exec: invalid argument"',
      'process_linux.go:508: setting cgroup config for procHooks process caused: cannot fetch program from id: get program by id: permission denied: unknown',
      'runc create failed: unable to start container process: error during container init: error mounting "proc" to rootfs at "/proc": mount proc:/proc (via /proc/self/fd/6), flags: 0xe: permission denied: unknown',
    ],
    counterSamples: ['mounting "/var/lib/kubelet/pods/x/volumes/cfg" to rootfs at "/etc/kube-flannel" caused: not a directory'],
  }),
];
