import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** flanneld's start-up: net-conf.json, its API access, the node's podCIDR (facts §1, §2). */
export const CONFIG_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.pod-cidr-not-assigned',
    cause: 'flannel.no-pod-cidr',
    re: /pod cidrs? not assigned/,
    anchors: ['pod cidr'],
    confidence: 0.97,
    specificity: 95,
    source: 'facts §4.1 (failed to acquire lease: node … pod cidr not assigned)',
    samples: [
      'Error registering network: failed to acquire lease: node "worker-2" pod cidr not assigned',
      'E0412 10:02:11.884213       1 network.go:102] failed to register network: failed to acquire lease: node "k8s-w1" pod cidr not assigned',
    ],
    counterSamples: ['Error registering network: failed to acquire lease: node "a" pod cidrs should be IPv4/IPv6 only or dualstack'],
  }),
  sig({
    id: 'flannel.podcidr-column-none',
    cause: 'flannel.no-pod-cidr',
    // A nodes table whose last column is the podCIDR (kubectl get nodes -o custom-columns=…:.spec.podCIDR) with a
    // node at <none>: the controller-manager gave it no podCIDR, so flannel's kube subnet manager has no lease to
    // take there (with flannel's own etcd subnet manager the column is empty by design, hence below 0.9). A line break
    // is matched as the one whitespace that is not a space, tab, CR, FF or VT, so that no line can be split two ways.
    re: /\bpod_?cidrs?[ \t\r]*[^\S \t\r\f\v](?:[^\n]*[^\S \t\r\f\v]){0,40}?[^\s<]\S*(?:[ \t]+\S+)?[ \t]+<none>[ \t\r]*(?:[^\S \t\r\f\v]|$)/,
    anchors: ['podcidr', 'pod_cidr'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['flannel.config-invalid'],
    check: "kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR and the controller-manager's flags: --allocate-node-cidrs=true with a --cluster-cidr that holds net-conf.json's Network; a node left at <none> was not allocated (CIDR range used up, or allocation off)",
    source: 'kubectl custom-columns printer (<none> for an empty field); flannel pkg/subnet/kube (lease from node.Spec.PodCIDR)',
    samples: [
      // .spec.podCIDR and .spec.podCIDRs side by side: both empty.
      'NAME       PODCIDR         PODCIDRS\ncp-1       10.244.0.0/24   [10.244.0.0/24]\nworker-9   <none>          <none>',
      '$ kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR\nNAME     PODCIDR\ncp-1     10.244.0.0/24\nw-1      <none>',
      'NAME       POD_CIDR\nmaster     <none>\nnode01     <none>\n',
    ],
    counterSamples: ['NAME     PODCIDR\ncp-1     10.244.0.0/24\nw-1      10.244.1.0/24', 'NAME     PODCIDR        TAINTS\ncp-1     10.244.0.0/24  <none>'],
  }),
  sig({
    id: 'flannel.network-does-not-contain-podcidr',
    cause: 'flannel.network-mismatch',
    // Newer flanneld (and IPv6 podCIDRs) words it from the node's side: the PodCIDR's subnet is not in the net config.
    re: /specified in the flannel net config doesn't contain|doesn't contain \\?"[\d.:/a-f]+\\?" podcidr|specified in the podcidr, but doesn't exist in the flannel net config/,
    anchors: ["doesn't contain", "doesn't exist in the flannel net config"],
    confidence: 0.97,
    specificity: 95,
    source: 'facts §4.1, §10.6 (Network ≠ cluster CIDR)',
    samples: [
      'Error registering network: failed to acquire lease: subnet "10.244.0.0/16" specified in the flannel net config doesn\'t contain "192.168.1.0/24" PodCIDR of the "node-3" node',
      'E0101 00:00:01.000000 1 main.go:330] Error registering network: failed to acquire lease: subnet "10.244.0.0/16" specified in the flannel net config doesn\'t contain "10.42.0.0/24" PodCIDR of the "k3s-server" node',
      'Error registering network: failed to acquire lease: subnet "fd00:10:244:1::/64" specified in the PodCIDR, but doesn\'t exist in the flannel net config of the "node-2" node',
    ],
    counterSamples: ['Error registering network: failed to acquire lease: node "x" pod cidr not assigned'],
  }),
  sig({
    id: 'flannel.acquire-lease-other',
    check: 'the text after "failed to acquire lease:" names the reason; then kubectl get node <node> -o jsonpath=\'{.spec.podCIDR}\' and net-conf.json\'s Network',
    cause: 'flannel.no-pod-cidr',
    re: /failed to acquire lease/,
    anchors: ['failed to acquire lease'],
    confidence: 0.45,
    specificity: 40,
    alternatives: ['flannel.network-mismatch', 'flannel.rbac'],
    source: 'facts §4.1 (lease errors)',
    samples: [
      // a paste cut before the reason (the reason of a node's podCIDRs is flannel.node-podcidrs-unusable's)
      'Error registering network: failed to acquire lease: node "n1" pod ci',
      'failed to acquire lease: context canceled',
    ],
    counterSamples: ['Wrote subnet file to /run/flannel/subnet.env'],
  }),
  sig({
    id: 'flannel.podcidr-family-missing',
    cause: 'flannel.no-pod-cidr',
    // net-conf.json enables a family (EnableIPv6, or IPv4 by default) and the node's spec.podCIDRs holds no CIDR of
    // it: the controller-manager was not given a --cluster-cidr of that family (a single-stack cluster), or the
    // node was allocated before it was. Either the node lacks that podCIDR or the config asks for a family the
    // cluster does not have.
    re: /ipv[46] is enabled but the lease has no ipv[46]|missing ipv[46] address on n\.spec\.podcidrs/,
    anchors: ['but the lease has no', 'on n.spec.podcidrs'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['flannel.network-mismatch', 'flannel.config-invalid'],
    check: "kubectl get node <node> -o jsonpath='{.spec.podCIDRs}' against net-conf.json (EnableIPv4, EnableIPv6, IPv6Network) and the controller-manager's --cluster-cidr: dual stack needs a CIDR of each family in all three; on a single-stack cluster set EnableIPv6 false",
    source: 'flannel pkg/subnet/kube (node lease from n.Spec.PodCIDRs: "missing IPv6 address on n.Spec.PodCIDRs"), backend/vxlan ("IPv6 is enabled but the lease has no IPv6")',
    samples: [
      'E1205 10:00:00.123456       1 main.go:359] Error registering network: failed to configure interface flannel.1: IPv6 is enabled but the lease has no IPv6',
      'Error registering network: failed to acquire lease: missing IPv6 address on n.Spec.PodCIDRs',
    ],
    counterSamples: ['Error registering network: failed to acquire lease: node "worker-2" pod cidr not assigned'],
  }),
  sig({
    id: 'flannel.out-of-subnets',
    cause: 'flannel.config-invalid',
    // flanneld's own subnet manager (etcd mode) carves SubnetLen blocks out of Network: none left means the
    // configured Network is too small for the nodes (or leases of gone nodes still hold blocks until they expire).
    // Older flanneld words it "out of space" when allocating the subnet.
    re: /out of subnets|failed to allocate subnet: out of space|acquire lease: out of space/,
    anchors: ['out of subnets', 'out of space'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['flannel.network-mismatch', 'flannel.no-pod-cidr'],
    check: 'the network config in etcd (etcdctl get /coreos.com/network/config): Network and SubnetLen give 2^(SubnetLen - prefix) leases; compare with the nodes and the leases under /coreos.com/network/subnets (stale ones expire after 24 h)',
    source: 'flannel subnet manager (etcd backend: "out of subnets"), facts §4.1',
    samples: ['E0425 18:07:49.410245 32050 network.go:102] failed to register network: failed to acquire lease: out of subnets', 'Error registering network: failed to acquire lease: out of subnets'],
    counterSamples: ['Subnet added: 10.244.3.0/24'],
  }),
  sig({
    id: 'flannel.backend-defaulted-udp',
    cause: 'flannel.config-invalid',
    // flanneld reads the backend from net-conf.json's Backend.Type and falls back to udp when Backend is absent: a
    // config written without it runs the old userspace backend (or none, on builds without it) instead of vxlan.
    re: /found network config - backend type: udp\b/,
    anchors: ['backend type: udp'],
    confidence: 0.7,
    specificity: 85,
    check: 'kubectl -n kube-flannel get cm kube-flannel-cfg -o jsonpath={.data.net-conf\\.json}: add "Backend": {"Type": "vxlan"} (or the backend meant) and restart the flannel pods; udp is deprecated and absent from most builds',
    source: 'flannel pkg/subnet/config.go (parseBackendType: no Backend means udp), main.go ("Found network config - Backend type: %s")',
    samples: ['I1205 10:00:01.101223       1 main.go:540] Found network config - Backend type: udp', '{"Network": "10.244.0.0/16"}\nI1205 10:00:01.101223       1 main.go:540] Found network config - Backend type: udp'],
    counterSamples: ['I1205 10:00:01.101223       1 main.go:540] Found network config - Backend type: vxlan'],
  }),
  sig({
    id: 'flannel.net-conf-invalid',
    cause: 'flannel.config-invalid',
    // "Couldn't fetch network config: <err>" is not here: flanneld prints it for whatever its subnet manager
    // returned (etcd key missing, etcd unreachable, net-conf.json unreadable) — the error after it decides.
    // k3s and RKE2 name the backend they were given (--flannel-backend) when they do not know it.
    re: /unknown backend type|cannot configure unknown flannel backend|error parsing subnet config|failed to read net conf|error fetching backend(?!: your publicip differs)|no valid mode configured|invalid subnet-lease-renew-margin|error decoding (\w+ )?backend (config|property)|failed to parse vxlan config|invalid vxlan backend config/,
    anchors: ['unknown backend type', 'error parsing subnet config', 'failed to read net conf', 'error fetching backend', 'no valid mode configured', 'subnet-lease-renew-margin', 'error decoding', 'failed to parse vxlan config', 'invalid vxlan backend config', 'unknown flannel backend'],
    confidence: 0.95,
    specificity: 95,
    source: 'facts §1.3, §4.1 (net-conf.json parsing)',
    samples: [
      'level=fatal msg="Cannot configure unknown flannel backend \'vxlan-gbp\'"',
      'Error fetching backend: unknown backend type: vxlna',
      'Failed to create SubnetManager: error parsing subnet config: invalid character \'}\' looking for beginning of object key string',
      'Failed to create SubnetManager: failed to read net conf: open /etc/kube-flannel/net-conf.json: no such file or directory',
      // the Backend object itself: a field of the wrong type, a MacPrefix not in xx-xx form
      'Error registering network: error decoding VXLAN backend config: json: cannot unmarshal string into Go struct field .VNI of type int',
      'invalid VXLAN backend config.MacPrefix [0E:2A] is invalid, prefix must be of the format xx-xx e.g. 0E-2A',
    ],
    counterSamples: ['Found network config - Backend type: vxlan'],
  }),
  sig({
    id: 'flannel.rbac-forbidden',
    cause: 'flannel.rbac',
    // The node IPAM controller's own "failed to patch node CIDR" is not flannel's: its service account is node-controller.
    re: /user \\?"system:serviceaccount:[\w-]+:flannel\\?" cannot|serviceaccount:[\w-]+:flannel[^\n]{0,80}forbidden|error retrieving pod spec for[^\n]{0,600}(forbidden|does not allow access)|failed to patch node(?! cidr)[^\n]{0,600}forbidden|failed to acquire lease: the server does not allow access to the requested resource/,
    anchors: [':flannel', 'error retrieving pod spec', 'failed to patch node', 'does not allow access to the requested resource'],
    confidence: 0.92,
    specificity: 93,
    alternatives: ['flannel.daemon-down'],
    source: 'facts §4.1 (RBAC: nodes is forbidden … flannel), flannel-io/flannel#1735',
    // "the server does not allow access to the requested resource" is client-go's older text for a 403 Forbidden.
    samples: [
      'E0419 17:07:44.681897       1 network.go:102] failed to register network: failed to acquire lease: the server does not allow access to the requested resource (put nodes node-1)',
      'Failed to watch *v1.Node: failed to list *v1.Node: nodes is forbidden: User "system:serviceaccount:kube-flannel:flannel" cannot list resource "nodes" in API group "" at the cluster scope',
      'Failed to create SubnetManager: error retrieving pod spec for \'kube-system/kube-flannel-ds-amd64-x7k2p\': the server does not allow access to the requested resource',
      'E0302 11:09:01.000000 1 reflector.go:138] failed to list *v1.Node: nodes is forbidden: User "system:serviceaccount:kube-system:flannel" cannot list resource "nodes" in API group "" at the cluster scope',
    ],
    counterSamples: ['endpoints is forbidden: User "system:serviceaccount:kube-system:coredns" cannot list resource "endpoints"'],
  }),
  sig({
    id: 'flannel.patch-node-timeout',
    check: 'kubectl auth can-i patch nodes/status --as=system:serviceaccount:kube-flannel:flannel, and from the node curl -k https://<kubernetes Service IP>/version: forbidden means RBAC, a timeout means the path to the API server; NotFound from kubectl get node <NODE_NAME> means flanneld runs under a name no Node object has (NODE_NAME or the hostname it falls back to)',
    cause: 'flannel.rbac',
    re: /timeout contacting kube-api, failed to patch node/,
    anchors: ['failed to patch node'],
    confidence: 0.55,
    specificity: 85,
    alternatives: ['flannel.daemon-down'],
    source: 'facts §4.1 (timeout contacting kube-api: API down or nodes/status patch missing)',
    samples: [
      'Error registering network: failed to acquire lease: timeout contacting kube-api, failed to patch node "w3". Error: nodes "w3" is forbidden',
      'failed to acquire lease: timeout contacting kube-api, failed to patch node "node-a". Error: context deadline exceeded',
    ],
    counterSamples: ['patched node "w3"'],
  }),
  sig({
    id: 'flannel.subnet-env-outside-network',
    cause: 'flannel.network-mismatch',
    // flanneld writes FLANNEL_NETWORK (net-conf.json's Network) then FLANNEL_SUBNET (this node's lease,
    // from its podCIDR). A lease outside the network means the cluster CIDR and net-conf.json differ.
    // A regex cannot do CIDR arithmetic in general; back-references decide the common /8 and /16 networks:
    // the subnet must repeat the network's first one or two octets.
    re: /flannel_network=(\d+)\.(\d+)\.\d+\.\d+\/16\s+flannel_subnet=(?!\1\.\2\.)\d+\.\d+\.\d+\.\d+|flannel_network=(\d+)\.\d+\.\d+\.\d+\/8\s+flannel_subnet=(?!\3\.)\d+\.\d+\.\d+\.\d+/,
    anchors: ['flannel_network='],
    confidence: 0.9,
    specificity: 95,
    alternatives: ['flannel.no-pod-cidr'],
    source: 'flannel subnet.env (WriteSubnetFile: FLANNEL_NETWORK, FLANNEL_SUBNET); facts §4.1 (Network must contain every podCIDR)',
    samples: [
      'FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=192.168.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true',
      '# cat /run/flannel/subnet.env\nFLANNEL_NETWORK=10.0.0.0/8\nFLANNEL_SUBNET=172.16.4.1/24',
    ],
    counterSamples: ['FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.7.1/24\nFLANNEL_MTU=1450', 'FLANNEL_NETWORK=10.0.0.0/8\nFLANNEL_SUBNET=10.42.4.1/24'],
  }),
  sig({
    id: 'flannel.binary-missing',
    cause: 'flannel.daemon-down',
    // The runtime cannot exec flanneld in the kube-flannel container: the image (or its layers on the node) has
    // no such file, so flanneld never starts on that node.
    re: /exec: \\?"[^"\n\\]*\/flanneld\\?": stat [^\n]{0,80}no such file/,
    anchors: ['/flanneld'],
    confidence: 0.85,
    specificity: 94,
    check: 'the kube-flannel container\'s image and command: kubectl -n kube-flannel get ds kube-flannel -o jsonpath=\'{..image} {..command}\' against the manifest of that flannel version (newer images ship /opt/bin/flanneld); a damaged image on the node: crictl rmi it and let the kubelet pull it again',
    source: 'runc: "exec: \\"<path>\\": stat <path>: no such file or directory" when the container\'s entrypoint is absent',
    samples: ['Error: failed to start container "kube-flannel": Error response from daemon: OCI runtime create failed: container_linux.go:349: starting container process caused "exec: \\"/opt/bin/flanneld\\": stat /opt/bin/flanneld: no such file or directory": unknown', 'exec: "/opt/bin/flanneld": stat /opt/bin/flanneld: no such file or directory'],
    counterSamples: ['I0101 main.go:211] CLI flags config: /opt/bin/flanneld --ip-masq'],
  }),
  sig({
    id: 'flannel.backend-key-invalid',
    cause: 'flannel.config-invalid',
    // Values of the Backend section that flanneld checks only when it starts the backend: the wireguard PSK
    // (base64 of 32 bytes) and, on Windows, a VXLAN VNI of 4096 or more.
    re: /could not parse psk: wgtypes|vni is \d+ but it is required to be greater than or equal to 4096/,
    anchors: ['could not parse psk', 'greater than or equal to 4096'],
    confidence: 0.85,
    specificity: 92,
    check: 'kubectl -n kube-flannel get cm kube-flannel-cfg -o jsonpath=\'{.data.net-conf\\.json}\': Backend.PSK must be a wireguard key (wg genpsk), Backend.VNI on Windows nodes 4096 or more (with the matching VNI on Linux nodes)',
    source: 'flannel pkg/backend/wireguard (PSK parsed with wgtypes), pkg/backend/vxlan/vxlan_network_windows.go (VNI check)',
    samples: ['Error registering network: could not parse psk: wgtypes: failed to parse base64-encoded key: illegal base64 data at input byte 40', 'E1203 12:57:52.869947 4312 vxlan_network_windows.go:106] VNI is 1 but it is required to be greater than or equal to 4096 on Windows.'],
    counterSamples: ['"Backend": {"Type": "wireguard", "PSK": "<redacted>"}'],
  }),
  sig({
    id: 'flannel.daemonset-cannot-create',
    cause: 'flannel.daemon-down',
    // The DaemonSet controller's FailedCreate for flannel's own pods: admission refused the pod (its
    // ServiceAccount absent, a Pod Security level that forbids hostNetwork or privileged, a quota), so no
    // flanneld runs on any node the DaemonSet should cover.
    re: /pods \\?"kube-flannel[\w.-]*\\?" is forbidden/,
    anchors: ['kube-flannel'],
    confidence: 0.85,
    specificity: 92,
    check: 'kubectl -n kube-flannel describe ds kube-flannel-ds: the FailedCreate event names what admission refused — kubectl -n kube-flannel get sa flannel (apply the whole kube-flannel.yml, which creates it), or the namespace\'s pod-security.kubernetes.io/enforce label (flannel needs privileged)',
    source: 'kube-controller-manager DaemonSet controller (FailedCreate "Error creating: pods \\"<prefix>\\" is forbidden: ..."), apiserver ServiceAccount and PodSecurity admission',
    samples: [
      'Warning  FailedCreate  51s (x18 over 11m)  daemonset-controller  Error creating: pods "kube-flannel-ds-" is forbidden: error looking up service account kube-flannel/flannel: serviceaccount "flannel" not found',
      'Error creating: pods "kube-flannel-ds-x7k2p" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), privileged (container "kube-flannel" must not set securityContext.privileged=true)',
    ],
    counterSamples: ['Error creating: pods "web-7d9f8b6c5-" is forbidden: exceeded quota: compute-resources', 'kube-flannel-ds-7xq2m   1/1   Running   0   40m'],
  }),
  sig({
    id: 'flannel.pod-not-ready',
    check: 'kubectl -n kube-flannel logs <flannel pod> --previous: its last error names the cause (podCIDR not assigned, forbidden, config parse error, API unreachable)',
    cause: 'flannel.daemon-down',
    re: /kube-flannel[\w-]*[^\n]{0,120}(crashloopbackoff|oomkilled|back-off restarting failed container|imagepullbackoff|errimagepull)|back-off( \S+)? restarting failed container[= ]kube-flannel|flanneld is not ready yet|failed to create subnetmanager|error waiting for nodecontroller to sync/,
    anchors: ['kube-flannel', 'flanneld is not ready', 'subnetmanager', 'nodecontroller'],
    confidence: 0.7,
    specificity: 78,
    alternatives: ['flannel.no-pod-cidr', 'flannel.rbac', 'flannel.config-invalid'],
    source: 'facts §1.1 (DaemonSet), §1.8 (/readyz), §4.1',
    samples: [
      'kube-flannel   kube-flannel-ds-7xq2m   0/1   CrashLoopBackOff   12 (3m ago)   40m',
      'Warning  BackOff  2m (x80 over 20m)  kubelet  Back-off restarting failed container kube-flannel in pod kube-flannel-ds-hm2zq_kube-flannel(4c1a)',
      'Readiness probe failed: HTTP probe failed with statuscode: 503 body: flanneld is not ready yet',
    ],
    counterSamples: ['kube-flannel   kube-flannel-ds-7xq2m   1/1   Running   0   40m'],
  }),
  sig({
    id: 'flannel.etcd-network-config',
    cause: 'flannel.config-invalid',
    // flanneld with the etcd subnet manager reads <etcd-prefix>/config: missing key (etcd v2 error 100) or unparsable JSON.
    // etcd v2 answers a missing key with "100: Key not found"; flannel >= 0.17 speaks etcd v3, whose gRPC error is "etcdserver: key not found".
    re: /(failed to retrieve|couldn't fetch|error fetching) network config: (100: key not found|(rpc error: code = \w+ desc = )?etcdserver: key not found|invalid character|unexpected end of json|json: cannot unmarshal)|failed to create subnetmanager: 100: key not found/,
    anchors: ['network config: ', 'subnetmanager: 100: key not found'],
    confidence: 0.92,
    specificity: 95,
    alternatives: ['flannel.daemon-down'],
    check: 'etcdctl get <--etcd-prefix>/config (default /coreos.com/network/config): it must exist under the prefix flanneld is given and hold valid JSON such as {"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan"}}',
    source: 'flannel etcd subnet manager (pkg/subnet/etcd: network config at <prefix>/config), facts §1.3',
    samples: [
      'E0312 08:00:00.000000 1201 main.go:330] Couldn\'t fetch network config: 100: Key not found (/coreos.com/network) [12]',
      'E0312 08:00:01.000000 1201 network.go:102] failed to retrieve network config: invalid character \'N\' looking for beginning of object key string',
      'E0615 08:03:01.000000 91154 main.go:459] Couldn\'t fetch network config: rpc error: code = NotFound desc = etcdserver: key not found',
    ],
    counterSamples: ['I0312 08:00:00.000000 1 main.go:386] Found network config - Backend type: vxlan'],
  }),
  sig({
    id: 'flannel.node-credentials',
    cause: 'flannel.rbac',
    // The Node authorizer lets a node's own credentials read only its own Node: flanneld run with the kubelet's kubeconfig cannot list nodes.
    re: /user \\?"system:node:[^"\\\s]+\\?" cannot (list|watch) resource \\?"nodes\\?"/,
    anchors: ['system:node:'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['flannel.daemon-down'],
    check: 'which identity does flanneld use (--kubeconfig-file, KUBECONFIG, or the pod\'s ServiceAccount)? the kubelet\'s system:node credentials may read only their own Node; flannel needs its ServiceAccount bound to the flannel ClusterRole (list/watch nodes)',
    source: 'Node authorizer (a node identity reads only its own Node object); facts §1.1 (flannel ClusterRole)',
    samples: [
      'E0301 10:00:00.000000 1 reflector.go:158] failed to list *v1.Node: nodes is forbidden: User "system:node:worker-2" cannot list resource "nodes" in API group "" at the cluster scope',
      'W0301 10:00:00.000000 1 reflector.go:561] failed to list *v1.Node: nodes is forbidden: User \\"system:node:edge-9.lab\\" cannot list resource \\"nodes\\" in API group \\"\\" at the cluster scope',
    ],
    counterSamples: ['nodes "worker-2" is forbidden: User "system:node:worker-2" cannot patch resource "nodes/status"'],
  }),
  sig({
    id: 'flannel.podcidr-outside-cluster-cidr',
    check: 'kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR against the controller-manager\'s --cluster-cidr and net-conf.json\'s Network: a node whose podCIDR lies outside them must be re-created (spec.podCIDR cannot be edited)',
    cause: 'flannel.network-mismatch',
    // The controller-manager's node IPAM marks every node's spec.podCIDR in its cluster CIDR at start; a
    // podCIDR outside it stops the controller, and flannel's Network (the same range) does not hold it.
    re: /cidr \S+ is out the range of cluster cidr|failed to mark cidr\[[^\]\n]*\] at idx \[\d+\] as occupied/,
    anchors: ['out the range of cluster cidr', 'as occupied'],
    confidence: 0.85,
    specificity: 88,
    alternatives: ['flannel.no-pod-cidr'],
    source: 'kube-controller-manager node IPAM (range_allocator occupyCIDRs: "cidr %v is out the range of cluster cidr %v")',
    samples: [
      'E0115 09:13:54.800816 1 controllermanager.go:709] "Error starting controller" err="failed to mark cidr[10.0.0.0/24] at idx [0] as occupied for node: n1: cidr 10.0.0.0/24 is out the range of cluster cidr 10.244.0.0/16" controller="node-ipam-controller"',
      'cidr 192.168.5.0/24 is out the range of cluster cidr 10.42.0.0/16',
    ],
    counterSamples: ['Node n1 PodCIDR: 10.244.1.0/24'],
  }),
  sig({
    id: 'flannel.service-not-running',
    cause: 'flannel.daemon-down',
    // flanneld as a host service (microk8s's snap, a systemd unit) rather than a DaemonSet: the inspect and
    // status tools report the unit stopped. Why it stopped is in its journal.
    re: /service snap\.[\w-]+\.daemon-flanneld is not running|flanneld\.service[^\n]{0,120}(entered failed state|failed with result|active: (failed|inactive))/,
    anchors: ['daemon-flanneld is not running', 'flanneld.service'],
    confidence: 0.85,
    specificity: 90,
    alternatives: ['flannel.config-invalid'],
    check: 'journalctl -u <the flanneld unit> -n 50 (snap.microk8s.daemon-flanneld on microk8s): its last error says why it stopped (etcd unreachable, its network config, the interface)',
    source: 'microk8s inspect ("Service snap.microk8s.daemon-flanneld is not running"); systemd unit states',
    samples: [' FAIL:  Service snap.microk8s.daemon-flanneld is not running', 'systemd[1]: flanneld.service: Failed with result \'exit-code\'.'],
    counterSamples: ['Service snap.microk8s.daemon-flanneld is running'],
  }),
  sig({
    id: 'flannel.module-settings-invalid',
    cause: 'flannel.config-invalid',
    // A platform's flannel module (Deckhouse's cniFlannel) validates its settings against an enum before it renders
    // flannel's net-conf: a value outside it (a backend mode in the wrong case) never reaches flanneld.
    re: /cniflannel\.\w+ in body should be one of|'cniflannel' module section in configmap\/\S+ is not valid/,
    anchors: ['cniflannel'],
    confidence: 0.8,
    specificity: 93,
    check: 'the module\'s settings (kubectl get moduleconfig cni-flannel -o yaml, or the ConfigMap it names): use one of the values the error lists, spelled as listed',
    source: 'Deckhouse module config validation (OpenAPI enum on cniFlannel.podNetworkMode)',
    samples: ["INIT ModuleManager failed: init module manager: 2 errors occurred:\n  * 'cniFlannel' module section in ConfigMap/deckhouse is not valid\n  * cniFlannel.podNetworkMode in body should be one of [HostGW VXLAN]", 'cniFlannel.podNetworkMode in body should be one of [HostGW VXLAN]'],
    counterSamples: ['cniFlannel: podNetworkMode: VXLAN'],
  }),
  sig({
    id: 'flannel.lease-node-not-found',
    cause: 'unknown',
    // The kube subnet manager looks the node up by the name it was given (NODE_NAME from the pod spec, or the
    // hostname): "not found" means no Node object has that name — a hostname that differs from the registered name,
    // a node not yet registered — so neither a podCIDR nor RBAC is the question yet.
    re: /failed to acquire lease: nodes? \\?"[^"\n\\]+\\?" not found/,
    anchors: ['failed to acquire lease'],
    confidence: 0.4,
    specificity: 60,
    alternatives: ['flannel.no-pod-cidr', 'node.not-ready'],
    check: 'kubectl get nodes: is there a node named exactly as the error says? if not, compare with hostname on that machine and the NODE_NAME env of the flannel pod (spec.nodeName), or the kubelet\'s --hostname-override',
    source: 'flannel kube subnet manager (node lookup by name before the lease)',
    samples: ['E1008 19:38:48.400105       1 network.go:106] failed to register network: failed to acquire lease: node "k8s-pi-master" not found', 'Error registering network: failed to acquire lease: nodes "worker-1" not found'],
    counterSamples: ['Error registering network: failed to acquire lease: node "worker-2" pod cidr not assigned'],
  }),
  sig({
    id: 'flannel.network-config-check-failed',
    cause: 'flannel.config-invalid',
    // flannel's own checks of the network config (pkg/subnet/config.go) and of the address families it enables: the
    // config was read, and its values are what is wrong. Also the kube subnet manager given no Network at all,
    // which it prints as 0.0.0.0/0 not containing the node's podCIDR, and an ipsec backend without its PSK.
    re: /please define a correct (ipv6)?network parameter|(ipv6)?network is too small\. minimum useful network prefix|network must be able to accommodate at least four subnets|subnetlen must be less than \/\d+|(ipv6)?subnet(min|max) is not (in the range of the (ipv6)?network|on a subnetlen boundary)|flannel config not found in etcd store|\bnone defined stack\b|subnet \\?"0\.0\.0\.0\/0\\?" specified in the flannel net config|config error, password is too short|couldn't fetch network config: invalid (cidr address|ipv[46] cidr format)/,
    anchors: ['please define a correct', 'minimum useful network prefix', 'accommodate at least four subnets', 'subnetlen must be less than', 'subnetmin is not', 'subnetmax is not', 'flannel config not found in etcd store', 'none defined stack', '0.0.0.0/0', 'password is too short', 'couldn\'t fetch network config: invalid'],
    confidence: 0.9,
    specificity: 96,
    check: 'the net-conf.json flannel reads (kubectl -n kube-flannel get cm kube-flannel-cfg -o yaml, or the etcd key under --etcd-prefix/config, written with the v3 API): Network (or IPv6Network) set and large enough, SubnetMin/SubnetMax inside it on SubnetLen boundaries, EnableIPv4/EnableIPv6 not both false, the ipsec PSK at least 96 characters',
    source: 'flannel pkg/subnet/config.go CheckNetworkConfig, pkg/ipmatch ("none defined stack"), pkg/subnet/kube ("subnet %q specified in the flannel net config doesn\'t contain %q PodCIDR"), pkg/backend/ipsec',
    samples: [
      "E0102 10:00:02.117781       1 main.go:536] Couldn't fetch network config: invalid CIDR address: 10.5.0.0",
      "E0312 10:01:35.550876       1 main.go:536] Couldn't fetch network config: network is too small. Minimum useful network prefix is /28",
      'E0312 09:37:39.177720       1 main.go:384] Error registering network: failed to acquire lease: subnet "0.0.0.0/0" specified in the flannel net config doesn\'t contain "10.244.1.0/24" PodCIDR of the "worker-1" node',
      'E0312 09:25:30.442071       1 main.go:284] none defined stack',
      "Couldn't fetch network config: flannel config not found in etcd store. Did you create your config using etcdv3 API?",
    ],
    counterSamples: ['Error registering network: failed to acquire lease: subnet "10.244.0.0/16" specified in the flannel net config doesn\'t contain "10.42.1.0/24" PodCIDR of the "worker-1" node'],
  }),
  sig({
    id: 'flannel.nftables-chosen-unsupported',
    cause: 'flannel.config-invalid',
    // net-conf.json's EnableNFTables on a node without nft or a kernel without nf_tables: flanneld exits at start.
    // The root is the config's choice for that node (iptables there is the default and works); a missing iptables
    // binary is a host tool's absence instead (addon.host-tool-missing).
    re: /no nftables support: could not (find nftables binary|run nftables command)/,
    anchors: ['no nftables support'],
    confidence: 0.7,
    specificity: 97,
    alternatives: ['flannel.daemon-down'],
    check: 'EnableNFTables in net-conf.json against the node: which nft, lsmod | grep nf_tables; drop the option (iptables) or install nftables there',
    source: 'flannel pkg/trafficmngr/nftables (knftables.New at start)',
    samples: ['E0312 09:53:12.734580       1 main.go:405] no nftables support: could not find nftables binary: exec: "nft": executable file not found in $PATH', 'E0312 09:53:45.166923       1 main.go:405] no nftables support: could not run nftables command: /dev/stdin:1:1-25: Error: Could not process rule: Operation not supported'],
    counterSamples: ['I0312 09:53:12.734580       1 main.go:405] Using nftables'],
  }),
  sig({
    id: 'flannel.healthz-port-taken',
    cause: 'flannel.daemon-down',
    // Two flannels on one node (k3s's embedded one and a kube-flannel DaemonSet): the second cannot bind the
    // health port and panics.
    re: /start healthz server error\. listen tcp \S+: bind: address already in use/,
    anchors: ['start healthz server error'],
    confidence: 0.8,
    specificity: 95,
    check: 'ss -lntp | grep <port> on the node: which process holds flannel\'s --healthz-port (k3s runs flannel inside itself unless --flannel-backend=none)',
    source: 'flannel main.go (mustRunHealthz: "Start healthz server error. %v")',
    samples: ['E0312 09:55:22.465519       1 main.go:587] Start healthz server error. listen tcp 0.0.0.0:8285: bind: address already in use', 'Start healthz server error. listen tcp 127.0.0.1:8285: bind: address already in use\npanic: listen tcp 127.0.0.1:8285: bind: address already in use'],
    counterSamples: ['Start healthz server on 0.0.0.0:8285'],
  }),
  sig({
    id: 'flannel.etcd-answered-error',
    cause: 'unknown',
    // In etcd mode flanneld's subnet manager and leases are etcd requests: etcd's own answers (authentication
    // failed, permission denied on the prefix, request timed out, too many requests, a learner, a key taken) say
    // where etcd stands, not which flannel cause — the etcd user, its role, its quorum or its load.
    re: /(failed to acquire lease|failed to create subnetmanager|couldn't fetch network config): (etcdserver: [^\n]{0,120}|subnet already exists)/,
    anchors: ['etcdserver: ', 'subnet already exists'],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['flannel.daemon-down', 'flannel.config-invalid'],
    check: 'etcdctl --endpoints <flannel\'s --etcd-endpoints> endpoint health and member list with flannel\'s certificates and user; etcdctl user get / role get for flannel\'s user (read and write on --etcd-prefix); etcdctl alarm list',
    source: 'etcd client v3 rpctypes errors ("etcdserver: …") as flannel\'s etcd subnet manager returns them',
    samples: ['E0102 10:00:01.119204       1 main.go:251] Failed to create SubnetManager: etcdserver: authentication failed, invalid user ID or password', 'E0102 10:00:03.771530       1 main.go:384] Error registering network: failed to acquire lease: etcdserver: permission denied', 'E0102 10:00:03.913310       1 main.go:384] Error registering network: failed to acquire lease: etcdserver: too many requests'],
    counterSamples: ['Error registering network: failed to acquire lease: node "worker-2" pod cidr not assigned'],
  }),
  sig({
    id: 'flannel.daemon-crashed',
    cause: 'flannel.daemon-down',
    // Go's runtime stops flanneld on a fault (a bad memory access, often a binary built for another kernel or libc,
    // or a bug) and the process exits: no lease renewals, no routes for new nodes until it is fixed.
    re: /flanneld?(\[\d+\])?:? (fatal error: unexpected signal|panic: |\[signal sigsegv)/,
    anchors: ['fatal error: unexpected signal', 'panic: ', '[signal sigsegv'],
    confidence: 0.8,
    specificity: 90,
    check: 'the flanneld version and its build against the node (flanneld --version; the DaemonSet image or the snap/package): upgrade to a release that fixes the crash, or a binary built for this OS and architecture',
    source: 'Go runtime fatal errors (runtime.throw "unexpected signal during runtime execution", panics) in flanneld\'s log',
    samples: [
      'Oct 13 20:03:03 node1 flanneld[2912]: fatal error: unexpected signal during runtime execution',
      'Oct 13 20:03:03 node1 microk8s.daemon-flanneld[2912]: panic: runtime error: invalid memory address or nil pointer dereference',
    ],
    counterSamples: ['Oct 13 20:03:03 node1 flanneld[2912]: I1013 20:03:03.000000 main.go:100] Installing signal handlers'],
  }),
];
