import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Perl's LWP (lwp-request, and cpanm/cpan when they fetch with LWP) reaching a repository, read from what lwp-request
 * printed against faults built on loopback: LWP::Protocol::http's "Can't connect to <host>:<port> (<reason>)" and the
 * same reason again "at …/LWP/Protocol/http.pm line N.", and its own words for a proxy that refused the tunnel.
 */
export const PERL_LWP_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.lwp-connect-name',
    cause: 'registry.dns',
    // The connect failed because the host's name did not resolve (IO::Socket::IP's getaddrinfo reason).
    re: /can't connect to (?![\w.-]*proxy)[\w.-]+:\d+ \((?:name or service not known|temporary failure in name resolution|no address associated with hostname)\)/,
    anchors: ["can't connect to"],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['dns.node-resolver', 'registry.proxy'],
    check: 'getent hosts <host> where the Perl client runs; the mirror or repository URL (cpanm --mirror, the CPAN config urllist) must name a host that resolves there, or the network needs https_proxy',
    source: 'LWP::Protocol::http ("Can\'t connect to %s:%d (%s)" from IO::Socket::IP, then "%s at …/LWP/Protocol/http.pm line 50.")',
    samples: ["Can't connect to cpan.corp.example:443 (Name or service not known)\nName or service not known at /usr/share/perl5/LWP/Protocol/http.pm line 50.", "500 Can't connect to www.cpan.org:443 (Temporary failure in name resolution)"],
    counterSamples: ["Can't connect to cpan.corp.example:443 (Connection refused)"],
  }),
  sig({
    id: 'registry.lwp-connect-proxy',
    cause: 'registry.proxy',
    // LWP connects to the proxy when https_proxy is set: a host named like a proxy that refuses or does not resolve, or
    // the proxy's answer to CONNECT ("establishing SSL tunnel failed: 403 Forbidden").
    re: /establishing ssl tunnel failed: \d{3} [a-z ]+|can't connect to [\w.-]*proxy[\w.-]*:\d+ \((?:connection refused|name or service not known|connection timed out)\)/,
    anchors: ['establishing ssl tunnel failed', "can't connect to"],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['registry.connection-refused'],
    check: 'https_proxy / HTTPS_PROXY where the Perl client runs: the proxy must listen and allow CONNECT to the repository\'s host (403 is its allow list, 407 wants credentials), or the host belongs in no_proxy',
    source: 'LWP::Protocol::http ("establishing SSL tunnel failed: %s", "Can\'t connect to %s:%d (%s)")',
    samples: [
      'establishing SSL tunnel failed: 403 Forbidden at /usr/share/perl5/LWP/Protocol/http.pm line 206.',
      "Can't connect to proxy.corp.example:3128 (Connection refused)\nConnection refused at /usr/share/perl5/LWP/Protocol/http.pm line 50.",
    ],
    counterSamples: ["Can't connect to cpan.corp.example:443 (Connection refused)"],
  }),
  sig({
    id: 'registry.lwp-connect-refused',
    cause: 'registry.connection-refused',
    re: /can't connect to (?![\w.-]*proxy)[\w.-]+:\d+ \((?:connection refused|connection reset by peer)\)/,
    anchors: ["can't connect to"],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['registry.proxy', 'node.firewall'],
    check: 'nc -vz <host> <port> where the Perl client runs: a refusal means nothing listens there (the mirror down, the port in its URL wrong); a reset is something at that address dropping the connection',
    source: 'LWP::Protocol::http ("Can\'t connect to %s:%d (%s)")',
    samples: [
      "Can't connect to cpan.corp.example:443 (Connection refused)\nConnection refused at /usr/share/perl5/LWP/Protocol/http.pm line 50.",
      "Can't connect to cpan.corp.example:443 (Connection reset by peer)",
    ],
    counterSamples: ["Can't connect to cpan.corp.example:443 (Name or service not known)"],
  }),
  sig({
    id: 'registry.lwp-hostname-verification',
    cause: 'registry.tls-name-mismatch',
    // IO::Socket::SSL checked the certificate's names against the host and none matched.
    re: /can't connect to [\w.-]+:\d+ \(hostname verification failed\)/,
    anchors: ['hostname verification failed'],
    confidence: 0.85,
    specificity: 92,
    check: 'openssl s_client -connect <host>:443 -servername <host> | openssl x509 -noout -ext subjectAltName: the URL must use a name the certificate lists',
    source: 'IO::Socket::SSL verify_hostname ("hostname verification failed") through LWP::Protocol::https',
    samples: ["Can't connect to cpan.corp.example:443 (hostname verification failed)\nhostname verification failed at /usr/share/perl5/LWP/Protocol/http.pm line 50.", "500 Can't connect to cpan.metacpan.org:443 (hostname verification failed)"],
    counterSamples: ["Can't connect to cpan.corp.example:443 (certificate verify failed)"],
  }),
];
