import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Pull-through caches and reverse proxies that stand in front of a registry (an ACR cache rule, an nginx caching
 * proxy): their own words for an upstream they cannot reach or a rule that maps to the wrong upstream path.
 */
export const CACHE_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.azk8s-mirror-forbidden',
    cause: 'registry.mirror-misconfigured',
    // The Azure China pull-through proxies (gcr.azk8s.cn, quay.azk8s.cn, dockerhub.azk8s.cn, mcr.azk8s.cn) have
    // answered 403 to every client outside Azure China since April 2020: a 403 from one is the mirror no longer
    // serving this node, not the image's credentials. The image references or the daemon's registry-mirrors still
    // name it.
    re: /\b[\w-]+\.azk8s\.cn\b[\s\S]{0,800}?\b403\b/,
    anchors: ['.azk8s.cn'],
    also: ['403'],
    confidence: 0.8,
    specificity: 97,
    alternatives: ['image.auth-rejected'],
    check: 'where the azk8s.cn name comes from: the image reference (a chart\'s or kubespray\'s image repository override) or /etc/docker/daemon.json registry-mirrors — point it at the upstream registry or a mirror that serves this network',
    source: 'Azure China container registry proxy (gcr/quay/dockerhub.azk8s.cn) restricted to Azure China IPs, 403 Forbidden from its nginx front',
    samples: [
      'Failed to pull image "gcr.azk8s.cn/google_containers/kube-proxy:v1.18.2": rpc error: code = Unknown desc = Error response from daemon: error parsing HTTP 403 response body: invalid character \'<\' looking for beginning of value: "<html>\\r\\n<head><title>403 Forbidden</title></head>"',
      'docker pull quay.azk8s.cn/coreos/flannel:v0.12.0\nError response from daemon: error parsing HTTP 403 response body: invalid character \'<\' looking for beginning of value: "<html><head><title>403 Forbidden</title></head></html>"',
      'failed to solve: gcr.azk8s.cn/google_containers/pause:3.2: unexpected status code [manifests 3.2]: 403 Forbidden',
    ],
    counterSamples: ['Pulling gcr.azk8s.cn/google_containers/pause:3.2 ... done'],
  }),
  sig({
    id: 'registry.acr-cache-rule-denied',
    cause: 'registry.mirror-misconfigured',
    // An ACR cache rule maps <acr>/<prefix>/* to an upstream path; the upstream refusing the mapped path (a nested
    // Docker Hub name under library/, a missing credential set) surfaces as this denial of the rule's source.
    re: /requested access to pull from source '[^'\n]+' for cache rule '[^'\n]+' has been denied/,
    anchors: ['for cache rule'],
    confidence: 0.7,
    specificity: 96,
    alternatives: ['image.auth-rejected', 'image.not-found'],
    check: 'az acr cache show -r <acr> -n <rule>: the source repository it maps to (Docker Hub images outside library/ must not get the library/ prefix; a wildcard rule maps the path under it as is) and, for private upstreams, its credential set',
    source: 'Azure Container Registry artifact cache ("requested access to pull from source … for cache rule … has been denied")',
    samples: ["Error response from daemon: pull access denied for myacr.azurecr.io/docker.io/acme/app, repository does not exist or may require 'docker login': denied: requested access to pull from source 'docker.io/library/acme/app' for cache rule 'docker-io-rule' has been denied.", "failed to resolve reference \"myacr.azurecr.io/hub/grafana/grafana:11.1.0\": pull access denied, repository does not exist or may require authorization: denied: requested access to pull from source 'docker.io/library/grafana/grafana' for cache rule 'hub' has been denied."],
    counterSamples: ["denied: requested access to the resource is denied"],
  }),
  sig({
    id: 'registry.caching-proxy-invalid-url-prefix',
    cause: 'registry.mirror-misconfigured',
    // nginx fails a proxied request whose target is not an absolute URL: a caching registry proxy following the
    // upstream's relative redirect for a blob (GCR/Artifact Registry answer with one) without a rule for it.
    re: /invalid url prefix in "[^"\n]+"[^\n]{0,200}request: "(?:get|head) \/v2\//,
    anchors: ['invalid url prefix'],
    confidence: 0.75,
    specificity: 95,
    alternatives: ['registry.server-error'],
    check: 'the proxy\'s config for the upstream that redirected (the blob location header it tried to follow): the caching proxy needs a rule for that redirect target, or the upstream must be bypassed for it',
    source: 'nginx ("invalid URL prefix in \\"%V\\"" when proxy_pass resolves to a target without a scheme)',
    samples: ['2021/10/25 07:17:02 [error] 76#76: *93 invalid URL prefix in "/artifacts-downloads/namespaces/p/repositories/gcr.io/downloads/x" while sending to client, client: 127.0.0.1, server: proxy_caching_, request: "GET /v2/p/crane/blobs/sha256:aa HTTP/1.1", host: "gcr.io"', '[error] 61#61: *12 invalid URL prefix in "/download/storage/v1/b/artifacts/o/x" while reading response header from upstream, client: 10.0.0.9, server: _, request: "HEAD /v2/library/app/blobs/sha256:bb HTTP/1.1", host: "registry.example.com"'],
    counterSamples: ['invalid URL prefix in "backend"'],
  }),
  sig({
    id: 'registry.proxy-upstream-unresolved',
    cause: 'registry.dns',
    // nginx in front of a registry (an ECR or Hub proxy) resolving the upstream registry's name at request time
    // with its own `resolver`: the name of the registry did not resolve from where the proxy runs.
    // Not when nginx's own resolver refused the query (a `resolver 127.0.0.11`, Docker's embedded DNS, copied into a
    // pod where nothing listens there): that is the proxy's resolver setting, not the registry's name.
    re: /^(?![\s\S]*\(111: connection refused\) while resolving)[\s\S]*?\S+ could not be resolved \(\d+: [^)\n]+\)[^\n]{0,200}request: "(?:get|head|post|put|patch) \/v2\//,
    anchors: ['could not be resolved ('],
    confidence: 0.6,
    specificity: 92,
    alternatives: ['dns.node-resolver', 'dns.coredns-down', 'dns.upstream'],
    check: 'the proxy\'s `resolver` directive and whether that server answers for the registry\'s name from the proxy (kubectl exec <proxy pod> -- nslookup <registry host> <resolver ip>); in a pod the resolver must be the cluster DNS Service IP',
    source: 'nginx resolver ("%V could not be resolved (%i: %s)")',
    samples: ['2017/06/22 13:02:43 [error] 68#68 123456789012.dkr.ecr.us-east-1.amazonaws.com could not be resolved (110: Operation timed out), client 10.0.0.5, server: _, request: "GET /v2/ HTTP/1.1", host: "docker.example.net"', '[error] 7#7: *3 registry-1.docker.io could not be resolved (2: Server failure), client: 10.244.1.7, server: mirror, request: "GET /v2/library/nginx/manifests/1.25 HTTP/1.1", host: "mirror.example.com"'],
    counterSamples: ['[error] 31#31: *1 orders could not be resolved (3: Host not found), client: 10.0.0.5, request: "GET /api HTTP/1.1"'],
  }),
  sig({
    id: 'registry.nexus-remote-auto-blocked',
    cause: 'registry.server-error',
    // Nexus blocks a proxy repository's remote for a while after the remote failed or timed out, and answers every
    // request for it with this until the time it names: the registry the node talks to is failing the pull.
    re: /remote auto blocked until \S+/,
    anchors: ['remote auto blocked'],
    confidence: 0.7,
    specificity: 95,
    alternatives: ['registry.mirror-misconfigured', 'registry.connect-timeout'],
    check: 'in Nexus, the proxy repository\'s status (Administration > Repositories): why its remote was blocked — the remote URL, its reachability from the Nexus host, or its credentials — then unblock it or wait for the time it names',
    source: 'Sonatype Nexus proxy repositories ("Remote Auto Blocked until <time>")',
    samples: ['500 Server Error: Internal Server Error for url: http+docker://localhost/v1.45/images/create?tag=2023.2&fromImage=nexus.example.com%3A8193%2Fkolla%2Fkeystone: Internal Server Error ("unknown: Remote Auto Blocked until 2024-08-13T07:45:05.681Z")', 'Error response from daemon: unknown: Remote Auto Blocked until 2025-01-08T10:15:00.000Z'],
    counterSamples: ['Remote Available'],
  }),
  sig({
    id: 'ambiguous.token-response-html',
    cause: 'unknown',
    // The token endpoint answered with a page, not JSON: a captive portal, an intercepting proxy or a WAF, or a
    // mirror that serves its web UI there. Which one is in that page, not in this text.
    re: /unable to decode token response: invalid character '<'/,
    anchors: ['unable to decode token response'],
    confidence: 0.4,
    specificity: 96,
    alternatives: ['registry.proxy', 'registry.server-error', 'registry.mirror-misconfigured'],
    check: 'curl -sv "<realm>?service=…&scope=…" from the node (the realm from curl -sI https://<registry>/v2/): the HTML page says who answered — a proxy\'s block or login page, a portal, or the registry\'s own error page',
    source: 'containerd remotes/docker/auth fetch ("unable to decode token response: %w" of a JSON decode)',
    samples: ['ERROR: failed to solve: alpine:3.19: failed to resolve source metadata for docker.io/library/alpine:3.19: failed to authorize: failed to fetch anonymous token: unable to decode token response: invalid character \'<\' looking for beginning of value', 'failed to fetch oauth token: unable to decode token response: invalid character \'<\' looking for beginning of value'],
    counterSamples: ['failed to fetch anonymous token: unexpected status: 401 Unauthorized'],
  }),
  sig({
    id: 'ambiguous.content-descriptor-missing',
    cause: 'unknown',
    // The reference resolved, then a descriptor it lists (a layer, a platform's manifest) answered 404: the registry
    // lost it (a garbage collection race, a partial push), or a pull-through cache or mirror holds the index without
    // its children. The image as named exists, so it is not the tag missing; which of the others, the registry says.
    re: /could not fetch content descriptor sha256:[0-9a-f]{8,} \([^)\n]*\) from remote: not found/,
    anchors: ['could not fetch content descriptor'],
    confidence: 0.4,
    specificity: 96,
    alternatives: ['registry.server-error', 'registry.mirror-misconfigured', 'image.not-found'],
    check: 'fetch that digest from the registry directly (crane blob <repo>@sha256:… or curl -I https://<registry>/v2/<repo>/blobs/sha256:…) and, without the mirror, from the upstream: missing everywhere means the registry lost it (push the image again); missing only through the mirror means the mirror\'s cache',
    source: 'containerd remotes/docker fetcher ("could not fetch content descriptor %v (%v) from remote: %w" with errdefs.ErrNotFound)',
    samples: ['failed to copy: httpReadSeeker: failed open: could not fetch content descriptor sha256:68e3bff44c7bd30bfe6f82ef4ade6153fd5b85121bfc4887b94f6250a989d80e (application/vnd.oci.image.layer.v1.tar+gzip) from remote: not found', '#3 error: failed to fetch schema1 manifest: httpReadSeeker: failed open: could not fetch content descriptor sha256:b659f107 (application/vnd.docker.distribution.manifest.v1+prettyjws) from remote: not found'],
    counterSamples: ['failed to resolve reference "docker.io/acme/web:2": docker.io/acme/web:2: not found'],
  }),
  sig({
    id: 'registry.spegel-config-path',
    cause: 'registry.mirror-misconfigured',
    // Spegel writes its mirror entries as hosts.toml files under containerd's config_path and refuses to start when
    // containerd reads another path (or several): its mirrors would never be read, so nodes keep pulling upstream.
    re: /containerd registry config path is (\S+ )? ?but needs to be \S+ for mirror configuration to take effect/,
    anchors: ['for mirror configuration to take effect'],
    confidence: 0.9,
    specificity: 95,
    check: 'containerd\'s config.toml on the node: [plugins."io.containerd.grpc.v1.cri".registry] config_path must be the single directory Spegel is given (/etc/containerd/certs.d), then restart containerd',
    source: 'spegel oci/containerd.go config path verification',
    samples: [
      'Containerd registry config path is /etc/containerd/certs.d:/etc/docker/certs.d but needs to be /etc/containerd/certs.d for mirror configuration to take effect',
      '{"level":"error","msg":"","error":"Containerd registry config path is  but needs to be /etc/containerd/certs.d for mirror configuration to take effect"}',
    ],
    counterSamples: ['config_path = "/etc/containerd/certs.d"'],
  }),
];
