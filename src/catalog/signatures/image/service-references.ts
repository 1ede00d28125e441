import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Images refused by the checks of deploy services and build tools (AWS Lambda and ECS, Cloud Run and gcloud, the
 * Spring Boot and Paketo image builders) in their own words, and binaries of another architecture as a shell says it.
 */
export const SERVICE_REFERENCE_SIGNATURES: Signature[] = [
  sig({
    id: 'image.service-reference-refused',
    cause: 'image.invalid-reference',
    // The service validates the reference before it pulls: Lambda wants a full ECR URI, Cloud Run a host it serves
    // from, ECS the characters of a repository — the text is the refusal of the string, not of a registry.
    re: /source image \S+ is not valid\. provide a valid source image|expected an image path like \[host\/\]repo-path|expected \[region\.\]gcr\.io\/repo-path|container\.image (repository|tag|name) contains invalid characters/,
    anchors: ['provide a valid source image', 'expected an image path like', 'gcr.io/repo-path', 'contains invalid characters'],
    confidence: 0.85,
    specificity: 92,
    check: 'the image reference the deployment passes (the template, the Terraform or CI variable): the full registry host and repository, lower case, with one tag or digest, from a registry the service accepts (Lambda: an ECR URI in the same account and region; Cloud Run: gcr.io, pkg.dev or docker.io)',
    source: 'AWS Lambda CreateFunction (InvalidParameterValueException), Cloud Run Admin API (spec.template.spec.containers[0].image), ECS RegisterTaskDefinition',
    samples: [
      'ERROR: (gcloud.run.deploy) Expected [region.]gcr.io/repo-path[:tag or @digest], obtained quay.io/acme/api:1.4',
      'InvalidParameterValueException: Source image instance-scheduler-ecr-repo:latest is not valid. Provide a valid source image.',
      'googleapi: Error 400: spec.template.spec.containers[0].image: Expected an image path like [host/]repo-path[:tag and/or @digest], where host is one of [region.]gcr.io, [region-]docker.pkg.dev or docker.io but obtained ghcr.io/acme/app:1.2',
      'Error: Failed to register task definition in ECS: Container.image repository contains invalid characters.',
    ],
    counterSamples: ['Error: Failed to register task definition in ECS: Container.memory should not be empty'],
  }),
  sig({
    id: 'image.gcloud-image-not-found',
    cause: 'image.not-found',
    // gcloud run deploy / jobs update checks the image before it creates a revision. The same words come when the
    // service's agent may not read it (another project's registry), so the answer is hedged.
    re: /\bimage '[^'\s]+' not found\./,
    anchors: ["' not found."],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['image.auth-missing'],
    check: 'gcloud artifacts docker images list <repository> (or gcloud container images list-tags gcr.io/<project>/<image>): the image must have been pushed under that name; if it is there, the Cloud Run service agent of the deploying project must be allowed to read it (roles/artifactregistry.reader, or storage read for gcr.io, in the registry\'s project)',
    source: 'gcloud run deploy / run jobs (image existence check before the revision)',
    samples: [
      " X  Updating job... Image 'gcr.io/myprojectid/server' not found.",
      "ERROR: (gcloud.run.deploy) Image 'us-docker.pkg.dev/acme/web/app:1.4' not found.",
    ],
    counterSamples: ["Image 'gcr.io/acme/app' found."],
  }),
  sig({
    id: 'image.builder-platform-mismatch',
    cause: 'image.platform-mismatch',
    // Spring Boot's buildpack integration compares the platform it was asked for with the builder image's own.
    re: /image platform mismatch detected|requested platform '[\w/.-]+' but got '[\w/.-]+'/,
    anchors: ['image platform mismatch', 'requested platform'],
    confidence: 0.9,
    specificity: 93,
    check: 'the builder and run images\' platforms (docker manifest inspect <image>) against the platform the build asks for (imagePlatform in bootBuildImage, --platform): pick a builder published for that platform',
    source: 'Spring Boot buildpack platform (bootBuildImage / spring-boot:build-image platform check)',
    samples: [
      "Image platform mismatch detected. The configured platform 'linux/amd64' is not supported by the image 'docker.io/paketobuildpacks/builder-noble-java-tiny:latest'. Requested platform 'linux/amd64' but got 'linux/arm64'",
      "Requested platform 'linux/arm64' but got 'linux/amd64'",
    ],
    counterSamples: ["Building image 'docker.io/library/demo:0.0.1-SNAPSHOT' for platform 'linux/amd64'"],
  }),
  sig({
    id: 'image.shell-cannot-execute-binary',
    cause: 'image.platform-mismatch',
    // bash's words for ENOEXEC on a file it sees as binary: a program built for another architecture (or a truncated
    // download), without the "exec format error" the kernel's own message would add.
    re: /: cannot execute binary file(?!: exec format error)/,
    anchors: ['cannot execute binary file'],
    confidence: 0.7,
    specificity: 84,
    check: 'file <binary> inside the image against uname -m of the host that runs it: another architecture means the image or the download is for the wrong platform; the same one means a corrupt or truncated file',
    source: 'bash (execute_cmd: "cannot execute binary file" on ENOEXEC)',
    samples: [
      '/usr/local/bin/ecs-cli: cannot execute binary file',
      'bash: ./kubectl: cannot execute binary file',
    ],
    counterSamples: ['bash: ./kubectl: Permission denied'],
  }),
];
