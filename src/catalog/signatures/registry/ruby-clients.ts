import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * RubyGems 3.3 (`gem install`) and Bundler 2.3 (`bundle install`) fetching from a gem source, read from what they
 * printed against faults built on loopback: a gem source is a registry by the conventions. RubyGems says
 * "Unable to download data from <source> - <reason> (<url>)"; Bundler says "Could not fetch specs from <source> due to
 * underlying error <…>" (its final message wrapped at 80 columns, so the patterns allow any white space between words)
 * and has its own words for a lookup, a certificate and a missing gem.
 */
export const RUBY_CLIENT_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.ruby-getaddrinfo',
    cause: 'registry.dns',
    // Net::HTTP re-raising the resolver's SocketError as "Failed to open TCP connection to <host>:<port> (getaddrinfo:
    // …)": the gem source's host name did not resolve where gem or bundle runs.
    // Only inside RubyGems' and Bundler's own wrappers: the same Net::HTTP text from any other Ruby program is that
    // program's lookup, not a gem source's.
    re: /(?:unable to download data from \S+ - |underlying\s+error\s+<)socketerror: failed to open tcp connection to\s+(?![\w.-]*proxy)[\w.-]+:\d+\s+\(getaddrinfo: (?:name or service not known|temporary failure in name resolution|no address associated with hostname|name has no usable address)\)/,
    anchors: ['(getaddrinfo: '],
    confidence: 0.8,
    specificity: 91,
    alternatives: ['dns.node-resolver', 'registry.proxy'],
    check: 'getent hosts <host> where gem or bundle runs (a CI container has its own resolv.conf); the source URL (gem sources -l, the Gemfile\'s source) must name a host that resolves there, or the network needs https_proxy',
    source: 'Ruby net/http ("Failed to open TCP connection to %s:%s (%s)") around SocketError from getaddrinfo, printed by RubyGems ("Unable to download data from %s - SocketError: …")',
    samples: [
      "ERROR:  Could not find a valid gem 'acme-widgets' (>= 0), here is why:\n          Unable to download data from https://gems.corp.example/ - SocketError: Failed to open TCP connection to gems.corp.example:443 (getaddrinfo: Name or service not known) (https://gems.corp.example/specs.4.8.gz)",
      'Unable to download data from https://rubygems.org/ - SocketError: Failed to open TCP connection to rubygems.org:443 (getaddrinfo: Temporary failure in name resolution) (https://rubygems.org/specs.4.8.gz)',
    ],
    counterSamples: ['Unable to download data from https://rubygems.org/ - Errno::ECONNREFUSED: Failed to open TCP connection to rubygems.org:443 (Connection refused - connect(2) for 151.101.1.227:443)', 'error:  Failed to open TCP connection to api.example.com:80 (getaddrinfo: Temporary failure in name resolution)'],
  }),
  sig({
    id: 'registry.bundler-could-not-reach-host',
    cause: 'registry.dns',
    // Bundler::Fetcher::NetworkDownError: raised for SocketError (the lookup) and for EHOSTUNREACH, ENETUNREACH and
    // EADDRNOTAVAIL. A name that does not resolve is the common case; an unreachable network the other.
    re: /could not reach host [\w.-]+\.\s+check your network connection and\s+try\s+again/,
    anchors: ['could not reach host'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['dns.node-resolver', 'node.firewall', 'registry.proxy'],
    check: 'getent hosts <host> and curl -sI https://<host>/ where bundle runs: no address is the name (the Gemfile source, or the resolver); an address that does not answer is a route or firewall, or a network that needs https_proxy',
    source: 'Bundler::Fetcher ("Could not reach host %s. Check your network connection and try again.", NetworkDownError for SocketError, EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL)',
    samples: [
      'Could not reach host gems.corp.example. Check your network connection and try\nagain.',
      'Could not reach host index.rubygems.org. Check your network connection and try again.',
    ],
    counterSamples: ['Could not fetch specs from https://rubygems.org/ due to underlying error <Errno::ECONNREFUSED: Failed to open TCP connection to rubygems.org:443 (Connection refused - connect(2) for 151.101.1.227:443)>'],
  }),
  sig({
    id: 'registry.ruby-open-timeout-connect',
    cause: 'registry.connect-timeout',
    // Net::OpenTimeout wrapped in "Failed to open TCP connection": the TCP connect itself did not complete within
    // open_timeout (a firewall dropping SYNs, a host that is down, a route to nowhere).
    re: /net::opentimeout: failed to open tcp connection to [\w.-]+:\d+ \((?:connection timed out - user specified timeout|execution expired)\)/,
    anchors: ['net::opentimeout'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['node.firewall', 'registry.proxy'],
    check: 'nc -vz -w5 <host> <port> where gem or bundle runs: no answer is a firewall, route or down host on the way to the gem source; a network that reaches out only through a proxy needs https_proxy',
    source: 'Ruby net/http ("Failed to open TCP connection to %s:%s (%s)" around Net::OpenTimeout) through Bundler ("Could not fetch specs from %s due to underlying error <…>") and RubyGems',
    samples: [
      'Retrying fetcher due to error (2/4): Bundler::HTTPError Could not fetch specs from https://gems.corp.example/ due to underlying error <Net::OpenTimeout: Failed to open TCP connection to gems.corp.example:443 (Connection timed out - user specified timeout) (https://gems.corp.example/specs.4.8.gz)>',
      'Unable to download data from https://rubygems.org/ - Net::OpenTimeout: Failed to open TCP connection to rubygems.org:443 (execution expired) (https://rubygems.org/specs.4.8.gz)',
    ],
    counterSamples: ['Bundler::HTTPError Could not fetch specs from https://gems.corp.example/ due to underlying error <Net::OpenTimeout: Net::OpenTimeout (https://gems.corp.example/specs.4.8.gz)>'],
  }),
  sig({
    id: 'registry.ruby-open-timeout-tls',
    cause: 'registry.tls-handshake-timeout',
    // A bare Net::OpenTimeout (not wrapped in "Failed to open TCP connection"): Net::HTTP's TCP connect succeeded, then
    // ssl_socket_connect, which runs under the same open_timeout, did not finish — the TLS handshake hung (a
    // middlebox, an MTU black hole, a server that accepts and never answers).
    re: /net::opentimeout: net::opentimeout(?: \(https?:\/\/\S+\))?/,
    anchors: ['net::opentimeout: net::opentimeout'],
    confidence: 0.65,
    specificity: 91,
    alternatives: ['registry.connect-timeout', 'flannel.mtu', 'registry.proxy'],
    check: 'openssl s_client -connect <host>:443 -servername <host> where bundle runs: a TCP connect that then hangs without a certificate is a firewall or proxy in the path, or an MTU black hole (try a smaller MTU)',
    source: 'Ruby net/http connect (open_timeout covers TCP connect and ssl_socket_connect; only the TCP part is re-raised as "Failed to open TCP connection")',
    samples: [
      'Retrying fetcher due to error (2/4): Bundler::HTTPError Could not fetch specs from https://gems.corp.example/ due to underlying error <Net::OpenTimeout: Net::OpenTimeout (https://gems.corp.example/specs.4.8.gz)>',
      'Unable to download data from https://rubygems.org/ - Net::OpenTimeout: Net::OpenTimeout (https://rubygems.org/specs.4.8.gz)',
    ],
    counterSamples: ['<Net::OpenTimeout: Failed to open TCP connection to gems.corp.example:443 (Connection timed out - user specified timeout)>'],
  }),
  sig({
    id: 'registry.ruby-econnreset-ssl-connect',
    cause: 'registry.connection-refused',
    // The peer reset the connection during the TLS handshake (Errno::ECONNRESET "… - SSL_connect"): something at the
    // source's address accepts TCP and drops it (a server that is not TLS there, a load balancer without backends, a
    // filtering proxy or firewall).
    re: /errno::econnreset: connection reset by peer - ssl_connect/,
    anchors: ['connection reset by peer - ssl_connect'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['registry.http-to-https', 'registry.proxy', 'node.firewall'],
    check: 'openssl s_client -connect <host>:<port> -servername <host> where gem or bundle runs: a reset before any certificate is the service at that port (not TLS, no backend) or a middlebox that filters the connection',
    source: 'Ruby openssl (OpenSSL::SSL::SSLSocket#connect raising Errno::ECONNRESET "Connection reset by peer - SSL_connect")',
    samples: [
      'Retrying fetcher due to error (2/4): Bundler::HTTPError Could not fetch specs from https://gems.corp.example/ due to underlying error <Errno::ECONNRESET: Connection reset by peer - SSL_connect (https://gems.corp.example/specs.4.8.gz)>',
      'Unable to download data from https://rubygems.org/ - Errno::ECONNRESET: Connection reset by peer - SSL_connect (https://rubygems.org/specs.4.8.gz)',
    ],
    counterSamples: ['Errno::ECONNREFUSED: Failed to open TCP connection to rubygems.org:443 (Connection refused - connect(2) for 151.101.1.227:443)'],
  }),
  sig({
    id: 'registry.rubygems-too-many-connection-resets',
    cause: 'registry.connection-refused',
    // Net::HTTP::Persistent's "too many connection resets": every attempt on the connection ended in a reset or EOF
    // before a response. The text does not say why (a plain-HTTP URL sent to a TLS port, a server demanding a client
    // certificate, a proxy or load balancer cutting the connection).
    re: /(?:unable to download data from \S+ - |underlying\s+error\s+<)too many connection resets/,
    anchors: ['too many connection resets'],
    confidence: 0.5,
    specificity: 88,
    alternatives: ['registry.http-to-https', 'registry.proxy', 'registry.server-error'],
    check: 'curl -v <source URL>specs.4.8.gz where gem or bundle runs: a reset on an http:// URL to a TLS port means the source must be https://; a TLS alert "certificate required" means the source wants a client certificate; otherwise look at the proxy or balancer in front of it',
    source: 'net-http-persistent ("too many connection resets (due to %s - %s) after %d requests on %d") as RubyGems and Bundler shorten it',
    samples: [
      'Unable to download data from http://gems.corp.example/ - too many connection resets (http://gems.corp.example/specs.4.8.gz)',
      'Could not fetch specs from https://gems.corp.example/ due to underlying\nerror <too many connection resets (https://gems.corp.example/specs.4.8.gz)>',
    ],
    counterSamples: ['Errno::ECONNRESET: Connection reset by peer - SSL_connect'],
  }),
  sig({
    id: 'registry.rubygems-bad-response-401',
    cause: 'image.auth-missing',
    // RubyGems' own "bad response <reason> <code>" for a 401 on the source's index: the source wants credentials
    // the URL does not carry (https://user:token@host/ or gem sources with credentials).
    re: /bad\s+response\s+unauthorized\s+401/,
    anchors: ['bad response unauthorized 401'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['image.auth-rejected'],
    check: 'the source URL gem uses (gem sources -l, ~/.gemrc): a private source needs its credentials in it (https://<user>:<token>@host/) or in the Gemfile\'s bundle config; a 401 with credentials present means they are wrong',
    source: 'RubyGems Gem::RemoteFetcher ("bad response %s %d" for a status it does not follow)',
    samples: ['Unable to download data from https://gems.corp.example/ - bad response Unauthorized 401 (https://gems.corp.example/specs.4.8.gz)', 'Could not fetch specs from https://gems.corp.example/ due to\nunderlying error <bad response Unauthorized 401\n(https://gems.corp.example/specs.4.8.gz)>'],
    counterSamples: ['bad response Forbidden 403 (https://gems.corp.example/specs.4.8.gz)'],
  }),
  sig({
    id: 'registry.rubygems-bad-response-403',
    cause: 'image.auth-rejected',
    // 403 on the gem source's index: the source refuses this client (a token without access, an IP allow list). A
    // bucket-backed source can answer 403 for a path that is not there, so a wrong source URL stays a candidate.
    re: /bad\s+response\s+forbidden\s+403/,
    anchors: ['bad response forbidden 403'],
    confidence: 0.6,
    specificity: 92,
    alternatives: ['image.not-found', 'image.auth-missing'],
    check: 'curl -sI <source URL>specs.4.8.gz with and without the credentials: 403 with them is a token without access to that source; the same 403 for an anonymous request to an S3/GCS-backed source can mean the path is wrong',
    source: 'RubyGems Gem::RemoteFetcher ("bad response %s %d")',
    samples: ['Unable to download data from https://gems.corp.example/ - bad response Forbidden 403 (https://gems.corp.example/specs.4.8.gz)', 'Retrying fetcher due to error (2/4): Bundler::HTTPError Could not fetch specs from https://gems.corp.example/ due to underlying error <bad response Forbidden 403 (https://gems.corp.example/specs.4.8.gz)>'],
    counterSamples: ['bad response Unauthorized 401 (https://gems.corp.example/specs.4.8.gz)'],
  }),
  sig({
    id: 'registry.rubygems-bad-response-404',
    cause: 'image.not-found',
    // 404 for specs.4.8.gz: nothing is a gem source at that URL (the path is wrong, or the repository manager's
    // repository is named otherwise).
    re: /bad\s+response\s+not\s+found\s+404/,
    anchors: ['bad response not found 404'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'curl -sI <source URL>specs.4.8.gz: a gem source serves specs.4.8.gz (or /versions for the compact index) under its root — fix the path in gem sources or the Gemfile\'s source',
    source: 'RubyGems Gem::RemoteFetcher ("bad response %s %d") through Bundler ("Could not fetch specs from %s due to underlying error <…>")',
    samples: [
      'Unable to download data from https://nexus.corp.example/repository/gems/ - bad response Not Found 404 (https://nexus.corp.example/repository/gems/specs.4.8.gz)',
      'Could not fetch specs from https://nexus.corp.example/repository/gems/ due to\nunderlying error <bad response Not Found 404\n(https://nexus.corp.example/repository/gems/specs.4.8.gz)>',
    ],
    counterSamples: ['bad response Service Unavailable 503 (https://gems.corp.example/specs.4.8.gz)'],
  }),
  sig({
    id: 'registry.rubygems-bad-response-429',
    cause: 'image.rate-limited',
    re: /bad\s+response\s+too\s+many\s+requests\s+429/,
    anchors: ['bad response too many requests 429'],
    confidence: 0.85,
    specificity: 92,
    check: 'the source\'s rate limit: fewer parallel installs from one address, a cache or mirror in between, or credentials with a higher limit',
    source: 'RubyGems Gem::RemoteFetcher ("bad response %s %d")',
    samples: ['Unable to download data from https://gems.corp.example/ - bad response Too Many Requests 429 (https://gems.corp.example/specs.4.8.gz)', 'Could not fetch specs from https://rubygems.org/ due to underlying error <bad response Too Many Requests 429 (https://rubygems.org/specs.4.8.gz)>'],
    counterSamples: ['bad response Not Found 404 (https://gems.corp.example/specs.4.8.gz)'],
  }),
  sig({
    id: 'registry.rubygems-bad-response-5xx',
    cause: 'registry.server-error',
    re: /bad\s+response\s+[a-z][a-z ]{2,40}\s+50[0-4]\b/,
    anchors: ['bad response '],
    confidence: 0.8,
    specificity: 91,
    alternatives: ['registry.proxy'],
    check: 'the gem source itself (or the proxy in front of it): it answers, but with a server error — its status page or logs; retry later',
    source: 'RubyGems Gem::RemoteFetcher ("bad response %s %d")',
    samples: [
      'Unable to download data from https://gems.corp.example/ - bad response Service Unavailable 503 (https://gems.corp.example/specs.4.8.gz)',
      'Could not fetch specs from https://gems.corp.example/ due to\nunderlying error <bad response Internal Server Error 500\n(https://gems.corp.example/specs.4.8.gz)>',
    ],
    counterSamples: ['bad response Too Many Requests 429 (https://gems.corp.example/specs.4.8.gz)'],
  }),
  sig({
    id: 'registry.rubygems-verify-expired',
    cause: 'registry.tls-expired-or-clock',
    // RubyGems' certificate verify callback, printed before the download error: the chain's certificate at that depth
    // is past its notAfter, or not yet at its notBefore — the certificate, or this machine's clock.
    re: /(?:ssl verification error at depth \d+: certificate (?:has expired|is not yet valid) \(\d+\)|certificate \/\S+ (?:expired at|not valid until) \d{4}-\d\d-\d\d)/,
    anchors: ['ssl verification error at depth', 'expired at', 'not valid until'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['registry.tls-untrusted'],
    check: 'date -u where gem runs against the dates printed: a clock far off is the machine (NTP); a clock that is right means the source\'s certificate must be renewed',
    source: 'RubyGems Gem::Request.verify_certificate_message ("SSL verification error at depth %d: %s (%d)", "Certificate %s expired at %s", "Certificate %s not valid until %s")',
    samples: [
      'ERROR:  SSL verification error at depth 0: certificate has expired (10)',
      'ERROR:  Certificate /CN=gems.corp.example expired at 2026-11-06T23:33:03Z',
      'ERROR:  Certificate /CN=gems.corp.example not valid until 2027-01-05T23:33:04Z',
    ],
    counterSamples: ['ERROR:  SSL verification error at depth 0: hostname mismatch (62)'],
  }),
  sig({
    id: 'registry.rubygems-verify-untrusted',
    cause: 'registry.tls-untrusted',
    re: /(?:ssl verification error at depth \d+: (?:self-signed certificate(?: in certificate chain)?|unable to get local issuer certificate|unable to get issuer certificate) \(\d+\)|certificate \/\S+ is not trusted)/,
    anchors: ['ssl verification error at depth', 'is not trusted'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['registry.proxy'],
    check: 'the CA that signed the source\'s certificate must be in the trust store Ruby\'s OpenSSL reads (SSL_CERT_FILE, or /etc/ssl/certs after update-ca-certificates); a TLS-inspecting proxy\'s CA is the usual missing one',
    source: 'RubyGems Gem::Request.verify_certificate_message ("SSL verification error at depth %d: %s (%d)", "Certificate %s is not trusted")',
    samples: ['ERROR:  SSL verification error at depth 0: self-signed certificate (18)', 'ERROR:  Certificate /CN=gems.corp.example is not trusted'],
    counterSamples: ['ERROR:  SSL verification error at depth 0: certificate has expired (10)'],
  }),
  sig({
    id: 'registry.rubygems-verify-hostname',
    cause: 'registry.tls-name-mismatch',
    re: /ssl verification error at depth \d+: hostname mismatch \(\d+\)/,
    anchors: ['hostname mismatch ('],
    confidence: 0.85,
    specificity: 93,
    check: 'openssl s_client -connect <host>:443 -servername <host> | openssl x509 -noout -ext subjectAltName: the source URL must use a name the certificate lists',
    source: 'RubyGems Gem::Request.verify_certificate_message with OpenSSL X509_V_ERR_HOSTNAME_MISMATCH (62)',
    samples: ['ERROR:  SSL verification error at depth 0: hostname mismatch (62)', 'SSL verification error at depth 0: hostname mismatch (62)'],
    counterSamples: ['ERROR:  SSL verification error at depth 0: self-signed certificate (18)'],
  }),
  sig({
    id: 'registry.bundler-certificate-failure',
    cause: 'registry.tls-untrusted',
    // Bundler::Fetcher::CertificateFailureError hides OpenSSL's reason: an unknown CA (the common case, as its text
    // says), but also an expired or not-yet-valid certificate or one for another name.
    re: /could not verify the ssl certificate for https:\/\/\S+?\.?(?:\s|$)/,
    anchors: ['could not verify the ssl certificate for'],
    confidence: 0.55,
    specificity: 90,
    alternatives: ['registry.tls-expired-or-clock', 'registry.tls-name-mismatch', 'registry.proxy'],
    check: 'openssl s_client -connect <host>:443 -servername <host> where bundle runs: "Verify return code" names the reason — unable to get local issuer (add the CA to the system store), certificate has expired or is not yet valid (the certificate or the clock), or a name the certificate does not list',
    source: 'Bundler::Fetcher::CertificateFailureError ("Could not verify the SSL certificate for %s. There is a chance you are experiencing a man-in-the-middle attack, …")',
    samples: [
      'Retrying fetcher due to error (2/4): Bundler::Fetcher::CertificateFailureError Could not verify the SSL certificate for https://gems.corp.example/.',
      "Could not verify the SSL certificate for https://gems.corp.example/.\nThere is a chance you are experiencing a man-in-the-middle attack, but most\nlikely your system doesn't have the CA certificates needed for verification.",
    ],
    counterSamples: ['SSL_connect returned=1 errno=0 state=error: certificate verify failed (certificate has expired)'],
  }),
  sig({
    id: 'registry.ruby-ssl-wrong-version-number',
    cause: 'registry.http-to-https',
    // OpenSSL read a first record that is not TLS: the port answered in plain HTTP while gem or bundle spoke TLS
    // (an https:// source on a plain-HTTP port), or a proxy answered in clear text. Bundler wraps "wrong version number".
    re: /ssl_connect returned=1 errno=0 (?:peeraddr=\S+ )?state=error: wrong\s+version\s+number/,
    anchors: ['ssl_connect returned=1'],
    confidence: 0.75,
    specificity: 91,
    alternatives: ['registry.proxy'],
    check: 'curl -v http://<host>:<port>/specs.4.8.gz: an answer means that port serves plain HTTP — use http:// in the source or its TLS port',
    source: 'Ruby openssl (SSLSocket#connect: "SSL_connect returned=1 errno=0 peeraddr=%s state=error: wrong version number")',
    samples: [
      'Could not fetch specs from https://gems.corp.example/ due to underlying\nerror <SSL_connect returned=1 errno=0 peeraddr=10.0.0.5:443 state=error: wrong\nversion number (https://gems.corp.example/specs.4.8.gz)>',
      'Unable to download data from https://gems.corp.example/ - SSL_connect returned=1 errno=0 peeraddr=10.0.0.5:443 state=error: wrong version number (https://gems.corp.example/specs.4.8.gz)',
    ],
    counterSamples: ['SSL_connect returned=1 errno=0 state=error: certificate verify failed (self-signed certificate)'],
  }),
  sig({
    id: 'registry.bundler-gem-not-in-source',
    cause: 'image.not-found',
    // Bundler resolved against the source's index and found no gem by that name (or no version meeting the Gemfile's
    // requirement): the gem or version does not exist there.
    re: /could not find gem '[^'\n]+' in (?:rubygems repository|any of the gem sources|locally installed gems)/,
    anchors: ['could not find gem'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'gem search -r <name> --source <source URL> (or gem list -r -a): the name and versions the source has — fix the Gemfile\'s name or requirement, or add the source that publishes it',
    source: 'Bundler::GemNotFound ("Could not find gem \'%s\' in rubygems repository %s or installed locally.")',
    samples: [
      "Could not find gem 'acme-gadgets' in rubygems repository\nhttps://gems.corp.example/ or installed locally.",
      "Could not find gem 'corp-logger (~> 2.1)' in rubygems repository https://gems.corp.example/ or installed locally.",
    ],
    counterSamples: ["Could not find a valid gem 'acme-gadgets' (>= 0) in any repository"],
  }),
  sig({
    id: 'registry.ruby-proxy-connect-status',
    cause: 'registry.proxy',
    // Net::HTTP#connect sends CONNECT to the proxy and calls #value on its answer: a refusal (403 by policy, 407 for
    // credentials, 502 when it could not reach the source) surfaces as Net::HTTPServerException (HTTPClientException
    // in newer Ruby) or Net::HTTPFatalError with the proxy's status, not as RubyGems' "bad response".
    re: /net::http(?:server|client)exception\)?:?\s+40[37] "(?:forbidden|proxy authentication required)"|net::httpfatalerror\)?:?\s+50[234] "/,
    anchors: ['net::httpserverexception', 'net::httpclientexception', 'net::httpfatalerror'],
    confidence: 0.75,
    specificity: 91,
    alternatives: ['image.auth-rejected', 'registry.server-error'],
    check: 'https_proxy / HTTPS_PROXY where gem or bundle runs: 407 wants credentials in the proxy URL, 403 is the proxy\'s allow list refusing the source\'s host (or set no_proxy for an internal source)',
    source: 'Ruby net/http connect (proxy CONNECT, res.value raising HTTPServerException/HTTPClientException "%d \\"%s\\"") through Bundler ("Retrying fetcher due to error (2/4): …")',
    samples: [
      'Retrying fetcher due to error (2/4): Net::HTTPServerException 403 "Forbidden"',
      'Net::HTTPClientException: 407 "Proxy Authentication Required"',
      'ERROR:  While executing gem ... (Net::HTTPServerException)\n    403 "Forbidden"',
      'ERROR:  While executing gem ... (Net::HTTPFatalError)\n    502 "Bad Gateway"',
    ],
    counterSamples: ['bad response Forbidden 403 (https://gems.corp.example/specs.4.8.gz)'],
  }),
  sig({
    id: 'registry.bundler-no-space-on-device',
    cause: 'image.disk-full',
    re: /bundler::nospaceondeviceerror|there was an error while trying to write to `[^`]+`\. there is no space left on the device/,
    anchors: ['nospaceondeviceerror', 'no space left on the device'],
    confidence: 0.9,
    specificity: 93,
    check: 'df -h on the bundle path (bundle config path, BUNDLE_PATH) and the gem cache: free space or install elsewhere',
    source: 'Bundler::NoSpaceOnDeviceError ("There was an error while trying to write to `%s`. There is no space left on the device.")',
    samples: ['Retrying download gem from https://gems.corp.example/ due to error (2/4): Bundler::NoSpaceOnDeviceError There was an error while trying to write to `/app/vendor/ruby/3.1.0/cache/corp-logger-0.9.0.gem`. There is no space left on the device.', 'Bundler::NoSpaceOnDeviceError: There was an error while trying to write to `/usr/local/bundle/cache/rack-3.0.8.gem`. There is no space left on the device.'],
    counterSamples: ['Bundler::PermissionError There was an error while trying to write to `/app/vendor`.'],
  }),
  sig({
    id: 'registry.ruby-proxy-host-unreachable',
    cause: 'registry.proxy',
    // Net::HTTP names the host it opened the TCP connection to: through https_proxy that is the proxy, so a refusal
    // or a failed lookup of a host named like a proxy is the proxy setting, not the gem source. The name is the only
    // sign, so a source whose own name contains "proxy" would read the same.
    re: /failed to open tcp connection to\s+[\w.-]*proxy[\w.-]*:\d+\s+\((?:connection refused|getaddrinfo: [a-z ]+\))/,
    anchors: ['failed to open tcp connection to'],
    confidence: 0.7,
    specificity: 93,
    alternatives: ['registry.connection-refused', 'registry.dns'],
    check: 'https_proxy / http_proxy (and gem\'s --http-proxy, ~/.gemrc http_proxy) where gem or bundle runs: the proxy must resolve and listen there — nc -vz <proxy host> <port>; unset it if the network reaches the source directly',
    source: 'Ruby net/http ("Failed to open TCP connection to %s:%s (%s)", the proxy\'s address when a proxy is set)',
    samples: [
      'Unable to download data from https://rubygems.org/ - Errno::ECONNREFUSED: Failed to open TCP connection to proxy.corp.example:3128 (Connection refused - connect(2) for 10.0.0.8:3128) (https://rubygems.org/specs.4.8.gz)',
      'Could not fetch specs from https://rubygems.org/ due to underlying\nerror <SocketError: Failed to open TCP connection to proxy.corp.example:3128\n(getaddrinfo: Name or service not known)\n(https://rubygems.org/specs.4.8.gz)>',
    ],
    counterSamples: ['Failed to open TCP connection to rubygems.org:443 (Connection refused - connect(2) for 151.101.1.227:443)'],
  }),
  sig({
    id: 'registry.rubygems-no-valid-gem',
    cause: 'image.not-found',
    // RubyGems searched every source and none has a gem by that name with a version meeting the requirement.
    re: /could not find a valid gem '[^'\n]+' \([^)\n]*\) in any repository/,
    anchors: ['could not find a valid gem'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'gem search -r <name> --source <source URL> (or gem list -r -a <name>): the name and versions the source has; "Possible alternatives" below the error lists near names',
    source: 'RubyGems Gem::UnsatisfiableDependencyError / Gem::SpecFetcher ("Could not find a valid gem \'%s\' (%s) in any repository")',
    samples: ["ERROR:  Could not find a valid gem 'acme-gadgets' (>= 0) in any repository", "ERROR:  Could not find a valid gem 'corp-logger' (~> 2.1) in any repository"],
    counterSamples: ["ERROR:  Could not find a valid gem 'acme-widgets' (>= 0), here is why:"],
  }),
];
