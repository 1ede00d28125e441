import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * apt's acquire methods (http, https through GnuTLS) and its Release/Packages checks, read from real runs of
 * apt-get 2.6 against a loopback repository, proxy and resolver: each status line ends "[IP: <address> <port>]"
 * naming the peer apt spoke to, so a proxy's answer is told from the repository's by that port; GnuTLS words a
 * certificate failure as "The certificate is NOT trusted." followed by the reason, which decides the cause.
 * Package repositories are read with the registry causes by the conventions.
 */

/** Ports HTTP proxies listen on (squid, tinyproxy, privoxy, corporate proxies): a peer on one of them is the proxy. */
const PROXY_PORT = '(?:3128|3129|8118|8888)';

export const APT_ACQUIRE_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.apt-repo-5xx',
    cause: 'registry.server-error',
    // methods/basehttp.cc: the status code and reason the server sent, then "[IP: <peer> <port>]". A 5xx from a peer
    // that is not on a proxy's port is the repository (or its CDN) failing, not the node.
    re: new RegExp(`\\b5\\d\\d {1,2}(?:internal server error|bad gateway|service unavailable|gateway time-?out|[a-z][\\w ]{2,40}?) \\[ip: [^\\]\\s]+ (?!${PROXY_PORT}\\])\\d+\\]`),
    anchors: ['internal server error [ip:', 'bad gateway [ip:', 'service unavailable [ip:', 'gateway timeout [ip:', 'gateway time-out [ip:'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    check: 'curl -sI <the URL in the error> from the node and from elsewhere: a 5xx everywhere is the repository or its mirror failing (retry later, or point sources.list at another mirror); a 5xx only through the site\'s network is a proxy or gateway in between',
    source: 'apt methods/basehttp.cc (status line "%u %s" and the " [IP: %s %s]" suffix of pkgAcquire item errors)',
    samples: [
      'Err:1 http://deb.debian.org/debian bookworm InRelease\n  503  Service Unavailable [IP: 151.101.2.132 80]',
      'W: Failed to fetch http://nexus.corp.example/repository/apt-proxy/dists/bookworm/InRelease  500  Internal Server Error [IP: 10.40.12.9 80]',
      'E: Failed to fetch https://download.docker.com/linux/ubuntu/dists/noble/InRelease  502  Bad Gateway [IP: REDACTED 443]',
    ],
    counterSamples: ['Err:1 http://deb.debian.org/debian bookworm InRelease\n  503  Service Unavailable [IP: 10.20.0.4 3128]', '404  Not Found [IP: 151.101.2.132 80]'],
  }),
  sig({
    id: 'registry.apt-repo-401',
    cause: 'image.auth-missing',
    // A repository behind authentication (Nexus, Artifactory, a private PPA) answering 401: apt sent no credentials
    // for it (no /etc/apt/auth.conf.d entry matching the host), or sent ones it rejects.
    re: /\b401 {1,2}unauthorized \[ip: [^\]\s]+ \d+\]/,
    anchors: ['unauthorized [ip:'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['image.auth-rejected'],
    check: 'ls /etc/apt/auth.conf.d/ and grep the repository host there: a "machine <host> login … password …" entry must match the URL\'s host (and path); with one present, try the same credentials with curl -u to see whether the server rejects them',
    source: 'apt methods/basehttp.cc (status line) with apt_auth.conf(5) supplying credentials',
    samples: [
      'Err:1 http://nexus.corp.example/repository/apt-proxy bookworm InRelease\n  401  Unauthorized [IP: 10.40.12.9 80]',
      'E: Failed to fetch https://pkgs.corp.example/debian/dists/trixie/InRelease  401  Unauthorized [IP: 10.20.0.15 443]',
    ],
    counterSamples: ['Err:1 http://deb.debian.org/debian bookworm InRelease\n  407  Proxy Authentication Required [IP: 10.20.0.3 3128]'],
  }),
  sig({
    id: 'registry.apt-repo-403',
    cause: 'unknown',
    // A 403 from the address apt dialled on 80/443: the repository refusing (an IP allow-list, a token without access)
    // and a transparent or filtering proxy on the way (a corporate gateway, a captive portal) word it the same.
    re: /\b403 {1,2}forbidden \[ip: [^\]\s]+ (?:80|443)\]/,
    anchors: ['forbidden [ip:'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['registry.proxy', 'image.auth-rejected'],
    check: 'curl -sv <the URL in the error> from the node, then from another network: a 403 only from this site (with a proxy\'s Server or Via header) is the site\'s proxy or firewall policy; a 403 everywhere is the repository refusing that path or client',
    source: 'apt methods/basehttp.cc (status line "403  Forbidden [IP: %s %s]")',
    samples: [
      'Err:1 http://deb.debian.org/debian bullseye InRelease\n  403  Forbidden [IP: 151.101.58.132 80]',
      'E: Failed to fetch http://nexus.corp.example/repository/apt-proxy/dists/bookworm/InRelease  403  Forbidden [IP: 10.40.12.9 80]',
    ],
    counterSamples: ['Err:1 http://deb.debian.org/debian bookworm InRelease\n  403  Forbidden [IP: 10.20.0.4 3128]'],
  }),
  sig({
    id: 'registry.apt-proxy-status',
    cause: 'registry.proxy',
    // The peer that answered is on a proxy's port (Acquire::http::Proxy): the refusal, the authentication demand or
    // the gateway error is the proxy's.
    re: new RegExp(`\\b(?:40[37]|5\\d\\d) {1,2}[a-z][\\w ]{2,40}?\\[ip: [^\\]\\s]+ ${PROXY_PORT}\\]`),
    anchors: ['[ip: '],
    confidence: 0.85,
    specificity: 93,
    check: 'apt-config dump | grep -i proxy (and /etc/apt/apt.conf.d/*proxy*, http_proxy in the environment or the build\'s --build-arg): the proxy must allow this repository (its ACL), be given credentials (http://user:pass@host:port) or be left out for it (Acquire::http::Proxy::<host> "DIRECT")',
    source: 'apt methods/basehttp.cc (status line with the proxy as the peer in " [IP: %s %s]")',
    samples: [
      'Err:1 http://deb.debian.org/debian bookworm InRelease\n  403  Forbidden [IP: 10.20.0.4 3128]',
      'Err:1 http://deb.debian.org/debian bullseye InRelease\n  407  Access denied [IP: 172.17.0.1 3128]',
      'E: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/jammy/InRelease  503  Service Unavailable [IP: 10.20.0.4 3128]',
    ],
    counterSamples: ['Err:1 http://deb.debian.org/debian bookworm InRelease\n  403  Forbidden [IP: 151.101.2.132 80]'],
  }),
  sig({
    id: 'registry.apt-invalid-response-from-proxy',
    cause: 'registry.proxy',
    // An https:// source through Acquire::https::Proxy: apt's CONNECT got a non-2xx status from the proxy, which it
    // prints whole (status line and headers): the proxy refused to tunnel or wants credentials.
    re: /invalid response from proxy: http\/\d(?:\.\d)? (?:4\d\d|5\d\d)\b/,
    anchors: ['invalid response from proxy'],
    confidence: 0.9,
    specificity: 94,
    check: 'the proxy\'s reply in the error (its status and Server header): 407 wants credentials in Acquire::https::Proxy (http://user:pass@host:port); 403 is its policy refusing CONNECT to that host or port — allow it there or exempt the host (Acquire::https::Proxy::<host> "DIRECT")',
    source: 'apt methods/connect.cc UnwrapHTTPConnect ("Invalid response from proxy: %s")',
    samples: [
      'Err:1 https://download.docker.com/linux/ubuntu noble InRelease\n  Invalid response from proxy: HTTP/1.1 403 Forbidden  Server: squid/5.7  Date: Sun, 06 Dec 2026 21:17:57 GMT  Content-Type: text/html  Content-Length: 36     [IP: 10.20.0.4 3128]',
      'W: Failed to fetch https://pkgs.k8s.io/core:/stable:/v1.31/deb/InRelease  Invalid response from proxy: HTTP/1.1 407 Proxy Authentication Required  Server: squid/5.7  Proxy-Authenticate: Basic realm="corp-proxy"     [IP: 10.20.0.3 3128]',
    ],
    counterSamples: ['Err:1 http://deb.debian.org/debian bookworm InRelease\n  403  Forbidden [IP: 151.101.2.132 80]'],
  }),
  sig({
    id: 'registry.apt-proxy-unreachable',
    cause: 'registry.proxy',
    // apt connecting to the host:port it was told to use as proxy (a proxy's name or port), refused or unanswered:
    // the proxy setting names something that does not serve from here.
    re: new RegExp(`could not connect to (?:[\\w.-]*proxy[\\w.-]*:\\d+|[\\w.-]+:${PROXY_PORT}) \\([^)\\n]{1,60}\\)(?:\\. - connect \\((?:111: connection refused|113: no route to host)\\)|, connection timed out)`),
    anchors: ['could not connect to'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['registry.connection-refused'],
    check: 'apt-config dump | grep -i proxy and env | grep -i proxy (a Dockerfile\'s ENV or --build-arg, /etc/apt/apt.conf.d/*proxy*): nc -vz <proxy host> <port> from where apt runs — a proxy that is gone or listens elsewhere must be fixed or removed from the setting',
    source: 'apt methods/connect.cc ("Could not connect to %s:%s (%s). - %s (%d: %s)", "Could not connect to %s:%s (%s), connection timed out")',
    samples: [
      'Err:1 http://deb.debian.org/debian bookworm InRelease\n  Could not connect to proxy.corp.example:3128 (10.20.0.3). - connect (111: Connection refused)',
      'W: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/jammy/InRelease  Could not connect to 10.0.0.8:3128 (10.0.0.8), connection timed out',
    ],
    counterSamples: ['Could not connect to deb.debian.org:80 (151.101.2.132). - connect (111: Connection refused)'],
  }),
  sig({
    id: 'registry.apt-proxy-name-not-resolved',
    cause: 'registry.proxy',
    // The name apt could not resolve is a proxy's (the repository's own name is in the URL beside it): the proxy
    // setting names a host that does not exist where apt runs.
    re: /could not resolve '[\w.-]*proxy[\w.-]*'|temporary failure resolving '[\w.-]*proxy[\w.-]*'/,
    anchors: ['could not resolve \'', 'temporary failure resolving \''],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['registry.dns'],
    check: 'apt-config dump | grep -i proxy and env | grep -i proxy: getent hosts <proxy host> where apt runs (a build container has its own resolv.conf) — fix the name or drop the setting where the repository is reachable directly',
    source: 'apt methods/connect.cc ("Could not resolve \'%s\'", "Temporary failure resolving \'%s\'") for the proxy host',
    samples: [
      "Err:1 http://deb.debian.org/debian bookworm InRelease\n  Could not resolve 'proxy.old-dc.example'",
      "W: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/jammy/InRelease  Temporary failure resolving 'webproxy.corp.local'",
    ],
    counterSamples: ["Err:1 http://deb.debian.org/debian bookworm InRelease\n  Could not resolve 'deb.debian.org'"],
  }),
  sig({
    id: 'dns.apt-public-mirror-unresolved',
    cause: 'dns.node-resolver',
    // The same EAI_NONAME for a distribution's public mirror, a name that exists for every resolver on the internet:
    // the resolver apt asked is the fault (a build container's resolv.conf, a host stub that does not forward).
    re: /\bcould not resolve '((\w+\.)?archive\.ubuntu\.com|security\.ubuntu\.com|ports\.ubuntu\.com|deb\.debian\.org|security\.debian\.org|httpredir\.debian\.org|ftp\.[a-z]{2}\.debian\.org|dl-cdn\.alpinelinux\.org|download\.docker\.com|packages\.microsoft\.com|ppa\.launchpad\.net|apt\.kubernetes\.io|pkgs\.k8s\.io)'/,
    anchors: ['could not resolve \''],
    confidence: 0.6,
    specificity: 89,
    alternatives: ['registry.dns', 'registry.proxy'],
    check: 'getent hosts <mirror> where apt runs (a build container uses its own resolv.conf; docker build --network host, or the daemon\'s "dns" setting, tells the node\'s resolver apart from the container\'s), then the nameserver it names: a public mirror that does not resolve is that resolver\'s fault',
    source: 'apt methods/connect.cc DoConnect (EAI_NONAME: "Could not resolve \'%s\'")',
    samples: [
      "Err:1 http://archive.ubuntu.com/ubuntu jammy InRelease\n  Could not resolve 'archive.ubuntu.com'",
      "W: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Could not resolve 'deb.debian.org'",
    ],
    counterSamples: ["Could not resolve 'apt.old-dc.example'"],
  }),
  sig({
    id: 'registry.apt-could-not-resolve',
    cause: 'registry.dns',
    // methods/connect.cc: getaddrinfo's EAI_NONAME (the resolver answered that the name does not exist) is "Could not
    // resolve"; EAI_AGAIN (no answer) is "Temporary failure resolving", read elsewhere. A name that does not exist
    // is the repository host's name (a retired mirror, a typo, a private zone this resolver does not serve).
    re: /\bcould not resolve '(?![\w.-]*proxy)[\w.-]+'/,
    anchors: ['could not resolve \''],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['dns.node-resolver', 'registry.proxy'],
    check: 'getent hosts <host> where apt runs (a build container uses its own resolv.conf): NXDOMAIN from the configured nameserver means the name is wrong or not in that resolver\'s zones — fix sources.list or the resolver; a public name that fails only here is the node\'s resolver',
    source: 'apt methods/connect.cc DoConnect (EAI_NONAME: "Could not resolve \'%s\'")',
    samples: [
      "Err:1 http://apt.old-dc.example/debian bookworm InRelease\n  Could not resolve 'apt.old-dc.example'",
      "W: Failed to fetch http://apt.old-dc.example/debian/dists/bookworm/InRelease  Could not resolve 'apt.old-dc.example'",
    ],
    counterSamples: ["Err:1 http://deb.debian.org/debian bookworm InRelease\n  Temporary failure resolving 'deb.debian.org'", "Could not resolve 'proxy.corp.example'"],
  }),
  sig({
    id: 'registry.apt-unexpected-tls-packet',
    cause: 'registry.http-to-https',
    // GnuTLS reading a record that is not TLS during the handshake: an https:// source line pointing at a port that
    // answers plain HTTP.
    re: /could not handshake: an unexpected tls packet was received/,
    anchors: ['unexpected tls packet'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['registry.proxy'],
    check: 'curl -sI http://<host>:<port>/ (plain): an answer means that port serves HTTP — use http:// in the source line, or the repository\'s TLS port',
    source: 'apt methods/connect.cc (GnuTLS handshake: "Could not handshake: %s") with gnutls_strerror(GNUTLS_E_UNEXPECTED_PACKET)',
    samples: [
      'Err:1 https://mirror.corp.example:80/debian bookworm InRelease\n  Could not handshake: An unexpected TLS packet was received. [IP: 10.40.12.8 80]',
      'W: Failed to fetch https://nexus.corp.example:8081/repository/apt/dists/bookworm/InRelease  Could not handshake: An unexpected TLS packet was received. [IP: 10.40.12.9 8081]',
    ],
    counterSamples: ['Could not handshake: Error in the certificate verification. [IP: 10.40.12.8 443]'],
  }),
  sig({
    id: 'registry.apt-gnutls-expired',
    cause: 'registry.tls-expired-or-clock',
    // GnuTLS's verification status words every failure "The certificate is NOT trusted." and then the reasons; an
    // expired or not-yet-valid certificate in the chain is the date (the certificate's, or the node's clock).
    re: /certificate verification failed: the certificate is not trusted\.[^\n]{0,300}?the certificate chain uses (?:expired|not yet valid) certificate/,
    anchors: ['uses expired certificate', 'uses not yet valid certificate'],
    confidence: 0.9,
    specificity: 95,
    check: 'date -u on the node against the real time, then echo | openssl s_client -connect <host>:443 -servername <host> 2>/dev/null | openssl x509 -noout -dates: a right clock with notAfter passed is the server\'s certificate (or an expired root in ca-certificates: update it)',
    source: 'apt methods/connect.cc with gnutls_certificate_verification_status_print (GNUTLS_CERT_EXPIRED / GNUTLS_CERT_NOT_ACTIVATED)',
    samples: [
      'Err:7 https://apt.datadoghq.com stable Release\n  Certificate verification failed: The certificate is NOT trusted. The certificate chain uses expired certificate.  Could not handshake: Error in the certificate verification. [IP: 99.84.191.108 443]',
      'W: Failed to fetch https://nexus.corp.example/repository/apt-proxy/dists/bookworm/InRelease  Certificate verification failed: The certificate is NOT trusted. The certificate chain uses not yet valid certificate.  Could not handshake: Error in the certificate verification. [IP: 10.40.12.9 443]',
    ],
    counterSamples: ['Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown.  Could not handshake: Error in the certificate verification. [IP: 10.40.12.9 443]'],
  }),
  sig({
    id: 'registry.apt-gnutls-name-mismatch',
    cause: 'registry.tls-name-mismatch',
    re: /certificate verification failed: the certificate is not trusted\.[^\n]{0,300}?the name in the certificate does not match the expected/,
    anchors: ['name in the certificate does not match'],
    confidence: 0.9,
    specificity: 95,
    check: 'echo | openssl s_client -connect <host>:443 -servername <host> 2>/dev/null | openssl x509 -noout -ext subjectAltName: the source line\'s host must be among the names — use a name the certificate holds, or reissue it',
    source: 'apt methods/connect.cc with gnutls_certificate_verification_status_print (GNUTLS_CERT_UNEXPECTED_OWNER)',
    samples: [
      'Err:1 https://nexus.corp.example/repository/apt-proxy bookworm InRelease\n  Certificate verification failed: The certificate is NOT trusted. The name in the certificate does not match the expected.  Could not handshake: Error in the certificate verification. [IP: 10.40.12.9 443]',
      'W: Failed to fetch https://download.docker.com/linux/ubuntu/dists/noble/InRelease  Certificate verification failed: The certificate is NOT trusted. The name in the certificate does not match the expected.  Could not handshake: Error in the certificate verification. [IP: 10.20.0.9 443]',
    ],
    counterSamples: ['Certificate verification failed: The certificate is NOT trusted. The certificate chain uses expired certificate.  Could not handshake: Error in the certificate verification. [IP: 10.40.12.9 443]'],
  }),
  sig({
    id: 'registry.apt-gnutls-issuer-unknown',
    cause: 'registry.tls-untrusted',
    re: /certificate verification failed: the certificate is not trusted\.(?![^\n]{0,300}?(?:uses expired|uses not yet valid|name in the certificate))[^\n]{0,300}?the certificate issuer is unknown/,
    anchors: ['the certificate issuer is unknown'],
    confidence: 0.95,
    specificity: 95,
    check: 'the CA that issued the repository\'s certificate (a corporate TLS-inspecting proxy\'s, a private CA) must be in /usr/local/share/ca-certificates then update-ca-certificates, or named by Acquire::https::<host>::CAInfo',
    source: 'apt methods/connect.cc with gnutls_certificate_verification_status_print (GNUTLS_CERT_SIGNER_NOT_FOUND)',
    samples: [
      'Err:1 https://packages.microsoft.com/ubuntu/20.04/prod focal InRelease\n  Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown.  Could not handshake: Error in the certificate verification. [IP: 10.1.192.48 912]',
      'Failed to fetch https://download.docker.com/linux/ubuntu/dists/jammy/InRelease  Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown. The received OCSP status response is invalid.  Could not handshake: Error in the certificate verification. [IP: 18.244.61.11 443]',
    ],
    counterSamples: ['Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown. The certificate chain uses expired certificate.  Could not handshake: Error in the certificate verification.'],
  }),
  sig({
    id: 'registry.apt-release-expired',
    cause: 'registry.tls-expired-or-clock',
    // apt's Valid-Until check: the Release file's validity window ended before the node's clock. A node clock ahead,
    // or a mirror that stopped syncing (its signed Release no longer refreshed).
    re: /release file for \S+ is expired \(invalid since [^)\n]{1,40}\)/,
    anchors: ['is expired (invalid since'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'date -u on the node against the real time; with a right clock, the mirror\'s Release Date (curl -s <url>/dists/<suite>/InRelease | grep -e ^Date -e ^Valid-Until) shows a mirror that stopped syncing — switch mirror (snapshot archives need -o Acquire::Check-Valid-Until=false)',
    source: 'apt apt-pkg/acquire-item.cc VerifyVendor ("Release file for %s is expired (invalid since %s). Updates for this repository will not be applied.")',
    samples: [
      'E: Release file for http://deb.debian.org/debian/dists/bookworm/InRelease is expired (invalid since 3d 4h 2min 29s). Updates for this repository will not be applied.',
      'E: Release file for http://snapshot.debian.org/archive/debian/20240101T000000Z/dists/bookworm-updates/InRelease is expired (invalid since 330d 3h 14min 2s). Updates for this repository will not be applied.',
    ],
    counterSamples: ['E: Release file for http://archive.ubuntu.com/ubuntu/dists/jammy/InRelease is not valid yet (invalid for another 7h 39min 41s). Updates for this repository will not be applied.'],
  }),
  sig({
    id: 'registry.apt-hash-sum-mismatch',
    cause: 'registry.proxy',
    // The bytes apt received differ from the hashes its signed index lists: a caching or filtering proxy serving a
    // stale or rewritten file (the most common), or a mirror caught mid-sync. The repository itself is consistent.
    re: /\bhash sum mismatch\b/,
    anchors: ['hash sum mismatch'],
    confidence: 0.5,
    specificity: 88,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'apt-config dump | grep -i proxy (and a transparent proxy on the way: curl -sI <the URL> | grep -i -e via -e x-cache): a cache serving an old copy needs it purged or the host exempted; with no proxy, retry after a while or use another mirror (a mirror mid-sync)',
    source: 'apt apt-pkg/acquire-item.cc (HashSumMismatch: "Hash Sum mismatch", "Hashes of expected file", "Hashes of received file")',
    samples: [
      'Err:4 http://deb.debian.org/debian stretch/main amd64 xxd amd64 2:8.0.0197-4+deb9u1\n  Hash Sum mismatch\n  Hashes of expected file:\n   - SHA256:6cf151f1921bf1e347aa7bef73745844caa40f2d54a33c4b1be1448bb98ca744',
      'E: Failed to fetch http://deb.debian.org/debian/pool/main/k/kubelet/kubelet_1.31.2-1.1_amd64.deb  Hash Sum mismatch',
    ],
    counterSamples: ['E: Failed to fetch http://deb.debian.org/debian/pool/main/k/kubelet/kubelet_1.31.2-1.1_amd64.deb  404  Not Found [IP: 151.101.2.132 80]'],
  }),
  sig({
    id: 'registry.apt-mirror-sync-size',
    cause: 'registry.mirror-misconfigured',
    // An index file whose size differs from what the signed Release lists: the mirror's files and its Release do not
    // belong together (a sync in progress or broken, apt's own guess), or a cache in between holds an old copy.
    re: /file has unexpected size \(\d+ != \d+\)\. mirror sync in progress\?/,
    anchors: ['mirror sync in progress'],
    confidence: 0.65,
    specificity: 92,
    alternatives: ['registry.proxy'],
    check: 'retry after the mirror\'s sync interval; a size mismatch that persists on one mirror (compare the Release\'s listed size with curl -sI <file URL>) is a broken mirror — use another; through a caching proxy, purge its copy',
    source: 'apt apt-pkg/acquire-worker.cc / acquire-item.cc ("File has unexpected size (%llu != %llu). Mirror sync in progress?")',
    samples: [
      'Err:2 http://mirror.corp.example/debian bookworm/main amd64 Packages\n  File has unexpected size (275 != 272). Mirror sync in progress? [IP: 10.40.12.8 80]',
      'E: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/jammy-updates/main/binary-amd64/Packages.gz  File has unexpected size (1793124 != 1792905). Mirror sync in progress? [IP: 185.125.190.36 80]',
    ],
    counterSamples: ['E: Failed to fetch http://deb.debian.org/debian/pool/main/k/kubelet/kubelet_1.31.2-1.1_amd64.deb  Hash Sum mismatch'],
  }),
  sig({
    id: 'registry.apt-package-404',
    cause: 'registry.mirror-misconfigured',
    // A .deb the index lists is not on the server: the index apt holds is older than the mirror (apt-get update not run
    // in the same layer, a mirror that dropped the version) or the mirror is incomplete.
    re: /failed to fetch \S+\.deb {1,2}404 {1,2}not found|\berr:\d+ \S+ [^\n]{1,120}\b(?:amd64|arm64|armhf|i386|all|ppc64el|s390x) \S+\s+404 {1,2}not found/,
    anchors: ['404  not found', '404 not found'],
    confidence: 0.55,
    specificity: 88,
    alternatives: ['image.not-found'],
    check: 'run apt-get update in the same RUN step as the install (a cached update layer lists versions the mirror no longer has); if it persists, the mirror lacks the file — compare with another mirror',
    source: 'apt methods/basehttp.cc status line for an archive fetch, then "E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?"',
    samples: [
      'E: Failed to fetch http://mirrors.tuna.tsinghua.edu.cn/ubuntu/pool/main/d/distro-info-data/distro-info-data_0.28ubuntu0.14_all.deb  404  Not Found',
      'Err:1 http://mirror.corp.example/debian bookworm/main amd64 kubeadm amd64 1.31.2-1.1\n  404  Not Found [IP: 10.40.12.8 80]',
    ],
    counterSamples: ['Err:2 http://deb.debian.org/debian bookworm Release\n  404  Not Found [IP: 151.101.2.132 80]'],
  }),
  sig({
    id: 'registry.apt-repository-signature',
    cause: 'unknown',
    // The repository's signature could not be checked: the key is not in the keyring the source names (signed-by, a
    // rotated key), the file was altered on the way (BADSIG), or the repository is not signed at all. No cause id
    // covers a package signing key; a proxy rewriting the file and a wrong source line are the network's part.
    re: /\bno_pubkey [0-9a-f]{8,40}|\bbadsig [0-9a-f]{8,40}|the repository '[^'\n]+' is not signed\./,
    anchors: ['no_pubkey', 'badsig', 'is not signed.'],
    confidence: 0.3,
    specificity: 70,
    alternatives: ['registry.mirror-misconfigured', 'registry.proxy'],
    check: 'the line above it: a 403/407 or connection error there is the fault (apt then sees no signature); NO_PUBKEY <id> means the key is not in the keyring the source line names (signed-by=…) — fetch the vendor\'s current key into it; BADSIG means the file was changed on the way (a proxy or captive portal) or the mirror is mid-sync',
    source: 'apt methods/gpgv.cc ("The following signatures couldn\'t be verified because the public key is not available: NO_PUBKEY %s", "The following signatures were invalid: BADSIG %s"), apt-pkg/acquire-item.cc ("The repository \'%s\' is not signed.")',
    samples: [
      'W: GPG error: https://download.docker.com/linux/ubuntu noble InRelease: The following signatures couldn\'t be verified because the public key is not available: NO_PUBKEY 7EA0A9C3F273FCD8\nE: The repository \'https://download.docker.com/linux/ubuntu noble InRelease\' is not signed.',
      'Err:1 http://mirror.corp.example/debian bookworm InRelease\n  The following signatures were invalid: BADSIG 2813CFBF9CFA3BA7 Debian Archive',
    ],
    counterSamples: ['W: GPG error: http://deb.debian.org/debian bookworm InRelease: At least one invalid signature was encountered.'],
  }),
  sig({
    id: 'registry.apt-no-release-file',
    cause: 'unknown',
    // 404 on both InRelease and Release: the suite is not at that URL (a retired release moved to an archive, a
    // vendor repository reorganised, a mirror without it, a path typo).
    re: /the repository '[^'\n]+' does not have a release file/,
    anchors: ['does not have a release file'],
    confidence: 0.3,
    specificity: 70,
    alternatives: ['image.not-found', 'registry.mirror-misconfigured'],
    check: 'curl -sI <url>/dists/<suite>/InRelease: 404 means the suite is not there — an end-of-life release moved to archive.debian.org / old-releases.ubuntu.com, a vendor repository moved (apt.kubernetes.io to pkgs.k8s.io), or the codename is wrong for this mirror',
    source: 'apt apt-pkg/acquire-item.cc ("The repository \'%s\' does not have a Release file.")',
    samples: [
      "Err:2 http://deb.debian.org/debian buster Release\n  404  Not Found [IP: 151.101.2.132 80]\nE: The repository 'http://deb.debian.org/debian buster Release' does not have a Release file.",
      "E: The repository 'https://apt.kubernetes.io kubernetes-xenial Release' does not have a Release file.",
    ],
    counterSamples: ["E: The repository 'http://deb.debian.org/debian bookworm InRelease' is not signed."],
  }),
];
