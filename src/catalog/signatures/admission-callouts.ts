import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * Admission controllers that call out on a pod's behalf before it is created: Gatekeeper's external data providers
 * (a Service the webhook posts image references to, for tags, digests or scan results) and image signature verifiers
 * (Ratify with Notation, cosign). Their failures name the callout, not the node's pull: the peer is the provider or the
 * signer's trust material, not the registry the kubelet pulls from, so the transport or x509 text inside them is not
 * a registry cause (issue 13).
 */
export const ADMISSION_CALLOUT_SIGNATURES: Signature[] = [
  sig({
    id: 'admission.gatekeeper-external-data-send',
    cause: 'unknown',
    // Gatekeeper's mutation and validation resolve external data placeholders by POSTing to the provider's URL; when
    // the POST fails the webhook answers with this wrapper around the transport error. The provider is a workload of
    // the user's (often a Service in the cluster); a generic transport text inside (EOF, deadline) says nothing of the
    // pod network or a registry. A specific inner text (a lookup's NXDOMAIN, an x509 error) ranks above this.
    re: /failed to send external data request( to provider [^\s:]+)?:/,
    anchors: ['failed to send external data request'],
    confidence: 0.4,
    specificity: 70,
    alternatives: ['dns.service-unreachable', 'node.firewall'],
    check: 'the Provider object (kubectl get providers.externaldata.gatekeeper.sh -o yaml): its url and caBundle, and whether its Service has ready endpoints (kubectl get endpointslices -l kubernetes.io/service-name=<svc>); then the provider pod\'s own log',
    source: 'open-policy-agent/frameworks external data client ("failed to send external data request: %w"); Gatekeeper mutation "failed to resolve external data placeholders"',
    samples: [
      'failed to resolve external data placeholders: failed to send external data request to provider tag-to-digest: failed to send external data request: Post "https://tagdigest.gatekeeper-system:8090/": EOF',
      'admission webhook "mutation.gatekeeper.sh" denied the request: failed to resolve external data placeholders: failed to send external data request to provider img: failed to send external data request: Post "https://img.default.svc:443/": context deadline exceeded',
    ],
    counterSamples: ['failed to call webhook: Post "https://gatekeeper-webhook-service.gatekeeper-system.svc:443/v1/admit?timeout=3s": context deadline exceeded'],
  }),
  sig({
    id: 'admission.signature-verifier-chain-untrusted',
    cause: 'unknown',
    // A signature verifier checking the signer's certificate chain against its own trust store (Notation's trust policy
    // in Ratify, cosign's --certificate-chain or the Fulcio roots) reports x509's unknown-authority error: the
    // signature's chain is not in the verifier's trust material. No TLS connection to a registry failed.
    re: /(thrown by the verifier|no matching signatures|failed to verify signature|signature verification failed)[^\n]{0,300}?x509: certificate signed by unknown authority/,
    anchors: ['thrown by the verifier', 'no matching signatures', 'failed to verify signature', 'signature verification failed'],
    also: ['x509: certificate signed by unknown authority'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['registry.tls-untrusted'],
    check: 'the verifier\'s trust material, not the node: Ratify\'s Notation trust store and trust policy (kubectl get verifiers,keymanagementproviders -A -o yaml), or cosign\'s --certificate-chain/--ca-roots; the chain that signed the image must end in a root listed there',
    source: 'ratify verifier result "an error thrown by the verifier %v"; cosign ErrNoMatchingSignatures "no matching signatures: %v"; Go crypto/x509 UnknownAuthorityError',
    samples: [
      '"results": ["an error thrown by the verifier x509: certificate signed by unknown authority"], "artifactType": "application/vnd.cncf.notary.signature"',
      'Error: no matching signatures: x509: certificate signed by unknown authority',
    ],
    counterSamples: ['Error: GET https://registry.lab:5000/v2/: x509: certificate signed by unknown authority'],
  }),
];
