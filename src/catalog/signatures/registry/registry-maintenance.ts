import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A registry's own maintenance and write policies, as its jobs and pushes report them: garbage collection that
 * fails, a manifest deletion answered 404, a push refused because the tag is immutable. None of them is a node that
 * cannot pull; the answer stays `unknown` with the check that says where to look (issue 13).
 */
export const REGISTRY_MAINTENANCE_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.garbage-collect-failed',
    cause: 'unknown',
    // distribution's `registry garbage-collect` and Harbor's GC job walk the storage and delete what nothing references;
    // their failures (a path already gone, a manifest the registry no longer serves) are the registry's housekeeping.
    re: /failed to garbage collect: |failed to execute gc job/,
    anchors: ['failed to garbage collect', 'failed to execute gc job'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['registry.server-error'],
    check: 'the registry\'s storage and GC log: a GC run while pushes went on, or storage changed under it (a blob or revision deleted by hand), leaves paths it cannot find; run GC with the registry read-only, then check that the images in use still pull',
    source: 'distribution registry/storage/garbagecollect.go ("failed to garbage collect: %v" from the CLI); Harbor jobservice gc ("failed to execute GC job at %s phase")',
    samples: [
      'failed to garbage collect: failed to mark: filesystem: Path not found: /docker/registry/v2/repositories/acme/app/_manifests/revisions',
      '[ERROR] [/jobservice/job/impl/gc/garbage_collection.go:166]: failed to execute GC job at sweep phase, error: failed to delete manifest with v2 API: acme/app, sha256:e92f: retry timeout: http status code: 404',
    ],
    counterSamples: ['Error response from daemon: manifest for acme/app:1 not found: manifest unknown: manifest unknown'],
  }),
  sig({
    id: 'registry.manifest-delete-refused',
    cause: 'unknown',
    // A client deleting a manifest (a cleanup policy, a build cache's previous image, a retention job): the answer to a
    // DELETE is about the deletion, not about pulling the image.
    re: /\bdelete \\?"?https?:\/\/[^\s"\\]+\/v2\/[^\s"\\]+\/manifests\/|unable to delete previous cache image/,
    anchors: ['/manifests/', 'unable to delete previous cache image'],
    also: ['delete'],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['image.not-found'],
    check: 'whether deletion is allowed on the registry (distribution: storage.delete.enabled; ECR: ecr:BatchDeleteImage in the role) and whether the digest is still there (crane digest); a failed delete leaves images in place, it does not stop pulls',
    source: 'distribution client and go-containerregistry remote.Delete ("DELETE %s: unexpected status code"); buildpacks lifecycle ("Unable to delete previous cache image")',
    samples: [
      'Unable to delete previous cache image: DELETE https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/cache/manifests/sha256:a16e6b50: unexpected status code 404 Not Found',
      'Error: DELETE https://registry.lab:5000/v2/acme/app/manifests/sha256:9f8e: unexpected status code 405 Method Not Allowed',
    ],
    counterSamples: ['Get "https://registry.lab:5000/v2/acme/app/manifests/1": dial tcp 10.0.0.5:5000: connect: connection refused'],
  }),
  sig({
    id: 'registry.push-immutable-tag',
    cause: 'unknown',
    // Harbor's tag immutability rules (and other registries' immutable tags): a push over an existing immutable tag is
    // refused. Pulls of the tag are unaffected.
    re: /is an? immutable tag|tag \S+ is immutable|configured as immutable/,
    anchors: ['immutable tag', 'is immutable', 'configured as immutable'],
    confidence: 0.4,
    specificity: 94,
    alternatives: ['image.auth-rejected'],
    check: 'the project\'s tag immutability rules (Harbor: Project > Policy > Tag Immutability; ECR: imageTagMutability): push a new tag instead of overwriting, or change the rule',
    source: 'Harbor core immutable tag middleware ("Failed to process request, due to \'%s\' is a immutable tag."); ECR ImageTagAlreadyExistsException',
    samples: [
      "denied: Failed to process request, due to 'hello-world:latest' is a immutable tag.",
      "unknown: The image tag 'v1' already exists in the 'web' repository and cannot be overwritten because the tag is immutable. Tag v1 is immutable",
    ],
    counterSamples: ["denied: requested access to the resource is denied"],
  }),
];
