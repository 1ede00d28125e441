import type { Signature } from '../../types.js';
import { inRegistryContext } from '../registry/shared.js';
import { clientStatus } from '../context.js';
import { sig } from '../define.js';

/** Images that are not there: manifest unknown, a repository that does not exist, Never with no local copy (facts §4.5, §8). */
export const MISSING_SIGNATURES: Signature[] = [
  sig({
    id: 'image.registry-project-deleted',
    cause: 'image.not-found',
    // Google's registries answer "denied" for an image whose project is gone (deleted, or shut down with Container
    // Registry): the image is no longer anywhere under that name, whatever the credentials. A project whose billing or
    // account was suspended answers the same way for as long as it stays suspended ("Consumer 'project:…' has been
    // suspended").
    re: /denied: project #?\S+ has been deleted|denied: permission denied: consumer '[^'\n]+' has been suspended/,
    anchors: ['has been deleted', 'has been suspended'],
    confidence: 0.85,
    specificity: 94,
    check: 'where the image moved: the publisher\'s notice of the new registry (Artifact Registry, docker.io, ghcr.io); change the reference in the pod spec or chart values',
    source: 'gcr.io and pkg.dev token and manifest answers for a deleted or suspended project ("denied: Project #%d has been deleted.", "Consumer \'project:%s\' has been suspended.")',
    samples: [
      'Error response from daemon: Head "https://gcr.io/v2/paketo-buildpacks/python/manifests/latest": denied: denied: Project #761227957636 has been deleted.',
      'unexpected status code 403: denied: denied: Project #816257685787 has been deleted.',
      "Error response from daemon: Get https://gcr.io/v2/demo-proj/web/manifests/latest: denied: Permission denied: Consumer 'project:demo-proj' has been suspended.",
    ],
    counterSamples: ['denied: Permission "artifactregistry.repositories.downloadArtifacts" denied on resource'],
  }),
  sig({
    id: 'image.ecr-not-found-exception',
    cause: 'image.not-found',
    // The AWS API's own answers for a repository or image ECR does not hold (the CLI and SDKs print the exception by
    // name): the tag was never pushed, or the repository URI names another account or region than the one holding it.
    // A push to a repository ECR does not hold (ECR creates none on push) carries the same sentence as NAME_UNKNOWN.
    re: /\((repositorynotfoundexception|imagenotfoundexception)\) when calling the \w+ operation|the repository with name '[^'\n]+' does not exist in the registry with id|\b(imagenotfoundexception|repositorynotfoundexception): the (image|repository) with [^\n]{0,160}does not exist/,
    anchors: ['repositorynotfoundexception', 'imagenotfoundexception', 'does not exist in the registry with id'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['image.invalid-reference'],
    check: 'aws ecr describe-images --repository-name <repo> --region <region> with the account the URI names (<account>.dkr.ecr.<region>.amazonaws.com): the tag must be listed there; a repository in another account or region answers the same',
    source: 'Amazon ECR API errors RepositoryNotFoundException and ImageNotFoundException',
    samples: [
      "An error occurred (RepositoryNotFoundException) when calling the DescribeImages operation: The repository with name 'web' does not exist in the registry with id '123456789012'",
      'An error occurred (ImageNotFoundException) when calling the BatchGetImage operation: Requested image not found',
      "ERROR: failed to solve: failed to push 123456789012.dkr.ecr.us-east-1.amazonaws.com/payments/api:1.4.2: unknown: The repository with name 'payments/api' does not exist in the registry with id '123456789012'",
      "reading ECR Images: ImageNotFoundException: The image with imageId {imageDigest:'null', imageTag:'v2'} does not exist within the repository with name 'web' in the registry with id '123456789012'",
    ],
    counterSamples: ['An error occurred (AccessDeniedException) when calling the BatchGetImage operation'],
  }),
  sig({
    id: 'image.primary-manifest-unknown-after-mirrors',
    cause: 'image.not-found',
    // containers/image tries the registries.conf mirrors first and names the primary's own answer last, after
    // "(Mirrors also failed: […]): ": the source registry says the manifest or repository does not exist, which no
    // mirror could serve either, whatever the mirrors answered.
    re: /\(mirrors also failed: \[[^\n]*\]\): [^\n]*(manifest unknown|name unknown)/,
    anchors: ['mirrors also failed'],
    confidence: 0.85,
    specificity: 97,
    alternatives: ['registry.mirror-misconfigured', 'image.invalid-reference'],
    check: 'skopeo inspect docker://<image> against the source registry: the tag or digest must exist there (skopeo list-tags docker://<repository>); the mirrors\' own errors in the brackets matter only once it does',
    source: 'containers/image docker client ("(Mirrors also failed: [%s]): %s", the primary\'s error last)',
    samples: [
      'Error: initializing source docker://acme/app:v1.2: (Mirrors also failed: [mirror.lab/acme/app:v1.2: Requesting bearer token: invalid status code from registry 403 (Forbidden)]): docker.io/acme/app:v1.2: reading manifest v1.2 in docker.io/acme/app: manifest unknown',
      'rpc error: code = Unknown desc = (Mirrors also failed: [mirror.lab/team/op:2: pinging container registry mirror.lab: Get "https://mirror.lab/v2/": dial tcp 10.0.0.4:443: i/o timeout]): quay.io/team/op:2: reading manifest 2 in quay.io/team/op: name unknown: repository not found',
    ],
    counterSamples: ['rpc error: code = Unknown desc = (Mirrors also failed: [mirror.corp:5000/team/app@sha256:ab: Error reading manifest sha256:ab in mirror.corp:5000/team/app: manifest unknown: manifest unknown]): docker.io/team/app@sha256:ab: reading manifest sha256:ab in docker.io/team/app: toomanyrequests'],
  }),
  sig({
    id: 'image.scanner-sources-remote-missing',
    cause: 'image.not-found',
    // Trivy (and scanners built on its fanal) tries the local Docker daemon, containerd and Podman before the
    // registry, and lists every attempt when all fail: the local ones fail wherever no daemon runs, so the
    // registry's own answer at the end decides.
    re: /unable to inspect the image \([\s\S]{0,2000}\b(manifest_unknown|name_unknown)\b/,
    anchors: ['unable to inspect the image'],
    confidence: 0.8,
    specificity: 97,
    alternatives: ['image.auth-missing'],
    check: 'the registry\'s answer at the end of the list: crane ls <registry>/<repository> for the tags that exist; the daemon and Podman lines before it only say that no local copy could be read, which is normal where no daemon runs',
    source: 'Trivy fanal image sources (daemon, containerd, podman, remote, each failure listed as "* unable to ..."), go-containerregistry transport errors',
    samples: [
      '* unable to inspect the image (index.docker.io/acme/app:latest: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?  * unable to initialize Podman client: no podman socket found  * GET https://index.docker.io/v2/acme/app/manifests/latest MANIFEST_UNKNOWN: manifest unknown; map[Tag:latest]',
      'unable to inspect the image (ghcr.io/acme/app:v9): Cannot connect to the Docker daemon at unix:///var/run/docker.sock  * GET https://ghcr.io/v2/acme/app/manifests/v9: NAME_UNKNOWN: repository name not known to registry',
    ],
    counterSamples: ['* unable to inspect the image (index.docker.io/acme/app:latest: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'],
  }),
  sig({
    id: 'image.resolve-not-found',
    check: 'does the reference exist? crane ls <registry>/<repository> (or skopeo list-tags docker://<repository>) from a machine with the same credentials; if a mirror is configured for that registry (crictl info | grep -A5 mirrors), try the pull against the upstream directly',
    cause: 'image.not-found',
    re: /failed to resolve (reference|ref|image|source metadata for)[^\n]{0,600}: not found|\/[\w.\/-]+:[\w.-]+: not found\b|code = NotFound desc = (failed to pull and unpack image|error pulling image)/,
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
      // Talos's image pre-pull wraps the CRI's NotFound in its own words.
      'failed pre-pulling images: error pre-pulling ghcr.io/siderolabs/kubelet:v1.99.0 on 10.0.0.2: rpc error: code = NotFound desc = error pulling image: 1 error(s) occurred:\n\tfailed to pull image "ghcr.io/siderolabs/kubelet:v1.99.0"',
      // Amazon ECS's agent (containerd's resolver underneath) says "ref".
      'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:0f1e2d: not found',
      'E1103 09:12:44.101212    2211 remote_image.go:180] "PullImage from image service failed" err="rpc error: code = NotFound desc = failed to pull and unpack image \\"registry.example.org/shop/cart:3.1\\": failed to resolve reference \\"registry.example.org/shop/cart:3.1\\": registry.example.org/shop/cart:3.1: not found" image="registry.example.org/shop/cart:3.1"',
    ],
    counterSamples: ['failed to load flannel \'subnet.env\' file: open /run/flannel/subnet.env: no such file or directory'],
  }),
  sig({
    id: 'image.gcp-project-deleted',
    cause: 'image.not-found',
    // Google's registries answer for a project that no longer exists with "Project <id> has been deleted": every
    // image it hosted is gone with it (a retired release or nightly project), whatever the credentials.
    re: /project [\w.:-]+ has been deleted/,
    anchors: ['has been deleted'],
    confidence: 0.85,
    specificity: 93,
    check: 'find where the image moved (the project\'s release notes; many moved from gcr.io to registry.k8s.io or Artifact Registry) and change the reference — no login brings a deleted project back',
    source: 'Container Registry / Artifact Registry error for a deleted Google Cloud project (DENIED: Project … has been deleted)',
    samples: [
      'Error response from daemon: Get https://gcr.io/v2/istio-release/proxyv2/manifests/release-1.3-latest-daily: denied: Project istio-release has been deleted.',
      'failed to resolve reference "us-docker.pkg.dev/old-proj/repo/app:1": unexpected status from HEAD request: 403 Forbidden: denied: Project old-proj has been deleted.',
    ],
    counterSamples: ['denied: Permission "artifactregistry.repositories.downloadArtifacts" denied on resource'],
  }),
  sig({
    id: 'image.registry-unknown-tag',
    cause: 'image.not-found',
    // go-containerregistry prints the registry's error code, message and detail: "MANIFEST_UNKNOWN: manifest unknown;
    // unknown tag=<tag>" is the registry itself saying the tag is not there. Scanners (Trivy) try the local Docker
    // and Podman sockets first and list every failure: in a pod those sockets are absent by design, and the
    // registry's answer is the one that decides — so this outranks the missing daemon.
    re: /manifest_unknown: manifest unknown; unknown tag=/,
    anchors: ['unknown tag='],
    confidence: 0.9,
    specificity: 96,
    alternatives: ['image.auth-missing'],
    source: 'go-containerregistry transport.Error (CODE: message; detail) with the registry\'s MANIFEST_UNKNOWN detail',
    samples: [
      'GET https://index.docker.io/v2/myorg/app/manifests/4837: MANIFEST_UNKNOWN: manifest unknown; unknown tag=4837',
      "unable to inspect the image (myorg/app:1): Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n\t* GET https://index.docker.io/v2/myorg/app/manifests/1: MANIFEST_UNKNOWN: manifest unknown; unknown tag=1",
    ],
    counterSamples: ['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'],
  }),
  sig({
    id: 'image.oci-manifest-not-accepted',
    cause: 'unknown',
    // Docker Hub has the manifest but the client's Accept header lists no OCI media type: the image is there; the
    // client (an old scanner or registry library) cannot ask for it. Not an image that is missing.
    re: /oci manifest found, but accept header does not support oci manifests/,
    anchors: ['accept header does not support oci'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['image.not-found'],
    check: 'docker manifest inspect <image> (or crane manifest) shows an OCI manifest: upgrade the client that failed, or have it send application/vnd.oci.image.manifest.v1+json and application/vnd.oci.image.index.v1+json in Accept; the kubelet\'s runtime pulls such images fine',
    source: 'Docker Hub\'s MANIFEST_UNKNOWN answer when the manifest is OCI and the Accept header does not allow it',
    samples: [
      'http: non-successful response (status=404 body="{\\"errors\\":[{\\"code\\":\\"MANIFEST_UNKNOWN\\",\\"message\\":\\"OCI manifest found, but accept header does not support OCI manifests\\"}]}")',
      'MANIFEST_UNKNOWN: OCI manifest found, but accept header does not support OCI manifests',
    ],
    counterSamples: ['MANIFEST_UNKNOWN: manifest unknown'],
  }),
  sig({
    id: 'image.manifest-unknown',
    cause: 'image.not-found',
    re: /manifest unknown|manifest_unknown|manifest for \S+ not found|manifest for \S*\{[^}\n]{1,60}\}\S* not found|name unknown|name_unknown|repository name not known to registry|tag does not exist|repository \S+ not found|reading manifest \S+ in \S+: (unknown: )?not found\b/,
    anchors: ['manifest unknown', 'manifest_unknown', 'manifest for', 'name unknown', 'name_unknown', 'not known to registry', 'tag does not exist', 'repository', 'reading manifest'],
    // 0.85, not 0.9: a registry cache or mirror between the client and the registry answers the same words for what it
    // does not hold or cannot fetch (kaniko's --registry-mirror without library/, a pull-through cache pointed at the
    // wrong upstream), and nothing in the text says a cache answered. Corpus answers at 0.9 were right 96.8% of the time.
    confidence: 0.85,
    alternatives: ['image.auth-missing', 'registry.mirror-misconfigured'],
    check: 'crane manifest <image> (or docker manifest inspect) against the registry itself: present there means something between answered — the runtime\'s mirror (hosts.toml, registry-mirrors, registries.yaml) or a pull-through cache, which must hold or fetch it under the same name (Docker Hub official images as library/<name>); absent there means the name or tag is wrong, or private and needs credentials',
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
    // (Not a cache's miss: "image cache not found on this host" is a CI runner about to pull.)
    re: /\bimage (?!cache )\\?"?(?:[\w.\/:@-]|\\?<[^<>\n]{1,40}>)+\\?"? not found(?! locally)|\bimage [\w.-]+(?:\/[\w.-]+)+[:@][\w.:-]+: image not found|\btag \S+\s+not found in\s+repository|\bimage not found in (the )?registry\b/,
    anchors: ['not found'],
    confidence: 0.8,
    specificity: 78,
    // A lookup in a local image store: an image never pulled there, or a name written otherwise than the store holds it
    // (a transport prefix such as docker://, a short name) misses the same way.
    alternatives: ['image.auth-missing', 'image.never-pull-absent', 'image.invalid-reference'],
    source: 'runtime clients (ctr, crictl, podman) reporting a missing image',
    // A name the user replaced by a <placeholder> (even with spaces) when pasting is still a name.
    samples: [
      'ImageValidationError: Image [\\<private-repo>/\\<my image>] failed to pull: Error: image \\<my image> not found',
      'Error: image library/nginx:1.99.99 not found', 'ctr: image "docker.io/acme/app:v3" not found', 'error scanning image quay.io/acme/operator:0.15.0: image not found (package acme:0.15.0)', 'Error: Tag v1.0.9 not found in repository docker.io/acme/web', 'docker.py:303 - Image could not be pulled: image not found in registry.'],
    counterSamples: ['an image with reference sha256:4f1b was not found', 'image cache not found on this host, downloading circleci/node:7.10'],
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
    id: 'image.no-pull-access',
    cause: 'image.not-found',
    // Docker Engine (older): "repository X not found: does not exist or no pull access" — missing or private.
    re: /does not exist or no pull access/,
    anchors: ['no pull access'],
    confidence: 0.55,
    specificity: 83,
    // dockerd asks its mirror first: a mirror without the image (a private one it cannot serve) reads the same.
    alternatives: ['image.auth-missing', 'image.auth-rejected', 'registry.mirror-misconfigured'],
    check: 'pull the same reference by hand with the pull secret\'s credentials (crictl pull --creds user:token <image>): found then means the credentials on the node are missing or expired',
    source: 'facts §4.8 (Docker Engine texts)',
    samples: [
      'Error response from daemon: repository registry.example.org/team/api not found: does not exist or no pull access',
      'PullImage "acme/worker:5" from image service failed: rpc error: code = Unknown desc = Error response from daemon: repository acme/worker not found: does not exist or no pull access',
    ],
    counterSamples: ['manifest unknown: manifest unknown'],
  }),
  sig({
    id: 'image.ghcr-owner-not-found',
    cause: 'image.not-found',
    // GitHub's registry names the namespace it cannot find: the user or organisation in the reference does
    // not exist (renamed, mistyped), so no image under it can.
    re: /not_found: owner not found/,
    anchors: ['owner not found'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['image.auth-rejected'],
    check: 'the owner in ghcr.io/<owner>/<image>: the GitHub user or organisation must exist under that exact name (renamed accounts do not redirect in the registry); fix the reference, or the workflow\'s ${{ github.repository_owner }} if it is built from it',
    source: 'GitHub Container Registry error body ("denied: not_found: owner not found")',
    samples: ['failed to push ghcr.io/oldorg/app:main: denied: not_found: owner not found', 'Error response from daemon: denied: not_found: owner not found'],
    counterSamples: ['denied: permission_denied: write_package'],
  }),
  sig({
    id: 'image.official-name-denied',
    cause: 'image.not-found',
    // A one-word name is Docker Hub's library/ namespace, which holds the official images and no private
    // repository: "pull access denied" for it cannot be a missing login, only an image that is not there —
    // built on another machine and never loaded onto this node, or mistyped. (Placeholders such as xxxx are
    // redactions, not names.) BuildKit names the reference unquoted, after "source metadata for".
    re: /pull access denied for (?!x+,)[a-z0-9]+(?:[._-]+[a-z0-9]+)*,|(?:"|source metadata for )(?:docker\.io\/)?library\/(?!x+[:@"])[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:[:@][^"\s]*)?"?: pull access denied/,
    anchors: ['pull access denied'],
    confidence: 0.8,
    specificity: 86,
    // A one-word "name" is also what is left of a reference cut short (a digest or tag taken for the name).
    alternatives: ['image.auth-missing', 'image.invalid-reference'],
    check: 'docker.io/library/<name> holds only official images: if the image was built locally, load it onto the node (kind load docker-image, minikube image load, ctr -n k8s.io images import) or push it to a registry and put that registry\'s host in the reference; otherwise correct the name (docker manifest inspect docker.io/library/<name> decides)',
    source: 'Docker Hub: unqualified names resolve to docker.io/library/<name> (reference normalisation), a namespace of official images only; facts §4.8 (pull access denied …)',
    samples: [
      'Failed to pull image "billing-worker:dev": rpc error: code = Unknown desc = Error response from daemon: pull access denied for billing-worker, repository does not exist or may require \'docker login\'',
      'failed to pull and unpack image "docker.io/library/webapp:blue": failed to resolve reference "docker.io/library/webapp:blue": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
      'ERROR: failed to solve: app-base:1.2: failed to resolve source metadata for docker.io/library/app-base:1.2: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ],
    counterSamples: [
      'Error response from daemon: pull access denied for acme/secret-app, repository does not exist or may require \'docker login\': denied: requested access to the resource is denied',
      'Error response from daemon: pull access denied for xxxxx, repository does not exist or may require \'docker login\'',
    ],
  }),
  sig({
    id: 'image.engine-create-404',
    cause: 'image.not-found',
    // A client of the Docker Engine API (docker-py under Compose, Ansible, Python tools) reports the daemon's
    // status for POST /images/create: the daemon answers 404 when the registry had no such image — or, as
    // Docker Hub does, hid a private one from a caller without credentials.
    // Spring Boot's buildpacks client words the same API answer its own way.
    re: /404 client error: not found for url: \S*\/images\/create\?|docker api call to '[^'\n]*\/images\/create\?[^'\n]*' failed with status code 404/,
    anchors: ['404 client error', 'docker api call to'],
    confidence: 0.7,
    specificity: 85,
    alternatives: ['image.auth-missing'],
    check: 'the fromImage= of the URL is the reference the daemon pulled: docker pull <it> on that host prints the registry\'s own answer (a missing repository or tag, or a private one that needs docker login)',
    source: 'Docker Engine API: POST /images/create answers 404 for an image the registry does not have (errdefs NotFound); requests\' HTTPError text',
    samples: [
      'requests.exceptions.HTTPError: 404 Client Error: Not Found for url: http+docker://localunixsocket/v1.25/images/create?tag=latest&fromImage=webapp',
      'docker.errors.NotFound: 404 Client Error: Not Found for url: http+docker://localhost/v1.41/images/create?tag=2&fromImage=acme%2Fworker',
      '> Docker API call to \'localhost/v1.24/images/create?fromImage=docker.io%2Fpaketobuildpacks%2Fbuilder%3Abase\' failed with status code 404 "Not Found"',
    ],
    counterSamples: ['requests.exceptions.HTTPError: 404 Client Error: Not Found for url: http+docker://localhost/v1.41/containers/abc/json'],
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
    // Buildbot's Docker latent worker with autopull off looks for the image on the Docker host only.
    re: /localhost\/-prefixed images are local-only|does not exist on the daemon: not found|image \\?"?[^\s"\\]+\\?"? not found on docker host/,
    anchors: ['localhost/-prefixed images are local-only', 'does not exist on the daemon', 'not found on docker host'],
    confidence: 0.8,
    specificity: 94,
    alternatives: ['image.not-found'],
    check: 'is the image in that node\'s (or daemon\'s) local store? podman images / docker images / crictl images | grep <name>: build or load it there (podman load, kind load docker-image, ctr -n k8s.io images import), or let the client pull it from a registry (a pull policy other than never, a reference with a registry host)',
    source: 'Podman/containers-image ("localhost/-prefixed images are local-only"), pack (imgutil local: "does not exist on the daemon")',
    samples: [
      'buildbot.interfaces.LatentWorkerCannotSubstantiate: Image "ci/worker:py3" not found on docker host.',
      'failed to create image: localhost/app:dev: image localhost/app:dev not found in local storage: localhost/-prefixed images are local-only', "ERROR: failed to build: failed to fetch builder image 'index.docker.io/acme/builder:1': image index.docker.io/acme/builder:1 does not exist on the daemon: not found",
    ],
    counterSamples: ['Successfully tagged localhost/app:dev'],
  }),
  sig({
    id: 'image.podman-local-name-pulled',
    cause: 'image.not-found',
    // Podman and Buildah name the images they build localhost/<name>; when such a name is not in local storage
    // they fall back to pulling it, from a registry called "localhost" on port 443 that is not there. The image
    // was never built (or built under another name) on this machine. Newer containers/image says "pinging
    // container registry" where older said "error pinging (docker) registry".
    re: /source docker:\/\/localhost\/[^\s:]+(:\S+)?: (error pinging (docker )?|pinging container )registry localhost: /,
    anchors: ['registry localhost'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['image.never-pull-absent', 'registry.connection-refused'],
    check: 'podman images | grep <name> on that machine: build the base image first (the build that names it FROM localhost/<name> expects it locally), or give it a registry with its port (localhost:5000/<name>) if one was meant',
    source: 'containers/image docker transport (pings https://localhost/v2/ for a localhost/ reference not in storage); Podman\'s localhost/ naming of local builds',
    samples: [
      'Error: error creating build container: Error initializing source docker://localhost/base:latest: error pinging docker registry localhost: Get https://localhost/v2/: dial tcp [::1]:443: connect: connection refused',
      'Error initializing source docker://localhost/app-builder:1: error pinging registry localhost: Get "https://localhost/v2/": dial tcp 127.0.0.1:443: connect: connection refused',
      'WARN[0000] failed, retrying in 2s ... (1/3). Error: initializing source docker://localhost/team/tool:1: pinging container registry localhost: Get "https://localhost/v2/": dial tcp 127.0.0.1:443: connect: connection refused',
    ],
    counterSamples: ['Error initializing source docker://localhost:5000/app:1: error pinging docker registry localhost:5000: Get "https://localhost:5000/v2/": http: server gave HTTP response to HTTPS client'],
  }),
  sig({
    id: 'image.manifest-status-404',
    cause: 'image.not-found',
    // go-containerregistry (crane, kaniko, ko, Crossplane, Flux) reports a manifest request's status
    // without the registry's error body: a 404 there is the tag or repository missing, or a private
    // repository on a registry that hides it from callers without credentials. Bazel's downloader (rules_oci,
    // rules_docker) words the same request's 404 its own way.
    // regclient (regctl, regsync) says it as "failed to request manifest head <ref>: request failed: not found [http 404]".
    re: /\/manifests\/[^\s:"]+: unexpected status code 404 not found|\/v2\/\S+\/manifests\/\S+ failed: [^\n]{0,80}\breturned 404 not found|\bmanifest (?:head |get )?\S+: request failed: not found \[http 404\]/,
    anchors: ['unexpected status code 404', 'returned 404 not found', '[http 404]'],
    confidence: 0.85,
    specificity: 88,
    alternatives: ['image.auth-missing'],
    check: 'does the tag exist? crane ls <registry>/<repository> (or the registry\'s web page) with the same credentials; a repository that exists but is private answers 404 on some registries until a pull secret is used',
    source: 'go-containerregistry transport errors ("unexpected status code 404 Not Found (HEAD responses have no body, use GET for details)")',
    samples: [
      'HEAD https://index.docker.io/v2/org/app/manifests/v9: unexpected status code 404 Not Found (HEAD responses have no body, use GET for details)',
      'GET https://ghcr.io/v2/org/app/manifests/1.2: unexpected status code 404 Not Found',
      'failed to request manifest head registry.example.com/app:1.2: request failed: not found [http 404]',
      'WARNING: Download from https://index.docker.io/v2/org/app/manifests/sha256:ab12 failed: class java.io.FileNotFoundException GET returned 404 Not Found',
    ],
    counterSamples: ['GET https://ghcr.io/token?scope=repository:org/app:pull: unexpected status code 401 Unauthorized'],
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
    id: 'image.manifest-unknown-private-host',
    check: 'pull it once with the credentials the pod should use (crictl pull --creds <user>:<token> <image>, or docker login <host> first): a self-hosted or GitLab registry answers an anonymous pull of a private repository with "manifest unknown" too; with credentials the same answer means the tag really is missing — unless the host is a proxy repository: then its own logs (or the upstream pulled directly) show whether it reached the upstream',
    cause: 'image.not-found',
    // The public registries say "not found" only for what is not there (a private repository answers
    // "denied"/"unauthorized"), but GitLab's and many self-hosted registries hide private repositories
    // from anonymous pulls behind MANIFEST_UNKNOWN/NAME_UNKNOWN: on such a host the text does not decide.
    re: /(?:^|[\s"'(\/=])(?!(?:registry-1\.|index\.|auth\.)?docker\.io\b|quay\.io\b|gcr\.io\b|[\w-]+\.gcr\.io\b|registry\.k8s\.io\b|k8s\.gcr\.io\b|ghcr\.io\b|mcr\.microsoft\.com\b|public\.ecr\.aws\b|localhost\b|127\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?\/[^\n]{0,300}?(manifest unknown|manifest_unknown|name unknown|name_unknown)/,
    anchors: ['manifest unknown', 'manifest_unknown', 'name unknown', 'name_unknown'],
    confidence: 0.75,
    specificity: 81,
    // A self-hosted registry is often a proxy repository (Nexus, Artifactory, Harbor's proxy cache), which answers
    // "manifest unknown" too when its own fetch from the upstream fails.
    alternatives: ['image.auth-missing', 'registry.mirror-misconfigured'],
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
    id: 'image.oci-index-not-accepted',
    cause: 'unknown',
    // The registry has the tag, as an OCI image index, and says so: the client's Accept header does not list
    // that media type, so it is a client too old for the image's format, not a missing image.
    re: /oci index found, but accept header does not support oci indexes/,
    anchors: ['accept header does not support oci indexes'],
    confidence: 0.6,
    specificity: 97,
    alternatives: ['image.not-found', 'image.platform-mismatch'],
    check: 'the client\'s version (singularity/apptainer, an old docker or skopeo): one that accepts application/vnd.oci.image.index.v1+json pulls the tag; or pull a single-platform digest of it (crane digest --platform linux/amd64 <image>)',
    source: 'Docker Hub\'s answer to a manifest request whose Accept header lacks the OCI index media type',
    samples: ['Error reading manifest latest in docker.io/acme/tool: manifest unknown: OCI index found, but accept header does not support OCI indexes', 'FATAL: While making image from oci registry: failed to get checksum for docker://acme/tool:2: manifest unknown: OCI index found, but accept header does not support OCI indexes'],
    counterSamples: ['Error reading manifest latest in docker.io/acme/tool: manifest unknown: manifest unknown'],
  }),
  sig({
    id: 'image.chart-repo-not-found',
    cause: 'image.not-found',
    // Helm fetching a repository's index.yaml or a chart archive and getting 404 — or 403, which static hosting
    // (a GCS or S3 bucket, as the retired kubernetes-charts.storage.googleapis.com) answers for an object that is
    // not there: the repository URL or the chart version does not exist at that address.
    re: /failed to fetch https?:\/\/\S+?(\/index\.yaml|\.tgz) ?: (40[34]|410)\b/,
    anchors: ['failed to fetch'],
    confidence: 0.75,
    specificity: 95,
    // A repository that served yesterday and answers 404 today is its host's outage (GitHub Pages has had them).
    alternatives: ['image.auth-missing', 'registry.server-error'],
    check: 'curl -sI <repository URL>/index.yaml: a chart repository is the URL under which index.yaml exists (not a chart\'s own path, not a project page); the old stable and incubator repositories at kubernetes-charts(-incubator).storage.googleapis.com are gone (charts.helm.sh/stable keeps their last versions); a private repository answering 401/403 with credentials sent is the login instead; a well-known repository that served before is its host\'s outage (its status page)',
    source: 'Helm getter ("failed to fetch %s : %s" for the repository index and chart archives); the stable chart repositories\' retirement (2020)',
    samples: [
      'Error: looks like "https://github.com/acme/helm-charts" is not a valid chart repository or cannot be reached: failed to fetch https://github.com/acme/helm-charts/index.yaml : 404 Not Found',
      'failed to fetch https://kubernetes-charts.storage.googleapis.com/index.yaml : 403 Forbidden',
      'could not download https://charts.helm.sh/stable/mysql-1.6.9.tgz: failed to fetch https://charts.helm.sh/stable/mysql-1.6.9.tgz : 404 Not Found',
    ],
    counterSamples: ['failed to fetch https://charts.example.com/index.yaml : 401 Unauthorized', 'failed to fetch oauth token: unexpected status: 403 Forbidden'],
  }),
  sig({
    id: 'image.chart-version-not-found',
    cause: 'image.not-found',
    // Helm resolving a chart or a dependency by name and version constraint in a repository's index, or an OCI
    // repository's tags, and finding none that fits: the chart or the version asked for is not published there.
    // Flux's source-controller words the same lookup for a HelmChart.
    re: /chart \S+ not found in \S+: (no matching version|entry not found|no chart version found)|can't get a valid version for dependency \S+|unable to locate any tags in provided repository|no '[^'\n]+' chart with version matching '[^'\n]+' found/,
    anchors: ['not found in', "can't get a valid version for dependency", 'unable to locate any tags', 'chart with version matching'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['image.auth-missing'],
    check: 'helm search repo <repo>/<chart> --versions (after helm repo update), or helm show chart oci://<registry>/<path> --version <v>: the chart name and a version that satisfies the constraint must be there',
    source: 'Helm downloader (findChartURL: "chart %s not found in %s: %w"; "can\'t get a valid version for dependency %s"), registry client ("unable to locate any tags in provided repository: %s"), Flux source-controller',
    samples: ['Error: chart redis not found in https://charts.bitnami.com/bitnami: no matching version', 'Error: can\'t get a valid version for dependency redis', 'Error: unable to locate any tags in provided repository: oci://harbor.corp.example.com/platform/flannel'],
    counterSamples: ['Error: chart "redis" version "20.1.0" downloaded'],
  }),
  sig({
    id: 'image.chart-not-in-index',
    cause: 'image.not-found',
    // Helm (and Flux's source-controller, which uses its index code) found the repository and read its index.yaml,
    // and the chart, or a version of it matching the constraint, is not listed there: the name or version asked for
    // does not exist in that repository — or the local copy of the index predates it (helm repo update).
    re: /chart \\?"[^"\n\\]{1,200}\\?"( version \\?"[^"\n\\]{0,100}\\?")? not found in \S+ repository|chart \\?"[^"\n\\]{1,200}\\?" matching \S+ not found in \S+ index|no chart version found for \S+|could not locate a version matching provided version string/,
    anchors: ['not found in', 'no chart version found', 'could not locate a version matching'],
    confidence: 0.85,
    specificity: 93,
    check: 'helm repo update, then helm search repo <repo>/<chart> --versions: the chart name (with its repository prefix) and the version or constraint must be among those listed; a release candidate needs --devel or a constraint that admits pre-releases',
    source: 'Helm pkg/repo ChartNotFoundError ("%s not found in %s repository" for chart %q [version %q]), pkg/downloader ("chart %q matching %s not found in %s index"), pkg/repo index ("no chart version found for %s-%s")',
    samples: [
      'Error: could not download chart: chart "grafana/tempo" version "9.9.9" not found in https://grafana.github.io/helm-charts repository',
      'Error: INSTALLATION FAILED: chart "bitnami/redis" matching 99.0.0 not found in bitnami index. (try \'helm repo update\'): no chart version found for redis-99.0.0',
      'chart pull error: failed to get chart version for remote reference: could not locate a version matching provided version string >=1.0.0-rc.1',
    ],
    counterSamples: ['Error: looks like "https://charts.example.com" is not a valid chart repository or cannot be reached: Get "https://charts.example.com/index.yaml": dial tcp: lookup charts.example.com: no such host'],
  }),
  sig({
    id: 'image.registry-namespace-disabled',
    cause: 'image.not-found',
    // Quay answers every pull from an organisation (namespace) its administrators disabled with this sentence: the
    // repository is no longer served under that name, whatever the tag.
    re: /namespace \S+ has been disabled/,
    anchors: ['has been disabled'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['image.auth-missing'],
    check: 'the project\'s current image location (its release notes or README): a disabled namespace on quay.io does not come back; pull the image from where the project publishes it now',
    source: 'Quay (registry API answer for a disabled namespace: "Namespace %s has been disabled. Please contact a system administrator.")',
    samples: [
      'Error response from daemon: Get https://quay.io/v2/acme/tool/manifests/1.0: unknown: Namespace acme has been disabled. Please contact a system administrator.',
      'Error: initializing source docker://quay.io/acme/tool:1.0: reading manifest 1.0 in quay.io/acme/tool: unknown: Namespace acme has been disabled. Please contact a system administrator.',
    ],
    counterSamples: ['the feature has been disabled by the administrator'],
  }),
  sig({
    id: 'image.version-withdrawn',
    cause: 'image.not-found',
    // A registry refusing a pull with its own sentence that the version is no longer offered (a vendor withdrawing
    // old tags from a free program): the reference names something that is not served any more.
    re: inRegistryContext(/(version|image|tag|artifact)s? (is|are) no longer available/),
    anchors: ['no longer available'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['image.auth-missing'],
    check: 'list what the registry still serves (skopeo list-tags docker://<registry>/<repository>, or the vendor\'s catalogue) and pin a version that is there; a vendor that moved old versions behind a subscription needs that login and a pull secret',
    source: 'registry error bodies (the message of an "unknown" or "denied" error code) returned instead of the manifest',
    samples: [
      'Failed to pull image "registry.example.com/vendor/db:13.10-0": rpc error: code = Unknown desc = Error response from daemon: unknown: This container version is no longer available from the Developer Program.',
      'failed to pull and unpack image "registry.example.com/vendor/app:2.1": failed to resolve reference "registry.example.com/vendor/app:2.1": unexpected status: 410 Gone: this image version is no longer available',
    ],
    counterSamples: ['The service is no longer available'],
  }),
  sig({
    id: 'image.engine-no-such-image',
    cause: 'image.never-pull-absent',
    // The Docker Engine API creates a container only from an image already in the daemon; the CLI pulls first, an
    // API client (docker-py under Airflow's DockerOperator, Compose v1, Ansible) must ask for the pull itself.
    // Not Home Assistant's Supervisor, which inspects (GET /images/<name>/json) what it failed to pull and reports
    // "Can't install": there the missing image is the pull's failure, whatever made it fail.
    // Nor a create after a pull that failed with the image not found (docker-py's pull returns the error as a string).
    re: /^(?![\s\S]*(can't install|failed to install add-?on|\/images\/\S+\/json|error: image \S+ not found))[\s\S]*?404 client error[^\n]{0,120}no such image: \S+/,
    anchors: ['no such image'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['image.not-found'],
    check: 'docker images | grep <name> on the daemon the client talks to: pull it first (docker pull, or the tool\'s pull option — DockerOperator force_pull, Compose pull) or build it there',
    source: 'Docker Engine API POST /containers/create: 404 "No such image: %s" when the image is not local; docker-py\'s HTTPError text',
    samples: [
      '{taskinstance.py:1396} ERROR - 404 Client Error: Not Found ("No such image: ubuntu:latest")',
      'docker.errors.ImageNotFound: 404 Client Error for http+docker://localhost/v1.43/containers/create?name=job: Not Found ("No such image: team/job:3")',
    ],
    counterSamples: ['docker.errors.NotFound: 404 Client Error for http+docker://localhost/v1.43/containers/abc/json: Not Found ("No such container: abc")', 'Can\'t install ghcr.io/acme/addon:1.0.4: 404 Client Error for http+docker://localhost/v1.45/images/ghcr.io/acme/addon:1.0.4/json: Not Found ("No such image: ghcr.io/acme/addon:1.0.4")'],
  }),
  sig({
    id: 'image.gcr-v1-fallback-not-found',
    cause: 'image.not-found',
    // Old Docker clients fall back to the v1 API when v2 found nothing; GCR answers that fallback with 405 and says
    // why it happened: the v2 image was not found.
    re: /v1 registry api is disabled[^\n]{0,300}?v2 image could not be found/,
    anchors: ['v1 registry api is disabled'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['image.auth-missing'],
    check: 'gcloud container images list-tags <gcr.io/project/name> (or the registry\'s console): the repository and tag must exist; a private project needs credentials, which reads the same to an anonymous client',
    source: 'Google Container Registry\'s answer to the v1 API ("v1 Registry API is disabled. If you are not explicitly using the v1 Registry API, it is possible your v2 image could not be found.")',
    samples: ['Error: Status 405 trying to pull repository google-containers/cassandraxxx: "v1 Registry API is disabled. If you are not explicitly using the v1 Registry API, it is possible your v2 image could not be found. Verify that your image is available, or retry with `dockerd --disable-legacy-registry`."', 'v1 Registry API is disabled. If you are not explicitly using the v1 Registry API, it is possible your v2 image could not be found.'],
    counterSamples: ['Status 405 trying to push repository acme/app'],
  }),
  sig({
    id: 'image.tool-cannot-find-image',
    cause: 'image.not-found',
    // Tools that resolve an image's config themselves (Lightbend's reactive-cli) say in their own words that the
    // repository, registry or tag is not there.
    re: /unable to find (repository or registry|image with tag \S+)/,
    anchors: ['unable to find repository or registry', 'unable to find image with tag'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['image.auth-missing'],
    check: 'the reference the tool was given: the registry host, the repository path (spelling) and the tag must exist there; list the tags with crane ls <registry>/<repository> or the registry\'s UI',
    source: 'reactive-cli Docker registry lookups ("Unable to find repository or registry", "Unable to find image with tag %s")',
    samples: ['Failed to obtain Docker config for registry.example.io/test/app:hello, Unable to find repository or registry', 'Failed to obtain Docker config for registry.example.io/test/app:hello, Unable to find image with tag hello'],
    counterSamples: ["Unable to find image 'alpine:3.19' locally"],
  }),
  sig({
    id: 'image.client-404-manifest',
    cause: 'image.not-found',
    // A 404 for a manifest, in the words of a client that is not a container runtime: the registry has no such
    // repository or tag (or hides a private one from a caller without credentials).
    // A reference must follow manifests/: an empty one is the client's own bug (it asked for no tag at all).
    re: new RegExp(String.raw`^(?=[\s\S]*\/v2\/[^\s"'\\]*\/manifests\/[^\s"'\\:])[\s\S]*?(?<key>${clientStatus('404')})`),
    anchors: ['404'],
    confidence: 0.75,
    specificity: 84,
    alternatives: ['image.auth-missing', 'registry.mirror-misconfigured'],
    check: 'the repository and tag in the URL: crane ls <registry>/<repository> lists the tags; a private repository answers 404 to a caller without credentials on some registries',
    source: 'distribution API 404 (MANIFEST_UNKNOWN, NAME_UNKNOWN) as Java, Python requests, Axios, curl and .NET report an HTTP status',
    samples: [
      'requests.exceptions.HTTPError: 404 Client Error: Not Found for url: https://harbor.lab/v2/team/app/manifests/1',
      'curl: (22) The requested URL returned error: 404 (https://harbor.lab/v2/team/app/manifests/1)',
    ],
    counterSamples: ['requests.exceptions.HTTPError: 404 Client Error: Not Found for url: https://harbor.lab/v2/team/app/blobs/sha256:aa', 'GET https://index.docker.io/v2/aquasec/trivy/manifests/: unexpected status code 404 Not Found: 404 page not found'],
  }),
  sig({
    id: 'image.docker-manifest-missing-for-reference',
    cause: 'image.not-found',
    // Docker's own words when the registry has no manifest for the tag or digest asked for.
    re: /image manifest does not exist for tag or digest/,
    anchors: ['image manifest does not exist'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['image.auth-missing'],
    check: 'the tag or digest in the reference: crane ls <registry>/<repository> (or the registry\'s UI) lists what exists; a digest from another repository or platform is not there',
    source: 'Docker distribution pull ("image manifest does not exist for tag or digest %q")',
    samples: ['Error response from daemon: image manifest does not exist for tag or digest "sha256:abc"', 'image manifest does not exist for tag or digest "v9.9.9"'],
    counterSamples: ['Digest: sha256:abc'],
  }),
];
