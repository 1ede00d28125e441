import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Go's HTTP/2 client (golang.org/x/net/http2) losing a connection for a reason that is not the registry failing:
 * the peer's GOAWAY names a fault in what the client sent, or the connection lost is the one to the API server; and a
 * single stream the peer reset, which does not tell the registry from an HTTP/2 proxy in front of it.
 */
export const HTTP2_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.http2-goaway-client-fault',
    cause: 'unknown',
    // x/net/http2 transport: "http2: server sent GOAWAY and closed the connection; LastStreamID=%v, ErrCode=%v, debug=%q".
    // NO_ERROR and INTERNAL_ERROR are the server (or its load balancer) going away (registry.unexpected-eof reads those).
    // FRAME_SIZE_ERROR, PROTOCOL_ERROR, COMPRESSION_ERROR and FLOW_CONTROL_ERROR say the peer refused frames the client
    // sent: an HTTP/2-speaking middlebox (TLS inspection, an old proxy or load balancer) rewriting them, or a client bug;
    // ENHANCE_YOUR_CALM ("too_many_pings") is the client's keepalive pings. None names the registry as failing.
    re: /server sent goaway and closed the connection[^\n]{0,60}errcode=(frame_size_error|protocol_error|compression_error|flow_control_error|enhance_your_calm)/,
    anchors: ['server sent goaway and closed the connection'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['registry.proxy', 'registry.server-error'],
    check: 'whether anything speaks HTTP/2 between the node and the registry (env | grep -i proxy for the runtime; a TLS-inspecting firewall shows its own issuer in: openssl s_client -connect <registry>:443 -servername <registry> </dev/null | grep issuer): a middlebox there is the suspect; with none, the same pull from another network or with GODEBUG=http2client=0 tells the client stack from the server',
    source: 'golang.org/x/net http2 transport.go (GoAwayError: "http2: server sent GOAWAY and closed the connection; LastStreamID=%v, ErrCode=%v, debug=%q"); errors.go ErrCode names',
    samples: [
      'error listing tags for repo URL gcr.io/acme/operator: Get "https://gcr.io/v2/acme/operator/tags/list?n=1000": http2: server sent GOAWAY and closed the connection; LastStreamID=1, ErrCode=FRAME_SIZE_ERROR, debug="framer_error"',
      'failed to do request: Head "https://ghcr.io/v2/flannel-io/flannel/manifests/v0.25.1": http2: server sent GOAWAY and closed the connection; LastStreamID=5, ErrCode=ENHANCE_YOUR_CALM, debug="too_many_pings"',
      'failed to do request: Head "https://harbor.corp.example/v2/apps/api/manifests/2.3.1": http2: server sent GOAWAY and closed the connection; LastStreamID=1, ErrCode=PROTOCOL_ERROR, debug=""',
    ],
    counterSamples: [
      'failed to do request: Head "https://registry.example.com/v2/app/manifests/1": http2: server sent GOAWAY and closed the connection; LastStreamID=1, ErrCode=NO_ERROR, debug=""',
    ],
  }),
  sig({
    id: 'ambiguous.kube-api-http2-lost',
    cause: 'unknown',
    // client-go (flannel's kube subnet manager, controllers) talking HTTP/2 to the API server: the connection lost,
    // closed with a GOAWAY or a stream reset is the API server restarting, its load balancer's idle timeout or a
    // path that drops big packets; the error names none of them (a refusal or a timeout is ambiguous.kube-api-unreachable).
    re: /(https?:\/\/[^/\s"\\]+\/apis?\/|https?:\/\/kubernetes\.default)[^\n]{0,600}(http2: client connection lost|http2: server sent goaway|stream error: stream id \d+; (internal_error|protocol_error|cancel))/,
    anchors: ['http2: client connection lost', 'http2: server sent goaway', 'stream error: stream id'],
    confidence: 0.3,
    specificity: 75,
    alternatives: ['flannel.mtu', 'node.firewall'],
    check: 'whether the API server restarted at that time (kubectl -n kube-system get pods -l component=kube-apiserver, its RESTARTS and age) and whether a load balancer in front of it cuts idle connections; if it keeps recurring on one node only, ping -M do -s 1422 <API server address> from that node looks for an MTU black hole',
    source: 'golang.org/x/net http2 transport.go ("http2: client connection lost" when the read loop ends); client-go requests to /api/ and /apis/',
    samples: [
      'E1206 10:00:12.123456       1 main.go:335] Error registering network: failed to acquire lease: Get "https://10.96.0.1:443/api/v1/nodes/node1": http2: client connection lost',
      'E1206 10:00:12.123456       1 reflector.go:147] failed to list *v1.Node: Get "https://10.96.0.1:443/api/v1/nodes?limit=500": http2: server sent GOAWAY and closed the connection; LastStreamID=3, ErrCode=NO_ERROR, debug=""',
    ],
    counterSamples: [
      'failed to do request: Get "https://ghcr.io/v2/flannel-io/flannel/blobs/sha256:8a1f": http2: client connection lost',
    ],
  }),
  sig({
    id: 'registry.http2-stream-internal-error',
    cause: 'unknown',
    // A single stream reset by the peer with INTERNAL_ERROR (RST_STREAM, "received from peer"): whatever terminated
    // HTTP/2 on the other side gave up on that request mid-body — the registry's or CDN's front, or a proxy or load
    // balancer between that speaks HTTP/2 to the client. The text does not say which of them; the connection itself
    // stayed up, unlike a GOAWAY.
    re: /stream error: stream id \d+; internal_error/,
    anchors: ['internal_error'],
    also: ['stream error'],
    confidence: 0.4,
    specificity: 60,
    alternatives: ['registry.server-error', 'registry.proxy', 'registry.mirror-misconfigured'],
    check: 'repeat the download with HTTP/1.1 (GODEBUG=http2client=0 for Go clients, curl --http1.1 -o /dev/null <the blob URL>): if it then completes, an HTTP/2 proxy or load balancer on the path resets streams; if it fails the same way, the registry or its CDN',
    source: 'golang.org/x/net/http2 transport (StreamError "stream error: stream ID %d; %v; received from peer", RST_STREAM with INTERNAL_ERROR)',
    samples: [
      'download failed: write rootfs: extract image: stream error: stream ID 67; INTERNAL_ERROR; received from peer',
      'error building image: error building stage: failed to get filesystem from image: stream error: stream ID 1; INTERNAL_ERROR; received from peer',
    ],
    counterSamples: ['http2: server sent GOAWAY and closed the connection; LastStreamID=1, ErrCode=NO_ERROR, debug=""'],
  }),
];
