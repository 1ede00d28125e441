import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A node that lost power or was killed hard: the runtime's own stores were half-written, and the runtime panics or
 * refuses to start on them the next time — bbolt's page checks in containerd's meta.db and dockerd's local-kv.db,
 * JSON state files left full of zero bytes, runc's state directory naming a container that no longer runs. Every pod
 * of the node waits on a runtime that is down; the image and the registry are not involved.
 */
const BOLT_PANIC = String.raw`panic: (?:assertion failed: (?:page expected to be: \d+, but self identifies as \d+|write: circular dependency occurred)|invalid freelist page: \d+, page type is \w+|page \d+ already freed|invalid page type: \d+|unexpected page type)`;
const BOLT_ANCHORS = ['page expected to be', 'circular dependency occurred', 'invalid freelist page', 'already freed', 'invalid page type', 'unexpected page type'];
const BOLT_CHECK =
  'which daemon panicked, and on which file: containerd keeps /var/lib/containerd/io.containerd.metadata.v1.bolt/meta.db, dockerd /var/lib/docker/network/files/local-kv.db (and containerd\'s under /var/lib/docker/containerd when it runs it); stop the daemon, move the corrupt file aside (bbolt check <file> says which), start it again — images and containers it listed are pulled and created anew';

export const UNCLEAN_SHUTDOWN_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.bolt-db-corrupt',
    cause: 'runtime.unavailable',
    // bbolt's consistency checks panic the process that opens a database whose pages a power loss left half-written;
    // said by containerd or dockerd (their process name, or bbolt vendored under their module path) it is the
    // runtime's metadata store, and the runtime does not come up.
    re: new RegExp(String.raw`\b(?:containerd|dockerd)(?:\[\d+\])?:[^\n]{0,60}?${BOLT_PANIC}|${BOLT_PANIC}[\s\S]{0,3000}?(?:containerd|docker)\/[^\n]{0,120}?(?:go\.etcd\.io\/bbolt|boltdb\/bolt)`),
    anchors: BOLT_ANCHORS,
    confidence: 0.85,
    specificity: 94,
    alternatives: ['node.not-ready'],
    check: BOLT_CHECK,
    source: 'go.etcd.io/bbolt and boltdb/bolt page checks ("Page expected to be: %v, but self identifies as %v", "page %d already freed", "invalid freelist page: %d, page type is %s", "write: circular dependency occurred") in containerd\'s metadata plugin and libnetwork\'s local store',
    samples: [
      'Mar 04 14:17:36 node-1  containerd[2440692]: panic: assertion failed: Page expected to be: 3393, but self identifies as 6868074383292906018',
      'Jun 02 03:33:12 edge dockerd[460]: panic: invalid freelist page: 41, page type is leaf',
      'Feb 07 21:51:17 pi dockerd[518]: panic: page 18 already freed\nFeb 07 21:51:17 pi dockerd[518]: goroutine 1 [running]:\nFeb 07 21:51:17 pi dockerd[518]: github.com/containerd/containerd/vendor/github.com/boltdb/bolt.(*freelist).free(0x127c2440, 0x106, 0x0, 0x72a22000)',
    ],
    counterSamples: ['etcd[812]: panic: invalid freelist page: 41, page type is leaf'],
  }),
  sig({
    id: 'runtime.bolt-panic-bare',
    cause: 'runtime.unavailable',
    // The same panic with no process named: on a node it is most often the runtime's store, but etcd and other
    // programs embed bbolt too, so the check says which daemon printed it.
    re: new RegExp(BOLT_PANIC),
    anchors: BOLT_ANCHORS,
    confidence: 0.6,
    specificity: 88,
    alternatives: ['node.not-ready'],
    check: BOLT_CHECK + '; if etcd printed it, the control plane\'s store is damaged instead (restore etcd from a snapshot)',
    source: 'go.etcd.io/bbolt and boltdb/bolt page checks',
    samples: ['panic: assertion failed: write: circular dependency occurred', 'panic: page 7 already freed'],
    counterSamples: ['panic: runtime error: invalid memory address or nil pointer dereference'],
  }),
  sig({
    id: 'runtime.state-file-zeroed',
    cause: 'runtime.unavailable',
    // A JSON state or config file the daemon reads at start, left as zero bytes by a power loss (the data blocks never
    // reached the disk): Go's decoder stops at the first byte and the daemon exits.
    re: /(?:fata\[\d+\]|level=fatal|\b(?:dockerd|containerd)(?:\[\d+\])?:)[^\n]{0,200}?invalid character '\\?\\x00' looking for beginning of value/,
    anchors: ["invalid character '\\x00'", "invalid character '\\\\x00'"],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'find the file of zero bytes the daemon reads at start: grep -rlP "^\\x00" /etc/docker/daemon.json /var/lib/docker/containers/*/config.v2.json /var/lib/docker/image/*/repositories.json (or the containerd paths its log names); restore or remove it, then start the daemon',
    source: 'Go encoding/json ("invalid character %q looking for beginning of value") on a file a power loss left zero-filled',
    samples: ["FATA[0000] invalid character '\\x00' looking for beginning of value", 'level=fatal msg="invalid character \'\\\\x00\' looking for beginning of value"'],
    counterSamples: ["error loading CNI cache: invalid character '\\x00' looking for beginning of value"],
  }),
  sig({
    id: 'runtime.runc-state-left-behind',
    cause: 'runtime.unavailable',
    // runc keeps a directory per container under its root (/run/containerd/runc/<namespace>, /run/runc); one left by a
    // reset or a killed shim makes every create of that ID fail until it is removed.
    re: /runc create failed: container with given id already exists|container with id exists: \S+/,
    anchors: ['container with given id already exists', 'container with id exists'],
    confidence: 0.7,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'ls /run/containerd/runc/k8s.io/ (or /run/runc, the runtime\'s --root): a directory for a container no shim runs is state left by a reset or a crash — runc delete --force <id> (or remove the directory), then restart the runtime',
    source: 'runc libcontainer factory ("container with given ID already exists", ErrExist "container with id exists: %v")',
    samples: ['Error: failed to create shim task: OCI runtime create failed: runc create failed: container with given ID already exists', 'OCI runtime create failed: container with id exists: 4f2a9c'],
    counterSamples: ['Error response from daemon: Conflict. The container name "/web" is already in use by container "4f2a9c"'],
  }),
  sig({
    id: 'runtime.network-store-stale',
    cause: 'runtime.unavailable',
    // dockerd's libnetwork store (local-kv.db) names endpoints and networks a hard kill left half-deleted; cleaning the
    // sandboxes at start fails on them and the daemon does not come up, or containers cannot join their network.
    re: /getnetworkfromstore for nid failed while trying to build sandbox for cleanup: network not found|failed to delete sandbox while trying to cleanup: could not cleanup all the endpoints/,
    anchors: ['getnetworkfromstore for nid failed', 'could not cleanup all the endpoints'],
    confidence: 0.7,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'journalctl -u docker -b: stop docker, move /var/lib/docker/network/files/local-kv.db aside and start it again (networks other than the defaults are created anew)',
    source: 'libnetwork sandbox cleanup at daemon start (sandboxCleanup: "getNetworkFromStore for nid %s failed while trying to build sandbox for cleanup")',
    samples: [
      '* getNetworkFromStore for nid failed while trying to build sandbox for cleanup: network not found',
      '* failed to delete sandbox while trying to cleanup: could not cleanup all the endpoints in container / sandbox',
    ],
    counterSamples: ['Error response from daemon: network web_default not found'],
  }),
  sig({
    id: 'runtime.content-store-lost',
    cause: 'runtime.unavailable',
    // containerd's metadata lists an image whose blobs are gone from the content store (a root on tmpfs, a disk
    // restored without /var/lib/containerd/io.containerd.content.v1.content): listing or running it fails.
    re: /failed calculating size for image \S+\s+error="?content digest sha256:[0-9a-f]{12,}: not found/,
    anchors: ['failed calculating size for image'],
    confidence: 0.7,
    // Above the bare content-store miss (unknown): ctr's image listing says it is the store, not an unpack.
    specificity: 95,
    alternatives: ['image.disk-full'],
    check: 'ctr -n k8s.io content ls against ctr -n k8s.io images ls: the metadata outlived the content store (a tmpfs root, a partial restore); remove the images (ctr images rm) so they are pulled again, and keep /var/lib/containerd on a persistent disk',
    source: 'ctr images list ("failed calculating size for image"), containerd content store',
    samples: [
      'ERRO[0000] failed calculating size for image docker.io/weaveworks/weave-kube:2.0.4  error="content digest sha256:1ad426d140e5e15b6584f3dbad0e98084993f02ad95e3cba2086b0b054a04033: not found"',
      'ERRO[0000] failed calculating size for image docker.io/library/redis:7 error="content digest sha256:0dad21d6c11e2aad989c0359bd7d2f60470aede01a186dc651c645542dffc28b: not found"',
    ],
    counterSamples: ['failed to pull and unpack image "docker.io/library/redis:7": failed to copy: httpReadSeeker: failed open: content at https://registry-1.docker.io/v2/library/redis/manifests/sha256:0dad not found: not found'],
  }),
  sig({
    id: 'runtime.recover-sandbox-state',
    cause: 'runtime.unavailable',
    // containerd's CRI plugin logs each sandbox or container it cannot rebuild at start; the record names state a crash
    // or a reset left behind. Whether the plugin then serves depends on the release, so the check asks crictl.
    re: /failed to recover (?:sandbox|container) state[^\n]{0,80}?error="?(?:unable to find sandbox|failed to get|failed to load)/,
    anchors: ['failed to recover sandbox state', 'failed to recover container state'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['node.not-ready'],
    check: 'crictl info and crictl pods on the node: if the CRI service answers, the record is only logged; if not, remove the sandbox it names (ctr -n k8s.io containers rm / snapshots rm) and restart containerd',
    source: 'containerd CRI plugin recovery ("failed to recover sandbox state", "failed to recover container state")',
    samples: [
      'level=error msg="failed to recover sandbox state" error="unable to find sandbox \\"02501aa4a04a\\": not found" sandbox=02501aa4a04a',
      'level=error msg="failed to recover container state" error="failed to get metadata: container \\"9c1d\\" in namespace \\"k8s.io\\": not found"',
    ],
    counterSamples: ['level=info msg="Start recovering state"'],
  }),
];
