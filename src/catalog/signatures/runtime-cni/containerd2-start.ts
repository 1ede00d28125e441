import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * containerd 2.x (v2.4.2 built from github.com/containerd/containerd/v2) starting with a config its CRI side cannot use,
 * as read on a node coming up (reading rnodeboot, issue 13). containerd 2 splits the CRI plugin into
 * io.containerd.cri.v1.images / .runtime and a pod sandbox controller that depends on both: when one of them fails the
 * dependants log their own "plugin dependency" failure, and containerd serves no CRI at all.
 */
export const CONTAINERD2_START_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.containerd2-cri-dependency-failed',
    cause: 'runtime.unavailable',
    // The pod sandbox controller (io.containerd.podsandbox.controller.v1.podsandbox) and the CRI gRPC service require
    // the CRI image and runtime service plugins; when one failed to load (a snapshotter that does not exist, a
    // default_runtime_name with no runtimes entry, the plugin disabled) they log "unable to load CRI image|runtime
    // service plugin dependency" under their own id. The kubelet then finds no runtime.v1 service on the socket.
    re: /unable to load cri (image|runtime) service plugin dependency/,
    anchors: ['service plugin dependency'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'journalctl -u containerd (or its log): the first "failed to load plugin" line, with id=io.containerd.cri.v1.images or .runtime, names the key at fault (snapshotter, default_runtime_name, a disabled_plugins entry); fix /etc/containerd/config.toml, restart containerd, then crictl info must answer',
    source: 'containerd v2 internal/cri and plugins/cri (runtime and images plugin registration: "unable to load CRI runtime service plugin dependency", "unable to load CRI image service plugin dependency"); seen from a real containerd v2.4.2 with snapshotter "overlayfz", default_runtime_name "crun" and the runtime plugin disabled',
    samples: [
      'time="2026-12-07T11:41:56.246477152Z" level=warning msg="failed to load plugin" error="unable to load CRI image service plugin dependency: failed to find snapshotter \\"overlayfz\\"" id=io.containerd.podsandbox.controller.v1.podsandbox type=io.containerd.podsandbox.controller.v1',
      'level=warning msg="failed to load plugin" error="unable to load CRI runtime service plugin dependency: invalid plugin config: no corresponding runtime configured in `containerd.runtimes` for `containerd` `default_runtime_name = \\"crun\\"" id=io.containerd.podsandbox.controller.v1.podsandbox type=io.containerd.podsandbox.controller.v1',
    ],
    counterSamples: ['level=info msg="loading plugin" id=io.containerd.podsandbox.controller.v1.podsandbox type=io.containerd.podsandbox.controller.v1'],
  }),
  sig({
    id: 'runtime.containerd2-config-toml-unmarshal',
    cause: 'runtime.unavailable',
    // containerd 2's config loader logs the TOML decode error with its position as logrus fields (column, error, file,
    // row) before it exits with "failed to unmarshal TOML at row R column C". The message is containerd's own (its
    // cmd/containerd/server/config loader, vendored as is by k3s and rke2), whatever the config file is called.
    re: /msg=\\?"failure unmarshaling toml\\?" column=\d+ error=/,
    anchors: ['failure unmarshaling toml'],
    confidence: 0.88,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'the file= field names the config and row=/column= the spot: fix that line of the containerd config (a table header or a value without quotes), containerd config dump must then print it, and restart containerd',
    source: 'containerd v2 cmd/containerd/server/config/config.go LoadConfig ("Failure unmarshaling TOML" with file, row, column); seen from a real containerd v2.4.2 with an unclosed table header and an unquoted string value',
    samples: [
      'time="2026-12-07T11:41:34Z" level=error msg="Failure unmarshaling TOML" column=6 error="toml: expected \']\' to close table name" file=/tmp/fd/rnodeboot/cfg/c-c24-badtoml.toml row=6',
      'time="2026-12-07T11:41:41Z" level=error msg="Failure unmarshaling TOML" column=17 error="toml: unexpected character U+006F \'o\' at start of value" file=/tmp/fd/rnodeboot/cfg/c-c24-badtype.toml row=16',
    ],
    counterSamples: ['Error: failed to parse config: toml: line 3: expected \'.\' or \'=\', but got \'o\' instead'],
  }),
];
