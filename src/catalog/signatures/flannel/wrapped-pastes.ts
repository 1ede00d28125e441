import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * flanneld's RBAC refusals as users paste them wrapped: kubectl logs in a narrow terminal, k9s and chat tools break
 * the long klog line at a space and indent the rest, so "User\n  \"system:serviceaccount:…\"" no longer reads as one
 * line. flanneld's kube subnet manager (pkg/subnet/kube) says "error retrieving pod spec for '<ns>/<pod>'" around the
 * API server's 403; client-go's StatusError says 'pods "<pod>" is forbidden: User "<sa>" cannot get resource "pods"'.
 */
export const WRAPPED_FLANNEL_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.pasted-rbac-forbidden',
    cause: 'flannel.rbac',
    re: /error\s+retrieving\s+pod\s+spec\s+for[\s\S]{0,400}?(?:is\s+forbidden|does\s+not\s+allow\s+access)|user\s+\\?"system:serviceaccount:[\w-]+:flannel\\?"\s+cannot\s+(?:get|watch|patch|update)\s+resource/,
    anchors: ['retrieving pod spec', 'cannot get resource', 'cannot watch resource', 'cannot patch resource', 'resource "pods"'],
    confidence: 0.92,
    specificity: 93,
    alternatives: ['flannel.daemon-down'],
    source: 'flannel pkg/subnet/kube ("error retrieving pod spec for \'%s/%s\'"), client-go StatusError for a 403; as wrapped by a terminal or k9s',
    samples: [
      'E1201 10:04:35.773695       1 main.go:358] Failed to create SubnetManager: error retrieving pod spec\n  for \'kube-flannel/kube-flannel-ds-7x9kq\': pods "kube-flannel-ds-7x9kq" is forbidden: User\n  "system:serviceaccount:kube-flannel:flannel" cannot get resource "pods" in API group "" in the namespace "kube-flannel"',
      'pods "kube-flannel-ds-x" is forbidden: User "system:serviceaccount:kube-flannel:flannel" cannot\nget resource "pods" in API group ""',
    ],
    counterSamples: [
      'Failed to create SubnetManager: error retrieving pod spec for \'kube-flannel/kube-flannel-ds-7x9kq\': Get "https://10.96.0.1:443/api/v1/namespaces/kube-flannel/pods/kube-flannel-ds-7x9kq": dial tcp 10.96.0.1:443: i/o timeout',
      'endpoints is forbidden: User "system:serviceaccount:kube-system:coredns" cannot get resource "endpoints"',
    ],
  }),
];
