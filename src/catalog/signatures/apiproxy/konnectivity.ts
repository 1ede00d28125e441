import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The konnectivity service (sigs.k8s.io/apiserver-network-proxy): where the API server's egress to nodes goes through
 * a proxy server beside it and agents on the nodes (GKE, AKS, k0s, Kamaji, Cluster API control planes), kubectl logs,
 * exec, port-forward and the aggregated APIs reach kubelets and pods only through an agent. Its own words for "no
 * agent", "no answer from the agent" and "the agent cannot reach the server" name the tunnel, not why it is down:
 * the agents are pods, so a node or pod network that keeps them from starting or connecting shows up here.
 */
export const KONNECTIVITY_SIGNATURES: Signature[] = [
  sig({
    id: 'apiproxy.konnectivity-no-agent',
    cause: 'unknown',
    // pkg/server/backend_manager.go ErrNotFound: the proxy server has no connected agent for the address the API
    // server asked it to dial; the DIAL_RSP carries the text back ("error dialing backend: No agent available", or
    // inside a Get to the kubelet for logs). In HTTP-CONNECT mode tunnel.go answers "currently no tunnels available".
    re: /\bno agent available\b|currently no tunnels available/,
    anchors: ['no agent available', 'no tunnels available'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['flannel.daemon-down', 'node.not-ready', 'node.firewall'],
    check: 'kubectl -n kube-system get pods -l k8s-app=konnectivity-agent -o wide: no agent Running (Pending or ContainerCreating: kubectl describe one — a sandbox or CNI event names the cause) or agents Running whose logs say "cannot connect once" (they cannot reach the proxy server, port 8132 or 8091 on the control plane); the proxy server\'s own log shows "Register backend for agent" when one connects',
    source: 'apiserver-network-proxy pkg/server/backend_manager.go (ErrNotFound "No agent available"), pkg/server/server.go ("Failed to get a backend"), pkg/server/tunnel.go ("currently no tunnels available")',
    samples: [
      'Error from server: error dialing backend: No agent available',
      'Error from server: Get "https://10.128.0.5:10250/containerLogs/default/web-6d4cf56db6-x2v7q/web": No agent available',
      'E1206 10:00:00.000000       1 server.go:586] "Failed to get a backend" err="No agent available" dialID=5577006791947779410',
      'HTTP/1.1 500 Internal Server Error Content-Type: text/plain currently no tunnels available: No agent available',
    ],
    counterSamples: ['I1206 10:00:00.000000       1 server.go:802] "Register backend for agent" agentID="10.0.1.7" host="10.0.1.7"', 'Error from server: error dialing backend: dial tcp 10.0.0.5:10250: connect: connection refused'],
  }),
  sig({
    id: 'apiproxy.konnectivity-dial-timeout',
    cause: 'unknown',
    // konnectivity-client pkg/client/client.go: no DIAL_RSP from the agent within 30 s ("dial timeout, backstop") or
    // before the request's context ended ("dial timeout, context"). The agent took the request and never answered:
    // its own dial to the kubelet hangs (a firewall dropping 10250) or the tunnel to it stalled.
    re: /\bdial timeout, (backstop|context)\b/,
    anchors: ['dial timeout, backstop', 'dial timeout, context'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['node.firewall', 'node.not-ready'],
    check: 'the konnectivity agents\' logs (kubectl -n kube-system logs -l k8s-app=konnectivity-agent, at -v=1 or more) name the address they dialled: "error dialing backend" with an i/o timeout to <node>:10250 is that node\'s firewall or security group for TCP 10250 from the agent; agents restarting or not Running is the tunnel itself',
    source: 'apiserver-network-proxy konnectivity-client pkg/client/client.go (dialFailure "dial timeout, backstop", "dial timeout, context")',
    samples: ['Error from server: error dialing backend: dial timeout, backstop', 'error: error upgrading connection: error dialing backend: dial timeout, context'],
    counterSamples: ['Error from server: error dialing backend: dial tcp 10.0.3.123:10250: i/o timeout'],
  }),
  sig({
    id: 'apiproxy.konnectivity-agent-path-blocked',
    cause: 'node.firewall',
    // The agent's dial to the proxy server timing out or finding no route: the server's port (8132 by default) is not
    // reachable from the agents' nodes — a host firewall (firewalld's REJECT is "no route to host") or a security
    // group on the control plane. The corpus labels these node.firewall; a refusal is the server not listening.
    re: /\bcannot connect once\b[^\n]{0,300}?dial tcp [^\s"\\]+: (i\/o timeout|connect: (no route to host|connection timed out)|connect: network is unreachable)/,
    anchors: ['cannot connect once'],
    confidence: 0.5,
    specificity: 91,
    alternatives: ['flannel.ipmasq', 'node.not-ready'],
    check: 'from the agent\'s node: nc -zv <proxy server host> 8132 (the agent\'s --proxy-server-host and --proxy-server-port) — a timeout or "No route to host" is a firewall on the control plane (firewall-cmd --list-all, nft list ruleset) or a security group; if the node reaches it but the agent\'s pod does not, the pod traffic is not masqueraded on its way out',
    source: 'apiserver-network-proxy pkg/agent/clientset.go ("cannot connect once"), grpc-go transport dial errors; k0s and Cluster API threads on port 8132',
    samples: [
      'E0505 16:48:03.213218       1 clientset.go:204] "cannot connect once" err="rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial tcp 192.168.1.41:8132: connect: no route to host\\""',
      'E1206 10:00:00.000000       1 clientset.go:238] "cannot connect once" err="rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial tcp 34.118.0.12:8132: i/o timeout\\""',
    ],
    counterSamples: ['E1206 10:00:00.000000       1 clientset.go:238] "cannot connect once" err="rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial tcp 10.0.0.10:8132: connect: connection refused\\""'],
  }),
  sig({
    id: 'apiproxy.konnectivity-agent-cannot-connect',
    cause: 'unknown',
    // pkg/agent/clientset.go: an agent's gRPC connection to the proxy server failed; it retries with backoff. The
    // inner text is grpc's ("transport: Error while dialing: dial tcp <server>:8132: …"). A timeout or no route is
    // read above (apiproxy.konnectivity-agent-path-blocked); a refusal is the proxy server not listening on the control
    // plane, which convention reads as unknown, as for the API server itself.
    re: /\bcannot connect once\b/,
    anchors: ['cannot connect once'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['node.firewall', 'flannel.ipmasq'],
    check: 'the proxy server address the agent dials (its --proxy-server-host and --proxy-server-port, usually 8132) and, from the agent\'s node: nc -zv <host> 8132 — a refusal is the proxy server not listening (kubectl -n kube-system get pods -l component=konnectivity-server, or the control plane\'s static pod), a timeout a firewall or security group between the nodes and the control plane',
    source: 'apiserver-network-proxy pkg/agent/clientset.go ("cannot connect once"), grpc-go transport dial errors',
    samples: [
      'E1206 10:00:00.000000       1 clientset.go:238] "cannot connect once" err="rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial tcp 10.0.0.10:8132: connect: connection refused\\""',
      'E1206 10:00:00.000000       1 clientset.go:238] "cannot connect once" err="rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial tcp: lookup konnectivity.cp.example.com on 10.96.0.10:53: no such host\\""',
    ],
    counterSamples: ['I1206 10:00:00.000000       1 clientset.go:221] "sync added client connecting to proxy server" serverID="8f1c2d3e"'],
  }),
];
