import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Texts read from the real containerd 2.4.2 resolver (crictl 1.37 pulls through the CRI image service, ctr 2.4.2
 * pulls through the transfer service, containerd's own log) against a distribution registry 2.8 with htpasswd
 * auth and a hosts.toml mirror with a wrong path, each built in a network namespace. Each reading follows
 * containerd's own code path, not one paste.
 */
export const CONTAINERD2_RESOLVER_SIGNATURES: Signature[] = [
  sig({
    id: 'containerd.basic-auth-401-after-credentials',
    cause: 'image.auth-rejected',
    // containerd's authorizer answers a Basic challenge with the credentials it was given; with none it stops at
    // once with "no basic auth credentials". A Bearer challenge goes through the token service, whose failures read
    // "failed to fetch oauth/anonymous token" or "pull access denied ... authorization failed". So a manifest request
    // that still ends in a bare 401 via "unexpected status from HEAD/GET request" is the registry refusing the
    // credentials containerd did send (crictl --creds/--auth, a pull secret, hosts.toml/config auth): wrong user
    // or password, an expired robot token. Only the 2.x wording ("failed to resolve image:", the transfer service's
    // and the 2.x CRI image service's) is read so: containerd 1.x, and clients that give the authorizer no
    // credentials callback (BuildKit, Helm), fall through a Basic challenge without credentials to this same bare
    // 401 ("failed to resolve reference ..."), where it means credentials missing. The text cannot rule out a
    // registry that 401s with no usable challenge.
    re: /failed to resolve image: unexpected status from (head|get) request to https?:\/\/[^\s"\\]+\/v2\/[^\s"\\]+\/manifests\/[^\s"\\]+: 401 unauthorized/,
    anchors: ['failed to resolve image: unexpected status from'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['image.auth-missing', 'image.pullsecret-wrong-registry'],
    check: 'the credentials the pull used (the pull secret\'s .dockerconfigjson auths entry for this host, crictl --creds, or the auth in hosts.toml / the CRI registry config): log in with the same user and password by hand (curl -u user:pass https://<registry>/v2/) and renew or correct them',
    source: 'containerd core/remotes/docker/authorizer.go (AddResponses: Basic with credentials re-sent, ErrNoBasicAuthCredentials without) and resolver.go ("unexpected status from %s request to %s: %s"); reproduced with crictl 1.37 pull --creds/--auth and ctr 2.4.2 --user against registry 2.8 htpasswd auth with a wrong password',
    samples: [
      'E1206 23:56:17.384895     737 remote_image.go:334] "PullImage from image service failed" err="rpc error: code = Unknown desc = failed to pull and unpack image \\"harbor.corp.example/private/app:1.0\\": failed to resolve image: unexpected status from HEAD request to https://harbor.corp.example/v2/private/app/manifests/1.0: 401 Unauthorized" image="harbor.corp.example/private/app:1.0"',
      'ctr: failed to resolve image: unexpected status from HEAD request to https://registry.acme.internal:5000/v2/payments/worker/manifests/3.2.1: 401 Unauthorized',
    ],
    counterSamples: [
      'failed to resolve image: pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials',
      'failed to fetch anonymous token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alibrary%2Fx%3Apull&service=registry.docker.io: 401 Unauthorized',
      'unexpected status from HEAD request to https://registry.acme.internal/v2/a/manifests/1: 403 Forbidden',
      'failed to resolve reference "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/pause:3.5": unexpected status from HEAD request to https://602401143452.dkr.ecr.us-west-2.amazonaws.com/v2/eks/pause/manifests/3.5: 401 Unauthorized',
    ],
  }),
  sig({
    id: 'containerd.mirror-host-404-next-host',
    cause: 'registry.mirror-misconfigured',
    // containerd logs "trying next host after status: 404 Not Found" when a host from hosts.toml answers 404 and
    // another host follows; ?ns=<upstream> marks the URL as a mirror's. The mirror does not serve that upstream's
    // repository at that path: a wrong path or override_path in [host."..."], or a mirror that is not a
    // pull-through cache for that registry. The pull goes on to the next host, so it may still succeed.
    // A mirror answering 5xx moves the pull on the same way (a pull-through cache whose upstream refused it, an
    // embedded or P2P mirror that failed); the corpus reads a mirror's 5xx as the mirror's (registry.mirror-request-failed).
    re: /trying next host after status: (404 not found|5\d\d [a-z ]+)[^\n]{0,300}\?ns=/,
    anchors: ['trying next host after status: 404', 'trying next host after status: 5'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['image.not-found'],
    check: 'the [host."..."] URL (and override_path) in /etc/containerd/certs.d/<upstream>/hosts.toml: curl -sI -H "Accept: application/vnd.oci.image.index.v1+json" "<mirror URL>/v2/<repo>/manifests/<tag>?ns=<upstream>" should answer 200 for an image the upstream has',
    source: 'containerd core/remotes/docker/resolver.go (Resolve: "trying next host after status" at info level, ns query parameter for hosts that are not the reference\'s host); reproduced with containerd 2.4.2 and a hosts.toml mirror with override_path pointing at a path the registry does not serve',
    samples: [
      'time="2026-12-06T23:56:15.709923447Z" level=info msg="trying next host after status: 404 Not Found" host=mirror.corp.example method=HEAD url="https://mirror.corp.example/v2/proxy-cache/library/busybox/manifests/1.36?ns=docker.io"',
      'containerd[913]: level=info msg="trying next host after status: 404 Not Found" host="nexus.corp.example:8082" method=HEAD url="https://nexus.corp.example:8082/v2/repository/docker-hosted/team/api/manifests/2.0.1?ns=harbor.corp.example"',
      'level=info msg="trying next host after status: 500 Internal Server Error" host="127.0.0.1:25032" method=HEAD url="http://127.0.0.1:25032/v2/lib/app/manifests/1.0?ns=upstream.fd.test"',
      'level=info msg="trying next host after status: 502 Bad Gateway" host="127.0.0.1:25038" method=HEAD url="http://127.0.0.1:25038/v2/lib/app/manifests/1.0?ns=upstream.fd.test"',
    ],
    counterSamples: [
      'level=info msg="trying next host after status: 404 Not Found" host=registry.acme.internal method=HEAD url="https://registry.acme.internal/v2/library/busybox/manifests/1.36"',
    ],
  }),
];
