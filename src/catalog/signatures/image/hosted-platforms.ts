import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Pulls made by hosted container services for their users (AWS Lambda container images, ECS and Fargate
 * tasks), in the services' own words: the registry's refusal or a platform missing from the image index,
 * told by the service rather than by a runtime's log.
 */
export const HOSTED_PLATFORM_SIGNATURES: Signature[] = [
  sig({
    id: 'image.lambda-ecr-access-denied',
    cause: 'image.auth-rejected',
    // Lambda pulls with its own service principal: the ECR repository policy (or the key policy of a KMS-encrypted
    // repository) must grant it ecr:BatchGetImage and ecr:GetDownloadUrlForLayer. The request is authenticated,
    // the repository refuses it.
    re: /lambda does not have permission to access the ecr image|function does not have permission to access the specified image/,
    anchors: ['does not have permission to access the ecr image', 'permission to access the specified image'],
    confidence: 0.85,
    specificity: 95,
    check: 'aws ecr get-repository-policy --repository-name <repo>: it must allow lambda.amazonaws.com (and, cross-account, the function\'s account) ecr:BatchGetImage and ecr:GetDownloadUrlForLayer; a policy replaced by a deploy tool drops that statement',
    source: 'AWS Lambda CreateFunction/UpdateFunctionCode errors for container images (AccessDeniedException on the ECR image)',
    samples: [
      'Resource handler returned message: "Lambda does not have permission to access the ECR image. Check the ECR permissions. (Service: Lambda, Status Code: 403, Request ID: 0b8e0b2c)"',
      'An error occurred (AccessDeniedException) when calling the CreateFunction operation: The function does not have permission to access the specified image.',
    ],
    counterSamples: ['An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: Source image 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v2 does not exist.'],
  }),
  sig({
    id: 'image.ecs-no-platform-descriptor',
    cause: 'image.platform-mismatch',
    // The ECS agent and Fargate read the image index and find no manifest for the task's platform (an arm64-only
    // image on x86_64 capacity, or the reverse).
    re: /manifest does not contain descriptor matching platform/,
    anchors: ['descriptor matching platform'],
    confidence: 0.95,
    specificity: 95,
    check: 'docker buildx imagetools inspect <image>: the index must hold a manifest for the task\'s platform (the task definition\'s runtimePlatform cpuArchitecture, or the capacity\'s architecture); build it for that platform or run the task on matching capacity',
    source: 'Amazon ECS/Fargate CannotPullContainerError ("image Manifest does not contain descriptor matching platform \'linux/amd64\'")',
    samples: [
      'CannotPullContainerError: pull image manifest has been retried 5 time(s): image Manifest does not contain descriptor matching platform \'linux/amd64\'',
      'stoppedReason: CannotPullContainerError: image Manifest does not contain descriptor matching platform \'linux/arm64/v8\'',
    ],
    counterSamples: ['CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v3: not found'],
  }),
  sig({
    id: 'image.wave-not-found-or-not-authorized',
    cause: 'image.auth-missing',
    // Seqera's Wave builds and pulls with the credentials the workflow's platform account holds: without credentials for
    // a private repository it cannot tell a missing image from one it may not read, and says both.
    re: /container image '[^'\n]+' does not exist or access is not authorized/,
    anchors: ['does not exist or access is not authorized'],
    confidence: 0.55,
    specificity: 92,
    alternatives: ['image.not-found', 'image.auth-rejected'],
    check: 'the registry credentials in the Seqera Platform workspace (or tower.accessToken and wave settings in nextflow.config) for the image\'s registry, and the image\'s tag on that registry: credentials missing for a private repository is the usual gap',
    source: 'Seqera Wave service (400: "Container image \'%s\' does not exist or access is not authorized")',
    samples: ['Wave invalid response: POST https://wave.seqera.io/v1alpha2/container [400] {"message":"Container image \'quay.io/acme/tool:1.0\' does not exist or access is not authorized"}', "Container image 'ghcr.io/acme/private:2.1' does not exist or access is not authorized"],
    counterSamples: ["Container image 'ghcr.io/acme/private:2.1' is being built"],
  }),
];
