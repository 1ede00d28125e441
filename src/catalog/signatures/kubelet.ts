import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * The kubelet refusing to start, and CRI clients (crictl, kubeadm) that find no runtime: texts of
 * the kubelet's start-up checks (cmd/kubelet/app/server.go, pkg/kubelet/cm) and of cri-tools.
 * A kubelet that exits leaves its node NotReady; the message names why.
 */
export const KUBELET_SIGNATURES: Signature[] = [
  sig({
    id: 'kubelet.swap-on',
    cause: 'node.not-ready',
    // kubelet: "running with swap on is not supported, please disable swap!"; kubeadm preflight: "[ERROR Swap]".
    re: /running with swap on is not supported|\[error swap\]|swap is on, and failswapon|swap_util\.go[^\n]{0,80}swap is on/,
    anchors: ['swap on is not supported', '[error swap]', 'failswapon', 'swap is on'],
    confidence: 0.95,
    specificity: 95,
    source: 'kubelet start-up check (cmd/kubelet/app/server.go: failSwapOn) and kubeadm preflight Swap',
    samples: [
      'E1107 08:12:40.113204    4410 run.go:74] "command failed" err="failed to run Kubelet: running with swap on is not supported, please disable swap! or set --fail-swap-on flag to false"',
      '\t[ERROR Swap]: running with swap on is not supported. Please disable swap',
    ],
    counterSamples: ['I1107 08:12:40.113204 4410 server.go:521] "Swap is off"'],
  }),
  sig({
    id: 'kubelet.swap-warning',
    cause: 'unknown',
    // kubeadm prints [WARNING Swap] for a check it was told to ignore: whether the kubelet refuses to start is its failSwapOn setting.
    // A warning beside the failure: in a preflight paste another check's [ERROR …] line is what stopped kubeadm.
    re: /\[warning swap\]/,
    recordOnly: true,
    anchors: ['[warning swap]'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['node.not-ready'],
    check: 'failSwapOn in /var/lib/kubelet/config.yaml (or --fail-swap-on): true makes the kubelet exit ("failed to run Kubelet: running with swap on" in journalctl -u kubelet); false makes this warning harmless',
    source: 'kubeadm preflight: ignored checks are printed as [WARNING <name>]',
    samples: ['\t[WARNING Swap]: swap is supported for cgroup v2 only; the NodeSwap feature gate of the kubelet is beta but disabled by default', '[WARNING Swap]: running with swap on is not supported. Please disable swap'],
    counterSamples: ['[ERROR Swap]: running with swap on is not supported. Please disable swap'],
  }),
  sig({
    id: 'kubelet.oom-watcher',
    cause: 'node.not-ready',
    // The kubelet watches kernel OOM kills through /dev/kmsg and exits when it cannot open it: a kubelet run in
    // an LXC or other container without that device never starts, so its node stays NotReady.
    re: /failed to start oom watcher[^\n]{0,120}?(\/dev\/kmsg|no such file|permission denied|operation not permitted)/,
    anchors: ['oom watcher'],
    confidence: 0.85,
    specificity: 94,
    check: 'journalctl -u kubelet shows it exiting at start-up; ls -l /dev/kmsg where the kubelet runs: an LXC or container host needs the device passed in (lxc.mount.entry or a bind of /dev/kmsg)',
    source: 'kubelet start-up (pkg/kubelet/oom: the OOM watcher reads /dev/kmsg; its start failure is fatal)',
    samples: [
      'F0725 21:48:23.607149     673 kubelet.go:1405] Failed to start OOM watcher open /dev/kmsg: no such file or directory',
      'E0301 10:00:00.000000    1200 kubelet.go:1530] "Failed to start OOM watcher" err="open /dev/kmsg: operation not permitted"',
    ],
    counterSamples: ['I0301 10:00:00.000000 1200 kubelet.go:1530] "Started OOM watcher"'],
  }),
  sig({
    id: 'kubelet.cgroup-driver-mismatch',
    cause: 'node.not-ready',
    // pkg/kubelet: "misconfiguration: kubelet cgroup driver: %q is different from docker cgroup driver: %q".
    // Also the two settings pasted side by side: runc's SystemdCgroup off in containerd while the kubelet's cgroupDriver is systemd.
    re: /\\?"'?\w+'?\\?" is different from [\w-]+ cgroup driver|cgroup driver mismatch|expected cgroupdriver=\w+ but got|systemdcgroup\W{0,3}\s*[:=]\s*false\b[\s\S]{0,600}?cgroupdriver\W{0,3}\s*[:=]?\s*\W?systemd\b|cgroupdriver\W{0,3}\s*[:=]?\s*\W?systemd\b[\s\S]{0,600}?systemdcgroup\W{0,3}\s*[:=]\s*false\b/,
    anchors: ['cgroup driver', 'cgroupdriver'],
    confidence: 0.93,
    specificity: 95,
    source: 'kubelet start-up check of the runtime cgroup driver (dockershim era) and the CRI RuntimeConfig cgroup driver',
    samples: [
      '$ sudo crictl info | grep -i systemdcgroup\n            "SystemdCgroup": false,\n$ grep cgroupDriver /var/lib/kubelet/config.yaml\ncgroupDriver: systemd',
      'failed to run Kubelet: failed to create kubelet: misconfiguration: kubelet cgroup driver: "systemd" is different from docker cgroup driver: "cgroupfs"',
      'F0311 10:01:02.000000 2210 server.go:269] failed to run Kubelet: misconfiguration: kubelet cgroup driver: "cgroupfs" is different from docker cgroup driver: "systemd"',
    ],
    counterSamples: ['cgroupDriver: systemd'],
  }),
  sig({
    id: 'runc.systemd-unit-from-cgroupfs-path',
    cause: 'node.not-ready',
    // runc with the systemd cgroup driver expects parents as slice:prefix:name; a /kubepods/... path is the
    // cgroupfs driver's form: the kubelet and the runtime disagree on the cgroup driver.
    re: /invalid unit name '\/kubepods/,
    anchors: ["invalid unit name '/kubepods"],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['runtime.unavailable'],
    check: 'the cgroup driver on both sides: cgroupDriver in /var/lib/kubelet/config.yaml against the runtime\'s (docker info | grep -i cgroup, or SystemdCgroup in /etc/containerd/config.toml); set them to the same driver (systemd on systemd hosts) and restart both',
    source: 'runc libcontainer/cgroups/systemd (expects slice:prefix:name; "Invalid unit name %q")',
    samples: [
      "OCI runtime create failed: container_linux.go:367: starting container process caused: process_linux.go:340: applying cgroup configuration for process caused: Invalid unit name '/kubepods/burstable/pod5177': unknown",
      "Error response from daemon: Cannot restart container 8cf2: OCI runtime create failed: applying cgroup configuration for process caused: Invalid unit name '/kubepods/besteffort/pod91ab': unknown",
    ],
    counterSamples: ['kubepods-burstable-pod5177.slice'],
  }),
  sig({
    id: 'kubelet.container-manager',
    cause: 'node.not-ready',
    // pkg/kubelet/cm validates the cgroup hierarchy before the kubelet runs pods: missing controllers stop it.
    re: /failed to start containermanager|following cgroup subsystem not mounted|system validation failed - following cgroup/,
    anchors: ['containermanager', 'cgroup subsystem not mounted'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['runtime.unavailable'],
    check: 'mount | grep cgroup and cat /proc/cgroups on the node: the controllers named (cpu, cpuacct, cpuset, memory) must be mounted and enabled (kernel command line cgroup_enable=memory on some boards)',
    source: 'kubelet container manager start-up (pkg/kubelet/cm: validateSystemRequirements)',
    samples: [
      'kubelet.go:1383] Failed to start ContainerManager system validation failed - Following Cgroup subsystem not mounted: [memory]',
      'E0310 10:00:00.000000 811 kubelet.go:1431] "Failed to start ContainerManager" err="failed to initialize top level QOS containers: root container [kubepods] doesn\'t exist"',
    ],
    counterSamples: ['I0310 10:00:00.000000 811 container_manager_linux.go:300] "Creating Container Manager object based on Node Config"'],
  }),
  sig({
    id: 'kubelet.cgroup-v1',
    cause: 'node.not-ready',
    // From v1.35 the kubelet refuses a cgroup v1 host unless failCgroupV1 is false; older kubelets only warn.
    re: /configured to not run on a host using cgroup v1|cgroups? v1 support is (deprecated|unsupported)[^\n]{0,200}failcgroupv1/,
    anchors: ['host using cgroup v1', 'failcgroupv1'],
    confidence: 0.6,
    specificity: 90,
    check: 'stat -fc %T /sys/fs/cgroup on the node (cgroup2fs is v2) and the kubelet version: v1.35 or newer on a v1 host exits unless failCgroupV1: false is in /var/lib/kubelet/config.yaml; older kubelets run with only this warning',
    source: 'KEP-5573 (remove cgroup v1 support): kubelet failCgroupV1 and kubeadm SystemVerification',
    samples: [
      '[WARNING SystemVerification]: cgroups v1 support is deprecated and will be removed in a future release. Please migrate to cgroups v2. To explicitly enable cgroups v1 support for kubelet v1.35 or newer, you must set the kubelet configuration option \'FailCgroupV1\' to \'false\'.',
      'E0101 00:00:00.000000 100 run.go:72] "command failed" err="failed to run Kubelet: kubelet is configured to not run on a host using cgroup v1. cgroup v1 support is unsupported and will be removed in a future release"',
    ],
    counterSamples: ['I0101 00:00:00.000000 100 server.go:1000] "Using cgroup driver setting received from the CRI runtime" cgroupDriver="systemd"'],
  }),
  sig({
    id: 'kubelet.client-cert-expired',
    cause: 'registry.tls-expired-or-clock',
    // The kubelet's own client certificate to the API server expired (rotation failed, or the node was off past its
    // short validity): it can no longer post its status, so the node goes NotReady. Read by its mechanism, the
    // expiry, as every certificate out of its validity is; the node's state is the symptom.
    re: /currently active client certificate has expired|part of the existing bootstrap client certificate( in \S+)? is expired/,
    anchors: ['client certificate has expired', 'bootstrap client certificate'],
    confidence: 0.75,
    specificity: 95,
    alternatives: ['node.not-ready'],
    check: 'openssl x509 -enddate -noout -in /var/lib/kubelet/pki/kubelet-client-current.pem on the node: renew it (kubeadm certs renew, or remove it and let the kubelet bootstrap again) and check rotateCertificates and the node clock',
    source: 'kubelet client certificate rotation (k8s.io/client-go/transport/cert_rotation, kubelet bootstrap)',
    samples: [
      'E1111 00:15:53.851634 66610 transport.go:113] The currently active client certificate has expired, but the server is not responsive. A restart may be necessary to retrieve new initial credentials.',
      'E0101 00:00:00.000000 100 bootstrap.go:265] part of the existing bootstrap client certificate in /etc/kubernetes/kubelet.conf is expired: 2023-01-01 00:00:00 +0000 UTC',
    ],
    counterSamples: ['x509: certificate has expired or is not yet valid'],
    subject: {
      title: 'The kubelet\'s client certificate to the API server has expired',
      explanation: 'The kubelet authenticates to the API server with a client certificate it renews itself (rotateCertificates); when renewal failed, or the node was off for longer than the certificate lasts, it can no longer post its status and the node goes NotReady.',
      fix: [
        'On the node: openssl x509 -noout -enddate -in /var/lib/kubelet/pki/kubelet-client-current.pem, and date -u (a clock ahead makes a valid certificate look expired).',
        'kubeadm: on a control-plane node, kubeadm certs renew all (or kubeadm kubeconfig user --client-name system:node:<node> for a worker) and write the result to /etc/kubernetes/kubelet.conf; or remove the expired file and let the kubelet bootstrap again with its bootstrap kubeconfig.',
        'Restart the kubelet, approve its certificate signing request if it waits for one (kubectl get csr; kubectl certificate approve <name>), and keep rotateCertificates: true in its configuration.',
      ],
      verify: ['openssl x509 -noout -enddate -in /var/lib/kubelet/pki/kubelet-client-current.pem'],
    },
  }),
  sig({
    id: 'kubelet.failed-to-run',
    cause: 'node.not-ready',
    // The kubelet's top-level start-up error: the cause is the text after it (other signatures outrank this one).
    re: /failed to run kubelet: |kubelet\.service: main process exited, code=exited/,
    anchors: ['failed to run kubelet', 'kubelet.service: main process exited'],
    confidence: 0.7,
    specificity: 45,
    alternatives: ['runtime.unavailable'],
    check: 'journalctl -u kubelet -b | grep -m1 -A2 "failed to run Kubelet": the text after it names why the kubelet exits',
    source: 'kubelet start-up (cmd/kubelet/app/server.go "failed to run Kubelet")',
    samples: [
      'E0412 09:00:01.000000 1201 run.go:74] "command failed" err="failed to run Kubelet: failed to construct kubelet dependencies: unable to load client CA file /etc/kubernetes/pki/ca.crt: open /etc/kubernetes/pki/ca.crt: permission denied"',
      'Apr 12 09:00:01 worker-3 systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE',
    ],
    counterSamples: ['Apr 12 09:00:01 worker-3 systemd[1]: Started kubelet: The Kubernetes Node Agent.'],
  }),
  sig({
    id: 'kubelet.flags-invalid',
    cause: 'node.not-ready',
    // cmd/kubelet/app/server.go validates flags and the KubeletConfiguration before it starts anything: a
    // failure there ("failed to validate kubelet flags: …", "failed to validate kubelet configuration, …")
    // makes the kubelet exit, so its node goes NotReady; the text after it names the setting.
    // Reading them fails the same way: a flag value it cannot parse, a drop-in file without apiVersion/kind.
    // (A flag it does not know has its own, less sure signatures: a removed flag is not always the node's end.)
    re: /failed to validate kubelet (flags|configuration)|failed to parse kubelet flag: invalid argument|failed to merge kubelet configs|failed to load kubelet dropin file/,
    anchors: ['failed to validate kubelet', 'failed to parse kubelet flag: invalid argument', 'failed to merge kubelet configs', 'kubelet dropin file'],
    confidence: 0.9,
    specificity: 95,
    check: 'journalctl -u kubelet -b | grep -m1 "failed to validate kubelet": the setting it names is wrong in /var/lib/kubelet/config.yaml or the kubelet\'s flags (systemctl cat kubelet)',
    source: 'kubelet start-up validation (cmd/kubelet/app/server.go: ValidateKubeletFlags, ValidateKubeletConfiguration)',
    samples: [
      'E0216 08:15:48.852698    5148 run.go:74] "command failed" err="failed to validate kubelet flags: the container runtime endpoint address was not specified or empty, use --container-runtime-endpoint to set"',
      'E0301 10:00:00.000000    811 run.go:74] "command failed" err="failed to validate kubelet configuration, error: [invalid configuration: memorySwap.swapBehavior \\"Limited\\" must be one of: \\"\\", \\"LimitedSwap\\" or \\"UnlimitedSwap\\"], path: &TypeMeta{Kind:,APIVersion:,}"',
    ],
    counterSamples: ['I0216 08:15:48.852698 5148 server.go:415] "Kubelet version" kubeletVersion="v1.28.2"'],
  }),
  sig({
    id: 'kubelet.runtime-endpoint-empty',
    cause: 'node.not-ready',
    // gRPC dialling "unix:" with no path fails with Go's "dial unix: missing address": the runtime endpoint
    // the kubelet (or a CRI client) was given is empty — its configuration, not the runtime, is at fault.
    re: /dial unix: missing address|container runtime endpoint address was not specified/,
    anchors: ['missing address', 'endpoint address was not specified'],
    confidence: 0.85,
    specificity: 96,
    alternatives: ['runtime.unavailable'],
    check: 'containerRuntimeEndpoint in /var/lib/kubelet/config.yaml (or --container-runtime-endpoint in systemctl cat kubelet) must name the runtime\'s socket, e.g. unix:///run/containerd/containerd.sock; for crictl, runtime-endpoint in /etc/crictl.yaml',
    source: 'Go net.Dial("unix", "") → "missing address"; kubelet flag validation of --container-runtime-endpoint (v1.27+ has no default)',
    samples: [
      'Error: failed to run Kubelet: unable to determine runtime API version: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial unix: missing address"',
      'W0915 13:20:23.020243    8014 logging.go:59] [core] [Channel #1 SubChannel #2] grpc: addrConn.createTransport failed to connect to {}. Err: connection error: desc = "transport: Error while dialing dial unix: missing address"',
    ],
    counterSamples: ['dial unix /run/containerd/containerd.sock: connect: no such file or directory'],
  }),
  sig({
    id: 'kubelet.cadvisor-factory-probe',
    cause: 'unknown',
    // cAdvisor (embedded in the kubelet) registers a container factory for every runtime it knows at start-up
    // (docker, crio, containerd, systemd) and logs a warning for each one that is not there: a node that runs
    // containerd prints the crio and docker ones on every start. The runtime that matters is the kubelet's endpoint.
    // cAdvisor before v0.30 (kubelet 1.10 and older) worded the same probes "Unable to connect to Docker: %v",
    // "unable to connect to Rkt api service: %v", "unable to connect to CRI-O api service: %v".
    re: /registration of the [\w-]+ container factory failed|unable to connect to (docker: |rkt api service|cri-o api service)/,
    anchors: ['container factory failed', 'unable to connect to docker: ', 'rkt api service', 'cri-o api service'],
    confidence: 0.4,
    specificity: 97,
    alternatives: ['runtime.unavailable'],
    // Printed on every start of a healthy node: in a pasted journal, another record's error is the answer.
    recordOnly: true,
    check: 'which runtime does the kubelet use (containerRuntimeEndpoint in /var/lib/kubelet/config.yaml)? crictl --runtime-endpoint <it> info answering means this warning is about a runtime the node does not run',
    source: 'cAdvisor manager.go ("Registration of the %s container factory failed"), run inside the kubelet',
    samples: [
      'W1210 18:30:52.739721   15060 manager.go:291] Registration of the crio container factory failed: Get http://%2Fvar%2Frun%2Fcrio%2Fcrio.sock/info: dial unix /var/run/crio/crio.sock: connect: no such file or directory',
      'W0412 09:00:01.000000 1201 manager.go:280] Registration of the docker container factory failed: failed to validate docker info: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      'W0301 08:12:44.120334     611 manager.go:153] Unable to connect to Docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      'W0301 08:12:44.121002     611 manager.go:166] unable to connect to CRI-O api service: Get http://%2Fvar%2Frun%2Fcrio.sock/info: dial unix /var/run/crio.sock: connect: no such file or directory',
    ],
    counterSamples: ['I0412 09:00:01.000000 1201 factory.go:221] Registration of the containerd container factory successfully'],
  }),
  sig({
    id: 'cri.client-no-endpoint',
    cause: 'runtime.unavailable',
    // cri-tools: crictl tries the deprecated default endpoints, or a configured one that is not serving. Its warning that
    // it is trying the defaults is printed before every answer without /etc/crictl.yaml, so alone it says nothing failed.
    re: /make sure you are running as root and the (runtime|endpoint) has been started|failed to connect: failed to connect|validate service connection|unable to determine (runtime|image) api version|getting the runtime version failed|connect endpoint '[^']+'|unable to check if the container runtime at|grpc: the connection is unavailable|(getting the runtime version|getting status of runtime|listing (containers|pod sandboxes|images)): rpc error: code = unavailable/,
    // The last alternative: crictl's own wrappers ("getting the runtime version: %w", "listing containers: %w")
    // around gRPC code Unavailable, the transport failing on the endpoint it dialled (the socket path may be cut off).
    anchors: ['make sure you are running as root', 'failed to connect: failed to connect', 'validate service connection', 'unable to determine', 'getting the runtime version', 'connect endpoint', 'unable to check if the container runtime', 'connection is unavailable', 'getting status of runtime', 'listing '],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'crictl --runtime-endpoint unix:///run/containerd/containerd.sock info; and /etc/crictl.yaml or the kubelet\'s --container-runtime-endpoint must name that socket',
    source: 'cri-tools (crictl) connection errors; kubeadm preflight CRI check',
    samples: [
      'FATA[0002] validate service connection: validate CRI v1 runtime API for endpoint "unix:///run/cri-dockerd.sock": rpc error: code = Unavailable desc = connection error',
      "FATA[0010] connect: connect endpoint 'unix:///run/crio/crio.sock', make sure you are running as root and the endpoint has been started: context deadline exceeded",
      'level=fatal msg="getting the runtime version: rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing dial unix /run/k3s/containerd/containerd',
    ],
    counterSamples: ['WARN[0000] runtime connect using default endpoints: [unix:///run/containerd/containerd.sock unix:///run/crio/crio.sock unix:///var/run/cri-dockerd.sock]. As the default settings are now deprecated, you should set the endpoint instead.', 'RuntimeName:  containerd\nRuntimeVersion:  v1.7.13', 'listing containers: rpc error: code = DeadlineExceeded desc = context deadline exceeded'],
  }),
  sig({
    id: 'kubelet.port-no-route',
    cause: 'unknown',
    // The API server (or a proxy in front of it: rke2's and k3s's tunnel, a CI runner's exec) dialling a kubelet's
    // streaming port for logs, exec or port-forward — 10250, or 10350 for KubeEdge's edge stream. A refusal, a
    // timeout or no route there is a kubelet that is down, a firewall's REJECT or DROP, the wrong node address or
    // a stale name: the threads settle on each, so the text names the path, not the cause. Loopback is the
    // kubelet's own health check (kubelet.healthz-refused).
    re: /(error dialing backend|:(10250|10350)\/|\/containerlogs\/|dial tcp (?!127\.|\[::1\]|localhost)[\w.:[\]%-]+:(10250|10350): )[^\n]{0,300}(no route to host|(connect|getsockopt): connection (refused|timed out)|i\/o timeout|network is unreachable)/,
    anchors: ['error dialing backend', ':10250/', ':10350/', '/containerlogs/', ':10250: ', ':10350: '],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['node.firewall', 'node.not-ready', 'flannel.wrong-iface', 'dns.node-resolver'],
    check: 'is the address the right one (kubectl get node -o wide; a stale /etc/hosts entry for the node name on the control plane sends it elsewhere)? on the target node: is the kubelet running (systemctl status kubelet), and does its firewall allow TCP 10250 from the control plane (firewall-cmd --list-all, or iptables-save | grep REJECT)? the node\'s InternalIP must be an address the API server can reach',
    source: 'API server → kubelet streaming connection (kubectl logs/exec); facts §10.1 (kubelet port 10250 between nodes); KubeEdge cloudcore → edgecore stream port 10350',
    samples: [
      'Error from server: error dialing backend: dial tcp 172.16.4.22:10250: connect: no route to host',
      'Error from server: Get "https://10.1.1.7:10250/containerLogs/web/api-0/api": dial tcp 10.1.1.7:10250: i/o timeout',
      'Error from server: Get "https://192.168.7.3:10350/containerLogs/default/web-0/web": dial tcp 192.168.7.3:10350: connect: connection refused',
    ],
    counterSamples: ['Error from server (NotFound): pods "api-0" not found', "Get http://localhost:10255/healthz: dial tcp [::1]:10255: getsockopt: connection refused"],
  }),
  sig({
    id: 'kubelet.removed-flag',
    cause: 'node.not-ready',
    // The kubelet refuses to start on a flag its version no longer has: dockershim's network and runtime flags
    // went in 1.24 (--network-plugin, --cni-*-dir, --docker-endpoint) and --container-runtime in 1.27, while
    // kubeadm's flags file, a distribution's args or an old unit still pass them. No kubelet, node NotReady.
    // Only those: another unknown flag may be a fork's or a wrapper's own, which threads settle otherwise.
    re: /unknown flag: --(network-plugin(-dir|-mtu)?|cni-(bin|conf|cache)-dir|container-runtime|docker-endpoint|image-pull-progress-deadline|experimental-dockershim[\w-]*|non-masquerade-cidr|cadvisor-port|api-servers|require-kubeconfig|register-schedulable|experimental-bootstrap-kubeconfig)(?![\w-])/,
    anchors: ['unknown flag: --'],
    confidence: 0.85,
    specificity: 92,
    check: 'the flags the kubelet is started with: systemctl cat kubelet, /var/lib/kubelet/kubeadm-flags.env (KUBELET_KUBEADM_ARGS) and /etc/default/kubelet (or the distribution\'s kubelet args); remove the one it names — its setting moved to the KubeletConfiguration or went with dockershim (kubelet --version says which release)',
    source: 'kubelet command line (pflag "unknown flag: --<name>"); flags removed with dockershim in 1.24 and --container-runtime in 1.27',
    samples: ['kubelet upgrade Error: failed to parse kubelet flag: unknown flag: --network-plugin', 'unknown flag: --cni-bin-dir', 'microk8s.daemon-kubelite[695]: F0321 06:42:43.601537   695 daemon.go:57] Kubelet exited failed to parse kubelet flag: unknown flag: --container-runtime'],
    counterSamples: ['unknown flag: --container-runtime-endpoint-typo', 'helm: Error: unknown flag: --wait-for-jobs'],
  }),
  sig({
    id: 'kubelet.binary-missing',
    cause: 'node.not-ready',
    // systemd could not exec the kubelet: the unit names a binary that is not there (an installer that did not
    // copy it, a path from another distribution or version).
    re: /failed at step exec spawning \S*\/(kubelet|kubelite)\b[^\n]{0,20}: no such file or directory|failed to locate executable \S*\/kubelet\b|kubelet\.service: failed to execute \S*: no such file or directory/,
    anchors: ['failed at step exec spawning', 'failed to locate executable', 'failed to execute'],
    confidence: 0.85,
    specificity: 92,
    check: 'systemctl cat kubelet: the ExecStart path must exist on this node (ls -l <path>; which kubelet) — install the kubelet of the cluster\'s version there or point the unit at it, then systemctl daemon-reload && systemctl restart kubelet',
    source: 'systemd exec errors ("Failed at step EXEC spawning <path>: No such file or directory")',
    samples: ['systemd[4947]: Failed at step EXEC spawning /var/lib/minikube/binaries/v1.17.3/kubelet: No such file or directory', 'systemd[1]: kubelet.service: Failed to locate executable /usr/bin/kubelet: No such file or directory'],
    counterSamples: ['systemd[1]: Started kubelet: The Kubernetes Node Agent.', 'Failed at step EXEC spawning /usr/local/bin/myapp: No such file or directory'],
  }),
  sig({
    id: 'kubelet.plugin-watcher-no-fds',
    cause: 'node.not-ready',
    // The kubelet watches its plugin registration directory (and cAdvisor the cgroups) with inotify at start; "too many open files" there is
    // the node's inotify instances or open-file limit exhausted, and the kubelet exits.
    re: /failed to start (plugin watcher|cadvisor)[^\n]{0,120}too many open files/,
    anchors: ['failed to start plugin watcher', 'failed to start cadvisor'],
    confidence: 0.85,
    specificity: 93,
    check: 'sysctl fs.inotify.max_user_instances fs.inotify.max_user_watches and the kubelet\'s LimitNOFILE (systemctl show kubelet -p LimitNOFILE): raise them (e.g. fs.inotify.max_user_instances=8192 in /etc/sysctl.d/) and restart the kubelet',
    source: 'kubelet pluginwatcher (fsnotify/inotify on /var/lib/kubelet/plugins_registry)',
    samples: ['kubelet.go:1354] failed to start Plugin Watcher. err: failed to start plugin watcher, err: too many open files', 'F0101 kubelet.go:1400] failed to start Plugin Watcher. err: failed to start plugin watcher: too many open files'],
    counterSamples: ['Starting plugin watcher'],
  }),
  sig({
    id: 'kubelet.memory-cgroup-missing',
    cause: 'node.not-ready',
    // The memory cgroup controller is off (Raspberry Pi kernels without cgroup_memory=1 cgroup_enable=memory): kubeadm's
    // SystemVerification refuses the node, so it never joins Ready.
    // kubeadm's own check; k3s's start-up line is k3s.memory-cgroup-missing, below sure.
    re: /missing (required )?cgroups: [\w, ]*\bmemory\b/,
    anchors: ['cgroups: '],
    confidence: 0.85,
    specificity: 92,
    check: 'grep memory /proc/cgroups (the enabled column must be 1): add cgroup_enable=memory cgroup_memory=1 to the kernel command line (/boot/firmware/cmdline.txt or /boot/cmdline.txt on a Raspberry Pi) and reboot',
    source: 'kubeadm preflight SystemVerification ("missing required cgroups: memory")',
    samples: ['[ERROR SystemVerification]: missing cgroups: memory', '[ERROR SystemVerification]: missing required cgroups: memory'],
    counterSamples: ['[WARNING SystemVerification]: missing optional cgroups: hugetlb'],
  }),
  sig({
    id: 'k3s.memory-cgroup-missing',
    cause: 'node.not-ready',
    // k3s (and k3d's nodes) check for the memory controller before starting the kubelet and exit fatally
    // without it: the node never runs pods. The controller may be off on the kernel command line (the advice
    // k3s prints) or missing from the kernel build — threads settle either, so below sure.
    re: /failed to find memory cgroup/,
    anchors: ['failed to find memory cgroup'],
    confidence: 0.7,
    specificity: 92,
    check: 'grep memory /proc/cgroups on the node (the enabled column must be 1; cgroup v2: cat /sys/fs/cgroup/cgroup.controllers lists memory): add cgroup_memory=1 cgroup_enable=memory to the kernel command line (/boot/firmware/cmdline.txt or /boot/cmdline.txt on a Raspberry Pi) and reboot; still absent after that, the kernel build lacks it',
    source: 'k3s agent start-up check (pkg/cgroups: "failed to find memory cgroup, you may need to add …"; "(v2)" on cgroup v2)',
    samples: [
      'level=fatal msg="failed to find memory cgroup, you may need to add \\"cgroup_memory=1 cgroup_enable=memory\\" to your linux cmdline (/boot/cmdline.txt on a Raspberry Pi)"',
      'level=fatal msg="failed to find memory cgroup (v2)"',
    ],
    counterSamples: ['found memory cgroup'],
  }),
  sig({
    id: 'kubelet.register-x509',
    cause: 'node.not-ready',
    // The kubelet cannot register its Node with the API server because TLS fails: its kubeconfig carries another
    // cluster's CA (a rebuilt control plane, a stale bootstrap) — the node never becomes Ready.
    // The same TLS failure on the kubelet's other calls of its own: the node lease heartbeat and the bootstrap CSR.
    re: /(unable to register (node )?\\?"?\S+\\?"? with (the )?api ?server|failed to ensure lease exists|cannot create certificate signing request)[^\n]{0,300}(x509: |remote error: tls: )/,
    anchors: ['unable to register', 'ensure lease exists', 'certificate signing request'],
    confidence: 0.8,
    specificity: 94,
    check: 'the CA in the kubelet\'s kubeconfig (/etc/kubernetes/kubelet.conf, or its bootstrap kubeconfig) against the API server\'s: openssl s_client -connect <apiserver>:6443 -showcerts; rejoin the node (kubeadm reset; kubeadm join) after a control plane was rebuilt',
    source: 'kubelet node registration (kubelet_node_status.go: "Unable to register node with API server")',
    samples: ['kubelet.go:766] Unable to register 10.0.0.4 with the apiserver: Post https://10.0.0.2:6443/api/v1/nodes: x509: certificate signed by unknown authority', 'E0301 kubelet_node_status.go:96] "Unable to register node with API server" err="Post \\"https://10.0.0.2:6443/api/v1/nodes\\": x509: certificate signed by unknown authority" node="w1"', 'E1206 10:11:12.123456 1234 controller.go:145] "Failed to ensure lease exists, will retry" err="Get \\"https://10.0.0.10:6443/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/worker-5?timeout=10s\\": remote error: tls: expired certificate" interval="7s"'],
    counterSamples: ['Successfully registered node w1'],
  }),
  sig({
    id: 'kubelet.healthz-refused',
    check: 'systemctl status kubelet and journalctl -xeu kubelet: the first error after its start names why it stopped (swap on, cgroup driver mismatch, no runtime endpoint, a missing config or certificate)',
    cause: 'node.not-ready',
    // kubeadm's kubelet-check polls the kubelet's healthz on localhost:10248 (older: 10255): refused means
    // the kubelet is not running (it exited or crash-loops), and the node cannot join or be Ready. Its lines that
    // report progress (waiting, healthy after, skipped) say nothing of the kind, nor does the old "Initial timeout of
    // 40s passed" alone: kubeadm kept polling after it, and a later phase's error shows that the kubelet came up.
    re: /\[kubelet-check\] (?!the kubelet is healthy|waiting for a healthy kubelet|skipping|initial timeout of \d+s passed(?!\.?\s*(unfortunately|\[kubelet-check\])))|(localhost|127\.0\.0\.1|\[::1\]):(10248|10255)\/healthz|dial tcp (127\.0\.0\.1|\[::1\]):10248: /,
    anchors: ['[kubelet-check]', ':10248', ':10255/healthz'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['runtime.unavailable'],
    source: 'kubeadm kubelet-check (http://localhost:10248/healthz, the kubelet\'s healthz port)',
    samples: [
      "[kubelet-check] The HTTP call equal to 'curl -sSL http://localhost:10248/healthz' failed with error: Get \"http://localhost:10248/healthz\": dial tcp [::1]:10248: connect: connection refused.",
      '[kubelet-check] It seems like the kubelet isn\'t running or healthy.',
      '[kubelet-check] Initial timeout of 40s passed.\n\nUnfortunately, an error has occurred:\n\ttimed out waiting for the condition\n\nThis error is likely caused by:\n\t- The kubelet is not running',
    ],
    counterSamples: ['Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused', '[kubelet-check] The kubelet is healthy after 501.516463ms', '[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap...\n[kubelet-check] Initial timeout of 40s passed.\nerror execution phase kubelet-start: error uploading crisocket: timed out waiting for the condition'],
  }),
  sig({
    id: 'kubelet.config-file-missing',
    check: 'ls -l /var/lib/kubelet/config.yaml: kubeadm init or join writes it; before that the kubelet restarts every few seconds by design, after it a missing file means the join did not finish (its output names the failing phase)',
    cause: 'node.not-ready',
    // The kubelet exits when its --config file cannot be read: on a kubeadm node, before init/join wrote it.
    re: /failed to load kubelet config file/,
    anchors: ['failed to load kubelet config file'],
    confidence: 0.85,
    specificity: 90,
    source: 'kubelet start-up (cmd/kubelet/app/server.go: "failed to load Kubelet config file %s")',
    samples: [
      'failed to load Kubelet config file /var/lib/kubelet/config.yaml',
      'E0101 10:00:00.000000 1234 run.go:74] "command failed" err="failed to load kubelet config file, path: /var/lib/kubelet/config.yaml, error: failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to read kubelet config file \"/var/lib/kubelet/config.yaml\", error: open /var/lib/kubelet/config.yaml: no such file or directory"',
    ],
    counterSamples: ['Loading kubelet config from /var/lib/kubelet/config.yaml'],
  }),

  sig({
    id: 'kubelet.not-installed',
    cause: 'node.not-ready',
    // kubeadm's checks run the kubelet binary and query its unit: a node without the kubelet package (or with it
    // outside PATH) never registers, so it never turns Ready.
    re: /exec: \\?"kubelet\\?": executable file not found in \$path|kubelet service does not exist|unit kubelet\.service (could not be found|not found)/,
    anchors: ['"kubelet": executable file not found', 'kubelet service does not exist', 'unit kubelet.service'],
    confidence: 0.85,
    specificity: 93,
    check: 'which kubelet and systemctl status kubelet on the node: install the kubelet package of the cluster\'s version (kubeadm, kubelet and kubectl together) and enable its unit',
    source: 'kubeadm preflight (KubeletVersionCheck and SystemVerification run "kubelet --version"; ServiceCheck reads the kubelet unit); systemd',
    samples: [
      '[ERROR KubeletVersion]: couldn\'t get kubelet version: cannot execute \'kubelet --version\': exec: "kubelet": executable file not found in $PATH',
      '[WARNING Service-Kubelet]: kubelet service does not exist',
      'Unit kubelet.service could not be found.',
    ],
    counterSamples: ['[WARNING Service-Kubelet]: kubelet service is not enabled, please run \'systemctl enable kubelet.service\''],
  }),
];
