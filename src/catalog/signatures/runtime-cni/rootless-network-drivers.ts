import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The rootless network: a user-mode stack (slirp4netns or pasta, RootlessKit's drivers for Docker and containerd) gives
 * the runtime's namespace a tap device and a route out, and forwards published ports from the host with a listener the
 * user owns. Read from RootlessKit 1.1.0 (Debian), slirp4netns 1.2.0, passt 2023-03-09, podman 4.3.1 and
 * dockerd-rootless.sh of docker.io 20.10.24 run as a user in namespaces built for the purpose (issue 13).
 */
const NET_CHECK =
  'as the user: which slirp4netns pasta rootlesskit, ls -l /dev/net/tun (crw-rw-rw-), ip route in the namespace the runtime starts from (pasta needs an interface with a default route), and the driver flags the runtime passes (rootlesskit --net, --mtu: 65521 at most)';
const PORT_CHECK =
  'sysctl net.ipv4.ip_unprivileged_port_start in the namespace the runtime publishes from: a port below it needs that value lowered (in /etc/sysctl.d, to the lowest port published) or CAP_NET_BIND_SERVICE on rootlesskit; otherwise ss -lntup shows who holds the port';

export const ROOTLESS_NETWORK_DRIVER_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.rootless-net-helper-not-installed',
    cause: 'cni.plugin-missing',
    // RootlessKit execs the driver's binary by name (lxc-user-nic has no default path, hence the empty name), and
    // dockerd-rootless.sh looks for one before it starts: the package that ships it is not installed, or not in $PATH.
    re: /\[rootlesskit:parent\] error: exec: \\?"(slirp4netns|vpnkit|lxc-user-nic|)\\?": executable file not found|either slirp4netns \(>= v0\.4\.0\) or vpnkit needs to be installed/,
    anchors: ['[rootlesskit:parent] error: exec:', 'or vpnkit needs to be installed'],
    confidence: 0.85,
    specificity: 91,
    alternatives: ['runtime.unavailable'],
    check: NET_CHECK,
    source: 'RootlessKit pkg/network/slirp4netns, vpnkit, lxcusernic (exec.Command of the driver binary), dockerd-rootless.sh ("Either slirp4netns (>= v0.4.0) or vpnkit needs to be installed")',
    samples: [
      '[rootlesskit:parent] error: exec: "slirp4netns": executable file not found in $PATH',
      'time="2026-12-07T08:27:50Z" level=warning msg="\\"lxc-user-nic\\" network driver is experimental"\n[rootlesskit:parent] error: exec: "": executable file not found in $PATH',
      '+ echo Either slirp4netns (>= v0.4.0) or vpnkit needs to be installed\nEither slirp4netns (>= v0.4.0) or vpnkit needs to be installed',
    ],
    counterSamples: ['[rootlesskit:parent] error: exec: "docker-init": permission denied', 'slirp4netns needs to be installed'],
  }),
  sig({
    id: 'runtime.rootless-net-driver-options',
    cause: 'runtime.unavailable',
    // The driver or MTU asked for is not one this build takes: RootlessKit before 2.0 knows no pasta, Debian's build
    // leaves out vpnkit, and slirp4netns, RootlessKit and pasta refuse an MTU above 65521. Nothing starts.
    re: /\[rootlesskit:parent\] error: (unknown network mode: \S+|not supported in this debian package|mtu must be <= \d+, got \d+)|mtu must be a positive integer \(< 65522\)|(?<![^\n])invalid mtu: \d+(?![^\n])/,
    anchors: ['[rootlesskit:parent] error: unknown network mode', '[rootlesskit:parent] error: not supported in this debian package', '[rootlesskit:parent] error: mtu must be', 'mtu must be a positive integer', 'invalid mtu: '],
    confidence: 0.85,
    specificity: 91,
    check: NET_CHECK,
    source: 'RootlessKit cmd/rootlesskit ("unknown network mode: %s", "mtu must be <= 65521, got %d"), Debian\'s rootlesskit build without vpnkit ("not supported in this Debian package"), slirp4netns main.c ("MTU must be a positive integer (< 65522)"), passt conf.c ("Invalid MTU: %s")',
    samples: [
      '[rootlesskit:parent] error: unknown network mode: pasta',
      '[rootlesskit:parent] error: not supported in this Debian package',
      '[rootlesskit:parent] error: mtu must be <= 65521, got 70000',
      'Error: /usr/bin/slirp4netns failed: "MTU must be a positive integer (< 65522)\\nUsage: /usr/bin/slirp4netns [OPTION]... PID|PATH [TAPNAME]\\n"',
      'Invalid MTU: 70000',
    ],
    counterSamples: ['[rootlesskit:parent] error: child exited: exit status 1', 'mtu 65520 qdisc pfifo_fast'],
  }),
  sig({
    id: 'runtime.rootlesskit-not-installed',
    cause: 'runtime.unavailable',
    // dockerd-rootless.sh runs the daemon inside RootlessKit and looks for it first.
    re: /rootlesskit needs to be installed(?![^\n])/,
    anchors: ['rootlesskit needs to be installed'],
    confidence: 0.9,
    specificity: 91,
    check: 'which rootlesskit (the rootlesskit package, or docker-ce-rootless-extras / docker-rootless-extras for Docker\'s own packages)',
    source: 'dockerd-rootless.sh ("rootlesskit needs to be installed")',
    samples: ['+ echo rootlesskit needs to be installed\nrootlesskit needs to be installed', 'rootlesskit needs to be installed'],
    counterSamples: ['rootlesskit needs to be run as a user'],
  }),
  sig({
    id: 'runtime.pasta-no-usable-interface',
    cause: 'runtime.unavailable',
    // pasta copies the host's addresses and routes into the namespace from the interface that holds the default route;
    // with none for IPv4 nor IPv6 (an offline host, a namespace without a default route) it has nothing to copy and
    // exits. The line for one family alone is a notice: pasta goes on with the other.
    re: /external interface not usable(?![^\n])/,
    anchors: ['external interface not usable'],
    confidence: 0.85,
    specificity: 91,
    check: 'ip route show default and ip -6 route show default where pasta starts: at least one family needs a default route, or pass pasta the interface (-i) and addresses by hand',
    source: 'passt conf.c ("No external routable interface for IPv4/IPv6", then "External interface not usable")',
    samples: [
      'No external routable interface for IPv4\nNo external routable interface for IPv6\nExternal interface not usable',
      'External interface not usable',
    ],
    counterSamples: ['No external routable interface for IPv6'],
  }),
  sig({
    id: 'runtime.pasta-tun-unopenable',
    cause: 'runtime.unavailable',
    // pasta opens /dev/net/tun inside the namespace it made; a device the user may not open (mode 0600, absent in a
    // container) leaves it no tap.
    re: /failed to open tun socket in namespace/,
    anchors: ['failed to open tun socket in namespace'],
    confidence: 0.85,
    specificity: 91,
    check: 'ls -l /dev/net/tun on the host (crw-rw-rw- root root 10, 200; a container needs it passed in with --device /dev/net/tun)',
    source: 'passt tap.c ("Failed to open tun socket in namespace")',
    samples: ['Failed to open tun socket in namespace', 'Failed to send 45 bytes to syslog\nFailed to open tun socket in namespace'],
    counterSamples: ['opened tun socket in namespace'],
  }),
  sig({
    id: 'runtime.rootless-privileged-port',
    cause: 'unknown',
    // A rootless runtime publishes a port with a listener the user owns on the host; below
    // net.ipv4.ip_unprivileged_port_start (1024 by default) the kernel refuses the bind, so the container is not started.
    // The runtime works for any other port: no catalogued cause names a host that reserves low ports; the check does.
    re: /cannot expose privileged port \d+/,
    anchors: ['cannot expose privileged port'],
    confidence: 0.5,
    alternatives: ['runtime.unavailable'],
    specificity: 92,
    check: PORT_CHECK,
    source: 'RootlessKit pkg/port/builtin and podman rootlessport ("cannot expose privileged port %d, you can add \'net.ipv4.ip_unprivileged_port_start=%d\' to /etc/sysctl.conf (currently %d), … : listen tcp 0.0.0.0:%d: bind: permission denied")',
    samples: [
      "Error: rootlessport cannot expose privileged port 80, you can add 'net.ipv4.ip_unprivileged_port_start=80' to /etc/sysctl.conf (currently 1024), or choose a larger port number (>= 1024): listen tcp 0.0.0.0:80: bind: permission denied",
      "docker: Error response from daemon: driver failed programming external connectivity on endpoint competent_golick (14d962d62f08): Error starting userland proxy: error while calling PortManager.AddPort(): cannot expose privileged port 80, you can add 'net.ipv4.ip_unprivileged_port_start=80' to /etc/sysctl.conf (currently 1024), or set CAP_NET_BIND_SERVICE on rootlesskit binary, or choose a larger port number (>= 1024): listen tcp4 0.0.0.0:80: bind: permission denied.",
      "[rootlesskit:parent] error: failed to expose port {tcp 0.0.0.0 80 80 }: cannot expose privileged port 80, you can add 'net.ipv4.ip_unprivileged_port_start=80' to /etc/sysctl.conf (currently 1024), or set CAP_NET_BIND_SERVICE on rootlesskit binary, or choose a larger port number (>= 1024): listen tcp 0.0.0.0:80: bind: permission denied",
    ],
    counterSamples: ['Error starting userland proxy: listen tcp4 0.0.0.0:8080: bind: address already in use'],
  }),
  sig({
    id: 'runtime.rootless-port-forward-refused',
    cause: 'unknown',
    alternatives: ['runtime.unavailable'],
    // slirp4netns's and pasta's own port forwarders report a failed host bind without its reason: a port below
    // ip_unprivileged_port_start and a port another process holds read the same.
    re: /slirp_add_hostfwd failed|failed to bind any port for '-[tu] [^'\n]*'/,
    anchors: ['slirp_add_hostfwd failed', 'failed to bind any port for'],
    confidence: 0.45,
    specificity: 90,
    check: PORT_CHECK,
    source: 'slirp4netns api.c ("add_hostfwd: slirp_add_hostfwd failed") as podman and RootlessKit relay it; passt conf.c ("Failed to bind any port for \'%s\', exiting")',
    samples: [
      'Error: from slirp4netns while setting up port redirection: map[desc:bad request: add_hostfwd: slirp_add_hostfwd failed]',
      '[rootlesskit:parent] error: failed to expose port {tcp 0.0.0.0 80 80 }: reply.Error: map[desc:bad request: add_hostfwd: slirp_add_hostfwd failed]',
      "Failed to bind any port for '-t 80', exiting",
    ],
    counterSamples: ['add_hostfwd: ok'],
  }),
  sig({
    id: 'runtime.slirp-host-loopback-refused',
    cause: 'unknown',
    // In slirp4netns's network 10.0.2.2 is the host's loopback; RootlessKit's --disable-host-loopback (always passed by
    // dockerd-rootless.sh 20.10, the default of containerd-rootless.sh) makes slirp answer it unreachable. A registry
    // on the host's 127.0.0.1 is then out of reach from a rootless daemon, which no catalogued cause names.
    re: /dial tcp 10\.0\.2\.2:\d+: connect: network is unreachable/,
    anchors: ['dial tcp 10.0.2.2:'],
    confidence: 0.5,
    specificity: 70,
    alternatives: ['registry.connection-refused'],
    check: 'whether the rootless runtime\'s RootlessKit runs with --disable-host-loopback (ps -o args= -C rootlesskit): reach the registry at an address of the host other than loopback, or start RootlessKit without that flag (DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false, CONTAINERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false)',
    source: 'slirp4netns --disable-host-loopback (libslirp refuses 10.0.2.2), Go net dial error "dial tcp %s: connect: network is unreachable"',
    samples: [
      'ctr: failed to resolve reference "10.0.2.2:5000/lab/bb:1": failed to do request: Head "https://10.0.2.2:5000/v2/lab/bb/manifests/1": dial tcp 10.0.2.2:5000: connect: network is unreachable',
      'level=error msg="Handler for POST /v1.41/images/create returned error: Get \\"https://reg2.lab:5000/v2/\\": dial tcp 10.0.2.2:5000: connect: network is unreachable"',
    ],
    counterSamples: ['dial tcp 10.0.2.2:5000: connect: connection refused', 'dial tcp 10.0.2.20:5000: connect: network is unreachable'],
  }),
];
