import type { Signature } from '../types.js';
import { sig } from './define.js';

/** Node prerequisites and state: kernel modules, sysctls, firewall, readiness (facts §10.1, §10.2, §4.4). */
export const NODE_SIGNATURES: Signature[] = [
  sig({
    id: 'node.kubeadm-firewalld-warning',
    cause: 'unknown',
    // kubeadm's preflight warns whenever firewalld runs, whether or not it blocks anything: a warning about the
    // ports, not a failure. It matters when node-to-node traffic later fails (flannel's VXLAN on 8472/udp, the
    // kubelet on 10250), and then the zone's open ports are what to look at.
    re: /firewalld is active, please ensure ports/,
    anchors: ['firewalld is active'],
    confidence: 0.5,
    specificity: 85,
    alternatives: ['node.firewall', 'flannel.vxlan-blocked'],
    check: 'firewall-cmd --list-all on each node: the zone must allow 6443/tcp and 10250/tcp, and between nodes 8472/udp for flannel\'s VXLAN (firewall-cmd --permanent --add-port=8472/udp; --reload), or the pod network fails when pods on two nodes talk',
    source: 'kubeadm preflight FirewalldCheck ("firewalld is active, please ensure ports %v are open or your cluster may not function correctly")',
    samples: ['[WARNING Firewalld]: firewalld is active, please ensure ports [6443 10250] are open or your cluster may not function correctly', 'firewalld is active, please ensure ports [10250] are open or your cluster may not function correctly'],
    counterSamples: ['firewalld is not running'],
  }),
  sig({
    id: 'node.kernel-module-exec-format',
    cause: 'unknown',
    // modprobe/insmod refusing a module with ENOEXEC: the .ko was built for another kernel (vermagic,
    // symbol versions) or the running kernel cannot load its compression. A kernel matter, not an image's
    // architecture; which module it is (ip_vs for kube-proxy's IPVS, vxlan for flannel) says what breaks.
    re: /could not insert '[^']+': exec format error/,
    anchors: ['could not insert'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['flannel.backend-unsupported', 'node.br-netfilter'],
    check: 'the module against the running kernel: uname -r and modinfo <module> (its vermagic must name that release); dmesg | tail shows the loader\'s reason (version magic, disagrees about version of symbol); install the modules package of the running kernel or boot the kernel the modules belong to',
    source: 'kmod modprobe/insmod: finit_module() → ENOEXEC ("could not insert \'%s\': %s")',
    samples: [
      "modprobe: ERROR: could not insert 'ip_vs': Exec format error",
      "modprobe: ERROR: could not insert 'vxlan': Exec format error",
    ],
    counterSamples: ['exec /usr/local/bin/docker-entrypoint.sh: exec format error'],
  }),
  sig({
    id: 'node.br-netfilter-missing',
    cause: 'node.br-netfilter',
    // The file is there only while br_netfilter is loaded: any tool that opens it says so — coreutils and
    // sysctl "<path>: No such file or directory", busybox "can't open '<path>': No such file or directory",
    // procps sysctl "setting key \"net.bridge.…\": No such file or directory", Perl's "unable to open file '<path>' - …".
    // And the module itself: a tool that could not load it (k3s, Incus), a kernel refusing it (unknown symbols).
    re: /failed to check br_netfilter|br_netfilter kernel module not loaded|failed to load kernel module br_netfilter|br_netfilter: unknown symbol|\/proc\/sys\/net\/bridge\/bridge-nf-call-ip6?tables' - no such file|bridge-nf-call-ip6?tables (does not exist|contents are not set to 1|is disabled|not found)|\/proc\/sys\/net\/bridge\/bridge-nf-call-ip6?tables'?: no such file|net\.bridge\.bridge-nf-call-ip6?tables\\?"?: no such file|module br_netfilter not found|sysctl net\.bridge\.bridge-nf-call-ip6?tables\\?"?,[\s\S]{0,200}no such file or directory/,
    anchors: ['br_netfilter', 'bridge-nf-call-ip'],
    confidence: 0.95,
    specificity: 95,
    source: 'facts §10.2 (flanneld ≥ v0.26 check, kubeadm preflight)',
    samples: [
      'Failed to check br_netfilter: stat /proc/sys/net/bridge/bridge-nf-call-iptables: no such file or directory',
      '[ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables does not exist',
      'WARNING: bridge-nf-call-iptables is disabled',
      "sh: can't open '/proc/sys/net/bridge/bridge-nf-call-ip6tables': No such file or directory",
      'sysctl: setting key "net.bridge.bridge-nf-call-iptables": No such file or directory',
      'level=warning msg="Failed to load kernel module br_netfilter with modprobe"',
      'kernel: br_netfilter: Unknown symbol __skb_ext_del (err -2)',
    ],
    counterSamples: ['net.bridge.bridge-nf-call-iptables = 1'],
  }),
  sig({
    id: 'node.br-netfilter-module-tree-missing',
    cause: 'node.br-netfilter',
    // Loading br_netfilter where the running kernel has no module tree: kmod cannot open /lib/modules/<release>/
    // modules.dep.bin (a VM or stemcell image whose kernel was replaced without its modules), Ansible's modprobe
    // module cannot read modules.builtin (an LXC container, which shares the host's kernel but not its /lib/modules).
    // br_netfilter stays unloaded, so the bridge-nf-call sysctls the CNI needs do not exist.
    re: /br_netfilter[\s\S]{0,300}?(?:could not open moddep file|no such file or directory: '\/lib\/modules\/[^'\n]+\/modules\.builtin')|(?:could not open moddep file|no such file or directory: '\/lib\/modules\/[^'\n]+\/modules\.builtin')[\s\S]{0,300}?br_netfilter/,
    anchors: ['br_netfilter'],
    also: ['moddep file', '/modules.builtin'],
    confidence: 0.75,
    specificity: 94,
    alternatives: ['node.not-ready'],
    check: 'on that node: ls /lib/modules/$(uname -r) (the module tree of the running kernel must exist; in an LXC container the module is loaded on the Proxmox or LXD host, not inside), then lsmod | grep br_netfilter and sysctl net.bridge.bridge-nf-call-iptables',
    source: 'kmod libkmod.c kmod_search_moddep ("could not open moddep file"), Ansible community.general.modprobe (it reads modules.builtin)',
    samples: [
      "loading br_netfilter: modprobe: ERROR: ../libkmod/libkmod.c:586 kmod_search_moddep() could not open moddep file '/lib/modules/5.4.0-42-generic/modules.dep.bin'",
      'failed: [10.0.0.7] (item=br_netfilter) => {"changed": false, "msg": "[Errno 2] No such file or directory: \'/lib/modules/6.8.12-4-pve/modules.builtin\'", "name": "br_netfilter"}',
    ],
    counterSamples: ["modprobe: ERROR: ../libkmod/libkmod.c:586 kmod_search_moddep() could not open moddep file '/lib/modules/4.4.0-119-generic/modules.dep.bin' modprobe: FATAL: Module ip_tables not found"],
  }),
  sig({
    id: 'node.k3s-check-config-kernel',
    cause: 'node.br-netfilter',
    // k3s check-config lists the kernel options the cluster needs: bridge netfilter missing means Service traffic between
    // pods on one bridge bypasses iptables; VXLAN missing (the next signature) leaves flannel's default backend unusable.
    // systemd-modules-load failing to find br_netfilter (a modules-load.d entry on a kernel without it) says the same.
    re: /config_bridge_netfilter: missing \(fail\)|failed to find module '?br_netfilter'?/,
    anchors: ['config_bridge_netfilter', 'br_netfilter'],
    confidence: 0.8,
    specificity: 90,
    check: 'lsmod | grep br_netfilter on the node: the module must load (a kernel built without CONFIG_BRIDGE_NETFILTER cannot have it: use a distribution kernel that has it)',
    source: 'k3s check-config (kernel config checks: "- CONFIG_BRIDGE_NETFILTER: missing (fail)"); systemd-modules-load ("Failed to find module \'%s\'")',
    samples: ['$ k3s check-config\n- CONFIG_BRIDGE_NETFILTER: missing (fail)\nSTATUS: 1 (fail)', '- CONFIG_BRIDGE_NETFILTER: missing (fail)', "Dec 05 09:58:01 pi-node-2 systemd-modules-load[287]: Failed to find module 'br_netfilter'"],
    counterSamples: ['- CONFIG_BRIDGE_NETFILTER: enabled (as module)'],
  }),
  sig({
    id: 'node.br-netfilter-sysctl-off',
    cause: 'node.br-netfilter',
    // sysctl's own listing with the switch at 0: the module is loaded but bridged pod traffic bypasses iptables, so
    // kube-proxy's Service rules never see a pod talking to a pod on the same bridge. A listing, not an error: 0.7.
    // IPv6 pod traffic across the bridge is filtered by its own switch (bridge-nf-call-ip6tables).
    re: /net\.bridge\.bridge-nf-call-ip6?tables ?= ?0\b/,
    anchors: ['bridge-nf-call-iptables', 'bridge-nf-call-ip6tables'],
    confidence: 0.7,
    specificity: 80,
    check: 'sysctl net.bridge.bridge-nf-call-iptables on the node: set it to 1 (and persist it in /etc/sysctl.d/) with br_netfilter loaded',
    source: 'facts §10.2 (br_netfilter and the bridge-nf-call sysctls kube-proxy needs)',
    samples: ['net.bridge.bridge-nf-call-ip6tables = 0', 'net.bridge.bridge-nf-call-arptables = 0\nnet.bridge.bridge-nf-call-ip6tables = 0\nnet.bridge.bridge-nf-call-iptables = 0', '$ sysctl net.bridge.bridge-nf-call-iptables\nnet.bridge.bridge-nf-call-iptables = 0'],
    counterSamples: ['net.bridge.bridge-nf-call-iptables = 1'],
  }),
  sig({
    id: 'node.br-netfilter-and-forward-preflight',
    cause: 'node.br-netfilter',
    // kubeadm's preflight lists every failed check; on a node where nobody did the kernel prerequisites both
    // the bridge key (absent: br_netfilter not loaded) and ip_forward fail. Both are fixed by the same step —
    // load br_netfilter, then apply the sysctl file that sets bridge-nf-call-iptables and ip_forward — and the
    // bridge key cannot be set before the module is there, so the module comes first; forwarding is the other.
    re: /bridge-nf-call-ip6?tables\]?:? [^\n]{0,120}does not exist[\s\S]{0,600}?ip_forward contents are not set to 1|ip_forward contents are not set to 1[\s\S]{0,600}?bridge-nf-call-ip6?tables\]?:? [^\n]{0,120}does not exist/,
    anchors: ['ip_forward contents are not set'],
    confidence: 0.8,
    specificity: 96,
    alternatives: ['node.ip-forward'],
    check: 'on the node: lsmod | grep br_netfilter and sysctl net.ipv4.ip_forward — the module first (its fix steps load and persist it, then set net.bridge.bridge-nf-call-iptables = 1), then node.ip-forward\'s steps for net.ipv4.ip_forward = 1; both checks must pass before kubeadm join',
    source: 'kubeadm preflight (FileContent checks of /proc/sys/net/bridge/bridge-nf-call-iptables and /proc/sys/net/ipv4/ip_forward), facts §10.2',
    samples: [
      '[ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables does not exist\n\t[ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1',
      '[ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1\n[ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables does not exist',
    ],
    counterSamples: ['[ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1'],
  }),
  sig({
    id: 'node.bridge-filtering-notice',
    cause: 'node.br-netfilter',
    // The kernel's notice when the bridge module loads without br_netfilter. It is printed once at that moment:
    // the module may be loaded later (by kubeadm's prerequisites, flanneld's check), so it is a strong hint only.
    // Not when the paste shows the module loading right after ("Bridge firewalling registered"): then it is there.
    re: /^(?![\s\S]*bridge firewalling registered)[\s\S]*?bridge: filtering via arp\/ip\/ip6tables is no longer available by default/,
    anchors: ['filtering via arp/ip/ip6tables'],
    confidence: 0.75,
    specificity: 93,
    check: 'lsmod | grep br_netfilter and sysctl net.bridge.bridge-nf-call-iptables on the node now: not loaded (or 0) means bridged pod traffic skips iptables, and Service traffic between pods of one node fails',
    source: 'Linux bridge module load notice (net/bridge/br.c), facts §10.2',
    samples: ['kernel: bridge: filtering via arp/ip/ip6tables is no longer available by default. Update your scripts to load br_netfilter if you need this.', '[   29.763908] bridge: filtering via arp/ip/ip6tables is no longer available by default.'],
    counterSamples: ['[   10.220918] bridge: filtering via arp/ip/ip6tables is no longer available by default. Update your scripts to load br_netfilter if you need this.\n[   10.301445] Bridge firewalling registered', 'kernel: Bridge firewalling registered'],
  }),
  sig({
    id: 'node.dns-reply-unexpected-source',
    check: 'lsmod | grep br_netfilter and sysctl net.bridge.bridge-nf-call-iptables on the node of the answering pod: a reply from the pod\'s own address instead of the Service IP means the bridged reply skipped conntrack',
    cause: 'node.br-netfilter',
    // The reply comes straight from the CoreDNS pod instead of the Service IP: bridged traffic skipped iptables (no DNAT reversal).
    re: /reply from unexpected source: [\d.]+#53, expected [\d.]+#53/,
    anchors: ['reply from unexpected source'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['dns.service-unreachable'],
    source: 'facts §10.2 (br_netfilter: bridged pod traffic must pass iptables for Service NAT)',
    samples: [
      ';; reply from unexpected source: 10.244.0.5#53, expected 10.96.0.10#53',
      'reply from unexpected source: 10.42.0.7#53, expected 10.43.0.10#53',
    ],
    counterSamples: [';; connection timed out; no servers could be reached'],
  }),
  sig({
    id: 'node.ip-forward-off',
    cause: 'node.ip-forward',
    // Also a start-up script's own check traced by sh -x (k3s's klipper-lb: cat …/ip_forward, then [ 0 != 1 ], exit 1).
    // IPv6 has its own switch (net.ipv6.conf.all.forwarding), checked the same way by IPv6 and dual-stack tools.
    // kubeadm's IPv6 preflight for a dual-stack or IPv6 CIDR: "/proc/sys/net/ipv6/conf/default/forwarding contents are not set to 1".
    re: /ip_forward contents are not set to 1|\/proc\/sys\/net\/ipv6\/conf\/(default|all)\/forwarding contents are not set to 1|ipv[46] forwarding is disabled|net\.ipv4\.ip_forward ?= ?0\b|net\.ipv6\.conf\.all\.forwarding ?= ?0\b|cat \/proc\/sys\/net\/ipv(4\/ip_forward|6\/conf\/all\/forwarding)\s+\+ '?\['? 0 '?!='? 1 '?\]|cat \/proc\/sys\/net\/ipv(4\/ip_forward|6\/conf\/all\/forwarding)\s+0(?!\S)/,
    anchors: ['ip_forward', 'forwarding is disabled', 'conf.all.forwarding', 'conf/all/forwarding', 'forwarding contents are not set'],
    confidence: 0.95,
    specificity: 95,
    source: 'facts §10.2 (kubeadm preflight ip_forward), Docker warning',
    samples: [
      '\t[ERROR FileContent--proc-sys-net-ipv6-conf-default-forwarding]: /proc/sys/net/ipv6/conf/default/forwarding contents are not set to 1',
      '[ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1',
      'WARNING: IPv4 forwarding is disabled. Networking will not work.',
      'net.ipv4.ip_forward = 0',
      "+ cat /proc/sys/net/ipv4/ip_forward\n+ '[' 0 '!=' 1 ']'\n+ exit 1",
      "+ cat /proc/sys/net/ipv6/conf/all/forwarding\n+ '[' 0 '!=' 1 ]\n+ exit 1",
      'net.ipv6.conf.all.forwarding = 0',
    ],
    counterSamples: ['net.ipv4.ip_forward = 1', "+ cat /proc/sys/net/ipv4/ip_forward\n+ '[' 1 '!=' 1 ']'", 'net.ipv6.conf.all.forwarding = 1'],
  }),
  sig({
    id: 'node.ip-forward-off-windows',
    cause: 'node.ip-forward',
    // Get-NetIPInterface on a Windows node: flannel enables forwarding on its vEthernet adapters; Disabled there means
    // packets between pods and the overlay are not routed by the host.
    re: /vethernet \([^)\n]+\) +(ipv4 +)?disabled\b/,
    anchors: ['vethernet'],
    confidence: 0.75,
    specificity: 85,
    check: 'Get-NetIPInterface -AddressFamily IPv4 | Select InterfaceAlias, Forwarding on the node: the vEthernet adapters of the flannel network must say Enabled (Set-NetIPInterface -InterfaceAlias "vEthernet (…)" -Forwarding Enabled; flanneld sets it at start)',
    source: 'flannel pkg/ip iface_windows.go (EnableForwardingForInterface); PowerShell Get-NetIPInterface output',
    samples: ['InterfaceAlias   Forwarding\n--------------   ----------\nvEthernet (cbr0)   Disabled', 'vEthernet (flannel.4096) IPv4 Disabled'],
    counterSamples: ['vEthernet (cbr0)   Enabled'],
  }),
  sig({
    id: 'node.forward-policy-drop',
    cause: 'node.forward-drop',
    // iptables -L, iptables-save and iptables -S print the chain policy three ways; a dump pasted whole
    // has the line in the middle, so none of them is anchored to the start.
    // microk8s inspect reports the policy in words ("IPtables FORWARD policy is DROP").
    // nft list ruleset prints a base chain's policy after its hook: the nftables form of the same DROP.
    // Not a dump that also holds flannel's own accept rules for the pod network: with them a DROP policy is harmless.
    re: /^(?![\s\S]*-a flannel-fwd -[sd] \S+ [^\n]*-j accept)[\s\S]*?(chain forward \(policy drop|:FORWARD DROP \[|-P FORWARD DROP\b|iptables forward policy is drop|chain forward \{\s*type filter hook forward priority [\w-]+; policy drop;)/,
    anchors: ['chain forward (policy drop', ':forward drop', '-p forward drop', 'forward policy is drop', 'hook forward priority'],
    check: 'iptables -S FORWARD on the node: with policy DROP, pod traffic is forwarded only if ACCEPT rules for the pod network come first (flannel adds them in FLANNEL-FWD; a Docker or firewall reload can remove them)',
    confidence: 0.6,
    specificity: 80,
    source: 'facts §2.6 (FORWARD DROP needs FLANNEL-FWD accept rules)',
    samples: ['Chain FORWARD (policy DROP 1290 packets, 80312 bytes)', ':FORWARD DROP [0:0]', 'WARNING:  IPtables FORWARD policy is DROP. Consider enabling traffic forwarding with: sudo iptables -P FORWARD ACCEPT', '# iptables-save\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]', '-P INPUT ACCEPT\n-P FORWARD DROP\n-P OUTPUT ACCEPT', 'table ip6 filter {\n\tchain FORWARD {\n\t\ttype filter hook forward priority filter; policy drop;\n\t\tjump DOCKER-USER\n\t}\n}'],
    counterSamples: ['Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)', 'chain FORWARD {\n\ttype filter hook forward priority filter; policy accept;\n}'],
  }),
  sig({
    id: 'node.firewall-log-vxlan',
    cause: 'flannel.vxlan-blocked',
    // Also the rule itself as iptables -L or -S lists it: a DROP or REJECT of the VXLAN port. Logged drops of flannel's
    // other tunnel ports (udp backend 8285, wireguard 51820/51821) block the overlay the same way.
    re: /(ufw block|reject|drop|denied)[^\n]{0,600}proto=udp[^\n]{0,600}dpt=(8472|4789|8285|51820|51821)\b|\b(drop|reject) +udp +-- [^\n]{0,200}udp dpt:(8472|4789)\b|-p udp [^\n]{0,120}--dport (8472|4789) [^\n]{0,80}-j (drop|reject)\b/,
    anchors: ['dpt=8472', 'dpt=4789', 'dpt=8285', 'dpt=51820', 'dpt=51821', 'dpt:8472', 'dpt:4789', 'dport 8472', 'dport 4789'],
    confidence: 0.9,
    specificity: 95,
    source: 'facts §10.1 (UDP 8472 must be open between nodes)',
    samples: [
      // flannel's other tunnels: the udp backend (8285) and wireguard (51820, 51821 for IPv6).
      'filter_IN_public_REJECT: IN=eth0 OUT= SRC=10.0.0.12 DST=10.0.0.11 LEN=176 TOS=0x00 PREC=0x00 TTL=64 ID=0 DF PROTO=UDP SPT=51820 DPT=51820 LEN=156',
      '  4821  598K DROP       udp  --  *      *       0.0.0.0/0            0.0.0.0/0            udp dpt:8472',
      '-A INPUT -p udp -m udp --dport 8472 -j DROP',
      'kernel: [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56 SRC=192.168.1.12 DST=192.168.1.11 LEN=134 TOS=0x00 PREC=0x00 TTL=64 ID=0 PROTO=UDP SPT=40162 DPT=8472 LEN=114',
      'kernel: filter_IN_public_REJECT: IN=ens192 OUT= SRC=10.0.0.22 DST=10.0.0.21 PROTO=UDP SPT=51234 DPT=8472 LEN=110',
    ],
    counterSamples: ['kernel: [UFW BLOCK] IN=eth0 SRC=192.168.1.12 DST=192.168.1.11 PROTO=TCP SPT=40162 DPT=22'],
  }),
  sig({
    id: 'node.firewall-log',
    check: 'the rule that logged it: iptables -S | grep -n <prefix> (or firewall-cmd --list-all / ufw status numbered); traffic from the pod CIDR on cni0 or flannel.1 needs an accept before it',
    cause: 'node.firewall',
    // The kernel's LOG target prints "<prefix>IN=<if> OUT=<if> ... SRC= DST="; a prefix that says drop,
    // reject, deny or block is a firewall rule logging what it discards (ufw, firewalld, hand-written rules).
    // ping's "Destination Host Prohibited" and "Packet filtered" are the ICMP answers a REJECT rule sends.
    re: /\[ufw block\]|filter_(in|fwd|out)_\w+_(reject|drop)|final_reject|icmp-host-prohibited|icmp-port-unreachable|firewalld[^\n]{0,600}(reject|block|conflict)|command_failed: '[^'\n]*ip6?tables|(drop|reject|deny|denied|block)[\w-]*[:\]]? +in=\S* out=\S*[^\n]{0,300}\bsrc=|icmp_seq=\d+ (destination (host|net) prohibited|packet filtered)/,
    anchors: ['ufw block', '_reject', '_drop', 'icmp-host-prohibited', 'icmp-port-unreachable', 'firewalld', 'command_failed', ' in=', 'prohibited', 'packet filtered'],
    confidence: 0.75,
    specificity: 85,
    source: 'facts §10.1 (host firewalls, firewalld conflicts)',
    samples: [
      'kernel: [UFW BLOCK] IN=cni0 OUT=eth0 SRC=10.244.1.5 DST=10.96.0.10 PROTO=UDP SPT=41000 DPT=53',
      '-A INPUT -j REJECT --reject-with icmp-host-prohibited',
      'kernel: filter_FWD_public_REJECT: IN=flannel.1 OUT=cni0 SRC=10.244.2.4 DST=10.244.1.9 PROTO=TCP SPT=51000 DPT=8080',
      "firewalld[1020]: WARNING: COMMAND_FAILED: '/usr/sbin/iptables -w10 -t nat -D POSTROUTING -j FLANNEL-POSTRTG' failed: iptables: No chain/target/match by that name.",
      'kernel: FW-DROP-FWD: IN=flannel.1 OUT=cni0 MAC=aa:bb SRC=10.244.3.0 DST=10.244.1.7 LEN=60 PROTO=TCP DPT=80',
      'PING 10.244.3.11 (10.244.3.11) 56(84) bytes of data.\nFrom 10.244.3.1 icmp_seq=1 Destination Host Prohibited',
    ],
    counterSamples: ['-A INPUT -j ACCEPT', 'kernel: ACCEPT-LOG: IN=eth0 OUT= SRC=10.0.0.5 DST=10.0.0.6 LEN=60'],
  }),
  sig({
    id: 'node.not-ready',
    check: 'kubectl describe node <node>: the Ready condition\'s reason and message name the cause (NetworkPluginNotReady → CNI, container runtime down → the runtime, kubelet stopped posting → the kubelet itself: journalctl -u kubelet)',
    cause: 'node.not-ready',
    re: /kubelet (stopped posting|never posted) node status|nodestatus(unknown|neverupdated)|node\.kubernetes\.io\/(not-ready|unreachable)(?!:\w+\s+op=|"?,?\s*"?operator"?:)|\bnodenotready\b|kubeletnotready|node \S+ (is )?not ready|\bnode is (unresponsive|notready)\. adding it to the taint queue|there are notready control-planes in the cluster|\bnode hasn'?t been updated\b|(?:^|[^\S \t\r\f\v])\S+ +notready(,schedulingdisabled)? +\S+ +\d+[smhdy]/,
    anchors: ['posting node status', 'posted node status', 'nodestatusunknown', 'nodestatusneverupdated', 'node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable', 'nodenotready', 'kubeletnotready', 'not ready', 'node is unresponsive', 'been updated', 'notready control-planes', 'notready'],
    confidence: 0.7,
    specificity: 50,
    alternatives: ['cni.config-missing', 'runtime.unavailable'],
    source: 'facts §4.4 (Ready=False, KubeletNotReady)',
    samples: [
      'I1205 22:40:18.221330       1 node_lifecycle_controller.go:777] "Node is NotReady. Adding it to the Taint queue" node="worker-2"',
      'Kubelet stopped posting node status.',
      '0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/3 nodes are available',
      'Warning  NodeNotReady  5m  node-controller  Node worker-1 status is now: NodeNotReady',
      // kubectl get nodes: a row whose STATUS is NotReady.
      'NAME       STATUS     ROLES           AGE   VERSION\ncp-1       Ready      control-plane   93d   v1.35.2\nworker-2   NotReady   <none>          93d   v1.35.2',
    ],
    counterSamples: [
      'Node worker-1 status is now: NodeReady',
      'NAME       STATUS   ROLES    AGE   VERSION\nworker-2   Ready    <none>   93d   v1.35.2',
      // The default tolerations every pod gets, as -o yaml and -o json print them: no taint on a node.
      '  tolerations:\n  - effect: NoExecute\n    key: node.kubernetes.io/not-ready\n    operator: Exists\n    tolerationSeconds: 300',
      '{"effect":"NoExecute","key":"node.kubernetes.io/unreachable","operator":"Exists","tolerationSeconds":300}',
    ],
  }),
  sig({
    id: 'node.dockerd-firewalld-zone-conflict',
    cause: 'node.firewall',
    // dockerd puts docker0 in firewalld's "docker" zone; an interface already bound to another zone (trusted, public)
    // stops the bridge network, and with it the daemon.
    re: /zone_conflict: '?\S+'? already bound to '?\w+'?/,
    anchors: ['zone_conflict'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['runtime.unavailable'],
    check: 'firewall-cmd --get-zone-of-interface=docker0 and firewall-cmd --permanent --zone=<that zone> --remove-interface=docker0, then firewall-cmd --reload and restart docker',
    source: 'firewalld D-Bus ZONE_CONFLICT as moby\'s bridge driver reports it',
    samples: ['dockerd[812]: failed to start daemon: Error initializing network controller: error creating default "bridge" network: ZONE_CONFLICT: \'docker0\' already bound to \'trusted\'', 'Error initializing network controller: ZONE_CONFLICT: docker0 already bound to public'],
    counterSamples: ['firewalld: ZONE_ALREADY_SET'],
  }),
  sig({
    id: 'node.ip-forward-unwritable',
    cause: 'node.ip-forward',
    // ip_forward is 0 and the process that needs it on cannot write it (a read-only /proc/sys in a container, LXC).
    re: /failed to set ip forwarding '?\/proc\/sys\/net\/ipv4\/ip_forward'? = '?1'?/,
    anchors: ['failed to set ip forwarding'],
    confidence: 0.8,
    specificity: 95,
    check: 'sysctl net.ipv4.ip_forward on the host (set it to 1 there and persist it in /etc/sysctl.d/); inside an unprivileged container /proc/sys is read-only and the host must set it',
    source: 'moby libnetwork bridge driver (setupIPv4Forwarding)',
    samples: ['failed to start daemon: Error initializing network controller: error creating default "bridge" network: failed to set IP forwarding \'/proc/sys/net/ipv4/ip_forward\' = \'1\': open /proc/sys/net/ipv4/ip_forward: read-only file system', 'failed to set IP forwarding /proc/sys/net/ipv4/ip_forward = 1: permission denied'],
    counterSamples: ['net.ipv4.ip_forward = 1'],
  }),  sig({
    id: 'node.dockerd-needs-br-netfilter',
    cause: 'node.br-netfilter',
    // dockerd (28 and later) checks bridge netfilter before it builds its default bridge when inter-container
    // communication is restricted or the userland proxy is off, and stops with the module's name: the daemon is down
    // because the node lacks br_netfilter.
    re: /ensure that the br_netfilter kernel module is loaded/,
    anchors: ['br_netfilter kernel module is loaded'],
    confidence: 0.8,
    specificity: 94,
    alternatives: ['runtime.unavailable'],
    check: 'lsmod | grep br_netfilter on the node: load the module and list it in /etc/modules-load.d so it loads at boot, set net.bridge.bridge-nf-call-iptables = 1, then start dockerd again',
    source: 'moby libnetwork bridge driver (setupBridgeNetFiltering: "ensure that the br_netfilter kernel module is loaded")',
    samples: [
      'failed to start daemon: Error initializing network controller: error creating default "bridge" network: cannot restrict inter-container communication or run without the userland proxy: ensure that the br_netfilter kernel module is loaded',
      'dockerd[911]: cannot restrict inter-container communication: ensure that the br_netfilter kernel module is loaded',
    ],
    counterSamples: ['br_netfilter           32768  0'],
  }),
];
