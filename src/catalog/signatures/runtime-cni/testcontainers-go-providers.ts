import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Testcontainers for Go finding no Docker Engine to talk to: its provider strategy tries DOCKER_HOST, the
 * testcontainers properties, the default socket and rootless paths, and reports each host it checked. Read from
 * testcontainers-go v0.45.0 with DOCKER_HOST naming a socket that does not exist and a tcp:// address that refuses.
 */
export const TESTCONTAINERS_GO_PROVIDER_SIGNATURES: Signature[] = [
  sig({
    id: 'docker-client.api-connect-failed',
    cause: 'runtime.unavailable',
    // The Docker Go client (docker/docker client, API 1.51) wraps a failed dial of DOCKER_HOST as "failed to connect
    // to the docker API at <host>; check if the path is correct and if the daemon is running: dial unix …". It
    // names the Docker Engine's own endpoint, so it outranks the generic reading of "dial unix … connect" that
    // cannot tell whose socket it is (ambiguous.local-socket-refused).
    re: /failed to connect to the docker api at (unix|npipe|tcp|ssh|http|https):\/\/[^\s;]+; check if the path is correct and if the daemon is running/,
    anchors: ['failed to connect to the docker api at'],
    confidence: 0.9,
    specificity: 94,
    alternatives: ['node.not-ready'],
    check: 'the DOCKER_HOST / docker context the program uses (echo $DOCKER_HOST; docker context ls) and whether the Docker Engine listens there: ls -l <socket path>, systemctl status docker (rootless: systemctl --user status docker)',
    source: 'github.com/docker/docker client/errors.go (connectionFailed: "failed to connect to the docker API at %s; check if the path is correct and if the daemon is running: %w"), as relayed by testcontainers-go v0.45.0 ("get provider: check host %q: docker info: …") with DOCKER_HOST naming a missing socket',
    samples: [
      'ERROR: get provider: check host "unix:///tmp/fd/rcompose/nope.sock": docker info: failed to connect to the docker API at unix:///tmp/fd/rcompose/nope.sock; check if the path is correct and if the daemon is running: dial unix /tmp/fd/rcompose/nope.sock: connect: no such file or directory',
      'failed to connect to the docker API at unix:///home/ci/.docker/run/docker.sock; check if the path is correct and if the daemon is running: dial unix /home/ci/.docker/run/docker.sock: connect: connection refused',
    ],
    counterSamples: ['dial unix /var/lib/kubelet/pod-resources/kubelet.sock: connect: no such file or directory'],
  }),
  sig({
    id: 'testcontainers-go.no-docker-provider',
    cause: 'runtime.unavailable',
    // core.ErrRootlessDockerNotFound joined with the provider error: the last strategy (rootless sockets) found
    // nothing either, so no Docker host was reachable at all; the lines before it name each host it tried.
    re: /rootless docker not found, failed to create docker provider|failed to create docker provider/,
    anchors: ['failed to create docker provider'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'the "check host" lines printed just before it (each DOCKER_HOST, docker context and socket Testcontainers tried, with why it failed); docker info with the same DOCKER_HOST from the test\'s shell',
    source: 'testcontainers-go v0.45.0 internal/core/docker_rootless.go (ErrRootlessDockerNotFound: "rootless Docker not found") and provider.go (NewDockerProvider: "failed to create Docker provider"); reproduced with DOCKER_HOST naming a missing socket and a refusing tcp:// address',
    samples: [
      'rootless Docker not found, failed to create Docker provider',
      'ERROR: get provider: check host "tcp://10.77.0.18:2375": docker info: Cannot connect to the Docker daemon at tcp://10.77.0.18:2375. Is the docker daemon running? rootless Docker not found, failed to create Docker provider',
    ],
    counterSamples: ['failed to create provider for cluster'],
  }),
];
