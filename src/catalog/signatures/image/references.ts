import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** Image references that do not parse, and images without the node's platform (facts §7). */
export const REFERENCE_SIGNATURES: Signature[] = [
  sig({
    id: 'image.base-name-blank',
    cause: 'image.invalid-reference',
    // BuildKit expands FROM's build arguments before it parses the reference: an ARG without a value (not passed by
    // the tool that runs the build) leaves no image name at all.
    re: /base name \(\S*\) should not be blank|invaliddefaultarginfrom/,
    anchors: ['should not be blank', 'invaliddefaultarginfrom'],
    confidence: 0.9,
    specificity: 92,
    source: 'moby/buildkit Dockerfile frontend ("base name (%s) should not be blank"; the InvalidDefaultArgInFrom check)',
    samples: [
      'ERROR: failed to solve: base name ($BUILD_FROM) should not be blank',
      'WARN: InvalidDefaultArgInFrom: Default value for ARG $BASE_IMAGE results in empty or invalid base image name (line 2)',
    ],
    counterSamples: ['FROM $BASE_IMAGE'],
  }),
  sig({
    id: 'image.github-packages-tag-format',
    cause: 'image.invalid-reference',
    // GitHub's old Docker registry (docker.pkg.github.com) takes owner/repository/image: a tag with two parts names no image.
    re: /only supported with a tag of the format :owner\/:repo_name\/:image_name/,
    anchors: ['tag of the format :owner'],
    confidence: 0.9,
    specificity: 94,
    source: 'GitHub Packages Docker registry ("docker image push is only supported with a tag of the format :owner/:repo_name/:image_name")',
    samples: ['name unknown: docker image push is only supported with a tag of the format :owner/:repo_name/:image_name.', 'Push failed: {"message":"name unknown: docker image push is only supported with a tag of the format :owner/:repo_name/:image_name. Please add an image name to \\"acme/app\\" tag."}'],
    counterSamples: ['name unknown: repository name not known to registry'],
  }),
  sig({
    id: 'image.push-registry-host-as-hub-name',
    cause: 'image.invalid-reference',
    // An image tagged with a registry host and nothing after it ("docker tag app reg.azurecr.io") is a Docker Hub name:
    // the client normalises it to docker.io/library/<host>, and the push goes to Hub instead of that registry.
    re: /refers to repository \[docker\.io\/library\/[a-z0-9-]+(\.[a-z0-9-]+)*\.(io|com|net|org|dev|cloud|cn|local|lan|internal|corp)(:\d+)?\]/,
    anchors: ['refers to repository [docker.io/library/'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['image.auth-rejected'],
    check: 'the tag pushed: it must be <registry host>/<repository>[:tag] (docker tag app reg.example.io/team/app:1); a registry host alone is read as a Docker Hub repository of that name',
    source: 'distribution/reference normalisation (a name without a host part is docker.io/library/<name>)',
    samples: ['The push refers to repository [docker.io/library/myreg.azurecr.io]', 'The push refers to repository [docker.io/library/registry.corp.local:5000]'],
    counterSamples: ['The push refers to repository [docker.io/library/nginx]', 'The push refers to repository [myreg.azurecr.io/app]'],
  }),
  sig({
    id: 'image.local-store-instance-missing',
    cause: 'unknown',
    // The same containers/image miss while the runtime LISTS its local store (CRI-O's ListImages, crictl images,
    // podman images): no pull is asked for. A manifest list kept in the store without an instance for this node's
    // platform (built or copied for another one) breaks the listing; whether any pod's image is affected is open.
    re: /(listimages[^\n]{0,80}failed|listing images: )[^\n]{0,200}choosing image instance: no image found in (manifest list|image index)/,
    anchors: ['choosing image instance'],
    also: ['listimages', 'listing images'],
    confidence: 0.4,
    specificity: 97,
    alternatives: ['image.platform-mismatch'],
    check: 'crictl images (or podman images) on that node, then crictl inspecti on each recent image: the one whose manifest list lacks this node\'s platform (an image built or copied for another architecture) — remove it (crictl rmi <id>) and pull it again for this platform',
    source: 'containers/image internal/image ("choosing image instance: no image found in manifest list for architecture %q, variant %q, OS %q") under CRI-O\'s ListImages',
    samples: [
      '"ListImages with filter from image service failed" err="rpc error: code = Unknown desc = choosing image instance: no image found in manifest list for architecture arm64, variant \\"\\", OS linux"',
      'FATA[0000] listing images: rpc error: code = Unknown desc = choosing image instance: no image found in manifest list for architecture amd64, variant "", OS linux',
    ],
    counterSamples: ['Error: initializing source docker://registry.example.org/tools/agent:3: choosing image instance: no image found in image index for architecture "s390x", variant "", OS "linux"'],
  }),
  sig({
    id: 'image.platform-no-match',
    cause: 'image.platform-mismatch',
    // containers/image (CRI-O, podman, skopeo) words the same miss as "no image found in manifest list (image index) for architecture …".
    // (CRI-O's kubelet events wrap it onto a new line before "for architecture".)
    re: /no match(ing manifest)? for platform|cannot download image with operating system \\?"?\w+\\?"? when requesting \\?"?\w+|no matching manifest for \S+( [\d.]+)? in the manifest list|does not match the (specified|detected host|expected) platform|image operating system "?\w+"? cannot be used on this platform|no image found in (manifest list|image index)\s+for architecture|no supported platform found in manifest list|a windows version [\d.]+-based image is incompatible with a [\d.]+ host|image architecture mismatch: image uses \\?\"\w+\\?\", expecting|the container operating system does not match the\s+host operating system|no child with platform \S[^\n]{0,80}? in index|image operating system mismatch: image uses os/,
    anchors: ['no match for platform', 'no matching manifest for', 'cannot download image with operating system', 'does not match the', 'cannot be used on this platform', 'container operating system does not match', 'no image found in', 'based image is incompatible with', 'no supported platform found', 'image architecture mismatch', 'no child with platform', 'image operating system mismatch'],
    confidence: 0.95,
    specificity: 95,
    source: 'facts §4.6 (containerd platform matcher), Docker manifest list texts',
    samples: [
      'a Windows version 10.0.18362-based image is incompatible with a 10.0.17763 host',
      // Windows HCS: a process-isolated container needs the host's build (ERROR 0xc0370101).
      'Error response from daemon: CreateComputeSystem af1a50df: The container operating system does not match the host operating system.',
      'Failed to pull image "ghcr.io/acme/tool:1.2": rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/acme/tool:1.2": no match for platform in manifest: not found',
      'Error response from daemon: no matching manifest for linux/arm64/v8 in the manifest list entries',
      // go-containerregistry (crane, ko, kaniko) choosing a child of an index.
      'Error: no child with platform {Architecture:arm64 OS:linux} in index registry.example.com/app:1.2',
      // containers/image into containers-storage (CRI-O, podman) logs the mismatch it then runs with.
      'INFO[0002] Image operating system mismatch: image uses OS "linux"+architecture "amd64"+"", expecting one of "linux+arm64+\\"v8\\", linux+arm64+\\"\\""',
      // Docker before 17.06.
      'rpc error: code = Unknown desc = no supported platform found in manifest list',
      // containers/image before it learnt manifest lists (podman 1.x) checks the single image's architecture.
      'Error: error pulling image "k8s.gcr.io/pause:3.1": unable to pull image: Image architecture mismatch: image uses "amd64", expecting "arm"',
      'failed to pull and unpack image "docker.io/library/app:2": image with reference docker.io/library/app:2 was found but does not match the specified platform: wanted linux/arm64, actual: linux/amd64',
      'Error: initializing source docker://registry.example.org/tools/agent:3: choosing image instance: no image found in image index for architecture "s390x", variant "", OS "linux"',
      'Failed to pull image "ghcr.io/acme/bouncer:v0.6.2": unable to pull image or OCI artifact: pull image err: choosing an image from manifest list\ndocker://ghcr.io/acme/bouncer@sha256:2c7e: no image found in image index\nfor architecture "arm64", variant "v8", OS "linux"',
    ],
    counterSamples: ['failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found'],
  }),
  sig({
    id: 'image.platform-not-provided',
    cause: 'image.platform-mismatch',
    // Docker's containerd image store: the image is in the store (or the registry) but carries no variant for the
    // platform asked (--platform, or the daemon's own architecture).
    re: /was found but does not provide the specified platform/,
    anchors: ['does not provide the specified platform'],
    confidence: 0.9,
    specificity: 93,
    check: 'docker buildx imagetools inspect <image> (or crane manifest <image>): the platforms it lists against the node\'s (uname -m) or the --platform given; pull a tag built for that platform, or build one',
    source: 'moby daemon/containerd image store ("image with reference %s was found but does not provide the specified platform (%s)")',
    samples: ['Error response from daemon: image with reference docker.io/library/nginx:1.25 was found but does not provide the specified platform (linux/arm64/v8)', 'image with reference acme/app:1 was found but does not provide the specified platform (linux/amd64)'],
    counterSamples: ['no matching manifest for linux/arm64/v8 in the manifest list entries'],
  }),
  sig({
    id: 'image.import-filtered-out',
    cause: 'image.platform-mismatch',
    // ctr images import keeps only the host's platform unless told otherwise; an archive holding only another
    // architecture imports nothing, and ctr says so (kind load docker-image goes through it).
    re: /image might be filtered out/,
    anchors: ['image might be filtered out'],
    confidence: 0.8,
    specificity: 92,
    check: 'docker image inspect <image> --format \'{{.Os}}/{{.Architecture}}\' against the node\'s (uname -m inside the node container): build or pull the image for the node\'s platform (docker pull --platform linux/arm64), or import with ctr images import --all-platforms',
    source: 'containerd ctr images import ("image might be filtered out" when the archive yields no image for the platforms kept)',
    samples: ['ERROR: failed to load image: command "docker exec --privileged -i kind-worker ctr --namespace=k8s.io images import --digests --snapshotter=overlayfs -" failed with error: exit status 1 Command Output: ctr: image might be filtered out', 'ctr: image might be filtered out'],
    counterSamples: ['unpacking docker.io/library/nginx:1.25 (sha256:ab)...done'],
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
    id: 'image.emulated-binary-failed',
    cause: 'image.platform-mismatch',
    // qemu's user-mode emulation (binfmt_misc) runs another architecture's binaries and prints its own name when they
    // die or cannot load: the image is not of the host's architecture (an amd64 kind node image on an arm64 Mac),
    // and the emulated program crashed where the native one would not.
    re: /\bqemu(?:-[\w]+)?: uncaught target signal \d+|\bqemu-(?:x86_64|aarch64|arm|i386)(?:-static)?: could not open '\/lib/,
    anchors: ['uncaught target signal', "could not open '/lib"],
    confidence: 0.8,
    specificity: 86,
    check: 'the image\'s architecture against the host\'s: docker image inspect <image> --format {{.Architecture}} and uname -m; pull the host\'s variant (--platform linux/arm64) or a multi-arch tag, as emulation of a whole node or runtime is not supported',
    source: 'qemu-user\'s messages when an emulated (binfmt_misc) process dies or its loader is missing',
    samples: [
      'qemu: uncaught target signal 11 (Segmentation fault) - core dumped',
      "qemu-x86_64: Could not open '/lib64/ld-linux-x86-64.so.2': No such file or directory",
    ],
    counterSamples: ['failed to get sandbox runtime: no runtime for "kata-qemu" is configured'],
  }),
  sig({
    id: 'image.invalid-reference',
    cause: 'image.invalid-reference',
    // Docker before 17.06 wrote a bad reference as 'Error parsing reference: "<ref>" is not a valid repository/tag';
    // Buildah says 'error parsing target image name "<ref>"' for a commit or push name it cannot parse.
    re: /invalid reference format|InvalidImageName|couldn't parse image (name|reference)|is not a valid repository\/tag|repository name must (be lowercase|have at least one component)|repository name must not be more than \d+ characters|cannot specify 64-byte hexadecimal strings|invalid checksum digest (format|length)|unsupported digest algorithm|Failed to apply default image tag|error parsing target image name|invalid_reference: invalid (tag|repository|digest)|\.image: Invalid value: "[^"\n]*": must not have leading or trailing whitespace|invalid value: \S*https?:\/\/\S*: spec\.[\w.]*(tag|image)\b|repository name component must match|invalid appc image string|unable to parse image reference|imagerepository: invalid value: \"[^"\n]*\": invalid image repository format|image reference \S+ does not start with \/\/|references with both a tag and digest are currently not supported/,
    anchors: ['error parsing target image name', 'invalid reference format', 'invalidimagename', "couldn't parse image", 'is not a valid repository/tag', 'repository name must', 'cannot specify 64-byte', 'invalid checksum digest', 'unsupported digest algorithm', 'failed to apply default image tag', 'invalid_reference', 'leading or trailing whitespace', 'invalid value: ', 'repository name component must match', 'invalid appc image string', 'unable to parse image reference', 'invalid image repository format', 'does not start with //', 'both a tag and digest'],
    confidence: 0.97,
    specificity: 95,
    source: 'facts §7 (distribution/reference errors), §4.5 InspectFailed',
    samples: [
      'Failed to apply default image tag "Registry.Local/App:1": couldn\'t parse image name "Registry.Local/App:1": invalid reference format: repository name (Registry.Local/App) must be lowercase',
      'Error: InvalidImageName',
      'failed to pull image "nginx:": invalid reference format',
      // Docker's reference grammar in its own words (a name with a leading space); rkt's appc names; Spring Boot's
      // image builder (Paketo) given a reference it cannot parse, such as an unexpanded $VARIABLE.
      "Unable to find image ' mesoscloud/zookeeper:latest' locally\nrepository name component must match \"[a-z0-9]+(?:[._-][a-z0-9]+)*\"",
      'stderr: prepare:  invalid appc image string "coreos.com/rkt/stage1-coreos\r"',
      'error: imageRepository: Invalid value: "registry.example.com/K8s": invalid image repository format',
      // containers/image's transport names (skopeo, podman): "docker:" without its slashes, a tag beside a digest.
      'FATA[0000] Invalid source name docker:registry.example.com/team/api:2.1.0: docker: image reference registry.example.com/team/api:2.1.0 does not start with //',
      "Execution failed for task ':bootBuildImage'.\n> Unable to parse image reference \"$EXPECTED_REF\". Image reference must be in the form '[domain/][path/]name[:tag][@digest]'",
      'Error parsing reference: "localhost:5000/WebApp:v2" is not a valid repository/tag',
      // ORAS (Helm's OCI client) names the part it rejects; the API server validates a pod's image field.
      'Error: could not download chart: invalid_reference: invalid tag',
      'Pod "web-1" is invalid: spec.containers[0].image: Invalid value: " nginx:1.25": must not have leading or trailing whitespace',
      // A URL where a reference belongs (a scheme is never part of one), refused by a controller's webhook.
      '"error": "invalid value: https://index.docker.io/v1/acme/app: spec.tag"',
    ],
    counterSamples: ['Pulling image "nginx:1.25"'],
  }),
  sig({
    id: 'image.reserved-name-scratch',
    cause: 'image.invalid-reference',
    // "scratch" names the empty base of a Dockerfile, not an image: the daemon refuses to pull or run it.
    re: /'scratch' is a reserved name/,
    anchors: ["'scratch' is a reserved name"],
    confidence: 0.85,
    specificity: 92,
    check: 'the image named: scratch is only valid as FROM scratch in a Dockerfile (an empty base); run the image built from it, or a real base image',
    source: 'moby daemon ("\'scratch\' is a reserved name")',
    samples: ["Error response from daemon: 'scratch' is a reserved name", "docker: Error response from daemon: 'scratch' is a reserved name."],
    counterSamples: ['FROM scratch'],
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
    // reference parses. Only beside an image (or crane's own "parsing reference %q:" wrapper): other programs parse
    // other references with the same words.
    re: new RegExp(`(?<key>could not\\s+parse reference(?::(?=\\s|$)|$))(?:(?<=(image|registry|crane|pull|parsing (reference|ref|tag|repo)\\b)[\\s\\S]*?)|(?=[\\s\\S]*?(image|registry|crane|pull)))`),
    anchors: ['parse reference'],
    confidence: 0.85,
    specificity: 94,
    check: 'the reference as the tool received it (a templated value that came out empty or cut short is the usual cause): it must read [host/]repository[:tag][@sha256:digest], lowercase',
    source: 'go-containerregistry pkg/name ParseReference ("could not parse reference: %s")',
    samples: [
      'image scan error: failed to parse the image name: could not parse reference: k',
      'Error: parsing reference "ghcr.io/Acme/App:1": could not parse reference: ghcr.io/Acme/App:1 (crane pull)',
      'Error: parsing reference "ghcr.io/acme/App Server:1": could not parse reference: ghcr.io/acme/App Server:1',
    ],
    counterSamples: ['warning: could not parse reference: John 3:16'],
  }),
  sig({
    id: 'image.tag-by-digest',
    cause: 'image.invalid-reference',
    // containers/image (podman, buildah, skopeo, CRI-O) cannot write a name that carries both a tag and a digest:
    // re-tagging or pushing an image pinned as repo:tag@sha256:… needs one of the two dropped.
    re: /tag by digest not supported/,
    anchors: ['tag by digest not supported'],
    confidence: 0.85,
    specificity: 94,
    check: 'the destination reference: name:tag@sha256:… carries both; keep the tag for podman tag / push (or the digest alone to pull), e.g. strip @sha256:… from the values an air-gap mirror script writes',
    source: 'containers/image storage and docker transports ("tag by digest not supported")',
    samples: [
      'Error: localacr.azurecr.us/registry.k8s.io/ingress-nginx/controller:v1.5.1@sha256:4ba73c697770664c1e00e9f968de14e08f606ff961c76e5d7033a4a9c593c629: tag by digest not supported',
      'Error: registry.local/app:1.0@sha256:0c3f7c1e8d5a: tag by digest not supported',
    ],
    counterSamples: ['Pulling registry.local/app@sha256:0c3f7c1e8d5a'],
  }),
  sig({
    id: 'image.ggcr-name-element-invalid',
    cause: 'image.invalid-reference',
    // go-containerregistry's checks of each part of a name (kaniko's --destination, ko, crane): the characters
    // a repository or tag may hold and its length (2–255 for a repository: an empty or trailing-slash name is too
    // short), a colon with no tag after it, no repository at all, a scheme in the reference.
    // docker-py (docker-compose v1, Ansible's docker modules) refuses a scheme in its own words (InvalidRepository).
    re: /(repository|tag) can only contain the characters `[^`\n]{1,80}`|\S+ must specify a tag name after the colon|a repository name must be specified|image reference must not contain a url scheme|registries must be valid rfc 3986 uri authorities|(repository|tag) must be between \d+ and \d+ (runes|characters) in length|repository name cannot contain a scheme/,
    anchors: ['can only contain the characters', 'must specify a tag name after the colon', 'a repository name must be specified', 'must not contain a url scheme', 'rfc 3986 uri authorities', 'repository must be between', 'tag must be between', 'cannot contain a scheme'],
    confidence: 0.85,
    specificity: 94,
    check: 'the image name as the tool received it (kaniko --destination, ko\'s KO_DOCKER_REPO, a CI variable): lowercase repository, a tag after the colon, no https:// — an empty or cut variable is the usual cause',
    source: 'go-containerregistry pkg/name (check.go "%s can only contain the characters `%s`: %s", tag.go, repository.go, ref.go, registry.go); docker-py auth.resolve_repository_name ("Repository name cannot contain a scheme")',
    samples: [
      'error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: getting tag for destination: repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: Team/App',
      'getting tag for destination: registry.example.com/team/app: must specify a tag name after the colon',
      'docker.errors.InvalidRepository: Repository name cannot contain a scheme (https://registry.example.com/team/app)',
      'could not resolve repository: repository must be between 2 and 255 characters in length: a',
      'parsing reference: repository must be between 2 and 255 runes in length: ',
    ],
    counterSamples: ['the tag name after the colon is 1.25'],
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
    id: 'image.reference-missing-part',
    cause: 'image.invalid-reference',
    // oras-go's reference parser (Ratify, Notation, ORAS) wants registry/repository[:tag|@digest]: a short name
    // such as nginx:latest has no registry, so the parser finds no repository.
    re: /invalid reference: (missing (registry or )?repository|missing registry|invalid (repository|tag|digest))|unable to parse image name [a-z-]+:\/\/[a-z-]+:\/\/|invalid image name \\?"[^"\n]{0,300}\\?", expected colon-separated transport:reference/,
    anchors: ['invalid reference: ', 'unable to parse image name', 'expected colon-separated transport'],
    confidence: 0.85,
    specificity: 88,
    check: 'the reference as written: oras-based tools (Ratify, Notation, ORAS) take only fully qualified names, docker.io/library/nginx:latest; Apptainer/Singularity take one scheme, docker://<name>, and refuse a name that carries two',
    source: 'oras-go registry.ParseReference ("invalid reference: missing repository" and the like), Apptainer/Singularity ("unable to parse image name")',
    samples: [
      'failed to mutate image reference nginx:latest: invalid reference: missing repository',
      'FATAL:   While making image from oci registry: error fetching image to cache: failed to get checksum for docker://docker://cymon/eggnog:0.2: unable to parse image name docker://docker://cymon/eggnog:0.2',
    ],
    counterSamples: ['invalid reference to undefined variable', 'Unable to parse image name: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1, check the format and try again'],
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
    id: 'image.host-as-docker-hub-path',
    cause: 'image.invalid-reference',
    // A Docker Hub account name has no dot and no port, so a /v2/ path on Docker Hub whose first part looks like a
    // host (nvcr.io, myacr.azurecr.io, registry:5000) is another registry's name the client did not recognise as
    // one: enroot and pyxis want registry#image, and a reference whose first part lacks a dot or port is Docker
    // Hub's. Docker Hub answers the path it was given with 401 or 404, which is not the credentials' fault.
    re: /(registry-1|index)\.docker\.io\/v2\/([a-z0-9-]+\.)+[a-z0-9-]+(:\d+)?\/[^\s"']*\/(manifests|blobs|tags)\//,
    anchors: ['docker.io/v2/'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['image.auth-missing'],
    check: 'how the client wants the registry written: enroot and pyxis take <registry>#<image> (nvcr.io#nvidia/pytorch:24.01-py3), other clients need the registry host first with a dot or a port; the URL shows what the host part became',
    source: 'Docker reference normalisation (a first part without a dot, a port or localhost is a Docker Hub path); enroot\'s registry#image syntax',
    samples: [
      '[ERROR] URL https://registry-1.docker.io/v2/nvcr.io/nvidia/pytorch/manifests/24.01-py3 returned error code: 401 Unauthorized',
      'GET https://index.docker.io/v2/myacr.azurecr.io/team/app/manifests/1.0: UNAUTHORIZED: authentication required',
    ],
    counterSamples: ['GET https://registry-1.docker.io/v2/library/nginx/manifests/1.25: 401 Unauthorized'],
  }),
  sig({
    id: 'image.reference-dummy-port',
    cause: 'image.invalid-reference',
    // containerd parses a reference as the URL dummy://<ref>: a name that is not fully qualified (ctr wants
    // docker.io/library/nginx:1.25, not nginx:1.25) puts the tag where the URL's port goes.
    re: /parse \\?"dummy:\/\/[^"\s]{1,300}\\?": invalid port/,
    anchors: ['dummy://'],
    confidence: 0.85,
    specificity: 92,
    check: 'the reference passed: ctr and containerd\'s own clients take only fully qualified names, registry/repository:tag (docker.io/library/nginx:1.25.3), and do not add docker.io or :latest',
    source: 'containerd pkg/reference (Parse builds the URL "dummy://" + ref), Go net/url ("invalid port %q after host")',
    samples: ['ctr: failed to resolve image: parse "dummy://nginx:1.25.3": invalid port ":1.25.3" after host', 'failed to resolve reference: parse "dummy://busybox:latest": invalid port ":latest" after host'],
    counterSamples: ['parse "https://registry.example.com:5000x/v2/": invalid port ":5000x" after host'],
  }),
  sig({
    id: 'image.reference-control-character',
    cause: 'image.invalid-reference',
    // Go's net/url refuses a URL with a control character in it: an image reference or registry address carried a
    // newline or tab from where it was written (a heredoc, a secret's value, a YAML block scalar).
    re: /parse \\?"[^"\n]{0,200}(docker\.io|ghcr\.io|quay\.io|gcr\.io|pkg\.dev|azurecr\.io|registry|\/v2\/)[^"\n]{0,200}\\?": net\/url: invalid control character in url/,
    anchors: ['invalid control character in url'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the value the URL was built from, byte by byte (printf %q, or od -c): a trailing newline or a \\n inside an image reference or registry address, often from a secret or a YAML block scalar; write it on one line',
    source: 'Go net/url parse ("net/url: invalid control character in URL")',
    samples: ['parse "dummy://\\n8ghcr.io/org/image:1": net/url: invalid control character in URL', 'parse "https://registry.example.com\\n/v2/": net/url: invalid control character in URL'],
    counterSamples: ['parse "https://api.example.com\\n/v1/": net/url: invalid control character in URL'],
  }),
  sig({
    id: 'image.invalid-repository-name',
    cause: 'image.invalid-reference',
    // The registry or its token service refusing the repository's name itself (distribution's NAME_INVALID,
    // Docker Hub's "invalid repository name"): an empty path part, upper case, a leading slash.
    // A registry with its own naming rules (Harbor wants project/repository) refuses a path a mirror or an offline
    // bundle laid out without them: the reference parses, the registry's layout does not take it.
    re: /invalid repository name|\bname_invalid\b|repository name must (be lowercase|have at least one component)/,
    anchors: ['invalid repository name', 'name_invalid', 'repository name must'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the repository path the request used (in the URL after /v2/): upper case or an empty part is the reference; a well-formed name refused by a self-hosted registry or mirror is its layout — Harbor needs <project>/<repository>, so a mirror or rewrite must add the project',
    source: 'distribution errcode NAME_INVALID ("invalid repository name"); Docker Hub token service 400 detail',
    samples: [
      'GET https://auth.docker.io/token?scope=repository%3A%2Fteam%2Fapp%3Apush%2Cpull&service=registry.docker.io: unexpected status code 400 Bad Request: {"details":"invalid repository name"}',
      'errors: NAME_INVALID: invalid repository name',
    ],
    counterSamples: ['NAME_UNKNOWN: repository name not known to registry', "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames"],
  }),
  sig({
    id: 'image.upload-location-unparsable',
    cause: 'unknown',
    // "invalid reference format" after a blob upload began: the image's own reference parsed already (the push
    // started), so what failed to parse came back from the registry — the upload Location it answered with (a proxy
    // or repository manager rewriting it, or a content-type it answers differently).
    re: /failed to upload blob[^\n]{0,200}?: invalid reference format/,
    anchors: ['failed to upload blob'],
    confidence: 0.5,
    specificity: 97,
    alternatives: ['registry.mirror-misconfigured', 'registry.server-error'],
    check: 'push one small image with the same client and --log-level debug (or skopeo copy --debug): the Location header of the POST /v2/<name>/blobs/uploads/ answer is what did not parse; a repository manager (Nexus, Artifactory) or a proxy in front must return it unchanged',
    source: 'containers/image and distribution clients: the blob upload session follows the registry\'s Location header',
    samples: [
      'error: unable to push quay.io/openshift/okd-content: failed to upload blob sha256:9298e99c05c3fbe3d5678773a250984c8b9e104bd8f833a4f5538f4d1e5a948d: invalid reference format',
      'Error: writing blob: failed to upload blob sha256:abc: invalid reference format',
    ],
    counterSamples: ['failed to pull image "Nginx:1": invalid reference format'],
  }),
  sig({
    id: 'image.registry-host-as-repository',
    cause: 'image.invalid-reference',
    // A reference that was only a registry host ("localhost:5003") normalises to Docker Hub's library/localhost:
    // no image of that name exists — the repository path is missing from the reference, not a login.
    re: /(?:index\.|registry-1\.)?docker\.io\/(?:v2\/)?library\/localhost[/:@]/,
    anchors: ['library/localhost'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['image.auth-missing'],
    check: 'the reference the tool was given: a registry host alone (localhost:5000) needs a repository after it (localhost:5000/team/app:tag); flags that take a reference and a directory in either order are the usual slip',
    source: 'distribution/reference normalisation (a name without a registry domain goes to docker.io/library/<name>)',
    samples: [
      'Error: HEAD https://index.docker.io/v2/library/localhost/manifests/sha256:2df55d: unexpected status code 401 Unauthorized (HEAD responses have no body, use GET for details)',
      'pull access denied for docker.io/library/localhost:5000, repository does not exist',
    ],
    counterSamples: ['Head "https://localhost:5000/v2/team/app/manifests/1": dial tcp [::1]:5000: connect: connection refused'],
  }),
  sig({
    id: 'image.unknown-transport',
    cause: 'image.invalid-reference',
    // containers/image (CRI-O, podman) parses a name it cannot read as a docker reference as
    // transport:reference: a tag and a digest together, or a scheme, leave a "transport" it does not know.
    re: /invalid image name \\?"[^"]+\\?", unknown transport/,
    anchors: ['unknown transport'],
    confidence: 0.85,
    specificity: 93,
    check: 'the image field: name:tag or name@sha256:digest, not both in older CRI-O; no scheme (https://) or stray characters',
    source: 'containers/image alltransports.ParseImageName ("Invalid image name %q, unknown transport %q"), as CRI-O returns it',
    samples: ['rpc error: code = Unknown desc = Invalid image name "gcr.io/distroless/base:debug@sha256:72a0", unknown transport "gcr.io/distroless/base"', 'Invalid image name "https://reg.lab/app:1", unknown transport "https"'],
    counterSamples: ['Error: unknown transport "oci-archive"'],
  }),
  sig({
    id: 'image.short-name-enforced',
    cause: 'image.invalid-reference',
    // containers/image (podman, CRI-O, buildah) with short-name-mode = "enforcing": a reference without a
    // registry is ambiguous across unqualified-search-registries and, with no TTY to ask, refused. CRI-O says it
    // in its own words when the kubelet asks for such a name (more than one search registry: an ambiguous list).
    re: /short-name\s+resolution enforced but cannot prompt without a tty|short-name "[^"\n]+" did not resolve to an alias and no unqualified-search registries are defined|short name mode\s+is enforcing,\s+but image name \S+\s+returns ambiguous list|no registries configured while trying to pull an unqualified image/,
    // A terminal or a log viewer may wrap the line after "short-name": anchored on the rest.
    anchors: ['resolution enforced but cannot prompt', 'did not resolve to an alias', 'returns ambiguous list', 'pull an unqualified image'],
    confidence: 0.9,
    specificity: 92,
    source: 'containers/image short-name resolution (registries.conf short-name-mode, unqualified-search-registries); CRI-O\'s image name resolution',
    samples: [
      'Error: short-name resolution enforced but cannot prompt without a TTY',
      'Error: short-name "nginx" did not resolve to an alias and no unqualified-search registries are defined in "/etc/containers/registries.conf"',
      'Failed to pull image "team/app:1.2": rpc error: code = Unknown desc = short name mode is enforcing, but image name team/app:1.2 returns ambiguous list',
      // a terminal or event view wraps the long sentence
      'InspectFailed: rpc error: code = Unknown desc = short name mode\nis enforcing, but image name acme/tool:v1 returns ambiguous list',
      // older CRI-O: a short name with no search registry configured at all
      'Failed to inspect image "busybox": rpc error: code = Unknown desc = no registries configured while trying to pull an unqualified image, add at least one in either /etc/crio/crio.conf or /etc/containers/registries.conf',
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
    id: 'image.short-name-no-config',
    cause: 'unknown',
    // The same short-name refusal naming an empty file: containers/image found no registries.conf at all (a
    // build or package without /etc/containers/registries.conf, a wrong CONTAINERS_REGISTRIES_CONF), so the
    // reference is not the question — the tool's configuration is.
    // Newer containers/image says so outright: "no containers-registries.conf(5) was found".
    re: /no unqualified-search registries are defined in ""|did not resolve to an alias and no containers-registries\.conf\(5\) was found/,
    anchors: ['are defined in ""', 'containers-registries.conf(5) was found'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['image.invalid-reference'],
    check: 'which registries.conf the tool reads: ls -l /etc/containers/registries.conf ~/.config/containers/registries.conf and env | grep CONTAINERS_; none there means the package lacks its default config (reinstall containers-common) — a fully qualified name (docker.io/library/ubuntu) works meanwhile',
    source: 'containers/image short-name resolution (the path of the registries.conf it read, empty when it read none)',
    samples: ['Error: error getting default registries to try: short-name "ubuntu" did not resolve to an alias and no unqualified-search registries are defined in ""', 'Error: short-name "alpine" did not resolve to an alias and no unqualified-search registries are defined in ""', 'Error: creating build container: short-name "ubi9" did not resolve to an alias and no containers-registries.conf(5) was found'],
    counterSamples: ['Error: short-name "nginx" did not resolve to an alias and no unqualified-search registries are defined in "/etc/containers/registries.conf"'],
  }),
  sig({
    id: 'image.ko-local-placeholder',
    cause: 'image.invalid-reference',
    // ko names images ko.local/… when it builds into the local daemon (no KO_DOCKER_REPO): a manifest applied
    // with such names sends nodes to a registry that does not exist — the reference was never published.
    re: /\bko\.local\/\S+/,
    anchors: ['ko.local/'],
    confidence: 0.85,
    specificity: 94,
    check: 'the image in the pod spec: ko.local is ko\'s local-only name — set KO_DOCKER_REPO to a registry the nodes can pull from (or kind.local with a kind cluster) and apply again',
    source: 'ko (KO_DOCKER_REPO=ko.local builds into the local Docker daemon only)',
    samples: ['Failed to pull image "ko.local/autoscaler-12c0:59cf": rpc error: code = Unknown desc = Error response from daemon: Get https://ko.local/v2/: dial tcp: lookup ko.local: Temporary failure in name resolution', 'Failed to pull image "ko.local/controller:latest": failed to resolve reference "ko.local/controller:latest": dial tcp: lookup ko.local: no such host'],
    counterSamples: ['image: ghcr.io/knative/serving/controller:v1.12'],
  }),
  sig({
    id: 'image.windows-version-mismatch',
    cause: 'image.platform-mismatch',
    // Windows runs a process-isolated container only on the Windows build its image was made for: HCS refuses
    // an image of another build with the loader's own sentence.
    re: /this version of %1 is not compatible with the version of windows you're running/,
    anchors: ['not compatible with the version of windows'],
    confidence: 0.85,
    specificity: 94,
    check: 'the image\'s os.version (docker manifest inspect <image> | grep os.version, or crane config) against the node\'s build (kubectl get node <node> -o jsonpath={.status.nodeInfo.kernelVersion}): pick the image tag of that Windows build (ltsc2019, ltsc2022) or run it with Hyper-V isolation',
    source: 'Windows HCS CreateProcess (ERROR_EXE_MACHINE_TYPE_MISMATCH text) for an image of another Windows build',
    samples: ['failed to start containerd task "sm": hcs::System::CreateProcess sm: This version of %1 is not compatible with the version of Windows you\'re running. Check your computer\'s system information', 'container web encountered an error during hcs::System::CreateProcess: failure in a Windows system call: This version of %1 is not compatible with the version of Windows you\'re running.'],
    counterSamples: ['hcs::System::CreateProcess: The system cannot find the file specified.'],
  }),
  sig({
    id: 'image.policy-reference-no-scheme',
    cause: 'image.invalid-reference',
    // Kubewarden's policy server reads a policy module's location as a URL (registry://, https://, file://): an OCI
    // reference written without registry:// is parsed with its host as the scheme, and no download is attempted.
    re: /error while downloading policy [^\n]{0,400}: unknown scheme: \S+/,
    anchors: ['unknown scheme'],
    confidence: 0.8,
    specificity: 92,
    check: 'the policy\'s module field: registry://<registry>/<repository>:<tag> for a policy in an OCI registry',
    source: 'Kubewarden policy-fetcher (URL scheme of a policy module: "unknown scheme: %s")',
    samples: ['2022-11-22T15:51:33.872255Z ERROR policy_server: error while downloading policy no-host-ns from registry01.example:5000/policies/host-namespaces-psp:v0.1.2: unknown scheme: registry01.example', 'error while downloading policy psp-capabilities from ghcr.io/kubewarden/policies/capabilities-psp:v0.1.9: unknown scheme: ghcr.io'],
    counterSamples: ['error while downloading policy psp from registry://ghcr.io/kubewarden/policies/capabilities-psp:v0.1.9: manifest unknown'],
  }),
  sig({
    id: 'image.chart-reference-malformed',
    cause: 'image.invalid-reference',
    // Helm's own checks of a chart location before any request: a repository URL that does not parse, an OCI reference
    // without a repository path, a bare name where a repo/chart path or a URL is needed.
    re: /invalid chart url format: |improperly formatted oci chart reference|non-absolute urls should be in form of repo_name\/path_to_chart/,
    anchors: ['invalid chart url format', 'improperly formatted oci chart reference', 'non-absolute urls should be in form'],
    confidence: 0.85,
    specificity: 93,
    check: 'the chart argument: repo/chart after helm repo add, a full https:// URL of the .tgz, or oci://<registry>/<repository path>[:version]',
    source: 'Helm repo and downloader reference parsing ("invalid chart URL format: %s", "improperly formatted oci chart reference: %s", "non-absolute URLs should be in form of repo_name/path_to_chart, got: %s")',
    samples: ['Error: invalid chart URL format: ht tp://charts.example.com', 'Error: improperly formatted oci chart reference: oci://ghcr.io', 'Error: non-absolute URLs should be in form of repo_name/path_to_chart, got: flannel'],
    counterSamples: ['Error: chart "flannel" matching v0.28.9 not found in flannel index'],
  }),
  sig({
    id: 'image.reference-rejected-by-parser',
    cause: 'image.invalid-reference',
    // Reference parsers' own refusals: go-containerregistry's repository alphabet, the distribution reference's
    // invalid repository (a URL with its scheme or a v1 path pasted as an image), enroot/pyxis's image reference.
    // Podman before 2.0 refused a reference with both a tag and a digest in the same words, quoting it.
    re: /(repository|tag) can only contain the runes|invalid reference: invalid repository \\?"|invalid image reference(: \S+| \\?"[^"\s\\]+\\?")/,
    anchors: ['can only contain the runes', 'invalid reference: invalid repository', 'invalid image reference'],
    confidence: 0.85,
    specificity: 93,
    check: 'the image reference as the tool was given it: [registry-host[:port]/]repository[:tag|@digest], no scheme (https://, docker://), no /v1/ or /v2/ path, lower case; the registry\'s own address goes in front of the repository',
    source: 'go-containerregistry name ("repository can only contain the runes `%s`"), distribution reference ("invalid reference: invalid repository"), enroot ("Invalid image reference")',
    samples: [
      'error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: getting tag for destination: tag can only contain the runes `abcdefghijklmnopqrstuvwxyz0123456789_-.ABCDEFGHIJKLMNOPQRSTUVWXYZ`: v1.2.0\n',
      'error pushing image: getting tag for destination: repository can only contain the runes `abcdefghijklmnopqrstuvwxyz0123456789_-./`: /10.0.0.5:8500/team/web',
      'unable to push images to the registry: failed to parse ref https://index.docker.io/v1/acme/agent:v1: invalid reference: invalid repository "/index.docker.io/v1/acme/agent"',
      'error: pyxis:     [ERROR] Invalid image reference: docker://dockerd://team/tool:1',
      'Error: invalid image reference "kindest/node:v1.18.2@sha256:7b27a6d0f2517ff88ba444025beae41491b016bc6af573ba467b70c5e8e0d85f"',
    ],
    counterSamples: ['Pulling image "docker.io/library/nginx:1.27"', "Error: invalid image reference provided: 'ttl.sh/app@sha256:cc4b'"],
  }),
  sig({
    id: 'image.registry-host-taken-as-name',
    cause: 'image.invalid-reference',
    // A registry's address given without a repository (host:port alone): the parser reads the host as a Docker Hub
    // library name and the port as its tag. Official library names never contain a dot, so a dotted one is a host.
    re: /reading manifest \d{2,5} in docker\.io\/library\/[a-z0-9-]+(\.[a-z0-9-]+)+\b|docker\.io\/library\/[a-z0-9-]+(\.[a-z0-9-]+)+:\d{2,5}\b/,
    anchors: ['docker.io/library/'],
    confidence: 0.8,
    specificity: 93,
    check: 'the reference names a registry but no repository: write registry.host:port/<repository>[:tag]',
    source: 'distribution reference normalisation (a name without a registry part goes to docker.io/library/, the part after the last colon is the tag)',
    samples: [
      'FATA[0001] Error parsing image name "docker://registry.localhost:5000": reading manifest 5000 in docker.io/library/registry.localhost: errors:\ndenied: requested access to the resource is denied',
      'failed to resolve reference "docker.io/library/harbor.lab:8443": pull access denied, repository does not exist or may require authorization',
    ],
    counterSamples: ['reading manifest 3.19 in docker.io/library/alpine: manifest unknown', 'failed to resolve reference "docker.io/library/redis:7": not found'],
  }),
  sig({
    id: 'image.docker-hub-nested-path',
    cause: 'image.invalid-reference',
    // Docker Hub's repositories are exactly <namespace>/<name>: a deeper path on docker.io names nothing there, and
    // the Hub answers it as it answers any repository it will not serve to the caller (denied, or not found).
    re: /(?<![\w.-])docker\.io\/(?!v[12]\/)[a-z0-9._-]+\/[a-z0-9._-]+\/[a-z0-9._-]+[\s\S]{0,300}?(denied|insufficient_scope|not found|may require authorization)/,
    anchors: ['docker.io/'],
    also: ['denied', 'insufficient_scope', 'not found', 'may require authorization'],
    confidence: 0.7,
    specificity: 92,
    alternatives: ['image.auth-missing', 'image.not-found'],
    check: 'the image name: on Docker Hub it is docker.io/<user or org>/<repository> with no further path; push to docker.io/<user>/<name>, or to a registry that allows nested repositories',
    source: 'Docker Hub repository naming (namespace/repository, two components)',
    samples: ['level=fatal msg="build failed: building [docker.io/acme/team/frontend]: build artifact: denied: requested access to the resource is denied"', 'failed to resolve reference "docker.io/acme/apps/web:1": pull access denied, repository does not exist or may require authorization'],
    counterSamples: ['failed to resolve reference "docker.io/acme/web:1": pull access denied, repository does not exist or may require authorization', 'Head "https://registry-1.docker.io/v2/library/nginx/manifests/1.27": denied'],
  }),
  sig({
    id: 'image.buildkit-base-platform-mismatch',
    cause: 'image.platform-mismatch',
    // BuildKit's check that a base image exists for the target platform: it was pulled for another one (a
    // single-arch image), so the stage runs under emulation or its binaries fail with exec format errors.
    re: /invalidbaseimageplatform: base image \S+ was pulled with platform "[^"\n]+", expected "[^"\n]+"/,
    anchors: ['invalidbaseimageplatform'],
    confidence: 0.8,
    specificity: 94,
    check: 'docker buildx imagetools inspect <base image>: the platforms it has; build for one of them, or use a multi-arch base',
    source: 'BuildKit Dockerfile frontend check InvalidBaseImagePlatform',
    samples: [' - InvalidBaseImagePlatform: Base image registry.example.com/tools/protoc:3.21 was pulled with platform "linux/amd64", expected "linux/arm64" for current build (line 3)', 'WARN: InvalidBaseImagePlatform: Base image alpine:3 was pulled with platform "linux/arm64", expected "linux/amd64" for current build (line 1)'],
    counterSamples: ['WARN: FromAsCasing: \'as\' and \'FROM\' keywords\' casing do not match (line 1)'],
  }),
  sig({
    id: 'image.windows-os-not-supported',
    cause: 'image.platform-mismatch',
    // Windows containers under process isolation run only on a host of the image's Windows build, and hosted
    // services run only the builds and OS they offer: an image of another build or OS is refused before it starts.
    re: /host os and base image container os doesn't match|doesn't support specified os '\w+' for container group|imageostypenotmatchcontainergroup|the os version of image [^\n]{0,200}is not supported|\(code: ?osversionnotsupported\)|cannot run this operating system\/version in windows containers|cannot run the specified image as a windows containers web app|unsupportedwindowsversion|unsupported windows image version/,
    anchors: ['host os and base image container os', 'for container group', 'imageostypenotmatchcontainergroup', 'is not supported', 'osversionnotsupported', 'cannot run this operating system', 'windows containers web app', 'unsupportedwindowsversion', 'unsupported windows image version'],
    confidence: 0.85,
    specificity: 94,
    check: 'the image\'s OS and build (docker manifest inspect <image>: platform.os and os.version) against the host\'s (winver, or the service\'s supported builds): pick the image tag for that build (ltsc2019 = 10.0.17763, ltsc2022 = 10.0.20348), or run it with Hyper-V isolation where the host allows',
    source: 'Windows container host checks (process isolation, "Maximum supported OS version"), BcContainerHelper\'s warning, Azure Container Instances (ImageOsTypeNotMatchContainerGroup, OsVersionNotSupported, UnsupportedWindowsVersion) and App Service',
    samples: [
      'WARNING: Host OS and Base Image Container OS doesn\'t match and process isolation is specified. If you encounter issues, you could try to specify -isolation hyperv',
      "Code=\"ImageOsTypeNotMatchContainerGroup\" Message=\"The container image 'mcr.microsoft.com/windows/servercore:ltsc2019' doesn't support specified OS 'Linux' for container group 'web-1'.\"",
      'Cannot run this Operating System/Version in Windows Containers. Maximum supported OS version is 10.0.14393.9999.',
      "UnsupportedWindowsVersion: Unsupported windows image version. Supported versions are 'Windows Server 2016 - Before 2B, Windows Server 2019 - After 2B'",
    ],
    counterSamples: ['Container OS Version: 10.0.17763.437 (ltsc2019)'],
  }),
  sig({
    id: 'image.reference-required',
    cause: 'image.invalid-reference',
    // The API server refuses a pod (or its template) whose container names no image: nothing can be pulled, and the
    // manifest, not the registry, is what to fix.
    re: /spec\.(template\.spec\.)?(init|ephemeral)?containers\[\d+\]\.image: required value/,
    anchors: ['.image: required value'],
    confidence: 0.85,
    specificity: 93,
    check: 'the manifest or chart values that set the container\'s image: an empty value (an unset Helm value, a missing environment variable in a template) must be a full reference',
    source: 'kube-apiserver pod validation (validateContainerCommon: field.Required for image)',
    samples: ['The Pod "web" is invalid: spec.containers[0].image: Required value', 'Error creating: Pod "cart-7f9c6d5b8-" is invalid: spec.initContainers[0].image: Required value'],
    counterSamples: ['spec.containers[0].name: Required value'],
  }),
  sig({
    id: 'image.knative-reference-unparsable',
    cause: 'image.invalid-reference',
    // Knative Serving's webhook parses every container image as a reference before it admits a Service or Revision;
    // a text the parser refuses (a doubled digest, a stray space or colon) stops the deploy before any pull.
    re: /failed to parse image reference: \S*containers\[\d+\]\.image/,
    anchors: ['failed to parse image reference'],
    confidence: 0.9,
    specificity: 93,
    source: 'Knative Serving container validation (pkg/apis/serving/k8s_validation.go: FieldError "Failed to parse image reference")',
    samples: [
      'admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: Failed to parse image reference: spec.template.spec.containers[0].image',
      'Error from server (BadRequest): error when creating "svc.yaml": admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: Failed to parse image reference: spec.template.spec.containers[0].image\nimage: "registry.example.com/app:v1 ", error: could not parse reference',
    ],
    counterSamples: ['validation failed: missing field(s): spec.template.spec.containers[0].name'],
  }),
  sig({
    id: 'image.knative-image-missing-field',
    cause: 'image.invalid-reference',
    // The same webhook names an empty image as a missing field: the manifest (often an unset template value) sets no
    // reference at all, so there is nothing to pull.
    re: /missing field\(s\):[^\n]*containers\[\d+\]\.image\b(?![.\w])/,
    anchors: ['missing field(s)'],
    confidence: 0.85,
    specificity: 93,
    check: 'the manifest or the values that render the Service\'s container image: an empty value must become a full reference',
    source: 'Knative Serving container validation (pkg/apis/serving/k8s_validation.go: apis.ErrMissingField("image"))',
    samples: [
      'admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: missing field(s): spec.template.spec.containers[0].image',
      'Internal error occurred: admission webhook "webhook.serving.knative.dev" denied the request: validation failed: missing field(s): spec.template.spec.containers[0].image, spec.template.spec.containers[0].name',
    ],
    counterSamples: ['validation failed: missing field(s): spec.template.spec.containers[0].imagePullPolicy'],
  }),
  sig({
    id: 'image.nuclio-image-ref-refused',
    cause: 'image.invalid-reference',
    // Nuclio validates a function's build and run image fields against its reference pattern before it builds or
    // deploys; a refused value is the spec's to fix, no registry was asked.
    re: /invalid (docker image ref passed in spec field|spec\.(build\.)?image passed)/,
    anchors: ['invalid docker image ref', 'image passed'],
    confidence: 0.8,
    specificity: 90,
    check: 'the function spec\'s image fields (spec.build.image, spec.image): a full reference in the form the platform accepts',
    source: 'Nuclio platform validation (pkg/platform/abstract/platform.go: "Invalid docker image ref passed in spec field")',
    samples: [
      'nuctl.platform (W) Invalid docker image ref passed in spec field - this may be malicious {"fieldName": "Spec.Build.Image", "fieldValue": "my/func:v1"}',
      'Error - Invalid Spec.Build.Image passed\n    ...//nuclio/pkg/platform/abstract/platform.go:1247',
    ],
    counterSamples: ['Invalid spec.runtime passed'],
  }),
];
