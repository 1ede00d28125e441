import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A registry route answered by the web server in front of it, not by the registry: the distribution API answers every
 * /v2/ error with its JSON error body (MANIFEST_UNKNOWN, NAME_UNKNOWN, BLOB_UPLOAD_UNKNOWN), so a 404 whose body is an
 * HTML page came from a reverse proxy that has no route for the path (an nginx location for /registry/ only, a
 * proxy_pass with a URI that rewrites /v2/, a vhost for another server_name). Read from crane 0.22.1 and skopeo 1.9.3
 * through Debian's nginx 1.22.1 in front of distribution v3.1.2 (issue 13).
 */
export const REVERSE_PROXY_ROUTE_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.proxy-route-html-404',
    cause: 'unknown',
    re: /(?:unexpected status code 404 not found: |statuscode: 404, )<(?:!doctype html|html)/,
    anchors: ['unexpected status code 404 not found: <', 'statuscode: 404, <'],
    confidence: 0.5,
    // Above the bare 404 of a manifest (image.manifest-status-404, 88), below a transport text that names its own cause
    // in the same paste (the HTTP answer to an HTTPS client, 91), which a client's fallback to plain HTTP then follows.
    specificity: 89,
    alternatives: ['image.not-found'],
    check: 'curl -si https://<registry>/v2/ and curl -si https://<registry>/v2/<repository>/tags/list: the registry itself answers JSON ({"errors":[{"code":"NAME_UNKNOWN"…) and a Docker-Distribution-Api-Version header; an HTML 404 is the reverse proxy in front having no route for /v2/ (its location and proxy_pass path, the server_name) — or the image path lost its /v2/ prefix on the way',
    source: 'go-containerregistry transport.Error ("unexpected status code %d %s: %s" with the body) and containers/image docker/errors.go ("StatusCode: %d, %s" with the body cut at 50 bytes) for a non-JSON body; nginx 1.22.1 ngx_http_special_response.c 404 page',
    samples: [
      'Error: GET https://registry.lab/lab/big/manifests/1: unexpected status code 404 Not Found: <html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx/1.22.1</center>\n</body>\n</html>',
      'Error: pushing image registry.lab/lab/c-prefix:1: GET https://registry.lab/v2/: unexpected status code 404 Not Found: <html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx/1.22.1</center>\n</body>\n</html>',
      'time="2026-12-07T06:41:56Z" level=fatal msg="initializing source docker://registry.lab/lab/big:1: reading manifest 1 in registry.lab/lab/big: StatusCode: 404, <html>\\r\\n<head><title>404 Not Found</title></head>\\r..."',
    ],
    counterSamples: [
      'Error: GET https://registry.lab/v2/lab/big/manifests/9: MANIFEST_UNKNOWN: manifest unknown; map[Tag:9]',
      'GET https://ghcr.io/v2/org/app/manifests/1.2: unexpected status code 404 Not Found',
    ],
  }),
];
