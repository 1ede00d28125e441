import type { Signature } from '../types.js';
import { CONNECT_REFUSED, CONNECT_TIMED_OUT, withoutPull } from './context.js';
import { sig } from './define.js';

/**
 * Texts that are recognised but do not name a cause by themselves. They outrank the generic
 * transport signatures (connection refused, i/o timeout, Client.Timeout) so that a probe failure or
 * an unreachable API server is not mistaken for a registry problem; `explain` answers `unknown`
 * with the plausible causes as alternatives, and `diagnose` decides from evidence.
 */
/**
 * A URL of the Kubernetes API: /api/v1 or /apis/<group>/<version> paths and their discovery (/api?timeout=…;
 * registries serve /v2/, and other web APIs' /api/<anything> is not Kubernetes), the kubernetes Service's IP
 * (the first of the Service CIDR, x.x.0.1), the API server's port 6443, or kubernetes.default.
 */
// Prometheus-compatible servers (Prometheus, Thanos, Mimir, VictoriaMetrics, Loki) serve /api/v1/ too: their routes are not the Kubernetes API.
const KUBE_API_URL = String.raw`(https?:\/\/[^/\s"\\]+\/(api(\/v1\/(?!query|series|labels?\b|label\/|write|read\b|push|targets|rules|alerts|status\/|metadata|otlp|import|export)|\?)|apis(\/[a-z0-9.-]+\/v\d|\?))|https?:\/\/\[?(10|172|192|100)\.\d+\.0\.1\]?(:443)?\/|https?:\/\/[^/\s"\\]+:6443\/|https?:\/\/kubernetes\.default)`;
const KUBE_API_ANCHORS = ['/api/', '/api?', '/apis/', '/apis?', '.0.1/', '.0.1:443/', '.0.1]', ':6443/', 'kubernetes.default'];
/** The literals one of which every API certificate text requires: the API's URL, or kubectl's own wrapper. */
const KUBE_API_OR_CLIENT = [...KUBE_API_ANCHORS, 'unable to connect to the server'];

