import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Registry TLS and transport failures as client stacks other than Go's net/http word them (Rust's rustls under
 * reqwest, .NET's certificate chain status), and wrappers that keep only a gRPC code of the transport's failure.
 */
export const CLIENT_STACK_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.rustls-plain-http-reply',
    cause: 'registry.http-to-https',
    // rustls reading a plain-HTTP reply as TLS records: the first bytes ("HTTP/1.1 400") parse as a record type it
    // does not know or a length past the limit. The port speaks HTTP and the client was told https (or a proxy's
    // URL given with https:// answers in plain HTTP).
    re: /error trying to connect: (record overflow|received corrupt message( of type invalidcontenttype)?)|peer sent (an )?(oversized record|corrupt message)|invalidmessage\(invalidcontenttype\)/,
    anchors: ['error trying to connect', 'oversized record', 'corrupt message', 'invalidcontenttype'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['registry.proxy'],
    check: 'curl -v http://<host>:<port>/v2/ (plain): an answer there means the registry serves HTTP on that port — give the client http:// or its insecure-registry option (or use the TLS port); if the URL is a proxy\'s, its scheme must be http:// for an ordinary HTTP proxy',
    source: 'rustls (InvalidMessage::InvalidContentType, "received corrupt message", record overflow) as reqwest/hyper print it ("error trying to connect: …")',
    samples: [
      'Error: error sending request for url (https://localhost:5000/v2/): error trying to connect: record overflow',
      'Error: error sending request for url (https://registry.lab:5000/v2/app/manifests/1.0): error trying to connect: received corrupt message of type InvalidContentType',
    ],
    counterSamples: ['Error: error sending request for url (https://registry.lab:5000/v2/): error trying to connect: tcp connect error: Connection refused (os error 111)'],
  }),
  sig({
    id: 'registry.dotnet-chain-untrusted-and-dated',
    cause: 'registry.tls-untrusted',
    // .NET lists every chain status flag. With UntrustedRoot among them the chain ends at an authority the client
    // does not trust, whatever the dates say; a time flag beside it may be that authority's own test certificate or
    // a wrong clock, so both are named.
    re: /errors in the certificate chain: (\w+, )*(nottimevalid, (\w+, )*untrustedroot|untrustedroot, (\w+, )*nottimevalid)/,
    anchors: ['errors in the certificate chain'],
    confidence: 0.6,
    specificity: 91,
    alternatives: ['registry.tls-expired-or-clock'],
    check: 'openssl s_client -connect <host>:443 -showcerts from where the client runs: the issuer of the last certificate must be in the client\'s trust store (for .NET on Linux, /etc/ssl/certs after update-ca-certificates), and its notBefore/notAfter must hold the client\'s date',
    source: '.NET SslStream ("The remote certificate is invalid because of errors in the certificate chain: <X509ChainStatusFlags>")',
    samples: [
      'System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: NotTimeValid, UntrustedRoot',
      'The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot, NotTimeValid',
    ],
    counterSamples: ['The remote certificate is invalid because of errors in the certificate chain: NotTimeValid'],
  }),
  sig({
    id: 'registry.buildkit-token-deadline',
    cause: 'registry.connect-timeout',
    // BuildKit keeps only the gRPC code of the token request's failure: DeadlineExceeded is the request to the
    // registry's token realm not answering in time, which is reaching the registry, not its credentials.
    re: /deadlineexceeded: failed to fetch (anonymous|oauth) token|failed to authorize: deadlineexceeded\b/,
    anchors: ['deadlineexceeded'],
    confidence: 0.7,
    specificity: 91,
    alternatives: ['registry.tls-handshake-timeout', 'registry.proxy', 'registry.mirror-misconfigured'],
    check: 'from the build host: curl -sv --max-time 20 "<the token realm, e.g. https://auth.docker.io/token>" — a timeout is the network or a proxy the builder does not use (BuildKit\'s own environment: HTTPS_PROXY for buildkitd), a fast answer means a passing stall',
    source: 'moby/buildkit resolver (authorizer errors wrapped with their gRPC code: "failed to authorize: DeadlineExceeded: failed to fetch anonymous token")',
    samples: [
      '#3 [internal] load metadata for docker.io/library/ubuntu:22.04\n#3 ERROR: failed to authorize: DeadlineExceeded: failed to fetch anonymous token',
      'ERROR: failed to solve: ubuntu:22.04: failed to authorize: DeadlineExceeded: failed to fetch oauth token: Post "https://auth.docker.io/token": context deadline exceeded',
    ],
    counterSamples: ['ERROR: failed to solve: failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized'],
  }),
  sig({
    id: 'registry.jvm-address-unresolved',
    cause: 'registry.dns',
    // JVM clients (http4s, Netty) keep an InetSocketAddress whose name did not resolve and report it as unresolved when
    // the connect fails: the registry's name never became an address.
    re: /error connecting to https?:\/\/[^\s\/]*(?:docker\.io|docker\.com|gcr\.io|pkg\.dev|quay\.io|ghcr\.io|ecr\.|azurecr\.io|registry)[^\s]* using address \S+ \(unresolved: true\)/,
    anchors: ['(unresolved: true)'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['registry.proxy', 'dns.node-resolver'],
    check: 'resolve the host from where the client runs (getent hosts <host>; on a compute node of a cluster, the node\'s resolver): no answer there is the name; a network that reaches outside only through a proxy needs the JVM\'s https.proxyHost set instead',
    source: 'http4s ConnectionFailure ("Error connecting to %s using address %s (unresolved: %b)")',
    samples: ['org.http4s.client.ConnectionFailure: Error connecting to https://auth.docker.io using address auth.docker.io:443 (unresolved: true)', 'ConnectionFailure: Error connecting to https://quay.io using address quay.io:443 (unresolved: true)'],
    counterSamples: ['org.http4s.client.ConnectionFailure: Error connecting to https://auth.docker.io using address auth.docker.io:443 (unresolved: false)'],
  }),
];
