import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * client-go's discovery client asks the API server for /version?timeout=<n>s (ServerVersion: kube-proxy, controllers and
 * kubectl version at start), a path the other /api and /apis readings do not cover: an API server at an address that is
 * neither the Service's x.x.0.1 nor port 6443 (a second Service IP, a load balancer on 443, a node address) fails with
 * the same transport errors. Like those readings it names no cause by itself. Read by running a client-go program against
 * Service-like addresses that refuse, are dropped or have no route.
 */
export const KUBE_API_DISCOVERY_SIGNATURES: Signature[] = [
  sig({
    id: 'ambiguous.kube-api-version-unreachable',
    cause: 'unknown',
    re: /https?:\/\/[^/\s"\\]+\/version\?timeout=\d+m?s\\?"?: [^\n]{0,200}?(i\/o timeout|connection refused|no route to host|network is unreachable|connection reset|tls handshake timeout|client\.timeout exceeded|context deadline exceeded)/,
    anchors: ['/version?timeout='],
    confidence: 0.6,
    specificity: 72,
    alternatives: ['node.br-netfilter', 'node.firewall', 'flannel.vxlan-blocked', 'flannel.wrong-iface'],
    check: 'from the node: curl -k https://<the address in the error>/version and curl -k https://<API server address>:6443/version — only a Service IP failing means kube-proxy on this node; both failing means a firewall or route to the API server',
    source: 'k8s.io/client-go discovery ServerVersion (GET /version with the client timeout as ?timeout=), Go net dial errors',
    samples: [
      'E1207 03:12:56.710327     968 main.go:89] Error getting server version: Get "https://10.96.0.2:443/version?timeout=10s": dial tcp 10.96.0.2:443: connect: connection refused',
      'E1207 03:12:56.094963     957 main.go:89] Error getting server version: Get "https://10.96.0.3:443/version?timeout=10s": dial tcp 10.96.0.3:443: connect: no route to host',
      'E1207 03:13:26.165421     958 main.go:89] Error getting server version: Get "https://10.96.0.4:443/version?timeout=10s": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    ],
    counterSamples: ['Get "https://reg.example.com/version": dial tcp 10.0.0.5:443: connect: connection refused'],
  }),
];
