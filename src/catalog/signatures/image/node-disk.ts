import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The node's disk as the kubelet reports it: its image garbage collector giving up, the eviction manager's disk
 * thresholds, the old OutOfDisk condition; and the texts beside them that do not say the disk is full (the kubelet
 * without image stats, its eviction or GC thresholds refused at start, etcd's own data directory).
 */
export const NODE_DISK_SIGNATURES: Signature[] = [
  sig({
    id: 'image.gc-insufficient-free-space',
    cause: 'image.disk-full',
    // The kubelet's image GC (1.33+ wording): over imageGCHighThresholdPercent and deleting every unused image did not
    // get it under the low threshold — the image filesystem is full of what it cannot delete.
    re: /insufficient free disk space on the node'?s image filesystem|failed to free sufficient space by deleting unused images/,
    anchors: ['insufficient free disk space', 'failed to free sufficient space'],
    confidence: 0.9,
    specificity: 95,
    check: 'df -h and df -i on the image filesystem (/var/lib/containerd or /var/lib/docker) and du -sh /var/log /var/lib/kubelet/pods on the node: in-use images, logs or emptyDir volumes hold the space the collector cannot free',
    source: 'kubelet pkg/kubelet/images/image_gc_manager.go:GarbageCollect ("Insufficient free disk space on the node\'s image filesystem (%d%% of %s used). Failed to free sufficient space by deleting unused images (freed %d bytes).")',
    samples: [
      "Insufficient free disk space on the node's image filesystem (92% of 49.1 GiB used). Failed to free sufficient space by deleting unused images (freed 0 bytes). Investigate disk usage, as it could be used by active images, logs, volumes, or other data.",
      "4m12s       Warning   FreeDiskSpaceFailed   node/worker-03   Insufficient free disk space on the node's image filesystem (100% of 19.5 GiB used). Failed to free sufficient space by deleting unused images (freed 52428800 bytes).",
    ],
    counterSamples: ['Disk usage on image filesystem is over the high threshold, trying to free bytes down to the low threshold', 'insufficient free space in the volume group'],
  }),
  sig({
    id: 'image.eviction-threshold-crossed',
    cause: 'image.disk-full',
    // The eviction manager's debug lines list only thresholds that are crossed (met, past their grace period, or
    // not yet reclaimed): a disk signal there is the node's filesystem below its evictionHard/evictionSoft floor.
    re: /thresholds( after resource reclaim)? - (ignoring grace period|reclaim not satisfied|grace periods satisfied|updated stats)[^\n]{0,400}\bsignal\\?"?\s*[=:]\s*\\?"?(nodefs|imagefs|containerfs)\.(available|inodesfree)/,
    anchors: ['thresholds - ', 'thresholds after resource reclaim'],
    confidence: 0.85,
    specificity: 94,
    check: 'df -h and df -i on the kubelet root (/var/lib/kubelet) and the runtime root (/var/lib/containerd): the signal named (nodefs, imagefs; available or inodesFree) is the one below its threshold',
    source: 'kubelet pkg/kubelet/eviction/eviction_manager.go:synchronize (debugLogThresholdsWithObservation "thresholds - ignoring grace period" and the like)',
    samples: [
      'W1206 07:45:31.918812    2211 eviction_manager.go:347] "Eviction manager: thresholds - ignoring grace period" threshold={"Signal":"nodefs.inodesFree","Operator":"LessThan","Value":{"Quantity":null,"Percentage":0.05},"GracePeriod":0,"MinReclaim":null} observed=48211',
      'I1206 07:45:31.918812    2211 helpers.go:993] "Eviction manager: threshold observed resource" log="thresholds - grace periods satisfied" signal="imagefs.available" resourceName="ephemeral-storage" quantity="3006477107" available="2811844Ki"',
    ],
    counterSamples: [
      'I1206 07:00:00.000000    2211 container_manager_linux.go:305] "Creating Container Manager object based on Node Config" nodeConfig={"HardEvictionThresholds":[{"Signal":"nodefs.available","Operator":"LessThan","Value":{"Quantity":null,"Percentage":0.1}}]}',
      'I1206 07:45:31.918812    2211 helpers.go:993] "Eviction manager: threshold observed resource" log="thresholds - grace periods satisfied" signal="memory.available" resourceName="memory"',
    ],
  }),
  sig({
    id: 'image.node-out-of-disk',
    cause: 'image.disk-full',
    // Kubelets before 1.12 set the OutOfDisk condition when the root or image filesystem fell below its minimum; the
    // condition Unknown ("Kubelet stopped posting node status") is a kubelet gone, not a full disk.
    re: /\bnodeoutofdisk\b|\bkubeletoutofdisk\b|\boutofdisk\s+true\b|type: outofdisk, status: true/,
    anchors: ['outofdisk'],
    confidence: 0.85,
    specificity: 93,
    check: 'df -h and df -i on the node\'s root and image filesystems (/var/lib/docker, /var/lib/kubelet)',
    source: 'kubelet (before 1.12) nodestatus OutOfDisk condition ("KubeletOutOfDisk", event NodeOutOfDisk)',
    samples: ['Warning  OutOfDisk  2m  kubelet, k8s-node-07  Node k8s-node-07 status is now: NodeOutOfDisk', 'Node e2e-gce-minion-vpkp condition 2/2: type: OutOfDisk, status: True, reason: "KubeletOutOfDisk", message: "out of disk space"'],
    counterSamples: ['  OutOfDisk     Unknown   Sun, 23 Apr 2017 07:47:26 +0300   Sun, 23 Apr 2017 07:48:07 +0300   NodeStatusUnknown   Kubelet stopped posting node status.', '  OutOfDisk        False   Mon, 02 Jan 2017 10:00:00 +0000   KubeletHasSufficientDisk   kubelet has sufficient disk space available'],
  }),
  sig({
    id: 'kubelet.image-stats-unavailable',
    cause: 'unknown',
    // Image GC stops when the kubelet gets no image-filesystem numbers from the runtime (no filesystem reported, a
    // CRI call that timed out): nothing is known about the disk. A refused or missing socket keeps its own answer.
    recordOnly: true,
    re: /imagefs information is unavailable|failed to get image stats: (?![^\n]{0,300}(connection refused|no such file or directory|error while dialing))/,
    anchors: ['imagefs information is unavailable', 'failed to get image stats'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['runtime.unavailable', 'image.disk-full'],
    check: 'crictl imagefsinfo on the node (it must list the image filesystem, answering promptly) and df -h on that filesystem: room left there means the runtime\'s stats, not the disk',
    source: 'kubelet pkg/kubelet/stats cri_stats_provider.go:ImageFsStats ("imageFs information is unavailable"), cadvisor_stats_provider.go:ImageFsStats ("failed to get image stats: %v")',
    samples: [
      'E1206 04:12:09.331280    1422 kubelet.go:1721] "Image garbage collection failed multiple times in a row" err="imageFs information is unavailable"',
      'Warning  ImageGCFailed  4m  kubelet  failed to get image stats: rpc error: code = DeadlineExceeded desc = context deadline exceeded',
    ],
    counterSamples: ['"Image garbage collection failed multiple times in a row" err="failed to get image stats: rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: connection refused\\""'],
  }),
  sig({
    id: 'kubelet.eviction-config-invalid',
    cause: 'node.not-ready',
    // The kubelet parses evictionHard/evictionSoft and the image GC thresholds at start and exits on a bad one: the
    // node has no kubelet; the disk is not the problem.
    re: /unsupported eviction signal \S+|eviction percentage (threshold|minimum reclaim) \S+ must be|invalid eviction grace period specified|eviction threshold \S+ must be positive|grace period must be specified for the soft eviction threshold|negative eviction minimum reclaim specified|invalid (high|low)thresholdpercent -?\d+, must be in range|lowthresholdpercent \d+ can not be higher than highthresholdpercent/,
    anchors: ['eviction signal', 'eviction percentage', 'eviction grace period', 'eviction threshold', 'soft eviction threshold', 'eviction minimum reclaim', 'thresholdpercent'],
    confidence: 0.85,
    specificity: 93,
    check: 'evictionHard, evictionSoft, evictionSoftGracePeriod, evictionMinimumReclaim and imageGC*ThresholdPercent in /var/lib/kubelet/config.yaml (or the --eviction-* flags): signal names such as nodefs.available, percentages 0–100, positive quantities',
    source: 'kubelet pkg/kubelet/eviction/helpers.go:ParseThresholdConfig, pkg/kubelet/images/image_gc_manager.go:NewImageGCManager',
    samples: [
      'Dec 06 06:00:03 worker-03 kubelet[3301]: E1206 06:00:03.000101    3301 run.go:72] "command failed" err="failed to run Kubelet: unsupported eviction signal imagefs.avail"',
      'failed to run Kubelet: failed to create kubelet: LowThresholdPercent 90 can not be higher than HighThresholdPercent 85',
    ],
    counterSamples: ['"Eviction manager: no observation found for eviction signal" signal="allocatableMemory.available"'],
  }),
  sig({
    id: 'etcd.no-space',
    cause: 'unknown',
    // etcd writing its WAL or snapshot on a full disk: the control plane's data directory, not the image store; the
    // API server fails next. A record beside the failure: another record's cause speaks for a paste.
    recordOnly: true,
    re: /(\/var\/lib\/etcd\/|\betcdserver\b|"caller":"(wal|snap|mvcc|backend)\/)[^\n]{0,400}no space left on device/,
    anchors: ['/var/lib/etcd/', 'etcdserver', '"caller":"wal/', '"caller":"snap/', '"caller":"mvcc/', '"caller":"backend/'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['image.disk-full'],
    check: 'df -h and df -i /var/lib/etcd on the control-plane node (and etcdctl endpoint status for the db size): a full disk there stops etcd whatever the images',
    source: 'etcd server (WAL and snapshot writes: ENOSPC)',
    samples: [
      '{"level":"warn","ts":"2026-12-06T06:20:11.118Z","caller":"etcdserver/server.go:1201","msg":"failed to write snapshot","error":"write /var/lib/etcd/member/snap/db: no space left on device"}',
      '{"level":"fatal","caller":"wal/wal.go:512","msg":"failed to sync","error":"write /var/lib/etcd/member/wal/0.tmp: no space left on device"}',
    ],
    counterSamples: ['write /var/lib/containerd/io.containerd.content.v1.content/ingest/abc/data: no space left on device'],
  }),
  sig({
    id: 'image.minikube-engine-out-of-disk',
    cause: 'image.disk-full',
    // minikube refuses to start when the container engine that hosts its node has /var full (the Docker Desktop or
    // Podman machine's disk): every image load and pull into that node fails. Not Tilt's hedge ("Maybe Docker is out
    // of disk space?"), which is a guess about an engine that did not answer.
    re: /(docker|podman) is out of disk space! \(\/var is at \d+% of capacity\)|exiting due to rsrc_(docker|podman)_storage\b/,
    anchors: ['is out of disk space!', 'rsrc_docker_storage', 'rsrc_podman_storage'],
    confidence: 0.85,
    specificity: 93,
    check: 'docker system df (or podman system df) where the engine runs, and its VM disk size (Docker Desktop: Resources, Disk image size): prune images, volumes and build cache, or grow the disk',
    source: 'minikube start reason RSRC_DOCKER_STORAGE / RSRC_PODMAN_STORAGE ("Docker is out of disk space! (/var is at %d%% of capacity)")',
    samples: ["❌  Exiting due to RSRC_DOCKER_STORAGE: Docker is out of disk space! (/var is at 100% of capacity). You can pass '--force' to skip this check.", 'X Exiting due to RSRC_PODMAN_STORAGE: Podman is out of disk space! (/var is at 97% of capacity)'],
    counterSamples: ['Build Failed: getDigestFromBuildOutput: Docker is not responding. Maybe Docker is out of disk space? Try running `docker system prune`'],
  }),
  sig({
    id: 'image.ostree-min-free-space',
    cause: 'image.disk-full',
    // ostree (rpm-ostree, bootc, Fedora CoreOS's zincati, container-image imports into an ostree repo) refuses to
    // write below the repo's reserved free space: the node's filesystem under /sysroot is full for its purposes.
    re: /min-free-space-(percent|size) '[^'\n]{1,20}' would be exceeded/,
    anchors: ['min-free-space-'],
    confidence: 0.9,
    specificity: 93,
    check: 'df -h /sysroot /var on the node, and what fills it (old deployments: rpm-ostree cleanup -r; container storage under /var/lib/containers or /var/lib/containerd); the reserve itself is the repo\'s core.min-free-space-percent',
    source: 'ostree repo commit path ("min-free-space-percent \'%u%%\' would be exceeded, at least %s requested"; "min-free-space-size")',
    samples: [
      "Feb 03 21:06:06 worker-3 zincati[1096]: error: While pulling cad8008839: Writing content object: min-free-space-percent '3%' would be exceeded, at least 16.4 kB requested",
      "error: Importing: Unencapsulating base: Writing content object: min-free-space-size '500MB' would be exceeded, at least 20,5 KB requested",
    ],
    counterSamples: ['[core]\nrepo_version=1\nmode=bare\nmin-free-space-percent=3'],
  }),
];
