import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * kubeadm join's token discovery as kubeadm 1.36 prints it when what it reads from the cluster is refused or absent
 * (cmd/kubeadm/app/discovery/token, cmd/kubeadm/app/util/config), and the join credentials it validates before it
 * dials anything (the token and CA hash formats). Read from a real kubeadm join against a real kube-apiserver and
 * etcd: a rolebinding kubeadm init creates deleted, a ConfigMap deleted, a token or hash mistyped. The join stops in
 * its preflight phase and the node never registers.
 */
export const KUBEADM_DISCOVERY_SIGNATURES: Signature[] = [
  sig({
    id: 'kubeadm.join-credential-format-invalid',
    cause: 'node.not-ready',
    // kubeadm validates the join credentials before any request: a bootstrap token is "[a-z0-9]{6}.[a-z0-9]{16}",
    // a CA hash "sha256:" and 64 hex digits. A token or hash cut or mistyped when the join command was copied (a
    // wrapped line, a shell eating a character) fails here; the text names which one. A join command without
    // --discovery-token-ca-cert-hash (cut at the line break kubeadm init prints before it) is refused the same way,
    // and so is a --certificate-key for a control-plane join that is not 64 hex digits.
    re: /\\?": the bootstrap token is invalid|invalid discovery token ca certificate hash: |invalid hash \\?"[^"\n]*\\?", expected a 32 byte sha-256 hash|using token-based discovery without cacerthashes can be unsafe|\\?": certificate key decoding error: /,
    anchors: ['the bootstrap token is invalid', 'invalid discovery token ca certificate hash', 'expected a 32 byte sha-256 hash', 'without cacerthashes can be unsafe', 'certificate key decoding error'],
    confidence: 0.85,
    specificity: 93,
    check: 'the join command against kubeadm token create --print-join-command on a control-plane node: the token must be 6 and 16 lowercase letters or digits around a dot, the hash sha256: and 64 hex digits; paste the command on one line',
    source: 'kubeadm cmd/kubeadm/app/apis/kubeadm/validation (ValidateToken: "the bootstrap token is invalid"), cmd/kubeadm/app/util/pubkeypin (Allow: "invalid hash %q, expected a 32 byte SHA-256 hash, found %d bytes"), discovery/token ("invalid discovery token CA certificate hash")',
    samples: [
      'error: [discovery.bootstrapToken.token: Invalid value: "abc": the bootstrap token is invalid, discovery.tlsBootstrapToken: Invalid value: "abc": the bootstrap token is invalid]',
      'error: error execution phase preflight: couldn\'t validate the identity of the API Server: invalid discovery token CA certificate hash: invalid hash "sha256:abc", expected a 32 byte SHA-256 hash, found 1 bytes',
      'error: controlPlane.certificateKey: Invalid value: "zz12": certificate key decoding error: encoding/hex: invalid byte: U+007A \'z\'',
      'error: discovery.bootstrapToken.caCertHashes: Invalid value: "": using token-based discovery without caCertHashes can be unsafe. Set unsafeSkipCAVerification as true in your kubeadm config file or pass --discovery-token-unsafe-skip-ca-verification flag to continue',
    ],
    counterSamples: [
      'error: error execution phase preflight: couldn\'t validate the identity of the API Server: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "sha256:36679882129cd1d05cd21bc0a286f1f1f44e8c06afe000c27244314dc6197804" are pinned',
      '[bootstrap-token] Using token: abcdef.0123456789abcdef',
    ],
  }),
  sig({
    id: 'kubeadm.discovery-cluster-info-refused',
    cause: 'node.not-ready',
    // Token discovery reads kube-public/cluster-info before it has any credential, as system:anonymous; kubeadm init
    // grants that read with the Role and RoleBinding kubeadm:bootstrap-signer-clusterinfo. Forbidden: that binding
    // was deleted (a hardening script, an RBAC cleanup). Not found: the ConfigMap is gone, or the address is not a
    // kubeadm cluster's API server (another distribution, a cluster set up without the bootstrap-token phase).
    // Unauthorized: the API server refuses anonymous requests altogether (--anonymous-auth=false, or an
    // AuthenticationConfiguration without anonymous access to /api/v1/namespaces/kube-public/configmaps/cluster-info).
    re: /failed to request the cluster-info configmap: (configmaps \\?"cluster-info\\?" (is forbidden: user \\?"system:anonymous\\?"|not found)|unauthorized\b)/,
    anchors: ['failed to request the cluster-info configmap: configmaps', 'failed to request the cluster-info configmap: unauthorized'],
    confidence: 0.85,
    specificity: 94,
    check: 'on a control-plane node: kubectl -n kube-public get configmap cluster-info and kubectl -n kube-public get rolebinding kubeadm:bootstrap-signer-clusterinfo; kubeadm init phase bootstrap-token recreates both (and the token RBAC) without touching the rest; for Unauthorized, the kube-apiserver flags (grep anonymous-auth /etc/kubernetes/manifests/kube-apiserver.yaml): token discovery needs anonymous requests',
    source: 'kubeadm cmd/kubeadm/app/discovery/token/token.go (getClusterInfo: "failed to request the cluster-info ConfigMap"), cmd/kubeadm/app/phases/bootstraptoken/clusterinfo (CreateClusterInfoRBACRules: kubeadm:bootstrap-signer-clusterinfo for system:anonymous)',
    samples: [
      'error: error execution phase preflight: couldn\'t validate the identity of the API Server: failed to request the cluster-info ConfigMap: configmaps "cluster-info" is forbidden: User "system:anonymous" cannot get resource "configmaps" in API group "" in the namespace "kube-public"',
      'I1207 05:47:26.454325    1339 token.go:236] [discovery] Retrying due to error: failed to request the cluster-info ConfigMap: configmaps "cluster-info" not found',
      'error: error execution phase preflight: couldn\'t validate the identity of the API Server: failed to request the cluster-info ConfigMap: Unauthorized',
    ],
    counterSamples: [
      'I1207 05:39:50.772906     659 token.go:236] [discovery] Retrying due to error: failed to request the cluster-info ConfigMap: Get "https://10.0.0.10:6444/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp 10.0.0.10:6444: connect: connection refused',
      'configmaps "cluster-info" is forbidden: User "system:serviceaccount:default:app" cannot get resource "configmaps" in API group "" in the namespace "kube-public"',
    ],
  }),
  sig({
    id: 'kubeadm.join-cluster-config-refused',
    cause: 'node.not-ready',
    // After discovery, join reads kube-system/kubeadm-config and kubelet-config with the bootstrap token
    // (system:bootstrap:<id>, group system:bootstrappers:kubeadm:default-node-token); kubeadm init grants the reads
    // with the RoleBindings kubeadm:nodes-kubeadm-config and kubeadm:kubelet-config. Forbidden: a binding deleted, or
    // a token made with other --groups. Not found: the ConfigMap deleted, or a cluster kubeadm did not set up.
    // Unauthorized: the API server does not take the bootstrap token as a credential (--enable-bootstrap-token-auth
    // off, the token's secret without usage-bootstrap-authentication, or the token deleted since discovery).
    re: /unable to fetch the kubeadm-config configmap: [^\n]{0,200}(forbidden: user \\?"system:bootstrap:|configmaps \\?"(kubeadm-config|kubelet-config)\\?" not found|failed to get config map: unauthorized\b)/,
    anchors: ['unable to fetch the kubeadm-config configmap'],
    confidence: 0.85,
    specificity: 94,
    check: 'on a control-plane node: kubectl -n kube-system get configmap kubeadm-config kubelet-config and kubectl -n kube-system get rolebinding kubeadm:nodes-kubeadm-config kubeadm:kubelet-config; kubeadm init phase upload-config all and kubeadm init phase bootstrap-token put them back; for Unauthorized, grep enable-bootstrap-token-auth /etc/kubernetes/manifests/kube-apiserver.yaml and kubeadm token list for the token',
    source: 'kubeadm cmd/kubeadm/app/util/config/cluster.go (FetchInitConfigurationFromCluster: "unable to fetch the kubeadm-config ConfigMap"), cmd/kubeadm/app/componentconfigs ("could not download the kubelet configuration from ConfigMap")',
    samples: [
      'error: error execution phase preflight: unable to fetch the kubeadm-config ConfigMap: failed to get config map: configmaps "kubeadm-config" is forbidden: User "system:bootstrap:abcdef" cannot get resource "configmaps" in API group "" in the namespace "kube-system"',
      'error: error execution phase preflight: unable to fetch the kubeadm-config ConfigMap: failed to get component configs: could not download the kubelet configuration from ConfigMap "kubelet-config": configmaps "kubelet-config" is forbidden: User "system:bootstrap:abcdef" cannot get resource "configmaps" in API group "" in the namespace "kube-system"',
      'error: error execution phase preflight: unable to fetch the kubeadm-config ConfigMap: failed to get config map: configmaps "kubeadm-config" not found',
      'error: error execution phase preflight: unable to fetch the kubeadm-config ConfigMap: failed to get config map: Unauthorized',
    ],
    counterSamples: [
      '[preflight] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...',
      'W1207 05:39:07.009904     358 configset.go:77] Warning: No kubeproxy.config.k8s.io/v1alpha1 config is loaded. Continuing without it: configmaps "kube-proxy" is forbidden: User "system:bootstrap:abcdef" cannot get resource "configmaps" in API group "" in the namespace "kube-system"',
    ],
  }),
];
