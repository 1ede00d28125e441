import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * regclient's (regctl 0.11.7) own wordings for what a registry answered: its status error with the status text and
 * code in brackets, its digest check of what it read, its warning when a body ended early, and regctl's hint after a
 * plain-HTTP answer. Read by running regctl against docker-registry 2.8.2 with a corrupted blob, against a Python
 * stand-in answering 500/503/504 and a truncated body, and against a plain-HTTP registry (issue 13, reading
 * "scanners").
 */
export const REGCLIENT_REPLY_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.regclient-status-5xx',
    cause: 'registry.server-error',
    // internal/reghttp HTTPError: every status other than 401, 403, 404 and 429 becomes
    // "unexpected http status code: <StatusText> [http <code>]", followed by the body regclient read.
    re: /unexpected http status code: [a-z][a-z -]{2,40} \[http 5\d\d\]/,
    anchors: ['unexpected http status code: '],
    confidence: 0.8,
    specificity: 82,
    // 502 and 504 come from a gateway in front of the registry: a pull-through cache, an ingress, a proxy.
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    check: 'the registry\'s health and logs at that time (regctl -v debug <same command> shows each request and the body); a 502/504 with an HTML page is the ingress or proxy in front of it',
    source: 'regclient internal/reghttp/http.go HTTPError ("%w: %s [http %d]" with errs.ErrHTTPStatus "unexpected http status code"); read with regctl 0.11.7 against a stand-in answering 500 and 503',
    samples: [
      'failed to get manifest faults.fd.test:5008/r500/app:1.0: request failed: unexpected http status code: Internal Server Error [http 500]: {"errors": [{"code": "UNKNOWN", "message": "unknown error", "detail": "storage backend unavailable"}]}',
      'failed to get manifest faults.fd.test:5008/r503/app:1.0: request failed: unexpected http status code: Service Unavailable [http 503]: upstream connect error or disconnect/reset before headers. reset reason: connection failure',
      'failed to get manifest faults.fd.test:5008/r502/app:1.0: request failed: unexpected http status code: Bad Gateway [http 502]: <html>',
    ],
    counterSamples: [
      'failed to get manifest registry.fd.test:5000/fd/app:1.0: request failed: unexpected http status code: Bad Request [http 400]: Client sent an HTTP request to an HTTPS server.',
      'failed to get manifest registry.fd.test:5000/fd/app:9.9: request failed: not found [http 404]',
    ],
  }),
  sig({
    id: 'registry.regclient-digest-mismatch',
    cause: 'registry.server-error',
    // types/blob/reader.go: the bytes read do not hash to the descriptor's digest ("digest mismatch [expected …,
    // calculated …]"); types/manifest: a manifest whose digest is not the one asked for. The registry (or a cache or
    // proxy in the path) served other bytes than it named: corrupted storage, a truncated or rewritten body.
    re: /\bdigest mismatch(?: \[expected sha256:[0-9a-f]{12,64}, calculated sha256:|, expected sha256:[0-9a-f]{12,64}, (computed|received) sha256:)/,
    anchors: ['digest mismatch'],
    also: ['calculated sha256:', 'computed sha256:', 'received sha256:'],
    confidence: 0.75,
    specificity: 85,
    alternatives: ['registry.mirror-misconfigured', 'registry.proxy'],
    check: 'fetch the blob straight from the registry (regctl blob get <repo> <digest> | sha256sum) and compare: a wrong hash there is the registry\'s storage (run its garbage collection or re-push the image); a right one there but wrong through the proxy or mirror is that cache',
    source: 'regclient types/blob/reader.go ("%w [expected %s, calculated %s]: %w" with errs.ErrDigestMismatch) and types/manifest/manifest.go ("manifest digest mismatch, expected %s, computed %s"); read with regctl 0.11.7 blob get against docker-registry 2.8.2 whose blob data file was altered',
    samples: [
      'digest mismatch [expected sha256:b15821d80c1cc02d018309968b4a2e24b31ffa41e0456dddd92eeac8d8391432, calculated sha256:c06efd14b004b9833ad78287e7aa7cd67fd75ca564b9481103c332f8ae1d8319]: EOF',
      'failed to get manifest registry.example.com/team/app@sha256:0e07bba290f2: manifest digest mismatch, expected sha256:0e07bba290f20d979804e9216335c7d5dc4d713c7327c4f2c22b3f9681e1d2f7, computed sha256:c06efd14b004b9833ad78287e7aa7cd67fd75ca564b9481103c332f8ae1d8319',
    ],
    counterSamples: ['digest mismatch', 'expected sha256:b15821d80c1c, got sha256:c06efd14b004'],
  }),
  sig({
    id: 'registry.regctl-tls-disabled-hint',
    cause: 'registry.http-to-https',
    // cmd/regctl/main.go prints this tip only after an error containing "http: server gave HTTP response to HTTPS
    // client": the registry speaks plain HTTP and regctl used TLS.
    re: /try updating your registry with \\?"regctl registry set --tls disabled/,
    anchors: ['regctl registry set --tls disabled'],
    confidence: 0.88,
    specificity: 90,
    check: 'curl -v http://<registry>/v2/ answers: the registry speaks plain HTTP; regctl registry set <registry> --tls disabled (or put TLS in front of it)',
    source: 'regclient cmd/regctl/main.go (tip printed when the error contains "http: server gave HTTP response to HTTPS client"); read with regctl 0.11.7 against docker-registry 2.8.2 without TLS',
    samples: [
      'Try updating your registry with "regctl registry set --tls disabled <registry>"',
      'failed to get manifest plain.fd.test:5001/fd/app:1.0: Get "https://plain.fd.test:5001/v2/fd/app/manifests/1.0": http: server gave HTTP response to HTTPS client\nTry updating your registry with "regctl registry set --tls disabled <registry>"',
    ],
    counterSamples: ['regctl registry set registry.example.com --tls insecure'],
  }),
  sig({
    id: 'registry.regclient-short-read',
    cause: 'registry.server-error',
    // internal/reghttp: a body ended before its Content-Length; regclient tries a range request to resume and warns
    // when that fails too. The registry (or what stands in front of it) cut the answer, or the path dropped it.
    re: /failed to recover from short read/,
    anchors: ['failed to recover from short read'],
    confidence: 0.5,
    specificity: 80,
    alternatives: ['flannel.mtu', 'registry.proxy', 'registry.mirror-misconfigured'],
    check: 'the same request with curl -v straight to the registry: a body shorter than its Content-Length there is the registry (or its ingress) cutting answers; complete there but short through the proxy or overlay is the path (proxy limits, MTU)',
    source: 'regclient internal/reghttp/http.go (slog Warn "Failed to recover from short read" after a range request to resume failed); read with regctl 0.11.7 against a stand-in that closed the manifest body early',
    samples: [
      'level=WARN msg="Failed to recover from short read" err="range request not supported by server"',
      'time=2026-12-07T14:17:06.014Z level=WARN msg="Failed to recover from short read" err="range request not supported by server"',
    ],
    counterSamples: ['short read'],
  }),
];
