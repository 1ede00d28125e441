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
  sig({
    id: 'registry.darwin-certificate-not-standards-compliant',
    cause: 'registry.tls-untrusted',
    // macOS's own policy for TLS server certificates (validity of at most 825 days, a subjectAltName with the host,
    // the serverAuth extended key usage, RSA keys of 2048 bits or more) refuses a certificate that Linux clients may
    // accept: the client on the Mac does not trust it until the certificate is reissued within those rules.
    re: /x509: (\\?["\u201c][^"\u201d\n]{1,200}\\?["\u201d] )?certificate is not standards compliant/,
    anchors: ['certificate is not standards compliant'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['registry.tls-name-mismatch'],
    check: 'openssl s_client -connect <host>:443 -servername <host> </dev/null | openssl x509 -noout -dates -ext subjectAltName,extendedKeyUsage: a validity over 825 days, no SAN for the host or no serverAuth usage is what macOS refuses; reissue the registry\'s certificate within those rules',
    source: 'Go crypto/x509 root_darwin.go (the Security framework\'s failure description, "“%@” certificate is not standards compliant")',
    samples: [
      'ERROR: failed to solve: reg.lab/containers/base-images/container-python:3.10-slim: failed to authorize: failed to fetch oauth token: Post "https://reg.lab/jwt/auth": tls: failed to verify certificate: x509: \u201creg.lab\u201d certificate is not standards compliant',
      'Error response from daemon: Get "https://registry.corp.example/v2/": tls: failed to verify certificate: x509: "registry.corp.example" certificate is not standards compliant',
    ],
    counterSamples: ['x509: \u201cregistry.example.org\u201d certificate is expired'],
  }),
];
