import type { Signature } from '../../types.js';
import { sig } from '../define.js';
import { CONNECT_REFUSED } from '../context.js';

/** A public IPv4 address: none of the private, loopback, link-local or shared (CGNAT) ranges. */
const PUBLIC_IPV4 = String.raw`(?!(10|127|0)\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.)\d{1,3}(\.\d{1,3}){3}`;

/** Proxies in the path: their refusals of a tunnel and the pages they answer with in the server's place. */
export const PROXY_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.proxy-tunnel-refused',
    cause: 'registry.proxy',
    // A client asks a proxy for a tunnel with CONNECT; only a proxy answers it. Java reports the proxy's status
    // (HttpURLConnection: "Unable to tunnel through proxy"; OkHttp: "Unexpected response code for CONNECT: 502"),
    // grpc-go its response ("failed to do connect handshake"), curl and .NET the status, Go's net/http the proxy's
    // reason phrase ("Tunnel Connection Failed", "CONNECT not allowed").
    re: /unexpected response code for connect: \d+|unable to tunnel through proxy|failed to do connect handshake|connect tunnel failed, response \d+|the proxy tunnel request to proxy|: tunnel connection failed|\bconnect ?not ?allowed\b/,
    anchors: ['response code for connect', 'unable to tunnel through proxy', 'connect handshake', 'connect tunnel failed', 'proxy tunnel request', 'tunnel connection failed', 'connect not allowed', 'connectnotallowed'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['node.firewall'],
    check: 'which proxy the client was given (env | grep -i proxy; for a pod, its env; for the runtime or kubelet, systemctl show <unit> -p Environment) and whether the destination must go through it: in-cluster and node addresses (the API server, .svc, the Pod and Service CIDRs) belong in NO_PROXY; an outside one needs the proxy to allow CONNECT to that host and port',
    source: 'proxy CONNECT failures as clients report them: Java HttpURLConnection/OkHttp ("Unexpected response code for CONNECT: %d"), grpc-go proxy dialer ("failed to do connect handshake"), Go net/http (the proxy\'s reason phrase as the error)',
    samples: [
      'Error testing connection https://kubernetes.default: java.io.IOException: Unexpected response code for CONNECT: 502',
      'java.io.IOException: Unable to tunnel through proxy. Proxy returns "HTTP/1.1 403 Forbidden"',
      // curl 7.7x and later, and .NET's HttpClient
      'curl: (56) CONNECT tunnel failed, response 407',
      "System.Net.Http.HttpRequestException: The proxy tunnel request to proxy 'http://proxy.corp:8080/' failed with status code '407'.",
      'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing failed to do connect handshake, response: \\"HTTP/1.1 503 Service Unavailable\\r\\nContent-Length: 3795\\r\\n"',
      'Error when Calico cni plugin create container network: Get "https://10.96.0.1:443/apis/crd.projectcalico.org/v1/clusterinformations/default": Tunnel Connection Failed',
    ],
    counterSamples: ['curl: (7) Failed to connect to 10.96.0.1 port 443: Connection refused', 'connect not supported on this socket type'],
  }),
  sig({
    id: 'registry.proxy-error-page',
    cause: 'registry.proxy',
    // A filtering or caching proxy answers in the server's place with its own HTML page: Squid's error page (its
    // title, its "(squid/<version>)" signature), Websense's block page, Blue Coat ProxySG's exception pages
    // (dns_unresolved_hostname, tcp_error). The client shows that page where it expected the API's answer.
    re: /the requested url could not be retrieved|\(squid\/\d|x-squid-error|blocked by websense|network error \((dns_unresolved_hostname|tcp_error|dns_server_failure)\)/,
    anchors: ['requested url could not be retrieved', '(squid/', 'x-squid-error', 'blocked by websense', 'network error ('],
    confidence: 0.8,
    specificity: 94,
    check: 'the proxy answered instead of the server: env | grep -i proxy where the client runs (kubectl, the runtime\'s unit, the pod); add the destination (the API server\'s address, localhost, .svc, the cluster CIDRs) to NO_PROXY, or have the proxy allow it',
    source: 'Squid ERR_* pages, Websense block page, Blue Coat ProxySG exception pages',
    samples: [
      'error: unable to upgrade connection: <!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n<html><head>\n<title>ERROR: The requested URL could not be retrieved</title>',
      'error: got \'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html>\n<head>\n<title>Blocked by Websense</title>',
      '<HTML><HEAD>\n<TITLE>Network Error</TITLE>\n</HEAD>\n<BODY>\n<big>Network Error (dns_unresolved_hostname)</big>',
    ],
    counterSamples: ['<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>'],
  }),
  sig({
    id: 'registry.proxy-drops-upgrade',
    cause: 'registry.proxy',
    // kubectl exec, attach and port-forward ask the API server to upgrade the connection (SPDY or WebSocket); the
    // server's stream handler answers 400 "Upgrade request required" when the request reaches it without the
    // Connection/Upgrade headers — an HTTP proxy or an L7 load balancer between kubectl and the API server that does
    // not pass upgrades on.
    re: /error upgrading connection: upgrade request required|\(badrequest\): upgrade request required/,
    anchors: ['upgrade request required'],
    confidence: 0.6,
    specificity: 92,
    check: 'what sits between kubectl and the API server: env | grep -i proxy where kubectl runs (add the API server\'s address to NO_PROXY), and the server: line of the kubeconfig — a load balancer or ingress there must pass Connection: Upgrade through (TCP passthrough, or WebSocket/SPDY upgrade enabled)',
    source: 'k8s.io/apimachinery httpstream (the server side of exec/attach/port-forward: 400 "Upgrade request required" when the request carries no upgrade)',
    samples: [
      '$ kubectl -n shop port-forward svc/web 8080:80\nerror: error upgrading connection: Upgrade request required',
      '$ kubectl exec -it web-5d9c7 -- sh\nError from server (BadRequest): Upgrade request required',
    ],
    counterSamples: ['error: error upgrading connection: unable to upgrade connection: pod does not exist'],
  }),
  sig({
    id: 'registry.public-address-refused',
    cause: 'registry.connection-refused',
    // Public services answer on 443 from anywhere: a refusal at a public address's 443 comes from something local
    // in the path — a firewall's REJECT, a proxy the client should have used, an interception device — as often as
    // from the server itself.
    // Node's words for the same refusal: "connect ECONNREFUSED <address>:443".
    re: new RegExp(String.raw`dial tcp ${PUBLIC_IPV4}:443: ${CONNECT_REFUSED}|connect econnrefused ${PUBLIC_IPV4}:443\b`),
    anchors: [':443: connect', ':443: connectex', ':443: getsockopt', 'connect econnrefused'],
    confidence: 0.6,
    specificity: 61,
    alternatives: ['registry.proxy', 'node.firewall', 'registry.http-to-https', 'registry.mirror-misconfigured'],
    check: 'from the same machine: env | grep -i proxy (a network that reaches the internet only through a proxy refuses direct connections) and curl -v https://<host>/; a refusal from a public service\'s 443 is a local firewall or a missing proxy more often than the service',
    source: 'Go net.OpError ("dial tcp <addr>:443: connect: connection refused", Windows "connectex: … actively refused it") at a public address',
    samples: [
      'failed to download "https://github.com/kubernetes-sigs/krew/releases/download/v0.4.0/krew.tar.gz": Get "https://github.com/kubernetes-sigs/krew/releases/download/v0.4.0/krew.tar.gz": dial tcp 140.82.121.3:443: connectex: No connection could be made because the target machine actively refused it.',
      'Error response from daemon: Get "https://registry.example.com/v2/": dial tcp 52.1.2.3:443: connect: connection refused',
      'Error: connect ECONNREFUSED 104.16.1.2:443',
    ],
    counterSamples: ['Error response from daemon: Get "https://harbor.internal/v2/": dial tcp 10.10.0.8:443: connect: connection refused', 'dial tcp 172.20.0.5:443: connect: connection refused'],
  }),
  sig({
    id: 'registry.v2-answer-without-distribution-header',
    cause: 'registry.proxy',
    // A registry answers /v2/ with the Docker-Distribution-API-Version header; an answer without it (often an HTML
    // 403 or 404) comes from something else at that address: a proxy in the path, or a web server that is not the
    // registry (a wrong endpoint or mirror).
    re: /registry responded to v2 docker endpoint, but has no header for docker distribution/,
    anchors: ['no header for docker distribution'],
    confidence: 0.6,
    specificity: 94,
    alternatives: ['registry.mirror-misconfigured', 'image.auth-rejected'],
    check: 'curl -sv https://<host>/v2/ from where the client runs: a real registry\'s answer carries Docker-Distribution-API-Version; without it, see who answered (the Server header, the HTML body): a proxy (env | grep -i proxy, NO_PROXY) or a web server in front of the wrong path',
    source: 'OpenShift image importer ("Registry responded to v2 Docker endpoint, but has no header for Docker Distribution")',
    samples: [
      'I0328 18:15:25.171742   10896 importer.go:709] Registry responded to v2 Docker endpoint, but has no header for Docker Distribution https://reg.example.com/v2/: 403, http.Header{"Server":[]string{"nginx/1.6.0"}, "Content-Type":[]string{"text/html"}}',
      'Registry responded to v2 Docker endpoint, but has no header for Docker Distribution https://10.0.0.5/v2/: 404',
    ],
    counterSamples: ['GET https://reg.example.com/v2/ 401 Unauthorized in 12 milliseconds'],
  }),
  sig({
    id: 'registry.python-proxy-error',
    cause: 'registry.proxy',
    // urllib3 (requests, the Kubernetes Python client, pip) failing at the proxy it was given — it could not reach
    // it, resolve it, or the proxy refused the tunnel — before any byte went to the server.
    re: /proxyerror\(\\?'(unable to connect to proxy|cannot connect to proxy)/,
    anchors: ['unable to connect to proxy', 'cannot connect to proxy'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['node.firewall'],
    check: 'env | grep -i proxy where the client runs: the proxy must resolve and accept CONNECT to that host; in-cluster destinations (the API server Service IP, .svc names, pod and Service CIDRs) belong in NO_PROXY — urllib3 matches NO_PROXY by host name and, in newer versions, CIDR',
    source: 'urllib3 ProxyError ("Unable to connect to proxy", formerly "Cannot connect to proxy.")',
    samples: [
      "HTTPSConnectionPool(host='10.25.0.1', port=443): Max retries exceeded with url: /api/v1/namespaces/sso/secrets/x (Caused by ProxyError('Unable to connect to proxy', OSError('Tunnel connection failed: 503 Service Unavailable')))",
      "HTTPConnectionPool(host='ssrf_proxy', port=3128): Max retries exceeded with url: /x (Caused by ProxyError('Cannot connect to proxy.', NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno -2] Name or service not known')))",
    ],
    counterSamples: ["HTTPSConnectionPool(host='api.example.com', port=443): Max retries exceeded with url: / (Caused by NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))"],
  }),
  sig({
    id: 'registry.sandbox-egress-policy-blocked',
    cause: 'registry.proxy',
    // A sandbox's egress goes through its own filtering proxy (Docker's sandboxes, agent sandboxes with an allow list);
    // a domain the policy does not allow is answered 403 by that proxy with its reason, whatever the destination.
    re: /blocked by network policy: domain \S+[^\n]{0,80}(no matching allow rule|default deny)/,
    anchors: ['blocked by network policy'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['node.firewall'],
    check: 'the sandbox\'s network policy (its allowed domains): add the registry or host named, or run the step outside the sandbox',
    source: 'Docker sandboxes\' egress proxy ("Forbidden: Blocked by network policy: domain %s ... no matching allow rule")',
    samples: [
      'Forbidden: Blocked by network policy: domain opencode.ai:443 detail: no matching allow rule — blocked by default deny policy',
      'error: 403 Forbidden: Blocked by network policy: domain registry-1.docker.io:443 detail: no matching allow rule',
    ],
    counterSamples: ['NetworkPolicy default-deny-egress blocks all egress from namespace apps'],
  }),
];
