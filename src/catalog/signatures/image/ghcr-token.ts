import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * GitHub's container registry hands anonymous pull tokens only for public packages, and answers 403 alike for a
 * package that is private and for one that does not exist (it does not tell strangers which names exist). An
 * anonymous token refused there is therefore no proof that credentials are missing: the name may be wrong.
 */
export const GHCR_TOKEN_SIGNATURES: Signature[] = [
  sig({
    id: 'image.ghcr-anonymous-token-403',
    cause: 'unknown',
    re: /failed to fetch anonymous token: unexpected status from get request to https:\/\/ghcr\.io\/token\?[^\n]{0,400}?:\s+403 forbidden/,
    anchors: ['https://ghcr.io/token?'],
    also: ['failed to fetch anonymous token'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['image.not-found', 'image.auth-missing', 'image.invalid-reference'],
    check: 'whether the package exists and is public: https://github.com/<owner>?tab=packages, or gh api /users/<owner>/packages/container/<name> (URL-encode slashes in the name); the scope= in the URL is the repository asked for — compare it with the published name (a chart under helm-charts/, an image under the repository name); a private package needs a login with a token that has read:packages',
    source: 'containerd remotes/docker authorizer (fetchAnonymousToken: "unexpected status from GET request to %s: %s") against ghcr.io/token',
    samples: [
      'Error: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Akube-logging%2Fhelm-charts%2Flogging-operator%3Apull&scope=repository%3Auser%2Fimage%3Apull&service=ghcr.io: 403 Forbidden',
      'failed to resolve reference "ghcr.io/cli/cli:latest": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Acli%2Fcli%3Apull&service=ghcr.io: 403 Forbidden',
    ],
    counterSamples: [
      'failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://gitlab.com/jwt/auth?scope=repository%3Axyz%2Fabc%3Apull&service=container_registry: 403 Forbidden',
    ],
  }),
];
