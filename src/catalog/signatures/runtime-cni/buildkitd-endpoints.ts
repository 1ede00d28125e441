import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The BuildKit client (buildctl, buildx's remote driver, CI tools that embed it) failing to reach buildkitd itself:
 * nothing listens on the daemon's socket or port. It is the build daemon down, the way a runtime's own socket refused
 * is the runtime down; a registry is never involved at that stage.
 */
export const BUILDKITD_ENDPOINT_SIGNATURES: Signature[] = [
  sig({
    id: 'buildkitd.socket-absent',
    cause: 'runtime.unavailable',
    // buildctl's default address is unix:///run/buildkit/buildkitd.sock (rootless: $XDG_RUNTIME_DIR/buildkit/
    // buildkitd.sock); gRPC dials it lazily, so the first call (ListWorkers, Solve, Status) fails with the dial error
    // of the socket: the file is absent (buildkitd not started, or another path) or nothing accepts on it (stopped).
    re: /dial unix [^\s:"\\]*\/buildkitd?\.sock: connect: (connection refused|no such file or directory)/,
    anchors: ['buildkitd.sock', 'buildkit.sock'],
    confidence: 0.9,
    specificity: 94,
    check: 'systemctl status buildkit (or the buildkitd process / container: pgrep -a buildkitd, docker ps --filter name=buildkitd) and ls -l <the socket>: start buildkitd, or point buildctl --addr / BUILDKIT_HOST at the socket it listens on',
    source: 'moby/buildkit client/client.go (grpc.DialContext, lazy), client/workers.go ("failed to list workers"), client/solve.go ("failed to get status"), cmd/buildctl default address appdefaults.Address',
    samples: [
      'buildctl: failed to list workers: Unavailable: connection error: desc = "transport: Error while dialing: dial unix /run/buildkit/buildkitd.sock: connect: no such file or directory"',
      'error: failed to get status: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/user/1000/buildkit/buildkitd.sock: connect: connection refused"',
    ],
    counterSamples: [
      'Failed to start kubernetes client: error connecting to kubernetes runner: dial unix /workspace/buildkite.sock: connect: no such file or directory',
      'dial unix /run/containerd/containerd.sock: connect: connection refused',
    ],
  }),
  sig({
    id: 'buildkitd.tcp-endpoint-refused',
    cause: 'runtime.unavailable',
    // The same first call against a tcp:// address (buildctl --addr tcp://host:1234, a remote builder): the host
    // answers with a reset to the SYN, so no buildkitd listens on that port (stopped, listening on another address
    // or only on its unix socket); a firewall that rejects rather than drops gives the same text.
    re: /(failed to list workers|failed to get status|listing workers for build)[^\n]{0,120}?error while dialing: dial tcp [^\s"\\]+: connect: connection refused/,
    anchors: ['failed to list workers', 'failed to get status', 'listing workers for build'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['node.firewall'],
    check: 'on the builder host: ss -ltnp | grep <port> shows buildkitd listening (its --addr tcp://0.0.0.0:<port>); if it does, a host firewall rejects the port (nft list ruleset, iptables -S INPUT)',
    source: 'moby/buildkit client/workers.go ("failed to list workers"), client/solve.go ("failed to get status"), client/build.go ("listing workers for Build") over gRPC\'s dial error',
    samples: [
      'buildctl: failed to list workers: Unavailable: connection error: desc = "transport: Error while dialing: dial tcp 10.0.5.5:1234: connect: connection refused"',
      'error: listing workers for Build: failed to list workers: Unavailable: connection error: desc = "transport: Error while dialing: dial tcp 127.0.0.1:8372: connect: connection refused"',
    ],
    counterSamples: ['buildctl: failed to list workers: Unavailable: connection error: desc = "transport: Error while dialing: dial tcp 10.0.5.5:1234: i/o timeout"'],
  }),
];
