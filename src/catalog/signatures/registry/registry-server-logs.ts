import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What a registry's own side logs when a node's pull fails there: its storage backend refusing or unreachable, a
 * repository manager's blob store failing, the S3 signature of a layer's redirect refused, the nginx of a caching
 * proxy that cannot verify its upstream. The node sees only a 5xx or a reset; the registry's log names the fault.
 */
export const REGISTRY_SERVER_LOG_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.storage-lookup-failed',
    cause: 'dns.node-resolver',
    // The distribution registry's storage driver could not resolve its bucket's endpoint: the registry's host (or
    // container: 127.0.0.11 is Docker's embedded resolver) has the DNS problem, not the pulling node.
    re: /err\.detail=\\?"?(?:s3aws|gcs|azure|swift|oss): [^\n]{0,200}(?:\s[^\n]{0,300}){0,2}?dial tcp: lookup \S+ on [\w.:[\]]+:53: (?:read udp [^\n]{0,80}?: )?(?:i\/o timeout|no such host|server misbehaving)/,
    anchors: ['err.detail='],
    confidence: 0.6,
    specificity: 96,
    alternatives: ['registry.server-error', 'dns.upstream'],
    check: 'on the registry\'s host or in its container: getent hosts <the bucket endpoint> and the resolver it uses (127.0.0.11 is Docker\'s embedded DNS, which forwards to the host\'s resolv.conf) — the registry cannot reach its storage until that name resolves',
    source: 'distribution registry storage drivers (s3aws RequestError "send request failed", Go resolver errors) in the registry\'s "response completed with error" log',
    samples: [
      'level=error msg="response completed with error" err.code=unknown err.detail="s3aws: RequestError: send request failed\ncaused by: Put "https://s3.example.net/docker/registry/v2/repositories/app/_uploads/305a/startedat": dial tcp: lookup s3.example.net on 127.0.0.11:53: read udp 127.0.0.1:33649->127.0.0.11:53: i/o timeout"',
      'level=error msg="response completed with error" err.code=unknown err.detail="s3aws: RequestError: send request failed caused by: Get \\"https://minio.storage.svc/registry?list-type=2\\": dial tcp: lookup minio.storage.svc on 10.96.0.10:53: no such host"',
    ],
    counterSamples: ['level=error msg="response completed with error" err.code=unknown err.detail="s3aws: AccessDenied: Access Denied\\n\\tstatus code: 403" err.message="unknown error"'],
  }),
  sig({
    id: 'registry.storage-object-store-failed',
    cause: 'registry.server-error',
    // The object store under a registry logging its own failure on the registry's layout (docker/registry/v2): the
    // registry answers 500 or an incomplete listing for the pulls that need those objects.
    re: /(?:listobjects|getobject|putobject|headobject|statobject) failed[^\n]{0,300}docker\/registry\/v2\//,
    anchors: ['listobjects failed', 'getobject failed', 'putobject failed', 'headobject failed', 'statobject failed'],
    confidence: 0.7,
    specificity: 93,
    alternatives: ['image.disk-full'],
    check: 'the object store\'s health and the registry\'s bucket: mc admin info / the store\'s log, free space and the registry path (docker/registry/v2/blobs) — the registry cannot serve what its storage cannot list or read',
    source: 'MinIO and other S3 servers logging a failed object call on the distribution registry\'s storage layout',
    samples: [
      'time="2016-04-18T12:05:43+02:00" level=error msg="ListObjects failed." Error={open /silo/container/registry/repo/docker/registry/v2/blobs/sha256/51/5158b4: no such file or directory *os.PathError}',
      'level=error msg="GetObject failed." Error={read /data/registry/docker/registry/v2/blobs/sha256/aa/aa01/data: input/output error}',
    ],
    counterSamples: ['level=info msg="ListObjects" bucket=registry prefix=docker/registry/v2/repositories/'],
  }),
  sig({
    id: 'registry.nexus-blobstore-failure',
    cause: 'registry.server-error',
    // Sonatype Nexus answers 500 for a request whose blob store call failed ("Failure servicing" with a
    // BlobStoreException): the repository manager, not the client or the network.
    re: /org\.sonatype\.nexus[^\n]{0,200}failure servicing: (?:get|head|put|post) \/repository\/[\s\S]{0,600}?blobstoreexception|org\.sonatype\.nexus\.blobstore\.api\.blobstoreexception/,
    anchors: ['blobstoreexception'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['image.disk-full'],
    check: 'the Nexus blob store named in the exception (Administration → Blob Stores): its path\'s free space, permissions and the tmp directory under it; the nexus.log lines around the failure give the file',
    source: 'Sonatype Nexus ViewServlet ("Failure servicing: %s %s") and org.sonatype.nexus.blobstore.api.BlobStoreException',
    samples: [
      '2025-02-05 17:40:24,649+0000 WARN  [qtp1327169773-151] *UNKNOWN org.sonatype.nexus.repository.httpbridge.internal.ViewServlet - Failure servicing: GET /repository/cache/org/acme/lib/3.1.10/lib-3.1.10.jar\norg.sonatype.nexus.blobstore.api.BlobStoreException: BlobId: tmp$487dc264, java.nio.file.FileAlreadyExistsException: /nexus-data/blobs/default/content/tmp',
      'org.sonatype.nexus.blobstore.api.BlobStoreException: BlobId: 1c2f3a, Blob not found, Cause: /nexus-data/blobs/docker/content/vol-12/chap-31/1c2f3a.bytes',
    ],
    counterSamples: ['org.sonatype.nexus.repository.httpbridge.internal.ViewServlet - Failure servicing: GET /repository/docker-hosted/v2/'],
  }),
  sig({
    id: 'registry.s3-redirect-signature-mismatch',
    cause: 'registry.server-error',
    // A layer or config is fetched from the S3 URL the registry redirects to; S3 refusing that URL's signature is
    // the registry's side (its signing, or an object store behind it) — unless something between rewrote the URL.
    re: /(?:error pulling image configuration|blob|layer|pull)[^\n]{0,300}http 403 response body[\s\S]{0,300}<code>signaturedoesnotmatch<\/code>/,
    anchors: ['signaturedoesnotmatch'],
    confidence: 0.6,
    // Above the HTML/XML error page reading (95): S3's own code names what refused.
    specificity: 96,
    alternatives: ['registry.proxy', 'registry.tls-expired-or-clock'],
    check: 'retry the pull from another network: the same refusal everywhere is the registry\'s side (its status page); refused only behind a proxy means the proxy alters the redirect URL or its headers; a node clock far off also breaks presigned URLs (date -u)',
    source: 'Docker Engine ("error parsing HTTP 403 response body") relaying S3\'s XML error for the registry\'s presigned blob redirect',
    samples: [
      'error pulling image configuration: error parsing HTTP 403 response body: invalid character \'<\' looking for beginning of value: "<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>\\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message>"',
      'failed to pull layer: error parsing HTTP 403 response body: invalid character \'<\' looking for beginning of value: "<?xml version=\\"1.0\\"?><Error><Code>SignatureDoesNotMatch</Code></Error>"',
    ],
    counterSamples: ['<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error>'],
  }),
  sig({
    id: 'registry.nginx-upstream-untrusted',
    cause: 'registry.tls-untrusted',
    // nginx verifying its upstream (proxy_ssl_verify on: a caching registry proxy, a Harbor front): OpenSSL's verify
    // codes for a chain it cannot build to a trusted root.
    re: /upstream ssl certificate verify error: \((?:2|19|20|21|22|24|27|32):[^)\n]{1,80}\) while ssl handshaking to upstream/,
    anchors: ['upstream ssl certificate verify error'],
    confidence: 0.75,
    specificity: 94,
    alternatives: ['registry.proxy'],
    check: 'the CA bundle nginx verifies with (proxy_ssl_trusted_certificate) and the chain the upstream sends (openssl s_client -connect <upstream>:443 -showcerts): an intercepting proxy\'s root or a missing intermediate is the usual cause; proxy_ssl_verify_depth bounds the chain length',
    source: 'nginx ngx_http_upstream ("upstream SSL certificate verify error: (%d:%s) while SSL handshaking to upstream"), OpenSSL X509_V_ERR codes 2, 19, 20, 21, 22, 24, 27, 32',
    samples: [
      '2026/06/15 19:12:14 [error] 75#75: *11 upstream SSL certificate verify error: (22:certificate chain too long) while SSL handshaking to upstream, client: 127.0.0.1, server: proxy_caching_, request: "GET /token?scope=repository%3Alibrary%2Fubuntu%3Apull HTTP/1.1", host: "auth.docker.io"',
      '[error] 31#31: *5 upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream, client: 10.0.0.7, server: registry-proxy, request: "GET /v2/ HTTP/1.1"',
    ],
    counterSamples: ['[error] 31#31: *5 upstream SSL certificate verify error: (10:certificate has expired) while SSL handshaking to upstream'],
  }),
  sig({
    id: 'registry.nginx-upstream-expired',
    cause: 'registry.tls-expired-or-clock',
    re: /upstream ssl certificate verify error: \((?:9|10):[^)\n]{1,80}\) while ssl handshaking to upstream/,
    anchors: ['upstream ssl certificate verify error'],
    confidence: 0.75,
    specificity: 94,
    alternatives: ['registry.proxy'],
    check: 'the upstream\'s certificate dates (openssl s_client -connect <upstream>:443 | openssl x509 -noout -dates) against date -u on the nginx host: an expired certificate upstream, or a clock off on the proxy',
    source: 'nginx ngx_http_upstream verify error with OpenSSL X509_V_ERR_CERT_NOT_YET_VALID (9) or X509_V_ERR_CERT_HAS_EXPIRED (10)',
    samples: [
      '[error] 31#31: *5 upstream SSL certificate verify error: (10:certificate has expired) while SSL handshaking to upstream, client: 10.0.0.7, server: registry-proxy',
      '[error] 12#12: *9 upstream SSL certificate verify error: (9:certificate is not yet valid) while SSL handshaking to upstream, client: 10.0.0.8',
    ],
    counterSamples: ['[error] 31#31: *5 upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream'],
  }),
];
