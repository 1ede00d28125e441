import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * containerd 2.x's own refusals around a pull that the registry answered: a Docker schema 1 manifest it no longer
 * reads, and the CRI image service failing to record an image that was pulled (internal/cri/server/images).
 */
export const CONTAINERD_PULL_SIGNATURES: Signature[] = [
  sig({
    id: 'image.schema1-manifest-refused',
    cause: 'unknown',
    // resolver.go (2.0) and client/pull.go (2.1), transfer/local/pull.go: the registry's answer is a Docker schema 1
    // manifest (application/vnd.docker.distribution.manifest.v1+prettyjws), which containerd 2 refuses. Mostly an
    // image pushed years ago; sometimes an old registry, or a proxy dropping the Accept header, that converts on the
    // fly to schema 1 for a client it takes for an old one.
    re: /media type \\?"application\/vnd\.docker\.distribution\.manifest\.v1\+(prettyjws|json)\\?" is no longer supported since containerd|schema 1 image manifests are no longer supported/,
    anchors: ['is no longer supported since containerd', 'schema 1 image manifests are no longer supported'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['registry.server-error', 'registry.proxy'],
    check: 'skopeo inspect --raw docker://<image> | head -c 200 (or crane manifest <image>): "schemaVersion": 1 there means the image itself is schema 1 (push it again with a current client, or use a newer tag); a v2 or OCI manifest there but schema 1 to this node is a registry or proxy in between (curl -sI with Accept: application/vnd.oci.image.index.v1+json against the manifest URL from the node)',
    source: 'containerd v2 core/remotes/docker/resolver.go and client/pull.go ("%w: media type %q is no longer supported since containerd v2.0/v2.1, please rebuild the image as %q or %q"), core/transfer/local/pull.go ("schema 1 image manifests are no longer supported: %w")',
    samples: [
      'Failed to pull image "registry.lab.local:5000/legacy/app:2015": rpc error: code = Unimplemented desc = failed to pull and unpack image "registry.lab.local:5000/legacy/app:2015": failed to resolve reference "registry.lab.local:5000/legacy/app:2015": not implemented: media type "application/vnd.docker.distribution.manifest.v1+prettyjws" is no longer supported since containerd v2.0, please rebuild the image as "application/vnd.docker.distribution.manifest.v2+json" or "application/vnd.oci.image.manifest.v1+json"',
      'failed to pull and unpack image "docker.io/acme/tool:0.3": schema 1 image manifests are no longer supported: invalid argument',
    ],
    counterSamples: [
      'invalid cri image config: `mirrors` is no longer supported since containerd v2.0, please use `config_path` instead',
      'application/vnd.docker.distribution.manifest.v1+prettyjws not supported',
    ],
  }),
  sig({
    id: 'containerd.cri-image-store-update-failed',
    cause: 'unknown',
    // image_pull.go PullImage: after the pull, the CRI plugin records the image (its reference, id and managed
    // label) in containerd's metadata and its own store. The registry is done by then: a failure here is containerd's
    // state on the node (a slow or locked metadata database, the content of the image gone or unreadable, the
    // kubelet's deadline reached during this step on a busy disk).
    re: /(failed to )?update image store (for )?\\?"[^"\n]{1,300}\\?": /,
    anchors: ['update image store'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['runtime.unavailable', 'image.disk-full'],
    check: 'journalctl -u containerd on the node around the pull for the error behind it, df -h and iostat -x 5 for /var/lib/containerd (a full, read-only or saturated disk), and ctr -n k8s.io images ls | grep <image>: an image already present means the download worked and a retry usually records it',
    source: 'containerd v2 internal/cri/server/images/image_pull.go (PullImage: "failed to update image store %q: %w"; createOrUpdateImageReference / UpdateImage: "update image store for %q: %w")',
    samples: [
      'Failed to pull image "docker.io/library/nginx:1.27": rpc error: code = DeadlineExceeded desc = failed to update image store "docker.io/library/nginx:1.27": context deadline exceeded',
      'level=error msg="PullImage \\"quay.io/acme/api:4\\" failed" error="failed to update image store \\"sha256:7d3a1c\\": update image store for \\"sha256:7d3a1c\\": failed to get image: database is locked"',
    ],
    counterSamples: ['level=info msg="ImageUpdate event name:\\"docker.io/library/nginx:1.27\\""'],
  }),
];
