import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Image texts of clients beside containerd, CRI-O and today's Docker engine: Docker 1.x's v1 pull from the Hub,
 * Apple's `container` tool, and ctr looking an image up in the node's own store.
 */
export const OTHER_CLIENT_IMAGE_SIGNATURES: Signature[] = [
  sig({
    id: 'image.hub-v1-account-inactive',
    cause: 'image.auth-rejected',
    // Docker 1.x (v1 index) printed the Hub's 403 body: the credentials were sent, the account cannot pull.
    re: /status 403 trying to pull repository \S+: \\?"?account is not active/,
    anchors: ['account is not active'],
    confidence: 0.9,
    specificity: 92,
    check: 'docker logout, then log in again with an active account (Docker Hub: the account\'s email confirmed, not deactivated): docker login',
    source: 'Docker 1.x v1 registry session (Status %d trying to pull repository %s: %q)',
    samples: ['Error: Status 403 trying to pull repository library/mysql: "Account is not Active"', 'Error pulling image: Status 403 trying to pull repository acme/web: \\"Account is not Active\\"'],
    counterSamples: ['Error: Status 403 trying to pull repository library/mysql: "Access denied"'],
  }),
  sig({
    id: 'image.apple-container-platform-unsupported',
    cause: 'image.platform-mismatch',
    // Apple's container tool (ContainerizationError .unsupported) for an image or build platform it cannot run.
    re: /\berror: unsupported: \\?"platform [\w/.-]+\\?"/,
    anchors: ['unsupported: "platform'],
    confidence: 0.85,
    specificity: 90,
    check: 'the image\'s platforms (docker buildx imagetools inspect <image>) against the platform asked for (--platform, --arch): pull or build one the host runs',
    source: 'apple/containerization ContainerizationError(.unsupported, "platform …")',
    samples: ['Error: unsupported: "platform linux/arm64"', 'container build failed: Error: unsupported: \\"platform linux/386\\"'],
    counterSamples: ['Error: unsupported: "feature rosetta"'],
  }),
  sig({
    id: 'image.ctr-local-store-not-found',
    cause: 'image.never-pull-absent',
    // ctr (image tag/export/run) looks the name up in the node's content store of one namespace and never pulls:
    // absent under that exact name (never pulled, another registry prefix, another namespace than k8s.io). That is
    // the no-pull mechanism of imagePullPolicy Never; a tag under a retired registry name reads the same, so it stays
    // below 0.9 with the registry's not-found beside it.
    re: /\bctr: image \\?"[^"\s\\]+\\?": not found/,
    anchors: ['ctr: image '],
    confidence: 0.6,
    specificity: 85,
    alternatives: ['image.not-found'],
    check: 'ctr -n k8s.io images ls | grep <name>: the image must be in the namespace and under the exact name asked (registry prefix included); pull or tag it there',
    source: 'containerd cmd/ctr (images.Get: "image %q: not found")',
    samples: ['ctr: image "k8s.gcr.io/kube-apiserver-amd64:v1.25.0": not found', '[2022-06-02 21:09:49] ctr: image "docker.io/library/app:dev": not found'],
    counterSamples: ['ctr: failed to resolve reference "docker.io/library/app:dev": docker.io/library/app:dev: not found'],
  }),
];
