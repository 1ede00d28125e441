import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Where a rootless runtime keeps its files: the user's runtime directory ($XDG_RUNTIME_DIR, /run/user/<uid> made by a
 * login session), the storage under the user's home with fuse-overlayfs where the kernel's overlay is not enough, and
 * for containerd the state and shim directories root would own. Read from podman 4.3.1, fuse-overlayfs 1.10, docker.io
 * 20.10.24 rootless and containerd 1.6.20 under RootlessKit, run as a user with each piece taken away (issue 13).
 */
export const ROOTLESS_STORAGE_DIR_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.rootless-fuse-overlayfs',
    cause: 'runtime.unavailable',
    // fuse-overlayfs mounts a container's layers through /dev/fuse: the device the user may not open (mode 0600, absent
    // in a container) or the program not installed where storage.conf's mount_program names it, no container starts.
    re: /fuse: failed to open \/dev\/fuse: (permission denied|operation not permitted|no such file or directory)|fuse-overlayfs: cannot mount: (permission denied|operation not permitted)|can't stat program \\?"[^"\n]*fuse-overlayfs\\?"/,
    anchors: ['failed to open /dev/fuse', 'fuse-overlayfs: cannot mount', "can't stat program"],
    confidence: 0.9,
    specificity: 92,
    check: 'ls -l /dev/fuse (crw-rw-rw-; in a container pass it with --device /dev/fuse) and which fuse-overlayfs against mount_program in ~/.config/containers/storage.conf; on Linux 5.13+ the kernel\'s overlay serves rootless storage without it',
    source: 'fuse-overlayfs 1.x via libfuse ("fuse: failed to open /dev/fuse: Permission denied", "fuse-overlayfs: cannot mount: %m"), containers/storage drivers/overlay ("overlay: can\'t stat program %q")',
    samples: [
      'fuse: failed to open /dev/fuse: Permission denied\nfuse-overlayfs: cannot mount: Permission denied',
      'Error: overlay: can\'t stat program "/usr/bin/fuse-overlayfs": stat /usr/bin/fuse-overlayfs: no such file or directory',
      'level=error msg="Handler for POST /v1.41/containers/create returned error: using mount program fuse-overlayfs: unknown argument ignored: lazytime\\nfuse: failed to open /dev/fuse: Permission denied\\nfuse-overlayfs: cannot mount: Permission denied\\n: exit status 1"',
    ],
    counterSamples: ['fuse-overlayfs: mounted /home/u/.local/share/containers/storage/overlay/x/merged', 'unknown argument ignored: lazytime'],
  }),
  sig({
    id: 'containers-storage.vfs-mount-program',
    cause: 'runtime.unavailable',
    // storage.conf asks for overlay with a mount_program, but the store already made with vfs wins (libpod's database
    // keeps the driver it was created with), and vfs refuses the overlay options.
    re: /vfs driver does not support overlay\.mount_program options/,
    anchors: ['vfs driver does not support overlay.mount_program'],
    confidence: 0.85,
    specificity: 91,
    check: 'podman info --format {{.Store.GraphDriverName}} against driver in ~/.config/containers/storage.conf: the store keeps its first driver until podman system reset (which removes the images and containers)',
    source: 'containers/storage drivers/vfs ("vfs driver does not support overlay.mount_program options")',
    samples: ['Error: vfs driver does not support overlay.mount_program options', 'Error: vfs driver does not support overlay.mount_program options\n'],
    counterSamples: ['overlay driver does not support vfs.ignore_chown_errors options'],
  }),
  sig({
    id: 'containers-storage.driver-from-database',
    cause: 'unknown',
    // libpod's database remembers the driver the store was made with and overrides a storage.conf that names another:
    // logged at error level, though podman goes on with the old driver. It explains a setting that has no effect, not
    // a failure of its own.
    re: /user-selected graph driver \\?"[^"\n\\]+\\?" overwritten by graph driver \\?"[^"\n\\]+\\?" from database/,
    anchors: ['overwritten by graph driver'],
    confidence: 0.45,
    alternatives: ['runtime.unavailable'],
    specificity: 86,
    check: 'podman info --format {{.Store.GraphDriverName}}: the store keeps its first driver; podman system reset (removing images and containers) lets storage.conf choose again',
    source: 'podman libpod/runtime.go ("User-selected graph driver %q overwritten by graph driver %q from database - delete libpod local files to resolve.  May prevent use of images created by other tools")',
    samples: [
      'time="2026-12-07T08:31:17Z" level=error msg="User-selected graph driver \\"overlay\\" overwritten by graph driver \\"vfs\\" from database - delete libpod local files to resolve.  May prevent use of images created by other tools"',
      'ERRO[0000] User-selected graph driver "overlay" overwritten by graph driver "vfs" from database - delete libpod local files to resolve',
    ],
    counterSamples: ['graph driver "overlay" selected'],
  }),
  sig({
    id: 'runtime.rootless-runtime-dir',
    cause: 'runtime.unavailable',
    // A rootless runtime keeps its sockets and state in $XDG_RUNTIME_DIR, which a login session makes as
    // /run/user/<uid> owned by the user: from su, sudo, cron or a container the variable is missing, names another
    // user's directory, or names one that was never made and that the user cannot make under root's /run/user.
    re: /xdg_runtime_dir directory \\?"[^"\n\\]+\\?" is not owned by the current user|creating events dirs: mkdir \/run\/user\/\d+: permission denied/,
    anchors: ['is not owned by the current user', 'creating events dirs: mkdir /run/user/'],
    confidence: 0.85,
    specificity: 91,
    check: 'echo $XDG_RUNTIME_DIR and ls -ld /run/user/$(id -u) as the user: log in through a session (ssh, machinectl shell <user>@) or loginctl enable-linger <user>, rather than su or sudo',
    source: 'podman pkg/util ("XDG_RUNTIME_DIR directory %q is not owned by the current user"), libpod events ("creating events dirs: %w")',
    samples: [
      'time="2026-12-07T08:26:59Z" level=error msg="XDG_RUNTIME_DIR directory \\"/run/user/0\\" is not owned by the current user"',
      'Error: creating events dirs: mkdir /run/user/1001: permission denied',
    ],
    counterSamples: ['export XDG_RUNTIME_DIR=/run/user/1001', 'creating events dirs: mkdir /home/u/.local/share/containers: permission denied'],
  }),
  sig({
    id: 'runtime.rootless-root-owned-paths',
    cause: 'runtime.unavailable',
    // containerd and ctr run by a user (in RootlessKit's namespace, where root is the user) still default to the
    // directories root owns: /var/lib/containerd, /run/containerd for FIFOs and shim sockets. containerd-rootless.sh
    // replaces them with the user's own; started without it, the mkdir is refused. RootlessKit's own --state-dir
    // under a root-owned directory fails the same way before anything starts, and so does Podman's store when
    // storage.conf's rootless_storage_path names one.
    re: /containerd: mkdir \/var\/lib\/[^\s:]+: permission denied|mkdir \/run\/containerd\/(s|fifo): permission denied|\[rootlesskit:parent\] error: mkdir \S+: permission denied|creating runtime static files directory: mkdir \/var\/lib\/\S+: permission denied/,
    anchors: ['containerd: mkdir /var/lib/', 'mkdir /run/containerd/s:', 'mkdir /run/containerd/fifo:', '[rootlesskit:parent] error: mkdir ', 'creating runtime static files directory'],
    confidence: 0.85,
    specificity: 91,
    check: 'how the rootless containerd was started: containerd-rootless.sh (or containerd-rootless-setuptool.sh install) gives it ~/.local/share/containerd and $XDG_RUNTIME_DIR/containerd and a private /run; a hand-made config needs root, state and grpc.address under the user\'s own directories, and ctr or nerdctl must run inside its namespace (nerdctl does, via nsenter)',
    source: 'containerd 1.6 cmd/containerd ("containerd: mkdir %s: permission denied"), RootlessKit cmd/rootlesskit (--state-dir: "mkdir %s: permission denied"), runtime/v2/shim ("create new shim socket: %s: mkdir /run/containerd/s: permission denied"), ctr cio ("mkdir /run/containerd/fifo: permission denied")',
    samples: [
      'containerd: mkdir /var/lib/containerd-rr: permission denied',
      'ctr: failed to start shim: start failed: io.containerd.runc.v2: create new shim socket: /run/containerd/s/bb4d562f2df77b0b9d6ab12548af5a270eacebf2945f9caaf1f88ba22375923c: mkdir /run/containerd/s: permission denied: exit status 1: unknown',
      'ctr: mkdir /run/containerd/fifo: permission denied',
      '[rootlesskit:parent] error: mkdir /var/lib/rk: permission denied',
      'Error: creating runtime static files directory: mkdir /var/lib/containers-rr: permission denied',
    ],
    counterSamples: ['containerd: mkdir /var/lib/containerd: read-only file system'],
  }),
];
