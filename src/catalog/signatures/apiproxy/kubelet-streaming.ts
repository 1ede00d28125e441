import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The API server's path to a kubelet (port 10250) and the kubelet's or runtime's path into a pod, as kubectl logs,
 * exec, attach and port-forward show them: port-forward's dial inside the pod's network namespace (containerd's
 * sandbox_portforward_linux.go, dockershim's and cri-dockerd's socat and nsenter), the kubelet's own streaming
 * server (pkg/kubelet/server: "pod does not exist", "Failed to listen and serve"), its serving certificate, and the
 * node address the API server picks (pkg/util/node GetPreferredNodeAddress, --kubelet-preferred-address-types).
 */
export const KUBELET_STREAMING_SIGNATURES: Signature[] = [
  sig({
    id: 'apiproxy.portforward-refused-in-pod',
    cause: 'registry.connection-refused',
    // The port-forward reached the pod: the runtime entered its network namespace and dialled localhost:<port> there
    // (containerd: "failed to connect to localhost:<port> inside namespace", IPv4 then IPv6; socat under dockershim
    // and cri-dockerd: "E connect(…, AF=2 127.0.0.1:<port>, …): Connection refused"). No network path is involved, so
    // the refusal means one thing: nothing listens on that port on the pod's loopback — the container does not open
    // it, has not yet, or listens only on its pod IP. The corpus labels it "nothing listens" as for a registry.
    re: /failed to connect to localhost:\d+ inside namespace[^\n]{0,300}?connection refused|(error forwarding port \d+ to pod|an error occurred forwarding \d+ -> \d+)[^\n]{0,400}?socat\[\d+\] e connect\([^\n]{0,80}?\): connection refused/,
    anchors: ['inside namespace', 'socat['],
    confidence: 0.9,
    specificity: 95,
    check: 'kubectl exec <pod> -- ss -ltn (or netstat -ltn, or cat /proc/net/tcp): the port kubectl port-forward names must be listening, on 0.0.0.0 or 127.0.0.1 — one bound only to the pod IP refuses localhost; kubectl get pod <pod> -o jsonpath=\'{.spec.containers[*].ports}\' shows the ports the pod declares',
    source: 'containerd pkg/cri/server/sandbox_portforward_linux.go ("failed to execute portforward in network namespace", "failed to connect to localhost:%d inside namespace %q, IPv4: %v IPv6 %v"), dockershim/cri-dockerd socat; client-go tools/portforward ("an error occurred forwarding %d -> %d"), cri-streaming portforward ("error forwarding port %d to pod %s, uid %v")',
    samples: [
      'E1206 10:00:00.000000   12345 portforward.go:424] "Unhandled Error" err="an error occurred forwarding 8080 -> 80: error forwarding port 80 to pod 4f2a9c1e, uid : failed to execute portforward in network namespace \\"/var/run/netns/cni-1b2c\\": failed to connect to localhost:80 inside namespace \\"4f2a9c1e\\", IPv4: dial tcp4 127.0.0.1:80: connect: connection refused IPv6 dial tcp6 [::1]:80: connect: connection refused "',
      'E1105 19:11:16.188662  401772 portforward.go:413] an error occurred forwarding 3320 -> 3320: error forwarding port 3320 to pod x, uid : failed to execute portforward in network namespace "/var/run/netns/x": failed to connect to localhost:3320 inside namespace "x", IPv4: dial tcp4 127.0.0.1:3320: connect: connection refused IPv6 dial tcp6: address localhost: no suitable address found',
      'E1206 10:00:00.000000   76692 portforward.go:400] an error occurred forwarding 5432 -> 5432: error forwarding port 5432 to pod 972bb776, uid : exit status 1: 2026/12/06 10:00:00 socat[96552] E connect(5, AF=2 127.0.0.1:5432, 16): Connection refused',
    ],
    counterSamples: [
      'E1206 10:00:00.000000   22051 portforward.go:413] an error occurred forwarding 9090 -> 9090: error forwarding port 9090 to pod 6b79d2ed, uid : network namespace for sandbox "6b79d2ed" is closed',
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
    ],
    subject: {
      title: 'Nothing listens on the forwarded port inside the pod',
      explanation: 'kubectl port-forward reached the pod: the kubelet\'s runtime entered the pod\'s network namespace and connected to localhost on the port asked for, and was refused. Nothing in the pod listens there — the container does not open that port, has not opened it yet, or listens only on its pod IP and not on loopback. The network between nodes is not involved; no registry is either.',
      fix: [
        'Forward to the port the container really listens on (kubectl exec <pod> -- ss -ltn lists them), or to the Service port mapped to it (kubectl port-forward svc/<name> <local>:<service port>).',
        'If the application binds only its pod IP, make it listen on 0.0.0.0 (or also on 127.0.0.1): port-forward always connects to localhost inside the pod.',
        'If the application is still starting, wait until the pod is Ready and forward again.',
      ],
      verify: ['kubectl exec <pod> -- ss -ltn'],
    },
  }),
  sig({
    id: 'apiproxy.portforward-node-tool-missing',
    cause: 'unknown',
    // dockershim and cri-dockerd forward through socat run in the pod's namespace by nsenter: on a node without them
    // the forward fails before any connection ("unable to do port forwarding: socat not found", Go's exec.LookPath
    // "exec: \"nsenter\": executable file not found in $PATH"). A host package, not a CNI plugin binary.
    re: /(error forwarding port \d+ to pod|an error occurred forwarding \d+ -> \d+|port ?forward)[^\n]{0,400}?(socat not found|exec: \\?"(socat|nsenter)\\?": executable file not found)/,
    anchors: ['socat not found', '"nsenter', '"socat'],
    confidence: 0.4,
    specificity: 96,
    alternatives: ['runtime.unavailable'],
    check: 'on the pod\'s node: command -v socat nsenter — under dockershim or cri-dockerd both must be installed on the host (the socat package, util-linux for nsenter); containerd and CRI-O forward without them, so crictl info shows which runtime the kubelet uses',
    source: 'dockershim docker_streaming_others.go and cri-dockerd ("unable to do port forwarding: socat not found"), Go os/exec LookPath',
    samples: [
      'E1206 10:00:00.000000   22051 portforward.go:400] an error occurred forwarding 8080 -> 8080: error forwarding port 8080 to pod 972bb776, uid : unable to do port forwarding: socat not found',
      'E1206 10:00:00.000000   22051 portforward.go:400] an error occurred forwarding 5000 -> 5000: error forwarding port 5000 to pod 972bb776, uid : exec: "nsenter": executable file not found in $PATH',
    ],
    counterSamples: ['Error: error configuring CNI network plugin: exec: "nsenter": executable file not found in $PATH'],
  }),
  sig({
    id: 'apiproxy.kubelet-serving-cert-missing',
    cause: 'unknown',
    // The kubelet answers the API server's (or a scraper's) TLS handshake on 10250 with an internal_error alert when it
    // has no serving certificate: with serverTLSBootstrap: true it waits for its kubernetes.io/kubelet-serving CSR to be
    // approved and logs "no serving certificate available for the kubelet" meanwhile. Nothing on the path is wrong.
    re: /(error dialing backend|:10250\/|failed to scrape node)[^\n]{0,400}?remote error: tls: internal error|no serving certificate available for the kubelet/,
    anchors: ['tls: internal error', 'no serving certificate available'],
    confidence: 0.4,
    specificity: 92,
    alternatives: ['registry.tls-expired-or-clock'],
    check: 'kubectl get csr: a Pending request of signer kubernetes.io/kubelet-serving for system:node:<node> is the cause (approving it issues the certificate; nothing approves them by default); the kubelet\'s journal on that node shows "no serving certificate available for the kubelet" until then, and a node clock far off makes its new CSRs fail as well',
    source: 'kubelet pkg/kubelet/certificate (serving certificate manager, "no serving certificate available for the kubelet"), Go crypto/tls alert internal_error',
    samples: [
      'Error from server: error dialing backend: remote error: tls: internal error',
      'Error from server: Get "https://cp-1:10250/containerLogs/kube-system/kube-apiserver-cp-1/kube-apiserver": remote error: tls: internal error',
      'Dec 06 10:00:00 worker-3 kubelet[1355]: I1206 10:00:00.440352    1355 log.go:245] http: TLS handshake error from 10.0.0.10:37000: no serving certificate available for the kubelet',
    ],
    counterSamples: ['registry_1 | 2019/05/16 14:36:14 http: TLS handshake error from 192.168.64.3:35312: remote error: tls: internal error'],
  }),
  sig({
    id: 'apiproxy.upgrade-pod-not-on-kubelet',
    cause: 'flannel.wrong-iface',
    // The kubelet the API server reached answered 404 "pod does not exist" for exec, attach or port-forward: it does
    // not run that pod. Either the pod was replaced meanwhile, or the node's address leads to another kubelet — nodes
    // registered with one InternalIP (Vagrant's NAT 10.0.2.15 on every VM) send every stream to the same machine —
    // the multi-NIC address choice the corpus reads as flannel.wrong-iface, and what the threads settle on.
    re: /unable to upgrade connection: pod does not exist/,
    anchors: ['unable to upgrade connection: pod does not exist'],
    confidence: 0.5,
    specificity: 90,
    check: 'kubectl get nodes -o wide: two nodes with the same INTERNAL-IP (10.0.2.15 under Vagrant or VirtualBox NAT) make the API server reach the wrong kubelet — each kubelet needs --node-ip set to its own host-only address; with distinct addresses, kubectl get pod -o wide shows whether the pod was recreated meanwhile',
    source: 'kubelet pkg/kubelet/server/server.go (getExec, getAttach, getPortForward: 404 "pod does not exist"), client-go spdy ("unable to upgrade connection: %s")',
    samples: ['error: unable to upgrade connection: pod does not exist', 'Error: forwarding ports: error upgrading connection: unable to upgrade connection: pod does not exist'],
    counterSamples: ['Error from server (NotFound): pods "web-0" not found'],
  }),
  sig({
    id: 'apiproxy.kubelet-at-nat-address',
    cause: 'flannel.wrong-iface',
    // 10.0.2.15 is the address VirtualBox's NAT gives every VM (Vagrant's first interface): a node registered with it
    // as its InternalIP cannot be reached by that address from anywhere else — from the control plane it is the control
    // plane itself. The API server dialling a kubelet (10250, KubeEdge's 10350) there, and failing, is the address
    // choice of a multi-NIC host, as flannel's own --iface choice is; the corpus reads both as flannel.wrong-iface.
    re: /dial tcp 10\.0\.2\.15:(10250|10350): (connect: |getsockopt: )?(connection refused|i\/o timeout|no route to host|connection timed out)/,
    anchors: ['10.0.2.15:10250', '10.0.2.15:10350'],
    confidence: 0.7,
    specificity: 94,
    alternatives: ['node.not-ready', 'node.firewall'],
    check: 'kubectl get nodes -o wide: an INTERNAL-IP of 10.0.2.15 (on several nodes alike) is the VirtualBox NAT address — each kubelet needs --node-ip (KUBELET_EXTRA_ARGS) set to its host-only address, and flannel --iface to the same interface; ip -br addr on the node shows which one that is',
    source: 'API server → kubelet dial (pkg/registry/core/pod strategy, kubelet --node-ip); VirtualBox NAT networking (10.0.2.15 on every VM); facts on multi-NIC address choice',
    samples: [
      'Error from server: error dialing backend: dial tcp 10.0.2.15:10250: connect: connection refused',
      'Error from server: Get "https://10.0.2.15:10250/containerLogs/default/web-0/web": dial tcp 10.0.2.15:10250: i/o timeout',
    ],
    counterSamples: ['Error from server: error dialing backend: x509: certificate is valid for 10.0.2.15, not 192.168.56.11', 'Error from server: error dialing backend: dial tcp 10.0.2.16:10250: connect: connection refused'],
  }),
  sig({
    id: 'apiproxy.apiserver-cert-at-nat-address',
    cause: 'flannel.wrong-iface',
    // The API server's serving certificate names the address kubeadm init advertised; one that names VirtualBox's
    // NAT address (10.0.2.15) but not the address a joining node dials was made on the wrong interface, the same
    // multi-NIC choice that sends the kubelet's and flannel's traffic there.
    re: /(?:cluster-info|:6443\/)[^\n]{0,200}?x509: certificate is valid for [^\n]{0,200}?\b10\.0\.2\.15\b[^\n]{0,200}?, not (?!10\.0\.2\.15\b)\d/,
    anchors: ['10.0.2.15'],
    also: ['cluster-info', ':6443/'],
    confidence: 0.7,
    specificity: 94,
    alternatives: ['node.not-ready'],
    check: 'kubectl -n kube-system get cm kubeadm-config -o yaml (advertiseAddress) and openssl x509 -noout -text -in /etc/kubernetes/pki/apiserver.crt (its IP SANs): 10.0.2.15 is the VirtualBox NAT address — re-run kubeadm init with --apiserver-advertise-address set to the host-only address (or add it with --apiserver-cert-extra-sans), and set each kubelet\'s --node-ip and flannel\'s --iface to that interface',
    source: 'kubeadm init (advertise address from the default route\'s interface), kubeadm join discovery ("Failed to request cluster info"), VirtualBox NAT networking (10.0.2.15 on every VM)',
    samples: [
      '[discovery] Failed to request cluster info, will try again: [Get https://10.0.0.10:6443/api/v1/namespaces/kube-public/configmaps/cluster-info: x509: certificate is valid for 10.96.0.1, 10.0.2.15, not 10.0.0.10]',
      'error execution phase preflight: couldn\'t validate the identity of the API Server: Get "https://192.168.56.10:6443/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": x509: certificate is valid for 10.96.0.1, 10.0.2.15, not 192.168.56.10',
    ],
    counterSamples: ['Error from server: error dialing backend: x509: certificate is valid for 10.0.2.15, not 192.168.56.11'],
  }),
  sig({
    id: 'apiproxy.no-preferred-node-address',
    cause: 'unknown',
    // pkg/util/node NoMatchError: the node has no address of any type in the API server's
    // --kubelet-preferred-address-types (a node registered with a Hostname only, or a cloud provider that has not
    // initialised it yet), so logs, exec and port-forward cannot be routed to its kubelet at all.
    re: /no preferred addresses found; known addresses/,
    anchors: ['no preferred addresses found'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['node.not-ready', 'flannel.wrong-iface'],
    check: 'kubectl get node <node> -o jsonpath=\'{.status.addresses}\' against the API server\'s --kubelet-preferred-address-types (kube-apiserver manifest): no InternalIP means the kubelet registered without --node-ip or an external cloud provider has not initialised the node (its node.cloudprovider.kubernetes.io/uninitialized taint is still there)',
    source: 'kubernetes pkg/util/node/node.go (NoMatchError "no preferred addresses found; known addresses: %v")',
    samples: ['Error from server: no preferred addresses found; known addresses: [{Hostname edge-node-1}]', 'error: error upgrading connection: no preferred addresses found; known addresses: []'],
    counterSamples: ['Error from server (BadRequest): pod web-0 does not have a host assigned'],
  }),
  sig({
    id: 'apiproxy.kubelet-listen-cannot-assign',
    cause: 'node.not-ready',
    // The kubelet's server cannot bind the address it is told to serve on (KubeletConfiguration address or --address
    // naming an IP this host does not have, as after a re-IP or a copied config): it logs "Failed to listen and serve"
    // and exits, so the node goes NotReady.
    re: /failed to listen and serve\W{1,4}(err\W{1,3})?listen tcp [^\s"]*:(10250|10255|10248): bind: cannot assign requested address/,
    anchors: ['failed to listen and serve'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['flannel.wrong-iface'],
    check: 'ip -br addr on the node against the address the kubelet serves on: address: in /var/lib/kubelet/config.yaml or --address in systemctl cat kubelet and /var/lib/kubelet/kubeadm-flags.env must be one of the host\'s own (or 0.0.0.0)',
    source: 'kubelet pkg/kubelet/server/server.go ListenAndServeKubeletServer ("Failed to listen and serve"), Go net EADDRNOTAVAIL',
    samples: [
      'Dec 06 10:00:00 worker1 kubelet[812]: E1206 10:00:00.000000     812 server.go:209] "Failed to listen and serve" err="listen tcp 192.168.56.11:10250: bind: cannot assign requested address"',
      'E1206 10:00:00.000000     812 server.go:209] "Failed to listen and serve" err="listen tcp [fd00::11]:10250: bind: cannot assign requested address"',
    ],
    counterSamples: ['E1203 10:22:28.131577 3628 server.go:209] "Failed to listen and serve" err="listen tcp 0.0.0.0:10250: bind: address already in use"'],
  }),
  sig({
    id: 'apiproxy.kubelet-port-probe',
    cause: 'unknown',
    // A hand probe of a kubelet's port from the control plane (curl to /healthz, nc -zv): a refusal is a kubelet not
    // listening, a timeout a DROP on the way, "No route to host" most often firewalld's REJECT (icmp-host-prohibited).
    re: /failed to connect to \S+ port (10250|10350)\b[^\n]{0,60}?(timed out|no route to host|connection refused)|connect to \S+ port (10250|10350) \(tcp\) failed: (no route to host|connection timed out|connection refused)/,
    anchors: ['port 10250', 'port 10350'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['node.firewall', 'node.not-ready'],
    check: 'on the target node: ss -ltn | grep 10250 (the kubelet listening; systemctl status kubelet), then its firewall for TCP 10250 from the control plane (firewall-cmd --list-all, nft list ruleset, ufw status) and the cloud security group; "No route to host" with the node up is usually a REJECT rule',
    source: 'curl (7) and (28) and OpenBSD nc connect errors against the kubelet port; facts §10.1 (kubelet port 10250 between nodes)',
    samples: [
      '$ curl -k https://10.0.0.21:10250/healthz curl: (28) Failed to connect to 10.0.0.21 port 10250 after 130552 ms: Connection timed out',
      'nc: connect to 10.0.0.21 port 10250 (tcp) failed: No route to host',
    ],
    counterSamples: ['[ERROR Port-10250]: Port 10250 is in use', 'Connection to 10.0.0.21 10250 port [tcp/*] succeeded!'],
  }),
];
