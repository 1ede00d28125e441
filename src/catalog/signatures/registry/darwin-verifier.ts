import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Go on macOS verifies certificates with the system's Security framework (crypto/x509 root_darwin.go since Go 1.18)
 * and reports its failure description after `x509: `: `“<name>” certificate is expired`, `… certificate name does not
 * match input`. Helm, kubectl, crane and Docker's CLI on a Mac print these where Linux builds print Go's own texts.
 */
export const DARWIN_VERIFIER_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.darwin-certificate-expired',
    cause: 'registry.tls-expired-or-clock',
    re: /x509: (\\?["\u201c][^"\u201d\n]{1,200}\\?["\u201d] )?certificate is expired/,
    anchors: ['certificate is expired'],
    confidence: 0.8,
    specificity: 90,
    check: 'the Mac\'s clock and the certificate\'s dates: openssl s_client -connect <host>:443 -servername <host> </dev/null | openssl x509 -noout -dates',
    source: 'Go crypto/x509 root_darwin.go (the Security framework\'s SecTrustCopyFailureDescription, "“%@” certificate is expired")',
    samples: [
      'Error: looks like "https://charts.example.com" is not a valid chart repository or cannot be reached: Get "https://charts.example.com/index.yaml": x509: "*.example.com" certificate is expired',
      'Get "https://registry.example.org/v2/": x509: \u201cregistry.example.org\u201d certificate is expired',
    ],
    counterSamples: ['x509: certificate has expired or is not yet valid: current time 2024-01-02T03:04:05Z is after 2023-12-31T00:00:00Z'],
  }),
  sig({
    id: 'registry.darwin-certificate-name-mismatch',
    cause: 'registry.tls-name-mismatch',
    re: /x509: (\\?["\u201c][^"\u201d\n]{1,200}\\?["\u201d] )?certificate name does not match input/,
    anchors: ['certificate name does not match input'],
    confidence: 0.8,
    specificity: 90,
    check: 'the names the certificate holds against the name dialled: openssl s_client -connect <host>:443 -servername <host> </dev/null | openssl x509 -noout -ext subjectAltName',
    source: 'Go crypto/x509 root_darwin.go (the Security framework\'s failure description, "“%@” certificate name does not match input")',
    samples: [
      'Get "https://10.0.0.5:5000/v2/": x509: \u201creg.corp.example\u201d certificate name does not match input',
      'Error response from daemon: Get "https://harbor.corp.example/v2/": x509: "*.corp.example" certificate name does not match input',
    ],
    counterSamples: ['x509: certificate is valid for a.example, not b.example'],
  }),
];
