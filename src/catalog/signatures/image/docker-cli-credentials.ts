import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The Docker CLI's own credential sources as it reports them (docker login, docker compose pull/build): the
 * DOCKER_AUTH_CONFIG variable it cannot read, and a credential helper that cannot store what docker login was given.
 * Either way the registry later gets no credentials from this client.
 */
export const DOCKER_CLI_CREDENTIAL_SIGNATURES: Signature[] = [
  sig({
    id: 'image.docker-auth-config-env-invalid',
    cause: 'image.pullsecret-malformed',
    // The CLI (28+) reads credentials from the DOCKER_AUTH_CONFIG variable as a config.json "auths" object; JSON it
    // cannot decode, a field it does not know, an entry without "auth" or an auth that is not base64 of user:password
    // is reported and the variable is ignored, so the pull goes with whatever config.json holds (often nothing).
    // Secret redaction takes the word after "DOCKER_AUTH_CONFIG:", so the reason is not part of the pattern.
    re: /failed to create credential store from docker_auth_config:|docker_auth_config (environment variable is missing key `auth`|does not support more than one json object)/,
    anchors: ['docker_auth_config'],
    confidence: 0.85,
    specificity: 92,
    check: 'echo "$DOCKER_AUTH_CONFIG" | jq . in the job that runs docker: it must be {"auths": {"<registry>": {"auth": "<base64 of user:password>"}}} and nothing else (no credHelpers, one JSON object)',
    source: 'docker/cli cli/config/configfile/file.go (GetCredentialsStore: "Failed to create credential store from DOCKER_AUTH_CONFIG: "; parseEnvConfig: "DOCKER_AUTH_CONFIG environment variable is missing key `auth` for %s", "DOCKER_AUTH_CONFIG does not support more than one JSON object")',
    samples: [
      'Failed to create credential store from DOCKER_AUTH_CONFIG:  DOCKER_AUTH_CONFIG environment variable is missing key `auth` for registry.example.com',
      'Failed to create credential store from DOCKER_AUTH_CONFIG:  <redacted> unknown field "credHelpers"',
      'Failed to create credential store from DOCKER_AUTH_CONFIG:  DOCKER_AUTH_CONFIG does not support more than one JSON object',
    ],
    counterSamples: ['export DOCKER_AUTH_CONFIG=$(cat ~/.docker/config.json)'],
  }),
  sig({
    id: 'image.credential-helper-store-list-failed',
    cause: 'image.auth-missing',
    // docker login asks the configured helper (credsStore / credHelpers) to keep the credentials; a helper that cannot
    // run (secretservice without a D-Bus session, pass without a store, wincred over SSH) leaves nothing stored, so the
    // pulls that follow go without credentials. docker compose lists every stored credential through the same helper
    // for a service with use_api_socket ("resolving credentials failed: error listing credentials - …"), and stops
    // there. The helper's own text follows "out:".
    re: /error (storing|listing) credentials - err: /,
    anchors: ['error storing credentials', 'error listing credentials'],
    confidence: 0.7,
    specificity: 70,
    alternatives: ['image.auth-rejected'],
    check: 'credsStore / credHelpers in ~/.docker/config.json: run docker-credential-<name> list on that machine; a helper that cannot start there (no D-Bus session, pass not initialised, no logon session) must be fixed, or the entry removed so that docker login stores in config.json',
    source: 'docker-credential-helpers client/client.go (Store: "error storing credentials - err: %v, out: `%s`"; List: "error listing credentials - err: %v, out: `%s`") via docker/cli cli/command/registry/login.go ("Error saving credentials: %v") and docker compose pkg/compose/apiSocket.go ("resolving credentials failed: %w")',
    samples: [
      'Error saving credentials: error storing credentials - err: exit status 1, out: `Cannot autolaunch D-Bus without X11 $DISPLAY`',
      'Error saving credentials: error storing credentials - err: exit status 1, out: `pass store is uninitialized`',
      'resolving credentials failed: error listing credentials - err: exit status 1, out: `pass not initialized: exit status 1: Error: password store is empty. Try "pass init".`',
    ],
    counterSamples: ['Login Succeeded', 'WARNING! Your credentials are stored unencrypted in \'/root/.docker/config.json\'.'],
  }),
  sig({
    id: 'image.wincred-credential-too-large',
    cause: 'unknown',
    // Windows Credential Manager refuses a secret larger than its blob limit (2560 bytes) with RPC_X_BAD_STUB_DATA,
    // "The stub received bad data": the wincred helper ran and was handed a token too long to keep (ECR's and other
    // cloud registries' tokens are), not missing or wrong credentials. Above the store-list-failed wrapper it sits in.
    re: /the stub received bad data/,
    anchors: ['the stub received bad data'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['image.auth-missing'],
    check: 'credsStore in the config.json of the user that runs docker login: with "wincred" a long registry token cannot be stored; use the registry\'s own helper (docker-credential-ecr-login for ECR) in credHelpers, or drop credsStore so the token goes to config.json',
    source: 'Windows Credential Manager (CredWrite: RPC_X_BAD_STUB_DATA, 1783) via docker-credential-wincred and docker-credential-helpers client/client.go (Store)',
    samples: [
      "Error saving credentials: error storing credentials - err: exit status 1, out: `The stub received bad data.`",
      'error storing credentials - err: exit status 1, out: The stub received bad data.',
    ],
    counterSamples: ['Error saving credentials: error storing credentials - err: exit status 1, out: `pass store is uninitialized`'],
  }),
  sig({
    id: 'image.docker-enforced-sign-in',
    cause: 'image.auth-missing',
    // Docker's organisation policy (enforced sign-in, registry access management) makes Docker Hub refuse pulls the
    // client sends without a login: the daemon relays the policy's sentence. Signing in with an account of the
    // organisation is the fix.
    re: /pull failed due to an unauthenticated request\. enforced sign-in is enabled/,
    anchors: ['enforced sign-in is enabled'],
    confidence: 0.9,
    specificity: 95,
    check: 'docker login (or Docker Desktop\'s sign-in) with an account of the organisation that enforces sign-in; for a CI or a node, the credentials the daemon\'s client sends for docker.io',
    source: 'Docker Hub enforced sign-in policy, relayed by dockerd ("Pull failed due to an unauthenticated request. Enforced sign-in is enabled, which requires pulls to be authenticated.")',
    samples: [
      'docker: Error response from daemon: Pull failed due to an unauthenticated request. Enforced sign-in is enabled, which requires pulls to be authenticated. Run `docker login`, or contact your administrators if this is unexpected.',
      'Error response from daemon: Pull failed due to an unauthenticated request. Enforced sign-in is enabled, which requires pulls to be authenticated.',
    ],
    counterSamples: ['Error response from daemon: pull access denied for acme/app, repository does not exist or may require \'docker login\''],
  }),
];
