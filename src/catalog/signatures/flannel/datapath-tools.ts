import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What the node's own tools print while the overlay is debugged by hand: iproute2 (ip, bridge), ping, traceroute,
 * netcat, systemd-modules-load and the kernel's VXLAN driver. Each reads by the mechanism its output shows.
 */
export const DATAPATH_TOOL_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.vxlan-module-load-missing',
    cause: 'flannel.backend-unsupported',
    // systemd-modules-load reading a modules-load.d entry for vxlan on a kernel that has no such module: flannel's
    // default backend cannot create flannel.1 there (the br_netfilter form is node.k3s-check-config-kernel's).
    re: /failed to find module '?vxlan'?(?![\w-])/,
    anchors: ['failed to find module'],
    confidence: 0.85,
    specificity: 90,
    check: 'ls /lib/modules/$(uname -r)/kernel/drivers/net/vxlan* on the node: a kernel without the module needs its modules package (linux-modules-extra-*), or flannel with a backend it can run (host-gw on one L2 network, wireguard-native)',
    source: 'systemd src/modules-load/modules-load.c (kmod lookup: "Failed to find module \'%s\'")',
    samples: [
      "Dec 24 07:25:25 edge-pi-4 systemd-modules-load[301]: Failed to find module 'vxlan'",
      "systemd-modules-load[287]: Failed to find module 'vxlan'",
    ],
    counterSamples: ["systemd-modules-load[287]: Failed to find module 'br_netfilter'", "systemd-modules-load[287]: Failed to find module 'vxlan_gpe'"],
  }),
  sig({
    id: 'flannel.vxlan-vni-taken',
    cause: 'flannel.backend-unsupported',
    // The kernel refuses a VXLAN device whose VNI and UDP port another VXLAN device already holds (EEXIST, with its
    // extack text in iproute2). flanneld's ensureLink deletes an incompatible flannel.1 of its own first, so EEXIST on
    // its second LinkAdd means another device (another overlay, a leftover under another name) holds flannel's VNI/port.
    re: /a vxlan device with the specified vni already exists|failed to create vxlan device: failed to create vxlan interface: file exists|vxlan: cannot bind port \d+, err=-98\b/,
    anchors: ['specified vni already exists', 'failed to create vxlan interface: file exists', 'cannot bind port'],
    confidence: 0.6,
    specificity: 94,
    alternatives: ['flannel.config-invalid'],
    check: "ip -d link show type vxlan on the node: another VXLAN device with flannel's VNI (1, or VNI in net-conf.json) and port (8472, or Port) must go, or flannel must use another VNI/Port; ss -ulpn 'sport = :8472' shows a process holding the port",
    source: 'Linux drivers/net/vxlan vxlan_dev_configure (extack "A VXLAN device with the specified VNI already exists", EEXIST); flannel pkg/backend/vxlan/device.go:ensureLink ("failed to create vxlan interface: %v")',
    samples: [
      '# ip link add vxlan-test type vxlan id 1 dstport 8472 dev eth0\nError: A VXLAN device with the specified VNI already exists.',
      'E1206 07:11:20.881201       1 main.go:384] Error registering network: failed to create vxlan device: failed to create vxlan interface: file exists',
    ],
    // Another product's VXLAN link (Network Service Mesh's forwarder) words its own failure the same way.
    counterSamples: ['remote: failed to create connection - failed to create VXLAN interface: file exists', 'Error registering network: failed to create vxlan device: failed to create vxlan interface: operation not supported'],
  }),
  sig({
    id: 'flannel.vxlan-port-udp-refused',
    cause: 'unknown',
    // netcat's UDP probe "refused" means an ICMP port-unreachable came back: the peer answered, but nothing receives
    // on that port there (no flannel.1 on that node, or flannel on another Port) or a REJECT rule answers for it.
    // A VXLAN "succeeded" proves nothing either way; this refusal at least shows the path is open to the host.
    re: /connect to \S+ port (8472|4789) \(udp\) failed: connection refused/,
    anchors: ['(udp) failed: connection refused'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['flannel.daemon-down', 'node.firewall', 'flannel.config-invalid'],
    check: "on the target node: ip -d link show flannel.1 (its dstport) and ss -ulpn 'sport = :8472' — no VXLAN device means flannel is not running there; a device on another port means the nodes' net-conf.json differ; with the device there, iptables -S INPUT for a REJECT that answers for it",
    source: 'netcat-openbsd netcat.c:remote_connect/main (warn "connect to %s port %s (%s) failed"), ECONNREFUSED from ICMP port unreachable',
    samples: [
      '$ nc -vzu 192.168.1.12 8472\nnc: connect to 192.168.1.12 port 8472 (udp) failed: Connection refused',
      'nc: connect to 10.0.0.22 port 4789 (udp) failed: Connection refused',
    ],
    counterSamples: ['nc: connect to 10.96.0.10 port 53 (udp) failed: Connection refused', 'Connection to 192.168.1.12 8472 port [udp/*] succeeded!'],
  }),
  sig({
    id: 'node.ping-output-eperm',
    cause: 'node.firewall',
    // A local packet filter dropping in OUTPUT (iptables/nftables DROP, a firewalld policy) makes the kernel return
    // EPERM to the sender; ping's socket itself was created, so it is not ping's privileges.
    re: /\bping: send(msg|to): operation not permitted/,
    anchors: ['sendmsg: operation not permitted', 'sendto: operation not permitted'],
    confidence: 0.65,
    specificity: 88,
    alternatives: ['node.forward-drop'],
    check: 'iptables -S OUTPUT and nft list ruleset on the node the ping runs from: a DROP or REJECT in OUTPUT (or a firewalld policy) for the target address',
    source: 'iputils ping/ping_common.c:pinger (error "sendmsg"), busybox ping (sendto); netfilter NF_DROP in LOCAL_OUT returns EPERM',
    samples: ['$ ping -c1 10.244.1.5\nping: sendmsg: Operation not permitted', '/ # ping 10.244.2.3\nPING 10.244.2.3 (10.244.2.3): 56 data bytes\nping: sendto: Operation not permitted'],
    counterSamples: ['ping: socket: Operation not permitted', 'ping: sendmsg: Message too large'],
  }),
  sig({
    id: 'node.traceroute-admin-prohibited',
    cause: 'node.firewall',
    // traceroute marks a hop that answered ICMP "communication administratively prohibited" (type 3 code 13) with
    // !X: a filter on that hop rejects the probe (iptables REJECT --reject-with icmp-admin-prohibited, firewalld).
    re: /\b\d+ +[\w.:-]+ [^\n]{0,120}\d ms !x(?!\w)/,
    anchors: ['ms !x'],
    confidence: 0.75,
    specificity: 85,
    check: 'on the hop that answered: iptables -S and nft list ruleset (firewall-cmd --list-all) for the REJECT rule; traffic from the pod network needs an accept before it',
    source: 'traceroute (modern traceroute, traceroute.c: "!X" for ICMP_UNREACH_FILTER_PROHIB)',
    samples: ['$ traceroute -n 10.244.2.9\n 1  10.244.2.0  0.433 ms !X  0.401 ms !X  0.399 ms !X', ' 2  192.168.1.22 (192.168.1.22)  1.201 ms !X  1.133 ms !X  1.101 ms !X'],
    counterSamples: [' 1  192.168.1.22  1.201 ms !H  1.133 ms !H  1.101 ms !H'],
  }),
  sig({
    id: 'flannel.neigh-vtep-unresolved',
    cause: 'flannel.stale-fdb',
    // flanneld writes every peer's VTEP neighbour entry on flannel.1 as PERMANENT; one left INCOMPLETE or FAILED
    // means the kernel had to ARP on the tunnel for a peer whose entry flannel did not write or lost.
    re: /\bdev flannel(-v6)?\.\d+ +(incomplete|failed)\b/,
    anchors: ['dev flannel'],
    confidence: 0.5,
    specificity: 85,
    alternatives: ['flannel.route-missing', 'flannel.daemon-down'],
    check: "flanneld's log on this node for AddARP/AddFDB errors, and bridge fdb show dev flannel.1 against the peers' flannel.alpha.coreos.com/backend-data (VtepMAC) and public-ip annotations: a missing or wrong entry for that peer; restarting the flannel pod rewrites them",
    source: 'iproute2 ip/ipneigh.c:print_neigh (NUD state names); flannel pkg/backend/vxlan/vxlan_network.go (AddARP writes PERMANENT entries)',
    samples: ['$ ip neigh show dev flannel.1\n10.244.2.0 dev flannel.1 INCOMPLETE', '10.42.2.0 dev flannel.1 FAILED'],
    counterSamples: ['10.244.1.0 dev flannel.1 lladdr 5e:89:db:49:c6:a4 PERMANENT'],
  }),
  sig({
    id: 'node.neighbour-table-overflow',
    cause: 'unknown',
    // The kernel's neighbour table (arp_cache for IPv4, ndisc_cache for IPv6) is past gc_thresh3: new entries fail, so
    // traffic to a peer without an entry is dropped, and flanneld's PERMANENT entries on flannel.1 are refused too
    // (its "AddARP failed: no buffer space available"). A node-wide limit, not one cause of the list.
    re: /neighbour: (arp|ndisc)_cache: neighbor table overflow/,
    anchors: ['neighbor table overflow'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['node.packet-loss', 'flannel.route-missing'],
    check: 'on that node: ip -4 neigh show | wc -l (ip -6 for ndisc_cache) against sysctl net.ipv4.neigh.default.gc_thresh3 (net.ipv6.neigh.default.gc_thresh3): at the limit, raise gc_thresh1/2/3 in /etc/sysctl.d/, and look for what fills it (a large flat L2 network, many pods on cni0)',
    source: 'Linux net/core/neighbour.c:neigh_alloc (net_info_ratelimited "%s: neighbor table overflow!")',
    samples: ['Jun 11 11:04:35 k8snode228 kernel: neighbour: arp_cache: neighbor table overflow!', '[ 8812.004411] neighbour: ndisc_cache: neighbor table overflow!'],
    counterSamples: ['nf_conntrack: table full, dropping packet'],
  }),
];
