import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The Docker CLI's credential helpers (docker-credential-helpers v0.9: pass, secretservice, osxkeychain, wincred, and
 * Docker Desktop's desktop helper in front of them) as the CLI reports the actions that get and store work does not
 * cover: erase (docker logout), the helper's "not found" answer printed by tools that needed an entry, Docker
 * Desktop's helper without its backend, and docker login's own flag checks. Each leaves the client with no
 * credentials to send.
 */
export const CREDENTIAL_HELPER_ACTION_SIGNATURES: Signature[] = [
  sig({
    id: 'image.credential-helper-erase-failed',
    cause: 'image.auth-missing',
    // docker logout asks the configured helper to erase the entry (client.Erase: "error erasing credentials - err: …,
    // out: `…`") and prints "WARNING: could not erase credentials:" with the helper's text. A helper that cannot run
    // (pass without a store, no D-Bus session) is the same helper every pull asks: nothing it holds reaches the
    // registry. When the helper ran but held nothing ("could not be found in the keychain", wincred's "Element not
    // found.") the old entry may still sit in config.json and be sent stale.
    re: /error erasing credentials - err: /,
    anchors: ['error erasing credentials'],
    confidence: 0.6,
    specificity: 70,
    alternatives: ['image.auth-rejected'],
    check: 'credsStore / credHelpers in ~/.docker/config.json: run docker-credential-<name> list on that machine; a helper that cannot start (pass not initialised, no D-Bus session) must be fixed or the entry removed; an "auths" entry for the registry left in config.json is sent as is',
    source: 'docker-credential-helpers client/client.go (Erase: "error erasing credentials - err: %v, out: `%s`") via docker/cli cli/command/registry/logout.go ("WARNING: could not erase credentials:")',
    samples: [
      'WARNING: could not erase credentials:\nhttps://index.docker.io/v1/: error erasing credentials - err: exit status 1, out: `pass not initialized: exit status 1: Error: password store is empty. Try "pass init".`',
      'WARNING: could not erase credentials:\nregistry.example.com: error erasing credentials - err: exit status 1, out: `Element not found.`',
    ],
    counterSamples: ['Removing login credentials for https://index.docker.io/v1/'],
  }),
  sig({
    id: 'image.credential-helper-entry-absent',
    cause: 'image.auth-missing',
    // The helpers' standard answer when they hold nothing for a host (credentials.errCredentialsNotFoundMessage). The
    // Docker CLI itself takes it as "no credentials" and pulls anonymously, so it shows only where a tool needed an
    // entry and stops on it (an ECR login step, a scheduler resolving a task's auth): the registry then gets no
    // credentials. Tools that only warn and go on anonymously (testcontainers' "Setting empty credentials", Jib's "has
    // nothing for server URL") print it beside a failure it did not cause, so only the failing forms are read.
    re: /(failed to get (\w+ )?credentials( for "[^"\n]{1,200}")?|failed with stderr): credentials not found in native keychain/,
    anchors: ['credentials not found in native keychain'],
    confidence: 0.7,
    specificity: 70,
    alternatives: ['image.pullsecret-wrong-registry'],
    check: 'docker-credential-<helper> list (the helper named by credsStore / credHelpers in ~/.docker/config.json): the registry host must be listed exactly as the image names it; log in to that host (docker login <host>, aws ecr get-login-password | docker login …) as the user that runs the pull',
    source: 'docker-credential-helpers credentials/error.go ("credentials not found in native keychain")',
    samples: [
      'failed to get ECR credentials: credentials not found in native keychain',
      // a tool that asks the helper for one host before it pushes (a model packager's registry)
      'failed to get credentials for "registry.example.com": credentials not found in native keychain',
      'Failed to find docker auth for repo "123456789012.dkr.ecr.eu-west-1.amazonaws.com/wp-app": docker-credential-ecr-login with input "123456789012.dkr.ecr.eu-west-1.amazonaws.com/wp-app" failed with stderr: credentials not found in native keychain',
    ],
    counterSamples: ['Failed to get image auth for public.ecr.aws. Setting empty credentials for the image: public.ecr.aws/docker/library/postgres:15-alpine. Error is:credentials not found in native keychain'],
  }),
  sig({
    id: 'image.desktop-credential-helper-backend-down',
    cause: 'image.auth-missing',
    // Docker Desktop's docker-credential-desktop forwards to the Desktop backend over a local socket; with Desktop not
    // running (or a WSL distribution whose integration is off) the socket is missing and the helper fails, so docker
    // login stores nothing and pulls get no credentials. The helper's action prefix decides it is the credential path,
    // above the generic local-socket reading.
    re: /error (storing|getting|listing|erasing) credentials - err: [^\n]{0,400}?dial unix [^\s:"\\`]+: connect: (connection refused|no such file or directory)/,
    anchors: ['credentials - err:'],
    confidence: 0.75,
    specificity: 94,
    alternatives: ['image.auth-rejected'],
    check: 'is Docker Desktop running for this user (and WSL integration on for this distribution)? if docker runs without Desktop here, remove "credsStore": "desktop" from ~/.docker/config.json and log in again',
    source: 'docker-credential-helpers client/client.go (Store/Get: "error storing credentials - err: %v, out: `%s`") wrapping Docker Desktop\'s helper ("dial unix backend.sock")',
    samples: [
      'Error saving credentials: error storing credentials - err: exit status 1, out: `error storing credentials - err: exit status 1, out: `Post "http://ipc/registry/credstore-updated": dial unix backend.sock: connect: no such file or directory``',
      'error getting credentials - err: exit status 1, out: `Get "http://ipc/registry/credstore": dial unix /Users/jdoe/Library/Containers/com.docker.docker/Data/backend.sock: connect: connection refused`',
    ],
    counterSamples: ['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', 'dial unix /run/containerd/containerd.sock: connect: connection refused'],
  }),
  sig({
    id: 'image.docker-login-stdin-without-username',
    cause: 'image.auth-missing',
    // docker login --password-stdin refuses to run without --username (an empty $REGISTRY_USER in a CI job expands to
    // nothing): no login happens, and the pushes and pulls after it go without credentials. Secret redaction takes the
    // word after "--password-stdin", so that word is not part of the pattern.
    re: /the --password-stdin \S+ requires --username to be set|must provide --username with --password-stdin/,
    anchors: ['--password-stdin'],
    confidence: 0.8,
    specificity: 92,
    check: 'the docker login line in the job: echo the variable that feeds -u/--username (it must not be empty), e.g. echo "$CI_REGISTRY_USER" | wc -c',
    source: 'docker/cli cli/command/registry/login.go ("the --password-stdin option requires --username to be set"; older CLIs "Must provide --username with --password-stdin")',
    samples: ['the --password-stdin option requires --username to be set', 'Must provide --username with --password-stdin'],
    counterSamples: ['WARNING! Using --password via the CLI is insecure. Use --password-stdin.'],
  }),
];
