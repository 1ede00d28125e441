import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A node that is itself inside something: an LXC/LXD or Incus container, Docker-in-Docker (kind, k3d), a rootless
 * user namespace (rootlesskit, rootless Podman or Docker). The outer layer withholds what the runtime inside needs —
 * device nodes, cgroup writes, AppArmor's files, user-ID maps, a sysctl — so every container there fails alike.
 */
export const NESTED_HOST_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.rootless-userns-setup',
    cause: 'runtime.unavailable',
    // Rootless runtimes map IDs with newuidmap/newgidmap and join their own network namespace; without the setuid
    // helpers' capabilities, /etc/subuid ranges or permission for the namespace, nothing starts.
    re: /failed to setup uid\/gid map: newuidmap [^\n]{0,200}failed|setns\(clone_newnet\): operation not permitted|cannot configure rootless cgroup using the cgroupfs manager|cannot set limits without cgroups/,
    anchors: ['failed to setup uid/gid map', 'setns(clone_newnet)', 'cannot configure rootless cgroup', 'cannot set limits without cgroups'],
    confidence: 0.75,
    specificity: 90,
    check: 'for the user running the runtime: getcap /usr/bin/newuidmap /usr/bin/newgidmap (or their setuid bit), its ranges in /etc/subuid and /etc/subgid, sysctl kernel.unprivileged_userns_clone and user.max_user_namespaces; rootless cgroups need cgroup v2 with delegation (systemd user@.service Delegate=yes) and cgroup_manager=systemd',
    source: 'rootlesskit ("failed to setup UID/GID map: newuidmap … failed"), slirp4netns, crun/Podman rootless cgroups ("cannot configure rootless cgroup using the cgroupfs manager")',
    samples: [
      '[rootlesskit:parent] error: failed to setup UID/GID map: newuidmap 10 [0 1000 1 1 100000 65536] failed: newuidmap: Could not set caps\n: exit status 1',
      '$ slirp4netns --mtu 65520 -r 3 --disable-host-loopback 130 tap0\nsetns(CLONE_NEWNET): Operation not permitted\nchild failed(1)',
      'Error: unable to start container "fedora-toolbox-31": cannot configure rootless cgroup using the cgroupfs manager\ncannot set limits without cgroups: OCI runtime error',
    ],
    counterSamples: ['newuidmap: write to uid_map succeeded'],
  }),
  sig({
    id: 'runtime.nested-container-host',
    cause: 'runtime.unavailable',
    // Inside LXC/LXD or another container: the cgroup mount the runtime looks for is not there, the devices it lists
    // are the outer container's, AppArmor's files are not readable, a sysctl file cannot be reopened (runc wraps that
    // one's words over two lines at times).
    re: /cgroups: cannot find cgroup mount destination|linux runtime spec devices: (lstat|open) \/dev\/\.lxc\/|could not check if docker-default apparmor profile was loaded: open \/sys\/kernel\/security\/apparmor\/profiles: permission denied|open sysctl \S+ file:\s+reopen fd \d+: permission denied|mounting \\*"(cgroup|proc)\\*" to rootfs [^\n]{0,200}at \\*"\/(sys\/fs\/cgroup|proc)\\*" caused:? \\*"?operation not permitted|mount [`'"]?proc[`'"]? to [`'"]?\/proc[`'"]?: operation not permitted/,
    anchors: ['cannot find cgroup mount destination', '/dev/.lxc/', 'docker-default apparmor profile', 'reopen fd', 'to rootfs', 'to /proc: operation not permitted', "to `/proc`: operation not permitted", 'to \'/proc\': operation not permitted', 'to "/proc": operation not permitted'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'whether the node is itself a container (systemd-detect-virt -c; LXD: lxc config show <instance>): nesting needs security.nesting=true (and, for Kubernetes, the kernel modules and /dev/kmsg passed in, an unconfined AppArmor profile), Docker-in-Docker needs --privileged and a cgroup v2 host\'s delegation',
    source: 'runc and dockerd inside LXC/LXD or a container (cgroup mount lookup, device list from /dev/.lxc, AppArmor profile check, runc 1.3.3+ sysctl reopen through procfs)',
    samples: [
      'docker: Error response from daemon: cgroups: cannot find cgroup mount destination: unknown.',
      'docker: Error response from daemon: Could not check if docker-default AppArmor profile was loaded: open /sys/kernel/security/apparmor/profiles: permission denied.',
      'OCI runtime create failed: runc create failed: unable to start container process: error during container init: open sysctl net.ipv4.ip_unprivileged_port_start file: reopen fd 8: permission denied: unknown',
      'error during container init: open sysctl net.ipv4.ping_group_range file:\nreopen fd 9: permission denied: unknown',
      'runc run: exit status 1: container_linux.go:345: starting container process caused "process_linux.go:424: container init caused \\"rootfs_linux.go:58: mounting \\\\\\"proc\\\\\\" to rootfs \\\\\\"/var/lib/worker/volumes/live/576ab/volume\\\\\\" at \\\\\\"/proc\\\\\\" caused \\\\\\"operation not permitted\\\\\\"\\""',
      'Error: mount proc to /proc: Operation not permitted: OCI permission denied',
      'docker: Error response from daemon: linux runtime spec devices: open /dev/.lxc/proc/427/fdinfo: permission denied.',
    ],
    counterSamples: ['cgroup on /sys/fs/cgroup type cgroup2 (rw,nosuid,nodev,noexec,relatime)'],
  }),
  sig({
    id: 'runtime.apparmor-attr-missing',
    cause: 'runtime.unavailable',
    // runc before 1.0 wrote the profile to /proc/self/attr/exec and named no path when the file was missing, as it is
    // inside LXC without nesting; every container that carries a profile fails to start. Newer runc names the file it
    // wrote, and there a missing attr/apparmor/exec is as often a runc newer than the kernel: not read here.
    re: /apparmor failed to apply profile: no such file or directory/,
    anchors: ['apparmor failed to apply profile'],
    confidence: 0.6,
    specificity: 91,
    alternatives: ['node.not-ready'],
    check: 'whether the node is a container (systemd-detect-virt -c) and what the kernel runs (cat /sys/kernel/security/lsm): inside LXC/LXD allow nesting (security.nesting=true) or run the containers unconfined; on a host, a runc newer than the kernel\'s AppArmor interface needs updating',
    source: 'runc libcontainer/apparmor ("apparmor failed to apply profile: %w") when the attr file is absent',
    samples: [
      'docker: Error response from daemon: oci runtime error: apparmor failed to apply profile: no such file or directory.',
      'Error response from daemon: invalid header field value "oci runtime error: container_linux.go:247: starting container process caused \\"process_linux.go:359: container init caused \\\\\\"apparmor failed to apply profile: no such file or directory\\\\\\"\\"\\n"',
    ],
    counterSamples: ['OCI runtime create failed: runc create failed: unable to start container process: error during container init: unable to apply apparmor profile: apparmor failed to apply profile: write /proc/self/attr/apparmor/exec: no such file or directory: unknown'],
  }),
  sig({
    id: 'kubelet.nested-cgroup-setup',
    cause: 'node.not-ready',
    // A Kubernetes node inside a container (kind's and k3d's images) sets up its own cgroups before the kubelet starts;
    // on a host that does not delegate them the node's entrypoint or k3s stops, and no kubelet runs.
    re: /this script needs \/sys\/fs\/cgroup\/cgroup\.procs to be empty|failed to find (cpuset|memory|cpu|pids) cgroup \(v2\)/,
    anchors: ['cgroup.procs to be empty', 'cgroup (v2)'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['runtime.unavailable'],
    check: 'on the host: cat /sys/fs/cgroup/cgroup.subtree_control and the delegation to the user or container engine (systemd user@.service Delegate=cpu cpuset io memory pids for rootless Docker or Podman); kind and k3d need the cpuset and memory controllers delegated',
    source: 'kind node image entrypoint (cgroup v2 set-up), k3s agent cgroup checks ("failed to find %s cgroup (v2)")',
    samples: [
      'Aug 05 19:38:36 kind-control-plane sh[217]: ERROR: this script needs /sys/fs/cgroup/cgroup.procs to be empty (for writing the top-level cgroup.subtree_control)',
      'time="2025-02-25T15:10:30Z" level=fatal msg="Error: failed to find cpuset cgroup (v2)"',
    ],
    counterSamples: ['cgroup.procs'],
  }),
];
