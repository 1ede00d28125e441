import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Rootless and unprivileged runtimes: Docker, containerd (nerdctl) and Podman run by a user, k3s and BuildKit in
 * rootless mode, Apptainer without setuid, gVisor without root. Each first builds what root would be given: a user
 * namespace (newuidmap, /proc/self/uid_map, the kernel's permission for unprivileged namespaces), a network for it
 * (RootlessKit's slirp4netns, pasta or vpnkit driver and a tap device) and a session (XDG_RUNTIME_DIR, a systemd user
 * bus). When one of them is refused nothing starts, so the runtime is unavailable whatever the workload.
 */
const ROOTLESS_CHECK =
  'as the user that runs the runtime: sysctl kernel.unprivileged_userns_clone user.max_user_namespaces kernel.apparmor_restrict_unprivileged_userns (Ubuntu 23.10+ needs an AppArmor profile for rootlesskit or that sysctl at 0), ranges in /etc/subuid and /etc/subgid, getcap /usr/bin/newuidmap, /dev/net/tun, which slirp4netns pasta, and echo $XDG_RUNTIME_DIR (a login session: loginctl enable-linger <user>)';

export const ROOTLESS_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.rootless-network-driver',
    cause: 'runtime.unavailable',
    // RootlessKit's parent sets up the child's network with a driver binary and a tap device; Podman calls slirp4netns or
    // pasta itself. The driver refused its namespaces or failing to make the tap leaves no network to start in. (The
    // helper binary not installed is podman.network-helper-missing's, in ./podman-networks.ts.)
    re: /failed to setup network &\{[^\n]{0,400}binary:(slirp4netns|pasta|vpnkit|lxc-user-nic)|setting up (pasta|slirp4netns): (pasta|slirp4netns) failed|\bslirp4netns failed: "|setting up tap tap\d+: executing|\b(create_sandbox|do_slirp) failed|setns\(clone_newnet\): invalid argument/,
    anchors: ['failed to setup network &{', 'setting up pasta', 'setting up slirp4netns', 'slirp4netns failed', 'setting up tap tap', 'create_sandbox failed', 'do_slirp failed', 'setns(clone_newnet): invalid argument'],
    confidence: 0.8,
    specificity: 91,
    check: ROOTLESS_CHECK,
    source: 'RootlessKit (pkg/network/slirp4netns, pasta: "failed to setup network &{… binary:…}", "setting up tap tap0: executing …"), Podman ("setting up Pasta: pasta failed with exit code 1"), slirp4netns and passt/pasta\'s own stderr',
    samples: [
      '[rootlesskit:parent] error: failed to setup network &{logWriter:0xc0000a4020 binary:slirp4netns mtu:65520 ipnet:<nil> disableHostLoopback:true ifname:tap0}: setting up tap tap0: executing [[nsenter -t 381 -n -m -U --preserve-credentials ip tuntap add name tap0 mode tap]]: exit status 1',
      'Error: unable to start container 4c1f: setting up Pasta: pasta failed with exit code 1:\nNo external routable interface for IPv6',
      'FATA[2020-06-24T22:37:41.538205795+02:00] failed to setup network &{binary:slirp4netns mtu:65520 ipnet:0xc0012e2d50 disableHostLoopback:true}: waiting for ready fd (/home/u/bin/slirp4netns --mtu 65520 -r 3 49044 tap0): slirp4netns failed',
      'slirp4netns --netns-type=path --userns-path=/tmp/userns /tmp/netns tap0\n\nsetns(CLONE_NEWNET): Invalid argument\nchild failed(1)',
    ],
    counterSamples: ['exec: "kubelet": executable file not found in $PATH', 'Error: starting container 2ba3: setting up network: done'],
  }),
  sig({
    id: 'runtime.rootlesskit-child-start',
    cause: 'runtime.unavailable',
    // RootlessKit re-executes itself in new user and mount namespaces; refused (no unprivileged namespaces, a seccomp or
    // AppArmor policy, a container without them), the child never starts. Its child also binds the paths root would own.
    // (The child's "command [...] exited" only reports that the command it ran failed: rootlesskit-command-exited.)
    re: /failed to start the child: fork\/exec \/proc\/self\/exe|\[rootlesskit:child ?\] error: (failed to share mount point|failed to create bind mount on )|rootlesskit failed, see the error messages|failed to setup mount \/var\/lib\/\S+ => /,
    anchors: ['failed to start the child', '[rootlesskit:child', 'rootlesskit failed', 'failed to setup mount /var/lib/'],
    confidence: 0.8,
    specificity: 90,
    check: ROOTLESS_CHECK,
    source: 'RootlessKit (cmd/rootlesskit, pkg/child: "failed to start the child: fork/exec /proc/self/exe: …", "failed to share mount point", --copy-up: "failed to create bind mount on …"), dockerd-rootless.sh, k3s --rootless ("failed to setup mount /var/lib/cni => …")',
    samples: [
      '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: operation not permitted\n[ERROR] RootlessKit failed, see the error messages and https://rootlesscontaine.rs/getting-started/common/ .',
      'failed to start the child: fork/exec /proc/self/exe: invalid argument',
      '[rootlesskit:child ] error: failed to share mount point: /: permission denied\n[rootlesskit:parent] error: child exited: exit status 1',
      '[rootlesskit:child ] error: failed to create bind mount on /nonexistent: no such file or directory\n[rootlesskit:parent] error: child exited: exit status 1',
      'FATA[2019-05-11T17:01:54.318102263+09:00] failed to setup mount /var/lib/cni => /home/suda/.rancher/k3s/cni: failed to create directory %!s(MISSING): mkdir /var/lib/cni: permission denied',
    ],
    counterSamples: [
      'failed to start noop process for unshare: fork/exec /proc/self/exe: invalid argument',
      '[rootlesskit:child ] error: command [/usr/local/bin/ctr images pull registry.lab:5000/lab/bb:1] exited: exit status 1\n[rootlesskit:parent] error: child exited: exit status 1',
    ],
  }),
  sig({
    id: 'runtime.rootlesskit-command-exited',
    cause: 'unknown',
    // RootlessKit's child reports the exit of the command it ran (a daemon, a pull, a shell), and the parent the child's,
    // and the child reads EOF when the parent failed first: the reason is the command's or the parent's own error
    // above these lines, which outranks them.
    re: /\[rootlesskit:child ?\] error: (command \[[^\n]{0,400}\] exited|parsing message from fd \d+: eof)|\[rootlesskit:parent\] error: child exited: exit status/,
    anchors: ['[rootlesskit:child', '[rootlesskit:parent] error: child exited'],
    confidence: 0.4,
    specificity: 40,
    alternatives: ['runtime.unavailable'],
    check: 'the lines before these: the error of the command RootlessKit ran (dockerd, containerd, a pull) or of RootlessKit\'s parent ([rootlesskit:parent] error: …) names the cause',
    source: 'RootlessKit pkg/child ("command %v exited: %w", "parsing message from fd %d: %w") and cmd/rootlesskit ("child exited: %w")',
    samples: [
      '[rootlesskit:child ] error: command [/tmp/fd/rrootless-scratch/cd/in.sh ctr images pull registry.lab:5000/lab/bb:1] exited: exit status 1\n[rootlesskit:parent] error: child exited: exit status 1',
      '[rootlesskit:child ] error: parsing message from fd 3: EOF',
    ],
    counterSamples: ['[rootlesskit:child ] error: failed to share mount point: /: permission denied'],
  }),
  sig({
    id: 'runtime.userns-unavailable',
    cause: 'runtime.unavailable',
    // An unprivileged process may map its IDs only where the kernel allows unprivileged user namespaces: Debian's
    // unprivileged_userns_clone, max_user_namespaces at 0, Ubuntu 24.04's AppArmor restriction all refuse the write.
    re: /write(?: failed)? ?\(?"?\/proc\/self\/[ug]id_map"?(?:, \.\.\))?:? (?:=> )?operation not permitted|requires unprivileged user namespaces|failed to create user namespace: user namespace requires|\/proc\/sys\/kernel\/unprivileged_userns_clone to 1/,
    anchors: ['/proc/self/uid_map', '/proc/self/gid_map', 'requires unprivileged user namespaces', 'failed to create user namespace', 'unprivileged_userns_clone to 1'],
    confidence: 0.8,
    specificity: 90,
    check: ROOTLESS_CHECK,
    source: 'util-linux unshare ("write failed /proc/self/uid_map: Operation not permitted"), Apptainer/Singularity ("requires unprivileged user namespaces", "user namespace requires to set /proc/sys/kernel/unprivileged_userns_clone to 1"), runtimes writing uid_map themselves',
    samples: [
      '$ unshare --user --map-root-user --pid sh\nunshare: write failed /proc/self/uid_map: Operation not permitted',
      'FATAL:   Building with encryption unprivileged requires unprivileged user namespaces',
      'FATAL:   while extracting /github/workspace/x.simg: root filesystem extraction failed: extract command failed: ERROR  : Failed to create user namespace: user namespace requires to set /proc/sys/kernel/unprivileged_userns_clone to 1',
      '  reason=write("/proc/self/uid_map", ..) => Operation not permitted (os error 1)',
    ],
    counterSamples: ['wrote /proc/self/uid_map'],
  }),
  sig({
    id: 'runtime.rootless-session',
    cause: 'runtime.unavailable',
    // A rootless daemon lives in the user's session: its sockets under $XDG_RUNTIME_DIR (/run/user/<uid>), its cgroups
    // through the user's systemd bus. Run from sudo, su, cron or a CI job without a login session, neither exists.
    re: /xdg_runtime_dir needs to be set|environment variable xdg_runtime_dir is not set|rootless containerd not running\?|dockerd-rootless\.sh needs to be present|listen unix \/run\/user\/\d+\/\S+: bind: no such file or directory|sd-bus call: interactive authentication required|# missing system requirements\. please run following commands|fork\/exec rootlesskit-docker-proxy: no such file/,
    anchors: ['xdg_runtime_dir', 'rootless containerd not running', 'dockerd-rootless.sh needs', 'listen unix /run/user/', 'interactive authentication required', 'missing system requirements', 'rootlesskit-docker-proxy'],
    confidence: 0.75,
    specificity: 90,
    check: ROOTLESS_CHECK,
    source: 'dockerd-rootless-setuptool.sh and the get.docker.com/rootless installer, nerdctl ("rootless containerd not running? (hint: use `containerd-rootless-setuptool.sh install` …)"), bypass4netns, crun/Podman with the systemd cgroup manager ("sd-bus call: Interactive authentication required.")',
    samples: [
      'WARN[0000] environment variable XDG_RUNTIME_DIR is not set, see https://rootlesscontaine.rs/getting-started/common/login/\nFATA[0000] rootless containerd not running? (hint: use `containerd-rootless-setuptool.sh install` to start rootless containerd)',
      '[ERROR] dockerd-rootless.sh needs to be present under $PATH',
      'cannot listen: listen unix /run/user/1003/bypass4netns.sock: bind: no such file or directory',
      'sd-bus call: Interactive authentication required.: Permission denied',
    ],
    counterSamples: ['export XDG_RUNTIME_DIR=/run/user/1000', 'HTTP 401: authentication required'],
  }),
  sig({
    id: 'runtime.idmap-mounts-unsupported',
    cause: 'runtime.unavailable',
    // A pod with hostUsers: false (or a rootless snapshot) needs its image's files shifted into the pod's ID range by an
    // idmapped mount; a kernel or filesystem without them (overlayfs before Linux 5.19, tmpfs before 6.3) refuses.
    re: /doesn't support idmap mounts on this host|failed to create idmapped mount|unable to shift gid\/uid for/,
    anchors: ["doesn't support idmap mounts", 'failed to create idmapped mount', 'unable to shift gid/uid'],
    confidence: 0.75,
    specificity: 90,
    check: 'uname -r on the node (idmapped overlayfs needs Linux 5.19+, tmpfs 6.3+) and the pod\'s spec.hostUsers; containerd can fall back with slow_chown = true in its overlayfs snapshotter config, or run the pod with hostUsers: true',
    source: 'containerd (snapshots/overlay: "snapshotter \\"overlayfs\\" doesn\'t support idmap mounts on this host, configure `slow_chown` …"; mount: "failed to create idmapped mount")',
    samples: [
      'failed to create containerd container: snapshotter "overlayfs" doesn\'t support idmap mounts on this host, configure `slow_chown` to allow a slower and expensive fallback',
      'failed to create shim task: failed to mount rootfs component: failed to create idmapped mount: Unable to shift GID/UID for /run/user/1000/ovl-idmapped2387320805/0: function not implemented: unknown',
    ],
    counterSamples: ['overlayfs supports idmap mounts'],
  }),
  sig({
    id: 'runtime.unprivileged-namespace-ops',
    cause: 'runtime.unavailable',
    // What only root may do, asked for by a runtime that is not root: create /var/run/netns, bind it shared, give a
    // sandbox a network in the host's namespace, mount a BuildKit snapshot, set cgroup v1 limits. (A bridge the CNI
    // plugin may not add is not read here: on WSL2 and other kernels without the bridge module it reads the same.)
    re: /mkdir \/var\/run\/netns: permission denied|mount --make-rshared \/var\/run\/netns failed: "?operation not permitted|cannot run with network enabled in root network namespace|error setting up chroot: error converting mounts|failed to mount \/tmp\/buildkit-mount\d+: [^\n]{0,300}operation not permitted|not supported and ignored on cgroups? v1 rootless|replacedirwithoverlayopaque\("[^"\n]*"\) failed[^\n]{0,300}operation not permitted/,
    anchors: ['mkdir /var/run/netns', '--make-rshared /var/run/netns', 'network enabled in root network namespace', 'error setting up chroot', '/tmp/buildkit-mount', 'ignored on cgroups v1 rootless', 'ignored on cgroup v1 rootless', 'replacedirwithoverlayopaque'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['node.not-ready'],
    check: 'whether the runtime runs as root (ps -o user= -p $(pidof dockerd containerd podman buildkitd)) or in a container without CAP_SYS_ADMIN/CAP_NET_ADMIN: rootless mode needs its own network (slirp4netns/pasta) and cgroup v2 delegation; otherwise run it privileged or as root',
    source: 'Podman and kata ("mkdir /var/run/netns: permission denied", "mount --make-rshared /var/run/netns failed"), runsc ("cannot run with network enabled in root network namespace"), BuildKit\'s runc worker, Docker rootless on cgroup v1',
    samples: [
      'ERRO[0000] mkdir /var/run/netns: permission denied: OCI runtime permission denied error',
      'ERRO[0000] Error preparing container eb28: error creating network namespace for container eb28: mount --make-rshared /var/run/netns failed: "operation not permitted"',
      'starting container: setting up network: creating interfaces from net namespace "/proc/3194499/ns/net": cannot run with network enabled in root network namespace',
      'Resource limits are not supported and ignored on cgroups V1 rootless systems',
    ],
    counterSamples: ['failed to create bridge "cni0": could not add "cni0": operation not permitted'],
  }),
  sig({
    id: 'node.br-netfilter-insert-refused',
    cause: 'node.br-netfilter',
    // dockerd loads br_netfilter itself for inter-container rules; rootless or in a container it may not insert modules,
    // so the host must have it loaded.
    re: /could not insert 'br_netfilter': operation not permitted/,
    anchors: ["could not insert 'br_netfilter'"],
    confidence: 0.7,
    specificity: 90,
    check: 'lsmod | grep br_netfilter on the host: load the module there and keep it loaded at boot (the node.br-netfilter fix), since the runtime cannot',
    source: 'kmod as called by dockerd for its bridge rules ("… failed with message: modprobe: ERROR: could not insert \'br_netfilter\': Operation not permitted")',
    samples: [
      "WARN[2021-01-22T10:36:21.160738337+01:00] failed with message: modprobe: ERROR: could not insert 'br_netfilter': Operation not permitted",
      "modprobe: ERROR: could not insert 'br_netfilter': Operation not permitted",
    ],
    counterSamples: ["modprobe: ERROR: could not insert 'vxlan': Operation not permitted"],
  }),
  sig({
    id: 'node.firewall-cni-firewalld-refused',
    cause: 'node.firewall',
    // The CNI firewall plugin asks firewalld over D-Bus to trust the pod's address; polkit refuses a user without the right.
    re: /plugin type=\\?"firewall\\?" failed \(add\): [^\n]{0,200}not authorized/,
    anchors: ['plugin type="firewall" failed'],
    confidence: 0.6,
    specificity: 90,
    check: 'firewall-cmd --state and whether the runtime runs as a user polkit lets change firewalld (org.fedoraproject.FirewallD1.config); use the firewall plugin\'s iptables backend or run the runtime as root',
    source: 'containernetworking/plugins firewall (firewalld backend: "failed to add the address … to trusted zone: Not Authorized")',
    samples: [
      'failed to call cni.Setup: plugin type="firewall" failed (add): failed to add the address 10.4.0.17/32 to trusted zone: Not Authorized(uid): org.fedoraproject.FirewallD1.config',
      'plugin type="firewall" failed (add): failed to add the address 10.88.0.5/32 to trusted zone: Not Authorized: org.fedoraproject.FirewallD1.config',
    ],
    counterSamples: ['plugin type="firewall" failed (add): failed to list chains: running [/usr/sbin/iptables -t filter -S]: exit status 1'],
  }),
  sig({
    id: 'dns.gvproxy-no-host-nameserver',
    cause: 'dns.node-resolver',
    // Podman machine's gvproxy answers the VM's lookups with the host's nameservers; with none in the host's resolver
    // configuration (offline, a VPN that removed them) it indexes an empty list.
    re: /gvisor-tap-vsock\/pkg\/services\/dns\.getdnshostandport/,
    anchors: ['services/dns.getdnshostandport'],
    confidence: 0.7,
    specificity: 90,
    check: 'the host\'s resolver configuration (/etc/resolv.conf, scutil --dns on macOS): it needs at least one nameserver for gvproxy to forward to',
    source: 'containers/gvisor-tap-vsock (pkg/services/dns, dns_config_unix.go)',
    samples: [
      'panic: runtime error: index out of range [0] with length 0\n\ngoroutine 33 [running]:\ngithub.com/containers/gvisor-tap-vsock/pkg/services/dns.getDNSHostAndPort()',
      'github.com/containers/gvisor-tap-vsock/pkg/services/dns.getDNSHostAndPort()\n\t/tmp/gvisor-tap-vsock-0.8.0/pkg/services/dns/dns_config_unix.go:15 +0x94',
    ],
    counterSamples: ['github.com/containers/gvisor-tap-vsock/pkg/services/dns.newDNSHandler()'],
  }),
  sig({
    id: 'node.kubelet-userns-mappings',
    cause: 'node.not-ready',
    // The kubelet records the user-namespace ranges of existing pods at start; one outside its configured range (a
    // changed idsPerPod or subids) stops the kubelet itself.
    re: /create user namespace manager: [^\n]{0,200}(out of range|record pod mappings)/,
    anchors: ['create user namespace manager'],
    confidence: 0.7,
    specificity: 90,
    check: 'the kubelet\'s user-namespace range (/etc/subuid and /etc/subgid entries for the kubelet user, KubeletConfiguration userNamespaces.idsPerPod) against the mappings of pods already on the node (/var/lib/kubelet/pods/*/userns)',
    source: 'kubelet (pkg/kubelet/userns: "create user namespace manager: record pod mappings: id … is out of range")',
    samples: [
      '"command failed" err="failed to run Kubelet: failed to create kubelet: create user namespace manager: record pod mappings: id 626982912 is out of range"',
      'failed to create kubelet: create user namespace manager: record pod mappings: id 65536 is out of range',
    ],
    counterSamples: ['create user namespace manager: ok'],
  }),
  sig({
    id: 'runtime.dind-unprivileged',
    cause: 'runtime.unavailable',
    // Docker-in-Docker's entrypoint mounts securityfs and /tmp and dockerd starts its own containerd: in a container
    // run without --privileged (or sysbox) the mounts are refused and the inner daemon never gets a runtime.
    re: /could not mount \/sys\/kernel\/security|apparmor detection and --privileged mode might break|failed to connect to \{unix:\/\/\/var\/run\/docker\/containerd\/containerd\.sock[^\n]{0,200}(timeout|connection refused|no such file)|cannot assign requested address \/var\/run\/docker\.sock/,
    anchors: ['could not mount /sys/kernel/security', '--privileged mode might break', '/var/run/docker/containerd/containerd.sock', 'address /var/run/docker.sock'],
    confidence: 0.7,
    specificity: 89,
    check: 'how the Docker-in-Docker container runs (docker inspect -f {{.HostConfig.Privileged}}, or the pod\'s securityContext.privileged): the docker:dind image needs privileged mode or a runtime such as sysbox; the client needs the daemon\'s socket or DOCKER_HOST to point at it',
    source: 'docker:dind\'s dockerd-entrypoint.sh ("Could not mount /sys/kernel/security. AppArmor detection and --privileged mode might break."), dockerd\'s supervised containerd (grpc: "failed to connect to {unix:///var/run/docker/containerd/containerd.sock …}")',
    samples: [
      'mount: /sys/kernel/security: permission denied.\nCould not mount /sys/kernel/security.\nAppArmor detection and --privileged mode might break.',
      'level=warning msg="grpc: addrConn.createTransport failed to connect to {unix:///var/run/docker/containerd/containerd.sock  <nil> 0 <nil>}. Err :connection error: desc = \\"transport: error while dialing: dial unix:///var/run/docker/containerd/containerd.sock: timeout\\". Reconnecting..." module=grpc',
    ],
    counterSamples: ['mounted /sys/kernel/security'],
  }),
];
