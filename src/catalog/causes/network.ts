import type { FixStepRef } from '../fix-types.js';
import type { Cause } from '../types.js';

const FLANNEL_LOGS = 'kubectl logs -n {flannelNamespace} -l app=flannel -c kube-flannel --tail=50';

/** The catalog's `flannel.restart` step (./fix-steps.ts) with the cause's reason; {node} is the finding's. */
const restartFlannel = (text: string): FixStepRef => ({ step: 'flannel.restart', text });

/** Network tier: CNI plugins and config, flannel itself, cluster DNS. */
export const NETWORK_CAUSES: Cause[] = [
  {
    id: 'cni.plugin-missing',
    tier: 'network',
    title: 'A CNI plugin binary is missing',
    explanation:
      'The CNI config names a plugin that is not in /opt/cni/bin: "failed to find plugin \\"flannel\\" in path [/opt/cni/bin]", or for the delegates bridge, host-local and portmap. ' +
      'Flannel\'s init container only copies the flannel binary; bridge, host-local, portmap and loopback come from the containernetworking plugins package, which an OS or kubelet package upgrade can remove or replace. ' +
      'Every new pod on the node then fails in FailedCreatePodSandBox.',
    fix: [
      'Install the standard CNI plugins into /opt/cni/bin (the containernetworking-plugins release tarball, or your distribution\'s kubernetes-cni / containernetworking-plugins package).',
      restartFlannel('Restore the flannel binary by restarting the flannel pod on the node (its install-cni-plugin init container copies /flannel to /opt/cni/bin/flannel)'),
      'If the runtime looks elsewhere, align containerd\'s bin_dir (plugins."io.containerd.grpc.v1.cri".cni.bin_dir) with /opt/cni/bin.',
    ],
    verify: ['ls -l /opt/cni/bin/   # flannel, bridge, host-local, portmap, loopback'],
    docs: ['facts.md §3 (the flannel CNI plugin and its delegates)', 'facts.md §4.2 (failed to find plugin)'],
    explains: ['node.not-ready', 'dns.coredns-down'],
  },
  {
    id: 'cni.config-missing',
    tier: 'network',
    title: 'No CNI network config on the node',
    explanation:
      'The runtime found no usable config in /etc/cni/net.d, so it reports NetworkReady=false ("cni plugin not initialized", "cni config uninitialized") and the node stays NotReady. ' +
      'Flannel\'s install-cni init container writes /etc/cni/net.d/10-flannel.conflist; if flannel never ran on the node (not scheduled, image not pulled, crash before start) the file is missing.',
    fix: [
      'Check that a flannel pod runs on the node: kubectl get pods -n {flannelNamespace} -o wide --field-selector spec.nodeName={node}',
      'If it is missing, check the DaemonSet (tolerations, nodeSelector, image pull) and its events: kubectl describe ds -n {flannelNamespace} {flannelDaemonSet}',
      'Confirm the file appears: ls /etc/cni/net.d/ (expect 10-flannel.conflist); restart containerd if it does not pick it up.',
    ],
    verify: ['ls -l /etc/cni/net.d/', 'kubectl get node {node} -o jsonpath="{.status.conditions[?(@.type==\'Ready\')].message}"'],
    docs: ['facts.md §4.4 (NetworkReady=false)', 'facts.md §1.1 (install-cni init container)'],
    explains: ['node.not-ready', 'dns.coredns-down'],
  },
  {
    id: 'cni.config-invalid',
    tier: 'network',
    title: 'CNI config is unparsable or conflicting',
    explanation:
      'A file in /etc/cni/net.d exists but is wrong: invalid JSON, a missing or unsupported cniVersion, a bad delegate block, or another CNI\'s leftover file. ' +
      'Containerd loads only the first file in lexical order, so a stale 05-other.conf silently wins over 10-flannel.conflist. ' +
      'A file it cannot parse is skipped, so the runtime then reports "no network config found in /etc/cni/net.d" exactly as if the directory were empty.',
    fix: [
      'List the files: ls -l /etc/cni/net.d/ and move away every config that is not flannel\'s (e.g. leftovers of calico or weave).',
      'Validate the JSON: jq . /etc/cni/net.d/10-flannel.conflist, and compare it with the kube-flannel-cfg ConfigMap key cni-conf.json.',
      'Use a cniVersion the installed plugins support (0.3.1 in the stock manifest) and restart the flannel pod to rewrite the file.',
    ],
    verify: ['jq . /etc/cni/net.d/*.conflist'],
    docs: ['facts.md §1.2 (cni-conf.json)', 'facts.md §3 (delegate validation)', 'facts.md §4.4 (first config wins)'],
    explains: ['cni.config-missing', 'node.not-ready', 'dns.coredns-down'],
  },
  {
    id: 'cni.subnet-env-missing',
    tier: 'network',
    title: '/run/flannel/subnet.env is missing',
    explanation:
      'The flannel CNI plugin reads the node\'s subnet, MTU and masquerade setting from /run/flannel/subnet.env, which flanneld writes once its lease and rules are set up. ' +
      'If the file is missing flanneld is not running on the node, is crash-looping, or has not started yet after a reboot (/run is tmpfs); every pod sandbox then fails.',
    fix: [
      `Read the flannel log on this node: ${FLANNEL_LOGS} (the first error there is the real cause).`,
      'Fix what stops flanneld (missing podCIDR, RBAC, net-conf.json, br_netfilter), then wait for "Wrote subnet file to /run/flannel/subnet.env".',
      restartFlannel('Restart flannel on the node so that it takes its lease and writes the file again'),
    ],
    verify: ['cat /run/flannel/subnet.env', 'kubectl get pods -n {flannelNamespace} -o wide'],
    docs: ['facts.md §1.7 (subnet.env)', 'facts.md §4.2 (texts by plugin version)'],
    explains: ['dns.coredns-down'],
  },
  {
    id: 'cni.bridge-ip-conflict',
    tier: 'network',
    title: 'cni0 has an address from another subnet',
    explanation:
      'The bridge cni0 still carries the gateway address of an older pod subnet (the node re-joined, its podCIDR changed, or another CNI used cni0), so the bridge plugin refuses: "\\"cni0\\" already has an IP address different from 10.244.x.1/24". ' +
      'The bridge plugin does not replace an existing address unless forceAddress is set.',
    fix: [
      { text: 'Delete the stale bridge on the node so that it is recreated with the right address', on: 'node', run: 'ip link set cni0 down && ip link delete cni0', verify: '! ip link show cni0 >/dev/null 2>&1' },
      'If the node re-joined, also remove stale state: ip link delete flannel.1; rm -rf /var/lib/cni/networks/cbr0',
      restartFlannel('Restart the flannel pod on the node, then re-create the failing pods'),
    ],
    verify: ['ip -4 addr show cni0', 'cat /run/flannel/subnet.env   # FLANNEL_SUBNET must match cni0'],
    docs: ['facts.md §4.2 (bridge errors)', 'facts.md §10.6 (stale cni0 after re-join)'],
    explains: ['dns.coredns-down'],
  },
  {
    id: 'cni.ipam-exhausted',
    tier: 'network',
    title: 'No pod IP addresses left on the node',
    explanation:
      'host-local IPAM keeps one file per allocated IP in /var/lib/cni/networks/cbr0; when pods are removed without a CNI DEL (runtime crash, forced cleanup) the files leak until the /24 is full and ADD fails with "no IP addresses available in range set".',
    fix: [
      'Compare allocated files with running pods: ls /var/lib/cni/networks/cbr0 | wc -l versus crictl pods -q | wc -l',
      'Drain the node, stop the kubelet and containerd, remove the leaked files (rm -f /var/lib/cni/networks/cbr0/10.*), start them again and uncordon.',
    ],
    verify: ['ls /var/lib/cni/networks/cbr0/'],
    docs: ['facts.md §3 (host-local state)', 'facts.md §4.2 (no IP addresses available)'],
    explains: ['dns.coredns-down'],
  },
  {
    id: 'flannel.no-pod-cidr',
    tier: 'network',
    title: 'Node has no podCIDR',
    explanation:
      'In --kube-subnet-mgr mode flanneld uses node.spec.podCIDR as the node\'s subnet; when it is empty flanneld exits with "failed to acquire lease: node \\"…\\" pod cidr not assigned" and the pod crash-loops. ' +
      'The controller manager assigns podCIDRs only with --allocate-node-cidrs=true and --cluster-cidr (kubeadm init --pod-network-cidr).',
    fix: [
      'Enable CIDR allocation: kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=10.244.0.0/16 (kubeadm: networking.podSubnet / --pod-network-cidr=10.244.0.0/16).',
      'Or set the node\'s CIDR by hand (only while it is empty): kubectl patch node {node} -p \'{"spec":{"podCIDR":"10.244.5.0/24","podCIDRs":["10.244.5.0/24"]}}\'',
      restartFlannel('Restart the flannel pod on the node'),
    ],
    verify: ['kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR'],
    docs: ['facts.md §1.3 (podCIDR in kube mode)', 'facts.md §4.1 (pod cidr not assigned)'],
    // without a lease the node publishes no VTEP (public-ip, backend-data): the other flanneld keep no
    // route or FDB entry for it, so overlay traffic to it fails as if VXLAN were blocked there
    explains: ['flannel.daemon-down', 'cni.subnet-env-missing', 'cni.config-missing', 'node.not-ready', 'flannel.route-missing', 'flannel.vxlan-blocked', 'flannel.stale-fdb'],
  },
  {
    id: 'flannel.network-mismatch',
    tier: 'network',
    title: 'flannel Network differs from the cluster pod CIDR',
    explanation:
      'The Network in net-conf.json (10.244.0.0/16 by default) must contain every node\'s podCIDR, which comes from the cluster CIDR. ' +
      'When they differ flanneld fails with "subnet … specified in the flannel net config doesn\'t contain … PodCIDR" (older versions wrote a subnet.env that does not route).',
    fix: [
      'Compare: kubectl get cm -n {flannelNamespace} kube-flannel-cfg -o jsonpath="{.data.net-conf\\.json}" with kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR',
      'Set Network to the cluster CIDR (kube-controller-manager --cluster-cidr) in the kube-flannel-cfg ConfigMap, then restart the DaemonSet: kubectl rollout restart ds -n {flannelNamespace} {flannelDaemonSet}',
    ],
    verify: ['cat /run/flannel/subnet.env'],
    docs: ['facts.md §1.2, §1.3 (net-conf.json)', 'facts.md §10.6'],
    explains: ['flannel.daemon-down', 'cni.subnet-env-missing'],
  },
  {
    id: 'flannel.config-invalid',
    tier: 'network',
    title: 'flannel net-conf.json is invalid',
    explanation:
      'flanneld cannot use its network config: the file is missing (ConfigMap kube-flannel-cfg or key net-conf.json absent), is not valid JSON, or names an unknown backend type. ' +
      'A config without a Backend block parses but selects the udp backend, not vxlan, which silently changes ports and MTU.',
    fix: [
      'Show it: kubectl get cm -n {flannelNamespace} kube-flannel-cfg -o jsonpath="{.data.net-conf\\.json}" | jq .',
      'Fix it to the documented form: {"Network": "10.244.0.0/16", "EnableNFTables": false, "Backend": {"Type": "vxlan"}}',
      'Restart flannel: kubectl rollout restart ds -n {flannelNamespace} {flannelDaemonSet}',
    ],
    verify: [FLANNEL_LOGS + ' | grep "Found network config"'],
    docs: ['facts.md §1.3 (fields)', 'facts.md §1.4 (backends)', 'facts.md §4.1'],
    explains: ['flannel.daemon-down', 'cni.subnet-env-missing'],
  },
  {
    id: 'flannel.wrong-iface',
    tier: 'network',
    title: 'flannel uses the wrong interface or address',
    explanation:
      'flanneld picks the interface of the default route unless told otherwise, and advertises its address as the node\'s public-ip for VXLAN. ' +
      'On Vagrant/VirtualBox every VM\'s first NIC is NAT with the same 10.0.2.15, and on multi-NIC hosts the default route may not be the node network, so other nodes send VXLAN to an address that does not reach this node: cross-node pod traffic fails while flannel looks healthy.',
    fix: [
      'Tell flannel which interface to use: add --iface with the NIC on the node network (or --iface-can-reach with another node\'s IP) to the kube-flannel container args in the DaemonSet.',
      'Or annotate the node with the address other nodes reach it at: kubectl annotate node {node} flannel.alpha.coreos.com/public-ip-overwrite={nodeIp}',
      restartFlannel('Restart the flannel pod on the node; the public IP is fixed at start'),
    ],
    verify: ['kubectl get nodes -o custom-columns=NAME:.metadata.name,PUBLICIP:.metadata.annotations.flannel\\.alpha\\.coreos\\.com/public-ip'],
    docs: ['facts.md §10.4 (Vagrant, multi-NIC, NAT)', 'facts.md §1.5 (--iface flags)'],
    explains: ['flannel.vxlan-blocked', 'flannel.stale-fdb', 'dns.service-unreachable'],
  },
  {
    id: 'flannel.stale-fdb',
    tier: 'network',
    title: 'VXLAN forwarding entries point to an old MAC or node IP',
    explanation:
      'For each remote node flannel programs a neighbour entry (subnet → VTEP MAC), an FDB entry (MAC → node IP) and a route on flannel.1. ' +
      'If a node changed its IP, or systemd-udev rewrote the MAC of flannel.1 (MACAddressPolicy=persistent), these entries no longer match and traffic to that node\'s pods is black-holed.',
    fix: [
      'Compare the entries with the node annotations: bridge fdb show dev flannel.1; ip neigh show dev flannel.1; kubectl get node {node} -o jsonpath="{.metadata.annotations}"',
      'Stop udev from renaming the MAC: a /etc/systemd/network/10-flannel.link with [Match] OriginalName=flannel* and [Link] MACAddressPolicy=none.',
      restartFlannel('Restart the flannel pods on the affected nodes so that they reprogram the entries'),
    ],
    verify: ['bridge fdb show dev flannel.1', 'ip neigh show dev flannel.1'],
    docs: ['facts.md §2.2 (per-node entries)', 'facts.md §10.5 (MACAddressPolicy)'],
    explains: ['dns.service-unreachable'],
  },
  {
    id: 'flannel.route-missing',
    tier: 'network',
    title: 'No route to a remote node\'s pod subnet',
    explanation:
      'Each remote pod subnet needs a route via flannel.1 (vxlan: "10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink") or via the node IP (host-gw). ' +
      'Without it, packets to that node\'s pods follow the default route and are lost; NetworkManager or another agent may have deleted it, or flannel failed to add it.',
    fix: [
      'Check the routes: ip route | grep flannel.1 (one per other node).',
      'Keep NetworkManager away from flannel: /etc/NetworkManager/conf.d/flannel.conf with [keyfile] unmanaged-devices=interface-name:flannel*;interface-name:cni0',
      restartFlannel('Restart the flannel pod on the node to reprogram the routes'),
    ],
    verify: ['ip route show dev flannel.1'],
    docs: ['facts.md §2.2, §2.4 (routes)', 'facts.md §10.5 (NetworkManager)'],
    explains: ['dns.service-unreachable'],
  },
  {
    id: 'flannel.daemon-down',
    tier: 'network',
    title: 'flannel is not running on the node',
    explanation:
      'The kube-flannel pod on the node is missing, crash-looping, OOM-killed or stuck pulling its own image. ' +
      'Without it the node has no subnet.env and, on a new node, no CNI config; routes to other nodes are not maintained.',
    fix: [
      'Find the flannel pods and their state: kubectl get pods -n {flannelNamespace} -l app=flannel -o wide',
      `Read why it stops: ${FLANNEL_LOGS} --previous, and the pod events (OOMKilled, image pull): kubectl get events -n {flannelNamespace} --field-selector involvedObject.kind=Pod`,
      'Fix the cause it names (podCIDR, RBAC, net-conf.json, br_netfilter, image access), or raise the memory limit if it is OOMKilled.',
    ],
    verify: ['kubectl get ds -n {flannelNamespace} {flannelDaemonSet}'],
    docs: ['facts.md §1.1 (DaemonSet)', 'facts.md §1.8 (healthz, readyz, start sequence)', 'facts.md §4.1'],
    explains: ['cni.subnet-env-missing', 'cni.config-missing', 'cni.plugin-missing', 'node.not-ready', 'dns.coredns-down'],
  },
  {
    id: 'flannel.rbac',
    tier: 'network',
    title: 'flannel is not allowed to read or patch nodes',
    explanation:
      'flanneld needs get on pods, get/list/watch on nodes and patch on nodes/status. ' +
      'If the ClusterRoleBinding is missing or binds the service account of another namespace (kube-system vs kube-flannel after the v0.19 move), the API answers forbidden and flannel cannot get its lease.',
    fix: [
      'Check the permissions: kubectl auth can-i list nodes --as=system:serviceaccount:{flannelNamespace}:{flannelServiceAccount}',
      {
        // kubectl apply replaces the subjects of the existing binding (roleRef, which cannot change, stays the manifest's).
        text: 'Bind the ClusterRole flannel to the ServiceAccount the DaemonSet runs as, in the namespace it runs in (the ClusterRoleBinding of the flannel manifest)',
        on: 'cluster',
        run: 'kubectl create clusterrolebinding flannel --clusterrole=flannel --serviceaccount={flannelNamespace}:{flannelServiceAccount} --dry-run=client -o yaml | kubectl apply -f -',
        verify: 'kubectl auth can-i list nodes --as=system:serviceaccount:{flannelNamespace}:{flannelServiceAccount} && kubectl auth can-i patch nodes --subresource=status --as=system:serviceaccount:{flannelNamespace}:{flannelServiceAccount}',
      },
      'If the ClusterRole itself is missing or lacks rules, re-apply it from the flannel manifest of your version.',
      { step: 'flannel.rollout-restart', text: 'Restart flannel on every node: a crash-looping flanneld would otherwise wait out its back-off' },
    ],
    verify: ['kubectl get clusterrolebinding flannel -o yaml'],
    docs: ['facts.md §1.1 (ClusterRole rules)', 'facts.md §4.1 (forbidden texts)'],
    explains: ['flannel.daemon-down', 'cni.subnet-env-missing'],
  },
  {
    id: 'flannel.backend-unsupported',
    noLabFault:
      "The lab's nodes share the host kernel, which supports VXLAN: a kernel without the vxlan module or a backend the hosts cannot run cannot be produced for one node without another kernel. Its rules are tested on module lists and flanneld log lines.",
    tier: 'network',
    title: 'The flannel backend cannot work on these hosts',
    explanation:
      'The chosen backend needs something the hosts lack: vxlan needs the kernel vxlan module ("operation not supported" when creating flannel.1), host-gw needs all nodes on one L2 segment and refuses NAT, wireguard needs kernel support.',
    fix: [
      { step: 'module.load', data: { module: 'vxlan' }, text: 'For vxlan, load the module on {node}' },
      'If the vxlan module is not found, install the kernel extras (e.g. linux-modules-extra-raspi on Raspberry Pi Ubuntu).',
      'For host-gw across routers or NAT, switch the backend to vxlan in net-conf.json and restart flannel.',
    ],
    verify: ['lsmod | grep vxlan', 'ip -d link show flannel.1'],
    docs: ['facts.md §1.4 (backends)', 'facts.md §10.2 (kernel prerequisites)'],
    explains: ['flannel.daemon-down', 'cni.subnet-env-missing'],
  },
  {
    id: 'flannel.ipmasq',
    noLabFault:
      "flanneld v0.28.9 re-checks its masquerade rules every --iptables-resync seconds (default 5), so rules flushed by hand heal before a diagnosis; without --ip-masq the flannel CNI plugin hands the bridge delegate ipMasq=true and the bridge masquerades instead. What stays broken in the field is an iptables-legacy/nft split (flanneld writes one backend, the node's tools read the other), which the lab's single-backend nodes cannot show yet.",
    tier: 'network',
    title: 'Pod traffic leaving the cluster is not masqueraded',
    explanation:
      'Pods use private cluster addresses; traffic to the outside world must be source-NATed on the node. ' +
      'flanneld does that with --ip-masq (FLANNEL-POSTRTG chain); without it, or when the rules failed to install, replies never come back and pods cannot reach external hosts or upstream DNS.',
    fix: [
      'Make sure the kube-flannel container has --ip-masq in its args.',
      'Check the NAT rules: iptables -t nat -S FLANNEL-POSTRTG (expect MASQUERADE rules for the cluster Network).',
      restartFlannel('Restart the flannel pod so that it reinstalls the rules (look for "Failed to setup masq rules" in its log)'),
    ],
    verify: ['iptables -t nat -S POSTROUTING | grep -i flannel'],
    docs: ['facts.md §2.6 (iptables rules)'],
    explains: ['dns.upstream'],
  },
  {
    id: 'dns.coredns-down',
    tier: 'network',
    title: 'CoreDNS is not running or not Ready',
    explanation:
      'The kube-dns Service has no ready CoreDNS endpoints, so every name lookup from pods fails. ' +
      'CoreDNS pods crash (a forwarding loop, bad Corefile, OOM), stay Pending or ContainerCreating (no CNI on their nodes), or never become Ready because they cannot reach the API server.',
    fix: [
      'Look at the pods and their logs: kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide; kubectl logs -n kube-system -l k8s-app=kube-dns --tail=50',
      'Fix what the log or events name (loop → dns.loop, RBAC → restore the system:coredns ClusterRole, sandbox errors → the CNI cause on that node).',
      { text: 'Restart CoreDNS after the fix', on: 'cluster', run: 'kubectl rollout restart deployment -n kube-system coredns', verify: 'kubectl rollout status deployment -n kube-system coredns --timeout=120s' },
    ],
    verify: ['kubectl get endpoints -n kube-system kube-dns'],
    docs: ['facts.md §9 (CoreDNS deployment)'],
    explains: ['dns.service-unreachable'],
  },
  {
    id: 'dns.loop',
    tier: 'network',
    title: 'CoreDNS forwards to itself (loop)',
    explanation:
      'CoreDNS forwards to the resolvers of the node\'s /etc/resolv.conf. When that file lists a local stub (127.0.0.53 of systemd-resolved, 127.0.0.1), queries come back to CoreDNS; the loop plugin detects it and exits, so CoreDNS crash-loops.',
    fix: [
      'Point the kubelet at the real resolver list: resolvConf: /run/systemd/resolve/resolv.conf in /var/lib/kubelet/config.yaml (or --resolv-conf), then systemctl restart kubelet and restart CoreDNS.',
      'Or forward CoreDNS to explicit upstreams: in the coredns ConfigMap replace "forward . /etc/resolv.conf" with "forward ." followed by the IPs of working resolvers.',
    ],
    verify: ['grep nameserver /etc/resolv.conf   # on the node', 'kubectl logs -n kube-system -l k8s-app=kube-dns | grep loop'],
    docs: ['facts.md §9 (loop plugin)'],
    explains: ['dns.coredns-down'],
  },
  {
    id: 'dns.upstream',
    tier: 'network',
    title: 'CoreDNS cannot reach its upstream resolvers',
    explanation:
      'Cluster names resolve, external names fail or time out: CoreDNS forwards to the upstreams of the node\'s resolv.conf and gets no answer ("[ERROR] plugin/errors: 2 … i/o timeout"). ' +
      'The upstream is down or unreachable from pods (firewall, missing masquerade), or one of several upstreams is dead and picked at random.',
    fix: [
      'Test each upstream from a CoreDNS node: for ns in $(awk \'/^nameserver/ {print $2}\' /etc/resolv.conf); do dig +time=2 +tries=1 @$ns example.com; done',
      'Remove dead resolvers from the node resolv.conf, or list working ones explicitly in the Corefile forward line.',
      'If pods cannot reach outside at all, check masquerading (flannel --ip-masq) and the node firewall.',
    ],
    verify: ['kubectl run dnscheck --rm -it --image=busybox:1.36 --restart=Never -- nslookup example.com'],
    docs: ['facts.md §9 (errors and forward plugins)'],
  },
  {
    id: 'dns.service-unreachable',
    tier: 'network',
    title: 'Pods cannot reach the kube-dns Service IP',
    explanation:
      'CoreDNS pods are up and answer on their pod IPs, but queries to the Service IP (10.96.0.10 on kubeadm) time out. ' +
      'The Service VIP is translated by kube-proxy in iptables; that needs kube-proxy running, br_netfilter so bridged pod traffic passes iptables, and a working cross-node path (the VXLAN checksum bug hits exactly this traffic).',
    fix: [
      'Query a CoreDNS pod IP directly and then the Service IP from a test pod to confirm: nslookup kubernetes.default {corednsPodIp}; nslookup kubernetes.default {clusterDnsIp}',
      'Check kube-proxy on the node: kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide, and iptables -t nat -S KUBE-SERVICES | grep {clusterDnsIp}',
      'Load br_netfilter and set net.bridge.bridge-nf-call-iptables=1; if only cross-node queries fail, apply the VXLAN checksum workaround (ethtool -K flannel.1 tx-checksum-ip-generic off).',
    ],
    verify: ['kubectl get endpoints -n kube-system kube-dns'],
    docs: ['facts.md §9 (Service IP, isDefaultGateway)', 'facts.md §10.3 (checksum bug)'],
  },
  {
    id: 'dns.search-ndots',
    tier: 'network',
    title: 'Search-list expansion slows or breaks external lookups',
    explanation:
      'Pods get "options ndots:5" and a search list of several cluster domains, so a name with fewer than five dots is first tried with every search suffix. ' +
      'External lookups turn into several queries each; with a slow upstream or long node search lists they time out or return a wrong wildcard answer.',
    fix: [
      'Use fully qualified names with a trailing dot for external hosts (api.example.com.).',
      'Lower ndots for the workload: spec.dnsConfig.options: [{name: ndots, value: "2"}].',
      'Shorten the node\'s search list (kubelet passes it to pods).',
    ],
    verify: ['kubectl exec -n {namespace} {pod} -- cat /etc/resolv.conf'],
    docs: ['facts.md §9 (pod resolv.conf, glibc limits)'],
  },
];
