import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A download that connects and then receives nothing, as busybox wget shows it (issue 13: a Docker bridge at MTU
 * 1500 over a 1400 underlay, read from busybox wget inside the containers). The handshake and the request are small
 * packets and pass; the first full-size data segment from the server is larger than a link on the path and is
 * dropped there, so the client sits at 0 bytes while small files fetch fine.
 */
export const TRANSFER_STALL_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.busybox-wget-stalled-at-zero',
    cause: 'flannel.mtu',
    // busybox wget's progress meter prints "- stalled -" in place of the ETA once no byte has arrived for a few
    // seconds; with 0 bytes received the connection was made and the request sent, and only the answer's data
    // never came: the pattern of a path MTU smaller than the endpoints' (bridge or pod MTU above the underlay's, or
    // ICMP "fragmentation needed" filtered). A server that is merely slow to answer prints the same, so the text
    // does not settle it.
    re: /\|\s+0\s+- stalled -/,
    anchors: ['- stalled -'],
    confidence: 0.5,
    specificity: 70,
    alternatives: ['node.packet-loss', 'node.firewall'],
    check: 'fetch a small file the same way (works → size-dependent); ping -M do -s 1472 <server> from the container and from the host (lost only from the container → the bridge or pod MTU is above the path\'s); ip link show docker0 / cni0 / flannel.1 and the underlay interface compare MTUs',
    source: 'busybox networking/wget.c progress meter (libbb/progress.c: "- stalled -" once no data for the stall time)',
    samples: [
      "Connecting to 10.77.0.2:8080 (10.77.0.2:8080)\nsaving to '/dev/null'\nnull                   0% |                                |     0 --:--:-- ETA\nnull                   0% |                                |     0  - stalled -\nTerminated",
      'null                   0% |                                |     0  - stalled -',
    ],
    counterSamples: [
      'null                 100% |********************************| 4096k  0:00:00 ETA',
      'big                   37% |************                    | 1536k  - stalled -',
    ],
  }),
];
