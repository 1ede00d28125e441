import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What a version change of the node's stack removes or tightens, in the words of the component that refuses:
 * runc's verified procfs, containerd 2's registry settings and config versions, the Engine API floor that
 * cri-dockerd hits, kubeadm on a host with two runtimes, the kubelet's removed flags and swap modes.
 */
export const UPGRADE_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.runc-unknown-capability',
    cause: 'runtime.unavailable',
    // The runtime above runc (dockerd, containerd) asks for the capabilities of the kernel it knows; a runc
    // older than that list refuses a name it has never heard of (CAP_PERFMON, CAP_BPF, CAP_CHECKPOINT_RESTORE
    // came with Linux 5.8/5.9), and every container start fails.
    re: /unknown capability \\?"cap_[a-z_]+\\?"/,
    anchors: ['unknown capability'],
    confidence: 0.75,
    specificity: 92,
    check: 'runc --version against the dockerd/containerd release: install the runc that release ships with (the containerd.io package, or the runc release its notes name); the kernel\'s newer capabilities need a runc that knows them',
    source: 'runc libcontainer capabilities ("unknown capability %q"), moby/containerd default capability lists',
    samples: ['docker: Error response from daemon: OCI runtime create failed: container_linux.go:370: starting container process caused: unknown capability "CAP_PERFMON": unknown.', 'OCI runtime create failed: unknown capability \\"CAP_BPF\\": unknown'],
    counterSamples: ['capabilities: add: ["CAP_NET_ADMIN"]'],
  }),
  sig({
    id: 'runtime.runc-procfs-verification',
    cause: 'runtime.unavailable',
    // Recent runc releases (the November 2025 security fixes) open /proc through openat2 and fsopen and refuse a
    // procfs they cannot verify: on a kernel or seccomp/AppArmor profile without those calls every container
    // start fails, whatever the image.
    re: /unsafe procfs detected|error closing exec fds: get handle to \/proc\/thread-self|check \\?"thread-self\\?" component is not overmounted|get root mount id: statx\([^\n]{0,120}function not implemented/,
    anchors: ['unsafe procfs', '/proc/thread-self', 'thread-self', 'get root mount id'],
    confidence: 0.8,
    specificity: 95,
    check: 'runc --version on the node and uname -r: a runc that verifies /proc needs openat2, fsopen and statx mount ids from the kernel (and from the seccomp or AppArmor profile the runtime applies); update the kernel or profile, or install the distribution\'s runc build made for it',
    source: 'runc libcontainer/utils and internal/pathrs (procfs handles: "unsafe procfs detected", thread-self checks)',
    samples: [
      'OCI runtime create failed: runc create failed: unable to start container process: error during container init: error closing exec fds: get handle to /proc/thread-self/fd: unsafe procfs detected: openat2 fsmount:fscontext:proc/thread-self/fd/: function not implemented: unknown',
      'runc create failed: unable to start container process: error during container init: error closing exec fds: get handle to /proc/thread-self/fd: check "thread-self" component is not overmounted: get root mount id: statx(STATX_MNT_ID_UNIQUE) /proc/thread-self: function not implemented',
    ],
    counterSamples: ['runc create failed: unable to start container process: exec: "/app/start.sh": permission denied'],
  }),
  sig({
    id: 'registry.containerd2-mirrors-config',
    cause: 'registry.mirror-misconfigured',
    // containerd 2 dropped the CRI plugin's registry.mirrors and registry.configs tables for hosts.toml under
    // config_path (1.5+ refuses both at once): the CRI plugin does not load, and no pull on the node works.
    re: /`?(mirrors|configs)`? (is|are) no longer supported since containerd v2|`?(mirrors|configs)`? cannot be set when `?config_path`? is provided/,
    anchors: ['no longer supported since containerd', 'cannot be set when'],
    confidence: 0.9,
    specificity: 96,
    check: 'the [plugins."io.containerd.grpc.v1.cri".registry] section of /etc/containerd/config.toml: move each mirror to /etc/containerd/certs.d/<registry host>/hosts.toml, keep only config_path = "/etc/containerd/certs.d", restart containerd and see the CRI plugin load (ctr plugins ls)',
    source: 'containerd internal/cri/config (CRI image config validation: mirrors and configs against config_path)',
    samples: [
      'containerd: load required plugin io.containerd.grpc.v1.cri: unable to load CRI image service plugin dependency: invalid cri image config: `mirrors` is no longer supported since containerd v2.0, please use `config_path` instead',
      'failed to load plugin io.containerd.grpc.v1.cri  error="invalid plugin config: `mirrors` cannot be set when `config_path` is provided"',
    ],
    counterSamples: ['config_path = "/etc/containerd/certs.d"'],
  }),
  sig({
    id: 'runtime.containerd-dropin-version',
    cause: 'runtime.unavailable',
    // A drop-in (an installer's, the NVIDIA toolkit's) written in a newer config schema than the root config.toml:
    // containerd refuses to start.
    re: /drop-in config version \d+ higher than root config version \d+/,
    anchors: ['drop-in config version'],
    confidence: 0.85,
    specificity: 95,
    check: 'the version = line of /etc/containerd/config.toml against the drop-ins its imports name (/etc/containerd/conf.d/*.toml): migrate the root config (containerd config migrate) or write the drop-in in its version',
    source: 'containerd cmd/containerd/server/config (imports merged by config version)',
    samples: ['containerd: drop-in config version 4 higher than root config version 2', 'Jan 10 09:00:01 node-2 containerd[811]: containerd: drop-in config version 3 higher than root config version 2'],
    counterSamples: ['version = 3'],
  }),
  sig({
    id: 'runtime.engine-api-client-too-old',
    cause: 'runtime.unavailable',
    // Docker Engine 29 raised its minimum API version: a client built against an older API (cri-dockerd, a CLI,
    // an SDK) is refused on every call, so a runtime behind it is out of reach.
    re: /client version [\d.]+ is too old\. minimum supported api version is [\d.]+/,
    anchors: ['is too old. minimum supported api version'],
    confidence: 0.8,
    specificity: 92,
    check: 'docker version on the node (Server API version and Minimum API version) against the client that failed (cri-dockerd --version, the SDK\'s API version): upgrade the client, or set DOCKER_MIN_API_VERSION on dockerd until it is',
    source: 'moby api/server/middleware/version.go ("client version %s is too old. Minimum supported API version is %s")',
    samples: [
      'level=fatal msg="failed to get docker version from dockerd: Error response from daemon: client version 1.43 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version"',
      'Error response from daemon: client version 1.41 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version',
    ],
    counterSamples: ['client version 1.52 is too new. Maximum supported API version is 1.51'],
  }),
  sig({
    id: 'runtime.kubeadm-several-cri-sockets',
    cause: 'runtime.unavailable',
    // kubeadm finds more than one CRI socket (containerd and cri-dockerd, dockershim and CRI-O) and will not guess.
    re: /found multiple cri (endpoints|sockets)/,
    anchors: ['found multiple cri'],
    confidence: 0.8,
    specificity: 92,
    check: 'which runtime the kubelet is to use: pass --cri-socket (or nodeRegistration.criSocket in the kubeadm config) with that socket, and the same in /var/lib/kubelet/kubeadm-flags.env (--container-runtime-endpoint)',
    source: 'kubeadm cmd/kubeadm/app/util/runtime (DetectCRISocket: "found multiple CRI endpoints on the host")',
    samples: [
      'Found multiple CRI endpoints on the host. Please define which one do you wish to use by setting the \'criSocket\' field in the kubeadm configuration file: unix:///var/run/containerd/containerd.sock, unix:///var/run/cri-dockerd.sock',
      'Found multiple CRI sockets, please use --cri-socket to select one: /var/run/dockershim.sock, /var/run/crio/crio.sock',
    ],
    counterSamples: ['Using CRI socket unix:///var/run/containerd/containerd.sock'],
  }),
  sig({
    id: 'kubelet.removed-flag-or-setting',
    cause: 'node.not-ready',
    // A kubelet upgraded past a flag or setting that kubeadm's env file or the config still carries exits at once:
    // no kubelet, the node goes NotReady.
    re: /failed to parse kubelet flag: unknown flag: --[\w-]+|memoryswap\.swapbehavior \\?"?\w+\\?"? must be one of/,
    anchors: ['failed to parse kubelet flag', 'memoryswap.swapbehavior'],
    confidence: 0.75,
    specificity: 92,
    check: 'the flag named in /var/lib/kubelet/kubeadm-flags.env or /etc/default/kubelet (or the field in /var/lib/kubelet/config.yaml) against the kubelet\'s version: remove it (--pod-infra-container-image, --container-runtime, UnlimitedSwap were removed) and restart the kubelet',
    source: 'kubelet cmd/kubelet/app (flag parsing: "failed to parse kubelet flag"); kubelet config validation (memorySwap.swapBehavior)',
    samples: [
      'failed to parse kubelet flag: unknown flag: --pod-infra-container-image',
      '(error: invalid configuration: memorySwap.swapBehavior "UnlimitedSwap" must be one of: "", "LimitedSwap" or "NoSwap", path: &TypeMeta{Kind:,APIVersion:,})',
    ],
    counterSamples: ['Flag --pod-infra-container-image has been deprecated'],
  }),
  sig({
    id: 'flannel.k3s-backend-removed',
    cause: 'flannel.config-invalid',
    // k3s removed flannel's old wireguard and ipsec backends for its own wireguard-native: a server still asking
    // for them refuses to start.
    re: /the (wireguard|ipsec) backend was (deprecated|removed) in k3s/,
    anchors: ['backend was deprecated in k3s', 'backend was removed in k3s'],
    confidence: 0.9,
    specificity: 95,
    check: '--flannel-backend in the k3s server\'s flags or /etc/rancher/k3s/config.yaml: wireguard-native in place of wireguard (every server of the cluster alike)',
    source: 'k3s pkg/agent/flannel (backend validation at start-up)',
    samples: [
      'level=fatal msg="The wireguard backend was deprecated in K3s v1.26, please switch to wireguard-native. Check our docs at docs.k3s.io/installation/network-options for information about how to migrate."',
      'Dec 19 19:01:09 ip-172-31-9-66 k3s[5502]: time="2022-12-19T19:01:09Z" level=fatal msg="The wireguard backend was deprecated in K3s v1.26, please switch to wireguard-native."',
    ],
    counterSamples: ['flannel-backend: wireguard-native'],
  }),
  sig({
    id: 'runtime.binary-replaced-under-daemon',
    cause: 'runtime.unavailable',
    // A package upgrade (or prelink) replaced the runtime's binary while the old daemon kept running: the daemon
    // still points its hooks and shims at its own executable, now unlinked ("<path> (deleted)"), and every
    // container or sandbox start fails until the daemon is restarted on the new binary.
    re: /fork\/exec\s+\/\S*(dockerd|containerd|containerd-shim\S*|runc|crun|cri-dockerd)\S* \(deleted\): no such file or directory/,
    anchors: ['(deleted): no such file or directory'],
    confidence: 0.8,
    specificity: 93,
    check: 'on the node: ls -l /proc/$(pidof dockerd containerd | cut -d" " -f1)/exe — "(deleted)" means the running daemon\'s binary was replaced by an upgrade; the package log (/var/log/dpkg.log, dnf history) shows when; the daemon needs a restart onto the new binary',
    source: 'Linux /proc/<pid>/exe of an unlinked executable (" (deleted)"); Docker\'s prestart hook (libnetwork-setkey) and containerd\'s shim exec of their own binary',
    samples: [
      'failed to start sandbox container for pod "coredns-5d78c9869d-x2x4v": Error response from daemon: oci runtime error: container_linux.go:265: starting container process caused "process_linux.go:368: container init caused \\"process_linux.go:351: running prestart hook 0 caused \\\\\\"fork/exec /usr/bin/dockerd.#prelink#.XSURZo (deleted): no such file or directory\\\\\\"\\""',
      'failed to create shim task: fork/exec /usr/bin/containerd-shim-runc-v2 (deleted): no such file or directory: unknown',
    ],
    counterSamples: ['fork/exec /usr/bin/containerd-shim-runc-v2: no such file or directory: unknown'],
  }),
  sig({
    id: 'runtime.k3s-containerd-template-field',
    cause: 'runtime.unavailable',
    // k3s renders containerd's config from config.toml.tmpl with its own data; a template written for an older k3s
    // names a field the new release no longer passes, rendering fails and k3s starts no containerd.
    re: /executing \\?"compiled_template\\?" at <[^>\n]{1,80}>: can't evaluate field \w+ in type templates\./,
    anchors: ['compiled_template'],
    confidence: 0.85,
    specificity: 94,
    check: 'the node\'s /var/lib/rancher/k3s/agent/etc/containerd/config.toml.tmpl (or config-v3.toml.tmpl): compare it with the base template of the k3s release now running (its docs name the fields), or move it aside to let k3s render its default',
    source: 'k3s pkg/agent/templates (containerd config rendered with text/template: "can\'t evaluate field %s in type %s")',
    samples: [
      'Nov 01 10:03:02 node2 k3s[1314]: time="2023-11-01T10:03:02+01:00" level=fatal msg="template: compiled_template:119:21: executing \\"compiled_template\\" at <.SystemdCgroup>: can\'t evaluate field SystemdCgroup in type templates.ContainerdRuntimeConfig"',
      'level=fatal msg="template: compiled_template:12:3: executing \\"compiled_template\\" at <.NodeConfig.AgentConfig.Snapshotter>: can\'t evaluate field Snapshotter in type templates.ContainerdConfig"',
    ],
    counterSamples: ['template: base:3: function "deprecated" not defined'],
  }),
];
