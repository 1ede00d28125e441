import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Mozilla NSS's certificate errors, as curl and git built against NSS print them (RHEL and CentOS 7 and 8, older
 * Fedora): NSS words each verdict as a sentence about the "Peer's Certificate", and curl appends it after
 * `unable to access '<url>':` or `SSL certificate problem`. The sentence alone names the verdict.
 */
export const NSS_TLS_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.nss-issuer-not-trusted',
    cause: 'registry.tls-untrusted',
    // SEC_ERROR_UNKNOWN_ISSUER and SEC_ERROR_UNTRUSTED_ISSUER: the chain ends at a CA the store does not hold, or
    // one the store marks as distrusted (an intercepting proxy's root not imported, a private CA missing).
    re: /peer's certificate issuer (is not recognized|has been marked as not trusted by the user)|sec_error_(unknown|untrusted)_issuer/,
    anchors: ["peer's certificate issuer", 'sec_error_unknown_issuer', 'sec_error_untrusted_issuer'],
    // As sure as Go's bare "x509: certificate signed by unknown authority": the verdict, not why this host was dialled
    // (a search domain's wildcard record can send the client to a host whose certificate is not the registry's).
    confidence: 0.8,
    specificity: 95,
    check: 'the issuer the client is shown: openssl s_client -connect <host>:443 -servername <host> </dev/null | grep -E "subject|issuer" (an intercepting proxy or a private CA shows its own name; add that CA to the trust store with update-ca-trust); a wildcard record in a search domain can send the client to another host entirely (getent hosts <host>)',
    source: 'Mozilla NSS SECerrs.h: SEC_ERROR_UNKNOWN_ISSUER "Peer\'s Certificate issuer is not recognized.", SEC_ERROR_UNTRUSTED_ISSUER "Peer\'s certificate issuer has been marked as not trusted by the user."',
    samples: [
      "fatal: unable to access 'https://git.corp.example/infra/charts.git/': Peer's Certificate issuer is not recognized.",
      "curl: (60) Peer's certificate issuer has been marked as not trusted by the user.",
    ],
    counterSamples: ["curl: (60) Peer's Certificate has expired."],
  }),
  sig({
    id: 'registry.nss-certificate-expired',
    cause: 'registry.tls-expired-or-clock',
    // SEC_ERROR_EXPIRED_CERTIFICATE (and the issuer's): outside its validity window by the node's clock.
    re: /peer's certificate has expired|sec_error_expired_(issuer_)?certificate|issuer certificate has expired\. *$/,
    anchors: ["peer's certificate has expired", 'sec_error_expired_', 'issuer certificate has expired'],
    confidence: 0.8,
    specificity: 95,
    check: 'the node\'s clock (date -u) and the certificate\'s dates: openssl s_client -connect <host>:443 -servername <host> </dev/null | openssl x509 -noout -dates — a wrong clock makes a valid certificate expire; a certificate really expired is the server\'s to renew',
    source: 'Mozilla NSS SECerrs.h: SEC_ERROR_EXPIRED_CERTIFICATE "Peer\'s Certificate has expired."',
    samples: [
      "fatal: unable to access 'https://mirror.example.org/repo.git/': Peer's Certificate has expired.",
      'curl: (60) Peer\'s Certificate has expired.\nMore details here: https://curl.se/docs/sslcerts.html',
    ],
    counterSamples: ["Peer's Certificate issuer is not recognized."],
  }),
  sig({
    id: 'registry.nss-bad-cert-domain',
    cause: 'registry.tls-name-mismatch',
    // SSL_ERROR_BAD_CERT_DOMAIN: the certificate names other hosts than the one dialled.
    re: /requested domain name does not match the server's certificate|ssl_error_bad_cert_domain/,
    anchors: ['requested domain name does not match', 'ssl_error_bad_cert_domain'],
    confidence: 0.8,
    specificity: 95,
    check: 'the names the certificate holds against the name dialled: openssl s_client -connect <host>:443 -servername <host> </dev/null | openssl x509 -noout -ext subjectAltName',
    source: 'Mozilla NSS SSLerrs.h: SSL_ERROR_BAD_CERT_DOMAIN "Unable to communicate securely with peer: requested domain name does not match the server\'s certificate."',
    samples: [
      "curl: (51) Unable to communicate securely with peer: requested domain name does not match the server's certificate.",
      "fatal: unable to access 'https://10.0.0.5/infra/charts.git/': Unable to communicate securely with peer: requested domain name does not match the server's certificate.",
    ],
    counterSamples: ["Peer's Certificate has expired."],
  }),
];
