import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * containers/storage as podman, buildah, skopeo (containers-storage: transport) and CRI-O open it, read from real runs of
 * Debian's podman 4.3, buildah 1.28 and skopeo 1.9 against a storage.conf naming a driver the host lacks and a
 * storage.conf that does not parse: every command that touches the store stops before any registry is asked.
 */
export const CONTAINERS_STORAGE_CONF_SIGNATURES: Signature[] = [
  sig({
    id: 'containers-storage.driver-unsupported',
    cause: 'runtime.unavailable',
    // storage.conf's driver (or --storage-driver, or the driver recorded in the store's database) names a graph
    // driver this host cannot run: aufs checks /proc/filesystems ("kernel does not support aufs"), devicemapper is
    // compiled out of Debian's and Fedora's builds and returns the bare graphdriver.ErrNotSupported. The store never
    // opens, so pull, images, info and build all fail the same way.
    re: /kernel does not support (aufs|overlay|btrfs|zfs)\b[^\n]{0,40}: driver not supported|^(Error: )?driver not supported\s*$|failed to shutdown storage: \\?"driver not supported/m,
    anchors: ['driver not supported'],
    confidence: 0.75,
    specificity: 90,
    check: 'grep -n driver /etc/containers/storage.conf (and ~/.config/containers/storage.conf, CONTAINERS_STORAGE_CONF, podman --storage-driver): overlay or vfs on an ordinary host; grep -w <driver> /proc/filesystems for aufs/overlay; a store created under another driver keeps it in libpod\'s database (podman system reset, or set the old driver back)',
    source: 'containers/storage drivers (aufs: "kernel does not support aufs", graphdriver.ErrNotSupported "driver not supported"; devicemapper compiled out by the exclude_graphdriver_devicemapper build tag)',
    samples: [
      'Error: kernel does not support aufs: driver not supported\ntime="2026-12-07T06:19:07Z" level=warning msg="failed to shutdown storage: \\"kernel does not support aufs: driver not supported\\""',
      'Error: driver not supported\ntime="2026-12-07T06:19:11Z" level=warning msg="failed to shutdown storage: \\"driver not supported\\""',
      'Error: driver not supported',
    ],
    counterSamples: [
      'Error: volume driver not supported',
      'Error response from daemon: logging driver not supported: gelf',
    ],
  }),
  sig({
    id: 'containers-storage.conf-unparsable',
    cause: 'runtime.unavailable',
    // storage.conf does not parse. containers/storage reports the TOML error without the file's name, but the key it
    // names is storage.conf's own table ([storage], [storage.options], [storage.options.overlay]): no other file of
    // the containers stack has a top-level "storage" table. podman, buildah and skopeo stop before opening the store.
    re: /toml: line \d+ \(last key \\{0,3}"storage(\.[\w.-]+)?\\{0,3}"\)/,
    anchors: ['(last key "storage'],
    confidence: 0.75,
    specificity: 90,
    check: 'the storage.conf in use (CONTAINERS_STORAGE_CONF, ~/.config/containers/storage.conf, /etc/containers/storage.conf, /usr/share/containers/storage.conf) at the line the error names: a [storage] table, each key once, quoted strings',
    source: 'containers/storage types ReloadConfigurationFile (BurntSushi/toml error returned without the path) as podman, buildah and skopeo print it',
    samples: [
      'time="2026-12-07T06:19:12Z" level=error msg="toml: line 6 (last key \\"storage\\"): expected \'.\' or \']\' to end table name, but got \'\\\\n\' instead"',
      'time="2026-12-07T06:21:58Z" level=error msg="toml: line 5 (last key \\"storage.driver\\"): Key \'storage.driver\' has already been defined."',
      'time="2026-12-07T06:19:13Z" level=fatal msg="Invalid destination name containers-storage:reg.lab.test:5443/lab/app:1.0: toml: line 6 (last key \\"storage\\"): expected \'.\' or \']\' to end table name, but got \'\\\\n\' instead"',
    ],
    counterSamples: [
      'toml: line 5 (last key "engine"): expected \'.\' or \']\' to end table name',
      'Error: loading registries configuration "/etc/containers/registries.conf": toml: line 2 (last key "unqualified-search-registries"): expected a comma',
    ],
  }),
];
