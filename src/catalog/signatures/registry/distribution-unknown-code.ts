import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The registry's own error body on a push or a cache export, as containerd's docker remote renders it for BuildKit:
 * the JSON `errors` list of the distribution API printed as "<code>: <message>[ - <detail>]". The code UNKNOWN is the
 * one the distribution spec gives HTTP 500: the registry took the request and failed inside (its storage driver, its
 * database, a backend it calls), so the builder's side is not the fault.
 */
export const DISTRIBUTION_UNKNOWN_CODE_SIGNATURES: Signature[] = [
  sig({
    id: 'buildkit.push-registry-unknown-code',
    cause: 'registry.server-error',
    // containerd core/remotes/docker/errcode.go: Error() is "<lower-cased code>: <message>", Errors joins several,
    // and a detail is added after " - ". "unknown: unknown error" is distribution's ErrorCodeUnknown (HTTP 500),
    // the body a registry sends when its own backend failed. Read after BuildKit's "failed to push <ref>:" (image
    // exporter) or "error writing <kind> blob:" (registry cache exporter). A storage driver's ENOSPC in the detail is
    // read as image.disk-full by registry.distribution-storage-enospc, which is more specific.
    re: /(failed to push [^\s]+?|error writing (layer|manifest|config) blob|failed commit on ref "[^"]+"): unknown: unknown error(?!;)/,
    anchors: ['unknown: unknown error'],
    confidence: 0.8,
    specificity: 88,
    alternatives: ['image.disk-full'],
    check: 'the registry\'s own log at the time of the push (docker logs <registry>, kubectl logs of the registry pod, Harbor\'s registry and core logs): the error it logged for the upload, usually its storage backend (filesystem, S3, GCS) failing',
    source: 'containerd core/remotes/docker/errcode.go (Error: "%s: %s", detail after " - ") for distribution ErrorCodeUnknown (registry/api/errcode: "unknown error", HTTP 500), printed by BuildKit exporter/containerimage ("failed to push %s") and cache/remotecache/export.go ("error writing layer blob")',
    samples: [
      '#6 ERROR: failed to push push.bk:5007/out/p:1: unknown: unknown error - storage backend unavailable',
      'error: failed to solve: failed to push push.bk:5007/out/p2:1: unknown: unknown error - storage backend unavailable',
      'time="2026-12-07T09:26:52Z" level=error msg="/moby.buildkit.v1.Control/Solve returned error: rpc error: code = Unknown desc = failed to push push.bk:5007/out/p2:1: unknown: unknown error - storage backend unavailable" spanID=514a26858f363428',
    ],
    counterSamples: [
      '#6 0.199 unknown: unknown error',
      'failed to push registry.local/app:1: unknown: unknown error; filesystem: mkdir /var/lib/registry/docker: no space left on device',
      'failed to push registry.local/app:1: unknown: Method not allowed',
    ],
  }),
];
