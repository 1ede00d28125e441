import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Credential texts as users paste them cut: a terminal, kubectl describe or k9s wraps a long pull event at a column
 * width (the break falls on a space, the next line often indented) and k9s cuts its end with "…". The words stay
 * the components' own — Docker's and containerd's "no basic auth credentials" (no credentials for the host were
 * sent), containerd's authorizer "failed to fetch oauth token" (credentials were sent and refused) — only the
 * spaces between them become line breaks.
 */
const TRANSPORT_AFTER = String.raw`(?![\s\S]{0,400}(dial\s+tcp|connect:\s|connection\s+reset|i\/o\s+timeout|no\s+such\s+host|tls\s+handshake\s+timeout|context\s+deadline\s+exceeded))`;

export const WRAPPED_IMAGE_SIGNATURES: Signature[] = [
  sig({
    id: 'image.pasted-no-basic-auth',
    cause: 'image.auth-missing',
    // "cre" and no more: k9s cuts the line's end ("no basic auth credenti…").
    re: /no\s+basic\s+auth\s+cre/,
    anchors: ['no basic', 'basic auth'],
    confidence: 0.85,
    specificity: 85,
    alternatives: ['image.not-found', 'image.pullsecret-missing', 'image.pullsecret-wrong-registry', 'image.pullsecret-malformed'],
    check: 'the pod\'s imagePullSecrets (kubectl get pod <pod> -o jsonpath={.spec.imagePullSecrets}) must hold an auths entry for the image\'s registry host, written as the image names it (host:port)',
    source: 'docker/distribution registry client auth ("no basic auth credentials"), containerd docker authorizer; as wrapped by kubectl describe or cut by k9s',
    samples: [
      'Error response from daemon: Head "https://<registry>/v2/<image>/manifests/2.1": no basic auth\n                   credentials',
      'Failed to pull image "[REDACTED]/app:1": rpc error: code = Unknown desc = pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credenti…',
    ],
    counterSamples: ['basic auth credentials accepted for registry.example.com'],
  }),
  sig({
    id: 'image.pasted-oauth-token-refused',
    cause: 'image.auth-rejected',
    // As image.oauth-token-refused: a token service answering 5xx is the registry's failure, a transport error the network's.
    re: new RegExp(String.raw`failed\s+to\s+fetch\s+oauth\s+token(?!:\s+unexpected\s+status(?:\s+from\s+\w+\s+request\s+to\s+\S+)?:\s+5\d\d)` + TRANSPORT_AFTER),
    anchors: ['oauth'],
    confidence: 0.85,
    specificity: 88,
    alternatives: ['image.pullsecret-wrong-registry', 'registry.server-error', 'image.auth-missing'],
    check: 'kubectl get secret <pull secret> -o jsonpath=\'{.data.\\.dockerconfigjson}\' | base64 -d: is there an auths entry for exactly this registry host, and do those credentials log in (docker login <host>)?',
    source: 'containerd remotes/docker authorizer ("failed to fetch oauth token"), as wrapped by kubectl describe or a terminal',
    samples: [
      'failed to resolve reference\n  "[REDACTED]/payments/api:2.1": failed to authorize: failed to fetch oauth\n  token: unexpected status from GET request to\n  https://[REDACTED]/service/token?scope=repository%3Apayments/api%3Apull&service=harbor-registry:\n  401 Unauthorized',
      'failed to authorize: failed to fetch\noauth token: unexpected status: 401 Unauthorized',
    ],
    counterSamples: [
      'failed to authorize: failed to fetch oauth\ntoken: unexpected status: 503 Service Unavailable',
      'failed to fetch oauth token: Post "https://<registry>/service/token": dial tcp <ip>:443: i/o timeout',
    ],
  }),
];
