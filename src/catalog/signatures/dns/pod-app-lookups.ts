import type { Signature } from '../../types.js';
import { withoutPull } from '../context.js';
import { sig } from '../define.js';

/**
 * Programs in a pod (Java, Node, Python, Ruby, PHP, Perl, Rust, curl, wget; Go's cgo resolver) whose name lookup
 * failed, read in real runs with a pod-style resolv.conf (search <ns>.svc.cluster.local svc.cluster.local
 * cluster.local, options ndots:5) against CoreDNS 1.14.7: stopped, its Service IP black-holed, forwarding to a dead,
 * a refusing or a SERVFAIL-answering upstream, answering NXDOMAIN for a wrong or a headless Service (issue 13).
 * None of these texts names the server or what it answered, so none decides a cause. What they do tell is the class
 * of the getaddrinfo error: EAI_AGAIN ("Temporary failure in name resolution", EAI_AGAIN, [Errno -3]) is no usable
 * answer — no reply, a refusal or SERVFAIL, the DNS path or CoreDNS's upstream — and EAI_NONAME ("Name or service
 * not known", ENOTFOUND, [Errno -2]) is an answer that the name does not exist, so the path to CoreDNS works and the
 * name is what to check. Some clients do not even say which: their answers list every candidate.
 */
export const POD_APP_LOOKUP_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.app-lookup-no-answer',
    cause: 'unknown',
    // glibc's EAI_AGAIN as each runtime words it. Seen for a stopped CoreDNS (ICMP port unreachable), a kube-dns
    // Service IP whose packets vanish, and CoreDNS answering SERVFAIL because its forward target timed out, refused
    // or answered SERVFAIL — the same words every time. libcurl's "Resolving timed out" is its own resolver timeout.
    re: withoutPull(/temporary failure in name resolution|getaddrinfo eai_again\b|\[errno -3\] |resolving timed out after \d+ milli/),
    anchors: ['temporary failure in name resolution', 'getaddrinfo eai_again', '[errno -3] ', 'resolving timed out'],
    confidence: 0.4,
    specificity: 85,
    alternatives: ['dns.service-unreachable', 'dns.coredns-down', 'dns.upstream', 'dns.search-ndots'],
    check: 'EAI_AGAIN is no usable answer (no reply, a refusal or SERVFAIL); a name that does not exist reads "Name or service not known"/ENOTFOUND instead. In the pod: cat /etc/resolv.conf, then nslookup <name> <its nameserver> and nslookup <name> <a CoreDNS pod IP> (kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide): only the Service IP failing is kube-proxy\'s path to CoreDNS; both failing, CoreDNS is down; SERVFAIL only for names outside the cluster, kubectl -n kube-system logs -l k8s-app=kube-dns shows the forward errors (upstream); a search domain of the node\'s that times out stalls every outside name',
    source: 'glibc getaddrinfo EAI_AGAIN; Node.js dns (getaddrinfo EAI_AGAIN), CPython socket.gaierror [Errno -3], JDK UnknownHostException, PHP php_network_getaddresses, Ruby SocketError, Rust std::net, GNU Wget, libcurl (Resolving timed out after %d milliseconds); real runs against CoreDNS 1.14.7 stopped, black-holed and forwarding to a dead, a refusing and a SERVFAIL-answering upstream',
    samples: [
      'Exception in thread "main" java.net.UnknownHostException: web.default: Temporary failure in name resolution',
      'Error: getaddrinfo EAI_AGAIN web.default',
      "urllib3.exceptions.NameResolutionError: HTTPConnection(host='api.example.org', port=80): Failed to resolve 'api.example.org' ([Errno -3] Temporary failure in name resolution)",
      'PHP Warning:  file_get_contents(): php_network_getaddresses: getaddrinfo for web.default failed: Temporary failure in name resolution in /app/index.php on line 1',
      'called `Result::unwrap()` on an `Err` value: Custom { kind: Uncategorized, error: "failed to lookup address information: Temporary failure in name resolution" }',
      'cURL error 28: Resolving timed out after 20000 milliseconds',
      'Resolving api.example.net (api.example.net)... failed: Temporary failure in name resolution.',
    ],
    counterSamples: [
      'socket.gaierror: [Errno -2] Name or service not known',
      'Failed to pull image "registry.lab:5000/app:1": dial tcp: lookup registry.lab: Temporary failure in name resolution',
    ],
  }),
  sig({
    id: 'dns.app-lookup-name-not-found',
    cause: 'unknown',
    // glibc's EAI_NONAME/EAI_NODATA as each runtime words it: every name the search list made was answered NXDOMAIN
    // (or no address). Seen for a Service name with a wrong namespace, a misspelt one, and a headless Service whose
    // pods are not ready (CoreDNS answers NXDOMAIN for it). The DNS path worked; the name is what to check.
    re: withoutPull(/name or service not known|getaddrinfo enotfound\b|\[errno -2\] |no address associated with hostname/),
    anchors: ['name or service not known', 'getaddrinfo enotfound', '[errno -2] ', 'no address associated with hostname'],
    confidence: 0.4,
    specificity: 85,
    alternatives: ['dns.search-ndots', 'dns.node-resolver'],
    check: 'the DNS answered that the name does not exist, so the path to CoreDNS works: kubectl get svc -A | grep <service> (a Service in another namespace needs <service>.<namespace>; a typo answers the same); a headless Service with no ready pods is NXDOMAIN too (kubectl get endpointslices -n <ns> -l kubernetes.io/service-name=<service>); a name outside the cluster: nslookup <name>. (with the trailing dot) in the pod; a process on the node (hostNetwork without ClusterFirstWithHostNet) does not search cluster.local at all',
    source: 'glibc getaddrinfo EAI_NONAME ("Name or service not known"); Node.js dns (ENOTFOUND), CPython [Errno -2], JDK, PHP, Ruby, Rust, GNU Wget; CoreDNS kubernetes plugin answers NXDOMAIN for a headless Service without ready endpoints (coredns/coredns#1814, kubernetes/dns#245); real runs',
    samples: [
      'Exception in thread "main" java.net.UnknownHostException: db.default: Name or service not known',
      'Error: getaddrinfo ENOTFOUND web.wrongns',
      'socket.gaierror: [Errno -2] Name or service not known',
      "/usr/lib/ruby/3.1.0/socket.rb:227:in `getaddrinfo': Failed to open TCP connection to db.default:80 (getaddrinfo: Name or service not known) (SocketError)",
      'Resolving webb.default (webb.default)... failed: Name or service not known.',
    ],
    counterSamples: ['Error: getaddrinfo EAI_AGAIN web.default', 'Error response from daemon: Get "https://registry.lab/v2/": dial tcp: lookup registry.lab: Name or service not known'],
  }),
  sig({
    id: 'dns.app-lookup-failed-unworded',
    cause: 'unknown',
    // Clients whose words do not carry the resolver's error at all: Java's HttpClient (UnresolvedAddressException
    // under a message-less ConnectException), Perl's IO::Socket::INET ("Bad hostname"), Ruby's own Resolv ("no address
    // for", the same for NXDOMAIN and for a server that never answered — Resolv gives up on the first search domain
    // that times out) and wget's "Resolving … failed: Connection timed out." (a lookup, not a connect, timing out).
    re: /java\.nio\.channels\.unresolvedaddressexception|io::socket::inet: bad hostname '|no address for \S+ \(resolv::resolverror\)|\bresolving \S+ \(\S+\)\.\.\. failed: connection timed out\./,
    anchors: ['unresolvedaddressexception', 'bad hostname', 'resolv::resolverror', 'failed: connection timed out.'],
    confidence: 0.4,
    specificity: 85,
    alternatives: ['dns.coredns-down', 'dns.service-unreachable', 'dns.upstream', 'dns.search-ndots'],
    check: 'these words do not say whether the server answered: in the pod run getent hosts <name> (glibc, the same resolver these programs use, except Ruby\'s Resolv, which reads /etc/resolv.conf itself) and nslookup <name>: "Temporary failure"/timeouts point at the path to CoreDNS or its upstream, NXDOMAIN at the name; Resolv failing where getent succeeds is a search domain timing out (ndots:5 expansion)',
    source: 'JDK java.net.http (ConnectException caused by UnresolvedAddressException), Perl IO::Socket::INET ("Bad hostname \'%s\'"), Ruby resolv.rb ("no address for %s"), GNU Wget host.c; real runs against CoreDNS 1.14.7 stopped, black-holed, NXDOMAIN, and a pod-style search list with a dead search domain',
    samples: [
      'Caused by: java.nio.channels.UnresolvedAddressException',
      "Cannot connect to web.default:80: IO::Socket::INET: Bad hostname 'web.default'",
      "/usr/lib/ruby/3.1.0/resolv.rb:94:in `getaddress': no address for api.example.com (Resolv::ResolvError)",
      'Resolving big.default (big.default)... failed: Connection timed out.',
    ],
    counterSamples: ['Connecting to hang.default (hang.default)|10.96.0.23|:80... failed: Connection timed out.'],
  }),
  sig({
    id: 'dns.java-httpclient-connect-unworded',
    cause: 'unknown',
    // The JDK's HttpClient throws java.net.ConnectException with no message both when the host name did not resolve
    // (caused by UnresolvedAddressException) and when the connect was refused (caused by ClosedChannelException): the
    // top line alone decides nothing; the Caused by chain does.
    re: /\bjava\.net\.connectexception(?![:\w.])|java\.nio\.channels\.closedchannelexception/,
    anchors: ['java.net.connectexception', 'closedchannelexception'],
    confidence: 0.4,
    specificity: 60,
    alternatives: ['dns.coredns-down', 'dns.service-unreachable', 'registry.connection-refused'],
    check: 'read the whole stack trace: "Caused by: java.nio.channels.UnresolvedAddressException" is a failed lookup (getent hosts <host> in the pod), "ClosedChannelException" a refused connect (kubectl get endpointslices for the Service; ss -ltn in the target pod)',
    source: 'JDK 17 java.net.http PlainHttpConnection.connectAsync / Utils.toConnectException (a ConnectException with a null message); real runs: lookup failures and a refused port',
    samples: [
      'Exception in thread "main" java.net.ConnectException\n\tat java.net.http/jdk.internal.net.http.HttpClientImpl.send(HttpClientImpl.java:574)',
      'Caused by: java.net.ConnectException',
      'Caused by: java.nio.channels.ClosedChannelException',
    ],
    counterSamples: ['Exception in thread "main" java.net.ConnectException: No route to host'],
  }),
];
