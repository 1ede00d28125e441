import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * tinyproxy's (1.11.1) own log for a tunnel it did not open, as read from its log file while skopeo 1.9.3, regctl
 * 0.11.7 and Trivy v0.74.0 pulled through it: its Allow list refusing the client, its Upstream proxy not answering,
 * and the registry refusing or not resolving from the proxy's host (issue 13, reading "scanners").
 */
export const TINYPROXY_LOG_SIGNATURES: Signature[] = [
  sig({
    id: 'tinyproxy.log-upstream-unreachable',
    cause: 'registry.proxy',
    re: /could not connect to upstream proxy\b/,
    anchors: ['could not connect to upstream proxy'],
    confidence: 0.85,
    specificity: 88,
    check: 'tinyproxy.conf Upstream: that proxy must listen and be reachable from this proxy\'s host (nc -vz <upstream> <port> there)',
    source: 'tinyproxy reqs.c (connect_to_upstream: log_message(LOG_WARNING, "Could not connect to upstream proxy.")); read with tinyproxy 1.11.1 whose Upstream did not listen',
    samples: ['WARNING   [24059]: Could not connect to upstream proxy.', 'WARNING   Dec 07 14:42:45.476 [24059]: Could not connect to upstream proxy.'],
    counterSamples: ['Unable to connect to upstream'],
  }),
  sig({
    id: 'tinyproxy.log-unauthorized-client',
    cause: 'registry.proxy',
    // acl.c: the client's address matches no Allow line (or a Deny line): tinyproxy answers 403 "Access denied".
    re: /unauthorized connection from \\?"[0-9a-f.:]+\\?"/,
    anchors: ['unauthorized connection from'],
    confidence: 0.85,
    specificity: 88,
    check: 'tinyproxy.conf Allow and Deny lines: the client\'s (node\'s) address must match an Allow line',
    source: 'tinyproxy child.c/acl.c (check_acl refusing: log_message(LOG_NOTICE, "Unauthorized connection from \\"%s\\".")); read with tinyproxy 1.11.1 whose Allow named another network',
    samples: ['NOTICE    [24056]: Unauthorized connection from "127.0.0.1".', 'NOTICE    Dec 07 14:42:44.455 [24056]: Unauthorized connection from "10.0.0.12".'],
    counterSamples: ['Unauthorized'],
  }),
  sig({
    id: 'tinyproxy.log-target-unresolvable',
    cause: 'registry.dns',
    // opensock's getaddrinfo failed for the host the client asked to tunnel to: the name does not resolve from the
    // proxy's host (its resolver, not the client's, is the one that counts behind a proxy).
    re: /opensock: could not retrieve address info for [^\s:]+:\d+: (name or service not known|temporary failure in name resolution|no address associated with hostname)/,
    anchors: ['could not retrieve address info for'],
    confidence: 0.7,
    specificity: 88,
    alternatives: ['dns.node-resolver'],
    check: 'on the proxy\'s host: getent hosts <registry> — "Name or service not known" is a name that does not exist there (typo, split DNS the proxy does not see); "Temporary failure" is the proxy host\'s resolver down',
    source: 'tinyproxy sock.c opensock ("opensock: Could not retrieve address info for %s:%d: %s" with gai_strerror); read with tinyproxy 1.11.1 asked to tunnel to a name its resolver answered NXDOMAIN for',
    samples: [
      'ERROR     [24049]: opensock: Could not retrieve address info for nonexist.fd.test:5000: Name or service not known',
      'ERROR     Dec 07 14:42:42.824 [24051]: opensock: Could not retrieve address info for registry.corp.example:443: Temporary failure in name resolution',
    ],
    counterSamples: ['opensock: Could not establish a connection to refused.fd.test:5011'],
  }),
  sig({
    id: 'tinyproxy.log-target-unreachable',
    cause: 'registry.connection-refused',
    // opensock tried every address of the target and none accepted: refused at once, or timed out, or unreachable;
    // the log line does not say which.
    re: /opensock: could not establish a connection to [^\s:]+:\d+/,
    anchors: ['could not establish a connection to'],
    confidence: 0.55,
    specificity: 85,
    alternatives: ['registry.connect-timeout', 'node.firewall'],
    check: 'from the proxy\'s host: nc -vz <registry> <port> — refused at once is nothing listening there; a hang is a firewall or route dropping the proxy\'s connection',
    source: 'tinyproxy sock.c opensock (log_message(LOG_ERR, "opensock: Could not establish a connection to %s:%d")); read with tinyproxy 1.11.1 asked to tunnel to a port nothing listened on',
    samples: ['ERROR     [24049]: opensock: Could not establish a connection to refused.fd.test:5011', 'ERROR     Dec 07 14:17:30.104 [24049]: opensock: Could not establish a connection to registry.corp.example:443'],
    counterSamples: ['opensock: Could not retrieve address info for nonexist.fd.test:5000: Name or service not known'],
  }),
];
