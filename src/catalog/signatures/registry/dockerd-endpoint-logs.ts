import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * dockerd's pull loop logs "Error getting v2 registry: <err>" for each endpoint it tries and then moves to the
 * next: for a Docker Hub image the daemon.json registry-mirrors come first, and a mirror that refuses leaves only
 * this warning in the daemon log while the client sees the fallback's result. Read from Docker Engine 28.5.2 with
 * registry-mirrors naming an address nothing listens on.
 */
export const DOCKERD_ENDPOINT_LOG_SIGNATURES: Signature[] = [
  sig({
    id: 'dockerd.v2-endpoint-refused',
    cause: 'registry.connection-refused',
    re: /error getting v2 registry: get \\?"?https?:\/\/[^\s"\\]+\/v2\/\\?"?: dial tcp [^\s]+: connect: connection refused/,
    anchors: ['error getting v2 registry'],
    also: ['connect: connection refused'],
    confidence: 0.6,
    specificity: 70,
    alternatives: ['registry.mirror-misconfigured', 'registry.http-to-https'],
    check: 'whether the host in the message is one of the daemon\'s registry mirrors (docker info | grep -A3 "Registry Mirrors"; "registry-mirrors" in /etc/docker/daemon.json): dockerd tries each mirror before Docker Hub and logs this for every endpoint that fails, so a dead mirror shows only here; otherwise the registry itself refuses on that port (plain HTTP or another port)',
    source: 'moby daemon/containerd and distribution pull loop (pullEndpoints: log.G(ctx).Warnf("Error getting v2 registry: %v", err), then the next endpoint); reproduced with Docker Engine 28.5.2, registry-mirrors naming a refusing host and a Docker Hub image',
    samples: [
      'level=warning msg="Error getting v2 registry: Get \\"https://refused.rc.test/v2/\\": dial tcp 10.77.0.18:443: connect: connection refused"',
      'Jan  7 17:10:18 centos72 dockerd[812]: time="2017-01-07T17:10:18.381908212+08:00" level=warning msg="Error getting v2 registry: Get https://mirror.corp.example/v2/: dial tcp 10.20.0.5:443: connect: connection refused"',
    ],
    counterSamples: ['level=warning msg="Error getting v2 registry: Get \\"https://registry-1.docker.io/v2/\\": dial tcp: lookup registry-1.docker.io on 10.77.0.53:53: no such host"'],
  }),
];
