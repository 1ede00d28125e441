import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * containerd's image pipeline after the registry answered: the content store taking a blob in (commit size checks,
 * the ingest lock), the unpacker applying each layer into a snapshot (whiteouts, ownership, the diff id check) and the
 * stream processors by media type. None of these texts names the cause by itself: a full disk says so in its own
 * words (image.disk-full signatures), and what is left is the node's filesystem or user namespace, a concurrent or
 * stuck pull, or the bytes that arrived.
 */
export const UNPACK_SIGNATURES: Signature[] = [
  sig({
    id: 'image.unpack-whiteout-refused',
    cause: 'unknown',
    // archive/tar.go converts an OCI whiteout (.wh.NAME, .wh..wh..opq) into the overlay form: a 0/0 character
    // device or the trusted.overlay.opaque xattr. Rootless containerd, a user namespace or a backing filesystem that
    // refuses device nodes or trusted.* xattrs (ZFS, a nested overlay, some FUSE mounts) fails here. Not ENOSPC, which
    // the disk signatures answer.
    re: /failed to convert whiteout file \\?"[^"\n]{1,300}\\?": (?![^\n]{0,300}(no space left on device|disk quota exceeded))|setxattr trusted\.overlay\.opaque: operation not (permitted|supported)/,
    anchors: ['failed to convert whiteout file', 'trusted.overlay.opaque'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['runtime.unavailable'],
    check: 'on the node: stat -fc %T /var/lib/containerd (overlayfs wants ext4 or xfs; zfs, btrfs or an overlay under it refuse whiteouts: use the zfs/btrfs/native snapshotter there) and whether containerd runs rootless or in a user namespace (cat /proc/self/uid_map inside its unit: rootless needs fuse-overlayfs or a kernel ≥ 5.11 for rootless overlay)',
    source: 'containerd archive/tar.go:applyNaive ("failed to convert whiteout file %q: %w"); overlay whiteout conversion (mknod 0/0, setxattr trusted.overlay.opaque)',
    samples: [
      'ctr: failed to extract layer sha256:029eff221f7e843fce83c0264a50556983c45a4bf3307e22b78bb2b6bc846a94: failed to convert whiteout file "var/cache/apt/.wh.archives": operation not permitted: unknown',
      'failed to extract layer (application/vnd.oci.image.layer.v1.tar+gzip sha256:0465) to overlayfs as "extract-1-Ab sha256:dc6b": failed to convert whiteout file "usr/share/.wh..wh..opq": setxattr trusted.overlay.opaque: operation not permitted',
    ],
    counterSamples: [
      'failed to extract layer sha256:029e: failed to convert whiteout file "usr/lib/.wh.jvm": mknod /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/9/fs/usr/lib/jvm: no space left on device',
      'failed to write whiteout header: io: read/write on closed pipe',
    ],
  }),
  sig({
    id: 'image.unpack-owner-refused',
    cause: 'unknown',
    // Applying a layer sets each file's owner, device nodes and xattrs: outside the user namespace's range (a small
    // /etc/subuid allotment, docker userns-remap, rootless) lchown fails with EINVAL or EPERM; a filesystem without
    // xattrs refuses security.capability. The image and the registry are fine; the node's namespace or filesystem is not.
    re: /failed to lchown \\?"[^"\n]{1,400}\\?" for uid \d+, gid \d+|(mount callback failed on \S+|failed to extract layer [^\n]{0,400}): lchown \S+: (invalid argument|operation not permitted)|failed to chown upper directory \S+: (operation not permitted|invalid argument)|failed to mknod \S+: operation not permitted|failed to setxattr \\?"[^"\n]{1,300}\\?" for key \\?"[^"\n]{1,80}\\?": operation not (supported|permitted)/,
    anchors: ['failed to lchown', 'lchown', 'failed to chown upper directory', 'failed to mknod', 'failed to setxattr'],
    confidence: 0.5,
    specificity: 94,
    alternatives: ['runtime.unavailable'],
    check: 'the owner the error names against the node\'s ranges: grep containerd /etc/subuid /etc/subgid (or dockremap with userns-remap; a range of 65536 is needed for UIDs up to 65535, images with larger UIDs need more), whether containerd runs rootless, and stat -fc %T /var/lib/containerd (a filesystem without xattrs refuses security.capability)',
    source: 'containerd archive/tar.go:createTarFile ("failed to Lchown %q for UID %d, GID %d: %w", hint "try increasing the number of subordinate IDs in /etc/subuid and /etc/subgid"; "failed to setxattr %q for key %q: %w"), overlayutils/check.go ("failed to chown upper directory %s: %w"), moby ApplyLayer',
    samples: [
      'failed to register layer: ApplyLayer exit status 1 stdout:  stderr: failed to Lchown "/opt/app/node_modules/.bin" for UID 718322462, GID 454177323 (try increasing the number of subordinate IDs in /etc/subuid and /etc/subgid): lchown /opt/app/node_modules/.bin: invalid argument',
      'failed to extract layer sha256:cd7100a72410606589a54b932cabd804a17f9ae5b42a1882bd56d263e02b6215: mount callback failed on /tmp/containerd-mount735446913: lchown /tmp/containerd-mount735446913/etc/shadow: invalid argument',
      'failed to extract layer (application/vnd.oci.image.layer.v1.tar+gzip sha256:1f) to overlayfs as "extract-9-Ab sha256:2e": failed to setxattr "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/4/fs/usr/bin/ping" for key "security.capability": operation not supported',
    ],
    counterSamples: [
      'chown: changing ownership of \'/data\': operation not permitted',
      'failed to extract layer sha256:cd71: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/4/fs/etc/shadow: no space left on device',
    ],
  }),
  sig({
    id: 'image.unpack-diffid-mismatch',
    cause: 'unknown',
    // The unpacker hashes the uncompressed layer as it applies it and compares with the image config's rootfs.diff_ids:
    // a layer whose content is not what the config promises (an image assembled wrongly, a proxy or cache that
    // rewrote it, a stale blob in the local content store).
    // containerd 2 names the digest it computed and the one expected: wrong diff id "<got>" calculated on extraction "<want>".
    re: /wrong diff id (\\?"[^"\n]{1,100}\\?" )?calculated on extraction/,
    anchors: ['wrong diff id'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['registry.server-error', 'registry.proxy'],
    check: 'pull the same image on another node or with crane/skopeo straight from the registry: the same error there means the image itself (its config diff_ids do not match its layers: rebuild and push it again); only on this node, remove the image and its content (crictl rmi, ctr -n k8s.io content ls | grep <digest>) and pull again, bypassing any proxy or mirror',
    source: 'containerd v2 core/unpack/unpacker.go ("wrong diff id %q calculated on extraction %q, desc %q") and 1.x rootfs/apply.go, pkg/unpack ("wrong diff id calculated on extraction %q")',
    samples: [
      'ctr: wrong diff id calculated on extraction "sha256:ed018dfbc761bd3a6087a167dc71c11f57649321043601e56237633870cd501d"',
      'Failed to pull image "nginx:1.27.3": failed to pull and unpack image "docker.io/library/nginx:1.27.3": wrong diff id calculated on extraction "sha256:8a1e25ce7c4f"',
      'failed to pull and unpack image "ghcr.io/acme/web:3": wrong diff id "sha256:5b2f0e9c11aa" calculated on extraction "sha256:d0e4a7c822bb", desc "sha256:91c3f6a733cc"',
    ],
    counterSamples: ['level=debug msg="diff applied" d=1.2s digest="sha256:8a1e" media=application/vnd.oci.image.layer.v1.tar+gzip'],
  }),
  sig({
    id: 'image.commit-size-mismatch',
    cause: 'unknown',
    // The content writer's commit checks the bytes it took in against the descriptor: fewer or more than the manifest
    // said. A transfer cut and resumed badly, a registry or cache serving another blob, or a stale ingest on the node.
    re: /unexpected commit size \d+, expected \d+/,
    anchors: ['unexpected commit size'],
    confidence: 0.5,
    specificity: 80,
    alternatives: ['registry.server-error', 'registry.proxy'],
    check: 'ctr -n k8s.io content active on the node (a stale ingest of that digest: ctr -n k8s.io content rm it) and pull again; the same size on a clean node points at the registry or the proxy or mirror in between (curl -sI the blob: its Content-Length against the manifest\'s size)',
    source: 'containerd plugins/content/local/writer.go:Commit ("unexpected commit size %d, expected %d: %w"), core/content/helpers.go (failed commit on ref)',
    samples: [
      'failed to pull image "gcr.io/google_containers/e2e-net-amd64:1.0": failed commit on ref "layer-sha256:3690ec4760f95690944da86dc4496148a63d85c9e3100669a318110092f6862f": unexpected commit size 5674492, expected 2312958: unknown',
      'failed commit on ref "index-sha256:0fd4": unexpected commit size 512, expected 1609: failed precondition',
    ],
    counterSamples: ['failed commit on ref "layer-sha256:3690": unexpected commit digest sha256:e3b0, expected sha256:3690: failed precondition'],
  }),
  sig({
    id: 'image.ingest-ref-locked',
    cause: 'unknown',
    // The local content store lets one writer at a time hold an ingest ref: another pull of the same blob (two pods,
    // a pre-pull job, a pull that hangs on a slow or stalled download) holds it and this one gives up.
    re: /\bref \S+ locked for [0-9.]+(ns|µs|us|ms|s|m|h)\S* \(since [^)\n]{1,60}\)/,
    anchors: [' locked for '],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['registry.connect-timeout', 'runtime.unavailable'],
    check: 'ctr -n k8s.io content active on the node: the ref listed with its offset still growing is another pull of the same blob (wait for it); an offset that stays put is a stalled download (the registry path: proxy, MTU) or a stuck containerd holding the lock',
    source: 'containerd plugins/content/local/locks.go:tryLock ("ref %s locked for %s (since %s): %w", ErrUnavailable)',
    samples: [
      'failed to pull and unpack image "docker.io/library/nginx:1.27.3": failed to copy: ref k8s.io/1/layer-sha256:9f1f9dce locked for 45.23s (since 2026-12-06 10:00:00.12 +0000 UTC): unavailable',
      'ctr: ref default/1/layer-sha256:44cb73 locked for 1.02s (since 2026-12-06 10:00:00.1 +0000 UTC): unavailable',
    ],
    counterSamples: ['account locked for 15 minutes after failed logins', 'level=debug msg="ref locked, waiting" ref="layer-sha256:9f1f"'],
  }),
  sig({
    id: 'image.layer-media-type-unsupported',
    cause: 'unknown',
    // The unpacker picks a stream processor (decompressor) by the layer's media type: an attestation or artifact
    // pulled as an image, zstd on a containerd too old for it, a Windows foreign layer on Linux, or a proxy that
    // re-encoded the body. The registry answered; what it holds is not a Linux image layer this containerd reads.
    re: /no processor for media-type|unsupported diff media type: \S+|currently unsupported media type: \S+|unsupported content-encoding algorithm/,
    anchors: ['no processor for media-type', 'unsupported diff media type', 'currently unsupported media type', 'unsupported content-encoding algorithm'],
    confidence: 0.4,
    specificity: 94,
    alternatives: ['image.platform-mismatch', 'registry.proxy'],
    check: 'the media types in the image: crane manifest <image> (or skopeo inspect --raw): in-toto, helm or other artifact types are not runnable images (pull by the platform digest); tar+zstd layers need containerd ≥ 1.5; foreign (Windows) layers need a Windows node',
    source: 'containerd core/diff/apply and core/images/diffcompression ("failed to get stream processor for %s: %w", "no processor for media-type"), core/diff/walking ("unsupported diff media type: %v: %w"), core/remotes/docker/fetcher.go ("unsupported Content-Encoding algorithm: ")',
    samples: [
      'ctr: failed to extract layer sha256:5d3ca636a2578939609b5325681f5523297bbbe9582621eef178bf92810cbfa0: failed to get stream processor for application/vnd.in-toto+json: no processor for media-type: unknown',
      'failed to pull and unpack image "ghcr.io/acme/app:1.2": unsupported diff media type: application/vnd.docker.image.rootfs.foreign.diff.tar.gzip: not implemented',
    ],
    counterSamples: ['Jan 12 13:07:15.313 ERROR kubelet::state::common::image_pull: error=unsupported media type: application/vnd.docker.distribution.manifest.list.v2+json'],
  }),
  sig({
    id: 'image.unpack-prepare-deadline',
    cause: 'unknown',
    // The deadline ran out while containerd prepared or committed a snapshot — after the download, on the node's
    // disk: a slow or saturated filesystem, a metadata database held by another long operation, or the kubelet's
    // runtime-request-timeout on a very large layer. Not the registry path a bare deadline usually means.
    re: /failed to (prepare extraction snapshot|commit snapshot|stat snapshot) [^\n]{0,300}: context deadline exceeded/,
    anchors: ['failed to prepare extraction snapshot', 'failed to commit snapshot', 'failed to stat snapshot'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['runtime.unavailable', 'image.disk-full'],
    check: 'iostat -x 5 and df -h /var/lib/containerd on the node during the pull (a disk at 100% util or nearly full), journalctl -u containerd around the time for other slow operations, and the kubelet\'s runtimeRequestTimeout against the layer sizes',
    source: 'containerd core/unpack/unpacker.go ("failed to prepare extraction snapshot %q: %w", "failed to commit snapshot %s: %w") with context.DeadlineExceeded',
    samples: [
      'failed to pull and unpack image "registry.example.com/payments/api:v2.14.0": failed to prepare extraction snapshot "extract-0000-aaaa sha256:98a3ab7c": context deadline exceeded',
      'failed to commit snapshot extract-881-Ab12 sha256:45a1: context deadline exceeded',
    ],
    counterSamples: ['failed to pull and unpack image "nginx": failed to resolve reference "docker.io/library/nginx:latest": context deadline exceeded'],
  }),
  sig({
    id: 'image.mirror-content-not-found',
    cause: 'registry.mirror-misconfigured',
    // containerd adds ?ns=<upstream> only when it asks a mirror for content of another registry: a 404 from that host
    // is the mirror (a pull-through cache, Spegel, a hosts.toml entry) lacking or refusing what the upstream has. The
    // pull falls back to the next host only when one is configured.
    re: /httpreadseeker: failed open: content at \S+\?ns=\S+ not found/,
    anchors: ['failed open: content at'],
    confidence: 0.6,
    specificity: 92,
    alternatives: ['image.not-found', 'registry.server-error'],
    check: 'the mirror in /etc/containerd/certs.d/<upstream>/hosts.toml (or the registry mirrors section): curl the same path on the mirror and on the upstream (crane manifest <image>@<digest>): present upstream and missing on the mirror is the mirror (its cache, its upstream credentials, its project path); missing on both is the image',
    source: 'containerd core/remotes/docker/fetcher.go (the ns query parameter for mirror hosts; "content at %v not found: %w" wrapped as "httpReadSeeker: failed open: %w")',
    samples: [
      '#5 ERROR: failed to copy: httpReadSeeker: failed open: content at v2/library/openjdk/manifests/sha256:24de726604f496a8d34cc960f39c3f3d825ebba522d8be7b256f8b289a448508?ns=docker.io not found: not found',
      'failed to pull and unpack image \\"mylocalharbor.example.com/proxy-cache/library/nginx:alpine\\": failed to copy: httpReadSeeker: failed open: content at http://localhost:20020/v2/proxy-cache/library/nginx/manifests/sha256:a71e0884?ns=mylocalharbor.example.com not found: not found',
    ],
    counterSamples: ['failed to copy: httpReadSeeker: failed open: content at https://registry.example.com/v2/payments/api/blobs/sha256:9f1f not found: not found'],
  }),
  sig({
    id: 'image.blob-content-not-found',
    cause: 'unknown',
    // The fetcher asked for a blob or a manifest by digest and the host answered 404: a mirror or pull-through cache
    // that lacks it (the corpus' usual case), a registry whose blob was garbage-collected under a tag, or a digest of
    // another repository.
    re: /httpreadseeker: failed open: content at (?![^\s?]*\?ns=)\S+ not found: not found/,
    anchors: ['failed open: content at'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured', 'registry.server-error', 'image.not-found'],
    check: 'the host in the URL: a mirror or proxy cache (hosts.toml, ?ns= in the URL) should be asked for the same digest upstream (crane manifest <image>@<digest> against the origin); the origin itself answering 404 for a blob its manifest lists is a broken repository (push the image again)',
    source: 'containerd core/remotes/docker/fetcher.go and httpreadseeker.go ("content at %v not found: %w" wrapped as "httpReadSeeker: failed open: %w")',
    samples: [
      'failed to copy: httpReadSeeker: failed open: content at https://harbor.corp.local/v2/ml/pytorch-train/blobs/sha256:4d2a not found: not found',
      'failed to pull and unpack image "registry.example.com/payments/api:v2.14.0": failed to copy: httpReadSeeker: failed open: content at https://registry.example.com/v2/payments/api/blobs/sha256:9f1f not found: not found',
    ],
    counterSamples: [
      'failed to resolve reference "registry.example.com/payments/api:v2.14.0": registry.example.com/payments/api:v2.14.0: not found',
      'failed to copy: httpReadSeeker: failed open: content at v2/library/openjdk/manifests/sha256:24de?ns=docker.io not found: not found',
    ],
  }),
];
