import type { Signature } from '../types.js';
import { sig } from './define.js';
import { withoutPull } from './context.js';

/** HTTP statuses that say which server refused but not why, when nothing in the message is about a pull. */
export const HTTP_STATUS_SIGNATURES: Signature[] = [
  sig({
    id: 'ambiguous.http-403-outside-pull',
    cause: 'unknown',
    // A bare 403 with no pull or registry in the message: a kubelet or API server refusing a scrape (RBAC), GitHub
    // refusing an unauthenticated download over its rate limit, a proxy's or firewall's policy page, a package
    // mirror. A registry's own refusal names itself (DENIED, "denied:", a /v2/ URL) and is read by the image rules.
    re: withoutPull(/\b403 forbidden\b/),
    anchors: ['403 forbidden'],
    confidence: 0.4,
    specificity: 83,
    alternatives: ['image.auth-rejected', 'registry.proxy', 'image.rate-limited'],
    check: 'which server answered? curl -sv <url> with the same credentials: a registry\'s 403 carries its JSON error (DENIED), a proxy\'s or firewall\'s an HTML policy page, GitHub\'s API names its rate limit (x-ratelimit-remaining: 0), a kubelet or API server an RBAC reason (kubectl auth can-i)',
    source: 'HTTP status lines (RFC 9110 §15.5.4: the server understood the request and refuses it)',
    samples: [
      'error: failed to download file, status code: 403 Forbidden',
      'https://10.0.0.5:10250/metrics/cadvisor | DOWN | service="kubelet" | server returned HTTP status 403 Forbidden',
    ],
    counterSamples: ['Failed to pull image "ghcr.io/acme/web:1": failed to resolve reference: unexpected status from HEAD request to https://ghcr.io/v2/acme/web/manifests/1: 403 Forbidden'],
  }),
];
