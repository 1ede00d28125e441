import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Docker Engine's daemon refusing to start, read in its own inner words (moby cmd/dockerd, daemon/, daemon/config,
 * daemon/graphdriver, layer/, volume/service, libcontainerd/supervisor). dockerd prints its fatal error once, as
 * "failed to start daemon: <reason>" (older: "Error starting daemon: <reason>"); runtime.dockerd-start-failed reads
 * that wrapper. Users often paste the reason alone, a journal line cut after the prefix, or the reason logged before
 * the wrapper ("[graphdriver] prior storage driver … failed"), and some reasons are returned before the wrapper is
 * written at all (the root check, the listeners, the pid file's directory, the containerd probe). Each of these texts
 * is written only on dockerd's start path: the engine does not come up, so neither cri-dockerd's pods nor any other
 * container run on that node (causes.md: runtime down).
 *
 * Not here: the network controller failing at start (iptables, the default bridge): the network is the question there
 * (docker-networking.ts). A SIGHUP reload that dockerd refuses keeps the running daemon on its old configuration:
 * runtime.dockerd-reload-refused reads that as unknown.
 */
export const DOCKERD_START_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.dockerd-start-reason',
    cause: 'runtime.unavailable',
    // The inner reasons NewDaemon and the config loader return, each from one place in the engine's start path:
    // a storage driver removed from the engine, several prior drivers, none usable, overlay2.size on a filesystem
    // without project quota, the volume store's bolt database held by another dockerd, the devices cgroup absent,
    // a default-runtime with no runtimes entry, exec-opts malformed or naming a cgroup driver dockerd does not know,
    // userns-remap without subordinate ranges or behind a data-root the remapped root cannot traverse, log-opts the
    // log driver rejects, a seccomp profile path that does not open, the managed containerd never answering, the
    // userns-remap user not created, the data-root or its tmp directory not created (a read-only or root-squashed mount).
    re: /the \w+ storage-driver has been deprecated and removed|contains several valid graphdrivers|no supported storage driver found|storage option overlay2\.size (not supported|only supported for backingfs)|error while opening volume store metadata database|devices cgroup isn't mounted|specified default runtime '[^']*' does not exist|invalid exec-opt \(|native\.cgroupdriver option \S+ (not supported|is internally used)|requires cgroup v2 for rootless mode|restricts access to the remapped root uid\/gid|can't create id mappings|failed to set log opts: |opening seccomp profile \([^)]*\) failed|timeout waiting for containerd to start|error during \\*"?\w+\\*"? user creation|cannot create daemon root: |could not create or set daemon root permissions|unable to (get|create) the tempdir/,
    anchors: [
      'storage-driver has been deprecated and removed',
      'contains several valid graphdrivers',
      'no supported storage driver found',
      'storage option overlay2.size',
      'error while opening volume store metadata database',
      "devices cgroup isn't mounted",
      'specified default runtime',
      'invalid exec-opt (',
      'native.cgroupdriver option',
      'requires cgroup v2 for rootless mode',
      'restricts access to the remapped root',
      "can't create id mappings",
      'failed to set log opts',
      'opening seccomp profile (',
      'timeout waiting for containerd to start',
      'user creation',
      'cannot create daemon root',
      'daemon root permissions',
      'the tempdir',
    ],
    confidence: 0.8,
    specificity: 85,
    alternatives: ['node.not-ready'],
    check: 'journalctl -u docker -b on that node shows the whole reason; docker info (does the engine answer at all), dockerd --validate for daemon.json, and for the storage driver: df -T on the data-root and the driver named in daemon.json',
    source: 'moby daemon/graphdriver (checkRemoved: "the %s storage-driver has been deprecated and removed"; "%s contains several valid graphdrivers"; "no supported storage driver found"), graphdriver/overlay2 ("Storage Option overlay2.size only supported for backingFS XFS"), volume/service/store.go ("error while opening volume store metadata database (%s)"), daemon/daemon.go ("Devices cgroup isn\'t mounted"; "failed to set log opts"), daemon/runtime_unix.go ("specified default runtime \'%s\' does not exist"), daemon/config ("invalid exec-opt (%s)"), daemon/daemon_unix.go ("native.cgroupdriver option %s not supported"; "requires cgroup v2 for rootless mode"; "restricts access to the remapped root uid/gid"; "Can\'t create ID mappings"; "opening seccomp profile (%s) failed"; "Error during %q user creation"; "Cannot create daemon root"; "could not create or set daemon root permissions"; "Unable to get the TempDir under %s"), libcontainerd/supervisor ("timeout waiting for containerd to start")',
    samples: [
      'error initializing graphdriver: [graphdriver] ERROR: the devicemapper storage-driver has been deprecated and removed; visit https://docs.docker.com/go/storage-driver/ for more information: devicemapper',
      'Dec 03 09:12:44 worker-2 dockerd[1187]: error while opening volume store metadata database (/var/lib/docker/volumes/metadata.db): timeout',
      "Devices cgroup isn't mounted",
      "specified default runtime 'nvidia' does not exist",
      "invalid exec-opt (native.cgroupdriver:systemd): must be formatted 'opt=value'",
      'native.cgroupdriver option systemd.slice not supported',
      'Can\'t create ID mappings: No subuid ranges found for user "dockremap"',
      "failed to set log opts: unknown log opt 'max-file' for journald log driver",
      'Dec 03 12:00:52 k8s-node-03 dockerd[2654]: Error during "dockremap" user creation: Couldn\'t create subordinate ID ranges: Unable to add subuid range to user: "dockremap"; output: usermod: unrecognized option \'--add-subuids\', err: exit status 2',
      'Cannot create daemon root: /mnt/nfs/docker: mkdir /mnt/nfs/docker: permission denied',
      'Storage Option overlay2.size only supported for backingFS XFS. Found extfs',
      'time="2026-12-02T08:01:07Z" level=error msg="[graphdriver] /var/lib/docker contains several valid graphdrivers: overlay2, vfs; cleanup or explicitly choose storage driver (-s <DRIVER>)"',
    ],
    counterSamples: [
      'WARNING: No swap limit support',
      'Error response from daemon: unknown log opt \'max-size\' for syslog log driver',
      'time="2026-12-02T08:01:07Z" level=info msg="[graphdriver] using prior storage driver: overlay2"',
    ],
  }),
  sig({
    id: 'runtime.dockerd-start-refused',
    cause: 'runtime.unavailable',
    // Returned by cmd/dockerd before NewDaemon, so without the "failed to start daemon" wrapper: dockerd run without
    // root (or under RootlessKit without --rootless), its pid file's directory not writable, the API listeners not
    // opening (a TCP port taken, docker.sock left behind as a directory).
    // A daemon.json key dockerd does not know (credsStore, a client setting, put there) stops it as surely.
    re: /dockerd needs to be started with root privileges|rootless mode needs to be enabled for running with rootlesskit|failed to create pidfile directory|failed to load listeners: |the following directives don't match any configuration option: |unit (file \S+\/)?(docker|containerd|cri-docker|crio)\.(service|socket) is masked/,
    anchors: [
      'dockerd needs to be started with root privileges',
      'rootless mode needs to be enabled',
      'failed to create pidfile directory',
      'failed to load listeners',
      "directives don't match any configuration option",
      '.service is masked',
      '.socket is masked',
    ],
    confidence: 0.8,
    specificity: 85,
    alternatives: ['node.not-ready'],
    check: 'systemctl status docker docker.socket and journalctl -u docker -b on that node: the text after the reason says which file, socket or port dockerd could not take; ss -ltnp for a TCP host in daemon.json, ls -ld /var/run/docker.sock',
    source: 'moby cmd/dockerd/daemon.go ("dockerd needs to be started with root privileges"; "rootless mode needs to be enabled for running with RootlessKit"; "failed to create pidfile directory"; "failed to load listeners"), daemon/config ("the following directives don\'t match any configuration option"), systemctl on a masked unit',
    samples: [
      'dockerd needs to be started with root privileges. To run dockerd in rootless mode as an unprivileged user, see https://docs.docker.com/go/rootless/',
      'Dec 02 17:05:27 worker-2 dockerd[1729]: failed to load listeners: listen tcp 0.0.0.0:2375: bind: address already in use',
      'dockerd: failed to create pidfile directory: mkdir /var/run/docker: read-only file system',
      "unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives don't match any configuration option: credsStore",
      'Failed to enable unit: Unit file /lib/systemd/system/docker.service is masked',
    ],
    counterSamples: ['API listen on /var/run/docker.sock', 'containerd not running, starting managed containerd'],
  }),
  sig({
    id: 'runtime.dockerd-containerd-probe',
    cause: 'runtime.unavailable',
    // cmd/dockerd stats the system containerd's socket before it decides whether to start its own containerd; an
    // error other than "does not exist" ends dockerd there. The socket error after it ("stat …containerd.sock:
    // permission denied", a security module refusing dockerd) is then dockerd's own, not a client's privilege: it
    // outranks the socket-permission reading, which is about a user's client.
    re: /could not determine whether the system containerd is running/,
    anchors: ['could not determine whether the system containerd is running'],
    confidence: 0.8,
    specificity: 97,
    alternatives: ['node.not-ready'],
    check: 'on that node: ls -lZ /run/containerd/containerd.sock and journalctl -u docker -b; a denial for dockerd in the audit log (ausearch -m avc) or a socket path that is not a socket explains the stat error',
    source: 'moby cmd/dockerd/daemon.go (initializeContainerd: "could not determine whether the system containerd is running")',
    samples: [
      'failed to start daemon: could not determine whether the system containerd is running: stat /run/containerd/containerd.sock: permission denied',
      'Dec 04 07:11:02 node1 dockerd[991]: could not determine whether the system containerd is running: stat /run/containerd/containerd.sock: input/output error',
    ],
    counterSamples: ['containerd not running, starting managed containerd', 'dial unix /run/containerd/containerd.sock: connect: permission denied'],
  }),
  sig({
    id: 'runtime.dockerd-reload-refused',
    cause: 'unknown',
    // dockerd re-reads daemon.json on SIGHUP (systemctl reload docker) and logs a refusal as "Error reloading
    // configuration" (or "Error reconfiguring the daemon"): the running daemon keeps its old configuration and keeps
    // serving containers. The same file refused at the next restart would stop the engine, so the runtime is the
    // alternative, not the answer.
    re: /error (reloading configuration|reconfiguring the daemon)\\*"?(:| error=)/,
    anchors: ['error reloading configuration', 'error reconfiguring the daemon'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['runtime.unavailable'],
    check: 'docker info on that node (the engine still answers after a refused reload); dockerd --validate --config-file /etc/docker/daemon.json says what a restart would refuse',
    source: 'moby cmd/dockerd/daemon.go (reloadConfig: "Error reloading configuration"; "Error reconfiguring the daemon")',
    samples: [
      'Dec 03 14:02:35 k8s-node-03 dockerd[3838]: time="2026-12-05T10:22:03.381295028Z" level=error msg="Error reloading configuration" error="unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character \'}\' looking for beginning of object key string"',
      'time="2026-12-05T10:22:03Z" level=error msg="Error reconfiguring the daemon" error="--live-restore daemon configuration is incompatible with swarm mode"',
    ],
    counterSamples: ['unable to configure the Docker daemon with file /etc/docker/daemon.json: EOF', 'Reloading configuration file /etc/nginx/nginx.conf'],
  }),
];
