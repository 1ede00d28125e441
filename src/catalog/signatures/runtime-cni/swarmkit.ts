import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Docker Swarm's orchestrator (swarmkit) in its own words: it validates a service's image, places tasks by platform
 * and allocates overlay addresses itself, so the same causes as on Kubernetes show in other texts.
 */
export const SWARMKIT_SIGNATURES: Signature[] = [
  sig({
    id: 'image.swarm-image-reference-required',
    cause: 'image.invalid-reference',
    // The manager refuses a service whose container spec names no image (an unset variable in a stack file).
    re: /containerspec: image reference must be provided/,
    anchors: ['image reference must be provided'],
    confidence: 0.85,
    specificity: 93,
    check: 'the service\'s image in the stack or compose file: an empty value (an unset ${VARIABLE}) must become a full reference',
    source: 'swarmkit API validation (validateContainerSpec: "ContainerSpec: image reference must be provided")',
    samples: [
      'failed to create service app_server: Error response from daemon: rpc error: code = InvalidArgument desc = ContainerSpec: image reference must be provided',
      'Handler for POST /services/create returned error: rpc error: code = 3 desc = ContainerSpec: image reference must be provided',
    ],
    counterSamples: ['ContainerSpec: duplicate mount point: /data'],
  }),
  sig({
    id: 'image.swarm-unsupported-platform',
    cause: 'image.platform-mismatch',
    // The scheduler's platform filter: no node's OS/architecture is among the image's platforms, so the task stays
    // pending ("no suitable node").
    re: /unsupported platform on \d+ nodes?/,
    anchors: ['unsupported platform on'],
    confidence: 0.85,
    specificity: 92,
    check: 'docker manifest inspect <image> against docker node inspect --format \'{{.Description.Platform}}\' <node>: the image must be published for the nodes\' architecture',
    source: 'swarmkit scheduler PlatformFilter explanation ("unsupported platform on %d node(s)")',
    samples: ['"no suitable node (unsupported platform on 1 node)"', 'no suitable node (unsupported platform on 3 nodes; scheduling constraints not satisfied on 2 nodes)'],
    counterSamples: ['no suitable node (insufficient resources on 2 nodes)'],
  }),
  sig({
    id: 'cni.swarm-overlay-pool-exhausted',
    cause: 'cni.ipam-exhausted',
    // The manager's allocator found no free address in the overlay network's pool for a task or a service VIP: the
    // subnet is too small for the tasks, or addresses leaked from removed tasks.
    re: /could not find an available ip/,
    anchors: ['could not find an available ip'],
    confidence: 0.8,
    specificity: 90,
    check: 'docker network inspect <network> --verbose: the subnet\'s size against the tasks and VIPs on it; a larger subnet (a new network) or removing stale services frees addresses',
    source: 'swarmkit network allocator (cnmallocator: "could not find an available IP while allocating VIP", task IP allocation)',
    samples: [
      'level=error msg="Failed allocation for service tozjaj6xh" error="could not find an available IP while allocating VIP" module=node',
      'task allocation failure" error="failed to allocate network IP for task ep3bj network 1j2ew: could not find an available IP" module=node',
    ],
    counterSamples: ['failed to allocate network IP for task ep3bj: network not found'],
  }),
];
