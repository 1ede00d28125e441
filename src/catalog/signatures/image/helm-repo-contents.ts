import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What Helm v4.3 read from a classic chart repository when the repository answered but its content was not whole:
 * an index.yaml entry helm skips as invalid (a cut index, an entry without a version), and a chart archive whose body
 * ends before its Content-Length. Read from helm pull and helm install against nginx 1.22.1 serving the repository with
 * each fault built on loopback (issue 13).
 */
export const HELM_REPO_CONTENT_SIGNATURES: Signature[] = [
  sig({
    id: 'chart.index-entry-invalid',
    cause: 'unknown',
    // Helm logs each index entry it drops before it looks the chart up; the "not found" that follows is the entry
    // being unusable, not the chart missing from the repository.
    re: /skipping loading invalid entry for chart\b[^\n]{0,400}\berror=\\?"?validation: /,
    anchors: ['skipping loading invalid entry for chart'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['image.not-found'],
    check: 'the repository\'s index.yaml entry for that chart (curl -s <repo>/index.yaml): the warning names the field it lacks; a cut file (a proxy or an upload that stopped) or a hand-edited entry; regenerate it with helm repo index, then helm repo update',
    source: 'Helm v4 pkg/repo/v1 index.go loadIndex ("skipping loading invalid entry for chart" with the chart.Metadata.Validate error), then "chart %q matching %s not found in %s index"',
    samples: [
      'level=WARN msg="skipping loading invalid entry for chart" name=web version="" source=/srv/helm/cache/repository/lab-index.yaml error="validation: chart.metadata.version is required"\nError: chart "web" matching  not found in lab index. (try \'helm repo update\'): no chart version found',
      'level=WARN msg="skipping loading invalid entry for chart" name=web version="" source=https://charts.lab/stable error="validation: chart.metadata.version is required"\nError: INSTALLATION FAILED: chart "web" not found in https://charts.lab/stable repository',
    ],
    counterSamples: ['Error: chart "web" matching 9.9.9 not found in lab index. (try \'helm repo update\'): no chart version found'],
  }),
  sig({
    id: 'chart.install-body-cut-short',
    cause: 'unknown',
    // helm install/upgrade reading a chart archive (or an index) whose body stops early: Go's reader returns
    // io.ErrUnexpectedEOF with nothing around it. The server (or a proxy between) closed the connection before
    // Content-Length; which one, and why, only its log says.
    re: /(?:installation|upgrade) failed: unexpected eof(?![^\n])/,
    anchors: ['failed: unexpected eof'],
    confidence: 0.4,
    specificity: 60,
    alternatives: ['registry.server-error', 'registry.proxy'],
    check: 'curl -sS -o /dev/null -w \'%{http_code} %{size_download}\\n\' <the chart\'s URL from index.yaml> (through the same proxy): a download shorter than its Content-Length is cut by the server or a proxy on the way (nginx logs "upstream prematurely closed connection")',
    source: 'Go io.ErrUnexpectedEOF ("unexpected EOF") from Helm\'s HTTP getter inside "INSTALLATION FAILED: %w"',
    samples: ['Error: INSTALLATION FAILED: unexpected EOF', 'Error: UPGRADE FAILED: unexpected EOF'],
    counterSamples: ['Error: INSTALLATION FAILED: Kubernetes cluster unreachable: Get "https://127.0.0.1:6443/version": unexpected EOF'],
  }),
];
