import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Testcontainers for Go (v0.45) reads registry credentials itself, through cpuguy83/dockercfg, before it asks the
 * Docker Engine to pull; a credential helper that fails is logged in dockercfg's and Testcontainers' own words, not
 * the docker CLI's "error getting credentials - err: …". Read from a real run against Docker Engine 28.5 with
 * credHelpers naming a helper that exits 1 and one that prints non-JSON: the pull then goes without credentials.
 */
export const TESTCONTAINERS_GO_CREDENTIAL_SIGNATURES: Signature[] = [
  sig({
    id: 'testcontainers-go.credential-helper-failed',
    cause: 'image.auth-missing',
    // dockercfg GetCredentialsFromHelper: `execute "docker-credential-<h>" stdout: … stderr: …: exit status N` when
    // the helper exits non-zero, `unmarshal credentials from: "docker-credential-<h>": <json error>` when it prints
    // something else than the credentials JSON; Testcontainers wraps either in "getting credentials for <host>" and
    // logs "No image auth found for <host>. Setting empty credentials …" before pulling anonymously.
    re: /getting credentials for [^\s:]+(:\d+)?: ((execute|<redacted>) \\?"docker-credential-[\w.-]+\\?" stdout:|unmarshal credentials from: \\?"docker-credential-[\w.-]+\\?")/,
    anchors: ['getting credentials for '],
    also: ['docker-credential-'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['image.auth-rejected'],
    check: 'run the helper by hand as the test process\'s user: echo <registry host> | docker-credential-<name> get (it must print {"ServerURL","Username","Secret"} JSON and exit 0); the credHelpers / credsStore entry in the DOCKER_CONFIG the tests use (~/.docker/config.json) names which helper is asked',
    source: 'github.com/cpuguy83/dockercfg v0.3.2 auth.go (GetCredentialsFromHelper: "execute %q stdout: %q stderr: %q: %w", "unmarshal credentials from: %q: %w"); testcontainers-go v0.45.0 docker_auth.go ("getting credentials for %s: %w") and docker.go ("No image auth found for %s. Setting empty credentials for the image: %s. … Details: %s"); reproduced with a helper exiting 1 and one printing non-JSON',
    samples: [
      'getting credentials for auth.rc.test: execute "docker-credential-rcfail" stdout: "the secret store is locked" stderr: "error getting credentials from vault: the secret store is locked": exit status 1',
      '2026/12/07 11:32:56 No image auth found for registry.corp.example. Setting empty credentials for the image: registry.corp.example/app/api:2. This is expected for public images. Details: getting credentials for registry.corp.example: execute "docker-credential-pass" stdout: "" stderr: "gpg: decryption failed: No secret key": exit status 1',
      'No image auth found for ghcr.io. Setting empty credentials for the image: ghcr.io/acme/db:16. This is expected for public images. Details: getting credentials for ghcr.io: unmarshal credentials from: "docker-credential-desktop": invalid character \'o\' in literal null (expecting \'u\')',
    ],
    counterSamples: [
      'No image auth found for reg.rc.test. Setting empty credentials for the image: reg.rc.test/app/busybox:1. This is expected for public images. Details: credentials not found in native keychain',
      'getting credentials for the service account: permission denied',
    ],
  }),
  sig({
    id: 'testcontainers-go.docker-auth-config-unparsable',
    cause: 'image.pullsecret-malformed',
    // Testcontainers reads DOCKER_AUTH_CONFIG (a config.json document in an environment variable, as CI systems set
    // it) before ~/.docker/config.json; JSON that does not parse is logged and the pull goes without credentials.
    // The catalog reads a credentials file that does not parse as a malformed pull secret (image.docker-config-unparsable).
    // After secret redaction (which reads "…_AUTH_CONFIG: <value>" as a key and its value) the error's first word is gone.
    re: /unmarshal docker_auth_config: (unexpected end of json input|invalid character|json: cannot unmarshal|<redacted>)/,
    anchors: ['unmarshal docker_auth_config'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['image.auth-missing'],
    check: 'echo "$DOCKER_AUTH_CONFIG" | jq . in the environment the tests run in: it must be {"auths": {"<registry>": {"auth": "<base64 of user:password>"}}}; a CI secret pasted with a cut-off end or shell quoting eaten is the usual cause',
    source: 'testcontainers-go v0.45.0 docker_auth.go (getDockerConfig: "unmarshal DOCKER_AUTH_CONFIG: %w"), logged through docker.go ("No image auth found for %s. … Details: %s"); reproduced with DOCKER_AUTH_CONFIG cut off mid-document',
    samples: [
      '2026/12/07 11:50:00 No image auth found for auth.rc.test. Setting empty credentials for the image: auth.rc.test/app/busybox:1. This is expected for public images. Details: unmarshal DOCKER_AUTH_CONFIG: unexpected end of JSON input',
      'No image auth found for ghcr.io. Setting empty credentials for the image: ghcr.io/acme/api:3. This is expected for public images. Details: unmarshal DOCKER_AUTH_CONFIG: invalid character \'a\' looking for beginning of object key string',
    ],
    counterSamples: ['No image auth found for reg.rc.test. Setting empty credentials for the image: reg.rc.test/app/busybox:1. This is expected for public images. Details: credentials not found in native keychain'],
  }),
];
