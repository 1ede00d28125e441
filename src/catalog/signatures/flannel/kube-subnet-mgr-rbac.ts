import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * flanneld v0.28.9's kube subnet manager read against a real kube-apiserver 1.36 with RBAC, run under identities other
 * than the stock ServiceAccount (a client certificate or a ServiceAccount named for flannel but bound to too little):
 * the 403 comes back in two places. The node informer's reflector lists nodes first ("failed to list *v1.Node: nodes
 * is forbidden: User … cannot list resource") and keeps retrying; with get/list/watch granted but not patch on
 * nodes/status, the lease is written anyway and the annotation patch fails in CompleteLease. The identity is whatever
 * the deployment chose, so the user name alone does not decide: the flannel-only wrapper (CompleteLease) does, and
 * so does a user named for flannel in the Node reflector's list.
 */
export const FLANNEL_KUBE_SUBNET_MGR_RBAC_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.complete-lease-forbidden',
    cause: 'flannel.rbac',
    // CompleteLease is flanneld's own step (patching the node's flannel.alpha.coreos.com annotations in nodes/status).
    re: /completelease execute error err: [^\n]{0,300}?is forbidden: user/,
    anchors: ['completelease execute error'],
    confidence: 0.93,
    specificity: 94,
    alternatives: ['flannel.daemon-down'],
    source: 'flannel pkg/subnet/kube (CompleteLease patches the node status); reproduced with flanneld v0.28.9 --kube-subnet-mgr against kube-apiserver v1.36.3 (RBAC), a ClusterRole with get/list/watch nodes and no patch on nodes/status',
    samples: [
      'E1207 03:45:00.851244     171 main.go:502] CompleteLease execute error err: nodes "node2" is forbidden: User "flannel-nopatch" cannot patch resource "nodes/status" in API group "" at the cluster scope',
      'CompleteLease execute error err: nodes "worker-1" is forbidden: User "system:serviceaccount:kube-flannel:flannel" cannot patch resource "nodes/status" in API group "" at the cluster scope',
    ],
    counterSamples: ['nodes "worker-1" is forbidden: User "system:node:worker-2" cannot patch resource "nodes/status" in API group "" at the cluster scope'],
  }),
  sig({
    id: 'flannel.node-list-forbidden-flannel-user',
    cause: 'flannel.rbac',
    // The user in the 403 is flannel's (a client-certificate CN or ServiceAccount named for flannel), and what it was
    // refused is the nodes resource flanneld's kube subnet manager lists, watches, gets and patches.
    re: /is forbidden: user \\?"[^"\\\n]{0,120}flannel[^"\\\n]{0,60}\\?" cannot (?:list|watch|get|patch) resource \\?"nodes/,
    anchors: ['is forbidden: user'],
    confidence: 0.92,
    specificity: 93,
    alternatives: ['flannel.daemon-down'],
    source: 'client-go reflector (failed to list *v1.Node) and the API server\'s RBAC 403; reproduced with flanneld v0.28.9 --kube-subnet-mgr against kube-apiserver v1.36.3, client certificates with no binding and with get nodes only',
    samples: [
      'E1207 03:44:59.925926     175 reflector.go:200] "Failed to watch" err="failed to list *v1.Node: nodes is forbidden: User \\"flannel-user\\" cannot list resource \\"nodes\\" in API group \\"\\" at the cluster scope" logger="UnhandledError" reflector="k8s.io/client-go@v0.33.13/tools/cache/reflector.go:285" type="*v1.Node"',
      'failed to list *v1.Node: nodes is forbidden: User "flannel-partial" cannot list resource "nodes" in API group "" at the cluster scope',
    ],
    counterSamples: [
      'failed to list *v1.Node: nodes is forbidden: User "system:kube-proxy" cannot list resource "nodes" in API group "" at the cluster scope',
      'endpoints is forbidden: User "system:serviceaccount:kube-system:coredns" cannot list resource "endpoints"',
    ],
  }),
];
