import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What stands behind a registry: the storage driver it keeps blobs in, a pull-through cache's upstream credentials,
 * the reverse proxy in front of it. The registry (or its proxy) answers; what fails is behind it.
 */
export const BACKEND_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.storage-driver-error',
    cause: 'registry.server-error',
    // distribution logs a storage driver's error as err.detail (and its health check under storagedriver_<name>):
    // S3 refusing a request or credentials, a filesystem it cannot write. Every pull or push of those blobs fails
    // with a 5xx while the registry process is up.
    re: /(err\.detail=\\?"?|storagedriver_\w+\\?"?:\s*\\?"|unknown error completing upload: )(s3aws|filesystem|gcs|azure|swift|oss): /,
    anchors: ['err.detail=', 'storagedriver_', 'unknown error completing upload'],
    confidence: 0.8,
    specificity: 93,
    check: 'the registry\'s storage section (config.yml storage: s3, filesystem, gcs, azure) against what the error names: the bucket\'s region, endpoint and credentials (an S3-compatible store may not implement every header), or the filesystem path\'s owner and free space; the registry\'s /debug/health shows the driver\'s state',
    source: 'distribution registry handlers ("response completed with error" with err.detail) and storage driver health checks (storagedriver_<name>)',
    samples: [
      'level=error msg="response completed with error" err.code=unknown err.detail="s3aws: NotImplemented: A header you provided implies functionality that is not implemented" err.message="unknown error"',
      'err.detail="filesystem: mkdir /mnt/registry: permission denied" err.message="unknown error" http.request.method=POST http.request.uri="/v2/library/app/blobs/uploads/"',
      '{"storagedriver_s3":"s3aws: NoCredentialProviders: no valid providers in chain. Deprecated."}',
    ],
    counterSamples: ['level=info msg="response completed" http.request.method=GET http.response.status=200'],
  }),
  sig({
    id: 'registry.pull-through-cache-upstream-credentials',
    cause: 'image.auth-missing',
    // A hosted registry's pull-through cache (ECR pull-through cache rules, ACR cache rules) refuses an upstream
    // that needs credentials (Docker Hub, GHCR) until the rule names a secret for it.
    re: /upstream registry requires authentication|cannot create cache rule pointing to [^\n]{0,40}\s+without credentials/,
    anchors: ['upstream registry requires authentication', 'cannot create cache rule pointing to'],
    confidence: 0.85,
    specificity: 93,
    check: 'the cache rule: ECR wants a Secrets Manager secret (prefix ecr-pullthroughcache/) with the upstream\'s username and access token, ACR a credential set with the same; then create the rule again',
    source: 'Amazon ECR CreatePullThroughCacheRule (UnsupportedUpstreamRegistryException), Azure Container Registry cache rules (EnforceDockerAuthentication)',
    samples: [
      'operation error ECR: CreatePullThroughCacheRule, https response error StatusCode: 400, UnsupportedUpstreamRegistryException: The specified upstream registry requires authentication. Specify a valid Secrets Manager ARN',
      'EnforceDockerAuthentication: Cannot create cache rule pointing to Docker Hub\n        without credentials. Please add a credential set to cache rule.',
    ],
    counterSamples: ['pull through cache rule created for upstream registry-1.docker.io'],
  }),
  sig({
    id: 'registry.apache-proxy-backend',
    cause: 'registry.connect-timeout',
    // Apache's mod_proxy in front of a registry (a UI or TLS front end on port 5000 or /v2/) cannot reach the registry
    // behind it: its errno says how. Refused and name failures are read by their own mechanism below.
    re: /^(?=[\s\S]*(:5000\b|\/v2\/))[\s\S]*?\(110\)connection timed out: ah00957: /,
    anchors: ['ah00957'],
    confidence: 0.7,
    specificity: 91,
    check: 'the proxy\'s ProxyPass target: from the proxy\'s host or container, curl the registry at that address (http://<registry>:5000/v2/): a timeout is the path (firewall, a wrong IP, another network), a refusal is nothing listening there',
    source: 'Apache httpd mod_proxy (AH00957: "%s: attempt to connect to %pI (%s) failed", with the errno)',
    samples: [
      '[proxy:error] [pid 48:tid 140297187063552] (110)Connection timed out: AH00957: HTTPS: attempt to connect to 192.168.1.20:5000 (reg.example.com) failed',
      '(110)Connection timed out: AH00957: HTTP: attempt to connect to 10.0.0.7:5000 (registry) failed\n[proxy_http:error] AH01114: HTTP: failed to make connection to backend: registry, referer: http://ui/v2/_catalog',
    ],
    counterSamples: ['(111)Connection refused: AH00957: HTTP: attempt to connect to 127.0.0.1:5000 (localhost) failed'],
  }),
  sig({
    id: 'registry.apache-proxy-backend-refused',
    cause: 'registry.connection-refused',
    re: /^(?=[\s\S]*(:5000\b|\/v2\/))[\s\S]*?\(111\)connection refused: ah00957: /,
    anchors: ['ah00957'],
    confidence: 0.7,
    specificity: 91,
    check: 'the proxy\'s ProxyPass target: is the registry running and listening on that address and port (docker ps, ss -ltnp on its host)? From inside a proxy container, localhost is the container itself, not the registry',
    source: 'Apache httpd mod_proxy (AH00957 with ECONNREFUSED)',
    samples: [
      '[proxy:error] [pid 41:tid 140587399362304] (111)Connection refused: AH00957: HTTP: attempt to connect to 127.0.0.1:5000 (localhost) failed',
      '(111)Connection refused: AH00957: HTTPS: attempt to connect to 10.1.2.3:443 (registry) failed, referer: https://ui.example.com/v2/_catalog',
    ],
    counterSamples: ['(110)Connection timed out: AH00957: HTTPS: attempt to connect to 192.168.1.20:5000 (reg) failed'],
  }),
  sig({
    id: 'registry.apache-proxy-backend-dns',
    cause: 'registry.dns',
    re: /ah00898: dns lookup failure for: \S+ returned by \/v2\//,
    anchors: ['ah00898'],
    confidence: 0.75,
    specificity: 92,
    check: 'the host name the proxy\'s ProxyPass names: it must resolve where the proxy runs (getent hosts <name> there; in Docker Compose, the registry service\'s name on a network the proxy shares)',
    source: 'Apache httpd mod_proxy (AH00898: "DNS lookup failure for: %s returned by %s")',
    samples: ['[proxy:error] [client 172.24.0.1:40354] AH00898: DNS lookup failure for: registry-node1 returned by /v2/_catalog, referer: http://localhost:6080/', 'AH00898: DNS lookup failure for: registry returned by /v2/library/app/manifests/1.0'],
    counterSamples: ['AH00898: DNS lookup failure for: api returned by /login'],
  }),
];
