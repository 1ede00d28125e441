import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The ID mapping a rootless runtime builds before anything else: the user's subordinate ranges in /etc/subuid and
 * /etc/subgid, written into the new user namespace by the setuid helpers newuidmap and newgidmap, in a namespace the
 * kernel lets an unprivileged user create (user.max_user_namespaces above 0). Podman, RootlessKit (dockerd-rootless.sh,
 * containerd-rootless.sh, nerdctl) and pasta each print their own words for each piece missing; read from podman 4.3.1,
 * RootlessKit 1.1.0, passt 2023-03-09 and shadow 4.13 run as a user with each piece taken away (issue 13).
 */
const ID_MAP_CHECK =
  'as the user that runs the runtime: grep "^$(id -un):" /etc/subuid /etc/subgid (a range of 65536 or more each; add one with usermod --add-subuids/--add-subgids, then podman system migrate), ls -l /usr/bin/newuidmap /usr/bin/newgidmap (setuid root, or getcap showing cap_setuid/cap_setgid), sysctl user.max_user_namespaces (above 0)';

export const ROOTLESS_ID_MAPPING_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.rootless-no-subids',
    cause: 'runtime.unavailable',
    // The user has no line in /etc/subuid or /etc/subgid: nothing to map besides the user's own ID. RootlessKit stops;
    // Podman logs it and goes on with a single mapping, which holds no image whose files belong to another ID. A range
    // asked of newuidmap that the files do not grant (edited since the namespace was made) is refused the same way.
    re: /no sub[ug]id ranges found for user|cannot find UID\/GID for user [^\n]{0,80}(no sub[ug]id ranges|check rootless mode)|failed to compute uid\/gid map|new[ug]idmap: [ug]id range \[[^\]\n]*\) -> \[[^\]\n]*\) not allowed/,
    anchors: ['no subuid ranges found', 'no subgid ranges found', 'cannot find uid/gid for user', 'failed to compute uid/gid map', 'newuidmap: uid range', 'newgidmap: gid range'],
    confidence: 0.9,
    specificity: 92,
    check: ID_MAP_CHECK,
    source: 'containers/storage pkg/idtools (podman: "cannot find UID/GID for user %s: no subuid ranges found for user %q in /etc/subuid - check rootless mode in man pages."), RootlessKit pkg/parent/idtools ("failed to compute uid/gid map: No subuid ranges found for user %d (%q)")',
    samples: [
      'time="2026-12-07T08:25:42Z" level=error msg="cannot find UID/GID for user rrlu: no subuid ranges found for user \\"rrlu\\" in /etc/subuid - check rootless mode in man pages."',
      '[rootlesskit:parent] error: failed to setup UID/GID map: failed to compute uid/gid map: No subuid ranges found for user 1001 ("rrlu")',
      'newuidmap: uid range [1-70001) -> [100000-170000) not allowed',
    ],
    counterSamples: ['rrlu:100000:65536', 'subuid ranges found for user rrlu: 100000-165535'],
  }),
  sig({
    id: 'runtime.rootless-single-mapping',
    cause: 'runtime.unavailable',
    // Podman's warning when it found no subordinate IDs: it maps the user alone. Images whose files all belong to root
    // still run, so the warning alone is not the failure; a pull or run that fails beside it is.
    re: /using rootless single mapping into the namespace/,
    anchors: ['using rootless single mapping'],
    confidence: 0.6,
    specificity: 84,
    check: ID_MAP_CHECK,
    source: 'podman pkg/rootless (rootless_linux.go: "Using rootless single mapping into the namespace. This might break some images. Check /etc/subuid and /etc/subgid for adding sub*ids if not using a network user")',
    samples: [
      'time="2026-12-07T08:25:42Z" level=warning msg="Using rootless single mapping into the namespace. This might break some images. Check /etc/subuid and /etc/subgid for adding sub*ids if not using a network user"',
      'WARN[0000] Using rootless single mapping into the namespace. This might break some images. Check /etc/subuid and /etc/subgid for adding sub*ids',
    ],
    counterSamples: ['using a single mapping of the namespace'],
  }),
  sig({
    id: 'runtime.rootless-ids-insufficient',
    cause: 'unknown',
    // A layer holds a file owned by an ID the user namespace does not map (its subordinate range too small, or none):
    // the chown to that ID fails with EINVAL while the layer is applied or the container's layer is created. The
    // runtime itself works (images within the range run), so no catalogued cause names it; the check says what to fix.
    re: /potentially insufficient uids or gids available in user namespace/,
    anchors: ['potentially insufficient uids or gids'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['runtime.unavailable'],
    check: 'the IDs the message names ("requested <uid>:<gid>") against the user\'s ranges: grep "^$(id -un):" /etc/subuid /etc/subgid must cover them (65536 IDs from 100000 hold most images; an ID above 65535 needs a larger range), then podman system migrate so the namespace is made again',
    source: 'containers/storage pkg/archive and drivers/chown ("potentially insufficient UIDs or GIDs available in user namespace (requested %d:%d for %s): Check /etc/subuid and /etc/subgid if configured locally and run podman-system-migrate")',
    samples: [
      'Error: writing blob: adding layer with blob "sha256:d02a607d2f4e02034c1cbd9e99fd4c2c045c113530c6b7f3114ba3a9e68a9820": ApplyLayer stdout:  stderr: potentially insufficient UIDs or GIDs available in user namespace (requested 65534:65534 for /home): Check /etc/subuid and /etc/subgid if configured locally and run podman-system-migrate: lchown /home: invalid argument exit status 1',
      'Error: creating container storage: creating read-write layer with ID "184a5a14730ca6cbb0a3e0e9249ba3876d7462b62ff19b55e766291fa860f5a8": potentially insufficient UIDs or GIDs available in user namespace (requested 65534:65534 for /home/rrlu/.local/share/containers/storage/vfs/dir/184a5a14730ca6cbb0a3e0e9249ba3876d7462b62ff19b55e766291fa860f5a8/home): Check /etc/subuid and /etc/subgid if configured locally and run podman-system-migrate: lchown /home/rrlu/.local/share/containers/storage/vfs/dir/184a5a14730ca6cbb0a3e0e9249ba3876d7462b62ff19b55e766291fa860f5a8/home: invalid argument',
    ],
    counterSamples: ['lchown /home: invalid argument'],
  }),
  sig({
    id: 'runtime.rootless-newuidmap-refused',
    cause: 'runtime.unavailable',
    // newuidmap and newgidmap write the subordinate ranges into the namespace's uid_map, which only a privileged
    // writer may: not installed (the uidmap package), or installed without setuid root or file capabilities, the
    // write fails and the runtime has no namespace to start in.
    re: /command required for rootless mode with multiple ids: exec: \\?"new[ug]idmap\\?"|new[ug]idmap: write to [ug]id_map failed: operation not permitted|cannot set up namespace using \\?"[^"\n]*new[ug]idmap\\?": should have setuid|new[ug]idmap \d+ \[[^\]\n]*\] failed: [^\n]{0,20}(exec: \\?"new[ug]idmap\\?": executable file not found|write to [ug]id_map failed)/,
    anchors: ['command required for rootless mode with multiple ids', 'write to uid_map failed', 'write to gid_map failed', 'should have setuid', 'newuidmap ', 'newgidmap '],
    confidence: 0.9,
    specificity: 92,
    check: ID_MAP_CHECK,
    source: 'shadow newuidmap/newgidmap ("newuidmap: write to uid_map failed: Operation not permitted"), podman pkg/rootless ("command required for rootless mode with multiple IDs: %w", "cannot set up namespace using %q: should have setuid or have filecaps setuid"), RootlessKit pkg/parent ("newuidmap %s %v failed: %s: %w")',
    samples: [
      'Error: command required for rootless mode with multiple IDs: exec: "newuidmap": executable file not found in $PATH',
      'time="2026-12-07T08:26:56Z" level=error msg="running `/usr/bin/newuidmap 24 0 1001 1 1 100000 65536`: newuidmap: write to uid_map failed: Operation not permitted\\n"\nError: cannot set up namespace using "/usr/bin/newuidmap": should have setuid or have filecaps setuid: exit status 1',
      '[rootlesskit:parent] error: failed to setup UID/GID map: newuidmap 29 [0 1001 1 1 100000 65536] failed: : exec: "newuidmap": executable file not found in $PATH',
      'newuidmap: write to uid_map failed: Operation not permitted',
    ],
    counterSamples: ['newuidmap: uid range [0-1) -> [1001-1002) not allowed', 'newuidmap 29 0 1001 1 1 100000 65536'],
  }),
  sig({
    id: 'runtime.rootless-userns-limit',
    cause: 'runtime.unavailable',
    // user.max_user_namespaces at 0 (in the namespace the user runs in or one above it) makes clone and unshare with
    // CLONE_NEWUSER fail with ENOSPC — the kernel's word for a namespace count at its limit, not a full disk.
    re: /user namespaces are not enabled in \/proc\/sys\/user\/max_user_namespaces|max_user_namespaces needs to be set to non-zero|failed to start the child: fork\/exec \/proc\/self\/exe: no space left on device|couldn't create user namespace: no space left on device|cannot clone: no space left on device/,
    anchors: ['/proc/sys/user/max_user_namespaces', 'max_user_namespaces needs to be set', 'failed to start the child', "couldn't create user namespace", 'cannot clone: no space left'],
    confidence: 0.9,
    specificity: 95,
    check: 'sysctl user.max_user_namespaces as the user (0 forbids new user namespaces; a container or sandbox may set it in a namespace above the user\'s), and the count in use: ls -l /proc/*/ns/user | sort -u | wc -l',
    source: 'podman pkg/rootless ("cannot clone: %m" then "user namespaces are not enabled in /proc/sys/user/max_user_namespaces"), RootlessKit ("/proc/sys/user/max_user_namespaces needs to be set to non-zero.", "failed to start the child: fork/exec /proc/self/exe: no space left on device"), passt isolation.c ("Couldn\'t create user namespace: %s")',
    samples: [
      'cannot clone: No space left on device\nuser namespaces are not enabled in /proc/sys/user/max_user_namespaces\nError: cannot re-exec process',
      '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device',
      "Couldn't create user namespace: No space left on device",
    ],
    counterSamples: ['failed to start the child: fork/exec /proc/self/exe: operation not permitted', 'write /var/lib/containers/storage/x: no space left on device'],
  }),
  sig({
    id: 'runtime.unshare-namespace-limit',
    cause: 'runtime.unavailable',
    // unshare(2) answers ENOSPC when a namespace count is at its limit: max_user_namespaces (0 forbids them), or
    // max_net_namespaces, max_mnt_namespaces and the others, each per user and per namespace.
    re: /unshare: unshare failed: no space left on device/,
    anchors: ['unshare failed: no space left on device'],
    confidence: 0.75,
    specificity: 95,
    check: 'sysctl user (every user.max_*_namespaces; the one at 0 or at the count in use is the limit hit) as the user that ran unshare',
    source: 'util-linux unshare ("unshare failed: %m" with ENOSPC)',
    samples: ['unshare: unshare failed: No space left on device', '$ unshare -r true\nunshare: unshare failed: No space left on device'],
    counterSamples: ['unshare: unshare failed: Operation not permitted'],
  }),
  sig({
    id: 'runtime.getsubids-no-ranges',
    cause: 'runtime.unavailable',
    // shadow's getsubids prints this when the user has no subordinate range (or the configured subid source has none).
    re: /(?<![^\n])error fetching ranges(?![^\n])/,
    anchors: ['error fetching ranges'],
    confidence: 0.7,
    specificity: 88,
    check: ID_MAP_CHECK,
    source: 'shadow getsubids ("Error fetching ranges")',
    samples: ['Error fetching ranges', '$ getsubids rrlu\nError fetching ranges'],
    counterSamples: ['0: rrlu 100000 65536'],
  }),
];
