import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Docker Engine (v28) talking to a registry on push and pull, as the CLI and dockerd's journal print it: the upload
 * session the registry lost, the containerd image store's translation of the registry's UNAVAILABLE code, and the
 * HTTPS proxy's refusal of the CONNECT tunnel as Go reports it (the bare reason phrase after the URL).
 */
export const DOCKER_ENGINE_UPLOAD_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.blob-upload-session-lost',
    cause: 'registry.server-error',
    // A push uploads each layer in a session the registry opened (POST …/blobs/uploads/ gave a Location with its id);
    // BLOB_UPLOAD_UNKNOWN ("blob upload unknown") is the registry no longer knowing that session, BLOB_UPLOAD_INVALID
    // with "invalid secret" a replica that cannot verify the session state another replica signed. Both are the
    // registry's side: several replicas without shared storage or the same http.secret, a load balancer spreading one
    // upload over them, or upload purging removing sessions in flight. dockerd retries ("Upload failed, retrying: …").
    re: /blob upload (unknown|invalid)/,
    anchors: ['blob upload unknown', 'blob upload invalid'],
    confidence: 0.75,
    specificity: 85,
    alternatives: ['registry.proxy'],
    check: 'on the registry: how many replicas serve it, and do they share storage and the same http.secret (REGISTRY_HTTP_SECRET)? a load balancer in front must keep one upload on one replica (or the replicas share state); its log shows the upload\'s PATCH/PUT answered 404 BLOB_UPLOAD_UNKNOWN',
    source: 'distribution registry/api/errcode (BLOB_UPLOAD_UNKNOWN "blob upload unknown to registry", BLOB_UPLOAD_INVALID "blob upload invalid") via moby distribution/xfer/upload.go ("Upload failed, retrying: %v")',
    samples: [
      'The push refers to repository [registry.example.com/team/api]\nd1b1e7b7c0e4: Pushing [==================================================>]  512.0kB\nblob upload unknown',
      'The push refers to repository [registry.example.com/team/api]\n9f54eef41275: Pushing [=======>     ]  30.2MB/210MB\nblob upload invalid: invalid secret',
      'Mar 14 09:21:07 node1 dockerd[1123]: time="2025-03-14T09:21:07.481233912Z" level=error msg="Upload failed, retrying: blob upload unknown"',
    ],
    counterSamples: ['blob unknown: blob unknown to registry', 'd1b1e7b7c0e4: Pushed'],
  }),
  sig({
    id: 'registry.containerd-store-unavailable',
    cause: 'registry.server-error',
    // With the containerd image store, dockerd translates the registry's error codes (daemon/containerd/
    // registry_errors.go) and prefixes "error from registry: "; the UNAVAILABLE code's message is "service
    // unavailable": the registry answered that it cannot serve now.
    re: /error from registry: service unavailable/,
    anchors: ['error from registry: service unavailable'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the registry\'s own status page or health endpoint (curl -sI https://<registry>/v2/ from the machine that pulls): a 503 there is the registry; retry once it serves',
    source: 'moby daemon/containerd/registry_errors.go (translateRegistryError: "error from registry: %w", ErrorCodeUnavailable "service unavailable")',
    samples: [
      'Error response from daemon: error from registry: service unavailable',
      'Error response from daemon: error from registry: service unavailable - the registry is in maintenance mode',
    ],
    counterSamples: ['Error response from daemon: error from registry: denied: requested access to the resource is denied'],
  }),
  sig({
    id: 'registry.proxy-connect-refused-status',
    cause: 'registry.proxy',
    // Through an HTTPS proxy Go's transport opens a CONNECT tunnel; when the proxy answers it with anything but 200 the
    // request fails with the status's reason phrase alone ("Get \"https://…/v2/\": Forbidden"). A registry's own 4xx
    // comes back as an HTTP response that Docker's registry client words with a code ("denied: …", "error parsing HTTP
    // 403 response body"), never as the bare phrase: that phrase is the proxy refusing the destination (an allow-list,
    // a blocked category, a bad request line). Read on dockerd's first request of a pull or login, the /v2/ ping, where
    // nothing else can answer; 5xx phrases stay with registry.server-5xx, other clients' pings with their own readings.
    re: /error response from daemon: get \\?"?https:\/\/[^\s"\\\/]+\/v2\/\\?"?: (forbidden|bad request|not found|method not allowed)(?![ \t]*\S)/,
    anchors: ['/v2/": forbidden', '/v2/": bad request', '/v2/": not found', '/v2/": method not allowed', '/v2/: forbidden', '/v2/: bad request', '/v2/: not found', '/v2/: method not allowed'],
    confidence: 0.8,
    specificity: 80,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'HTTPS_PROXY / https_proxy of dockerd (systemctl show docker --property=Environment) or of the runtime: the proxy must allow CONNECT to the registry host and its blob host (production.cloudflare.docker.com for Docker Hub); or add the registry to NO_PROXY',
    source: 'Go net/http transport (dialConn: a CONNECT answered with a non-200 status fails with its reason phrase) under the url.Error of the registry client',
    samples: [
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": Forbidden',
      'Using default tag: latest\nError response from daemon: Get https://registry-1.docker.io/v2/: Forbidden',
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": Bad Request',
    ],
    counterSamples: [
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": Forbidden by policy of the registry',
      'Error response from daemon: error parsing HTTP 403 response body: invalid character \'<\' looking for beginning of value: "<html>Forbidden</html>"',
    ],
  }),
];
