/**
 * Pure generators for a real node's configuration files: containerd (CRI with real containers),
 * KubeletConfiguration and KubeProxyConfiguration. Values a node on these machines needs are
 * explained where they are set (cgroup v1, several kubelets on one host).
 */
import type { LabNode } from '../types.js';

const q = (s: string) => JSON.stringify(s); // TOML basic strings accept JSON string escapes

/**
 * containerd 1.6 (Debian) for one node, with a stock node's paths: inside the node's mount namespace
 * /etc/containerd, /var/lib/containerd and /run/containerd are the node's own (node-mounts.ts), so
 * the file reads exactly as on a real node and the doctor judges it the same way.
 */
export function nodeContainerdToml(node: LabNode, sandboxImage: string): string {
  return [
    '# written by the flannel-doctor lab for node ' + node.name,
    'version = 2',
    'root = "/var/lib/containerd"',
    'state = "/run/containerd"',
    'disabled_plugins = ["io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.aufs", "io.containerd.tracing.processor.v1.otlp", "io.containerd.internal.v1.tracing"]',
    '',
    '[grpc]',
    '  address = "/run/containerd/containerd.sock"',
    '',
    '[plugins."io.containerd.grpc.v1.cri"]',
    '  disable_tcp_service = true',
    '  stream_server_address = "127.0.0.1"',
    '  stream_server_port = "0"',
    `  sandbox_image = ${q(sandboxImage)}`,
    '  image_pull_progress_timeout = "1m0s"',
    // Root here lacks CAP_SYS_RESOURCE: lowering oom_score_adj (the kubelet asks -998 for sandboxes) is
    // refused ("failed to update /proc/self/oom_score_adj: Permission denied"), so clamp to containerd's own.
    '  restrict_oom_score_adj = true',
    '[plugins."io.containerd.grpc.v1.cri".containerd]',
    '  snapshotter = "overlayfs"',
    '  default_runtime_name = "runc"',
    '[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]',
    '  runtime_type = "io.containerd.runc.v2"',
    '[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]',
    // cgroup v1 with the cgroupfs driver (no systemd as init here), matching the kubelet.
    '  SystemdCgroup = false',
    '[plugins."io.containerd.grpc.v1.cri".cni]',
    '  bin_dir = "/opt/cni/bin"',
    '  conf_dir = "/etc/cni/net.d"',
    '[plugins."io.containerd.grpc.v1.cri".registry]',
    '  config_path = "/etc/containerd/certs.d"',
    '',
  ].join('\n');
}

export interface KubeletConfigInput {
  clientCA: string;
  cgroupRoot: string;
  runtimeEndpoint: string;
  clusterDNS: string;
  clusterDomain: string;
  resolvConf: string;
}

export function kubeletConfigYaml(c: KubeletConfigInput): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: ${q(c.clientCA)}
authorization:
  mode: Webhook
# cgroup v1 hosts: the cgroupfs driver, and the kubelet told not to refuse v1 (from 1.35 it does).
cgroupDriver: cgroupfs
failCgroupV1: false
# Several kubelets on one host: each one its own pod cgroup tree, or they remove each other's pods.
cgroupRoot: ${q(c.cgroupRoot)}
cgroupsPerQOS: true
enforceNodeAllocatable: ["pods"]
containerRuntimeEndpoint: ${q(c.runtimeEndpoint)}
clusterDNS: [${q(c.clusterDNS)}]
clusterDomain: ${q(c.clusterDomain)}
resolvConf: ${q(c.resolvConf)}
staticPodPath: /etc/kubernetes/manifests
podLogsDir: /var/log/pods
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10248
rotateCertificates: false
serializeImagePulls: false
# The host's disk is shared with builds: evict only when it is really full.
evictionHard:
  memory.available: 50Mi
  nodefs.available: 1%
  imagefs.available: 1%
  nodefs.inodesFree: 1%
imageGCHighThresholdPercent: 99
imageGCLowThresholdPercent: 98
failSwapOn: false
`;
}

export interface KubeProxyConfigInput {
  kubeconfig: string;
  clusterCIDR: string;
  hostname: string;
}

export function kubeProxyConfigYaml(c: KubeProxyConfigInput): string {
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection:
  kubeconfig: ${q(c.kubeconfig)}
mode: iptables
clusterCIDR: ${q(c.clusterCIDR)}
hostnameOverride: ${q(c.hostname)}
metricsBindAddress: 127.0.0.1:10249
healthzBindAddress: 127.0.0.1:10256
# nf_conntrack_max is global to the host: leave it alone (the per-namespace timeouts stay default).
conntrack:
  maxPerCore: 0
  min: 0
`;
}
