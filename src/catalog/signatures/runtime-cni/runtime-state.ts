import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What a runtime keeps between runs — its metadata database, snapshots, content store and the sockets of the
 * shims it started — and finds broken after an unclean shutdown, a full disk, or its binary replaced under the
 * running shims. Every pod of the node fails the same way until that state is cleaned, whatever the image.
 */
export const RUNTIME_STATE_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.shim-socket-refused',
    cause: 'runtime.unavailable',
    // containerd reaches each container's shim through a socket under /run/containerd/s/; a shim that died (or a
    // containerd replaced or restarted without its shims) leaves the socket refusing, so creating the task fails.
    re: /failed to (create|start) containerd task\b[^\n]{0,120}?dial unix [^\n]{0,20}\/run\/containerd\/s\/[0-9a-f]+: connect: connection refused|failed to (create|start) containerd task\b[^\n]{0,80}?ttrpc: closed/,
    anchors: ['containerd task'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'ps -ef | grep containerd-shim on that node and ls /run/containerd/s/: shims from an old containerd binary, or none at all — restart containerd (systemctl restart containerd) so it starts fresh shims; if its binary was replaced, make sure the containerd and containerd-shim-runc-v2 on PATH are one release',
    source: 'containerd runtime v2 shim manager (each shim serves ttrpc on a socket under /run/containerd/s/<hash>; "failed to create containerd task")',
    samples: [
      'CreatePodSandbox for pod "web-0_default(bcafe723)" failed: rpc error: code = Unknown desc = failed to create containerd task: dial unix \x00/run/containerd/s/9301c059fde7721d97492c847112bf99: connect: connection refused: unknown',
      'failed to start containerd task "3f2a1b": ttrpc: closed: unknown',
    ],
    counterSamples: ['dial unix /run/containerd/containerd.sock: connect: connection refused'],
  }),
  sig({
    id: 'runtime.metadata-state-broken',
    cause: 'runtime.unavailable',
    // containerd's bolt metadata names snapshots and content it no longer has (or has twice) after a crash or a
    // power loss: a parent snapshot missing from its bucket, a snapshot key that already exists, an image whose
    // config blob is gone. The registry is not involved; the node's runtime state is.
    re: /failed to create snapshot: missing parent \\?"[^"\n]{1,200}\\?" bucket: not found|failed to create container \S+: snapshot \S+: already exists|failed to get image config for \\?"[^"\n]{1,200}\\?": content digest sha256:[0-9a-f]{12,}: not found/,
    anchors: ['missing parent', 'already exists', 'failed to get image config for'],
    confidence: 0.7,
    specificity: 94,
    alternatives: ['image.disk-full'],
    check: 'journalctl -u containerd around the last boot: an unclean shutdown or a full disk under /var/lib/containerd; remove the broken containers and images (crictl rm -a of the failed ones, crictl rmi the image named) so they are created and pulled again, and if that fails stop containerd and move /var/lib/containerd aside',
    source: 'containerd metadata (bolt buckets: snapshot parents, "already exists" on a key), CRI restart recovery ("Failed to get image config for")',
    samples: [
      'RunPodSandbox from runtime service failed: rpc error: code = Unknown desc = failed to create containerd container: failed to create snapshot: missing parent "k8s.io/9/sha256:e17133b79956ad6f69ae7f775badd1c11bad2fc64f0529cab863b9d12fbaa5c4" bucket: not found',
      'failed to create container kubelet: snapshot kubelet: already exists',
      'W1023 15:42:13.358177 550 restart.go:324] Failed to get image config for "registry.k8s.io/etcd:3.5.9-0": content digest sha256:243830dae7dd6ff78859fa1d66098a89e2951a9e95af4ef4d4d2c03d97975771: not found',
    ],
    counterSamples: ['failed to pull and unpack image "docker.io/library/nginx:1.25": failed to copy: httpReadSeeker: failed open: content at https://registry-1.docker.io/v2/library/nginx/manifests/sha256:ab not found: not found'],
  }),
];
