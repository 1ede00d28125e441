import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * containerd's applier failing to decompress a layer it has already fetched and verified. Read from containerd 2.4.2
 * and 1.6.20 (crictl pull, ctr images pull) against a distribution registry holding a layer whose bytes are not gzip
 * although its media type says tar+gzip (issue 13).
 */
export const CONTAINERD_LAYER_DECOMPRESS_SIGNATURES: Signature[] = [
  sig({
    id: 'containerd.extract-layer-unexpected-eof',
    cause: 'unknown',
    // containerd commits every blob only when its digest matches the manifest, so by the time the applier extracts a
    // layer the compressed bytes are exactly the ones the manifest names: a cut download fails earlier ("unexpected
    // commit size", "failed precondition"). An unexpected EOF out of the decompressor inside the mount callback is the
    // layer itself — a truncated or mislabelled tar+gzip as it was pushed — or the node's content store damaged
    // after the fetch. Not a transport error, which is what the bare "unexpected EOF" elsewhere means.
    re: /failed to extract layer [^\n]{0,400}?mount callback failed on \S+: unexpected EOF/,
    anchors: ['mount callback failed on'],
    also: ['unexpected eof'],
    confidence: 0.45,
    specificity: 90,
    alternatives: ['registry.server-error'],
    check: 'ctr -n k8s.io content get <layer digest> | gzip -t (or tar -tz): a layer that does not decompress is the image as pushed (rebuild and push it again); one that does is the node\'s content store (crictl rmi the image and pull again, and check the disk)',
    source: 'containerd core/diff/apply (applier Apply: mount callback, compression.DecompressStream and archive.Apply) and core/unpack unpacker ("failed to extract layer")',
    samples: [
      'ctr: failed to extract layer (application/vnd.oci.image.layer.v1.tar+gzip sha256:87c38415d8e822606cb136f394024db7b3a46612afd529581110cfc889f76e1f) to overlayfs as "extract-916171265-B5He sha256:87c38415d8e822606cb136f394024db7b3a46612afd529581110cfc889f76e1f": mount callback failed on /tmp/fd/rcontainerd-scratch/c2/root/tmpmounts/containerd-mount2601199011: unexpected EOF',
      'time="2026-12-07T08:31:25Z" level=error msg="pulling image: failed to pull and unpack image \\"registry.lab/lab/badgzip:1\\": failed to extract layer sha256:87c38415d8e822606cb136f394024db7b3a46612afd529581110cfc889f76e1f: mount callback failed on /tmp/fd/rcontainerd-scratch/c1/root/tmpmounts/containerd-mount2898719031: unexpected EOF: unknown"',
    ],
    counterSamples: [
      'failed to pull and unpack image "docker.io/library/nginx:1.25": failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://registry-1.docker.io/v2/library/nginx/blobs/sha256:a3ed": unexpected EOF',
      'failed to extract layer sha256:87c38415: mount callback failed on /var/lib/containerd/tmpmounts/containerd-mount1: lchown /var/lib/containerd/tmpmounts/containerd-mount1/etc: invalid argument',
    ],
  }),
];
