import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** flanneld texts that do not name a cause alone: `unknown` with candidates and the check that decides. */
export const AMBIGUOUS_FLANNEL_SIGNATURES: Signature[] = [
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
    id: 'flannel.add-route-refused',
    check: 'ip route show to match <subnet> and ip -d link show flannel.1 on the node: "file exists" means another route already covers that subnet (an old flannel route, a host or VPN network overlapping the pod network); "invalid argument" means the kernel refused the route itself (flannel.1 down or without an address, a subnet or SubnetLen from net-conf.json that does not fit)',
    cause: 'unknown',
    // The kernel refused the route with EEXIST or EINVAL: not a flannel that failed to act, but a route table
    // or a network config in the way. Which one only the node's routes and net-conf.json tell.
    re: /(failed to add (v6 )?vxlanroute|error adding (v6 )?route to)[^\n]{0,200}?: (invalid argument|file exists)/,
    anchors: ['vxlanroute', 'error adding route to', 'error adding v6 route'],
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
      'Failed to setup IPTables. Error on creating the chain: running [/usr/sbin/iptables -t nat -N FLANNEL-POSTRTG --wait]: exit status 4: iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: Invalid argument',
    ],
    // The binary itself missing is flannel.masq-iptables-missing's (etcd-backend-runs.ts): flanneld's rules cannot exist at all.
    counterSamples: ['Starting flannel in iptables mode...'],
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
    id: 'flannel.pod-spec-unreadable',
    cause: 'unknown',
    // flanneld reads its own pod from the API server (through the kubernetes Service's VIP) before anything else;
    // what stopped that request follows the text when it is not cut off, and decides: a refusal or timeout (the VIP
    // unreachable from the node: kube-proxy, a firewall), forbidden (its RBAC).
    re: /failed to create subnetmanager: error retrieving pod spec for/,
    anchors: ['error retrieving pod spec'],
    confidence: 0.5,
    specificity: 80,
    alternatives: ['node.firewall', 'flannel.rbac', 'flannel.daemon-down'],
    check: 'from that node: curl -k https://10.96.0.1:443/version (the kubernetes Service; kube-proxy must run there for it to answer) and kubectl auth can-i get pods -n kube-flannel --as system:serviceaccount:kube-flannel:flannel',
    source: 'flannel pkg/subnet/kube NewSubnetManager ("error retrieving pod spec for \'%s/%s\': %v")',
    samples: [
      'E0627 09:47:16.692645       1 main.go:243] Failed to create SubnetManager: error retrieving pod spec for \'kube-system/kube-flannel-ds-x6vl8\': Get "https://10.96.0.1:443/ap',
      'Failed to create SubnetManager: error retrieving pod spec for \'kube-flannel/kube-flannel-ds-2bq9x\': the server has asked for the client to provide credentials',
    ],
    counterSamples: ['Failed to create SubnetManager: error waiting for nodeController to sync state: context deadline exceeded'],
  }),
  sig({
    id: 'flannel.subnet-file-unwritable',
    cause: 'unknown',
    // flanneld holds its lease but cannot write /run/flannel/subnet.env (a full or read-only /run, its mount): the
    // CNI plugin then finds no file. What to fix is that filesystem, which no cause id names.
    re: /failed to write subnet file/,
    anchors: ['failed to write subnet file'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['cni.subnet-env-missing', 'image.disk-full'],
    check: 'df -h /run and mount | grep /run on that node (a tmpfs full or read-only), and the flannel pod\'s /run/flannel hostPath mount',
    source: 'flannel main.go ("Failed to write subnet file: %s")',
    samples: ['W1206 01:30:11.204417       1 main.go:479] Failed to write subnet file: write /run/flannel/.subnet.env2481907713: no space left on device', 'Failed to write subnet file: open /run/flannel/.subnet.env1: read-only file system'],
    counterSamples: ['Wrote subnet file to /run/flannel/subnet.env'],
  }),
];
