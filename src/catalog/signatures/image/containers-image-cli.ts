import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What podman, buildah and skopeo themselves print (containers/image, containers/common and containers/storage under
 * them) for faults read from real runs (podman 4.3, buildah 1.28, skopeo 1.9 against a distribution registry and a
 * fault server): the registry's DENIED code, a 403 on the /v2/ ping, an expired bearer token, the local store lacking
 * an image asked for with --pull=never, an auth file that is absent or unreadable, a proxy's status to CONNECT, and a
 * store on a read-only file system.
 */
export const CONTAINERS_IMAGE_CLI_SIGNATURES: Signature[] = [
  sig({
    id: 'containers-image.registry-denied',
    cause: 'image.auth-rejected',
    // containers/image prints the registry's error code message after the request it made: DENIED (HTTP 403 with
    // {"errors":[{"code":"DENIED"}]}) comes out as a bare "denied". The registry knew who asked (or that nobody
    // did) and refused: credentials without pull or push rights on that repository, or anonymous access the
    // registry forbids. Some registries (Quay, GitLab) also say DENIED for a repository that does not exist.
    re: /(reading manifest \S+|fetching tags list|checking whether a blob \S+ exists|initiating layer upload to \S+|writing manifest|uploading manifest \S+) in [\w.-]+(:\d+)?\/\S+: denied\b/,
    anchors: [': denied'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['image.auth-missing', 'image.not-found'],
    check: 'podman login --get-login <registry> (which identity the tool sends), then the repository\'s permissions for that account in the registry (pull for a pull, push for a push); a repository that does not exist answers DENIED on some registries too',
    source: 'containers/image docker/docker_image_src.go and docker_client.go (registry error code DENIED rendered as its message: "reading manifest %s in %s: denied")',
    samples: [
      'Error: initializing source docker://faults.lab.test:5458/team/billing:1: reading manifest 1 in faults.lab.test:5458/team/billing: denied',
      'time="2026-12-06T23:37:40Z" level=fatal msg="Error parsing image name \\"docker://faults.lab.test:5458/team/billing:2\\": reading manifest 2 in faults.lab.test:5458/team/billing: denied"',
      'Error: writing blob: initiating layer upload to /v2/acme/api/blobs/uploads/ in quay.example.org/acme/api: denied',
    ],
    counterSamples: [
      'reading manifest 1.0 in auth.lab.test:5001/private/app: unauthorized: authentication required',
      'permission denied',
    ],
  }),
  sig({
    id: 'containers-image.ping-forbidden',
    cause: 'image.auth-rejected',
    // The /v2/ ping (before any credentials are chosen for a repository) answered 403. A registry that refuses
    // anonymous or this account's access at the root says so (Harbor, Artifactory, an IP allow-list in front of
    // it); a proxy, gateway or WAF between the host and the registry says the same 403 with its own page.
    re: /pinging (container|docker) registry \S+: invalid status code from registry 403 \(Forbidden\)/,
    anchors: ['invalid status code from registry 403'],
    confidence: 0.55,
    specificity: 92,
    alternatives: ['registry.proxy', 'image.auth-missing'],
    check: 'curl -sv https://<registry>/v2/ from the same host (with and without -u user:pass): a registry error body (JSON with "errors") is the registry refusing that identity or address; an HTML page or a Server header of a proxy or WAF is something in between',
    source: 'containers/image docker/docker_client.go detectPropertiesHelper ("pinging container registry %s: invalid status code from registry %d (%s)")',
    samples: [
      'Error: initializing source docker://faults.lab.test:5454/team/billing:1: pinging container registry faults.lab.test:5454: invalid status code from registry 403 (Forbidden)',
      'Error: authenticating creds for "harbor.corp.example": pinging container registry harbor.corp.example: invalid status code from registry 403 (Forbidden)',
    ],
    counterSamples: ['pinging container registry web.lab.test:8080: invalid status code from registry 404 (Not Found)'],
  }),
  sig({
    id: 'containers-image.bearer-token-expired',
    cause: 'image.auth-rejected',
    // The registry names the token it was handed as expired (a Bearer 401 with error="invalid_token" and its detail in
    // the error body, which containers/image lists as "errors:\nunauthorized: token expired"): credentials were sent,
    // and what they bought is no longer accepted (a token cached past its lifetime, a clock skewed against the token
    // service's, a registry token stored in auth.json instead of a password).
    re: /unauthorized: [^\n]{0,40}?\b(token (is |has )?expired|expired token)\b/,
    anchors: ['token expired', 'token is expired', 'token has expired', 'expired token'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['image.auth-missing'],
    check: 'podman logout <registry> && podman login <registry> (a fresh token), and date -u against a reliable clock: a node clock ahead of the token service expires every token at once',
    source: 'containers/image docker/docker_client.go (registry error list rendered as "errors:\\n%s: %s"), distribution token auth (error="invalid_token")',
    samples: [
      'Error: initializing source docker://token.lab.test:5455/team/app:1.0: reading manifest 1.0 in token.lab.test:5455/team/app: errors:\nunauthorized: token expired\nunauthorized: authentication required',
      'time="2026-12-06T23:37:39Z" level=fatal msg="Error parsing image name \\"docker://token.lab.test:5455/team/app:1.0\\": reading manifest 1.0 in token.lab.test:5455/team/app: errors:\\nunauthorized: token expired\\nunauthorized: authentication required\\n"',
    ],
    counterSamples: ['unauthorized: authentication required', 'ECR authorization token expired'],
  }),
  sig({
    id: 'libpod.image-not-known',
    cause: 'image.never-pull-absent',
    // podman build / buildah bud with pulling off (--pull=never, buildah --pull-never, a wrapper that builds offline):
    // libimage looks the FROM image up in the local store only and it is not there. A reference spelled otherwise than
    // the stored one (another registry prefix, a tag typo) is not found locally either. Only the build's form: the
    // bare "Error: <ref>: image not known" also comes from podman tag, rmi or inspect of an absent image and from
    // CRI-O's own store, where no pull policy is involved.
    re: /creating build container: [^\s:"]+(:[^\s:"]+){0,2}(@sha256:[0-9a-f]+)?: image not known\b/,
    anchors: ['image not known'],
    confidence: 0.7,
    specificity: 85,
    alternatives: ['image.invalid-reference', 'image.not-found'],
    check: 'podman images --format "{{.Repository}}:{{.Tag}}" | grep <name>: absent means pull it first (or drop --pull=never); present under another name means the reference differs (registry prefix, tag)',
    source: 'containers/common libimage (storage.ErrImageUnknown, "image not known") as podman and buildah print it',
    samples: [
      'Error: creating build container: reg.lab.test:5000/lab/app:6.0: image not known',
      'STEP 1/3: FROM docker.io/alpine/k8s:1.28.13\nError: creating build container: docker.io/alpine/k8s:1.28.13: image not known',
    ],
    counterSamples: [
      'Error: reg.lab.test:5000/lab/app:5.0: image not known',
      'error building: error creating build container: no such image "fedora:latest" in registry: image not known',
    ],
  }),
  sig({
    id: 'containers-auth.authfile-absent',
    cause: 'image.auth-missing',
    // podman and buildah check --authfile (or REGISTRY_AUTH_FILE) before anything else: the file named does not
    // exist, so there are no credentials to send (a path from another user, a runtime dir that was cleared at logout).
    // (Secret redaction reads the word after "auth.json:" as a value: "<redacted> such file".)
    re: /checking authfile: stat \S+: (no|<redacted>) such file or directory|^(Error: )?stat \S*\/auth\.json: (no|<redacted>) such file or directory/m,
    anchors: ['checking authfile', 'auth.json: no such file', 'auth.json: <redacted> such file'],
    confidence: 0.8,
    specificity: 90,
    check: 'ls -l <the --authfile path>; podman login <registry> --authfile <path> writes it; or drop --authfile to use ${XDG_RUNTIME_DIR}/containers/auth.json',
    source: 'buildah pkg/cli ("checking authfile: %w") and podman\'s --authfile check (os.Stat of the named file)',
    samples: [
      'Error: checking authfile: stat /run/user/1000/containers/auth.json: no such file or directory',
      'Error: stat /root/.config/containers/auth.json: no such file or directory',
    ],
    counterSamples: ['Error: stat /etc/containers/registries.conf: no such file or directory'],
  }),
  sig({
    id: 'containers-auth.auth-field-base64',
    cause: 'image.pullsecret-malformed',
    // The "auth" value of an auth.json entry is not base64 of user:password: containers/image fails to decode it while
    // looking up credentials for the registry and stops the pull there.
    re: /getting username and password: [\s\S]{0,120}?illegal base64 data at input byte \d+/,
    anchors: ['illegal base64 data'],
    confidence: 0.85,
    specificity: 93,
    check: 'jq -r \'.auths["<registry>"].auth\' <auth file> | base64 -d: it must print user:password; rewrite it with podman login',
    source: 'containers/image pkg/docker/config decodeDockerAuth (base64.StdEncoding.DecodeString) under "getting username and password"',
    samples: [
      'Error: initializing source docker://auth.lab.test:5001/private/app:1.0: getting username and password: 1 error occurred:\n\t* illegal base64 data at input byte 3\n\n',
      'time="2026-12-06T23:59:00Z" level=fatal msg="Error parsing image name \\"docker://quay.example.org/acme/api:2\\": getting username and password: 1 error occurred:\\n\\t* illegal base64 data at input byte 12\\n\\n"',
    ],
    counterSamples: ['illegal base64 data at input byte 4'],
  }),
  sig({
    id: 'containers-image.connect-status',
    cause: 'registry.proxy',
    // containers/image's /v2/ ping: Go's transport turns a proxy's non-200 answer to CONNECT into an error that is only
    // the status text after the URL ("Get \"https://…/v2/\": Bad Gateway"), while a registry's own 5xx to the ping
    // reaches containers/image as a response and reads "invalid status code from registry 502 (Bad Gateway)". So in
    // the ping this is the proxy answering: it could not reach the registry (502, 503, 504). Other clients (Docker's
    // blob HEAD, Helm's index fetch) print a server's own 5xx in the same "Get \"…\": Bad Gateway" form, hence the
    // ping context only.
    re: /pinging (container|docker) registry \S+: Get \\?"https:\/\/[^"\s\\]+\/v2\/\\?": (Bad Gateway|Service Unavailable|Gateway Time-?out)(\\?"|\s*$)/m,
    anchors: ['bad gateway', 'service unavailable', 'gateway time'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['registry.connection-refused', 'registry.server-error'],
    check: 'env | grep -i _proxy for the tool (and its systemd unit): the proxy could not open the tunnel to the registry; curl -v -x <proxy> https://<registry>/v2/ shows its answer, and NO_PROXY must list registries reached directly',
    source: 'Go net/http Transport dialConn (CONNECT answered non-200: errors.New(status text)) as containers/image prints it',
    samples: [
      'Error: initializing source docker://reg.lab.test:5000/team/api:2.3: pinging container registry reg.lab.test:5000: Get "https://reg.lab.test:5000/v2/": Bad Gateway',
      'time="2026-12-06T23:50:00Z" level=fatal msg="Error parsing image name \\"docker://quay.io/team/api:2\\": pinging container registry quay.io: Get \\"https://quay.io/v2/\\": Service Unavailable"',
    ],
    counterSamples: [
      'pinging container registry broken.lab.test:5452: invalid status code from registry 502 (Bad Gateway)',
      'Head "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/app/blobs/sha256:8c82": Bad Gateway',
    ],
  }),
  sig({
    id: 'containers-storage.read-only',
    cause: 'runtime.unavailable',
    // containers/storage takes its lock files in the graph root and libpod creates its static directory there: a
    // graph root on a read-only mount (a read-only bind, a remounted root, an image store meant as additionalimagestores)
    // stops every podman and buildah command before any registry is asked.
    re: /(open \S+\/storage\.lock|creating runtime static files directory: mkdir \S+|mkdir \S+\/(overlay|vfs|btrfs)(-images|-layers)?\S*): read-only file system/,
    anchors: ['storage.lock: read-only', 'static files directory', 'read-only file system'],
    confidence: 0.8,
    specificity: 91,
    check: 'podman info --format "{{.Store.GraphRoot}}" then findmnt -T <graphroot>: a ro mount there (or a full remount ro after disk errors, see dmesg) must be made writable, or point storage.conf graphroot elsewhere',
    source: 'containers/storage lockfile (open storage.lock) and libpod runtime ("creating runtime static files directory")',
    samples: [
      'Error: open /tmp/fd/scratch/grid-podman/store/storage.lock: read-only file system',
      'Error: creating runtime static files directory: mkdir /srv/containers/storage/libpod: read-only file system',
      'time="2026-12-06T23:50:21Z" level=warning msg="failed to shutdown storage: \\"open /var/lib/containers/storage/storage.lock: read-only file system\\""',
    ],
    counterSamples: ['mkdir /etc/cni/net.d: read-only file system'],
  }),
];
