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
];
