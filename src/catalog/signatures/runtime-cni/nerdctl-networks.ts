import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * nerdctl's network set-up: before creating a network (its default "bridge" network on the first run, or one
 * made with `nerdctl network create`) it looks up every plugin the config list names in CNI_PATH.
 */
export const NERDCTL_NETWORK_SIGNATURES: Signature[] = [
  sig({
    id: 'nerdctl.cni-plugin-not-in-cni-path',
    cause: 'cni.plugin-missing',
    // generateNetworkConfig: exec.LookPath(CNI_PATH/<type>) failed for one of bridge, portmap, firewall,
    // tuning, isolation, macvlan, ipvlan, host-local, dhcp: the plugin binary is absent from that directory.
    re: /needs cni plugin [^\n]{0,400}?to be installed/,
    anchors: ['needs cni plugin'],
    also: ['to be installed'],
    confidence: 0.95,
    specificity: 95,
    check: 'ls "$CNI_PATH" (default /opt/cni/bin; nerdctl --cni-path or nerdctl.toml cni_path): install the containernetworking plugins release there, or point CNI_PATH at the directory the distribution uses (/usr/libexec/cni, /usr/lib/cni)',
    source: 'containerd/nerdctl v2.4.2 pkg/netutil/netutil.go (generateNetworkConfig: "needs CNI plugin %q to be installed in CNI_PATH (%q), see …: %w")',
    samples: [
      'FATA[0000] needs CNI plugin "firewall" to be installed in CNI_PATH ("/usr/libexec/cni"), see https://github.com/containernetworking/plugins/releases: exec: "/usr/libexec/cni/firewall": stat /usr/libexec/cni/firewall: no such file or directory',
      'FATA[0000] failed to verify networking settings: failed to create default network: needs CNI plugin "bridge" to be installed in CNI_PATH ("/opt/cni/bin"), see https://github.com/containernetworking/plugins/releases: exec: "/opt/cni/bin/bridge": stat /opt/cni/bin/bridge: no such file or directory',
      'time="2026-12-07T12:00:00Z" level=fatal msg="needs CNI plugin \\"tuning\\" to be installed in CNI_PATH (\\"/usr/lib/cni\\"), see https://github.com/containernetworking/plugins/releases: exec: \\"/usr/lib/cni/tuning\\": stat /usr/lib/cni/tuning: no such file or directory"',
    ],
    counterSamples: ['WARN[0000] To isolate bridge networks, CNI plugin "isolation" (>= 0.4.0) needs to be installed in CNI_PATH (/opt/cni/bin)'],
  }),
];
