import type { Cause } from '../types.js';

/** A step that changes what the node does after a reboot: its boot configuration is the operator's (configuration management, images). */
const IP_FORWARD = { key: 'net.ipv4.ip_forward', value: 1 };
const BRIDGE_NF = { key: 'net.bridge.bridge-nf-call-iptables', value: 1 };

/** Infrastructure tier: the node, its kernel, its runtime and the paths between nodes and registries. */
export const INFRASTRUCTURE_CAUSES: Cause[] = [
  {
    id: 'image.disk-full',
    tier: 'infrastructure',
    title: 'Node disk full while pulling or unpacking images',
    explanation:
      'The filesystem holding /var/lib/containerd (or /var/lib/docker) is full: layers cannot be written ("no space left on device"), the kubelet reports DiskPressure and its image garbage collection cannot free enough ("failed to garbage collect required amount of images"). ' +
      'Pods are evicted and new pulls fail on that node.',
    fix: [
      'See what is full: df -h /var/lib/containerd /var/lib/kubelet; du -xsh /var/lib/containerd/* | sort -h',
      'Free space: crictl rmi --prune (unused images), remove old logs, or grow the disk.',
      'Tune kubelet image GC (imageGCHighThresholdPercent / imageGCLowThresholdPercent) and eviction thresholds so that it cleans up before the disk fills.',
    ],
    verify: ['df -h /var/lib/containerd', 'kubectl describe node {node} | grep -i pressure'],
    docs: ['facts.md §4.6 (pull and unpack)'],
  },
  {
    id: 'registry.dns',
    tier: 'infrastructure',
    title: 'The node cannot resolve the registry host',
    explanation:
      'Image pulls run in the node\'s network namespace and use the node\'s /etc/resolv.conf, not CoreDNS. ' +
      'The lookup of the registry host failed there ("lookup <host> on <server>:53: no such host", "server misbehaving", "Temporary failure in name resolution"): the name does not exist in that DNS, the resolver is down, or the node points at a resolver that cannot see it (e.g. a private zone).',
    fix: [
      { text: 'Resolve the name on the node itself', on: 'node', run: 'getent hosts {registryHost}', manual: 'a check: it passes once the resolver is fixed' },
      'Fix the node resolver (resolv.conf, systemd-resolved) or add the registry to /etc/hosts.',
      'Check the spelling of the registry host in the image reference.',
    ],
    verify: ['getent hosts {registryHost}   # on the node', 'cat /etc/resolv.conf'],
    docs: ['facts.md §4.7 (lookup errors)', 'facts.md §9 (pulls do not use CoreDNS)'],
  },
  {
    id: 'registry.tls-handshake-timeout',
    tier: 'infrastructure',
    title: 'TLS handshake with the registry times out',
    explanation:
      'TCP to the registry connects, but the TLS handshake does not finish ("net/http: TLS handshake timeout"). ' +
      'Small packets pass and big ones (the certificate chain) do not: an MTU black hole, a firewall or a TLS-intercepting proxy that stalls, or a very slow link.',
    fix: [
      'Test from the node: curl -v --max-time 20 https://{registryHost}:{port}/v2/ and openssl s_client -connect {registryHost}:{port} -servername {registryHost}',
      'Check the path MTU: ping -M do -s 1472 {registryHost} (lower the interface MTU if it fails).',
      'If a proxy is required, configure it for containerd (HTTPS_PROXY in its systemd unit) and restart it.',
    ],
    verify: ['curl -sv https://{registryHost}:{port}/v2/ -o /dev/null'],
    docs: ['facts.md §4.7 (TLS handshake timeout)'],
  },
  {
    id: 'registry.connect-timeout',
    tier: 'infrastructure',
    title: 'Connection to the registry times out',
    explanation:
      'Packets to the registry are dropped: "dial tcp <ip>:443: i/o timeout", "Client.Timeout exceeded while awaiting headers" or a context deadline during the pull. ' +
      'A firewall, security group or missing route drops the traffic, or the node must use a proxy that is not configured.',
    fix: [
      'Test from the node: curl -v --max-time 10 https://{registryHost}:{port}/v2/',
      'Open egress from the nodes to the registry (TCP 443, or its port) in firewalls and security groups.',
      'If the network requires a proxy, set HTTP_PROXY/HTTPS_PROXY/NO_PROXY for containerd (systemctl edit containerd) and restart it.',
    ],
    verify: ['curl -sv --max-time 10 https://{registryHost}:{port}/v2/ -o /dev/null'],
    docs: ['facts.md §4.7 (i/o timeout, Client.Timeout)'],
  },
  {
    id: 'registry.connection-refused',
    tier: 'infrastructure',
    title: 'Registry refuses or resets the connection',
    explanation:
      'The registry address answered with a TCP reset: nothing listens on that port ("connect: connection refused"), the registry is down, the port is wrong, or a firewall rejects the connection (reset, "no route to host").',
    fix: [
      'Check the registry is running and listens on the port in the image reference: curl -v https://{registryHost}:{port}/v2/',
      'Check the port in the image reference (registry:5000/…) and any mirror endpoint in /etc/containerd/certs.d/{registry}/hosts.toml.',
      'Look for firewall REJECT rules between the node and the registry.',
    ],
    verify: ['nc -vz {registryHost} {port}   # on the node'],
    docs: ['facts.md §4.7 (connection refused)'],
  },
  {
    id: 'registry.tls-untrusted',
    tier: 'infrastructure',
    title: 'Registry certificate is not trusted by the runtime',
    explanation:
      'The registry presents a certificate signed by a CA the container runtime does not trust ("x509: certificate signed by unknown authority"), typically a private CA or a self-signed certificate. ' +
      'Trusting it in a browser or in docker does not help containerd, which reads its own hosts.toml and the system trust store.',
    fix: [
      'Give containerd the CA: put ca.crt in /etc/containerd/certs.d/{registry}/ and write hosts.toml there: server = "https://{registry}" and [host."https://{registry}"] with ca = "/etc/containerd/certs.d/{registry}/ca.crt"',
      'Make sure config_path = "/etc/containerd/certs.d" is set in /etc/containerd/config.toml (registry section), then restart containerd once.',
      'Or add the CA to the system trust store (update-ca-certificates) and restart containerd.',
    ],
    verify: ['openssl s_client -connect {registryHost}:{port} -servername {registryHost} -showcerts </dev/null | openssl x509 -noout -issuer -subject'],
    docs: ['facts.md §4.7 (x509 texts)', 'facts.md §5.1, §5.2 (config_path, hosts.toml ca)'],
  },
  {
    id: 'registry.tls-name-mismatch',
    tier: 'infrastructure',
    title: 'Registry certificate is for another name',
    explanation:
      'The certificate does not cover the host name or IP used in the image reference ("x509: certificate is valid for X, not Y", "doesn\'t contain any IP SANs"), or it has no subjectAltName at all (legacy Common Name, rejected since Go 1.15).',
    fix: [
      'Pull by a name that the certificate lists, or reissue the certificate with that name (and IP, if pulled by IP) in subjectAltName.',
      'Inspect it: openssl s_client -connect {registryHost}:{port} -servername {registryHost} </dev/null | openssl x509 -noout -ext subjectAltName',
    ],
    verify: ['openssl s_client -connect {registryHost}:{port} -servername {registryHost} </dev/null | openssl x509 -noout -ext subjectAltName'],
    docs: ['facts.md §4.7 (x509 texts)'],
  },
  {
    id: 'registry.tls-expired-or-clock',
    tier: 'infrastructure',
    title: 'Registry certificate expired, or the node clock is wrong',
    explanation:
      'The certificate is outside its validity window as seen by the node ("x509: certificate has expired or is not yet valid"). ' +
      'Either it really expired, or the node\'s clock is off (no NTP, a VM restored from a snapshot).',
    fix: [
      'Check the node clock: timedatectl (enable NTP: timedatectl set-ntp true).',
      'Check the certificate dates: openssl s_client -connect {registryHost}:{port} </dev/null | openssl x509 -noout -dates, and renew it if expired.',
    ],
    verify: ['date -u; timedatectl status'],
    docs: ['facts.md §4.7 (certificate has expired or is not yet valid)'],
  },
  {
    id: 'registry.http-to-https',
    tier: 'infrastructure',
    title: 'Registry speaks plain HTTP, the runtime uses HTTPS',
    explanation:
      'The registry serves plain HTTP but the runtime connects with HTTPS ("http: server gave HTTP response to HTTPS client"). ' +
      'Containerd uses HTTPS for every non-local registry unless hosts.toml says http://; Docker\'s insecure-registries setting in daemon.json does not apply to containerd nodes.',
    fix: [
      'On every node write /etc/containerd/certs.d/{registry}/hosts.toml: server = "http://{registry}" and [host."http://{registry}"] with capabilities = ["pull", "resolve"]',
      'Make sure config_path = "/etc/containerd/certs.d" is set in /etc/containerd/config.toml, then restart containerd once.',
      'Better: serve the registry over TLS.',
    ],
    verify: ['crictl pull {image}   # on the node, after the change'],
    docs: ['facts.md §4.7', 'facts.md §5.2 (plain HTTP in hosts.toml)', 'facts.md §5.3 (Docker settings do not apply to containerd)'],
  },
  {
    id: 'registry.proxy',
    tier: 'infrastructure',
    title: 'HTTP(S) proxy problem on the pull path',
    explanation:
      'The runtime sends registry traffic through a proxy and the proxy fails: nothing listens at the proxy address ("proxyconnect tcp: … connection refused"), its name does not resolve, it wants authentication (407), or it intercepts TLS. ' +
      'The proxy comes from HTTP_PROXY/HTTPS_PROXY in containerd\'s (or Docker\'s) service environment.',
    fix: [
      'Show the runtime\'s proxy settings: systemctl show containerd --property=Environment',
      'Fix or remove them in /etc/systemd/system/containerd.service.d/http-proxy.conf (HTTP_PROXY, HTTPS_PROXY, NO_PROXY incl. the cluster and registry hosts), then systemctl daemon-reload && systemctl restart containerd.',
      'Test the proxy the runtime uses (HTTPS_PROXY in systemctl show containerd -p Environment): curl -x "$HTTPS_PROXY" -v https://{registryHost}:{port}/v2/',
    ],
    verify: ['systemctl show containerd --property=Environment'],
    docs: ['facts.md §4.7 (Go net/http)'],
    explains: ['registry.connect-timeout', 'registry.tls-handshake-timeout', 'registry.connection-refused'],
  },
  {
    id: 'registry.mirror-misconfigured',
    tier: 'infrastructure',
    title: 'Registry mirror wrong, unreachable or set for the wrong runtime',
    explanation:
      'Pulls go to a mirror that fails (requests to a mirror carry ?ns=<registry>), or the mirror is configured where the runtime does not read it: Docker\'s daemon.json registry-mirrors on a containerd node, or for registries other than Docker Hub, which Docker mirrors never cover. ' +
      'Containerd also rejects legacy mirrors together with config_path.',
    fix: [
      'Find which runtime the node uses: kubectl get nodes -o wide (CONTAINER-RUNTIME column).',
      'For containerd, configure the mirror in /etc/containerd/certs.d/{registry}/hosts.toml: server = "https://{registryHost}:{port}" plus a [host."https://…"] table for the mirror with capabilities = ["pull", "resolve"]; remove registry.mirrors from config.toml when config_path is set.',
      'Test the mirror from the node: curl -v against its /v2/ endpoint; containerd adds ?ns={registry} to each request.',
    ],
    verify: ['containerd config dump | grep -A3 registry', 'ls /etc/containerd/certs.d/'],
    docs: ['facts.md §5.1 (mirrors vs config_path)', 'facts.md §5.2 (hosts.toml)', 'facts.md §5.3 (Docker mirrors)'],
    // A dead or wrong mirror surfaces as the transport error of the request to it.
    explains: ['registry.connection-refused', 'registry.connect-timeout', 'registry.dns', 'registry.tls-handshake-timeout', 'registry.tls-untrusted', 'registry.tls-name-mismatch', 'registry.tls-expired-or-clock', 'registry.http-to-https', 'registry.server-error'],
  },
  {
    id: 'runtime.unavailable',
    tier: 'infrastructure',
    title: 'Container runtime down or not answering CRI',
    explanation:
      'The kubelet cannot talk to the container runtime: its socket refuses connections or does not exist (containerd stopped or crashed), or the runtime does not serve the CRI API (the cri plugin disabled in containerd\'s config.toml). ' +
      'The node goes NotReady and no pod can start.',
    fix: [
      'Check why it stopped: systemctl status containerd; journalctl -u containerd --since -10m',
      {
        // systemd restarts a crashed containerd only with Restart=always (the upstream unit has it); a stopped one stays down.
        text: 'Start containerd again on the node; the kubelet reconnects to its socket by itself',
        on: 'node',
        run: 'systemctl restart containerd',
        verify: 'systemctl is-active --quiet containerd && test -S /run/containerd/containerd.sock',
      },
      'If the CRI plugin is disabled, remove "cri" from disabled_plugins in /etc/containerd/config.toml (or regenerate it: containerd config default > /etc/containerd/config.toml) and restart containerd.',
      'Check that the kubelet\'s --container-runtime-endpoint matches the socket (unix:///run/containerd/containerd.sock).',
    ],
    verify: ['crictl --runtime-endpoint unix:///run/containerd/containerd.sock info'],
    docs: ['facts.md §5.3 (runtime endpoint)'],
    explains: ['node.not-ready', 'dns.coredns-down', 'flannel.daemon-down'],
  },
  {
    id: 'flannel.vxlan-blocked',
    tier: 'infrastructure',
    title: 'VXLAN (UDP 8472) between nodes is blocked',
    explanation:
      'flannel\'s vxlan backend carries pod traffic between nodes in UDP port 8472. ' +
      'If a host firewall, security group or cloud ACL drops it, pods on the same node talk fine while pods on different nodes (and Service IPs served from other nodes, such as DNS) time out.',
    fix: [
      'Allow UDP 8472 between all nodes: firewall-cmd --permanent --add-port=8472/udp && firewall-cmd --reload (firewalld), ufw allow 8472/udp (ufw), or the cloud security group.',
      'Test it: tcpdump -ni any udp port 8472 on the receiving node while pinging a remote pod.',
    ],
    verify: ['tcpdump -ni any udp port 8472 -c 5'],
    docs: ['facts.md §10.1 (ports)'],
    explains: ['dns.service-unreachable'],
  },
  {
    id: 'flannel.mtu',
    tier: 'infrastructure',
    title: 'MTU too large for the path',
    explanation:
      'VXLAN adds 50 bytes, so flannel.1 and the pods must use an MTU 50 below the underlay\'s (1450 on a 1500 network). ' +
      'If the underlay is smaller than assumed (VPN, cloud overlay, jumbo-frame mismatch), big packets are dropped while small ones pass: pings work, TLS handshakes and large transfers hang.',
    fix: [
      'Check the chain: ip -o link show (the underlay interface, flannel.1, cni0 and the veths); grep FLANNEL_MTU /run/flannel/subnet.env; and the pod eth0 MTU.',
      'Test the path to another node\'s address: ping -M do -s 1422 (1450 − 28), lowering the size until it passes.',
      'Set "MTU" in net-conf.json Backend to the underlay MTU minus the backend\'s overhead (50 for VXLAN over IPv4), or fix the underlay; then restart flannel and re-create the pods.',
    ],
    verify: ['ip -d link show flannel.1 | grep mtu', 'cat /run/flannel/subnet.env'],
    docs: ['facts.md §2.5 (MTU by backend)', 'facts.md §10.6 (MTU checks)'],
    explains: ['registry.tls-handshake-timeout'],
  },
  {
    id: 'flannel.checksum-offload',
    noLabFault:
      "The bug lives in the UDP checksum offload of VXLAN on some drivers and kernels (fixed upstream since): whether it shows depends on the kernel and NIC, not on anything a fault can set, so the lab could only imitate it. Its rules are tested on ethtool -k evidence and capture counters.",
    tier: 'infrastructure',
    title: 'VXLAN checksum offload bug drops cross-node traffic',
    explanation:
      'Some kernels (before 5.7, some RHEL 8 and VMware guests) compute wrong UDP checksums for VXLAN packets when traffic is NATed, e.g. to a Service IP. ' +
      'The receiver drops them ("UDP: bad checksum … to …:8472" in dmesg): pod-to-pod may work while Service traffic across nodes, especially DNS to 10.96.0.10, times out.',
    fix: [
      'Turn off TX checksum offload on the VXLAN device on every node: ethtool -K flannel.1 tx-checksum-ip-generic off',
      'Persist it with a udev rule /etc/udev/rules.d/90-flannel.rules: SUBSYSTEM=="net", ACTION=="add|change|move", ENV{INTERFACE}=="flannel.1", RUN+="/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off"',
      'Longer term, upgrade the kernel (≥ 5.7).',
    ],
    verify: ['ethtool -k flannel.1 | grep tx-checksum-ip-generic', 'dmesg | grep "bad checksum"'],
    docs: ['facts.md §10.3 (checksum bug)'],
    explains: ['dns.service-unreachable'],
  },
  {
    id: 'node.ip-forward',
    tier: 'infrastructure',
    title: 'IP forwarding is off on the node',
    explanation:
      'With net.ipv4.ip_forward = 0 the node does not route between cni0, flannel.1 and its uplink, so pods cannot reach other nodes, Services or the outside. ' +
      'Network managers or a reboot without a persisted sysctl can reset it.',
    fix: [
      { step: 'sysctl.set', data: IP_FORWARD },
      { step: 'sysctl.persist', data: IP_FORWARD },
    ],
    verify: ['sysctl net.ipv4.ip_forward'],
    docs: ['facts.md §10.2 (kernel prerequisites)'],
    explains: ['dns.service-unreachable', 'dns.upstream'],
  },
  {
    id: 'node.br-netfilter',
    tier: 'infrastructure',
    title: 'br_netfilter not loaded or bridge-nf-call-iptables off',
    explanation:
      'Pod traffic crosses the cni0 bridge; only with br_netfilter loaded and net.bridge.bridge-nf-call-iptables = 1 does it pass iptables, where kube-proxy translates Service IPs. ' +
      'Without it Service traffic between pods on the same node (notably DNS to 10.96.0.10) fails, and flanneld ≥ v0.26 exits with "Failed to check br_netfilter".',
    fix: [
      { step: 'module.load', data: { module: 'br_netfilter' } },
      { step: 'sysctl.set', data: BRIDGE_NF },
      { step: 'module.persist', data: { module: 'br_netfilter' } },
      { step: 'sysctl.persist', data: BRIDGE_NF },
    ],
    verify: ['lsmod | grep br_netfilter', 'sysctl net.bridge.bridge-nf-call-iptables'],
    docs: ['facts.md §10.2 (br_netfilter)'],
    explains: ['dns.service-unreachable', 'flannel.daemon-down', 'cni.subnet-env-missing'],
  },
  {
    id: 'node.forward-drop',
    tier: 'infrastructure',
    title: 'iptables FORWARD policy DROP without flannel\'s accept rules',
    explanation:
      'Docker (≥ 1.13) and some hardening set the FORWARD chain policy to DROP. flannel adds FLANNEL-FWD accept rules for the cluster Network unless --iptables-forward-rules=false; without them forwarded pod traffic is dropped.',
    fix: [
      'Check: iptables -S FORWARD | head -3; iptables -S FLANNEL-FWD',
      'Keep flannel\'s --iptables-forward-rules at its default (true) and restart the flannel pod, or add accept rules for the cluster CIDR: iptables -A FORWARD -s 10.244.0.0/16 -j ACCEPT; iptables -A FORWARD -d 10.244.0.0/16 -j ACCEPT',
    ],
    verify: ['iptables -S FORWARD'],
    docs: ['facts.md §2.6 (FLANNEL-FWD)', 'facts.md §10.6'],
    explains: ['dns.service-unreachable', 'dns.upstream'],
  },
  {
    id: 'node.not-ready',
    tier: 'infrastructure',
    title: 'Node is NotReady',
    explanation:
      'The node\'s Ready condition is False or Unknown: the kubelet stopped posting status (down, or cut off from the API server), or it reports the runtime or its network as not ready. ' +
      'Pods are not scheduled there and running ones are evicted after a grace period.',
    fix: [
      'Read the condition message: kubectl describe node {node} | sed -n "/Conditions/,/Addresses/p"',
      'On the node: systemctl status kubelet containerd; journalctl -u kubelet --since -10m',
      'If the kubelet exits at start-up, its last "failed to run Kubelet" line says why: swap on (swapoff -a and drop the swap line from /etc/fstab, or set failSwapOn: false), or a cgroup driver different from the runtime\'s (cgroupDriver in /var/lib/kubelet/config.yaml must match SystemdCgroup in containerd\'s config.toml).',
      'If the message says the network plugin is not ready, fix the CNI cause (cni.config-missing).',
    ],
    verify: ['kubectl get nodes'],
    docs: ['facts.md §4.4 (Ready=False, KubeletNotReady)'],
    // the node lifecycle controller marks the pods of a NotReady node not Ready: its CoreDNS and flannel pods look down
    explains: ['dns.coredns-down', 'flannel.daemon-down'],
  },
  {
    id: 'node.firewall',
    tier: 'infrastructure',
    title: 'Host firewall blocks pod traffic',
    explanation:
      'firewalld, ufw or custom nftables rules on the node reject or drop traffic from or to pods (other than VXLAN itself): forwarded pod traffic, DNS to CoreDNS pods, or traffic to the API server. ' +
      'REJECT rules show up as "no route to host" in clients.',
    fix: [
      'List the rules: iptables-save | grep -Ei "reject|drop"; nft list ruleset; firewall-cmd --list-all; ufw status verbose',
      'Allow the pod and Service CIDRs (e.g. firewall-cmd --permanent --zone=trusted --add-source=10.244.0.0/16 && firewall-cmd --reload), or disable the host firewall on cluster nodes as RKE2 recommends.',
    ],
    verify: ['iptables-save | grep -c REJECT'],
    docs: ['facts.md §10.1 (firewall)'],
    explains: ['dns.service-unreachable', 'dns.upstream'],
  },
  {
    id: 'node.packet-loss',
    tier: 'infrastructure',
    title: 'Packets are lost between the nodes',
    explanation:
      'Packets between two nodes are dropped on the way: by a NIC or its ring buffer, a lossy link, a policer or a saturated switch port, or a socket buffer on the receiver. ' +
      'TCP resends what is lost and halves its window each time, so transfers between pods on the two nodes reach a fraction of the bandwidth while small requests still work.',
    fix: [
      'Find where the drops are counted, on both nodes: ip -s link show (RX/TX dropped and errors of the uplink and flannel.1); dev=$(ip -o route show default | awk \'{print $5; exit}\'); ethtool -S "$dev" | grep -iE "drop|miss|err|fifo"; nstat -az | grep -E "TcpRetransSegs|UdpInErrors|UdpRcvbufErrors"',
      'Ring or socket buffer drops: raise them (ethtool -g "$dev" shows the ring maximum, ethtool -G "$dev" rx N sets it; the socket buffers are the sysctls net.core.rmem_max and net.core.rmem_default). Drops on the path: test the underlay alone (iperf3 between the node addresses, mtr between them) and fix the link, NIC or policer',
    ],
    verify: ['nstat -az TcpRetransSegs UdpInErrors UdpRcvbufErrors', 'ip -s link show'],
  },
  {
    id: 'node.underlay-latency',
    tier: 'infrastructure',
    title: 'The path between the nodes is slow in time',
    explanation:
      'Packets to or from one node take far longer than a LAN takes: a congested or shaped uplink, a NIC or switch port queueing deeply (bufferbloat), a policer or traffic shaper (a tc qdisc on the node, a cloud bandwidth limit), or a route that leaves the site. ' +
      'TCP sends one window per round trip and grows it once per round trip, so every transfer to and from the node, over the overlay as well, is held to a fraction of the link, and every request waits the extra round trips.',
    fix: [
      'Measure the round trip from {node} to each other node (ping -c 20 to its InternalIP): a LAN answers in well under 1 ms, and only the paths through the slow link are slow',
      'Find what holds the packets on the node\'s uplink: a netem, tbf or shaping qdisc left behind, the link\'s speed and duplex, its error counters; then the switch port, a policer or shaper on the path (mtr to another node shows the hop where the delay starts): dev=$(ip -o route show default | awk \'{print $5; exit}\'); tc qdisc show dev "$dev"; ethtool "$dev"; ip -s link show "$dev"',
    ],
    verify: ['tc qdisc show', 'ip -s link show'],
  },
  {
    id: 'node.cpu-bound',
    noLabFault:
      'Whether encapsulation runs out of CPU depends on the machine, its NIC offloads and the load beside it; a fault file could only burn CPU in a loop, which tests nothing the recorded figures do not. The rule is tested on recorded iperf3 and /proc/stat figures.',
    tier: 'infrastructure',
    title: 'The node\'s CPU limits traffic over the overlay',
    explanation:
      'Without VXLAN offload in the NIC, the kernel encapsulates, checksums and decapsulates every packet in software, mostly in softirq on one core per flow. ' +
      'A busy node, or one whose receive work all lands on one core, caps pod-to-pod throughput well below what the wire carries, while node-to-node traffic is still fast.',
    fix: [
      'Watch the CPUs during a transfer: mpstat -P ALL 1 (one core near 100% in %soft or %sys is the encapsulation work)',
      'Spread the receive work over the cores (dev=$(ip -o route show default | awk \'{print $5; exit}\'); more NIC queues: ethtool -L "$dev" combined N; or RPS: echo ff > /sys/class/net/$dev/queues/rx-0/rps_cpus), give the node CPU headroom, or use a NIC with VXLAN offload (ethtool -k "$dev" | grep udp_tnl)',
    ],
    verify: ['mpstat -P ALL 1 5', 'ethtool -k flannel.1 | grep -E "checksum|segmentation"'],
  },
  {
    id: 'dns.node-resolver',
    tier: 'infrastructure',
    title: 'The node\'s own resolver is broken',
    explanation:
      'The node\'s /etc/resolv.conf (or systemd-resolved behind 127.0.0.53) does not resolve names properly: dead or too many nameservers (the kubelet applies at most three: "Nameserver limits were exceeded"), or a stub that cannot reach its upstream. ' +
      'Image pulls use the node\'s resolver, not CoreDNS, and CoreDNS forwards external names to it as well.',
    fix: [
      'Test on the node: getent hosts registry-1.docker.io (or the registry the pods pull from); resolvectl status',
      'Keep at most three working nameservers in the file the kubelet uses (resolvConf in /var/lib/kubelet/config.yaml; /run/systemd/resolve/resolv.conf on systemd-resolved hosts) and fix the DHCP or netplan source that adds more.',
      'Restart the kubelet, then recreate CoreDNS pods so that they pick up the new file.',
    ],
    verify: ['cat /etc/resolv.conf /run/systemd/resolve/resolv.conf', 'getent hosts registry-1.docker.io'],
    docs: ['facts.md §9 (kubelet limits, pulls use the node resolver)'],
    explains: ['registry.dns', 'dns.upstream'],
  },
];
