import type { Signature } from '../../types.js';
import { sig } from '../define.js';
import { inRegistryContext, WHICH_CLIENT } from './shared.js';

/** TLS and x509 failures on the way to a registry (facts §4.6, §4.7). */
export const TLS_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.tls-handshake-timeout',
    check: 'from the node: curl -v https://<registry>/v2/ and the same with a small MTU-safe request (curl --max-time 10); TCP connecting but the handshake hanging points at a proxy/firewall inspecting TLS or an MTU black hole (ip link show: the node\'s MTU against the path\'s)',
    cause: 'registry.tls-handshake-timeout',
    // \s+: log viewers that wrap at a fixed width break the text at a space (Talos's console).
    re: /tls\s+handshake\s+timeout/,
    anchors: ['tls handshake timeout', 'handshake timeout'],
    confidence: 0.6,
    specificity: 80,
    alternatives: ['flannel.mtu', 'registry.proxy'],
    source: 'facts §4.7 net/http: TLS handshake timeout',
    samples: [
      'Failed to pull image "registry.k8s.io/pause:3.9": rpc error: code = Unknown desc = failed to pull and unpack image "registry.k8s.io/pause:3.9": failed to resolve reference "registry.k8s.io/pause:3.9": failed to do request: Head "https://registry.k8s.io/v2/pause/manifests/3.9": net/http: TLS handshake timeout',
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout',
    ],
    counterSamples: ['net/http: request canceled while waiting for connection'],
  }),
  sig({
    id: 'registry.x509-unknown-authority',
    cause: 'registry.tls-untrusted',
    // A paste that also shows the host configuration holding the CA (or skip_verify) is not in effect: that is why.
    explainedBy: ['registry.mirror-misconfigured'],
    re: inRegistryContext(/certificate signed by unknown authority|self[- ]signed certificate|unable to get local issuer certificate|certificate is not trusted|unable to verify the first certificate/),
    anchors: ['unknown authority', 'self signed certificate', 'self-signed certificate', 'local issuer certificate', 'certificate is not trusted', 'verify the first certificate'],
    confidence: 0.95,
    specificity: 91,
    source: 'facts §4.7 x509: certificate signed by unknown authority',
    samples: [
      'failed to do request: Head "https://harbor.corp.local/v2/apps/api/manifests/2.1": tls: failed to verify certificate: x509: certificate signed by unknown authority',
      'Error response from daemon: Get "https://10.0.0.9:5000/v2/": x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "lab-ca")',
    ],
    counterSamples: ['Internal error occurred: failed calling webhook "validate.nginx.ingress.kubernetes.io": Post "https://ingress-nginx-controller-admission.ingress-nginx.svc:443/networking/v1/ingresses?timeout=10s": x509: certificate signed by unknown authority'],
  }),
  sig({
    id: 'registry.x509-unknown-authority-bare',
    cause: 'registry.tls-untrusted',
    // The x509 text without a pull, a login or a registry URL around it: the registry is the likeliest client, not the only one.
    // OpenSSL's words too (unable to get [local] issuer certificate), and Java's trust manager's (PKIX path building failed).
    re: /certificate signed by unknown authority|self[- ]signed certificate|unable to get (local )?issuer certificate|certificate is not trusted|unable to verify the first certificate|pkix path building failed|unable to find valid certification path|remotecertificatechainerrors|invalid peer certificate: unknownissuer|self_signed_cert_in_chain|unable_to_verify_leaf_signature|depth_zero_self_signed_cert|unable_to_get_issuer_cert|errors in the certificate chain: (untrustedroot|partialchain)|sec_e_untrusted_root|unable to locally verify the issuer's authority|pkix path validation failed|certificate verify failed: invalid ca certificate|the certificate of \S+ is not trusted|the certificate of \S+ hasn't got a known issuer|\{bad_cert,\s*(unknown_ca|selfsigned_peer)\}|sec_error_unknown_issuer|invalidcertificate\(unknownissuer\)|\bcert_untrusted\b|certificate specifies an incompatible key usage/,
    anchors: ['unknown authority', 'self signed certificate', 'self-signed certificate', 'issuer certificate', 'certificate is not trusted', 'verify the first certificate', 'pkix path building failed', 'valid certification path', 'remotecertificatechainerrors', 'unknownissuer', 'self_signed_cert', 'leaf_signature', 'unable_to_get_issuer_cert', 'untrustedroot', 'partialchain', 'sec_e_untrusted_root', "issuer's authority", 'pkix path validation failed', 'invalid ca certificate', 'is not trusted', 'known issuer', 'bad_cert', 'sec_error_unknown_issuer', 'invalidcertificate(unknownissuer)', 'cert_untrusted', 'incompatible key usage'],
    confidence: 0.75,
    specificity: 90,
    check: WHICH_CLIENT,
    source: 'facts §4.7 x509: certificate signed by unknown authority',
    samples: [
      // Node's error codes, .NET's chain status, Windows schannel, wget, and git built on GnuTLS: the same distrust.
      "code: 'SELF_SIGNED_CERT_IN_CHAIN'",
      'The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot',
      "ERROR: cannot verify reg.example.com's certificate, issued by 'CN=Corp CA': Unable to locally verify the issuer's authority.",
      'x509: certificate signed by unknown authority',
      // Go's verifier: the chain holds no certificate valid for server authentication (an extended key usage of client
      // or code signing only), so it is not accepted as the server's, as an unknown CA would not be.
      'Error response from daemon : https://registry.example.com/v2/: x509: certificate specifies an incompatible key usage.',
      'Internal error occurred: failed calling webhook "validate.nginx.ingress.kubernetes.io": Post "https://ingress-nginx-controller-admission.ingress-nginx.svc:443/networking/v1/ingresses?timeout=10s": x509: certificate signed by unknown authority',
      'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
      '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get issuer certificate (_ssl.c:1006)',
      'The remote certificate is invalid according to the validation procedure: RemoteCertificateChainErrors',
      // rustls's CertificateError variants (Rust clients: kwctl, oras-rs).
      '2: invalid peer certificate: UnknownIssuer',
      // Java's validator when the chain does not verify against the trusted anchor; OpenSSL's X509_V_ERR_INVALID_CA.
      'javax.net.ssl.SSLHandshakeException: sun.security.validator.ValidatorException: PKIX path validation failed: java.security.cert.CertPathValidatorException: signature check failed',
      "SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: invalid CA certificate (_ssl.c:1032)')",
      // wget built on GnuTLS and on OpenSSL
      "ERROR: The certificate of 'registry.lab' is not trusted.",
      "ERROR: The certificate of 'registry.lab' hasn't got a known issuer.",
      // Erlang/OTP's ssl, NSS (Firefox, curl built on NSS), rustls's Debug form and Node's CERT_UNTRUSTED.
      '{tls_alert,{bad_certificate,"TLS client: In state certify generated CLIENT ALERT: Fatal - Bad Certificate\\n {bad_cert,unknown_ca}"}}',
      'SEC_ERROR_UNKNOWN_ISSUER',
      'Error: InvalidCertificate(UnknownIssuer)',
    ],
    counterSamples: ['x509: certificate has expired or is not yet valid'],
  }),
  sig({
    id: 'registry.openssl-verify-failed-bare',
    cause: 'registry.tls-untrusted',
    // OpenSSL 1.x's handshake error names no reason ("certificate verify failed" from tls_process_server_certificate):
    // an issuer it does not trust is the usual one, but an expired certificate or, with host checking on, a name
    // mismatch end the same way. openssl s_client -connect <host>:443 prints the verify error it hides.
    // OpenSSL 3 prints no function name ("SSL routines::certificate verify failed").
    // pyOpenSSL (urllib3's "bad handshake") prints OpenSSL's error queue as tuples of library, function and reason.
    // GnuTLS behind git and curl names no reason either ("server certificate verification failed. CAfile: … CRLfile: …"):
    // an expired root (Let's Encrypt's DST Root CA X3 in 2021) reads exactly as a missing one.
    re: /server certificate verification failed\. cafile|ssl routines:(?:tls_process_server_certificate|ssl3_get_server_certificate|tls_post_process_server_certificate)?:certificate verify failed|\(\\?'ssl routines\\?', \\?'(?:tls_process_server_certificate|ssl3_get_server_certificate|tls_post_process_server_certificate)\\?', \\?'certificate verify failed\\?'\)/,
    anchors: ['certificate verify failed', 'server certificate verification failed'],
    confidence: 0.6,
    specificity: 80,
    alternatives: ['registry.tls-expired-or-clock', 'registry.tls-name-mismatch'],
    check: 'openssl s_client -connect <host>:443 -servername <host> </dev/null | grep -E "verify error|Verify return code": it names the reason; an issuer that is a corporate or proxy CA needs that CA in the client\'s trust store',
    source: 'OpenSSL SSL_R_CERTIFICATE_VERIFY_FAILED (error:1416F086) raised by the client\'s certificate processing',
    samples: [
      '140534617365320:error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed:ssl/statem/statem_clnt.c:1919:',
      '139912345678912:error:14090086:SSL routines:ssl3_get_server_certificate:certificate verify failed:s3_clnt.c:1264:',
      'SSL_connect failed: error:0A000086:SSL routines::certificate verify failed',
      "SSLError(SSLError(\"bad handshake: Error([('SSL routines', 'tls_process_server_certificate', 'certificate verify failed')],)\",),)",
      "fatal: unable to access 'https://git.example.com/x.git/': server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none",
    ],
    counterSamples: ['certificate verify failed: unable to get local issuer certificate (_ssl.c:1129)'],
  }),
  sig({
    id: 'registry.certificate-unparsable',
    cause: 'registry.tls-untrusted',
    // Go refuses a server certificate it cannot parse (since Go 1.23 a negative serial number, which some
    // TLS-inspecting proxies and old appliances still issue): the certificate is rarely the registry's own, and the
    // failure is the TLS connection's, whatever request (a token, a manifest) rode on it.
    re: /failed to parse certificate from server: x509: /,
    anchors: ['failed to parse certificate from server'],
    confidence: 0.7,
    // below ambiguous.kube-api-x509: the same failure against the Kubernetes API is the API server's certificate
    specificity: 91,
    alternatives: ['registry.proxy'],
    check: 'openssl s_client -connect <host>:443 -showcerts </dev/null | openssl x509 -noout -issuer -serial: an issuer of a proxy or firewall means inspection (exempt the registry from it, or have the appliance reissue); GODEBUG=x509negativeserial=1 only works around it',
    source: 'Go crypto/tls: "tls: failed to parse certificate from server: %w"; crypto/x509 (Go 1.23: negative serial numbers rejected)',
    samples: [
      'ERROR: failed to solve: failed to fetch oauth token: Post "https://auth.docker.io/token": tls: failed to parse certificate from server: x509: negative serial number',
      'Error response from daemon: Get "https://registry.lab/v2/": tls: failed to parse certificate from server: x509: malformed certificate',
    ],
    counterSamples: ['x509: certificate signed by unknown authority'],
  }),
  sig({
    id: 'registry.x509-public-registry-other-name',
    cause: 'registry.tls-name-mismatch',
    // A public registry always presents a certificate for its own name. One valid for another organisation's
    // names means the connection reached another server: a TLS-inspecting proxy or firewall, or a DNS answer
    // that points the name elsewhere (a search domain with a wildcard record, a hijacking resolver). A long list of
    // names may go on over an indented line, as terminals and BuildKit's progress output wrap it.
    re: /certificate is valid for [\s\S]{0,300}?,\s*not (registry-1\.docker\.io|[\w.-]*docker\.(io|com)|ghcr\.io|quay\.io|[\w.-]*gcr\.io|registry\.k8s\.io|[\w.-]*pkg\.dev|public\.ecr\.aws|mcr\.microsoft\.com|nvcr\.io)\b/,
    anchors: ['certificate is valid for'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['registry.proxy', 'dns.node-resolver'],
    check: 'nslookup <registry host> on the node (an address of your own network means a search domain with a wildcard record or a hijacking resolver: /etc/resolv.conf search line) and openssl s_client -connect <registry host>:443 -servername <registry host> </dev/null | openssl x509 -noout -issuer (a corporate issuer means a TLS-inspecting proxy: trust its CA or bypass it)',
    source: 'Go crypto/x509 HostnameError ("certificate is valid for …, not …"); public registries serve certificates for their own names',
    samples: ['Error response from daemon: Get https://registry-1.docker.io/v2/: x509: certificate is valid for *.corp.example, not registry-1.docker.io', 'failed to do request: Head "https://ghcr.io/v2/o/a/manifests/1": x509: certificate is valid for fw.example.net, not ghcr.io'],
    counterSamples: ['Get "https://registry.lab:5000/v2/": x509: certificate is valid for registry.example.com, not registry.lab'],
  }),
  sig({
    id: 'registry.x509-name-mismatch',
    cause: 'registry.tls-name-mismatch',
    re: inRegistryContext(/certificate is valid for [^\n]+,\s*not \S+|doesn't contain any ip sans|legacy common name field|certificate is not valid for any names|no alternative certificate subject name matches|hostname\/ip does not match certificate/),
    anchors: ['certificate is valid for', 'ip sans', 'legacy common name', 'not valid for any names', 'subject name matches', 'does not match certificate'],
    confidence: 0.95,
    specificity: 91,
    source: 'facts §4.7 x509: certificate is valid for X, not Y; IP SANs; legacy CN',
    samples: [
      'failed to do request: Head "https://registry.lab:5000/v2/x/manifests/1": tls: failed to verify certificate: x509: certificate is valid for registry.example.com, registry, not registry.lab',
      'Get "https://192.168.1.50:5000/v2/": x509: cannot validate certificate for 192.168.1.50 because it doesn\'t contain any IP SANs',
    ],
    counterSamples: ['x509: certificate is valid for ingress.local, not api.example.com'],
  }),
  sig({
    id: 'registry.x509-name-mismatch-bare',
    cause: 'registry.tls-name-mismatch',
    // The x509 text without a pull, a login or a registry URL around it: the registry is the likeliest client, not the only one.
    re: /certificate is valid for [^\n]+,\s*not \S+|x509: certificate is valid for [^\n,]+(, [^\n,]+)*\s*$|doesn't contain any ip sans|legacy common name field|certificate is not valid for any names|no alternative certificate subject name matches|hostname\/ip does not match certificate|certificate verify failed[^\n]{0,200}(hostname|ip address) mismatch|remotecertificatenamemismatch|upstream ssl certificate does not match|invalid peer certificate: notvalidforname|no subject alternative (dns )?names? matching|no name matching \S+ found|hostname '[^']+' doesn't match|certificate subject name '[^']*' does not match target host name|no certificate subject alternative name matches|verify error:num=62|err_tls_cert_altname_invalid|sslpeerunverifiedexception: hostname \S+ not verified|hostname in certificate didn't match|hostname \\?'[^'\n]{1,200}\\?'? doesn't match|tls: \\?"[^"\\\n]+\\?" does not match any of dnsnames|hostname_check_failed|ssl_error_bad_cert_domain|invalidcertificate\(notvalidforname\)/,
    anchors: ['certificate is valid for', 'does not match any of dnsnames', 'hostname_check_failed', 'ssl_error_bad_cert_domain', 'invalidcertificate(notvalidforname)', 'ip sans', 'legacy common name', 'not valid for any names', 'subject name matches', 'does not match certificate', 'mismatch', 'upstream ssl certificate does not match', 'notvalidforname', 'no subject alternative', 'no name matching', "doesn't match", 'does not match target host', 'no certificate subject alternative', 'num=62', 'altname_invalid', 'not verified', "doesn't match", "didn't match"],
    confidence: 0.75,
    // A TLS-intercepting proxy or a redirect to another host presents a certificate for a name not asked for.
    alternatives: ['registry.proxy'],
    specificity: 90,
    check: WHICH_CLIENT,
    source: 'facts §4.7 x509: certificate is valid for X, not Y; IP SANs; legacy CN',
    samples: [
      // NSS (curl built on NSS, Firefox) and rustls's Debug form.
      'SSL_ERROR_BAD_CERT_DOMAIN',
      'Error: InvalidCertificate(NotValidForName)',
      // Java's, Python's, curl's, wget's, openssl's and Node's words for the same mismatch.
      'javax.net.ssl.SSLHandshakeException: No subject alternative names matching IP address 10.0.0.5 found',
      "curl: (51) SSL: certificate subject name 'other.example.com' does not match target host name 'reg.example.com'",
      "ERROR: no certificate subject alternative name matches requested host name 'reg.example.com'.",
      'x509: certificate relies on legacy Common Name field, use SANs instead',
      'tls: failed to verify certificate: x509: certificate is not valid for any names, but wanted to match harbor.lab',
      // A paste cut off inside the list of names: Go's HostnameError is the only x509 text that says "is valid for".
      'rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate is valid for 10.0.0.4, 52.0.0.8',
      // OpenSSL's X509_V_ERR_HOSTNAME_MISMATCH (Python, Rust and C clients).
      "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'harbor.lab'. (_ssl.c:1129)",
      // OkHttp's hostname verifier (fabric8, the Kubernetes Java client), and Python's ssl.match_hostname before 3.7.
      'javax.net.ssl.SSLPeerUnverifiedException: Hostname kubernetes.default.svc not verified:\n    certificate: sha256/AAAA=\n    DN: CN=kube-apiserver',
      "SSLError(CertificateError(\"hostname 'etcd.lab' doesn't match '10.0.0.5'\",),)",
      // etcd checking a peer's or client's certificate against the address it connects from; Erlang/OTP's ssl check.
      'etcdmain: rejected connection from "10.0.0.7:59778" (tls: "10.0.0.7" does not match any of DNSNames ["etcd-0.etcd.svc"])',
      '{tls_alert,{handshake_failure,"TLS client: In state wait_cert at ssl_handshake.erl:2136 generated CLIENT ALERT: Fatal - Handshake Failure\\n {bad_cert,hostname_check_failed}"}}',
      // Apache HttpClient 4.x's older verifier (Jib, Maven).
      "javax.net.ssl.SSLException: hostname in certificate didn't match: <registry.lab> != <other.lab>",
      // .NET's SslPolicyErrors.
      'System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch',
      // nginx verifying its upstream (proxy_ssl_verify), as a registry proxy in front of a registry does.
      '[error] 113#113: *3 upstream SSL certificate does not match "registry.example.com" while SSL handshaking to upstream',
    ],
    counterSamples: ['x509: certificate signed by unknown authority', 'certificate verify failed: unable to get local issuer certificate'],
  }),
  sig({
    id: 'kubeadm.certs-table-invalid',
    cause: 'registry.tls-expired-or-clock',
    // kubeadm certs check-expiration prints <invalid> as the residual time of a certificate already past its
    // end date: the control plane's clients and servers refuse it from then on. The second table lists the
    // authorities (ca, etcd-ca, front-proxy-ca) the same way, without the authority column.
    re: /(?:^|[\r\n])[ \t]*(admin\.conf|super-admin\.conf|apiserver[\w-]*|controller-manager\.conf|scheduler\.conf|etcd-[\w-]+|front-proxy-client|kubelet\.conf|ca|front-proxy-ca)[ \t]+[a-z]{3} \d{2}, \d{4} \d{2}:\d{2} utc[ \t]+<invalid>/,
    anchors: ['<invalid>'],
    confidence: 0.85,
    specificity: 90,
    check: 'kubeadm certs check-expiration on a control-plane node, then kubeadm certs renew all and restart the control-plane static pods (move their manifests out of /etc/kubernetes/manifests and back) and the kubelet; if the dates look wrong, check the node\'s clock first (date -u)',
    source: 'kubeadm certs check-expiration (residual time "<invalid>" for a certificate past NotAfter)',
    samples: [
      'apiserver                  Dec 03, 2025 09:46 UTC   <invalid>       ca                      no',
      'CERTIFICATE                EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED\nadmin.conf                 Dec 03, 2025 09:46 UTC   <invalid>       ca                      no',
      'ca                      Dec 31, 2024 00:00 UTC   <invalid>       no',
    ],
    counterSamples: ['apiserver                  Dec 03, 2026 09:46 UTC   364d            ca                      no', 'front-proxy-ca          Dec 04, 2036 05:36 UTC   9y              no'],
  }),
  sig({
    id: 'registry.x509-expired',
    cause: 'registry.tls-expired-or-clock',
    re: inRegistryContext(/certificate has expired|certificate is not yet valid|cert_has_expired|certificate expired/),
    anchors: ['certificate has expired', 'not yet valid', 'cert_has_expired', 'certificate expired'],
    confidence: 0.95,
    specificity: 91,
    source: 'facts §4.7 x509: certificate has expired or is not yet valid',
    samples: [
      'Error response from daemon: Get https://registry.acme.io/v2/: x509: certificate has expired or is not yet valid',
      'failed to do request: Head "https://gcr.io/v2/app/manifests/1": x509: certificate has expired or is not yet valid',
    ],
    counterSamples: ['tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-03-01T10:00:00Z is after 2026-02-28T23:59:59Z'],
  }),
  sig({
    id: 'registry.x509-clock-behind',
    cause: 'registry.tls-expired-or-clock',
    // Go names both times: "current time <now> is before <notBefore>" is a certificate not yet valid, the
    // clock of the machine that checked it behind (no RTC on a Raspberry Pi, a wrong timezone set as UTC),
    // whichever server it was talking to — so it outranks the wrappers that hedge a client's failure (kubectl's).
    re: /certificate has expired or is not yet valid: current time \S+ is before \S+/,
    anchors: ['is before'],
    confidence: 0.9,
    specificity: 98,
    check: 'date -u on the machine that logged it against the real time: enable NTP (timedatectl set-ntp true; chronyc tracking), fix the timezone setting (a local time stored as UTC), then restart the component',
    source: 'Go crypto/x509 CertificateInvalidError (Expired): "current time %s is before %s"',
    samples: ['Get "https://127.0.0.1:6444/api/v1/services": x509: certificate has expired or is not yet valid: current time 2022-07-22T18:55:59+12:00 is before 2022-07-22T07:45:55Z', 'x509: certificate has expired or is not yet valid: current time 1970-01-01T00:01:02Z is before 2024-03-01T00:00:00Z'],
    counterSamples: ['x509: certificate has expired or is not yet valid: current time 2026-03-01T10:00:00Z is after 2026-02-28T23:59:59Z'],
  }),
  sig({
    id: 'registry.x509-expired-bare',
    cause: 'registry.tls-expired-or-clock',
    // The x509 text without a pull, a login or a registry URL around it: the registry is the likeliest client, not the only one.
    re: /certificate has expired|certificate is not (yet valid|valid yet)|cert_has_expired|certificate expired|invalid peer certificate: (expired|notvalidyet|certificate expired|certificate not valid yet)\b|a required certificate is not within its validity period|certificateexpiredexception|certpathvalidatorexception: validity check failed|errors in the certificate chain: nottimevalid|the certificate of ['\u2018][^'\u2019\n]+['\u2019] (has expired|is not yet activated)|certificate has not yet been activated|issued certificate not yet valid|certificatenotyetvalidexception|cert_not_yet_valid|remote error: tls: expired certificate|received fatal alert: certificate_expired|\{bad_cert,\s*cert_expired\}|sec_error_expired_certificate|invalidcertificate\(expired\)/,
    anchors: ['certificate has expired', 'not within its validity period', 'not yet valid', 'cert_has_expired', 'certificate expired', 'invalid peer certificate', 'certificateexpiredexception', 'validity check failed', 'nottimevalid', 'has expired', 'not valid yet', 'not yet activated', 'not yet been activated', 'certificatenotyetvalidexception', 'cert_not_yet_valid', 'tls: expired certificate', 'certificate_expired', 'cert_expired', 'sec_error_expired_certificate', 'invalidcertificate(expired)'],
    confidence: 0.75,
    specificity: 90,
    check: WHICH_CLIENT,
    source: 'facts §4.7 x509: certificate has expired or is not yet valid',
    samples: [
      // Erlang/OTP's ssl, NSS and rustls's Debug form.
      '{bad_cert,cert_expired}',
      'SEC_ERROR_EXPIRED_CERTIFICATE',
      'Error: InvalidCertificate(Expired)',
      // Java's and Node's not-yet-valid words; a TLS peer's alert that the other side's certificate expired (either side's log).
      'java.security.cert.CertificateNotYetValidException: NotBefore: Sat Dec 05 10:00:00 UTC 2026',
      "code: 'CERT_NOT_YET_VALID'",
      'http: TLS handshake error from 10.0.0.7:51234: remote error: tls: expired certificate',
      'javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_expired',
      // kubeadm's certutil loading a certificate before its NotBefore (the node's clock behind).
      'error execution phase certs/front-proxy-ca: failure loading front-proxy-ca certificate: failed to load certificate: the certificate is not valid yet',
      // Java's, .NET's and wget's words for a certificate outside its validity period.
      'java.security.cert.CertificateExpiredException: NotAfter: Sun Jan 01 00:00:00 UTC 2023',
      "ERROR: The certificate of 'reg.example.com' has expired.",
      // wget built with GnuTLS on a board whose clock starts in 1970.
      "ERROR: The certificate of \u2018deb.debian.org\u2019 is not yet activated.\nThe certificate has not yet been activated",
      'tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-03-01T10:00:00Z is after 2026-02-28T23:59:59Z',
      'X509: certificate has expired or is not yet valid',
    ],
    counterSamples: ['x509: certificate signed by unknown authority'],
  }),
  sig({
    id: 'registry.gnutls-expired-chain',
    cause: 'registry.tls-expired-or-clock',
    // GnuTLS (apt, and clients linked to it) names why it distrusts a chain; "uses expired certificate" is the
    // expiry reason, which outranks its generic "The certificate is NOT trusted" (the bare untrusted reading).
    re: /certificate chain uses (expired|not yet valid) certificate/,
    anchors: ['uses expired certificate', 'uses not yet valid certificate'],
    confidence: 0.75,
    specificity: 91,
    check: WHICH_CLIENT,
    source: 'GnuTLS certificate verification status texts (GNUTLS_CERT_EXPIRED: "The certificate chain uses expired certificate.")',
    samples: [
      'Certificate verification failed: The certificate is NOT trusted. The certificate chain uses expired certificate.  Could not handshake: Error in the certificate verification. [IP: 10.0.0.5 443]',
      'gnutls_handshake() failed: The certificate chain uses expired certificate.',
      // GNUTLS_CERT_NOT_ACTIVATED: the node's clock before the certificate's NotBefore.
      'Err:7 https://repo.example.com/stable Release\n  Certificate verification failed: The certificate is NOT trusted. The certificate chain uses not yet valid certificate.  Could not handshake: Error in the certificate verification.',
    ],
    counterSamples: ['Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown.'],
  }),
  sig({
    id: 'ambiguous.system-roots-unreadable',
    cause: 'unknown',
    // Go names why it found no roots: "permission denied" on the bundle means the bundle is there and the process
    // may not read it (runAsUser against the file's mode, SELinux or AppArmor), which no trust step heals.
    re: /x509: failed to load system roots[^\n]{0,120}permission denied/,
    anchors: ['failed to load system roots'],
    confidence: 0.5,
    specificity: 94,
    alternatives: ['registry.tls-untrusted'],
    check: 'the bundle Go names after "open": ls -lZ <path> in the client\'s image or mount (its mode against the pod\'s runAsUser and fsGroup; an SELinux label the container cannot read: ausearch -m avc -ts recent on the node)',
    source: 'Go crypto/x509 SystemRootsError wrapping the os.PathError of the bundle it could not open',
    samples: [
      'Post https://cloudkms.example.com/v1/keys:encrypt: x509: failed to load system roots and no roots provided; open /etc/ssl/certs/ca-certificates.crt: permission denied',
      'Get "https://vault.example:8200/v1/sys/health": x509: failed to load system roots and no roots provided; open /etc/pki/tls/certs/ca-bundle.crt: permission denied',
    ],
    counterSamples: ['Post https://collector.example.com/api: x509: failed to load system roots and no roots provided'],
  }),
  sig({
    id: 'registry.x509-svid-expired',
    cause: 'registry.tls-expired-or-clock',
    // A SPIFFE X509-SVID is an X.509 certificate with a short TTL: SPIRE refuses one past its NotAfter, which a
    // server or agent down longer than the TTL, or a clock off, produces. The text decides expiry.
    re: /x509-svid[^\n]{0,160}\bexpired\b/,
    anchors: ['x509-svid'],
    confidence: 0.7,
    specificity: 92,
    check: 'date -u on the SPIRE server and agent hosts, then how long the server was down against its ca_ttl and default_x509_svid_ttl: an agent or server whose SVID expired must be re-attested (delete its stored SVID or bundle, join token or node attestor again)',
    source: 'SPIRE\'s X509-SVID validation ("invalid X509-SVID: already expired as of %s")',
    samples: [
      'error="invalid server X509-SVID: invalid X509-SVID: already expired as of 2024-01-02T03:04:05Z"',
      'level=error msg="Fatal run error" error="invalid X509-SVID: already expired as of 2025-06-01T00:00:00Z"',
    ],
    counterSamples: ['level=info msg="Renewing X509-SVID" spiffe_id="spiffe://example.org/agent"'],
    subject: {
      title: 'A SPIRE server\'s or agent\'s own X509-SVID has expired',
      explanation: 'SPIRE issues short-lived X.509 certificates (SVIDs) and refuses one past its end: a server or agent that was down longer than the SVID\'s lifetime, or whose clock is off, comes back with an expired identity and cannot rotate it by itself.',
      fix: [
        'Check the clocks: date -u on the SPIRE server and agent hosts, kept in sync (chrony or systemd-timesyncd).',
        'Re-attest the agent or server whose SVID expired: remove its stored SVID and bundle (the agent\'s data directory) and attest it again (a new join token, or its node attestor), then restart it.',
      ],
      verify: ['spire-server healthcheck', 'spire-agent healthcheck'],
    },
  }),
  sig({
    id: 'registry.fabric-identity-expired',
    cause: 'registry.tls-expired-or-clock',
    // Hyperledger Fabric's MSP refuses a signing identity whose X.509 certificate is past its NotAfter (the peers'
    // and orderers' enrollment certificates last a year by default): expiry, or the node's clock.
    re: /signing identity expired \d[\dhmsµn.]* ago/,
    anchors: ['signing identity expired'],
    confidence: 0.7,
    specificity: 92,
    check: 'openssl x509 -noout -enddate -in the node\'s msp/signcerts/*.pem, and date -u on the node: re-enroll the identity with its CA (fabric-ca-client reenroll) and restart the peer or orderer',
    source: 'Hyperledger Fabric MSP setup of the local signing identity ("signing identity expired %v ago", a Go duration)',
    samples: [
      'Failed to setup local msp with config: signing identity expired 4486h58m24s ago',
      'panic: Failed to initialize local MSP: signing identity expired 2h10m0s ago',
    ],
    counterSamples: ['Failed to setup local msp with config: could not obtain certification chain', 'This signing identity expired on Mar 1, 2025.'],
    subject: {
      title: 'A Hyperledger Fabric node\'s signing certificate has expired',
      explanation: 'A peer or orderer loads its local MSP at start and refuses a signing certificate past its end (enrollment certificates last a year by default), or one a wrong clock sees as expired; the node panics and restarts.',
      fix: [
        'Check the node\'s clock (date -u), kept in sync.',
        'Re-enroll the identity with its CA (fabric-ca-client reenroll, or the operator\'s renewal), put the new certificate in the node\'s msp/signcerts, and restart the peer or orderer.',
      ],
      verify: ['openssl x509 -noout -enddate -in <msp-dir>/signcerts/cert.pem'],
    },
  }),
  sig({
    id: 'registry.no-system-roots',
    cause: 'registry.tls-untrusted',
    // Go found no trust store at all (a scratch or distroless image without ca-certificates, or SSL_CERT_FILE
    // pointing nowhere): every certificate is untrusted, whoever the server. Above the API-server x509 reading.
    re: /x509: failed to load system roots/,
    anchors: ['failed to load system roots'],
    confidence: 0.8,
    specificity: 93,
    check: 'where the client runs: ls /etc/ssl/certs/ca-certificates.crt (Debian) or /etc/pki/tls/certs/ca-bundle.crt (RHEL) in its image or on the node — absent, install ca-certificates or mount the bundle; SSL_CERT_FILE and SSL_CERT_DIR, if set, must name it',
    source: 'Go crypto/x509 SystemRootsError ("x509: failed to load system roots and no roots provided")',
    samples: [
      'Post https://collector.example.com/api/v0.1/collector: x509: failed to load system roots and no roots provided',
      'Get "https://registry.example.com/v2/": x509: failed to load system roots and no roots provided',
    ],
    counterSamples: ['x509: certificate signed by unknown authority'],
  }),
  sig({
    id: 'registry.tls-verify-failed-no-reason',
    cause: 'registry.tls-untrusted',
    // OpenSSL's verification failure as older Python (before 3.7) and BoringSSL (gRPC's C core) print it: no reason
    // named. An unknown issuer is by far the most common one; an expired or misnamed certificate reads the same.
    // Also Python without its source position (botocore), hiredis's SSL_connect and pgBackRest's own words.
    // .NET's words without the chain status after them read the same, and Ruby's OpenSSL before it named the reason
    // (RubyGems puts the URL it fetched in parentheses after it: that names no reason).
    // BoringSSL's bare reason token (a program that prints only ERR_reason_error_string: Envoy filters, C++ clients) too.
    re: /\[ssl: certificate_verify_failed\] certificate verify failed(?!\s*:)|routines:openssl_internal:certificate_verify_failed|ssl_connect failed: certificate verify failed|ssl_connect returned=\d+ errno=\d+ [^\n]{0,120}?: certificate verify failed(?! ?\((?!https?:))|unable to verify certificate presented by|the remote certificate is invalid according to the validation procedure(?![.:]? ?\w)|(?<!ssl: |:)\bcertificate_verify_failed\b(?![\]:])/,
    anchors: ['certificate verify failed', 'openssl_internal:certificate_verify_failed', 'certificate_verify_failed', 'unable to verify certificate presented by', 'according to the validation procedure'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['registry.tls-expired-or-clock', 'registry.tls-name-mismatch'],
    check: 'openssl s_client -connect <host>:<port> -servername <host> -showcerts </dev/null from where the client runs: "Verify return code" names the reason the client did not print (20/21: the issuer is not trusted — give the client its CA; 10: expired; a name the certificate lacks shows in its subjectAltName)',
    source: 'OpenSSL SSL_R_CERTIFICATE_VERIFY_FAILED as Python\'s ssl module printed it before 3.7 and BoringSSL\'s error string (gRPC core)',
    samples: [
      "urllib3.exceptions.MaxRetryError: HTTPSConnectionPool(host='192.168.0.1', port=6443): Max retries exceeded with url: /api/v1/pods (Caused by SSLError(SSLError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:777)'),))",
      'details = "failed to connect to all addresses; last error: UNKNOWN: ipv4:10.0.0.5:443: Ssl handshake failed (TSI_PROTOCOL_FAILURE): SSL_ERROR_SSL: error:1000007d:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED"',
      'botocore.exceptions.SSLError: SSL validation failed for https://s3.lab/bucket [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed',
      'Could not connect to Redis at cache.lab:6379: SSL_connect failed: certificate verify failed',
      'error="Invalid Kubernetes API endpoint: SSL_connect returned=1 errno=0 state=SSLv3 read server certificate B: certificate verify failed"',
      "ERROR: [095]: unable to verify certificate presented by 's3.lab:443'",
      'System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception. System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.',
      'upstream TLS handshake failed: CERTIFICATE_VERIFY_FAILED',
      'grpc: failed to connect: ssl error CERTIFICATE_VERIFY_FAILED (upstream auth.lab:8443)',
    ],
    counterSamples: ['Handshake error in client (OS Error: CERTIFICATE_VERIFY_FAILED: certificate has expired(handshake.cc:393))', '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1129)', 'SSL_connect returned=1 errno=0 state=error: certificate verify failed (certificate has expired)'],
  }),
  sig({
    id: 'registry.tls-alert-from-client',
    cause: 'registry.tls-untrusted',
    // A Go server's log of a handshake its client abandoned: the client sent the alert for a certificate it does not
    // trust (unknown CA, or Java's and OpenSSL's "certificate unknown"). The server is fine; its client lacks the CA.
    re: /tls handshake error from [^\n]{0,80}remote error: tls: unknown certificate( authority)?\b/,
    anchors: ['remote error: tls: unknown certificate'],
    confidence: 0.6,
    specificity: 91,
    alternatives: ['registry.tls-name-mismatch'],
    check: 'the address after "from" is the client that refused this server\'s certificate: give that client the CA that signed it (for a registry: /etc/containerd/certs.d/<host>/ca.crt or /etc/docker/certs.d/<host>/ca.crt on its node; for a webhook: the caBundle of its configuration)',
    source: 'Go net/http server ("http: TLS handshake error from %s: %v") with the peer\'s alert (crypto/tls alertUnknownCA "unknown certificate authority", alertCertificateUnknown "unknown certificate")',
    samples: [
      '2018/07/11 21:41:39 http: TLS handshake error from 192.168.1.207:61824: remote error: tls: unknown certificate',
      'http: TLS handshake error from 10.244.0.9:45306: remote error: tls: unknown certificate authority',
    ],
    counterSamples: ['http: TLS handshake error from 10.244.0.9:45306: remote error: tls: bad certificate', 'http: TLS handshake error from 10.0.0.1:5000: EOF'],
  }),
  sig({
    id: 'registry.tls-alert-unknown-ca',
    cause: 'registry.tls-untrusted',
    // TLS's unknown_ca alert: the peer checked the certificate this side sent against its trust store and found no
    // issuer it trusts. Logged by a client ("remote error", "SERVER ALERT") the server refused the client's
    // certificate; logged by a server, its client refused the server's. Either way a CA one side lacks.
    re: /remote error: tls: unknown certificate authority|alert unknown ca|\{unknown_ca\b|server alert: fatal - unknown ca/,
    anchors: ['unknown certificate authority', 'alert unknown ca', 'unknown_ca', 'fatal - unknown ca'],
    confidence: 0.6,
    specificity: 82,
    alternatives: ['registry.proxy'],
    check: 'which side sent the alert: the one that did not find the other\'s issuer in its trust store (a client certificate the server does not trust, or the server\'s certificate the client does not). openssl s_client -connect <host>:<port> -CAfile <ca> [-cert <client cert> -key <key>] shows the chain each side presents; add the issuing CA to the side that refused it',
    source: 'TLS alert unknown_ca (RFC 8446 §6.2) as Go ("remote error: tls: unknown certificate authority"), OpenSSL ("tlsv1 alert unknown ca") and Erlang/OTP ssl ({tls_alert,{unknown_ca,…}}) report it',
    samples: [
      'Error response from daemon: Get "https://reg.lab/v2/": remote error: tls: unknown certificate authority',
      'Error accepting a client connection: error:0A000418:SSL routines::tlsv1 alert unknown ca',
      '{socket_error,{tls_alert,{unknown_ca,"TLS client: In state connection received SERVER ALERT: Fatal - Unknown CA\\n"}}}',
    ],
    counterSamples: ['remote error: tls: bad certificate', 'x509: certificate signed by unknown authority'],
  }),
  sig({
    id: 'registry.jib-insecure-registry',
    cause: 'registry.tls-untrusted',
    // Jib refuses a registry whose certificate it cannot verify unless told to allow insecure registries: the
    // verification failed (most often a private CA the JVM's trust store lacks).
    re: /failed to verify the server at \S+ because only secure connections are allowed/,
    anchors: ['only secure connections are allowed'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['registry.http-to-https'],
    check: 'import the registry\'s CA into the JVM trust store Jib runs with (keytool -importcert -cacerts -file ca.crt), or for a plain-HTTP registry set -DsendCredentialsOverHttp with allowInsecureRegistries; the cause is printed below this line',
    source: 'Jib InsecureRegistryException ("Failed to verify the server at %s because only secure connections are allowed.")',
    samples: ['com.google.cloud.tools.jib.api.InsecureRegistryException: Failed to verify the server at https://registry.lab:5000/v2/ because only secure connections are allowed.', '[ERROR] Caused by: com.google.cloud.tools.jib.api.InsecureRegistryException: Failed to verify the server at https://default-route-openshift-image-registry.apps-crc.testing/v2/ because only secure connections are allowed.'],
    counterSamples: ['Failed to verify the server at https://registry.lab:5000/v2/'],
  }),
];
