import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * The kubelet refusing to start, or waiting for what it starts on: its flags, its client CA, its cAdvisor, the
 * runtime socket a distribution's wrapper waits for. Until it runs the node is NotReady (or never registers).
 */
export const KUBELET_START_SIGNATURES: Signature[] = [
  sig({
    id: 'kubelet.node-labels-refused',
    cause: 'node.not-ready',
    // The kubelet validates --node-labels at start and exits (klog F…) when one uses a kubernetes.io or k8s.io
    // prefix it may not set itself (node-role.kubernetes.io/* above all): the node never registers.
    re: /unknown 'kubernetes\.io' or 'k8s\.io' labels specified with --node-labels/,
    anchors: ["labels specified with --node-labels"],
    confidence: 0.9,
    specificity: 95,
    check: 'the kubelet\'s --node-labels (KUBELET_EXTRA_ARGS, /etc/default/kubelet, the distribution\'s agent config): drop node-role.kubernetes.io/<role> from them and set that label with kubectl label node <node> node-role.kubernetes.io/<role>= after the node registers',
    source: 'kubelet server.go (validateNodeLabels: "unknown \'kubernetes.io\' or \'k8s.io\' labels specified with --node-labels: %v")',
    samples: [
      'F0820 17:39:00.300266   20125 server.go:188] unknown \'kubernetes.io\' or \'k8s.io\' labels specified with --node-labels: [node-role.kubernetes.io/compute]',
      'k3s[1996]: F0210 13:34:22.858484    1996 server.go:186] unknown \'kubernetes.io\' or \'k8s.io\' labels specified with --node-labels: [node-role.kubernetes.io/agent]',
    ],
    counterSamples: ['--node-labels=topology.example.com/zone=a'],
  }),
  sig({
    id: 'kubelet.client-ca-missing',
    cause: 'node.not-ready',
    // The kubelet (authentication.x509.clientCAFile) reads its client CA at start: on a kubeadm node before init
    // or join wrote /etc/kubernetes/pki/ca.crt, or after it was removed, it exits. The API server names the
    // same file in the same words, so the process that printed it decides.
    re: /unable to load client ca (file|provider) \S+: open \S+: no such file or directory/,
    anchors: ['unable to load client ca'],
    confidence: 0.65,
    specificity: 93,
    check: 'which process printed it (journalctl -u kubelet, or the kube-apiserver static pod\'s log) and ls -l the file it names: kubeadm init or join writes /etc/kubernetes/pki/ca.crt; on a node, restart the kubelet after the join finished',
    source: 'k8s.io/apiserver dynamiccertificates (client CA file loading, used by the kubelet\'s and the API server\'s --client-ca-file)',
    samples: [
      'error: unable to load client CA file /etc/kubernetes/pki/ca.crt: open /etc/kubernetes/pki/ca.crt: no such file or directory',
      'E1205 10:00:01.000000    812 run.go:72] "command failed" err="unable to load client CA file /etc/kubernetes/pki/ca.crt: open /etc/kubernetes/pki/ca.crt: no such file or directory"',
    ],
    counterSamples: ['unable to load client CA file /etc/kubernetes/pki/ca.crt: x509: malformed certificate'],
  }),
  sig({
    id: 'kubelet.cadvisor-inotify-watches',
    cause: 'node.not-ready',
    // cAdvisor watches every cgroup with inotify; with fs.inotify.max_user_watches used up (ENOSPC from
    // inotify_add_watch) it cannot start and the kubelet with it. Not a disk: no byte is written.
    re: /failed to start cadvisor[^\n]{0,40}inotify_add_watch [^\n]{0,200}: no space left on device/,
    anchors: ['failed to start cadvisor'],
    confidence: 0.85,
    specificity: 96,
    check: 'sysctl fs.inotify.max_user_watches and fs.inotify.max_user_instances on the node: raise them (524288 watches is common) and persist them in /etc/sysctl.d, then restart the kubelet',
    source: 'kubelet.go (initializeRuntimeDependentModules: "Failed to start cAdvisor %v"), inotify_add_watch ENOSPC',
    samples: [
      'kubelet.go:1344] Failed to start cAdvisor inotify_add_watch /sys/fs/cgroup/memory/kubepods/pod1/abc: no space left on device',
      'E0312 08:15:02.118113    1022 kubelet.go:1431] "Failed to start cAdvisor" err="inotify_add_watch /sys/fs/cgroup/cpu,cpuacct: no space left on device"',
    ],
    counterSamples: ['failed to extract layer: write /var/lib/containerd/x: no space left on device'],
  }),
  sig({
    id: 'kubelet.waiting-for-runtime-socket',
    cause: 'runtime.unavailable',
    // MicroK8s' kubelet wrapper (and scripts like it) waits for the runtime's socket before it starts the kubelet:
    // the runtime is not up, or listens elsewhere.
    re: /waiting for (containerd|cri-o|crio|docker|dockershim|cri-dockerd) socket \S+ to appear/,
    anchors: ['waiting for containerd socket', 'waiting for cri-o socket', 'waiting for crio socket', 'waiting for docker socket', 'waiting for dockershim socket', 'waiting for cri-dockerd socket'],
    confidence: 0.8,
    specificity: 92,
    check: 'the runtime\'s service on the node (snap services microk8s, systemctl status containerd) and its log: it has not created the socket the message names',
    source: 'MicroK8s daemon-kubelet wrapper ("Waiting for containerd socket %s to appear")',
    samples: [
      'microk8s.daemon-kubelet[7094]: Waiting for containerd socket /var/snap/microk8s/common/run/containerd.sock to appear. (attempt 2)',
      'Waiting for containerd socket /var/snap/microk8s/common/run/containerd.sock to appear. (attempt 30)',
    ],
    counterSamples: ['Waiting for the kubelet to post node status'],
  }),
  sig({
    id: 'rke.host-not-ready',
    cause: 'node.not-ready',
    // RKE checks each node before it upgrades or deploys the control plane and stops at the first one whose
    // Node is not Ready.
    re: /failed to upgrade (control plane|worker components)[^\n]{0,40}host \S+ not ready/,
    anchors: ['failed to upgrade'],
    confidence: 0.8,
    specificity: 92,
    check: 'kubectl get nodes and kubectl describe node <host>: the Ready condition\'s reason (kubelet stopped posting status, network plugin not ready) is what to fix before rke up runs again',
    source: 'RKE (Rancher Kubernetes Engine 1) control plane and worker upgrade ("host %s not ready")',
    samples: ['[controlPlane] Failed to upgrade Control Plane: [[host gup-2 not ready]]', 'FATA[0412] [workerPlane] Failed to upgrade Worker Components: host node-7 not ready'],
    counterSamples: ['[controlPlane] Successfully upgraded Controller Plane..'],
  }),
  sig({
    id: 'kubelet.register-refused',
    cause: 'node.not-ready',
    // The API server answered the registration and refused it: the kubelet's credentials (anonymous, revoked, a node
    // identity for another name) or the Node object itself (a name that is not a DNS subdomain). The node never joins.
    re: /unable to register node[^\n]{0,40}with (the )?api ?server[^\n]{0,400}(is forbidden|unauthorized|is invalid)/,
    anchors: ['unable to register node'],
    confidence: 0.75,
    specificity: 93,
    check: 'the kubelet\'s kubeconfig (/etc/kubernetes/kubelet.conf: its user must be system:node:<this node\'s name> in group system:nodes) and the node name (hostname or --hostname-override, lower case): rejoin the node with a fresh bootstrap token if its credentials are gone',
    source: 'kubelet node registration (pkg/kubelet/kubelet_node_status.go: "Unable to register node with API server")',
    samples: [
      'E1206 07:14:00.101101   12320 kubelet_node_status.go:108] "Unable to register node with API server" err="Unauthorized" node="worker-7"',
      'E1206 07:13:30.554001   12290 kubelet_node_status.go:104] "Unable to register node with API server, reason is forbidden" err="nodes is forbidden: User \\"system:anonymous\\" cannot create resource \\"nodes\\" in API group \\"\\" at the cluster scope" node="node-3"',
    ],
    counterSamples: ['"Unable to register node with API server" err="Post \\"https://10.0.0.10:6443/api/v1/nodes\\": dial tcp 10.0.0.10:6443: connect: connection refused" node="w1"'],
  }),
  sig({
    id: 'kubelet.node-ip-invalid',
    cause: 'unknown',
    // --node-ip (or the address the kubelet derives) must be one of the host's own, non-loopback addresses; otherwise
    // the kubelet cannot set the Node's addresses and the node is unreachable for logs and exec at the address it had.
    // The NodeAddress setter's error is only logged (setNodeStatus runs the Ready setter regardless), so the node is not
    // made NotReady by it: what breaks depends on what used the old address, hence unknown with the NotReady hint.
    // Not the secondary (other family) address of a dual-stack node: that one is a distribution's choice, not the kubelet's flag.
    re: /failed to validate nodeip|(?<!secondarynodeip: )node ip: \\?"[^"\\\s]+\\?" not found in the host'?s network interfaces|nodeip can'?t be (loopback|a multicast) address/,
    anchors: ['validate nodeip', "not found in the host's network interfaces", 'not found in the hosts network interfaces', 'nodeip can'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'ip -br addr on the node against --node-ip in /var/lib/kubelet/kubeadm-flags.env or /etc/default/kubelet (KUBELET_EXTRA_ARGS): it must be an address this host holds now (a DHCP change or a cloned VM keeps the old one)',
    source: 'kubelet node status (pkg/kubelet/nodestatus/setters.go: NodeAddress, validateNodeIP; kubelet_node_status.go setNodeStatus logs "Failed to set some node status fields" and goes on)',
    samples: [
      'E1206 07:15:30.220018   12410 kubelet_node_status.go:673] "Failed to set some node status fields" err="failed to validate nodeIP: node IP: \\"10.0.4.21\\" not found in the host\'s network interfaces" node="worker-4"',
      'failed to validate nodeIP: nodeIP can\'t be loopback address',
    ],
    counterSamples: ['I1206 07:15:30.220018 12410 kubelet_node_status.go:75] "Attempting to register node" node="worker-4"'],
  }),
  sig({
    id: 'kubelet.kernel-flag-refused',
    cause: 'node.not-ready',
    // The container manager sets vm.overcommit_memory, vm.panic_on_oom and kernel.panic* at start and exits when it
    // may not (a kubelet in an unprivileged container or user namespace, a read-only /proc/sys).
    re: /updating kernel flag failed/,
    anchors: ['updating kernel flag failed'],
    confidence: 0.75,
    specificity: 90,
    check: 'whether the kubelet runs in a container or user namespace (LXC/LXD, rootless, kind-like images): give it a writable /proc/sys (privileged, nesting) or enable the KubeletInUserNamespace feature gate so it tolerates the error',
    source: 'kubelet container manager (pkg/kubelet/cm/container_manager_linux.go: setupKernelTunables, "Updating kernel flag failed")',
    samples: [
      'E1206 06:36:30.001023    9702 container_manager_linux.go:520] "Updating kernel flag failed (Hint: enable KubeletInUserNamespace feature flag to ignore the error)" err="open /proc/sys/vm/overcommit_memory: permission denied" flag="vm/overcommit_memory"',
      'Updating kernel flag: vm/panic_on_oom, expected value: 0, actual value: 1 ... Updating kernel flag failed: open /proc/sys/vm/panic_on_oom: read-only file system',
    ],
    counterSamples: ['I1206 06:36:30.001023 9702 container_manager_linux.go:300] "Creating device plugin manager"'],
  }),
  sig({
    id: 'kubelet.client-cert-gone-exiting',
    cause: 'node.not-ready',
    // The kubelet's certificate manager exits when its client certificate has expired (or none is valid) while the
    // API server answers: rotation failed earlier, and the kubelet restarts into the same state.
    // (An expired one is kubelet.client-cert-expired: the expiry, read by mechanism.)
    re: /no valid client certificate is found and the server is responsive, exiting/,
    anchors: ['no valid client certificate is found'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['registry.tls-expired-or-clock'],
    check: 'openssl x509 -noout -enddate -in /var/lib/kubelet/pki/kubelet-client-current.pem and date on the node: renew it (kubeadm: kubeadm certs renew on a control-plane node, or a new join) and check rotateCertificates and the CSR approver',
    source: 'kubelet client certificate transport (pkg/kubelet/certificate/transport.go: "… and the server is responsive, exiting.")',
    samples: [
      'No valid client certificate is found and the server is responsive, exiting.',
      'E1206 07:03:30.660012   11940 transport.go:120] "No valid client certificate is found and the server is responsive, exiting." lastCertificateAvailabilityTime="2026-12-06 06:58:30.660 +0000 UTC" shutdownThreshold="5m0s"',
    ],
    counterSamples: ['I1206 07:03:55.100223 11970 transport.go:52] "Certificate rotation detected, shutting down client connections to start using new credentials"'],
  }),
  sig({
    id: 'kubeadm.preflight-runtime-not-ready',
    cause: 'runtime.unavailable',
    // kubeadm's CRI preflight asks the runtime for its status; a RuntimeReady condition that is false is the runtime
    // up but not serving containers (its own config or state), before any kubelet runs.
    re: /\[error cri\]: container runtime condition \\?"runtimeready\\?" is not true/,
    anchors: ['runtimeready'],
    confidence: 0.8,
    specificity: 92,
    check: 'crictl info on the node (status.conditions: the RuntimeReady reason and message) and journalctl -u containerd (or crio): fix what the runtime reports, then run kubeadm again',
    source: 'kubeadm preflight (cmd/kubeadm/app/preflight: CRI check of the runtime\'s status conditions)',
    samples: [
      '[ERROR CRI]: container runtime condition "RuntimeReady" is not true. reason: ContainerdNotReady, message: containerd is not ready',
      '\t[ERROR CRI]: container runtime condition \\"RuntimeReady\\" is not true. reason: , message: ',
    ],
    counterSamples: ['[preflight] Running pre-flight checks'],
  }),
];
