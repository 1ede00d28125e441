import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Docker Engine's own image store answering a push: the name the user pushes must first exist as a local tag
 * (docker tag). Read from moby distribution/push.go and daemon/containerd/image_push.go (v28).
 */
export const DOCKER_ENGINE_LOCAL_SIGNATURES: Signature[] = [
  sig({
    id: 'image.docker-push-no-local-tag',
    cause: 'image.not-found',
    // docker push <name> looks the name up in the daemon's own image store before it contacts any registry; when no
    // local image carries that repository name (the build was tagged otherwise, docker tag was skipped, a typo in the
    // registry host or namespace) it stops with this text. Nothing reached the registry: the image the push names does
    // not exist here, which is the not-found cause on the pushing side. Both image stores (graphdrivers and containerd)
    // word it the same. A paste that also shows why (the pull before it refused for credentials, a tool that rewrote
    // the name) is read by that text: this one is the consequence.
    re: /an image does not exist locally with the tag: /,
    anchors: ['does not exist locally with the tag'],
    confidence: 0.75,
    specificity: 60,
    alternatives: ['image.invalid-reference'],
    explainedBy: ['image.auth-missing', 'image.auth-rejected', 'image.invalid-reference'],
    check: 'docker image ls <repository> on the machine that pushes: tag the built image with the exact name pushed (docker tag <built-image> <registry>/<namespace>/<name>:<tag>) and push that name',
    source: 'moby distribution/push.go and daemon/containerd/image_push.go ("An image does not exist locally with the tag: %s")',
    samples: [
      'The push refers to repository [registry.example.com/team/api]\nAn image does not exist locally with the tag: registry.example.com/team/api',
      'Error response from daemon: An image does not exist locally with the tag: acme/web',
    ],
    counterSamples: ['Error response from daemon: No such image: acme/web:latest', 'The push refers to repository [registry.example.com/team/api]\n5f70bf18a086: Pushed'],
  }),
];
