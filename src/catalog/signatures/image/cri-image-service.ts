import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The CRI image service under the kubelet's image manager, in the texts of its own making that no registry prints:
 * containerd's CRI plugin reading its config and the AuthConfig the kubelet (or crictl --auth, --creds) hands it
 * (internal/cri/server/images/image_pull.go), CRI-O's pull server (server/image_pull.go), the kubelet's image
 * garbage collector freeing space (pkg/kubelet/images/image_gc_manager.go), and the dockershim's pull watchdog.
 */
export const CRI_IMAGE_SERVICE_SIGNATURES: Signature[] = [
  sig({
    id: 'containerd.pull-progress-timeout-unparsable',
    cause: 'runtime.unavailable',
    // PullImage parses image_pull_progress_timeout (plugins."io.containerd.cri.v1.images") with time.ParseDuration
    // on every call, before any registry is asked: a value without a unit ("5") or with a word ("1 minute") fails
    // every pull on the node, whatever the image. The runtime's config, not a registry.
    re: /failed to parse image_pull_progress_timeout \\?"[^"\n]*\\?": /,
    anchors: ['failed to parse image_pull_progress_timeout'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['node.not-ready'],
    check: 'grep -n image_pull_progress_timeout /etc/containerd/config.toml (and any drop-in it imports) on the node: the value is a Go duration with a unit, "5m0s" or "1m" (an empty string or "0" turns the check off)',
    source: 'containerd v2 internal/cri/server/images/image_pull.go PullImage ("failed to parse image_pull_progress_timeout %q: %w")',
    samples: [
      'failed to parse image_pull_progress_timeout "5": time: missing unit in duration "5"',
      'Failed to pull image "docker.io/library/nginx:1.27": rpc error: code = Unknown desc = failed to parse image_pull_progress_timeout "1 minute": time: unknown unit " minute" in duration "1 minute"',
      'E1201 10:14:07.318842    1187 log.go:32] "PullImage from image service failed" err="rpc error: code = Unknown desc = failed to parse image_pull_progress_timeout \\"5\\": time: missing unit in duration \\"5\\"" image="registry.k8s.io/pause:3.10"',
    ],
    counterSamples: [
      'image_pull_progress_timeout = "5m0s"',
      'level=error msg="cancel pulling image docker.io/library/nginx:1.27 because of no progress in 5m0s"',
    ],
  }),
  sig({
    id: 'containerd.cri-auth-undecodable',
    cause: 'image.pullsecret-malformed',
    // containerd's ParseAuth on the AuthConfig of a PullImage request: an auth field whose base64 decodes to no
    // "user:password" pair (a token alone, a username alone, NULs from padding) — the credential as written in the
    // dockerconfigjson's auth, or crictl --auth. The registry is never asked.
    // The value is the decoded credential, which redaction replaces whole ("<redacted>"), quotes and all.
    re: /invalid decoded auth: \S/,
    anchors: ['invalid decoded auth'],
    confidence: 0.9,
    specificity: 95,
    check: 'kubectl get secret <pull-secret> -o jsonpath=\'{.data.\\.dockerconfigjson}\' | base64 -d, then base64 -d the auths entry\'s auth: it must read username:password (recreate the secret with kubectl create secret docker-registry --docker-username --docker-password)',
    source: 'containerd v2 internal/cri/server/images/image_pull.go ParseAuth ("invalid decoded auth: %q")',
    samples: [
      'FATA[0002] pulling image: rpc error: code = Unknown desc = failed to pull and unpack image "harbor.corp.example/apps/billing:2.4.0": failed to resolve reference "harbor.corp.example/apps/billing:2.4.0": invalid decoded auth: "robot$ci-pull"',
      'Failed to pull image "ghcr.io/acme/api:1.2": failed to pull and unpack image "ghcr.io/acme/api:1.2": failed to resolve reference "ghcr.io/acme/api:1.2": invalid decoded auth: "ghp_REDACTED"',
      'level=error msg="PullImage \\"harbor.corp.example/apps/billing:2.4.0\\" failed" error="rpc error: code = Unknown desc = failed to pull and unpack image \\"harbor.corp.example/apps/billing:2.4.0\\": failed to resolve reference \\"harbor.corp.example/apps/billing:2.4.0\\": invalid decoded auth: \\"<redacted>\\""',
    ],
    counterSamples: ['failed to resolve reference "harbor.corp.example/apps/billing:2.4.0": failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://harbor.corp.example/service/token: 401 Unauthorized'],
  }),
  sig({
    id: 'containerd.cri-auth-server-address-unparsable',
    cause: 'image.pullsecret-malformed',
    // ParseAuth again: the AuthConfig's server address (the auths key the credential was found under) is parsed as a
    // URL before containerd compares its host with the registry's; a key that is no URL ("host:443/v2" without a
    // scheme) fails the pull. Only beside a pull: "parse server address" is a common phrase elsewhere.
    re: /(failed to resolve reference|failed to pull and unpack image|pulling image|pull image)[^\n]{0,400}: parse server address: parse \\?"/,
    anchors: ['parse server address'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['image.pullsecret-wrong-registry'],
    check: 'the auths keys of the pod\'s pull secret (kubectl get secret <name> -o jsonpath=\'{.data.\\.dockerconfigjson}\' | base64 -d): each key is a registry host, optionally with https:// in front, such as harbor.corp.example or https://harbor.corp.example',
    source: 'containerd v2 internal/cri/server/images/image_pull.go ParseAuth ("parse server address: %w")',
    samples: [
      'Failed to pull image "harbor.corp.example/apps/billing:2.4.0": failed to pull and unpack image "harbor.corp.example/apps/billing:2.4.0": failed to resolve reference "harbor.corp.example/apps/billing:2.4.0": parse server address: parse "harbor.corp.example:443/v2": first path segment in URL cannot contain colon',
      'FATA[0001] pulling image: failed to pull and unpack image "registry.lab.local:5000/team/worker:0.3.1": failed to resolve reference "registry.lab.local:5000/team/worker:0.3.1": parse server address: parse "registry.lab.local:5000/": first path segment in URL cannot contain colon',
    ],
    counterSamples: ['error: parse server address: parse "::1": missing port in address'],
  }),
  sig({
    id: 'crio.pull-panic',
    cause: 'runtime.unavailable',
    // CRI-O recovers a panic in its pull goroutine and answers the pull with this error: a runtime bug, whatever
    // the registry; the image may pull on a retry or with another CRI-O version.
    re: /pullimage was aborted by a go panic/,
    anchors: ['pullimage was aborted by a go panic'],
    confidence: 0.85,
    specificity: 95,
    check: 'journalctl -u crio on the node around the pull for the panic\'s stack trace (panic: ... goroutine ...), and crio version: the trace names the bug to look up in cri-o\'s issues, fixed by a CRI-O update',
    source: 'cri-o server/image_pull.go PullImage ("pullImage was aborted by a Go panic")',
    samples: [
      'Failed to pull image "docker.io/library/nginx:1.27": pullImage was aborted by a Go panic',
      'E1201 10:14:07.318842    1187 log.go:32] "PullImage from image service failed" err="rpc error: code = Unknown desc = pullImage was aborted by a Go panic" image="quay.io/acme/api:v9"',
    ],
    counterSamples: ['panic: runtime error: invalid memory address or nil pointer dereference'],
  }),
  sig({
    id: 'kubelet.image-gc-free-space-failed',
    cause: 'image.disk-full',
    // The kubelet's disk-usage image GC (1.30+ wording of freeSpace): it runs only when the image filesystem's usage
    // crossed imageGCHighThresholdPercent, and it could not free down to the low threshold — deletions failed (an
    // image in use, the runtime timing out) or too little was unused. The disk is full whatever the deletions said.
    // Not the age-based GC ("wanted to free images older than"), which runs without disk pressure.
    re: /wanted to free \d+ bytes, but freed \d+ bytes space with errors in image deletion/,
    anchors: ['bytes space with errors in image deletion'],
    confidence: 0.92,
    specificity: 95,
    check: 'df -h and df -i on the image filesystem (/var/lib/containerd or /var/lib/containers) and crictl images: free space by removing what pods no longer use (crictl rmi --prune) or grow the disk; an image in use cannot be collected',
    source: 'k8s.io/kubernetes pkg/kubelet/images/image_gc_manager.go freeSpace ("wanted to free %d bytes, but freed %d bytes space with errors in image deletion: %w")',
    samples: [
      'wanted to free 6808736563 bytes, but freed 0 bytes space with errors in image deletion: rpc error: code = Unknown desc = failed to remove image "sha256:7d3a1c": image is in use by container 4f2a9b',
      'E1201 10:14:07.318842    1187 kubelet.go:1721] "Image garbage collection failed multiple times in a row" err="wanted to free 5272005017 bytes, but freed 776830292 bytes space with errors in image deletion: [rpc error: code = DeadlineExceeded desc = context deadline exceeded]"',
    ],
    counterSamples: ['wanted to free images older than 2h0m0s, encountered errors in image deletion: rpc error: code = Unknown desc = failed to remove image "sha256:aa1e2f": image is in use by container 9c3d'],
  }),
  sig({
    id: 'kubelet.pull-cancelled-while-extracting',
    cause: 'unknown',
    // The dockershim's pull watchdog (image-pull-progress-deadline) cancels a pull whose progress message has not
    // changed: when the last message is "Extracting" at the full size, every byte came down and the stall is the
    // daemon unpacking a large layer on the node's disk (a slow or busy disk, a storage driver), which the watchdog
    // took for a dead download. Neither the network nor the registry, and no id names that.
    re: /because of no progress[^\n]{0,120}latest progress:? \\?"?[^\n]{0,100}extracting\b/,
    anchors: ['because of no progress'],
    also: ['extracting'],
    confidence: 0.4,
    specificity: 70,
    alternatives: ['registry.connect-timeout', 'image.disk-full'],
    check: 'on the node: iostat -x 5 while the pull runs (the disk under /var/lib/docker saturated?) and the layer\'s size; raise the kubelet\'s --image-pull-progress-deadline (dockershim) or pre-pull the image, since the download itself finished',
    source: 'kubernetes pkg/kubelet/dockershim/libdocker kube_docker_client.go progressReporter ("Cancel pulling image %q because of no progress for %v, latest progress: %q")',
    samples: [
      '[... kube_docker_client.go:29] Cancel pulling image "our_registry/demo/test" because of no progress for 1m0s, latest progress "c914ad57d670": Extracting [==================>] 513.5 MB/513.5MB"',
      'kube_docker_client.go:348] Cancel pulling image "registry.lab/ml/trainer:2.1" because of no progress for 1m0s, latest progress: "8d3f1c2b9a10: Extracting [==================================================>]  2.104GB/2.104GB"',
    ],
    counterSamples: ['cancel pulling image docker.io/tensorflow/tensorflow:latest-gpu because of no progress in 5m0s'],
  }),
];
