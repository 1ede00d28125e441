import type { Signature } from '../../types.js';
import { sig } from '../define.js';
import { withoutPull } from '../context.js';

/**
 * Application HTTP clients in a pod (Node's undici, http, axios, got, node-fetch; Java's HttpClient and
 * HttpURLConnection; Python's urllib, http.client, ssl and requests; curl; wget; Go's net/http) reporting a proxy
 * tunnel that failed, a TLS handshake that never finished, a connect that timed out or a refused connect.
 * Read from their own printed texts against servers and faults built in a namespace (issue 13). Only the proxy's
 * tunnel words decide a cause; a refusal is read as
 * registry.connection-refused's hedged answer (nothing listens), a connect timeout as unknown with its candidates (as
 * Go's outside a pull), and a 5xx stays ambiguous.http-5xx-outside-pull's unknown.
 */
export const APP_CLIENT_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.app-proxy-tunnel-status',
    cause: 'registry.proxy',
    // The CONNECT through HTTPS_PROXY was answered with a non-200: Python's http.client ("Tunnel connection failed:
    // %d %s"), Java's HttpClient ("Tunnel failed, got: %d"), wget ("Proxy tunneling failed: %s"). Only a proxy tunnels.
    re: /tunnel connection failed: \d{3}\b|\btunnel failed, got: \d{3}\b|proxy tunneling failed: /,
    anchors: ['tunnel connection failed', 'tunnel failed, got', 'proxy tunneling failed'],
    confidence: 0.9,
    specificity: 92,
    check: 'the proxy the program uses (env | grep -i proxy) and its answer to CONNECT (curl -v -x $HTTPS_PROXY https://<host>/): 407 wants credentials, 403 is the proxy\'s policy, 502 the proxy cannot reach the host; NO_PROXY for in-cluster names',
    source: 'CPython http.client HTTPConnection._tunnel; JDK java.net.http (Tunnel failed, got: %d); GNU Wget http.c (Proxy tunneling failed)',
    samples: [
      'urllib.error.URLError: <urlopen error Tunnel connection failed: 403 Forbidden>',
      "requests.exceptions.ProxyError: HTTPSConnectionPool(host='api.lab.svc', port=443): Max retries exceeded with url: / (Caused by ProxyError('Unable to connect to proxy', OSError('Tunnel connection failed: 502 Bad Gateway')))",
      'java.io.IOException: Tunnel failed, got: 502\nCaused by: java.io.IOException: Tunnel failed, got: 502',
      'Connecting to proxy.lab.svc (proxy.lab.svc)|10.0.0.20|:3129... connected.\nProxy tunneling failed: ForbiddenUnable to establish SSL connection.',
    ],
    counterSamples: ['urllib.error.HTTPError: HTTP Error 502: Bad Gateway'],
  }),
  sig({
    id: 'registry.app-status-407',
    cause: 'registry.proxy',
    // 407 Proxy Authentication Required is sent by a proxy only, whatever client reports the number.
    re: /returned error: 407\b|status code 407\b|http error 407\b|response code: 407\b/,
    anchors: ['407'],
    confidence: 0.9,
    specificity: 90,
    check: 'the proxy credentials in HTTPS_PROXY (http://user:password@proxy:port) or the proxy\'s allow-list for this pod\'s address',
    source: 'curl -f (The requested URL returned error: %d), axios and got (Request failed with status code %d), urllib (HTTP Error %d), HttpURLConnection (Server returned HTTP response code: %d)',
    samples: [
      'curl: (22) The requested URL returned error: 407',
      'AxiosError: Request failed with status code 407 (code: ERR_BAD_REQUEST)',
    ],
    counterSamples: ['curl: (22) The requested URL returned error: 403'],
  }),
  sig({
    id: 'registry.app-tls-handshake-timed-out',
    cause: 'registry.tls-handshake-timeout',
    // TCP connected, the ClientHello got no answer: Python's ssl ("_ssl.c:%d: The handshake operation timed out"),
    // curl's OpenSSL backend ("(28) SSL connection timeout").
    // libcurl's own words, in any program built on it (Julia's Downloads, R, PHP), not only the curl tool's.
    re: /_ssl\.c:\d+: the handshake operation timed out|\bssl connection timeout\b/,
    anchors: ['the handshake operation timed out', 'ssl connection timeout'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['flannel.mtu', 'registry.proxy'],
    check: 'whether plain TCP to the port works (nc -vz host port) and whether small requests pass while TLS hangs (MTU: ping -M do -s 1400 across the path); a transparent proxy or firewall holding the handshake',
    source: 'CPython Modules/_ssl.c (socket timed out in do_handshake); curl lib/vtls (SSL connection timeout)',
    samples: [
      'urllib.error.URLError: <urlopen error _ssl.c:989: The handshake operation timed out>',
      'TimeoutError: _ssl.c:989: The handshake operation timed out',
      'curl: (28) SSL connection timeout',
      'RequestError: SSL connection timeout while requesting https://pkg.lab/registries',
    ],
    counterSamples: ['TimeoutError: timed out'],
  }),
  sig({
    id: 'ambiguous.app-connect-timed-out',
    cause: 'unknown',
    // The TCP connect itself timed out (a DROP, a black-holed route, a host that is down): curl, undici, Java,
    // requests/urllib3, wget. Undici and Java HttpClient also count a stalled TLS handshake in their connect time.
    // As for Go's "dial tcp …: i/o timeout" outside a pull, what dropped the SYN is beyond the text: no cause, the
    // candidates and where to look. Undici's connect timeout (10 s) also counts the DNS lookup: a kube-dns Service IP
    // whose packets vanish reads exactly as a SYN that does (the same "attempted address: <host>:<port>"). PHP's curl
    // extension, Perl's IO::Socket::INET, Ruby's Net::OpenTimeout and Rust's io::ErrorKind::TimedOut word the same.
    re: withoutPull(/(?:curl: \(28\)|curl error 28:) failed to connect to \S+ port \d+ after \d+ ms: (timeout was reached|connection timed out)|io::socket::inet: connect: timeout\b|connection timed out - user specified timeout\) \(net::opentimeout\)|kind: timedout, message: "connection timed out"|connecttimeouterror: connect timeout error|httpconnecttimeoutexception: http connect timed out|sockettimeoutexception: connect timed out|connecttimeouterror\([^\n]{0,200}timed out\. \(connect timeout=|\.\.\. failed: connection timed out\./),
    anchors: ['failed to connect to', 'io::socket::inet: connect: timeout', 'net::opentimeout', 'kind: timedout', 'connect timeout error', 'http connect timed out', 'connect timed out', 'connect timeout=', 'failed: connection timed out'],
    confidence: 0.4,
    specificity: 62,
    alternatives: ['registry.connect-timeout', 'node.firewall', 'registry.tls-handshake-timeout', 'dns.service-unreachable'],
    check: 'whether the address answers at all from the pod and from its node (nc -vz -w3 host port): a timeout on both is the target or a firewall dropping SYNs; only from pods, the overlay path (routes, FORWARD policy); an address that exists but never answers is a DROP rule. For Node\'s fetch (undici) first time the lookup in the pod (getent hosts <host>): its connect timeout includes it',
    source: 'curl lib/connect.c; undici ConnectTimeoutError; JDK HttpConnectTimeoutException and PlainSocketImpl; urllib3 ConnectTimeoutError; GNU Wget connect.c',
    samples: [
      'curl: (28) Failed to connect to drop.lab.svc port 80 after 8016 ms: Timeout was reached',
      'TypeError: fetch failed\n  [cause]: ConnectTimeoutError: Connect Timeout Error (attempted address: drop.lab.svc:80, timeout: 10000ms)',
      'java.net.http.HttpConnectTimeoutException: HTTP connect timed out',
      'java.net.SocketTimeoutException: Connect timed out',
      "requests.exceptions.ConnectTimeout: HTTPConnectionPool(host='drop.lab.svc', port=80): Max retries exceeded with url: / (Caused by ConnectTimeoutError(<HTTPConnection(host='drop.lab.svc', port=80) at 0x7f7f3b448690>, 'Connection to drop.lab.svc timed out. (connect timeout=8)'))",
      'Connecting to drop.lab.svc (drop.lab.svc)|10.7.7.7|:80... failed: Connection timed out.\nGiving up.',
      'cURL error 28: Failed to connect to hang.default port 80 after 20000 ms: Timeout was reached',
      'Cannot connect to hang.default:80: IO::Socket::INET: connect: timeout',
      "/usr/lib/ruby/3.1.0/net/http.rb:1001:in `rescue in connect': Failed to open TCP connection to hang.default:80 (Connection timed out - user specified timeout) (Net::OpenTimeout)",
      'called `Result::unwrap()` on an `Err` value: Error { kind: TimedOut, message: "connection timed out" }',
    ],
    counterSamples: ['java.net.SocketTimeoutException: Read timed out'],
  }),
  sig({
    id: 'registry.app-connect-refused',
    cause: 'registry.connection-refused',
    // Nothing listens on the port (or a firewall rejects with RST): Python's errno 111, curl's (7), wget, Java Socket
    // and HttpURLConnection; PHP (its curl extension and its stream wrappers) and Rust's std::net (outside a pull: a
    // Rust registry client's refusal stays with the transport signatures). The same words arise for a proxy port that
    // nothing serves.
    re: new RegExp(String.raw`\[errno 111\] connection refused|(?:curl: \(7\)|curl error 7:) failed to connect to \S+ port \d+ after \d+ ms: (couldn't connect to server|connection refused)|\.\.\. failed: connection refused\.|java\.net\.connectexception: connection refused|` + withoutPull(/connection refused \(os error 111\)|kind: connectionrefused, message: "connection refused"|failed to open stream: connection refused/).source),
    anchors: ['[errno 111] connection refused', 'connection refused (os error 111)', 'kind: connectionrefused', 'failed to open stream: connection refused', 'failed to connect to', 'failed: connection refused', 'java.net.connectexception: connection refused'],
    confidence: 0.6,
    specificity: 62,
    alternatives: ['registry.proxy', 'node.firewall', 'flannel.route-missing', 'dns.search-ndots'],
    check: 'whether the Service has endpoints and the pod listens on that port (kubectl get endpointslices -l kubernetes.io/service-name=<svc>; ss -ltn in the pod); a proxy named in HTTPS_PROXY whose port is closed gives the same text, and curl\'s "Couldn\'t connect to server" also stands for no route to host (ip route get <address> on the node). An outside name refused at an address it should not have: compare getent hosts <name> with getent hosts <name>. (trailing dot) in the pod — a search domain with a wildcard answered first (ndots:5)',
    source: 'CPython ConnectionRefusedError; curl lib/connect.c (Failed to connect to %s port %d after %ld ms); GNU Wget; JDK Net.connect',
    samples: [
      'urllib.error.URLError: <urlopen error [Errno 111] Connection refused>',
      'ConnectionRefusedError: [Errno 111] Connection refused',
      "curl: (7) Failed to connect to api.lab.svc port 81 after 22 ms: Couldn't connect to server",
      'Connecting to api.lab.svc (api.lab.svc)|10.0.0.10|:81... failed: Connection refused.',
      'java.net.ConnectException: Connection refused',
      "cURL error 7: Failed to connect to down.default port 80 after 24 ms: Couldn't connect to server",
      'PHP Warning:  file_get_contents(http://down.default/): Failed to open stream: Connection refused in /app/index.php on line 1',
      'called `Result::unwrap()` on an `Err` value: Os { code: 111, kind: ConnectionRefused, message: "Connection refused" }',
    ],
    counterSamples: ['java.net.ConnectException\nCaused by: java.net.ConnectException\nCaused by: java.nio.channels.ClosedChannelException'],
  }),
  sig({
    id: 'ambiguous.app-no-route-to-host',
    cause: 'unknown',
    // EHOSTUNREACH as Python, Java and wget word it (Go's and Node's forms are read by the transport signatures): a
    // REJECT with icmp-host-prohibited (firewalld's default), a neighbour that never answers ARP (a pod or node gone),
    // or a route of type unreachable. Which of them is beyond the text.
    re: withoutPull(/\[errno 113\] no route to host|no route to host \(os error 113\)|kind: hostunreachable, message: "no route to host"|failed to open stream: no route to host|java\.net\.noroutetohostexception: no route to host|java\.net\.connectexception: no route to host|\.\.\. failed: no route to host\./),
    anchors: ['[errno 113] no route to host', 'no route to host (os error 113)', 'kind: hostunreachable', 'failed to open stream: no route to host', 'noroutetohostexception', 'connectexception: no route to host', 'failed: no route to host'],
    confidence: 0.4,
    specificity: 62,
    alternatives: ['node.firewall', 'flannel.route-missing', 'flannel.stale-fdb'],
    check: 'from the pod\'s node: ip route get <address> (an unreachable or missing route), ip neigh show <address> (FAILED: nothing answers ARP, the target is gone) and iptables-save | grep -i reject (a REJECT with icmp-host-prohibited, firewalld\'s default)',
    source: 'CPython OSError errno 113 (EHOSTUNREACH); JDK NoRouteToHostException; GNU Wget connect.c',
    samples: [
      'urllib.error.URLError: <urlopen error [Errno 113] No route to host>',
      'OSError: [Errno 113] No route to host',
      'java.net.NoRouteToHostException: No route to host',
      'Connecting to unr.lab.svc (unr.lab.svc)|10.8.0.1|:8080... failed: No route to host.',
      'error: No route to host (os error 113)',
      'PHP Warning:  file_get_contents(http://unroute.default/): Failed to open stream: No route to host in /app/index.php on line 1',
    ],
    counterSamples: ['Failed to pull image "reg.lab/web:1": dial tcp 10.0.0.5:443: connect: no route to host'],
  }),
  sig({
    id: 'ambiguous.app-connect-ealready',
    cause: 'unknown',
    // Perl's IO::Socket::INET with a Timeout and Ruby's Net::HTTP connect without blocking; when the first attempt
    // fails with an ICMP error (a host-unreachable REJECT, in the real run) the next connect() call reports EALREADY,
    // "Operation already in progress", and the real errno is lost. Only a tool that blocks shows it.
    re: withoutPull(/io::socket::inet: connect: operation already in progress|operation already in progress - connect\(2\) for [^\s)]+|\(errno::ealready\)/),
    anchors: ['operation already in progress', 'errno::ealready'],
    confidence: 0.4,
    specificity: 62,
    alternatives: ['node.firewall', 'flannel.route-missing', 'registry.connection-refused'],
    check: 'the client hid the error: from the same pod run curl -v <host>:<port> or nc -vz <address> <port> — "No route to host" is a REJECT (iptables-save | grep -i reject) or a route/neighbour missing (ip route get <address> on the node), "Connection refused" nothing listening',
    source: 'Perl IO::Socket (non-blocking connect under Timeout), Ruby socket.rb __connect_nonblock (Errno::EALREADY); real runs against a REJECT --reject-with icmp-host-unreachable',
    samples: [
      'Cannot connect to unroute.default:80: IO::Socket::INET: connect: Operation already in progress',
      "/usr/lib/ruby/3.1.0/socket.rb:1214:in `__connect_nonblock': Failed to open TCP connection to unroute.default:80 (Operation already in progress - connect(2) for 10.96.0.22:80) (Errno::EALREADY)",
    ],
    counterSamples: ['Cannot connect to down.default:80: IO::Socket::INET: connect: Connection refused'],
  }),
];
