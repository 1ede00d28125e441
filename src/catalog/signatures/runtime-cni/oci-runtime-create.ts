import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The OCI runtime (runc 1.1, crun 1.8) creating a container, run directly on a bundle or through containerd's runc
 * v2 shim (`ctr run`, the CRI): read from the runtimes' own output against faults built on a Debian 12 host with
 * cgroup v1 (hybrid) — crun's libcrun/cgroup.c and linux.c, runc's libcontainer/cgroups/fs and containerd's
 * go-runc client. A runtime that cannot be executed at all, or a host whose cgroup layout the runtime refuses, stops
 * every container on the node; a limit the pod spec sets that the kernel refuses is the pod's own fault.
 */
export const OCI_RUNTIME_CREATE_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.oci-binary-exec-failed',
    cause: 'runtime.unavailable',
    // containerd's go-runc client ran the runtime named by the runtime options (BinaryName, ctr --runc-binary) and the
    // exec itself failed, so the runtime wrote no log.json: the path does not exist, is a directory or not executable,
    // or is built for another architecture. No container starts with that runtime handler, whatever its image. Only a
    // path named as a runtime: docker passes other paths to that wrapper too (a volume's path taken for the runtime).
    re: /unable to retrieve oci runtime error \([^\n]{0,400}?log\.json[^\n]{0,60}?\): fork\/exec \S*\/[\w.+-]*(runc|crun|youki|runsc|kata|runtime|shim)[\w.+-]*: (no such file or directory|permission denied|exec format error|not a directory)/,
    anchors: ['unable to retrieve oci runtime error'],
    confidence: 0.85,
    specificity: 97,
    check: 'the runtime handler\'s options in containerd\'s config (plugins."io.containerd.grpc.v1.cri".containerd.runtimes.<handler>.options BinaryName, or the crun/runc path a RuntimeClass points at): ls -l and file on that path on the node — it must exist, be executable and be of the node\'s architecture (uname -m); restart containerd after fixing the config',
    source: 'containerd go-runc (runc.go: "unable to retrieve OCI runtime error (%v): %w" when the runtime left no log.json), containerd runtime v2 runc shim (BinaryName)',
    samples: [
      'ctr: failed to create shim task: OCI runtime create failed: unable to retrieve OCI runtime error (open /run/containerd/io.containerd.runtime.v2.task/default/web/log.json: no such file or directory): fork/exec /usr/local/sbin/runc: no such file or directory: unknown',
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: unable to retrieve OCI runtime error (open /run/containerd/io.containerd.runtime.v2.task/k8s.io/4f1e/log.json: no such file or directory): fork/exec /usr/bin/crun: permission denied: unknown',
      'OCI runtime create failed: unable to retrieve OCI runtime error (open /run/containerd/io.containerd.runtime.v2.task/k8s.io/9a0c/log.json: no such file or directory): fork/exec /opt/runtimes/runc-arm64: exec format error: unknown',
    ],
    counterSamples: [
      'OCI runtime create failed: unable to retrieve OCI runtime error (open /run/docker/containerd/daemon/io.containerd.runtime.v1.linux/moby/22/log.json: no such file or directory): docker-runc did not terminate sucessfully: unknown',
      'exec /usr/local/bin/docker-entrypoint.sh: exec format error',
    ],
  }),
  sig({
    id: 'runtime.crun-cgroup-hybrid',
    cause: 'runtime.unavailable',
    // crun refuses a host whose cgroup v1 hierarchy has a cgroup v2 mount beside it (/sys/fs/cgroup/unified) with
    // controllers enabled there: the hybrid layout of systemd's default on older distributions. Every container
    // crun creates on that host fails before its process starts.
    re: /cgroups in hybrid mode not supported, drop all controllers from cgroupv2/,
    anchors: ['cgroups in hybrid mode not supported'],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['node.not-ready'],
    check: 'on the node: mount | grep cgroup and cat /sys/fs/cgroup/unified/cgroup.subtree_control — boot with a single hierarchy (systemd.unified_cgroup_hierarchy=1 for cgroup v2, or no controllers on the unified mount), or use runc as the runtime handler on that node',
    source: 'containers/crun libcrun/cgroup.c ("cgroups in hybrid mode not supported, drop all controllers from cgroupv2")',
    samples: [
      'ctr: failed to create shim task: OCI runtime create failed: cgroups in hybrid mode not supported, drop all controllers from cgroupv2: unknown',
      'Error: OCI runtime error: crun: cgroups in hybrid mode not supported, drop all controllers from cgroupv2',
      'the memory limit could be too low: cgroups in hybrid mode not supported, drop all controllers from cgroupv2',
    ],
    counterSamples: ['cgroup driver: cgroupfs, cgroup version: 1'],
  }),
  sig({
    id: 'runtime.crun-apparmor-not-initialized',
    cause: 'runtime.unavailable',
    // crun asked to apply an AppArmor profile on a kernel where AppArmor is not the running security module (or is
    // disabled): every container carrying a profile fails there, as runc's EINVAL on /proc/self/attr/exec says it.
    re: /apparmor is not initialized correctly/,
    anchors: ['apparmor is not initialized correctly'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'on the node: cat /sys/module/apparmor/parameters/enabled and cat /sys/kernel/security/lsm — a profile in the spec needs AppArmor running; otherwise drop the profile (securityContext.appArmorProfile) or fix the runtime\'s default',
    source: 'containers/crun libcrun/linux.c (AppArmor profile applied at container init: "AppArmor is not initialized correctly")',
    samples: [
      'ctr: failed to create shim task: OCI runtime create failed: AppArmor is not initialized correctly: unknown',
      'Error: OCI runtime error: crun: AppArmor is not initialized correctly',
    ],
    counterSamples: ['apparmor_parser: Unable to replace "cri-containerd.apparmor.d".  Profile doesn\'t conform to protocol'],
  }),
  sig({
    id: 'runtime.cgroup-controller-not-joined',
    cause: 'unknown',
    // runc's cgroup manager has no path for a controller (not mounted on a cgroup v1 host, not delegated to a nested
    // node such as kind on cgroup v2: hugetlb or rdma most often) and the spec sets a limit for it. The host's layout
    // or the caller's limit (kind stopped setting hugetlb limits; a pod's hugepages-* resources): ambiguous. Below the rootless
    // signatures: rootless runc on cgroup v1 says the same for every limit, and says so beside it.
    re: /cannot set \w+ limit: container could not join or create cgroup/,
    anchors: ['container could not join or create cgroup'],
    confidence: 0.4,
    specificity: 87,
    alternatives: ['runtime.unavailable', 'node.not-ready'],
    check: 'on the node: cat /proc/cgroups and mount -t cgroup (v1) or cat /sys/fs/cgroup/cgroup.controllers (v2) — the controller named must be enabled and mounted or delegated (hugetlb needs CONFIG_CGROUP_HUGETLB); otherwise drop the limit (hugepages-* resources, a nested node\'s runtime spec) from what asks for it',
    source: 'opencontainers/runc libcontainer/cgroups/fs (Set: "cannot set %s limit: container could not join or create cgroup")',
    samples: [
      'OCI runtime create failed: runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: cannot set hugetlb limit: container could not join or create cgroup: unknown',
      'level=error msg="runc run failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: cannot set rdma limit: container could not join or create cgroup"',
    ],
    counterSamples: ['unable to set memory limit to 4096 (current usage: 2265088, peak usage: 2514944)'],
  }),
  sig({
    id: 'runtime.crun-memory-limit-too-low',
    cause: 'unknown',
    // crun's init was killed (OOM) while the container was being set up under the memory limit the spec gives: the pod's
    // limit is below what even the runtime's set-up needs. The pod's own spec, which no cause of the list names.
    re: /oom: the memory limit could be too low/,
    anchors: ['the memory limit could be too low'],
    confidence: 0.6,
    specificity: 95,
    alternatives: ['runtime.unavailable'],
    check: 'the container\'s resources.limits.memory (kubectl get pod -o jsonpath=\'{..resources}\'): a limit of a few KiB or MiB is below what the runtime and the process need — raise it; dmesg on the node shows the OOM kill in the container\'s cgroup',
    source: 'containers/crun libcrun/container.c ("OOM: the memory limit could be too low" when the init process dies during create under a memory limit)',
    samples: [
      'ctr: failed to create shim task: OCI runtime create failed: OOM: the memory limit could be too low: read from sync socket: Connection reset by peer: unknown',
      'Error: OCI runtime error: crun: OOM: the memory limit could be too low: read from sync socket: Connection reset by peer',
    ],
    counterSamples: ['dial tcp 10.0.0.5:443: read: connection reset by peer'],
  }),
  sig({
    id: 'runtime.cgroup-cpu-value-refused',
    cause: 'unknown',
    // The kernel refused a CPU bandwidth value the runtime wrote (EINVAL on cpu.cfs_quota_us, cpu.cfs_period_us or
    // cpu.max): a period outside 1ms..1s or a quota below 1ms from the pod's own limit (a limit of "1m" CPU), or on
    // cgroup v1 a quota above the parent cgroup's. The spec's value or the node's parent cgroup: ambiguous.
    re: /(failed to write \\*"[\d\s-]+\\*"[^\n]{0,20}: write \S*\/cpu\.(cfs_quota_us|cfs_period_us|max)|writing file `cpu\.(cfs_quota_us|cfs_period_us|max)`): invalid argument/,
    anchors: ['cpu.cfs_quota_us', 'cpu.cfs_period_us', 'cpu.max'],
    confidence: 0.4,
    specificity: 91,
    alternatives: ['runtime.unavailable'],
    check: 'the container\'s CPU limit (kubectl get pod -o jsonpath=\'{..resources.limits.cpu}\'): below 1m of quota or a cpu.cfs_period the kubelet was given (cpuCFSQuotaPeriod) outside 1ms-1s is refused — fix the value; otherwise on the node compare the parent cgroup\'s cpu.cfs_quota_us (kubepods, the QoS class) with the one written',
    source: 'opencontainers/runc libcontainer/cgroups (WriteFile: "failed to write %q: %w"), containers/crun ("writing file `%s`"), kernel sched tg_set_cfs_bandwidth (EINVAL)',
    samples: [
      'ctr: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: failed to write "999999999": write /sys/fs/cgroup/cpu/default/web/cpu.cfs_period_us: invalid argument: unknown',
      'ctr: failed to create shim task: OCI runtime create failed: writing file `cpu.cfs_period_us`: Invalid argument: unknown',
      'runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: failed to write "100": write /sys/fs/cgroup/cpu,cpuacct/kubepods/burstable/pod5e1/4a2c/cpu.cfs_quota_us: invalid argument: unknown',
    ],
    counterSamples: ['error setting cgroup config for procHooks process: unified resource "memory.oom.group" can\'t be set: controller "memory" not available'],
  }),
];
