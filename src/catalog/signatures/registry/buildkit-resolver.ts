import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * BuildKit's own wrappers around containerd's docker remote, as `docker build`, `docker buildx build`, buildctl and
 * buildkitd's log print them: the credential lookup it asks of the client over the session (util/resolver,
 * session/auth), the manifest type check of its image config resolver (util/imageutil), and the transport errors of
 * its registry client, whose HTTP statuses come back as "unexpected status" and never as a request error.
 */
export const BUILDKIT_RESOLVER_SIGNATURES: Signature[] = [
  sig({
    id: 'buildkit.session-credentials-timeout',
    cause: 'image.auth-missing',
    // session/auth/auth.go CredentialsFunc: buildkitd asks the client (docker CLI, buildx, buildctl) for the
    // registry's credentials over the session, under a deadline wrapped as "resolving credentials from session". The
    // client answers from its Docker config and runs the credential helper named there; the deadline expiring is
    // that lookup not answering (a helper waiting for a locked keychain, for Docker Desktop, for gcloud's login), not
    // the registry: no request to the registry has been made yet.
    re: /resolving credentials from session/,
    anchors: ['resolving credentials from session'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['image.pullsecret-malformed'],
    check: 'on the machine that runs docker build / buildx: the credsStore and credHelpers of ~/.docker/config.json, then echo <registry host> | docker-credential-<helper> get — it must answer at once; a hang is the helper (keychain locked, Docker Desktop not running, gcloud or az waiting for a login)',
    source: 'moby/buildkit session/auth/auth.go (CredentialsFunc: withTimeout(ctx, errors.Wrap(context.DeadlineExceeded, "resolving credentials from session"))), called by util/resolver/authorizer.go getCredentials',
    samples: [
      '#6 [internal] load metadata for docker.io/acme/private:1\n#6 ERROR: failed to authorize: DeadlineExceeded: resolving credentials from session: context deadline exceeded',
      'ERROR: failed to solve: acme/private:1: failed to resolve source metadata for docker.io/acme/private:1: failed to authorize: resolving credentials from session: context deadline exceeded',
    ],
    counterSamples: [
      '#3 ERROR: failed to authorize: DeadlineExceeded: failed to fetch anonymous token',
      'fetching auth token from session: context deadline exceeded',
    ],
  }),
  sig({
    id: 'buildkit.manifest-served-as-web-page',
    cause: 'registry.mirror-misconfigured',
    // util/imageutil/config.go childrenConfigHandler: the descriptor's media type is the Content-Type of the
    // registry's answer to HEAD/GET …/manifests/<tag>; text/html or text/plain there is a web server answering 200 in
    // the registry's place (a mirror or pull-through cache that serves its web UI or an error page, a proxy's block or
    // login page), which no registry sends for a manifest.
    re: /encountered unknown type text\/(html|plain)[^\n]{0,40}; children may not be fetched/,
    anchors: ['unknown type text/html', 'unknown type text/plain'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['registry.proxy'],
    check: 'curl -sI -H "Accept: application/vnd.oci.image.index.v1+json" https://<the host buildkitd uses: the mirror in buildkitd.toml or the registry>/v2/<repository>/manifests/<tag> from the builder: a Content-Type of text/html is that host answering with a page; fix or remove the mirror (buildkitd.toml [registry."docker.io"] mirrors), or the proxy that intercepts',
    source: 'moby/buildkit util/imageutil/config.go (childrenConfigHandler: "encountered unknown type %v; children may not be fetched")',
    samples: [
      '#3 [internal] load metadata for docker.io/library/ubuntu:focal-20210119\n#3 ERROR: encountered unknown type text/html; children may not be fetched',
      'failed to solve: rpc error: code = Unknown desc = failed to solve with frontend dockerfile.v0: failed to create LLB definition: encountered unknown type text/html; charset=utf-8; children may not be fetched',
    ],
    counterSamples: [
      'encountered unknown type application/vnd.docker.distribution.manifest.v1+prettyjws; children may not be fetched',
    ],
  }),
  sig({
    id: 'buildkit.request-proxy-status',
    cause: 'registry.proxy',
    // containerd's request.do wraps only errors of http.Client.Do as "failed to do request"; a registry's own status
    // comes back as a response and is worded "unexpected status from HEAD request to <url>: 403 Forbidden". A bare
    // reason phrase after the URL is Go's transport reporting the HTTPS proxy's answer to its CONNECT (any status but
    // 200 fails the dial with the status text alone). A 4xx there is the proxy's policy refusing the tunnel; a 5xx
    // (Bad Gateway, Service Unavailable) is the proxy failing to reach the registry, often the registry being down,
    // and is left to the server readings. Proxies word their own reason phrase: tinyproxy answers a CONNECT its
    // ConnectPort or filter rules refuse with "403 Access violation", which arrives as ": Access violation".
    re: /failed to do request: (head|get|put|post|patch) \\?"?https:\/\/[^\s"\\]+\\?"?: (forbidden|bad request|method not allowed|access violation)(?![ \t]*[\w(])|failed to do request: (head|get|put|post|patch) \\?"https:\/\/[^\s"\\]+\\?": not found(?![ \t]*[\w(])/,
    anchors: [': forbidden', ': bad request', ': method not allowed', ': access violation', '": not found'],
    confidence: 0.8,
    specificity: 91,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the HTTPS_PROXY / HTTP_PROXY / NO_PROXY that buildkitd runs with (docker-container builder: docker buildx inspect and the --driver-opt env.https_proxy, or the proxies in ~/.docker/config.json; buildkitd service: systemctl show buildkit --property=Environment): the proxy must allow CONNECT to the registry and its blob host, or the registry belongs in NO_PROXY',
    source: 'containerd core/remotes/docker/resolver.go (request.do: "failed to do request: %w") over Go net/http transport (dialConn: a CONNECT answered with a non-200 status fails with the status text); tinyproxy reqs.c (CONNECT refused: 403 "Access violation")',
    samples: [
      '#2 [internal] load metadata for docker.io/library/node:20\n#2 ERROR: failed to do request: Head "https://registry-1.docker.io/v2/library/node/manifests/20": Forbidden',
      'ERROR: failed to solve: failed to push ghcr.io/acme/app:1: failed to do request: Head "https://ghcr.io/v2/acme/app/blobs/sha256:3f4e": Forbidden',
      'level=info msg="trying next host" error="failed to do request: Head \\"https://registry-1.docker.io/v2/library/busybox/manifests/latest\\": Not Found" host=registry-1.docker.io',
      'failed to resolve reference "docker.io/rancher/pause:3.1": failed to do request: Head https://registry-1.docker.io/v2/rancher/pause/manifests/3.1: Bad Request',
      '#2 ERROR: failed to do request: Head "https://reg.bk:5000/v2/lab/app/manifests/1": Access violation',
      'error: failed to solve: reg.bk:5000/lab/app:1: failed to resolve source metadata for reg.bk:5000/lab/app:1: failed to do request: Head "https://reg.bk:5000/v2/lab/app/manifests/1": Access violation',
    ],
    counterSamples: [
      'unexpected status from HEAD request to https://registry-1.docker.io/v2/library/node/manifests/20: 403 Forbidden',
      'failed to do request: Head "https://registry-1.docker.io/v2/library/node/manifests/20": Forbidden by administrative rules of the proxy',
      'failed to resolve reference "registry.xx.xx/project/nginx:latest": failed to do request: Head "https://registry.xx.xx/v2/project/nginx/manifests/latest": Service Unavailable',
    ],
  }),
  sig({
    id: 'buildkit.gcr-shut-down',
    cause: 'unknown',
    // Google Container Registry stopped taking writes on 18 March 2025 and answers the token request of a push (and
    // requests of projects not migrated) with 412 Precondition Failed. BuildKit prints the status without the body, so
    // the text does not say which: writes refused after the shutdown, or a repository that is gone (a client that
    // prints the body, "Container Registry is deprecated and shutting down", is read as image.not-found elsewhere).
    re: /gcr\.io\/v2\/token[^\n]{0,400}?: 412 precondition failed(?![ \t]*:)/,
    anchors: ['412 precondition failed'],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['image.not-found', 'image.auth-rejected'],
    check: 'whether the project still has Container Registry (gcloud artifacts settings describe --project <project>): gcr.io no longer takes pushes since 2025-03-18; push to <region>-docker.pkg.dev/<project>/<repository> or migrate with gcloud artifacts docker upgrade migrate --projects=<project>',
    source: 'Google Container Registry shutdown (Artifact Registry transition); the text through BuildKit util/resolver/authorizer.go ("failed to fetch oauth token") and containerd ErrUnexpectedStatus',
    samples: [
      '#40 ERROR: failed to push gcr.io/sandbox-298914/test-docker-action:gh-runid-15042134376: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://gcr.io/v2/token?scope=repository%3Asandbox-298914%2Ftest-docker-action%3Apull%2Cpush&service=gcr.io: 412 Precondition Failed',
      'ERROR: failed to solve: failed to push gcr.io/acme/app:1: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://gcr.io/v2/token?scope=repository%3Aacme%2Fapp%3Apull%2Cpush&service=gcr.io: 412 Precondition Failed',
    ],
    counterSamples: [
      'failed to fetch oauth token: unexpected status from GET request to https://gcr.io/v2/token?scope=repository%3Aacme%2Fapp%3Apull&service=gcr.io: 401 Unauthorized',
      'GET https://gcr.io/v2/token?scope=repository%3Ak8s-staging%2Fproxy%3Apull&service=gcr.io: unexpected status code 412 Precondition Failed: Container Registry is deprecated and shutting down',
    ],
  }),
  sig({
    id: 'buildkit.pinned-digest-not-found',
    cause: 'image.not-found',
    // containerd's resolver answers a reference it cannot find as "<ref>: not found"; for a reference pinned by digest
    // (FROM image@sha256:…, a cache or syntax image pinned by Dependabot/Renovate) the digest no longer exists in
    // that repository (deleted, garbage-collected, or the repository's tag moved and an old index was pruned).
    re: /(#\d+ error: |failed to solve: |source metadata for [^\s]+: )[\w.-]+(:\d+)?\/[\w.\/-]+(:[\w.-]+)?@sha256:[0-9a-f]{64}: not found\b/,
    anchors: ['@sha256:'],
    confidence: 0.85,
    specificity: 72,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'crane digest <repository>:<tag> (or skopeo inspect docker://<repository>:<tag>) and crane manifest <repository>@<digest>: the pinned digest must still exist in that repository; update the pin to the current digest',
    source: 'containerd core/remotes/docker/resolver.go (Resolve: "%v: %w" with errdefs.ErrNotFound), printed by BuildKit\'s load metadata step',
    samples: [
      '#5 [internal] load metadata for quay.io/acme/tools@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n#5 ERROR: quay.io/acme/tools@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef: not found',
      'ERROR: failed to solve: docker.io/library/node:20@sha256:aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44: not found',
    ],
    counterSamples: [
      'failed to get reader: content digest sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef: not found',
      'Error: get signature failure: sha256:6f9ac09b870875a7acecfcf1241324f45a5392a61a5e9259c4d240cb92f04d57: reg.azurecr.io/net-monitor@sha256:6f9ac09b870875a7acecfcf1241324f45a5392a61a5e9259c4d240cb92f04d57: not found',
    ],
  }),
  sig({
    id: 'buildkit.upload-body-too-large',
    cause: 'unknown',
    // 413 on a blob upload is the HTTP server in front of the registry refusing the request body by size (nginx's
    // client_max_body_size, an ingress's proxy-body-size, a cloud load balancer's limit) — the registry itself takes
    // any size. The limit can sit in the registry's reverse proxy or in a forward proxy on the builder's path.
    re: /failed (to push|commit on ref|to copy)[^\n]{0,400}?413 request entity too large|error writing (layer|manifest|config) blob[^\n]{0,400}?413 request entity too large/,
    anchors: ['request entity too large'],
    confidence: 0.4,
    specificity: 92,
    alternatives: ['registry.server-error', 'registry.proxy'],
    check: 'the body size limit of what fronts the registry: nginx client_max_body_size 0; (Harbor, self-hosted registries), the ingress annotation nginx.ingress.kubernetes.io/proxy-body-size: "0", a load balancer\'s request size limit — or a proxy on the builder\'s side (HTTPS_PROXY of buildkitd)',
    source: 'containerd core/remotes/docker/pusher.go (ErrUnexpectedStatus "unexpected status from PUT request to %s: %s"), BuildKit exporter/containerimage ("failed to push %v") and cache/remotecache/export.go ("error writing layer blob")',
    samples: [
      'ERROR: failed to solve: failed to push harbor.example.com/proj/app:1: failed commit on ref "layer-sha256:8a9b": unexpected status from PUT request to https://harbor.example.com/v2/proj/app/blobs/uploads/ab12: 413 Request Entity Too Large',
      '#15 ERROR: error writing layer blob: failed commit on ref "layer-sha256:77aa": unexpected status from PUT request to https://registry.example.com/v2/cache/blobs/uploads/x: 413 Request Entity Too Large',
    ],
    counterSamples: ['413 Request Entity Too Large: the request body of the webhook exceeds the limit'],
  }),
];
