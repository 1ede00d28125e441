import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The CRI client (k8s.io/cri-client, which the kubelet and crictl use) checking the runtime's socket before anything
 * else: "validate service connection: validate CRI v1 runtime|image API for endpoint <socket>", then gRPC's own words
 * for the dial. Whatever the socket's file name (a runtime's own, or one set by --container-runtime-endpoint), the
 * text names a CRI endpoint, so a socket file that is missing or that nothing serves any more (a runtime that died and
 * left it) is the runtime not being there. Read by running the cri-client against such sockets.
 */
export const CRI_CLIENT_SOCKET_SIGNATURES: Signature[] = [
  sig({
    id: 'cri.validate-endpoint-socket-dial',
    cause: 'runtime.unavailable',
    re: /validate cri v1 (runtime|image) api for endpoint \\?"unix:\/\/[^\n]{0,300}?dial unix [^\s:"\\]+: connect: (connection refused|no such file or directory)/,
    anchors: ['validate cri v1 '],
    confidence: 0.9,
    // Above the hedged "dial unix" reading of any local socket: this one names the CRI endpoint it dialled.
    specificity: 93,
    alternatives: ['node.not-ready'],
    source: 'k8s.io/cri-client pkg/remote_runtime.go validateServiceConnection ("validate CRI v1 runtime API for endpoint %q"), grpc-go transport dial errors',
    samples: [
      'E1207 03:14:14.334460    1241 main.go:131] "Failed to create remote runtime service" err="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///run/containerd/stale.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /run/containerd/stale.sock: connect: connection refused\\""',
      'E1207 03:14:14.344807    1250 main.go:131] "Failed to create remote runtime service" err="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///var/run/crio/crio.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/crio/crio.sock: connect: no such file or directory\\""',
    ],
    counterSamples: [
      'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /var/lib/kubelet/plugins/csi.example.com/csi.sock: connect: connection refused"',
    ],
  }),
];
