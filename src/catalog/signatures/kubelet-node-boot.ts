import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * What a node coming up really prints (reading rnodeboot, issue 13): the kubelet v1.36.3 registering against a real
 * kube-apiserver v1.36.3 (Node authorizer + NodeRestriction) with credentials that are not this node's. Each text is the
 * program's own wording, read by the mechanism its fix heals.
 */
export const KUBELET_NODE_BOOT_SIGNATURES: Signature[] = [
  sig({
    id: 'kubelet.node-lease-forbidden',
    cause: 'node.not-ready',
    // Only kubelets read and renew the Lease objects in kube-node-lease (one per node, named after it). The Node
    // authorizer refuses one whose name is not the caller's ("can only access node lease with the same name as the
    // requesting node"); RBAC refuses a credential that is not a node at all (a user, or a system:node: name without
    // the system:nodes group). Either way the kubelet's kubeconfig does not hold this node's identity, so its heartbeat
    // never lands and the node goes NotReady.
    re: /cannot (get|create|update) resource \\?"leases\\?" in api group \\?"coordination\.k8s\.io\\?" in the namespace \\?"kube-node-lease\\?"|can only access node lease with the same name as the requesting node/,
    anchors: ['kube-node-lease', 'can only access node lease'],
    confidence: 0.85,
    specificity: 90,
    check: 'the client certificate in the kubelet\'s kubeconfig: openssl x509 -noout -subject must read CN=system:node:<this node\'s name>, O=system:nodes, and the name must match --hostname-override / the node name the kubelet uses',
    source: 'kube-apiserver plugin/pkg/auth/authorizer/node (node_authorizer.go authorizeLease: "can only access node lease with the same name as the requesting node") and RBAC; seen from the real kubelet v1.36.3 with a node-b certificate on node-a, a user certificate and a system:node: certificate without the system:nodes group',
    samples: [
      'E1207 11:21:55.390554     587 controller.go:201] "Failed to ensure lease exists, will retry" err="leases.coordination.k8s.io \\"node-a\\" is forbidden: User \\"system:node:node-b\\" cannot get resource \\"leases\\" in API group \\"coordination.k8s.io\\" in the namespace \\"kube-node-lease\\": can only access node lease with the same name as the requesting node" interval="200ms"',
      'E1207 11:20:45.806342     488 controller.go:201] "Failed to ensure lease exists, will retry" err="leases.coordination.k8s.io \\"node-a\\" is forbidden: User \\"jane\\" cannot get resource \\"leases\\" in API group \\"coordination.k8s.io\\" in the namespace \\"kube-node-lease\\"" interval="200ms"',
    ],
    counterSamples: [
      'E1015 09:12:01.100200       1 leaderelection.go:436] error retrieving resource lock kube-system/kube-scheduler: leases.coordination.k8s.io "kube-scheduler" is forbidden: User "system:kube-scheduler" cannot get resource "leases" in API group "coordination.k8s.io" in the namespace "kube-system"',
    ],
  }),
  sig({
    id: 'kubelet.node-read-other-node',
    cause: 'node.not-ready',
    // The Node authorizer lets system:node:<a> read only Node <a>: a kubelet registering under another name than its
    // certificate's (a copied kubeconfig, a hostname-override that differs, a hostname the kubelet lower-cases) is
    // refused "node 'x' cannot read 'y', only its own Node object" and never registers. Also the kubelet's register
    // step refused outright ("Unable to register node with API server, error getting existing node … is forbidden").
    // flanneld using a node's credentials is refused the list of all nodes ("cannot read all nodes"): that is
    // flannel.node-credentials, not read here.
    re: /node '[^'\n]+' cannot read '[^'\n]+', only its own node object|unable to register node with api server, error getting existing node\\?" err=\\?"nodes \\?"[^"\n\\]+\\?" is forbidden: user/,
    anchors: ['only its own node object', 'error getting existing node'],
    confidence: 0.85,
    specificity: 94,
    check: 'compare the CN of the kubelet\'s client certificate (system:node:<name>) with the node name it registers (kubectl get nodes, --hostname-override, the hostname lower-cased): they must be the same, in the system:nodes group',
    source: 'kube-apiserver plugin/pkg/auth/authorizer/node (node_authorizer.go: "node %q cannot read %q, only its own Node object"); kubelet pkg/kubelet/kubelet_node_status.go registerWithAPIServer ("Unable to register node with API server, error getting existing node"); seen from the real kubelet v1.36.3 with a node-b certificate on node-a, a hostname-override Node_A and a user certificate',
    samples: [
      'E1207 11:21:55.942467     587 kubelet_node_status.go:114] "Unable to register node with API server, error getting existing node" err="nodes \\"node-a\\" is forbidden: User \\"system:node:node-b\\" cannot get resource \\"nodes\\" in API group \\"\\" at the cluster scope: node \'node-b\' cannot read \'node-a\', only its own Node object" node="node-a"',
      'kubelet_node_status.go:114] "Unable to register node with API server, error getting existing node" err="nodes \\"node-a\\" is forbidden: User \\"jane\\" cannot get resource \\"nodes\\" in API group \\"\\" at the cluster scope" node="node-a"',
    ],
    counterSamples: [
      'E1207 11:33:32.061328    2299 reflector.go:200] "Failed to watch" err="failed to list *v1.Node: nodes is forbidden: User \\"system:node:node-a\\" cannot list resource \\"nodes\\" in API group \\"\\" at the cluster scope: node \'node-a\' cannot read all nodes, only its own Node object"',
    ],
  }),
];
