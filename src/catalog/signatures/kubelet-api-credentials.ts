import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * The kubelet's own API calls refused for its credentials: its informers (k8s.io/kubernetes/pkg/kubelet/…) list
 * nodes, pods and services with the kubeconfig it was given, and a token the API server rejects or a client
 * certificate whose subject is not system:node:<name> leaves it unable to register or read its pods — the node stays
 * NotReady. The same reflector texts from flannel name flannel's token instead (flannel/ambiguous.ts).
 */
export const KUBELET_API_CREDENTIAL_SIGNATURES: Signature[] = [
  sig({
    id: 'kubelet.api-credentials-rejected',
    cause: 'node.not-ready',
    re: /pkg\/kubelet\/[^\n]{0,120}?failed to (?:list|watch) \*v1\.(?:node|pod|service)[^\n]{0,40}?: unauthorized\b/,
    anchors: ['pkg/kubelet/'],
    confidence: 0.8,
    // Above flannel's reading of the same reflector text (93): the kubelet's own package path names the client.
    specificity: 94,
    alternatives: ['registry.tls-expired-or-clock'],
    check: 'the kubelet\'s kubeconfig (/etc/kubernetes/kubelet.conf and the client certificate it names): openssl x509 -noout -subject -issuer -enddate -in <cert> — issued by the cluster\'s CA, not expired, subject O=system:nodes, CN=system:node:<node name>; a bootstrap token must still exist (kubeadm token list)',
    source: 'client-go reflector in the kubelet (pkg/kubelet/kubelet.go, pkg/kubelet/config/apiserver.go: "Failed to list *v1.Node"), kube-apiserver authentication ("Unauthorized")',
    samples: [
      'E0530 15:47:35.643333   34217 reflector.go:126] k8s.io/kubernetes/pkg/kubelet/kubelet.go:451: Failed to list *v1.Node: Unauthorized',
      'kubelet[912]: E1107 09:12:01.114201 912 reflector.go:178] k8s.io/kubernetes/pkg/kubelet/config/apiserver.go:47: Failed to list *v1.Pod: Unauthorized',
    ],
    counterSamples: ['E0530 15:47:35.643333 1 reflector.go:126] pkg/subnet/kube/kube.go:318: Failed to list *v1.Node: Unauthorized'],
  }),
  sig({
    id: 'kubelet.node-identity-without-name',
    cause: 'node.not-ready',
    // The Node authorizer grants a kubelet what system:node:<its name> may read; a certificate whose CN is the bare
    // group name (or another node's) is refused everything it lists.
    re: /pkg\/kubelet\/[^\n]{0,200}?forbidden: user \\?"system:node\\?" cannot (?:list|get|watch)/,
    anchors: ['pkg/kubelet/'],
    confidence: 0.8,
    specificity: 93,
    check: 'openssl x509 -noout -subject -in <the kubelet\'s client certificate>: the CN must be system:node:<the node\'s name> (O=system:nodes); reissue it with the node name (kubeadm, or the CSR the kubelet sends when rotate-certificates is on)',
    source: 'Kubernetes Node authorizer (plugin/pkg/auth/authorizer/node) and the kubelet\'s reflectors',
    samples: [
      'kubelet[1635]: E0914 21:00:57.033096    1635 reflector.go:205] k8s.io/kubernetes/pkg/kubelet/kubelet.go:464: Failed to list *v1.Node: nodes "10.10.100.10" is forbidden: User "system:node" cannot list nodes at the cluster scope',
      'E0914 21:00:57.033096 1635 reflector.go:205] k8s.io/kubernetes/pkg/kubelet/config/apiserver.go:47: Failed to list *v1.Pod: pods is forbidden: User "system:node" cannot list pods at the cluster scope',
    ],
    counterSamples: ['k8s.io/kubernetes/pkg/kubelet/kubelet.go:464: Failed to list *v1.Node: nodes is forbidden: User "system:node:worker-1" cannot list nodes at the cluster scope'],
  }),
];
