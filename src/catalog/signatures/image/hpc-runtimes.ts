import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Unprivileged container tools of HPC sites that pull from registries themselves (Charliecloud's ch-image,
 * NVIDIA's enroot), in their own words: the registry's answers and the references they accept.
 */
export const HPC_RUNTIME_SIGNATURES: Signature[] = [
  sig({
    id: 'image.charliecloud-unauthorized-or-missing',
    cause: 'image.not-found',
    // ch-image cannot tell the two apart: Docker Hub answers an anonymous pull of a repository that does not exist
    // as it answers one of a private repository (401), as with Docker's "pull access denied".
    re: /error: unauthorized or not in registry: \S+/,
    anchors: ['unauthorized or not in registry'],
    confidence: 0.55,
    specificity: 90,
    alternatives: ['image.auth-missing', 'image.invalid-reference'],
    check: 'the repository on the registry named in the error: it must exist there under that path (biocontainers images live on quay.io, not Docker Hub); a private one needs ch-image pull --auth',
    source: 'Charliecloud ch-image registry client ("unauthorized or not in registry: %s", with the hint to use --auth)',
    samples: ['error: unauthorized or not in registry: registry-1.docker.io:443/acme/tool:1.2', 'ch-image pull acme/tool:1.2\nerror: unauthorized or not in registry: registry-1.docker.io:443/acme/tool:1.2\nhint: if your registry needs authentication, use --auth'],
    counterSamples: ['error: HTTP 404 not found: registry-1.docker.io:443/acme/tool:1.2'],
  }),
  sig({
    id: 'image.enroot-uri-without-scheme',
    cause: 'image.invalid-reference',
    // enroot import takes a URI with its transport (docker://[user@][registry#]image[:tag]); a bare registry/image
    // is refused before any request.
    re: /enroot import[\s\S]{0,300}?\[error\] invalid argument: (?!docker:|dockerd:|podman:)\S+/,
    anchors: ['[error] invalid argument'],
    confidence: 0.85,
    specificity: 93,
    check: 'write the image as enroot\'s URI: enroot import docker://<registry>#<repository>:<tag> (a # between registry host and path, docker:// in front)',
    source: 'enroot import (common::err "Invalid argument: ${uri}" for a URI without a known scheme)',
    samples: ['$ enroot import nvcr.io/nvidia/pytorch:24.01-py3\n[ERROR] Invalid argument: nvcr.io/nvidia/pytorch:24.01-py3', 'enroot import registry.lab/team/app:2\n[ERROR] Invalid argument: registry.lab/team/app:2'],
    counterSamples: ['$ enroot import docker://nvcr.io#nvidia/pytorch:24.01-py3\n[INFO] Querying registry for permission grant'],
  }),
];
