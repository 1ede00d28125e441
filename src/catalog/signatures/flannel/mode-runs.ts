import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What real runs of flanneld v0.28.9 printed in the modes an earlier reading covered least: the etcd subnet manager
 * against a real etcd 3.6.8 (lease revoked, a subnet.env left from another Network, TLS and auth faults), the kube
 * subnet manager against kube-apiserver 1.36.3 with a dual-stack net-conf that lacks IPv6Network, the vxlan device the
 * kernel refuses (VNI out of range, a VNI and port another vxlan device holds, an MTU below the minimum), and the
 * nftables mode on a host or image without the iptables binary. All reproduced in network namespaces.
 */
export const FLANNEL_MODE_RUN_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.ipv6-network-unset',
    cause: 'flannel.config-invalid',
    // With EnableIPv6 and no IPv6Network in net-conf.json the kube subnet manager compares the node's IPv6 podCIDR with
    // the zero network "::/0", which contains nothing: the fault is the missing key, not a podCIDR outside a network.
    re: /subnet \\?"::\/0\\?" specified in the flannel net config doesn't contain/,
    anchors: ['"::/0" specified'],
    confidence: 0.9,
    specificity: 97,
    alternatives: ['flannel.network-mismatch'],
    check: 'net-conf.json in the kube-flannel-cfg ConfigMap: with "EnableIPv6": true it needs "IPv6Network" (the cluster\'s IPv6 pod CIDR, e.g. the second --cluster-cidr of kube-controller-manager)',
    source: 'flannel pkg/subnet/kube/kube.go AcquireLease ("subnet %q specified in the flannel net config doesn\'t contain %q IPv6 PodCIDR of the %q node"); real run of flanneld v0.28.9 with EnableIPv6 and no IPv6Network against a dual-stack node',
    samples: [
      'E1207 14:34:35.418818   10016 main.go:384] Error registering network: failed to acquire lease: subnet "::/0" specified in the flannel net config doesn\'t contain "fd00:10:244:4::/64" IPv6 PodCIDR of the "node-d" node',
      'Error registering network: failed to acquire lease: subnet "::/0" specified in the flannel net config doesn\'t contain "fd00:10:244:4::/64" IPv6 PodCIDR of the "node-d" node',
    ],
    counterSamples: [
      'Error registering network: failed to acquire lease: subnet "fd00:99::/56" specified in the flannel net config doesn\'t contain "fd00:10:244:4::/64" IPv6 PodCIDR of the "node-d" node',
    ],
  }),
  sig({
    id: 'flannel.vxlan-vni-out-of-range',
    cause: 'flannel.config-invalid',
    // The kernel takes a 24-bit VXLAN id: a Backend.VNI of 16777216 or more is refused with ERANGE when flannel creates
    // flannel.<VNI>.
    re: /failed to create vxlan (device|interface): numerical result out of range/,
    anchors: ['numerical result out of range'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['flannel.backend-unsupported'],
    check: 'the Backend "VNI" in net-conf.json (kube-flannel-cfg ConfigMap or etcd <prefix>/config): a VXLAN id is 24 bits, 1 to 16777215',
    source: 'flannel pkg/backend/vxlan/device.go newVXLANDevice (netlink LinkAdd); real run of flanneld v0.28.9 with Backend {"Type":"vxlan","VNI":99999999}',
    samples: [
      'E1207 14:31:21.581245   29245 main.go:384] Error registering network: failed to create vxlan device: numerical result out of range',
      'Error registering network: failed to create vxlan device: numerical result out of range',
    ],
    counterSamples: ['Error registering network: failed to create vxlan device: operation not supported'],
  }),
  sig({
    id: 'flannel.vxlan-vni-port-in-use',
    cause: 'flannel.backend-unsupported',
    // Another vxlan device on the node already holds the same VNI and UDP port: the kernel answers EEXIST, flannel takes
    // that for its own flannel.<VNI> existing, looks it up by name and finds nothing.
    re: /failed to create vxlan (device|interface): link not found/,
    anchors: ['link not found'],
    confidence: 0.7,
    specificity: 95,
    alternatives: ['flannel.config-invalid'],
    check: "ip -d link show type vxlan on the node: a device other than flannel.<VNI> with the same vxlan id and dstport (another CNI's or overlay's leftover); delete it or give flannel another VNI/Port in net-conf.json",
    source: 'flannel pkg/backend/vxlan/device.go ensureLink (EEXIST, then LinkByName); real run of flanneld v0.28.9 next to a vxlan device with id 1 dstport 8472',
    samples: [
      'E1207 14:34:33.836648    9970 main.go:384] Error registering network: failed to create vxlan device: Link not found',
      'E1207 14:34:55.507148   11156 main.go:384] Error registering network: failed to create vxlan device: Link not found',
    ],
    counterSamples: ["Error registering network: failed to create vxlan device: can't locate created vxlan device with index 14"],
  }),
  sig({
    id: 'flannel.vxlan-mtu-rejected',
    cause: 'flannel.mtu',
    // EINVAL from the kernel when flannel creates the vxlan device with an MTU it will not take: a Backend.MTU below the
    // 68-byte minimum, or flannel's own underlay-minus-50 when the chosen interface's MTU is that small.
    re: /failed to create vxlan (device|interface): invalid argument/,
    anchors: ['invalid argument'],
    confidence: 0.7,
    specificity: 95,
    alternatives: ['flannel.config-invalid', 'flannel.backend-unsupported'],
    check: 'ip link show <the interface flannel chose> (its mtu) and the Backend "MTU" in net-conf.json: the vxlan device gets the Backend MTU or the underlay MTU minus 50, and the kernel refuses one below 68',
    source: 'flannel pkg/backend/vxlan/device.go newVXLANDevice (netlink LinkAdd with MTU); real runs of flanneld v0.28.9 with Backend MTU 100 and with an underlay MTU of 100',
    samples: [
      'E1207 14:35:08.343095   11838 main.go:384] Error registering network: failed to create vxlan device: invalid argument',
      'E1207 14:40:41.982640   27911 main.go:384] Error registering network: failed to create vxlan device: invalid argument',
    ],
    counterSamples: ['Error registering network: failed to create vxlan device: operation not supported'],
  }),
  sig({
    id: 'flannel.nft-mode-iptables-cleanup',
    cause: 'flannel.daemon-down',
    // In nftables mode flanneld first removes the iptables rules an earlier run may have left; without the iptables
    // binary that clean-up fails in main.go and flanneld stops. In iptables mode the same words come from iptables.go
    // and flanneld carries on without masquerade (flannel.masq-iptables-missing).
    re: /main\.go:\d+\] failed to setup iptables\. iptables binary was not found/,
    anchors: ['iptables binary was not found'],
    confidence: 0.7,
    specificity: 98,
    alternatives: ['flannel.ipmasq', 'flannel.config-invalid'],
    check: 'inside flannel\'s container or unit: command -v iptables nft — with "EnableNFTables": true flanneld 0.28 still needs the iptables binary to clean up old rules; ship iptables or turn EnableNFTables off',
    source: 'flannel main.go (traffic-manager clean-up before the nftables manager starts, "failed to setup IPTables. iptables binary was not found"); real run of flanneld v0.28.9 with EnableNFTables and a PATH without iptables',
    samples: [
      'E1207 14:39:38.793423   24439 main.go:396] failed to setup IPTables. iptables binary was not found: exec: "iptables": executable file not found in $PATH',
      'E1207 14:39:43.553253   24701 main.go:396] failed to setup IPTables. iptables binary was not found: exec: "iptables": executable file not found in $PATH',
    ],
    counterSamples: ['E1206 21:47:44.688871    1423 iptables.go:442] Failed to setup IPTables. iptables binary was not found: exec: "iptables": executable file not found in $PATH'],
  }),
  sig({
    id: 'flannel.lease-revoked',
    cause: 'unknown',
    // The etcd subnet manager watches its own lease; when the key goes (deleted by hand, or its etcd lease expired while
    // flanneld could not renew it: etcd down, its client certificate expired) flanneld logs this and exits. The line
    // says flannel stopped, not why the lease went: the renew errors before it do.
    re: /lease has been revoked\. shutting down daemon/,
    anchors: ['lease has been revoked'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['flannel.daemon-down', 'registry.tls-expired-or-clock'],
    check: "the flanneld lines before it (\"Error renewing lease\" and its reason) and etcdctl get --prefix <etcd-prefix>/subnets/ (default /coreos.com/network/subnets/): whether the node's lease was deleted by hand or expired while etcd was unreachable; flanneld must be restarted to take a new one",
    source: 'flannel pkg/subnet/etcd/local_manager.go WatchLease ("Lease has been revoked. Shutting down daemon."); real run of flanneld v0.28.9 whose subnet key was deleted from etcd 3.6.8',
    samples: [
      'E1207 14:39:01.116575   22793 local_manager.go:402] Lease has been revoked. Shutting down daemon.',
      'Lease has been revoked. Shutting down daemon.',
    ],
    counterSamples: ['I1207 14:28:40.341419   21657 local_manager.go:399] Waiting for 22h59m58.999903948s to renew lease'],
  }),
  sig({
    id: 'flannel.previous-lease-outside-network',
    cause: 'flannel.network-mismatch',
    // On start flanneld reads FLANNEL_SUBNET from the subnet.env it wrote before; a subnet outside today's Network means
    // the Network changed under the node. flanneld takes a new lease, but cni0 and running pods keep the old range.
    re: /found previously leased subnet \([\d.:a-f/]+\) that is not compatible with the \w+ network config/,
    anchors: ['found previously leased subnet'],
    confidence: 0.6,
    specificity: 95,
    alternatives: ['cni.bridge-ip-conflict'],
    check: 'cat /run/flannel/subnet.env and ip addr show cni0 against net-conf.json\'s Network: after a Network change, delete cni0 (ip link delete cni0) and recreate the pods on that node',
    source: 'flannel pkg/subnet/etcd/local_manager.go tryAcquireLease ("Found previously leased subnet (%v) that is not compatible with the Etcd network config, ignoring"); real run of flanneld v0.28.9 with a subnet.env from 10.50.0.0/16 and Network 10.244.0.0/16',
    samples: [
      'E1207 14:40:09.424404   26179 local_manager.go:193] Found previously leased subnet (10.50.1.0/24) that is not compatible with the Etcd network config, ignoring',
      'local_manager.go:193] Found previously leased subnet (10.50.1.0/24) that is not compatible with the Etcd network config, ignoring',
    ],
    counterSamples: ['I1207 14:28:40.061856   21657 local_manager.go:209] Allocated lease (ip: 10.244.70.0/24 ipv6: ::/0) to current node (10.10.0.1)'],
  }),
  sig({
    id: 'flannel.etcd-client-transport',
    cause: 'unknown',
    // flanneld's etcd client (go.etcd.io/etcd/client/v3) logs its failed calls as zap JSON with the target
    // "etcd-endpoints://…". A handshake cut short, an HTTP/2 preface that never came (plain http:// to a TLS etcd, or
    // https:// to a plain one) or a failed dial is flannel's --etcd-* flags against the etcd server: no cause of the
    // catalog names it. x509 verdicts are left to the TLS signatures, which read them the same for any client.
    re: /"target":"etcd-endpoints:\/\/[^\n]{0,400}"error":"rpc error: code = \w+ desc = [^\n]{0,200}(authentication handshake failed: (?![^\n]{0,120}x509)|error reading server preface|error while dialing)/,
    anchors: ['etcd-endpoints://'],
    confidence: 0.4,
    specificity: 96,
    alternatives: ['flannel.daemon-down'],
    check: "flanneld's --etcd-endpoints (scheme https:// when etcd serves TLS), --etcd-cafile (the CA that signed etcd's serving certificate, which must name the endpoint's host or IP) and --etcd-certfile/--etcd-keyfile (a client certificate etcd's --trusted-ca-file accepts); etcd's own log shows \"rejected connection on client endpoint\" with the reason",
    source: 'go.etcd.io/etcd/client/v3 retry_interceptor.go ("retrying of unary invoker failed"); real runs of flanneld v0.28.9 against etcd 3.6.8 with http:// to a TLS etcd and https:// to a plain one',
    samples: [
      '{"level":"warn","ts":"2026-12-07T14:37:40.290007Z","logger":"etcd-client","caller":"v3@v3.6.13/retry_interceptor.go:68","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0xf39bc467a40/127.0.0.1:2379","peer":"Peer{Addr: <nil>, LocalAddr: <nil>, AuthInfo: <nil>}","method":"/etcdserverpb.KV/Range","attempt":0,"error":"rpc error: code = Canceled desc = latest balancer error: connection error: desc = \\"transport: authentication handshake failed: EOF\\""}',
      '{"level":"warn","ts":"2026-12-07T14:36:53.538195Z","logger":"etcd-client","caller":"v3@v3.6.13/retry_interceptor.go:68","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0x19c31aff32c0/127.0.0.1:2379","peer":"Peer{Addr: <nil>, LocalAddr: <nil>, AuthInfo: <nil>}","method":"/etcdserverpb.KV/Range","attempt":0,"error":"rpc error: code = Canceled desc = latest balancer error: connection error: desc = \\"error reading server preface: EOF\\""}',
    ],
    counterSamples: [
      '{"level":"warn","ts":"2026-12-07T14:36:23.035064Z","logger":"etcd-client","caller":"v3@v3.6.13/retry_interceptor.go:68","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0x2952e9deba40/127.0.0.1:2379","peer":"Peer{Addr: <nil>, LocalAddr: <nil>, AuthInfo: <nil>}","method":"/etcdserverpb.KV/Range","attempt":0,"error":"rpc error: code = Canceled desc = latest balancer error: connection error: desc = \\"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority\\""}',
      '{"level":"warn","logger":"etcd-client","caller":"v3@v3.6.13/retry_interceptor.go:68","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0x315f29901a40/127.0.0.1:2379","method":"/etcdserverpb.KV/Range","attempt":0,"error":"rpc error: code = PermissionDenied desc = etcdserver: permission denied"}',
    ],
  }),
  sig({
    id: 'flannel.udp-backend-port-unusable',
    cause: 'flannel.config-invalid',
    // The (deprecated) udp backend binds its own UDP socket on the public address and Backend.Port (default 8285):
    // EINVAL from bind is a Port outside 1-65535 in net-conf.json.
    re: /failed to start listening on udp socket: listen udp[46]? \S+: bind: invalid argument/,
    anchors: ['failed to start listening on udp socket'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['flannel.backend-unsupported'],
    check: 'the Backend "Port" in net-conf.json (kube-flannel-cfg ConfigMap or etcd <prefix>/config): a UDP port, 1 to 65535 (the udp backend defaults to 8285)',
    source: 'flannel pkg/backend/udp/network_amd64.go (net.ListenUDP, "failed to start listening on UDP socket: %v"); real run of flanneld v0.28.9 with Backend {"Type":"udp","Port":99999}',
    samples: [
      'E1207 14:47:50.748790   17901 main.go:384] Error registering network: failed to start listening on UDP socket: listen udp4 10.10.0.1:99999: bind: invalid argument',
      'Error registering network: failed to start listening on UDP socket: listen udp4 10.10.0.1:99999: bind: invalid argument',
    ],
    counterSamples: ['E1207 14:48:14.503626   19007 main.go:384] Error registering network: failed to start listening on UDP socket: listen udp4 10.10.0.1:8285: bind: address already in use'],
  }),
  sig({
    id: 'flannel.udp-backend-port-taken',
    cause: 'flannel.backend-unsupported',
    // Another process (an old flanneld, another overlay) holds the udp backend's port on the public address.
    re: /failed to start listening on udp socket: listen udp[46]? \S+: bind: address already in use/,
    anchors: ['failed to start listening on udp socket'],
    confidence: 0.75,
    specificity: 95,
    alternatives: ['flannel.config-invalid', 'flannel.daemon-down'],
    check: "ss -ulpn on the node: which process holds the udp backend's port (Backend \"Port\", default 8285); stop it or give flannel another port",
    source: 'flannel pkg/backend/udp/network_amd64.go (net.ListenUDP, "failed to start listening on UDP socket: %v"); real run of flanneld v0.28.9 with 8285 already bound',
    samples: [
      'E1207 14:48:14.503626   19007 main.go:384] Error registering network: failed to start listening on UDP socket: listen udp4 10.10.0.1:8285: bind: address already in use',
      'Error registering network: failed to start listening on UDP socket: listen udp4 10.10.0.1:8285: bind: address already in use',
    ],
    counterSamples: ['Error registering network: failed to start listening on UDP socket: listen udp4 10.10.0.1:99999: bind: invalid argument'],
  }),
];
