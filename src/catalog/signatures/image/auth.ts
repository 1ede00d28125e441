import type { Signature } from '../../types.js';
import { REGISTRY_V2_PATH, clientStatus } from '../context.js';
import { sig } from '../define.js';
import { MISSING_OR_PRIVATE } from './shared.js';

/** Credentials: a registry that rejects them and a pull that sent none (facts §4.5, §8). */
export const AUTH_SIGNATURES: Signature[] = [
  sig({
    id: 'image.credential-helper-no-google-credentials',
    cause: 'image.auth-missing',
    // docker-credential-gcr (kaniko, Jib, docker with gcloud helpers) turns Google's application default credentials into
    // a registry token; with no key file where GOOGLE_APPLICATION_CREDENTIALS points, or no credentials at all, it
    // hands the client none, and the push or pull goes without.
    re: /could not retrieve gcr's access token|google: could not find default credentials|google: error getting credentials using google_application_credentials/,
    anchors: ["gcr's access token", 'could not find default credentials', 'google_application_credentials'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['image.pullsecret-missing'],
    check: 'the file GOOGLE_APPLICATION_CREDENTIALS names must exist in the container (a mounted Secret: kubectl get pod <pod> -o jsonpath={.spec.volumes}), or the pod\'s service account needs Workload Identity bound to a Google account with Artifact Registry reader (or writer) rights',
    source: 'GoogleCloudPlatform/docker-credential-gcr ("could not retrieve GCR\'s access token"); golang.org/x/oauth2/google default credentials errors',
    samples: [
      'invoking docker-credential-gcr: exit status 1; output: docker-credential-gcr/helper: could not retrieve GCR\'s access token: google: error getting credentials using GOOGLE_APPLICATION_CREDENTIALS environment variable: open /secret/key.json: no such file or directory',
      'docker-credential-gcr/helper: could not retrieve GCR\'s access token: google: could not find default credentials. See https://developers.google.com/accounts/docs/application-default-credentials for more information.',
    ],
    counterSamples: ['Login Succeeded'],
  }),
  sig({
    id: 'image.ecr-iam-not-authorized',
    cause: 'image.auth-rejected',
    // ECR checks the caller's IAM identity per action: the token was good, the identity (a node role, a CI user) is
    // not allowed to read or write this repository, so the registry refuses the request it authenticated.
    re: /is not authorized to perform: ecr:[a-z]+/,
    anchors: ['is not authorized to perform: ecr:'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['image.pullsecret-wrong-registry'],
    check: 'the IAM identity the text names needs the ECR action it names on that repository: the node role\'s or user\'s policy (AmazonEC2ContainerRegistryReadOnly for pulls) and the repository policy (aws ecr get-repository-policy --repository-name <repo>), in the repository\'s account and region',
    source: 'Amazon ECR AccessDeniedException ("User: <arn> is not authorized to perform: ecr:BatchGetImage on resource: <arn>")',
    samples: [
      'denied: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-west-2:123456789012:repository/app',
      'An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: arn:aws:sts::123456789012:assumed-role/node/i-0abc is not authorized to perform: ecr:GetAuthorizationToken on resource: *',
    ],
    counterSamples: ['is not authorized to perform: s3:GetObject on resource'],
  }),
  sig({
    id: 'image.auth-required',
    cause: 'image.auth-missing',
    // A token fetch that failed in transport (dial, reset, timeout) is the network's failure, judged by the transport signatures.
    re: /no basic auth credentials|authentication required|insufficient_scope|failed to fetch anonymous token(?![\s\S]{0,400}(dial tcp|connect: |connection reset|i\/o timeout|no such host|tls handshake timeout|context deadline exceeded))|401:? unauthorized|401 authorization required|unauthorized: authentication required|no (user|username)\/password was provided|registry needs login|\/v2\/[^\s"\\]*: http: non-successful response \(status=401\b/,
    anchors: ['no basic auth credentials', 'authentication required', 'insufficient_scope', 'anonymous token', '401 unauthorized', '401: unauthorized', '401 authorization required', '/password was provided', 'registry needs login', 'status=401'],
    confidence: 0.85,
    specificity: 85,
    // The kubelet hands the runtime the credentials whose auths key matches the image's registry host;
    // a secret keyed for another host (or a differently written one) sends none, like no secret at all.
    // A pull secret the kubelet cannot parse is skipped (with a warning in its log), so that pull goes anonymous too.
    // A registry whose token service is failing answers every caller 401 until it recovers.
    // Docker Hub (and GHCR) answer 401 for a repository that does not exist: a name written wrong (a missing
    // namespace, a local file or tag taken for an image name) lands on one.
    alternatives: ['image.not-found', 'image.pullsecret-missing', 'image.pullsecret-wrong-registry', 'image.pullsecret-malformed', 'image.auth-rejected', 'registry.server-error', 'image.invalid-reference'],
    check: 'the pod\'s imagePullSecrets (kubectl get pod <pod> -o jsonpath={.spec.imagePullSecrets}) must hold an auths entry for the image\'s registry host, written as the image names it (host:port)',
    source: 'facts §4.6 authorizer, §8 UNAUTHORIZED',
    samples: [
      'Failed to pull image "602401143452.dkr.ecr.eu-west-1.amazonaws.com/app:v2": rpc error: code = Unknown desc = Error response from daemon: Get https://602401143452.dkr.ecr.eu-west-1.amazonaws.com/v2/app/manifests/v2: no basic auth credentials',
      'failed to pull and unpack image "docker.io/acme/private:1": failed to resolve reference "docker.io/acme/private:1": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
      'failed to resolve reference "ghcr.io/acme/internal:latest": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aacme%2Finternal%3Apull&service=ghcr.io: 401 Unauthorized',
      // go-containerregistry's and keel's wording of the same 401 on a manifest request.
      'Get https://registry.example.cc/v2/team/app/manifests/latest: http: non-successful response (status=401 body="Not Authorized\\n")',
    ],
    counterSamples: ['unauthorized: incorrect username or password'],
  }),
  sig({
    id: 'image.basic-auth-no-credentials',
    cause: 'image.auth-missing',
    // containerd's authorizer answering a registry's Basic challenge: it found no username or secret for that
    // host (no pull secret whose auths key matches it, no auth in the runtime's registry config), so it sends none.
    // oras-go's auth client says the same of a Basic challenge it has no credential for.
    // oras-go v2 (Helm's and Flux's OCI clients) says "basic credential not found" for the same Basic challenge.
    re: /failed to handle basic auth because missing username or secret|credential required for basic auth|basic credential not found/,
    anchors: ['missing username or secret', 'credential required for basic auth', 'basic credential not found'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['image.pullsecret-missing', 'image.pullsecret-wrong-registry', 'image.pullsecret-malformed'],
    check: 'the pod\'s imagePullSecrets must hold an auths entry keyed by the image\'s registry host exactly as the image names it (host:port), or the runtime\'s own config must give that host a username and password (registry.configs."<host>".auth, or k3s/RKE2 registries.yaml configs)',
    source: 'containerd core/remotes/docker/authorizer.go (Basic challenge without credentials: "failed to handle basic auth because missing username or secret")',
    samples: [
      'failed to resolve reference "nexus.corp:8082/team/api:1.4": failed to authorize: failed to handle basic auth because missing username or secret',
      'Failed to pull image "10.0.0.5:5000/app:v1": failed to pull and unpack image "10.0.0.5:5000/app:v1": failed to resolve reference "10.0.0.5:5000/app:v1": failed to authorize: failed to handle basic auth because missing username or secret',
      'Error: failed to resolve tag: GET "http://localhost:7000/v2/repo/manifests/tag": credential required for basic auth',
    ],
    counterSamples: ['failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized'],
  }),
  sig({
    id: 'image.enroot-credentials-rejected',
    cause: 'image.auth-rejected',
    // enroot says which user it authenticated as: a named user (nvcr.io's $oauthtoken, a credentials file) answered
    // 401 sent credentials the registry refused; <anonymous> sent none, which the generic reading keeps.
    re: /authenticating with user: (?!<anonymous>)\S+[\s\S]{0,400}?returned error code: 401\b/,
    anchors: ['authenticating with user: '],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['image.auth-missing'],
    check: 'the entry for that registry in enroot\'s credentials file ($ENROOT_CONFIG_PATH/.credentials, netrc syntax: machine <host> login <user> password <key>): nvcr.io wants login $oauthtoken and a current NGC API key, and the machine line must name the host the URL shows',
    source: 'enroot image import (docker:// via its registry client, logging the user it authenticates as)',
    samples: [
      '[INFO] Authenticating with user: $oauthtoken\n[INFO] Using credentials from file: /root/.config/enroot/.credentials\n[ERROR] URL https://nvcr.io/proxy_auth returned error code: 401 Unauthorized',
      '[INFO] Authenticating with user: svc-ci\n[ERROR] URL https://registry.example.com/v2/team/app/manifests/1 returned error code: 401 Unauthorized',
    ],
    counterSamples: ['[INFO] Authenticating with user: <anonymous>\n[ERROR] URL https://registry.example.com/v2/team/app/manifests/1 returned error code: 401 Unauthorized'],
  }),
  sig({
    id: 'image.token-service-403',
    cause: 'image.auth-missing',
    // containers/image (Podman, CRI-O, Buildah, Skopeo, and Singularity's docker:// before it said "bear token")
    // asking the registry's token service for pull scope: a 403 there is a scope it will not grant to what was
    // sent — most often nothing, for a private repository; GHCR and GitLab answer a name that does not exist alike.
    re: /requesting bear(er)? token: invalid status code from registry 403\b/,
    anchors: ['token: invalid status code from registry'],
    confidence: 0.7,
    specificity: 88,
    alternatives: ['image.not-found', 'image.auth-rejected'],
    check: 'the repository\'s visibility and the credentials the client has for that host (podman login --get-login <host>; CRI-O and Podman read /run/containers/0/auth.json or ~/.config/containers/auth.json, Singularity SINGULARITY_DOCKER_USERNAME/PASSWORD): with none, log in or add a pull secret; with some, the user\'s access to that repository — and the name, since a missing repository answers the same',
    source: 'containers/image docker client token request ("Requesting bearer token: invalid status code from registry %d (%s)")',
    samples: [
      'err="rpc error: code = Unknown desc = Requesting bearer token: invalid status code from registry 403 (Forbidden)" image="registry.example.xyz/team/app:1.0"',
      'Requesting bear token: invalid status code from registry 403 (Forbidden)',
    ],
    counterSamples: ['Requesting bearer token: invalid status code from registry 502 (Bad Gateway)'],
  }),
  sig({
    id: 'image.gitlab-basic-denied',
    cause: 'image.auth-rejected',
    // GitLab's own words when the username and password or token it was sent are wrong (or a password where the
    // account's two-factor authentication needs a token): credentials were sent, and refused.
    re: /http basic: access denied/,
    anchors: ['http basic: access denied'],
    confidence: 0.85,
    specificity: 88,
    alternatives: ['image.auth-missing'],
    check: 'the credentials for the GitLab registry host (docker login <host> with a deploy token or a personal access token with read_registry, or write_registry to push; an account with two-factor authentication cannot use its password)',
    source: 'GitLab authentication failure ("HTTP Basic: Access denied")',
    samples: ['unauthorized: HTTP Basic: Access denied', 'Error response from daemon: Get "https://registry.gitlab.example/v2/": unauthorized: HTTP Basic: Access denied. The provided password or token is incorrect'],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'image.guest-pull-not-authorized',
    cause: 'image.auth-missing',
    // Confidential Containers and peer pods pull inside the guest (image-rs), which has the pod's pull secret only
    // when it is passed in: "Not authorized" for a manifest is a registry asking for credentials the guest lacks.
    re: /failed to pull manifest not authorized: url https?:\/\//,
    anchors: ['failed to pull manifest not authorized'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['image.auth-rejected', 'image.not-found'],
    check: 'the pod\'s imagePullSecrets and whether the guest receives them (peer pods and CoCo pass them to the guest agent only in releases that support it; otherwise an auth file baked into or provisioned to the guest)',
    source: 'image-rs (confidential-containers guest-components) manifest pull',
    samples: ['Error: failed to create containerd task: failed to create shim task: failed to pull manifest Not authorized: url https://icr.io/v2/team/alpine/manifests/3.18', 'failed to pull manifest Not authorized: url https://registry.example.com/v2/app/manifests/1.0'],
    counterSamples: ['failed to pull manifest Registry error: url https://registry.example.com/v2/app/manifests/1.0, envelope: OCI API errors: [OCI API error: manifest unknown]'],
  }),
  sig({
    id: 'image.ghcr-token-unusable',
    cause: 'image.auth-missing',
    // GitHub's registry cannot tie the bearer token it was given to a user: on an upload, an anonymous token
    // (the client never logged in to ghcr.io) where a user is needed — or a personal token that expired or was
    // revoked. On a pull of a public image the same text has come from the registry's own incidents, so only
    // the upload is read here.
    re: /blobs\/uploads\/:?\s*unauthorized: (unauthenticated: )?user cannot be authenticated with the token provided/,
    anchors: ['blobs/uploads/'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['image.auth-rejected'],
    check: 'docker login ghcr.io (or the tool\'s own login: cosign login, helm registry login) with a token that has read:packages (write:packages to push), then retry; a login that exists but fails the same way holds an expired or revoked token',
    source: 'GitHub Container Registry ("UNAUTHORIZED: unauthenticated: User cannot be authenticated with the token provided.")',
    samples: ['POST https://ghcr.io/v2/acme/app/blobs/uploads/: UNAUTHORIZED: unauthenticated: User cannot be authenticated with the token provided.', 'signing digest: failed to upload layer: POST https://ghcr.io/v2/acme/charts/app/blobs/uploads/:\nUNAUTHORIZED: User cannot be authenticated with the token provided.'],
    counterSamples: ['denied: permission_denied: write_package', 'error pulling image configuration: denied: unauthenticated: User cannot be authenticated with the token provided.'],
  }),
  sig({
    id: 'image.artifactory-bad-credential',
    cause: 'image.auth-rejected',
    // JFrog Artifactory's error code for a username, password, API key or token it does not accept.
    re: /unauthorized: bad_credential|"code"\s*:\s*"bad_credential"/,
    anchors: ['bad_credential'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['image.pullsecret-wrong-registry'],
    check: 'the credentials the node sends to that Artifactory host (the pull secret\'s auths entry, or docker login on the node): an expired API key or identity token, or a password changed since — a fresh docker login <host> with a valid token decides',
    source: 'JFrog Artifactory Docker registry API (error code BAD_CREDENTIAL)',
    samples: ['Error response from daemon: Get https://arti.corp/v2/team/app/manifests/1: unauthorized: BAD_CREDENTIAL', '{"errors":[{"code":"BAD_CREDENTIAL","message":"Bad credentials"}]}'],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'image.token-invalid-grant',
    cause: 'image.auth-rejected',
    // The registry's token server refuses the grant the client offered (OAuth2 invalid_grant): a refresh or
    // identity token from an earlier login that the account behind it no longer backs, or a wrong password.
    re: /invalid_grant\b|unable to get identity token from client token/,
    anchors: ['invalid_grant', 'unable to get identity token'],
    confidence: 0.8,
    specificity: 88,
    alternatives: ['image.auth-missing'],
    check: 'the stored login for that registry (docker logout <host> then docker login <host>, or recreate the pull secret): the token it holds belongs to an account or session the registry no longer knows',
    source: 'docker/distribution token auth (OAuth2 grant_type=refresh_token / password; RFC 6749 invalid_grant)',
    samples: ['Error response from daemon: Get https://dtr.corp/v2/app/manifests/latest: unauthorized: unable to get identity token from client token: invalid_grant: no such account for refresh token', '{"error":"invalid_grant","error_description":"Invalid refresh token"}'],
    counterSamples: ['invalid_scope'],
  }),
  sig({
    id: 'image.gitea-package-access',
    cause: 'image.auth-rejected',
    // Gitea's package registry answers every request its package-access check refuses with the check's name:
    // a user or token without access to the owner's packages, or no login at all.
    re: /unauthorized: reqpackageaccess/,
    anchors: ['reqpackageaccess'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['image.auth-missing', 'image.not-found'],
    check: 'log in to the Gitea registry with a user (or token with the read:package scope) that can see the owner\'s packages, and check the package is linked to that owner or repository: docker login <gitea host> then docker pull again',
    source: 'Gitea package registry (routers/api/packages: reqPackageAccess)',
    samples: ['Error response from daemon: unauthorized: reqPackageAccess', 'failed to resolve reference "git.corp/acme/app:1": unexpected status from HEAD request to https://git.corp/v2/acme/app/manifests/1: 401 Unauthorized: unauthorized: reqPackageAccess'],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'image.basic-auth-attempt-401',
    cause: 'image.auth-rejected',
    // Docker's login tries each challenge with the credentials given; a basic attempt is only made with a
    // username and password (without them the handler says "no basic auth credentials"), so a 401 refuses them.
    re: /basic auth attempt to \S+ realm ("[^"\n]*"|\S+) failed with status: 401/,
    anchors: ['basic auth attempt'],
    confidence: 0.85,
    specificity: 88,
    alternatives: ['image.auth-missing'],
    check: 'the username and password given to docker login (or the pull secret\'s auths entry for that host): a registry behind a reverse proxy may also check its own basic-auth realm',
    source: 'docker registry login (loginV2: "no successful auth challenge for … - errors: …"), distribution auth challenge handlers',
    samples: [
      'Error response from daemon: no successful auth challenge for https://registry.corp:5000/v2/ - errors: [basic auth attempt to https://registry.corp:5000/v2/ realm "Registry Realm" failed with status: 401 Unauthorized]',
      'login attempt to https://10.0.0.9/v2/ failed: basic auth attempt to https://10.0.0.9/v2/ realm "basic-realm" failed with status: 401 Unauthorized',
    ],
    counterSamples: ['no basic auth credentials'],
  }),
  sig({
    id: 'image.credential-helper-failed',
    cause: 'image.auth-missing',
    // Docker's credsStore / credHelpers program failed: the client has no credentials to send (or stops before the pull).
    // Keyed on the helper's name (docker-credential-*): secret redaction may take the word "Credentials" after "StoreError:".
    // Clients that exec the helper themselves (oras in Helm) say only that the binary is missing; gcloud's helper
    // says it has no account.
    // docker login's "error storing credentials" (a helper that cannot keep what login was given) is read by
    // image.credential-helper-store-list-failed in ./docker-cli-credentials.ts, at the same confidence.
    // docker-py says the helper is "not installed or not available in PATH" (after its exception's name, which secret
    // redaction reads as a key: the helper's name may be gone); Nomad quotes the helper's stderr.
    re: /store docker-credential-\S+ exited with|error getting credentials - err: |(docker-credential-[\w.-]+|credentials\.errors\.initializationerror: \S+) not installed or not available in path|docker-credential-[\w.-]+ with input \\?"[^\n]{0,200}failed with stderr|(?<!failed to store the credentials for \S+: )exec: \\?"docker-credential-[\w-]+\\?": \S+ file not found|\(gcloud\.auth\.docker-helper\) you do not currently have an active account selected/,
    anchors: ['docker-credential-', 'error getting credentials', 'gcloud.auth.docker-helper', 'credentials.errors.initializationerror'],
    confidence: 0.7,
    specificity: 70,
    alternatives: ['image.auth-rejected'],
    check: 'credsStore / credHelpers in ~/.docker/config.json: run the helper named (docker-credential-<name> list) on that machine; a helper that is missing, locked (pass, gpg) or from another OS (docker-credential-desktop.exe in WSL) must be fixed or the entry removed',
    source: 'docker CLI credential helpers (docker-credential-helpers: "error getting credentials - err: …")',
    samples: [
      'Error: failed to perform "FetchReference" on source: GET "https://registry.example.com/v2/charts/mychart/manifests/1.2.3": exec: "docker-credential-desktop": executable file not found in $PATH',
      'docker.credentials.errors.StoreError: Credentials store docker-credential-secretservice exited with "Cannot autolaunch D-Bus without X11 $DISPLAY".',
      'error getting credentials - err: exec: "docker-credential-desktop.exe": executable file not found in $PATH, out: ``',
      'docker.credentials.errors.InitializationError: docker-credential-gcloud not installed or not available in PATH',
    ],
    counterSamples: ['no basic auth credentials'],
  }),
  sig({
    id: 'image.credential-helper-wrong-os',
    cause: 'image.auth-missing',
    // The helper named in config.json is a binary of another OS (Docker Desktop's .exe helper seen from WSL or a
    // Linux VM sharing the Windows home): exec fails before any credential is read, so the pull goes without one.
    // Not the image's platform: the exec that failed is the helper's.
    re: /docker-credential-[\w.-]+: exec format error/,
    anchors: ['docker-credential-'],
    confidence: 0.85,
    specificity: 92,
    check: 'credsStore in ~/.docker/config.json on the machine that ran the command: a Windows helper (desktop.exe, wincred.exe) in WSL or Linux cannot run there — remove the entry or point it at a helper built for this OS',
    source: 'docker-credential-helpers client (exec of the helper: "error getting credentials - err: fork/exec …: exec format error")',
    samples: [
      'error getting credentials - err: fork/exec /usr/bin/docker-credential-desktop.exe: exec format error, out: ``',
      'Error: error getting credentials - err: fork/exec /mnt/c/Program Files/Docker/Docker/resources/bin/docker-credential-wincred.exe: exec format error, out: ``',
    ],
    counterSamples: ['exec /usr/local/bin/docker-entrypoint.sh: exec format error'],
  }),
  sig({
    id: 'image.bearer-invalid-token',
    cause: 'image.auth-rejected',
    // RFC 6750's invalid_token in the registry's Bearer challenge: a token was sent and refused (expired,
    // revoked, or signed for another service). A registry whose token service and storage disagree on the
    // signing key says the same for every client, so the registry's own fault stays a candidate.
    re: /\binvalid_token\b/,
    anchors: ['invalid_token'],
    confidence: 0.6,
    specificity: 80,
    alternatives: ['registry.server-error', 'image.auth-missing'],
    check: 'the credentials sent for that registry (the pull secret, the node\'s config.json or credential provider): log in again or refresh the token; if every client gets it with fresh credentials, the registry\'s token service and its registry disagree on the token certificate (Harbor core and registry, a token realm for another service)',
    source: 'RFC 6750 Bearer error codes; containerd core/remotes/docker authorizer ("server message: invalid_token: authorization failed")',
    samples: [
      'failed to resolve image: pull access denied, repository does not exist or may require authorization: server message: invalid_token: authorization failed',
      'www-authenticate: Bearer realm="https://registry.example.com/service/token",service="harbor-registry",error="invalid_token"',
    ],
    counterSamples: ['insufficient_scope: authorization failed'],
  }),
  sig({
    id: 'image.token-request-401',
    cause: 'image.auth-missing',
    // A client's own words for the registry's token endpoint answering 401, or for having no credentials to
    // offer a Basic challenge: nothing (or nothing accepted) was sent for that registry.
    re: /token request returned 401|no credentials available for basic auth/,
    anchors: ['token request returned 401', 'no credentials available for basic auth'],
    confidence: 0.7,
    specificity: 85,
    alternatives: ['image.auth-rejected'],
    check: 'the credentials the tool has for that registry host (its docker config.json, a --creds flag, the credential helper); a private repository needs them, and a 401 with credentials sent means they are wrong',
    source: 'regclient ("No credentials available for basic auth"), klar ("Token request returned %d")',
    samples: ['Can\'t pull image: Token request returned 401', 'level=debug msg="Failed to generate auth" authtype=basic err="No credentials available for basic auth" host=acct.dkr.ecr.us-east-2.amazonaws.com'],
    counterSamples: ['Token request returned 200'],
  }),
  sig({
    id: 'image.harbor-project-not-found',
    cause: 'image.not-found',
    // Harbor answers a reference whose first path part is not one of its projects with "project not found",
    // under UNAUTHORIZED or NOT_FOUND: the name is wrong, not the credentials.
    re: /(unauthorized|not_found|not found|denied)\W{1,3}project not found/,
    anchors: ['project not found'],
    confidence: 0.8,
    specificity: 88,
    alternatives: ['image.auth-missing'],
    check: 'the project part of the image reference (<harbor>/<project>/<repository>:<tag>) against Harbor\'s projects (its UI or GET /api/v2.0/projects?name=<project>); create the project or fix the reference',
    source: 'Harbor core (project lookups answer "project not found, name: <project>")',
    samples: ['Failed to pull image "harbor.od.com/k8s/coredns:1.6.1": rpc error: code = Unknown desc = Error response from daemon: unauthorized: project not found, name: k8s', 'NOT_FOUND: project not found, name: team'],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'image.pull-access-denied',
    cause: 'image.not-found',
    // Docker's wrapper, and Docker Hub's answer: the same text for a repository that does not exist and for a private one.
    // A name that is not there (a typo, a tag or image never published) is the commoner of the two in real threads,
    // so it leads; the check decides.
    re: /pull access denied|may require (authorization|'docker login')/,
    anchors: ['pull access denied', 'may require'],
    confidence: 0.55,
    specificity: 60,
    // In a pod, no credentials sent is often an imagePullSecret the pod names but its namespace lacks.
    alternatives: ['image.auth-missing', 'image.auth-rejected', 'image.pullsecret-missing'],
    check: MISSING_OR_PRIVATE,
    source: 'facts §4.8 (Docker: pull access denied … repository does not exist or may require \'docker login\'), §8 DENIED',
    samples: [
      'Error response from daemon: pull access denied for acme/secret-app, repository does not exist or may require \'docker login\': denied: requested access to the resource is denied',
      'Failed to pull image "acme/billing-worker:dev": rpc error: code = Unknown desc = Error response from daemon: pull access denied for acme/billing-worker, repository does not exist or may require \'docker login\'',
    ],
    counterSamples: ['unauthorized: incorrect username or password'],
  }),
  sig({
    id: 'image.resource-denied',
    cause: 'image.not-found',
    // Docker Hub's DENIED: the same text for a repository that does not exist and for a private one pulled without
    // (or with wrong) credentials; as with "pull access denied", the missing name is the commoner. A push denied is
    // not a missing name: that is image.push-denied.
    re: /requested access to the resource is denied/,
    anchors: ['requested access to the resource is denied'],
    confidence: 0.55,
    specificity: 83,
    alternatives: ['image.auth-missing', 'image.auth-rejected'],
    check: MISSING_OR_PRIVATE,
    source: 'facts §4.8, §8 DENIED (Docker Hub wording)',
    samples: [
      'Failed to pull image "docker.io/acme/ledger:4": rpc error: code = Unknown desc = Error response from daemon: pull access denied for acme/ledger, repository does not exist or may require \'docker login\': denied: requested access to the resource is denied',
      'denied: requested access to the resource is denied',
    ],
    counterSamples: ['denied: denied'],
  }),
  sig({
    id: 'image.push-denied',
    cause: 'image.auth-rejected',
    // The same DENIED on a push is about the right to write, not a missing name: a push creates the repository.
    // Logged in, it is a namespace the account does not own (a name without the user's namespace is library/);
    // not logged in, the login.
    re: /\bpush(?:ing| refers to repository)\b[\s\S]{0,600}requested access to the resource is denied/i,
    anchors: ['requested access to the resource is denied'],
    confidence: 0.6,
    specificity: 84,
    alternatives: ['image.auth-missing'],
    check: 'docker login <registry> as the account that owns the namespace, and push to <registry>/<that namespace>/<name>: Docker Hub names need the user or organisation (docker tag app <user>/app), and a robot or token needs push (write) rights on that repository',
    source: 'Docker Hub and distribution DENIED on the push\'s token scope (repository:<name>:pull,push)',
    samples: [
      'The push refers to repository [docker.io/library/webapp] 5f70bf18a086: Preparing denied: requested access to the resource is denied',
      'error pushing image: denied: requested access to the resource is denied',
    ],
    counterSamples: ["Error response from daemon: pull access denied for acme/secret-app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"],
  }),
  sig({
    id: 'image.credentials-rejected',
    cause: 'image.auth-rejected',
    re: /incorrect username or password|access forbidden|403 forbidden|(^|: |[^\S \t\r\f\v])denied: (?!connecting to )\w|\\*"code\\*":\s*\\*"denied\\*"|unauthorized: you don't have the needed permissions|unauthorized: your account must log in with a personal access token|invalid client ?id or client secret|invalid username or password|the client does not have permission for|could not be authenticated by the github packages service|invalid username\/password/,
    anchors: ['incorrect username or password', 'access forbidden', '403 forbidden', 'denied:', '"denied', 'unauthorized:', 'invalid username/password', 'does not have permission for', 'github packages service', 'invalid username or password', 'client secret'],
    confidence: 0.8,
    specificity: 82,
    // ECR and other IAM-scoped registries deny a mistyped or missing repository like a forbidden one; a mirror
    // or proxy cache in front of the node refuses with the same 403 (a public mirror serving only its own network).
    alternatives: ['image.pullsecret-wrong-registry', 'image.auth-missing', 'image.not-found', 'registry.mirror-misconfigured'],
    check: 'the credentials the node sends for that host: the pull secret\'s auths entry (kubectl get secret <name> -o jsonpath={.data.\\.dockerconfigjson} | base64 -d) — wrong, expired, or without access to that repository',
    source: 'facts §4.6 (oauth token, 403), §8 DENIED',
    samples: [
      // Docker Hub refusing a password where the organization enforces sign-in with a token.
      'Error response from daemon: Head "https://registry-1.docker.io/v2/acme/api/manifests/2.3.1": unauthorized: your account must log in with a Personal Access Token (PAT) - learn more at docs.docker.com/go/access-tokens',
      // A docker push log pasted whole: the registry's denial opens its own line.
      'The push refers to repository [ghcr.io/acme/tool]\nf1d3cf9dd85c: Preparing\ndenied: permission_denied: write_package\nError: Process completed with exit code 1.',
      // Azure Container Registry's answer for a service principal whose id or secret is wrong.
      'Head "https://myacr.azurecr.io/v2/app/manifests/0.1.3": unauthorized: Invalid clientid or client secret.',
      'Error response from daemon: Head "https://registry-1.docker.io/v2/acme/api/manifests/latest": unauthorized: incorrect username or password',
      'failed to pull and unpack image "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:3": failed to resolve reference: unexpected status from HEAD request to https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/web/manifests/3: 403 Forbidden',
      'GET https://registry.corp/v2/team/app/manifests/1.2: UNAUTHORIZED: The client does not have permission for manifest',
      // The registry's JSON error body quoted inside another tool's log line keeps its escaped quotes.
      'could not list tags: http: non-successful response (status=403 body=\\"{\\\\\\"errors\\\\\\":[{\\\\\\"code\\\\\\":\\\\\\"DENIED\\\\\\",\\\\\\"message\\\\\\":\\\\\\"invalid token\\\\\\"}]}\\")',
    ],
    counterSamples: [
      'no basic auth credentials',
      'Error from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods"',
      'OCI runtime create failed: runc create failed: unable to start container process: exec: "/docker-entrypoint.sh": permission denied: unknown',
    ],
  }),
  sig({
    // docker login sends the credentials it was given to the registry's /v2/ root: a 401 there is those
    // credentials refused (a pull's own 401 names the manifest or blob path, or the token endpoint).
    id: 'image.login-rejected',
    cause: 'image.auth-rejected',
    re: /login attempt to \S+ failed with status: 401|\bGet "?https?:\/\/[^\s"\/]+\/v2\/"?: unauthorized\b/,
    anchors: ['login attempt to', '/v2/": unauthorized', '/v2/: unauthorized'],
    confidence: 0.8,
    specificity: 88,
    alternatives: ['image.auth-missing'],
    check: 'the user and password (or token) given to docker login: for robot or service accounts quote the name in the shell (\'robot$ci\' — "$ci" unquoted expands to nothing), use the CLI secret or token the registry issues rather than an SSO password, and note that repeated failures can lock the account for a while',
    source: 'Docker registry client login (ping of the /v2/ root with the given credentials; "login attempt to <url> failed with status")',
    samples: [
      'Error response from daemon: login attempt to https://registry.example.org/v2/ failed with status: 401 Unauthorized',
      'Error response from daemon: Get "https://nexus.corp.local:8443/v2/": unauthorized: access to the requested resource is not authorized',
    ],
    counterSamples: ['Error response from daemon: Head "https://registry.example.org/v2/app/manifests/1": unauthorized: authentication required'],
  }),
  sig({
    id: 'image.token-expired',
    cause: 'image.auth-rejected',
    // ECR and other token registries: the credentials were sent, but the short-lived token in them expired.
    re: /authorization token has expired|security token included in the request is (invalid|expired)/,
    anchors: ['authorization token has expired', 'security token included in the request'],
    confidence: 0.93,
    specificity: 93,
    alternatives: ['image.pullsecret-malformed'],
    source: 'ECR authorization tokens (12 h lifetime): DENIED with an expired or invalid token',
    samples: [
      'Error response from daemon: Head "https://111122223333.dkr.ecr.eu-central-1.amazonaws.com/v2/api/manifests/7": denied: Your authorization token has expired. Reauthenticate and try again.',
      'level=error msg="Not continuing with pull after error: denied: The security token included in the request is expired"',
    ],
    counterSamples: ['no basic auth credentials'],
  }),
  sig({
    id: 'image.denied-denied',
    cause: 'image.auth-rejected',
    // GHCR's bare "denied": sent by a stale or empty credential for the host as well as for a private package without one.
    re: /\bdenied: denied\b/,
    anchors: ['denied: denied'],
    confidence: 0.6,
    specificity: 84,
    alternatives: ['image.auth-missing', 'image.not-found'],
    check: 'which credential is sent for that host? a stale or empty entry in the pull secret or the node\'s config.json is sent even to a public package (remove it); a private package needs a token with read access',
    source: 'registry DENIED error code (distribution spec) as GitHub Container Registry words it',
    samples: [
      'Error response from daemon: Head "https://ghcr.io/v2/acme/tool/manifests/2.1": denied: denied',
      'failed to resolve reference "ghcr.io/acme/tool:2.1": unexpected status from HEAD request to https://ghcr.io/v2/acme/tool/manifests/2.1: denied: denied',
    ],
    counterSamples: ['denied: requested access to the resource is denied'],
  }),
  sig({
    id: 'image.quay-not-authorized',
    cause: 'image.auth-missing',
    // Quay answers a repository that does not exist exactly like a private one.
    re: /unauthorized: access to the requested resource is not authorized/,
    anchors: ['access to the requested resource is not authorized'],
    confidence: 0.5,
    specificity: 84,
    alternatives: ['image.not-found', 'image.auth-rejected'],
    check: 'open the repository page on the registry (https://quay.io/repository/<org>/<name>): a wrong organisation or name gives this same answer; if it exists and is private, the pull secret needs a robot account for it',
    source: 'registry UNAUTHORIZED error code (distribution spec) as Quay words it',
    samples: [
      'Error: initializing source docker://quay.io/acme/agent:1.4: reading manifest 1.4 in quay.io/acme/agent: unauthorized: access to the requested resource is not authorized',
      'Error response from daemon: unauthorized: access to the requested resource is not authorized',
    ],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'image.redhat-login',
    cause: 'image.auth-missing',
    re: /please login to the red hat registry|registry\.redhat\.io\/v2\/[^\s"]{1,300}: unauthorized: please login\b/,
    anchors: ['please login to the red hat registry', 'unauthorized: please login'],
    confidence: 0.75,
    specificity: 94,
    alternatives: ['image.auth-rejected', 'image.pullsecret-missing', 'image.pullsecret-wrong-registry'],
    check: 'registry.redhat.io needs a registry service account in the pull secret (registry.access.redhat.com needs none); the same text answers credentials it rejects, so check that the secret\'s auths entry is for registry.redhat.io',
    source: 'registry.redhat.io UNAUTHORIZED text (Red Hat registry authentication)',
    samples: [
      'Error initializing source docker://registry.redhat.io/ubi9/nodejs-20:latest: unable to retrieve auth token: invalid username/password: unauthorized: Please login to the Red Hat Registry using your Customer Portal credentials.',
      'Get https://registry.redhat.io/v2/rhel9/redis-7/manifests/1: unauthorized: Please login to the Red Hat Registry using your Customer Portal credentials.',
    ],
    counterSamples: ['unauthorized: incorrect username or password'],
  }),
  sig({
    // Containerd fetches an oauth token only when it has credentials to send: a refusal means they are wrong.
    id: 'image.oauth-token-refused',
    check: 'kubectl get secret <pull secret> -o jsonpath=\'{.data.\\.dockerconfigjson}\' | base64 -d: is there an auths entry for exactly this registry host, and does docker login <host> with those credentials work?',
    cause: 'image.auth-rejected',
    re: /failed to fetch oauth token(?!: unexpected status(?: from \w+ request to \S+)?: 5\d\d)(?![\s\S]{0,400}(dial tcp|connect: |connection reset|i\/o timeout|no such host|tls handshake timeout))/,
    anchors: ['oauth token'],
    confidence: 0.85,
    specificity: 88,
    // a token service that is failing refuses good credentials too, until it recovers; and the credentials sent
    // may not be the ones meant for this repository (a node's credential provider or a secret of another project
    // answered first), which leaves the pull without any that grant it
    alternatives: ['image.pullsecret-wrong-registry', 'registry.server-error', 'image.auth-missing'],
    source: 'facts §4.6 (failed to fetch oauth token), §8 (token request with credentials)',
    samples: [
      'failed to resolve reference "registry.gitlab.com/grp/svc:1.0": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://gitlab.com/jwt/auth?scope=repository%3Agrp%2Fsvc%3Apull&service=container_registry: 403 Forbidden',
      'failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized',
    ],
    counterSamples: ['failed to fetch anonymous token: unexpected status: 401 Unauthorized'],
  }),
  sig({
    id: 'image.hub-incorrect-credentials',
    cause: 'image.auth-rejected',
    // Docker Hub's token service answers a login whose password or token it does not accept with this
    // detail; without credentials it issues an anonymous token instead. So the credentials were sent.
    // Docker Hub's v1 index said it as "Wrong login/password, please try again".
    re: /incorrect username or password|wrong login\/password|stored credentials invalid or expired/,
    anchors: ['incorrect username or password', 'wrong login/password', 'stored credentials invalid'],
    // Credentials meant for another registry land here when the login or pull names no host (Docker Hub is the
    // default): the text cannot tell a wrong password from the right one sent to the wrong place.
    confidence: 0.85,
    specificity: 90,
    alternatives: ['image.pullsecret-wrong-registry'],
    check: 'which registry the credentials belong to: docker login without a host (or a deploy tool without its registry server set) sends them to Docker Hub; a token for ghcr.io, ECR or a private registry must name that host',
    source: 'Docker Hub auth service (auth.docker.io/token) 401 detail "incorrect username or password"',
    samples: [
      // docker login retrying the credentials it has stored, which the registry answers 401.
      'Authenticating with existing credentials... [Username: ci-deployer]\nStored credentials invalid or expired\nUsername (ci-deployer):',
      'GET https://auth.docker.io/token?scope=repository%3Aorg%2Fapp%3Apull&service=registry.docker.io: unexpected status code 401 Unauthorized: {"details":"incorrect username or password"}',
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password',
      'Error occurred : 401 Client Error: Unauthorized ("Wrong login/password, please try again")',
    ],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'image.anonymous-read-only',
    cause: 'image.auth-missing',
    // The registry names the caller anonymous (OCIR: "Anonymous users are only allowed read access on public
    // repos"): no credentials reached it, so the repository is private to a login never sent.
    re: /anonymous users are only allowed|anonymous (access|pull|user)[^\n]{0,60}(not allowed|denied|forbidden)|forbidden for user:? \\?'anonymous\\?'/,
    anchors: ['anonymous users are only allowed', 'anonymous access', 'anonymous pull', 'anonymous user', 'forbidden for user'],
    confidence: 0.9,
    specificity: 90,
    source: 'registry denials that name the caller anonymous (Oracle OCIR, Harbor and others)',
    samples: [
      "unauthorized: The client does not have permission for manifest: Download request for repo:path 'hub-cache:app/1/list.manifest.json' is forbidden for user: 'anonymous'.",
      'reading manifest v1 in iad.ocir.io/tenancy/app: denied: Anonymous users are only allowed read access on public repos',
      'denied: anonymous access to this repository is not allowed',
    ],
    counterSamples: ['failed to fetch anonymous token: unexpected status: 403 Forbidden'],
  }),
  sig({
    id: 'image.gcp-unauthenticated',
    cause: 'image.auth-missing',
    // Google Cloud IAM's answer to a request that carried no credentials at all (Artifact Registry, gcr.io
    // served by it): "Unauthenticated requests do not have permission \"<permission>\" on resource …".
    // Its Docker API prefixes the same answer with "denied: Unauthenticated request."
    re: /unauthenticated requests do not have permission|denied: unauthenticated request\b/,
    anchors: ['unauthenticated requests', 'denied: unauthenticated request'],
    confidence: 0.9,
    specificity: 90,
    alternatives: ['image.pullsecret-missing', 'image.pullsecret-wrong-registry'],
    source: 'Google Cloud IAM error text for anonymous callers (Artifact Registry docs, access control)',
    samples: [
      'Unauthenticated requests do not have permission "artifactregistry.repositories.downloadArtifacts" on resource "projects/p/locations/us/repositories/r"',
      'failed to pull and unpack image "us-docker.pkg.dev/p/r/app:1": failed to resolve reference "us-docker.pkg.dev/p/r/app:1": unexpected status from HEAD request to https://us-docker.pkg.dev/v2/p/r/app/manifests/1: 403 Forbidden: Unauthenticated requests do not have permission "artifactregistry.repositories.downloadArtifacts"',
    ],
    counterSamples: ['Permission "artifactregistry.repositories.downloadArtifacts" denied on resource "projects/p/locations/us/repositories/r" (or it may not exist)'],
  }),
  sig({
    id: 'image.gcp-permission-denied',
    check: 'gcloud artifacts repositories get-iam-policy <repository> --location <location>: the node\'s (or the pull secret\'s) service account needs roles/artifactregistry.reader there; gcloud artifacts docker images list <location>-docker.pkg.dev/<project>/<repository> tells a missing repository from a missing role',
    cause: 'image.auth-rejected',
    // IAM with credentials that lack the permission; Google adds "(or it may not exist)" because IAM
    // answers the same for a resource that is not there.
    re: /permission \\?"artifactregistry\.[\w.]+\\?" denied/,
    anchors: ['artifactregistry.'],
    confidence: 0.75,
    specificity: 90,
    // (a client without its own credentials — no credential helper — may send another identity's, the
    // node's default service account: then the pull's credentials are missing)
    alternatives: ['image.not-found', 'image.auth-missing'],
    source: 'Google Cloud IAM error text: Permission "<permission>" denied on resource "<resource>" (or it may not exist)',
    samples: [
      'Permission "artifactregistry.repositories.downloadArtifacts" denied on resource "projects/p/locations/europe-west1/repositories/r" (or it may not exist)',
      'failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://europe-west1-docker.pkg.dev/v2/token?scope=repository%3Ap%2Fr%2Fapp%3Apull: 403 Forbidden: denied: Permission "artifactregistry.repositories.downloadArtifacts" denied on resource "projects/p/locations/europe-west1/repositories/r" (or it may not exist)',
    ],
    counterSamples: ['Unauthenticated requests do not have permission "artifactregistry.repositories.downloadArtifacts"'],
  }),
  sig({
    id: 'image.aad-rejected',
    check: 'the service principal or managed identity the pull uses (az aks check-acr --name <cluster> --resource-group <rg> --acr <registry>.azurecr.io): it must exist in the registry\'s tenant and hold AcrPull on the registry; a deleted or expired secret is rejected',
    cause: 'image.auth-rejected',
    // Azure Container Registry hands the credentials to Entra ID (AAD): these texts are AAD refusing the
    // identity that was sent, not a pull without credentials.
    re: /application not registered with aad|aadsts\d{5,}/,
    anchors: ['not registered with aad', 'aadsts'],
    // Threads settle it as credentials refused twice for each time the image needed credentials it did not have.
    confidence: 0.85,
    specificity: 90,
    alternatives: ['image.pullsecret-wrong-registry'],
    source: 'Azure Container Registry token exchange through Entra ID (AAD) error texts',
    samples: [
      'Error response from daemon: Get https://myacr.azurecr.io/v2/app/manifests/1: unauthorized: Application not registered with AAD.',
      'failed to fetch oauth token: unexpected status: 401 Unauthorized: AADSTS7000215: Invalid client secret provided.',
    ],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'image.access-token-expired',
    cause: 'image.auth-rejected',
    // The registry names the credential it was sent expired (Docker Hub personal access tokens carry an
    // expiry date): credentials reached it and are refused, so the secret or login must be renewed.
    re: /personal access token (is|has) expired|unauthorized: [^\n]{0,40}\b(access )?token (is|has) expired/,
    anchors: ['personal access token', 'token is expired', 'token has expired'],
    confidence: 0.9,
    specificity: 93,
    source: 'Docker Hub authentication (personal access tokens with an expiry date)',
    samples: [
      'Error response from daemon: Head "https://registry-1.docker.io/v2/library/redis/manifests/alpine": unauthorized: personal access token is expired',
      'failed to authorize: failed to fetch oauth token: unauthorized: access token has expired',
    ],
    counterSamples: ['error: You must be logged in to the server (the server has asked for the client to provide credentials)'],
  }),
  sig({
    id: 'image.ghcr-permission',
    cause: 'image.auth-rejected',
    // GHCR knows who is asking and refuses the action: a GitHub App installation or a token without the package
    // write (or read) permission, a personal token whose scopes do not include packages.
    re: /installation not allowed to (write|read) organization package|the token provided does not match expected scopes/,
    anchors: ['not allowed to write organization package', 'not allowed to read organization package', 'does not match expected scopes'],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['image.auth-missing'],
    check: 'the token\'s permissions for that package: a workflow needs permissions: packages: write (and the package\'s Actions access for the repository), a personal token needs the write:packages / read:packages scope',
    source: 'GitHub Container Registry (ghcr.io) permission denials',
    samples: ['denied: installation not allowed to Write organization package', 'permission_denied: The token provided does not match expected scopes'],
    counterSamples: ['denied: requested access to the resource is denied'],
  }),
  sig({
    id: 'image.v1-authentication-required',
    cause: 'image.auth-missing',
    // Docker's v1 pull path (and tools wrapping it) said "Authentication is required" when the registry
    // answered 401 to a pull that sent no credentials for that host.
    re: /authentication is required/,
    anchors: ['authentication is required'],
    confidence: 0.75,
    specificity: 80,
    alternatives: ['image.pullsecret-missing', 'image.pullsecret-wrong-registry', 'image.pullsecret-malformed', 'image.auth-rejected'],
    check: 'credentials for that registry host where the pull runs: docker login <host> (or the pod\'s imagePullSecrets with an auths entry for the host, written as the image names it)',
    source: 'Docker registry client (v1 session: "Authentication is required.")',
    samples: ['Pulling repository registry.corp.example/team/app\nError: Authentication is required.', 'Error pulling image (latest) from registry.corp.example/team/app, Authentication is required.'],
    counterSamples: ['Login Succeeded'],
  }),
  sig({
    id: 'image.ecr-no-node-credentials',
    cause: 'image.auth-missing',
    // ECR needs a token the pulling side gets with AWS credentials (the node's instance role through IMDS, a
    // pod's IRSA role, a credential provider): none found means no credentials at all, whatever timed out on the
    // way to IMDS (a hop limit of 1 blocks it from containers) — so it outranks the ECR API timeout.
    re: /(getauthorizationtoken|get authorization token|ecr authorization token)[^\n]{0,400}(no ec2 imds role found|failed to refresh cached credentials|no valid providers in chain|nocredentialproviders|unable to locate credentials)/,
    anchors: ['authorizationtoken', 'authorization token'],
    confidence: 0.85,
    specificity: 97,
    alternatives: ['image.pullsecret-missing'],
    check: 'where the ECR token should come from: the node\'s instance profile (aws sts get-caller-identity on the node; from a pod, the IMDS hop limit must be 2), the pod\'s IRSA role (its ServiceAccount annotation), or the kubelet\'s ecr-credential-provider config; the role needs ecr:GetAuthorizationToken',
    source: 'AWS SDK credential chain behind ECR GetAuthorizationToken (IMDS, IRSA, the kubelet credential provider)',
    samples: ['ecr: Failed to get authorization token: operation error ECR: GetAuthorizationToken, get identity: get credentials: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, request canceled, context deadline exceeded', 'error getting ECR authorization token: GetAuthorizationToken: NoCredentialProviders: no valid providers in chain'],
    counterSamples: ['ECR authorization token expired'],
  }),
  sig({
    id: 'image.auth-method-unsupported',
    cause: 'image.auth-rejected',
    // The registry refuses the kind of credential offered (IBM Cloud Container Registry wants an IAM login or
    // the user "token" with a registry token), not a missing one.
    re: /the requested authentication method is not supported/,
    anchors: ['authentication method is not supported'],
    confidence: 0.75,
    specificity: 94,
    alternatives: ['image.auth-missing'],
    check: 'the credentials the client sends for that registry (~/.docker/config.json, the pull secret): log in the way the registry documents (ibmcloud cr login, or docker login -u iamapikey / -u token with a registry token) and recreate the pull secret from that',
    source: 'IBM Cloud Container Registry UNSUPPORTED error',
    samples: ['UNSUPPORTED: The requested authentication method is not supported. Run the `bx cr login` command.', 'Error publishing image: UNSUPPORTED: The requested authentication method is not supported. Run the `ibmcloud cr login` command.'],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'image.aws-no-credential-providers',
    cause: 'image.auth-missing',
    // The AWS SDK found no credentials anywhere in its chain (environment, web identity, instance role): a
    // client listing or pulling from ECR sends nothing, so the registry is asked without a login.
    re: /^(?=[\s\S]*(\.ecr\.|\becr\b))[\s\S]*nocredentialproviders: no valid providers in chain/,
    anchors: ['nocredentialproviders'],
    confidence: 0.8,
    specificity: 93,
    check: 'the pod\'s AWS identity: its service account\'s eks.amazonaws.com/role-arn annotation (IRSA) or EKS Pod Identity association, or the node\'s instance role (aws sts get-caller-identity from the pod), and that role\'s ecr: permissions',
    source: 'AWS SDK for Go v1 (NoCredentialProviders: no valid providers in chain)',
    samples: [
      'ensure image exists: check image 123456789012.dkr.ecr.us-west-2.amazonaws.com/app:1 exists: list ECR images: NoCredentialProviders: no valid providers in chain. Deprecated.',
      'error getting ECR authorization token: NoCredentialProviders: no valid providers in chain',
    ],
    counterSamples: ['failed to upload to s3: NoCredentialProviders: no valid providers in chain'],
  }),
  sig({
    id: 'image.upstream-login-refused',
    cause: 'image.auth-rejected',
    // A proxy cache (Harbor's proxy project) logging in to its upstream with stored credentials, and the upstream
    // (Docker Hub: "Incorrect authentication credentials") refusing them: the client sees only the cache's 5xx.
    re: /login to [\w.-]+ error[^\n]{0,200}incorrect authentication credentials|incorrect authentication credentials/,
    anchors: ['incorrect authentication credentials'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the credentials the proxy cache holds for its upstream (Harbor: Registries → the endpoint → Test Connection): a changed Docker Hub password or a revoked access token is refused there, and every pull through the cache fails with its 5xx',
    source: 'Docker Hub authentication answer ({"detail":"Incorrect authentication credentials"}); Harbor proxy cache upstream login',
    samples: [
      '{"errors":[{"code":"UNKNOWN","message":"unknown: login to dockerhub error: login to dockerhub error: {\\"detail\\":\\"Incorrect authentication credentials\\"}\\n\\n"}]}',
      '{"detail":"Incorrect authentication credentials"}',
    ],
    counterSamples: ['Error response from daemon: received unexpected HTTP status: 500 Internal Server Error'],
  }),
  sig({
    id: 'image.keychain-no-credentials',
    cause: 'image.auth-missing',
    // go-containerregistry's default keychain (ko, crane, kaniko, Flux) logs that it found nothing for the registry
    // and goes on anonymously; a refusal after that line is a refusal of an anonymous request.
    // Older releases (kaniko's of 2018-2019) worded it "No matching credentials found for gcr.io", unquoted.
    re: /no matching credentials (were )?found for (\\?"[^"\\\n]+\\?"|[^\s,"]+)[\s\S]{0,800}?(unauthorized|401\b|denied|authentication required)/,
    anchors: ['no matching credentials were found for', 'no matching credentials found for'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['image.auth-rejected', 'image.pullsecret-missing'],
    check: 'the credentials the tool reads for that registry: ~/.docker/config.json (or $DOCKER_CONFIG) auths or credHelpers for the host it names; in a pod, the mounted docker config secret and DOCKER_CONFIG pointing at it',
    source: 'go-containerregistry authn.DefaultKeychain ("No matching credentials were found for %q, falling back on anonymous")',
    samples: [
      '2021/05/26 14:57:13 No matching credentials were found for "gcr.io"\nError: failed to publish images: GET https://gcr.io/v2/token?scope=repository%3Aproj%2Fapp%3Apush%2Cpull&service=gcr.io: UNAUTHORIZED: You don\'t have the needed permissions to perform this operation, and you may have invalid credentials.',
      'No matching credentials were found for "registry.lab", falling back on anonymous\nGET https://registry.lab/v2/team/app/manifests/1: UNAUTHORIZED: authentication required',
      'No matching credentials found for gcr.io, falling back on anonymous\nlevel=error msg="DENIED: \\"Access denied.\\""',
    ],
    counterSamples: ['No matching credentials were found, falling back on anonymous\nGet https://storage.example.com/blobs/sha256/aa: dial tcp 10.0.0.5:443: i/o timeout'],
  }),
  sig({
    id: 'image.tool-found-no-docker-config',
    cause: 'image.auth-missing',
    // A tool that reads Docker's credentials (kompose, and others built on docker's client libraries) found no
    // config.json: whatever it pushes or pulls next goes out without credentials.
    re: /unable to retrieve \.?docker\/config\.json authentication details/,
    anchors: ['config.json authentication details'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['image.auth-rejected'],
    check: 'ls -l ~/.docker/config.json (or $DOCKER_CONFIG/config.json) for the user that runs the tool: docker login <registry> as that user writes it; a credential store (credsStore) needs its helper on PATH too',
    source: 'kompose (docker credentials lookup: "Unable to retrieve .docker/config.json authentication details. Check that \'docker login\' works successfully on the command line.")',
    samples: ['WARN Unable to retrieve .docker/config.json authentication details. Check that \'docker login\' works successfully on the command line.: open /home/dev/.docker/config.json: no such file or directory\nFATA Error while deploying application: denied: requested access to the resource is denied', 'Unable to retrieve .docker/config.json authentication details'],
    counterSamples: ['Login Succeeded'],
  }),
  sig({
    id: 'image.login-throttled',
    cause: 'image.auth-rejected',
    // Docker Hub locks a user name or address out after repeated failed logins: the 429 is the consequence, the
    // credentials that kept failing (a wrong or revoked token in a CI secret, retried) are the cause.
    re: /too many failed login attempts/,
    anchors: ['too many failed login attempts'],
    confidence: 0.8,
    specificity: 96,
    alternatives: ['image.rate-limited'],
    check: 'the credentials the job logs in with (the CI secret, ~/.docker/config.json): docker login with them by hand once; replace a revoked or mistyped token, then wait for the lock-out to expire before retrying',
    source: 'Docker Hub login throttling ("toomanyrequests: too many failed login attempts for username or IP address")',
    samples: ['toomanyrequests: too many failed login attempts for username or IP address', 'Error response from daemon: Get "https://registry-1.docker.io/v2/": toomanyrequests: too many failed login attempts for username or IP address'],
    counterSamples: ['toomanyrequests: You have reached your pull rate limit.'],
  }),
  sig({
    id: 'image.login-needs-terminal',
    cause: 'image.auth-missing',
    // docker push with no stored credentials asks for them (old clients: "Please login prior to push"); in a CI job
    // or a post-processor without a terminal the prompt reads nothing, so the registry gets no credentials.
    // The CLI's newer wording (v29: "error: cannot perform an interactive login from a non-TTY device") has a hyphen.
    re: /please login prior to (push|pull)|cannot perform an interactive login from a non[ -]tty device/,
    anchors: ['please login prior to', 'interactive login from a non tty device', 'interactive login from a non-tty device'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['image.auth-rejected'],
    check: 'the job must log in non-interactively before it pushes: docker login -u <user> --password-stdin <registry> (for ECR: aws ecr get-login-password | docker login --password-stdin), or give the tool the registry credentials it takes as options (Packer\'s login_username/login_password, ecr_login)',
    source: 'Docker CLI login prompt without a terminal ("Cannot perform an interactive login from a non TTY device"); older clients\' push prompt ("Please login prior to push:")',
    samples: ['docker (docker-push): Error: Cannot perform an interactive login from a non TTY device', '203ac7c888b0: Image push failed\n\nPlease login prior to push:\nUsername: EOF', 'error: cannot perform an interactive login from a non-TTY device'],
    counterSamples: ['Login Succeeded'],
  }),
  sig({
    id: 'image.bearer-token-malformed',
    cause: 'unknown',
    // The registry could not even parse the bearer token it was sent: a client bug or a token mangled by a proxy or a
    // credential helper, not missing or refused credentials.
    re: /invalid bearer token format/,
    anchors: ['invalid bearer token format'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['image.auth-rejected', 'registry.proxy'],
    check: 'the client\'s version and its token handling (a known issue of that client is likely), and whether a proxy rewrites the Authorization header: the same pull with docker or crane from the same host decides',
    source: 'Quay\'s 401 body for an Authorization header it cannot parse ("Invalid bearer token format")',
    samples: ['Get https://quay.io/v2/: http: non-successful response (status=401 body="{\\"error\\": \\"Invalid bearer token format\\"}")', '{"error": "Invalid bearer token format"}'],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'image.token-scope-rejected',
    cause: 'image.invalid-reference',
    // A token service answering 400 to the scope it was asked for: the repository named in the scope is not a valid
    // name there (an OCI chart reference without the chart, a path the registry does not accept). Missing or wrong
    // credentials answer 401 or 403 instead.
    re: /failed to fetch (anonymous|oauth) token: unexpected status[^\n]{0,300}?: 400 bad request/,
    anchors: ['400 bad request'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['image.auth-missing', 'image.not-found'],
    check: 'the reference: for Helm OCI it is oci://<registry>/<path>/<chart> with the chart name last (and --version apart); the token URL\'s scope=repository:<name>:pull shows the name the registry was asked about',
    source: 'distribution token authentication (a 400 for an invalid scope); containerd authorizer ("failed to fetch anonymous token: unexpected status: 400 Bad Request")',
    samples: ['Error: could not download chart: failed to authorize: failed to fetch anonymous token: unexpected status: 400 Bad Request', 'failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aacme%3Apull&service=ghcr.io: 400 Bad Request'],
    counterSamples: ['failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized'],
  }),
  sig({
    id: 'image.client-401-registry-path',
    cause: 'image.auth-missing',
    // A 401 on the distribution API's own routes, in the words of a client that is not a container runtime (a
    // scanner, an SDK, a script with curl): the registry wants credentials the request did not carry, or refused them.
    re: new RegExp(String.raw`^(?=[\s\S]*${REGISTRY_V2_PATH})[\s\S]*?(?<key>${clientStatus('401')})`),
    anchors: ['401'],
    confidence: 0.7,
    specificity: 84,
    // Docker Hub and Quay answer 401 for a repository that does not exist, too (a name written wrong lands on one).
    alternatives: ['image.auth-rejected', 'image.pullsecret-missing', 'image.pullsecret-wrong-registry', 'image.not-found', 'image.invalid-reference'],
    check: 'which credentials the client sends for that registry host (its own config, ~/.docker/config.json, a token option): none is the credentials missing; some that the registry refuses is the credentials rejected — curl -u <user> https://<registry>/v2/ tells them apart',
    source: 'distribution API 401 (UNAUTHORIZED) as Java, Python requests, Axios, curl and .NET report an HTTP status',
    samples: [
      'java.io.IOException: Server returned HTTP response code: 401 for URL: https://harbor.lab/v2/team/app/manifests/1',
      'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://harbor.lab/v2/team/app/manifests/1',
      'System.Net.Http.HttpRequestException: Response status code does not indicate success: 401 (Unauthorized). GET https://harbor.lab/v2/team/app/tags/list',
    ],
    counterSamples: ['requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.example.com/v1/users'],
  }),
  sig({
    id: 'image.kubelet-credential-provider-failed',
    cause: 'image.auth-missing',
    // The kubelet's credential provider plugin (ecr-, acr-, gcp-credential-provider) could not produce credentials
    // for the image: the plugin binary, its config or the node's cloud identity failed, and the pull goes without.
    // Not for a public registry's image (public.ecr.aws, mcr.microsoft.com): those pull without credentials, so the
    // plugin's failure there is noise in the log, not the pull's cause.
    re: /^(?![\s\S]*for image (public\.ecr\.aws|mcr\.microsoft\.com)\/)[\s\S]*?(failed (getting|to get) credential from external registry credential provider|error execing credential provider plugin \S+ for image|failed to provide credentials for image)/,
    anchors: ['external registry credential provider', 'error execing credential provider plugin', 'failed to provide credentials for image'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['image.auth-rejected'],
    check: 'the kubelet\'s --image-credential-provider-config and --image-credential-provider-bin-dir on that node: the plugin named must exist there and be executable, its matchImages must cover the registry, and the node\'s identity must be allowed to pull (ECR: the instance role\'s ecr:GetAuthorizationToken; ACR: the kubelet identity\'s AcrPull)',
    source: 'kubelet credential provider plugins (pkg/credentialprovider/plugin: "Failed getting credential from external registry credential provider", "error execing credential provider plugin %s for image %s: %w")',
    samples: [
      // Kubelets since 1.33 log the plugin's failure under this message, whatever it was.
      'E1205 23:12:01.402117    2290 plugin.go:418] "Failed to provide credentials for image" err="error decoding credential provider plugin response from stdout" provider="gcp-credential-provider" image="gcr.io/acme-prod/frontend"',
      'E0102 10:00:03.001817    2187 plugin.go:418] "Failed to provide credentials for image" err="failed to get credential from external registry credential provider: apiVersion from credential plugin response did not match expected apiVersion:credentialprovider.kubelet.k8s.io/v1"',
      'E1205 10:00:00.000000    1234 plugin.go:263] "Failed getting credential from external registry credential provider" err="error execing credential provider plugin ecr-credential-provider for image 123456789012.dkr.ecr.us-east-1.amazonaws.com/app: exit status 1"',
      'error execing credential provider plugin acr-credential-provider for image myacr.azurecr.io/app: fork/exec /var/lib/kubelet/credential-provider/acr-credential-provider: no such file or directory',
    ],
    counterSamples: ['I1205 10:00:00.000000    1234 plugin.go:100] "Registered credential provider" provider="ecr-credential-provider"', 'Failed getting credential from external registry credential provider: error execing credential provider plugin ecr-credential-provider for image public.ecr.aws/nginx/nginx: exit status 1'],
  }),
  sig({
    id: 'image.ecr-helper-profile-missing',
    cause: 'image.auth-missing',
    // docker-credential-ecr-login cannot build an AWS client (AWS_PROFILE names a profile that is not configured):
    // it hands the runtime no credentials, and the pull or push goes to ECR anonymously.
    re: /error creating ecr client[^\n]{0,200}(failed to get shared config profile|no ec2 imds role found|failed to refresh cached credentials|no valid providers in chain)/,
    anchors: ['error creating ecr client'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['image.auth-rejected'],
    check: 'where the helper runs: the AWS profile it is given (AWS_PROFILE, ~/.aws/config and credentials), or the node\'s or pod\'s IAM role (aws sts get-caller-identity from there)',
    source: 'amazon-ecr-credential-helper ecr-login ("Error creating ECR client" with the AWS SDK\'s config error)',
    samples: [
      'time="2025-06-02T08:14:55Z" level=error msg="Error creating ECR client" error="loading AWS config for us-east-1: failed to get shared config profile, ci-deploy"',
      'level=error msg="Error creating ECR client" error="failed to refresh cached credentials, no EC2 IMDS role found"',
    ],
    counterSamples: ['level=debug msg="Retrieving credentials" region=us-east-1'],
  }),
  sig({
    id: 'image.push-denied-bare',
    cause: 'image.auth-rejected',
    // containerd's pusher keeps only the registry's error code when the body has no message: a bare DENIED for an
    // upload means the credentials sent may not push to that repository (or it does not exist and may not be created).
    re: /failed to push \S+: denied\s*$/,
    anchors: ['failed to push'],
    confidence: 0.7,
    specificity: 80,
    alternatives: ['image.auth-missing', 'image.not-found'],
    check: 'the account the build logs in with and its push permission on that repository (docker login to the same host; a robot account\'s project scope; the repository may need creating first)',
    source: 'containerd remotes/docker pusher (errcode DENIED with no message)',
    samples: ['ERROR: failed to solve: failed to push registry.example.com/team/app:1.4.2: denied', 'error: failed to push harbor.example.com/lib/app:2: denied'],
    counterSamples: ['ERROR: failed to solve: failed to push registry.example.com/team/app:1.4.2: denied: requested access to the resource is denied'],
  }),
];
