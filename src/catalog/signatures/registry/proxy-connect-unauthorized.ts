import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A bare "Unauthorized" after the registry's /v2/ URL. The Docker Engine 28.5 pulling through an HTTPS proxy
 * (tinyproxy with BasicAuth and a wrong proxy password) fails the CONNECT with 401 and Go's transport returns the
 * status text alone: `Get "https://<registry>/v2/": Unauthorized`. docker login against a token registry whose token
 * endpoint answers 401 without an error body prints the same words in lower case, and the classifier reads without
 * case, so the text names neither alone.
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
];
