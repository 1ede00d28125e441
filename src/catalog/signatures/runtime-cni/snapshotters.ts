import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * containerd's snapshotters and the mounts they make (overlayfs, native, devmapper, fuse-overlayfs and the proxy
 * snapshotters), Docker's and containers/storage's overlay drivers: the mount a container's rootfs or an unpack needs
 * refused by the kernel, a devmapper pool that is missing or full, a driver the daemon cannot set up. Read from
 * containerd v2 plugins/snapshots and core/mount, containerd 1.7 snapshots, containers/storage drivers/overlay.
 */
export const SNAPSHOTTER_SIGNATURES: Signature[] = [
  sig({
    id: 'snapshotter.overlay-module-missing',
    cause: 'runtime.unavailable',
    // mount(2) of type overlay answers ENODEV when the kernel has no overlay filesystem (module not loaded, or a
    // kernel booted without its module tree): containerd's shim mounting a container's rootfs (v2 prints the
    // component without its options), dockerd's overlay2 driver and containers/storage's overlay mount all say so.
    re: /failed to mount rootfs component: no such device|failed to mount overlay: no such device|creating overlay mount to \S+, mount_data=\\?"[^\n]{0,3000}?\\?": no such device/,
    anchors: ['failed to mount rootfs component: no such device', 'failed to mount overlay: no such device', 'creating overlay mount to'],
    confidence: 0.85,
    specificity: 94,
    check: 'grep overlay /proc/filesystems on the node: empty means the overlay module is not loaded or not installed for the running kernel (ls /lib/modules/$(uname -r)); a kernel without it needs another snapshotter (native, fuse-overlayfs)',
    source: 'containerd runtime/v2 runc container.go ("failed to mount rootfs component: %w"), dockerd overlay2 ("failed to mount overlay"), containers/storage drivers/overlay ("creating overlay mount to %s, mount_data=%q: %w")',
    samples: [
      'Error: failed to create containerd task: failed to create shim task: failed to mount rootfs component: no such device: unknown',
      'level=error msg="failed to mount overlay: no such device" storage-driver=overlay2',
      'error creating pod sandbox with name "k8s_POD_web_default_1_0": creating overlay mount to /var/lib/containers/storage/overlay/4c1e/merged, mount_data="nodev,lowerdir=/var/lib/containers/storage/overlay/l/QWER,upperdir=/var/lib/containers/storage/overlay/4c1e/diff": no such device',
    ],
    counterSamples: [
      'failed to create containerd task: failed to create shim task: failed to mount rootfs component: invalid argument: unknown',
      'creating overlay mount to /var/lib/containers/storage/overlay/4c1e/merged, mount_data="nodev": no space left on device',
    ],
  }),
  sig({
    id: 'snapshotter.fuse-mount-helper',
    cause: 'runtime.unavailable',
    // The fuse-overlayfs snapshotter (rootless containerd, nested hosts) mounts each rootfs through mount.fuse3: no
    // /dev/fuse in the host or the container running containerd, no permission on it, or no fuse-overlayfs binary,
    // and no container of that snapshotter starts on the node.
    re: /mount helper \[mount\.fuse3? \[[^\n]{0,1500}?\]\] failed: [^\n]{0,40}(fuse: device not found|failed to open \/dev\/fuse|fuse-overlayfs: no such file or directory)/i,
    anchors: ['mount helper [mount.fuse'],
    confidence: 0.85,
    specificity: 95,
    check: 'on the node (or in the container running containerd): ls -l /dev/fuse (it must exist and be passed into a nested host), grep fuse /proc/filesystems, and command -v fuse-overlayfs for the user containerd runs as',
    source: 'containerd core/mount mount_linux.go ("mount helper [%s %v] failed: %q: %w") with the fuse-overlayfs snapshotter',
    samples: [
      'failed to mount rootfs component: mount helper [mount.fuse3 [overlay /run/containerd/io.containerd.runtime.v2.task/k8s.io/4e1b/rootfs -o lowerdir=/var/lib/x/9/fs -t fuse-overlayfs]] failed: "fuse: device not found\\n": exit status 1',
      'failed to mount rootfs component: mount helper [mount.fuse3 [overlay /run/containerd/t/rootfs -o lowerdir=/var/lib/x/9/fs -t fuse-overlayfs]] failed: "mount.fuse3: fuse-overlayfs: No such file or directory\\n": exit status 1',
      'failed to mount rootfs component: mount helper [mount.fuse3 [overlay /run/containerd/t/rootfs -t fuse-overlayfs]] failed: \\"fuse: failed to open /dev/fuse: Permission denied\\\\n\\": exit status 1',
    ],
    counterSamples: ['mount helper [mount.fuse3 [overlay /run/containerd/t/rootfs -t fuse-overlayfs]] failed with ECHILD (retried 10 times)'],
  }),
  sig({
    id: 'snapshotter.overlay-backing-fs',
    cause: 'runtime.unavailable',
    // dockerd's overlay drivers refuse an xfs formatted with ftype=0 (no d_type) and the kernel refuses to stack overlay
    // more than two levels deep (overlay on overlay on overlay: Docker in Docker in a container): no layer mounts there.
    re: /backing xfs filesystem is formatted without d_type support|overlayfs: maximum fs stacking depth exceeded/,
    anchors: ['formatted without d_type support', 'maximum fs stacking depth exceeded'],
    confidence: 0.9,
    specificity: 95,
    check: 'on the node: xfs_info on the filesystem under /var/lib/docker or /var/lib/containerd (ftype=1 is needed; ftype=0 means a reformat or another disk), and findmnt -T on it (an overlay root under a nested runtime needs a volume of its own for the runtime\'s data)',
    source: 'moby daemon/graphdriver/overlay2 ("the backing xfs filesystem is formatted without d_type support"), kernel overlayfs super.c ("maximum fs stacking depth exceeded")',
    samples: [
      'Error starting daemon: error initializing graphdriver: overlay2: the backing xfs filesystem is formatted without d_type support, which leads to incorrect behavior.',
      'WARN[0000] overlay: the backing xfs filesystem is formatted without d_type support, which leads to incorrect behavior. Reformat the filesystem with ftype=1 to enable d_type support.',
      '[ 4410.003312] overlayfs: maximum fs stacking depth exceeded',
    ],
    counterSamples: ['level=info msg="[graphdriver] using prior storage driver: overlay2"'],
  }),
  sig({
    id: 'snapshotter.graphdriver-prior-failed',
    cause: 'runtime.unavailable',
    // dockerd found data of a storage driver under its root and could not start that driver again (its pool gone, its
    // filesystem changed): the daemon does not come up. A reading of the reason itself outranks this one.
    re: /\[graphdriver\] prior storage driver \\?"?[\w-]+\\?"? failed: (?![^\n]{0,200}no space left)/,
    anchors: ['prior storage driver'],
    confidence: 0.8,
    specificity: 80,
    check: 'journalctl -u docker: the driver it names and why it failed (a devicemapper loop file or pool missing, a filesystem that changed); keep that driver\'s prerequisites or move its data away and pick one storage driver in /etc/docker/daemon.json',
    source: 'moby daemon/graphdriver driver.go ("[graphdriver] prior storage driver %s failed: %s")',
    samples: [
      'level=error msg="[graphdriver] prior storage driver devicemapper failed: devmapper: Unable to find loopback mount for: /var/lib/docker/devicemapper/devicemapper/data"',
      'ERRO[0000] [graphdriver] prior storage driver "btrfs" failed: prerequisites for driver not satisfied (wrong filesystem?)',
    ],
    counterSamples: ['level=info msg="[graphdriver] using prior storage driver: overlay2"'],
  }),
  sig({
    id: 'snapshotter.devmapper-setup',
    cause: 'runtime.unavailable',
    // containerd's devmapper snapshotter needs its pool, root_path and base_image_size configured and the dmsetup tool
    // on the PATH: without them the plugin does not load and every pull or pod that asks for it fails.
    re: /invalid devmapper configuration|msg=\\?"?dmsetup not available|blkdiscard is not available/,
    anchors: ['invalid devmapper configuration', 'dmsetup not available', 'blkdiscard is not available'],
    confidence: 0.8,
    specificity: 94,
    check: 'containerd config dump | grep -A8 devmapper (pool_name, root_path, base_image_size must be set), dmsetup ls on the node (the pool must exist after every boot: a pool on loop devices needs its set-up rerun), and command -v dmsetup for containerd\'s PATH',
    source: 'containerd plugins/snapshots/devmapper (plugin.go "invalid devmapper configuration", config.go "pool_name is required", pool_device.go "dmsetup not available")',
    samples: [
      'level=warning msg="failed to load plugin" error="invalid devmapper configuration: pool_name is required" id=io.containerd.snapshotter.v1.devmapper',
      'containerd[812]: time="2026-12-01T10:14:07Z" level=error msg="dmsetup not available"',
    ],
    counterSamples: ['level=info msg="skip loading plugin" error="devmapper not configured: skip plugin" id=io.containerd.snapshotter.v1.devmapper'],
  }),
  sig({
    id: 'snapshotter.thin-pool-full',
    cause: 'image.disk-full',
    // The kernel's dm-thin target reports its pool out of data or metadata space (containerd's devmapper snapshotter,
    // Docker's devicemapper, LVM thin pools), and a ZFS pool refuses a new dataset for lack of space: layers stop
    // unpacking and containers stop starting until the pool grows or images go.
    re: /device-mapper: thin: \S+ (switching pool to out-of-(data|metadata)-space|reached low water mark for (data|metadata) device|no free (data|metadata) space available)|cannot create '[^'\n]{1,200}': out of space/,
    anchors: ['device-mapper: thin:', "': out of space"],
    confidence: 0.85,
    specificity: 95,
    check: 'on the node: dmsetup status of the pool (used/total data and metadata blocks) or lvs -a (Data% and Meta%), zpool list for ZFS; grow the pool (lvextend of data or metadata) or remove images (crictl rmi --prune)',
    source: 'Linux dm-thin ("switching pool to out-of-data-space", "no free metadata space available", "reached low water mark"), ZFS ("cannot create %s: out of space")',
    samples: [
      '[82219.001203] device-mapper: thin: 253:2: switching pool to out-of-data-space (queue IO) mode',
      'kernel: device-mapper: thin: 253:2: no free metadata space available.',
      'failed to prepare extraction snapshot "extract-9 sha256:cc24": cannot create \'tank/containerd/42\': out of space',
    ],
    counterSamples: ['device-mapper: thin: Deletion of thin device 12 failed.', "cannot create 'tank/containerd/42': dataset already exists"],
  }),
  sig({
    id: 'snapshotter.thin-device-init-failed',
    cause: 'image.disk-full',
    // containerd's devmapper snapshotter formats each new thin device and logs the pool's status when that fails: a
    // pool out of space (its I/O queued, then errored) is the usual reason, a missing mkfs tool the other.
    re: /failed to initialize thin device \\?"[^"\n\\]{1,120}\\?" for snapshot/,
    anchors: ['failed to initialize thin device'],
    confidence: 0.6,
    specificity: 93,
    alternatives: ['runtime.unavailable'],
    check: 'the pool status in the same line (used/total data blocks after "thin-pool"), or dmsetup status on the node: a full pool needs growing or images removed; "executable file not found" means the mkfs tool for the configured fs_type is missing',
    source: 'containerd plugins/snapshots/devmapper snapshotter.go ("failed to initialize thin device %q for snapshot %s pool status %s")',
    samples: [
      'level=error msg="failed to initialize thin device \\"containerd-snap-118\\" for snapshot 118 pool status 0 8388608 thin-pool 1 1421/524288 2097152/2097152 - rw" error="mkfs.ext4 couldn\'t initialize: exit status 1"',
      'level=error msg="failed to initialize thin device \\"snap-7\\" for snapshot 7 pool status unavailable"',
    ],
    counterSamples: ['level=debug msg="creating file system of type: ext4 for thin device \\"snap-7\\""'],
  }),
  sig({
    id: 'snapshotter.not-loaded-graphdriver-name',
    cause: 'unknown',
    // A containerd client asking for a snapshotter under a Docker graph driver's name (overlay2, devicemapper, vfs):
    // containerd has no snapshotter of that name, so the ask is a client's or a config's mistake more often than a
    // node's, and which one only the setup tells.
    re: /snapshotter not loaded: (overlay2|devicemapper|vfs|aufs)\b/,
    anchors: ['snapshotter not loaded: overlay2', 'snapshotter not loaded: devicemapper', 'snapshotter not loaded: vfs', 'snapshotter not loaded: aufs'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['runtime.unavailable'],
    check: 'which client asked: a Docker graph driver name is not a containerd snapshotter (ctr plugins ls | grep snapshotter lists the names: overlayfs, native, …); fix the --snapshotter flag, the image store setting or the runtime config that names it',
    source: 'containerd plugins/services/snapshots service.go ("snapshotter not loaded: %s")',
    samples: [
      'docker: failed to stat snapshot sha256:4c67e4044f8c: snapshotter not loaded: overlay2: invalid argument.',
      'ctr: snapshotter not loaded: devicemapper: invalid argument',
    ],
    counterSamples: ['ctr: snapshotter not loaded: zfs: invalid argument'],
  }),
  sig({
    id: 'snapshotter.nydusd-backend-timeout',
    cause: 'registry.connect-timeout',
    // nydusd fetches an image's chunks lazily from the registry while the container runs: its backend's request
    // timing out is the registry unreachable in time from the node, as for a pull.
    re: /Read from backend failed: Registry\([^\n]{0,400}?(operation timed out|timed out|deadline has elapsed)/,
    anchors: ['read from backend failed'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['registry.proxy', 'flannel.mtu'],
    check: 'from the node: curl -v https://<registry>/v2/ (DNS, route, firewall, proxy); nydusd\'s backend config (the registry host, its proxy and timeouts) in its daemon JSON',
    source: 'nydus storage/src/backend (registry backend "Read from backend failed")',
    samples: [
      'nydusd[3220]: WARN [storage/src/backend/mod.rs:86] Read from backend failed: Registry(Request(Common("error sending request for url (https://harbor.corp.example/v2/a/blobs/sha256:8a1e): operation timed out")))',
      'ERROR [storage/src/backend/registry.rs:541] Read from backend failed: Registry(Common("network error: timed out"))',
    ],
    counterSamples: ['WARN [storage/src/backend/mod.rs:86] Read from backend failed: Registry(Request(ErrorWithMsg("<!doctype html>")))'],
  }),
];
