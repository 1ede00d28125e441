import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Docker Engine's own networking on a node that also runs flannel (cri-dockerd and dockershim nodes, Docker beside
 * containerd, kind, k3d and minikube on Docker), in the words of moby's libnetwork (the bridge driver, its IPAM, the
 * iptables and firewalld code, the embedded DNS and the resolv.conf it writes) and of dockerd's start-up checks of its
 * network options. Docker's own address pools and bridge are not the pod network: a Docker network refused for an
 * overlap, or a daemon option that contradicts another, names no flannel cause, and the corpus reads them as unknown;
 * a daemon that cannot build its network controller at all is down, which is how the corpus reads those.
 */
export const DOCKER_NETWORKING_SIGNATURES: Signature[] = [
  sig({
    id: 'docker.network-controller-failed',
    cause: 'runtime.unavailable',
    // cmd/dockerd stops when libnetwork's controller cannot be built (its bridge, its IPAM state, its firewall):
    // the engine is down, and with it the node's pods under cri-dockerd. A wrapper: the reason after it, when a
    // signature knows it (the iptables backend, br_netfilter, a bridge address, an overlapping network), outranks it.
    re: /(failed to start daemon|error starting daemon): error initializing network controller:/,
    anchors: ['error initializing network controller'],
    confidence: 0.6,
    specificity: 45,
    alternatives: ['node.firewall', 'node.ip-forward'],
    check: 'journalctl -u docker -b on the node: the reason after "Error initializing network controller:" is what to fix (firewalld zones: firewall-cmd --get-active-zones; the docker0 bridge: ip addr show docker0; the saved network state under /var/lib/docker/network/files); systemctl status docker',
    source: 'moby daemon/daemon.go ("Error initializing network controller: %v") under cmd/dockerd ("failed to start daemon: %v")',
    samples: [
      'failed to start daemon: Error initializing network controller: list bridge addresses failed',
      'Dec 27 21:36:07.514557 susetest dockerd[9386]: failed to start daemon: Error initializing network controller: Error creating default "bridge" network: Failed to program NAT chain: INVALID_ZONE: docker',
      'failed to start daemon: Error initializing network controller: Error creating default "bridge" network: libnetwork: Unable to disable IPv6 router advertisement: open /proc/sys/net/ipv6/conf/docker0/accept_ra: read-only file system',
    ],
    counterSamples: ['failed to start daemon: pid file found, ensure docker is not running or delete /var/run/docker.pid'],
  }),
  sig({
    id: 'docker.daemon-start-firewall-or-v6-pool',
    cause: 'runtime.unavailable',
    // At start-up (not on `docker network create`), dockerd exits when it cannot program the default bridge's NAT
    // rules (iptables or firewalld refusing them, an IPv6 prefix handed to iptables, a missing ip6tables nat table)
    // or finds no IPv6 pool for "ipv6": true without fixed-cidr-v6: the engine is down until its configuration or
    // the host's firewall tooling is fixed. Ranked above the firewall-log reading that COMMAND_FAILED would wake and
    // the pool reading of `docker network create`.
    re: /(failed to start daemon|error starting daemon): error initializing network controller:[^\n]{0,600}?(unable to enable nat rule|failed to setup ip tables|failed to program nat chain|command_failed|non-overlapping ipv6 address pool among the defaults)/,
    anchors: ['error initializing network controller'],
    confidence: 0.75,
    specificity: 91,
    alternatives: ['node.firewall'],
    check: 'journalctl -u docker -b on the node: the reason after "Error initializing network controller:"; with firewalld, firewall-cmd --state and --get-active-zones; with "ipv6": true in /etc/docker/daemon.json, a fixed-cidr-v6 (or an IPv6 default-address-pool) must be set, and ip6tables -t nat -L must work on the kernel',
    source: 'moby daemon/daemon.go ("Error initializing network controller: %v"), libnetwork bridge driver ("Unable to enable NAT rule", "Failed to Setup IP tables"), ipam ("could not find an available, non-overlapping IPv6 address pool among the defaults")',
    samples: [
      "dockerd[1158]: failed to start daemon: Error initializing network controller: Error creating default \"bridge\" network: Failed to Setup IP tables: Unable to enable NAT rule:  (COMMAND_FAILED: '/usr/sbin/iptables -w10 -t nat -I POSTROUTING -s fd00:1::/64 ! -o docker0 -j MASQUERADE' failed: iptables v1.8.7 (legacy): invalid mask `64' specified",
      'Error starting daemon: Error initializing network controller: Error creating default "bridge" network: failed to parse pool request for address space "LocalDefault" pool "" subpool "": could not find an available, non-overlapping IPv6 address pool among the defaults to assign to the network',
    ],
    counterSamples: ['Error response from daemon: could not find an available, non-overlapping IPv6 address pool among the defaults to assign to the network'],
  }),
  sig({
    id: 'docker.network-pool-overlap',
    cause: 'unknown',
    // libnetwork refuses a network whose subnet overlaps another of its networks (ErrPoolOverlap, the bridge driver's
    // conflict check), and runs out of default pools (172.17–31.0.0/16 and 192.168.0.0/16 in /20s) when old networks
    // hold them all or routes cover them. Docker's own networks, not the pod network: a Docker range chosen inside
    // flannel's Network (bip, default-address-pools) is where it touches flannel.
    re: /networks have (overlapping ipv[46]|same bridge name)|non-overlapping ipv[46] address pool among the defaults|all predefined address pools have been fully subnetted|pool overlaps with other one on this address space/,
    anchors: ['networks have overlapping', 'networks have same bridge name', 'non-overlapping ipv', 'fully subnetted', 'pool overlaps with other one'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['runtime.unavailable', 'flannel.network-mismatch'],
    check: 'docker network ls and docker network inspect -f "{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{end}}" $(docker network ls -q), beside ip route: old networks nobody uses hold the default pools, or a subnet asked for lies in one already taken; "default-address-pools" and "bip" in /etc/docker/daemon.json must stay outside flannel\'s Network (kubectl -n kube-flannel get cm kube-flannel-cfg -o yaml) and the node\'s LAN',
    source: 'moby libnetwork ipamapi ("Pool overlaps with other one on this address space", "all predefined address pools have been fully subnetted"), bridge driver checkConflict ("networks have overlapping IPv4"); Docker < 27 "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network"',
    samples: [
      'Error response from daemon: could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network',
      'failed to create network shop_default: Error response from daemon: all predefined address pools have been fully subnetted',
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space',
      'failed to start daemon: Error initializing network controller: error creating default "bridge" network: cannot create network 0866bc6b5828 (docker0): conflicts with network a20d7f349c72 (br-a20d7f349c72): networks have overlapping IPv4',
    ],
    counterSamples: ['Error response from daemon: no available IPv4 addresses on this network\'s address pools: bridge (8e3a3f2a1b7c)'],
  }),
  sig({
    id: 'docker.bridge-must-be-created',
    cause: 'unknown',
    // dockerd -b/--bridge (or "bridge" in daemon.json) names a bridge Docker only uses, never creates: kubenet's cbr0
    // or flannel's cni0 set there before the network add-on has made it. Docker's default bridge, not a pod's.
    re: /bridge device with non default name \S+ must be created manually/,
    anchors: ['must be created manually'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['runtime.unavailable'],
    check: 'ip link show <the bridge named> and the "bridge" key in /etc/docker/daemon.json or -b/--bridge in the docker unit (systemctl cat docker): on a flannel node Docker keeps its own docker0, and pods get cni0 from the CNI plugin, so Docker need not name it',
    source: 'moby libnetwork bridge driver setupDevice ("bridge device with non default name %s must be created manually")',
    samples: [
      'level=fatal msg="Error starting daemon: Error initializing network controller: Error creating default \\"bridge\\" network: bridge device with non default name cbr0 must be created manually"',
      'Error response from daemon: bridge device with non default name k8s-br must be created manually',
    ],
    counterSamples: ['Error response from daemon: existing interface docker0 is not a bridge'],
  }),
  sig({
    id: 'docker.network-option-conflict',
    cause: 'unknown',
    // dockerd's start-up validation of its network options: flags that exclude each other (-b with --bip, ICC off
    // without iptables), a fixed-cidr outside the bridge named by -b, a bip that does not parse, default address pools
    // whose base is narrower than the size asked. A daemon.json or unit mistake, settled where the options are set.
    re: /you specified -b & --bip6?, mutually exclusive options|you specified --ip6?tables=false with --icc=false|is outside any subnet implied by addresses on the user-managed default bridge|parse bip6? failed: |could not construct (local|global)( v[46])? address space: |has a smaller prefix \(\/\d+\) than the target size of that pool/,
    anchors: ['mutually exclusive options', 'with --icc=false', 'implied by addresses on the user-managed default bridge', 'parse bip', 'address space: ', 'than the target size of that pool'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['runtime.unavailable'],
    check: 'the options dockerd got: /etc/docker/daemon.json and the ExecStart and drop-ins of the unit (systemctl cat docker), including the DOCKER_OPTS or DOCKER_NETWORK_OPTIONS that flannel\'s old mk-docker-opts.sh wrote to /run/flannel/docker: bridge and bip exclude each other, icc=false needs iptables, each default-address-pools base must be at least as wide as its size',
    source: 'moby daemon/daemon_unix.go verifyDaemonSettings ("You specified -b & --bip, mutually exclusive options. Please specify only one"), initBridgeDriver ("parse bip failed", fixed-cidr check); libnetwork defaultipam ("has a smaller prefix (/%d) than the target size of that pool (/%d)")',
    samples: [
      'level=fatal msg="Error starting daemon: You specified -b & --bip, mutually exclusive options. Please specify only one."',
      'failed to start daemon: You specified --iptables=false with --icc=false. ICC=false uses iptables to function. Please set --icc or --iptables to true',
      'failed to start daemon: fixed-cidr=10.244.5.0/24 is outside any subnet implied by addresses on the user-managed default bridge',
      'failed to start daemon: Error initializing network controller: error obtaining controller instance: could not construct local address space: network at index 0 (10.244.0.0/24) has a smaller prefix (/24) than the target size of that pool (/16)',
    ],
    counterSamples: ['level=info msg="Default bridge (docker0) is assigned with an IP address 172.17.0.0/16. Daemon option --bip can be used to set a preferred IP address"'],
  }),
  sig({
    id: 'docker.default-bridge-gateway-taken',
    cause: 'runtime.unavailable',
    // At start dockerd rebuilds its default bridge from the network state it saved (local-kv.db) and asks its IPAM
    // for the bridge's gateway: an address the saved state still holds, or a pool with no room left (a bip changed
    // under it), stops the daemon. Docker's own bridge, not pod addresses: the engine is what is down.
    re: /(error creating default \\?"bridge\\?" network|error initializing network controller)[\s\S]{0,200}?failed to allocate gateway \([^)\n]*\): (no available addresses on this pool|address already in use)/,
    anchors: ['failed to allocate gateway'],
    confidence: 0.7,
    specificity: 96,
    alternatives: ['cni.ipam-exhausted'],
    check: 'ip addr show docker0 against "bip" in /etc/docker/daemon.json (or the --bip flannel\'s /run/flannel/docker hands dockerd), and the saved state in /var/lib/docker/network/files/local-kv.db: a gateway recorded there from an earlier bip is what the new start collides with; with dockerd stopped, that file set aside lets the daemon build its networks afresh',
    source: 'moby libnetwork network.go ipamAllocateVersion ("failed to allocate gateway (%v): %v"), ipamapi ErrNoAvailableIPs, ErrIPAlreadyAllocated',
    samples: [
      'level=fatal msg="Error starting daemon: Error initializing network controller: Error creating default \\"bridge\\" network: failed to allocate gateway (172.17.0.1): No available addresses on this pool"',
      'failed to start daemon: Error initializing network controller: error creating default "bridge" network: failed to allocate gateway (172.17.0.1): Address already in use',
    ],
    counterSamples: ['Error response from daemon: failed to allocate gateway (172.20.0.1): Address already in use'],
  }),
  sig({
    id: 'docker.iptables-raw-table-missing',
    cause: 'runtime.unavailable',
    // Docker 27 and later drop packets sent straight to a container's address from outside with rules in the raw
    // table; a kernel without iptable_raw (NAS, embedded and some vendor kernels) fails each container that publishes
    // a port. Above iptables' own ambiguous "can't initialize iptables table": here it is Docker's rule that failed.
    re: /unable to enable [a-z -]+ rule:[\s\S]{0,300}?can't initialize ip6?tables table [`']?raw'/,
    anchors: ["can't initialize iptables table", "can't initialize ip6tables table"],
    confidence: 0.8,
    specificity: 98,
    alternatives: ['node.firewall'],
    check: 'lsmod | grep -E "iptable_raw|ip6table_raw" and zgrep CONFIG_IP_NF_RAW /proc/config.gz on the host: without the raw table Docker cannot publish ports; a kernel that has the module, or DOCKER_INSECURE_NO_IPTABLES_RAW=1 in dockerd\'s environment (which gives up that protection), is the way out',
    source: 'moby libnetwork bridge iptabler port.go ("DIRECT ACCESS FILTERING - DROP" rule in table raw) via appendOrDelChainRule ("Unable to %s %s rule: %w")',
    samples: [
      "Unable to enable DIRECT ACCESS FILTERING - DROP rule: (iptables failed: iptables --wait -t raw -A PREROUTING -d 172.17.0.2 ! -i docker0 -j DROP: iptables v1.8.3 (legacy): can't initialize iptables table `raw': Table does not exist (do you need to insmod?)\nPerhaps iptables or your kernel needs to be upgraded.\n (exit status 3))",
      "docker: Error response from daemon: driver failed programming external connectivity on endpoint web (3f2a): Unable to enable DIRECT ACCESS FILTERING - DROP rule: (iptables failed: iptables --wait -t raw -A PREROUTING -d 172.18.0.2 ! -i br-1a2b3c4d5e6f -j DROP: iptables v1.8.7 (legacy): can't initialize iptables table raw': Table does not exist (do you need to insmod?)",
    ],
    counterSamples: ["iptables v1.8.7 (legacy): can't initialize iptables table `filter': Table does not exist (do you need to insmod?)"],
  }),
  sig({
    id: 'docker.desktop-iptables-wrapper-refused',
    cause: 'unknown',
    // The iptables Docker Desktop's VM runs is a wrapper that asks the VM's port-forwarding service (vpnkit) to do the
    // work; an OCaml Unix ECONNREFUSED from it means that service is not answering. Docker Desktop's own plumbing on a
    // workstation, not a node's firewall and not a registry refusing.
    re: /iptables failed:[\s\S]{0,300}?fatal error: exception unix\.unix_error\(unix\.econnrefused/,
    anchors: ['unix.econnrefused'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['runtime.unavailable'],
    check: 'docker version and Docker Desktop\'s diagnostics (Troubleshoot > Get support, or its logs under ~/Library/Containers/com.docker.docker/Data/log): the VM\'s port-forwarding service must be running; this is Docker Desktop on a workstation, no node\'s firewall is involved',
    source: 'Docker Desktop (docker/for-mac) iptables wrapper over vpnkit, reached through moby\'s "Failed to Setup IP tables: Unable to enable NAT rule"',
    samples: [
      'Error response from daemon: Failed to Setup IP tables: Unable to enable NAT rule:  (iptables failed: iptables --wait -t nat -I POSTROUTING -s 172.19.0.0/16 ! -o br-490ad6bd7989 -j MASQUERADE: Fatal error: exception Unix.Unix_error(Unix.ECONNREFUSED, "connect", "")\n (exit status 2))',
      'iptables failed: iptables --wait -t nat -A DOCKER -p tcp -d 0/0 --dport 8080 -j DNAT --to-destination 172.17.0.2:80 ! -i docker0: Fatal error: exception Unix.Unix_error(Unix.ECONNREFUSED, "connect", "")',
    ],
    counterSamples: ['dial tcp 10.0.0.5:5000: connect: connection refused'],
  }),
  sig({
    id: 'docker.resolv-conf-generated',
    cause: 'unknown',
    // The resolv.conf dockerd writes for a container: 127.0.0.11 (its embedded DNS) as the only nameserver, and the
    // host's servers in a trailing comment. A loopback nameserver here is Docker's resolver, not a loop. Not when the
    // comment says no external servers were found, or that defaults were used (the next two signatures).
    re: /^(?![\s\S]*(no external nameservers defined|used default nameservers))[\s\S]*?(# based on host file: '[^'\n]*'|# generated by docker engine\.)/,
    anchors: ['# based on host file:', '# generated by docker engine'],
    confidence: 0.5,
    specificity: 75,
    alternatives: ['dns.node-resolver', 'dns.upstream'],
    check: 'the "# ExtServers:" line of that file names the servers 127.0.0.11 forwards to: host(…) ones are the node\'s own resolver (cat /etc/resolv.conf and resolvectl status on the node), others come from --dns or "dns" in daemon.json; docker exec <container> nslookup <name> 127.0.0.11 and journalctl -u docker | grep resolver show whether forwarding fails',
    source: 'moby libnetwork internal/resolvconf Generate ("# Based on host file: \'%s\' (%s)", "# ExtServers: …") and the "Generated by Docker Engine" header',
    samples: [
      '# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 127.0.0.11\noptions ndots:0\n\n# Based on host file: \'/etc/resolv.conf\' (internal resolver)\n# ExtServers: [host(127.0.0.53)]\n# Overrides: []\n# Option ndots from: internal',
      'nameserver 127.0.0.11\noptions ndots:0\n\n# Based on host file: \'/run/systemd/resolve/resolv.conf\' (internal resolver)\n# ExtServers: [host(192.168.1.1)]\n# Overrides: []',
    ],
    counterSamples: ['nameserver 127.0.0.11\noptions ndots:0\n\n# Based on host file: \'/etc/resolv.conf\' (internal resolver)\n# NO EXTERNAL NAMESERVERS DEFINED\n# Overrides: []'],
  }),
  sig({
    id: 'docker.resolv-conf-no-external-servers',
    cause: 'dns.node-resolver',
    // dockerd found no nameserver to hand its embedded DNS (the host's resolv.conf lists none, or only addresses it
    // dropped): every lookup of a name outside Docker's networks fails in that container.
    re: /# no external nameservers defined/,
    anchors: ['no external nameservers defined'],
    confidence: 0.85,
    specificity: 95,
    check: 'cat /etc/resolv.conf on the node (and the file it links to: readlink -f /etc/resolv.conf): it must list a nameserver Docker can use, or daemon.json must give "dns"',
    source: 'moby libnetwork internal/resolvconf TransformForIntNS ("NO EXTERNAL NAMESERVERS DEFINED")',
    samples: [
      'nameserver 127.0.0.11\noptions ndots:0\n\n# Based on host file: \'/etc/resolv.conf\' (internal resolver)\n# NO EXTERNAL NAMESERVERS DEFINED\n# Overrides: []\n# Option ndots from: internal',
      '# NO EXTERNAL NAMESERVERS DEFINED',
    ],
    counterSamples: ['# ExtServers: [host(127.0.0.53)]'],
  }),
  sig({
    id: 'docker.resolv-conf-default-servers',
    cause: 'dns.node-resolver',
    // The host's resolv.conf has only loopback nameservers (a local dnsmasq, systemd-resolved's stub) which a
    // container on the default bridge cannot reach, so dockerd gives it Google's public servers instead: lookups
    // then fail wherever 8.8.8.8 is blocked and internal names are never resolved.
    re: /# used default nameservers\.|no non-localhost dns nameservers are left in resolv\.conf|no non localhost dns resolver found in resolv\.conf/,
    anchors: ['used default nameservers', 'no non-localhost dns nameservers', 'no non localhost dns resolver'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['dns.upstream'],
    check: 'cat /etc/resolv.conf on the node: only 127.x or ::1 nameservers means containers get 8.8.8.8 and 8.8.4.4; dig @8.8.8.8 <a name> from the node shows whether those are reachable; a "dns" list in daemon.json with the site\'s resolvers settles it',
    source: 'moby libnetwork internal/resolvconf TransformForLegacyNw ("No non-localhost DNS nameservers are left in resolv.conf. Using default external servers", "Used default nameservers."); older Docker ("No non localhost DNS resolver found in resolv.conf and containers can\'t use it")',
    samples: [
      'level=info msg="No non-localhost DNS nameservers are left in resolv.conf. Using default external servers"',
      'INFO[0126] No non localhost DNS resolver found in resolv.conf and containers can\'t use it. Using default external servers : [8.8.8.8 8.8.4.4]',
      'nameserver 8.8.8.8\nnameserver 8.8.4.4\n\n# Based on host file: \'/etc/resolv.conf\' (legacy)\n# Used default nameservers.\n# Overrides: []',
    ],
    counterSamples: ['level=info msg="detected 127.0.0.53 nameserver, assuming systemd-resolved, so using resolv.conf: /run/systemd/resolve/resolv.conf"'],
  }),
];
