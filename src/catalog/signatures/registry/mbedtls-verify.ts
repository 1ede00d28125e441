import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Mbed TLS's verification verdicts, as curl built against it prints them (Julia's bundled curl, embedded and
 * minimal images): older curl names the flag (`Cert verify failed: BADCERT_NOT_TRUSTED`), newer curl the sentence of
 * mbedtls_x509_crt_verify_info. Either names the verdict, as NSS's sentences do (./nss-tls.ts).
 */
export const MBEDTLS_VERIFY_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.mbedtls-not-trusted',
    cause: 'registry.tls-untrusted',
    // MBEDTLS_X509_BADCERT_NOT_TRUSTED: the chain does not end at a CA the client was given (curl's CA bundle path
    // for a bundled curl, an intercepting proxy's root, a private CA).
    re: /\bbadcert_not_trusted\b|the certificate is not correctly signed by the trusted ca/,
    anchors: ['badcert_not_trusted', 'not correctly signed by the trusted ca'],
    confidence: 0.8,
    specificity: 95,
    check: 'which CA bundle this curl reads (curl -v shows "CAfile:"; a bundled curl may look for a path the host does not have — set SSL_CERT_FILE or CURL_CA_BUNDLE to the system bundle) and the issuer it is shown: openssl s_client -connect <host>:443 -servername <host> </dev/null | grep issuer',
    source: 'Mbed TLS x509.h MBEDTLS_X509_BADCERT_NOT_TRUSTED and x509_crt.c X509_CRT_ERROR_INFO ("The certificate is not correctly signed by the trusted CA"); curl lib/vtls/mbedtls.c ("Cert verify failed: BADCERT_NOT_TRUSTED")',
    samples: [
      'curl: (60) Cert verify failed: BADCERT_NOT_TRUSTED',
      'curl: (60) SSL certificate problem: The certificate is not correctly signed by the trusted CA',
    ],
    counterSamples: ['curl: (60) Cert verify failed: BADCERT_EXPIRED'],
  }),
  sig({
    id: 'registry.mbedtls-expired',
    cause: 'registry.tls-expired-or-clock',
    // MBEDTLS_X509_BADCERT_EXPIRED / _FUTURE: outside its validity window by the client's clock.
    re: /\bbadcert_(expired|future)\b|the certificate validity (has expired|starts in the future)/,
    anchors: ['badcert_expired', 'badcert_future', 'the certificate validity has expired', 'the certificate validity starts in the future'],
    confidence: 0.8,
    specificity: 95,
    check: 'the client\'s clock (date -u) against the certificate\'s dates: openssl s_client -connect <host>:443 -servername <host> </dev/null | openssl x509 -noout -dates',
    source: 'Mbed TLS x509.h MBEDTLS_X509_BADCERT_EXPIRED, MBEDTLS_X509_BADCERT_FUTURE and x509_crt.c X509_CRT_ERROR_INFO',
    samples: [
      'curl: (60) Cert verify failed: BADCERT_EXPIRED',
      'curl: (60) SSL certificate problem: The certificate validity has expired',
    ],
    counterSamples: ['curl: (60) Cert verify failed: BADCERT_NOT_TRUSTED'],
  }),
  sig({
    id: 'registry.mbedtls-cn-mismatch',
    cause: 'registry.tls-name-mismatch',
    // MBEDTLS_X509_BADCERT_CN_MISMATCH: no name of the certificate is the host dialled.
    re: /\bbadcert_cn_mismatch\b|the certificate common name \(cn\) does not match with the expected cn/,
    anchors: ['badcert_cn_mismatch', 'does not match with the expected cn'],
    confidence: 0.8,
    specificity: 95,
    check: 'the names the certificate holds: openssl s_client -connect <host>:443 -servername <host> </dev/null | openssl x509 -noout -ext subjectAltName — the host in the URL must be one of them',
    source: 'Mbed TLS x509.h MBEDTLS_X509_BADCERT_CN_MISMATCH and x509_crt.c X509_CRT_ERROR_INFO',
    samples: [
      'curl: (60) Cert verify failed: BADCERT_CN_MISMATCH',
      'curl: (60) SSL certificate problem: The certificate Common Name (CN) does not match with the expected CN',
    ],
    counterSamples: ['curl: (60) Cert verify failed: BADCERT_EXPIRED'],
  }),
];
