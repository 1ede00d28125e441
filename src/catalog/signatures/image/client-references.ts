import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** Image references refused by the name checks of clients other than the runtimes (go-containerregistry's pkg/name). */
export const CLIENT_REFERENCE_SIGNATURES: Signature[] = [
  sig({
    id: 'image.ggcr-name-check',
    cause: 'image.invalid-reference',
    // go-containerregistry (crane, ko, kaniko, flux, trivy) checks each part of a reference on its own; these
    // sentences are its own and name the part that is wrong.
    re: /a digest must contain exactly one '@' separator|(repository|tag) can only contain the characters `[^`\n]{1,80}`: |registries must be valid rfc 3986 uri authorities: /,
    anchors: ["exactly one '@' separator", 'can only contain the characters', 'valid rfc 3986 uri authorities'],
    confidence: 0.9,
    specificity: 95,
    check: 'the image reference as written (in the pod spec, the values file or the build flag): lower-case repository, one tag after ":" or one digest after "@sha256:", and a registry host without a scheme or path',
    source: 'go-containerregistry pkg/name (checkElement: "%s can only contain the characters `%s`: %s"; NewDigest; NewRegistry)',
    samples: [
      "a digest must contain exactly one '@' separator (e.g. registry/repository@digest) saw: registry.example.com/app@@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      'Error: repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: Acme/Tools',
      'registries must be valid RFC 3986 URI authorities: registry_example:com',
    ],
    counterSamples: ['Digest: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
  }),
  sig({
    id: 'image.client-reference-form',
    cause: 'image.invalid-reference',
    // Clients that refuse a reference's form for the operation asked: containers/image reading an image needs a tag
    // or digest (a bare "//host/repo" has neither), and Docker cannot push to a digest (a digest names content, not a
    // place to write). Knative's func CLI wants its --registry as a namespace, with the registry host before it if
    // any, never a full image name (it appends the function's name itself).
    re: /reference \\?"[^"\n]*\\?" without a tag or digest is not supported|cannot push a digest reference|registry should be either 'namespace', 'registry\/namespace'/,
    anchors: ['without a tag or digest is not supported', 'cannot push a digest reference', "registry should be either 'namespace'"],
    confidence: 0.85,
    specificity: 92,
    check: 'the reference as written: name:tag or name@sha256:<digest> for a pull, name:tag for a push (no leading slashes, no digest)',
    source: 'containers/image docker transport (newImageSource: "reading images from docker: reference %q without a tag or digest is not supported"); moby distribution push ("cannot push a digest reference")',
    samples: [
      'Error: reading images from docker: reference "//quay.io/acme/api" without a tag or digest is not supported',
      'Error response from daemon: cannot push a digest reference',
      "Error: registry should be either 'namespace', 'registry/namespace' or 'registry:port/namespace'",
    ],
    counterSamples: ['Error response from daemon: manifest for quay.io/acme/api:v2 not found: manifest unknown'],
  }),
  sig({
    id: 'image.rust-oci-reference-parse',
    cause: 'image.invalid-reference',
    // The Rust OCI distribution crates (oci-distribution, oci-client, used by wasmCloud's wash, Krustlet, Spin and
    // runwasi tooling) name the part of a reference that does not parse by an error variant of their own.
    re: /\b(referenceinvalidformat|namecontainsuppercase|nametoolong|digestinvalidformat|digestinvalidlength|digestunsupported|tagnotcorrect)\b/,
    anchors: ['referenceinvalidformat', 'uppercase', 'nametoolong', 'digestinvalid', 'digestunsupported', 'tagnotcorrect'],
    confidence: 0.85,
    specificity: 93,
    check: 'the reference the tool was given: registry/repository:tag without a scheme (no http:// or https://), no /v2/ path, a lower-case repository and one tag or digest',
    source: 'oci-distribution / oci-client Reference parsing (ParseError variants: ReferenceInvalidFormat, NameContainsUppercase, NameTooLong, DigestInvalidFormat)',
    samples: [
      "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: ReferenceInvalidFormat', src/reg.rs:276:44",
      'Error: failed to parse reference: NameContainsUppercase',
    ],
    counterSamples: ["thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: Os { code: 2, kind: NotFound }'"],
  }),
  sig({
    id: 'image.containerd-object-required',
    cause: 'image.invalid-reference',
    // containerd's resolver (ctr, nerdctl, Bottlerocket's and k3s's pullers through its API) does not default a tag
    // the way Docker and the kubelet do: a reference with neither tag nor digest has no object to resolve.
    // An empty name (an unset variable, a list of bundles holding '') resolves to no object either: "error resolving name : object required".
    re: /failed to resolve reference \\?"[^"\s\\]+\\?": object required|is not a valid chart repository or cannot be reached: object required|error resolving name \S{0,300} ?: object required/,
    anchors: ['object required'],
    confidence: 0.85,
    specificity: 92,
    check: 'the reference as given to the containerd client: add the tag (name:latest or the version wanted) or a digest (name@sha256:<digest>); ctr and nerdctl do not add :latest themselves',
    source: 'containerd core/remotes/docker/resolver.go (Resolve: refspec.Object == "" returns reference.ErrObjectRequired, "object required")',
    samples: [
      'ctr: failed to resolve reference "localhost:32000/my-busybox": object required',
      'level=warning msg="failed to pull image. waiting 5.053s before retrying..." error="failed to resolve reference \\"docker.io/acme/bootstrap\\": object required"',
    ],
    counterSamples: ['ctr: failed to resolve reference "docker.io/library/busybox:latest": not found'],
  }),
  sig({
    id: 'image.name-not-canonical',
    cause: 'image.invalid-reference',
    // The distribution reference library's ParseNamed refuses a short name ("ubuntu") where a client wants the full
    // canonical form (docker.io/library/ubuntu): the reference as written, not the registry.
    re: /repository name must be canonical/,
    anchors: ['repository name must be canonical'],
    confidence: 0.9,
    specificity: 93,
    check: 'write the image in its full form: registry host, repository path and tag (docker.io/library/ubuntu:22.04 rather than ubuntu)',
    source: 'distribution/reference ParseNamed (ErrNameNotCanonical: "repository name must be canonical")',
    samples: [
      'failed to pull image: repository name must be canonical',
      'Error parsing reference: "ubuntu" is not a valid repository/tag: repository name must be canonical',
    ],
    counterSamples: ['Error parsing reference: "Ubuntu" is not a valid repository/tag: invalid reference format: repository name must be lowercase'],
  }),
  sig({
    id: 'image.kustomize-set-image-format',
    cause: 'image.invalid-reference',
    // kustomize edit set image parses its argument before writing the kustomization: an empty new name (an unset
    // variable in a Makefile) or a stray separator is refused, and the image the manifests get is never set.
    re: /invalid format of image, use one of the following options/,
    anchors: ['invalid format of image'],
    confidence: 0.9,
    specificity: 94,
    check: 'the argument given to kustomize edit set image: <image>=<newimage>:<newtag> (or @<digest>) with every part non-empty — an empty variable in the Makefile or script that builds it is the usual gap',
    source: 'kustomize edit set image (errImageInvalidArgs: "invalid format of image, use one of the following options")',
    samples: ['Error: invalid format of image, use one of the following options:\n- <image>=<newimage>:<newtag>\n- <image>=<newimage>@<digest>', 'kustomize edit set image controller=:v0.3.1\nError: invalid format of image, use one of the following options:'],
    counterSamples: ['kustomize edit set image controller=ghcr.io/acme/controller:v0.3.1'],
  }),
  sig({
    id: 'image.single-label-registry-host',
    cause: 'image.invalid-reference',
    // A client that takes the first part of a reference as the registry host (oras, helm's and zarf's OCI clients,
    // scanners, or a URL pasted where a reference belongs) dials a name without a dot: the organisation, a scheme
    // ("https", "oci") or a user name. The lookup of that one-label host fails because the reference lacks its
    // registry. A short internal registry name reached only through a VPN's resolver reads the same.
    re: /https?:\/\/([a-z0-9-]+)\/v2\/[^\n]{0,300}?lookup\s+\1(?![\w.-])[^\n]{0,80}no such host/,
    anchors: ['/v2/'],
    also: ['no such host'],
    confidence: 0.6,
    specificity: 91,
    alternatives: ['registry.dns', 'dns.node-resolver'],
    check: 'the reference as written: the part before the first / must be the registry host (with a dot or a port, e.g. ghcr.io/org/app or registry.local:5000/app); a bare organisation, "oci" or "https" there is the reference missing its registry',
    source: 'OCI clients building https://<first component>/v2/ from a reference (oras-go, helm registry client, go-containerregistry in insecure name mode); Go net resolver ("lookup %s: no such host")',
    samples: [
      'Failed to deploy package: unable to load the Zarf Package: Head "https://defenseunicorns/v2/packages/uds-k3d/manifests/0.2.0-multi": dial tcp: lookup defenseunicorns: no such host',
      'Error: GET https://acme-team/v2/bundle/manifests/v0.1.0: dial tcp: lookup acme-team: no such host',
    ],
    counterSamples: ['Head "https://registry.example.com/v2/app/manifests/1": dial tcp: lookup registry.example.com: no such host'],
  }),
];
