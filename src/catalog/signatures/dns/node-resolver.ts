import type { Signature } from '../../types.js';
import { REGISTRY_CONTEXT, besidePull, withoutPull } from '../context.js';
import { sig } from '../define.js';

/** The node's resolver: resolv.conf, systemd-resolved and the kubelet's DNS config (facts §9). */
export const NODE_RESOLVER_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.kubelet-resolv-conf-unopenable',
    cause: 'dns.node-resolver',
    // The kubelet's resolvConf (--resolv-conf) names a file that is not there: pods with dnsPolicy Default get no
    // nameserver, and ClusterFirst pods no upstream search path from the node.
    re: /checklimitsforresolvconf[^\n]{0,200}open \S+: no such file or directory|could not open resolv conf file/,
    anchors: ['checklimitsforresolvconf', 'could not open resolv conf file'],
    confidence: 0.8,
    specificity: 90,
    check: "grep resolvConf /var/lib/kubelet/config.yaml on the node: it must name a file that exists (/run/systemd/resolve/resolv.conf where systemd-resolved runs, /etc/resolv.conf otherwise)",
    source: 'kubelet pkg/kubelet/network/dns (CheckLimitsForResolvConf; "Could not open resolv conf file.")',
    samples: ['Warning  CheckLimitsForResolvConf  node/worker-2  open /etc/resolv.conf.kubelet: no such file or directory', 'E1205 10:00:00.000000 812 dns.go:231] "Could not open resolv conf file." err="open /run/systemd/resolve/resolv.conf: no such file or directory"'],
    counterSamples: ['Warning  CheckLimitsForResolvConf  node/worker-1  Resolv.conf file \'/etc/resolv.conf\' contains search line consisting of more than 3 domains!'],
  }),
  sig({
    id: 'dns.local-stub-refused',
    cause: 'dns.node-resolver',
    // dig or nslookup on a node whose resolv.conf names a local stub (systemd-resolved's 127.0.0.53, dnsmasq's
    // 127.0.0.1) that is not listening: the node resolves nothing, so its own pulls and pods with its DNS fail too.
    re: /communications error to 127\.0\.0\.(53|1)#53: connection refused/,
    anchors: ['communications error to 127.0.0.'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['dns.loop'],
    check: 'systemctl status systemd-resolved (or dnsmasq) on the node and cat /etc/resolv.conf: start the stub it names, or point resolv.conf at real upstream servers',
    source: 'BIND dig 9.18 ("communications error to %s#53: connection refused")',
    samples: [';; communications error to 127.0.0.53#53: connection refused\n;; no servers could be reached', 'root@worker-2:~# dig github.com\n;; communications error to 127.0.0.1#53: connection refused'],
    counterSamples: [';; communications error to 10.96.0.10#53: timed out'],
  }),
  sig({
    id: 'dns.kubelet-resolv-conf-unparsable',
    cause: 'dns.node-resolver',
    // The kubelet builds every pod's resolv.conf from the node's (its --resolv-conf, /run/systemd/resolve/
    // resolv.conf on systemd-resolved hosts); a file it cannot parse — a bare "nameserver" line, a search list
    // longer than the resolver allows — fails each sandbox it creates until the node's file is fixed.
    re: /encountered error while parsing resolv conf file|could not parse resolv conf file|resolv\.conf file \\?"[^"\n]{1,200}\\?" contains a search path which length is more than allowed/,
    anchors: ['resolv conf file', 'contains a search path which length'],
    confidence: 0.8,
    specificity: 90,
    check: 'the kubelet\'s --resolv-conf (kubelet config resolvConf; /run/systemd/resolve/resolv.conf with systemd-resolved) on that node: each nameserver line needs an address, and the search list must fit the resolver\'s limits; fix the node\'s resolver config (netplan, NetworkManager, DHCP options), then restart the kubelet',
    source: 'kubelet pkg/kubelet/network/dns (parseResolvConf: "Encountered error while parsing resolv conf file. Error: %s"; CheckLimitsForResolvConf search length)',
    samples: [
      'Failed to create pod sandbox: Encountered error while parsing resolv conf file. Error: nameserver list is empty',
      'E0412 10:30:21.250160 2817 dns.go:293] "Could not parse resolv conf file." err="Encountered error while parsing resolv conf file. Error: nameserver list is empty "',
      'Resolv.conf file "/run/systemd/resolve/resolv.conf" contains a search path which length is more than allowed 253 chars!',
    ],
    counterSamples: ['nameserver 10.96.0.10'],
  }),
  sig({
    id: 'dns.no-dns-servers',
    cause: 'dns.node-resolver',
    // Go's resolver (releases before it fell back to 127.0.0.1:53) found no nameserver line in the resolv.conf it
    // read: not a server that failed, none configured (an empty or missing /etc/resolv.conf, a stub file not yet written).
    re: /lookup \S+( on \S+)?:\s*no dns servers/,
    anchors: ['no dns servers'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['registry.dns'],
    check: 'cat /etc/resolv.conf where the client runs (the node, or the container): it needs a nameserver line; with systemd-resolved, /etc/resolv.conf should point at /run/systemd/resolve/stub-resolv.conf (or resolv.conf) and the service must run',
    source: 'Go net package, older releases ("lookup %s: no DNS servers" when the resolver configuration listed none)',
    samples: ['Get https://index.docker.io/v1/repositories/x/images: dial tcp: lookup index.docker.io: no DNS servers', 'Error response from daemon: Get https://registry.lab/v2/: dial tcp: lookup registry.lab:\nno DNS servers'],
    counterSamples: ['dial tcp: lookup registry-1.docker.io on 10.96.0.10:53: no such host'],
  }),
  sig({
    id: 'dns.no-nameservers',
    check: 'the resolv.conf CoreDNS forwards to (kubelet --resolv-conf on the CoreDNS node) or the forward line of the Corefile: it must name at least one reachable nameserver',
    cause: 'dns.node-resolver',
    re: /no nameservers found|plugin\/forward: no forwarder defined/,
    anchors: ['no nameservers found', 'no forwarder defined'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['dns.upstream'],
    source: 'facts §9 (CoreDNS forwards to the node resolv.conf; forward plugin errors)',
    samples: ['plugin/forward: no nameservers found', '[ERROR] plugin/errors: 2 example.org. A: plugin/forward: no forwarder defined'],
    counterSamples: ['nameserver 10.0.0.2'],
  }),
  sig({
    id: 'dns.resolv-conf-unparsable',
    cause: 'dns.node-resolver',
    // BIND's host, dig and nslookup stop before asking anything when the resolver file has a line they
    // cannot read (a stray word, an address with a port, a broken search line): the resolver config itself.
    re: /(host|dig|nslookup): parse of \/etc\/resolv\.conf failed/,
    anchors: ['parse of /etc/resolv.conf failed'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['dns.search-ndots'],
    check: 'cat /etc/resolv.conf where the command ran (a node, or a pod whose file the kubelet wrote from the node\'s --resolv-conf): every line must be nameserver <ip>, search <domains>, domain or options — fix the line the resolver cannot read, or what writes it (NetworkManager, systemd-resolved, the cloud\'s DHCP)',
    source: 'BIND 9 irs resconf / lwres (host, dig, nslookup: "parse of /etc/resolv.conf failed")',
    samples: ['host: parse of /etc/resolv.conf failed', '[root@worker-1 /]# dig example.com\ndig: parse of /etc/resolv.conf failed'],
    counterSamples: ['host: couldn\'t get address for \'ns1\': not found'],
  }),
  sig({
    id: 'dns.own-hostname-unresolvable',
    cause: 'dns.node-resolver',
    // A server told to listen on the node's host name resolves it first: "no such host" there is the node's own name
    // missing from /etc/hosts (and from the DNS it asks), not anything remote.
    re: /listen (tcp|udp)[46]?: lookup [\w.-]+ on [^\n]{0,60}: no such host/,
    anchors: ['listen tcp', 'listen udp'],
    confidence: 0.75,
    specificity: 91,
    check: 'hostname and getent hosts $(hostname) on the node: the host name must resolve (a line in /etc/hosts with the node\'s address), or the component must be given an address to bind instead of the name',
    source: 'Go net.Listen with a host name (net: "listen tcp: lookup %s on %s: no such host")',
    samples: [
      'level=fatal msg="Failed to run CRI service" error="stream server error: listen tcp: lookup francisco-pc on 8.8.8.8:53: no such host"',
      'listen tcp: lookup node-7.lab on 127.0.0.53:53: no such host',
    ],
    counterSamples: ['listen tcp 0.0.0.0:10250: bind: address already in use'],
  }),
  sig({
    id: 'dns.nameserver-limits',
    cause: 'dns.node-resolver',
    // The kubelet repeats this warning on every pod sync: in a journal it sits beside whatever failed, and is the
    // cause only when nothing else is shown.
    recordOnly: true,
    re: /nameserver limits (were )?exceeded|search line limits (were )?exceeded|dnsconfigforming|resolv\.conf file '[^'\n]+' contains search line (consisting of more than \d+ domains|which length is more than allowed)/,
    anchors: ['limits were exceeded', 'limits exceeded', 'dnsconfigforming', 'contains search line consisting of', 'contains search line which length'],
    confidence: 0.9,
    specificity: 95,
    alternatives: ['dns.search-ndots'],
    source: 'facts §9 (kubelet DNSConfigForming: max 3 nameservers)',
    samples: [
      'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.0.128.6 10.0.128.12 10.0.128.11',
      // the kubelet's other resolv.conf check (pkg/kubelet/network/dns: the search line longer than the resolver takes)
      'Warning  CheckLimitsForResolvConf  1m  kubelet  Resolv.conf file \'/etc/resolv.conf\' contains search line which length is more than allowed 2048 chars!',
      'Warning  DNSConfigForming  3m (x120 over 1h)  kubelet  Search Line limits were exceeded, some search paths have been omitted, the applied search line is: default.svc.cluster.local svc.cluster.local cluster.local corp.example lab.example',
    ],
    counterSamples: ['nameserver 10.96.0.10'],
  }),
  sig({
    id: 'dns.talos-resolve-cache-upstream',
    cause: 'dns.node-resolver',
    // Talos serves the node's lookups from its own cache (dns-resolve-cache) and forwards to the machine's
    // configured nameservers: an upstream timing out or refusing there is the node's resolver failing, for
    // every name the node asks (image pulls included).
    re: /error serving dns request[^\n]{0,80}dns-resolve-cache[^\n]{0,80}(i\/o timeout|connection refused|no such host|server misbehaving)/,
    anchors: ['dns-resolve-cache'],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['dns.upstream'],
    check: 'talosctl get resolvers (and machine.network.nameservers in the machine config): the nameserver the cache forwards to must answer from the node — a VPN resolver (Tailscale\'s 100.100.100.100) is only reachable while that VPN is up',
    source: 'Talos host DNS (dns-resolve-cache: "error serving dns request")',
    samples: [
      '[talos] error serving dns request {"component": "dns-resolve-cache", "error": "read udp 192.168.1.21:41715->100.100.100.100:53: i/o timeout"}',
      'user: warning: [talos] error serving dns request {"component": "dns-resolve-cache", "error": "read udp 10.0.0.5:50111->10.0.0.2:53: read: connection refused"}',
    ],
    counterSamples: ['[talos] dns-resolve-cache serving on 127.0.0.53:53'],
  }),
  sig({
    id: 'dns.resolver-unreachable',
    cause: 'dns.node-resolver',
    // A resolver (the host's DNS cache, a stub, CoreDNS's upstream) cannot even send to the nameserver it
    // is configured with: no route to that address. The nameserver list is wrong or its network is gone.
    re: /dial udp ([\d.]+|\[[0-9a-f:]+\]):53: connect: (network is unreachable|no route to host)/,
    anchors: [':53: connect: network is unreachable', ':53: connect: no route to host'],
    confidence: 0.6,
    specificity: 60,
    alternatives: ['dns.upstream', 'registry.dns'],
    check: 'the nameserver it names against the host\'s routes: ip route get <nameserver> on the node, and where it is configured (/etc/resolv.conf, the DHCP lease, Talos machine.network.nameservers, CoreDNS forward): a typo or a network the node left; CoreDNS forwarding to it makes this dns.upstream',
    source: 'Go net: connect(2) to the nameserver failing with ENETUNREACH / EHOSTUNREACH',
    samples: [
      'error serving dns request {"component": "dns-resolve-cache", "error": "dial udp 192.16.1.42:53: connect: network is unreachable"}',
      'read udp: dial udp 10.0.0.2:53: connect: no route to host',
    ],
    counterSamples: ['dial tcp 10.0.0.2:443: connect: network is unreachable'],
  }),
  sig({
    id: 'dns.ansible-host-lookup',
    cause: 'dns.node-resolver',
    // An Ansible task failing on a host ("fatal: [node]: FAILED!") ran on that machine, not in a pod: a
    // name it cannot resolve is the machine's own resolver (its resolv.conf, systemd-resolved, DHCP).
    re: /fatal: \[[^\]\n]+\]: failed![\s\S]{0,800}(temporary failure in name resolution|name or service not known|could not resolve host|nodename nor servname provided)/,
    anchors: ['fatal: ['],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['registry.proxy', 'registry.dns'],
    check: 'on that host: cat /etc/resolv.conf and getent hosts <name> (resolvectl status where systemd-resolved runs); a network that reaches the internet only through a proxy resolves no public name either — the task then needs proxy settings',
    source: 'Ansible task failures (fatal: [host]: FAILED!) wrapping getaddrinfo errors (EAI_AGAIN, EAI_NONAME)',
    samples: [
      "fatal: [kube2]: FAILED! => changed=false\n  msg: 'Failed to connect to packages.cloud.google.com at port 443: [Errno -3] Temporary failure in name resolution'",
      'fatal: [node1]: FAILED! => {"changed": false, "msg": "Failed to download key at https://download.docker.com/linux/ubuntu/gpg: Request failed: <urlopen error [Errno -2] Name or service not known>"}',
    ],
    counterSamples: ['fatal: [node1]: FAILED! => {"changed": false, "msg": "No package matching \'kubeadm\' is available"}'],
  }),
  sig({
    id: 'dns.scraper-lookup-node-name',
    cause: 'dns.node-resolver',
    // A metrics scraper in a pod (metrics-server, an agent's kubelet check) dialling the kubelet by node name: the
    // name goes through the cluster DNS, which knows only what its upstream knows. The usual fix is to scrape by
    // address, so the answer is less sure than the API server's own lookup.
    re: /:10250\/(metrics|stats)[^\n]{0,300}\blookup [^\s:"\\]+( on \S+)?: /,
    anchors: [':10250/metrics', ':10250/stats'],
    confidence: 0.7,
    specificity: 97,
    alternatives: ['dns.upstream'],
    check: 'the scraper\'s address choice: metrics-server --kubelet-preferred-address-types=InternalIP,Hostname,ExternalIP (an agent\'s kubelet check: its use-node-IP setting); or make node names resolvable in the DNS the cluster forwards to',
    source: 'metrics-server scraper (kubelet /metrics/resource by the node address of the preferred type); facts §9',
    samples: [
      'E1202 10:19:28.073051       1 scraper.go:140] "Failed to scrape node" err="Get \\"https://nodes-europe-west3-5vhx:10250/metrics/resource\\": dial tcp: lookup nodes-europe-west3-5vhx on 100.64.0.10:53: no such host" node="nodes-europe-west3-5vhx"',
      '"error":"Get \\"https://aks-default-1-vmss000000:10250/stats/summary\\": dial tcp: lookup aks-default-1-vmss000000 on 10.0.0.10:53: no such host"',
    ],
    counterSamples: ['Error from server: Get "https://gpu-01:10250/containerLogs/ml/train-0/main": dial tcp: lookup gpu-01: no such host'],
  }),
  sig({
    id: 'dns.resolver-reply-unparsable',
    cause: 'dns.node-resolver',
    // busybox's nslookup could not parse the reply it got: the server asked answered, but with a malformed message
    // — a VM's or router's DNS forwarder (lima's host resolver, a home router) mangling what it relays. CoreDNS does
    // not answer so; the resolver in front of the machine does.
    re: /\*\*\* can't find [^\s:]+: parse error/,
    anchors: ["can't find"],
    confidence: 0.6,
    specificity: 89,
    alternatives: ['dns.upstream', 'dns.coredns-down'],
    check: 'the Server: line above it is the resolver that answered: dig @<it> <name> shows the malformed reply; point the machine (or CoreDNS\'s forward) at a resolver that answers cleanly, or turn off the VM tool\'s own DNS forwarder',
    source: 'busybox nslookup ("*** Can\'t find %s: Parse error" when the answer does not parse)',
    samples: ['Server:         192.168.5.3\nAddress:        192.168.5.3:53\n\nNon-authoritative answer:\n*** Can\'t find storage.googleapis.com: Parse error', "*** Can't find registry-1.docker.io: Parse error"],
    counterSamples: ["*** Can't find kubernetes.default: No answer"],
  }),
  sig({
    id: 'dns.apiserver-lookup-node-name',
    cause: 'dns.node-resolver',
    // kubectl logs/exec/port-forward: the API server dials the kubelet by node name and resolves it with the control-plane host resolver.
    // A name the user redacted as a placeholder ("<WORKER NODE>", "<DNS SERVER>") is still that name.
    re: /(error dialing backend|error upgrading connection|:10250\/|error from server)[^\n]{0,300}\blookup ([^\s:"\\<]+|<[^>\n]{1,40}>)( on (\S+|<[^>\n]{1,40}>:\d+))?: /,
    anchors: ['error dialing backend', 'error upgrading connection', ':10250/', 'error from server'],
    confidence: 0.9,
    specificity: 96,
    alternatives: ['dns.upstream'],
    check: 'kubectl get node <name> -o wide: the API server reaches kubelets by --kubelet-preferred-address-types (put InternalIP first), or the node names must resolve on the control-plane hosts (/etc/hosts or DNS)',
    source: 'API server → kubelet connection for logs/exec (pkg/kubelet/client: node address by preferred type)',
    samples: [
      'Error from server: error dialing backend: dial tcp: lookup node-b7 on 10.20.0.2:53: no such host',
      'Error from server: Get "https://gpu-01:10250/containerLogs/ml/train-0/main": dial tcp: lookup gpu-01: Temporary failure in name resolution',
    ],
    counterSamples: ['Unable to connect to the server: dial tcp: lookup api.k8s.example on 127.0.0.53:53: no such host'],
  }),
  sig({
    id: 'dns.node-lookup-cluster-name',
    cause: 'dns.node-resolver',
    // A *.svc / cluster.local name resolved by a host process (kubelet/containerd pulling an image): the host resolver does not know cluster names.
    // "Try again" is musl's (k3s, Alpine-based runtimes) wording of EAI_AGAIN, glibc's "Temporary failure in name resolution".
    // The resolver is not the cluster DNS Service (an address ending in .10 is left to ambiguous.cluster-name-nxdomain).
    // Without a resolver named, only beside a registry request: a pod's own lookup of a Service name that does
    // not exist (yet) reads the same, and is no node resolver (dns.go-lookup-outside-pull answers it).
    re: new RegExp(String.raw`(lookup [\w.-]*\.(svc|cluster\.local)\.? on (\[[\w:.%]+\]|\d+\.\d+\.\d+\.(\d|[02-9]\d|1[1-9]|\d\d\d)|[a-z][\w.-]*):\d+|^(?=[\s\S]*${REGISTRY_CONTEXT})[\s\S]*?lookup [\w.-]*\.(svc|cluster\.local)\.?): (no such host|server misbehaving|temporary failure in name resolution|try again)`),
    anchors: ['.svc: ', '.svc on ', '.svc.: ', '.svc. on ', '.cluster.local: ', '.cluster.local on ', '.cluster.local.: ', '.cluster.local. on '],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['dns.coredns-down'],
    check: 'where does the lookup run? image pulls (kubelet, containerd) and node processes use the host /etc/resolv.conf, not CoreDNS, so *.svc names do not resolve there: pull by a name or address the node resolves (a node/ingress address, or an /etc/hosts entry)',
    source: 'facts §9 (image pulls use the node resolver, not CoreDNS)',
    samples: [
      'failed to do request: Head "https://registry.tools.svc.cluster.local:5000/v2/app/manifests/1": dial tcp: lookup registry.tools.svc.cluster.local: no such host',
      'Get "http://nexus.ci.svc:8081/v2/": dial tcp: lookup nexus.ci.svc on 192.168.5.1:53: no such host',
      'failed to do request: Head "https://harbor.infra.svc.cluster.local/v2/base/alpine/manifests/3.20": dial tcp: lookup harbor.infra.svc.cluster.local: Try again',
    ],
    counterSamples: [
      'dial tcp: lookup nexus.ci.svc on 10.96.0.10:53: no such host',
      'transport: Error while dialing: dial tcp: lookup db-0.db.default.svc.cluster.local: no such host',
    ],
  }),
  sig({
    id: 'dns.node-lookup-service-name',
    cause: 'dns.node-resolver',
    // <service>.<namespace> of a well-known namespace (a registry run as a Service, pulled as
    // registry.kube-system:5000/...): only cluster DNS expands it; the node resolver kubelet and the
    // runtime use does not. Arbitrary two-label names stay with registry.dns. Only beside a pull: a program in a pod
    // whose Go binary uses the cgo resolver prints the same "lookup web.default: …" without a server, and there the
    // name goes through the cluster DNS (CoreDNS down, its Service unreachable, the name missing) — not the node's.
    re: besidePull(/lookup [\w-]+\.(kube-system|kube-public|kube-flannel|default)\.?( on (\[[\w:.%]+\]|\d+\.\d+\.\d+\.(\d|[02-9]\d|1[1-9]|\d\d\d)|[a-z][\w.-]*):\d+)?: (no such host|server misbehaving|temporary failure in name resolution|try again)/),
    anchors: ['.kube-system', '.kube-public', '.kube-flannel', '.default'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['registry.dns'],
    check: 'the name is a Service name (<service>.<namespace>): image pulls resolve it with the node\'s /etc/resolv.conf, which does not know cluster names — pull by an address or name the node resolves (NodePort, ingress, an /etc/hosts entry)',
    source: 'facts §9 (image pulls use the node resolver, not CoreDNS)',
    samples: [
      'Get http://registry.kube-system/v2/: dial tcp: lookup registry.kube-system on 192.168.64.1:53: no such host',
      'failed to do request: Head "https://harbor.default:443/v2/app/manifests/1": dial tcp: lookup harbor.default: no such host',
    ],
    counterSamples: ['Get "http://web.default/": dial tcp: lookup web.default: Temporary failure in name resolution', 'dial tcp: lookup registry.kube-system on 10.96.0.10:53: no such host', 'dial tcp: lookup registry.example.org: no such host'],
  }),
  sig({
    id: 'dns.node-stub-cluster-name',
    cause: 'dns.node-resolver',
    // nslookup run on a node: the server is the host stub resolver (127.0.0.x), which knows no cluster names.
    re: /server:\s+127\.0\.0\.\d+\b[\s\S]{0,200}can't find (kubernetes(\.default)?|[\w-]+\.[\w-]+\.svc[\w.]*|[\w.-]+\.cluster\.local)\b/,
    anchors: ["can't find"],
    confidence: 0.8,
    specificity: 94,
    alternatives: ['dns.coredns-down'],
    check: 'run the lookup inside a pod (kubectl run -it --rm dnsutils --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 -- nslookup kubernetes.default): 127.0.0.x is the node\'s own resolver, which does not serve cluster names',
    source: 'facts §9 (pods use the cluster DNS Service; nodes use their own resolver)',
    samples: [
      "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find kubernetes.default.svc.cluster.local: NXDOMAIN",
      "Server: 127.0.0.1\nAddress: 127.0.0.1#53\n** server can't find web.shop.svc: SERVFAIL",
    ],
    counterSamples: ["Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find kubernetes.default: NXDOMAIN"],
  }),
  sig({
    // The kubelet builds every pod's resolv.conf from its own resolvConf file (KubeletConfiguration
    // resolvConf / --resolv-conf; kubeadm points it at /run/systemd/resolve/resolv.conf where
    // systemd-resolved runs): when that file is missing, no sandbox can be created on the node.
    id: 'dns.kubelet-resolv-conf-missing',
    cause: 'dns.node-resolver',
    re: /open (\/run\/systemd\/resolve\/resolv\.conf|\/etc\/resolv\.conf|\/run\/resolvconf\/resolv\.conf): no such file or directory/,
    anchors: ['resolv.conf: no such file or directory'],
    confidence: 0.9,
    specificity: 90,
    check: 'the resolvConf the kubelet is given (grep -i resolv /var/lib/kubelet/config.yaml, or --resolv-conf) must exist on the node: point it at a file that does (/etc/resolv.conf where systemd-resolved is not running) or start systemd-resolved, then restart the kubelet',
    source: 'kubelet pod DNS configurer (reads its resolvConf file for every sandbox); kubeadm sets /run/systemd/resolve/resolv.conf when systemd-resolved is active',
    samples: [
      'Warning  FailedCreatePodSandBox  3m (x20 over 8m)  kubelet  Failed to create pod sandbox: open /run/systemd/resolve/resolv.conf: no such file or directory',
      'E0307 11:02:13.120004    1710 kuberuntime_sandbox.go:45] "Failed to generate sandbox config for pod" err="open /etc/resolv.conf: no such file or directory" pod="default/web-0"',
    ],
    counterSamples: ['open /run/flannel/subnet.env: no such file or directory', 'cat: /etc/resolv.conf.bak: No such file or directory'],
  }),
  sig({
    id: 'dns.resolved-dnssec-failed',
    cause: 'dns.node-resolver',
    // systemd-resolved validating DNSSEC itself (DNSSEC=yes or allow-downgrade) rejects answers its upstream
    // cannot prove — a VPC or home resolver that strips signatures, a clock off — and the node's lookups fail.
    re: /dnssec validation failed( for question [^\n]{0,200}: |: )(failed-auxiliary|no-signature|missing-key|signature-expired|invalid|unsigned|incompatible-server|bogus)/,
    anchors: ['dnssec validation failed'],
    confidence: 0.85,
    specificity: 92,
    check: 'resolvectl status (DNSSEC setting per link) and resolvectl query <name>: set DNSSEC=no (or allow-downgrade) in /etc/systemd/resolved.conf when the upstream resolver does not serve DNSSEC, then systemctl restart systemd-resolved; check the clock (timedatectl) for signature-expired',
    source: 'systemd-resolved DNSSEC validation results (failed-auxiliary, no-signature, …)',
    samples: ['systemd-resolved[730]: DNSSEC validation failed for question updates.example.com IN AAAA: failed-auxiliary', 'www.example.com: resolve call failed: DNSSEC validation failed: no-signature'],
    counterSamples: ['DNSSEC validation succeeded for question example.com IN A'],
  }),
  sig({
    id: 'dns.kubeadm-hostname-unresolved',
    check: 'getent hosts $(hostname) on the node: kubeadm only warns, the node works without it; add the name to /etc/hosts or the node\'s DNS if the API server must reach the node by name (kubectl logs/exec)',
    cause: 'dns.node-resolver',
    // kubeadm preflight's Hostname check: the node's own name does not resolve with the node's resolver; k3s
    // waits at start until it does.
    re: /\[warning hostname\]: hostname "[^"\n]+"(: lookup| could not be reached)|waiting for hostname \S+ to be resolvable: lookup /,
    anchors: ['[warning hostname]', 'waiting for hostname'],
    confidence: 0.85,
    specificity: 96,
    source: 'kubeadm preflight HostnameCheck ("hostname \"%s\" could not be reached", lookup error)',
    samples: [
      '[WARNING Hostname]: hostname "k8s-node01": lookup k8s-node01 on 100.100.2.136:53: no such host',
      '[WARNING Hostname]: hostname "worker-3" could not be reached',
      'level=info msg="Waiting for hostname foobar to be resolvable: lookup foobar on 127.0.0.53:53: server misbehaving"',
    ],
    counterSamples: ['[WARNING SystemVerification]: missing optional cgroups: hugetlb'],
  }),
  sig({
    id: 'dns.stub-resolver-refused',
    cause: 'dns.node-resolver',
    // 127.0.0.53 is systemd-resolved's stub on a host's loopback. Refused there means no stub listens: on a
    // node, systemd-resolved is not running; in a pod (its own loopback), the pod was handed the node's stub
    // resolv.conf — the kubelet's resolvConf is /etc/resolv.conf instead of /run/systemd/resolve/resolv.conf.
    re: withoutPull(/(write|send|connect) to '?127\.0\.0\.53'?: connection refused|dial udp 127\.0\.0\.53:53: connect: connection refused|->127\.0\.0\.53:53: read: connection refused/),
    anchors: ['127.0.0.53'],
    confidence: 0.8,
    specificity: 92,
    check: 'where the lookup ran: on a node, systemctl status systemd-resolved; in a pod, cat /etc/resolv.conf there — nameserver 127.0.0.53 means the kubelet\'s resolvConf (KubeletConfiguration resolvConf, --resolv-conf) must point at /run/systemd/resolve/resolv.conf, then recreate the pod',
    source: 'systemd-resolved stub listener (127.0.0.53:53); kubelet resolvConf (facts §9)',
    samples: ["/ # nslookup google.com\nnslookup: write to '127.0.0.53': Connection refused\n;; connection timed out; no servers could be reached", 'lookup api.corp.internal on 127.0.0.53:53: read udp 127.0.0.1:40123->127.0.0.53:53: read: connection refused'],
    // Beside a pull the same refusal is registry.lookup-local-stub-timeout's, with the check for the node.
    counterSamples: ['failed to pull image "nginx": dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: read udp 127.0.0.1:5->127.0.0.53:53: read: connection refused', 'nameserver 127.0.0.53'],
  }),
  sig({
    id: 'dns.node-fails-pod-resolves',
    cause: 'dns.node-resolver',
    // The same name failing for a pull on the node and resolving from a pod through the cluster DNS (nslookup's
    // "Server: x.x.x.10" and the name's address): the node's resolver is what differs — pulls never use CoreDNS.
    re: /lookup ([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?: on [\w.:[\]%-]+)?: (no such host|server misbehaving|i\/o timeout)[\s\S]{0,1500}?server:\s+(10|172|192|100)\.\d+\.\d+\.10\b[\s\S]{0,300}?name:\s+\1\s+address/,
    anchors: ['server:'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['registry.dns'],
    check: 'on the node: getent hosts <name> and cat /etc/resolv.conf — the node must resolve the registry itself (its own nameserver, or an /etc/hosts entry), since the kubelet and the runtime pull with the node\'s resolver, not CoreDNS',
    source: 'facts §9 (image pulls use the node resolver, not CoreDNS)',
    samples: [
      'failed to do request: Head "https://git.example.com/v2/images/app/manifests/1": dial tcp: lookup git.example.com: no such host\n/ # nslookup git.example.com\nServer:\t\t10.43.0.10\nAddress:\t10.43.0.10:53\n\nNon-authoritative answer:\nName:\tgit.example.com\nAddress: 192.168.20.2',
      'dial tcp: lookup harbor.lab on 192.168.1.1:53: no such host\nServer:    10.96.0.10\nAddress 1: 10.96.0.10\nName:      harbor.lab\nAddress 1: 10.0.0.5',
    ],
    counterSamples: ['dial tcp: lookup harbor.lab: no such host\nServer:    10.96.0.10\nName:      other.lab\nAddress 1: 10.0.0.5'],
  }),
  sig({
    id: 'dns.default-nameserver-refused',
    cause: 'dns.node-resolver',
    // Go's resolver asks [::1]:53 and 127.0.0.1:53 when resolv.conf names no nameserver at all; refused there,
    // outside a pull, is that machine (or pod) left with no resolver configured. Beside a registry request the
    // same text is read by registry.lookup-default-nameserver, whose threads split between the two causes.
    re: withoutPull(/\blookup [^\s:"\\]+ on (\[::1\]|127\.0\.0\.1):53: (read|write|dial) udp[^\n]{0,80}?(connection refused|cannot assign requested address)/),
    anchors: ['[::1]:53', '127.0.0.1:53'],
    confidence: 0.75,
    specificity: 92,
    check: 'cat /etc/resolv.conf where the lookup ran: no nameserver line (or only a local one with nothing listening: ss -lunp \'sport = :53\') is this — restore the resolver (NetworkManager or systemd-resolved, or the DHCP client), or in a pod with dnsPolicy: None give it a dnsConfig',
    source: 'Go net: the default nameservers ([::1]:53, 127.0.0.1:53) used when resolv.conf lists none (dnsconfig defaultNS)',
    samples: [
      'Get "https://api.example.com/v1/status": dial tcp: lookup api.example.com on [::1]:53: read udp [::1]:52071->[::1]:53: read: connection refused',
      'dial tcp: lookup api.github.com on 127.0.0.1:53: dial udp 127.0.0.1:53: connect: connection refused',
    ],
    counterSamples: ['Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on [::1]:53: read udp [::1]:4->[::1]:53: read: connection refused'],
  }),
  sig({
    id: 'dns.node-hostname-lookup',
    cause: 'dns.node-resolver',
    // A host process (the kubelet, kubeadm, etcd, ssh, an installer) looking up a node's or its own name — one
    // label, or localhost — through the node's resolver, not the cluster DNS: such names live in /etc/hosts or
    // the site's DNS, and a node that cannot resolve them cannot register, join or reach its peers. Only the
    // forms that name a host process are here (localhost, the kubelet's own node, ssh, a node name given to
    // override the hostname and looked up for its address): a bare one-label lookup
    // is as often a pod's Service name, which is not the node's resolver. ssh runs in pods too (MPI launchers,
    // git clones), where a dotted name is a pod of a headless Service: only ssh's one-label names are here.
    re: withoutPull(/\blookup localhost( on [\w.:[\]%-]+:53)?: no such host|can't get ip address of node \S+|ssh: could not resolve hostname [^\s:.]+: (name or service not known|nodename nor servname provided)|unable to override (node-?name|hostname): lookup /),
    anchors: ['lookup localhost', "can't get ip address of node", 'could not resolve hostname', 'unable to override'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['dns.coredns-down'],
    check: 'on the machine that logged it: getent hosts <name> — the node names (and localhost) must resolve there, from /etc/hosts or the site DNS the node uses (resolvectl status / /etc/resolv.conf); add them, or use addresses',
    source: 'Go resolver and OpenSSH errors for one-label host names; the kubelet\'s node address lookup',
    samples: [
      'Can\'t get ip address of node k8s-worker-0, so node addresses will be stale: lookup k8s-worker-0: no such host',
      'etcd[6266]: listen tcp: lookup localhost on 8.8.4.4:53: no such host',
      'Failed to connect to the host via ssh: ssh: Could not resolve hostname node-0: Name or service not known',
    ],
    counterSamples: ['dial tcp: lookup redis on 10.96.0.10:53: no such host', 'dial tcp: lookup postgres: no such host', 'dial tcp: lookup argocd-repo-server on 172.31.0.2:53: no such host'],
  }),
  sig({
    id: 'dns.resolved-unexpected-source',
    cause: 'dns.node-resolver',
    // systemd-resolved answers only its own host on 127.0.0.53; queries arriving from pods (a resolv.conf
    // copied into pods, DNAT to the stub) are refused.
    re: /got packet on unexpected ip range, refusing/,
    anchors: ['unexpected ip range'],
    confidence: 0.8,
    specificity: 94,
    check: 'the kubelet\'s resolvConf: with systemd-resolved it must be /run/systemd/resolve/resolv.conf (the upstream servers), not /etc/resolv.conf (the 127.0.0.53 stub, which pods cannot use)',
    source: 'systemd-resolved stub listener (packets from addresses other than the host\'s own)',
    samples: ['systemd-resolved[21366]: Got packet on unexpected IP range, refusing.', 'Got packet on unexpected IP range, refusing.'],
    counterSamples: ['systemd-resolved[520]: Using degraded feature set UDP instead of EDNS0 for DNS server 10.0.0.2.'],
  }),
  sig({
    id: 'dns.host-client-peer-lookup',
    cause: 'dns.node-resolver',
    // Two clients that run on the machine itself, not in a pod: kubeadm's join discovery, and etcd's client
    // (etcdctl, flanneld in etcd mode, the API server — hostNetwork static pods resolve with the node's
    // resolv.conf). The name they look up is a peer's or the control plane's endpoint, which only /etc/hosts
    // or the site DNS can know. A lookup through the cluster DNS Service (an address ending in .10) or of a
    // *.svc name is an in-cluster client's and is left to the cluster-name signatures; a placeholder name
    // (none, null) is an endpoint left unset in the client's config, not a resolver fault.
    re: /(\[discovery\][^\n]{0,300}?|etcd cluster is unavailable or misconfigured[\s\S]{0,300}?)\blookup (?![^\s:"\\]*\.(svc|cluster\.local)\b|(none|null|nil|undefined)[ :])[^\s:"\\]+( on (?![\d.]+\.10:53)[\w.:[\]%-]+:53)?: (no such host|server misbehaving|temporary failure in name resolution|try again)/,
    anchors: ['[discovery]', 'etcd cluster is unavailable'],
    confidence: 0.7,
    specificity: 95,
    alternatives: ['dns.coredns-down'],
    check: 'on the machine that logged it: getent hosts <name> — the control-plane endpoint (kubeadm join) and the etcd members\' names must resolve there, from /etc/hosts or the site DNS in /etc/resolv.conf (resolvectl status); add them, or join and list endpoints by address',
    source: 'kubeadm join discovery (token.go: "[discovery] Failed to request cluster-info") and the etcd client ("client: etcd cluster is unavailable or misconfigured; error #0: dial tcp: lookup …") wrapping Go resolver errors',
    samples: [
      '[discovery] Failed to request cluster-info, will try again: Get "https://cp-1:6443/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp: lookup cp-1 on 192.168.1.1:53: no such host',
      'Error:  client: etcd cluster is unavailable or misconfigured; error #0: dial tcp: lookup etcd-b: no such host',
    ],
    counterSamples: [
      'client: etcd cluster is unavailable or misconfigured; error #0: dial tcp: lookup etcd.db.svc.cluster.local on 10.96.0.10:53: no such host',
      '[discovery] Failed to request cluster-info, will try again: Get "https://10.0.0.5:6443/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp 10.0.0.5:6443: connect: connection refused',
    ],
  }),
  sig({
    id: 'dns.host-shell-lookup',
    cause: 'dns.node-resolver',
    // A lookup typed at a shell whose prompt sits in the user's home on a named host ([root@master ~]#,
    // docker@minikube:~$) ran on that machine, through its own resolver; a shell in a pod starts in the image's
    // working directory (usually /), so prompts there are left out.
    re: /(\[[\w.-]+@[\w.-]+ ~\][#$]|\b[\w.-]+@[\w.-]+:~[#$]) *(ping|curl|wget|nslookup|dig|host|getent hosts)\b[^\n]*\s[\s\S]{0,300}?(name or service not known|temporary failure in name resolution|could not resolve host|server can't find [^\s:]+: (servfail|refused)|unknown host|bad address)/,
    anchors: [' ~]#', ' ~]$', ':~#', ':~$'],
    confidence: 0.6,
    specificity: 93,
    alternatives: ['dns.upstream'],
    check: 'on that host: cat /etc/resolv.conf, resolvectl status where systemd-resolved runs, and getent hosts <name>: the nameservers it lists must answer (a DHCP lease, a local dnsmasq listening elsewhere, a VPN that replaced them)',
    source: 'glibc getaddrinfo and nslookup/dig failures at a host shell prompt',
    samples: ['[root@master ~]# ping www.example.org\nping: www.example.org: Name or service not known', 'docker@minikube:~$ nslookup registry-1.docker.io\n;; Got SERVFAIL reply from 192.168.49.1\n** server can\'t find registry-1.docker.io: SERVFAIL'],
    counterSamples: ['root@web-5d8f:/# curl http://api\ncurl: (6) Could not resolve host: api'],
  }),
];
