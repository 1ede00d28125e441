import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * kubeadm join past preflight: token discovery of the cluster-info ConfigMap (cmd/kubeadm/app/discovery/token), the
 * kubelet-start phase, and the kubelet's own TLS bootstrap with the bootstrap kubeconfig kubeadm writes
 * (pkg/kubelet/certificate/bootstrap). The join credential (the bootstrap token) expired, or its secret does not match,
 * or the node's name is taken: the node never joins and never becomes Ready.
 */
export const KUBEADM_JOIN_SIGNATURES: Signature[] = [
  sig({
    id: 'kubeadm.discovery-token-expired',
    cause: 'node.not-ready',
    // validateClusterInfoToken: the cluster-info ConfigMap carries a jws-kubeconfig-<id> key for each live bootstrap
    // token; none for this id means the token expired (24h TTL by default), was deleted, or belongs to another cluster.
    re: /token id \\?"?[\w-]+\\?"? is invalid for this cluster or it has expired/,
    anchors: ['is invalid for this cluster or it has expired'],
    confidence: 0.85,
    specificity: 95,
    check: 'kubeadm token list on a control-plane node: the token id is absent or past its TTL — print a fresh join command with kubeadm token create --print-join-command and join with it',
    source: 'kubeadm cmd/kubeadm/app/discovery/token/token.go (validateClusterInfoToken: "token id %q is invalid for this cluster or it has expired. Use \\"kubeadm token create\\" on the control-plane node to create a new valid token")',
    samples: [
      'error execution phase preflight: couldn\'t validate the identity of the API Server: token id "abcdef" is invalid for this cluster or it has expired. Use "kubeadm token create" on the control-plane node to create a new valid token',
      '[discovery] Failed to connect to API Server "10.0.0.10:6443": token id "REDACTED" is invalid for this cluster or it has expired. Use "kubeadm token create" on the master node to creating a new valid token',
    ],
    counterSamples: ['[discovery] Cluster info signature and contents are valid and no TLS pinning was specified, will use API Server "10.0.0.10:6443"'],
  }),
  sig({
    id: 'kubeadm.discovery-jws-signature',
    cause: 'node.not-ready',
    // The cluster-info ConfigMap is signed (JWS) with each bootstrap token's secret by the bootstrap signer in the
    // controller-manager. No signature for the token id: the token does not exist (expired, deleted, another cluster)
    // or the signer has not run (controller-manager down, right after init). A signature that fails to verify: the
    // token's secret part is wrong (a mistyped or truncated --token).
    re: /could not find a jws signature in the cluster-info configmap|failed to verify jws signature of received cluster info/,
    anchors: ['jws signature'],
    confidence: 0.8,
    specificity: 93,
    check: 'kubeadm token list on a control-plane node against the --token given to kubeadm join (id and secret), and kubectl -n kube-public get cm cluster-info -o yaml for a jws-kubeconfig-<token id> key; without it, check that kube-controller-manager runs (its bootstrapsigner controller signs the ConfigMap)',
    source: 'kubeadm cmd/kubeadm/app/discovery/token/token.go (getClusterInfo: "could not find a JWS signature in the cluster-info ConfigMap for token ID %q"; validateClusterInfoToken: "failed to verify JWS signature of received cluster info object, can\'t trust this API Server")',
    samples: [
      'I1206 10:00:11.123456    3102 token.go:249] [discovery] Retrying due to error: could not find a JWS signature in the cluster-info ConfigMap for token ID "abcdef"',
      'error execution phase preflight: couldn\'t validate the identity of the API Server: failed to verify JWS signature of received cluster info object, can\'t trust this API Server',
    ],
    counterSamples: ['[discovery] Waiting for the cluster-info ConfigMap to receive a JWS signature for token ID "abcdef"'],
  }),
  sig({
    id: 'kubeadm.join-node-name-taken',
    cause: 'node.not-ready',
    // kubelet-start refuses to join when a Ready Node of the same name exists: a cloned VM kept its hostname, or the
    // node was rebuilt without kubectl delete node. Joining would take over the other machine's Node object.
    re: /a node with name \\?"?[^"\s]+\\?"? and status \\?"?ready\\?"? already exists in the cluster/,
    anchors: ['already exists in the cluster'],
    confidence: 0.85,
    specificity: 95,
    check: 'hostname on the joining machine against kubectl get nodes: give it a unique hostname (or --node-name), or kubectl delete node <name> when the old machine is gone',
    source: 'kubeadm cmd/kubeadm/app/cmd/phases/join/kubelet.go (runKubeletStartJoinPhase: "a Node with name %q and status %q already exists in the cluster. You must delete the existing Node or change the name of this new joining Node")',
    samples: [
      'error execution phase kubelet-start: a Node with name "worker-1" and status "Ready" already exists in the cluster. You must delete the existing Node or change the name of this new joining Node',
      'error execution phase kubelet-start: a Node with name "node02" and status "Ready" already exists in the cluster. You must delete the existing Node or change the name of this new joining Node\nTo see the stack trace of this error execute with --v=5 or higher',
    ],
    counterSamples: ['Error from server (AlreadyExists): namespaces "demo" already exists'],
  }),
  sig({
    id: 'kubelet.bootstrap-kubeconfig-unusable',
    cause: 'node.not-ready',
    // The kubelet started with --bootstrap-kubeconfig cannot read it (absent before kubeadm join wrote it, empty, or
    // naming a client certificate that is gone): it exits and the node never registers. Read as the kubelet's, not a
    // kubectl kubeconfig problem.
    re: /unable to load bootstrap kubeconfig: /,
    anchors: ['unable to load bootstrap kubeconfig'],
    confidence: 0.8,
    specificity: 93,
    check: 'ls -l /etc/kubernetes/bootstrap-kubelet.conf /etc/kubernetes/kubelet.conf /var/lib/kubelet/pki/ on the node: before kubeadm join the kubelet restarts by design; after it, a missing or broken file means the join did not finish (kubeadm reset, then join again with a fresh token)',
    source: 'kubelet pkg/kubelet/certificate/bootstrap/bootstrap.go (LoadClientConfig, LoadClientCert: "unable to load bootstrap kubeconfig: %v")',
    samples: [
      'E1206 10:11:12.345678    4321 run.go:72] "command failed" err="failed to run Kubelet: unable to load bootstrap kubeconfig: invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable"',
      'error: failed to run Kubelet: unable to load bootstrap kubeconfig: stat /etc/kubernetes/bootstrap-kubelet.conf: no such file or directory',
    ],
    counterSamples: ['error: unable to load kubeconfig: invalid configuration: no configuration has been provided'],
  }),
  sig({
    id: 'kubeadm.tls-bootstrap-timeout',
    cause: 'unknown',
    // kubeadm join's kubelet-start phase polls for /etc/kubernetes/kubelet.conf, which the kubelet writes only after
    // its TLS bootstrap got a signed client certificate. The poll timing out says only that the bootstrap did not end:
    // the kubelet exited (its config, swap, cgroups, runtime), its CSR was refused (token, RBAC) or never signed, or the
    // API server was out of reach. The kubelet's journal holds the reason.
    re: /failed while waiting for tls bootstrap/,
    anchors: ['failed while waiting for tls bootstrap'],
    confidence: 0.5,
    specificity: 40,
    alternatives: ['node.not-ready', 'runtime.unavailable', 'registry.tls-untrusted'],
    check: 'journalctl -xeu kubelet on the joining node (the bootstrap error: Unauthorized, x509, refused, or the kubelet\'s own exit), and kubectl get csr on a control-plane node for a Pending or Denied request',
    source: 'kubeadm cmd/kubeadm/app/cmd/phases/join/kubelet.go (runKubeletWaitBootstrapPhase: "failed while waiting for TLS bootstrap"; waitForTLSBootstrappedClient polls kubelet.conf)',
    samples: [
      'error execution phase kubelet-start: failed while waiting for TLS bootstrap: timed out waiting for the condition',
      'error execution phase kubelet-wait-bootstrap: failed while waiting for TLS bootstrap: context deadline exceeded',
    ],
    counterSamples: ['[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap'],
  }),
  sig({
    id: 'kubeadm.control-plane-not-healthy',
    cause: 'unknown',
    // kubeadm init's wait-control-plane (and join's control-plane phases) poll the static pods' health endpoints; an
    // API server, controller-manager or scheduler that never answers crashed or was never started: etcd unreachable,
    // a wrong flag or certificate, a cgroup driver mismatch, its image not pulled, the runtime killing it. A wrapper:
    // a more specific line in the paste decides.
    re: /\[control-plane-check\] \S+ is not healthy after|failed while waiting for the control plane to start|\[api-check\] the api server is not healthy after/,
    anchors: ['[control-plane-check]', 'failed while waiting for the control plane to start', '[api-check] the api server is not healthy'],
    confidence: 0.4,
    specificity: 40,
    alternatives: ['node.not-ready', 'runtime.unavailable', 'image.not-found'],
    check: 'crictl ps -a | grep kube | grep -v pause on the node, then crictl logs <container> of the one that exits (kube-apiserver first, then etcd): its last lines name the reason',
    source: 'kubeadm cmd/kubeadm/app/util/apiclient/wait.go (WaitForControlPlaneComponents: "[control-plane-check] %s is not healthy after %v"), cmd/phases/init/waitcontrolplane.go ("failed while waiting for the control plane to start")',
    samples: [
      '[control-plane-check] kube-apiserver is not healthy after 4m0.000386745s',
      'error execution phase wait-control-plane: failed while waiting for the control plane to start: kube-apiserver check failed at https://10.0.0.10:6443/livez with status: 500',
    ],
    counterSamples: ['[control-plane-check] kube-apiserver is healthy after 10.5s'],
  }),
  sig({
    id: 'kubeadm.etcd-member-join-failed',
    cause: 'unknown',
    // kubeadm join --control-plane adds the node as an etcd member before it starts the local etcd, and kubeadm reset
    // removes it. "Peer URLs already exists" is a member left by an earlier join of this address; not enough started
    // members or an unhealthy cluster means quorum would be lost; a deadline means the existing members (2379/2380)
    // were out of reach.
    re: /error creating local etcd static pod manifest file|error execution phase check-etcd|failed to remove etcd member/,
    anchors: ['error creating local etcd static pod manifest', 'error execution phase check-etcd', 'failed to remove etcd member'],
    confidence: 0.4,
    specificity: 80,
    alternatives: ['node.firewall', 'node.underlay-latency'],
    check: 'etcdctl member list (in an etcd pod: --endpoints https://127.0.0.1:2379 with the peer certs under /etc/kubernetes/pki/etcd) on a healthy control plane: remove a stale member of this node\'s address with etcdctl member remove; nc -vz <member> 2380 from the joining node for reachability',
    source: 'kubeadm cmd/kubeadm/app/cmd/phases/join/controlplanejoin.go ("error creating local etcd static pod manifest file"), checketcd.go, util/etcd (MemberAdd, RemoveMember)',
    samples: [
      'error execution phase control-plane-join/etcd: error creating local etcd static pod manifest file: etcdserver: Peer URLs already exists',
      'error execution phase check-etcd: etcd cluster is not healthy: failed to dial endpoint https://10.0.0.11:2379 with maintenance client: context deadline exceeded',
    ],
    counterSamples: ['[etcd] Announced new etcd member joining to the existing etcd cluster'],
  }),
  sig({
    id: 'kubeadm.static-pod-hash-unchanged',
    cause: 'unknown',
    // kubeadm upgrade writes a new static pod manifest and waits for the kubelet to run it (the mirror pod's hash
    // annotation changes). Unchanged: the kubelet did not restart it (kubelet down or not syncing, the manifest
    // rejected), or the new pod does not come up (its image not pulled, it crashes).
    re: /static pod hash for component \S+ on node \S+ did not change after/,
    anchors: ['did not change after'],
    confidence: 0.4,
    specificity: 40,
    alternatives: ['node.not-ready', 'image.not-found', 'runtime.unavailable'],
    check: 'crictl ps -a | grep <component> and journalctl -u kubelet on that node during the upgrade: the new container\'s state (image pull error, crash) or the kubelet\'s error on the manifest; kubeadm restores the old manifest from /etc/kubernetes/tmp',
    source: 'kubeadm cmd/kubeadm/app/util/apiclient/wait.go (WaitForStaticPodHashChange: "static Pod hash for component %s on Node %s did not change after %v")',
    samples: [
      '[upgrade/apply] FATAL: couldn\'t upgrade control plane. kubeadm has tried to recover everything into the earlier state. Errors faced: static Pod hash for component kube-apiserver on Node cp-1 did not change after 5m0s: timed out waiting for the condition',
      'static Pod hash for component etcd on Node cp-1 did not change after 5m0s: context deadline exceeded',
    ],
    counterSamples: ['[upgrade/staticpods] Component "kube-apiserver" upgraded successfully!'],
  }),
];
