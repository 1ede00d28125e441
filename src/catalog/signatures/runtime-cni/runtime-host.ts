import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What the host must give a container runtime before it can run anything: its config file read, its socket
 * path, an init system to start it. Each failure leaves the node without a working runtime, whatever the pod
 * asked for. What the kernel must give each container (cgroups, namespaces, overlay, seccomp) is in
 * runtime-kernel.ts.
 */
export const RUNTIME_HOST_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.crio-start-config-refused',
    cause: 'runtime.unavailable',
    // CRI-O validates its configuration at start and exits on what it cannot use: a pause image it cannot parse,
    // no iptables and no nft for its hostport manager. Nothing runs on the node until it starts.
    re: /validating image config: invalid pause image|can'?t create hostportmanager: no support for iptables/,
    anchors: ['invalid pause image', 'hostportmanager'],
    confidence: 0.85,
    specificity: 98,
    alternatives: ['image.invalid-reference'],
    check: 'journalctl -u crio -b: fix the setting it names in /etc/crio/crio.conf or /etc/crio/crio.conf.d/ (pause_image must be a valid lower-case reference), or install iptables or nftables (or set disable_hostport_mapping), then systemctl restart crio',
    source: 'CRI-O config validation (pkg/config: "validating image config: invalid pause image"), server start-up ("can\'t create HostPortManager")',
    samples: [
      'level=fatal msg="validating image config: invalid pause image \\"registry.k8s.io/Pause:3.10\\": invalid reference format: repository name (Pause) must be lowercase"',
      'level=fatal msg="can\'t create HostPortManager: no support for iptables (iptables not available) or nftables (could not find nftables binary: exec: \\"nft\\": executable file not found in $PATH)"',
    ],
    counterSamples: ['pause_image = "registry.k8s.io/pause:3.10"'],
  }),
  sig({
    id: 'ambiguous.runtime-unit-env-file-missing',
    cause: 'unknown',
    // The unit names an EnvironmentFile= that is not there. Docker units of flannel's older set-ups read
    // /run/flannel/subnet.env (or /run/flannel/docker), which only a running flanneld writes; any other file
    // is the unit's own business. Which file it is decides, and systemd does not name it here.
    // Older systemd logged the unit on the next line: "Failed to load environment files" then "docker.service failed to run 'start-pre' task".
    re: /(containerd|docker|crio)\.service: failed to load environment files|failed to load environment files: [^\n]*\s[^\n]{0,120}\b(containerd|docker|crio)\.service failed to run/,
    anchors: ['failed to load environment files'],
    confidence: 0.5,
    specificity: 60,
    alternatives: ['cni.subnet-env-missing', 'runtime.unavailable'],
    check: 'systemctl cat <runtime>: the EnvironmentFile= lines without a leading "-" must exist — /run/flannel/subnet.env or /run/flannel/docker appears only once flanneld runs on the node (start flannel first, or mark the file optional with "-")',
    source: 'systemd EnvironmentFile= loading for the runtime\'s unit',
    samples: [
      "docker.service: Failed to load environment files: No such file or directory\ndocker.service: Failed to run 'start' task: No such file or directory\nFailed to start Docker Application Container Engine.",
      'containerd.service: Failed to load environment files: No such file or directory',
      "systemd[1]: Failed to load environment files: No such file or directory\nsystemd[1]: docker.service failed to run 'start-pre' task: No such file or directory",
    ],
    counterSamples: ['containerd.service: Failed at step EXEC spawning /usr/local/bin/containerd: Permission denied'],
  }),
  sig({
    id: 'runtime.binary-not-found',
    cause: 'runtime.unavailable',
    // The shell that was to start the runtime (a wrapper script, a virtual kubelet's pod constructor) cannot find
    // its binary: the runtime is not installed where that shell looks, so nothing runs.
    re: /\b(apptainer|singularity|runc|crun|conmon|containerd|runsc): (command )?not found|could not find a working conmon binary|the program (docker|containerd) is managed by torcx, which did not run/,
    anchors: ['apptainer: ', 'singularity: ', 'runc: ', 'crun: ', 'conmon: ', 'containerd: ', 'runsc: ', 'working conmon binary', 'managed by torcx'],
    confidence: 0.7,
    specificity: 70,
    alternatives: ['node.not-ready'],
    check: 'command -v <runtime> in the environment of the process that ran it (a batch job\'s or a service\'s PATH differs from a login shell\'s; HPC sites often need module load apptainer first)',
    source: 'POSIX shells ("<name>: command not found", dash: "<name>: not found")',
    // Podman and CRI-O look for conmon along their configured paths and say so in their own words; Flatcar's
    // docker is a stub until torcx unpacks the real one.
    samples: ['/home/user/.hpk/default/pod/constructor.sh: line 72: apptainer: command not found', 'sh: 1: runc: not found', 'Error: could not find a working conmon binary (configured options: [/usr/libexec/podman/conmon /usr/bin/conmon]: invalid argument)'],
    counterSamples: ['bash: kubectl: command not found'],
  }),
  sig({
    id: 'runtime.binary-not-executable',
    cause: 'runtime.unavailable',
    // systemd cannot execute the runtime's own binary: built for another architecture (exec format error), missing,
    // or without its execute bit. The node has no runtime; an image's exec format error is another thing.
    re: /(containerd|docker|crio|cri-docker)\.service: fail\s*ed to execute (command )?\S*: (exec format error|no such file or directory|permission denied)/,
    anchors: ['.service: fail'],
    confidence: 0.85,
    specificity: 92,
    check: 'file <the binary named> and uname -m on the node: the runtime\'s binary must be built for the node\'s architecture (an amd64 build on an arm64 node cannot run), present, and executable',
    source: 'systemd service execution ("<unit>: Failed to execute <path>: <errno>")',
    samples: [
      'systemd[3582]: containerd.service: Failed to execute /usr/local/bin/containerd: Exec format error',
      // a journal viewer wrapping a long line inside a word
      'systemd[3582]: containerd.service: Fail\ned to execute /usr/local/bin/containerd: Exec format error',
      'systemd[1201]: docker.service: Failed to execute command: No such file or directory',
    ],
    counterSamples: ['exec /usr/local/bin/docker-entrypoint.sh: exec format error'],
  }),
  sig({
    id: 'runtime.service-start-failed',
    cause: 'runtime.unavailable',
    // systemd (or systemctl, to whoever asked for the start) reporting that the runtime's own unit did not start (its
    // binary not executable, its ExecStartPre failing, a kernel module it loads): whatever the reason, the node has no
    // runtime. The reason's own text, where a signature knows it, is more specific and wins.
    re: /(containerd|docker|crio|cri-docker)\.service: (failed at step exec spawning|main process exited, code=exited, status=203|control process exited)|failed to start (containerd container runtime|docker application container engine|container runtime interface for oci)|job for (containerd|docker|crio|cri-docker)\.service failed/,
    anchors: ['.service: failed at step exec', '.service: main process exited', '.service: control process exited', 'failed to start containerd container runtime', 'failed to start docker application container engine', 'failed to start container runtime interface for oci', '.service failed'],
    confidence: 0.75,
    specificity: 50,
    alternatives: ['node.not-ready'],
    check: 'systemctl status <runtime> and journalctl -u <runtime> -b: the lines before "Failed to start" name the step (EXEC spawning: the binary\'s path and mode; ExecStartPre: the command, such as loading the overlay module, and its error)',
    source: 'systemd unit start failures for containerd.service, docker.service, crio.service',
    samples: [
      'containerd.service: Failed at step EXEC spawning /usr/local/bin/containerd: Permission denied',
      'systemd[1]: containerd.service: Control process exited, code=exited status=1\nsystemd[1]: Failed to start containerd container runtime.',
      // systemctl's own answer to the one who asked for the start (minikube, an installer)
      'Failed to enable container runtime: sudo systemctl restart docker: Process exited with status 1\nstderr:\nJob for docker.service failed because the control process exited with error code.',
    ],
    counterSamples: ['systemd[1]: Started containerd container runtime.'],
  }),
  sig({
    id: 'runtime.oci-binary-flag-unknown',
    cause: 'runtime.unavailable',
    // The CRI or shim runs the OCI runtime binary with flags of the version it was built for; a runc, crun or
    // singularity of another version refuses one, and no container starts on that node until the two agree.
    re: /(create container command|container create failed|oci runtime|error for command \\?"oci\\?"|\b(runc|crun|runsc|kata-runtime|singularity)\b)[\s\S]{0,300}?(unknown flag: --[\w-]+|flag provided but not defined: -[\w-]+)/,
    anchors: ['unknown flag: --', 'flag provided but not defined'],
    confidence: 0.75,
    specificity: 80,
    alternatives: ['node.not-ready'],
    check: 'the runtime binary\'s version against the CRI\'s or shim\'s: runc --version (or singularity --version) on the node and the versions the CRI release names; install the pair that match',
    source: 'OCI runtime command lines (urfave/cli "flag provided but not defined", cobra "unknown flag") as a CRI or shim runs them',
    samples: [
      'could not execute create container command: exit status 1\nError for command "oci": unknown flag: --empty-process',
      'OCI runtime create failed: runc create failed: flag provided but not defined: -no-pivot',
    ],
    counterSamples: ['Error: failed to parse kubelet flag: unknown flag: --network-plugin', 'helm: Error: unknown flag: --wait-for-jobs'],
    subject: {
      title: 'The OCI runtime binary and its caller are of versions that do not agree',
      explanation: 'The CRI or shim runs the OCI runtime binary (runc, crun, singularity) with flags of the version it was built for; a binary of another version refuses one of them, and no container starts on that node until the pair agree.',
      fix: [
        'Compare the binary\'s version (runc --version, crun --version, singularity --version) with the one the CRI\'s or shim\'s release names.',
        'Install the matching pair (the runtime package of the CRI\'s release, or the CRI of the runtime\'s) and restart the CRI.',
      ],
      verify: ['runc --version'],
    },
  }),
  sig({
    id: 'runtime.dockerd-config-conflict',
    cause: 'runtime.unavailable',
    // dockerd refuses to start when daemon.json cannot be used: a key also given as a flag in the unit
    // (hosts with -H fd://, debug, group), or a file it cannot parse.
    re: /unable to configure the docker daemon with file /,
    anchors: ['unable to configure the docker daemon'],
    confidence: 0.9,
    specificity: 88,
    check: 'journalctl -u docker: the directive named is set twice — remove it from /etc/docker/daemon.json or from the unit\'s ExecStart (systemctl cat docker; a drop-in with an empty ExecStart= then the command without the flag), then systemctl daemon-reload and restart docker',
    source: 'dockerd daemon configuration loading (config file merged with flags)',
    samples: [
      'unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives are specified both as a flag and in the configuration file: hosts: (from flag: [fd://], from file: [tcp://0.0.0.0:2376])',
      'unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character \'}\' looking for beginning of object key string',
    ],
    counterSamples: ['API listen on /var/run/docker.sock'],
  }),
  sig({
    id: 'runtime.containerd-config-version',
    cause: 'runtime.unavailable',
    // containerd 2.x reads config version 3; an imported or drop-in file of another version is refused, and the
    // runtime (or the distribution's worker that writes its config) does not start.
    re: /unsupported containerd configuration version: expected \d+, got \d+|invalid containerd configuration in /,
    anchors: ['unsupported containerd configuration version', 'invalid containerd configuration'],
    confidence: 0.85,
    specificity: 94,
    check: 'the version line of the file named (version = 2 or 3) against the containerd that reads it (containerd --version; 2.x wants version = 3): rewrite it for that version (containerd config migrate) and restart',
    source: 'containerd config loading (imports and drop-ins: version check)',
    samples: [
      'invalid containerd configuration in "/etc/k0s/containerd.d/nvidia.toml": unsupported containerd configuration version: expected 3, got 2',
      'failed to load TOML from /etc/containerd/config.toml: unsupported containerd configuration version: expected 3, got 2',
    ],
    counterSamples: ['version = 3'],
  }),
  sig({
    id: 'runtime.socket-path-directory',
    cause: 'runtime.unavailable',
    // containerd creates its socket at the configured address; a directory there (left by a bind mount of a
    // path that did not exist yet) stops it before it serves anything.
    re: /failed to get listener for main endpoint: is a directory/,
    anchors: ['failed to get listener for main endpoint'],
    confidence: 0.85,
    specificity: 94,
    check: 'ls -ld /run/containerd/containerd.sock (or the address in config.toml\'s [grpc]): a directory there was made by a mount or a container that bind-mounted the path before containerd ran; remove it and restart containerd',
    source: 'containerd server start-up (listener for the gRPC address)',
    samples: ['failed to get listener for main endpoint: is a directory', 'containerd: failed to get listener for main endpoint: is a directory'],
    counterSamples: ['containerd successfully booted in 0.05s'],
  }),
  sig({
    id: 'runtime.cri-dockerd-not-installed',
    cause: 'runtime.unavailable',
    // With Docker as the runtime since 1.24 the kubelet talks to cri-dockerd; a socket unit whose service
    // is not installed (or not loaded) leaves no CRI endpoint.
    re: /cri-docker\.socket: socket service cri-docker\.service not loaded|cri-docker\.(socket|service) start: process exited with status|unit cri-docker\.(socket|service) (not found|could not be found)/,
    anchors: ['cri-docker.'],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['node.not-ready'],
    check: 'systemctl status cri-docker.service cri-docker.socket on the node: both units must be installed (the cri-dockerd package) and enabled, and the kubelet\'s --container-runtime-endpoint must be unix:///var/run/cri-dockerd.sock',
    source: 'systemd socket activation of cri-dockerd',
    samples: ['cri-docker.socket: Socket service cri-docker.service not loaded, refusing', 'sudo service cri-docker.socket start: Process exited with status 5'],
    counterSamples: ['Started CRI Interface for Docker Application Container Engine.'],
  }),
  sig({
    id: 'runtime.no-systemd-init',
    cause: 'runtime.unavailable',
    // A WSL2 distribution or a container without systemd as PID 1: systemctl cannot start the runtime there.
    re: /systemctl (start|enable|restart) (docker|containerd|crio|cri-docker)[\s\S]{0,400}?system has not been booted with systemd as init system/,
    anchors: ['not been booted with systemd'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'ps -p 1 -o comm= on that machine: not systemd (WSL2 without systemd=true in /etc/wsl.conf, a container) — enable systemd there, or start the runtime another way (service docker start, dockerd directly)',
    source: 'systemctl without systemd as PID 1 ("System has not been booted with systemd as init system (PID 1). Can\'t operate.")',
    samples: ['enable docker.: sudo systemctl start docker: exit status 1\nstderr:\nSystem has not been booted with systemd as init system (PID 1). Can\'t operate.', 'sudo systemctl restart containerd\nSystem has not been booted with systemd as init system (PID 1). Can\'t operate.'],
    counterSamples: ['systemctl start docker'],
  }),
  sig({
    id: 'runtime.docker-runc-did-not-terminate',
    cause: 'runtime.unavailable',
    // dockerd's containerd shim ran runc and found neither a result nor runc's error log: runc itself failed
    // (a broken or mismatched binary, a kernel feature it needs).
    re: /unable to retrieve oci runtime error[^\n]{0,400}(docker-)?runc did not terminate suc+essfully/,
    anchors: ['unable to retrieve oci runtime error'],
    confidence: 0.75,
    specificity: 92,
    check: 'run the runtime\'s runc by hand on the node (docker-runc --version / runc --version) and journalctl -u docker around the failure: a runc from another package than dockerd\'s containerd, or a kernel too old for it, is the usual reason',
    source: 'containerd v1 shim (runc create without a log.json)',
    samples: ['OCI runtime create failed: unable to retrieve OCI runtime error (open /run/docker/containerd/daemon/io.containerd.runtime.v1.linux/moby/22/log.json: no such file or directory): docker-runc did not terminate sucessfully: unknown', 'unable to retrieve OCI runtime error (open /run/containerd/io.containerd.runtime.v1.linux/moby/9f/log.json: no such file or directory): runc did not terminate successfully'],
    // runc killing a container and refused by the kernel is another failure (a kill, not a create)
    counterSamples: ['unknown error after kill: runc did not terminate successfully: exit status 1: unable to signal init: permission denied', 'OCI runtime create failed: container_linux.go:345: starting container process caused "exec: \\"app\\": executable file not found in $PATH"'],
  }),
  sig({
    id: 'runtime.crio-progress-pool',
    cause: 'runtime.unavailable',
    // Old CRI-O drew a pull progress bar for the pause image on its own stdio; run without a terminal (a unit with
    // no TTY, a closed console) the terminal ioctl fails and so does every sandbox: a runtime build to upgrade.
    re: /error creating progress-bar pool: can't set terminal settings/,
    anchors: ['progress-bar pool'],
    confidence: 0.75,
    specificity: 94,
    check: 'crio --version on the node: upgrade CRI-O (the progress output to a non-terminal was fixed), or pre-pull the pause image (crictl pull <pause image>) so the sandbox needs no pull',
    source: 'CRI-O 1.13-era image pull progress output (mpb progress-bar pool on stdio)',
    samples: ['error creating pod sandbox with name "k8s_coredns-77_kube-system_9_0": error creating progress-bar pool: Can\'t set terminal settings: input/output error', 'error creating progress-bar pool: Can\'t set terminal settings: inappropriate ioctl for device'],
    counterSamples: ['Pulling image: k8s.gcr.io/pause:3.1'],
  }),
  sig({
    id: 'runtime.cri-service-create',
    cause: 'runtime.unavailable',
    // containerd loads its CRI plugin at start; when that fails (too few inotify instances for the CNI config
    // watcher, a snapshotter it cannot find), containerd runs on without CRI and the kubelet finds no runtime.
    re: /failed to create cri service: /,
    anchors: ['failed to create cri service'],
    confidence: 0.8,
    specificity: 88,
    alternatives: ['node.not-ready'],
    check: 'journalctl -u containerd -b | grep -m3 "io.containerd.grpc.v1.cri": the reason after "failed to create CRI service" — "too many open files" is the node\'s inotify instances (sysctl fs.inotify.max_user_instances) or containerd\'s LimitNOFILE; fix it and systemctl restart containerd',
    source: 'containerd CRI plugin initialisation ("failed to create CRI service: …", then the plugin is skipped)',
    samples: [
      'failed to load plugin io.containerd.grpc.v1.cri error="failed to create CRI service: failed to create cni conf monitor for default: failed to create fsnotify watcher: too many open files"',
      'level=warning msg="failed to load plugin io.containerd.grpc.v1.cri" error="failed to create CRI service: failed to find snapshotter \\"zfs\\""',
    ],
    counterSamples: ['loading plugin "io.containerd.grpc.v1.cri"...'],
  }),
  sig({
    id: 'runtime.crio-config-validation',
    cause: 'runtime.unavailable',
    // CRI-O validates its whole configuration at start and exits on the first bad section it names.
    re: /validating (root|runtime|network|api|image|nri) config: |unable to decode configuration \/etc\/crio\/[\w./-]+: |conmon cgroup should be \\?'pod\\?' or (empty|a systemd slice)/,
    anchors: ['validating root config', 'validating runtime config', 'validating network config', 'validating api config', 'validating image config', 'validating nri config', 'unable to decode configuration /etc/crio/', 'conmon cgroup should be'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'crio config > /tmp/crio-effective.conf on the node and the key the error names, in /etc/crio/crio.conf and /etc/crio/crio.conf.d/*: fix it (conmon_cgroup, plugin_dirs, the runtime paths) and systemctl restart crio',
    source: 'CRI-O config validation at start ("validating runtime config: …", "validating network config: …")',
    samples: [
      "cgroupfs manager conmon cgroup should be 'pod' or empty",
      'level=fatal msg="Validating runtime config: conmon cgroup should be \'pod\' or a systemd slice"',
      'validating network config: invalid plugin_dirs entry: mkdir /opt/cni: permission denied',
      'level=fatal msg="get and merge config from context: update config from path: walk path: unable to decode configuration /etc/crio/crio.conf.d/10-crio.conf: toml: line 7 (last key \\"crio.runtime.cgroup_manager\\"): expected value but found \\"systemd\\" instead"',
    ],
    counterSamples: ['level=info msg="Starting CRI-O, version: 1.30.1"'],
  }),
  sig({
    id: 'runtime.containerd-runtime-name-unset',
    cause: 'runtime.unavailable',
    // The CRI plugin creates every container with its default runtime's name; a config that sets none (a
    // version 2 file read with version 3 keys, a hand-written runtimes table without default_runtime_name) fails
    // every sandbox before runc is ever called.
    re: /container\.runtime\.name must be set/,
    anchors: ['runtime.name must be set'],
    confidence: 0.85,
    specificity: 94,
    check: 'containerd config dump | grep -n -A3 default_runtime_name on the node: it must name a table under the CRI plugin\'s runtimes (runc) in the key layout of the file\'s version; fix /etc/containerd/config.toml and systemctl restart containerd',
    source: 'containerd container validation (container.Runtime.Name empty)',
    samples: [
      'failed to create containerd container: create container failed validation: container.Runtime.Name must be set: invalid argument',
      'RunPodSandbox from runtime service failed: rpc error: code = InvalidArgument desc = container.Runtime.Name must be set: invalid argument',
    ],
    counterSamples: ['runtime_type = "io.containerd.runc.v2"'],
  }),
  sig({
    id: 'runtime.unit-failed',
    cause: 'runtime.unavailable',
    // systemctl status of the runtime's own unit showing it failed: whatever the exit status says (203/EXEC a
    // binary path that does not exist, start-limit a crash loop), the kubelet's CRI endpoint is not served.
    re: /\b(containerd|crio|cri-o|docker|cri-docker|cri-dockerd)\.service - [^\n]*\s[\s\S]{0,400}?active: failed\b/,
    anchors: ['.service - '],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'journalctl -u <that unit> -b --no-pager | tail -50 on the node: the exit status and the last lines say why (status=203/EXEC: the ExecStart binary is missing — systemctl cat <unit>; a config error names its file); fix it, then systemctl reset-failed <unit> && systemctl restart <unit>',
    source: 'systemctl status of the runtime units (containerd, CRI-O, Docker, cri-dockerd)',
    samples: [
      '● cri-docker.service - CRI Interface for Docker Application Container Engine\n   Loaded: loaded (/etc/systemd/system/cri-docker.service; enabled)\n   Active: failed (Result: exit-code) since Mon 2024-01-08 10:00:00 UTC; 5s ago',
      '● containerd.service - containerd container runtime\n     Loaded: loaded (/lib/systemd/system/containerd.service; enabled; vendor preset: enabled)\n     Active: failed (Result: start-limit-hit) since Tue 2024-02-06 09:12:44 UTC',
    ],
    counterSamples: ['● containerd.service - containerd container runtime\n     Active: active (running) since Tue 2024-02-06 09:12:44 UTC'],
  }),
  sig({
    id: 'runtime.storage-driver-failed',
    cause: 'runtime.unavailable',
    // The runtime's storage driver cannot build or mount an image's layers on this node (its state left broken by an
    // interrupted or concurrent pull, a kernel that refuses the mount, a devicemapper pool in trouble): every image
    // that needs those layers fails here, whatever the registry. A full disk is image.disk-full, not this.
    re: /driver \w+ failed to create image rootfs \w+: (?![^\n]{0,300}no space left)|error mounting '\/dev\/mapper\/docker-[^'\n]+' on '[^'\n]+': (?!no space)|failed to prepare extraction snapshot [^\n]{0,200}parent snapshot \S+ does not exist|error response from daemon: readlink \S*\/overlay2(\/l)?: invalid argument/,
    anchors: ['failed to create image rootfs', "error mounting '/dev/mapper/docker-", 'failed to prepare extraction snapshot', 'readlink'],
    confidence: 0.7,
    specificity: 96,
    alternatives: ['image.disk-full'],
    check: 'the runtime\'s storage on that node: docker info (Storage Driver, its backing filesystem) or ctr -n k8s.io snapshots ls; remove the image (docker rmi / crictl rmi) and pull it again, one pull at a time; a driver the kernel cannot mount needs another driver (overlay2 on a supported filesystem)',
    source: 'Docker graphdriver ("Driver %s failed to create image rootfs %s: %s"), devicemapper mount errors, the overlay2 layer links unreadable (readlink … invalid argument), containerd unpacker ("failed to prepare extraction snapshot": parent snapshot missing)',
    samples: [
      'Error pulling image (latest) from docker.io/library/rails, Driver aufs failed to create image rootfs 4a5e6db8c069: open /mnt/sda1/var/lib/docker/aufs/layers/2c49f83e0b1: no such file or directory',
      "Error pulling image (2.2.1) from docker.io/fabric8/api-registry, Error mounting '/dev/mapper/docker-253:0-67168046-df2a0347c9d0' on '/var/lib/docker/devicemapper/mnt/df2a0347c9d0': invalid argument",
      'failed to pull and unpack image "gcr.io/k8s-staging-cri-tools/test-image-latest:latest": failed to prepare extraction snapshot "extract-795119289-7389 sha256:9281": parent snapshot sha256:0b16ab25 does not exist: not found',
      // Docker's overlay2 directory with a file where its layer links should be: every image inspect fails.
      'Failed to inspect image "argoproj/argocd:v1.5.5": rpc error: code = Unknown desc = Error response from daemon: readlink /var/lib/docker/overlay2/l: invalid argument',
    ],
    counterSamples: ['Driver overlay failed to create image rootfs 7c5108a910f4: write /var/lib/docker/overlay/7c51/root/usr/lib/x: no space left on device'],
  }),
  sig({
    id: 'runtime.oci-runtime-incompatible',
    cause: 'runtime.unavailable',
    // The OCI runtime (or the CRI in front of it) is of a version that cannot run containers on this node as it is
    // set up: a runc older than the node's cgroup v2, a root filesystem pivot_root refuses (the runtime's state on a
    // ramfs or an overlay it cannot pivot from), a CRI-O older than the kubelet's sandbox metadata. No pod starts.
    re: /this version of runc doesn't work on cgroups v2|container create failed: pivot_root: invalid argument|pivot_root[^\n]{0,40}:? invalid argume|cannot generate pod name without uid in metadata/,
    anchors: ["doesn't work on cgroups v2", 'pivot_root', 'cannot generate pod name without uid'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'the runtime\'s versions against the node: runc --version, crio --version or containerd --version beside stat -fc %T /sys/fs/cgroup (cgroup2fs needs runc 1.0 or later) and the kubelet\'s version; for pivot_root, where the runtime\'s root lives (findmnt /var/lib/containers or /var/lib/docker: not ramfs, not a nested overlay)',
    source: 'runc (cgroup v2 refusal of old releases; libcontainer rootfs pivot_root), CRI-O sandbox naming ("cannot generate pod name without uid in metadata")',
    samples: [
      'Error response from daemon: OCI runtime create failed: this version of runc doesn\'t work on cgroups v2: unknown',
      'Warning  Failed     13s (x7 over 80s)  kubelet            Error: container create failed: pivot_root: Invalid argument',
      'run pod sandbox failed: rpc error: code = Unknown desc = setting pod sandbox name and id: cannot generate pod name without uid in metadata',
    ],
    counterSamples: ['runc version 1.1.12\nspec: 1.0.2-dev'],
  }),
  sig({
    id: 'docker.socket-activation-missing',
    cause: 'runtime.unavailable',
    // dockerd started with -H fd:// (its systemd unit) takes its API socket from docker.socket; when that unit
    // did not start (a missing docker group, the socket path taken) dockerd has nothing to listen on and exits.
    re: /failed to load listeners: no sockets found via socket activation|failed to listen on docker\.socket/,
    anchors: ['no sockets found via socket activation', 'failed to listen on docker.socket'],
    confidence: 0.85,
    specificity: 93,
    check: 'systemctl status docker.socket docker.service and journalctl -u docker.socket: start docker.socket first (it needs the docker group: getent group docker), or start dockerd without -H fd://',
    source: 'dockerd daemon/listeners ("no sockets found via socket activation: make sure the service was started by systemd"); systemd socket units',
    samples: [
      'Dec 05 08:20:11 worker-4 dockerd[1250]: failed to load listeners: no sockets found via socket activation: make sure the service was started by systemd',
      'Dec 05 08:21:30 worker-4 systemd[1]: Failed to listen on docker.socket - Docker Socket for the API.',
    ],
    counterSamples: ['Listening on docker.socket - Docker Socket for the API.'],
  }),
];
