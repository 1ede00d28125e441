import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Registries' own words about who is asking, as their servers log them or answer them: a request that carried no
 * Authorization header, a robot account's token that has expired, a cloud project whose registry API is off, and a
 * desktop login refused by an account service before any registry is asked.
 */
export const REGISTRY_SERVER_AUTH_SIGNATURES: Signature[] = [
  sig({
    id: 'image.harbor-authorize-header-needed',
    cause: 'image.auth-missing',
    // Harbor's core answers a request without an Authorization header for a repository that is not public with this
    // UNAUTHORIZED message: the client sent nothing (no login, no pull secret, a helper that gave nothing).
    re: /authorize header needed to send (head|get|put|post|patch|delete) to repository/,
    anchors: ['authorize header needed'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['image.pullsecret-missing'],
    check: 'the client that made the request: docker login <harbor host> (or a pull secret for that host in the pod\'s namespace); a project that should be public is marked so in Harbor\'s project settings',
    source: 'Harbor core (security filter: "authorize header needed to send %s to repository")',
    samples: [
      '{"errors":[{"code":"UNAUTHORIZED","message":"authorize header needed to send HEAD to repository: authorize header needed to send HEAD to repository"}]}',
      'unexpected status from GET request to https://harbor.example.com/v2/app/api/manifests/1.0: 401 Unauthorized: authorize header needed to send GET to repository',
    ],
    counterSamples: ['{"errors":[{"code":"UNAUTHORIZED","message":"unauthorized to access repository: app/api, action: pull: unauthorized to access repository: app/api, action: pull"}]}'],
  }),
  sig({
    id: 'image.harbor-robot-token-expired',
    cause: 'image.auth-rejected',
    // Harbor's core logs why it refused a robot account: its token (the robot's secret) is past its expiry, or the
    // secret does not match. The client was sending credentials; they are no longer good.
    re: /failed to decrypt robot token, token is expired by|failed to authenticate robot\$\S*: failed to authenticate user, due to error '?invalid credentials/,
    anchors: ['robot token', 'failed to authenticate robot'],
    confidence: 0.85,
    specificity: 90,
    check: 'the robot account in Harbor (Administration → Robot Accounts, or the project\'s Robot Accounts): its expiry date; refresh or recreate it and update every pull secret and CI variable that holds its secret',
    source: 'Harbor core (core/filter/security.go: "failed to decrypt robot token", "failed to authenticate robot%s")',
    samples: [
      '2019-10-28T14:06:18Z [ERROR] [/core/filter/security.go:196]: failed to decrypt robot token, token is expired by 460h28m36s',
      "[ERROR] [/core/filter/security.go:431]: failed to authenticate robot$ci-bot: Failed to authenticate user, due to error 'Invalid credentials'",
    ],
    counterSamples: ['[INFO] [/core/filter/security.go:190]: robot token accepted'],
  }),
  sig({
    id: 'image.gcr-api-disabled',
    cause: 'unknown',
    // Google's token exchange refuses a project whose Container Registry API is not enabled: the image's project hosts
    // no registry (a wrong or retired project path, read as not found) or its owner has not turned the API on. Not the
    // caller's credentials, so above the generic "denied".
    re: /token exchange failed for project '[^']*'\. please enable (or contact project owners to enable )?(the )?google container registry api/,
    anchors: ['token exchange failed'],
    also: ['container registry api'],
    confidence: 0.4,
    specificity: 92,
    alternatives: ['image.not-found', 'image.auth-rejected'],
    check: 'is the image path right? gcloud services list --enabled --project <project> shows whether containerregistry.googleapis.com is on; an image under another owner\'s project (a retired gcr.io path) has moved — look for its current location (Artifact Registry, another registry)',
    source: 'gcr.io token exchange error ("Token exchange failed for project \'%s\'. Please enable Google Container Registry API in Cloud Console …")',
    samples: [
      "denied: Token exchange failed for project 'old-builders'. Please enable or contact project owners to enable the Google Container Registry API in Cloud Console at https://console.cloud.google.com/apis/api/containerregistry.googleapis.com/overview?project=old-builders before performing this operation.",
      "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"Token exchange failed for project 'my-proj'. Please enable Google Container Registry API in Cloud Console at https://console.cloud.google.com/apis/api/containerregistry.googleapis.com/overview?project=my-proj before performing this operation.\"}]}",
    ],
    counterSamples: ["denied: Token exchange failed for project 'my-proj'. Caller does not have permission 'storage.buckets.get'."],
  }),
  sig({
    id: 'image.docker-login-entitlement-refused',
    cause: 'unknown',
    // Docker Desktop's credential store asks Docker's account service for the user's entitlements while it stores a
    // login; the service refusing (a personal access token it does not accept for that call) stops the login there.
    // No registry was asked: the account service's policy, not the registry's credentials, is what refused.
    re: /getting entitlement: request to \S+ failed with status \d{3}/,
    anchors: ['getting entitlement'],
    confidence: 0.4,
    specificity: 92,
    alternatives: ['image.auth-rejected', 'image.auth-missing'],
    check: 'the account service\'s answer after "failed with status": log in with the account\'s password or a token of the kind it accepts, or sign in through Docker Desktop itself; a registry pull afterwards shows whether any credential was stored',
    source: 'Docker Desktop credential store (entitlement lookup during docker login)',
    samples: [
      'Error saving credentials: error storing credentials - err: exit status 1, out: `getting entitlement: request to https://accounts.example.com/v2/users/someone/orgs/?page_size=100 failed with status 403: {"message":"access is forbidden"}`',
      'getting entitlement: request to https://accounts.example.com/v2/users/someone/orgs/ failed with status 401',
    ],
    counterSamples: ['Login Succeeded'],
  }),
];
