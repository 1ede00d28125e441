import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * The node under the kubelet: the identity it registers with, the cgroup layout it shares with the runtime,
 * the kernel features kubeadm checks. A node failing these never turns Ready.
 */
export const KUBELET_NODE_SIGNATURES: Signature[] = [
  sig({
    id: 'kubelet.node-identity-mismatch',
    cause: 'node.not-ready',
    // The Node authorizer lets the kubelet's credentials (system:node:<name>) write only the Node of that
    // name: a hostname that differs from the certificate's (case, a rename, --hostname-override) or a
    // certificate without a node name is refused at registration.
    // NodeRestriction's older words say the same: "node X is not allowed to modify node Y".
    re: /cannot modify node \S+|is not allowed to modify node \S+|nodes \\?"[^"\n\\]+\\?" is forbidden: could not determine node from user|unknown node for user/,
    anchors: ['cannot modify node', 'not allowed to modify node', 'could not determine node from user', 'unknown node for user'],
    confidence: 0.85,
    specificity: 94,
    check: 'the node name the kubelet registers (hostname, lower-cased, or --hostname-override) against its client certificate: openssl x509 -noout -subject -in /var/lib/kubelet/pki/kubelet-client-current.pem must say CN = system:node:<that name>, O = system:nodes',
    source: 'Kubernetes Node authorizer and NodeRestriction admission (kubelet registration)',
    samples: [
      'Unable to register node "minikube" with API server: nodes "minikube" is forbidden: node "minikube-jx-dev" cannot modify node "minikube"',
      'Unable to register node "worker-0" with API server: nodes "worker-0" is forbidden: could not determine node from user',
      'Unable to register node "k8s-master" with API server: nodes "k8s-master" is forbidden: node "k8s-node1" is not allowed to modify node "k8s-master"',
      'Unable to register node "worker-0" with API server: User "system:node:" cannot create nodes at the cluster scope.: "unknown node for user \\"system:node:\\""',
    ],
    counterSamples: ['Successfully registered node worker-0'],
  }),
  sig({
    id: 'k3s.node-password-rejected',
    cause: 'node.not-ready',
    // k3s and RKE2 servers keep a password per node name (a node-password Secret, or the server's node-passwd
    // file); an agent that comes back with the same name and a new password (reinstalled, restored, a duplicate
    // hostname) is refused and never registers — as is an etcd member joining under a name already taken.
    re: /node password (rejected|validation failed)|unable to verify (node )?password for node|etcd cluster join failed: duplicate node name|\/v1-(k3s|rke2)\/(node|serving-kubelet|client-kubelet)\.crt: 403 forbidden/,
    anchors: ['node password', 'unable to verify password for node', 'unable to verify node password', 'duplicate node name', '.crt: 403 forbidden'],
    confidence: 0.8,
    specificity: 90,
    check: 'on a server: kubectl -n kube-system delete secret <node name>.node-password.k3s (or .rke2) for a node that was reinstalled, or give the new machine a unique hostname (--node-name); for an etcd member, remove the old member (etcdctl member list / remove) before it joins again',
    source: 'k3s/RKE2 node password authentication ("Node password rejected, duplicate hostname or contents of ..."; "unable to verify password for node %s: hash does not match"), k3s embedded etcd join',
    samples: [
      'level=info msg="Waiting to retrieve agent configuration; server is not ready: Node password rejected, duplicate hostname or contents of \'/etc/rancher/node/password\' may not match server node-passwd entry"',
      'level=error msg="Node password validation failed for \'ip-172-31-16-236\', using passwd file \'/var/lib/rancher/k3s/server/cred/node-passwd\'"',
      'level=fatal msg="etcd cluster join failed: duplicate node name found, please use a unique name for this node"',
      // Early k3s agents fetch their certificates with the node password and print only the refusal.
      'ERRO[2019-05-10T09:41:09.748260722Z] https://192.168.178.129:6443/v1-k3s/node.crt: 403 Forbidden',
    ],
    counterSamples: ['level=info msg="Node password secret created for node worker-1"'],
  }),
  sig({
    id: 'kubelet.unit-cannot-start',
    cause: 'node.not-ready',
    // The kubelet never runs at all: systemd has no unit for it, cannot read the environment file its drop-in
    // names (kubeadm's /var/lib/kubelet/kubeadm-flags.env before join), or another kubelet already holds its ports.
    re: /unit kubelet\.service not found|kubelet\.service: failed to load environment files|failed to listen and serve\W{1,4}(err\W{1,3})?listen tcp [\w.:[\]]*:(10250|10255|10248): bind: address already in use/,
    anchors: ['kubelet.service', 'address already in use'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['runtime.unavailable'],
    check: 'systemctl status kubelet and systemctl cat kubelet: a unit that is not installed (the kubelet package), an EnvironmentFile that does not exist yet (kubeadm writes /var/lib/kubelet/kubeadm-flags.env at init or join), or a second kubelet on 10250 (ss -ltnp | grep 10250)',
    source: 'systemd unit loading ("Unit kubelet.service not found", "Failed to load environment files"), kubelet server.go ("Failed to listen and serve")',
    samples: [
      'Failed to start kubelet.service: Unit kubelet.service not found.',
      'Dec 03 10:04:05 worker-2 systemd[1]: kubelet.service: Failed to load environment files: No such file or directory',
      'E1203 10:22:28.131577 3628 server.go:209] "Failed to listen and serve" err="listen tcp 0.0.0.0:10250: bind: address already in use"',
    ],
    counterSamples: ['listen tcp 0.0.0.0:8080: bind: address already in use', 'Started kubelet.service - kubelet: The Kubernetes Node Agent.'],
  }),
  sig({
    id: 'kubelet.systemd-cgroup-path-mismatch',
    cause: 'node.not-ready',
    // The kubelet names pod cgroups by its cgroupDriver; a runtime set to the other driver cannot use them:
    // runc with systemd cgroups wants "slice:prefix:name", CRI-O with systemd wants a slice as parent.
    re: /expected cgroupspath to be of format \\?"slice:prefix:name\\?" for systemd cgroups|configured with systemd cgroup manager, but did not receive slice as parent|configured with cgroupfs cgroup manager, but received systemd slice as parent/,
    anchors: ['slice:prefix:name', 'did not receive slice as parent', 'received systemd slice as parent'],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['runtime.unavailable'],
    check: 'the kubelet\'s cgroupDriver (/var/lib/kubelet/config.yaml) against the runtime\'s (containerd SystemdCgroup in config.toml, CRI-O cgroup_manager): both systemd, or both cgroupfs, then restart both',
    source: 'runc libcontainer systemd cgroup manager; CRI-O sandbox cgroup parent check',
    samples: [
      'OCI runtime create failed: runc create failed: expected cgroupsPath to be of format "slice:prefix:name" for systemd cgroups, got "/k8s.io/31eb" instead: unknown',
      'rpc error: code = Unknown desc = cri-o configured with systemd cgroup manager, but did not receive slice as parent: /kubepods/besteffort/pod1',
      'Failed to create pod sandbox: rpc error: code = Unknown desc = cri-o configured with cgroupfs cgroup manager, but received systemd slice as parent: kubepods-besteffort-pod5b1c.slice',
    ],
    counterSamples: ['cgroupDriver: systemd'],
  }),
  sig({
    id: 'kubelet.kernel-config-preflight',
    cause: 'node.not-ready',
    // kubeadm's SystemVerification reads the kernel config and the enabled cgroup controllers: a kernel built
    // without a required option or controller (cpusets, pids on small boards' kernels) cannot run the kubelet.
    re: /unexpected kernel config: config_\w+|missing required cgroups: [\w, ]*\b(pids|cpuset|cpu|devices|freezer)\b/,
    anchors: ['unexpected kernel config', 'missing required cgroups'],
    confidence: 0.85,
    specificity: 92,
    check: 'the kernel the node booted: zcat /proc/config.gz | grep <option> and cat /proc/cgroups (enabled column) — a kernel built with the option (the board vendor\'s newer kernel) or the controller enabled on the kernel command line',
    source: 'kubeadm preflight SystemVerification (kernel config and cgroup controllers)',
    samples: ['[ERROR SystemVerification]: unexpected kernel config: CONFIG_CPUSETS', '[ERROR SystemVerification]: missing required cgroups: pids'],
    counterSamples: ['[WARNING SystemVerification]: missing optional cgroups: hugetlb'],
  }),
  sig({
    id: 'kubelet.config-read-io-error',
    cause: 'unknown',
    // The kubelet could not read its config file at all (EIO): the disk or filesystem under /var/lib/kubelet is
    // failing, which no configuration change mends.
    re: /failed to (load|read) kubelet config file[^\n]{0,300}input\/output error/,
    anchors: ['input/output error'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['node.not-ready'],
    check: 'dmesg on the node for disk or filesystem errors (I/O error, EXT4-fs error, remounted read-only) under /var/lib/kubelet; the node needs its storage fixed, not its kubelet config',
    source: 'kubelet config file loading (os.ReadFile → EIO)',
    samples: ['failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to read kubelet config file "/var/lib/kubelet/config.yaml", error: read /var/lib/kubelet/config.yaml: input/output error', 'failed to read kubelet config file "/var/lib/kubelet/config.yaml", error: read /var/lib/kubelet/config.yaml: input/output error'],
    counterSamples: ['failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to read kubelet config file "/var/lib/kubelet/config.yaml", error: open /var/lib/kubelet/config.yaml: no such file or directory'],
  }),
  sig({
    id: 'kubelet.dockershim-removed',
    cause: 'runtime.unavailable',
    // The kubelet lost its built-in Docker shim in 1.24: a node still set to use it has no CRI runtime at all
    // until containerd, CRI-O or cri-dockerd serves a socket the kubelet is pointed at.
    re: /using dockershim is not supported/,
    anchors: ['dockershim is not supported'],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['node.not-ready'],
    check: 'the kubelet\'s flags (systemctl cat kubelet; /var/lib/kubelet/kubeadm-flags.env): drop --container-runtime=docker and set --container-runtime-endpoint to a CRI socket that exists (unix:///run/containerd/containerd.sock, or cri-dockerd\'s unix:///run/cri-dockerd.sock to keep Docker)',
    source: 'kubelet ≥ 1.24 start-up ("using dockershim is not supported, please consider using a full-fledged CRI implementation")',
    samples: [
      'failed to run Kubelet: using dockershim is not supported, please consider using a full-fledged CRI implementation',
      'E0512 09:14:02.118 kubelet[2231]: Error: failed to run Kubelet: using dockershim is not supported, please consider using a full-fledged CRI implementation',
    ],
    counterSamples: ['failed to run Kubelet: running with swap on is not supported, please disable swap!'],
  }),
  sig({
    id: 'node.cgroup-no-space',
    cause: 'unknown',
    // ENOSPC from mkdir under /sys/fs/cgroup is no disk: the kernel refuses a new cgroup (the memory
    // controller's id space filled by cgroups that were removed but not freed — the kmem accounting leak of
    // 3.x/4.x kernels — or a cgroup limit). No container starts on that node until it is rebooted or patched.
    re: /mkdir \/sys\/fs\/cgroup\/[^\s:"\\]*: no space left on device/,
    anchors: ['/sys/fs/cgroup/'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['node.not-ready'],
    check: 'on that node: grep memory /proc/cgroups (num_cgroups near 65535 while few pods run is the leak) and uname -r; a reboot frees them, the kernel argument cgroup.memory=nokmem or a newer kernel keeps them from leaking; df -h is not the question',
    source: 'Linux cgroup mkdir returns ENOSPC when no cgroup id is left (memcg ids are 16 bits); runc applying the cgroup configuration',
    samples: [
      'OCI runtime create failed: container_linux.go:349: starting container process caused "process_linux.go:297: applying cgroup configuration for process caused \\"mkdir /sys/fs/cgroup/memory/kubepods/burstable/pod1/abc: no space left on device\\"": unknown',
      'failed to create containerd task: OCI runtime create failed: runc create failed: unable to start container process: unable to apply cgroup configuration: mkdir /sys/fs/cgroup/memory/kubepods/besteffort/pod2: no space left on device: unknown',
    ],
    counterSamples: ['failed to extract layer sha256:a3ed95ca: write /var/lib/containerd/x: no space left on device'],
  }),
  sig({
    id: 'kubelet.credential-provider-config-failed',
    cause: 'node.not-ready',
    // The kubelet registers the image credential providers its --image-credential-provider-config names before it
    // starts; a provider whose binary is not in --image-credential-provider-bin-dir (or a config it cannot read)
    // stops the kubelet, so the node goes NotReady, not only its private pulls.
    re: /failed to register cri auth plugins/,
    anchors: ['failed to register cri auth plugins'],
    confidence: 0.8,
    specificity: 94,
    alternatives: ['image.auth-missing'],
    check: 'the kubelet flags --image-credential-provider-config and --image-credential-provider-bin-dir: every provider the config names must be an executable of that name in that directory',
    source: 'kubelet kuberuntime manager ("Failed to register CRI auth plugins", then exit)',
    samples: ['E0102 10:00:01.552310    2187 kuberuntime_manager.go:315] "Failed to register CRI auth plugins" err="plugin binary executable  did not exist"', 'E0102 10:00:01.552310    2187 kuberuntime_manager.go:315] "Failed to register CRI auth plugins" err="error reading credential provider config: open /etc/kubernetes/credential-provider.yaml: no such file or directory"'],
    counterSamples: ['I0102 10:00:01.552310    2187 plugin.go:104] "Registered credential provider" provider="ecr-credential-provider"'],
  }),
  sig({
    id: 'kubelet.startup-module-failed',
    cause: 'node.not-ready',
    // The kubelet builds its container manager (QoS cgroups, node allocatable, the CPU and memory managers and
    // their checkpoints), cAdvisor, the OOM watcher and its root directory before it serves; any of them failing
    // ends the kubelet, and the node goes NotReady. So does a feature gate it no longer knows.
    re: /failed to start containermanager|failed to initialize (cpu|memory|topology) manager|start (cpu|memory) manager error|could not restore state from checkpoint|invalid node allocatable configuration|failed to enforce (kube|system) reserved cgroup limits|failed to start cadvisor|failed to create an oomwatcher|failed to initialize internal modules|unrecognized feature gate: \w+/,
    anchors: ['failed to start containermanager', 'failed to initialize cpu manager', 'failed to initialize memory manager', 'failed to initialize topology manager', 'manager error', 'could not restore state from checkpoint', 'invalid node allocatable', 'reserved cgroup limits', 'failed to start cadvisor', 'oomwatcher', 'failed to initialize internal modules', 'unrecognized feature gate'],
    confidence: 0.8,
    specificity: 88,
    alternatives: ['runtime.unavailable'],
    check: 'journalctl -u kubelet from its start: the module named decides — a CPU or memory manager checkpoint from an old policy (drain, delete /var/lib/kubelet/cpu_manager_state or memory_manager_state, restart), reservations larger than the node (kubeReserved, systemReserved, evictionHard against capacity), cgroups the kubelet cannot create (the cgroup driver, dbus for systemd), /dev/kmsg or a read-only /var/lib/kubelet in a container or LXC node, a feature gate removed in this version',
    source: 'kubelet cmd/kubelet/app/server.go and pkg/kubelet/cm (container manager start-up: "Failed to start ContainerManager", cpu/memory manager state), pkg/kubelet/kubelet.go (cAdvisor, OOM watcher, internal modules), component-base featuregate',
    samples: [
      '"Failed to start ContainerManager" err="failed to initialize top level QOS containers: failed to create top level Burstable QOS cgroup : failed to connect to dbus"',
      'could not restore state from checkpoint: checkpoint is corrupted, please drain this node and delete the CPU manager checkpoint file "/var/lib/kubelet/cpu_manager_state" before restarting Kubelet',
      'E1205 18:49:20.700511    7921 kubelet.go:571] "Failed to create an oomWatcher (running in UserNS, Hint: enable KubeletInUserNamespace feature flag to ignore the error)" err="open /dev/kmsg: operation not permitted"',
      '"command failed" err="failed to set feature gates from initial flags-based config: unrecognized feature gate: DevicePlugins"',
    ],
    counterSamples: ['I1205 18:15:21.006612    5304 cpu_manager.go:221] "Starting CPU manager" policy="none"'],
  }),
  sig({
    id: 'kubelet.client-certificate-failed',
    cause: 'node.not-ready',
    // The kubelet gets no client certificate: its CSR was refused or never signed (no approver, the controller-
    // manager's signer not running). It cannot register or post status. (An expired one reads as the expiry, kubelet.ts.)
    re: /failed while requesting a signed certificate from the (control plane|master)|certificate request was not signed|certificate signing request is denied/,
    anchors: ['requesting a signed certificate', 'certificate request was not signed', 'certificate signing request is denied'],
    confidence: 0.8,
    specificity: 92,
    check: 'kubectl get csr (Pending ones need kubectl certificate approve, or the kubelet-serving approver); on the node, the expiry of /var/lib/kubelet/pki/kubelet-client-current.pem and of the bootstrap token in /etc/kubernetes/bootstrap-kubelet.conf (kubeadm token create, then rejoin)',
    source: 'kubelet pkg/kubelet/certificate/bootstrap and client-go util/certificate (certificate_manager.go: "Failed while requesting a signed certificate from the control plane", "Certificate request was not signed")',
    samples: [
      'E1205 18:47:40.992110    7755 certificate_manager.go:613] "Certificate request was not signed" err="timed out waiting for the condition" logger="kubernetes.io/kube-apiserver-client-kubelet/UnhandledError"',
      'E1205 18:47:05.660193    7755 certificate_manager.go:596] "Failed while requesting a signed certificate from the control plane" err="cannot create certificate signing request: Unauthorized"',
      'E1206 10:11:12.345678    4321 certificate_manager.go:562] kubernetes.io/kube-apiserver-client-kubelet: Failed while requesting a signed certificate from the master: cannot create certificate signing request: Unauthorized',
    ],
    counterSamples: ['I1205 certificate_manager.go:356] "Certificate rotation is enabled"'],
  }),
];
