import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** The backend and the overlay: VXLAN device, interface selection, routes, FDB, MTU, masquerading (facts §4.1, §10). */
export const BACKEND_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.k3s-check-config-vxlan',
    cause: 'flannel.backend-unsupported',
    // k3s check-config: a kernel without VXLAN cannot run flannel's default backend (host-gw or wireguard-native can).
    re: /config_vxlan: missing \(fail\)/,
    anchors: ['config_vxlan'],
    confidence: 0.85,
    specificity: 90,
    check: 'lsmod | grep vxlan on the node: a kernel without CONFIG_VXLAN needs another kernel, or flannel with a backend it can run (--flannel-backend=host-gw on one L2 network, wireguard-native)',
    source: 'k3s check-config (kernel config checks: "- CONFIG_VXLAN: missing (fail)")',
    samples: ['$ k3s check-config\n- CONFIG_VXLAN: missing (fail)\nSTATUS: 1 (fail)', '- CONFIG_VXLAN: missing (fail)'],
    counterSamples: ['- CONFIG_VXLAN: enabled (as module)'],
  }),
  sig({
    id: 'flannel.oom-killed',
    cause: 'flannel.daemon-down',
    // The kernel's OOM killer ending flanneld (its container's memory limit reached): the pod restarts, and while it
    // is down the node's leases, routes and subnet.env are not kept.
    re: /killed process \d+ \(flanneld\)|reaped process \d+ \(flanneld\)|oom-kill:[^\n]{0,300}\btask=flanneld,/,
    anchors: ['(flanneld)', 'task=flanneld,'],
    confidence: 0.85,
    specificity: 95,
    check: 'kubectl -n kube-flannel describe pod <flannel pod on that node>: Last State OOMKilled; raise the kube-flannel container\'s memory limit in the DaemonSet',
    source: 'Linux OOM killer ("Memory cgroup out of memory: Killed process %d (%s)", "oom-kill:… task=%s", "oom_reaper: reaped process")',
    samples: ['Dec 05 10:22:10 node1 kernel: Memory cgroup out of memory: Killed process 18211 (flanneld) total-vm:1410220kB, anon-rss:51980kB', '[ 9012.331502] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=cri-containerd-8a1f3c.scope,mems_allowed=0,task=flanneld,pid=2345,uid=0'],
    // The process that asked for memory is not always the one killed.
    counterSamples: ['Memory cgroup out of memory: Killed process 4021 (java) total-vm:760220kB', 'flanneld invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=-997\nOut of memory: Killed process 30112 (java) total-vm:8812004kB'],
  }),
  sig({
    id: 'flannel.virtual-iface-chosen',
    cause: 'flannel.wrong-iface',
    // flanneld took a bridge or tunnel of the node itself (Docker's docker0, its own cni0 or flannel.1, a libvirt or
    // IPVS dummy device) as the interface to reach other nodes through: its address is not one other nodes can reach.
    // Also an IPv6 link-local address taken as the node's external v6 address: other nodes cannot reach it.
    re: /using interface with name (docker0|cni0|flannel\.\d+|virbr\d+|kube-ipvs0|lxcbr0|lxdbr0|podman0|cbr0|lo) and address|(using interface with name \S+ and v6 address |defaulting external v6 address to interface address \(|using \S+ as external v6 address |external v6 address )fe80:/,
    anchors: ['using interface with name', 'external v6 address'],
    confidence: 0.85,
    specificity: 94,
    check: "the node's real uplink (ip route get <another node's IP>): pass it to flanneld with --iface=<name> or --iface-regex in the DaemonSet's args",
    source: 'flannel main.go ("Using interface with name %s and address %s")',
    samples: ['I1205 09:02:09.331071       1 match.go:304] Defaulting external v6 address to interface address (fe80::5054:ff:fe3a:9c12)', 'I1205 06:00:02.332114       1 main.go:476] Using interface with name docker0 and address 172.17.0.1', 'Using interface with name cni0 and address 10.244.0.1'],
    counterSamples: ['I1205 06:00:02.332114       1 main.go:476] Using interface with name eth0 and address 192.168.56.11'],
  }),
  sig({
    id: 'flannel.vagrant-nat-iface',
    cause: 'flannel.wrong-iface',
    re: /using interface with name \S+ and address 10\.0\.2\.15\b|vxlan id \d+ local 10\.0\.2\.15\b|\bdst 10\.0\.2\.15 self permanent|defaulting external address to interface address \(10\.0\.2\.15\)|using 10\.0\.2\.15 as external (address|interface)|subnet added: \S+ via 10\.0\.2\.15\b|overriding public ip with '10\.0\.2\.15'|public-?ip\b[^\n]*?(\b10\.0\.2\.15\b|[^\S \t\r\f\v](?:[^\n]*[^\S \t\r\f\v]){0,20}?[^\n]*\b10\.0\.2\.15\b)/,
    anchors: ['10.0.2.15'],
    confidence: 0.9,
    specificity: 95,
    alternatives: ['flannel.vxlan-blocked'],
    source: 'facts §10.4 (Vagrant NAT interface 10.0.2.15)',
    samples: [
      '$ bridge fdb show dev flannel.1\n4e:11:8a:0c:93:21 dst 10.0.2.15 self permanent',
      // The node annotation flanneld writes (flannel.alpha.coreos.com/public-ip), listed per node: the NAT address on all of them.
      '$ kubectl get nodes -o custom-columns=NAME:.metadata.name,PUBLICIP:.metadata.annotations.flannel\\.alpha\\.coreos\\.com/public-ip\nNAME       PUBLICIP\nmaster     10.0.2.15\nworker-1   10.0.2.15',
      'I0605 01:30:01.494324       1 main.go:488] Using interface with name enp0s3 and address 10.0.2.15',
      'I1201 12:00:00.000000 1 main.go:531] Defaulting external address to interface address (10.0.2.15)',
      // older flanneld (main.go of 2016) words the choice of the default interface this way
      'I0621 12:19:09.810994   19445 main.go:205] Using 10.0.2.15 as external interface',
    ],
    counterSamples: ['I0605 01:30:01.494324 1 main.go:488] Using interface with name eth1 and address 192.168.56.11'],
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
    id: 'flannel.iface-no-address',
    cause: 'flannel.wrong-iface',
    // flanneld found the interface but it holds no address of a family it was told to use, and waits: the
    // interface is not the one that carries that family (or is not configured yet), or net-conf.json enables
    // a family (EnableIPv6) this node does not have.
    re: /no ipv[46] addresses found for interface \S+, retrying/,
    anchors: ['addresses found for interface'],
    confidence: 0.65,
    specificity: 92,
    alternatives: ['flannel.config-invalid'],
    check: 'ip -6 addr show <interface> (ip -4 for IPv4) on the node: with no global address there, pick the interface that has one (--iface, --iface-regex or --iface-can-reach) or set EnableIPv6 false in net-conf.json on a cluster without IPv6',
    source: 'flannel main.go (interface selection loop: "no IPv6 addresses found for interface %s, retrying")',
    samples: [
      'W1205 10:00:00.123456       1 main.go:596] no IPv6 addresses found for interface ens3, retrying',
      'no IPv4 addresses found for interface eth1, retrying',
    ],
    counterSamples: ['Using interface with name eth1 and address 192.168.56.11'],
  }),
  sig({
    id: 'flannel.external-iface-gone',
    cause: 'flannel.wrong-iface',
    // flanneld's VXLAN watcher found flannel.1 deleted and, before it recreates it, looks up the external
    // interface it started on: gone means that interface was renamed, removed or rebuilt under flannel (a bond,
    // VLAN or netplan change), so the node's tunnel stays down until flannel runs on an interface that exists.
    re: /external interface \S+ not found, retrying/,
    anchors: ['external interface'],
    confidence: 0.65,
    specificity: 92,
    alternatives: ['flannel.daemon-down'],
    check: 'ip -br link on that node against the interface flannel logged at start ("Using interface with name …"): pin a stable one with --iface, --iface-regex or --iface-can-reach and restart the flannel pod',
    source: 'flannel pkg/backend/vxlan/vxlan_network.go (device recreate loop: "external interface %s not found, retrying in %s")',
    samples: [
      'I1206 10:11:12.123456       1 vxlan_network.go:167] external interface eth1 not found, retrying in 5s',
      'external interface bond0.120 not found, retrying in 1m0s',
    ],
    counterSamples: ['I1206 10:11:12.123456       1 vxlan_network.go:190] VXLAN device flannel.1 recreated successfully'],
  }),
  sig({
    id: 'flannel.iface-mtu-unknown',
    cause: 'flannel.wrong-iface',
    // flanneld sizes flannel.1 from the chosen interface's MTU; an interface that reports none (a dummy, a tunnel
    // or a device still being configured) is not one that carries node-to-node traffic.
    re: /failed to determine mtu for \S+ interface/,
    anchors: ['determine mtu'],
    confidence: 0.7,
    specificity: 92,
    alternatives: ['flannel.mtu'],
    check: 'ip -d link show <interface> on the node: the interface flannel picked must be the one that reaches the other nodes, with its MTU set (pick it with --iface or --iface-can-reach)',
    source: 'flannel pkg/ipmatch/match.go ("failed to determine MTU for %s interface")',
    samples: [
      'E1206 10:11:12.123456       1 main.go:333] Error registering network: failed to determine MTU for eth0 interface',
      'Failed to find any valid interface to use: failed to determine MTU for wg0 interface',
    ],
    counterSamples: ['I1206 10:11:12.123456       1 main.go:488] Using interface with name eth0 and address 10.1.0.4'],
  }),
  sig({
    id: 'flannel.iface-name-missing',
    cause: 'flannel.wrong-iface',
    // Go's net.InterfaceByName: the interface named by --iface (k3s --flannel-iface) does not exist on this node.
    re: /(unable to get global unicast ip from interface name|does not have a correct global unicast ip|can't find ip for interface|interface(?![^\n]{0,80}could not find bridge)[^\n]{0,80}route ip\+net: no such network interface)/,
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
    counterSamples: ['Cannot start container 3f2a: failed to create endpoint web on network bridge: adding interface veth1 to bridge docker0 failed: could not find bridge docker0: route ip+net: no such network interface', 'Using interface with name eth0 and address 10.1.0.4'],
  }),
  sig({
    id: 'flannel.iface-absent-from-host-facts',
    cause: 'flannel.wrong-iface',
    // An installer's template reads the address of the interface named by flannel_iface from the host's facts (Ansible's
    // ansible_facts[<iface>]): "has no attribute '<iface>'" is that interface missing on the host, before flannel runs.
    re: /flannel[_-]iface[\s\S]{0,600}?has no attribute '{1,2}[\w.:-]+/,
    anchors: ['flannel_iface', 'flannel-iface'],
    also: ['has no attribute'],
    confidence: 0.8,
    specificity: 90,
    check: "ip -br link on that host against the inventory's flannel_iface (a group or host variable): the name must be one the host has (eth0, ens18, enp1s0)",
    source: 'Ansible Jinja2 undefined attribute on ansible_facts[<iface>] in installers that template --flannel-iface',
    samples: [
      "fatal: [10.0.0.5]: FAILED! => {\"msg\": \"The task includes an option with an undefined variable. The error was: '{{ '--flannel-iface=' + flannel_iface }}: {{ hostvars[item]['ansible_facts'][flannel_iface]['ipv4']['address'] }}': 'dict object' has no attribute 'eth1'\"}",
      // the same through a YAML callback, which doubles the quotes
      "  msg: '{{ ''--flannel-iface='' + flannel_iface }} --node-ip={{ ansible_facts[flannel_iface][''ipv4''][''address''] }}: ''dict object'' has no attribute ''ens18''.",
    ],
    counterSamples: ["fatal: [10.0.0.5]: FAILED! => {\"msg\": \"'dict object' has no attribute 'k3s_version'\"}"],
  }),
  sig({
    id: 'flannel.vxlan-port-taken',
    cause: 'flannel.backend-unsupported',
    // The kernel refuses a second VXLAN device on the same UDP port and VNI: another overlay on the node (another
    // CNI's VXLAN, Docker Swarm's overlay, a leftover device under another name) holds flannel's port.
    re: /failed to create vxlan (device|interface)[^\n]{0,80}address already in use/,
    anchors: ['vxlan'],
    confidence: 0.6,
    specificity: 94,
    alternatives: ['flannel.config-invalid'],
    check: 'ip -d link show type vxlan and ss -ulpn \'sport = :8472\' on the node: another VXLAN device on flannel\'s port (8472, or the Port in net-conf.json) must go, or flannel must use another Port/VNI',
    source: 'Linux vxlan driver (EADDRINUSE for a second device on the same port and VNI); flannel pkg/backend/vxlan/device.go',
    samples: [
      'E1206 07:11:20.881201       1 main.go:384] Error registering network: failed to create vxlan device: failed to create vxlan interface: address already in use',
      'failed to create vxlan interface: address already in use',
    ],
    counterSamples: ['failed to create vxlan interface: operation not supported'],
  }),
  sig({
    id: 'flannel.vxlan-not-supported',
    cause: 'flannel.backend-unsupported',
    // Not Docker's overlay driver (libnetwork's "sandbox join failed"): its vxlan is another product's network.
    re: /^(?![\s\S]*sandbox join failed)[\s\S]*?(?<key>vxlan[^\n]{0,60}operation not supported|failed to create vxlan (device|interface)(?![^\n]{0,80}(file exists|link not found|operation not permitted|numerical result out of range|invalid argument|address already in use|can't locate created vxlan device|is not vxlan))|your publicip differs from interface ip|failed to open tun device: open \/dev\/net\/tun|module (vxlan|wireguard) not found|error registering network: operation not supported|wireguard[^\n]{0,60}operation not supported|could not create encrypted tunnel interface: operation not supported)/,
    anchors: ['vxlan', 'publicip differs', 'module', 'operation not supported', 'wireguard', 'encrypted tunnel', '/dev/net/tun'],
    confidence: 0.9,
    specificity: 93,
    source: 'facts §1.4 (host-gw and NAT), §4.1 (vxlan device), §10.2 (vxlan module)',
    samples: [
      'VXLAN init: operation not supported',
      'Error registering network: failed to create vxlan device: operation not supported',
      "Error registering network: your PublicIP differs from interface IP, meaning that probably you're on a NAT, which is not supported by host-gw backend",
      'modprobe: FATAL: Module vxlan not found in directory /lib/modules/5.15.0-1034-raspi',
      'level=error msg="flannel exited: failed to register flannel network: could not create wireguard interface: operation not supported"',
      // the wireguard backend's own words for its link
      'flannel exited: failed to register flannel network: could not create encrypted tunnel interface: operation not supported',
    ],
    // flannel's own bookkeeping after the kernel created the device (the link vanished or changed type under it) is not the kernel refusing vxlan.
    counterSamples: ['VXLAN config: VNI=1 Port=0 GBP=false Learning=false DirectRouting=false', "Error registering network: failed to create vxlan device: can't locate created vxlan device with index 14"],
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
    id: 'flannel.peer-entries-old-mac',
    cause: 'flannel.stale-fdb',
    // A user's own words for the mechanism: the other nodes' fdb or neighbour entries for a node's VTEP still
    // hold the MAC its flannel.1 (or flannel-v6.1) had before it was recreated, so the overlay to it is dead.
    re: /\b(fdb|neighbou?r|arp)\b[^\n]{0,200}\bold mac\b|\bold mac\b[^\n]{0,200}\b(fdb|neighbou?r|vtep|flannel(-v6)?\.1)\b|\bstale (fdb|arp|neighbou?r) entr/,
    anchors: ['old mac', 'stale fdb', 'stale arp', 'stale neighbo'],
    confidence: 0.75,
    specificity: 80,
    check: 'on a peer: bridge fdb show dev flannel.1 | grep <node IP> and ip neigh show dev flannel.1 against the node\'s flannel.alpha.coreos.com/backend-data annotation (its VtepMAC) and ip link show flannel.1 on the node itself: a different MAC is stale — restarting flannel on the peers rewrites them; MACAddressPolicy=none for flannel* in systemd-networkd keeps the MAC stable',
    source: 'facts §2.1 (VtepMAC in backend-data), §10.5 (systemd MACAddressPolicy)',
    samples: [
      'On nodes B and C, `bridge fdb show dev flannel-v6.1 | grep <node A\'s node-ip>` has the old MAC address',
      'the other nodes still have a stale fdb entry for flannel.1 pointing at the previous VTEP',
    ],
    counterSamples: ['bridge fdb show dev flannel.1', 'the old machine was replaced by a new one with another MAC'],
  }),
  sig({
    id: 'flannel.route-gateway-not-on-link',
    cause: 'flannel.backend-unsupported',
    // host-gw (and vxlan's DirectRouting) route each peer's pod subnet via the peer's own address; the kernel
    // answers ENETUNREACH when that gateway is on no connected network — the peers are not on one L2 segment,
    // which host-gw needs.
    re: /error adding route to (\{[^}\n]{0,200}\bgw: [0-9a-f.:]+[^}\n]{0,200}\}|\S+ via \S+): network is unreachable/,
    anchors: ['error adding route to'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['flannel.route-missing', 'flannel.wrong-iface'],
    check: 'ip route get <the gateway in the message> on that node: host-gw needs every node on one L2 segment (the peer reachable without a router); across subnets use the vxlan backend (or vxlan with DirectRouting, which falls back to the tunnel), or fix --iface if flannel picked an address on the wrong network',
    source: 'flannel pkg/backend/route_network.go ("Error adding route to %v"), Linux route add via a gateway not on link (ENETUNREACH)',
    samples: [
      'E1203 11:01:08.748375 1 route_network.go:168] Error adding route to {Ifindex: 2 Dst: 10.244.2.0/24 Src: <nil> Gw: 172.16.20.11 Flags: [] Table: 0 Realm: 0}: network is unreachable',
      'Error adding route to 10.244.3.0/24 via 192.168.10.13: network is unreachable',
    ],
    counterSamples: ['failed to add vxlanRoute (10.244.2.0/24 -> 10.244.2.0): network is unreachable'],
  }),
  sig({
    id: 'flannel.add-route-failed',
    check: 'ip route show and bridge fdb show dev flannel.1 on the node against the other nodes\' flannel.alpha.coreos.com/public-ip and backend-data annotations: a route pointing at an old address or MAC is stale state; none at all means flannel could not add it',
    cause: 'flannel.route-missing',
    re: /failed to add (v6 )?vxlanroute|error recovering route to|addarp failed|addfdb failed|error adding route to|add l2 failed/,
    anchors: ['vxlanroute', 'error recovering route to', 'addarp failed', 'addfdb failed', 'error adding route to', 'add l2 failed'],
    confidence: 0.75,
    specificity: 85,
    // host-gw adds a route via each peer's address, which the kernel refuses unless that peer is on the same L2.
    alternatives: ['flannel.stale-fdb', 'flannel.config-invalid', 'flannel.backend-unsupported'],
    source: 'facts §2.2 (per-node entries), §2.4 (host-gw routes)',
    samples: [
      'failed to add vxlanRoute (10.244.2.0/24 -> 10.244.2.0): network is unreachable',
      'AddFDB failed: no buffer space available',
    ],
    counterSamples: ['Subnet added: 10.244.2.0/24 via 192.168.10.12'],
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
    id: 'flannel.vxlan-address-conflict',
    check: 'ip -d addr show flannel.1 against the node\'s current lease in /run/flannel/subnet.env: an address from an old lease means a stale interface — ip link delete flannel.1 and restart the flannel pod',
    cause: 'flannel.stale-fdb',
    // Not device.go's "%q already exists with incompatible configuration: …; recreating device": a warning after which
    // flanneld deletes and recreates the device itself.
    // An address the kernel refuses for privileges (EPERM, EACCES) is the process's capabilities, not a stale address.
    re: /link has incompatible addresses|failed to ensure address of interface flannel(?![^\n]{0,200}(permission denied|operation not permitted))/,
    anchors: ['incompatible addresses', 'ensure address of interface'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['flannel.network-mismatch'],
    source: 'facts §4.1, §2.1 (stale flannel.1 left from an older subnet or config; fix: delete flannel.1)',
    samples: [
      'Error registering network: failed to configure interface flannel.1: failed to ensure address of interface flannel.1: link has incompatible addresses. Remove additional addresses and try again.',
      'Error registering network: failed to configure interface flannel.1: failed to ensure address of interface flannel.1: failed to add IP address 10.244.3.0/32 to flannel.1: file exists',
    ],
    counterSamples: ['VXLAN device flannel.1 recreated successfully', 'Error registering network: failed to configure interface flannel.1: failed to ensure address of interface flannel.1: failed to add IP address 10.244.1.0/32 to flannel.1: permission denied', 'W1206 09:23:04.000000       1 device.go:102] "flannel.1" already exists with incompatible configuration: vtep (external) interface: 2 vs 3; recreating device'],
  }),
  sig({
    id: 'flannel.pod-network-unreachable',
    check: 'ping the target pod IP from its own node, then from the other node; the same from the node to the other node\'s flannel.1 address; then tcpdump -ni <uplink> udp port 8472 on both nodes: packets leaving and not arriving is a firewall on UDP 8472',
    cause: 'flannel.vxlan-blocked',
    // flannel's default Network 10.244.0.0/16 (k3s 10.42.0.0/16): a pod IP that does not answer across nodes.
    // netcat's words for the same (openbsd: "connect to %s port %s (%s) failed|timed out", busybox: "nc: %s (%s): %s"),
    // and ping's summary of a pod IP that never answered.
    re: /dial tcp 10\.(244|42)\.\d+\.\d+:\d+: (i\/o timeout|connect: no route to host|connect: connection timed out)|failed to connect to 10\.(244|42)\.\d+\.\d+ port \d+[^\n]{0,60}(timed out|no route to host)|can't connect to remote host \(10\.(244|42)\.[\d.]+\): (no route to host|connection timed out)|connect to 10\.(244|42)\.[\d.]+ port \d+ \(tcp\) (failed: (no route to host|connection timed out)|timed out: operation now in progress)|nc: 10\.(244|42)\.[\d.]+ \(10\.(244|42)\.[\d.]+:\d+\): (operation|connection) timed out|--- 10\.(244|42)\.[\d.]+ ping statistics ---\s+\d+ packets transmitted, 0 (packets )?received(?!, \+\d+ errors)/,
    anchors: ['dial tcp 10.244.', 'dial tcp 10.42.', 'to 10.244.', 'to 10.42.', 'host (10.244.', 'host (10.42.', 'nc: 10.244.', 'nc: 10.42.', '--- 10.244.', '--- 10.42.'],
    confidence: 0.4,
    specificity: 70,
    alternatives: ['node.firewall', 'flannel.route-missing', 'flannel.wrong-iface', 'flannel.checksum-offload'],
    source: 'facts §10.1 (closed 8472: same-node pods fine, cross-node pod IPs unreachable), §1.2 (default Network)',
    samples: [
      'Get "http://10.244.2.15:8080/metrics": dial tcp 10.244.2.15:8080: i/o timeout',
      'dial tcp 10.42.1.7:9090: connect: no route to host',
      'curl: (28) Failed to connect to 10.244.1.5 port 80 after 129527 ms: Connection timed out',
      "wget: can't connect to remote host (10.244.2.9): No route to host",
      'nc: connect to 10.244.1.9 port 80 (tcp) failed: No route to host',
      '/ # nc -zv -w 2 10.42.1.8 5432\nnc: 10.42.1.8 (10.42.1.8:5432): Operation timed out',
      '--- 10.244.2.11 ping statistics ---\n12 packets transmitted, 0 received, 100% packet loss, time 11263ms',
    ],
    // ping's own errors (Destination Host Unreachable, "+N errors") name an ICMP answer, not a silent overlay.
    counterSamples: ['dial tcp 10.96.0.10:53: i/o timeout', '--- 10.244.3.4 ping statistics ---\n3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2043ms'],
  }),
  sig({
    id: 'flannel.mtu-message-too-long',
    check: 'ip link show flannel.1 and the uplink on both nodes: flannel.1 must be the uplink MTU minus 50 (VXLAN); ping -M do -s <size> between pods finds the largest size that passes',
    cause: 'flannel.mtu',
    re: /message too long|frag(mentation)? needed|packet too big|need to frag|dropped packet, size \d+ > \d+|packet needs to be fragmented but df set/,
    anchors: ['message too long', 'frag needed', 'fragmentation needed', 'packet too big', 'need to frag', 'dropped packet, size', 'needs to be fragmented'],
    confidence: 0.7,
    specificity: 80,
    alternatives: ['registry.tls-handshake-timeout'],
    source: 'facts §2.5, §10.6 (MTU chain: underlay, FLANNEL_MTU, pod veth); EMSGSIZE and ICMP frag-needed texts',
    samples: [
      'ping: local error: message too long, mtu=1450',
      // Windows ping -f (DF set) with a size the path cannot carry.
      'PS C:\\> ping -f -l 1422 10.244.1.7\nPacket needs to be fragmented but DF set.',
      'write udp 10.244.1.4:41234->10.244.2.9:8125: write: message too long',
      'IP 10.0.0.1 > 10.0.0.2: ICMP 10.0.0.3 unreachable - need to frag (mtu 1400), length 556',
      // A driver dropping a received frame longer than its MTU allows: the sender's MTU is larger.
      'kernel: eth0: dropped packet, size 1564 > 1514',
    ],
    counterSamples: ['mtu 1450 qdisc noqueue state UNKNOWN'],
  }),
  sig({
    id: 'flannel.ipip-mtu-too-small',
    cause: 'flannel.mtu',
    // The ipip backend subtracts its 20-byte header from the interface MTU and refuses an underlay too small to
    // carry anything after it.
    re: /mtu \d+ of iface \S+ is too small for ipip mode/,
    anchors: ['too small for ipip mode'],
    confidence: 0.85,
    specificity: 93,
    check: 'ip link show <iface> on the node: the underlay MTU is what the message quotes; raise it where the network allows (the cloud or hypervisor setting), or pick the interface that carries full frames with --iface',
    source: 'flannel backend/ipip ("MTU %d of iface %s is too small for ipip mode to work")',
    samples: ['E1205 10:00:00.123456       1 main.go:285] MTU 1400 of iface eth0 is too small for ipip mode to work', 'MTU 68 of iface wg0 is too small for ipip mode to work'],
    counterSamples: ['IPIP config: DirectRouting=false'],
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
    re: /> [\w.-]+\.(8472|4789): \[bad udp cksum/,
    anchors: ['bad udp cksum'],
    confidence: 0.75,
    specificity: 94,
    check: 'where the capture was taken: on the receiving node a bad outer checksum is the offload bug (ethtool -K flannel.1 tx-checksum-ip-generic off on the sender fixes it); on the sending node tcpdump sees the sum before the NIC computes it, so capture on the receiver',
    source: 'facts §10.3 (VXLAN checksum bug); tcpdump prints "[bad udp cksum 0x… -> 0x…!]" when -v verification fails',
    samples: [
      '10.0.0.7.40000 > 10.0.0.6.8472: [bad udp cksum 0x1a2b -> 0x3c4d!] OTV, flags [I] (0x08), overlay 0, instance 1',
      'IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 134) 192.168.1.12.52301 > 192.168.1.11.8472: [bad udp cksum 0xffff -> 0x1234!] VXLAN, flags [I] (0x08), vni 1',
      // without -n tcpdump prints the hosts' names
      'node-b.lan.33012 > node-a.lan.4789: [bad udp cksum 0xffff -> 0x51ce!] VXLAN, flags [I] (0x08), vni 4096',
    ],
    counterSamples: ['10.0.0.7.40000 > 10.0.0.6.53: [bad udp cksum 0x1a2b -> 0x3c4d!] 1234+ A? example.com. (29)'],
  }),
  sig({
    id: 'flannel.backend-not-built',
    cause: 'flannel.backend-unsupported',
    // flanneld knows the backends compiled into it; a real backend name it calls unknown (ipsec, wireguard, udp,
    // a cloud route backend) is one this build or version lacks — the image is for another architecture, older
    // than the backend, or newer than its removal. A misspelt name is net-conf-invalid's.
    // vxlan and host-gw too: flanneld's Windows build registers only some backends, and old releases fewer.
    re: /unknown backend type:? ["']?(vxlan|host-gw|udp|ipsec|wireguard|ipip|alloc|extension|gce|aws-vpc|ali-vpc|tencent-vpc)(?![\w-])/,
    anchors: ['unknown backend type'],
    confidence: 0.75,
    specificity: 96,
    alternatives: ['flannel.config-invalid'],
    check: 'flanneld --version in the DaemonSet\'s image (and its architecture) against the flannel release notes for that backend; pick a backend this flanneld has (vxlan) or an image that includes it',
    source: 'flannel backend registry (backend.Register per build; "unknown backend type: %v")',
    samples: ['E1003 22:16:36.055597       1 main.go:272] Error fetching backend: unknown backend type: ipsec', 'E0312 main.go:289] Error fetching backend: unknown backend type: vxlan'],
    counterSamples: ['Error fetching backend: unknown backend type: vxlna', 'Error fetching backend: unknown backend type: vxlan-native'],
  }),
  sig({
    id: 'flannel.wireguard-tools-missing',
    cause: 'flannel.backend-unsupported',
    // k3s's older "wireguard" flannel backend ran the wg tool on the host (wg genkey, wg set); a node without
    // wireguard-tools cannot run it (the shell's exit status 127, "not found"). wireguard-native needs no tool.
    re: /failed to run command: wg (genkey|pubkey|set|show)\b[^\n]{0,300}(wg: not found|wg: command not found|exit status 127)|exec: \\?"wg\\?": executable file not found/,
    anchors: ['failed to run command: wg ', 'exec: "wg"'],
    confidence: 0.9,
    specificity: 94,
    check: 'install wireguard-tools on every node (wg --version), or switch the flannel backend to wireguard-native, which uses the kernel module without the tool',
    source: 'k3s flannel wireguard backend (runs wg genkey | wg pubkey on the host)',
    samples: ['level=fatal msg="flannel exited: failed to run command: wg genkey | tee /var/lib/rancher/k3s/agent/etc/flannel/privatekey | wg pubkey Err: exit status 127 Output: sh: wg: not found"', 'exec: "wg": executable file not found in $PATH'],
    counterSamples: ['exec: "iptables": executable file not found in $PATH'],
  }),
  sig({
    id: 'flannel.ipsec-swanctl-missing',
    cause: 'flannel.backend-unsupported',
    // The ipsec backend drives strongSwan's charon daemon through swanctl on the host; k3s stopped bundling
    // strongSwan, so a node without those programs cannot run it.
    // flannel's own lookup of charon ("no valid charon executable found", "Charon daemon not found") says the same.
    re: /no longer includes strongswan|exec: \\?"(swanctl|charon)\\?": executable file not found|no valid charon executable found|charon daemon not found/,
    anchors: ['strongswan', 'swanctl', 'charon'],
    confidence: 0.9,
    specificity: 94,
    source: 'k3s flannel ipsec backend (strongSwan swanctl/charon on the host)',
    samples: [
      'W0312 09:48:53.271906       1 handle_charon.go:271] no valid charon executable found at path : exec: "/usr/libexec/ipsec/charon": stat /usr/libexec/ipsec/charon: no such file or directory','level=fatal msg="k3s no longer includes strongswan - please install strongswan\'s swanctl and charon packages on your host: exec: \\"swanctl\\": executable file not found in $PATH"', 'exec: "charon": executable file not found in $PATH'],
    counterSamples: ['exec: "iptables": executable file not found in $PATH'],
  }),
  sig({
    id: 'flannel.backend-udp-defaulted',
    cause: 'flannel.config-invalid',
    // A net-conf.json without a Backend means udp to flanneld, and releases since udp's removal do not have it: the
    // config, not the node, is what to fix (a Backend of {"Type": "vxlan"}). One that asks for udp by name reads the same.
    re: /unknown backend type:? ["']?udp\b/,
    anchors: ['unknown backend type'],
    confidence: 0.75,
    specificity: 97,
    alternatives: ['flannel.backend-unsupported'],
    check: 'kubectl -n kube-flannel get cm kube-flannel-cfg -o jsonpath=\'{.data.net-conf\\.json}\': it needs "Backend": {"Type": "vxlan"} (or host-gw, wireguard); without a Backend flanneld falls back to udp, which this release no longer has',
    source: 'flannel pkg/subnet/config.go (default backend udp when Backend is absent) and the backend registry ("unknown backend type: %v")',
    samples: ['Error fetching backend: unknown backend type: udp', 'I0507 23:05:00.510034       1 main.go:540] Found network config - Backend type: udp\nE0507 23:05:00.673034       1 main.go:376] Error fetching backend: unknown backend type: udp'],
    counterSamples: ['Error fetching backend: unknown backend type: ipsec'],
  }),
];
