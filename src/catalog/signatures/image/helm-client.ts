import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Helm 4's own words around a chart fetch that are not the registry's answer: a --version tag that resolves to
 * another digest than the reference's, the provenance warning printed after the chart itself was fetched, and the
 * API server (not a registry) out of reach behind "Kubernetes cluster unreachable".
 */
export const HELM_CLIENT_SIGNATURES: Signature[] = [
  sig({
    id: 'chart.reference-digest-mismatch',
    cause: 'image.invalid-reference',
    // pkg/registry ValidateReference: with oci://…@sha256:<d> and --version <v>, Helm resolves the tag <v> and refuses
    // when its digest is not <d>: the reference contradicts itself (the digest copied from another version, or the
    // tag pushed again since the digest was taken).
    re: /chart reference digest mismatch: sha256:[0-9a-f]{6,64} is not sha256:[0-9a-f]{6,64}/,
    anchors: ['chart reference digest mismatch'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['image.not-found'],
    check: 'helm show chart oci://<registry>/<path>/<chart> --version <version> --debug (or crane digest <registry>/<path>/<chart>:<version>): the digest the tag resolves to now must be the one after @ — give either the digest or the version, or both that agree',
    source: 'Helm pkg/registry client ValidateReference ("chart reference digest mismatch: %s is not %s")',
    samples: [
      'Error: chart reference digest mismatch: sha256:4f7c2a9d0b1e3f5a6c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b is not sha256:0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b',
      'Error: INSTALLATION FAILED: chart reference digest mismatch: sha256:11aa22bb33cc44dd55ee66ff7788990011aa22bb33cc44dd55ee66ff77889900 is not sha256:99ff88ee77dd66cc55bb44aa3322110099ff88ee77dd66cc55bb44aa33221100',
    ],
    counterSamples: ['Error: chart reference and version mismatch: 1.2.4 is not 1.2.3'],
  }),
  sig({
    id: 'chart.provenance-not-found-warning',
    cause: 'unknown',
    // pkg/downloader: with verification "if possible" the chart was fetched, then <ref>.prov was not; Helm prints this
    // warning and goes on. The not-found inside is the provenance file's, not the chart's: an unsigned chart.
    re: /warning: verification not found for \S+: /,
    anchors: ['verification not found for'],
    confidence: 0.3,
    specificity: 96,
    alternatives: ['image.not-found'],
    check: 'the lines after the warning: a chart that was pulled or installed is there; only its provenance (.prov, the signature) is missing — helm verify needs a signed chart, so ask its publisher for one or do without verification',
    source: 'Helm pkg/downloader ChartDownloader ("WARNING: Verification not found for %s: %s" when --verify is not "always")',
    samples: [
      'WARNING: Verification not found for oci://registry.example.com/charts/web: failed to perform "FetchReference" on source: registry.example.com/charts/web:0.4.1: not found',
      'WARNING: Verification not found for https://charts.example.org/web-0.4.1.tgz: failed to fetch https://charts.example.org/web-0.4.1.tgz.prov : 404 Not Found',
    ],
    counterSamples: ['Error: failed to fetch provenance "https://charts.example.org/web-0.4.1.tgz.prov"'],
  }),
  sig({
    id: 'chart.kube-api-unreachable',
    cause: 'unknown',
    // Helm reaches the API server (GET /version) before it installs anything: a timeout, refusal, lookup or TLS failure
    // behind "Kubernetes cluster unreachable" is the kubeconfig's server, not a registry. A proxy's own answers
    // (proxyconnect, Forbidden) are left to the proxy signatures.
    re: /kubernetes cluster unreachable: [^\n]{0,300}?(i\/o timeout|connection refused|no route to host|network is unreachable|connection reset|tls handshake timeout|client\.timeout exceeded|context deadline exceeded|x509: |no such host|server misbehaving)/,
    anchors: ['kubernetes cluster unreachable'],
    confidence: 0.5,
    specificity: 91,
    alternatives: ['node.firewall', 'registry.proxy', 'dns.node-resolver'],
    check: 'kubectl version with the same kubeconfig and context Helm uses (--kubeconfig, --kube-context, KUBECONFIG): the server address in it must answer from where Helm runs; an HTTPS_PROXY set for registries must leave the API server out (NO_PROXY)',
    source: 'Helm pkg/action ("Kubernetes cluster unreachable: %w" around client-go\'s discovery of /version)',
    samples: [
      'Error: INSTALLATION FAILED: Kubernetes cluster unreachable: Get "https://192.168.56.10:6443/version": net/http: TLS handshake timeout',
      'Error: Kubernetes cluster unreachable: Get "https://api.cluster.example:6443/version?timeout=32s": dial tcp 203.0.113.10:6443: i/o timeout',
    ],
    counterSamples: ['Error: Kubernetes cluster unreachable: Get "https://192.168.56.10:6443/version": Forbidden'],
  }),
];
