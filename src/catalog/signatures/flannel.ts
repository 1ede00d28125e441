import type { Signature } from '../types.js';
import { sig } from './define.js';

/** flanneld log lines (facts §1, §2, §4.1, §10). */
export const FLANNEL_SIGNATURES: Signature[] = [
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
      'Error registering network: failed to acquire lease: node "n1" pod cidrs should be IPv4/IPv6 only or dualstack',
      'failed to acquire lease: context canceled',
    ],
    counterSamples: ['Wrote subnet file to /run/flannel/subnet.env'],
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
    id: 'flannel.net-conf-invalid',
    cause: 'flannel.config-invalid',
    // "Couldn't fetch network config: <err>" is not here: flanneld prints it for whatever its subnet manager
    // returned (etcd key missing, etcd unreachable, net-conf.json unreadable) — the error after it decides.
    re: /unknown backend type|error parsing subnet config|failed to read net conf|error fetching backend|no valid mode configured|invalid subnet-lease-renew-margin/,
    anchors: ['unknown backend type', 'error parsing subnet config', 'failed to read net conf', 'error fetching backend', 'no valid mode configured', 'subnet-lease-renew-margin'],
    confidence: 0.95,
    specificity: 95,
    source: 'facts §1.3, §4.1 (net-conf.json parsing)',
    samples: [
      'Error fetching backend: unknown backend type: vxlna',
      'Failed to create SubnetManager: error parsing subnet config: invalid character \'}\' looking for beginning of object key string',
      'Failed to create SubnetManager: failed to read net conf: open /etc/kube-flannel/net-conf.json: no such file or directory',
    ],
    counterSamples: ['Found network config - Backend type: vxlan'],
  }),
  sig({
    id: 'flannel.vagrant-nat-iface',
    cause: 'flannel.wrong-iface',
    re: /using interface with name \S+ and address 10\.0\.2\.15\b|defaulting external address to interface address \(10\.0\.2\.15\)|using 10\.0\.2\.15 as external address/,
    anchors: ['10.0.2.15'],
    confidence: 0.9,
    specificity: 95,
    alternatives: ['flannel.vxlan-blocked'],
    source: 'facts §10.4 (Vagrant NAT interface 10.0.2.15)',
    samples: [
      'I0605 01:30:01.494324       1 main.go:488] Using interface with name enp0s3 and address 10.0.2.15',
      'I1201 12:00:00.000000 1 main.go:531] Defaulting external address to interface address (10.0.2.15)',
    ],
    counterSamples: ['I0605 01:30:01.494324 1 main.go:488] Using interface with name eth1 and address 192.168.56.11'],
  }),
  sig({
    id: 'flannel.netlink-refused',
    cause: 'unknown',
    // flanneld reads the default route and the interfaces over netlink; an errno there (ENOPROTOOPT "protocol not
    // available", EPERM, EACCES) is the process's sandbox or kernel refusing netlink, not a wrong interface choice.
    re: /(failed to get default (v6 )?interface|failed to find any valid interface to use)[^\n]{0,200}(protocol not available|operation not permitted|permission denied|address family not supported)/,
    anchors: ['protocol not available', 'operation not permitted', 'permission denied', 'address family not supported'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['flannel.wrong-iface'],
    check: 'can flanneld use netlink on that node? the DaemonSet\'s securityContext (privileged or NET_ADMIN/NET_RAW, hostNetwork: true), a sandboxed runtime (gVisor, a restricted container host), and ip route show default on the node itself',
    source: 'flannel pkg/ip (netlink route and link lists); errno texts',
    samples: [
      'create flannel failed, Failed to find any valid interface to use: failed to get default interface: protocol not available',
      'E0101 00:00:00.000000       1 main.go:228] Failed to find any valid interface to use: failed to get default interface: operation not permitted',
    ],
    counterSamples: ['Failed to find any valid interface to use: failed to get default interface: Unable to find default route'],
  }),
  sig({
    id: 'flannel.no-valid-interface',
    cause: 'flannel.wrong-iface',
    re: /failed to find any valid interface to use|failed to find interface to use that matches|could not match pattern \S+ to any of the available network interfaces|could not find valid interface matching|failed to get default (v6 )?interface|failed to find ipv[46] address for interface|error looking up interface \S+: |no interface with given ip found|unable to find default route/,
    anchors: ['valid interface', 'interface to use that matches', 'available network interfaces', 'default interface', 'default v6 interface', 'address for interface', 'error looking up interface', 'no interface with given ip', 'unable to find default route'],
    confidence: 0.9,
    specificity: 92,
    source: 'facts §4.1 (interface selection), §1.5 (--iface, --iface-regex)',
    samples: [
      'Failed to find any valid interface to use: failed to get default interface: unable to find default route',
      'Failed to find interface to use that matches the interfaces and/or regexes provided',
      'Could not find valid interface matching eth1: failed to find IPv4 address for interface eth1',
    ],
    counterSamples: ['Using interface with name eth0 and address 10.1.0.4'],
  }),
  sig({
    id: 'flannel.iface-name-missing',
    cause: 'flannel.wrong-iface',
    // Go's net.InterfaceByName: the interface named by --iface (k3s --flannel-iface) does not exist on this node.
    re: /(unable to get global unicast ip from interface name|does not have a correct global unicast ip|can't find ip for interface|interface[^\n]{0,80}route ip\+net: no such network interface)/,
    anchors: ['global unicast ip from interface', 'correct global unicast ip', "can't find ip for interface", 'no such network interface'],
    confidence: 0.8,
    specificity: 91,
    check: 'ip -br link on that node against the interface named in --iface / --flannel-iface (or k3s\'s flannel-iface in /etc/rancher/k3s/config.yaml): names differ between machines (eth0, ens18, enp0s8)',
    source: 'facts §1.5 (--iface); Go net.InterfaceByName error text',
    samples: [
      'level=warning msg="unable to get global unicast ip from interface name: route ip+net: no such network interface"',
      'failed to get interface eth1: route ip+net: no such network interface',
      // k3s: the interface exists but has no usable (global unicast) address for flannel to use.
      'level=fatal msg="interface eth1 does not have a correct global unicast ip: can\'t find ip for interface eth1"',
    ],
    counterSamples: ['Using interface with name eth0 and address 10.1.0.4'],
  }),
  sig({
    id: 'flannel.rbac-forbidden',
    cause: 'flannel.rbac',
    re: /user \\?"system:serviceaccount:[\w-]+:flannel\\?" cannot|serviceaccount:[\w-]+:flannel[^\n]{0,80}forbidden|error retrieving pod spec for[^\n]{0,600}(forbidden|does not allow access)|failed to patch node[^\n]{0,600}forbidden|failed to acquire lease: the server does not allow access to the requested resource/,
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
    check: 'kubectl auth can-i patch nodes/status --as=system:serviceaccount:kube-flannel:flannel, and from the node curl -k https://<kubernetes Service IP>/version: forbidden means RBAC, a timeout means the path to the API server',
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
    id: 'flannel.vxlan-not-supported',
    cause: 'flannel.backend-unsupported',
    // Not Docker's overlay driver (libnetwork's "sandbox join failed"): its vxlan is another product's network.
    re: /^(?![\s\S]*sandbox join failed)[\s\S]*?(?<key>vxlan[^\n]{0,60}operation not supported|failed to create vxlan (device|interface)|your publicip differs from interface ip|module (vxlan|wireguard) not found|error registering network: operation not supported|wireguard[^\n]{0,60}operation not supported)/,
    anchors: ['vxlan', 'publicip differs', 'module', 'operation not supported', 'wireguard'],
    confidence: 0.9,
    specificity: 93,
    source: 'facts §1.4 (host-gw and NAT), §4.1 (vxlan device), §10.2 (vxlan module)',
    samples: [
      'VXLAN init: operation not supported',
      'Error registering network: failed to create vxlan device: operation not supported',
      "Error registering network: your PublicIP differs from interface IP, meaning that probably you're on a NAT, which is not supported by host-gw backend",
      'modprobe: FATAL: Module vxlan not found in directory /lib/modules/5.15.0-1034-raspi',
      'level=error msg="flannel exited: failed to register flannel network: could not create wireguard interface: operation not supported"',
    ],
    counterSamples: ['VXLAN config: VNI=1 Port=0 GBP=false Learning=false DirectRouting=false'],
  }),
  sig({
    id: 'flannel.embedded-exited-unsupported',
    cause: 'flannel.backend-unsupported',
    // k3s and RKE2 run flannel inside their agent and log its error as "flannel exited: %v" before exiting.
    // A bare "operation not supported" (EOPNOTSUPP) is the kernel refusing the backend's link: netlink cannot
    // create the vxlan (or wireguard) device when the kernel lacks the module.
    re: /flannel exited: operation not supported(?![\w :])/,
    anchors: ['flannel exited'],
    confidence: 0.9,
    specificity: 94,
    check: 'on that node: lsmod | grep vxlan and ls /lib/modules/$(uname -r)/kernel/drivers/net/vxlan* — a kernel without the module (Raspberry Pi Ubuntu needs linux-modules-extra-raspi, some minimal and WSL kernels lack it) needs the modules package, or pick a backend the kernel has (host-gw on one L2 segment)',
    source: 'k3s pkg/agent/flannel/setup.go ("flannel exited: %v"); flannel vxlan device creation (netlink LinkAdd); facts §10.2 (vxlan module)',
    samples: [
      'level=fatal msg="flannel exited: operation not supported"',
      'k3s[1042]: time="2024-02-01T10:00:00Z" level=error msg="flannel exited: operation not supported"',
    ],
    counterSamples: ['level=fatal msg="flannel exited: failed to acquire lease: node \\"a\\" pod cidr not assigned"', 'flannel exited: operation not supported by IPv6 on this host'],
  }),
  sig({
    id: 'flannel.vtep-mac-changed',
    cause: 'flannel.stale-fdb',
    re: /mac address wanted: [\w:]+, but got/,
    anchors: ['mac address wanted'],
    confidence: 0.9,
    specificity: 95,
    source: 'facts §2.1 (MAC guard), §10.5 (systemd MACAddressPolicy)',
    samples: [
      'Error registering network: failed to configure interface flannel.1: flannel.1\'s mac address wanted: 7e:2b:11:aa:01:02, but got: 9a:10:4c:00:3e:77',
      "flannel.1's mac address wanted: 12:c6:65:89:b4:e3, but got: 4a:fe:01:23:45:67",
    ],
    counterSamples: ['VtepMAC 12:c6:65:89:b4:e3'],
  }),
  sig({
    id: 'flannel.add-route-failed',
    check: 'ip route show and bridge fdb show dev flannel.1 on the node against the other nodes\' flannel.alpha.coreos.com/public-ip and backend-data annotations: a route pointing at an old address or MAC is stale state; none at all means flannel could not add it',
    cause: 'flannel.route-missing',
    re: /failed to add vxlanroute|addarp failed|addfdb failed|error adding route to|add l2 failed/,
    anchors: ['vxlanroute', 'addarp failed', 'addfdb failed', 'error adding route to', 'add l2 failed'],
    confidence: 0.75,
    specificity: 85,
    alternatives: ['flannel.stale-fdb', 'flannel.config-invalid'],
    source: 'facts §2.2 (per-node entries), §2.4 (host-gw routes)',
    samples: [
      'failed to add vxlanRoute (10.244.2.0/24 -> 10.244.2.0): network is unreachable',
      'AddFDB failed: no buffer space available',
      'Error adding route to 10.244.3.0/24 via 192.168.10.13: network is unreachable',
    ],
    counterSamples: ['Subnet added: 10.244.2.0/24 via 192.168.10.12'],
  }),
  sig({
    id: 'flannel.add-route-refused',
    check: 'ip route show to match <subnet> and ip -d link show flannel.1 on the node: "file exists" means another route already covers that subnet (an old flannel route, a host or VPN network overlapping the pod network); "invalid argument" means the kernel refused the route itself (flannel.1 down or without an address, a subnet or SubnetLen from net-conf.json that does not fit)',
    cause: 'unknown',
    // The kernel refused the route with EEXIST or EINVAL: not a flannel that failed to act, but a route table
    // or a network config in the way. Which one only the node's routes and net-conf.json tell.
    re: /(failed to add vxlanroute|error adding route to)[^\n]{0,200}?: (invalid argument|file exists)/,
    anchors: ['vxlanroute', 'error adding route to'],
    confidence: 0.5,
    specificity: 86,
    alternatives: ['flannel.config-invalid', 'flannel.route-missing', 'flannel.network-mismatch'],
    source: 'netlink RTM_NEWROUTE errors (EINVAL, EEXIST) in flanneld\'s vxlan and host-gw route handlers',
    samples: [
      'failed to add vxlanRoute (10.244.2.0/24 -> 10.244.2.0): invalid argument',
      'Error adding route to 10.244.3.0/24 via 192.168.10.13: file exists',
    ],
    counterSamples: ['failed to add vxlanRoute (10.244.2.0/24 -> 10.244.2.0): network is unreachable'],
  }),
  sig({
    id: 'flannel.serviceaccount-token-missing',
    check: 'kubectl -n kube-flannel get pod <flannel pod> -o jsonpath=\'{.spec.automountServiceAccountToken} {.spec.serviceAccountName}\' and kubectl -n kube-flannel get sa flannel: the token is mounted only when the ServiceAccount exists and automounting is not off (and the controller-manager signs tokens: --service-account-private-key-file)',
    cause: 'unknown',
    // flanneld's in-cluster client reads the pod's projected service-account token; no file there means the
    // pod got no token at all — before any permission (RBAC) is asked.
    re: /serviceaccount\/token: no such file or directory/,
    anchors: ['serviceaccount/token: no such file'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['flannel.rbac', 'flannel.daemon-down'],
    source: 'client-go rest.InClusterConfig reading /var/run/secrets/kubernetes.io/serviceaccount/token',
    samples: [
      'Failed to create SubnetManager: unable to initialize inclusterconfig: open /var/run/secrets/kubernetes.io/serviceaccount/token: no such file or directory',
      'open /var/run/secrets/kubernetes.io/serviceaccount/token: no such file or directory',
    ],
    counterSamples: ['Failed to create SubnetManager: error retrieving pod spec for \'kube-flannel/kube-flannel-ds-x\': pods "kube-flannel-ds-x" is forbidden'],
  }),
  sig({
    id: 'flannel.in-cluster-env-missing',
    check: 'how the flannel pod was started: the kubelet sets KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT in every pod from the kubernetes Service; an edge runtime (KubeEdge edgecore) or a static manifest run outside the kubelet does not, and flannel there needs --kube-api-url and a kubeconfig instead',
    cause: 'unknown',
    // client-go's in-cluster config needs the two variables the kubelet injects: without them the process
    // runs somewhere that is not an ordinary pod of this cluster, before any permission is asked.
    re: /kubernetes_service_host and kubernetes_service_port must be defined/,
    anchors: ['kubernetes_service_host and kubernetes_service_port'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['flannel.daemon-down', 'flannel.rbac'],
    source: 'client-go rest.InClusterConfig (ErrNotInCluster)',
    samples: [
      'Failed to create SubnetManager: unable to initialize inclusterconfig: unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined',
      'unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined',
    ],
    counterSamples: ['Failed to create SubnetManager: error retrieving pod spec for \'kube-flannel/kube-flannel-ds-x\': the server could not find the requested resource'],
  }),
  sig({
    id: 'node.xtables-lock-busy',
    check: 'who holds /run/xtables.lock on the node (lsof /run/xtables.lock, or many iptables processes at once): kube-proxy, flannel, a firewall daemon and the CNI all take it; callers without -w/--wait fail instead of waiting. Retried calls usually succeed — a steady failure means one holder never lets go',
    cause: 'unknown',
    // iptables exits 4 when the xtables lock is held by another caller (without --wait, or past its wait):
    // a busy node, not a rule flannel or kube-proxy got wrong.
    re: /another app is currently holding the xtables lock|iptables: resource temporarily unavailable/,
    anchors: ['xtables lock', 'resource temporarily unavailable'],
    confidence: 0.4,
    specificity: 97,
    alternatives: ['flannel.ipmasq', 'node.cpu-bound'],
    source: 'iptables xtables_lock(): "Another app is currently holding the xtables lock" (exit status 4)',
    samples: [
      'Another app is currently holding the xtables lock. Perhaps you want to use the -w option?',
      'running [/sbin/iptables -t nat -C POSTROUTING -s 10.244.0.0/16 -j MASQUERADE --wait]: exit status 4: iptables: Resource temporarily unavailable.',
    ],
    counterSamples: ['iptables: No chain/target/match by that name.'],
  }),
  sig({
    id: 'node.iptables-table-init',
    check: 'on the node: lsmod | grep -E "ip_tables|iptable_nat|nf_tables" and iptables --version on the host against the one in flannel\'s image (legacy or nf_tables): a kernel without the table\'s module, or a legacy binary on a kernel or host that runs nf_tables only, cannot open it',
    cause: 'unknown',
    // iptables could not open a table at all: its kernel module or backend is missing, before any rule.
    re: /can't initialize iptables table [`'][a-z]+'/,
    anchors: ["can't initialize iptables table"],
    confidence: 0.4,
    specificity: 97,
    alternatives: ['flannel.ipmasq', 'node.forward-drop'],
    source: 'iptables (libiptc) TC_INIT failure: "can\'t initialize iptables table `%s\': %s" / "Perhaps iptables or your kernel needs to be upgraded"',
    samples: [
      "iptables v1.8.3 (legacy): can't initialize iptables table 'nat': Bad address",
      "iptables v1.8.7 (legacy): can't initialize iptables table 'filter': Table does not exist (do you need to insmod?)",
    ],
    counterSamples: ['iptables: No chain/target/match by that name.'],
  }),
  sig({
    id: 'flannel.masq-failed',
    check: 'iptables -t nat -S FLANNEL-POSTRTG on the node, and which iptables backend is in use (iptables --version: legacy or nf_tables) against the one flannel\'s image uses',
    cause: 'flannel.ipmasq',
    re: /failed to setup masq rules|failed to set up ip masquerade|setting up masking rules[^\n]{0,600}(fail|error)/,
    anchors: ['masq rules', 'ip masquerade', 'masking rules'],
    confidence: 0.85,
    specificity: 97, // above flannel.iptables-failed: a failure that names the masquerade rules is the masquerade
    source: 'facts §2.6, §4.1 (masquerade rules)',
    samples: [
      'Failed to setup masq rules, failed to ensure iptables rules: exit status 4: iptables v1.8.7 (nf_tables): RULE_APPEND failed',
      'Failed to set up IP Masquerade: iptables: No chain/target/match by that name.',
    ],
    counterSamples: ['Setting up masking rules'],
  }),
  sig({
    id: 'flannel.api-unreachable',
    // flanneld exits because it cannot reach the API server through the kubernetes Service address:
    // flannel being down is the symptom; the cause is on that path (kube-proxy rules, firewall,
    // br_netfilter, the node's route), which the text does not name.
    cause: 'unknown',
    re: /(error retrieving pod spec for|failed to create subnetmanager|error waiting for nodecontroller)[^\n]{0,600}(i\/o timeout|connection refused|no route to host|network is unreachable|tls handshake timeout|context deadline exceeded)/,
    anchors: ['error retrieving pod spec', 'subnetmanager', 'nodecontroller'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['node.firewall', 'node.br-netfilter', 'flannel.wrong-iface', 'flannel.daemon-down'],
    check: 'from the node: curl -k https://<kubernetes Service IP>:443/version and curl -k https://<API server address>:6443/version — only the first failing means kube-proxy has not programmed the Service on this node (kube-proxy pod, iptables -t nat -S KUBE-SERVICES); both failing means a firewall or route between the node and the API server',
    source: 'facts §4.1 (SubnetManager cannot reach the API server: kube-proxy, firewall or routing on the node)',
    samples: [
      "Failed to create SubnetManager: error retrieving pod spec for 'kube-flannel/kube-flannel-ds-9xk2p': Get \"https://10.96.0.1:443/api/v1/namespaces/kube-flannel/pods/kube-flannel-ds-9xk2p\": dial tcp 10.96.0.1:443: i/o timeout",
      'Failed to create SubnetManager: error waiting for nodeController to sync state: context deadline exceeded',
    ],
    counterSamples: ["Failed to create SubnetManager: error retrieving pod spec for 'kube-flannel/x': pods \"x\" is forbidden"],
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
    id: 'flannel.vxlan-address-conflict',
    check: 'ip -d addr show flannel.1 against the node\'s current lease in /run/flannel/subnet.env: an address from an old lease means a stale interface — ip link delete flannel.1 and restart the flannel pod',
    cause: 'flannel.stale-fdb',
    re: /link has incompatible addresses|failed to ensure address of interface flannel|already exists with incompatible configuration/,
    anchors: ['incompatible addresses', 'ensure address of interface', 'incompatible configuration'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['flannel.network-mismatch'],
    source: 'facts §4.1, §2.1 (stale flannel.1 left from an older subnet or config; fix: delete flannel.1)',
    samples: [
      'Error registering network: failed to configure interface flannel.1: failed to ensure address of interface flannel.1: link has incompatible addresses. Remove additional addresses and try again.',
      'Error registering network: failed to configure interface flannel.1: failed to ensure address of interface flannel.1: failed to add IP address 10.244.3.0/32 to flannel.1: file exists',
    ],
    counterSamples: ['VXLAN device flannel.1 recreated successfully'],
  }),
  sig({
    id: 'flannel.pod-network-unreachable',
    check: 'ping the target pod IP from its own node, then from the other node; the same from the node to the other node\'s flannel.1 address; then tcpdump -ni <uplink> udp port 8472 on both nodes: packets leaving and not arriving is a firewall on UDP 8472',
    cause: 'flannel.vxlan-blocked',
    // flannel's default Network 10.244.0.0/16 (k3s 10.42.0.0/16): a pod IP that does not answer across nodes.
    re: /dial tcp 10\.(244|42)\.\d+\.\d+:\d+: (i\/o timeout|connect: no route to host|connect: connection timed out)|failed to connect to 10\.(244|42)\.\d+\.\d+ port \d+[^\n]{0,60}(timed out|no route to host)|can't connect to remote host \(10\.(244|42)\.[\d.]+\): (no route to host|connection timed out)/,
    anchors: ['dial tcp 10.244.', 'dial tcp 10.42.', 'to 10.244.', 'to 10.42.', 'host (10.244.', 'host (10.42.'],
    confidence: 0.4,
    specificity: 70,
    alternatives: ['node.firewall', 'flannel.route-missing', 'flannel.wrong-iface', 'flannel.checksum-offload'],
    source: 'facts §10.1 (closed 8472: same-node pods fine, cross-node pod IPs unreachable), §1.2 (default Network)',
    samples: [
      'Get "http://10.244.2.15:8080/metrics": dial tcp 10.244.2.15:8080: i/o timeout',
      'dial tcp 10.42.1.7:9090: connect: no route to host',
      'curl: (28) Failed to connect to 10.244.1.5 port 80 after 129527 ms: Connection timed out',
      "wget: can't connect to remote host (10.244.2.9): No route to host",
    ],
    counterSamples: ['dial tcp 10.96.0.10:53: i/o timeout'],
  }),
  sig({
    id: 'flannel.iptables-failed',
    check: 'the iptables command and exit status in the text: exit status -1 means the iptables process was killed (the flannel container\'s memory limit: kubectl describe pod shows OOMKilled); 1 or 4 means a rule or backend problem (iptables --version, legacy against nf_tables)',
    // flanneld could not run iptables at all: the binary, its backend (legacy against nf_tables), a missing
    // kernel module or the process killed for memory. Its rules are then absent, but what to fix is the
    // iptables on that node, which no cause id names; the missing rules are the candidates.
    cause: 'unknown',
    re: /failed to (ensure|bootstrap|setup|set up) iptables|iptables binary was not found/,
    anchors: ['iptables'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['flannel.ipmasq', 'node.forward-drop', 'flannel.daemon-down'],
    source: 'facts §2.6 (flanneld iptables errors: masquerade and FORWARD rules not installed)',
    samples: [
      'Failed to ensure iptables rules: error setting up rules: failed to apply partial iptables-restore unable to run iptables-restore (, ): exit status 4',
      'Failed to setup IPTables. iptables binary was not found: exec: "iptables": executable file not found in $PATH',
    ],
    counterSamples: ['Starting flannel in iptables mode...'],
  }),
  sig({
    id: 'flannel.mtu-message-too-long',
    check: 'ip link show flannel.1 and the uplink on both nodes: flannel.1 must be the uplink MTU minus 50 (VXLAN); ping -M do -s <size> between pods finds the largest size that passes',
    cause: 'flannel.mtu',
    re: /message too long|frag(mentation)? needed|packet too big|need to frag|dropped packet, size \d+ > \d+/,
    anchors: ['message too long', 'frag needed', 'fragmentation needed', 'packet too big', 'need to frag', 'dropped packet, size'],
    confidence: 0.7,
    specificity: 80,
    alternatives: ['registry.tls-handshake-timeout'],
    source: 'facts §2.5, §10.6 (MTU chain: underlay, FLANNEL_MTU, pod veth); EMSGSIZE and ICMP frag-needed texts',
    samples: [
      'ping: local error: message too long, mtu=1450',
      'write udp 10.244.1.4:41234->10.244.2.9:8125: write: message too long',
      'IP 10.0.0.1 > 10.0.0.2: ICMP 10.0.0.3 unreachable - need to frag (mtu 1400), length 556',
      // A driver dropping a received frame longer than its MTU allows: the sender's MTU is larger.
      'kernel: eth0: dropped packet, size 1564 > 1514',
    ],
    counterSamples: ['mtu 1450 qdisc noqueue state UNKNOWN'],
  }),
  sig({
    id: 'flannel.checksum-dmesg',
    cause: 'flannel.checksum-offload',
    re: /udp: bad checksum\. from [\d.]+:\d+ to [\d.]+:(8472|4789)\b/,
    anchors: ['bad checksum'],
    confidence: 0.95,
    specificity: 95,
    source: 'facts §10.3 (VXLAN checksum bug: UDP: bad checksum … to …:8472)',
    samples: [
      '[ 1234.567890] UDP: bad checksum. From 192.168.1.12:52301 to 192.168.1.11:8472 ulen 126',
      'kernel: UDP: bad checksum. From 10.0.0.7:40000 to 10.0.0.6:8472 ulen 98',
    ],
    counterSamples: ['UDP: bad checksum. From 10.0.0.7:40000 to 10.0.0.6:53 ulen 98'],
  }),
  sig({
    id: 'flannel.checksum-tcpdump',
    cause: 'flannel.checksum-offload',
    // tcpdump -vv verifies UDP checksums and prints the bad ones: on VXLAN's port that is the offload bug — if the
    // capture was taken on the receiving node. On the sender every offloaded packet shows a bad sum (the NIC fills it in later).
    re: /> [\d.]+\.(8472|4789): \[bad udp cksum/,
    anchors: ['bad udp cksum'],
    confidence: 0.75,
    specificity: 94,
    check: 'where the capture was taken: on the receiving node a bad outer checksum is the offload bug (ethtool -K flannel.1 tx-checksum-ip-generic off on the sender fixes it); on the sending node tcpdump sees the sum before the NIC computes it, so capture on the receiver',
    source: 'facts §10.3 (VXLAN checksum bug); tcpdump prints "[bad udp cksum 0x… -> 0x…!]" when -v verification fails',
    samples: [
      '10.0.0.7.40000 > 10.0.0.6.8472: [bad udp cksum 0x1a2b -> 0x3c4d!] OTV, flags [I] (0x08), overlay 0, instance 1',
      'IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 134) 192.168.1.12.52301 > 192.168.1.11.8472: [bad udp cksum 0xffff -> 0x1234!] VXLAN, flags [I] (0x08), vni 1',
    ],
    counterSamples: ['10.0.0.7.40000 > 10.0.0.6.53: [bad udp cksum 0x1a2b -> 0x3c4d!] 1234+ A? example.com. (29)'],
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
    id: 'flannel.pod-not-ready',
    check: 'kubectl -n kube-flannel logs <flannel pod> --previous: its last error names the cause (podCIDR not assigned, forbidden, config parse error, API unreachable)',
    cause: 'flannel.daemon-down',
    re: /kube-flannel[\w-]*[^\n]{0,120}(crashloopbackoff|oomkilled|back-off restarting failed container|imagepullbackoff|errimagepull)|back-off restarting failed container kube-flannel|flanneld is not ready yet|failed to create subnetmanager|error waiting for nodecontroller to sync/,
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
    re: /(failed to retrieve|couldn't fetch|error fetching) network config: (100: key not found|rpc error: code = \w+ desc = etcdserver: key not found|invalid character|unexpected end of json|json: cannot unmarshal)|failed to create subnetmanager: 100: key not found/,
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
    id: 'flannel.network-config-unreadable',
    cause: 'unknown',
    // flanneld retries GetNetworkConfig every second and logs whatever failed; the error after the colon
    // decides. Missing keys and bad JSON are flannel.etcd-network-config; the rest is etcd itself not
    // answering flannel's client (endpoint down or wrong, TLS, or etcd >= 3.4 with the v2 API flannel < 0.17 needs disabled).
    re: /(couldn't fetch|failed to retrieve) network config: /,
    anchors: ['network config: '],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['flannel.config-invalid', 'flannel.daemon-down'],
    check: 'etcdctl --endpoints <flanneld --etcd-endpoints> get <--etcd-prefix>/config (ETCDCTL_API=2 for flannel < 0.17): no answer means flanneld cannot reach etcd (endpoints, TLS flags, or etcd 3.4+ started without --enable-v2); an answer without the key means the config was never written under that prefix',
    source: 'flannel main.go getConfig ("Couldn\'t fetch network config: %s", retried every second); facts §4.1 (Couldn\'t fetch network config: config key missing or etcd unreachable)',
    samples: [
      'E0102 15:23:43.181121    2277 main.go:382] Couldn\'t fetch network config: client: response is invalid json. The endpoint is probably not valid etcd cluster endpoint.',
      'E0726 19:31:55.285460 01136 network.go:53] Failed to retrieve network config: client: etcd cluster is unavailable or misconfigured',
    ],
    counterSamples: ['I0312 08:00:00.000000 1 main.go:386] Found network config - Backend type: vxlan'],
  }),
  sig({
    id: 'flannel.token-unauthorized',
    cause: 'unknown',
    // client-go prints a 401 from the API server as "Unauthorized": the credentials were not accepted at all
    // (authentication), unlike RBAC's 403 "… is forbidden: User … cannot …". A ServiceAccount token the API
    // server no longer accepts — its ServiceAccount deleted and recreated, the signing key (--service-account-key-file)
    // changed, a bound token past its expiry in an old client — or a kubeconfig with stale client certificates.
    re: /(failed to create subnetmanager|error retrieving pod spec for [^\n]{0,120}?|failed to list \*v1\.node)[^\n]{0,40}?: unauthorized\b/,
    anchors: ['unauthorized'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['flannel.rbac', 'flannel.daemon-down'],
    check: 'a 401 is authentication, not RBAC: kubectl -n kube-flannel delete pod <flannel pod> (a fresh pod gets a fresh token); if it persists, kubectl -n kube-flannel get sa flannel and the API server\'s service-account key flags, or the client certificate in the kubeconfig flanneld is given (--kubeconfig-file)',
    source: 'client-go StatusError for HTTP 401 ("Unauthorized"); flanneld kube subnet manager start-up (pod spec, node list)',
    samples: [
      'E0301 10:00:00.000000 1 main.go:230] Failed to create SubnetManager: error retrieving pod spec for \'kube-flannel/kube-flannel-ds-abcde\': Unauthorized',
      'E0301 10:00:00.000000 1 reflector.go:138] failed to list *v1.Node: Unauthorized',
    ],
    counterSamples: ['Failed to create SubnetManager: error retrieving pod spec for \'kube-flannel/kube-flannel-ds-abcde\': pods "kube-flannel-ds-abcde" is forbidden: User "system:serviceaccount:kube-flannel:flannel" cannot get resource "pods"'],
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
    id: 'flannel.backend-not-built',
    cause: 'flannel.backend-unsupported',
    // flanneld knows the backends compiled into it; a real backend name it calls unknown (ipsec, wireguard, udp,
    // a cloud route backend) is one this build or version lacks — the image is for another architecture, older
    // than the backend, or newer than its removal. A misspelt name is net-conf-invalid's.
    // vxlan and host-gw too: flanneld's Windows build registers only some backends, and old releases fewer.
    re: /unknown backend type:? ["']?(vxlan|host-gw|udp|ipsec|wireguard|ipip|alloc|extension|gce|aws-vpc|ali-vpc|tencent-vpc)\b/,
    anchors: ['unknown backend type'],
    confidence: 0.75,
    specificity: 96,
    alternatives: ['flannel.config-invalid'],
    check: 'flanneld --version in the DaemonSet\'s image (and its architecture) against the flannel release notes for that backend; pick a backend this flanneld has (vxlan) or an image that includes it',
    source: 'flannel backend registry (backend.Register per build; "unknown backend type: %v")',
    samples: ['E1003 22:16:36.055597       1 main.go:272] Error fetching backend: unknown backend type: ipsec', 'Error fetching backend: unknown backend type: udp', 'E0312 main.go:289] Error fetching backend: unknown backend type: vxlan'],
    counterSamples: ['Error fetching backend: unknown backend type: vxlna'],
  }),
  sig({
    id: 'flannel.wireguard-tools-missing',
    cause: 'flannel.backend-unsupported',
    // k3s's older "wireguard" flannel backend ran the wg tool on the host (wg genkey, wg set); a node without
    // wireguard-tools cannot run it (the shell's exit status 127, "not found"). wireguard-native needs no tool.
    re: /failed to run command: wg (genkey|pubkey|set|show)\b[^\n]{0,300}(wg: not found|wg: command not found|exit status 127)|exec: \\?"wg\\?": executable file not found/,
    anchors: ['failed to run command: wg ', 'exec: "wg"', 'exec: \\"wg\\"'],
    confidence: 0.9,
    specificity: 94,
    check: 'install wireguard-tools on every node (wg --version), or switch the flannel backend to wireguard-native, which uses the kernel module without the tool',
    source: 'k3s flannel wireguard backend (runs wg genkey | wg pubkey on the host)',
    samples: ['level=fatal msg="flannel exited: failed to run command: wg genkey | tee /var/lib/rancher/k3s/agent/etc/flannel/privatekey | wg pubkey Err: exit status 127 Output: sh: wg: not found"', 'exec: "wg": executable file not found in $PATH'],
    counterSamples: ['exec: "iptables": executable file not found in $PATH'],
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
    id: 'flannel.ipsec-swanctl-missing',
    cause: 'flannel.backend-unsupported',
    // The ipsec backend drives strongSwan's charon daemon through swanctl on the host; k3s stopped bundling
    // strongSwan, so a node without those programs cannot run it.
    re: /no longer includes strongswan|exec: \\?"(swanctl|charon)\\?": executable file not found/,
    anchors: ['strongswan', 'swanctl', 'charon'],
    confidence: 0.9,
    specificity: 94,
    source: 'k3s flannel ipsec backend (strongSwan swanctl/charon on the host)',
    samples: ['level=fatal msg="k3s no longer includes strongswan - please install strongswan\'s swanctl and charon packages on your host: exec: \\"swanctl\\": executable file not found in $PATH"', 'exec: "charon": executable file not found in $PATH'],
    counterSamples: ['exec: "iptables": executable file not found in $PATH'],
  }),
];
