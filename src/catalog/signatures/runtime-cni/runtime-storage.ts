import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A runtime that cannot create any container on this node (causes.md: runtime errors unrelated to the registry):
 * containers/storage whose driver the kernel or the backing filesystem refuses, a runtime whose configured OCI
 * runtime or monitor is missing or too old, cgroups the runtime cannot set up, CRI-O's own state. Every pod of
 * the node meets them, whatever its image.
 */
export const RUNTIME_STORAGE_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.containers-storage-driver',
    cause: 'runtime.unavailable',
    // containers/storage (CRI-O, Podman, Buildah): overlay refused by the kernel or over the backing filesystem, or a
    // driver that differs from the one the store's database was made with.
    re: /kernel does not support overlay fs|'overlay' is not supported over \w+|'overlay' not found as a supported filesystem on this host|database (storage )?graph driver \\?"?\w*\\?"? does not match our (storage )?graph driver|configure storage: [^\n]{0,200}(not supported|unsupported|does not match)|backing file system is unsupported for this graph driver|kernel too old to provide multiple lowers feature for overlay|overlay: can't stat program \\?"[^\n]{0,80}: no such file|fuse: device not found, try '\w+ fuse' first|overlay: unknown option [\w.]+|storage options? overlay\.\w+[^\n]{0,80}not supported|--storage-opt is supported only for overlay over xfs|vfs driver does not support mount options|contains several valid graphdrivers|failed to getdriver graph \w+[^\n]{0,200}driver not supported|\brunroot must be set|imagestore \S+ must either be not set or be a different than graphroot/,
    // The store's own options (storage.conf): a mount program or FUSE device missing, an option of another driver, a
    // project quota the filesystem does not offer, a graphroot holding several drivers' data — no container starts.
    anchors: ['kernel does not support overlay fs', 'is not supported over', 'not found as a supported filesystem', 'does not match our', 'backing file system is unsupported', 'multiple lowers', "can't stat program", 'fuse: device not found', 'overlay: unknown option', 'not supported. filesystem does not support project quota', 'storage-opt is supported only', 'vfs driver does not support', 'several valid graphdrivers', 'failed to getdriver graph', 'runroot must be set', 'different than graphroot', 'storage option overlay.', 'storage options overlay.'],
    confidence: 0.8,
    specificity: 94,
    check: 'the storage the runtime uses: /etc/containers/storage.conf (driver, graphroot; ~/.config/containers/storage.conf rootless) against the filesystem under graphroot (stat -fc %T, xfs needs ftype=1) and the kernel (the overlay module loaded); a driver changed after the store was made needs the store reset (podman system reset, or crio wipe)',
    source: 'containers/storage (overlay driver support checks: "kernel does not support overlay fs", "\'overlay\' is not supported over %s"; the store\'s driver check "database graph driver %q does not match our graph driver %q")',
    samples: [
      'Error: configure storage: kernel does not support overlay fs: \'overlay\' is not supported over extfs at "/var/lib/containers/storage/overlay": backing file system is unsupported for this graph driver',
      'Error: database graph driver "" does not match our graph driver "overlay": database configuration mismatch',
      'Error: /var/lib/containers/storage contains several valid graphdrivers: overlay, vfs; Please cleanup or explicitly choose storage driver (-s <DRIVER>)',
      'Error: overlay: can\'t stat program "/usr/bin/fuse-overlayfs": stat /usr/bin/fuse-overlayfs: no such file or directory',
      'level=error msg="\'overlay\' not found as a supported filesystem on this host. Please ensure kernel is new enough and has overlay support loaded."',
    ],
    counterSamples: ['level=info msg="[graphdriver] using prior storage driver: overlay2"'],
  }),
  sig({
    id: 'runtime.oci-runtime-setup',
    cause: 'runtime.unavailable',
    // The runtime's configured OCI runtime or monitor: a path that is not there, a binary the shim cannot find or
    // query, a build without seccomp, a conmon older than the CRI-O that passes it options.
    re: /runtime validation: invalid runtime_path|failed to validate oci runtime features|failed to resolve runtime path: invalid runtime name|failed to start shim: [^\n]{0,60}exec: \\?"containerd-shim-[\w.-]+\\?": executable file not found|seccomp not enabled in this build|oci runtime command not found|conmon: option parsing failed: unknown option|containerd: unsupported config version `\d+`/,
    anchors: ['invalid runtime_path', 'failed to validate oci runtime features', 'invalid runtime name', 'failed to start shim', 'seccomp not enabled in this build', 'oci runtime command not found', 'conmon: option parsing failed', 'unsupported config version'],
    confidence: 0.8,
    specificity: 94,
    check: 'the runtime\'s runtime table (crio config | grep -A5 runtimes, or containerd config dump | grep -A8 runtimes) against the node: each runtime_path (runc, crun, kata) and conmon must exist, be on the PATH the service runs with, and be of a version that runtime supports',
    source: 'CRI-O runtime config validation ("runtime validation: invalid runtime_path for runtime %q"), containerd shim runtime info ("failed to validate OCI runtime features"), containers/common seccomp ("seccomp not enabled in this build"), conmon option parsing, containerd config load ("unsupported config version")',
    samples: [
      'crio[36312]: level=fatal msg="runtime config: runtime validation: invalid runtime_path for runtime \'kata\': \\"stat /usr/local/bin/kata-runtime: no such file or directory\\""',
      'failed to create containerd task: failed to validate OCI runtime features: runtime info: failed to run [/opt/containerd/bin/containerd-shim-runc-v2 -info]: exit status 1',
      'Error: loading seccomp profile (/usr/share/containers/seccomp.json) failed: seccomp not enabled in this build',
    ],
    counterSamples: ['level=info msg="Using runtime handler runc"'],
  }),
  sig({
    id: 'runtime.cgroup-setup',
    cause: 'runtime.unavailable',
    // The OCI runtime cannot place a container in its cgroups: rootless without delegated cgroups, a subtree the
    // runtime cannot enable, a cgroup v1 hierarchy it expects and does not find. Node-wide, unlike a pod's own limit
    // that a cgroup file refuses. (ENOSPC on mkdir there is node.cgroup-no-space's, hedged.)
    re: /applying cgroup configuration for process caused[^\n]{0,200}rootless needs no limits|cgroup\.subtree_control: device or resource busy|failed to canonicali[sz]e \\?"?\/sys\/fs\/cgroup\//,
    anchors: ['applying cgroup configuration', 'subtree_control', 'failed to canonicali'],
    confidence: 0.65,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'the node\'s cgroups: stat -fc %T /sys/fs/cgroup (cgroup2fs or tmpfs), grep memory /proc/cgroups (num_cgroups near 65535 means leaked memory cgroups: reboot, or a kernel with the memcg fix), and for rootless the systemd delegation (Delegate=yes for the user slice)',
    source: 'runc libcontainer (process_linux.go "applying cgroup configuration for process caused"), runsc cgroup set-up, youki cgroup paths',
    samples: [
      'libcontainer::rootfs::mount: failed to canonicalize "/sys/fs/cgroup/systemd/docker/af0c557c": No such file or directory (os error 2)',
      'Error: container_linux.go:380: starting container process caused: process_linux.go:385: applying cgroup configuration for process caused: rootless needs no limits + no cgrouppath when no permission is granted for cgroups',
      'running container: creating container: cannot set up cgroup for root: configuring cgroup: write /sys/fs/cgroup/cgroup.subtree_control: device or resource busy',
    ],
    counterSamples: ['failed to write "1048576": write /sys/fs/cgroup/memory/kubepods/pod1/memory.limit_in_bytes: device or resource busy'],
  }),
  sig({
    id: 'runtime.crio-state',
    cause: 'runtime.unavailable',
    // CRI-O behind on its work (requests the kubelet retries while the first is still running) or its container state
    // on disk incomplete after a crash: sandboxes it cannot restore.
    re: /kubelet may be retrying requests that are timing out in cri-o due to system load|could not restore sandbox \S+ container \S+: open \S+\/config\.json: no such file/,
    anchors: ['timing out in cri-o due to system load', 'could not restore sandbox'],
    confidence: 0.75,
    specificity: 93,
    check: 'CRI-O on that node: journalctl -u crio for slow or failing requests and its load (top, iostat: a saturated disk under /var/lib/containers); state it cannot restore goes with crio wipe and a restart after the pods are drained',
    source: 'CRI-O (name reservation: "Kubelet may be retrying requests that are timing out in CRI-O due to system load"; restore at start: "could not restore sandbox %s container %s")',
    samples: [
      'rpc error: code = Unknown desc = Kubelet may be retrying requests that are timing out in CRI-O due to system load: error reserving pod name k8s_web_default_1 for id b421a43d: name is reserved',
      'crio[1502]: level=warning msg="could not restore sandbox b01bd69f container b01bd69f: open /var/run/containers/storage/overlay-containers/b01bd69f/userdata/config.json: no such file or directory"',
    ],
    counterSamples: ['level=info msg="Restored sandbox b01bd69f"'],
  }),  sig({
    id: 'runtime.crio-fatal',
    cause: 'runtime.unavailable',
    // CRI-O logs level=fatal and exits when it cannot start (its socket taken, a config it refuses, storage it cannot
    // open): the node has no runtime until it runs. Readings of the reason itself outrank this one.
    re: /crio\[\d+\]: [^\n]{0,80}level=fatal msg=/,
    anchors: ['crio['],
    confidence: 0.75,
    specificity: 60,
    alternatives: ['node.not-ready'],
    check: 'journalctl -u crio -b on that node: the fatal message names what to fix (a second crio or a stale socket on bind: address already in use, a config key it refuses, its storage); then systemctl restart crio',
    source: 'CRI-O cmd/crio (logrus Fatal on start-up errors)',
    samples: [
      'Dec 05 02:50:02 worker-9 crio[1210]: time="2026-12-05 02:50:02.661012384Z" level=fatal msg="Failed to listen: listen unix /var/run/crio/crio.sock: bind: address already in use"',
      'crio[915]: time="2024-03-01 10:00:00Z" level=fatal msg="validating root config: failed to get store to set defaults: mkdir /var/lib/containers: read-only file system"',
    ],
    counterSamples: ['crio[915]: time="2024-03-01 10:00:00Z" level=info msg="Starting CRI-O, version: 1.34.0"'],
  }),
  sig({
    id: 'runtime.store-unwritable',
    cause: 'runtime.unavailable',
    // The runtime's own store refuses writes (its filesystem remounted read-only after an I/O error, or a read-only
    // root on an immutable host): no layer unpacks and no container starts on that node. (A rootfs mount refused with
    // EINVAL is left alone: eval26 holds one whose cause was another.)
    re: /(io\.containerd\.snapshotter\.v1\.\w+|\/var\/lib\/(containerd|docker|containers\/storage))\/\S*: read-only file system/,
    anchors: ['read-only file system'],
    confidence: 0.7,
    specificity: 91,
    alternatives: ['image.disk-full'],
    check: 'findmnt -T /var/lib/containerd (or the runtime\'s root) and dmesg | tail: "ro" after an ext4/xfs error means the disk failed and remounted read-only (fsck, replace); an immutable OS needs the runtime root on its writable partition',
    source: 'containerd unpacker and snapshotter (EROFS on the snapshot directories; rootfs mount refused)',
    samples: [
      'failed to prepare extraction snapshot "extract-1": failed to create temp dir: mkdir /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/new-0123: read-only file system',
      'Error: mounting /var/lib/containers/storage/overlay/l/ABC: open /var/lib/containers/storage/overlay/l/ABC/merged: read-only file system',
    ],
    counterSamples: ['mkdir /data/app: read-only file system'],
  }),
  sig({
    id: 'crio.pinns-failed',
    cause: 'runtime.unavailable',
    // CRI-O pins each sandbox's namespaces with its pinns helper; refused mounts or unshares (a nested or unprivileged
    // host, a /var/run that is not shared) stop every sandbox on the node.
    re: /\[pinns:e\]: failed to (mount|unshare|bind|create|open)/,
    anchors: ['[pinns:e]'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'journalctl -u crio on the node: pinns needs to unshare and bind-mount namespaces under /var/run (a privileged host process; inside a container it needs privileges and shared mount propagation)',
    source: 'CRI-O pinns (namespace pinning helper: "[pinns:e]: …")',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to pin namespaces [ipc net uts]: [pinns:e]: failed to mount /var/run/netns/5a6b: Permission denied exit status 1',
      'level=warning msg="Pinns [-d /var/run -f 5a6b -n -i -u] failed: [pinns:e]: failed to unshare namespaces: Operation not permitted (exit status 1)"',
    ],
    counterSamples: ['level=info msg="Got pod network"'],
  }),
];
