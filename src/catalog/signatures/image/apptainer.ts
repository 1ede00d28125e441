import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Apptainer and Singularity (HPC clusters, Slurm's container plugins, workflow engines' task runners): their own
 * words for an image the client cannot use. Their URI schemes decide where a name goes: library:// (Sylabs' library,
 * the default without a scheme), docker:// (an OCI registry), oras:// (an artifact, not a container image).
 */
export const APPTAINER_SIGNATURES: Signature[] = [
  sig({
    id: 'image.apptainer-library-scheme',
    cause: 'image.invalid-reference',
    // A name without a scheme goes to the library, which refuses a Docker-style path or a registry host as a
    // project: the reference needed docker://.
    re: /while pulling library image: [^\n]{0,200}(project ([a-z0-9-]+\.)+[a-z]{2,} not found|invalid container ref)/,
    anchors: ['while pulling library image'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['image.not-found'],
    check: 'the scheme of the reference: an image from Docker Hub, Quay or another registry needs docker:// before it (apptainer pull docker://quay.io/org/image:tag); without a scheme the name goes to the library',
    source: 'Apptainer/Singularity library client ("While pulling library image")',
    samples: [
      'FATAL:   While pulling library image: could not get image info: request did not succeed: UNAUTHORIZED: project quay.io not found: project quay.io not found (401 Unauthorized)',
      'FATAL:   While pulling library image: error fetching image: request did not succeed: invalid container ref: org/tool (400 Bad Request)',
    ],
    counterSamples: ['FATAL:   While pulling library image: error fetching image: image does not exist in the library: org/collection/tool:1.0 (amd64)'],
  }),
  sig({
    id: 'image.apptainer-oras-on-image',
    cause: 'image.invalid-reference',
    // oras:// fetches an ORAS artifact (a SIF pushed as one); a container image's manifest there means the reference
    // wanted docker://.
    re: /oras:\/\/[^\n]{0,300}received mediatype: application\/vnd\.(docker\.distribution\.manifest|oci\.image\.(manifest|index))/,
    anchors: ['received mediatype'],
    confidence: 0.8,
    specificity: 92,
    check: 'the scheme: a container image is pulled with docker:// (apptainer pull docker://ghcr.io/org/image:tag); oras:// is for SIF files pushed as ORAS artifacts',
    source: 'Apptainer ORAS client checking the artifact\'s media type',
    samples: [
      'FATAL:   While pulling image from oci registry: error fetching image to cache: failed to get checksum for oras://ghcr.io/org/tool:latest: could not get image manifest, received mediaType: application/vnd.docker.distribution.manifest.v2+json',
      'FATAL:   While pulling image from oci registry: failed to get checksum for oras://registry.example.com/team/app:1.0: could not get image manifest, received mediaType: application/vnd.oci.image.index.v1+json',
    ],
    counterSamples: ['FATAL:   While pulling image from oci registry: error fetching image to cache: failed to get checksum for oras://ghcr.io/org/tool:latest: not found'],
  }),
  sig({
    id: 'image.apptainer-architecture',
    cause: 'image.platform-mismatch',
    // Apptainer compares the SIF's architecture with the host's before running it.
    re: /the image's architecture \(\w+\) could not run on the host's \(\w+\)|\bimage targets \w+, cannot run on \w+/,
    anchors: ["the image's architecture", 'image targets '],
    confidence: 0.9,
    specificity: 94,
    check: 'the architecture the image was built or pulled for (apptainer inspect --json, or the --arch used at pull) against uname -m on the node; pull it again for the host (apptainer pull --arch arm64 docker://…) or pick a multi-arch image',
    source: 'Apptainer/Singularity SIF architecture check',
    samples: [
      "FATAL:   While checking image: could not open image /data/images/ubuntu-20.04.img: the image's architecture (amd64) could not run on the host's (arm64)",
      "FATAL:   could not open image /scratch/tool_1.0.sif: the image's architecture (arm64) could not run on the host's (amd64)",
      'FATAL:   image targets amd64, cannot run on arm64',
    ],
    counterSamples: ['FATAL:   While checking image: could not open image /data/images/ubuntu.img: image format not recognized'],
  }),
  sig({
    id: 'image.apptainer-library-image-absent',
    cause: 'image.not-found',
    // The Sylabs library (library://) answers the ref lookup for the architecture asked: no image under that
    // entity/collection/container:tag for it. Singularity Hub's archive (shub://) answers a manifest it does not hold.
    re: /while pulling library image: image \S+ \(\w+\) does not exist in the library|requested manifest was not found in singularity hub/,
    anchors: ['does not exist in the library', 'not found in singularity hub'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['image.platform-mismatch'],
    check: 'the ref and tag in the library or hub (apptainer search, or the collection\'s page), and for library:// the architecture in the parentheses: an image pushed only for another architecture reads the same',
    source: 'Apptainer/Singularity library client ("image %s (%s) does not exist in the library"); Singularity Hub client ("The requested manifest was not found in singularity hub")',
    samples: [
      'FATAL:   While pulling library image: image foo/bar/nothing:latest (amd64) does not exist in the library',
      'FATAL:   Failed to get manifest from Shub: The requested manifest was not found in singularity hub',
    ],
    counterSamples: ['FATAL:   While pulling library image: error fetching image: Get "https://library.sylabs.io/v1/images/x": dial tcp: lookup library.sylabs.io: no such host'],
  }),
  sig({
    id: 'image.shub-forbidden',
    cause: 'image.rate-limited',
    // Singularity Hub served its images through per-collection weekly pull limits and, since its retirement, from a
    // read-only archive: a 403 to a shub:// manifest is its limit or a collection no longer served, not a login (shub
    // takes no credentials for public collections).
    re: /shub:\/\/\S+[^\n]{0,60}?: 403 forbidden/,
    anchors: ['shub://'],
    also: ['403 forbidden'],
    confidence: 0.55,
    specificity: 90,
    alternatives: ['image.not-found', 'image.auth-rejected'],
    check: 'whether the collection is still in the Singularity Hub archive and how many pulls it had this week; pull once to a local SIF (apptainer pull) and reuse that file, or move to an OCI registry',
    source: 'Singularity shub client (manifest fetch "failed to get manifest for: %s: %s")',
    samples: [
      'FATAL:   While pulling shub image: error fetching image to cache: failed to get manifest for: shub://acme/tools:v2: 403 Forbidden',
      'FATAL:   Unable to handle shub://acme/tool:latest uri: failed to get manifest for: shub://acme/tool:latest: 403 Forbidden',
    ],
    counterSamples: ['FATAL:   While pulling shub image: failed to get manifest for: shub://acme/tools:v2: 404 Not Found'],
  }),
];
