import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** CoreDNS itself: start-up, its Corefile and ConfigMap, forwarding loops (facts §9). */
export const COREDNS_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.coredns-loop',
    cause: 'dns.loop',
    // CoreDNS 1.2.x (the loop plugin's first releases) logged "Forwarding loop detected in %q zone. Exiting. …".
    re: /plugin\/loop: loop \([^)]*\) detected for zone|loop detected for zone|more than twice, loop detected|forwarding loop detected in \\?"[^"\\]*\\?" zone/,
    anchors: ['loop detected', 'detected for zone'],
    confidence: 0.97,
    specificity: 95,
    alternatives: ['dns.node-resolver'],
    source: 'facts §9 (loop plugin)',
    samples: [
      '[FATAL] plugin/loop: Loop (127.0.0.1:55953 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 4547991504243258144.3688648895315093531."',
      '[FATAL] plugin/loop: Seen "HINFO IN 7533785439217327289.9089843233484416386." more than twice, loop detected',
      '[FATAL] plugin/loop: Forwarding loop detected in "cluster.local." zone. Exiting. See https://coredns.io/plugins/loop#troubleshooting. Probe query: "HINFO 1122334455.6677889900.cluster.local.".',
    ],
    counterSamples: ['[INFO] plugin/reload: Running configuration SHA512 = 591cf3'],
  }),
  sig({
    id: 'dns.coredns-cannot-reach-api',
    check: 'kubectl -n kube-system get endpoints kubernetes and, from the CoreDNS node, curl -k https://<kubernetes Service IP>/version: forbidden means the coredns ClusterRole; a timeout means kube-proxy, br_netfilter or the pod network',
    cause: 'dns.coredns-down',
    re: /system:serviceaccount:[\w-]+:coredns\\?" cannot|plugin\/ready: (still waiting on|plugins not ready): \\?"kubernetes|starting server with unsynced kubernetes api|kubernetes api connection failure|plugin\/kubernetes: [^\n]{0,600}(failed to list|failed to watch)/,
    anchors: [':coredns', 'still waiting on', 'plugins not ready', 'unsynced kubernetes api', 'api connection failure', 'plugin/kubernetes'],
    confidence: 0.75,
    specificity: 88,
    // A host firewall's REJECT (firewalld answers icmp-host-prohibited) reads "no route to host" at the client.
    alternatives: ['dns.service-unreachable', 'node.br-netfilter', 'node.firewall'],
    source: 'facts §9 (CoreDNS readiness needs the kubernetes plugin synced)',
    samples: [
      'E0626 13:16:51.649661       1 reflector.go:134] Failed to list *v1.Endpoints: endpoints is forbidden: User "system:serviceaccount:kube-system:coredns" cannot list resource "endpoints" in API group "" at the cluster scope',
      '[INFO] plugin/ready: Still waiting on: "kubernetes"',
      '[ERROR] plugin/kubernetes: pkg/mod/k8s.io/client-go@v0.27.4/tools/cache/reflector.go:231: Failed to watch *v1.Namespace: failed to list *v1.Namespace: Get "https://10.96.0.1:443/api/v1/namespaces?limit=500&resourceVersion=0": dial tcp 10.96.0.1:443: i/o timeout',
    ],
    counterSamples: ['[INFO] plugin/reload: Running configuration SHA512 = 591cf3'],
  }),
  sig({
    id: 'dns.dns-service-no-backends',
    cause: 'dns.coredns-down',
    // The cluster DNS Service has no ready endpoints: the kernel's IPVS finds no real server for its port 53, or
    // kubectl lists none. Queries to the Service address go nowhere: no CoreDNS pod is ready behind it, or the proxier
    // has not synced its endpoints (the corpus has one such case), so below 0.9.
    re: /ipvs: \w+: (tcp|udp) [\d.]+:53 - no destination available|(?:^|\s)kube-dns +<none> |(?:^|\s)kube-dns-\w+ +ipv[46] +\S+ +<unset> /,
    anchors: ['no destination available', 'kube-dns'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['dns.service-unreachable'],
    check: 'kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide and kubectl -n kube-system get endpointslices -l kubernetes.io/service-name=kube-dns: no ready CoreDNS pod means no endpoints; its events or logs say why it is not ready',
    source: 'Linux IPVS schedulers ("IPVS: rr: UDP %s - no destination available"); kubectl get endpoints (<none>)',
    samples: ['NAME             ADDRESSTYPE   PORTS    ENDPOINTS   AGE\nkube-dns-7xk2f   IPv4          <unset>  <unset>     40d', '[ 9021.338201] IPVS: rr: TCP 10.96.0.10:53 - no destination available', 'NAME       ENDPOINTS   AGE\nkube-dns   <none>      3d'],
    counterSamples: ['NAME       ENDPOINTS                                   AGE\nkube-dns   10.244.0.2:53,10.244.0.3:53,10.244.0.2:53   3d', 'IPVS: rr: TCP 10.96.0.1:443 - no destination available'],
  }),
  sig({
    id: 'dns.coredns-deployment-unavailable',
    cause: 'dns.coredns-down',
    // kubectl get deploy coredns: no replica ready. Whatever keeps its pods from being ready, the cluster has no DNS.
    re: /(?:^|\s)coredns +0\/[1-9]\d* +\d+ +0 +\S+/,
    anchors: ['coredns '],
    confidence: 0.8,
    specificity: 86,
    check: 'kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide and describe one: Pending or ContainerCreating points at the pod network on its node, CrashLoopBackOff at its log (a loop, a Corefile error)',
    source: 'kubectl get deployment (READY UP-TO-DATE AVAILABLE AGE)',
    samples: ['NAME      READY   UP-TO-DATE   AVAILABLE   AGE\ncoredns   0/2     2            0           9d', 'coredns   0/1     1            0           3m'],
    counterSamples: ['NAME      READY   UP-TO-DATE   AVAILABLE   AGE\ncoredns   2/2     2            2           9d'],
  }),
  sig({
    id: 'dns.coredns-oom-killed',
    cause: 'dns.coredns-down',
    // The kernel's OOM killer ending CoreDNS (its memory limit reached, often by a cache or a flood of queries):
    // while it restarts, lookups through the cluster DNS Service fail.
    re: /killed process \d+ \(coredns\)|reaped process \d+ \(coredns\)|oom-kill:[^\n]{0,300}\btask=coredns,/,
    anchors: ['(coredns)', 'task=coredns,'],
    confidence: 0.8,
    specificity: 95,
    check: 'kubectl -n kube-system describe pod -l k8s-app=kube-dns: Last State OOMKilled; raise the coredns container\'s memory limit, and look for what grew it (cache size, a query storm)',
    source: 'Linux OOM killer ("Memory cgroup out of memory: Killed process %d (%s)")',
    samples: ['[ 7120.441009] Memory cgroup out of memory: Killed process 4021 (coredns) total-vm:760220kB, anon-rss:173012kB', 'oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=cri-containerd-77aa.scope,mems_allowed=0,task=coredns,pid=4021,uid=65532'],
    // The process that asked for memory is not always the one killed.
    counterSamples: ['Memory cgroup out of memory: Killed process 4021 (java) total-vm:760220kB', 'coredns invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=-997\nOut of memory: Killed process 30112 (java) total-vm:8812004kB'],
  }),
  sig({
    id: 'dns.coredns-plugin-setup-error',
    cause: 'dns.coredns-down',
    // A plugin's setup refusing its Corefile stanza prints "plugin/<name>: <reason>" as a line of its own; at start
    // CoreDNS exits on it and the pod crash-loops. (Served errors carry a level, "[ERROR] plugin/errors: …"; a reload
    // that fails keeps the old config and says so in plugin/reload's words, so this stays below 0.9.) The line may come
    // behind what carried it: "Error: ", a journal's "coredns[pid]: ", a CRI log file's "<time> stderr F ".
    re: /(?:^|[^\S \t\r\f\v]|\b(?:error|coredns(?:\[\d+\])?): |\b(?:stdout|stderr) [fp] )plugin\/(?!errors:|reload: running)[a-z0-9_]+: (?!\d+ [\w.-]+\.? )[^\n]{3,200}(?:$|[^\S \t\r\f\v])/,
    anchors: ['plugin/'],
    confidence: 0.6,
    specificity: 70,
    check: 'kubectl -n kube-system logs deploy/coredns --previous and kubectl -n kube-system get cm coredns -o yaml: fix the stanza of the plugin named (its option or value), then the pods start again',
    source: 'CoreDNS plugin setup errors (plugin.Error: "plugin/%s: %s"), printed by coremain when the server cannot start',
    samples: ['plugin/kubernetes: wrong value for pods: bogus,  must be one of: disabled, verified, insecure', 'plugin/reload: interval value must be greater or equal to 2s', 'coredns[2210]: plugin/cache: percentage should fall in range [10, 90]: 95', 'Error: plugin/forward: read_timeout must be positive: 0s', '2025-03-01T10:00:00.123456789Z stderr F plugin/bind: not a valid IP address or interface name: "ens224"'],
    counterSamples: ['[INFO] plugin/reload: Running configuration SHA512 = 1b226df79860', '[ERROR] plugin/errors: 2 example.com. A: read udp 10.244.0.4:53012->192.168.1.1:53: i/o timeout'],
  }),
  sig({
    id: 'dns.coredns-configmap-key-missing',
    cause: 'dns.coredns-down',
    // The CoreDNS pod mounts keys of its ConfigMap (Corefile; NodeHosts on k3s); a key the volume names but the
    // ConfigMap lacks leaves the pod in ContainerCreating: no CoreDNS.
    re: /coredns[^\n]{0,400}configmap references non-existent config key|configmap references non-existent config key: (nodehosts|corefile)\b/,
    anchors: ['configmap references non-existent config key'],
    confidence: 0.85,
    specificity: 92,
    check: 'kubectl -n kube-system get configmap coredns -o yaml: the key the volume names (Corefile, and NodeHosts on k3s) must be there — restore it (k3s rewrites its own coredns ConfigMap at start; an edited copy that dropped NodeHosts needs the key back)',
    source: 'kubelet configmap volume ("configmap references non-existent config key: <key>")',
    samples: ['MountVolume.SetUp failed for volume "config-volume" pod "coredns-d798c9dd-dtjnm" (UID: "5e") : configmap references non-existent config key: NodeHosts', 'configmap references non-existent config key: Corefile'],
    counterSamples: ['MountVolume.SetUp failed for volume "cfg" pod "web-0" : configmap references non-existent config key: app.yaml'],
  }),
  sig({
    id: 'dns.coredns-pod-failing',
    check: 'kubectl -n kube-system logs <coredns pod> --previous: a plugin/loop FATAL means a forwarding loop; Pending or ContainerCreating means the pod network (CNI) on its node',
    cause: 'dns.coredns-down',
    re: /coredns-[\w-]+[^\n]{0,120}(crashloopbackoff|pending|containercreating|oomkilled|back-off restarting|\s0\/1\s+running\b)|back-off( \S+)? restarting failed container[= ]coredns|coredns-[\w-]+[\s\S]{0,200}?failedscheduling/,
    anchors: ['coredns-', 'container coredns'],
    confidence: 0.7,
    specificity: 60,
    alternatives: ['dns.loop', 'cni.config-missing', 'node.not-ready'],
    source: 'facts §9 (CoreDNS deployment)',
    samples: [
      'kube-system   coredns-5d78c9869d-4xk2p   0/1   CrashLoopBackOff   7 (2m ago)   15m',
      'Back-off restarting failed container coredns in pod coredns-76f75df574-abcde_kube-system(9d1e)',
      // The kubelet's pod worker since 1.25: container=<name> pod=<pod>.
      'pod_workers.go:1338] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"coredns\\" with CrashLoopBackOff: \\"back-off 1m20s restarting failed container=coredns pod=coredns-66bc5c9577-4rj8w_kube-system(5e7c)\\""',
      'kube-system   coredns-7db6d8ff4d-9zq8w   0/1     Running   0          12m',
      // no node the CoreDNS pods may run on (taints they do not tolerate, nodes not ready): cluster DNS has no server
      'kubectl describe pods -n kube-system coredns-84b6ddc6c6-6vlrz\n  Warning  FailedScheduling  2m  default-scheduler  0/3 nodes are available: 3 node(s) had untolerated taint {node.cloudprovider.kubernetes.io/uninitialized: true}.',
    ],
    counterSamples: ['kube-system   coredns-5d78c9869d-4xk2p   1/1   Running   0   15m'],
  }),
  sig({
    id: 'dns.service-ip-refused',
    cause: 'dns.coredns-down',
    // The cluster DNS Service (x.x.0.10:53) refusing a connection: kube-proxy has no endpoint to send it to
    // (rejects it), so no CoreDNS pod is Ready behind the Service. The same refusal in every client's words: Go's
    // dial and its UDP read (the ICMP port-unreachable), Node's ECONNREFUSED, dig's communications error.
    // Above dns.cluster-dns-timeout, which reads the same lookup line when the query goes unanswered.
    re: /dial (tcp|udp) (10|172|192|100)\.\d+\.\d+\.10:53: (connect: )?connection refused|->(10|172|192|100)\.\d+\.\d+\.10:53: read: connection refused|econnrefused (10|172|192|100)\.\d+\.\d+\.10:53\b|(10|172|192|100)\.\d+\.\d+\.10#53: connection refused/,
    anchors: ['.10:53: connect: connection refused', '.10:53: connection refused', '.10:53: read: connection refused', 'econnrefused', '.10#53: connection refused'],
    confidence: 0.6,
    specificity: 92,
    alternatives: ['dns.service-unreachable'],
    check: 'kubectl -n kube-system get endpoints kube-dns (an empty list means no Ready CoreDNS pod: kubectl -n kube-system get pods -l k8s-app=kube-dns) and, from the node, the Service rules (iptables-save | grep 10.96.0.10)',
    source: 'kube-proxy rejects Service traffic without endpoints (icmp port-unreachable / TCP RST); facts §9',
    samples: [
      'dial tcp 10.96.0.10:53: connect: connection refused',
      'read udp 10.244.1.5:40000->10.43.0.10:53: dial udp 10.43.0.10:53: connection refused',
      'dial tcp: lookup api.shop.svc.cluster.local on 10.96.0.10:53: read udp 10.244.1.5:43211->10.96.0.10:53: read: connection refused',
      'Error: connect ECONNREFUSED 10.96.0.10:53',
      ';; communications error to 10.43.0.10#53: connection refused',
    ],
    counterSamples: ['dial tcp 10.96.0.1:443: connect: connection refused', 'dial tcp: lookup api.shop.svc on 10.96.0.10:53: read udp 10.244.1.5:43211->10.96.0.10:53: i/o timeout'],
  }),
  sig({
    id: 'dns.coredns-setup-error',
    cause: 'dns.coredns-down',
    // CoreDNS parses the Corefile at start and exits on a plugin's setup error (a forward target that is neither
    // an address nor a file inside its container, an unknown directive): the pods crash-loop, nothing answers.
    // A plugin refusing its own arguments ("invalid value for …", "unknown property", a wrong argument count) is the same
    // setup error, worded by the plugin.
    re: /plugin\/forward: not an ip address or file|plugin\/[\w-]+: (setup error|invalid value for|wrong value for|unknown property|wrong argument count|exceeded the number of arguments|too (many|few) arguments)|(?:^|[\r\n])[ \t]*plugin\/(?!errors|forward|reload|health|ready|loop|log\b)[\w-]+: \S|cannot serve dns:\/\/\S+ - (it is already defined|zone overlap listener capacity)|listen: listen (?:tcp|udp)[46]? [\w.\[\]:]+:53: bind: cannot assign requested address|unknown (directive|property) '[\w.:\/-]+'|error parsing corefile|corefile:\d+ - error during parsing|\/etc\/coredns\/[\w.-]+:\d+ - error during parsing|this plugin can only be used once per server block|syntax error: unexpected token '[^'\n]*', expecting '[^'\n]*'/,
    anchors: ['not an ip address or file', 'setup error', 'invalid value for', 'unknown property', 'wrong argument count', 'unknown directive', 'error parsing corefile', 'error during parsing', 'can only be used once per', 'unexpected token', 'number of arguments', 'too many arguments', 'too few arguments', 'wrong value for', 'plugin/', 'it is already defined', 'zone overlap', 'cannot assign requested address'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['dns.upstream'],
    check: 'kubectl -n kube-system get configmap coredns -o yaml: the line the error names — a forward target must be an address or a file that exists inside the CoreDNS container (a host path like /run/systemd/resolve/resolv.conf needs a mount), a directive must be a plugin this build has',
    source: 'CoreDNS Corefile parsing and plugin setup (forward: "not an IP address or file")',
    samples: [
      // A setup error is printed bare, before any log level: "plugin/<name>: <why>" as CoreDNS exits.
      'plugin/cache: cache TTL can not be zero or negative: 0',
      'plugin/kubernetes: wrong value for pods: insecur,  must be one of: disabled, verified, insecure',
      'cannot serve dns://.:53 - it is already defined',
      'Listen: listen tcp 192.168.10.53:53: bind: cannot assign requested address',
      'plugin/rewrite: exceeded the number of arguments for a name rule',
      "/etc/coredns/custom.hosts:1 - Error during parsing: Unknown directive '1.2.3.4'",'[BUG] plugin/forward: not an IP address or file: "/run/systemd/resolve/resolv.conf"', "plugin/forward: not an IP address or file: \"/etc/resolv.conf.upstream\"", "/etc/coredns/Corefile:12 - Error during parsing: Unknown directive 'proxy'", 'plugin/cache: invalid value for prefetch percentage: 200%', 'plugin/kubernetes: this plugin can only be used once per Server Block', "Syntax error: Unexpected token 'stacktrace', expecting 'consolidate'"],
    counterSamples: ['[INFO] plugin/reload: Running configuration SHA512 = 591cf3'],
  }),
  sig({
    id: 'dns.coredns-bind-53',
    cause: 'dns.coredns-down',
    // CoreDNS (dnsserver) cannot open its listener: another DNS server holds port 53 (hostNetwork), or the binary lost NET_BIND_SERVICE.
    // CoreDNS's default listener has no host part ("listen tcp :53"); an address there comes from the bind
    // plugin, as node-local DNS caches use, and is judged by dns.dns-bind-53-address below.
    re: /listen (tcp|udp)[46]? :53: bind: (address already in use|permission denied)|listen (tcp|udp)[46]? [\w.\[\]:]*:53: bind: permission denied/,
    anchors: [':53: bind: '],
    confidence: 0.85,
    specificity: 94,
    check: '"address already in use": CoreDNS shares the node\'s network (hostNetwork or a local install) with another DNS server — ss -lunp \'sport = :53\' on the node; "permission denied": the CoreDNS process lacks CAP_NET_BIND_SERVICE (securityContext capabilities, or file capabilities lost when the image or containerd root was copied)',
    source: 'CoreDNS server start-up (core/dnsserver: net.Listen / ListenPacket on the zone port)',
    samples: ['Listen: listen tcp :53: bind: permission denied', 'ListenPacket: listen udp :53: bind: address already in use'],
    counterSamples: ['[ERROR] Failed to start metrics handler: listen tcp 127.0.0.1:9153: bind: address already in use', 'Listen: listen tcp 0.0.0.0:53: bind: address already in use'],
  }),
  sig({
    id: 'dns.coredns-forwards-to-itself',
    cause: 'dns.loop',
    // The upstream CoreDNS times out on is the cluster DNS Service itself (the 10th Service address): it forwards to itself.
    // Not the loop plugin's own probe (HINFO <random>.<random>.): a loop returns that query and is reported as
    // one ("Loop … detected"); its timing out means the upstream did not answer it.
    re: /(unreachable backend|plugin\/errors: \d+ [\w.-]+ (?!hinfo\b)\w+|\[error\] \d+ [\w.-]+\. (?!hinfo\b)[a-z]+): [^\n]{0,200}->(10|172|192|100)\.\d+\.\d+\.10:53: i\/o timeout/,
    anchors: ['.10:53: i/o timeout'],
    confidence: 0.6,
    specificity: 94,
    alternatives: ['dns.upstream', 'dns.service-unreachable'],
    check: 'cat /etc/resolv.conf on the CoreDNS node (or the file the kubelet\'s --resolv-conf names): a nameserver equal to the cluster DNS Service IP makes CoreDNS forward queries to itself',
    source: 'CoreDNS loop plugin troubleshooting (facts §9: forward . /etc/resolv.conf takes the node resolver)',
    samples: [
      '2019/03/04 10:00:00 [ERROR] 2 www.example.com. A: unreachable backend: read udp 10.244.1.12:40001->10.96.0.10:53: i/o timeout',
      '[ERROR] plugin/errors: 2 example.org. AAAA: read udp 10.42.0.5:39999->10.43.0.10:53: i/o timeout',
    ],
    counterSamples: ['[ERROR] plugin/errors: 2 example.org. AAAA: read udp 10.42.0.5:39999->192.168.1.1:53: i/o timeout'],
  }),
  sig({
    id: 'dns.resolv-conf-loopback',
    cause: 'dns.loop',
    // A resolv.conf whose nameserver is a loopback address (systemd-resolved's 127.0.0.53, a local
    // dnsmasq): if it is the file CoreDNS forwards to, CoreDNS sends queries back to itself.
    re: /\bnameserver\s+(127\.\d+\.\d+\.\d+|::1)(?![\w.:])/,
    anchors: ['nameserver 127.', 'nameserver ::1'],
    confidence: 0.45,
    specificity: 70,
    alternatives: ['dns.node-resolver'],
    check: 'which resolv.conf does the kubelet hand to CoreDNS (kubelet --resolv-conf / resolvConf in its config)? if it is this one, point it at /run/systemd/resolve/resolv.conf (the real upstreams) and restart the CoreDNS pods; CoreDNS logs "plugin/loop: Loop ... detected" when it loops',
    source: 'CoreDNS loop plugin troubleshooting; facts §9 (forward . /etc/resolv.conf takes the node resolver)',
    samples: ['$ cat /etc/resolv.conf\nnameserver 127.0.0.53\noptions edns0 trust-ad', '# grep nameserver /etc/resolv.conf\nnameserver 127.0.0.53'],
    counterSamples: ['nameserver 10.96.0.10\nsearch default.svc.cluster.local'],
  }),
  sig({
    // The API server's service proxy answers "no endpoints available for service" when the Service has
    // no ready endpoint; for the cluster DNS Service that is no CoreDNS pod Ready.
    id: 'dns.service-no-endpoints',
    cause: 'dns.coredns-down',
    re: /no endpoints available for service \\?"?(kube-system\/)?(kube-dns|coredns)\b/,
    anchors: ['no endpoints available for service'],
    confidence: 0.9,
    specificity: 92,
    check: 'kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide and kubectl -n kube-system get endpointslices -l kubernetes.io/service-name=kube-dns: no Ready CoreDNS pod (Pending without a pod network, CrashLoopBackOff, failing readiness) leaves the Service without endpoints',
    source: 'kube-apiserver service proxy (ServiceUnavailable: no endpoints available for service)',
    samples: [
      'Error from server (ServiceUnavailable): no endpoints available for service "kube-dns"',
      '{"kind":"Status","status":"Failure","message":"no endpoints available for service \\"coredns\\"","reason":"ServiceUnavailable","code":503}',
    ],
    counterSamples: ['Error from server (ServiceUnavailable): no endpoints available for service "metrics-server"'],
  }),
  sig({
    id: 'dns.kube-dns-no-endpoints',
    cause: 'dns.coredns-down',
    // kube-proxy (iptables mode) installs a REJECT for a Service without ready endpoints, commented
    // "<ns>/<svc>:<port> has no endpoints"; its log says the same. For kube-dns that is CoreDNS not ready.
    re: /kube-system\/(kube-?dns|coredns):(dns(-tcp)?|metrics) has no endpoints/,
    anchors: ['has no endpoints'],
    confidence: 0.9,
    specificity: 90,
    source: 'kube-proxy iptables proxier (REJECT rule comment "%s has no endpoints")',
    samples: [
      '    0     0 REJECT     udp  --  any    any     anywhere             10.96.0.10  /* kube-system/kube-dns:dns has no endpoints */ udp dpt:domain reject-with icmp-port-unreachable',
      '-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp has no endpoints" -m tcp --dport 53 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-SERVICES -d 10.233.0.3/32 -p udp -m comment --comment "kube-system/kubedns:dns has no endpoints" -m udp --dport 53 -j REJECT',
    ],
    counterSamples: ['/* default/web:http has no endpoints */ tcp dpt:http reject-with icmp-port-unreachable'],
  }),

  sig({
    id: 'dns.cluster-dns-no-api-client',
    cause: 'dns.coredns-down',
    // The cluster DNS server (kube-dns, its older kube2sky bridge, CoreDNS) cannot build its API client at start
    // (no service-account token mounted, no kubeconfig), or its pod cannot even be created for want of a token:
    // it exits before serving, and the cluster has no DNS. kube-dns logs it from its own server.go (klog's header names
    // the file, not the program); the missing token it names is the DNS pod's, so it outranks the generic token reading.
    re: /(kube2sky|kube-dns|skydns|coredns|\bserver\.go:\d+\])[^\n]{0,300}failed to create (a )?kubernetes client|pods \\?"(kube-dns|coredns)[\w.-]*\\?" is forbidden: no api token found for service account/,
    anchors: ['failed to create a kubernetes client', 'failed to create kubernetes client', 'no api token found'],
    confidence: 0.8,
    specificity: 91,
    check: 'kubectl -n kube-system get pods -l k8s-app=kube-dns and the DNS pod\'s log; the service account the Deployment names must exist with its token (kubectl -n kube-system get sa coredns -o yaml), and the controller-manager must run with --service-account-private-key-file for tokens to be issued on old clusters',
    source: 'kube-dns and kube2sky start-up (Failed to create a kubernetes client), the API server\'s ServiceAccount admission ("no API token found for service account %s")',
    samples: [
      'I0616 12:21:06.247816       1 kube2sky.go:388] Etcd server found: http://127.0.0.1:4001\nF0616 12:21:07.249143       1 kube2sky.go:513] Failed to create a kubernetes client: stat /etc/dns_token/kubeconfig: no such file or directory',
      'F0302 09:14:05.118204       1 server.go:57] Failed to create a kubernetes client: open /var/run/secrets/kubernetes.io/serviceaccount/token: no such file or directory',
      'Error creating: pods "kube-dns-v11-" is forbidden: no API token found for service account kube-system/default, retry after the token is automatically created and added to the service account',
    ],
    counterSamples: ['Error creating: pods "web-" is forbidden: no API token found for service account shop/default'],
  }),
  sig({
    id: 'dns.coredns-rbac-forbidden',
    cause: 'dns.coredns-down',
    // CoreDNS's kubernetes plugin lists and watches Services, EndpointSlices, Namespaces (and Pods): forbidden,
    // it never syncs, its readiness never passes, and the cluster has no DNS.
    // Older API servers worded it "cannot list configmaps in the namespace …" (kube-dns read its ConfigMap); before
    // RBAC, the reflector's "the server does not allow access to the requested resource".
    re: /system:serviceaccount:[^"\s]*(coredns|kube-dns)[^"\s]*\\?" cannot (list|watch|get) (resource \\?"(services|endpoints|endpointslices|namespaces|pods|configmaps)\\?"|(services|endpoints|endpointslices|namespaces|pods|configmaps) in the namespace)|(coredns|k8s\.io\/dns)\/vendor\/[^\n]{0,200}failed to list \*[\w.]+: the server does not allow access to the requested resource/,
    anchors: ['system:serviceaccount:', 'coredns/vendor/', 'k8s.io/dns/vendor/'],
    confidence: 0.9,
    specificity: 90,
    source: 'CoreDNS kubernetes plugin (informers on services, endpointslices, namespaces) and its ClusterRole system:coredns',
    samples: [
      'Failed to list *v1.ConfigMap: configmaps is forbidden: User "system:serviceaccount:kube-system:kube-dns" cannot list configmaps in the namespace "kube-system"',
      'github.com/coredns/coredns/vendor/k8s.io/client-go/1.5/tools/cache/reflector.go:109: Failed to list *api.Namespace: the server does not allow access to the requested resource (get namespaces)',
      'services is forbidden: User "system:serviceaccount:coredns:default" cannot list resource "services" in API group "" at the cluster scope',
      'plugin/kubernetes: pkg/mod/k8s.io/client-go/tools/cache/reflector.go:169: Failed to watch *v1.EndpointSlice: failed to list *v1.EndpointSlice: endpointslices.discovery.k8s.io is forbidden: User "system:serviceaccount:kube-system:coredns" cannot list resource "endpointslices" in API group "discovery.k8s.io" at the cluster scope',
    ],
    counterSamples: ['pods is forbidden: User "system:serviceaccount:kube-flannel:flannel" cannot list resource "pods" in API group "" at the cluster scope'],
  }),
  sig({
    id: 'dns.corefile-missing',
    cause: 'dns.coredns-down',
    // CoreDNS is started with -conf <file>; a file that is not there (a ConfigMap key other than Corefile, a
    // volume mounted elsewhere) or unreadable ends the process before it serves: the pods crash-loop.
    re: /loading caddyfile via flag: (open|read) [^\n]{0,300}: (no such file or directory|permission denied|is a directory)/,
    anchors: ['loading caddyfile via flag'],
    confidence: 0.9,
    specificity: 95,
    source: 'CoreDNS start-up (caddy loader: "loading Caddyfile via flag: open <file>")',
    samples: ['loading Caddyfile via flag: open /etc/coredns/Corefile: no such file or directory', 'loading Caddyfile via flag: open /etc/coredns/Corefile: permission denied', 'loading Caddyfile via flag: read /etc/coredns/Corefile: is a directory'],
    counterSamples: ['[INFO] plugin/reload: Running configuration SHA512 = 1'],
  }),
  sig({
    id: 'dns.coredns-health-self-check',
    cause: 'dns.coredns-down',
    // The health plugin requests its own endpoint every second and logs a failure: the listener the kubelet's
    // liveness probe reads is not answering, so the pod is restarted until it does (a listener that could not
    // bind, a process too busy under its CPU limit).
    // A reset from another port is something between (an HTTP proxy taken from the environment), not CoreDNS.
    re: /plugin\/health: local health request to "[^"\n]*" failed: [^\n]*(connect: connection refused|context deadline exceeded|i\/o timeout)/,
    anchors: ['local health request'],
    confidence: 0.7,
    specificity: 93,
    check: 'kubectl -n kube-system get pods -l k8s-app=kube-dns (restarts, liveness failures in describe): "connection refused" is the health listener not bound — two server blocks with health on one port, or a hostNetwork clash on :8080; a timeout is CoreDNS starved (CPU limit, throttling)',
    source: 'CoreDNS plugin/health (overloaded check: "Local health request to %q failed: %s")',
    samples: ['[WARNING] plugin/health: Local health request to "http://:8080/health" failed: Get "http://:8080/health": dial tcp :8080: connect: connection refused', '[WARNING] plugin/health: Local health request to "http://:8080/health" failed: Get "http://:8080/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'],
    counterSamples: ['[INFO] plugin/health: Going into lameduck mode for 5s', '[WARNING] plugin/health: Local health request to "http://:8080/health" failed: Get "http://:8080/health": read tcp 127.0.0.1:6367->127.0.0.1:4440: read: connection reset by peer'],
  }),
  sig({
    id: 'dns.coredns-ready-refused',
    cause: 'dns.coredns-down',
    // 8181 is CoreDNS's ready plugin; the kubelet probes it from the node. Refused there is nothing listening in
    // the pod (no `ready` in the Corefile, or CoreDNS not serving), so the pods never turn Ready and the DNS
    // Service has no endpoints.
    re: /readiness probe failed: get \\*"?http:\/\/[\d.]+:8181\/ready\\*"?: dial tcp [\d.:]+: connect: connection refused/,
    anchors: [':8181/ready'],
    confidence: 0.75,
    specificity: 94,
    check: 'kubectl -n kube-system get configmap coredns -o yaml: the Corefile needs `ready` (and `health`) for the probes the Deployment declares; then kubectl -n kube-system logs -l k8s-app=kube-dns for why it does not serve',
    source: 'CoreDNS ready plugin (:8181/ready) probed by the kubelet',
    samples: ['Readiness probe failed: Get http://10.244.1.7:8181/ready: dial tcp 10.244.1.7:8181: connect: connection refused', 'Warning  Unhealthy  2m (x40 over 8m)  kubelet  Readiness probe failed: Get "http://10.42.0.5:8181/ready": dial tcp 10.42.0.5:8181: connect: connection refused'],
    counterSamples: ['Readiness probe failed: HTTP probe failed with statuscode: 503'],
  }),
  sig({
    id: 'dns.coredns-reload-parse-failed',
    cause: 'unknown',
    // The reload plugin read an edited Corefile it cannot parse: it keeps serving with the running config, so DNS
    // is not down now — it will be when a pod restarts with the broken ConfigMap.
    re: /plugin\/reload: corefile parse failed/,
    anchors: ['corefile parse failed'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['dns.coredns-down'],
    check: 'kubectl -n kube-system get configmap coredns -o yaml: fix the line the error names before any CoreDNS pod restarts (a restarted pod exits on the same parse error)',
    source: 'CoreDNS reload plugin ("Corefile parse failed: %s")',
    samples: ['[WARNING] plugin/reload: Corefile parse failed: /etc/coredns/Corefile:24 - Error during parsing: Unexpected EOF', '[WARNING] plugin/reload: Corefile parse failed: Corefile:3 - Error during parsing: Unknown directive \'forwrd\''],
    counterSamples: ['[INFO] plugin/reload: Running configuration SHA512 = 591cf3'],
  }),
  sig({
    id: 'dns.coredns-tls-upstream',
    cause: 'dns.upstream',
    // The forward plugin speaking DNS over TLS (forward . tls://…) fails the upstream's certificate: a private CA not
    // in the image, a tls_servername that does not match, or a middlebox intercepting TLS. The upstream, not a registry.
    re: /plugin\/errors: \d+ \S+ \w+: [^\n]{0,200}(x509: |tls: (failed to verify|handshake failure|first record))/,
    anchors: ['plugin/errors'],
    confidence: 0.8,
    specificity: 97,
    alternatives: ['registry.proxy'],
    check: 'the forward block in the Corefile: the tls:// upstream\'s certificate against tls_servername and the CA the CoreDNS image trusts (openssl s_client -connect <upstream>:853 -servername <name>)',
    source: 'CoreDNS forward plugin over TLS (pkg/proxy dial with tls.Config)',
    samples: ['[ERROR] plugin/errors: 2 example.com. A: tls: failed to verify certificate: x509: certificate signed by unknown authority', '[ERROR] plugin/errors: 2 example.com. A: tls: failed to verify certificate: x509: certificate is valid for dns.google, not cloudflare-dns.com'],
    counterSamples: ['[ERROR] plugin/errors: 2 example.com. A: read udp 10.244.1.3:36734->10.0.2.3:53: i/o timeout'],
  }),
  sig({
    id: 'coredns.binary-not-executable',
    cause: 'dns.coredns-down',
    // The CoreDNS container cannot exec its own binary (a securityContext dropping what the image's file
    // capabilities need, a non-root user with no_new_privs, a noexec mount): every CoreDNS pod crash-loops. An exec
    // format error is the image's platform, not this.
    re: /exec \/coredns: (operation not permitted|permission denied)/,
    anchors: ['exec /coredns: '],
    confidence: 0.85,
    specificity: 94,
    check: 'kubectl -n kube-system get deploy coredns -o yaml: the securityContext (allowPrivilegeEscalation, capabilities add NET_BIND_SERVICE, runAsUser) against what the image needs to bind :53',
    source: 'runc exec of the container\'s entrypoint (/coredns) as CoreDNS pods log it',
    samples: ['exec /coredns: operation not permitted', 'kubectl -n kube-system logs coredns-7db6d8ff4d-2xkq8\nexec /coredns: permission denied'],
    counterSamples: ['exec /app/server: operation not permitted'],
  }),
];
