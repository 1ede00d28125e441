import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Helm charts, pulled from OCI registries through oras-go or from chart repositories' index.yaml: the same causes as
 * an image's, in Helm's and oras's words ("failed to perform \"FetchReference\" on source: …", "chart … not found").
 */
export const CHART_SIGNATURES: Signature[] = [
  sig({
    id: 'chart.oras-reference-not-found',
    cause: 'image.not-found',
    // oras resolves a tag or digest on the registry; its errdef "not found" after the reference means the manifest
    // is not there (a chart version never pushed, a digest from elsewhere), or a private repository hiding itself.
    re: /failed to perform \\?"(fetchreference|resolve)\\?" on source: [^\n]{0,300}?: not found\b/,
    anchors: ['on source: '],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['image.auth-missing'],
    check: 'the versions the registry holds for that chart: helm show chart oci://<registry>/<path>/<chart> --version <version> (or the registry\'s web page); a private repository may answer not-found until helm registry login',
    source: 'oras-go (errdef.ErrNotFound from Repository.Resolve/FetchReference) as Helm wraps it ("failed to perform %q on source: %w")',
    samples: ['Error: failed to perform "FetchReference" on source: registry.example.com/charts/mychart@sha256:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881: not found', 'Error: INSTALLATION FAILED: failed to perform "FetchReference" on source: registry.example.com/charts/api:9.9.9: not found'],
    counterSamples: ['Error: failed to perform "Fetch" on source: sha256:acac86c0e609ca906f632b0e2dacccb2b77d22b0621f20ebece1a4835b93f6f0: not found'],
  }),
  sig({
    id: 'chart.oras-blob-not-found',
    cause: 'registry.server-error',
    // The manifest resolved but a blob it lists is not there: the registry lost it (a garbage collection race, a
    // broken replication, a pull-through cache that kept the manifest only).
    re: /failed to perform \\?"fetch\\?" on source: sha256:[0-9a-f]{64}: not found/,
    anchors: ['on source: sha256:'],
    confidence: 0.6,
    specificity: 93,
    alternatives: ['image.not-found', 'registry.mirror-misconfigured'],
    check: 'the registry\'s own log and storage for that digest (a garbage collection or replication job around the time); pushing the chart again restores the blob',
    source: 'oras-go copy (Fetch on the blob after the manifest resolved)',
    samples: ['Error: failed to perform "Fetch" on source: sha256:acac86c0e609ca906f632b0e2dacccb2b77d22b0621f20ebece1a4835b93f6f0: not found', 'Error: INSTALLATION FAILED: failed to perform "Fetch" on source: sha256:0b8e7c5a1f3d2e4a6b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a: not found'],
    counterSamples: ['Error: failed to perform "FetchReference" on source: registry.example.com/charts/api:9.9.9: not found'],
  }),
  sig({
    id: 'chart.oras-server-5xx',
    cause: 'registry.server-error',
    // oras's own status form ("response status code 502: Bad Gateway") on a registry request.
    re: /\/v2\/[^\s"]*\\?": response status code 5\d\d\b/,
    anchors: ['response status code 5'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    check: 'the registry\'s own health and logs (or its status page); a 502/504 can come from a proxy or load balancer in front of it — curl -v the same URL',
    source: 'oras-go errcode ("%s %q: response status code %d: %s")',
    samples: ['Error: INSTALLATION FAILED: failed to perform "Fetch" on source: GET "https://registry.example.com/v2/charts/mychart/blobs/sha256:acac86c0e609ca906f632b0e2dacccb2b77d22b0621f20ebece1a4835b93f6f0": response status code 502: Bad Gateway', 'Error: failed to perform "FetchReference" on source: GET "https://registry.example.com/v2/charts/mychart/manifests/1.2.3": response status code 500: unknown: unknown error'],
    counterSamples: ['GET "https://registry.example.com/v2/charts/mychart/manifests/1.2.3": response status code 404: notfound'],
  }),
  sig({
    id: 'chart.reference-malformed',
    cause: 'image.invalid-reference',
    // Helm and oras refusing the reference before asking anything: an OCI address without its scheme, a registry
    // login given the oci:// URL, a push target that already holds the chart's name and tag, a tag that is not
    // semver where Helm needs a version, or a --version that contradicts the reference's tag.
    re: /invalid reference: invalid (tag|registry|repository|digest)\b|scheme prefix missing from remote|chart reference and version mismatch: |improper constraint: \\?"[^"\n]*\\?"|failed to perform \\?"\w+\\?" on source: invalid reference|invalid oci reference: /,
    anchors: ['invalid reference: invalid', 'scheme prefix missing', 'chart reference and version mismatch', 'improper constraint', 'on source: invalid reference', 'invalid oci reference'],
    confidence: 0.85,
    specificity: 92,
    check: 'the chart address as Helm wants it: oci://<registry>/<path>/<chart> with --version <semver> for pulls and installs, oci://<registry>/<path> (no chart name or tag) for helm push, and the bare host for helm registry login',
    source: 'Helm registry client and pusher, oras-go reference validation ("invalid reference: invalid tag")',
    samples: ['Error: scheme prefix missing from remote (e.g. "oci://")', 'Error: invalid reference: invalid tag "1.2.3/mychart:1.2.3"', 'Error: chart reference and version mismatch: 1.2.4 is not 1.2.3', 'Error: improper constraint: "latest"'],
    counterSamples: ['Error: invalid chart reference'],
  }),
  sig({
    id: 'chart.not-in-repository-index',
    cause: 'image.not-found',
    // The chart repository's index (as last fetched by helm repo update) lists no chart of that name, or no version
    // satisfying the constraint: the chart or version is missing there, or the local index is stale.
    // helm dependency build names the dependency and the repository URL ("<name> chart not found in repo <url>").
    re: /chart \\?"[^"\n]+\\?" (matching [^\n]{0,40})?(version \\?"[^"\n]*\\?" )?not found in [^\n]{0,80}index|can't get a valid version for \d+ subchart|\S+ chart not found in repo \S+/,
    anchors: ['not found in', "can't get a valid version"],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['image.invalid-reference'],
    check: 'helm repo update, then helm search repo <repo>/<chart> --versions: the chart name and the version (or the Chart.yaml dependency constraint) must be among those listed',
    source: 'Helm chart downloader and dependency resolver ("chart %q matching %s not found in %s index", "can\'t get a valid version for …")',
    samples: ['Error: jitsi-meet chart not found in repo https://charts.example.org/stable/', "Error: chart \"redsi\" matching  not found in bitnami index. (try 'helm repo update'): no chart name found", 'Error: can\'t get a valid version for 1 subchart(s): "common" (repository "oci://registry.example.com/charts", version "~9.9.0"). Make sure a matching chart version exists in the repo, or change the version constraint in Chart.yaml'],
    counterSamples: ['Saving 1 charts'],
  }),
  sig({
    id: 'chart.registry-login-rejected',
    cause: 'image.auth-rejected',
    // helm registry login always sends the user and password it was given: a 401 while authenticating is those
    // credentials refused (a token endpoint or a Basic challenge), not credentials missing; a token endpoint that
    // answers 403 (GitLab's jwt/auth) refuses them the same way.
    re: /authenticating to \\?"[^"\n]+\\?": [^\n]{0,500}?response status code 40[13]\b/,
    anchors: ['authenticating to '],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['image.auth-missing'],
    check: 'the user and password (or token) given to helm registry login: for ACR a token from az acr login --expose-token, for Docker Hub an access token, for a robot account its exact name',
    source: 'Helm registry client Login (ping with the given credentials; oras-go auth errors)',
    samples: ['Error: authenticating to "registry.example.com:5000": GET "https://registry.example.com:5000/v2/": response status code 401: unauthorized: authentication required', 'Error: authenticating to "docker.io": GET "https://registry-1.docker.io/v2/": GET "https://auth.docker.io/token?service=registry.docker.io": response status code 401: Unauthorized', 'Error: authenticating to "registry.gitlab.example": GET "https://registry.gitlab.example/v2/": GET "https://gitlab.example/jwt/auth?account=deployer&service=container_registry": response status code 403: Forbidden'],
    counterSamples: ['Login Succeeded'],
  }),
  sig({
    id: 'chart.oras-404',
    cause: 'image.not-found',
    // oras's status form for a 404 on a manifest or a tag list: the repository or the tag is not there — or, on
    // registries that hide private repositories, not there for this client.
    re: /\/v2\/[^\s"]*\/(manifests\/[^\s"]+|tags\/list)\\?": response status code 404\b/,
    anchors: ['response status code 404'],
    confidence: 0.65,
    specificity: 89,
    alternatives: ['image.auth-missing', 'image.invalid-reference'],
    check: 'crane ls <registry>/<repository> (or the registry\'s UI) with the same credentials: the repository and tag must exist there; a private repository may answer 404 until you log in (helm registry login)',
    source: 'oras-go errcode ("%s %q: response status code %d: %s")',
    samples: [
      'Error: INSTALLATION FAILED: GET "https://registry.gitlab.com/v2/acme/infra/charts/gateway/tags/list": response status code 404: Not Found',
      'GET "https://registry.example.com/v2/charts/mychart/manifests/1.2.3": response status code 404: notfound',
    ],
    counterSamples: ['GET "https://registry.example.com/v2/charts/mychart/manifests/1.2.3": response status code 401: unauthorized'],
  }),
  sig({
    id: 'chart.oras-credentials-incomplete',
    cause: 'image.auth-missing',
    // oras found no usable credential for the registry: a stored entry without its user or password, or a credential
    // store (Docker Desktop's) that cannot answer — the request goes without credentials.
    re: /missing username or password for (basic|bearer) auth|credentials store is configured to `[^`\n]+` but docker desktop seems not running/,
    anchors: ['missing username or password for', 'docker desktop seems not running'],
    confidence: 0.75,
    specificity: 91,
    alternatives: ['image.pullsecret-malformed'],
    check: 'helm registry login <registry> again (or docker login), and the credsStore in ~/.docker/config.json: a store that needs a desktop app must have it running, or remove the credsStore line',
    source: 'oras-go auth client (basic and bearer auth without a username or password; the Docker Desktop credential store check)',
    samples: [
      'Error: failed to perform "FetchReference" on source: GET "https://nexus.build.internal:8443/v2/helm-hosted/api/manifests/2.2.0": missing username or password for basic auth',
      'failed to resolve credential: credentials store is configured to `desktop.exe` but Docker Desktop seems not running',
    ],
    counterSamples: ['Login Succeeded'],
  }),
  sig({
    id: 'chart.repository-index-without-api-version',
    cause: 'unknown',
    // helm repo add fetched <url>/index.yaml and got an answer without apiVersion: the URL answers, but not with a
    // chart index (an HTML page, an empty file, a mirror that no longer carries that repository, a proxy's page).
    re: /is not a valid chart repository or cannot be reached: no api version specified/,
    anchors: ['no api version specified'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured', 'image.not-found', 'registry.proxy'],
    check: 'curl -sL <repository url>/index.yaml | head: a chart index starts with apiVersion: v1 and lists entries; an HTML page or an empty body means the URL is not (or no longer) a chart repository — the project\'s current repository URL, or the mirror\'s own listing of what it carries',
    source: 'Helm repo ("looks like %q is not a valid chart repository or cannot be reached: %s"), index loading ("no API version specified")',
    samples: [
      'Error: looks like "https://charts.example.org/" is not a valid chart repository or cannot be reached: no API version specified',
      'Error: repo "https://example.github.io/helm-charts" is not a valid chart repository or cannot be reached: no API version specified',
    ],
    counterSamples: ['"stable" has been added to your repositories'],
  }),
  sig({
    id: 'chart.mirror-index-without-api-version',
    cause: 'registry.mirror-misconfigured',
    // The same answer from a URL that is itself a mirror's: the mirror does not (or no longer) carry that repository.
    re: /looks like \\?"https?:\/\/[^"\s\\]*mirror[^"\s\\]*\\?" is not a valid chart repository or cannot be reached: no api version specified/,
    anchors: ['no api version specified'],
    confidence: 0.7,
    specificity: 92,
    alternatives: ['image.not-found', 'registry.proxy'],
    check: 'curl -sL <mirror url>/index.yaml | head: the mirror must serve the repository\'s index (apiVersion: v1 with entries); if it no longer mirrors it, use the upstream repository URL',
    source: 'Helm repo ("looks like %q is not a valid chart repository or cannot be reached: %s"), index loading ("no API version specified")',
    samples: ['Error: looks like "http://mirror.example.cn/kubernetes/charts/" is not a valid chart repository or cannot be reached: no API version specified', 'Error: looks like "https://helm-mirror.corp.example/stable" is not a valid chart repository or cannot be reached: no API version specified'],
    counterSamples: ['Error: looks like "https://charts.example.org/" is not a valid chart repository or cannot be reached: no API version specified'],
  }),
];
