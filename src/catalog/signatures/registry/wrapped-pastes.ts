import type { Signature } from '../../types.js';
import { sig } from '../define.js';
import { REGISTRY_CONTEXT } from '../context.js';

/**
 * Registry texts as users paste them cut: kubectl describe, k9s and terminals wrap a long event at a column width
 * (the break falls on a space and the next line is indented), k9s and chat tools cut the end with "…". Go's
 * crypto/x509 HostnameError for an address the certificate does not list ("cannot validate certificate for <ip>
 * because it doesn't contain any IP SANs") keeps its decisive words at the end, where the cut falls: the words up
 * to "any IP" already say it. Only where a pull, a login or a registry URL stands before it (the same text from
 * kubectl or a webhook is that client's, answered elsewhere).
 */
export const WRAPPED_REGISTRY_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.pasted-x509-no-ip-sans',
    cause: 'registry.tls-name-mismatch',
    re: new RegExp(String.raw`${REGISTRY_CONTEXT}[\s\S]{0,800}?(?<key>cannot\s+validate\s+certificate\s+for\s+\S+\s+because\s+it\s+doesn't\s+contain\s+any\s+ip\b)`),
    anchors: ['validate certificate', 'contain any ip', 'any ip'],
    confidence: 0.95,
    specificity: 91,
    source: 'Go crypto/x509 HostnameError.Error ("cannot validate certificate for %s because it doesn\'t contain any IP SANs"), as wrapped by kubectl describe or cut by k9s',
    samples: [
      'Failed to pull image "10.20.0.5:5000/app:1": rpc error: code = Unknown desc = failed to do request: Head "https://<ip>:5000/v2/app/manifests/1": x509: cannot validate certificate for <ip> because it doesn\'t contain any IP SAN…',
      'Error response from daemon: Get "https://x.x.x.x/v2/": x509: cannot validate certificate for x.x.x.x because it\n    doesn\'t contain any IP SANs',
    ],
    counterSamples: [
      'Unable to connect to the server: x509: cannot validate certificate for 10.0.0.1 because it doesn\'t contain any IP SANs',
      'x509: cannot validate certificate for 10.0.0.1 because it doesn\'t contain any IP SANs',
    ],
  }),
];
