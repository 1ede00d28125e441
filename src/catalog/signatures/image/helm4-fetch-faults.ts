import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Helm v4.3.2 fetching charts, read from what helm repo add / pull / install --dry-run=client / dependency build
 * printed against faults built on loopback in a private network namespace: a tinyproxy answering a plain-HTTP chart
 * repository request with its own reason phrases, chart references naming a repository alias that is not configured,
 * and the tail line dependency build prints after an unmanaged repository's index could not be fetched.
 */
export const HELM4_FETCH_FAULT_SIGNATURES: Signature[] = [
  sig({
    id: 'chart.http-proxy-own-reason-phrase',
    cause: 'registry.proxy',
    // Through HTTP_PROXY a plain http:// repository is fetched by the proxy itself, so Helm's getter prints the proxy's
    // answer as if the repository gave it ("failed to fetch <url> : <status>"). tinyproxy words its own refusals with
    // reason phrases no chart host uses: "403 Filtered" (Filter list), "403 Access violation" (ConnectPort), "500
    // Unable to connect" (it could not resolve or reach the upstream host).
    re: /failed to fetch https?:\/\/\S+ : (?:403 filtered|403 access violation|500 unable to connect)\b/,
    anchors: [' : 403 filtered', ' : 403 access violation', ' : 500 unable to connect'],
    confidence: 0.85,
    specificity: 97,
    alternatives: ['registry.dns', 'registry.connection-refused'],
    check: 'HTTP_PROXY / http_proxy where helm runs: "Filtered" and "Access violation" are the proxy\'s filter or port rules (allow the repository host or add it to NO_PROXY); "Unable to connect" means the proxy itself cannot resolve or reach the host (its log names which)',
    source: 'tinyproxy reqs.c / html-error reason phrases ("Filtered", "Access violation", "Unable to connect") inside Helm\'s HTTP getter ("failed to fetch %s : %s")',
    samples: [
      'Error: looks like "http://charts.test:8080/ok" is not a valid chart repository or cannot be reached: failed to fetch http://charts.test:8080/ok/index.yaml : 403 Filtered',
      'Error: looks like "http://nocharts.test:8080" is not a valid chart repository or cannot be reached: failed to fetch http://nocharts.test:8080/index.yaml : 500 Unable to connect',
    ],
    counterSamples: ['Error: looks like "http://charts.test:8080/e500" is not a valid chart repository or cannot be reached: failed to fetch http://charts.test:8080/e500/index.yaml : 500 Internal Server Error'],
  }),
  sig({
    id: 'chart.repo-alias-not-configured',
    cause: 'image.invalid-reference',
    // A chart reference <alias>/<chart> (or a dependency's "@alias") whose alias is not in this user's
    // repositories.yaml: Helm cannot even look the chart up. Often a CI job or another user that never ran helm repo add,
    // or a reference that is not of that form at all: an OCI registry path without oci:// ("repo <registry host> not
    // found"), a path written as if it were a URL.
    re: /(?:^|error: |failed: )repo [\w.-]+ not found$|no repository definition for [@\w.,\s-]+\. please add (?:them|the missing repos) via 'helm repo add'/m,
    anchors: ['repo ', 'no repository definition for'],
    also: [' not found', 'no repository definition'],
    confidence: 0.7,
    specificity: 80,
    alternatives: ['image.not-found'],
    check: 'helm repo list as the user (and HELM_CONFIG_HOME / HELM_REPOSITORY_CONFIG) that runs helm: add the repository under that name (helm repo add <name> <url>), or use a full oci:// reference (registries) or --repo <url>',
    source: 'Helm pkg/downloader ResolveChartVersion ("repo %s not found"), pkg/downloader Manager.resolveRepoNames ("no repository definition for %s. Please add them via \'helm repo add\'")',
    samples: ['Error: repo norepo not found', "Error: no repository definition for @nosuchrepo. Please add them via 'helm repo add'"],
    counterSamples: ['Error: chart "nochart" matching  not found in ok index. (try \'helm repo update\'): no chart name found'],
  }),
  sig({
    id: 'chart.dependency-manager-cache-missing',
    cause: 'unknown',
    // helm dependency build/update first fetches the index of each repository a Chart.yaml names by URL into a cache
    // file "helm-manager-<sha256>-index.yaml"; when that fetch failed it only says "Unable to get an update" above and
    // ends with this line. The reason (DNS, refused, 404, 401, TLS, 429) is on the line above, not in this one.
    re: /no cached repository for helm-manager-[0-9a-f]{16,} found/,
    anchors: ['no cached repository for helm-manager-'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['registry.dns', 'registry.connection-refused', 'image.not-found', 'registry.tls-untrusted', 'image.auth-missing', 'image.rate-limited'],
    check: 'read the line "...Unable to get an update from the "<url>" chart repository:" printed just before, and the indented error under it: that is the cause; then helm repo add that URL by hand to see it alone',
    source: 'Helm pkg/downloader Manager (parallelRepoUpdate for unmanaged repositories; "no cached repository for %s found. (try \'helm repo update\'): %w")',
    samples: [
      "Error: no cached repository for helm-manager-3cb85db94966ed3fff6dbf3f1f2b30e49925beb9cfb60c28691081402b4f8f89 found. (try 'helm repo update'): open /tmp/fd/rhelm4-scratch/work/helm/cache/repository/helm-manager-3cb85db94966ed3fff6dbf3f1f2b30e49925beb9cfb60c28691081402b4f8f89-index.yaml: no such file or directory",
      "Error: no cached repository for helm-manager-20e6bf91ccd2a18a3271d4231150b7c87bf49f9ff42803283cff0984e01c3515 found. (try 'helm repo update'): open /tmp/fd/rhelm4-scratch/work/helm/cache/repository/helm-manager-20e6bf91ccd2a18a3271d4231150b7c87bf49f9ff42803283cff0984e01c3515-index.yaml: no such file or directory",
    ],
    counterSamples: ['Error: no cached repository for stable found. (try \'helm repo update\'): open /root/.cache/helm/repository/stable-index.yaml: no such file or directory'],
  }),
  sig({
    id: 'chart.oras-proxy-connect-status',
    cause: 'registry.proxy',
    // Helm 4's OCI client (oras-go) words every answer of a registry as 'GET "<url>": response status code <n>: …'.
    // A net/http error 'Get "<url>": <bare reason phrase>' after helm registry login's 'authenticating to "<host>": '
    // or a FetchReference is therefore not the registry's: it is the HTTPS proxy refusing the CONNECT tunnel (tinyproxy
    // answers wrong proxy credentials with "Unauthorized", missing ones with "Proxy Authentication Required").
    re: /(?:authenticating to "[^"\s]+": |on source: )get "https:\/\/[^"\s]+": (?:unauthorized|proxy authentication required)$/m,
    anchors: ['": unauthorized', '": proxy authentication required'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['image.auth-rejected'],
    check: 'HTTPS_PROXY / https_proxy where helm runs: the proxy wants credentials (http://user:password@proxy:port) or rejects those given; or put the registry host in NO_PROXY',
    source: 'Go net/http Transport.dialConn (a non-200 answer to CONNECT becomes errors.New(status text)) inside Helm\'s registry client ("authenticating to %q: %w") and oras-go',
    samples: [
      'Error: authenticating to "reg.test:5001": Get "https://reg.test:5001/v2/": Unauthorized',
      'Error: failed to perform "FetchReference" on source: Get "https://reg.test:5001/v2/charts/mychart/manifests/0.1.0": Proxy Authentication Required',
    ],
    counterSamples: ['Error: authenticating to "reg.test:5001": GET "https://reg.test:5001/v2/": response status code 401: unauthorized: authentication required'],
  }),
];
