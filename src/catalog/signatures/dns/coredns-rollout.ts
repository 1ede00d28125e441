import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * An installer or script waiting on CoreDNS's Deployment (kubectl rollout status, kubectl wait) and giving up: the
 * pods never became Ready, so cluster DNS is down whatever kept them (an image, a Corefile, the API, a node).
 */
export const COREDNS_ROLLOUT_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.coredns-rollout-timed-out',
    cause: 'dns.coredns-down',
    re: /waiting for deployment "?(coredns|kube-dns)"? rollout to finish[\s\S]{0,400}?(timed out waiting for the condition|exceeded its progress deadline)|coredns deployment failed to become ready/,
    anchors: ['rollout to finish', 'coredns deployment failed'],
    also: ['coredns', 'kube-dns'],
    confidence: 0.7,
    specificity: 85,
    alternatives: ['cni.config-missing', 'node.not-ready'],
    check: 'kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide and kubectl -n kube-system describe pod <coredns pod>: its events say what keeps it from Ready (a pull, a sandbox without network, a Corefile error in its log, a node not Ready)',
    source: 'kubectl rollout status ("Waiting for deployment %q rollout to finish", "timed out waiting for the condition")',
    samples: [
      'Waiting for deployment "coredns" rollout to finish: 0 of 1 updated replicas are available...\nerror: timed out waiting for the condition',
      'Waiting for deployment "coredns" rollout to finish: 1 of 2 updated replicas are available...\nerror: deployment "coredns" exceeded its progress deadline',
    ],
    counterSamples: ['Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...\nerror: timed out waiting for the condition'],
  }),
];
