import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** Limits on a pull: registry rate limits, a full image store, a registry that fails the pull (facts §4.8, §8). */
export const LIMIT_SIGNATURES: Signature[] = [
  sig({
    id: 'image.install-blocked-free-space',
    cause: 'image.disk-full',
    // Home Assistant's Supervisor refuses to pull an add-on image below its free-space floor on the data disk.
    re: /blocked from execution, not enough free space/,
    anchors: ['not enough free space'],
    confidence: 0.85,
    specificity: 90,
    check: 'df -h on the data partition the engine stores images on (/var/lib/docker, or the appliance\'s data disk): prune unused images (docker image prune -a) or grow the disk',
    source: 'home-assistant/supervisor JobCondition FREE_SPACE ("blocked from execution, not enough free space")',
    samples: ["'AddonManager.install' blocked from execution, not enough free space (0.5GB) left on the device", "'Addon.update' blocked from execution, not enough free space (1.2GB) left on the device"],
    counterSamples: ['not enough free space to run the query'],
  }),
  sig({
    id: 'image.registry-plan-repository-limit',
    cause: 'unknown',
    // A hosted registry's plan caps the number of repositories (DigitalOcean's starter tier holds one): a push of a
    // second is refused with "denied", which is the account's plan, not its credentials.
    re: /registry contains \d+ repositor(y|ies), limit is \d+/,
    anchors: ['registry contains'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['image.auth-rejected'],
    check: 'the registry\'s plan and the repositories it holds (doctl registry repository list-v2): delete one or move to a plan with more repositories; the credentials are fine',
    source: 'DigitalOcean Container Registry subscription tier limit on push',
    samples: ['denied: registry contains 1 repositories, limit is 1', 'failed to push registry.digitalocean.com/team/web:1.0: denied: registry contains 5 repositories, limit is 5'],
    counterSamples: ['denied: requested access to the resource is denied'],
  }),
  sig({
    id: 'image.ecr-token-throttled',
    cause: 'image.rate-limited',
    // The kubelet's ECR provider asks the ECR API for a token per pull burst; the API throttles it like any AWS call.
    re: /(ecr authorization token|getauthorizationtoken)[^\n]{0,200}(throttlingexception|rate exceeded|toomanyrequests)/,
    anchors: ['ecr authorization token', 'getauthorizationtoken'],
    confidence: 0.85,
    specificity: 96,
    check: 'the AWS API rate for GetAuthorizationToken in that account and region (CloudTrail ThrottlingException): many nodes pulling at once each ask for a token; the ECR credential provider caches tokens for 12 h when its cache is enabled',
    source: 'kubelet ECR credential provider (aws_credentials.go: "while requesting ECR authorization token"), AWS API throttling',
    samples: ['aws_credentials.go:199] while requesting ECR authorization token ThrottlingException: Rate exceeded', 'error getting credentials - err: exit status 1, out: `operation error ECR: GetAuthorizationToken, https response error StatusCode: 400, api error ThrottlingException: Rate exceeded`'],
    counterSamples: ['aws_credentials.go:194] while requesting ECR authorization token RequestError: send request failed caused by: Post https://api.ecr.us-east-1.amazonaws.com/: dial tcp i/o timeout'],
  }),
  sig({
    id: 'image.aws-throttled-during-pull',
    cause: 'image.rate-limited',
    // An AWS API (ECR's token or image calls) throttling the agent that pulls — the ECS agent, a CI runner, a
    // credential helper — worded by the AWS SDK alone, with the pull only in the surrounding log.
    re: /\bpull(ing)?\b[^\n]{0,600}throttlingexception|throttlingexception[^\n]{0,300}\bpull(ing)?\b/,
    anchors: ['throttlingexception'],
    confidence: 0.75,
    specificity: 90,
    check: 'CloudTrail for ThrottlingException on ecr.amazonaws.com in that account and region (GetAuthorizationToken, BatchGetImage): many tasks or nodes starting at once each ask; stagger them, cache the token, or pull through a cache',
    source: 'AWS SDK error code ThrottlingException ("Rate exceeded") on the ECR API; ECS agent TaskEngine ("Error while pulling container")',
    samples: [
      '[INFO] Error while pulling container; will try to run anyways module="TaskEngine" err="ThrottlingException: Rate exceeded"',
      'CannotPullContainerError: pull image manifest has been retried 5 time(s): ThrottlingException: Rate exceeded',
    ],
    counterSamples: ['ThrottlingException: Rate exceeded status code: 400 (DescribeInstances)'],
  }),
  sig({
    id: 'image.rate-limit-retry-after',
    cause: 'image.rate-limited',
    // oras and other clients log the registry's Retry-After with the quota it was told ("allowed: N/minute").
    re: /retry-after:?[^\n]{0,80}allowed: \d+\s*\/\s*(second|minute|hour|day)/,
    anchors: ['retry-after'],
    confidence: 0.85,
    specificity: 90,
    check: 'the registry\'s quota for this client (anonymous pulls share one per source IP): log in, spread pulls over time, or pull through a mirror or cache',
    source: 'HTTP 429 Retry-After as registry clients report it (oras)',
    samples: ['ERROR: oras.logger:retry-after: 1.889377ms, allowed: 2000/minute', 'WARN retry-after: 30s, allowed: 100/hour'],
    counterSamples: ['retry after 5s'],
  }),
  sig({
    id: 'image.docker-hub-ratelimit-header-zero',
    cause: 'image.rate-limited',
    // Docker Hub's manifest responses carry the pull quota of the caller (its account, or its source IP when
    // anonymous): ratelimit-remaining 0 in the window w (seconds) means the next pull of a manifest is refused with
    // 429 until the window moves on, whatever the HEAD request that printed it returned.
    re: /\bratelimit-remaining: 0;w=\d+/,
    anchors: ['ratelimit-remaining: 0;w='],
    confidence: 0.75,
    specificity: 91,
    check: 'which quota is spent: docker-ratelimit-source beside it is the IP or account counted — log the node in (an authenticated account has its own quota), or pull through a mirror or cache; the window w is in seconds',
    source: 'Docker Hub rate-limit headers (ratelimit-limit, ratelimit-remaining "<n>;w=<seconds>", docker-ratelimit-source) on registry-1.docker.io manifest responses',
    samples: [
      'ratelimit-limit: 100;w=21600\nratelimit-remaining: 0;w=21600\ndocker-ratelimit-source: 203.0.113.40',
      '< RateLimit-Limit: 200;w=21600\n< RateLimit-Remaining: 0;w=21600',
    ],
    counterSamples: ['ratelimit-remaining: 76;w=21600'],
  }),
  sig({
    id: 'image.gc-over-high-threshold',
    cause: 'image.disk-full',
    // The kubelet's image garbage collector: the image filesystem crossed imageGCHighThresholdPercent.
    re: /disk usage on [^\n]{0,120}is at \d+% which is over the high threshold/,
    anchors: ['over the high threshold'],
    confidence: 0.8,
    specificity: 90,
    check: 'df -h on the runtime\'s image filesystem (/var/lib/containerd or /var/lib/docker): if the collector cannot get under imageGCLowThresholdPercent (images in use), the disk needs room or the node more disk',
    source: 'kubelet image garbage collection (pkg/kubelet/images/image_gc_manager.go)',
    samples: [
      'I0906 10:35:35.058102 5345 image_gc_manager.go:300] [imageGCManager]: Disk usage on image filesystem is at 85% which is over the high threshold (85%). Trying to free 5487241625 bytes down to the low threshold (80%).',
      'Disk usage on "/dev/xvdf" (/vol/docker) is at 94% which is over the high threshold (90%). Trying to free 14006699622 bytes',
    ],
    counterSamples: ['imageGCHighThresholdPercent: 85'],
  }),
  sig({
    id: 'image.rate-limit',
    cause: 'image.rate-limited',
    // The registry's own error code (TOOMANYREQUESTS) and Docker Hub's pull-limit text name the cause; a bare
    // HTTP 429 does so only next to a registry request (the API server, webhooks and apps answer 429 too).
    re: /toomanyrequests:|(error response from daemon|fetching blob|reading manifest [^\s:]+ in [^\s:]+|pinging container registry [^\s:]+): toomanyrequests\b|pull rate limit|(:\/\/[^\/\s"\\]+\/v2\/|registry|pull|manifests?\b|blobs?\/)[^\n]{0,600}(too many requests|rate limit exceeded|\b(?:status|code)[ :=]+429\b|: 429\b)/,
    anchors: ['toomanyrequests', 'too many requests', 'rate limit', '429'],
    confidence: 0.95,
    specificity: 92,
    source: 'facts §8 TOOMANYREQUESTS, Docker Hub pull limit text',
    samples: [
      'failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/redis/manifests/sha256:4f1b: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limits',
      'Error response from daemon: toomanyrequests: Rate exceeded',
      'unexpected status from HEAD request to https://registry-1.docker.io/v2/library/busybox/manifests/1.36: 429 Too Many Requests',
    ],
    counterSamples: ['Pulled image "busybox:1.36" in 429ms', 'I1127 00:01:26.519429 1 event.go:307] container 9f1c4e4bbdd1429 namespace=k8s.io started', 'Error from server (TooManyRequests): the server has received too many requests and has asked us to try again later'],
  }),
  sig({
    id: 'image.rate-limit-bare',
    cause: 'image.rate-limited',
    // Not etcd's own overload ("etcdserver: too many requests", its apply lagging its commits): no registry there.
    re: /(?<!etcdserver: )too many requests|rate limit exceeded|\b(?:status|code)[ :=]+429\b/,
    anchors: ['too many requests', 'rate limit', '429'],
    confidence: 0.6,
    specificity: 91,
    check: 'who answered 429? a registry (an image pull, its /v2/ URL) limits pulls per IP or account — authenticate or use a mirror; the API server answers TooManyRequests under its own API priority and fairness limits, and webhooks or applications under theirs, none of which a pull fix touches',
    source: 'HTTP 429 Too Many Requests (RFC 6585), as registries and other servers send it',
    samples: ['failed to copy: httpReadSeeker: failed open: unexpected status code https://reg.example/v2/app/blobs/sha256:ab: 429 Too Many Requests', 'error: status 429'],
    counterSamples: ['Failed to create SubnetManager: etcdserver: too many requests', 'Pulled image "busybox:1.36" in 429ms'],
  }),
  sig({
    id: 'image.devmapper-thin-pool-full',
    cause: 'image.disk-full',
    // Docker's devicemapper storage keeps images and containers in an LVM thin pool; below dm.min_free_space it
    // refuses to create more: the image store is full though the filesystem may not be.
    re: /thin pool has \d+ free (data|metadata) blocks which is less than minimum required/,
    anchors: ['thin pool has'],
    confidence: 0.9,
    specificity: 93,
    check: 'lvs (Data% and Meta% of the docker thin pool) and docker system df: remove unused images and containers (docker system prune), extend the pool (lvextend), or move to overlay2',
    source: 'dockerd devicemapper driver (dm.min_free_space check)',
    samples: ['devmapper: Thin Pool has 0 free data blocks which is less than minimum required 20253 free data blocks. Create more free space in thin pool or use dm.min_free_space option to change behavior', 'Thin Pool has 161021 free data blocks which is less than minimum required 163840 free data blocks'],
    counterSamples: ['devmapper: Thin Pool has 9000000 free data blocks'],
  }),
  sig({
    id: 'image.eviction-signal',
    cause: 'image.disk-full',
    // kubelet eviction manager: a disk signal crossed its threshold (nodefs = kubelet root, imagefs = runtime image store).
    re: /attempting to reclaim\\?"? resourcename=\\?"?(ephemeral-storage|nodefs|imagefs)|must evict pod\(s\) to reclaim\\?"?( resourcename=\\?"?)?(ephemeral-storage|nodefs|imagefs)|signal=(nodefs|imagefs)\.(available|inodesfree)|low on resource: (nodefs|imagefs|inodes|ephemeral-storage)\b|attempting to reduce (nodefs|imagefs) pressure/,
    anchors: ['to reclaim', 'signal=nodefs', 'signal=imagefs', 'low on resource: nodefs', 'low on resource: imagefs', 'low on resource: inodes', 'low on resource: ephemeral-storage', 'to reduce nodefs pressure', 'to reduce imagefs pressure'],
    confidence: 0.9,
    specificity: 94,
    check: 'df -h and df -i on the kubelet root (/var/lib/kubelet) and the runtime root (/var/lib/containerd): which one crossed evictionHard (nodefs.available, imagefs.available, *.inodesFree)',
    source: 'kubelet eviction manager (pkg/kubelet/eviction): disk signals nodefs/imagefs',
    samples: [
      'I0901 10:00:00.000000 1203 eviction_manager.go:366] "Eviction manager: attempting to reclaim" resourceName="ephemeral-storage"',
      'W0901 10:00:01.000000 1203 eviction_manager.go:347] "Eviction manager: thresholds - ignoring grace period" threshold={"Signal":"imagefs.available"} signal=imagefs.available observed=1.1Gi',
      // Older kubelets: the image garbage collection the eviction manager ran to free the disk.
      'E0901 10:00:02.000000 1203 eviction_manager.go:390] eviction manager: unexpected error when attempting to reduce imagefs pressure: wanted to free 9223372036854775807, but freed 0 space with errors in image deletion',
    ],
    counterSamples: ['evictionHard:\n  nodefs.available: "10%"'],
  }),
  sig({
    id: 'image.overlay-enospc',
    cause: 'image.disk-full',
    // overlayfs failing to create its work directory with ENOSPC (errno 28) under the runtime's snapshotter: the
    // image filesystem is full, and the overlay is mounted read-only or not at all.
    re: /overlayfs: [^\n]{0,300}\(errno: 28\)/,
    anchors: ['overlayfs:'],
    confidence: 0.85,
    specificity: 90,
    check: 'df -h and df -i /var/lib/containerd (or /var/lib/docker) on the node: free space (crictl rmi --prune, image GC thresholds) or grow the filesystem',
    source: 'Linux overlayfs ("failed to create directory %s (errno: %i); mounting read-only")',
    samples: ['[ 5501.331020] overlayfs: failed to create directory /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/1823/work/work (errno: 28); mounting read-only', 'overlayfs: failed to create directory /var/lib/docker/overlay2/ab12/work/work (errno: 28); mounting read-only'],
    counterSamples: ['overlayfs: upper fs does not support tmpfile.'],
  }),
  sig({
    id: 'kubelet.imagefs-stats-missing',
    cause: 'unknown',
    // ImageGCFailed or InvalidDiskCapacity because the kubelet got no numbers for the image filesystem (the runtime's
    // ImageFsInfo empty, cAdvisor without the runtime's storage label): nothing says the disk is full.
    re: /invalid capacity 0 on image filesystem|invalid capacity 0 on device \\?\"[^\"\n]*\\?\" at mount point|failed to get imagefs info|non-existent label \\?"[\w-]+\\?"|(could not|unable to|failed to) find (the )?(image )?filesystem (stats|info)/,
    anchors: ['invalid capacity 0', 'imagefs info', 'non-existent label', 'filesystem stats', 'filesystem info'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['runtime.unavailable', 'image.disk-full', 'node.not-ready'],
    check: 'crictl imagefsinfo on the node (the runtime must report its image filesystem) and df -h on that filesystem: numbers with room left mean the runtime or the kubelet\'s stats, not the disk',
    source: 'kubelet image GC (pkg/kubelet/images/image_gc_manager.go: "invalid capacity %d on image filesystem") and its stats provider',
    samples: [
      'Warning  ImageGCFailed  3m  kubelet  invalid capacity 0 on image filesystem',
      'Warning  ImageGCFailed  8m (x3 over 18m)  kubelet  failed to get imageFs info: non-existent label "docker-images"',
      'Warning   ImageGCFailed   {kubelet node-2}   invalid capacity 0 on device "" at mount point ""',
    ],
    counterSamples: ['Warning  ImageGCFailed  3m  kubelet  failed to garbage collect required amount of images. Attempted to free 4213245132 bytes, but only found 0 bytes eligible to free.'],
  }),
  sig({
    id: 'image.no-space',
    cause: 'image.disk-full',
    // ENOSPC names this cause when the runtime or the kubelet wrote it (a layer, a snapshot, their directories);
    // an application's own "No space left on device" is its volume (image.no-space-bare answers that lower).
    // Not ENOSPC at a container's start (runc's init making a mount point in the rootfs, "container init
    // caused"): that rootfs is whatever the snapshotter mounted (overlay on the image filesystem, or a remote
    // or read-only one), and an inode table can be full with bytes to spare — image.no-space-init answers it lower.
    // Nor ENOSPC on a path under /run: that is a tmpfs sized from memory, not the disk images live on.
    // Nor the DiskPressure condition's name beside a False or Unknown status, whichever way it is printed (describe's
    // table, -o yaml or -o json with the status before or after the type, the node lifecycle controller's log of
    // every condition of a node that stopped posting): every node lists that condition, pressed or not.
    re: /^(?![\s\S]*(inotify|container init caused|mkdir \/sys\/fs\/cgroup\/|response completed with error|memfd:|\s\/(var\/)?run\/[^\s:]*:( bind:)? no space left on device))[\s\S]*(layer|unpack|extract|snapshot|tar file|untar|pull|containerd|dockerd?\b|\/var\/lib\/(containerd|docker|kubelet)|overlay)[\s\S]*(?<key>no space left on device|disk quota exceeded|there is not enough space on the disk)|failed to garbage collect required amount of images|image garbage collection failed(?! once)|FreeDiskSpaceFailed|ImageGCFailed|(?<!hasno|nodeconditiontype="|last |status"?:\s*"?(?:false|unknown)"?,?\s*"?type"?:\s*"?)DiskPressure(?!\s+(false|unknown)\b|"?,\s*"?status"?[:=]\s*"?(false|unknown)\b|=(false|unknown)\b)|node\.kubernetes\.io\/disk-pressure(?!:\w+\s+op=|"?,?\s*"?operator"?:)|low on resource: ephemeral-storage|kubelet has disk pressure|kubelethasdiskpressure|disk usage on image filesystem is over the high threshold|eviction manager: [^\n]{0,120}resourcename=\\?"?(ephemeral-storage|nodefs\.\w+|imagefs\.\w+|inodes)|to (reclaim|reduce) (ephemeral-storage|nodefs|imagefs|inodes)( pressure)?/,
    anchors: ['no space left on device', 'disk quota exceeded', 'not enough space on the disk', 'garbage collect required amount', 'image garbage collection failed', 'freediskspacefailed', 'imagegcfailed', 'diskpressure', 'disk-pressure', 'ephemeral-storage', 'reclaim nodefs', 'reclaim imagefs', 'reclaim inodes', 'reduce ephemeral-storage', 'reduce nodefs', 'reduce imagefs', 'reduce inodes', 'has disk pressure', 'over the high threshold', 'resourcename='],
    confidence: 0.92,
    specificity: 94,
    source: 'kubelet image GC and eviction texts; ENOSPC while unpacking',
    samples: [
      'failed to pull and unpack image "docker.io/library/postgres:16": failed to extract layer sha256:a3ed95ca: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/412/fs/usr/lib/x86_64-linux-gnu/libLLVM.so: no space left on device: unknown',
      'failed to garbage collect required amount of images. Attempted to free 4213245132 bytes, but only found 0 bytes eligible to free.',
      // EDQUOT: a quota on the filesystem that holds the runtime's data (XFS project quotas) is the same full disk.
      'failed to register layer: Error processing tar file(exit status 1): write /usr/lib/libx.so: disk quota exceeded',
      // Windows: ERROR_DISK_FULL (0x70) from the layer import into windowsfilter.
      'failed to register layer: re-exec error: exit status 1: output: hcsshim::ImportLayer failed in Win32: There is not enough space on the disk. (0x70)',
      'The node was low on resource: ephemeral-storage. Threshold quantity: 1Gi, available: 512Mi.',
      'E0409 08:00:00.000000    2211 kubelet.go:1351] "Image garbage collection failed multiple times in a row" err="failed to garbage collect required amount of images. Wanted to free 2147483648 bytes, but freed 0 bytes"',
      'E0713 09:30:01.000000 5119 kubelet.go:1146] Image garbage collection failed: wanted to free 3221225472, but freed 0 space with errors in image deletion',
      '0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.',
    ],
    counterSamples: [
      'inotify_add_watch /sys/fs/cgroup/memory: no space left on device',
      'java.io.IOException: No space left on device',
      // kubectl describe node lists every condition: a pressure that is False or Unknown is no full disk.
      '  DiskPressure     False   Wed, 03 Dec 2025 10:04:56 +0000   Wed, 03 Dec 2025 09:05:46 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure',
      // The same healthy condition as kubectl get node -o yaml / -o json print it (the status before or after the
      // type), and as the node lifecycle controller logs every condition type of a node that stopped posting.
      '    message: kubelet has no disk pressure\n    reason: KubeletHasNoDiskPressure\n    status: "False"\n    type: DiskPressure',
      '{"message": "kubelet has no disk pressure", "reason": "KubeletHasNoDiskPressure", "status": "False", "type": "DiskPressure"}',
      // A pod's toleration of the taint (every DaemonSet pod carries one), as -o yaml and -o json print it: no taint on a node.
      '  tolerations:\n  - effect: NoSchedule\n    key: node.kubernetes.io/disk-pressure\n    operator: Exists',
      '{"effect":"NoSchedule","key":"node.kubernetes.io/disk-pressure","operator":"Exists"}',
      'I1206 07:57:31.002911       1 node_lifecycle_controller.go:948] "Node hasn\'t been updated" node="worker-2" duration="40.0021s" nodeConditionType="DiskPressure" currentCondition="&NodeCondition{Type:DiskPressure,Status:False,Reason:KubeletHasNoDiskPressure,Message:kubelet has no disk pressure,}"',
      'I0404 15:28:36.488138       8 node_lifecycle_controller.go:1107] node paas-192-168-21-186 hasn\'t been updated for 1m26.9s. Last DiskPressure is: &NodeCondition{Type:DiskPressure,Status:Unknown,Reason:NodeStatusUnknown,Message:Kubelet stopped posting node status.,}',
      'E1203 09:58:30.123456 987 kubelet.go:1725] "Image garbage collection failed once. Stats initialization may not have completed yet" err="invalid capacity 0 on image filesystem"',
    ],
  }),
  sig({
    id: 'image.no-space-init',
    cause: 'image.disk-full',
    // runc's container init writes no data: it creates mount points (/etc/resolv.conf, /etc/hosts) in the
    // rootfs the snapshotter mounted. ENOSPC there is the snapshot's filesystem out of bytes or inodes — the
    // image filesystem with overlayfs, another one with a remote or read-only snapshotter (stargz, CVMFS).
    re: /container init caused[\s\S]*(?<key>no space left on device)/,
    anchors: ['container init caused'],
    confidence: 0.7,
    specificity: 94,
    check: "df -h and df -i /var/lib/containerd (or /var/lib/docker) on the node: full bytes or inodes there is the image filesystem; both free means the container's rootfs comes from another snapshotter (containerd config: snapshotter of the runtime class), whose own storage is full",
    source: 'runc libcontainer rootfs_linux.go (creating mount points during container init); ENOSPC (errno 28)',
    samples: [
      'OCI runtime create failed: container_linux.go:380: starting container process caused: process_linux.go:545: container init caused: rootfs_linux.go:76: mounting "/var/lib/kubelet/pods/1/etc-hosts" to rootfs at "/etc/hosts" caused: open /run/containerd/io.containerd.runtime.v2.task/k8s.io/abc/rootfs/etc/hosts: no space left on device: unknown',
      'Error: failed to start container "app": Error response from daemon: OCI runtime create failed: container_linux.go:370: starting container process caused: process_linux.go:459: container init caused: rootfs_linux.go:59: mounting "/etc/resolv.conf" to rootfs at "/var/lib/docker/overlay2/9f1/merged/etc/resolv.conf" caused: open /var/lib/docker/overlay2/9f1/merged/etc/resolv.conf: no space left on device: unknown',
    ],
    counterSamples: ['failed to extract layer sha256:a3ed95ca: write /var/lib/containerd/x: no space left on device'],
  }),
  sig({
    id: 'image.no-space-bare',
    cause: 'image.disk-full',
    // Not inotify watches, nor podman's lock allocation (its SHM lock table is full): ENOSPC there is no disk.
    re: /^(?![\s\S]*(inotify|allocating lock|mkdir \/sys\/fs\/cgroup\/))[\s\S]*(?<key>no space left on device)/,
    anchors: ['no space left on device'],
    confidence: 0.6,
    specificity: 93,
    // A registry's own process out of disk answers its clients 500: the client then sees a registry failing.
    alternatives: ['registry.server-error'],
    check: 'df -h /var/lib/containerd /var/lib/docker /var/lib/kubelet on the node: full there is the node\'s disk (image pulls and eviction follow); free there means the filesystem the process writes to — its PVC or hostPath — is full, which no node clean-up fixes',
    source: 'ENOSPC (errno 28) from whichever process wrote',
    samples: ['java.io.IOException: No space left on device', 'ERROR: could not extend file "base/16384/2619": No space left on device'],
    counterSamples: ['inotify_add_watch /sys/fs/cgroup/memory: no space left on device'],
  }),
  sig({
    id: 'image.blob-unauthorized',
    check: 'pull the same image again (crictl pull <image>) and look at the registry\'s status page: a 401 on a layer after the manifest was read with the same token is the registry refusing its own token (an outage, or a storage backend out of step); if it repeats for one repository only, compare the pull secret\'s scope with that repository',
    cause: 'registry.server-error',
    // containerd fetches layers only after the manifest resolved with the same authorizer and token: a 401
    // on a blob then is the registry (or its blob storage) refusing a token it has just honoured.
    re: /failed to copy: httpreaderseeker: failed open: unexpected status code \S+\/blobs\/\S+: 401\b/,
    anchors: ['httpreaderseeker'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['image.auth-rejected', 'image.auth-missing'],
    source: 'containerd remotes/docker fetcher (httpReaderSeeker opens blobs after the manifest resolved)',
    samples: [
      'failed to pull and unpack image "ghcr.io/o/app:1": failed to copy: httpReaderSeeker: failed open: unexpected status code https://ghcr.io/v2/o/app/blobs/sha256:766c52bc20840538b2aa166e6f4ab30906ccb620ef58d7f49394eec61fbfe144: 401 Unauthorized - Server message: unauthorized: unauthenticated',
      'failed to copy: httpReaderSeeker: failed open: unexpected status code https://registry.example.com/v2/app/blobs/sha256:0123: 401 Unauthorized',
    ],
    counterSamples: ['failed to copy: httpReaderSeeker: failed open: unexpected status code https://ghcr.io/v2/o/app/blobs/sha256:76: 404 Not Found'],
  }),

  sig({
    id: 'image.oauth-token-5xx',
    check: 'curl -v "<realm>?service=<service>&scope=repository:<repository>:pull" from the node (the realm is in the registry\'s WWW-Authenticate header: curl -sI https://<registry>/v2/): a 5xx there is the token service failing; a mirror or proxy cache in front of the registry (crictl info | grep -A5 mirrors) must answer the token request too',
    cause: 'registry.server-error',
    // The token service answered 5xx: nothing was said about the credentials yet.
    re: /failed to fetch (oauth|anonymous) token: unexpected status(?: from \w+ request to \S+)?: 5\d\d/,
    anchors: ['oauth token', 'anonymous token'],
    confidence: 0.6,
    specificity: 89,
    alternatives: ['registry.mirror-misconfigured', 'registry.proxy', 'image.auth-rejected'],
    source: 'containerd remotes/docker authorizer (fetchToken: "unexpected status: <code>")',
    samples: [
      'failed to resolve reference "k8s.gcr.io/etcd:3.2.24": failed to authorize: failed to fetch oauth token: unexpected status: 500 Internal Server Error',
      'failed to authorize: failed to fetch oauth token: unexpected status: 503 Service Unavailable',
      'failed to authorize: failed to fetch anonymous token: unexpected status: 502 Bad Gateway',
      // containerd 1.7 names the request
      'failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://harbor.corp/service/token?scope=repository%3Aapp%3Apull&service=harbor-registry: 500 Internal Server Error',
    ],
    counterSamples: ['failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized'],
  }),
  sig({
    id: 'image.pull-traffic-quota',
    cause: 'image.rate-limited',
    // IBM Cloud Container Registry refuses pulls once the account's monthly pull-traffic quota is used up.
    re: /exceeded your pull traffic quota/,
    anchors: ['pull traffic quota'],
    confidence: 0.9,
    specificity: 94,
    source: 'IBM Cloud Container Registry (pull traffic quota per account and month: ibmcloud cr quota)',
    samples: ['You have exceeded your pull traffic quota for the current month. Review your pull traffic quota and pricing plan', 'Error response from daemon: denied: You have exceeded your pull traffic quota for the current month.'],
    counterSamples: ['You have exceeded your storage quota'],
  }),
  sig({
    id: 'image.kubelet-pull-qps',
    cause: 'image.rate-limited',
    // The kubelet's own throttle on pulls (registryPullQPS / registryBurst), before any registry is asked: pulls
    // throttled, though by the kubelet, not the registry — below sure, and the check says which limit.
    re: /pull qps exceeded/,
    anchors: ['pull qps exceeded'],
    confidence: 0.6,
    specificity: 93,
    check: 'the kubelet\'s registryPullQPS and registryBurst (/var/lib/kubelet/config.yaml): many pods pulling at once on one node exceed them; raise them, or pre-pull and use imagePullPolicy: IfNotPresent',
    source: 'kubelet throttled image service ("pull QPS exceeded")',
    samples: ['Failed to pull image "busybox": pull QPS exceeded.', 'Pod docker image cannot be pulled, unable to start: ErrImagePull\npull QPS exceeded'],
    counterSamples: ['toomanyrequests: You have reached your pull rate limit.'],
  }),
  sig({
    id: 'image.tool-disk-check-failed',
    cause: 'image.disk-full',
    // Testcontainers checks the Docker engine's free space before it starts anything and stops below 2 GB.
    re: /docker environment (should have|has) more than \d+ ?gb free/,
    anchors: ['docker environment should have more than', 'docker environment has more than'],
    confidence: 0.85,
    specificity: 93,
    check: 'docker system df and df -h /var/lib/docker (or the Docker Desktop VM\'s disk) where the engine runs: prune unused images, volumes and build cache, or give the engine a larger disk',
    source: 'Testcontainers startup checks ("Docker environment should have more than 2GB free disk space")',
    samples: ['✘ Docker environment should have more than 2GB free disk space', 'java.lang.AssertionError: Docker environment has more than 2GB free'],
    counterSamples: ['✔ Docker version should be at least 1.6.0'],
  }),
  sig({
    id: 'image.engine-disk-nearly-full',
    cause: 'image.disk-full',
    // minikube's own warning about the Docker engine's disk (Docker Desktop's VM disk, a docker driver host):
    // pulls and image loads into that engine fail next.
    re: /docker is nearly out of disk space/,
    anchors: ['nearly out of disk space'],
    confidence: 0.8,
    specificity: 93,
    check: 'docker system df where the engine runs (Docker Desktop: its disk image size setting): prune images, volumes and build cache, or grow the disk',
    source: 'minikube out/ warnings ("Docker is nearly out of disk space, which may cause deployments to fail! (%d%% of capacity)")',
    samples: ['Docker is nearly out of disk space, which may cause deployments to fail! (98% of capacity)', '! Docker is nearly out of disk space, which may cause deployments to fail! (91% of capacity). You can pass \'--force\' to skip this check.'],
    counterSamples: ['Docker is running'],
  }),
  sig({
    id: 'image.gc-cannot-measure',
    cause: 'unknown',
    // The image garbage collector fails without a full disk when it cannot read the image filesystem's stats (the
    // runtime reports none, or a capacity of 0) or when it only pruned old images and one was in use: the disk's use
    // decides, not this text.
    // A record beside the failure in a journal (recordOnly); the start-up "failed once" is no failure at all.
    recordOnly: true,
    re: /image garbage collection failed(?! once)[^\n]{0,200}(invalid capacity 0 on image filesystem|failed to get imagefs info)|wanted to free images older than \S+, encountered errors in image deletion/,
    anchors: ['invalid capacity 0 on image filesystem', 'failed to get imagefs info', 'wanted to free images older than'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['image.disk-full', 'runtime.unavailable'],
    check: 'df -h and df -i on the node\'s image filesystem (/var/lib/containerd or /var/lib/containers) and crictl imagefsinfo: a disk that is not full and a runtime that reports no image filesystem (or 0 capacity) is the runtime\'s stats, not space',
    source: 'kubelet image_gc_manager ("invalid capacity %v on image filesystem", ImageFsStats errors, freeOldImages with imageMaximumGCAge)',
    samples: [
      'E1206 00:31:02.448110    1412 kubelet.go:1721] "Image garbage collection failed multiple times in a row" err="invalid capacity 0 on image filesystem"',
      'Warning  ImageGCFailed  1m  kubelet  wanted to free images older than 168h0m0s, encountered errors in image deletion: [rpc error: code = FailedPrecondition desc = failed to remove image "sha256:ab12cd34": image is in use by a container]',
    ],
    counterSamples: ['Image garbage collection failed multiple times in a row: failed to garbage collect required amount of images. Wanted to free 4289175552 bytes, but freed 0 bytes'],
  }),
  sig({
    id: 'image.df-full',
    cause: 'image.disk-full',
    // df's own line for the root, /var or the runtime's and kubelet's directories at 100% of bytes (Avail 0) or of
    // inodes (IFree 0): what the kubelet and the runtime write there fails.
    re: /\s[\d.]+[kmgtp]?\s+[\d.]+[kmgtp]?\s+0\s+100% \/(var(\/lib(\/(containerd|docker|kubelet|containers)\S*)?)?)?(?=\s|$)/,
    anchors: ['100% /'],
    confidence: 0.75,
    specificity: 88,
    check: 'df -h and df -i on the node: free space or inodes under /var/lib/containerd (or docker, containers) and /var/lib/kubelet — crictl rmi --prune, the kubelet\'s imageGCHighThresholdPercent, or a larger disk',
    source: 'coreutils df output (Size Used Avail Use% Mounted on; Inodes IUsed IFree IUse%)',
    samples: [
      '$ df -h\nFilesystem      Size  Used Avail Use% Mounted on\n/dev/vda1        30G   30G     0 100% /',
      '$ df -i /var/lib/containerd\nFilesystem      Inodes   IUsed IFree IUse% Mounted on\n/dev/sda1      3276800 3276800     0  100% /',
    ],
    counterSamples: ['/dev/vda15      105M  6.1M   99M   6% /boot/efi', 'tmpfs           3.9G     0  3.9G   0% /dev/shm'],
  }),
  sig({
    id: 'image.enospc-not-disk',
    cause: 'unknown',
    // ENOSPC that is no disk's: the kernel's inotify watches used up, a pod's /dev/shm or its ptys. The node's disk may
    // be fine; what ran out is a kernel limit or a pod's own small tmpfs.
    re: /failed to watch file [^\n]{0,300}: no space left on device|inotify_add_watch[^\n]{0,200}no space left on device|could not resize shared memory segment|open \/dev\/ptmx: no space left on device/,
    anchors: ['failed to watch file', 'inotify_add_watch', 'could not resize shared memory segment', '/dev/ptmx'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['image.disk-full'],
    check: 'df -h on the node shows whether a disk is full; otherwise sysctl fs.inotify.max_user_watches (raise it), or the pod\'s /dev/shm (an emptyDir with medium: Memory) or ptys',
    source: 'inotify_add_watch ENOSPC (watch limit), PostgreSQL\'s shared memory on /dev/shm, runc exec of /dev/ptmx',
    samples: [
      'failed to watch file "/var/log/pods/default_web-7d9c6b8f5-abcde_9a8b/web/0.log": no space left on device',
      'ERROR:  could not resize shared memory segment "/PostgreSQL.1450327712" to 8388608 bytes: No space left on device',
    ],
    counterSamples: ['write /var/lib/containerd/io.containerd.content.v1.content/ingest/abc/data: no space left on device'],
  }),
];
