import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A runtime whose host is itself a confined container (an LXC/LXD or Proxmox CT, an OpenVZ VPS, a Sysbox or
 * Docker-in-Docker container): what the runtime sets up for every container — mount propagation, the devices
 * cgroup, an AppArmor profile, bind-mount sources — is refused by the outer container, whatever the image. Every
 * container of the node fails the same way; the fix is on the outer host (nesting, privileges, mounts), not in the
 * pod (issue 13).
 */
export const SYSTEM_CONTAINER_HOST_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.mount-propagation-private',
    cause: 'runtime.unavailable',
    // A container asks for shared or slave propagation on a bind mount (the kubelet's /var/lib/kubelet in RKE's
    // kubelet container, a node-exporter's HostToContainer root, calico-node's /sys/fs); the runtime refuses because
    // the host's mount holding that path is private. systemd makes / shared; a node inside LXC, an init without
    // systemd, or a docker.service with MountFlags=slave leaves it private.
    re: /path \\?"?[^\s"\\]+\\?"? is mounted on \\?"?[^\s"\\]+\\?"? but it is not a (shared|slave|shared or slave) mount/,
    anchors: ['but it is not a shared', 'but it is not a slave'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'findmnt -o TARGET,PROPAGATION on the path named and on /: a private mount needs shared propagation (the node booted by systemd has it; inside LXC or without systemd it must be made shared, and docker.service must not set MountFlags=slave)',
    source: 'containerd CRI opts and moby daemon/oci_linux.go ("path %s is mounted on %s but it is not a shared mount", "... not a shared or slave mount")',
    samples: [
      'Error response from daemon: linux mounts: path /var/lib/kubelet is mounted on / but it is not a shared mount',
      'failed to generate spec: path "/" is mounted on "/" but it is not a shared or slave mount',
    ],
    counterSamples: ['mount --make-shared /: the mount is now shared'],
  }),
  sig({
    id: 'runtime.devices-cgroup-refused',
    cause: 'runtime.unavailable',
    // cgroup v1's devices controller: runc writes each container's device rules to devices.allow/deny; inside an
    // unprivileged or unnested LXC container the outer container's own devices cgroup forbids the write.
    re: /devices\.(allow|deny): operation not permitted/,
    anchors: ['devices.allow: operation not permitted', 'devices.deny: operation not permitted'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'whether the node is itself a container (systemd-detect-virt -c): an LXC/Proxmox container needs nesting and its devices cgroup opened (lxc.cgroup.devices.allow or a privileged container) before Docker or containerd can set device rules',
    source: 'runc libcontainer cgroups/fs devices ("failed to write %q: write .../devices.allow: operation not permitted")',
    samples: [
      'error setting cgroup config for procHooks process: failed to write "c 10:200 rwm": write /sys/fs/cgroup/devices/docker/89b35b9d/devices.allow: operation not permitted: unknown',
      'failed to write "a *:* rwm" to "/sys/fs/cgroup/devices/kubepods/besteffort/pod1/devices.allow": write /sys/fs/cgroup/devices/kubepods/besteffort/pod1/devices.allow: operation not permitted',
    ],
    counterSamples: ['write /sys/fs/cgroup/devices/docker/x/devices.allow: invalid argument'],
  }),
  sig({
    id: 'runtime.apparmor-load-while-confined',
    cause: 'runtime.unavailable',
    // The daemon loads its docker-default profile with apparmor_parser; inside a container that is itself confined by
    // an AppArmor profile (LXC's default), the kernel refuses to load profiles from within.
    re: /attempted to load a profile while confined|error loading docker apparmor profile: [^\n]{0,200}permission denied/,
    anchors: ['while confined', 'error loading docker apparmor profile'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'the outer container\'s AppArmor profile (LXD: lxc config show <instance>, raw.lxc lxc.apparmor.profile; Proxmox: the CT\'s features): the runtime needs nesting or an unconfined profile to load its own',
    source: 'apparmor_parser ("Unable to replace %s. Permission denied; attempted to load a profile while confined?"); moby profiles/apparmor ("Error loading docker apparmor profile")',
    samples: [
      'FATA[0000] Error loading docker apparmor profile: exit status 243 (/sbin/apparmor_parser: Unable to replace "docker-default".  Permission denied; attempted to load a profile while confined?)',
      'apparmor_parser: Unable to replace "cri-containerd.apparmor.d".  Permission denied; attempted to load a profile while confined?',
    ],
    counterSamples: ['apparmor_parser: Unable to replace "docker-default".  Profile doesn\'t conform to protocol'],
  }),
  sig({
    id: 'runtime.sysbox-mgr-refused',
    cause: 'runtime.unavailable',
    // Sysbox's runc asks its manager daemon (sysbox-mgr) for the rootfs clone, uid mappings and mounts of every
    // container; its refusal is the runtime's, whatever the image.
    re: /(from|via) sysbox-mgr|sysbox-mgr[^\n]{0,40}(failed|error)|failed to invoke \w+ via grpc/,
    anchors: ['sysbox-mgr', 'via grpc'],
    confidence: 0.7,
    specificity: 85,
    alternatives: ['node.not-ready'],
    check: 'systemctl status sysbox-mgr sysbox-fs and journalctl -u sysbox-mgr on the host: the kernel version and the shiftfs/idmapped-mount support Sysbox needs, and the host filesystem under /var/lib/sysbox',
    source: 'nestybox sysbox-runc (sysbox-mgr gRPC client: "failed to request rootfs cloning from sysbox-mgr", "failed to invoke %s via grpc")',
    samples: [
      'OCI runtime create failed: error in the container spec: failed to request rootfs cloning from sysbox-mgr: failed to invoke ReqCloneRootfs via grpc: rpc error: code = Unknown desc = failed to mount clone',
      'container_linux.go:392: starting container process caused: failed to register with sysbox-mgr: failed to invoke Register via grpc: rpc error: code = Unavailable',
    ],
    counterSamples: ['sysbox-runc version 0.6.4'],
  }),
  sig({
    id: 'runtime.mount-source-mkdir-refused',
    cause: 'runtime.unavailable',
    // dockerd creates a missing bind-mount source on the host before it starts the container; mkdir refused with EPERM
    // means the daemon may not write there at all — a FUSE mount such as lxcfs's, or a daemon confined by its
    // packaging (snap) or the outer container. Hedged: the path decides whose mount it is.
    re: /error while creating mount source path '[^'\n]+': mkdir [^\n]{0,200}: operation not permitted/,
    anchors: ['error while creating mount source path'],
    confidence: 0.55,
    specificity: 85,
    alternatives: ['node.not-ready'],
    check: 'findmnt on the source path\'s parent (a FUSE mount such as lxcfs, a snap\'s confinement, a read-only or remote mount): the daemon must be able to create the path, or the path must exist before the container starts',
    source: 'moby daemon/volumes ("error while creating mount source path \'%s\': %v")',
    samples: [
      "Error response from daemon: error while creating mount source path '/var/lib/lxcfs/proc/loadavg': mkdir /var/lib/lxcfs/proc/loadavg: operation not permitted",
      "docker: Error response from daemon: error while creating mount source path '/mnt/fuse/data': mkdir /mnt/fuse/data: operation not permitted.",
    ],
    counterSamples: ["error while creating mount source path '/host_mnt/Users/me/app': mkdir /host_mnt/Users/me/app: file exists"],
  }),
];
