import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Transport failures whose URL is a Kubernetes endpoint the generic readings do not know as one: kubectl's OpenAPI
 * download (/openapi/v2 and /openapi/v3, which apply, create and edit fetch first to validate) on any port, and
 * the kubelet's streaming and log endpoints (/containerLogs/<ns>/<pod>/, /exec/, /attach/, /portForward/, /run/)
 * on whatever port the Node object advertises (daemonEndpoints) — 10250 by default, but not always. The peer is the API server or a kubelet, never a registry: a runtime's pull never asks
 * for these paths, so the registry readings of the same inner text (and their containerd fixes) do not apply.
 * Read from kubectl v1.36.3 against a kube-apiserver v1.36.3 with listeners that speak plain HTTP or never answer
 * TLS in place of the API server and of a Node's kubelet.
 */
const KUBE_ENDPOINT_URL = String.raw`https?:\/\/[^/\s"\\]+\/(openapi\/v[23]\b|(containerlogs|exec|attach|portforward|run)\/[^/\s"\\]+\/[^/\s"\\]+)`;
const KUBELET_URL = String.raw`https?:\/\/[^/\s"\\]+\/(containerlogs|exec|attach|portforward|run)\/[^/\s"\\]+\/[^/\s"\\]+`;
const KUBE_ENDPOINT_ANCHORS = ['/openapi/v', '/containerlogs/', '/exec/', '/attach/', '/portforward/', '/run/'];

export const KUBE_ENDPOINT_SIGNATURES: Signature[] = [
  sig({
    id: 'kube-endpoint.http-response-to-https',
    cause: 'unknown',
    // The kubelet serves its API only over TLS: a plain-HTTP answer where the API server dials it (pods/log,
    // pods/exec, port-forward) means another program listens on the address and port the Node advertises (its
    // InternalIP or Hostname and daemonEndpoints), not its kubelet. The upgrades for exec and port-forward word it
    // "error dialing backend: tls: first record does not look like a TLS handshake". Against the API server's own URLs
    // (/api/v1/…/portforward, /openapi/v2) the corpus reads the text by mechanism, as for a registry: not read here.
    re: new RegExp(String.raw`${KUBELET_URL}[^\n]{0,300}?(server gave http\s+response to https\s+client|first record does not look like a tls handshake)|error dialing backend: (tls: first record does not look like a tls handshake|http: server gave http\s+response to https\s+client)`),
    anchors: ['server gave http', 'first record does not look like a tls handshake'],
    confidence: 0.5,
    specificity: 93,
    // the kubelet down and another program on its port; read by mechanism alone, the text is a registry's
    alternatives: ['node.not-ready', 'registry.http-to-https'],
    check: 'which program answers on that address: curl -sv http://<host>:<port>/ shows it plainly; kubectl get node <node> -o jsonpath=\'{.status.addresses} {.status.daemonEndpoints}\' names the address and port the API server dials, where only the kubelet (ss -ltnp on that node) may listen',
    source: 'Go net/http ("http: server gave HTTP response to HTTPS client") and crypto/tls ("tls: first record does not look like a TLS handshake") under kube-apiserver\'s kubelet client (pods/log, pods/exec, pods/portforward: "error dialing backend")',
    samples: [
      'Error from server: Get "https://10.77.0.1:6447/containerLogs/default/p-n-http/app?tailLines=3": http: server gave HTTP response to HTTPS client',
      'error: Internal error occurred: error sending request: Post "https://10.77.0.1:6447/exec/default/p-n-http/app?command=true&error=1&output=1": http: server gave HTTP response to HTTPS client',
      'error: error upgrading connection: unable to upgrade connection: error dialing backend: tls: first record does not look like a TLS handshake',
    ],
    counterSamples: [
      'failed to do request: Head "https://192.168.1.50:5000/v2/app/manifests/1.0": http: server gave HTTP response to HTTPS client',
      'Error response from daemon: Get "https://registry.local:5000/v2/": http: server gave HTTP response to HTTPS client',
    ],
  }),
  sig({
    id: 'kube-endpoint.tls-handshake-timeout',
    cause: 'unknown',
    // TCP to the API server (kubectl's OpenAPI download) or to a kubelet on a non-default port connected, and the
    // certificate never came back: an overloaded or hung server, a middlebox holding the connection, or a path that
    // drops full-size packets. kube-api.kubelet-tls-timeout and ambiguous.kube-api-tls-timeout read the default ports.
    re: new RegExp(String.raw`${KUBE_ENDPOINT_URL}[^\n]{0,300}?tls\s+handshake\s+timeout`),
    // The one literal every branch needs: the endpoints' paths are in most kubelet and API lines.
    anchors: ['handshake'],
    confidence: 0.5,
    specificity: 82,
    alternatives: ['flannel.mtu', 'node.firewall'],
    check: 'from the caller (kubectl\'s machine, or the control-plane node for logs and exec): curl -kv https://<host>:<port>/healthz — a connect that hangs in the handshake is the server not answering TLS (wrong port, a hung process: its own log) or a path dropping full-size packets (MTU on the underlay or a VPN: ping -M do -s 1472 <host>)',
    source: 'Go net/http "TLS handshake timeout" under kubectl\'s OpenAPI download ("failed to download openapi") and kube-apiserver\'s kubelet client (pods/log, pods/exec)',
    samples: [
      'error: error validating "/tmp/fd/scratch/rkubectl/ns/cm.yaml": error validating data: failed to download openapi: Get "https://10.77.0.1:6446/openapi/v2?timeout=32s": net/http: TLS handshake timeout; if you choose to ignore these errors, turn validation off with --validate=false',
      'Error from server: Get "https://10.77.0.1:6446/containerLogs/default/p-n-tlshang/app?tailLines=5": net/http: TLS handshake timeout',
      'Error from server: Get "https://10.77.0.1:6446/containerLogs/default/p-n-tlshang/app?timestamps=true": net/http: TLS handshake timeout',
    ],
    counterSamples: [
      'Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout',
      'failed to do request: Head "https://quay.io/v2/app/exec/manifests/1": net/http: TLS handshake timeout',
    ],
  }),
];
