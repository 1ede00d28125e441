import type { Signature } from '../types.js';
import { sig } from './define.js';

/** Docker Hub answers a repository that does not exist and a private one alike: the check that tells them apart. */
const MISSING_OR_PRIVATE =
  'does the repository exist under that exact name (a typo, a local build never pushed, a missing namespace: docker.io/library/<name> vs docker.io/<user>/<name>)? If it does, it is private: the pull secret must hold credentials for that registry host';

/** Image and credential texts: kubelet events (facts §4.5), containerd resolver (§4.6), Docker (§4.8), registry codes (§8), references (§7). */
export const IMAGE_SIGNATURES: Signature[] = [
  sig({
    id: 'image.platform-no-match',
    cause: 'image.platform-mismatch',
    // containers/image (CRI-O, podman, skopeo) words the same miss as "no image found in manifest list (image index) for architecture …".
    re: /no match(ing manifest)? for platform|no matching manifest for \S+( [\d.]+)? in the manifest list|does not match the (specified|detected host|expected) platform|image operating system "?\w+"? cannot be used on this platform|no image found in (manifest list|image index) for architecture|no supported platform found in manifest list|a windows version [\d.]+-based image is incompatible with a [\d.]+ host/,
    anchors: ['no match for platform', 'no matching manifest for', 'does not match the', 'cannot be used on this platform', 'no image found in', 'based image is incompatible with', 'no supported platform found'],
    confidence: 0.95,
    specificity: 95,
    source: 'facts §4.6 (containerd platform matcher), Docker manifest list texts',
    samples: [
      'a Windows version 10.0.18362-based image is incompatible with a 10.0.17763 host',
      'Failed to pull image "ghcr.io/acme/tool:1.2": rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/acme/tool:1.2": no match for platform in manifest: not found',
      'Error response from daemon: no matching manifest for linux/arm64/v8 in the manifest list entries',
      // Docker before 17.06.
      'rpc error: code = Unknown desc = no supported platform found in manifest list',
      'failed to pull and unpack image "docker.io/library/app:2": image with reference docker.io/library/app:2 was found but does not match the specified platform: wanted linux/arm64, actual: linux/amd64',
      'Error: initializing source docker://registry.example.org/tools/agent:3: choosing image instance: no image found in image index for architecture "s390x", variant "", OS "linux"',
    ],
    counterSamples: ['failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found'],
  }),
  sig({
    id: 'image.exec-format-error',
    check: 'the binary\'s architecture against the node\'s: uname -m on the node, and crane config <image> | jq .architecture (or docker manifest inspect -v) — a match means the file is a script without interpreter or a corrupt binary, not the image platform',
    cause: 'image.platform-mismatch',
    re: /exec format error/,
    anchors: ['exec format error'],
    confidence: 0.8,
    specificity: 85,
    source: 'kernel ENOEXEC seen when a binary of another architecture starts',
    samples: [
      'exec /usr/local/bin/docker-entrypoint.sh: exec format error',
      'standard_init_linux.go:228: exec user process caused: exec format error',
    ],
    counterSamples: ['exec: "iptables": executable file not found in $PATH'],
  }),
  sig({
    id: 'image.resolve-not-found',
    check: 'does the reference exist? crane ls <registry>/<repository> (or skopeo list-tags docker://<repository>) from a machine with the same credentials; if a mirror is configured for that registry (crictl info | grep -A5 mirrors), try the pull against the upstream directly',
    cause: 'image.not-found',
    re: /failed to resolve (reference|image)[^\n]{0,600}: not found|\/[\w.\/-]+:[\w.-]+: not found\b|code = NotFound desc = failed to pull and unpack image/,
    anchors: ['not found', 'notfound'],
    confidence: 0.85,
    specificity: 70,
    // containerd's resolver tries each host of hosts.toml in order and moves on after a 404; "not found"
    // means every host it tried answered 404 — a mirror without the upstream as fallback, or with a
    // wrong path, reads exactly like a missing tag.
    alternatives: ['registry.mirror-misconfigured'],
    source: 'facts §4.6: containerd resolver "<ref>: not found" (gRPC NotFound); §5.2 (hosts tried in order, then server)',
    samples: [
      'Failed to pull image "nginx:nope": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found',
      'failed to pull and unpack image "quay.io/team/api:v9.9.9": failed to resolve image: quay.io/team/api:v9.9.9: not found',
      'E1103 09:12:44.101212    2211 remote_image.go:180] "PullImage from image service failed" err="rpc error: code = NotFound desc = failed to pull and unpack image \\"registry.example.org/shop/cart:3.1\\": failed to resolve reference \\"registry.example.org/shop/cart:3.1\\": registry.example.org/shop/cart:3.1: not found" image="registry.example.org/shop/cart:3.1"',
    ],
    counterSamples: ['failed to load flannel \'subnet.env\' file: open /run/flannel/subnet.env: no such file or directory'],
  }),
  sig({
    id: 'image.manifest-unknown',
    cause: 'image.not-found',
    re: /manifest unknown|manifest_unknown|manifest for \S+ not found|name unknown|name_unknown|repository name not known to registry|tag does not exist|repository \S+ not found/,
    anchors: ['manifest unknown', 'manifest_unknown', 'manifest for', 'name unknown', 'name_unknown', 'not known to registry', 'tag does not exist', 'repository'],
    confidence: 0.9,
    alternatives: ['image.auth-missing'],
    specificity: 80,
    source: 'facts §8 registry error codes MANIFEST_UNKNOWN, NAME_UNKNOWN; §4.8 Docker text',
    samples: [
      'Error response from daemon: manifest for nginx:1.99 not found: manifest unknown: manifest unknown',
      'failed to copy: httpReadSeeker: failed open: unexpected status code https://quay.io/v2/org/app/manifests/v0: 404 Not Found - Server message: manifest unknown',
      'Error: reading manifest v1 in registry.lab:5000/tools/jq: name unknown: repository name not known to registry',
    ],
    counterSamples: ['manifest for linux/amd64 was found'],
  }),
  sig({
    id: 'image.harbor-repository-unknown',
    cause: 'image.not-found',
    // Harbor wraps a repository it cannot serve in its generic code UNKNOWN ("unknown: repository <project>/<repo>
    // not found"), where a registry that looked and found nothing says NAME_UNKNOWN or MANIFEST_UNKNOWN: a
    // proxy-cache project answers so when its upstream endpoint fails, though the image exists there.
    re: /\bunknown: repository [\w.-]+\/[\w.\/-]+ not found/,
    anchors: ['unknown: repository'],
    confidence: 0.6,
    specificity: 85,
    alternatives: ['registry.server-error', 'image.auth-missing'],
    check: 'is the first path part a Harbor proxy-cache project? then its registry endpoint (Administration > Registries: the health of the upstream, its credentials) decides — the image may well exist upstream; a normal project: the repository name and tag in Harbor',
    source: 'Harbor API errors (code UNKNOWN for repositories it cannot serve; proxy cache projects)',
    samples: ['Error response from daemon: unknown: repository proxy/library/nginx not found', 'failed to resolve reference "harbor.corp/dockerhub/library/redis:7": unknown: repository dockerhub/library/redis not found'],
    counterSamples: ['Error response from daemon: manifest for nginx:1.99 not found: manifest unknown: manifest unknown'],
  }),
  sig({
    id: 'image.harbor-artifact-not-found',
    cause: 'image.not-found',
    // Harbor's own 404 text. In a proxy-cache project Harbor answers it too when its fetch from the
    // upstream registry fails (upstream down, its credentials rejected), so the text alone is not sure.
    re: /artifact \S+ not found/,
    anchors: ['artifact'],
    confidence: 0.75,
    specificity: 81,
    alternatives: ['registry.server-error', 'image.auth-missing'],
    check: 'is the project a Harbor proxy cache (Projects → the project → Proxy Cache on)? then pull the same reference from the upstream registry directly and read Harbor core\'s log for the upstream error; otherwise the tag or digest does not exist in that project',
    source: 'Harbor API errors (NOT_FOUND "artifact <repo>:<ref> not found"; proxy-cache projects fetch from the upstream on a miss)',
    samples: [
      'unexpected status from HEAD request to https://harbor.corp.io/v2/proj/web/manifests/2.0: 404 Not Found\n{"errors":[{"code":"NOT_FOUND","message":"artifact proj/web:2.0 not found"}]}',
      'Error response from daemon: unknown: artifact cache/library/redis@sha256:0c1f not found',
    ],
    counterSamples: ['artifact proj/web:2.0 pushed'],
  }),
  sig({
    id: 'image.image-not-found',
    check: 'crane digest <image> with the pod\'s pull credentials: not found there means a wrong name or tag; found means the node lacks credentials or uses a mirror that lacks it',
    cause: 'image.not-found',
    // Docker's v1 registry client: "Tag %s not found in repository %s" (the repository answered, the tag is not there).
    re: /\bimage \\?"?[\w.\/:@-]+\\?"? not found|\btag \S+\s+not found in\s+repository/,
    anchors: ['not found'],
    confidence: 0.8,
    specificity: 78,
    alternatives: ['image.auth-missing'],
    source: 'runtime clients (ctr, crictl, podman) reporting a missing image',
    samples: ['Error: image library/nginx:1.99.99 not found', 'ctr: image "docker.io/acme/app:v3" not found', 'Error: Tag v1.0.9 not found in repository docker.io/acme/web'],
    counterSamples: ['an image with reference sha256:4f1b was not found'],
  }),
  sig({
    id: 'image.invalid-reference',
    cause: 'image.invalid-reference',
    // Docker before 17.06 wrote a bad reference as 'Error parsing reference: "<ref>" is not a valid repository/tag'.
    re: /invalid reference format|InvalidImageName|couldn't parse image (name|reference)|is not a valid repository\/tag|repository name must (be lowercase|have at least one component)|repository name must not be more than \d+ characters|cannot specify 64-byte hexadecimal strings|invalid checksum digest (format|length)|unsupported digest algorithm|Failed to apply default image tag/,
    anchors: ['invalid reference format', 'invalidimagename', "couldn't parse image", 'is not a valid repository/tag', 'repository name must', 'cannot specify 64-byte', 'invalid checksum digest', 'unsupported digest algorithm', 'failed to apply default image tag'],
    confidence: 0.97,
    specificity: 95,
    source: 'facts §7 (distribution/reference errors), §4.5 InspectFailed',
    samples: [
      'Failed to apply default image tag "Registry.Local/App:1": couldn\'t parse image name "Registry.Local/App:1": invalid reference format: repository name (Registry.Local/App) must be lowercase',
      'Error: InvalidImageName',
      'failed to pull image "nginx:": invalid reference format',
      'Error parsing reference: "localhost:5000/WebApp:v2" is not a valid repository/tag',
    ],
    counterSamples: ['Pulling image "nginx:1.25"'],
  }),
  sig({
    id: 'image.containerd-reference-parse',
    cause: 'image.invalid-reference',
    // containerd's own reference parser (reference.Parse) wants host/path in full: an empty reference or one
    // without a host ("hostname required"), or a scheme in it ("invalid reference"). Its third error, "object
    // required" (no tag or digest), is ctr's habit rather than a malformed name, and threads settle it otherwise.
    re: /failed to resolve reference "[^"\n]*": (hostname required|invalid reference)\b/,
    anchors: ['hostname required', 'invalid reference'],
    confidence: 0.9,
    specificity: 95,
    check: 'write the reference in full, host and repository and tag: docker.io/library/nginx:1.25 (ctr and clients that call containerd directly add neither docker.io/library/ nor a tag), and never a scheme (https://); an empty reference is a templated value that came out empty',
    source: 'containerd reference package (ErrInvalid "invalid reference", ErrObjectRequired "object required", ErrHostnameRequired "hostname required")',
    samples: ['ctr: failed to resolve reference "https://reg.lab/app:1": invalid reference', 'ERRO[0000] Failed to pull ctr image: failed to resolve reference "": hostname required  ref='],
    counterSamples: ['failed to resolve reference "docker.io/library/nginx:1.25": failed to do request: Head "https://registry-1.docker.io/v2/library/nginx/manifests/1.25": dial tcp: i/o timeout'],
  }),
  sig({
    id: 'image.ggcr-reference-parse',
    cause: 'image.invalid-reference',
    // go-containerregistry's name.ParseReference (crane, ko, trivy, kaniko, flux): neither a tag nor a digest
    // reference parses. Only beside an image: other programs parse other references with the same words.
    re: new RegExp(`(?<key>could not parse reference: )(?:(?<=(image|registry|crane|pull)[\\s\\S]*?)|(?=[\\s\\S]*?(image|registry|crane|pull)))`),
    anchors: ['could not parse reference: '],
    confidence: 0.85,
    specificity: 94,
    check: 'the reference as the tool received it (a templated value that came out empty or cut short is the usual cause): it must read [host/]repository[:tag][@sha256:digest], lowercase',
    source: 'go-containerregistry pkg/name ParseReference ("could not parse reference: %s")',
    samples: ['image scan error: failed to parse the image name: could not parse reference: k', 'Error: parsing reference "ghcr.io/Acme/App:1": could not parse reference: ghcr.io/Acme/App:1 (crane pull)'],
    counterSamples: ['warning: could not parse reference: John 3:16'],
  }),
  sig({
    id: 'image.reference-uppercase',
    cause: 'image.invalid-reference',
    // Repository names are lowercase by the distribution grammar; tools that check a reference before any pull
    // say so in their own words.
    re: /(image|reference|repository)[^\n]{0,60}contains? (uppercase|upper-case|capital) letters/,
    anchors: ['uppercase letters', 'upper-case letters', 'capital letters'],
    confidence: 0.9,
    specificity: 94,
    check: 'write the repository part of the reference in lowercase (the tag may keep its case), and a tag after ":" rather than "@" (which introduces a digest)',
    source: 'distribution reference grammar (path components are lowercase); tool-side reference checks',
    samples: ['failed to parse config: container image contains uppercase letters: example.org/MYIMAGE@latest', 'error: image reference contains uppercase letters: Registry.Local/App:1'],
    counterSamples: ['password contains uppercase letters'],
  }),
  sig({
    id: 'image.helm-oci-object-required',
    cause: 'image.invalid-reference',
    // Helm resolves an oci:// chart through containerd's reference parser; "object required" there is a reference
    // with no chart path or version after the host — an oci:// repository given with --repo, or a URL cut short.
    re: /oci:\/\/[^\n]{0,300}(is not a valid chart repository or cannot be reached|failed to)[^\n]{0,80}: object required/,
    anchors: ['object required'],
    confidence: 0.75,
    specificity: 95,
    alternatives: ['image.not-found'],
    check: 'name the chart by its full OCI reference with its version (helm pull oci://<host>/<path>/<chart> --version <v>); an oci:// URL is not a chart repository, so --repo oci://… (or repoURL without the chart path in Argo CD) cannot work',
    source: 'Helm OCI support (containerd reference parser: ErrObjectRequired "object required")',
    samples: ['Error: looks like "oci://gcr.io/demo/chart" is not a valid chart repository or cannot be reached: object required', 'helm pull oci://ghcr.io/acme failed to do request: object required'],
    counterSamples: ['ctr: failed to resolve reference "localhost:32000/my-busybox": object required'],
  }),
  sig({
    id: 'image.auth-required',
    cause: 'image.auth-missing',
    // A token fetch that failed in transport (dial, reset, timeout) is the network's failure, judged by the transport signatures.
    re: /no basic auth credentials|authentication required|insufficient_scope|failed to fetch anonymous token(?![\s\S]{0,400}(dial tcp|connect: |connection reset|i\/o timeout|no such host|tls handshake timeout))|401 unauthorized|unauthorized: authentication required|no (user|username)\/password was provided|registry needs login/,
    anchors: ['no basic auth credentials', 'authentication required', 'insufficient_scope', 'anonymous token', '401 unauthorized', '/password was provided', 'registry needs login'],
    confidence: 0.85,
    specificity: 85,
    // The kubelet hands the runtime the credentials whose auths key matches the image's registry host;
    // a secret keyed for another host (or a differently written one) sends none, like no secret at all.
    // A pull secret the kubelet cannot parse is skipped (with a warning in its log), so that pull goes anonymous too.
    alternatives: ['image.not-found', 'image.pullsecret-missing', 'image.pullsecret-wrong-registry', 'image.pullsecret-malformed', 'image.auth-rejected'],
    check: 'the pod\'s imagePullSecrets (kubectl get pod <pod> -o jsonpath={.spec.imagePullSecrets}) must hold an auths entry for the image\'s registry host, written as the image names it (host:port)',
    source: 'facts §4.6 authorizer, §8 UNAUTHORIZED',
    samples: [
      'Failed to pull image "602401143452.dkr.ecr.eu-west-1.amazonaws.com/app:v2": rpc error: code = Unknown desc = Error response from daemon: Get https://602401143452.dkr.ecr.eu-west-1.amazonaws.com/v2/app/manifests/v2: no basic auth credentials',
      'failed to pull and unpack image "docker.io/acme/private:1": failed to resolve reference "docker.io/acme/private:1": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
      'failed to resolve reference "ghcr.io/acme/internal:latest": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aacme%2Finternal%3Apull&service=ghcr.io: 401 Unauthorized',
    ],
    counterSamples: ['unauthorized: incorrect username or password'],
  }),
  sig({
    id: 'image.cri-not-found-bare',
    cause: 'image.not-found',
    // The CRI's gRPC status for a pull: NotFound is the runtime saying the reference does not resolve. Only when the text
    // stops there (cut by the poster or the UI): the runtime's own description, when present, is judged by the other signatures.
    re: /failed to pull image [^\n]{0,300}?rpc error: code = notfound\\?"?\s*$/,
    anchors: ['code = notfound'],
    confidence: 0.8,
    specificity: 85,
    alternatives: ['image.auth-missing'],
    check: 'crictl pull <image> on the node prints the runtime\'s full text: a tag or digest that the repository does not have (skopeo list-tags docker://<repo>), or a private repository that answers like a missing one',
    source: 'CRI PullImage gRPC status codes (containerd maps errdefs.NotFound to codes.NotFound)',
    samples: ['Failed to pull image "docker.io/bitnami/postgresql:16.1.0-debian-11-r26": rpc error: code = NotFound', 'Warning  Failed  12s  kubelet  Failed to pull image "quay.io/acme/app:9": rpc error: code = NotFound  '],
    counterSamples: ['Failed to pull image "nginx": rpc error: code = Unknown desc = failed to resolve reference', 'Failed to pull image "nginx": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:latest": unexpected media type text/html: not found'],
  }),
  sig({
    id: 'image.ecr-token-throttled',
    cause: 'image.rate-limited',
    // The kubelet's ECR provider asks the ECR API for a token per pull burst; the API throttles it like any AWS call.
    re: /(ecr authorization token|getauthorizationtoken)[^\n]{0,200}(throttlingexception|rate exceeded|toomanyrequests)/,
    anchors: ['ecr authorization token', 'getauthorizationtoken'],
    confidence: 0.85,
    specificity: 96,
    check: 'the AWS API rate for GetAuthorizationToken in that account and region (CloudTrail ThrottlingException): many nodes pulling at once each ask for a token; the ECR credential provider caches tokens for 12 h when its cache is enabled',
    source: 'kubelet ECR credential provider (aws_credentials.go: "while requesting ECR authorization token"), AWS API throttling',
    samples: ['aws_credentials.go:199] while requesting ECR authorization token ThrottlingException: Rate exceeded', 'error getting credentials - err: exit status 1, out: `operation error ECR: GetAuthorizationToken, https response error StatusCode: 400, api error ThrottlingException: Rate exceeded`'],
    counterSamples: ['aws_credentials.go:194] while requesting ECR authorization token RequestError: send request failed caused by: Post https://api.ecr.us-east-1.amazonaws.com/: dial tcp i/o timeout'],
  }),
  sig({
    id: 'image.quay-tag-expired',
    cause: 'image.not-found',
    // Quay removes a tag that was deleted or whose expiry passed; it stays only in the repository's time machine.
    re: /tag \S+ was deleted or has expired/,
    anchors: ['was deleted or has expired'],
    confidence: 0.9,
    specificity: 92,
    check: 'the repository\'s tags on Quay (its Tags and time-machine history): pin an existing tag or digest, or restore the tag',
    source: 'Quay registry: tags with an expiration or deleted tags ("Tag … was deleted or has expired. To pull, revive via time machine")',
    samples: ['Error response from daemon: unknown: Tag latest was deleted or has expired. To pull, revive via time machine', 'reading manifest 1.2 in quay.io/acme/app: unknown: Tag 1.2 was deleted or has expired. To pull, revive via time machine'],
    counterSamples: ['manifest unknown: manifest unknown'],
  }),
  sig({
    id: 'image.dockerconfigjson-not-base64',
    cause: 'image.pullsecret-malformed',
    // A Secret's data values are base64; a .dockerconfigjson written there in plain text (instead of stringData) is refused or decoded to garbage.
    re: /base64[^\n]{0,120}\.dockerconfigjson|\.dockerconfigjson[^\n]{0,120}(illegal base64|not base64|base64 encoded)/,
    anchors: ['.dockerconfigjson'],
    confidence: 0.75,
    specificity: 88,
    check: 'kubectl get secret <name> -o jsonpath={.data.\\.dockerconfigjson} | base64 -d | jq .auths: the value must be the base64 of {"auths":{…}} (or written under stringData); create it with kubectl create secret docker-registry',
    source: 'Kubernetes Secret data encoding (data is base64, stringData is plain)',
    samples: ["Can not create a secret, it is base64 encoded? data: {'.dockerconfigjson': 'Base64EncodedValue'}", 'Secret "regcred" is invalid: data[.dockerconfigjson]: illegal base64 data at input byte 0'],
    counterSamples: ['kubectl create secret docker-registry regcred --docker-server=reg.example.com'],
  }),
  sig({
    id: 'image.reference-syntax',
    cause: 'image.invalid-reference',
    // Other clients' reference parsers (apple/container, Charliecloud) word the same refusal their own way.
    re: /error: invalid reference \S+\s*$|image ref syntax|invalid (remote )?image '[^'\n]*': empty name or empty tag/,
    anchors: ['invalid reference ', 'image ref syntax', 'empty name or empty tag'],
    confidence: 0.8,
    specificity: 80,
    check: 'the image reference as written: [registry/]repository[:tag|@digest], repository in lower case, no scheme and no spaces',
    source: 'container image reference grammar (distribution/reference), as other clients report a parse failure',
    samples: ['Error: invalid reference countryDaysTrackerBotKotlin', 'error: image ref syntax, at end: CapName', "Invalid remote image 'reg.example.io/team/:latest': empty name or empty tag"],
    counterSamples: ['Error: invalid reference to undefined variable'],
  }),
  sig({
    id: 'image.gitea-package-access',
    cause: 'image.auth-rejected',
    // Gitea's package registry answers every request its package-access check refuses with the check's name:
    // a user or token without access to the owner's packages, or no login at all.
    re: /unauthorized: reqpackageaccess/,
    anchors: ['reqpackageaccess'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['image.auth-missing', 'image.not-found'],
    check: 'log in to the Gitea registry with a user (or token with the read:package scope) that can see the owner\'s packages, and check the package is linked to that owner or repository: docker login <gitea host> then docker pull again',
    source: 'Gitea package registry (routers/api/packages: reqPackageAccess)',
    samples: ['Error response from daemon: unauthorized: reqPackageAccess', 'failed to resolve reference "git.corp/acme/app:1": unexpected status from HEAD request to https://git.corp/v2/acme/app/manifests/1: 401 Unauthorized: unauthorized: reqPackageAccess'],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'image.rate-limit-retry-after',
    cause: 'image.rate-limited',
    // oras and other clients log the registry's Retry-After with the quota it was told ("allowed: N/minute").
    re: /retry-after:?[^\n]{0,80}allowed: \d+\s*\/\s*(second|minute|hour|day)/,
    anchors: ['retry-after'],
    confidence: 0.85,
    specificity: 90,
    check: 'the registry\'s quota for this client (anonymous pulls share one per source IP): log in, spread pulls over time, or pull through a mirror or cache',
    source: 'HTTP 429 Retry-After as registry clients report it (oras)',
    samples: ['ERROR: oras.logger:retry-after: 1.889377ms, allowed: 2000/minute', 'WARN retry-after: 30s, allowed: 100/hour'],
    counterSamples: ['retry after 5s'],
  }),
  sig({
    id: 'image.gc-over-high-threshold',
    cause: 'image.disk-full',
    // The kubelet's image garbage collector: the image filesystem crossed imageGCHighThresholdPercent.
    re: /disk usage on [^\n]{0,120}is at \d+% which is over the high threshold/,
    anchors: ['over the high threshold'],
    confidence: 0.8,
    specificity: 90,
    check: 'df -h on the runtime\'s image filesystem (/var/lib/containerd or /var/lib/docker): if the collector cannot get under imageGCLowThresholdPercent (images in use), the disk needs room or the node more disk',
    source: 'kubelet image garbage collection (pkg/kubelet/images/image_gc_manager.go)',
    samples: [
      'I0906 10:35:35.058102 5345 image_gc_manager.go:300] [imageGCManager]: Disk usage on image filesystem is at 85% which is over the high threshold (85%). Trying to free 5487241625 bytes down to the low threshold (80%).',
      'Disk usage on "/dev/xvdf" (/vol/docker) is at 94% which is over the high threshold (90%). Trying to free 14006699622 bytes',
    ],
    counterSamples: ['imageGCHighThresholdPercent: 85'],
  }),
  sig({
    id: 'image.basic-auth-attempt-401',
    cause: 'image.auth-rejected',
    // Docker's login tries each challenge with the credentials given; a basic attempt is only made with a
    // username and password (without them the handler says "no basic auth credentials"), so a 401 refuses them.
    re: /basic auth attempt to \S+ realm ("[^"\n]*"|\S+) failed with status: 401/,
    anchors: ['basic auth attempt'],
    confidence: 0.85,
    specificity: 88,
    alternatives: ['image.auth-missing'],
    check: 'the username and password given to docker login (or the pull secret\'s auths entry for that host): a registry behind a reverse proxy may also check its own basic-auth realm',
    source: 'docker registry login (loginV2: "no successful auth challenge for … - errors: …"), distribution auth challenge handlers',
    samples: [
      'Error response from daemon: no successful auth challenge for https://registry.corp:5000/v2/ - errors: [basic auth attempt to https://registry.corp:5000/v2/ realm "Registry Realm" failed with status: 401 Unauthorized]',
      'login attempt to https://10.0.0.9/v2/ failed: basic auth attempt to https://10.0.0.9/v2/ realm "basic-realm" failed with status: 401 Unauthorized',
    ],
    counterSamples: ['no basic auth credentials'],
  }),
  sig({
    id: 'image.credential-helper-failed',
    cause: 'image.auth-missing',
    // Docker's credsStore / credHelpers program failed: the client has no credentials to send (or stops before the pull).
    // Keyed on the helper's name (docker-credential-*): secret redaction may take the word "Credentials" after "StoreError:".
    re: /store docker-credential-\S+ exited with|error getting credentials - err: /,
    anchors: ['docker-credential-', 'error getting credentials'],
    confidence: 0.7,
    specificity: 70,
    alternatives: ['image.auth-rejected'],
    check: 'credsStore / credHelpers in ~/.docker/config.json: run the helper named (docker-credential-<name> list) on that machine; a helper that is missing, locked (pass, gpg) or from another OS (docker-credential-desktop.exe in WSL) must be fixed or the entry removed',
    source: 'docker CLI credential helpers (docker-credential-helpers: "error getting credentials - err: …")',
    samples: [
      'docker.credentials.errors.StoreError: Credentials store docker-credential-secretservice exited with "Cannot autolaunch D-Bus without X11 $DISPLAY".',
      'error getting credentials - err: exec: "docker-credential-desktop.exe": executable file not found in $PATH, out: ``',
    ],
    counterSamples: ['no basic auth credentials'],
  }),
  sig({
    id: 'image.pull-access-denied',
    cause: 'image.auth-missing',
    // Docker's wrapper, and Docker Hub's answer: the same text for a repository that does not exist and for a private one.
    re: /pull access denied|may require (authorization|'docker login')/,
    anchors: ['pull access denied', 'may require'],
    confidence: 0.55,
    specificity: 60,
    // In a pod, no credentials sent is often an imagePullSecret the pod names but its namespace lacks.
    alternatives: ['image.not-found', 'image.auth-rejected', 'image.pullsecret-missing'],
    check: MISSING_OR_PRIVATE,
    source: 'facts §4.8 (Docker: pull access denied … repository does not exist or may require \'docker login\'), §8 DENIED',
    samples: [
      'Error response from daemon: pull access denied for acme/secret-app, repository does not exist or may require \'docker login\': denied: requested access to the resource is denied',
      'Failed to pull image "billing-worker:dev": rpc error: code = Unknown desc = Error response from daemon: pull access denied for billing-worker, repository does not exist or may require \'docker login\'',
    ],
    counterSamples: ['unauthorized: incorrect username or password'],
  }),
  sig({
    id: 'image.resource-denied',
    cause: 'image.auth-missing',
    // Docker Hub's DENIED: the same text for a repository that does not exist and for a private one pulled without (or with wrong) credentials.
    re: /requested access to the resource is denied/,
    anchors: ['requested access to the resource is denied'],
    confidence: 0.55,
    specificity: 83,
    alternatives: ['image.not-found', 'image.auth-rejected'],
    check: MISSING_OR_PRIVATE,
    source: 'facts §4.8, §8 DENIED (Docker Hub wording)',
    samples: [
      'Failed to pull image "docker.io/acme/ledger:4": rpc error: code = Unknown desc = Error response from daemon: pull access denied for acme/ledger, repository does not exist or may require \'docker login\': denied: requested access to the resource is denied',
      'denied: requested access to the resource is denied',
    ],
    counterSamples: ['denied: denied'],
  }),
  sig({
    id: 'image.credentials-rejected',
    cause: 'image.auth-rejected',
    re: /incorrect username or password|access forbidden|403 forbidden|(^|: )denied: \w|\\*"code\\*":\s*\\*"denied\\*"|unauthorized: you don't have the needed permissions|invalid username or password|the client does not have permission for|could not be authenticated by the github packages service|invalid username\/password/,
    anchors: ['incorrect username or password', 'access forbidden', '403 forbidden', 'denied:', '"denied', 'unauthorized:', 'invalid username/password', 'does not have permission for', 'github packages service', 'invalid username or password'],
    confidence: 0.8,
    specificity: 82,
    // ECR and other IAM-scoped registries deny a mistyped or missing repository like a forbidden one.
    alternatives: ['image.pullsecret-wrong-registry', 'image.auth-missing', 'image.not-found'],
    check: 'the credentials the node sends for that host: the pull secret\'s auths entry (kubectl get secret <name> -o jsonpath={.data.\\.dockerconfigjson} | base64 -d) — wrong, expired, or without access to that repository',
    source: 'facts §4.6 (oauth token, 403), §8 DENIED',
    samples: [
      'Error response from daemon: Head "https://registry-1.docker.io/v2/acme/api/manifests/latest": unauthorized: incorrect username or password',
      'failed to pull and unpack image "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:3": failed to resolve reference: unexpected status from HEAD request to https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/web/manifests/3: 403 Forbidden',
      'GET https://registry.corp/v2/team/app/manifests/1.2: UNAUTHORIZED: The client does not have permission for manifest',
      // The registry's JSON error body quoted inside another tool's log line keeps its escaped quotes.
      'could not list tags: http: non-successful response (status=403 body=\\"{\\\\\\"errors\\\\\\":[{\\\\\\"code\\\\\\":\\\\\\"DENIED\\\\\\",\\\\\\"message\\\\\\":\\\\\\"invalid token\\\\\\"}]}\\")',
    ],
    counterSamples: [
      'no basic auth credentials',
      'Error from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods"',
      'OCI runtime create failed: runc create failed: unable to start container process: exec: "/docker-entrypoint.sh": permission denied: unknown',
    ],
  }),
  sig({
    // docker login sends the credentials it was given to the registry's /v2/ root: a 401 there is those
    // credentials refused (a pull's own 401 names the manifest or blob path, or the token endpoint).
    id: 'image.login-rejected',
    cause: 'image.auth-rejected',
    re: /login attempt to \S+ failed with status: 401|\bGet "?https?:\/\/[^\s"\/]+\/v2\/"?: unauthorized\b/,
    anchors: ['login attempt to', '/v2/": unauthorized', '/v2/: unauthorized'],
    confidence: 0.8,
    specificity: 88,
    alternatives: ['image.auth-missing'],
    check: 'the user and password (or token) given to docker login: for robot or service accounts quote the name in the shell (\'robot$ci\' — "$ci" unquoted expands to nothing), use the CLI secret or token the registry issues rather than an SSO password, and note that repeated failures can lock the account for a while',
    source: 'Docker registry client login (ping of the /v2/ root with the given credentials; "login attempt to <url> failed with status")',
    samples: [
      'Error response from daemon: login attempt to https://registry.example.org/v2/ failed with status: 401 Unauthorized',
      'Error response from daemon: Get "https://nexus.corp.local:8443/v2/": unauthorized: access to the requested resource is not authorized',
    ],
    counterSamples: ['Error response from daemon: Head "https://registry.example.org/v2/app/manifests/1": unauthorized: authentication required'],
  }),
  sig({
    id: 'image.token-expired',
    cause: 'image.auth-rejected',
    // ECR and other token registries: the credentials were sent, but the short-lived token in them expired.
    re: /authorization token has expired|security token included in the request is (invalid|expired)/,
    anchors: ['authorization token has expired', 'security token included in the request'],
    confidence: 0.93,
    specificity: 93,
    alternatives: ['image.pullsecret-malformed'],
    source: 'ECR authorization tokens (12 h lifetime): DENIED with an expired or invalid token',
    samples: [
      'Error response from daemon: Head "https://111122223333.dkr.ecr.eu-central-1.amazonaws.com/v2/api/manifests/7": denied: Your authorization token has expired. Reauthenticate and try again.',
      'level=error msg="Not continuing with pull after error: denied: The security token included in the request is expired"',
    ],
    counterSamples: ['no basic auth credentials'],
  }),
  sig({
    id: 'image.denied-denied',
    cause: 'image.auth-rejected',
    // GHCR's bare "denied": sent by a stale or empty credential for the host as well as for a private package without one.
    re: /\bdenied: denied\b/,
    anchors: ['denied: denied'],
    confidence: 0.6,
    specificity: 84,
    alternatives: ['image.auth-missing', 'image.not-found'],
    check: 'which credential is sent for that host? a stale or empty entry in the pull secret or the node\'s config.json is sent even to a public package (remove it); a private package needs a token with read access',
    source: 'registry DENIED error code (distribution spec) as GitHub Container Registry words it',
    samples: [
      'Error response from daemon: Head "https://ghcr.io/v2/acme/tool/manifests/2.1": denied: denied',
      'failed to resolve reference "ghcr.io/acme/tool:2.1": unexpected status from HEAD request to https://ghcr.io/v2/acme/tool/manifests/2.1: denied: denied',
    ],
    counterSamples: ['denied: requested access to the resource is denied'],
  }),
  sig({
    id: 'image.quay-not-authorized',
    cause: 'image.auth-missing',
    // Quay answers a repository that does not exist exactly like a private one.
    re: /unauthorized: access to the requested resource is not authorized/,
    anchors: ['access to the requested resource is not authorized'],
    confidence: 0.5,
    specificity: 84,
    alternatives: ['image.not-found', 'image.auth-rejected'],
    check: 'open the repository page on the registry (https://quay.io/repository/<org>/<name>): a wrong organisation or name gives this same answer; if it exists and is private, the pull secret needs a robot account for it',
    source: 'registry UNAUTHORIZED error code (distribution spec) as Quay words it',
    samples: [
      'Error: initializing source docker://quay.io/acme/agent:1.4: reading manifest 1.4 in quay.io/acme/agent: unauthorized: access to the requested resource is not authorized',
      'Error response from daemon: unauthorized: access to the requested resource is not authorized',
    ],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'image.redhat-login',
    cause: 'image.auth-missing',
    re: /please login to the red hat registry/,
    anchors: ['please login to the red hat registry'],
    confidence: 0.75,
    specificity: 94,
    alternatives: ['image.auth-rejected', 'image.pullsecret-missing', 'image.pullsecret-wrong-registry'],
    check: 'registry.redhat.io needs a registry service account in the pull secret (registry.access.redhat.com needs none); the same text answers credentials it rejects, so check that the secret\'s auths entry is for registry.redhat.io',
    source: 'registry.redhat.io UNAUTHORIZED text (Red Hat registry authentication)',
    samples: [
      'Error initializing source docker://registry.redhat.io/ubi9/nodejs-20:latest: unable to retrieve auth token: invalid username/password: unauthorized: Please login to the Red Hat Registry using your Customer Portal credentials.',
      'Get https://registry.redhat.io/v2/rhel9/redis-7/manifests/1: unauthorized: Please login to the Red Hat Registry using your Customer Portal credentials.',
    ],
    counterSamples: ['unauthorized: incorrect username or password'],
  }),
  sig({
    id: 'image.no-pull-access',
    cause: 'image.not-found',
    // Docker Engine (older): "repository X not found: does not exist or no pull access" — missing or private.
    re: /does not exist or no pull access/,
    anchors: ['no pull access'],
    confidence: 0.55,
    specificity: 83,
    alternatives: ['image.auth-missing', 'image.auth-rejected'],
    check: 'pull the same reference by hand with the pull secret\'s credentials (crictl pull --creds user:token <image>): found then means the credentials on the node are missing or expired',
    source: 'facts §4.8 (Docker Engine texts)',
    samples: [
      'Error response from daemon: repository registry.example.org/team/api not found: does not exist or no pull access',
      'PullImage "acme/worker:5" from image service failed: rpc error: code = Unknown desc = Error response from daemon: repository acme/worker not found: does not exist or no pull access',
    ],
    counterSamples: ['manifest unknown: manifest unknown'],
  }),
  sig({
    // Containerd fetches an oauth token only when it has credentials to send: a refusal means they are wrong.
    id: 'image.oauth-token-refused',
    check: 'kubectl get secret <pull secret> -o jsonpath=\'{.data.\\.dockerconfigjson}\' | base64 -d: is there an auths entry for exactly this registry host, and does docker login <host> with those credentials work?',
    cause: 'image.auth-rejected',
    re: /failed to fetch oauth token(?!: unexpected status: 5\d\d)(?![\s\S]{0,400}(dial tcp|connect: |connection reset|i\/o timeout|no such host|tls handshake timeout))/,
    anchors: ['oauth token'],
    confidence: 0.85,
    specificity: 88,
    alternatives: ['image.pullsecret-wrong-registry'],
    source: 'facts §4.6 (failed to fetch oauth token), §8 (token request with credentials)',
    samples: [
      'failed to resolve reference "registry.gitlab.com/grp/svc:1.0": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://gitlab.com/jwt/auth?scope=repository%3Agrp%2Fsvc%3Apull&service=container_registry: 403 Forbidden',
      'failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized',
    ],
    counterSamples: ['failed to fetch anonymous token: unexpected status: 401 Unauthorized'],
  }),
  sig({
    id: 'image.pullsecret-not-retrieved',
    cause: 'image.pullsecret-missing',
    re: /FailedToRetrieveImagePullSecret|unable to retrieve (some image )?pull secrets?/,
    anchors: ['failedtoretrieveimagepullsecret', 'pull secret'],
    confidence: 0.75,
    specificity: 90,
    // A Warning, not the failure: the kubelet still pulls without the missing secret (it fails only if the image needs it).
    alternatives: ['image.auth-missing'],
    check: 'kubectl get secret <name> -n <pod namespace> (it must exist in the pod\'s namespace); then read the Failed event that follows — a pull that fails for another reason (not found, timeout) is not about this secret',
    source: 'facts §4.5 FailedToRetrieveImagePullSecret (K8s ≥ 1.28), §6',
    samples: [
      'Warning  FailedToRetrieveImagePullSecret  12s  kubelet  Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.',
      'Unable to retrieve pull secret shop/regcred for shop/web-7d9f-abcde due to secrets "regcred" not found.  The image pull may not succeed.',
    ],
    counterSamples: ['configmaps "kube-flannel-cfg" not found'],
  }),
  sig({
    // A missing secret is most often a pull secret in this tool's domain, but TLS and token secrets go missing too.
    id: 'image.secret-not-found',
    check: 'kubectl get secret <name> -n <pod namespace>: pull secrets are namespaced, so the secret must exist in the pod\'s own namespace (and be listed in the pod or its service account)',
    cause: 'image.pullsecret-missing',
    re: /secrets? \\?"[^"\\]+\\?" not found/,
    anchors: ['secret'],
    confidence: 0.6,
    specificity: 70,
    source: 'API NotFound text for a secret (facts §6: a missing imagePullSecret)',
    samples: [
      'MountVolume.SetUp failed for volume "registry-creds" : secret "ghcr-login" not found',
      'Error: secrets "docker-hub" not found',
    ],
    counterSamples: ['configmaps "kube-flannel-cfg" not found'],
  }),
  sig({
    id: 'image.pullsecret-bad-auth-field',
    cause: 'image.pullsecret-malformed',
    // The kubelet's "couldn't find key %s in Secret %s/%s" (a key a pod refers to): a .dockerconfigjson key
    // missing is a registry secret of another type or shape (Opaque with other keys, .dockercfg).
    re: /unable to parse auth field|must be formatted as base64\(username:password\)|(secret|dockerconfig|auth)[^\n]{0,120}illegal base64 data at input byte|\.docker(configjson|cfg)\b[^\n]{0,200}(invalid|illegal base64|cannot unmarshal|unexpected end of json|required value)|couldn't find key \.docker(configjson|cfg) in secret|cannot unmarshal [^\n]{0,80}(dockerconfigjson|dockerconfig|\.dockercfg)\b/,
    anchors: ['unable to parse auth field', 'base64(username:password)', '.dockerconfigjson', '.dockercfg', 'illegal base64 data', 'dockerconfig'],
    confidence: 0.9,
    specificity: 92,
    source: 'facts §6 (credentialprovider auth field)',
    samples: [
      'unable to parse auth field, must be formatted as base64(username:password)',
      'error decoding auth in pull secret shop/regcred: illegal base64 data at input byte 8',
      'The Secret "regcred" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character \'e\' looking for beginning of value',
      'error: failed to create secret Secret "pull" is invalid: data[.dockerconfigjson]: Required value',
      "Error: couldn't find key .dockerconfigjson in Secret shop/regcred",
      'Failed to pull image "docker.io/acme/app:1": json: cannot unmarshal array into Go struct field DockerConfigJson.auths of type string',
    ],
    counterSamples: ['kubectl create secret docker-registry regcred --docker-server=reg.local'],
  }),
  sig({
    id: 'image.rate-limit',
    cause: 'image.rate-limited',
    // The registry's own error code (TOOMANYREQUESTS) and Docker Hub's pull-limit text name the cause; a bare
    // HTTP 429 does so only next to a registry request (the API server, webhooks and apps answer 429 too).
    re: /toomanyrequests:|pull rate limit|(:\/\/[^\/\s"\\]+\/v2\/|registry|pull|manifests?\b|blobs?\/)[^\n]{0,600}(too many requests|rate limit exceeded|\b(?:status|code)[ :=]+429\b|: 429\b)/,
    anchors: ['toomanyrequests', 'too many requests', 'rate limit', '429'],
    confidence: 0.95,
    specificity: 92,
    source: 'facts §8 TOOMANYREQUESTS, Docker Hub pull limit text',
    samples: [
      'failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/redis/manifests/sha256:4f1b: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limits',
      'Error response from daemon: toomanyrequests: Rate exceeded',
      'unexpected status from HEAD request to https://registry-1.docker.io/v2/library/busybox/manifests/1.36: 429 Too Many Requests',
    ],
    counterSamples: ['Pulled image "busybox:1.36" in 429ms', 'I1127 00:01:26.519429 1 event.go:307] container 9f1c4e4bbdd1429 namespace=k8s.io started', 'Error from server (TooManyRequests): the server has received too many requests and has asked us to try again later'],
  }),
  sig({
    id: 'image.rate-limit-bare',
    cause: 'image.rate-limited',
    re: /too many requests|rate limit exceeded|\b(?:status|code)[ :=]+429\b/,
    anchors: ['too many requests', 'rate limit', '429'],
    confidence: 0.6,
    specificity: 91,
    check: 'who answered 429? a registry (an image pull, its /v2/ URL) limits pulls per IP or account — authenticate or use a mirror; the API server answers TooManyRequests under its own API priority and fairness limits, and webhooks or applications under theirs, none of which a pull fix touches',
    source: 'HTTP 429 Too Many Requests (RFC 6585), as registries and other servers send it',
    samples: ['Error from server (TooManyRequests): the server has received too many requests and has asked us to try again later', 'error: status 429'],
    counterSamples: ['Pulled image "busybox:1.36" in 429ms'],
  }),
  sig({
    id: 'image.never-pull',
    cause: 'image.never-pull-absent',
    re: /ErrImageNeverPull|is not present with pull policy of Never/,
    anchors: ['errimageneverpull', 'pull policy of never'],
    confidence: 0.97,
    specificity: 95,
    source: 'facts §4.5 ErrImageNeverPull',
    samples: ['Container image "myapp:dev" is not present with pull policy of Never', 'Error: ErrImageNeverPull'],
    counterSamples: ['Container image "myapp:dev" already present on machine'],
  }),
  sig({
    id: 'image.local-only-absent',
    cause: 'image.never-pull-absent',
    // The client was told not to pull and the image is not in its local store: Podman's localhost/ images are
    // local-only by definition, and pack's --pull-policy never looks only at the daemon. Kubernetes' own
    // form is ErrImageNeverPull (image.never-pull).
    re: /localhost\/-prefixed images are local-only|does not exist on the daemon: not found/,
    anchors: ['localhost/-prefixed images are local-only', 'does not exist on the daemon'],
    confidence: 0.8,
    specificity: 94,
    alternatives: ['image.not-found'],
    check: 'is the image in that node\'s (or daemon\'s) local store? podman images / docker images / crictl images | grep <name>: build or load it there (podman load, kind load docker-image, ctr -n k8s.io images import), or let the client pull it from a registry (a pull policy other than never, a reference with a registry host)',
    source: 'Podman/containers-image ("localhost/-prefixed images are local-only"), pack (imgutil local: "does not exist on the daemon")',
    samples: ['failed to create image: localhost/app:dev: image localhost/app:dev not found in local storage: localhost/-prefixed images are local-only', "ERROR: failed to build: failed to fetch builder image 'index.docker.io/acme/builder:1': image index.docker.io/acme/builder:1 does not exist on the daemon: not found"],
    counterSamples: ['Successfully tagged localhost/app:dev'],
  }),
  sig({
    id: 'image.devmapper-thin-pool-full',
    cause: 'image.disk-full',
    // Docker's devicemapper storage keeps images and containers in an LVM thin pool; below dm.min_free_space it
    // refuses to create more: the image store is full though the filesystem may not be.
    re: /thin pool has \d+ free (data|metadata) blocks which is less than minimum required/,
    anchors: ['thin pool has'],
    confidence: 0.9,
    specificity: 93,
    check: 'lvs (Data% and Meta% of the docker thin pool) and docker system df: remove unused images and containers (docker system prune), extend the pool (lvextend), or move to overlay2',
    source: 'dockerd devicemapper driver (dm.min_free_space check)',
    samples: ['devmapper: Thin Pool has 0 free data blocks which is less than minimum required 20253 free data blocks. Create more free space in thin pool or use dm.min_free_space option to change behavior', 'Thin Pool has 161021 free data blocks which is less than minimum required 163840 free data blocks'],
    counterSamples: ['devmapper: Thin Pool has 9000000 free data blocks'],
  }),
  sig({
    id: 'image.eviction-signal',
    cause: 'image.disk-full',
    // kubelet eviction manager: a disk signal crossed its threshold (nodefs = kubelet root, imagefs = runtime image store).
    re: /attempting to reclaim\\?"? resourcename=\\?"?(ephemeral-storage|nodefs|imagefs)|must evict pod\(s\) to reclaim\\?"?( resourcename=\\?"?)?(ephemeral-storage|nodefs|imagefs)|signal=(nodefs|imagefs)\.(available|inodesfree)|low on resource: (nodefs|imagefs)|attempting to reduce (nodefs|imagefs) pressure/,
    anchors: ['to reclaim', 'signal=nodefs', 'signal=imagefs', 'low on resource: nodefs', 'low on resource: imagefs', 'to reduce nodefs pressure', 'to reduce imagefs pressure'],
    confidence: 0.9,
    specificity: 94,
    check: 'df -h and df -i on the kubelet root (/var/lib/kubelet) and the runtime root (/var/lib/containerd): which one crossed evictionHard (nodefs.available, imagefs.available, *.inodesFree)',
    source: 'kubelet eviction manager (pkg/kubelet/eviction): disk signals nodefs/imagefs',
    samples: [
      'I0901 10:00:00.000000 1203 eviction_manager.go:366] "Eviction manager: attempting to reclaim" resourceName="ephemeral-storage"',
      'W0901 10:00:01.000000 1203 eviction_manager.go:347] "Eviction manager: thresholds - ignoring grace period" threshold={"Signal":"imagefs.available"} signal=imagefs.available observed=1.1Gi',
      // Older kubelets: the image garbage collection the eviction manager ran to free the disk.
      'E0901 10:00:02.000000 1203 eviction_manager.go:390] eviction manager: unexpected error when attempting to reduce imagefs pressure: wanted to free 9223372036854775807, but freed 0 space with errors in image deletion',
    ],
    counterSamples: ['evictionHard:\n  nodefs.available: "10%"'],
  }),
  sig({
    id: 'image.hub-incorrect-credentials',
    cause: 'image.auth-rejected',
    // Docker Hub's token service answers a login whose password or token it does not accept with this
    // detail; without credentials it issues an anonymous token instead. So the credentials were sent.
    re: /incorrect username or password/,
    anchors: ['incorrect username or password'],
    confidence: 0.9,
    specificity: 90,
    source: 'Docker Hub auth service (auth.docker.io/token) 401 detail "incorrect username or password"',
    samples: [
      'GET https://auth.docker.io/token?scope=repository%3Aorg%2Fapp%3Apull&service=registry.docker.io: unexpected status code 401 Unauthorized: {"details":"incorrect username or password"}',
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password',
    ],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'image.invalid-repository-name',
    cause: 'image.invalid-reference',
    // The registry or its token service refusing the repository's name itself (distribution's NAME_INVALID,
    // Docker Hub's "invalid repository name"): an empty path part, upper case, a leading slash.
    re: /invalid repository name|name_invalid|repository name must (be lowercase|have at least one component)/,
    anchors: ['invalid repository name', 'name_invalid', 'repository name must'],
    confidence: 0.9,
    specificity: 92,
    source: 'distribution errcode NAME_INVALID ("invalid repository name"); Docker Hub token service 400 detail',
    samples: [
      'GET https://auth.docker.io/token?scope=repository%3A%2Fteam%2Fapp%3Apush%2Cpull&service=registry.docker.io: unexpected status code 400 Bad Request: {"details":"invalid repository name"}',
      'errors: NAME_INVALID: invalid repository name',
    ],
    counterSamples: ['NAME_UNKNOWN: repository name not known to registry'],
  }),
  sig({
    id: 'image.manifest-status-404',
    cause: 'image.not-found',
    // go-containerregistry (crane, kaniko, ko, Crossplane, Flux) reports a manifest request's status
    // without the registry's error body: a 404 there is the tag or repository missing, or a private
    // repository on a registry that hides it from callers without credentials.
    re: /\/manifests\/[^\s:"]+: unexpected status code 404 not found/,
    anchors: ['unexpected status code 404'],
    confidence: 0.85,
    specificity: 88,
    alternatives: ['image.auth-missing'],
    check: 'does the tag exist? crane ls <registry>/<repository> (or the registry\'s web page) with the same credentials; a repository that exists but is private answers 404 on some registries until a pull secret is used',
    source: 'go-containerregistry transport errors ("unexpected status code 404 Not Found (HEAD responses have no body, use GET for details)")',
    samples: [
      'HEAD https://index.docker.io/v2/org/app/manifests/v9: unexpected status code 404 Not Found (HEAD responses have no body, use GET for details)',
      'GET https://ghcr.io/v2/org/app/manifests/1.2: unexpected status code 404 Not Found',
    ],
    counterSamples: ['GET https://ghcr.io/token?scope=repository:org/app:pull: unexpected status code 401 Unauthorized'],
  }),
  sig({
    id: 'image.anonymous-read-only',
    cause: 'image.auth-missing',
    // The registry names the caller anonymous (OCIR: "Anonymous users are only allowed read access on public
    // repos"): no credentials reached it, so the repository is private to a login never sent.
    re: /anonymous users are only allowed|anonymous (access|pull|user)[^\n]{0,60}(not allowed|denied|forbidden)|forbidden for user:? \\?'anonymous\\?'/,
    anchors: ['anonymous users are only allowed', 'anonymous access', 'anonymous pull', 'anonymous user', 'forbidden for user'],
    confidence: 0.9,
    specificity: 90,
    source: 'registry denials that name the caller anonymous (Oracle OCIR, Harbor and others)',
    samples: [
      "unauthorized: The client does not have permission for manifest: Download request for repo:path 'hub-cache:app/1/list.manifest.json' is forbidden for user: 'anonymous'.",
      'reading manifest v1 in iad.ocir.io/tenancy/app: denied: Anonymous users are only allowed read access on public repos',
      'denied: anonymous access to this repository is not allowed',
    ],
    counterSamples: ['failed to fetch anonymous token: unexpected status: 403 Forbidden'],
  }),
  sig({
    id: 'image.short-name-enforced',
    cause: 'image.invalid-reference',
    // containers/image (podman, CRI-O, buildah) with short-name-mode = "enforcing": a reference without a
    // registry is ambiguous across unqualified-search-registries and, with no TTY to ask, refused.
    re: /short-name resolution enforced but cannot prompt without a tty|short-name "[^"\n]+" did not resolve to an alias and no unqualified-search registries are defined/,
    anchors: ['short-name resolution enforced', 'did not resolve to an alias'],
    confidence: 0.9,
    specificity: 92,
    source: 'containers/image short-name resolution (registries.conf short-name-mode, unqualified-search-registries)',
    samples: [
      'Error: short-name resolution enforced but cannot prompt without a TTY',
      'Error: short-name "nginx" did not resolve to an alias and no unqualified-search registries are defined in "/etc/containers/registries.conf"',
    ],
    counterSamples: ['Resolving "nginx" using unqualified-search registries (/etc/containers/registries.conf)'],
  }),
  sig({
    id: 'image.scheme-as-host',
    cause: 'image.invalid-reference',
    // An image or repository written with its URL scheme (https://registry/app): the reference parser takes
    // "https" for the registry host, so the client asks DNS for a host named https.
    re: /^(?![\s\S]*proxyconnect)[\s\S]*(https?:\/\/https?\/v2\/|\blookup https? on [\w.:[\]%-]+: no such host|\blookup https?: no such host)/,
    anchors: ['://http', 'lookup http'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['registry.dns'],
    check: 'the image or repository value as written (pod spec, values file, CI variable): it must be host/path:tag without https://',
    source: 'distribution reference parsing: the first path component with a dot, colon or "localhost" is the host; "https:" from a pasted URL',
    samples: [
      'Get "https://https/v2/": dial tcp: lookup https on 172.30.0.10:53: no such host',
      'failed to do request: Head "https://https/v2/app/manifests/1": dial tcp: lookup https: no such host',
    ],
    counterSamples: ['proxyconnect tcp: dial tcp: lookup http: Temporary failure in name resolution', 'Get "https://registry.lab/v2/": dial tcp: lookup registry.lab: no such host'],
  }),
  sig({
    id: 'image.no-space',
    cause: 'image.disk-full',
    // ENOSPC names this cause when the runtime or the kubelet wrote it (a layer, a snapshot, their directories);
    // an application's own "No space left on device" is its volume (image.no-space-bare answers that lower).
    // Not ENOSPC at a container's start (runc's init making a mount point in the rootfs, "container init
    // caused"): that rootfs is whatever the snapshotter mounted (overlay on the image filesystem, or a remote
    // or read-only one), and an inode table can be full with bytes to spare — image.no-space-init answers it lower.
    re: /^(?![\s\S]*(inotify|container init caused))[\s\S]*(layer|unpack|extract|snapshot|tar file|untar|pull|containerd|dockerd?\b|\/var\/lib\/(containerd|docker|kubelet)|overlay)[\s\S]*(?<key>no space left on device)|failed to garbage collect required amount of images|image garbage collection failed|FreeDiskSpaceFailed|ImageGCFailed|DiskPressure|node\.kubernetes\.io\/disk-pressure|low on resource: ephemeral-storage|to reclaim (ephemeral-storage|nodefs|imagefs)/,
    anchors: ['no space left on device', 'garbage collect required amount', 'image garbage collection failed', 'freediskspacefailed', 'imagegcfailed', 'diskpressure', 'disk-pressure', 'ephemeral-storage', 'reclaim nodefs', 'reclaim imagefs'],
    confidence: 0.92,
    specificity: 94,
    source: 'kubelet image GC and eviction texts; ENOSPC while unpacking',
    samples: [
      'failed to pull and unpack image "docker.io/library/postgres:16": failed to extract layer sha256:a3ed95ca: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/412/fs/usr/lib/x86_64-linux-gnu/libLLVM.so: no space left on device: unknown',
      'failed to garbage collect required amount of images. Attempted to free 4213245132 bytes, but only found 0 bytes eligible to free.',
      'The node was low on resource: ephemeral-storage. Threshold quantity: 1Gi, available: 512Mi.',
      'E0409 08:00:00.000000    2211 kubelet.go:1351] "Image garbage collection failed multiple times in a row" err="failed to garbage collect required amount of images. Wanted to free 2147483648 bytes, but freed 0 bytes"',
      'E0713 09:30:01.000000 5119 kubelet.go:1146] Image garbage collection failed: wanted to free 3221225472, but freed 0 space with errors in image deletion',
      '0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.',
    ],
    counterSamples: ['inotify_add_watch /sys/fs/cgroup/memory: no space left on device', 'java.io.IOException: No space left on device'],
  }),
  sig({
    id: 'image.no-space-init',
    cause: 'image.disk-full',
    // runc's container init writes no data: it creates mount points (/etc/resolv.conf, /etc/hosts) in the
    // rootfs the snapshotter mounted. ENOSPC there is the snapshot's filesystem out of bytes or inodes — the
    // image filesystem with overlayfs, another one with a remote or read-only snapshotter (stargz, CVMFS).
    re: /container init caused[\s\S]*(?<key>no space left on device)/,
    anchors: ['container init caused'],
    confidence: 0.7,
    specificity: 94,
    check: "df -h and df -i /var/lib/containerd (or /var/lib/docker) on the node: full bytes or inodes there is the image filesystem; both free means the container's rootfs comes from another snapshotter (containerd config: snapshotter of the runtime class), whose own storage is full",
    source: 'runc libcontainer rootfs_linux.go (creating mount points during container init); ENOSPC (errno 28)',
    samples: [
      'OCI runtime create failed: container_linux.go:380: starting container process caused: process_linux.go:545: container init caused: rootfs_linux.go:76: mounting "/var/lib/kubelet/pods/1/etc-hosts" to rootfs at "/etc/hosts" caused: open /run/containerd/io.containerd.runtime.v2.task/k8s.io/abc/rootfs/etc/hosts: no space left on device: unknown',
      'Error: failed to start container "app": Error response from daemon: OCI runtime create failed: container_linux.go:370: starting container process caused: process_linux.go:459: container init caused: rootfs_linux.go:59: mounting "/etc/resolv.conf" to rootfs at "/var/lib/docker/overlay2/9f1/merged/etc/resolv.conf" caused: open /var/lib/docker/overlay2/9f1/merged/etc/resolv.conf: no space left on device: unknown',
    ],
    counterSamples: ['failed to extract layer sha256:a3ed95ca: write /var/lib/containerd/x: no space left on device'],
  }),
  sig({
    id: 'image.no-space-bare',
    cause: 'image.disk-full',
    // Not inotify watches, nor podman's lock allocation (its SHM lock table is full): ENOSPC there is no disk.
    re: /^(?![\s\S]*(inotify|allocating lock))[\s\S]*(?<key>no space left on device)/,
    anchors: ['no space left on device'],
    confidence: 0.6,
    specificity: 93,
    check: 'df -h /var/lib/containerd /var/lib/docker /var/lib/kubelet on the node: full there is the node\'s disk (image pulls and eviction follow); free there means the filesystem the process writes to — its PVC or hostPath — is full, which no node clean-up fixes',
    source: 'ENOSPC (errno 28) from whichever process wrote',
    samples: ['java.io.IOException: No space left on device', 'ERROR: could not extend file "base/16384/2619": No space left on device'],
    counterSamples: ['inotify_add_watch /sys/fs/cgroup/memory: no space left on device'],
  }),
  sig({
    id: 'image.gcp-unauthenticated',
    cause: 'image.auth-missing',
    // Google Cloud IAM's answer to a request that carried no credentials at all (Artifact Registry, gcr.io
    // served by it): "Unauthenticated requests do not have permission \"<permission>\" on resource …".
    re: /unauthenticated requests do not have permission/,
    anchors: ['unauthenticated requests'],
    confidence: 0.9,
    specificity: 90,
    alternatives: ['image.pullsecret-missing', 'image.pullsecret-wrong-registry'],
    source: 'Google Cloud IAM error text for anonymous callers (Artifact Registry docs, access control)',
    samples: [
      'Unauthenticated requests do not have permission "artifactregistry.repositories.downloadArtifacts" on resource "projects/p/locations/us/repositories/r"',
      'failed to pull and unpack image "us-docker.pkg.dev/p/r/app:1": failed to resolve reference "us-docker.pkg.dev/p/r/app:1": unexpected status from HEAD request to https://us-docker.pkg.dev/v2/p/r/app/manifests/1: 403 Forbidden: Unauthenticated requests do not have permission "artifactregistry.repositories.downloadArtifacts"',
    ],
    counterSamples: ['Permission "artifactregistry.repositories.downloadArtifacts" denied on resource "projects/p/locations/us/repositories/r" (or it may not exist)'],
  }),
  sig({
    id: 'image.gcp-permission-denied',
    check: 'gcloud artifacts repositories get-iam-policy <repository> --location <location>: the node\'s (or the pull secret\'s) service account needs roles/artifactregistry.reader there; gcloud artifacts docker images list <location>-docker.pkg.dev/<project>/<repository> tells a missing repository from a missing role',
    cause: 'image.auth-rejected',
    // IAM with credentials that lack the permission; Google adds "(or it may not exist)" because IAM
    // answers the same for a resource that is not there.
    re: /permission \\?"artifactregistry\.[\w.]+\\?" denied/,
    anchors: ['artifactregistry.'],
    confidence: 0.75,
    specificity: 90,
    // (a client without its own credentials — no credential helper — may send another identity's, the
    // node's default service account: then the pull's credentials are missing)
    alternatives: ['image.not-found', 'image.auth-missing'],
    source: 'Google Cloud IAM error text: Permission "<permission>" denied on resource "<resource>" (or it may not exist)',
    samples: [
      'Permission "artifactregistry.repositories.downloadArtifacts" denied on resource "projects/p/locations/europe-west1/repositories/r" (or it may not exist)',
      'failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://europe-west1-docker.pkg.dev/v2/token?scope=repository%3Ap%2Fr%2Fapp%3Apull: 403 Forbidden: denied: Permission "artifactregistry.repositories.downloadArtifacts" denied on resource "projects/p/locations/europe-west1/repositories/r" (or it may not exist)',
    ],
    counterSamples: ['Unauthenticated requests do not have permission "artifactregistry.repositories.downloadArtifacts"'],
  }),
  sig({
    id: 'image.gcr-project-missing',
    check: 'gcloud projects describe <project> and gcloud container images list --repository=gcr.io/<project>: the first path component of a gcr.io image is a project ID (not its display name); a deleted project has no images',
    cause: 'image.not-found',
    // gcr.io names the Google Cloud project in the image path: a project that does not exist (a typo, or
    // deleted) has no images at all.
    re: /project '[^'\n]{1,120}' not found or deleted/,
    anchors: ['not found or deleted'],
    confidence: 0.85,
    specificity: 88,
    source: 'gcr.io error for an image path under a Google Cloud project that does not exist',
    samples: [
      "Error response from daemon: Get https://gcr.io/v2/some-proj/app/manifests/1.0: unknown: Project 'project:some-proj' not found or deleted.",
      "failed to resolve reference \"gcr.io/other/app:2\": unexpected status: 404 Not Found: unknown: Project 'project:other' not found or deleted.",
    ],
    counterSamples: ["Error from server (NotFound): namespaces \"project\" not found"],
  }),
  sig({
    id: 'image.aad-rejected',
    check: 'the service principal or managed identity the pull uses (az aks check-acr --name <cluster> --resource-group <rg> --acr <registry>.azurecr.io): it must exist in the registry\'s tenant and hold AcrPull on the registry; a deleted or expired secret is rejected',
    cause: 'image.auth-rejected',
    // Azure Container Registry hands the credentials to Entra ID (AAD): these texts are AAD refusing the
    // identity that was sent, not a pull without credentials.
    re: /application not registered with aad|aadsts\d{5,}/,
    anchors: ['not registered with aad', 'aadsts'],
    confidence: 0.9,
    specificity: 90,
    alternatives: ['image.pullsecret-wrong-registry'],
    source: 'Azure Container Registry token exchange through Entra ID (AAD) error texts',
    samples: [
      'Error response from daemon: Get https://myacr.azurecr.io/v2/app/manifests/1: unauthorized: Application not registered with AAD.',
      'failed to fetch oauth token: unexpected status: 401 Unauthorized: AADSTS7000215: Invalid client secret provided.',
    ],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'image.blob-unauthorized',
    check: 'pull the same image again (crictl pull <image>) and look at the registry\'s status page: a 401 on a layer after the manifest was read with the same token is the registry refusing its own token (an outage, or a storage backend out of step); if it repeats for one repository only, compare the pull secret\'s scope with that repository',
    cause: 'registry.server-error',
    // containerd fetches layers only after the manifest resolved with the same authorizer and token: a 401
    // on a blob then is the registry (or its blob storage) refusing a token it has just honoured.
    re: /failed to copy: httpreaderseeker: failed open: unexpected status code \S+\/blobs\/\S+: 401\b/,
    anchors: ['httpreaderseeker'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['image.auth-rejected', 'image.auth-missing'],
    source: 'containerd remotes/docker fetcher (httpReaderSeeker opens blobs after the manifest resolved)',
    samples: [
      'failed to pull and unpack image "ghcr.io/o/app:1": failed to copy: httpReaderSeeker: failed open: unexpected status code https://ghcr.io/v2/o/app/blobs/sha256:766c52bc20840538b2aa166e6f4ab30906ccb620ef58d7f49394eec61fbfe144: 401 Unauthorized - Server message: unauthorized: unauthenticated',
      'failed to copy: httpReaderSeeker: failed open: unexpected status code https://registry.example.com/v2/app/blobs/sha256:0123: 401 Unauthorized',
    ],
    counterSamples: ['failed to copy: httpReaderSeeker: failed open: unexpected status code https://ghcr.io/v2/o/app/blobs/sha256:76: 404 Not Found'],
  }),
  sig({
    id: 'image.content-store-missing',
    check: 'ctr -n k8s.io content ls | grep <digest> on the node: the local content store lost a blob the image needs (an interrupted pull, a cleanup job, a full or failing disk); crictl rmi <image> and pull again, and look at df -h /var/lib/containerd and the kernel log if it repeats',
    cause: 'unknown',
    // containerd's unpacker reads layers from its own content store: "not found" here is local state,
    // not the registry (the registry's 404 never reaches "failed to get reader from content store").
    re: /failed to get reader from content store|content digest sha256:[0-9a-f]{6,64}: not found/,
    anchors: ['content store', 'content digest'],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['image.disk-full'],
    source: 'containerd unpacker and content store (content.ReaderAt on a missing digest: errdefs.ErrNotFound)',
    samples: [
      'failed to unpack image on snapshotter overlayfs: failed to extract layer sha256:4dca: failed to get reader from content store: content digest sha256:51f5c6a04d83: not found',
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/redis:7": failed to unpack image: content digest sha256:51f5c6a04d83efd2: not found',
    ],
    counterSamples: ['failed to resolve reference "docker.io/library/redis:99": docker.io/library/redis:99: not found'],
  }),

  sig({
    id: 'image.oauth-token-5xx',
    check: 'curl -v "<realm>?service=<service>&scope=repository:<repository>:pull" from the node (the realm is in the registry\'s WWW-Authenticate header: curl -sI https://<registry>/v2/): a 5xx there is the token service failing; a mirror or proxy cache in front of the registry (crictl info | grep -A5 mirrors) must answer the token request too',
    cause: 'registry.server-error',
    // The token service answered 5xx: nothing was said about the credentials yet.
    re: /failed to fetch (oauth|anonymous) token: unexpected status: 5\d\d/,
    anchors: ['oauth token', 'anonymous token'],
    confidence: 0.6,
    specificity: 89,
    alternatives: ['registry.mirror-misconfigured', 'registry.proxy', 'image.auth-rejected'],
    source: 'containerd remotes/docker authorizer (fetchToken: "unexpected status: <code>")',
    samples: [
      'failed to resolve reference "k8s.gcr.io/etcd:3.2.24": failed to authorize: failed to fetch oauth token: unexpected status: 500 Internal Server Error',
      'failed to authorize: failed to fetch oauth token: unexpected status: 503 Service Unavailable',
      'failed to authorize: failed to fetch anonymous token: unexpected status: 502 Bad Gateway',
    ],
    counterSamples: ['failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized'],
  }),

  sig({
    id: 'image.manifest-unknown-private-host',
    check: 'pull it once with the credentials the pod should use (crictl pull --creds <user>:<token> <image>, or docker login <host> first): a self-hosted or GitLab registry answers an anonymous pull of a private repository with "manifest unknown" too; with credentials the same answer means the tag really is missing',
    cause: 'image.not-found',
    // The public registries say "not found" only for what is not there (a private repository answers
    // "denied"/"unauthorized"), but GitLab's and many self-hosted registries hide private repositories
    // from anonymous pulls behind MANIFEST_UNKNOWN/NAME_UNKNOWN: on such a host the text does not decide.
    re: /(?:^|[\s"'(\/=])(?!(?:registry-1\.|index\.|auth\.)?docker\.io\b|quay\.io\b|gcr\.io\b|[\w-]+\.gcr\.io\b|registry\.k8s\.io\b|k8s\.gcr\.io\b|ghcr\.io\b|mcr\.microsoft\.com\b|public\.ecr\.aws\b|localhost\b|127\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?\/[^\n]{0,300}?(manifest unknown|manifest_unknown|name unknown|name_unknown)/,
    anchors: ['manifest unknown', 'manifest_unknown', 'name unknown', 'name_unknown'],
    confidence: 0.75,
    specificity: 81,
    alternatives: ['image.auth-missing'],
    source: 'facts §8 registry error codes MANIFEST_UNKNOWN, NAME_UNKNOWN; GitLab container registry (private projects answer anonymous pulls as unknown)',
    samples: [
      'pulling image failed: rpc error: code = Unknown desc = Error reading manifest latest in registry.mydomain/image: manifest unknown: manifest unknown',
      'failed to resolve reference "registry.gitlab.com/group/app:1.2": registry.gitlab.com/group/app:1.2: manifest unknown',
    ],
    counterSamples: [
      'Error response from daemon: manifest for nginx:9.9 not found: manifest unknown: manifest unknown',
      'failed to resolve reference "docker.io/library/nginx:9.9": docker.io/library/nginx:9.9: manifest unknown',
    ],
  }),
  sig({
    id: 'image.windows-os-mismatch',
    cause: 'image.platform-mismatch',
    // Windows process isolation runs a container only on the Windows build it was made for (HCS refuses
    // another): the image's OS version must match the node's (or use Hyper-V isolation).
    re: /the container operating system does not match the host operating system|the operating system of the container does not match the operating system of the host/,
    anchors: ['does not match the host operating system', 'does not match the operating system of the host'],
    confidence: 0.9,
    specificity: 92,
    source: 'Windows Host Compute Service (hcsshim CreateComputeSystem) version compatibility error',
    samples: [
      'Error response from daemon: hcsshim::CreateComputeSystem e20e: The container operating system does not match the host operating system.',
      'failure in a Windows system call: The operating system of the container does not match the operating system of the host.',
    ],
    counterSamples: ['no matching manifest for windows/amd64 10.0.17763 in the manifest list entries'],
  }),
  sig({
    id: 'image.pullsecret-base64',
    check: 'kubectl get secret <pull secret> -o jsonpath=\'{.data.\\.dockerconfigjson}\' | base64 -d | jq -r \'.auths[].auth\' | base64 -d: each auth must be the base64 of user:password; a secret made from a file with a newline or a pasted token breaks it',
    cause: 'image.pullsecret-malformed',
    // Go's encoding/base64 error: the kubelet decodes a pull secret's auth field (base64 of user:password).
    // Only in a pull's context: any other decoder (a Secret's data, a provider's own config) says the same.
    re: /(pull|dockerconfig|imagepullsecret|registry)[^\n]{0,300}illegal base64 data at input byte/,
    anchors: ['illegal base64 data'],
    confidence: 0.8,
    specificity: 88,
    source: 'Go encoding/base64 CorruptInputError, from the kubelet decoding a dockerconfigjson auth',
    samples: [
      'Failed to pull image "myrepo/myimage:tag": illegal base64 data at input byte 12',
      'Failed to pull image "registry.example.com/app:1": illegal base64 data at input byte',
    ],
    counterSamples: ['Failed to pull image "myrepo/myimage:tag": pull access denied', "Error creating pod 'web-1': illegal base64 data at input byte 0"],
  }),
  sig({
    id: 'image.schema1-removed',
    cause: 'unknown',
    // Docker Hub and current Docker/containerd no longer serve or accept the Docker image manifest v2 schema 1
    // (and v1) format: the tag exists, but in a format retired for pulls. No cause id names an image built
    // that long ago; a newer tag or a rebuild with a current client mends it.
    re: /schema 1 support has been removed|manifest version 2, schema 1 support|support for docker image manifest version 2, schema 1/,
    anchors: ['schema 1 support', 'schema 1'],
    confidence: 0.5,
    specificity: 97,
    alternatives: ['image.not-found'],
    check: 'the image\'s age and format: a tag pushed years ago with Docker older than 1.10 is schema 1 — use a newer tag of the image, or pull it with an old client and push it again with a current one (crane copy converts it)',
    source: 'Docker Hub / docker 28 deprecation of image manifest v2 schema 1 ("support has been removed")',
    samples: [
      'Error response from daemon: unknown: {"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown: Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has been removed."}]}',
      'failed to pull: [DEPRECATION NOTICE] Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has been removed',
    ],
    counterSamples: ['MANIFEST_UNKNOWN: manifest unknown'],
  }),
  sig({
    id: 'image.access-token-expired',
    cause: 'image.auth-rejected',
    // The registry names the credential it was sent expired (Docker Hub personal access tokens carry an
    // expiry date): credentials reached it and are refused, so the secret or login must be renewed.
    re: /personal access token (is|has) expired|unauthorized: [^\n]{0,40}\b(access )?token (is|has) expired/,
    anchors: ['personal access token', 'token is expired', 'token has expired'],
    confidence: 0.9,
    specificity: 93,
    source: 'Docker Hub authentication (personal access tokens with an expiry date)',
    samples: [
      'Error response from daemon: Head "https://registry-1.docker.io/v2/library/redis/manifests/alpine": unauthorized: personal access token is expired',
      'failed to authorize: failed to fetch oauth token: unauthorized: access token has expired',
    ],
    counterSamples: ['error: You must be logged in to the server (the server has asked for the client to provide credentials)'],
  }),
];
