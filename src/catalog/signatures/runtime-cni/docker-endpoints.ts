import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The Docker client (CLI, docker compose) about the Engine endpoint it talks to, in the words of the moby client
 * library and the CLI's connection helpers: an endpoint that answers the Engine API with a bare 5xx, and an ssh://
 * endpoint whose ssh command ended before it reached a daemon. No registry is involved in either.
 */
export const DOCKER_ENDPOINT_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.engine-api-bare-5xx',
    cause: 'runtime.unavailable',
    // The client got a 5xx with an empty body on the Engine API's own route: dockerd answers its errors with a JSON
    // message, so an empty one comes from what stands in front of it — Docker Desktop's API proxy while the engine in
    // its VM is stopped or starting, a socket proxy whose backend is gone. The API-version hint is the client's default.
    // Above the generic 5xx status signatures: the route named is the Engine's, not a registry's or an ingress's.
    re: /request returned (?:5\d\d )?(?:internal server error|bad gateway|service unavailable|gateway time-?out)(?: with a message \(> \d+ bytes\))?(?: for api route and version |; check if the server supports the requested api version)/,
    anchors: ['for api route and version', 'check if the server supports the requested api version'],
    confidence: 0.7,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'docker version (does the Server part answer?) and, on Docker Desktop, whether the engine is running (the whale icon, or docker desktop status); restart Desktop or the daemon behind the proxy, and see its log (Troubleshoot > logs, journalctl -u docker)',
    source: 'moby client request.go (checkResponseErr: "request returned %s for API route and version %s, check if the server supports the requested API version")',
    samples: [
      'request returned Internal Server Error for API route and version http://%2F%2F.%2Fpipe%2FdockerDesktopLinuxEngine/v1.47/containers/json, check if the server supports the requested API version',
      'request returned 500 Internal Server Error for API route and version http://%2Fvar%2Frun%2Fdocker.sock/v1.51/images/create?fromImage=redis&tag=7, check if the server supports the requested API version',
      'request returned 502 Bad Gateway; check if the server supports the requested API version',
    ],
    counterSamples: ['request returned Not Found for API route and version http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json, check if the server supports the requested API version'],
  }),
  sig({
    id: 'runtime.docker-ssh-helper-exited',
    cause: 'unknown',
    // An ssh:// Docker host (DOCKER_HOST, a context) runs "ssh … docker system dial-stdio" and talks the Engine API over
    // it; this is the CLI saying that command ended. Its stderr says why: ssh itself (host key, refused, keys), no
    // docker on the remote host, or a daemon there that is down. A wrapper: a known text in stderr outranks it.
    re: /has exited with [^\n]{0,80}make sure the url is valid, and docker 18\.09 or later is installed on the remote host/,
    anchors: ['make sure the url is valid, and docker'],
    confidence: 0.5,
    specificity: 40,
    alternatives: ['runtime.unavailable'],
    check: 'run the command the message quotes (ssh -l <user> <host> docker system dial-stdio) by hand: an ssh error is the connection or its keys; "docker: command not found" or "Cannot connect to the Docker daemon" on the remote host means Docker is not installed or not running there',
    source: 'docker/cli cli/connhelper/commandconn/commandconn.go (onEOF: "command %v has exited with %v, make sure the URL is valid, and Docker 18.09 or later is installed on the remote host: stderr=%s")',
    samples: [
      'error during connect: Get "http://docker.example.com/v1.51/version": command [ssh -o ConnectTimeout=30 -T -- prod-1 docker system dial-stdio] has exited with exit status 255, make sure the URL is valid, and Docker 18.09 or later is installed on the remote host: stderr=Host key verification failed.',
      'command [ssh -l deploy -- 10.0.3.14 docker system dial-stdio] has exited with exit status 127, make sure the URL is valid, and Docker 18.09 or later is installed on the remote host: stderr=bash: line 1: docker: command not found',
    ],
    counterSamples: ['error during connect: Get "http://docker.example.com/v1.51/version": command [ssh -T -- prod-1 docker system dial-stdio] did not exit after 10s: stderr=""'],
  }),
];
