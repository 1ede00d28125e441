import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The containerd client library failing to reach containerd's socket, as ctr prints it. Read from ctr 2.4.2 and
 * ctr 1.6.20 with the daemon stopped (socket absent) and with a stale socket file nothing listens on (issue 13).
 */
export const CONTAINERD_CLIENT_DIAL_SIGNATURES: Signature[] = [
  sig({
    id: 'containerd.client-dial-failed',
    cause: 'runtime.unavailable',
    // containerd's client (containerd.New, used by ctr and by tools built on it) wraps its gRPC dial of the address it
    // was given as `failed to dial "<address>"`: the address is containerd's own socket, so a dial that times out (no
    // socket file: the blocking dial retries until its deadline and says only "timeout") or is refused (a socket file
    // left behind by a daemon that is gone) is containerd not running or not serving there. The address can also be
    // the wrong one — k3s, RKE2 and MicroK8s run containerd on their own socket — so not sure from the text alone.
    re: /failed to dial \\?"[^"\n]+?\\?": (context deadline exceeded: )?connection error: desc = \\?"transport: error while dialing: dial unix(:\/\/| )\S+?: (timeout|connect: (connection refused|no such file or directory))/,
    anchors: ['failed to dial '],
    also: ['dial unix'],
    confidence: 0.7,
    specificity: 95,
    alternatives: ['node.not-ready'],
    check: 'systemctl status containerd and ls -l <the address in the message>: no process or no socket is containerd down (journalctl -u containerd for why); a running containerd with another socket (k3s: /run/k3s/containerd/containerd.sock) means ctr needs -a <that socket>',
    source: 'containerd client.go New ("failed to dial %q") around grpc-go\'s blocking dial; ctr app "ctr: " prefix',
    samples: [
      'ctr: failed to dial "/tmp/fd/rcontainerd-scratch/nosuch.sock": context deadline exceeded: connection error: desc = "transport: error while dialing: dial unix:///tmp/fd/rcontainerd-scratch/nosuch.sock: timeout"',
      'ctr: failed to dial "/tmp/fd/rcontainerd-scratch/stale.sock": connection error: desc = "transport: error while dialing: dial unix /tmp/fd/rcontainerd-scratch/stale.sock: connect: connection refused"',
      'ctr: failed to dial "/tmp/fd/rcontainerd-scratch/c1/c.sock": context deadline exceeded: connection error: desc = "transport: error while dialing: dial unix:///tmp/fd/rcontainerd-scratch/c1/c.sock: timeout"',
    ],
    counterSamples: [
      'time="2026-12-07T08:58:24Z" level=error msg="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///tmp/fd/rcontainerd-scratch/nosuch.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /tmp/fd/rcontainerd-scratch/nosuch.sock: connect: no such file or directory\\""',
      'failed to dial "registry.lab:443": context deadline exceeded: connection error: desc = "transport: error while dialing: dial tcp 127.0.0.19:443: connect: connection refused"',
    ],
  }),
];
