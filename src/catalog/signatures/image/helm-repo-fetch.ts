import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Helm v4.3's HTTP getter fetching a chart repository's index.yaml or a chart archive, read from what helm repo add and
 * helm pull printed against faults built on loopback: the proxy's refusal of a CONNECT tunnel, which Go's transport
 * reports as the bare status text, and a failed lookup of a chart archive's host.
 */
export const HELM_REPO_FETCH_SIGNATURES: Signature[] = [
  sig({
    id: 'chart.proxy-connect-status',
    cause: 'registry.proxy',
    // Go's net/http, asked for an https:// URL through HTTPS_PROXY, returns the proxy's CONNECT answer as the error
    // text alone ("Forbidden", "Bad Gateway", …): an answer of the repository itself would be "failed to fetch … : 403
    // Forbidden". So a Get of an https URL ending in a bare reason phrase is the proxy refusing the tunnel. A bare
    // "Bad Gateway" is left out: a CDN in front of a static chart host (GitHub Pages) is read as the host's outage.
    // The same Get is wrapped by helm install/upgrade ("INSTALLATION FAILED: ") and by helm repo update ("Unable to get
    // an update from the "<name>" chart repository (<url>):" then the error on the next line, indented).
    re: /(?:cannot be reached: |error: |on source: |(?:installation|upgrade) failed: |chart repository \(https?:\/\/[^)\s]+\):\s+)get "https:\/\/[^"\s]+": (?:forbidden|bad request|not found)(?![^\n])/,
    anchors: ['get "https://'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['registry.server-error'],
    check: 'HTTPS_PROXY / https_proxy where helm runs: the proxy must allow CONNECT to the repository\'s host (its allow list), be able to reach it (502), or the host must be in NO_PROXY',
    source: 'Go net/http Transport.dialConn (a non-200 answer to CONNECT becomes errors.New(status text)) inside Helm\'s getter ("looks like %q is not a valid chart repository or cannot be reached: %w")',
    samples: [
      'Error: looks like "https://charts.corp.example/stable" is not a valid chart repository or cannot be reached: Get "https://charts.corp.example/stable/index.yaml": Forbidden',
      'Error: Get "https://charts.corp.example/stable/web-0.4.1.tgz": Forbidden',
      'Error: failed to perform "FetchReference" on source: Get "https://registry.corp.example/v2/charts/web/manifests/0.4.1": Forbidden',
      'Error: INSTALLATION FAILED: Get "https://charts.lab/stable/web-0.1.0.tgz": Bad Request',
      '...Unable to get an update from the "lab" chart repository (https://charts.lab/stable):\n\tGet "https://charts.lab/stable/index.yaml": Bad Request\nError: failed to update the following repositories: [https://charts.lab/stable]',
    ],
    counterSamples: ['Error: failed to fetch https://charts.corp.example/stable/index.yaml : 403 Forbidden', 'Error: INSTALLATION FAILED: failed to fetch https://charts.lab/stable/web-0.1.0.tgz : 403 Forbidden'],
  }),
  sig({
    id: 'chart.archive-host-not-found',
    cause: 'registry.dns',
    // helm pull of a chart archive URL (or one the index names) whose host does not resolve where helm runs.
    re: /get "https?:\/\/[^"\s]+\.tgz": dial tcp: lookup [\w.-]+(?: on [\d.:[\]a-f]+)?: no such host/,
    anchors: ['.tgz": dial tcp: lookup'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['dns.node-resolver', 'registry.proxy'],
    check: 'getent hosts <host> where helm runs: the chart URL (or the urls: of that chart in the repository\'s index.yaml, which may name another host than the repository) must resolve there',
    source: 'Go net ("dial tcp: lookup %s on %s: no such host") inside Helm\'s getter for a chart archive',
    samples: ['Error: Get "https://charts.corp.example/stable/web-0.4.1.tgz": dial tcp: lookup charts.corp.example on 10.96.0.10:53: no such host', 'Error: INSTALLATION FAILED: Get "https://github.com/acme/charts/releases/download/web-0.4.1/web-0.4.1.tgz": dial tcp: lookup github.com: no such host'],
    counterSamples: ['Error: Get "https://charts.corp.example/stable/web-0.4.1.tgz": dial tcp 10.0.0.5:443: connect: connection refused'],
  }),
  sig({
    id: 'chart.oras-403',
    cause: 'image.auth-rejected',
    // Helm's OCI client (oras-go) printing the registry's own 403 for a manifest: the registry refuses this client
    // that repository (a token without pull on it, a robot account scoped elsewhere).
    re: /get "https?:\/\/[^"\s]+\/v2\/[^"\s]+": response status code 403: forbidden/,
    anchors: ['response status code 403'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['image.auth-missing', 'image.not-found'],
    check: 'helm registry login <host> with an account that may pull <repository> (or the credentials in ~/.config/helm/registry/config.json): a 403 means the registry knows the client and refuses it that path',
    source: 'oras-go errcode ("%s %q: response status code %d: %s") inside Helm ("failed to perform \\"FetchReference\\" on source: %w")',
    samples: ['Error: failed to perform "FetchReference" on source: GET "https://registry.corp.example/v2/charts/web/manifests/0.4.1": response status code 403: Forbidden', 'Error: INSTALLATION FAILED: failed to perform "FetchReference" on source: GET "https://ghcr.io/v2/acme/charts/web/manifests/0.4.1": response status code 403: Forbidden'],
    counterSamples: ['Error: failed to perform "FetchReference" on source: GET "https://registry.corp.example/v2/charts/web/manifests/0.4.1": response status code 401: Unauthorized'],
  }),
];
