import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A bare "Unauthorized" after the registry's /v2/ URL. The Docker Engine 28.5 pulling through an HTTPS proxy
 * (tinyproxy with BasicAuth and a wrong proxy password) fails the CONNECT with 401 and Go's transport returns the
 * status text alone: `Get "https://<registry>/v2/": Unauthorized`. docker login against a token registry whose token
 * endpoint answers 401 without an error body prints the same words in lower case, and the classifier reads without
 * case, so the text names neither alone. Beside it, tinyproxy's own reply when it cannot open the tunnel upstream.
 */
export const PROXY_CONNECT_UNAUTHORIZED_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.v2-ping-bare-unauthorized',
    cause: 'image.auth-rejected',
    re: /\b(get|head) \\?"?https?:\/\/[^\s"\\\/]+\/v2\/\\?"?: unauthorized(?![ \t]*[:\w(])/,
    anchors: ['/v2/": unauthorized', '/v2/: unauthorized'],
    confidence: 0.6,
    specificity: 89,
    alternatives: ['registry.proxy', 'image.auth-missing'],
    check: 'whether the client goes through a proxy (the daemon\'s proxy: docker info | grep -i proxy; systemctl show docker --property=Environment): with one, a capitalised "Unauthorized" is the proxy refusing the CONNECT (wrong or missing proxy credentials in HTTPS_PROXY); without one, it is docker login\'s credentials or token scope the registry refused',
    source: 'Go net/http Transport dialConn (a CONNECT answered with a non-200 status fails with the status text alone), reproduced with Docker Engine 28.5.2 behind tinyproxy 1.11 BasicAuth with a wrong proxy password; docker login with a token lacking scope (go-gitea/gitea#32379) prints it in lower case',
    samples: [
      'Error response from daemon: Get "https://reg.rc.test/v2/": Unauthorized',
      'Image registry.corp.example/app/api:2 Error Get "https://registry.corp.example/v2/": Unauthorized',
      'Error response from daemon: Get "https://gitea.corp.company.com/v2/": unauthorized',
    ],
    counterSamples: [
      'Error response from daemon: Get "https://nexus.corp.local:8443/v2/": unauthorized: access to the requested resource is not authorized',
      'Error response from daemon: Head "https://token.rc.test/v2/app/busybox/manifests/1": unauthorized',
    ],
  }),
  sig({
    id: 'registry.tinyproxy-unable-to-connect',
    cause: 'registry.proxy',
    // tinyproxy answers a CONNECT it could not open upstream with its own phrase "Unable to connect" (the registry
    // refused, its name did not resolve at the proxy, or the connect timed out there), and Go's transport returns the
    // phrase alone after the URL. The proxy is in the path and reports it, but the fault may be the registry's side:
    // read by the Docker Engine 28.5.2 behind tinyproxy 1.11 (with valid proxy credentials) pulling from a registry
    // that refuses and from a name that does not resolve.
    re: /\b(head|get|post|put|patch) \\?"https:\/\/[^"\s\\]+\\?": unable to connect(?=\\?"|(?![^\n]))/,
    anchors: ['": unable to connect'],
    confidence: 0.6,
    specificity: 80,
    alternatives: ['registry.connection-refused', 'registry.dns', 'registry.connect-timeout'],
    check: 'from the proxy host, not the client: curl -v https://<registry>/v2/ there (and getent hosts <registry>): refused, no such host or a timeout there is the registry side; if it works there, the proxy\'s own upstream settings (Upstream, ConnectPort) refuse the tunnel',
    source: 'tinyproxy reqs.c (connect to the upstream failed: indicate_http_error(…, "Unable to connect", …)) and Go net/http transport.go dialConn (a CONNECT answered with another status than 200 fails with the reason phrase alone); reproduced with Docker Engine 28.5.2 behind tinyproxy 1.11.1',
    samples: [
      'Error response from daemon: Get "https://refused.rc.test/v2/": Unable to connect',
      'level=warning msg="Error getting v2 registry: Get \\"https://registry.corp.example/v2/\\": Unable to connect"',
    ],
    counterSamples: ['Get "https://registry.corp.example/v2/": dial tcp 10.0.0.5:443: connect: connection refused', 'Unable to connect to the server: dial tcp 10.0.0.1:6443: i/o timeout'],
  }),
];
