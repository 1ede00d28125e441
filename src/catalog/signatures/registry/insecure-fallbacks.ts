import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Docker's insecure-registry fallback: for a registry in insecure-registries (and for any registry whose name
 * resolves into 127.0.0.0/8, which dockerd and the CLI treat as insecure by default) the engine tries https and then
 * plain http://, and prints the last endpoint's error. Read from dockerd 28.5.2 against the CNCF distribution registry
 * and a TLS-only server on loopback (issue 13).
 */
export const INSECURE_FALLBACK_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.docker-http-fallback-reset',
    cause: 'registry.http-to-https',
    // A plain-HTTP request to /v2/ that the server resets: dockerd sent http:// only because the registry is insecure
    // (listed, or on loopback), and a port that speaks TLS answers plain HTTP with a 400 and a close on unread data
    // (Go's TLS server), or a bare reset (other TLS servers, a client-certificate listener) — the reset is the https
    // port refusing the plain request. A middlebox resetting that port would reset it for https as well.
    re: /\b(get|head|post|put|patch) \\?"http:\/\/[^"\s\\\/]+\/v2\/[^"\s\\]*\\?": read tcp [^\n]{0,120}?: (read: )?connection reset by peer/,
    anchors: ['connection reset by peer'],
    also: ['"http://'],
    confidence: 0.55,
    specificity: 74,
    alternatives: ['registry.connection-refused', 'registry.proxy', 'node.firewall'],
    check: 'curl -v http://<host:port>/v2/ and curl -v https://<host:port>/v2/ from the node: if https answers (401 or 200) the port speaks TLS and the http:// endpoint is the insecure fallback — trust the registry\'s CA in /etc/docker/certs.d/<host:port>/ca.crt instead; if both are reset, look at the firewall or proxy on the path',
    source: 'moby registry service (insecure registries and 127.0.0.0/8 get an http:// endpoint after https); Go net/http url.Error "%s %q: %s" around a read reset',
    samples: [
      'Error response from daemon: Get "http://busy.lab:5011/v2/": read tcp 127.0.0.1:44590->127.0.0.10:5011: read: connection reset by peer',
      'level=error msg="Handler for POST /v1.50/auth returned error: Get \\"http://busy.lab:5011/v2/\\": read tcp 127.0.0.1:44590->127.0.0.10:5011: read: connection reset by peer"',
    ],
    counterSamples: [
      'Error response from daemon: Get "https://registry.corp/v2/": read tcp 10.1.1.4:40112->10.9.9.9:443: read: connection reset by peer',
      'Error response from daemon: Get "http://registry.lab:5099/v2/": dial tcp 127.0.0.10:5099: connect: connection refused',
      'Error: parsing image configuration: Get "http://blobs.example-oss.com/docker/registry/v2/blobs/sha256/aa/aa7a/data?Expires=1": read tcp 10.0.3.15:59062->150.138.127.16:80: read: connection reset by peer',
    ],
  }),
];
