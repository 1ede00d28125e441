import type { Signature } from '../../types.js';
import { sig } from '../define.js';
import { besidePull } from '../context.js';

/**
 * The everyday client programs run against a registry, a package index or an artifact server: curl 7.88, wget 1.21
 * (GnuTLS), git 2.39 (libcurl-gnutls), openssl s_client 3.0, Python 3.11's ssl/urllib and pip 23 (urllib3). Each text
 * here was printed by the program against a fault built on loopback (an unknown CA, a wrong-name certificate, plain
 * HTTP on the TLS port, a closed port, a silent port, a proxy answering 407/403, 429/5xx bodies, a server closing
 * mid-transfer, a resolver failing), and is read by that mechanism.
 */
export const CLIENT_PROGRAM_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.wget-cert-owner-mismatch',
    cause: 'registry.tls-name-mismatch',
    // wget's ssl_check_certificate (src/openssl.c and src/gnutls.c): the certificate chains to a trusted CA but none
    // of its names is the host wget dialled.
    re: /the certificate's owner does not match hostname/,
    anchors: ["certificate's owner does not match"],
    confidence: 0.9,
    specificity: 90,
    source: 'wget src/gnutls.c / src/openssl.c ssl_check_certificate ("The certificate\'s owner does not match hostname %s")',
    samples: [
      "Connecting to harbor.corp.example.com (harbor.corp.example.com)|10.40.12.7|:443... connected.\nThe certificate's owner does not match hostname ‘harbor.corp.example.com’",
      "The certificate's owner does not match hostname 'REDACTED'",
    ],
    counterSamples: ["ERROR: The certificate of ‘harbor.corp.example.com’ doesn't have a known issuer."],
  }),
  sig({
    id: 'registry.gnutls-subject-name-mismatch',
    cause: 'registry.tls-name-mismatch',
    // libcurl built with GnuTLS (Debian's git, curl-gnutls): gtls.c compares the certificate's names with the host and
    // prints the certificate's subject CN beside the name it wanted.
    re: /ssl: certificate subject name \([^)\n]{0,200}\) does not match target host name/,
    anchors: ['does not match target host name'],
    confidence: 0.9,
    specificity: 90,
    source: 'curl lib/vtls/gtls.c ("SSL: certificate subject name (%s) does not match target host name \'%s\'")',
    samples: [
      "fatal: unable to access 'https://gitlab.corp.example.com/platform/deploy-config.git/': SSL: certificate subject name (ingress.local) does not match target host name 'gitlab.corp.example.com'",
      "curl: (60) SSL: certificate subject name (*.apps.internal) does not match target host name 'REDACTED'",
    ],
    counterSamples: ["curl: (60) SSL: no alternative certificate subject name matches target host name 'harbor.corp.example.com'"],
  }),
  sig({
    id: 'registry.openssl-verify-code-hostname',
    cause: 'registry.tls-name-mismatch',
    // openssl s_client -verify_hostname: X509_V_ERR_HOSTNAME_MISMATCH (62) is the result of the verification, which
    // the generic "certificate verify failed" line above it does not name.
    re: /verify return code: 62 \(hostname mismatch\)/,
    anchors: ['62 (hostname mismatch)'],
    confidence: 0.9,
    specificity: 92,
    source: 'openssl apps/s_client.c print_stuff ("Verify return code: %ld (%s)") with X509_V_ERR_HOSTNAME_MISMATCH',
    samples: [
      '40D7AB6B9C7F0000:error:0A000086:SSL routines:tls_post_process_server_certificate:certificate verify failed:../ssl/statem/statem_clnt.c:1889:\nno peer certificate available\nVerify return code: 62 (hostname mismatch)',
      'Verify return code: 62 (hostname mismatch)',
    ],
    counterSamples: ['Verify return code: 18 (self-signed certificate)'],
  }),
  sig({
    id: 'registry.gnutls-unexpected-packet',
    cause: 'registry.http-to-https',
    // GnuTLS reading a TLS record whose type is not one it expects (GNUTLS_E_UNEXPECTED_PACKET): the first bytes back
    // were not a ServerHello — a plain-HTTP server on the port dialled with https. A proxy or captive portal answering
    // in clear text gives the same.
    re: /(?:gnutls(?:_handshake\(\) failed)?: )an unexpected tls packet was received/,
    anchors: ['an unexpected tls packet was received'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['registry.proxy'],
    check: 'curl -v http://<host>:<port>/ (plain HTTP): an HTTP answer means the server speaks HTTP there — use http:// or the TLS port (and mark the registry insecure only if it really has no TLS); an answer from a proxy or portal means the path goes through it',
    source: 'GnuTLS lib/errors.c (GNUTLS_E_UNEXPECTED_PACKET "An unexpected TLS packet was received."), as wget and curl-gnutls print it',
    samples: [
      "Connecting to harbor.corp.example.com (harbor.corp.example.com)|10.40.12.7|:5000... connected.\nGnuTLS: An unexpected TLS packet was received.\nUnable to establish SSL connection.",
      "fatal: unable to access 'https://gitlab.corp.example.com:8929/platform/deploy-config.git/': gnutls_handshake() failed: An unexpected TLS packet was received.",
    ],
    counterSamples: ["fatal: unable to access 'https://REDACTED/repo.git/': gnutls_handshake() failed: The TLS connection was non-properly terminated."],
  }),
  sig({
    id: 'registry.curl-couldnt-connect',
    cause: 'registry.connection-refused',
    // curl 7.83+ reports every failed connect() as CURLE_COULDNT_CONNECT "Couldn't connect to server" (no longer the
    // errno): fast failures after a few ms are a refusal (or an ICMP unreachable). Beside a registry only.
    re: besidePull(/failed to connect to \S+ port \d+ after \d+ ms: couldn't connect to server/),
    anchors: ["couldn't connect to server"],
    confidence: 0.6,
    specificity: 61,
    alternatives: ['node.firewall', 'registry.mirror-misconfigured'],
    check: 'nc -vz <host> <port> from the same machine: "Connection refused" means nothing listens there (wrong port, service down); "No route to host" is a firewall REJECT or a route',
    source: 'curl lib/connect.c ("Failed to connect to %s port %u after %" FMT_TIMEDIFF_T " ms: %s" with curl_easy_strerror(CURLE_COULDNT_CONNECT))',
    samples: [
      "curl: (7) Failed to connect to harbor.corp.example.com port 443 after 2 ms: Couldn't connect to server",
      "RUN curl -fsSL https://harbor.corp.example.com/v2/\ncurl: (7) Failed to connect to REDACTED port 5000 after 0 ms: Couldn't connect to server",
    ],
    counterSamples: ["curl: (7) Failed to connect to api.example.com port 8080 after 0 ms: Couldn't connect to server"],
  }),
  sig({
    id: 'registry.client-proxy-connect-failed',
    cause: 'registry.proxy',
    // curl, git and wget failing to connect to the proxy they were given (https_proxy): the host is a proxy by name or
    // the port is a proxy's (Squid 3128/3129, Privoxy 8118), not the server's.
    re: /failed to connect to (?:(?:[\w-]*-)?proxy[\w.-]*|\S+ port (?:3128|3129|8118)\b)[^\n]{0,80}?(?:couldn't connect to server|connection refused|timed out|timeout was reached)|connecting to (?:[\w-]*-)?proxy[\w.-]* \([^)\n]{0,200}\)\|[^|\n]{1,60}\|:\d+\.\.\. failed: (?:connection refused|connection timed out)/,
    anchors: ['to proxy', '-proxy', 'port 3128', 'port 3129', 'port 8118'],
    confidence: 0.75,
    specificity: 70,
    alternatives: ['registry.connection-refused', 'registry.connect-timeout'],
    check: 'env | grep -i proxy (and git config --get http.proxy, ~/.wgetrc, pip.conf): is that proxy the right host and port, and up? Where the server is reachable directly, leave the proxy out (NO_PROXY)',
    source: 'curl lib/connect.c ("Failed to connect to %s port %u …") with the proxy as the peer; wget src/connect.c ("Connecting to %s (%s)|%s|:%d... failed: %s")',
    samples: [
      "fatal: unable to access 'https://gitlab.corp.example.com/platform/deploy-config.git/': Failed to connect to proxy.corp.example.com port 3128 after 9 ms: Couldn't connect to server",
      "curl: (7) Failed to connect to 10.0.0.8 port 3128 after 7 ms: Couldn't connect to server",
      'Connecting to proxy.corp.example.com (proxy.corp.example.com)|10.0.0.8|:3128... failed: Connection refused.',
    ],
    counterSamples: ["curl: (7) Failed to connect to harbor.corp.example.com port 443 after 2 ms: Couldn't connect to server"],
  }),
  sig({
    id: 'registry.client-bare-refused',
    cause: 'registry.connection-refused',
    // wget and openssl s_client being refused, beside a registry or package host: nothing listens on that port.
    re: besidePull(/\|:\d+\.\.\. failed: connection refused|bio_connect:connection refused/),
    anchors: ['... failed: connection refused', 'bio_connect:connection refused'],
    confidence: 0.75,
    specificity: 61,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'ss -ltnp on the server (is it listening on that port?) and which address the client resolves the host to',
    source: 'wget src/connect.c ("... failed: %s" with ECONNREFUSED); openssl crypto/bio/bio_sock2.c (BIO_connect "calling connect()")',
    samples: [
      'Connecting to harbor.corp.example.com (harbor.corp.example.com)|10.40.12.7|:443... failed: Connection refused.',
      'openssl s_client -connect harbor.corp.example.com:443\n40771E62E87F0000:error:8000006F:system library:BIO_connect:Connection refused:../crypto/bio/bio_sock2.c:117:calling connect()',
    ],
    counterSamples: ['40771E62E87F0000:error:8000006F:system library:BIO_connect:Connection refused:../crypto/bio/bio_sock2.c:117:calling connect()'],
  }),
  sig({
    id: 'registry.wget-connect-timeout',
    cause: 'registry.connect-timeout',
    // wget's connect timing out (the SYN unanswered), beside a registry or package host.
    re: besidePull(/\|:\d+\.\.\. failed: connection timed out/),
    anchors: ['failed: connection timed out'],
    confidence: 0.75,
    specificity: 66,
    alternatives: ['node.firewall', 'registry.proxy'],
    check: 'from the same machine: nc -vz -w5 <host> <port> and env | grep -i proxy — a timeout with no proxy set is a firewall or a route; a site that reaches out only through a proxy needs it set for wget too',
    source: 'wget src/connect.c ("Connecting to %s|%s|:%d... failed: %s" with ETIMEDOUT)',
    samples: [
      'Connecting to harbor.corp.example.com (harbor.corp.example.com)|10.40.12.7|:443... failed: Connection timed out.\nGiving up.',
      'Connecting to nexus.corp.example.com (nexus.corp.example.com)|REDACTED|:8081... failed: Connection timed out.',
    ],
    counterSamples: ['Connecting to api.example.com (api.example.com)|10.0.0.1|:8080... failed: Connection timed out.'],
  }),
  sig({
    id: 'registry.pip-retry-refused',
    cause: 'registry.connection-refused',
    // pip's urllib3 retry warning while fetching an index page or a distribution: the index host refused.
    re: /after connection broken by 'newconnectionerror\([^\n]{0,200}\[errno 111\] connection refused[^\n]{0,20}': \/\S*(?:simple|packages)\//,
    anchors: ['after connection broken by'],
    confidence: 0.6,
    specificity: 66,
    alternatives: ['registry.mirror-misconfigured', 'registry.proxy'],
    check: 'the index URL pip uses (pip config list; --index-url / PIP_INDEX_URL): is that host listening on that port (nc -vz host port)? Through a proxy, "Cannot connect to proxy" names the proxy instead',
    source: 'pip/_vendor/urllib3/connectionpool.py ("Retrying (%r) after connection broken by \'%r\': %s") with NewConnectionError',
    samples: [
      "WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f2e4a8cda90>: Failed to establish a new connection: [Errno 111] Connection refused')': /repository/pypi-proxy/simple/requests/",
      "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused')': /simple/requests/",
    ],
    counterSamples: ["WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ProxyError('Cannot connect to proxy.', NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused'))': /simple/requests/"],
  }),
  sig({
    id: 'registry.pip-index-lookup-again',
    cause: 'dns.node-resolver',
    // pip cannot resolve its index host and getaddrinfo says EAI_AGAIN (-3, "Temporary failure in name resolution"):
    // the resolver where pip runs did not answer (SERVFAIL, a timeout, no server listening) — a name that does not
    // exist is EAI_NONAME (-2) instead. In a docker build or on a node that resolver is the node's.
    re: /(?:after connection broken by '|could not install packages due to an oserror: httpsconnectionpool\(host=)[^\n]{0,400}failed to establish a new connection: \[errno -3\] temporary failure in name resolution/,
    anchors: ['after connection broken by', 'could not install packages due to an oserror'],
    confidence: 0.6,
    specificity: 86,
    alternatives: ['registry.dns', 'dns.upstream', 'dns.coredns-down', 'registry.proxy'],
    check: 'getent hosts <index host> where pip runs (in a docker build, inside a container of that build) and cat /etc/resolv.conf there: a silent or failing nameserver is the node\'s resolver (or, in a pod, cluster DNS); a site that reaches outside names only through a proxy needs it given to pip',
    source: 'pip/_vendor/urllib3 NewConnectionError with socket.gaierror [Errno -3] (EAI_AGAIN) while fetching /simple/ or a distribution',
    samples: [
      "WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f8a59bc5590>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /repository/pypi-proxy/simple/requests/",
      "ERROR: Could not install packages due to an OSError: HTTPSConnectionPool(host='nexus.corp.example.com', port=443): Max retries exceeded with url: /repository/pypi-proxy/packages/requests-2.31.0-py3-none-any.whl (Caused by NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7ffa62289590>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution'))",
    ],
    counterSamples: [
      'socket.gaierror: [Errno -3] Temporary failure in name resolution',
      "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f8c07755430>: Failed to establish a new connection: [Errno -2] Name or service not known')': /simple/tensorflow-hub/",
    ],
  }),
  sig({
    id: 'registry.client-status-429',
    cause: 'image.rate-limited',
    // curl -f and git over libcurl: the server answered 429 Too Many Requests — throttling by the server (a registry,
    // an artifact repository, a git host).
    re: /the requested url returned error: 429\b/,
    anchors: ['returned error: 429'],
    confidence: 0.8,
    specificity: 85,
    alternatives: ['registry.proxy'],
    check: 'curl -sI <url> and read Retry-After and RateLimit-* headers: wait, authenticate (a higher quota), or use a mirror or cache',
    source: 'curl lib/http.c ("The requested URL returned error: %d") with status 429 (RFC 6585 §4)',
    samples: [
      'curl: (22) The requested URL returned error: 429',
      "fatal: unable to access 'https://gitlab.corp.example.com/platform/deploy-config.git/': The requested URL returned error: 429",
    ],
    counterSamples: ['curl: (22) The requested URL returned error: 404'],
  }),
  sig({
    id: 'registry.client-status-5xx',
    cause: 'registry.server-error',
    // curl -f / git answered with a 5xx by a registry or package repository's own URL.
    re: besidePull(/the requested url returned error: 5\d\d\b/),
    anchors: ['returned error: 5'],
    confidence: 0.7,
    specificity: 80,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    check: 'fetch the same URL from elsewhere (curl -sI <url>): a 5xx there too is the server\'s (its logs, its storage backend); a 5xx only from this machine is a proxy in between',
    source: 'curl lib/http.c ("The requested URL returned error: %d") with a 5xx status',
    samples: [
      'RUN curl -fsSL https://harbor.corp.example.com/v2/ -o /dev/null\ncurl: (22) The requested URL returned error: 503',
      'curl -fsSL https://nexus.corp.example.com/repository/raw/helm.tgz\ncurl: (22) The requested URL returned error: 500',
    ],
    counterSamples: ['curl: (22) The requested URL returned error: 503'],
  }),
  sig({
    id: 'registry.git-no-credentials',
    cause: 'image.auth-missing',
    // git over HTTP got a 401 and, with no credential helper answer and prompting off (CI, GIT_TERMINAL_PROMPT=0),
    // had no username to send: credentials are missing, not rejected.
    re: /could not read username for '[^'\n]{1,300}': (?:terminal prompts disabled|no such device or address)/,
    anchors: ['could not read username for'],
    confidence: 0.8,
    specificity: 88,
    // GitHub and GitLab answer 401 for a repository that does not exist as for a private one (they do not say which
    // exists), so a typo'd path asks for a username too.
    alternatives: ['image.auth-rejected', 'image.not-found'],
    check: 'git config --get-all credential.helper and the job\'s token variables: the clone URL needs credentials (a token in the URL, a credential helper, or a deploy token); if the repository should be public, check its visibility and the spelling of its path (a repository that does not exist asks for credentials too)',
    source: 'git credential.c credential_ask_one ("could not read %s: %s") after an HTTP 401 with GIT_TERMINAL_PROMPT=0 or no tty',
    samples: [
      "fatal: could not read Username for 'https://gitlab.corp.example.com': terminal prompts disabled",
      "fatal: could not read Username for 'https://REDACTED': No such device or address",
    ],
    counterSamples: ["remote: HTTP Basic: Access denied\nfatal: Authentication failed for 'https://gitlab.corp.example.com/platform/deploy-config.git/'"],
  }),
  sig({
    id: 'registry.client-status-401',
    cause: 'image.auth-missing',
    // curl -f: 401 Unauthorized from the server — it wants credentials; curl sends none unless -u or a netrc gives them.
    re: /the requested url returned error: 401\b/,
    anchors: ['returned error: 401'],
    confidence: 0.6,
    specificity: 80,
    alternatives: ['image.auth-rejected'],
    check: 'were credentials sent (curl -u, --netrc, an Authorization header)? None: add them; some: they were refused — check the user, token and its scope',
    source: 'curl lib/http.c ("The requested URL returned error: %d") with 401',
    samples: ['curl: (22) The requested URL returned error: 401', "fatal: unable to access 'https://REDACTED/x.git/': The requested URL returned error: 401"],
    counterSamples: ['curl: (22) The requested URL returned error: 403'],
  }),
  sig({
    id: 'ambiguous.git-repository-not-found',
    cause: 'unknown',
    // git over HTTP: the server answered 404 for info/refs. Git hosts answer 404 for private repositories to clients
    // without access as well as for absent ones, so the text does not decide.
    re: /fatal: repository '[^'\n]{1,300}' not found/,
    anchors: ['fatal: repository'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['image.not-found', 'image.auth-missing'],
    check: 'open the repository URL in a browser logged in as the job\'s user (or git ls-remote with its token): absent means a wrong path; present means the token lacks access to it',
    source: 'git remote-curl.c discover_refs ("repository \'%s\' not found") on HTTP 404',
    samples: [
      "fatal: repository 'https://gitlab.corp.example.com/platform/deploy-config.git/' not found",
      "remote: Repository not found.\nfatal: repository 'https://github.com/REDACTED/charts.git/' not found",
    ],
    counterSamples: ['Error response from daemon: repository harbor.corp.example.com/platform/api not found: does not exist or no pull access'],
  }),
  sig({
    id: 'registry.client-transfer-cut',
    cause: 'registry.server-error',
    // The body stopped before its Content-Length: the server (or something in between) closed the connection
    // mid-transfer — curl (18), wget's read error at byte N, urllib3/http.client's premature close.
    re: besidePull(/transfer closed with \d+ bytes remaining to read|read error at byte \d+\/\d+|remotedisconnected\('remote end closed connection without response'\)|incompleteread\(\d+ bytes read, \d+ more expected\)/),
    anchors: ['bytes remaining to read', 'read error at byte', 'remote end closed connection', 'incompleteread('],
    confidence: 0.6,
    specificity: 66,
    alternatives: ['registry.proxy', 'flannel.mtu'],
    check: 'download the same URL again and from another machine: the same cut everywhere is the server (its logs, a restart, a body limit); only from here is a proxy or middlebox between',
    source: 'curl lib/transfer.c ("transfer closed with %" FMT_OFF_T " bytes remaining to read"); wget src/http.c ("Read error at byte %s/%s (%s)"); http.client RemoteDisconnected and IncompleteRead',
    samples: [
      'RUN curl -fsSLO https://nexus.corp.example.com/repository/raw/helm-3.14.0.tgz\ncurl: (18) transfer closed with 999000 bytes remaining to read',
      "pip._vendor.urllib3.exceptions.MaxRetryError: HTTPSConnectionPool(host='nexus.corp.example.com', port=443): Max retries exceeded with url: /repository/pypi-proxy/packages/requests-2.31.0-py3-none-any.whl (Caused by ProtocolError('Connection aborted.', RemoteDisconnected('Remote end closed connection without response')))",
    ],
    counterSamples: ['curl: (18) transfer closed with 999000 bytes remaining to read'],
  }),
];
