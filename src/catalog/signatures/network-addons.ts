import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * Other network add-ons' words for the mechanisms the catalog names by flannel's role: the node agent that
 * programs the overlay (calico-node, cilium-agent, weave, antrea-agent, kube-ovn), its address selection, its
 * backend's kernel support, its API permissions and the address pools of their IPAMs. A cluster may run one of
 * them instead of flannel (or beside it, as Canal does); the cause is the same mechanism, and the check names
 * that add-on's own object or command, so these stay below 0.9.
 */
export const NETWORK_ADDON_SIGNATURES: Signature[] = [
  sig({
    id: 'addon.ipam-pool-exhausted',
    cause: 'cni.ipam-exhausted',
    // Every IPAM ends the same way when its pool for the node (or the node's interfaces) is used up: Azure's and
    // Spiderpool's pools, Calico's per-host block limit, the AWS VPC CNI's datastore and ENI attachment limit,
    // Weave's ranges held by peers that are gone (their space is never freed until rmpeer), and the cloud subnet
    // itself full when the AWS VPC CNI asks EC2 for a secondary address (InsufficientFreeAddressesInSubnet).
    re: /failed to allocate address: no available addresses|all ip addresses used( out)?|no ippool available|cannot allocate new block due to per host block limit|datastore has no available ip addresses|does not have available addresses|attachmentlimitexceeded|insufficientcidrblocks|subnet doesn't seem to have enough ips|no free ip available in the prefix|all ip ranges owned by unreachable peers|insufficientfreeaddressesinsubnet/,
    anchors: ['no available addresses', 'all ip addresses used', 'no ippool available', 'per host block limit', 'no available ip addresses', 'does not have available addresses', 'attachmentlimitexceeded', 'insufficientcidrblocks', 'enough ips', 'no free ip available', 'owned by unreachable peers', 'insufficientfreeaddressesinsubnet'],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['flannel.no-pod-cidr'],
    check: 'which IPAM allocates here, and its pool for this node: the plugin\'s own view (calicoctl ipam show --show-blocks, kubectl get ippools.spiderpool.spidernet.io, the aws-node datastore in /var/log/aws-routed-eni/ipamd.log, weave status ipam) against the pods on the node; leaked addresses of deleted sandboxes count until the IPAM releases them',
    source: 'IPAM plugins\' pool-exhausted errors: Azure CNI, Spiderpool, Calico IPAM, AWS VPC CNI ipamd, Weave Net IPAM',
    samples: [
      'failed to setup network for sandbox "ce54": Failed to allocate pool: Failed to delegate: Failed to allocate address: No available addresses',
      'spiderpool IP allocation error: failed to allocate any IPv4 IP address to eth0 from IPPools [default-v4]: all IP addresses used out',
      'networkPlugin cni failed to set up pod "web-0" network: cannot allocate new block due to per host block limit',
      '[INFO] DataStore has no available IP addresses',
      'all IP ranges owned by unreachable peers - use \'rmpeer\' if they are dead',
    ],
    counterSamples: ['IP pool stats: total = 58, used = 12', 'failed to allocate for range 0: no IP addresses available in range set: 10.244.2.1-10.244.2.254'],
  }),
  sig({
    id: 'addon.node-address-autodetect',
    cause: 'flannel.wrong-iface',
    // Calico picks the node's address the way flanneld picks its interface: by autodetection (first-found,
    // interface regexes, can-reach). None matching, or a Docker/libvirt/CNI bridge picked, is the node address
    // selection gone wrong — the tunnel then points at an address other nodes cannot reach or that collides.
    re: /unable to auto-detect (an )?ipv[46] address|using autodetected ipv[46] address on interface (br-[0-9a-f]+|docker\d*|virbr\d+|cni\d+|kube-ipvs0|vxlan\.calico|tunl0|flannel\.\d+|lxdbr\d+)\b|calico node '[^'\n]+' is already using the ipv[46] address/,
    anchors: ['auto-detect', 'using autodetected', 'is already using the ipv'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'the address the node agent chose against the node\'s real one: kubectl get node <node> -o jsonpath={.metadata.annotations} (projectcalico.org/IPv4Address) and ip -br addr on the node; set the detection method (IP_AUTODETECTION_METHOD=interface=<nic> or kubernetes-internal-ip) to the interface that carries node-to-node traffic',
    source: 'Calico node start-up address autodetection (startup/autodetection_methods.go: first-found, interface=, can-reach=)',
    samples: [
      'Unable to auto-detect an IPv4 address using interface regexes [ib0]: no valid host interfaces found',
      '[WARNING][9] startup/autodetection_methods.go 140: Unable to auto-detect IPv4 address by connecting to 2a01:4f8::2: dial udp4: address 2a01:4f8::2: no suitable address found',
      '[INFO][9] startup.go 483: Using autodetected IPv4 address on interface br-d710e33f6c1a: 172.18.0.1/16',
    ],
    counterSamples: ['[INFO][9] startup.go 483: Using autodetected IPv4 address on interface ens192: 10.20.0.11/24'],
  }),
  sig({
    id: 'addon.pod-cidr-empty',
    cause: 'flannel.no-pod-cidr',
    // Antrea's, Cilium's and Calico Felix's (host-local IPAM on the node's podCIDR) words for the empty spec.podCIDR that flannel's kube subnet manager reports as
    // "pod cidr not assigned": the controller-manager does not allocate node CIDRs.
    re: /spec\.podcidr is empty for node|pod ?cidr not present in node resource|failed to parse node podcidr cidr=\\*"\\*"/,
    anchors: ['podcidr is empty', 'not present in node resource', 'failed to parse node podcidr'],
    confidence: 0.85,
    specificity: 94,
    check: 'kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR — empty means the controller-manager runs without --allocate-node-cidrs=true and --cluster-cidr (kubeadm init --pod-network-cidr), or its range is used up',
    source: 'Antrea agent (node route controller) and Cilium agent (kubernetes IPAM) reading node.spec.podCIDR',
    samples: [
      'E0623 03:01:34.748636 1 agent.go:917] "Spec.PodCIDR is empty for Node. Please make sure --allocate-node-cidrs is enabled for kube-controller-manager"',
      'required IPv4 pod CIDR not present in node resource',
      '[WARNING][36] felix/felixnodeprocessor.go 232: Failed to parse Node PodCIDR CIDR="" error=invalid CIDR address:',
    ],
    counterSamples: ['PodCIDR: 10.244.4.0/24'],
  }),
  sig({
    id: 'addon.pool-outside-cluster-cidr',
    cause: 'flannel.network-mismatch',
    // The operator-managed Calico checks its IP pool against the cluster's pod network (kubeadm's podSubnet):
    // the same mismatch as a flannel Network that differs from --cluster-cidr.
    re: /ippool \S+ is not within the platform's configured pod network cidr/,
    anchors: ["platform's configured pod network"],
    confidence: 0.85,
    specificity: 94,
    check: 'the pool against the cluster CIDR: kubectl get installation default -o jsonpath={.spec.calicoNetwork.ipPools} and kubectl -n kube-system get cm kubeadm-config -o yaml | grep podSubnet; one of them must change so the pool lies inside the cluster CIDR',
    source: 'tigera-operator (Installation IPPool validation against the kubeadm configuration)',
    samples: ['Could not resolve CalicoNetwork IPPool and kubeadm configuration: IPPool 192.168.1.96/29 is not within the platform\'s configured pod network CIDR(s)', 'IPPool 10.10.0.0/16 is not within the platform\'s configured pod network CIDR(s) [10.244.0.0/16]'],
    counterSamples: ['IPPool 10.244.0.0/16 created'],
  }),
  sig({
    id: 'addon.agent-not-running',
    cause: 'flannel.daemon-down',
    // Cilium's CNI plugin asks the node's agent over its socket for every sandbox: no socket means no agent on
    // that node (crashing, not scheduled, still starting) — the role flannel's daemon has for its plugin.
    re: /unable to connect to cilium (agent|daemon)|dial unix \/var\/run\/cilium\/cilium\.sock: connect: (no such file or directory|connection refused)/,
    anchors: ['unable to connect to cilium', 'cilium.sock'],
    confidence: 0.8,
    specificity: 94,
    // A cluster that removed Cilium but left its config file first in /etc/cni/net.d reads the same: the
    // runtime still calls cilium-cni, whose agent is gone for good.
    alternatives: ['cni.config-invalid', 'node.not-ready'],
    check: 'is Cilium meant to run here? if so, kubectl -n kube-system get pods -l k8s-app=cilium -o wide --field-selector spec.nodeName=<node>: the agent pod on that node, its restarts and kubectl logs --previous say why it is not serving /var/run/cilium/cilium.sock; if it was removed, ls /etc/cni/net.d on the node: its 05-cilium.conflist left there comes first and must go',
    source: 'Cilium CNI plugin (agent client over /var/run/cilium/cilium.sock)',
    samples: [
      'plugin type="cilium-cni" failed (add): unable to connect to Cilium agent: failed to create cilium agent client after 30.000000 seconds timeout: Get "http://localhost/v1/config": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory',
      'failed to create pod network sandbox: unable to connect to Cilium daemon: failed to create cilium agent client after 30.000000 seconds timeout',
    ],
    counterSamples: ['level=info msg="Serving cilium API at unix:///var/run/cilium/cilium.sock"'],
  }),
  sig({
    id: 'addon.agent-forbidden',
    cause: 'flannel.rbac',
    // The node agent or its controllers reading the API with a ServiceAccount whose ClusterRole lacks a
    // resource (EndpointSlices after an upgrade, a CRD), or with the node's own identity, which the Node
    // authorizer limits to its own objects: the same mechanism as flannel's RBAC.
    // Resources only a network add-on watches (NetworkPolicies, NetworkAttachmentDefinitions, whereabouts'
    // reservations) name the refused client even when its user does not; weave's older client-go says 403 in words.
    re: /user \\?"(system:serviceaccount:[\w-]+:\s?[\w-]*(calico|canal|cilium|weave|antrea|kube-router|kube-ovn|ovn|multus|whereabouts)[\w-]*|system:kube-router)\\?" (groups \[[^\]\n]{0,300}\] )?cannot|cannot (get|list|watch) (resource \\?")?(networkpolicies|network-attachment-definitions|overlappingrangeipreservations)\b|user \\?"system:node:[^"\\\s]+\\?" cannot (get|list|watch) [^\n]{0,80}crd\.projectcalico\.org|error contacting apiserver: the server does not allow access to the requested resource/,
    anchors: ['system:serviceaccount:', 'system:kube-router', 'networkpolicies', 'network-attachment-definitions', 'overlappingrangeipreservations', 'crd.projectcalico.org', 'error contacting apiserver'],
    confidence: 0.8,
    specificity: 94,
    alternatives: ['flannel.daemon-down'],
    check: 'the add-on\'s ClusterRole against the resource it was refused: kubectl auth can-i list <resource> --as=system:serviceaccount:<namespace>:<serviceaccount>; re-apply the manifest of the running version (an upgrade that adds a resource needs its ClusterRole too), and run the agent with its own ServiceAccount, not the node\'s kubeconfig',
    source: 'Kubernetes RBAC 403 for a network add-on\'s ServiceAccount; Node authorizer for a node identity',
    samples: [
      'I0809 17:28:25.628087       1 rbac.go:114] RBAC DENY: user "system:serviceaccount:kube-system:canal" groups ["system:serviceaccounts" "system:authenticated"] cannot "list" resource "nodes" cluster-wide',
      'resources error=endpointslices.discovery.k8s.io is forbidden: User "system:serviceaccount:kube-system:calico-node" cannot list resource "endpointslices" in API group "discovery.k8s.io" at the cluster scope',
      'Failed to list *v1.ServiceAccount: serviceaccounts is forbidden: User "system:serviceaccount:kube-system:calico-kube-controllers" cannot list serviceaccounts at the cluster scope',
      'clusterinformations.crd.projectcalico.org "default" is forbidden: User "system:node:master-1" cannot get clusterinformations.crd.projectcalico.org at the cluster scope',
      'Failed to list *v1.Endpoints: User "system:kube-router" cannot list endpoints at the cluster scope. (get endpoints)',
      'Failed to list *v1.NetworkPolicy: networkpolicies.networking.k8s.io is forbidden: User "nodeclient" cannot list networkpolicies.networking.k8s.io at the cluster scope',
    ],
    counterSamples: ['pods is forbidden: User "system:serviceaccount:default:app" cannot list resource "pods"'],
  }),
  sig({
    id: 'addon.tunnel-kernel-support',
    cause: 'flannel.backend-unsupported',
    // Open vSwitch adds the tunnel port (Geneve, VXLAN, STT) through the kernel's module; without it the kernel
    // answers EAFNOSUPPORT, and Weave's fast datapath says so in words. Like flannel's vxlan backend on a kernel
    // without the vxlan module: the backend cannot work on this node.
    re: /(could not add network device \S+ to ofproto \(|failed to add \S+ as port: )address family not supported by protocol|kernel does not have open vswitch vxlan support|ip link add [^\n]{0,120}\btype (?:vxlan|wireguard|geneve|gre|ipip)\b[\s\S]{0,400}?(?:unknown device type|rtnetlink answers: (?:not supported|operation not supported))|has unmet dependency: custom:kernel-ipsec/,
    anchors: ['address family not supported by protocol', 'open vswitch vxlan support', 'unknown device type', 'rtnetlink answers', 'custom:kernel-ipsec'],
    confidence: 0.8,
    specificity: 93,
    check: 'the tunnel module on that node: lsmod | grep -E "geneve|vxlan|openvswitch" (the module may only need loading); a minimal or custom kernel may lack it (zgrep -E "CONFIG_GENEVE|CONFIG_VXLAN|CONFIG_OPENVSWITCH_" /proc/config.gz), in which case pick a backend the kernel has',
    source: 'Open vSwitch vswitchd tunnel ports (EAFNOSUPPORT from the datapath), Weave Net fast datapath check',
    samples: [
      '2021-01-19T02:20:41.920Z|00089|bridge|WARN|could not add network device ovn-faced1-0 to ofproto (Address family not supported by protocol)',
      'system@ovs-system: failed to add ovn-92c1eb-0 as port: Address family not supported by protocol',
      'Skipping bridge creation of "bridged_fastdp" due to: kernel does not have Open vSwitch VXLAN support: bridge not supported',
      // iproute2 asking the kernel for a link type it was built without (a WireGuard underlay, an IPsec backend's
      // strongSwan without the kernel's IPsec support): the same node-cannot-do-this-backend.
      'error running command: /usr/bin/ip link add dev wg0 type wireguard\nRTNETLINK answers: Not supported',
      "00[LIB] feature CUSTOM:libcharon in critical plugin 'charon' has unmet dependency: CUSTOM:kernel-ipsec",
    ],
    counterSamples: ['bridge|INFO|bridge br-int: added interface ovn-92c1eb-0 on port 3'],
  }),
  sig({
    id: 'addon.direct-route-needs-l2',
    cause: 'flannel.backend-unsupported',
    // Native routing (Cilium's auto-direct-node-routes, like flannel's host-gw) installs a route to each pod
    // CIDR via the other node's address, which must be on the same L2 segment; a gateway on the way means the
    // nodes are in different subnets, where only a tunnelling mode works.
    re: /unable to install direct node route[^\n]{0,300}must be directly reachable/,
    anchors: ['must be directly reachable'],
    confidence: 0.85,
    specificity: 94,
    check: 'the nodes\' subnets: ip route get <other node IP> on a node (a "via" means a router in between); with nodes in several subnets use a tunnel (vxlan/geneve) instead of native routing, as flannel needs vxlan instead of host-gw',
    source: 'Cilium node route installation (auto-direct-node-routes: the next hop must be directly reachable)',
    samples: ['level=warning msg="Unable to install direct node route {Ifindex: 0 Dst: 10.42.0.0/24 Gw: 172.16.30.20}" error="route to destination 172.16.30.20 contains gateway 172.16.30.1, must be directly reachable"', 'Unable to install direct node route {Dst: 10.0.1.0/24 Gw: 192.168.2.10} error="route to destination 192.168.2.10 contains gateway 192.168.1.1, must be directly reachable"'],
    counterSamples: ['level=info msg="Installed direct node route" dst=10.42.0.0/24'],
  }),
  sig({
    id: 'addon.multus-primary-config-missing',
    cause: 'cni.config-missing',
    // Multus generates its config from the node's primary CNI config (the first file in /etc/cni/net.d) and waits
    // for it: until the primary network (flannel, Calico, OVN) has written its file there, it loops.
    re: /attemp?t?ing to find master plugin configuration/,
    anchors: ['to find master plugin configuration'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['flannel.daemon-down'],
    check: 'ls /etc/cni/net.d on that node: Multus needs the primary network\'s config there (its daemon writes it once running: kubectl get pods -A -o wide --field-selector spec.nodeName=<node> for the primary network\'s pod)',
    source: 'Multus entrypoint (generating its config from the primary plugin\'s config file)',
    samples: ['Attemping to find master plugin configuration, attempt 10', 'Attempting to find master plugin configuration, attempt 0'],
    counterSamples: ['Using MASTER_PLUGIN: 10-flannel.conflist'],
  }),
  sig({
    id: 'addon.cni-result-version',
    cause: 'cni.config-invalid',
    // libcni converts each plugin's result to the config's cniVersion; a plugin that only speaks older versions
    // returns a result that cannot be converted up: the config asks for a cniVersion this plugin build lacks.
    re: /cannot convert version \[[^\]\n]*\] to [\d.]+/,
    anchors: ['cannot convert version'],
    confidence: 0.85,
    specificity: 93,
    check: 'the cniVersion in the config file (/etc/cni/net.d) against the versions the plugin binary supports (its VERSION command: echo \'{"cniVersion":"0.4.0"}\' | CNI_COMMAND=VERSION /opt/cni/bin/<plugin>): lower the config\'s cniVersion or install a plugin build that speaks it',
    source: 'containernetworking/cni pkg/types (result version conversion)',
    samples: ['error parsing CNI plugin result "IP4:{IP:{IP:10.3.60.121}}": cannot convert version ["" "0.1.0" "0.2.0"] to 0.4.0', 'cannot convert version ["0.1.0" "0.2.0" "0.3.0" "0.3.1"] to 1.0.0'],
    counterSamples: ['failed to convert major version part "": strconv.Atoi: parsing "": invalid syntax'],
  }),
  sig({
    id: 'addon.macvlan-master-missing',
    cause: 'cni.config-invalid',
    // The macvlan and ipvlan plugins attach to the "master" interface their config names; an empty name or one
    // the node does not have (interface names differ between nodes) fails every pod of that network there.
    re: /failed to lookup master \\?"[^"\n]*\\?": link not found/,
    anchors: ['failed to lookup master'],
    confidence: 0.8,
    specificity: 93,
    check: 'the master in the network\'s config (kubectl get network-attachment-definitions <name> -o yaml, or the file in /etc/cni/net.d) against ip -br link on that node: it must name an interface the node has',
    source: 'containernetworking/plugins macvlan and ipvlan (netlink.LinkByName of the master)',
    samples: ['AddNetwork: failed to lookup master "": Link not found', 'error adding container to network "macvlan-conf": failed to lookup master "eth1": Link not found'],
    counterSamples: ['failed to lookup vxlan device "flannel.1": Link not found'],
  }),
  sig({
    id: 'addon.weave-pmtu-drop',
    cause: 'flannel.mtu',
    // Weave's router knows the path MTU of its tunnel to each peer and drops frames larger than it: pods'
    // interfaces carry a larger MTU than the overlay between the nodes can pass.
    re: /dropping too big frame during forwarding[^\n]{0,100}effective pmtu/,
    anchors: ['dropping too big frame'],
    confidence: 0.85,
    specificity: 94,
    check: 'the pods\' MTU (ip link in a pod) against the effective PMTU the log names: the overlay\'s MTU (WEAVE_MTU, flannel\'s from the underlay) must be the underlay\'s minus the tunnel overhead',
    source: 'Weave Net router (fast datapath / sleeve PMTU check)',
    samples: ['Dropping too big frame during forwarding: frame len: 1450 ; effective PMTU: 1414', '->[10.0.0.2:6783|aa:bb(node-2)]: Dropping too big frame during forwarding: frame len: 8950 ; effective PMTU: 1376'],
    counterSamples: ['effective PMTU 1376'],
  }),
  sig({
    id: 'addon.nad-config-json',
    cause: 'cni.config-invalid',
    // Multus reads a NetworkAttachmentDefinition's spec.config as the delegate's CNI config: JSON that does not
    // parse fails every pod that asks for that network.
    re: /failed to unmarshal spec\.config: /,
    anchors: ['failed to unmarshal spec.config'],
    confidence: 0.9,
    specificity: 94,
    check: 'kubectl get network-attachment-definitions <name> -n <namespace> -o jsonpath={.spec.config} | jq . — the error names the character; fix the JSON in the NAD',
    source: 'Multus (NetworkAttachmentDefinition spec.config parsing)',
    samples: ['GetCNIConfig: err in getCNIConfigFromSpec: failed to unmarshal Spec.Config: invalid character \'}\' looking for beginning of object key string', 'failed to unmarshal Spec.Config: unexpected end of JSON input'],
    counterSamples: ['Spec.Config: {"cniVersion":"0.3.1"}'],
  }),
  sig({
    id: 'addon.chained-prev-result',
    cause: 'cni.config-invalid',
    // A plugin chained after another receives its result as prevResult; a plugin (or a cniVersion in the
    // config) from before chaining refuses the key: the chain's versions do not fit together.
    re: /network configuration does not support key prevresult/,
    anchors: ['does not support key prevresult'],
    confidence: 0.85,
    specificity: 94,
    check: 'the conflist\'s cniVersion and each plugin\'s version in the chain (/etc/cni/net.d, /opt/cni/bin/<plugin> VERSION): every plugin after the first must support prevResult (cniVersion 0.3.0 or later)',
    source: 'CNI chaining (prevResult in the network configuration)',
    samples: ['networkPlugin cni failed to set up pod "app_ns" network: Network configuration does not support key prevResult and value', 'Network configuration does not support key prevResult'],
    counterSamples: ['"prevResult": {"cniVersion": "0.4.0"}'],
  }),
  sig({
    id: 'addon.swarm-advertise-address',
    cause: 'flannel.wrong-iface',
    // Docker's own overlay (swarm, the older cluster-advertise) picks the node's address to advertise the way
    // flanneld picks its interface: none, several, or one the node does not have is the same selection failure.
    re: /cluster-advertise\([^)\n]*\) to be configured with a local ip-address|address to advertise is not recognized as a system address|could not choose an? ip address to advertise/,
    anchors: ['cluster-advertise', 'address to advertise'],
    confidence: 0.8,
    specificity: 93,
    check: 'ip -br addr on the node: pass the address (or interface) that other nodes reach as --advertise-addr (docker swarm init/join) or --cluster-advertise',
    source: 'Docker swarm / libnetwork overlay address selection',
    samples: ['Error response from daemon: could not choose an IP address to advertise since this system has multiple addresses on different interfaces (10.0.2.15 on eth0 and 192.168.56.10 on eth1)', 'Error response from daemon: must specify a listening address because the address to advertise is not recognized as a system address'],
    counterSamples: ['Swarm initialized: current node (abc) is now a manager.'],
  }),
  sig({
    id: 'addon.host-tool-missing',
    cause: 'unknown',
    // A CNI plugin (portmap, firewall, bridge with ipMasq) or the runtime runs the host's iptables, ipset or
    // conntrack; the binary missing on the host is a package to install, not a CNI plugin missing from /opt/cni/bin.
    re: /exec: \\?"(iptables|ip6tables|iptables-restore|ip6tables-restore|iptables-legacy|iptables-nft|ipset|nft|conntrack)\\?": executable file not found/,
    anchors: ['executable file not found'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['cni.plugin-missing', 'node.not-ready'],
    check: 'which iptables (and ipset, conntrack) on the node: install the distribution\'s iptables package (iptables-nft or legacy, matching what kube-proxy uses); minimal images and immutable hosts ship without them',
    source: 'go-iptables and CNI plugins locating the host\'s iptables binaries',
    samples: ['Error adding network: failed to locate iptables: exec: "iptables": executable file not found in $PATH', 'failed to run ipset: exec: "ipset": executable file not found in $PATH'],
    counterSamples: ['failed to find plugin "portmap" in path [/opt/cni/bin]'],
  }),
  sig({
    id: 'addon.weave-router-refused',
    cause: 'flannel.daemon-down',
    // Weave's CNI plugin asks the router on its own node (127.0.0.1:6784) for every address: refused on
    // loopback means no router on that node — the role flannel's daemon has for its plugin. (A remote IPAM
    // backend such as the API server is not this; nor is Antrea's missing cni.sock, which threads settle as a
    // removed add-on's leftover config or an agent stopped by its own podCIDR check.)
    re: /unable to allocate ip address: post \\*"?http:\/\/127\.0\.0\.1:6784\/ip\/[^\n]{0,200}connection refused/,
    anchors: ['127.0.0.1:6784'],
    confidence: 0.75,
    specificity: 94,
    alternatives: ['cni.config-invalid', 'node.not-ready'],
    check: 'is Weave meant to run here? kubectl -n kube-system get pods -l name=weave-net -o wide --field-selector spec.nodeName=<node>: its pod on that node, its restarts and kubectl logs --previous say why nothing listens; if the add-on was removed, its config left first in /etc/cni/net.d (ls there) must go',
    source: 'Weave Net CNI plugin (IPAM over http://127.0.0.1:6784/ip/<container>)',
    samples: [
      'plugin type="weave-net" name="weave" failed (add): unable to allocate IP address: Post "http://127.0.0.1:6784/ip/9c1e": dial tcp 127.0.0.1:6784: connect: connection refused',
      'cni.go:259] Error adding network: unable to allocate IP address: Post http://127.0.0.1:6784/ip/77ab: dial tcp 127.0.0.1:6784: getsockopt: connection refused',
    ],
    counterSamples: ['plugin type="calico" failed (add): error getting ClusterInformation: Get "https://10.96.0.1:443/apis/crd.projectcalico.org/v1/clusterinformations/default": dial tcp 10.96.0.1:443: i/o timeout'],
  }),
  sig({
    id: 'addon.cni-install-denied',
    cause: 'cni.plugin-missing',
    // An add-on's install container copies its plugins into the host's /opt/cni/bin through a hostPath; refused
    // there (SELinux labels, a read-only /opt on immutable hosts), the binaries never land, whatever it logs next.
    re: /(can't create|cannot create regular file) '?(\/host)?\/opt\/cni\/bin\/[^'\n]*'?: (permission denied|read-only file system)/,
    anchors: ["can't create", 'cannot create regular file'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['cni.config-missing'],
    check: 'on the node: ls -lZ /opt/cni/bin and findmnt -T /opt/cni/bin — an SELinux label the container may not write, or a read-only /opt; give the install container a writable CNI bin directory (the distribution\'s documented one) and point the runtime\'s CNI bin_dir at it',
    source: 'CNI install containers (Calico install-cni, flannel\'s install-cni init container) copying into the /opt/cni/bin hostPath',
    samples: [
      "cp: can't create '/host/opt/cni/bin/calico': Permission denied",
      "cp: cannot create regular file '/opt/cni/bin/flannel': Read-only file system",
    ],
    counterSamples: ["cp: can't create '/tmp/x': Permission denied"],
  }),
  sig({
    id: 'addon.calico-cni-datastore-endpoint-empty',
    cause: 'cni.config-invalid',
    // Calico's CNI plugin builds its datastore client from the CNI config's kubeconfig or etcd endpoints: an empty
    // host ("https://") means the config was rendered without the API server's address.
    re: /error creating calico client: host must be a url or a host:port pair/,
    anchors: ['error creating calico client'],
    confidence: 0.8,
    specificity: 95,
    check: 'the kubeconfig the calico CNI config names (on Windows nodes: the KUBERNETES_SERVICE_HOST and kubeconfig the install script wrote): its server: line must hold the API server\'s address',
    source: 'Calico CNI plugin datastore client (client-go rest config: "host must be a URL or a host:port pair")',
    samples: ['failed to setup network for sandbox "aa57": plugin type="calico" failed (add): error creating calico client: host must be a URL or a host:port pair: "https://"', 'plugin type="calico" failed (add): error creating calico client: host must be a URL or a host:port pair: "https://:6443"'],
    counterSamples: ['error creating calico client: connection refused'],
  }),
];
