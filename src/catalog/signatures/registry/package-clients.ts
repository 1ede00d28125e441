import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Package clients fetching from their repositories (npm 10, the JVM's HttpsURLConnection and Maven's resolver, the go
 * command's module proxy client), read from their own wording of a fault built on loopback: a repository is a
 * registry by the conventions, so these answer registry.* and image.* causes where the text alone decides.
 */
export const PACKAGE_CLIENT_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.jvm-empty-truststore',
    cause: 'registry.tls-untrusted',
    // The JVM's PKIX trust manager built from a trust store with no certificate in it: javax.net.ssl.trustStore names a
    // missing file, or a PKCS12 store opened without its trustStorePassword (its entries stay unreadable), or the
    // distribution's cacerts is empty (ca-certificates-java not installed). Every TLS connection fails before any
    // certificate is looked at, so the client trusts nothing: the trust store is the fault, not the server.
    re: /the trustanchors parameter must be non-empty/,
    anchors: ['trustanchors parameter must be non-empty'],
    confidence: 0.85,
    specificity: 93,
    check: 'the trust store the JVM opened: -Djavax.net.ssl.trustStore (in JAVA_TOOL_OPTIONS, MAVEN_OPTS or the command line) must name an existing file, with -Djavax.net.ssl.trustStorePassword for a PKCS12 store; without it, keytool -list -cacerts | head shows whether the JDK\'s cacerts holds any certificate (Debian: apt-get install ca-certificates-java)',
    source: 'java.security.cert.PKIXParameters ("the trustAnchors parameter must be non-empty") through sun.security.ssl ("Unexpected error: java.security.InvalidAlgorithmParameterException: …")',
    samples: [
      'Exception in thread "main" javax.net.ssl.SSLException: Unexpected error: java.security.InvalidAlgorithmParameterException: the trustAnchors parameter must be non-empty',
      '[ERROR] Failed to execute goal on project orders-service: Could not transfer artifact com.google.guava:guava:pom:33.2.1-jre from/to corp-nexus (https://maven.corp.example/repository/maven-public/): transfer failed for https://maven.corp.example/repository/maven-public/com/google/guava/guava/33.2.1-jre/guava-33.2.1-jre.pom: Unexpected error: java.security.InvalidAlgorithmParameterException: the trustAnchors parameter must be non-empty',
    ],
    counterSamples: ['javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target'],
  }),
  sig({
    id: 'registry.jvm-unrecognized-ssl-message',
    cause: 'registry.http-to-https',
    // SunJSSE's socket input record reading a first byte that is no TLS record type: the port answered in plain HTTP
    // (or another protocol) while the client spoke TLS to it. HttpsURLConnection and Maven's resolver word it so.
    // The AWS SDK for Java and others wrap the exception's message alone ("Unable to execute HTTP request: …").
    re: /unsupported or unrecognized ssl message/,
    anchors: ['unsupported or unrecognized ssl message'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['registry.proxy'],
    check: 'curl -v http://<host>:<port>/ (plain): an answer means that port serves HTTP — use http:// in the repository URL or the TLS port; through a proxy, its URL must be http:// for an ordinary HTTP proxy',
    source: 'sun.security.ssl.SSLSocketInputRecord.handleUnknownRecord ("Unsupported or unrecognized SSL message")',
    samples: [
      'Exception in thread "main" javax.net.ssl.SSLException: Unsupported or unrecognized SSL message\n\tat java.base/sun.security.ssl.SSLSocketInputRecord.handleUnknownRecord(SSLSocketInputRecord.java:462)',
      '[ERROR] Plugin org.apache.maven.plugins:maven-resources-plugin:2.6 or one of its dependencies could not be resolved: Could not transfer artifact org.apache.maven.plugins:maven-resources-plugin:pom:2.6 from/to corp-nexus (https://maven.corp.example/repository/maven-public/): transfer failed for https://maven.corp.example/repository/maven-public/org/apache/maven/plugins/maven-resources-plugin/2.6/maven-resources-plugin-2.6.pom: Unsupported or unrecognized SSL message -> [Help 1]',
      'software.amazon.awssdk.core.exception.SdkClientException: Unable to execute HTTP request: Unsupported or unrecognized SSL message',
    ],
    counterSamples: ['javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?'],
  }),
  sig({
    id: 'registry.maven-unknown-host',
    cause: 'registry.dns',
    // Maven's resolver transport failing to resolve the repository's (or mirror's) host: the name, not the repository.
    re: /could not transfer artifact [^\n]{0,400}: unknown host [\w.-]+(?:: (?:name or service not known|temporary failure in name resolution|no address associated with hostname|try again|name does not resolve))?/,
    anchors: ['unknown host'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['dns.node-resolver', 'registry.proxy'],
    check: 'getent hosts <host> from where the build runs (a CI container or build step has its own resolv.conf): no answer there is the name or that resolver; a network that reaches out only through a proxy needs <proxies> in settings.xml instead',
    source: 'Maven resolver transport (wagon/http: "transfer failed for %s: Unknown host %s: Name or service not known")',
    samples: [
      '[ERROR] Plugin org.apache.maven.plugins:maven-resources-plugin:2.6 or one of its dependencies could not be resolved: Failed to read artifact descriptor for org.apache.maven.plugins:maven-resources-plugin:jar:2.6: Could not transfer artifact org.apache.maven.plugins:maven-resources-plugin:pom:2.6 from/to corp-nexus (https://nexus.corp.example/repository/maven-public/): transfer failed for https://nexus.corp.example/repository/maven-public/org/apache/maven/plugins/maven-resources-plugin/2.6/maven-resources-plugin-2.6.pom: Unknown host nexus.corp.example: Name or service not known -> [Help 1]',
      'Could not transfer artifact junit:junit:pom:4.13.2 from/to central (https://repo.maven.apache.org/maven2): Unknown host repo.maven.apache.org: Temporary failure in name resolution',
    ],
    counterSamples: ['Could not transfer artifact junit:junit:pom:4.13.2 from/to central (https://repo.maven.apache.org/maven2): Connect to repo.maven.apache.org:443 [repo.maven.apache.org/199.232.196.209] failed: Connection refused'],
  }),
  sig({
    id: 'registry.maven-proxy-refused',
    cause: 'registry.proxy',
    // Maven names the proxy it went through (ProxyInfo{host=…}) before the connect failure: the refusal is the proxy's.
    re: /could not transfer artifact [^\n]{0,600}proxy: proxyinfo\{host='[^']+'[^}]{0,200}\}: connect to [^\n]{0,200}failed: connect(?:ion)? (?:refused|timed out)/,
    anchors: ['proxyinfo{host='],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['registry.connection-refused'],
    check: 'the <proxies> entry of settings.xml (or -Dhttps.proxyHost): its host and port must be a proxy that listens from where the build runs — nc -vz <proxy host> <port>',
    source: 'Maven resolver transport ("transfer failed for %s, proxy: ProxyInfo{host=…, port=…}: Connect to %s failed: Connection refused")',
    samples: [
      "Could not transfer artifact org.apache.maven.plugins:maven-resources-plugin:pom:2.6 from/to corp-nexus (https://maven.corp.example/repository/maven-public/): transfer failed for https://maven.corp.example/repository/maven-public/org/apache/maven/plugins/maven-resources-plugin/2.6/maven-resources-plugin-2.6.pom, proxy: ProxyInfo{host='proxy.corp.example', userName='null', port=3128, type='https', nonProxyHosts='null'}: Connect to proxy.corp.example:3128 [proxy.corp.example/10.40.0.3] failed: Connection refused",
      "Could not transfer artifact junit:junit:pom:4.13.2 from/to central (https://repo1.maven.org/maven2): transfer failed for https://repo1.maven.org/maven2/junit/junit/4.13.2/junit-4.13.2.pom, proxy: ProxyInfo{host='10.0.0.8', userName='null', port=8080, type='https', nonProxyHosts='null'}: Connect to 10.0.0.8:8080 [/10.0.0.8] failed: Connection timed out",
    ],
    counterSamples: ['Could not transfer artifact junit:junit:pom:4.13.2 from/to central (https://repo1.maven.org/maven2): Connect to repo1.maven.org:443 [repo1.maven.org/199.232.196.209] failed: Connection refused'],
  }),
  sig({
    id: 'registry.maven-connect-refused',
    cause: 'registry.connection-refused',
    // Maven connecting straight to the repository's host and port (no proxy named) and being refused.
    re: /could not transfer artifact [^\n]{0,400}from\/to [^\n]{0,300}: connect to [\w.-]+:\d+ \[[^\]\n]{0,120}\] failed: connection refused/,
    anchors: ['could not transfer artifact'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured', 'registry.proxy'],
    check: 'nc -vz <repository host> <port> from where the build runs: a refusal means nothing listens there (the repository manager down, or the mirror URL\'s port wrong in settings.xml)',
    source: 'Maven resolver transport ("Connect to %s:%d [%s] failed: Connection refused")',
    samples: [
      '[ERROR] Plugin org.apache.maven.plugins:maven-resources-plugin:2.6 or one of its dependencies could not be resolved: Could not transfer artifact org.apache.maven.plugins:maven-resources-plugin:pom:2.6 from/to corp-nexus (https://maven.corp.example/repository/maven-public/): transfer failed for https://maven.corp.example/repository/maven-public/org/apache/maven/plugins/maven-resources-plugin/2.6/maven-resources-plugin-2.6.pom: Connect to maven.corp.example:443 [maven.corp.example/10.40.12.8] failed: Connection refused -> [Help 1]',
      'Could not transfer artifact junit:junit:pom:4.13.2 from/to central (https://repo1.maven.org/maven2): Connect to repo1.maven.org:443 [repo1.maven.org/199.232.196.209] failed: Connection refused (Connection refused)',
    ],
    counterSamples: ['Could not transfer artifact junit:junit:pom:4.13.2 from/to central (https://repo1.maven.org/maven2): Connect to repo1.maven.org:443 [repo1.maven.org/199.232.196.209] failed: Connection timed out'],
  }),
  sig({
    id: 'registry.npm-network-not-found',
    cause: 'registry.dns',
    // npm's fetch (minipass-fetch) naming the request and the failed lookup of the registry's host: the name did not
    // resolve where npm runs. A name that is a proxy's is the proxy's (registry.npm-proxy-name-not-found).
    re: /\bnetwork request to https?:\/\/\S+ failed, reason: getaddrinfo (?:enotfound|eai_again) (?![\w.-]*proxy)[\w.-]+/,
    anchors: ['failed, reason: getaddrinfo'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['dns.node-resolver', 'registry.proxy'],
    check: 'getent hosts <host> where npm runs (a build container has its own resolv.conf); the registry URL in .npmrc (npm config get registry) must be a name that resolves there',
    source: 'npm (minipass-fetch FetchError "request to %s failed, reason: getaddrinfo ENOTFOUND %s", printed after "network")',
    samples: [
      'npm error code ENOTFOUND\nnpm error syscall getaddrinfo\nnpm error errno ENOTFOUND\nnpm error network request to https://npm.corp.example/left-pad failed, reason: getaddrinfo ENOTFOUND npm.corp.example',
      'npm ERR! network request to https://registry.npmjs.org/express failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org',
    ],
    counterSamples: ['npm error network request to https://registry.npmjs.org/left-pad failed, reason: getaddrinfo ENOTFOUND proxy.corp.example'],
  }),
  sig({
    id: 'registry.npm-proxy-name-not-found',
    cause: 'registry.proxy',
    // The name npm failed to resolve is not the registry's but a proxy's (https-proxy / HTTPS_PROXY): the lookup
    // is for the proxy's host, so the proxy setting is what is wrong where npm runs.
    re: /request to https?:\/\/\S+ failed, reason: getaddrinfo (?:enotfound|eai_again) [\w.-]*proxy[\w.-]*/,
    anchors: ['failed, reason: getaddrinfo'],
    confidence: 0.8,
    specificity: 91,
    alternatives: ['registry.dns'],
    check: 'npm config get https-proxy and proxy (and HTTPS_PROXY in the environment): the proxy host must resolve where npm runs, or the setting be removed where the registry is reachable directly',
    source: 'npm (minipass-fetch through its proxy agent: "request to %s failed, reason: getaddrinfo ENOTFOUND <proxy host>")',
    samples: [
      'npm error network request to https://registry.npmjs.org/left-pad failed, reason: getaddrinfo ENOTFOUND proxy.nowhere.corp.example',
      'npm ERR! request to https://registry.npmjs.org/react failed, reason: getaddrinfo EAI_AGAIN webproxy.corp.local',
    ],
    counterSamples: ['npm error network request to https://npm.corp.example/left-pad failed, reason: getaddrinfo ENOTFOUND npm.corp.example'],
  }),
  sig({
    id: 'registry.npm-proxy-port-refused',
    cause: 'registry.proxy',
    // npm connecting to an https:// registry URL and refused on a port proxies listen on: the address it dialled is the
    // configured proxy's, not the registry's 443.
    re: /request to https:\/\/[\w.-]+\/\S* failed, reason: connect (?:econnrefused|etimedout) [\w.:[\]]+:(?:3128|3129|8080|8118|8888|8000|9090)\b/,
    anchors: ['failed, reason: connect'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['registry.connection-refused'],
    check: 'npm config get https-proxy and HTTPS_PROXY: the address in the error is that proxy — nc -vz <proxy> <port> from where npm runs; remove the setting where the registry is reachable directly',
    source: 'npm (minipass-fetch through its proxy agent: "request to %s failed, reason: connect ECONNREFUSED <proxy address>")',
    samples: [
      'npm error FetchError: request to https://npm.corp.example/left-pad failed, reason: connect ECONNREFUSED 10.40.0.3:3128',
      'npm ERR! request to https://registry.npmjs.org/lodash failed, reason: connect ETIMEDOUT 10.1.1.1:8080',
    ],
    counterSamples: ['npm error FetchError: request to https://npm.corp.example/left-pad failed, reason: connect ECONNREFUSED 10.40.12.7:443'],
  }),
  sig({
    id: 'registry.npm-network-connect-timeout',
    cause: 'registry.connect-timeout',
    // npm's "network" section for a connect that timed out to the registry's address.
    re: /\bnetwork request to https?:\/\/\S+ failed, reason: connect etimedout [\w.:[\]]+:(?!3128\b|3129\b|8080\b|8118\b|8888\b)\d+/,
    anchors: ['failed, reason: connect etimedout'],
    confidence: 0.7,
    specificity: 88,
    alternatives: ['node.firewall', 'registry.proxy'],
    check: 'from where npm runs: nc -vz -w5 <registry host> 443 and env | grep -i proxy — a timeout with no proxy set is a firewall or a route out; a network that reaches out only through a proxy needs npm config set https-proxy',
    source: 'npm (minipass-fetch FetchError "request to %s failed, reason: connect ETIMEDOUT %s")',
    samples: [
      'npm error code ETIMEDOUT\nnpm error syscall connect\nnpm error network request to https://npm.corp.example/left-pad failed, reason: connect ETIMEDOUT 10.40.12.7:443',
      'npm ERR! network request to https://registry.npmjs.org/yargs-parser/-/yargs-parser-20.2.9.tgz failed, reason: connect ETIMEDOUT 104.16.24.34:443',
    ],
    counterSamples: ['npm ERR! network request to https://registry.npmjs.org/lodash failed, reason: connect ETIMEDOUT 10.1.1.1:8080'],
  }),
  sig({
    id: 'registry.npm-e401',
    cause: 'image.auth-missing',
    // npm's E401: the registry answered 401 to the request. npm prints the same advice whether no token was sent
    // (no _authToken for that registry in .npmrc) or a stale one was, so the rejected token stays an alternative.
    re: /\bnpm (?:error|err!) code e401\b|\bnpm (?:error|err!) (?:401 )?unable to authenticate, need: |\bnpm (?:error|err!) incorrect or missing password\./,
    anchors: ['code e401', 'unable to authenticate, need', 'incorrect or missing password'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['image.auth-rejected'],
    check: 'npm config get registry and grep -n "_authToken\\|_auth" ~/.npmrc .npmrc: the token must be keyed by that registry\'s URL (//host/path/:_authToken=…); none there is missing credentials, one there that the registry refuses is expired or wrong (npm whoami --registry <url>)',
    source: 'npm (npm-registry-fetch check-response: E401 "Incorrect or missing password." / "Unable to authenticate, need: %s")',
    samples: [
      'npm error code E401\nnpm error Incorrect or missing password.\nnpm error If you were trying to login, change your password, create an authentication token or enable two-factor authentication then that means you likely typed your password in incorrectly.',
      'npm ERR! code E401\nnpm ERR! Unable to authenticate, need: Basic realm="Artifactory Realm"',
    ],
    counterSamples: ['npm error code E404\nnpm error 404 Not Found - GET https://npm.corp.example/left-pad - Not found'],
  }),
  sig({
    id: 'registry.npm-e404',
    cause: 'image.not-found',
    // npm's E404 for a package (or version) the registry does not hold. Private registries answer 404 rather than 401
    // to a package the caller may not see, so missing credentials stay an alternative.
    re: /\bnpm (?:error|err!) 404 not found - get https?:\/\/\S+/,
    anchors: ['404 not found - get'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['image.auth-missing', 'registry.mirror-misconfigured'],
    check: 'npm view <package> --registry <url>: the name and version must exist in that registry (a scoped package needs its @scope:registry line in .npmrc, and a private one a token for it)',
    source: 'npm (npm-registry-fetch check-response: E404 "404 Not Found - GET %s")',
    samples: [
      "npm error code E404\nnpm error 404 Not Found - GET https://npm.corp.example/left-pad - Not found\nnpm error 404\nnpm error 404  The requested resource 'left-pad@*' could not be found or you do not have permission to access it.",
      'npm ERR! 404 Not Found - GET https://registry.npmjs.org/@corp%2fui-kit - Not found',
    ],
    counterSamples: ['npm error 503 Service Unavailable - GET https://npm.corp.example/left-pad'],
  }),
  sig({
    id: 'registry.npm-e5xx',
    cause: 'registry.server-error',
    // npm's E5xx: the registry (or a gateway in front of it) answered a 5xx.
    re: /\bnpm (?:error|err!) (?:code e50[0-4]\b|50[0-4] [a-z ]+ - get https?:\/\/)/,
    anchors: ['code e50', ' - get http'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    check: 'curl -sI <the URL in the error> from where npm runs and from elsewhere: a 5xx everywhere is the registry\'s outage (retry later); only from there, a proxy or gateway in between',
    source: 'npm (npm-registry-fetch check-response: E5xx "%d %s - GET %s")',
    samples: ['npm error code E503\nnpm error 503 Service Unavailable - GET https://npm.corp.example/left-pad', 'npm ERR! code E502\nnpm ERR! 502 Bad Gateway - GET https://registry.npmjs.org/react'],
    counterSamples: ['npm error code E404\nnpm error 404 Not Found - GET https://npm.corp.example/left-pad - Not found'],
  }),
  sig({
    id: 'registry.go-module-proxy-status',
    cause: 'registry.server-error',
    // The go command reading a module proxy's answer: a 5xx for @v/ files is the proxy's server failing.
    re: /\breading https?:\/\/\S+\/@v\/\S+: 50[0-4] [a-z ]+/,
    anchors: ['/@v/'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    check: 'curl -sI <the URL in the error> from where go runs and from elsewhere: a 5xx everywhere is that GOPROXY\'s outage (list a fallback: GOPROXY=<proxy>,https://proxy.golang.org,direct)',
    source: 'cmd/go/internal/modfetch proxy client ("reading %s: %s", the HTTP status)',
    samples: [
      'go: github.com/pkg/errors@v0.9.1: reading https://goproxy.corp.example/github.com/pkg/errors/@v/v0.9.1.info: 503 Service Unavailable',
      'main.go:2:8: github.com/pkg/errors@v0.9.1: reading https://goproxy.corp.example/github.com/pkg/errors/@v/v0.9.1.zip: 502 Bad Gateway',
    ],
    counterSamples: ['go: github.com/pkg/errors@v0.9.1: reading https://goproxy.corp.example/github.com/pkg/errors/@v/v0.9.1.info: 404 Not Found'],
  }),
  sig({
    id: 'registry.go-module-proxy-not-found',
    cause: 'image.not-found',
    // A module proxy's 404/410 for an @v/ file: the proxy does not hold that module or version (a private module the
    // proxy cannot fetch reads the same, hence the GOPRIVATE alternative in the check).
    re: /\breading https?:\/\/\S+\/@v\/\S+: (?:404 not found|410 gone)/,
    anchors: ['/@v/'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['image.auth-missing', 'registry.mirror-misconfigured'],
    check: 'the module path and version in the error: go list -m -versions <module> against that GOPROXY; a private module must be in GOPRIVATE (fetched direct) rather than asked of a public proxy',
    source: 'cmd/go/internal/modfetch proxy client ("reading %s: 404 Not Found")',
    samples: [
      'go: github.com/pkg/errors@v0.9.1: reading https://goproxy.corp.example/github.com/pkg/errors/@v/v0.9.1.info: 404 Not Found',
      'go: example.com/internal/lib@v1.2.0: reading https://proxy.golang.org/example.com/internal/lib/@v/v1.2.0.mod: 410 Gone',
    ],
    counterSamples: ['go: github.com/pkg/errors@v0.9.1: reading https://goproxy.corp.example/github.com/pkg/errors/@v/v0.9.1.info: 503 Service Unavailable'],
  }),
  sig({
    id: 'registry.go-connect-status',
    cause: 'registry.proxy',
    // Go's net/http Transport turns a proxy's non-200 answer to CONNECT into an error of the bare reason phrase
    // ('Get "https://…": Forbidden'). The go command reports a module server's own status as "reading <url>: 403
    // Forbidden", so on a module fetch (@v/ files, ?go-get=1 discovery) the bare phrase is the proxy's. (Registry
    // clients that wrap a ping's status the same way are read by their own signatures.)
    re: /\bget \\?"https:\/\/[^"\s\\]+(?:\/@v\/|\?go-get=1)[^"\s\\]*\\?": (?:forbidden|bad gateway|service unavailable|gateway timeout|internal server error|method not allowed|not found|unauthorized)(?=\s|$)/,
    anchors: ['/@v/', '?go-get=1'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['registry.server-error'],
    check: 'env | grep -i proxy where the client runs: the proxy refused the tunnel to that host (its allow-list or policy); NO_PROXY the host if it is reachable directly, or have the proxy allow it',
    source: 'net/http Transport dialConn ("CONNECT" answered with a non-200 status: the error is the status text without its code)',
    samples: [
      'go: github.com/pkg/errors@v0.9.1: Get "https://goproxy.corp.example/github.com/pkg/errors/@v/v0.9.1.info": Forbidden',
      'main.go:2:8: github.com/pkg/errors@v0.9.1: Get "https://proxy.golang.org/github.com/pkg/errors/@v/v0.9.1.zip": Bad Gateway',
    ],
    counterSamples: ['go: github.com/pkg/errors@v0.9.1: reading https://goproxy.corp.example/github.com/pkg/errors/@v/v0.9.1.info: 403 Forbidden'],
  }),
  sig({
    id: 'registry.go-module-lookup-failed',
    cause: 'registry.dns',
    // The go command fetching a module (proxy @v/ files, or the ?go-get=1 discovery page) and its resolver failing on the
    // host: the module repository's name does not resolve where go runs (a build container, a CI runner).
    re: /\bget \\?"?https?:\/\/[^\s"\\]+(?:\/@v\/|\?go-get=1)[^\s"\\]*\\?"?: dial tcp: lookup [\w.-]+ on [\w.:[\]%-]+: (?:no such host|server misbehaving|read udp [\w.:[\]%-]+->[\w.:[\]%-]+: i\/o timeout)/,
    anchors: ['/@v/', '?go-get=1'],
    confidence: 0.8,
    // above the local-stub reading (97): a module fetch is a pull from a repository, read by the repository's name
    specificity: 98,
    alternatives: ['dns.node-resolver', 'registry.proxy'],
    check: 'getent hosts <host> where go runs, against the nameserver the error names (cat /etc/resolv.conf there): no answer is the name or that resolver; a network that reaches out only through a proxy needs HTTPS_PROXY for go',
    source: 'cmd/go module fetch over net/http ("Get %q: dial tcp: lookup %s on %s: no such host")',
    samples: [
      'go: github.com/pkg/errors@v0.9.1: Get "https://goproxy.nowhere.corp.example/github.com/pkg/errors/@v/v0.9.1.info": dial tcp: lookup goproxy.nowhere.corp.example on 10.40.0.2:53: no such host',
      'go: git.corp.example/platform/libs@latest: unrecognized import path "git.corp.example/platform/libs": https fetch: Get "https://git.corp.example/platform/libs?go-get=1": dial tcp: lookup git.corp.example on 127.0.0.53:53: server misbehaving',
    ],
    counterSamples: ['go: github.com/pkg/errors@v0.9.1: Get "https://proxy.golang.org/github.com/pkg/errors/@v/v0.9.1.info": dial tcp 142.251.42.241:443: i/o timeout'],
  }),
  sig({
    id: 'registry.go-no-secure-protocol',
    cause: 'unknown',
    // The go command tried every secure scheme (https, then ssh) for a VCS path and each git ls-remote failed; it keeps
    // none of git's own errors, so the TLS, name, refusal or credentials behind it are not in the text.
    re: /\bno secure protocol found for repository\b/,
    anchors: ['no secure protocol found for repository'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['registry.tls-untrusted', 'registry.connection-refused', 'image.auth-missing', 'registry.dns'],
    check: 'run what go ran, by hand: git ls-remote https://<repository path> from where go runs — git prints the real failure (SSL certificate problem, Could not resolve host, Failed to connect, Authentication failed)',
    source: 'cmd/go/internal/vcs ("no secure protocol found for repository")',
    samples: ['go: git.corp.example/platform/libs.git@latest: no secure protocol found for repository', 'go: module git.internal/tools.git: no secure protocol found for repository'],
    counterSamples: ['go: git.corp.example/platform/libs@latest: unrecognized import path "git.corp.example/platform/libs"'],
  }),
  sig({
    id: 'registry.jvm-artifact-http-status',
    cause: 'registry.server-error',
    // HttpURLConnection's own words for a status it will not read a body from, on an artifact's URL (a .pom, .jar or a
    // Maven repository path): a 5xx is the repository manager (or a gateway in front of it) failing.
    // A registry's API path (/v2/…) is an artifact URL too: a JVM client (a Jib build, a Java registry client) fetching
    // a manifest or blob over HttpURLConnection gets the same words for a 5xx (OpenJDK 17.0.15, read in rjvm's lab).
    re: /server returned http response code: 50[0-4] for url: https?:\/\/\S*(?:\.pom|\.jar|maven-metadata\.xml|\/maven2?\/|\/repository\/|\/artifactory\/|\/v2\/\S+\/(?:manifests|blobs)\/)/,
    anchors: ['server returned http response code: 50'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['registry.proxy'],
    check: 'curl -sI <the URL> from where the client runs and from elsewhere: a 5xx everywhere is the repository manager\'s outage; only from there, a proxy in between',
    source: 'sun.net.www.protocol.http.HttpURLConnection.getInputStream ("Server returned HTTP response code: %d for URL: %s")',
    samples: ['java.io.IOException: Server returned HTTP response code: 503 for URL: https://registry.fdr.test/v2/library/app/manifests/503', 'java.io.IOException: Server returned HTTP response code: 503 for URL: https://maven.corp.example/x.pom', 'Server returned HTTP response code: 502 for URL: https://repo.corp.example/repository/maven-public/a/b/1.0/b-1.0.jar'],
    counterSamples: ['java.io.IOException: Server returned HTTP response code: 401 for URL: https://maven.corp.example/x.pom'],
  }),
  sig({
    id: 'registry.jvm-artifact-http-unauthorized',
    cause: 'image.auth-missing',
    re: /server returned http response code: 401 for url: https?:\/\/\S*(?:\.pom|\.jar|maven-metadata\.xml|\/maven2?\/|\/repository\/|\/artifactory\/)/,
    anchors: ['server returned http response code: 401'],
    confidence: 0.7,
    specificity: 88,
    alternatives: ['image.auth-rejected'],
    check: 'the credentials the client sends for that repository (settings.xml <server> whose id matches the repository or mirror id, or the Authorization the program sets): none is missing credentials, a refused one is expired or wrong',
    source: 'sun.net.www.protocol.http.HttpURLConnection.getInputStream ("Server returned HTTP response code: 401 for URL: %s")',
    samples: ['java.io.IOException: Server returned HTTP response code: 401 for URL: https://maven.corp.example/x.pom', 'Server returned HTTP response code: 401 for URL: https://repo.corp.example/artifactory/libs-release/a/b/1.0/b-1.0.jar'],
    counterSamples: ['java.io.IOException: Server returned HTTP response code: 503 for URL: https://maven.corp.example/x.pom'],
  }),
  sig({
    id: 'registry.jvm-artifact-http-forbidden',
    cause: 'image.auth-rejected',
    // A 403 on an artifact's URL: the repository manager refused the caller (credentials without access, or none
    // where anonymous reads are off), or a proxy's policy did.
    re: /server returned http response code: 403 for url: https?:\/\/\S*(?:\.pom|\.jar|maven-metadata\.xml|\/maven2?\/|\/repository\/|\/artifactory\/)/,
    anchors: ['server returned http response code: 403'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['image.auth-missing', 'registry.proxy'],
    check: 'the credentials the client sends for that repository (settings.xml <server> matching the repository or mirror id): the user must have read access to it; with no credentials sent, the repository manager may forbid anonymous reads',
    source: 'sun.net.www.protocol.http.HttpURLConnection.getInputStream ("Server returned HTTP response code: 403 for URL: %s")',
    samples: ['java.io.IOException: Server returned HTTP response code: 403 for URL: https://maven.corp.example/x.pom', 'Server returned HTTP response code: 403 for URL: https://repo.corp.example/repository/releases/a/b/1.0/b-1.0.jar'],
    counterSamples: ['java.io.IOException: Server returned HTTP response code: 401 for URL: https://maven.corp.example/x.pom'],
  }),
  sig({
    id: 'registry.jvm-artifact-not-found',
    cause: 'image.not-found',
    // HttpURLConnection throws FileNotFoundException naming the URL for a 404 (and 410): an artifact URL the repository
    // does not hold.
    // …and a registry's manifest or blob URL, the same 404 from the registry API (OpenJDK 17.0.15, rjvm's lab).
    re: /java\.io\.filenotfoundexception: https?:\/\/\S*(?:\.pom|\.jar|maven-metadata\.xml|\/maven2?\/|\/repository\/|\/artifactory\/|\/v2\/\S+\/(?:manifests|blobs)\/)/,
    anchors: ['filenotfoundexception: http'],
    confidence: 0.7,
    specificity: 88,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'curl -sI <the URL>: a 404 means that repository does not hold the artifact (group, artifact or version wrong, or the repository URL points at the wrong repository)',
    source: 'sun.net.www.protocol.http.HttpURLConnection.getInputStream (FileNotFoundException for 404/410)',
    samples: ['java.io.FileNotFoundException: https://registry.fdr.test/v2/library/app/manifests/404', 'Exception in thread "main" java.io.FileNotFoundException: https://maven.corp.example/x.pom', 'java.io.FileNotFoundException: https://repo.corp.example/repository/maven-public/a/b/1.0/b-1.0.jar'],
    counterSamples: ['java.io.FileNotFoundException: /etc/app/config.yaml (No such file or directory)'],
  }),
  sig({
    id: 'registry.maven-could-not-find-artifact',
    cause: 'image.not-found',
    // Maven's resolver after a 404 from the repository: the artifact is not there (a wrong coordinate, or a mirror that
    // does not proxy the repository holding it).
    re: /could not find artifact [\w.:-]+ in [\w.-]+ \(https?:\/\/[^)\s]+\)/,
    anchors: ['could not find artifact'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['registry.mirror-misconfigured', 'image.auth-missing'],
    check: 'the coordinates in the error against the repository\'s browser (or curl -sI <repository URL>/<group path>/<artifact>/<version>/): absent there, the coordinate is wrong or the mirror (mirrorOf in settings.xml) does not proxy the repository that has it',
    source: 'Maven resolver ("Could not find artifact %s in %s (%s)")',
    samples: [
      '[ERROR] Plugin org.apache.maven.plugins:maven-resources-plugin:2.6 or one of its dependencies could not be resolved: Could not find artifact org.apache.maven.plugins:maven-resources-plugin:jar:2.6 in corp-nexus (https://maven.corp.example/repository/maven-public/) -> [Help 1]',
      'Could not find artifact com.example:orders-api:jar:1.4.0 in central (https://repo.maven.apache.org/maven2)',
    ],
    counterSamples: ['Could not transfer artifact junit:junit:pom:4.13.2 from/to central (https://repo1.maven.org/maven2): status: 503 Service Unavailable'],
  }),
  sig({
    id: 'registry.jvm-connect-refused',
    cause: 'registry.connection-refused',
    // The JVM's socket connect refused (a RST to the SYN): nothing listens on that address and port. Generic transport
    // words, so they rank as such and hedge.
    re: /java\.net\.connectexception: connection refused/,
    anchors: ['connectexception: connection refused'],
    confidence: 0.6,
    specificity: 60,
    alternatives: ['node.firewall', 'registry.mirror-misconfigured'],
    check: 'nc -vz <host> <port> from where the JVM runs, for the address the program connects to: a refusal is a server down or the wrong port',
    source: 'sun.nio.ch.Net.pollConnect / java.net.PlainSocketImpl ("java.net.ConnectException: Connection refused")',
    samples: ['Exception in thread "main" java.net.ConnectException: Connection refused', 'Caused by: java.net.ConnectException: Connection refused (Connection refused)'],
    counterSamples: ['java.net.ConnectException: Connection timed out'],
  }),
];
