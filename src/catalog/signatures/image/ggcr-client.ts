import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * go-containerregistry's own client texts (crane, ko, kaniko, Tekton, Skaffold, Flux): its keychain's warning, the
 * docker CLI config loader it reads credentials with, its name and digest checks, and the warnings it prints beside a
 * push or a redirect that it recovers from.
 */
export const GGCR_CLIENT_SIGNATURES: Signature[] = [
  sig({
    id: 'image.ggcr-token-anonymous',
    cause: 'image.auth-missing',
    // Since v0.20 the bearer transport prints this (without "falling back on anonymous") only after a token request
    // made with no credentials failed: the keychain had nothing for that host. The refusal itself may be on another
    // record; a 5xx or 429 printed after it (ggcr's "status code %d" or the UNAVAILABLE, UNKNOWN, TOOMANYREQUESTS
    // codes) is the registry's own failure, so then the warning does not speak.
    re: /no matching credentials were found for \\?"[^"\\\n]+\\?"(?!,? falling back)(?![\s\S]{0,1500}?(status code (5\d\d|429)\b|\b(unavailable|unknown|toomanyrequests): ))/,
    anchors: ['no matching credentials were found for'],
    confidence: 0.75,
    specificity: 86,
    recordOnly: true,
    alternatives: ['image.auth-rejected', 'registry.server-error'],
    check: 'the docker config the tool reads (~/.docker/config.json or $DOCKER_CONFIG/config.json; in a pod the mounted dockerconfigjson secret): an "auths" or "credHelpers" entry for exactly the host quoted in the warning',
    source: 'go-containerregistry pkg/v1/remote/transport/bearer.go (refreshBasic, refreshOauth: logs.Warn "No matching credentials were found for %q" when the anonymous token request fails)',
    samples: [
      '2026/04/02 07:55:10 No matching credentials were found for "registry.gitlab.com"',
      'W0402 07:55:10.118210 1 bearer.go:536] No matching credentials were found for "europe-west1-docker.pkg.dev"',
    ],
    counterSamples: [
      'No matching credentials were found for "gcr.io", falling back on anonymous',
      'No matching credentials were found for "ghcr.io"\nError: GET https://ghcr.io/token?scope=repository%3Aacme%2Fapp%3Apull: unexpected status code 503 Service Unavailable',
    ],
  }),
  sig({
    id: 'image.docker-config-auth-field',
    cause: 'image.pullsecret-malformed',
    // The docker CLI's config file code (which go-containerregistry's keychain loads, and ggcr's own AuthConfig
    // decoder): an "auth" value that is not base64 of user:password, or a DOCKER_AUTH_CONFIG that is not one JSON
    // object with an "auth" for the host. The credentials never reach the registry.
    re: /invalid auth configuration file|something went wrong decoding auth config|docker_auth_config (environment variable is missing key `auth`|does not support more than one json object)|failed to create credential store from docker_auth_config|unable to decode auth field: /,
    anchors: ['invalid auth configuration file', 'something went wrong decoding auth config', 'docker_auth_config', 'unable to decode auth field'],
    confidence: 0.85,
    specificity: 92,
    check: 'the "auth" value of the entry for that registry in the config the tool reads (or in DOCKER_AUTH_CONFIG): echo <auth> | base64 -d must print user:password; where it is a mounted Secret, kubectl get secret <name> -o jsonpath=\'{.data.\\.dockerconfigjson}\' | base64 -d | jq .',
    source: 'docker/cli cli/config/configfile (decodeAuth: "invalid auth configuration file", "something went wrong decoding auth config"; DOCKER_AUTH_CONFIG store); go-containerregistry pkg/authn AuthConfig.UnmarshalJSON ("unable to decode auth field: %w")',
    samples: [
      'Error: invalid auth configuration file',
      'Error: resolving authorization for ghcr.io/acme/api failed: something went wrong decoding auth config',
      'Error: DOCKER_AUTH_CONFIG environment variable is missing key `auth` for harbor.acme.io',
      'error building image: unable to decode auth field: must be formatted as base64(username:password)',
    ],
    counterSamples: ['Login Succeeded: auth configuration file updated'],
  }),
  sig({
    id: 'image.ggcr-name-length',
    cause: 'image.invalid-reference',
    // go-containerregistry's pkg/name refuses a repository (1–255) or tag (1–128) outside its length, and, under
    // strict validation, a name without an explicit registry or "library/" path.
    re: /\b(repository|tag) must be between \d+ and \d+ characters in length: |strict validation requires (the registry to be explicitly defined|the full repository path)/,
    anchors: ['characters in length: ', 'strict validation requires'],
    confidence: 0.9,
    specificity: 94,
    check: 'the image name as the tool received it (kaniko --destination, ko\'s KO_DOCKER_REPO, a templated tag): a tag of at most 128 characters (a full commit hash plus a branch name can exceed it), and a fully written registry/repository where the tool validates strictly',
    source: 'go-containerregistry pkg/name (check.go checkElement "%s must be between %d and %d characters in length: %s"; registry.go, repository.go strict validation)',
    samples: [
      'Error: tag must be between 1 and 128 characters in length: feature-login-page-3f2c7a9e0b1d4c5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d63f2c7a9e0b1d4c5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70819',
      'Error: strict validation requires the registry to be explicitly defined',
      "Error: strict validation requires the full repository path (missing 'library')",
    ],
    counterSamples: ['password must be between 8 and 64 characters in length: got 5'],
  }),
  sig({
    id: 'image.ggcr-digest-malformed',
    cause: 'image.invalid-reference',
    // go-containerregistry's v1.NewHash, reached from name.NewDigest ("<digest>: <why>"): the digest after "@" is
    // not algorithm:hex of the right length. The same parser reads digests inside manifests, so a registry serving a
    // corrupt manifest says it too — rarely.
    re: /wrong number of hex digits for sha(256|512): |found non-hex character in hash: |\b(unsupported|cannot parse) hash: \\?"/,
    anchors: ['wrong number of hex digits for', 'found non-hex character in hash', 'unsupported hash: ', 'cannot parse hash: '],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['registry.server-error'],
    check: 'the digest in the reference as written: @sha256: followed by exactly 64 lowercase hex characters (a digest cut short by a template or copied with the algorithm twice fails here); if the reference has no digest, the manifest the registry served is at fault',
    source: 'go-containerregistry pkg/v1/hash.go (NewHash, Hash.parse: "wrong number of hex digits for %s: %s", "found non-hex character in hash: %c", "unsupported hash: %q", "cannot parse hash: %q") via pkg/name/digest.go NewDigest',
    samples: [
      'Error: parsing reference "ghcr.io/acme/app@sha256:12ab": sha256:12ab: wrong number of hex digits for sha256: 12ab',
      'error resolving image "quay.io/acme/app@sha256:zz9f": sha256:zz9f: found non-hex character in hash: z',
      'Error: parsing reference "ghcr.io/acme/app@md5:abc": md5:abc: unsupported hash: "md5"',
    ],
    counterSamples: ['Digest: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
  }),
  sig({
    id: 'ambiguous.ggcr-recovered-warning',
    cause: 'unknown',
    // Warnings go-containerregistry prints beside a request it then retries another way: a cross-repository mount the
    // registry refused (it uploads the blob instead), and a token exchange with a redirected host (a CDN or storage
    // bucket) that it cannot do anonymously (it sends the request without a token). They are not the failure; the
    // error the tool ends with is: the warning speaks only where nothing but ggcr's progress lines follows it.
    // ("exchange" may read "<redacted>" after a bearer: the words between are loose.)
    re: /(retrying without mount: |cross-host (bearer [^\n"]{0,40}? for \\?"[^"\\\n]+\\?" failed|redirect: invalid host))[^\n]*(\s+[^\n]*?(pushed blob|existing blob|mounted blob|retrying without mount|cross-host)[^\n]*)*\s*$/,
    anchors: ['retrying without mount', 'cross-host bearer', 'cross-host redirect'],
    confidence: 0.5,
    specificity: 96,
    recordOnly: true,
    alternatives: ['image.auth-missing', 'image.auth-rejected', 'registry.server-error'],
    check: 'the error the tool ends with (the last "Error:" line), not this warning: a refused mount is followed by a plain upload, and a redirected request by a retry without a token; a failure of that request names the cause',
    source: 'go-containerregistry pkg/v1/remote/write.go (initiateUpload: logs.Warn "retrying without mount: %v"); pkg/v1/remote/transport/bearer.go (handleCrossHostChallenge: "cross-host bearer exchange for %q failed: %v")',
    samples: [
      '2026/01/10 10:00:00 retrying without mount: POST https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/app/blobs/uploads/?from=base&mount=sha256%3Aab: UNAUTHORIZED: authentication required',
      'W0311 09:12:44.118210       1 bearer.go:313] cross-host bearer exchange for "production.cloudflare.docker.com" failed: GET https://auth.docker.io/token?scope=repository%3Alibrary%2Fnginx%3Apull&service=registry.docker.io: unexpected status code 401 Unauthorized',
      '2026/01/10 10:00:00 retrying without mount: POST https://ghcr.io/v2/acme/app/blobs/uploads/?from=acme%2Fbase&mount=sha256%3Aab: DENIED: denied\n2026/01/10 10:00:03 pushed blob: sha256:ab12c4f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2',
    ],
    counterSamples: [
      'POST https://ghcr.io/v2/acme/app/blobs/uploads/: UNAUTHORIZED: authentication required',
      '2026/01/10 10:00:00 retrying without mount: POST https://ghcr.io/v2/acme/app/blobs/uploads/?from=a&mount=sha256%3Ab: DENIED: denied\nError: PUT https://ghcr.io/v2/acme/app/manifests/1: DENIED: permission_denied: write_package',
    ],
  }),
];
