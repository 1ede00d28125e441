import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The distribution registry's (docker-registry 2.8.2) own log when it is set to token authentication (auth.token:
 * realm, issuer, service, rootcertbundle) and a client's token does not let it through. Read from the registry's log
 * while skopeo 1.9.3, regctl 0.11.7 and Trivy v0.74.0 pulled with no credentials, wrong ones, an expired token and a
 * token without the repository's access from a token server written for the test (issue 13, reading "scanners").
 */
export const DISTRIBUTION_TOKEN_LOG_SIGNATURES: Signature[] = [
  sig({
    id: 'distribution.token-invalid',
    cause: 'image.auth-rejected',
    // registry/auth/token/accesscontroller.go: a Bearer token was sent and failed verification (expired or not yet
    // valid, signed by a key the rootcertbundle does not hold, wrong issuer or audience): ErrInvalidToken.
    re: /error authorizing context: invalid token\b/,
    anchors: ['error authorizing context: invalid token'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['registry.tls-expired-or-clock'],
    check: 'decode the token the client got (the middle part of the JWT, base64): exp and nbf against the registry host\'s clock, iss and aud against the registry\'s auth.token issuer and service, and the signing certificate against its rootcertbundle',
    source: 'distribution registry/auth/token/accesscontroller.go (token.Verify failing: challenge with ErrInvalidToken "invalid token"), handlers/app.go ("error authorizing context: %v"); read from registry 2.8.2 given an expired token',
    samples: [
      'level=warning msg="error authorizing context: invalid token" go.version=go1.19.8 http.request.host="token.fd.test:5006" http.request.method=GET http.request.uri=/v2/fd/app/manifests/1.0',
      'time="2026-12-07T14:08:11Z" level=warning msg="error authorizing context: invalid token"',
    ],
    counterSamples: ['level=warning msg="error authorizing context: authorization token required"', 'invalid token'],
  }),
  sig({
    id: 'distribution.token-insufficient-scope',
    cause: 'unknown',
    // The token verified but does not grant the action on that repository. A token server gives an anonymous client
    // a token with no access, so the same line stands for missing credentials and for credentials without access.
    re: /error authorizing context: insufficient scope\b/,
    anchors: ['error authorizing context: insufficient scope'],
    confidence: 0.4,
    specificity: 50,
    alternatives: ['image.auth-rejected', 'image.auth-missing'],
    check: 'the token server\'s log for that request (or the token\'s access claim): sub empty is a client with no credentials for the registry; a user with no pull on that repository is the permission on the token server\'s side',
    source: 'distribution registry/auth/token/accesscontroller.go (access not in the token\'s claims: ErrInsufficientScope "insufficient scope"); read from registry 2.8.2 with an anonymous client and with a user the token server gave no access',
    samples: [
      'level=warning msg="error authorizing context: insufficient scope" go.version=go1.19.8 http.request.host="token.fd.test:5006" http.request.method=GET http.request.uri=/v2/fd/app/manifests/1.0',
      'time="2026-12-07T14:08:12Z" level=warning msg="error authorizing context: insufficient scope"',
    ],
    counterSamples: ['level=warning msg="error authorizing context: invalid token"'],
  }),
  sig({
    id: 'distribution.token-required',
    cause: 'unknown',
    // Low specificity: a client's own text beside it ("authentication required" with no token fetched) decides.
    // No Bearer token on the request: every client's first request (its ping of /v2/) draws this challenge before it
    // fetches a token, so the line alone is the normal first leg; only a client that never comes back with a token
    // stops there.
    re: /error authorizing context: authorization token required\b/,
    anchors: ['error authorizing context: authorization token required'],
    confidence: 0.3,
    specificity: 50,
    alternatives: ['image.auth-missing'],
    check: 'the next requests from the same client address: a request with a token after it is the normal challenge; "invalid token" or "insufficient scope" after it name the token\'s problem; nothing after it is a client that could not get a token (its own error names the realm)',
    source: 'distribution registry/auth/token/accesscontroller.go (no Authorization header: ErrTokenRequired "authorization token required"); read from registry 2.8.2',
    samples: [
      'level=warning msg="error authorizing context: authorization token required" go.version=go1.19.8 http.request.host="token.fd.test:5006" http.request.method=GET http.request.uri=/v2/',
      'time="2026-12-07T14:08:10Z" level=warning msg="error authorizing context: authorization token required"',
    ],
    counterSamples: ['level=warning msg="error authorizing context: invalid token"'],
  }),
];
