import type { Signature } from '../../types.js';
import { sig } from '../define.js';
import { inRegistryContext } from './shared.js';

/**
 * A certificate whose names are only wildcards of some domain, refused for the registry's host. A registry's own
 * certificate lacking a name is the common case; a wildcard for another domain is also what answers when the
 * registry's name was resolved to somebody else's server: a search domain appended to it (ndots) meeting a
 * wildcard DNS record, a proxy or captive portal in the path. The regex cannot compare the two domains, so the
 * answer stays the name mismatch, below sure, with those named as well.
 */
export const TLS_WILDCARD_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.x509-wildcard-for-other-host',
    cause: 'registry.tls-name-mismatch',
    re: inRegistryContext(/certificate is valid for \*\.[^\s,]+(,\s*\*?\.?[^\s,]+){0,6},\s*not \S+/),
    anchors: ['certificate is valid for *.'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['dns.search-ndots', 'registry.proxy'],
    check: 'compare the certificate\'s domain with the registry host\'s: the same domain means the registry\'s certificate lacks the name (reissue it with the host in its SANs); another domain means another server answered — getent hosts <registry host> on the node and the search line of /etc/resolv.conf (a search domain with a wildcard record catches names that do not resolve as written), or a proxy in the path',
    source: 'Go crypto/x509 HostnameError ("x509: certificate is valid for %s, not %s"), with only wildcard names listed',
    samples: [
      'failed to fetch image reference: harbor2.example.com/cosign/alpine:latest, error: Get "https://harbor2.example.com/v2/": x509: certificate is valid for *.corp-names.net, corp-names.net, not harbor2.example.com',
      'failed to authorize: failed to fetch anonymous token: Get "https://auth.docker.io/token?scope=repository%3Alibrary%2Fbusybox%3Apull": x509: certificate is valid for *.portal.example, not auth.docker.io',
    ],
    counterSamples: ['Get "https://10.0.0.5:5000/v2/": x509: certificate is valid for registry.local, not 10.0.0.5'],
  }),
];
