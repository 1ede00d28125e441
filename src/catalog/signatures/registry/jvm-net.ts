import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The JVM's own networking words, read by running them: OpenJDK 17.0.15 (Debian 17.0.15+6-1deb12u1) with small
 * programs using java.net.http.HttpClient, HttpURLConnection, Socket, InetAddress and JNDI's DNS provider
 * (com.sun.jndi.dns), OkHttp 3.13.1 (Debian libokhttp-java), and Maven 3.8.7's resolver (its Apache HttpClient 4 transport), against servers and a CoreDNS
 * 1.14.7 of rjvm's lab in network namespaces. Each text here was printed for the fault named in its comment.
 */
export const JVM_NET_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.jvm-jndi-dns-servfail',
    cause: 'unknown',
    // JNDI's DNS provider turns the resolver's RCODE into the exception's words: response code 2 is SERVFAIL, the
    // resolver could not get an answer (its upstream down or timing out, a broken zone). Which resolver, and for which
    // name, decides the cause: a registry's name on the node's resolver, or a cluster name on CoreDNS.
    re: /\bdns server failure \[response code 2\]/,
    anchors: ['dns server failure [response code 2]'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['registry.dns', 'dns.upstream', 'dns.coredns-down'],
    check: 'ask the same resolver by hand for the same name: dig @<nameserver from the pod\'s or node\'s /etc/resolv.conf> <name> — SERVFAIL there and an answer from the upstream (dig @<upstream> <name>) is the resolver\'s forwarding; CoreDNS\'s log names the upstream it failed on',
    source: 'OpenJDK 17 com.sun.jndi.dns.DnsClient.checkResponseCode (ServiceUnavailableException "DNS server failure [response code 2]")',
    samples: [
      "javax.naming.ServiceUnavailableException: DNS server failure [response code 2]; remaining name 'nosuch.fdr.test'",
      "javax.naming.ServiceUnavailableException: DNS server failure [response code 2]; remaining name 'registry.example.org'",
    ],
    counterSamples: ["javax.naming.NameNotFoundException: DNS name not found [response code 3]; remaining name 'nosuch.fdr.test'"],
  }),
  sig({
    id: 'registry.jvm-jndi-dns-nxdomain',
    cause: 'unknown',
    // Response code 3 is NXDOMAIN: the resolver answered that the name does not exist. A misspelt or unpublished
    // registry name, or a cluster name asked without its namespace or search domain.
    re: /\bdns name not found \[response code 3\]/,
    anchors: ['dns name not found [response code 3]'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['registry.dns', 'dns.search-ndots', 'dns.node-resolver'],
    check: 'the name itself: dig <name> against the same resolver and against a public one — NXDOMAIN everywhere is a wrong or unpublished name; only from that resolver, its zone or split-horizon view; a cluster name needs <svc>.<namespace>.svc.cluster.local',
    source: 'OpenJDK 17 com.sun.jndi.dns.DnsClient.checkResponseCode (NameNotFoundException "DNS name not found [response code 3]")',
    samples: [
      "javax.naming.NameNotFoundException: DNS name not found [response code 3]; remaining name 'nosuch.fdr.test'",
      "javax.naming.NameNotFoundException: DNS name not found [response code 3]; remaining name 'registry.corp.example'",
    ],
    counterSamples: ["javax.naming.ServiceUnavailableException: DNS server failure [response code 2]; remaining name 'nosuch.fdr.test'"],
  }),
  sig({
    id: 'registry.jvm-jndi-dns-no-reply',
    cause: 'unknown',
    // JNDI's DNS provider got no reply at all: "Receive timed out" when the nameserver drops the query (nothing
    // answering at a Service IP, a firewall), PortUnreachableException when nothing listens there (ICMP port
    // unreachable). The resolver is down or unreachable; whose resolver decides the cause.
    re: /\bcommunicationexception: dns error \[root exception is java\.net\.(?:sockettimeoutexception: receive timed out|portunreachableexception)/,
    anchors: ['communicationexception: dns error [root exception is java.net.'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['registry.dns', 'dns.coredns-down', 'dns.service-unreachable', 'dns.node-resolver'],
    check: 'which nameserver was asked (the dns:// URL, or /etc/resolv.conf) and whether it answers: dig @<it> kubernetes.default.svc.cluster.local — no reply from the kube-dns Service IP but a reply from a CoreDNS pod IP is the Service path (kube-proxy); no reply from either, CoreDNS itself (kubectl -n kube-system get pods -l k8s-app=kube-dns)',
    source: 'OpenJDK 17 com.sun.jndi.dns.DnsClient.query (CommunicationException "DNS error", root cause SocketTimeoutException "Receive timed out" or PortUnreachableException)',
    samples: [
      "javax.naming.CommunicationException: DNS error [Root exception is java.net.SocketTimeoutException: Receive timed out]; remaining name 'registry.fdr.test'",
      "javax.naming.CommunicationException: DNS error [Root exception is java.net.PortUnreachableException]; remaining name 'registry.fdr.test'",
    ],
    counterSamples: ["javax.naming.NameNotFoundException: DNS name not found [response code 3]; remaining name 'nosuch.fdr.test'"],
  }),
  sig({
    id: 'registry.apache-httpclient-connect-read-timeout',
    cause: 'unknown',
    // Apache HttpClient 4 (Maven 3.8.7's transport, Jib's) counts the TLS handshake as part of "Connect to": the TCP
    // connection was made and the handshake's read timed out. Two mechanisms give it: a server or middlebox that
    // accepts and says nothing (rjvm's lab, a silent port), and a plain-HTTP registry reading the ClientHello as the
    // start of a request line and waiting for the rest (Jib against a local registry:2 without TLS, jib#3732).
    // A dropped SYN is "connect timed out" in the same frame, and a refused port "Connection refused".
    re: /\bconnect to \S+ \[[^\]]*\] failed: read timed out\b/,
    anchors: ['failed: read timed out'],
    confidence: 0.4,
    specificity: 88,
    alternatives: ['registry.tls-handshake-timeout', 'registry.http-to-https', 'registry.proxy'],
    check: 'curl -sv http://<host>:<port>/v2/ from where the build runs: an HTTP answer means the registry speaks plain HTTP on that port (use http:// or an insecure-registry setting); if that hangs too, openssl s_client -connect <host>:<port> -servername <host> </dev/null hanging after CONNECTED is a handshake that gets no reply (a firewall or MTU black hole, a proxy that must be used)',
    source: 'org.apache.http.impl.conn.DefaultHttpClientConnectionOperator.connect (ConnectTimeoutException "Connect to %s [%s] failed: %s" around SSLConnectionSocketFactory\'s handshake)',
    samples: [
      '[ERROR] Plugin org.apache.maven.plugins:maven-resources-plugin:2.6 or one of its dependencies could not be resolved: Failed to read artifact descriptor for org.apache.maven.plugins:maven-resources-plugin:jar:2.6: Could not transfer artifact org.apache.maven.plugins:maven-resources-plugin:pom:2.6 from/to corp (https://registry.fdr.test:8449/maven2): transfer failed for https://registry.fdr.test:8449/maven2/org/apache/maven/plugins/maven-resources-plugin/2.6/maven-resources-plugin-2.6.pom: Connect to registry.fdr.test:8449 [registry.fdr.test/10.77.0.2] failed: Read timed out -> [Help 1]',
      'Could not transfer artifact org.apache.maven.plugins:maven-resources-plugin:pom:2.6 from/to corp (https://10.77.0.2:8449/maven2): transfer failed for https://10.77.0.2:8449/maven2/org/apache/maven/plugins/maven-resources-plugin/2.6/maven-resources-plugin-2.6.pom: Connect to 10.77.0.2:8449 [/10.77.0.2] failed: Read timed out -> [Help 1]',
    ],
    counterSamples: ['Connect to registry.fdr.test:9 [registry.fdr.test/10.77.0.2] failed: Connection refused'],
  }),
  sig({
    id: 'registry.jdk-httpclient-no-response-bytes',
    cause: 'unknown',
    // java.net.http's HTTP/1.1 reader saw the connection end before a status line: plain HTTP sent to a TLS port
    // (the server drops the non-handshake bytes and resets), or a server or proxy that closed without answering.
    re: /\bhttp\/1\.1 header parser received no bytes\b/,
    anchors: ['header parser received no bytes'],
    confidence: 0.4,
    specificity: 88,
    alternatives: ['registry.http-to-https', 'registry.server-error', 'registry.proxy'],
    check: 'the scheme and port of the URL: curl -sv http://<host>:<port>/ and curl -skv https://<host>:<port>/ — a TLS server on that port answers only the https one; if both fail, the server (or a proxy) is closing connections',
    source: 'OpenJDK 17 jdk.internal.net.http.Http1Response ("HTTP/1.1 header parser received no bytes")',
    samples: [
      'java.io.IOException: HTTP/1.1 header parser received no bytes',
      'java.io.IOException: HTTP/1.1 header parser received no bytes\nCaused by: java.net.SocketException: Connection reset',
    ],
    counterSamples: ['javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?'],
  }),
  sig({
    id: 'registry.jdk-httpclient-content-length-short',
    cause: 'registry.server-error',
    // java.net.http counted fewer body bytes than Content-Length promised before the connection closed: the server
    // (or a proxy in between) cut the response short.
    re: /\bfixed content-length: \d+, bytes received: \d+/,
    anchors: ['fixed content-length:'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['registry.proxy'],
    check: 'fetch the same URL with curl -o /dev/null -w "%{size_download} %{http_code}": short every time is the server (its logs, its storage backend); short only through the proxy, the proxy\'s size or time limits',
    source: 'OpenJDK 17 jdk.internal.net.http.ResponseContent.FixedLengthBodyParser ("fixed content-length: %d, bytes received: %d")',
    samples: [
      'java.io.IOException: fixed content-length: 100000, bytes received: 1000',
      'java.io.IOException: fixed content-length: 100000, bytes received: 1000\nCaused by: java.io.EOFException: EOF reached while reading',
    ],
    counterSamples: ['java.io.IOException: HTTP/1.1 header parser received no bytes'],
  }),
  sig({
    id: 'registry.okhttp-proxy-auth',
    cause: 'registry.proxy',
    // OkHttp 3's tunnel through an HTTP proxy got 407 and its proxy authenticator had nothing to answer with (none
    // set, or it gave up): the proxy wants credentials the client does not send.
    re: /\bfailed to authenticate with proxy\b/,
    anchors: ['failed to authenticate with proxy'],
    confidence: 0.8,
    specificity: 90,
    check: 'the proxy credentials the client is given (OkHttpClient.Builder.proxyAuthenticator, or https.proxyUser/https.proxyPassword for the JVM\'s own clients): curl -v -x http://<proxy>:<port> https://<host>/ shows the 407 and its Proxy-Authenticate scheme',
    source: 'OkHttp 3.13.1 okhttp3.internal.connection.RealConnection.createTunnel ("Failed to authenticate with proxy")',
    samples: [
      'java.io.IOException: Failed to authenticate with proxy',
      'Exception in thread "main" java.io.IOException: Failed to authenticate with proxy',
    ],
    counterSamples: ['java.io.IOException: Unexpected response code for CONNECT: 403'],
  }),
];
