import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * kubeadm's preflight as the node system validators print it, and kubeadm join's discovery of the cluster's CA.
 * The validators (k8s.io/system-validators) report each kernel option and cgroup controller on a line of its own
 * ("CONFIG_CGROUP_PIDS: not set - Required for PIDs controller.") before the [ERROR SystemVerification] summary;
 * a paste often holds only those lines.
 */

/** The kernel options the validators require (DefaultSysSpec Required, RequiredCgroupsV1, RequiredCgroupsV2) for namespaces and cgroups. */
const CGROUP_NS_OPTIONS = [
  'namespaces', 'net_ns', 'pid_ns', 'ipc_ns', 'uts_ns', 'cpusets', 'memcg', 'fair_group_sched',
  'cgroups', 'cgroup_cpuacct', 'cgroup_device', 'cgroup_freezer', 'cgroup_pids', 'cgroup_sched', 'cgroup_bpf',
];

export const KUBEADM_PREFLIGHT_SIGNATURES: Signature[] = [
  sig({
    id: 'kubeadm.validator-kernel-option-missing',
    cause: 'node.not-ready',
    // The kernel validator's report line for a required option the booted kernel lacks ("not set": absent from its
    // config; "disabled": =n). Without namespaces, cpusets, the memory controller or the pids/freezer/device
    // controllers the kubelet cannot run pods, and SystemVerification stops kubeadm: the node never joins. k3s
    // check-config prints the same options as "missing (fail)". Optional options (overlayfs, aufs, seccomp,
    // hugetlb) and kube-proxy's netfilter matches are not read here.
    re: new RegExp(String.raw`\bconfig_(${CGROUP_NS_OPTIONS.join('|')}): (not set|disabled|missing \(fail\))`),
    anchors: CGROUP_NS_OPTIONS.map((o) => `config_${o}: `),
    confidence: 0.8,
    specificity: 88,
    alternatives: ['runtime.unavailable'],
    check: 'the kernel the node booted (uname -r) and its config: zcat /proc/config.gz or /boot/config-$(uname -r) | grep the option, and cat /proc/cgroups — boot a kernel built with it (a board vendor\'s or distribution\'s newer kernel), or enable the controller on the kernel command line (cgroup_enable=memory cgroup_enable=cpuset)',
    source: 'k8s.io/system-validators kernel_validator.go (validateCachedKernelConfig: reportAndRecord(name, "not set" | "disabled", description)) and types_unix.go DefaultSysSpec; k3s check-config ("missing (fail)")',
    samples: [
      'CONFIG_CGROUP_PIDS: not set - Required for PIDs controller.',
      'KERNEL_VERSION: 6.6.31+rpt-rpi-v8\nCONFIG_NAMESPACES: enabled\nCONFIG_MEMCG: not set\nOS: Linux',
      '- CONFIG_CPUSETS: missing (fail)',
      'CONFIG_CGROUP_FREEZER: disabled - Required for freezer controller.',
    ],
    counterSamples: [
      'CONFIG_CGROUP_PIDS: enabled',
      'CONFIG_MEMCG_SWAP: not set',
      'CONFIG_OVERLAY_FS: not set - Required for overlayfs.',
      'CONFIG_CGROUP_HUGETLB: not set - Required for hugetlb cgroup.',
    ],
  }),
  sig({
    id: 'kubeadm.validator-bridge-netfilter-not-set',
    cause: 'node.br-netfilter',
    // The validator's report line (or an older spec's) for CONFIG_BRIDGE_NETFILTER absent or =n: the kernel cannot
    // load br_netfilter at all, so bridged pod traffic never passes iptables (Services, masquerading).
    re: /\bconfig_bridge_netfilter: (not set|disabled)/,
    anchors: ['config_bridge_netfilter: '],
    confidence: 0.85,
    specificity: 90,
    check: 'zcat /proc/config.gz or /boot/config-$(uname -r) | grep BRIDGE_NETFILTER on the node, and lsmod | grep br_netfilter: a kernel without it needs replacing by one built with it (=m or =y)',
    source: 'k8s.io/system-validators kernel_validator.go (report line "<option>: not set" / "disabled")',
    samples: ['CONFIG_BRIDGE_NETFILTER: not set', 'KERNEL_VERSION: 5.10.110-rockchip\nCONFIG_BRIDGE_NETFILTER: disabled'],
    counterSamples: ['CONFIG_BRIDGE_NETFILTER: enabled (as module)'],
  }),
  sig({
    id: 'kubeadm.discovery-ca-pin-mismatch',
    cause: 'registry.tls-untrusted',
    // kubeadm join pins the cluster CA by the hash of its public key (--discovery-token-ca-cert-hash). The CA in the
    // cluster-info ConfigMap it fetched is not the pinned one: a hash from another cluster or from before a kubeadm
    // reset/init regenerated the CA, or another server answering on the address (a load balancer to another
    // cluster, a TLS-inspecting proxy). Read by mechanism as an untrusted certificate, as the corpus does.
    re: /none of the public keys [^\n]{0,400}are pinned/,
    anchors: ['none of the public keys'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['registry.proxy'],
    check: 'on a control-plane node: openssl x509 -pubkey -in /etc/kubernetes/pki/ca.crt | openssl rsa -pubin -outform der 2>/dev/null | openssl dgst -sha256 -hex against the hash given to kubeadm join (or print a fresh join command with kubeadm token create --print-join-command); the same hash means another server answered on the address',
    source: 'kubeadm cmd/kubeadm/app/util/pubkeypin (CheckAny: "none of the public keys %q are pinned"), discovery/token ("cluster CA found in cluster-info ConfigMap is invalid")',
    samples: [
      'error execution phase preflight: couldn\'t validate the identity of the API Server: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "sha256:11bdf3cc08ea132b33e1921b2d74c4bfc516802b4800c89e595ae04b3d1cf3d7" are pinned',
      'I1206 10:00:00.000000    3120 token.go:113] [discovery] Retrying due to error: couldn\'t validate the identity of the API Server: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "sha256:5c1e" are pinned',
    ],
    counterSamples: ['[discovery] Cluster info signature and contents are valid and TLS certificate validates against pinned roots, will use API Server "10.0.0.10:6443"'],
    subject: {
      title: 'kubeadm join does not trust the cluster CA it was shown (CA hash pin mismatch)',
      explanation: 'kubeadm join fetched the cluster-info ConfigMap from the API server address it was given and compared the hash of the CA public key in it with --discovery-token-ca-cert-hash. They differ: the hash belongs to another cluster or to a CA that kubeadm reset and init regenerated since, or another server answered on that address (a load balancer in front of a different cluster, a TLS-inspecting proxy). No registry is involved.',
      fix: [
        'Print a fresh join command on a control-plane node (kubeadm token create --print-join-command) and use its token and --discovery-token-ca-cert-hash.',
        'If the hash already matches /etc/kubernetes/pki/ca.crt there, check which server answers on the address the node dials (load balancer backends, proxy settings in the node\'s environment).',
      ],
      verify: ['openssl x509 -pubkey -in /etc/kubernetes/pki/ca.crt | openssl rsa -pubin -outform der 2>/dev/null | openssl dgst -sha256 -hex'],
    },
  }),
];
