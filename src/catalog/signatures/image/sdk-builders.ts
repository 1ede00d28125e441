import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Registries' answers as the SDKs that build and push images without a Docker daemon word them (the .NET SDK's
 * container publishing, Java build plugins relaying a registry's JSON), for base-image pulls and pushes alike.
 */
export const SDK_BUILDER_SIGNATURES: Signature[] = [
  sig({
    id: 'image.dotnet-sdk-repository-unreachable',
    cause: 'image.not-found',
    // Microsoft.NET.Build.Containers asks the registry for the base image's manifest by repository and tag; its
    // CONTAINER1015 is that lookup failing: a name or tag the registry does not hold, or (hedged) one it hides
    // from an anonymous caller.
    re: /container1015: unable to access the repository '[^'\n]+' at tag '[^'\n]+' in the registry '[^'\n]+'/,
    anchors: ['container1015'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['image.auth-missing', 'image.invalid-reference'],
    check: 'the base image the project names (ContainerBaseImage, or the SDK\'s default for its TargetFramework): docker manifest inspect <registry>/<repository>:<tag> shows whether it exists; a private repository needs credentials in the Docker config the SDK reads',
    source: '.NET SDK Microsoft.NET.Build.Containers (CONTAINER1015: "Unable to access the repository \'{0}\' at tag \'{1}\' in the registry \'{2}\'. Please confirm that this name and tag are present in the registry.")',
    samples: [
      "fail: Containerize[0]\n      CONTAINER1015: Unable to access the repository 'foobar' at tag '8.0' in the registry 'mcr.microsoft.com'. Please confirm that this name and tag are present in the registry.",
      "error CONTAINER1015: Unable to access the repository 'dotnet/runtime-deps' at tag '9.0-noble-chiseled-extra' in the registry 'mcr.microsoft.com'.",
    ],
    counterSamples: ["CONTAINER1013: Failed to push to the output registry: Unauthorized"],
  }),
  sig({
    id: 'image.registry-upload-not-permitted',
    cause: 'image.auth-rejected',
    // A registry refusing a blob upload to a user it has authenticated but not given write on the repository
    // (Artifactory's and Nexus's deploy permission): the credentials were sent, their rights are short.
    re: /unauthorized: user is unauthorized to upload to/,
    anchors: ['is unauthorized to upload to'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['image.auth-missing'],
    check: 'the pushing user\'s permissions on that repository in the registry (deploy or write, not only read), and that the client logged in to the same registry host it pushes to (docker login <host>)',
    source: 'registry answers to a blob upload (POST /v2/<name>/blobs/uploads/) as Artifactory words them: "unauthorized: User is unauthorized to upload to <repo>/_uploads"',
    samples: [
      '{"errorDetail":{"message":"unauthorized: User is unauthorized to upload to docker-local/app/_uploads"},"error":"unauthorized: User is unauthorized to upload to docker-local/app/_uploads"}',
      'unauthorized: User is unauthorized to upload to team-images/api/_uploads',
    ],
    counterSamples: ['unauthorized: authentication required'],
  }),
];
