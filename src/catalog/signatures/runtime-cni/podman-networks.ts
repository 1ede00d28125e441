import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * containers/common's libnetwork as Podman, Buildah and CRI-O's tools print it: the network definitions it loads
 * (CNI config lists in /etc/cni/net.d, netavark's JSON files in /etc/containers/networks), netavark's own IPAM, the
 * rootless network namespace (pasta, slirp4netns) and the containers.conf keys that choose all of these.
 */
export const PODMAN_NETWORK_SIGNATURES: Signature[] = [
  sig({
    id: 'podman.cni-config-list-skipped',
    cause: 'cni.config-invalid',
    // libnetwork/cni loads every conflist and skips, with a warning, one whose network name is taken by an earlier
    // file, is not a valid name, or does not convert to a libpod network: that network then does not exist.
    re: /cni config list [^\n]{1,200}? (has the same network name as \S+, skipping|has invalid name, skipping|could not be converted to a libpod config, skipping)/,
    anchors: ['has the same network name as', 'has invalid name, skipping', 'could not be converted to a libpod config'],
    confidence: 0.85,
    specificity: 90,
    check: 'the file named in /etc/cni/net.d (rootless: ~/.config/cni/net.d) and podman network ls: two conflists with one "name", a name outside [a-zA-Z0-9][a-zA-Z0-9_.-]*, or a plugin entry whose fields do not parse',
    source: 'containers/common libnetwork/cni/network.go loadNetworks ("CNI config list %s has the same network name as %s, skipping", "… could not be converted to a libpod config, skipping: %v")',
    samples: [
      'WARN[0000] CNI config list /etc/cni/net.d/89-web.conflist has the same network name as /etc/cni/net.d/87-podman.conflist, skipping',
      'ERRO[0000] CNI config list /etc/cni/net.d/20-macvlan.conflist could not be converted to a libpod config, skipping: failed to unmarshal the macvlan plugin config in /etc/cni/net.d/20-macvlan.conflist: unexpected end of JSON input',
      'WARN[0000] CNI config list /etc/cni/net.d/lab net.conflist has invalid name, skipping: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument',
    ],
    counterSamples: ['DEBU[0000] Successfully loaded network podman: &{podman 2f259bab93aa bridge cni-podman0}'],
  }),
  sig({
    id: 'netavark.network-config-skipped',
    cause: 'cni.config-invalid',
    // With the netavark backend each network is a JSON file named after it; one that does not decode, whose "name"
    // is not its file name, or whose fields do not parse is skipped, so the network it defines is missing.
    re: /error reading network config file \\?"[^"\n]+\\?": |network config name \\?"[^"\n]*\\?" does not match file name|network config \\?"[^"\n]+\\?" (has invalid name: |could not be parsed, skipping)/,
    anchors: ['error reading network config file', 'does not match file name', 'has invalid name: ', 'could not be parsed, skipping'],
    confidence: 0.8,
    specificity: 90,
    check: 'the file named under /etc/containers/networks (rootless: ~/.local/share/containers/storage/networks): valid JSON whose "name" equals the file name without .json, with a 64-hex "id"; podman network inspect <name>',
    source: 'containers/common libnetwork/netavark/network.go loadNetworks ("Error reading network config file %q: %v", "Network config name %q does not match file name %q, skipping")',
    samples: [
      'WARN[0000] Error reading network config file "/etc/containers/networks/lab.json": invalid character \'}\' after object key:value pair',
      'WARN[0000] Network config name "lab" does not match file name "lab2.json", skipping',
      'WARN[0000] Network config "/etc/containers/networks/db.json" could not be parsed, skipping: invalid network ID "db"',
    ],
    counterSamples: ['WARN[0000] Error loading network config file "/etc/containers/networks/backend.json": open /etc/containers/networks/backend.json: permission denied'],
  }),
  sig({
    id: 'netavark.ipam-range-exhausted',
    cause: 'cni.ipam-exhausted',
    // netavark's IPAM (a bolt database, ipam.db) walks the network's lease range and finds every address taken:
    // the subnet is full, or leases of removed containers were never released.
    re: /ipam error: failed to find free ip in range: \S+ - \S+/,
    anchors: ['failed to find free ip in range'],
    confidence: 0.9,
    specificity: 92,
    source: 'containers/common libnetwork/netavark/ipam.go getFreeIPFromBucket ("failed to find free IP in range: %s - %s")',
    samples: [
      'Error: netavark: IPAM error: failed to find free IP in range: 10.89.0.1 - 10.89.0.254',
      'Error: unable to start container "7d2f1e0c9b8a": IPAM error: failed to find free IP in range: 10.88.0.1 - 10.88.255.254',
    ],
    counterSamples: ['Error: IPAM error: requested ip address 10.89.0.10 is already allocated to container ID 3f2a1b0c9d8e'],
  }),
  sig({
    id: 'podman.network-helper-missing',
    cause: 'cni.plugin-missing',
    // Podman's networks are set up by helper binaries it looks up in helper_binaries_dir and $PATH (netavark and its
    // plugins, aardvark-dns, and for rootless containers pasta or slirp4netns): the package that ships one is not
    // installed, or lives in a directory containers.conf does not list. The same lookup finds non-network helpers,
    // which this does not cover.
    re: /could not find (pasta|slirp4netns), the network namespace (can't|won't) be configured|could not find \\?"(netavark|aardvark-dns|pasta|slirp4netns|rootlessport)\\?" (in one of|because there are no helper binary directories)|netavark: failed to find driver or plugin \\?"/,
    anchors: ["the network namespace can't be configured", "the network namespace won't be configured", 'helper_binaries_dir', 'helper binary directories configured', 'failed to find driver or plugin'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['runtime.unavailable'],
    check: 'which netavark pasta slirp4netns (and ls /usr/libexec/podman /usr/lib/podman): the package that ships the named helper (netavark, aardvark-dns, passt, slirp4netns) must be installed, or helper_binaries_dir in the [engine] section of containers.conf must list its directory',
    source: 'containers/common pkg/config FindHelperBinary ("could not find %q in one of %v.  %s"), libnetwork/pasta and slirp4netns Setup ("could not find pasta, the network namespace can\'t be configured: %w"), libnetwork/netavark getPluginByName',
    samples: [
      'Error: could not find pasta, the network namespace can\'t be configured: exec: "pasta": executable file not found in $PATH',
      'Error: could not find "netavark" in one of [/usr/local/libexec/podman /usr/local/lib/podman /usr/libexec/podman /usr/lib/podman].  To resolve this error, set the helper_binaries_dir key in the `[engine]` section of containers.conf to the directory containing your helper binaries.',
      'Error: netavark: failed to find driver or plugin "macvlan-ext"',
    ],
    counterSamples: ['Error: could not find "catatonit" in one of [/usr/libexec/podman /usr/lib/podman].  To resolve this error, set the helper_binaries_dir key in the `[engine]` section of containers.conf to the directory containing your helper binaries.'],
  }),
  sig({
    id: 'podman.rootless-netns-denied',
    cause: 'runtime.unavailable',
    // Rootless networking (pasta or slirp4netns) opens /dev/net/tun and joins the container's user and network
    // namespaces; on a host without the tun device (a container, a minimal VM) or that forbids the join, no rootless
    // container gets a network.
    re: /couldn't open (user|network) namespace \S+: (permission denied|operation not permitted)|open\(\\*"\/dev\/net\/tun\\*"\): (no such file or directory|no such device|permission denied|operation not permitted)|failed to open\(\) \/dev\/net\/tun: (no such file or directory|no such device|permission denied|operation not permitted)/,
    anchors: ["couldn't open user namespace", "couldn't open network namespace", '/dev/net/tun'],
    confidence: 0.8,
    specificity: 90,
    check: 'ls -l /dev/net/tun and whether the host is itself a container (systemd-detect-virt -c); sysctl user.max_user_namespaces and kernel.unprivileged_userns_clone; AppArmor or SELinux denials for pasta/slirp4netns in the journal',
    source: 'containers/common libnetwork/pasta Setup ("pasta failed with exit code %d:\\n%s") and slirp4netns waitForSync ("%s failed: %q"), relaying passt/slirp4netns',
    samples: [
      'Error: pasta failed with exit code 1:\nCouldn\'t open user namespace /proc/31337/ns/user: Permission denied',
      'Error: slirp4netns failed: "open(\\"/dev/net/tun\\"): No such file or directory\\nWARNING: Support for sandboxing is experimental\\nchild failed(1)\\n"',
      'Error: setting up Pasta: pasta failed with exit code 1:\nCouldn\'t open network namespace /run/user/1000/netns/rootless-netns: Permission denied',
    ],
    counterSamples: ['Error: pasta failed with exit code 1:\nFailed to bind port 8080 (Address already in use) for option \'-t 8080-8080:8080-8080\', exiting'],
  }),
  sig({
    id: 'podman.network-backend-config',
    cause: 'runtime.unavailable',
    // containers.conf chooses the network backend (network_backend), the rootless network command and the subnet
    // pools; a value this build does not support, or a file that does not decode, stops every podman command.
    re: /unsupported network backend \\?"[^"\n]*\\?", check network_backend in containers\.conf|cni support is not enabled in this build|unknown network backend value \\?"|validating network configs |invalid rootless network command \\?"|decode configuration \S*containers\.conf(\.d\/\S+?)?: /,
    anchors: ['check network_backend in containers.conf', 'cni support is not enabled in this build', 'unknown network backend value', 'validating network configs', 'invalid rootless network command', 'decode configuration'],
    confidence: 0.85,
    specificity: 90,
    check: 'podman --log-level=debug info names the containers.conf files it read: the key quoted (network_backend, default_rootless_network_cmd, default_subnet_pools) or the TOML line; netavark is the only backend of Podman 5, CNI networks must be recreated',
    source: 'containers/common libnetwork/network NetworkBackend ("unsupported network backend %q, check network_backend in containers.conf"), pkg/config Validate and readConfigFromFile ("decode configuration %v: %w")',
    samples: [
      'Error: unsupported network backend "cni", check network_backend in containers.conf',
      'Error: cni support is not enabled in this build, only netavark. Got unsupported network backend "cni"',
      'Error: decode configuration /etc/containers/containers.conf: toml: line 42 (last key "network.dns_servers"): incompatible types: TOML value has type string; destination has type slice',
      'Error: validating network configs invalid subnet pool ip "10.89.0.0"',
    ],
    counterSamples: ['Error: loading registries configuration "/etc/containers/registries.conf": mixing sysregistry v1/v2 is not supported'],
  }),
  sig({
    id: 'rootless-netns.resolv-conf-unresolvable',
    cause: 'dns.node-resolver',
    // The rootless network namespace bind-mounts the host's resolv.conf after following /etc/resolv.conf's symlinks;
    // a loop, a missing link or a target it cannot mount is the host resolver's configuration, not the container's.
    re: /too many symlinks while resolving \/etc\/resolv\.conf|failed to (stat resolv\.conf path|read resolv\.conf symlink): |rootless netns: mount resolv\.conf to /,
    anchors: ['too many symlinks while resolving', 'resolv.conf path', 'resolv.conf symlink', 'mount resolv.conf to'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['runtime.unavailable'],
    check: 'ls -l /etc/resolv.conf and readlink -f /etc/resolv.conf: the link must end in a file that exists (systemd-resolved\'s /run/systemd/resolve/stub-resolv.conf, NetworkManager\'s /run/NetworkManager/resolv.conf)',
    source: 'containers/common libnetwork/internal/rootlessnetns setupMounts ("too many symlinks while resolving /etc/resolv.conf", "failed to stat resolv.conf path: %w")',
    samples: [
      'Error: too many symlinks while resolving /etc/resolv.conf',
      'Error: failed to stat resolv.conf path: lstat /etc/resolv.conf: no such file or directory',
    ],
    counterSamples: ['DEBU[0000] The path of /etc/resolv.conf in the mount ns is "/run/systemd/resolve/stub-resolv.conf"'],
  }),
];