export const AMBIGUOUS_SIGNATURES: Signature[] = [
  sig({
    id: 'ambiguous.daemon-no-such-image',
    cause: 'unknown',
    // Docker's daemon has no image by that reference in its own store. That follows a pull that failed (for any of the
    // pull's own reasons: credentials, disk, network, a missing tag) as often as an image never pulled or built there
    // (pull policy Never, a build that tagged it otherwise): the line itself does not say which. Below every other
    // signature, so the pull's own error on an earlier line decides when the message holds one.
    re: /no such image: \S+/,
    anchors: ['no such image'],
    confidence: 0.5,
    specificity: 40,
    alternatives: ['image.never-pull-absent', 'image.not-found'],
    check: 'the pull before this line: its own error (unauthorized, no space left, a timeout, manifest unknown) is the cause; if nothing was pulled, docker images | grep <name> on that host shows whether the image exists under another tag, and the pull policy or the build decides',
    source: 'moby daemon image store ("No such image: %s")',
    samples: ['Error response from daemon: No such image: web:dev', 'docker: Error response from daemon: No such image: registry.lab/app:1.'],
    counterSamples: ['Untagged: web:dev'],
  }),
  sig({
    id: 'ambiguous.transport-outside-pull',
    cause: 'unknown',
    // Go's and curl's transport errors in a message that names no image, pull or registry: an admission webhook,
    // an application or curl to some service. The registry.* transport signatures below it stay for pulls.
    // TCP only (a resolver's dial udp …:53 is the DNS signatures'); a refusal keeps registry.connection-refused's
    // hedged answer, since a refusing host is up and its port closed, which is what a registry check looks at first.
    // Node.js words the same failures by errno after "connect" (connect ETIMEDOUT <addr>:<port>, EHOSTUNREACH, ENETUNREACH).
    re: withoutPull(new RegExp(String.raw`connection reset by peer|econnreset|socketexception: connection reset\b|ssl_error_syscall in connection to|client\.timeout exceeded|request canceled while waiting for connection|timeout awaiting response headers|dial tcp [\w.:[\]%-]+: (i\/o timeout|${CONNECT_TIMED_OUT}|(connect|getsockopt): (no route to host|network is unreachable))|connect (etimedout|ehostunreach|enetunreach) [\w.:[\]%-]+:\d+`)),
    anchors: ['connection reset', 'econnreset', 'ssl_error_syscall', 'client.timeout exceeded', 'request canceled while waiting', 'timeout awaiting response headers', 'dial tcp', 'connect etimedout', 'connect ehostunreach', 'connect enetunreach'],
    confidence: 0.4,
    specificity: 66,
    alternatives: ['node.firewall', 'registry.connect-timeout', 'registry.connection-refused'],
    check: 'which client made the request, to which address? the error names the address it dialled: from where that client runs, curl -v or nc -vz <address> <port>; an admission webhook is the API server dialling the webhook\'s Service (kubectl get endpoints -n <ns> <service>), a pod\'s IP from a control-plane node crosses the overlay',
    source: 'Go net.OpError and net/http client errors ("dial tcp <addr>: i/o timeout", "Client.Timeout exceeded"), curl\'s "Recv failure: Connection reset by peer"',
    samples: [
      'Error creating: Internal error occurred: failed calling webhook "mutate.example.com": Post https://10.0.0.9:2999/mutate?timeout=30s: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
      'curl: (56) Recv failure: Connection reset by peer',
      'Error: connect ETIMEDOUT 10.244.2.17:6379\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
    ],
    counterSamples: ['Failed to pull image "nginx:1.25": dial tcp 10.0.0.5:443: i/o timeout', 'Failed to pull image "reg.lab/web:1": Error: connect ETIMEDOUT 10.0.0.5:443'],
  }),
  sig({
    id: 'ambiguous.metadata-service-unreachable',
    cause: 'unknown',
    // The cloud's instance metadata service (link-local 169.254.169.254, metadata.google.internal, EC2's IPv6
    // fd00:ec2::254) is never a registry: a pod or a CSI driver that cannot reach it meets a hop limit, a node
    // firewall or network policy, or a cloud that has none (an on-premises node running a cloud driver). Beside a
    // pull it is a credential provider that cannot fetch the node's role.
    re: new RegExp(String.raw`(169\.254\.169\.254|metadata\.google\.internal|\[?fd00:ec2::254\]?)[^\n]{0,300}(${CONNECT_REFUSED}|i\/o timeout|${CONNECT_TIMED_OUT}|no route to host|network is unreachable|context deadline exceeded|client\.timeout exceeded)`),
    anchors: ['169.254.169.254', 'metadata.google.internal', 'fd00:ec2::254'],
    confidence: 0.5,
    specificity: 80,
    alternatives: ['node.firewall', 'image.auth-missing'],
    check: 'from the pod (or the node, for a credential provider): curl -sv -m 3 http://169.254.169.254/ — EC2 needs the IMDSv2 hop limit at 2 for pods (aws ec2 modify-instance-metadata-options --http-put-response-hop-limit 2), GKE Workload Identity answers only pods with a bound service account, and a network policy or node firewall must allow the link-local address; on a machine outside that cloud there is no metadata service to reach',
    source: 'cloud instance metadata endpoints (EC2 IMDS, GCE metadata server, Azure IMDS) dialled by SDKs, CSI drivers and the kubelet\'s credential providers',
    samples: [
      'Failed getting Project and Zone: Get http://169.254.169.254/computeMetadata/v1/instance/zone: dial tcp 169.254.169.254:80: connect: connection refused',
      'EC2MetadataError: failed to make EC2Metadata request: Put "http://169.254.169.254/latest/api/token": dial tcp 169.254.169.254:80: i/o timeout',
    ],
    counterSamples: ['Get "https://registry.lab:5000/v2/": dial tcp 10.0.0.5:5000: connect: connection refused'],
  }),
  sig({
    id: 'ambiguous.refused-outside-pull',
    cause: 'unknown',
    // A refusal is a host that is up with nothing listening on that port. Outside a pull, on a port no registry
    // serves by default (443, 80, 5000), it is that program's server — a gRPC agent, a database, an operator's
    // API — not a registry: the answer names no registry cause. (An address redacted as <host_ip> counts too.)
    re: withoutPull(new RegExp(String.raw`dial tcp [\w.:[\]%<>-]+:(?!(443|80|5000)\b)\d+: ${CONNECT_REFUSED}`)),
    anchors: ['connection refused', 'actively refused'],
    confidence: 0.4,
    specificity: 62,
    alternatives: ['node.not-ready', 'node.firewall', 'registry.connection-refused'],
    check: 'which program dialled, and what should listen at that address and port? on that host: ss -ltnp | grep :<port> shows whether anything listens (and on which address); a REJECT rule answers with a refusal too (iptables-save | grep REJECT)',
    source: 'Go net.OpError ("dial tcp <addr>:<port>: connect: connection refused"), ECONNREFUSED from the peer\'s kernel',
    samples: [
      '[ERROR] client: error connecting to grpc: error="dial tcp 192.168.43.54:8502: connect: connection refused"',
      'failed to connect to the database: dial tcp 10.0.0.12:5432: connect: connection refused',
    ],
    counterSamples: ['dial tcp 34.96.108.209:443: connect: connection refused', 'Failed to pull image "reg.lab:8443/web:1": dial tcp 10.0.0.5:8443: connect: connection refused'],
  }),
  sig({
    id: 'ambiguous.grpc-dial-refused',
    cause: 'unknown',
    // gRPC's "transport: Error while dialing" over TCP: registries speak HTTP, never gRPC, so a refused gRPC
    // dial is some agent's or cloud service's server, whatever image words are around it.
    re: new RegExp(String.raw`transport: error while dialing:? dial tcp [\w.:[\]%<>-]+: ${CONNECT_REFUSED}`),
    anchors: ['error while dialing'],
    confidence: 0.4,
    specificity: 63,
    alternatives: ['node.firewall', 'registry.connection-refused'],
    check: 'which program dialled, and which service should answer at that address and port (a gRPC API: an agent, a cloud control service, a plugin)? from the same host: nc -vz <address> <port>; nothing listening, or a REJECT rule on the way (iptables-save | grep REJECT)',
    source: 'grpc-go connection errors ("connection error: desc = \\"transport: Error while dialing dial tcp …: connect: connection refused\\"")',
    samples: [
      'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial tcp 10.0.0.7:9000: connect: connection refused"',
      'unable to get preferred agent image: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 35.0.0.1:443: connect: connection refused"',
    ],
    counterSamples: ['Failed to pull image "reg.lab/web:1": dial tcp 10.0.0.5:443: connect: connection refused'],
  }),
  sig({
    id: 'ambiguous.http-5xx-outside-pull',
    cause: 'unknown',
    // A 5xx status line with no pull or registry in the message: an ingress or load balancer whose backend did
    // not answer, an API down — any HTTP server's. Which backend, and why, is beyond the status.
    re: withoutPull(/\b(500 internal server error|502 bad gateway|503 service (temporarily )?unavailable|504 gateway time-?out)/),
    anchors: ['internal server error', 'bad gateway', 'service unavailable', 'service temporarily unavailable', 'gateway time'],
    confidence: 0.4,
    specificity: 75,
    alternatives: ['node.firewall', 'dns.service-unreachable', 'flannel.vxlan-blocked'],
    check: 'which server answered? a 502/504 from an ingress or load balancer means its backend did not answer: kubectl get endpoints for the Service behind it, then curl the pod IP from the ingress controller\'s node (a firewall or the overlay between nodes drops it there)',
    source: 'HTTP status lines (RFC 9110 §15.6): 502 and 504 are a gateway\'s failure to reach its upstream',
    samples: ['curl -i http://shop.example.test\nHTTP/1.1 502 Bad Gateway', '<html><head><title>504 Gateway Time-out</title></head>'],
    counterSamples: ['Error response from daemon: received unexpected HTTP status: 503 Service Unavailable'],
  }),
  sig({
    id: 'ambiguous.registry-export-control-block',
    cause: 'unknown',
    // Docker Hub's 403 page for clients in sanctioned regions: the registry refuses the client's address, not its
    // credentials or the image; no cause of ours is a registry's geography.
    re: /comply with u\.?s\.? export control/,
    anchors: ['export control'],
    confidence: 0.4,
    specificity: 96,
    alternatives: ['registry.mirror-misconfigured', 'registry.proxy'],
    check: 'the 403 body names export control: the node\'s public address is in a region the registry blocks; pull through a mirror or proxy outside it (registry-mirrors, hosts.toml) or from another registry that carries the image',
    source: 'Docker Hub\'s 403 page for blocked regions ("Since Docker is a US company, we must comply with US export control regulations")',
    samples: [
      'denied: <html><body><h1>403 Forbidden</h1> Since Docker is a US company, we must comply with US export control regulations. In an effort to comply with these, we now block all IP addresses that are located in Cuba, Iran, North Korea, Republic of Crimea, Sudan, and Syria.',
      'Error response from daemon: pull access denied for matrixdotorg/dendrite-monolith, repository does not exist or may require \'docker login\': denied: <html><body><h1>403 Forbidden</h1> Since Docker is a US company, we must comply with US export control regulations.',
    ],
    counterSamples: ['denied: requested access to the resource is denied'],
  }),
  sig({
    id: 'ambiguous.google-frontend-forbidden',
    cause: 'unknown',
    // Google's front end (registry.k8s.io's redirect target, Artifact Registry, GCR) answers a client it refuses by
    // address with this HTML page before any registry logic runs: a blocked region, an organisation's VPC Service
    // Controls perimeter, or a proxy's egress address on a deny list. No credential was judged, so not a login fault.
    re: /your client does not have permission to get url/,
    anchors: ['your client does not have permission to get url'],
    confidence: 0.4,
    specificity: 96,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured', 'image.auth-rejected'],
    check: 'from the node: curl -sI https://registry.k8s.io/v2/ (and through the proxy the node uses, if any): the same HTML 403 without credentials means the address is refused (region, perimeter, proxy egress); pull through a mirror that can reach it, or from a network that is not blocked',
    source: 'Google Front End 403 page ("Your client does not have permission to get URL <code>%s</code> from this server.") as registry clients print the body',
    samples: [
      'W0116 18:25:26.170561  341384 image.go:188] authn lookup for registry.k8s.io/kube-scheduler:v1.32.0 (trying anon): GET https://registry.k8s.io/v2/: unexpected status code 403 Forbidden: <html><head><title>403 Forbidden</title></head><body text=#000000 bgcolor=#ffffff><h1>Error: Forbidden</h1><h2>Your client does not have permission to get URL <code>/v2/</code> from this server.</h2></body></html>',
      'Error response from daemon: error parsing HTTP 403 response body: invalid character \'<\' looking for beginning of value: "<html><head><title>403 Forbidden</title></head><body><h1>Error: Forbidden</h1><h2>Your client does not have permission to get URL <code>/v2/</code> from this server.</h2></body></html>"',
    ],
    counterSamples: ['GET https://registry.k8s.io/v2/: unexpected status code 403 Forbidden'],
  }),
  sig({
    id: 'ambiguous.v1-layer-fetch-403',
    cause: 'unknown',
    // The v1 pull protocol fetched layers from Docker Hub's CDN; a 403 there is the CDN refusing the request (a
    // blocked region, a signed URL that expired on a skewed clock, a proxy rewriting it), not the registry failing
    // and not a login: the text cannot tell which.
    re: /status 403 while fetching image layer/,
    anchors: ['status 403 while fetching image layer'],
    confidence: 0.4,
    specificity: 92,
    alternatives: ['registry.proxy', 'registry.tls-expired-or-clock', 'registry.server-error'],
    check: 'curl -sI the layer URL from the node (and through its proxy): an HTML 403 naming a region or export control is a block; compare the node\'s clock with date -u elsewhere (signed CDN URLs expire); a current Docker client pulls over v2 and never meets this path',
    source: 'Docker 1.x v1 pull ("Server error: Status %d while fetching image layer (%s)")',
    samples: [
      'af340544ed62: Error pulling image (latest) from hello-world, Server error: Status 403 while fetching image layer (535020c3e8add9d6bb06e5ac15a261e73d9b213d62fb2c14d752b8e189b2b912)',
      'FATA[0009] Error pulling image (latest) from library/ubuntu, Server error: Status 403 while fetching image layer (8d3f1c2b9a10)',
    ],
    counterSamples: ['Error pulling image (latest) from library/ubuntu, Server error: Status 500 while fetching image layer (8d3f1c2b9a10)'],
  }),
  sig({
    id: 'ambiguous.push-manifest-blob-unknown',
    cause: 'unknown',
    // A push: the client PUT a manifest naming a blob it had not uploaded (a foreign or non-distributable layer
    // it skipped, an interrupted copy). The registry rightly refuses it; no pod pulls anything here.
    re: /\b(put|post|patch) "?https?:\/\/\S+\/v2\/\S+\/manifests\/[^\n]{0,600}manifest_blob_unknown/,
    anchors: ['manifest_blob_unknown'],
    confidence: 0.4,
    specificity: 80,
    alternatives: ['registry.server-error'],
    check: 'which blobs did the client upload before the manifest? copy with the tool\'s option for foreign (non-distributable) layers, or push the missing blob first; the registry\'s own log names the digest it lacks',
    source: 'OCI distribution spec: MANIFEST_BLOB_UNKNOWN answers a manifest PUT that references a blob the repository lacks',
    samples: ['PUT http://localhost:5000/v2/app/manifests/sha256:b0: MANIFEST_BLOB_UNKNOWN: blob unknown to registry; sha256:85', 'failed to copy: PUT https://reg.lab/v2/team/web/manifests/1.2: manifest_blob_unknown: blob unknown to registry'],
    counterSamples: ['GET https://reg.lab/v2/team/web/blobs/sha256:85: BLOB_UNKNOWN: blob unknown to registry'],
  }),
  sig({
    id: 'kube-api.client-cert-expired',
    cause: 'registry.tls-expired-or-clock',
    // The API server (or an aggregated API such as metrics-server) refusing a client whose certificate has expired, or
    // whose clock is off: read by that mechanism. The client may be a kubelet after a failed rotation — that node goes
    // NotReady — or any kubectl, controller or operator.
    re: /unable to authenticate the request[^\n]{0,80}x509: certificate has expired or is not yet valid/,
    anchors: ['unable to authenticate the request'],
    confidence: 0.7,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'which client? on each node: openssl x509 -noout -enddate -in /var/lib/kubelet/pki/kubelet-client-current.pem (an expired one leaves that node NotReady: restart the kubelet after renewing, or approve its CSR); on the control plane: kubeadm certs check-expiration; and date on both sides',
    source: 'kube-apiserver authentication (x509 client certificates): "Unable to authenticate the request due to an error"',
    samples: ['E1103 18:28:07.208359       1 authentication.go:65] Unable to authenticate the request due to an error: x509: certificate has expired or is not yet valid', 'authentication.go:63] "Unable to authenticate the request" err="[x509: certificate has expired or is not yet valid: current time 2024-05-01T10:00:00Z is after 2024-04-30T09:00:00Z]"'],
    counterSamples: ['Unable to authenticate the request due to an error: invalid bearer token'],
    subject: {
      title: 'A client\'s certificate to the Kubernetes API has expired, or its clock is wrong',
      explanation: 'The API server (or an aggregated API server such as metrics-server) refuses a client that presents a certificate outside its validity: a kubelet whose rotation failed (that node goes NotReady), a kubeconfig\'s embedded client certificate, or a component\'s; a clock off on either side has the same effect.',
      fix: [
        'Find the client: the API server\'s audit log or the logs of the components that fail; on each node, openssl x509 -noout -enddate -in /var/lib/kubelet/pki/kubelet-client-current.pem.',
        'Renew its certificate (kubeadm certs renew all on the control plane, then restart the static pods and take admin.conf again; a kubelet: restart it and approve its CSR with kubectl certificate approve <name>).',
        'Check the clocks on the client and on the control plane: date -u, timedatectl.',
      ],
      verify: ['kubeadm certs check-expiration'],
    },
  }),
  sig({
    id: 'ambiguous.registry-ip-not-allowed',
    cause: 'unknown',
    // Azure Container Registry's network rules refuse the client's address: the registry's firewall, not the
    // node's, and not its credentials; no catalogued cause is the registry's own allow-list.
    re: /client with ip '[^'\n]*' is not allowed access/,
    anchors: ['is not allowed access'],
    confidence: 0.4,
    specificity: 92,
    alternatives: ['image.auth-rejected', 'registry.proxy'],
    check: 'the registry\'s network rules (az acr network-rule list -n <registry>, or its private endpoint): add the egress address the nodes pull from (their NAT gateway or load balancer) or reach the registry privately',
    source: 'Azure Container Registry firewall (https://aka.ms/acr/firewall)',
    samples: ['denied: client with IP \'203.0.113.7\' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.', 'Head "https://acme.azurecr.io/v2/app/manifests/1": denied: client with IP \'10.1.2.3\' is not allowed access.'],
    counterSamples: ['denied: requested access to the resource is denied'],
  }),
  sig({
    id: 'ambiguous.local-socket-refused',
    check: 'the unix socket it names belongs to a daemon on the same host (the kubelet\'s pod-resources or plugin sockets, a CSI driver, a device plugin): ls -l <socket> and the status of the daemon that serves it; the error is that client\'s, not an image pull\'s',
    cause: 'unknown',
    // Go's "dial unix <path>: connect: <errno>": a local socket, never a registry. The runtime's own sockets
    // (containerd.sock, crio.sock, cri-dockerd.sock, dockershim.sock) have signatures that outrank this one.
    re: /dial unix [^\s:"\\]+: connect: (connection refused|no such file or directory)/,
    anchors: ['dial unix '],
    confidence: 0.4,
    specificity: 92,
    alternatives: ['node.not-ready'],
    // A network's CNI plugin that cannot reach its agent is explained by that network's config left behind: the
    // paste's listing shows it sorting before flannel's.
    explainedBy: ['cni.config-invalid'],
    source: 'Go net.Dial("unix", path) errors ("dial unix %s: connect: %v")',
    samples: [
      'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /var/lib/kubelet/plugins/csi.example.com/csi.sock: connect: connection refused"',
      'failed to list pod resources: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /var/lib/kubelet/pod-resources/kubelet.sock: connect: no such file or directory"',
    ],
    counterSamples: ['dial tcp 10.0.0.7:5000: connect: connection refused'],
  }),
  sig({
    id: 'ambiguous.probe-failed',
    check: 'which probe and to what: kubectl describe pod shows the URL; a probe to the pod\'s own IP failing only on one node points at that node\'s CNI or firewall (the kubelet probes from the host), otherwise at the application',
    cause: 'unknown',
    re: /(liveness|readiness|startup) probe failed/,
    anchors: ['probe failed'],
    confidence: 0.6,
    specificity: 75,
    alternatives: ['dns.coredns-down', 'node.firewall', 'flannel.vxlan-blocked'],
    source: 'kubelet probe events: the application, not the pull path',
    samples: [
      'Liveness probe failed: Get "http://10.244.1.3:8080/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
      'Readiness probe failed: Get "http://10.244.2.7:8080/ready": dial tcp 10.244.2.7:8080: connect: connection refused',
    ],
    counterSamples: ['Readiness probe succeeded'],
  }),
  sig({
    id: 'ambiguous.apiserver-to-pod',
    cause: 'unknown',
    // The API server calling into a pod — an admission webhook, an aggregated API such as metrics-server — and not
    // getting through. It runs in the control-plane node's host network, so it reaches that pod across the overlay
    // (or through its own HTTP proxy): threads settle a firewall or security group on that port, a proxy without
    // .svc in NO_PROXY, or the overlay between the control-plane node and the pod's node.
    re: /(failed calling webhook|failing or missing response from https?:\/\/)[\s\S]{0,600}?(context deadline exceeded|i\/o timeout|timed out|no route to host|connection refused|client\.timeout exceeded|request\s+canceled|gateway timeout|service unavailable|unable to handle the request|unable to connect|no endpoints available|eof\b)|faileddiscoverycheck|unable to handle the request \(get [a-z]+\.metrics\.k8s\.io\)|metrics\.k8s\.io\/v1beta1: the server is currently unable/,
    anchors: ['failed calling webhook', 'failing or missing response', 'faileddiscoverycheck', 'metrics.k8s.io'],
    confidence: 0.5,
    specificity: 74,
    alternatives: ['node.firewall', 'registry.proxy', 'flannel.vxlan-blocked', 'flannel.wrong-iface'],
    check: 'on a control-plane node, curl -k https://<the webhook or metrics-server pod IP>:<its port>/ (kubectl get endpoints -n <ns> <service> gives both): an answer from other pods but a timeout from the node is the path between the control plane and that pod\'s node — a cloud security group or host firewall on that port, or flannel\'s UDP 8472 blocked; an HTTP proxy set for the API server (its manifest\'s env) needs .svc and the Service and pod CIDRs in NO_PROXY',
    source: 'kube-apiserver admission webhook and aggregator texts ("failed calling webhook", "failing or missing response from"); the API server uses the host network (facts §9: Service and pod addresses from a node cross kube-proxy and the overlay)',
    samples: [
      'Internal error occurred: failed calling webhook "validate.nginx.ingress.kubernetes.io": failed to call webhook: Post "https://ingress-nginx-controller-admission.ingress-nginx.svc:443/networking/v1/ingresses?timeout=10s": context deadline exceeded',
      'v1beta1.metrics.k8s.io failed with: failing or missing response from https://10.244.1.7:4443/apis/metrics.k8s.io/v1beta1: Get "https://10.244.1.7:4443/apis/metrics.k8s.io/v1beta1": dial tcp 10.244.1.7:4443: i/o timeout',
      'Error from server (ServiceUnavailable): the server is currently unable to handle the request (get pods.metrics.k8s.io)',
    ],
    counterSamples: [
      'Internal error occurred: failed calling webhook "webhook.cert-manager.io": failed to call webhook: Post "https://cert-manager-webhook.cert-manager.svc:443/mutate?timeout=10s": x509: certificate signed by unknown authority',
      'kubectl top pod: metrics not available yet',
    ],
  }),
  sig({
    id: 'ambiguous.refused-inside-cluster',
    cause: 'registry.connection-refused',
    // A refusal is an answer: the address was reached (the overlay and any firewall let the SYN through, or a
    // host's REJECT sent a reset) and nothing listens on that port — a webhook's pod not serving yet, a
    // port-forward to a port the container does not open. The corpus labels that "nothing listens" for
    // every client, as for a registry; the path readings stay as candidates.
    re: /(failed calling (admission )?webhook|failing or missing response from https?:\/\/)[\s\S]{0,600}?((connect|getsockopt): connection refused|connect failed \(connection refused\))|error forwarding port \d+ to pod[\s\S]{0,600}?connection refused/,
    anchors: ['failed calling', 'failing or missing response', 'error forwarding port'],
    confidence: 0.55,
    specificity: 76,
    alternatives: ['node.firewall', 'flannel.vxlan-blocked'],
    check: 'is anything listening? kubectl get endpoints -n <ns> <service> (no ready endpoint: the pod is not up), then kubectl exec into the pod and ss -ltn: the port the webhook Service or port-forward targets must be open there; a refusal only from the control-plane node points at its firewall (REJECT) instead',
    source: 'Go net "connect: connection refused" (ECONNREFUSED: a RST answered the SYN) inside kube-apiserver\'s webhook client and the kubelet\'s port-forward (socat or its own dial into the pod\'s network namespace)',
    samples: [
      'Error creating: Internal error occurred: failed calling webhook "auto-tracing.example.com": Post "https://auto-tracing.default.svc:443/decorate?timeout=10s": dial tcp 10.96.12.7:443: connect: connection refused',
      'E0926 10:48:40.346646 76692 portforward.go:331] an error occurred forwarding 5010 -> 6000: error forwarding port 6000 to pod 972bb776, uid : failed to execute portforward in network namespace "/var/run/netns/cni-1": failed to connect to localhost:6000 inside namespace "972bb776", IPv4: dial tcp4 127.0.0.1:6000: connect: connection refused',
    ],
    counterSamples: ['Internal error occurred: failed calling webhook "validate.nginx.ingress.kubernetes.io": failed to call webhook: Post "https://ingress-nginx-controller-admission.ingress-nginx.svc:443/networking/v1/ingresses?timeout=10s": context deadline exceeded'],
  }),
  sig({
    id: 'ambiguous.kube-api-unreachable',
    check: 'from the node: curl -k https://<kubernetes Service IP>:443/version and curl -k https://<API server address>:6443/version — only the Service IP failing means kube-proxy on this node; both failing means a firewall or route to the API server',
    cause: 'unknown',
    // The Kubernetes API (its Service IP x.x.0.1:443, port 6443, /api/ or /apis/ paths) from a pod or node.
    // Node.js clients (Rancher Desktop, Lens) put the errno before the address: "connect ETIMEDOUT <ip>:6443".
    re: /(https?:\/\/[^/\s"\\]+\/apis?\/|https?:\/\/kubernetes\.default|dial tcp (10|172|192|100)\.\d+\.0\.1:443|:6443\b)[^\n]{0,600}(i\/o timeout|connection refused|no route to host|network is unreachable|connection reset|tls handshake timeout|client\.timeout exceeded|context deadline exceeded)|\b(etimedout|econnrefused|ehostunreach|enetunreach|econnreset) [\w.:[\]-]+:6443\b/,
    anchors: ['/api/', '/apis/', 'kubernetes.default', '.0.1:443', ':6443'],
    confidence: 0.6,
    specificity: 72,
    alternatives: ['node.br-netfilter', 'node.firewall', 'flannel.vxlan-blocked', 'flannel.wrong-iface'],
    source: 'client-go texts when the API server Service or endpoint cannot be reached (facts §9: Service VIPs need kube-proxy and a working path)',
    samples: [
      'Failed to watch *v1.Namespace: failed to list *v1.Namespace: Get "https://10.96.0.1:443/api/v1/namespaces?limit=500&resourceVersion=0": dial tcp 10.96.0.1:443: i/o timeout',
      'The connection to the server 192.168.56.10:6443 was refused - did you specify the right host or port? dial tcp 192.168.56.10:6443: connect: connection refused',
      'Error Starting Kubernetes Error: connect ETIMEDOUT 172.23.237.229:6443',
    ],
    counterSamples: ['failed to do request: Head "https://reg.local/v2/app/manifests/1": dial tcp 10.0.0.5:443: i/o timeout'],
  }),
  sig({
    id: 'ambiguous.kubectl-no-kubeconfig',
    cause: 'unknown',
    // kubectl without a kubeconfig falls back to http://localhost:8080, which no current API server serves.
    re: /(localhost|127\.0\.0\.1):8080\b[^\n]{0,200}(connection refused|was refused)|the connection to the server localhost:8080 was refused/,
    anchors: ['localhost:8080', '127.0.0.1:8080'],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'kubectl has no kubeconfig on this machine: export KUBECONFIG=/etc/kubernetes/admin.conf (kubeadm), /etc/rancher/k3s/k3s.yaml (k3s), or copy it to ~/.kube/config; kubectl config view shows which server it uses',
    source: 'kubectl/client-go default server (http://localhost:8080) when no kubeconfig is found',
    samples: [
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
      'error validating data: failed to download openapi: Get "http://localhost:8080/openapi/v2?timeout=32s": dial tcp 127.0.0.1:8080: connect: connection refused',
    ],
    counterSamples: ['The connection to the server 192.168.56.10:6443 was refused - did you specify the right host or port?'],
  }),
  sig({
    id: 'ambiguous.kube-api-tls-timeout',
    check: 'from the node and from a pod: curl -kv https://<kubernetes Service IP>:443/version — TCP connecting but the handshake hanging is a path that drops full-size packets (the overlay or underlay MTU, ip link show flannel.1 against eth0) or a middlebox; compare with curl to <API server address>:6443 from the node',
    cause: 'unknown',
    // A TLS handshake to the Kubernetes API (its Service IP x.x.0.1, :6443, /api/ or /apis/ paths, or
    // kubernetes.default) that times out: the connection opened, the certificate did not come back.
    // Not a registry; the path between the caller and the API server.
    re: new RegExp(`${KUBE_API_URL}[^\\n]{0,300}tls\\s+handshake\\s+timeout`),
    anchors: KUBE_API_ANCHORS,
    confidence: 0.5,
    specificity: 82,
    alternatives: ['flannel.mtu', 'node.firewall', 'node.br-netfilter'],
    source: 'client-go against the API server: Go net/http "TLS handshake timeout" after the TCP connect',
    samples: [
      'could not retrieve server version: Get "https://10.96.0.1:443/version": net/http: TLS handshake timeout',
      'Failed to list *v1.Service: Get "https://10.43.0.1:443/api/v1/services?limit=500": net/http: TLS handshake timeout',
    ],
    counterSamples: ['Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout'],
  }),
  sig({
    id: 'kube-api.x509-expired-or-clock',
    cause: 'registry.tls-expired-or-clock',
    // Expiry against the Kubernetes API is read from the text as it is for a registry: the API server's (or the
    // caller's client) certificate out of date, or the caller's clock outside its validity. Only the check differs.
    re: new RegExp(`(${KUBE_API_URL}[^\\n]{0,300}|unable to connect to the server: (tls: failed to verify certificate: )?)x509: certificate has expired or is not yet valid`),
    anchors: ['expired or is not yet valid'],
    also: KUBE_API_OR_CLIENT,
    confidence: 0.7,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'date -u on the caller and on the control-plane node (chrony/timesyncd in sync?), then kubeadm certs check-expiration on the control plane (kubeadm certs renew all and a restart of the static pods renews them); a kubeconfig\'s client certificate expires too (openssl x509 -enddate on its client-certificate-data)',
    source: 'Go crypto/x509 CertificateInvalidError (Expired) for the API server\'s or a client certificate',
    samples: [
      '[bootstrap] Endpoint check failed [failed to connect to "https://10.6.0.52:6443" [Get https://10.6.0.52:6443/version: x509: certificate has expired or is not yet valid]]',
      'Get "https://10.96.0.1:443/api/v1/namespaces/kube-system/configmaps/kubeadm-config": x509: certificate has expired or is not yet valid: current time 2024-03-01T10:00:00Z is after 2024-02-28T09:00:00Z',
    ],
    counterSamples: ['Get "https://10.96.0.1:443/api/v1/pods": x509: certificate signed by unknown authority'],
    subject: {
      title: 'A certificate on the way to the Kubernetes API is expired, or a clock is wrong',
      explanation: 'The API server\'s serving certificate, or a client certificate in the caller\'s kubeconfig, is outside its validity: kubeadm\'s certificates last a year, k3s\'s renew only when the server restarts within 90 days of expiry. A caller or control-plane node whose clock is off sees a valid certificate as expired or not yet valid.',
      fix: [
        'Check the clocks first: date -u on the caller and on the control-plane nodes, and keep them synchronised (chrony or systemd-timesyncd).',
        'kubeadm: kubeadm certs check-expiration, then kubeadm certs renew all and a restart of the control-plane static pods; take admin.conf again for kubectl, since it embeds a client certificate.',
        'k3s and RKE2: restart the server to renew certificates near expiry; once they have expired, rotate them (k3s certificate rotate) and restart.',
      ],
      verify: ['kubeadm certs check-expiration'],
      docs: ['facts.md §4.7 (x509 texts)'],
    },
  }),
  sig({
    id: 'kube-api.x509-untrusted',
    cause: 'registry.tls-untrusted',
    // Threads settle an untrusted certificate against the Kubernetes API by the same mechanism as a registry's: the
    // caller lacks the CA that signed it (a kubeconfig or secret with another cluster's CA, an ingress or load
    // balancer's own certificate in front of the API). The cluster's own CA named as the candidate is a CA
    // regenerated under an old kubeconfig: that stays the unknown reading below. Another URL between the API's and
    // the x509 text (a conversion or admission webhook the API server called) owns the certificate: not read here.
    re: new RegExp(String.raw`(${KUBE_API_URL}(?:(?!https?:\/\/)[^\n]){0,300}|unable to connect to the server: (tls: failed to verify certificate: )?)x509: (\S+ )?(certificate signed by unknown authority(?![^\n]{0,120}candidate authority certificate \\?"(kubernetes|kubernetes-ca|minikubeca|(k3s|rke2)-(server|client)-ca@\d+)\\?")|certificate is not trusted)`),
    anchors: ['certificate signed by unknown authority', 'certificate is not trusted'],
    also: KUBE_API_OR_CLIENT,
    confidence: 0.7,
    specificity: 93,
    alternatives: ['registry.proxy'],
    check: 'which CA the caller holds for that API server: the certificate-authority-data of its kubeconfig or secret (a hub, broker or remote cluster\'s kubeconfig copied from elsewhere) against openssl s_client -connect <address> -showcerts </dev/null | openssl x509 -noout -issuer; a load balancer or TLS-inspecting proxy in front of :6443 presents its own issuer',
    source: 'client-go TLS verification of the API server: Go crypto/x509 UnknownAuthorityError (macOS words it "certificate is not trusted")',
    samples: [
      'failed to list *v1.CertificateSigningRequest: Get "https://hub.example:443/apis/certificates.k8s.io/v1/certificatesigningrequests?limit=500": x509: certificate signed by unknown authority',
      'Error retrieving broker admin config: Get "https://api.lab.example:6443/apis/submariner.io/v1/namespaces/broker/clusters": x509: “kube-apiserver-lb-signer” certificate is not trusted',
    ],
    counterSamples: [
      'Get "https://10.96.0.1:443/api/v1/pods": x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "kubernetes")',
      'GET at: https://10.96.0.1:443/apis/example.io/v1/things. Message: conversion webhook failed: Post "https://hook.example.svc:443/convert": x509: certificate signed by unknown authority',
    ],
    subject: {
      title: 'The Kubernetes API server\'s certificate is not trusted by the caller',
      explanation: 'The caller (kubectl, an operator, an agent or a CNI plugin) reached the Kubernetes API and refused its certificate: the CA it holds for that server (its kubeconfig\'s certificate-authority-data, or its service account\'s ca.crt) did not sign it. A kubeconfig from another cluster or from before the cluster\'s CA changed, a load balancer or proxy in front of the API server that presents its own certificate, or a TLS-inspecting proxy on the way all produce it. No registry is involved.',
      fix: [
        'Give the caller the CA that signed the API server\'s certificate: for kubectl, take the kubeconfig again from the control plane (kubeadm: /etc/kubernetes/admin.conf; k3s: /etc/rancher/k3s/k3s.yaml) or set its certificate-authority-data to that CA.',
        'For a caller handed a kubeconfig or secret for another cluster (a hub, a broker, a remote cluster), regenerate it from that cluster so it carries that cluster\'s CA; an in-cluster caller reads the CA from its service account (/var/run/secrets/kubernetes.io/serviceaccount/ca.crt).',
        'If a load balancer or proxy in front of port 6443 terminates TLS, make it pass TLS through, or give the caller that proxy\'s CA.',
      ],
      verify: ['openssl s_client -connect <api-server-address>:6443 -showcerts </dev/null | openssl x509 -noout -issuer -subject'],
      docs: ['facts.md §4.7 (x509 texts)'],
    },
  }),
  sig({
    id: 'kube-api.x509-name-mismatch',
    cause: 'registry.tls-name-mismatch',
    // The API server's certificate without the name or address the caller dialled: a VIP, proxy or public name
    // never added to its SANs (kubeadm's certSANs, k3s's --tls-san), or an address where it lists no IP SANs at all,
    // read by its mechanism as for a registry.
    re: new RegExp(String.raw`(${KUBE_API_URL}(?:(?!https?:\/\/)[^\n]){0,300}|unable to connect to the server: (tls: failed to verify certificate: )?)x509: (certificate is valid for [^\n]+,\s*not \S+|cannot validate certificate for \S+ because it doesn't contain any ip sans)`),
    anchors: ['x509: certificate is valid for ', 'x509: cannot validate certificate for '],
    also: KUBE_API_OR_CLIENT,
    confidence: 0.7,
    specificity: 93,
    alternatives: ['registry.proxy'],
    check: 'the names the API server\'s certificate holds: openssl s_client -connect <address>:6443 </dev/null | openssl x509 -noout -ext subjectAltName; add the name or address the caller dials (kubeadm: apiServer.certSANs, then kubeadm init phase certs apiserver; k3s and RKE2: --tls-san) or make the caller dial one of those names',
    source: 'client-go TLS verification of the API server: Go crypto/x509 HostnameError',
    samples: [
      'Unable to connect to the server: x509: certificate is valid for 127.0.0.1, 192.168.0.72, 10.254.0.1, not 192.168.0.77',
      'Get "https://k8s-api.example.com:6443/apis/example.io/v1/clusters": tls: failed to verify certificate: x509: certificate is valid for kubernetes, kubernetes.default, not k8s-api.example.com',
      // dialled by an address the certificate lists no IP SANs for at all (the Service IP after a CIDR change, a VIP)
      'Get "https://10.43.0.1:443/api/v1/namespaces/kube-system/pods": x509: cannot validate certificate for 10.43.0.1 because it doesn\'t contain any IP SANs',
    ],
    counterSamples: ['Get "https://10.43.0.1:443/api/v1/namespaces/kube-system/pods": x509: certificate signed by unknown authority'],
    subject: {
      title: 'The Kubernetes API server\'s certificate does not name the address the caller dialled',
      explanation: 'The API server\'s serving certificate holds the names and addresses it may be reached by (its SANs); the caller dialled one that is not among them: a load balancer or VIP, a public name, a new address after a move, or a proxy\'s. kubeadm puts in it the names it knew at init; k3s and RKE2 add those given with --tls-san.',
      fix: [
        'Add the name or address to the API server\'s certificate: kubeadm: list it under apiServer.certSANs in the ClusterConfiguration, move /etc/kubernetes/pki/apiserver.crt and apiserver.key aside, run kubeadm init phase certs apiserver --config <file>, then restart the kube-apiserver static pod; k3s and RKE2: add it as tls-san in the server\'s config.yaml and restart the server.',
        'Or make the caller dial a name the certificate holds: the server: field of its kubeconfig.',
      ],
      verify: ['openssl s_client -connect <api-server-address>:6443 </dev/null | openssl x509 -noout -ext subjectAltName'],
      docs: ['facts.md §4.7 (x509 texts)'],
    },
  }),
  sig({
    id: 'ambiguous.kube-api-x509',
    check: 'which certificate the caller saw: openssl s_client -connect <address>:443 | openssl x509 -noout -text shows the API server\'s SANs (the Service IP must be among them: kubeadm certs renew, or --apiserver-cert-extra-sans after a Service CIDR change); a CNI plugin\'s own kubeconfig (/etc/cni/net.d/*-kubeconfig) may carry an old CA or address',
    cause: 'unknown',
    // What the two readings above leave of an x509 failure against the Kubernetes API (Service IP, :6443, /api/
    // or /apis/): a certificate Go cannot parse, the cluster's own CA regenerated under an old kubeconfig. Go names the CA it tried: the cluster CAs of kubeadm ("kubernetes"),
    // minikube, k3s and RKE2 say the same without a URL.
    re: new RegExp(`${KUBE_API_URL}[^\\n]{0,300}x509: |candidate authority certificate \\\\?"(kubernetes|kubernetes-ca|minikubeCA|(k3s|rke2)-(server|client)-ca@\\d+)\\\\?"`),
    anchors: [...KUBE_API_ANCHORS, 'candidate authority certificate'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['cni.config-invalid'],
    source: 'client-go TLS verification of the API server (x509 errors) from a CNI plugin, an operator or a node agent',
    samples: [
      'Failed to list *v1.Service: Get "https://10.96.0.1:443/api/v1/services?limit=500": tls: failed to parse certificate from server: x509: SAN dNSName is malformed',
      'W0102 03:04:05.000000       1 reflector.go:424] failed to list *v1.Node: Get "https://10.0.0.1:6443/api/v1/nodes?limit=500": x509: malformed certificate',
      'Unable to connect to the server: x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "kubernetes")',
    ],
    counterSamples: ['Get "https://192.168.1.50:5000/v2/": x509: cannot validate certificate for 192.168.1.50 because it doesn\'t contain any IP SANs', 'x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "lab-ca")'],
  }),
  sig({
    id: 'ambiguous.k3s-agent-tunnel',
    check: 'the k3s/rke2 agent\'s tunnel to its server (wss to port 6443 or 9345): an x509 "valid for …, not <ip>" means the server\'s serving certificate lacks the address the agent dials — add it with --tls-san on the server (a host whose IP changes, as under WSL, needs a stable name or the certificate regenerated); a refusal or timeout is that server down or a firewall on the port',
    cause: 'unknown',
    // k3s's remotedialer: the agent keeps a websocket to the server and logs every failed attempt as "Failed to
    // connect to proxy". Whatever follows is about that tunnel to the control plane, not a registry.
    re: /failed to connect to proxy(\. empty dialer response)?[^\n]{0,200}(x509: |dial tcp |websocket: |connection refused|i\/o timeout)/,
    anchors: ['failed to connect to proxy'],
    confidence: 0.5,
    specificity: 94,
    alternatives: ['node.firewall', 'node.not-ready'],
    source: 'k3s agent tunnel (rancher/remotedialer: "Failed to connect to proxy")',
    samples: [
      'level=error msg="Failed to connect to proxy. Empty dialer response" error="x509: certificate is valid for 10.43.0.1, 127.0.0.1, 172.28.93.150, ::1, not 172.28.91.117"',
      'level=error msg="Failed to connect to proxy" error="dial tcp 192.168.1.10:6443: connect: connection refused"',
    ],
    counterSamples: ['proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused'],
  }),
  sig({
    id: 'ambiguous.kube-api-lookup',
    check: 'where the client runs (kubectl on a workstation, a CI runner): getent hosts <API server name> there, and the cluster\'s endpoint (EKS: aws eks describe-cluster --query cluster.endpoint; a private endpoint resolves only inside its VPC); the kubeconfig\'s server: must be a name that machine can resolve',
    cause: 'unknown',
    // The API server's own name failing to resolve for a client: the client's resolver, VPN or a private
    // endpoint, not a registry and not the cluster's DNS.
    re: new RegExp(`${KUBE_API_URL}[^\\n]{0,300}\\blookup [^\\s:"\\\\]+(?: on [\\w.:[\\]%-]+)?: (no such host|i\\/o timeout|server misbehaving|temporary failure)`),
    anchors: KUBE_API_ANCHORS,
    also: ['lookup '],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['dns.node-resolver'],
    source: 'client-go / kubectl dialing the API server by name (Go resolver errors)',
    samples: [
      'unable to recognize "app.yaml": Get "https://ABC123.gr7.us-east-2.eks.amazonaws.com/api?timeout=32s": dial tcp: lookup ABC123.gr7.us-east-2.eks.amazonaws.com on 127.0.0.53:53: no such host',
      'Get "https://api.k8s.lab:6443/apis/apps/v1/deployments": dial tcp: lookup api.k8s.lab: i/o timeout',
    ],
    counterSamples: ['Get "https://registry.lab:5000/v2/": dial tcp: lookup registry.lab: no such host'],
  }),
  sig({
    id: 'ambiguous.etcd-unreachable',
    check: 'which etcd and from where: etcdctl --endpoints=<the address> endpoint health from the same host (with its client certificates); a refused :2379 is etcd not running or bound elsewhere, a timeout a firewall between them; flannel in etcd mode reads its network config there and stops without it',
    cause: 'unknown',
    // etcd's client port (2379) or its client library's own texts: the datastore of the API server, or of
    // flannel in etcd mode — not a registry, whichever transport error follows.
    re: /etcd cluster is unavailable or misconfigured(?![^\n]{0,200}\bx509: )|all the given peers are not reachable|dial tcp [^\s]+:2379: [^\n]{0,40}(connection refused|i\/o timeout|no route to host)/,
    anchors: ['etcd cluster is unavailable', 'given peers are not reachable', ':2379: '],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['node.firewall', 'flannel.daemon-down'],
    source: 'etcd client v2/v3 errors ("client: etcd cluster is unavailable or misconfigured", "All the given peers are not reachable") and dials to its client port 2379',
    samples: [
      'client: etcd cluster is unavailable or misconfigured; error #0: dial tcp 10.245.12.91:2379: getsockopt: connection refused',
      'Error: client: etcd cluster is unavailable or misconfigured; error #0: client: endpoint https://10.0.0.4:2379 exceeded header timeout',
    ],
    counterSamples: ['dial tcp 10.0.0.5:5000: connect: connection refused'],
  }),
  sig({
    id: 'ambiguous.cluster-name-nxdomain',
    check: 'does the Service exist? kubectl get svc <name> -n <namespace>: if not, NXDOMAIN is the right answer; if it does, the pod\'s search list (cat /etc/resolv.conf in the pod) or the name\'s namespace is wrong',
    cause: 'unknown',
    re: /lookup [^\s:"\\]+ on (10|172|192|100)\.\d+\.\d+\.10:53: no such host/,
    anchors: ['.10:53'],
    confidence: 0.6,
    specificity: 91,
    alternatives: ['dns.search-ndots', 'dns.coredns-down'],
    source: 'facts §9: pods resolve through the cluster DNS Service (the 10th Service IP); NXDOMAIN there is an answer, not a broken path',
    samples: [
      'dial tcp: lookup payments-api on 10.96.0.10:53: no such host',
      'Get "http://orders.shop.svc:8080/": dial tcp: lookup orders.shop.svc on 10.43.0.10:53: no such host',
    ],
    counterSamples: ['dial tcp: lookup reg.local on 127.0.0.53:53: no such host'],
  }),
  sig({
    id: 'ambiguous.nslookup-no-answer',
    cause: 'unknown',
    // NXDOMAIN and "no answer" are answers: the server was reached. busybox's nslookup (≥ 1.28.4) also
    // skips the search list, so short names fail there while DNS works.
    re: /server can't find [^\s:]+: (nxdomain|no answer)|\*\*\* can't find [^\s:]+: no answer|nslookup: can't resolve|\bhost [^\s:]+ not found: 3\(nxdomain\)/,
    anchors: ["can't find", "can't resolve", '3(nxdomain)'],
    confidence: 0.5,
    specificity: 88,
    alternatives: ['dns.search-ndots', 'dns.service-unreachable', 'dns.coredns-down'],
    check: 'repeat with the full name (nslookup kubernetes.default.svc.cluster.local) from a pod with a libc resolver (dnsutils image): if the full name resolves, DNS works and the short name or busybox\'s nslookup is the problem',
    source: 'facts §9 (search list, ndots); busybox nslookup does not apply the resolv.conf search list',
    samples: ["** server can't find kubernetes.default: NXDOMAIN", "nslookup: can't resolve 'my-svc.prod'", 'Host my-svc.prod not found: 3(NXDOMAIN)'],
    counterSamples: ["** server can't find github.com: SERVFAIL", 'Host github.com not found: 2(SERVFAIL)'],
  }),
  sig({
    id: 'ambiguous.kubectl-cannot-connect',
    cause: 'unknown',
    // kubectl's own connection to the API server (its kubeconfig), not the cluster's data path or a registry.
    // A proxyconnect error after it is the proxy kubectl was handed (registry.proxyconnect), whatever the server;
    // an untrusted or mismatched certificate (a CN-only one too), or the server's alert that kubectl's client certificate
  // expired, is read by its mechanism (kube-api.x509-untrusted, -name-mismatch, the expired-certificate alert).
    re: /unable to connect to the server: (?!proxyconnect |(tls: failed to verify certificate: )?x509: (\S+ )?(certificate signed by unknown authority|certificate is not trusted|certificate is valid for|certificate has expired or is not yet valid|certificate relies on legacy common name field|cannot validate certificate for \S+ because it doesn't contain any ip sans)|remote error: tls: expired certificate)/,
    anchors: ['unable to connect to the server: '],
    confidence: 0.5,
    specificity: 97,
    alternatives: ['node.firewall', 'dns.node-resolver'],
    check: 'kubectl config view --minify -o jsonpath={.clusters[0].cluster.server}: this machine must resolve and reach that address (DNS record, VPN, load balancer, API server up on :6443)',
    source: 'kubectl error wrapper for the API server connection',
    // kubectl's own line: in a paste it speaks for its own record, so a pod, pull or CNI error pasted after it wins.
    recordOnly: true,
    samples: ['Unable to connect to the server: dial tcp: lookup api.prod.example.org on 192.168.0.1:53: no such host', 'Unable to connect to the server: net/http: TLS handshake timeout'],
    counterSamples: ['Error from server (Forbidden): pods is forbidden', 'Unable to connect to the server: proxyconnect tcp: dial tcp 10.0.0.9:3128: connect: connection refused'],
  }),
  sig({
    id: 'ambiguous.push-manifest-invalid',
    cause: 'unknown',
    // distribution's MANIFEST_INVALID is the registry refusing the manifest a push uploaded, whatever status it
    // carries: a repository manager's policy (Artifactory refusing to overwrite a tag, immutable tags), a manifest
    // whose blobs are not there, a media type it does not accept. The credentials were good enough to upload.
    re: /manifest_invalid: manifest invalid/,
    anchors: ['manifest_invalid'],
    confidence: 0.5,
    specificity: 86,
    alternatives: ['image.auth-rejected'],
    check: 'the repository\'s policy on the registry (tag immutability, an overwrite or delete permission the pushing user lacks) and its log for the push; pushing under a new tag tells a policy from a manifest the registry cannot take',
    source: 'distribution errcode MANIFEST_INVALID on PUT /v2/<name>/manifests/<reference>',
    samples: [
      'error pushing image: failed to push to destination registry.example:5001/app:1.1.0: MANIFEST_INVALID: manifest invalid; map[description:HTTP 403 Forbidden]',
      'failed commit on ref "manifest-sha256:ab": unexpected status: 400 Bad Request: MANIFEST_INVALID: manifest invalid',
    ],
    counterSamples: ['MANIFEST_UNKNOWN: manifest unknown'],
  }),
  sig({
    id: 'ambiguous.apiserver-authorizer-starting',
    check: 'the API server answered while it was still starting (its authorizer not ready yet): kubectl get --raw=\'/readyz?verbose\' shows the check that is not ok; once it is ready the same request goes through, so a component that exits on it (k3s\'s flannel) needs only a restart',
    cause: 'unknown',
    // The API server's authorizer before its informers synced: "forbidden: not yet ready to handle request".
    // Not a missing RBAC rule, and not what the caller asked about (a lease, a node).
    re: /forbidden: not yet ready to handle request/,
    anchors: ['not yet ready to handle request'],
    confidence: 0.4,
    specificity: 60,
    alternatives: ['flannel.rbac', 'node.not-ready'],
    source: 'kube-apiserver authorizer while starting ("not yet ready to handle request")',
    samples: [
      'flannel exited: failed to acquire lease: nodes "n1" is forbidden: not yet ready to handle request',
      'Error from server (Forbidden): pods is forbidden: not yet ready to handle request',
    ],
    counterSamples: ['failed to acquire lease: nodes "n1" is forbidden: User "system:serviceaccount:kube-flannel:flannel" cannot get resource "nodes"'],
  }),

  sig({
    id: 'ambiguous.harbor-access-refused',
    check: 'docker login <harbor host> with the pull secret\'s user, then that user\'s role in the project (Harbor → Projects → <project> → Members): a login that fails is rejected credentials, no login at all is missing credentials, a user without a role in a private project is refused',
    cause: 'unknown',
    // Harbor's authorizer: the caller (anonymous or a user) may not <action> the repository. It answers
    // the same to an anonymous pull, to a user without a role in the project, and for a repository that
    // does not exist: the text alone does not tell which.
    re: /unauthorized to access repository: [^\n,]{1,200}, action: (pull|push)/,
    anchors: ['unauthorized to access repository'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['image.auth-rejected', 'image.auth-missing', 'image.not-found'],
    // The kubelet's warning that the pod's pull secret is absent tells which: the pull went out anonymous.
    explainedBy: ['image.pullsecret-missing'],
    source: 'Harbor registry authorizer ("unauthorized to access repository: %s, action: %s")',
    samples: [
      'Error response from daemon: unauthorized: unauthorized to access repository: team/app, action: pull: unauthorized to access repository: team/app, action: pull',
      'failed to resolve reference "harbor.example.com/team/app:1": pull access denied, repository does not exist or may require authorization: authorization failed: unauthorized to access repository: team/app, action: pull',
    ],
    counterSamples: ['unauthorized: authentication required'],
  }),
  sig({
    id: 'ambiguous.html-error-page',
    check: 'curl -v https://<registry>/v2/ from the node: a registry answers errors in JSON; an HTML page comes from what stands in front of it (a proxy, a mirror, a CDN or a regional block), named in its Server header or body',
    cause: 'unknown',
    // The Docker client cannot parse the error body as the registry's JSON: an HTML page from a web server,
    // proxy, mirror or CDN answered instead of the registry API.
    re: /error parsing http 40[13] response body: invalid character '<'/,
    anchors: ['response body: invalid character'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured', 'image.auth-rejected'],
    source: 'docker/distribution client (error parsing HTTP %d response body)',
    samples: [
      'Error response from daemon: error parsing HTTP 403 response body: invalid character \'<\' looking for beginning of value: "<html><head><title>403 Forbidden</title></head></html>"',
      'error parsing HTTP 401 response body: invalid character \'<\' looking for beginning of value: "<!DOCTYPE html>"',
    ],
    counterSamples: ['error parsing HTTP 403 response body: unexpected end of JSON input: ""'],
  }),

  sig({
    id: 'ambiguous.kubelet-api-refused-caller',
    cause: 'unknown',
    // The kubelet's own API answering a caller (metrics-server scraping it) with 401 or 403: the caller's credentials or
    // RBAC for nodes/metrics, not a registry's; no cause id names it.
    re: /failed to scrape node\\?"? err=\\?"request failed, status: \\?"?(401 unauthorized|403 forbidden)/,
    anchors: ['failed to scrape node'],
    confidence: 0.5,
    specificity: 97,
    alternatives: ['node.firewall'],
    check: 'metrics-server\'s ClusterRole (nodes/metrics get) and the kubelet\'s authentication (--authentication-token-webhook, its client CA): kubectl get --raw /api/v1/nodes/<node>/proxy/metrics/resource',
    source: 'metrics-server scraper ("Failed to scrape node", resource client "request failed, status: %q")',
    samples: ['E1206 01:16:15.881201       1 scraper.go:149] "Failed to scrape node" err="request failed, status: \\"403 Forbidden\\"" node="worker-1"', 'E1206 01:16:15.881201       1 scraper.go:149] "Failed to scrape node" err="request failed, status: \\"401 Unauthorized\\"" node="cp-1"'],
    counterSamples: ['"Failed to scrape node" err="Get \\"https://10.0.0.12:10250/metrics/resource\\": dial tcp 10.0.0.12:10250: i/o timeout"'],
  }),
];
