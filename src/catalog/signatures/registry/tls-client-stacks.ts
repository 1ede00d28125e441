import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Certificate verdicts in the words of TLS stacks other than OpenSSL, Go, NSS and Mbed TLS, as the package and
 * toolchain clients built on them print them: Haskell's `tls` package (stack, cabal: "HandshakeFailed (Error_Protocol
 * (\"certificate has unknown CA\",True,UnknownCa))"), Erlang/OTP's ssl application (hex, rebar3, mix: "generated
 * CLIENT ALERT: Fatal - Unknown CA") and GNU wget's own host-name check. Each names the verdict.
 */
export const TLS_CLIENT_STACK_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.tls-stack-unknown-ca',
    cause: 'registry.tls-untrusted',
    // The chain ends at a CA the client's store does not hold: an intercepting proxy's root, a private CA.
    re: /certificate has unknown ca\\?"?,?\s*(?:true,\s*)?unknownca\b|client alert: fatal - unknown ca\b/,
    anchors: ['certificate has unknown ca', 'client alert: fatal - unknown ca'],
    confidence: 0.85,
    specificity: 95,
    check: 'the issuer the client is shown: openssl s_client -connect <host>:443 -servername <host> </dev/null | grep issuer — a corporate or proxy CA must be added to the store this runtime reads (the system store via update-ca-certificates; Erlang: its cacertfile or HEX_CACERTS_PATH; Haskell tls: the system store)',
    source: 'Haskell tls Network.TLS (Error_Protocol "certificate has unknown CA" with AlertDescription UnknownCa), Erlang/OTP ssl_alert ("%s:%s generated CLIENT ALERT: Fatal - Unknown CA")',
    samples: [
      'TlsExceptionHostPort (HandshakeFailed (Error_Protocol ("certificate has unknown CA",True,UnknownCa))) "hackage.haskell.org" 443',
      'HandshakeFailed (Error_Protocol "certificate has unknown CA" UnknownCa)',
      '[info] TLS :client: In state :certify at ssl_handshake.erl:2111 generated CLIENT ALERT: Fatal - Unknown CA',
    ],
    counterSamples: ['TLS :client: In state :certify at ssl_handshake.erl:2111 generated CLIENT ALERT: Fatal - Certificate Expired'],
  }),
  sig({
    id: 'registry.tls-stack-erlang-expired',
    cause: 'registry.tls-expired-or-clock',
    re: /client alert: fatal - certificate expired\b/,
    anchors: ['client alert: fatal - certificate expired'],
    confidence: 0.8,
    specificity: 95,
    check: 'the client\'s clock (date -u) and the server certificate\'s dates: openssl s_client -connect <host>:443 -servername <host> </dev/null | openssl x509 -noout -dates',
    source: 'Erlang/OTP ssl_alert ("generated CLIENT ALERT: Fatal - Certificate Expired")',
    samples: ['TLS :client: In state :certify at ssl_handshake.erl:2111 generated CLIENT ALERT: Fatal - Certificate Expired', '=NOTICE REPORT==== TLS client: In state certify at ssl_handshake.erl:1887 generated CLIENT ALERT: Fatal - Certificate Expired'],
    counterSamples: ['generated CLIENT ALERT: Fatal - Unknown CA'],
  }),
  sig({
    id: 'registry.wget-host-name-mismatch',
    cause: 'registry.tls-name-mismatch',
    // wget's own check after the handshake: no name of the certificate is the host asked for.
    re: /certificate common name [`'‘"]?[^\s'’"]+['’"]? doesn't match requested host name|no certificate subject alternative name matches\s+requested host name/,
    anchors: ["doesn't match requested host name", 'no certificate subject alternative name matches'],
    confidence: 0.85,
    specificity: 95,
    check: 'the names the certificate holds: openssl s_client -connect <host>:443 -servername <host> </dev/null | openssl x509 -noout -ext subjectAltName — the host in the URL must be one of them (a CDN or proxy answering for another name, or an old wget without SNI)',
    source: 'GNU wget src/openssl.c and gnutls.c ("certificate common name %s doesn\'t match requested host name %s.", "no certificate subject alternative name matches\\n\\trequested host name %s.")',
    samples: [
      "ERROR: certificate common name `www.python.org' doesn't match requested host name `pypi.python.org'.",
      "ERROR: no certificate subject alternative name matches\n\trequested host name ‘mirror.lab’.",
    ],
    counterSamples: ['ERROR: cannot verify mirror.lab\'s certificate, issued by ‘CN=Lab CA’:'],
  }),
];
