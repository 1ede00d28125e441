import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** Why flanneld has not written subnet.env (nor its pod's init container the CNI config) on a node. */
// Registry and image causes that keep a host-network pod (the CNI's own, or any pod's sandbox image) from starting.
const PULL_FAILS = ['registry.dns', 'registry.connect-timeout', 'registry.connection-refused', 'registry.tls-handshake-timeout', 'registry.tls-untrusted', 'registry.tls-name-mismatch', 'registry.tls-expired-or-clock', 'registry.http-to-https', 'registry.proxy', 'registry.mirror-misconfigured', 'registry.server-error', 'image.not-found', 'image.auth-missing', 'image.auth-rejected', 'image.rate-limited', 'image.platform-mismatch'];
const FLANNEL_NOT_UP = ['flannel.daemon-down', 'flannel.rbac', 'flannel.no-pod-cidr', 'flannel.config-invalid', 'flannel.network-mismatch', 'flannel.wrong-iface', 'flannel.backend-unsupported', 'node.br-netfilter'];

/** CNI: libcni, the flannel CNI plugin, bridge and host-local (facts §4.2–§4.4). */
export const CNI_SIGNATURES: Signature[] = [
  sig({
    id: 'cni.chained-primary-config-missing',
    cause: 'cni.config-missing',
    // A mesh's CNI installer (istio-cni, kuma-cni, linkerd-cni, consul-cni) adds itself to the primary network's
    // conflist; until the primary plugin (flannel, Calico) has written its file in /etc/cni/net.d there is nothing to
    // chain into, and the pods of that node get no network config with the mesh's plugin in it.
    re: /unable to set ?up [\w-]+ cni as (a )?chained plugin|cni config(uration)? (file )?\S+ not found\. [\w-]+ cni won't be chained|no cni config(uration)? file found in (dir|directory)/,
    anchors: ['as chained plugin', 'as a chained plugin', "won't be chained", 'no cni config file found', 'no cni configuration file found'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['flannel.daemon-down', 'cni.config-invalid'],
    check: 'ls /etc/cni/net.d on that node: the primary network\'s conflist (10-flannel.conflist) must be there before the mesh\'s installer runs; the file name the installer expects (its CNI_CONF_NAME or chained-to setting) must match it',
    source: 'mesh CNI installers that chain into the primary conflist (install-cni of Istio, Kuma, Linkerd)',
    samples: [
      '{"error": "could not prepare kuma cni config: unable to setup kuma cni as chained plugin: CNI config /host/etc/cni/net.d/10-flannel.conflist not found. Kuma CNI won\'t be chained"}',
      'error occurred during cni installation: unable to set up istio cni as a chained plugin',
    ],
    counterSamples: ['must be called as chained plugin'],
  }),
  sig({
    id: 'cni.conflist-sorts-before-flannel',
    cause: 'cni.config-invalid',
    // containerd and CRI-O use the first network config in /etc/cni/net.d by name: a file of another network left there
    // (a removed add-on's, containerd's default 10-containerd-net) whose name sorts before 10-flannel.conflist is the
    // one pods get. ls prints names sorted, so such a file comes before flannel's in the listing, and CRI-O logs the
    // networks it found in that order ("Found CNI network crio (type=bridge) at …/10-crio-bridge.conflist").
    // Not Multus's 00-multus.conf: it is meant to come first and delegates to flannel's network.
    re: /(?:^|[\s\/])(0\d*-(?!multus)[\w.-]+|10-[a-e][\w.-]*)\.conf(list)?(?=[\s\"'\\])[\s\S]{0,400}?\b10-flannel\.conflist\b/,
    anchors: ['10-flannel.conflist'],
    confidence: 0.8,
    specificity: 85,
    check: 'ls /etc/cni/net.d on the node: remove the other network\'s file (and restart the runtime or wait for it to reload) so that 10-flannel.conflist is first by name; pods created meanwhile keep their old network until recreated',
    source: 'containerd go-cni and CRI-O ocicni (the config files of the directory sorted by name, the first used)',
    samples: [
      '$ ls /etc/cni/net.d/\n05-cilium.conflist  10-flannel.conflist',
      'level=info msg="Found CNI network crio (type=bridge) at /etc/cni/net.d/10-crio-bridge.conflist"\nlevel=info msg="Found CNI network cbr0 (type=flannel) at /etc/cni/net.d/10-flannel.conflist"',
      '$ ls -l /etc/cni/net.d\n-rw-r--r-- 1 root root  813 Mar  3 09:12 10-calico.conflist\n-rw-r--r-- 1 root root  292 Nov 18 14:02 10-flannel.conflist',
    ],
    counterSamples: ['$ ls /etc/cni/net.d\n00-multus.conf  10-flannel.conflist  multus.d', '$ ls /etc/cni/net.d\n10-flannel.conflist  10-weave.conflist  99-loopback.conf', '$ ls /etc/cni/net.d\n10-flannel.conflist  100-crio-bridge.conflist'],
  }),
  sig({
    id: 'cni.conf-preempted',
    cause: 'cni.config-invalid',
    // The runtime uses the first config file by name in /etc/cni/net.d: the mesh's installer wrote into a file that
    // another network's file sorts before, so the config in effect is not the one with the mesh's plugin chained in.
    re: /configured cni config file \S+ preempted by/,
    anchors: ['preempted by'],
    confidence: 0.85,
    specificity: 92,
    check: 'ls /etc/cni/net.d on that node: only one primary network should leave a file there; the first by name is the one the runtime uses (remove the stale one, or point the installer at the file that sorts first)',
    source: 'istio-cni install-cni ("Configured CNI config file %q preempted by %q")',
    samples: ['WARNING: Configured CNI config file "/host/etc/cni/net.d/10-flannel.conflist" preempted by "05-cilium.conflist".', 'Configured CNI config file "/host/etc/cni/net.d/istio-cni.conf" preempted by "00-multus.conf"'],
    counterSamples: ['CNI config file /host/etc/cni/net.d/10-flannel.conflist written'],
  }),
  sig({
    id: 'multus.network-attachment-missing',
    cause: 'cni.config-missing',
    // A pod asks Multus (k8s.v1.cni.cncf.io/networks) for a NetworkAttachmentDefinition that does not exist in that
    // namespace: the extra network's CNI config is missing, and the sandbox cannot be made.
    re: /cannot find a network-attachment-definition \(\S+\) in namespace|network-attachment-definitions\.k8s\.cni\.cncf\.io \\?"[^"\\\n]+\\?" not found/,
    anchors: ['cannot find a network-attachment-definition', 'network-attachment-definitions.k8s.cni.cncf.io'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['cni.config-invalid'],
    check: 'kubectl get network-attachment-definitions -n <pod namespace>: the name in the pod\'s k8s.v1.cni.cncf.io/networks annotation (namespace/name) must exist there, created by the plugin that owns it (istio-cni on OpenShift, a macvlan definition)',
    source: 'Multus getKubernetesDelegate ("cannot find a network-attachment-definition (%s) in namespace (%s)")',
    samples: [
      'Multus: [web/api-0]: error loading k8s delegates k8s args: TryLoadPodDelegates: error in getting k8s network for pod: GetNetworkDelegates: failed getting the delegate: getKubernetesDelegate: cannot find a network-attachment-definition (macvlan-conf) in namespace (web): network-attachment-definitions.k8s.cni.cncf.io "macvlan-conf" not found',
      'failed getting the delegate: getKubernetesDelegate: cannot find a network-attachment-definition (istio-cni) in namespace (shop): network-attachment-definitions.k8s.cni.cncf.io \\"istio-cni\\" not found',
    ],
    counterSamples: ['network-attachment-definitions.k8s.cni.cncf.io "macvlan-conf" created'],
  }),
  sig({
    id: 'cni.find-plugin',
    cause: 'cni.plugin-missing',
    // Go's exec.LookPath error names the binary: a helper (iptables) or, for runtimes that look CNI plugins up
    // on $PATH themselves (k3s's agent, nerdctl), the plugin — "failed to find host-local: exec: \"host-local\": …".
    // libcni before 0.7 named the plugin bare: "failed to find plugin bridge".
    re: /failed to find plugin \\*"(?!flannel\\*")[\w.-]+\\*" in path|failed to find plugin (?!flannel\b)[\w.-]+\s*$|exec: \\?"(nsenter|bridge|host-local|portmap|loopback|bandwidth|firewall|tuning|host-device|macvlan|ipvlan|ptp|vlan|dhcp|static|sbr|vrf)\\?": (executable file not found|stat [^:\n]+: no such file or directory)|\/opt\/cni\/bin\/[\w.-]+: (no such file or directory|exec format error)|binary for [^\n]{0,60}plugin \(?[\w.-]+\)? is not present in plugin directory/,
    anchors: ['failed to find plugin', 'executable file not found', '/opt/cni/bin/', 'not present in plugin directory'],
    // The binary a config names is absent; for a name flannel's own config does not use, the active
    // config may be a stray file in /etc/cni/net.d (libcni takes the first by name).
    confidence: 0.85,
    specificity: 95,
    alternatives: ['flannel.daemon-down', 'cni.config-invalid'],
    check: 'ls /opt/cni/bin and ls /etc/cni/net.d: install the missing binary (containernetworking plugins release), or remove a config file in /etc/cni/net.d that sorts before 10-flannel.conflist and names plugins this cluster does not use',
    source: 'facts §4.2 (libcni find), §3',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "3b20": plugin type="portmap" failed (add): failed to find plugin "portmap" in path [/opt/cni/bin]',
      'plugin type="flannel" failed (add): failed to delegate add: failed to find plugin "bridge" in path [/opt/cni/bin /usr/libexec/cni]',
      'failed to find plugin bridge',
      'level=error msg="failed to find host-local: exec: \\"host-local\\": executable file not found in $PATH"',
      // CNI-Genie's own words for a plugin an annotation asks for.
      'CNI Genie error at ParsePodAnnotations: Corresponding binary for user requested plugin (calico) is not present in plugin directory (/opt/cni/bin)',
    ],
    // The host's iptables missing is the host's package, not a plugin (network-addons.ts: addon.host-tool-missing).
    counterSamples: ['no networks found in /etc/cni/net.d', 'failed to find plugin "flannel" in path [/opt/cni/bin]', 'exec: "kubectl": executable file not found in $PATH', 'plugin type="portmap" failed (add): failed to open iptables: exec: "iptables": executable file not found in $PATH'],
  }),
  sig({
    id: 'cni.master-interface-missing',
    cause: 'cni.config-invalid',
    // macvlan, ipvlan and vlan attach to the "master" interface their config names; on a node where no link has
    // that name (another NIC naming, a bond or VLAN not made there, an altname) the secondary network cannot be
    // added and the sandbox fails.
    re: /master \\?"?[\w.@:-]+\\?"?: (route ip\+net: )?(no such network interface|link not found)/,
    anchors: ['master'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['cni.plugin-missing'],
    check: 'ip -br link on that node against the "master" of the network attachment (kubectl get network-attachment-definitions -A -o yaml): name an interface every selected node has, or pin the pods to the nodes that have it',
    source: 'containernetworking plugins macvlan/ipvlan/vlan ("failed to lookup master %q: %v"); netlink LinkByName',
    samples: [
      'plugin type="macvlan" failed (add): failed to lookup master "eth1": Link not found',
      'error adding container to network "vlan100": failed to create vlan device master "ens4f0": route ip+net: no such network interface',
    ],
    counterSamples: ['failed to find plugin "macvlan" in path [/opt/cni/bin]'],
  }),
  sig({
    id: 'cni.find-flannel-plugin',
    cause: 'cni.plugin-missing',
    // flannel's own binary: copied to /opt/cni/bin by the install-cni-plugin initContainer, wiped by a kubernetes-cni package upgrade.
    re: /failed to find plugin \\*"flannel\\*" in path/,
    anchors: ['failed to find plugin'],
    confidence: 0.95,
    specificity: 96,
    alternatives: ['flannel.daemon-down'],
    source: 'facts §3 (flannel CNI binary), §4.2 (libcni find)',
    samples: [
      'E0208 18:53:32.174927 10591 remote_runtime.go:198] "RunPodSandbox from runtime service failed" err="rpc error: code = Unknown desc = failed to setup network for sandbox \\"ab12\\": plugin type=\\"flannel\\" failed (add): failed to find plugin \\"flannel\\" in path [/opt/cni/bin]"',
      'plugin type="flannel" name="cbr0" failed (delete): failed to find plugin "flannel" in path [/opt/cni/bin]',
    ],
    counterSamples: ['failed to find plugin "portmap" in path [/opt/cni/bin]'],
  }),
  sig({
    id: 'cni.no-valid-networks',
    cause: 'cni.config-invalid',
    // Config files exist but none validates (kubelet's libcni check includes that every plugin binary is there).
    re: /no valid networks found in/,
    anchors: ['no valid networks found'],
    confidence: 0.6,
    specificity: 89,
    alternatives: ['cni.plugin-missing', 'cni.config-missing'],
    check: 'the kubelet or containerd log line before it ("Error validating CNI config list" / "failed to load cni config") names the reason: a plugin binary missing from /opt/cni/bin, or bad JSON or cniVersion in /etc/cni/net.d',
    source: 'libcni / kubelet CNI config validation (facts §4.4)',
    samples: ['W0110 10:00:00.000000 900 cni.go:239] Unable to update cni config: no valid networks found in /etc/cni/net.d', 'Unable to update cni config: no valid networks found in /etc/cni/net.d/'],
    counterSamples: ['Unable to update cni config: no networks found in /etc/cni/net.d'],
  }),
  sig({
    id: 'cni.not-initialized',
    check: 'ls /etc/cni/net.d /opt/cni/bin on the node and kubectl -n kube-flannel get pods -o wide: no config file means flannel has not run there yet (its pod\'s init containers write it); a file present means the runtime cannot load it (journalctl -u containerd | grep -i cni)',
    cause: 'cni.config-missing',
    // containerd 2 words the first: "cni config not initialized".
    re: /cni config (unini?tialized|not initialized)|cni plugin not initialized|missing cni default network|no networks found in|no network config found in|no net configurations found in|no valid networks found in|no cni configuration file in|networkpluginnotready|network plugin is not ready|container runtime network not ready/,
    anchors: ['cni config uninitialized', 'cni config unintialized', 'cni config not initialized', 'cni plugin not initialized', 'missing cni default network', 'no networks found', 'no network config found', 'no net configurations found', 'no valid networks found', 'no cni configuration file', 'networkpluginnotready', 'network plugin is not ready', 'runtime network not ready'],
    confidence: 0.88,
    specificity: 88,
    alternatives: ['flannel.daemon-down', 'cni.config-invalid', 'cni.plugin-missing'],
    // flannel's init container writes the config; a config or plugin the runtime cannot load leaves it uninitialized too.
    // While the network is not ready the kubelet starts only host-network pods (kubelet.go SyncPod, NetworkNotReady),
    // so a pull failing on another line of the paste is one of theirs — the CNI DaemonSet's image or the sandbox
    // (pause) image every pod needs — and that is why no CNI config was ever written.
    explainedBy: [...FLANNEL_NOT_UP, 'cni.config-invalid', 'cni.plugin-missing', ...PULL_FAILS],
    source: 'facts §4.4 (NetworkReady=false, cni plugin not initialized)',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "abc": cni config not initialized',
      'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
      'runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized',
      // the Ready condition's aggregate: the "not completed yet" note ahead of it says less than the network error
      'KubeletNotReady  [container runtime status check may not have completed yet, container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized]',
      // kubelets before 1.6 spelt it without the second i
      'Failed to setup network for pod "web-1_default(527e)" using network plugins "cni": cni config unintialized; Skipping pod',
      'failed to load cni during init, please check CRI plugin status before setting up network for pods: error="cni config load failed: no network config found in /etc/cni/net.d: cni plugin not initialized: failed to load cni config"',
      'failed to create pod network sandbox k8s_web_default_1(79a4): No CNI configuration file in /etc/cni/net.d/. Has your network provider started?',
      // libcni's NoConfigsFoundError, as a CRI that loads it directly (Singularity CRI) reports it.
      'could not initialize network manager: could not get networks: no net configurations found in /etc/cni/net.d',
    ],
    counterSamples: ['failed to find plugin "flannel" in path [/opt/cni/bin]'],
  }),
  sig({
    id: 'cni.plugin-config-rejected',
    cause: 'cni.config-invalid',
    // The reference plugins check the values of their own config before they touch the node: ranges host-local cannot
    // use, a VLAN id, port or mark bit out of bounds, an interface name the kernel refuses, a meta plugin configured
    // first in its conflist (no prevResult). The file in /etc/cni/net.d, or the attachment that carries it, is wrong.
    re: /(plugin type=\\?"[\w.-]+\\?"[^\n]{0,80}failed \((add|del|check)\): (failed to delegate add: )?|error adding container to network [^\n]{0,80}: )(invalid range set \d+|subnets \S+ and \S+ overlap|mixed address families|invalid vlan id -?\d+|invalid (host|container) port number|masqmarkbit must be between|interface name [^\n]{0,60}invalid character|invalid (rate|burst): |minid and maxid should be configured simultaneously|(ptp: )?required prevresult missing|missing prevresult from earlier plugin|got empty bridge name|cannot specify externalsetmarkchain|cannot set hairpin mode and promiscuous mode at the same time|cannot use ipam when disablecontainerinterface flag is set|incorrect trunk (minid |maxid |id )?parameter|minid is greater than maxid|interface needs to be set for ingress policy|endpointmacprefix \[[^\]\n]*\] is invalid)/,
    anchors: ['invalid range set', 'overlap', 'mixed address families', 'invalid vlan id', 'port number', 'masqmarkbit', 'invalid character', 'invalid rate', 'invalid burst', 'minid and maxid', 'prevresult missing', 'missing prevresult', 'empty bridge name', 'externalsetmarkchain', 'hairpin mode and promiscuous mode', 'disablecontainerinterface', 'incorrect trunk', 'greater than maxid', 'needs to be set for ingress policy', 'endpointmacprefix'],
    confidence: 0.85,
    specificity: 90,
    check: 'the network config the plugin was given: cat /etc/cni/net.d/<file> on that node (or the NetworkAttachmentDefinition\'s spec.config): the field the error names must be fixed there; a meta plugin (portmap, bandwidth, tuning) must follow a main plugin in the same conflist',
    source: 'containernetworking/plugins config validation (host-local ranges, bridge VLAN, portmap ports and mark bit, bandwidth rate and burst, ptp and meta plugins\' prevResult)',
    samples: [
      'plugin type="bridge" failed (add): invalid VLAN ID 5000 (must be between 0 and 4094)',
      'plugin type="portmap" failed (add): Invalid host port number: 70000',
      'error adding container to network "br-net": subnets 10.10.0.0/16 and 10.10.1.0/24 overlap',
      // bridge's own checks of options that cannot go together, and the firewall plugin's ingress policy without a bridge before it.
      'plugin type="flannel" failed (add): failed to delegate add: cannot set hairpin mode and promiscuous mode at the same time',
      'plugin type="firewall" failed (add): interface needs to be set for ingress policy "same-bridge", make sure to chain "firewall" plugin with "bridge"',
    ],
    counterSamples: ['plugin type="bridge" failed (add): failed to set bridge addr: "cni0" already has an IP address different from 10.244.1.1/24'],
  }),
  sig({
    id: 'cni.config-parse',
    check: 'cat /etc/cni/net.d/*.conflist | jq . on the node: the first file in lexical order is the one used; check its JSON, cniVersion and plugin types',
    cause: 'cni.config-invalid',
    // Also libcni's "failed to parse plugin config N" (one plugin of a conflist), as Multus wraps it, a plugin that
    // answers CNI's error 7 ("Invalid Configuration", Kube-OVN's words), and Multus's validating webhook refusing a
    // NetworkAttachmentDefinition whose config is not JSON.
    re: /failed to parse plugin config \d+|error converting the raw bytes into a conflist|plugin type=\\?"[\w.-]+\\?"[^\n]{0,60}failed \((add|del|delete|check)\): invalid configuration|configuration string is not in json format|error parsing configuration( list)?|incompatible cni versions|no converter for cni result version|unsupported cni version \d|does not support config version|failed to load cni config list|error (loading|validating) cni config|'delegate' dictionary|failed to load flannel netconf file|no 'plugins' key|missing 'type'|invalid cniversion|unmarshal cni (network )?config|(network|sandbox)[^\n]{0,300}invalid version \\?"\\?"(?!\w)|no plugin name provided|range set \d+ overlaps with \d+|failed to load netconf: |(cni|multus|delegate|plugin type=)[^\n]{0,300}(missing network name|invalid characters found in network name)|failed to convert major version part|(network for (sandbox|pod)|plugin type=)[^\n]{0,600}invalid cidr address: |network \S+ too small to allocate from|range(start|end) \S+ not in network \S+|network has host bits set\. for a subnet mask|ipam config missing 'ipam' key|: invalid cni config\b/,
    anchors: ['failed to parse plugin config', 'raw bytes into a conflist', 'invalid configuration', 'not in json format', 'error parsing configuration', 'incompatible cni versions', 'no converter for cni result', 'does not support config version', 'failed to load cni config list', 'cni config', "'delegate' dictionary", 'flannel netconf', "'plugins' key", "missing 'type'", 'cniversion', 'the version is empty', 'invalid version', 'no plugin name provided', 'overlaps with', 'failed to load netconf', 'missing network name', 'invalid characters found in network name', 'failed to convert major version part', 'invalid cidr address', 'too small to allocate from', 'not in network', 'host bits set', "missing 'ipam' key", 'invalid cni config'],
    confidence: 0.85,
    specificity: 89,
    source: 'facts §3 (delegate validation), libcni config loading',
    samples: [
      // libcni's cached result of an older sandbox cannot be read as the version the conflist now declares.
      'failed to destroy network for sandbox "9b06": failed to get network "cbr0" cached result: failed to convert cached result to config version "1.0.0": no converter for CNI result version 0.3.1 to 1.0.0',
      'plugin type="multus" name="multus-cni-network" failed (add): [web/api-0:br-conf]: error adding container to network "br-conf": conflistAdd: error converting the raw bytes into a conflist: failed to parse plugin config 1: invalid character',
      'plugin type="kube-ovn" failed (add): Invalid Configuration; server_socket is required in cni.conf',
      'admission webhook "multus-validating-config.k8s.io" denied the request: configuration string is not in JSON format',
      // libcni parsing a cniVersion that is empty or not a version (CRI-O on DEL with a config that lost it).
      'level=error msg="Error deleting network: failed to convert major version part \\"\\": strconv.Atoi: parsing \\"\\": invalid syntax"',
      // A delegate's network config without its required "name".
      'NetworkPlugin cni failed to set up pod "web-0" network: Multus: error in invoke Delegate add - "macvlan": missing network name',
      // libcni's ValidateNetworkName on the network config's "name" (ErrInvalidNetworkConfig).
      'failed to setup network for sandbox "13e8": plugin type="flannel" failed (add): invalid characters found in network name; flannel network',
      'plugin type="flannel" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]',
      // Go's net.ParseCIDR on a subnet or range of the network config (an IPAM placeholder the plugin does not know, a typo).
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "8fcb": invalid CIDR address: usePodCidrIPv6',
      // host-local's checks of the IPAM ranges it is given (containernetworking/plugins ipam/host-local).
      'plugin type="host-local" failed (add): Network has host bits set. For a subnet mask of length 16 the network address is 10.244.0.0',
      'plugin type="host-local" failed (add): RangeStart 10.244.2.10 not in network 10.244.1.0/24',
      'Error loading CNI config list file /etc/cni/net.d/10-flannel.conflist: error parsing configuration list: unexpected end of JSON input',
      "plugin type=\"flannel\" failed (add): 'delegate' dictionary must not have 'ipam' field, it'll be set by flannel",
      // libcni parses a config without cniVersion as the empty version (containerd's StopPodSandbox wording).
      'StopPodSandbox for "4f1c" failed error="failed to destroy network for sandbox \\"4f1c\\": invalid version \\"\\": the version is empty"',
      // Older libcni said only invalid version "".
      'StopPodSandbox for "9c2e" failed error="failed to destroy network for sandbox \\"9c2e\\": invalid version \\"\\""',
      // libcni: a delegate or plugin entry without "type"; host-local: two ranges of one set that overlap; a plugin's own netconf decoding.
      'Multus: error in invoke Delegate add - "bridge": no plugin name provided',
      'plugin type="tuning" failed (add): failed to load netconf: json: cannot unmarshal array into Go struct field TuningConf.sysctl of type map[string]string',
      // containerd's go-cni marks every file it cannot load as ErrInvalidConfig ("invalid cni config").
      'network type not found in /etc/cni/net.d/87-podman.conf: invalid cni config',
      'CNI config list in config file /etc/cni/net.d/10-flannel.conflist has no networks, skipping: invalid cni config',
    ],
    counterSamples: ['no networks found in /etc/cni/net.d'],
  }),
  sig({
    id: 'cni.subnet-env',
    cause: 'cni.subnet-env-missing',
    re: /\/run\/flannel\/subnet\.env: (no such file or directory|the system cannot find the (path|file) specified)|loadflannelsubnetenv failed(?!: (strconv\.|invalid cidr address))|failed to load flannel 'subnet\.env' file|subnet\.env is missing flannel_/,
    anchors: ['subnet.env', 'loadflannelsubnetenv'],
    // The flannel CNI plugin ran (its config is in /etc/cni/net.d) but flanneld has written no lease on
    // this node: flanneld not (yet) running there, or a flannel config left behind on a node whose
    // network is now another CNI's. The text cannot tell which.
    confidence: 0.85,
    specificity: 95,
    // flanneld writes subnet.env only once its backend is up: a backend the kernel cannot run (no vxlan module, as
    // on some Raspberry Pi kernels) leaves it unwritten too.
    alternatives: ['flannel.daemon-down', 'cni.config-invalid', 'flannel.config-invalid', 'flannel.backend-unsupported'],
    // What keeps flanneld from writing it, when a paste shows it on another line.
    explainedBy: FLANNEL_NOT_UP,
    check: 'kubectl -n kube-flannel get pods -o wide --field-selector spec.nodeName=<node>: no running flannel pod there means flannel is not up on the node (its log says why: a net-conf.json it cannot use, such as an empty Backend type, makes it exit before it writes subnet.env); if flannel is not meant to run (another CNI is installed), remove the stale /etc/cni/net.d/10-flannel.conflist',
    source: 'facts §4.2 (subnet.env missing, by plugin version)',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "9f1c0d": plugin type="flannel" failed (add): failed to load flannel \'subnet.env\' file: open /run/flannel/subnet.env: no such file or directory. Check the flannel pod log for this node.',
      'networkPlugin cni failed to set up pod "coredns-5644d7b6d9-8kxvq_kube-system" network: open /run/flannel/subnet.env: no such file or directory',
      'plugin type="flannel" failed (add): loadFlannelSubnetEnv failed: open /run/flannel/subnet.env: no such file or directory',
    ],
    counterSamples: ['Wrote subnet file to /run/flannel/subnet.env'],
  }),
  sig({
    id: 'cni.chaining-config-unknown',
    cause: 'cni.config-invalid',
    // Cilium's CNI plugin in chaining mode looks its chained network up by the conflist's name; a name it has no
    // chaining mode for (a conflist of another network, docker0's) means the conflist in /etc/cni/net.d is not the
    // one Cilium was set up to chain into.
    re: /unknown cni chaining configuration name/,
    anchors: ['chaining configuration name'],
    confidence: 0.85,
    specificity: 92,
    check: 'ls /etc/cni/net.d on that node and the name field of the first conflist: Cilium chaining (cni.chainingMode) expects the chained network\'s conflist (flannel\'s cbr0 in 10-flannel.conflist), not another one left there',
    source: 'cilium-cni chaining lookup ("Unknown CNI chaining configuration name \'%s\'")',
    samples: ['level=warning msg="Unknown CNI chaining configuration name \'docker0\'" eventUUID=4798f39d subsys=cilium-cni', "Unknown CNI chaining configuration name 'cbr0'"],
    counterSamples: ['level=info msg="Using CNI chaining configuration portmap" subsys=cilium-cni'],
  }),
  sig({
    id: 'cni.plugin-not-found-old',
    cause: 'cni.plugin-missing',
    // libcni before "failed to find plugin … in path" and rkt's own CNI caller: the binary named by a config's type is
    // not in the plugin directories.
    re: /could not find \\?"[\w.-]+\\?" plugin/,
    anchors: ['could not find'],
    confidence: 0.85,
    specificity: 90,
    check: 'ls the CNI plugin directory (/opt/cni/bin, or the runtime\'s configured path) for the binary named by the config\'s "type"',
    source: 'rkt networking and early libcni plugin lookup ("could not find %q plugin")',
    samples: ['Failed to setup network: error adding network "default": could not find "host-local-ptp" plugin', 'error adding network "flannel": could not find "flannel" plugin'],
    counterSamples: ['could not find the requested resource'],
  }),
  sig({
    id: 'cni.subnet-env-unreadable',
    cause: 'unknown',
    // The file is there but the plugin may not read it: its mode, or an SELinux label the runtime's domain cannot
    // read (a /run/flannel made by hand or restored). No cause id names it; flanneld did write its lease.
    re: /subnet\.env[^\n]{0,3}: permission denied/,
    anchors: ['permission denied'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['cni.subnet-env-missing', 'flannel.daemon-down'],
    check: 'ls -lZ /run/flannel/subnet.env on the node: a file the runtime cannot read (mode, owner or SELinux label; restorecon -Rv /run/flannel) rather than a missing one',
    source: 'flannel CNI plugin loadFlannelSubnetEnv (os.Open of subnet.env)',
    samples: [
      "plugin type=\"flannel\" failed (add): failed to load flannel 'subnet.env' file: open /run/flannel/subnet.env: permission denied. Check the flannel pod log for this node.",
      'loadFlannelSubnetEnv failed: open /run/flannel/subnet.env: permission denied',
    ],
    counterSamples: ["failed to load flannel 'subnet.env' file: open /run/flannel/subnet.env: no such file or directory"],
  }),
  sig({
    id: 'cni.bridge-addr',
    cause: 'cni.bridge-ip-conflict',
    // The bridge plugin's address conflict; its other "failed to set bridge addr" errors are below.
    re: /already has an ip address( different from)?/,
    anchors: ['already has an ip address'],
    confidence: 0.95,
    specificity: 95,
    source: 'facts §4.2 (bridge plugin)',
    samples: [
      'plugin type="flannel" failed (add): failed to delegate add: failed to set bridge addr: "cni0" already has an IP address different from 10.244.3.1/24',
      'networkPlugin cni failed to set up pod "web-0_default" network: failed to set bridge addr: "cni0" already has an IP address different from 10.244.1.1/24',
    ],
    counterSamples: ['cni0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1450', 'failed to set bridge addr: could not add IP address to "cni0": file exists'],
  }),
  sig({
    id: 'cni.portmap-backend-unknown',
    cause: 'cni.config-invalid',
    // portmap's conflist entry names its rule backend ("backend": "iptables" | "nftables"); any other word is refused at ADD.
    re: /type=\\?"portmap\\?" failed \((add|check)\): unrecognized backend|portmap[^\n]{0,80}unrecognized backend/,
    anchors: ['unrecognized backend'],
    confidence: 0.85,
    specificity: 94,
    check: 'the portmap entry of the conflist in /etc/cni/net.d: its "backend" must be "iptables" or "nftables" (or absent)',
    source: 'CNI portmap plugin (plugins/meta/portmap: unrecognized backend)',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "2f3a4b5c6d7e": plugin type="portmap" failed (add): unrecognized backend "nft"',
      'plugin type=\\"portmap\\" failed (add): unrecognized backend \\"ipvs\\"',
    ],
    counterSamples: ['plugin type="portmap" failed (add): failed to open iptables: exit status 3'],
  }),
  sig({
    id: 'docker.bridge-bip-mismatch',
    cause: 'cni.bridge-ip-conflict',
    // dockerd starts with --bip (flannel's older Docker integration hands it the node's subnet) but the
    // docker0 bridge left from before keeps another address: the daemon refuses to start.
    // Docker 1.6's words: "Bridge ip (<addr>) does not match existing bridge configuration <addr>".
    re: /bridge ipv4 \(\S+\) does not match requested configuration|bridge ip \(\S+\) does not match existing bridge configuration/,
    anchors: ['does not match requested configuration', 'does not match existing bridge configuration'],
    confidence: 0.9,
    specificity: 94,
    check: 'ip addr show docker0 against the --bip dockerd is given (flannel\'s /run/flannel/subnet.env or docker_opts.env): ip link set docker0 down; ip link delete docker0; then start dockerd so it recreates the bridge with the new address',
    source: 'libnetwork bridge driver ("bridge IPv4 (%s) does not match requested configuration %s")',
    samples: ['FATA[0001] Error starting daemon: Error initializing network controller: Error creating default "bridge" network: bridge IPv4 (172.17.42.1) does not match requested configuration 10.1.92.1', 'Error creating default "bridge" network: bridge IPv4 (172.17.0.1) does not match requested configuration 10.244.3.1', 'level=fatal msg="Shutting down daemon due to errors: Bridge ip (172.17.42.1) does not match existing bridge configuration 10.252.30.1"'],
    counterSamples: ['docker0: flags=4099<UP,BROADCAST,MULTICAST>  mtu 1500'],
  }),
  sig({
    id: 'containerd.no-cni-config-template',
    cause: 'cni.config-missing',
    // containerd's CRI plugin, started with no CNI config in its conf dir and no template to render one,
    // says it will wait: the network add-on has not written its config on this node yet.
    re: /no cni config template is specified, wait for other system components to drop the config/,
    anchors: ['no cni config template is specified'],
    // logged at every start before the add-on writes its config, so below sure
    confidence: 0.75,
    specificity: 90,
    alternatives: ['flannel.daemon-down'],
    check: 'ls /etc/cni/net.d on the node and kubectl -n kube-flannel get pods -o wide: the add-on\'s pod on this node writes the config (its install-cni init container); none running there means it has not been deployed or cannot start',
    source: 'containerd CRI plugin (cni conf syncer: "No cni config template is specified, wait for other system components to drop the config.")',
    samples: ['No cni config template is specified, wait for other system components to drop the config.', 'level=info msg="No cni config template is specified, wait for other system components to drop the config."'],
    counterSamples: ['loading cni config template from /etc/containerd/cni.template'],
  }),
  sig({
    id: 'docker.ipam-pool-exhausted',
    cause: 'cni.ipam-exhausted',
    // Docker's own IPAM (libnetwork), which allocates pod addresses when the kubelet leaves networking to
    // dockershim's docker bridge or kubenet's cbr0 pool: the pool is used up, often by leaked sandboxes.
    re: /no available (ip|ipv4|ipv6) addresses on (network|this network's address pools|this pool)|no available addresses on this pool/,
    anchors: ['no available ip', 'no available addresses'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['flannel.no-pod-cidr'],
    check: 'docker network inspect bridge (or the pool the error names): count the endpoints against the subnet size; exited pause containers (docker ps -a --filter name=k8s_POD) still hold addresses until removed',
    source: 'Docker libnetwork IPAM (ipamapi ErrNoAvailableIPs) as seen through the kubelet\'s docker runtime',
    samples: [
      'Failed to start with docker id 121040c542ca with error: API error (500): Cannot start container 121040c542cab2f627a5: no available ip addresses on network',
      'Error response from daemon: no available IPv4 addresses on this network\'s address pools: bridge (8e3a3f2a1b)',
    ],
    counterSamples: ['failed to allocate for range 0: no IP addresses available in range set: 10.244.2.1-10.244.2.254'],
  }),
  sig({
    id: 'cilium.ipam-pool-full',
    cause: 'cni.ipam-exhausted',
    // Cilium's CNI plugin asks its node agent for an address (POST /ipam); the agent's allocator for the node's
    // pod CIDR answers "range is full" (the Kubernetes ipallocator error it reuses) when every address of the
    // node's pool is taken — by pods, or by addresses leaked from sandboxes that were never released. The same
    // "range is full" from the API server is the Service CIDR, so only the Cilium wrapper counts here.
    re: /(postipamfailure|allocate ip via local cilium agent)[^\n]{0,200}?range is full/,
    anchors: ['postipamfailure', 'cilium agent'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['flannel.no-pod-cidr'],
    check: 'this node runs Cilium, not flannel\'s host-local: cilium status --all-addresses in the node\'s cilium pod, against the pods on the node (kubectl get pods -A -o wide --field-selector spec.nodeName=<node>); kubectl get ciliumnode <node> -o yaml shows the pool size (spec.ipam.podCIDRs)',
    source: 'Cilium CNI plugin → agent IPAM API (POST /ipam, postIpamFailure); Kubernetes ipallocator ErrFull ("range is full")',
    samples: [
      'networkPlugin cni failed to set up pod "web-5d8f_shop" network: unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure  range is full',
      'plugin type="cilium-cni" failed (add): unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure  range is full',
    ],
    counterSamples: ['Internal error occurred: failed to allocate a serviceIP: range is full', 'unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure  No more IPs available'],
  }),
  sig({
    id: 'cilium.ipam-crd-pool-empty',
    cause: 'cni.ipam-exhausted',
    // In Cilium's CRD-backed IPAM modes (ENI, Azure, crd, multi-pool) the agent hands out addresses only from the
    // pool the operator wrote into the node's CiliumNode; "No more IPs available" is that pool used up. The pool is
    // refilled by the operator, so the root is either pods filling it or the operator unable to add (an ENI or
    // subnet limit, cloud permissions): the operator status on the CiliumNode says which.
    re: /(postipamfailure|allocate ip via local cilium agent)[^\n]{0,200}?no more ips available/,
    anchors: ['postipamfailure', 'cilium agent'],
    also: ['no more ips available'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['flannel.no-pod-cidr'],
    check: 'kubectl get ciliumnode <node> -o yaml: spec.ipam.pool against status.ipam.used, and status.ipam.operator-status.error (the operator\'s reason for not refilling: ENI or subnet limits, cloud API permissions); kubectl -n kube-system logs deploy/cilium-operator',
    source: 'Cilium CNI plugin → agent IPAM API (POST /ipam, postIpamFailure); the CRD allocator ("No more IPs available")',
    samples: [
      'plugin type="cilium-cni" name="cilium" failed (add): unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure "No more IPs available"',
      'networkPlugin cni failed to set up pod "api-7c9_default" network: unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure  No more IPs available',
    ],
    counterSamples: ['unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure  range is full'],
  }),
  sig({
    id: 'cni.chained-only-plugin',
    cause: 'cni.config-invalid',
    // A plugin that only adjusts what an earlier plugin set up (portmap, tuning, bandwidth, a CNI's
    // chaining mode) refuses to run first: the conflist lists it alone or before the main plugin.
    re: /must be called as (a )?chained plugin/,
    anchors: ['chained plugin'],
    confidence: 0.9,
    specificity: 92,
    source: 'containernetworking/plugins meta plugins ("must be called as chained plugin" when prevResult is missing)',
    samples: [
      'error adding container to network "cbr0": must be called as chained plugin',
      'plugin type="portmap" failed (add): must be called as chained plugin',
    ],
    counterSamples: ['plugin type="flannel" failed (add): failed to find plugin "portmap" in path [/opt/cni/bin]'],
  }),
  sig({
    id: 'multus.named-network-file-missing',
    cause: 'cni.config-missing',
    // A NetworkAttachmentDefinition without a config of its own names a network that Multus then looks for as a
    // file in its CNI directory: none there means that plugin's config was never installed on this node.
    re: /no network available in the name \S+ in cni dir/,
    anchors: ['no network available in the name'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['cni.config-invalid'],
    check: 'ls the CNI directory it names on that node (e.g. /etc/cni/multus/net.d): the plugin that should write the named config (istio-cni, a secondary CNI) must run on the node, or the NetworkAttachmentDefinition must carry its config inline (kubectl get net-attach-def -A -o yaml)',
    source: 'Multus GetCNIConfigFromFile (a NetworkAttachmentDefinition without spec.config)',
    samples: ['err in GetCNIConfigFromFile: no network available in the name istio-cni in cni dir /etc/cni/multus/net.d', 'Multus: [web/api-0]: error loading k8s delegates: GetCNIConfigFromFile: no network available in the name macvlan-conf in cni dir /etc/cni/net.d'],
    counterSamples: ['no networks found in /etc/cni/net.d'],
  }),
  sig({
    id: 'multus.delegate-cni-version',
    cause: 'cni.config-invalid',
    // Multus loads the primary CNI config as its delegate and refuses one whose cniVersion differs from its
    // own top-level version: the two config files disagree.
    re: /delegate cni version is \S+ while top level cni version is \S+/,
    anchors: ['delegate cni version is'],
    confidence: 0.9,
    specificity: 94,
    check: 'the cniVersion of the primary config in /etc/cni/net.d (e.g. 10-flannel.conflist) against the one in Multus\'s own config (00-multus.conf): make them equal, or let Multus generate its config from the primary one',
    source: 'Multus CNI (pkg/types: "delegate cni version is %s while top level cni version is %s")',
    samples: ["failed to load the primary CNI configuration as a multus delegate with error 'delegate cni version is 0.3.1 while top level cni version is 1.1.0'", 'delegate cni version is 0.4.0 while top level cni version is 0.3.1'],
    counterSamples: ['"cniVersion": "0.3.1"'],
  }),
  sig({
    id: 'multus.netconf-invalid',
    cause: 'cni.config-invalid',
    // Multus reads its own config (and a NetworkAttachmentDefinition's) before delegating: an error here is
    // the configuration, not a delegate plugin that failed — also a clusterNetwork naming a network that is
    // neither a NetworkAttachmentDefinition nor a file in its CNI directory.
    re: /multus: error loading netconf|loadnetconf: |multus: err in delegate conf|delegate must have the field 'type'|failed to get clusternetwork[^\n]{0,40}|getdefaultnetworks: |multus: [^\n]{0,80}(error parsing|failed to parse|invalid) (the )?(config|netconf|network attachment)/,
    anchors: ['error loading netconf', 'loadnetconf: ', 'multus: ', 'failed to get clusternetwork', 'getdefaultnetworks: ', "must have the field 'type'"],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['cni.config-missing'],
    check: 'the Multus config on the node (/etc/cni/net.d/00-multus.conf: clusterNetwork or delegates must name the cluster\'s CNI, e.g. the flannel conflist) and the NetworkAttachmentDefinitions the pod asks for (kubectl get net-attach-def -A -o yaml)',
    source: 'Multus CNI LoadNetConf / NetworkAttachmentDefinition parsing errors',
    samples: [
      'Multus: error loading netconf: LoadNetConf: at least one delegate/clusterNetwork must be specified',
      'error configuring pod networking: Multus: error loading netconf: LoadNetConf: failed to parse the config',
      'Multus: [default/web-0]: failed to get clusterNetwork/defaultNetworks: GetDefaultNetworks: failed to get clusterNetwork cbr0 in namespace kube-system',
    ],
    counterSamples: ['Multus: [default/web]: error adding container to network "flannel": failed to find plugin "flannel" in path [/opt/cni/bin]'],
  }),
  sig({
    id: 'whereabouts.range-exhausted',
    cause: 'cni.ipam-exhausted',
    // The whereabouts IPAM plugin (cluster-wide ranges, often beside Multus) walks its range's free
    // addresses and fails with its AssignmentError when none is left: "Could not allocate IP in range:
    // ip: <first> / - <last> / range: <IPNet>". Addresses of deleted pods it never released count as used.
    re: /could not allocate ip in range: ip: /,
    anchors: ['could not allocate ip in range'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['cni.config-invalid'],
    check: 'the range in the error against its users: kubectl get ippools.whereabouts.cni.cni.cncf.io -A -o yaml lists the allocations (pods long gone still hold addresses until the ip-reconciler runs); a range of a handful of addresses in the NetworkAttachmentDefinition fills at once',
    source: 'whereabouts IPAM AssignmentError ("Could not allocate IP in range: ip: %v / - %v / range: %#v")',
    samples: [
      'error adding container to network "macvlan-conf": Error at storage engine: Could not allocate IP in range: ip: 192.168.2.225 / - 192.168.2.230 / range: net.IPNet{IP:net.IP{0xc0, 0xa8, 0x2, 0xe0}, Mask:net.IPMask{0xff, 0xff, 0xff, 0xf0}}',
      'Could not allocate IP in range: ip: 10.10.0.1 / - 10.10.0.6 / range: net.IPNet{IP:net.IP{0xa, 0xa, 0x0, 0x0}, Mask:net.IPMask{0xff, 0xff, 0xff, 0xf8}}',
    ],
    counterSamples: ['Could not allocate IP address for the node'],
  }),
  sig({
    id: 'cni.ipam-range-full',
    cause: 'cni.ipam-exhausted',
    // Only host-local's own exhaustion words: "failed to allocate for range N:" also wraps its disk store's
    // errors (a full or read-only /var/lib/cni) and a requested address that is the gateway.
    re: /no ip addresses available in (range set|network)|duplicate allocation is not allowed|requested ip address \S+ is not available in range set/,
    anchors: ['no ip addresses available', 'duplicate allocation', 'is not available in range set'],
    confidence: 0.95,
    specificity: 95,
    source: 'facts §4.2 (host-local)',
    samples: [
      'plugin type="flannel" failed (add): failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: 10.244.2.1-10.244.2.254',
      'networkPlugin cni failed to set up pod "api-7c9d_prod" network: no IP addresses available in network: cbr0',
    ],
    counterSamples: ['allocated 10.244.2.17 from range 10.244.2.0/24', 'failed to delegate add: failed to allocate for range 0: open /var/lib/cni/networks/cbr0/10.244.1.17: read-only file system'],
  }),
  sig({
    id: 'cni.aws-ipamd-no-address',
    cause: 'cni.ipam-exhausted',
    // The AWS VPC CNI plugin asks its node daemon (ipamd) for an address over gRPC; this is the plugin's
    // text when ipamd answered but had none to give: its warm pool is empty — the instance type's ENI and
    // per-ENI address limits reached, or the subnet out of addresses. ipamd down reads otherwise (a gRPC
    // dial error).
    re: /failed to assign an ip address to container/,
    anchors: ['failed to assign an ip address to container'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'on the node, /var/log/aws-routed-eni/ipamd.log says why no address was free: the pods on the node against the instance type\'s limit (ENIs × addresses per ENI), and the subnet\'s free addresses (aws ec2 describe-subnets --subnet-ids <id> --query Subnets[].AvailableIpAddressCount); prefix delegation or a larger subnet raises the pool',
    source: 'amazon-vpc-cni-k8s cmd/routed-eni-cni-plugin (AddNetwork reply without success: "add cmd: failed to assign an IP address to container")',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "71ef": plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container',
      'networkPlugin cni failed to set up pod "web-0_default" network: add cmd: failed to assign an IP address to container',
    ],
    counterSamples: ['add cmd: Error received from AddNetwork gRPC call: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial tcp 127.0.0.1:50051: connect: connection refused"'],
  }),
  sig({
    id: 'cni.kubenet-plugins-missing',
    cause: 'cni.plugin-missing',
    // The kubelet's (and cri-dockerd's) kubenet needs the bridge, host-local and loopback binaries of the
    // containernetworking plugins in the CNI bin dir; without them the runtime network never turns ready.
    re: /could not locate kubenet required cni plugins/,
    anchors: ['could not locate kubenet required cni plugins'],
    confidence: 0.95,
    specificity: 95,
    check: 'ls /opt/cni/bin (or the --cni-bin-dir given to the kubelet / cri-dockerd): install the containernetworking plugins release there (bridge, host-local, loopback)',
    source: 'kubenet (pkg/kubelet/dockershim/network/kubenet, cri-dockerd network/kubenet): "could not locate kubenet required CNI plugins %v at %q"',
    samples: [
      'network plugin is not ready: could not locate kubenet required CNI plugins [bridge host-local loopback] at ["/opt/cni/bin" "/opt/cni/bin"]',
      '"Container runtime network not ready" networkReady="NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: could not locate kubenet required CNI plugins [bridge host-local loopback] at [\\"/opt/cni/bin\\"]"',
    ],
    counterSamples: ['network plugin is not ready: cni config uninitialized'],
  }),
  sig({
    id: 'kubelet.network-plugin-cni-not-found',
    cause: 'cni.config-missing',
    // The dockershim-era kubelet (--network-plugin=cni) found no usable plugin of that name at start: its CNI probe
    // reads the conf dir, so with no network config there the "cni" plugin is not offered and the kubelet stops.
    re: /network plugin "cni" not found/,
    anchors: ['network plugin "cni" not found'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['cni.plugin-missing'],
    check: 'ls /etc/cni/net.d (or --cni-conf-dir) and /opt/cni/bin (--cni-bin-dir) on the node: the network add-on writes the config once it runs there; an empty conf dir means the add-on is not running on this node yet',
    source: 'kubelet before 1.24 (InitNetworkPlugin: "Network plugin %q not found.")',
    samples: ['kubelet: failed to create kubelet: Network plugin "cni" not found.', 'F0412 10:01:12.345678 1234 server.go:148] failed to create kubelet: Network plugin "cni" not found.'],
    counterSamples: ['network plugin is not ready: cni config uninitialized'],
  }),
  sig({
    id: 'cni.ipam-ip-not-v4-nor-v6',
    cause: 'cni.config-invalid',
    // The CNI types package refusing an address it was handed that parses as neither family: an IPAM section
    // with no subnet (or a malformed one) gives it an empty IP.
    re: /\bip not v4 nor v6\b/,
    anchors: ['ip not v4 nor v6'],
    confidence: 0.7,
    specificity: 90,
    check: 'the network config\'s ipam section (/etc/cni/net.d or /etc/rkt/net.d): host-local needs "subnet" (or ranges) with a valid CIDR',
    source: 'containernetworking/cni types ("IP not v4 nor v6")',
    samples: ['Failed to setup network: error adding network "container": IP not v4 nor v6', 'failed to set up pod network: error adding network "bridge": IP not v4 nor v6'],
    counterSamples: ['IPv4 and IPv6 addresses assigned'],
  }),
  sig({
    id: 'cni.check-unsupported-version',
    cause: 'cni.config-invalid',
    // libcni runs CHECK only for configs of cniVersion 0.4.0 or later: a conflist still at 0.3.x fails every CHECK the
    // runtime (or a meta-plugin such as Multus) sends, so the config's version is what to change.
    re: /configuration version \\?"[\d.]+\\?" does not support the check command/,
    anchors: ['does not support the check command'],
    confidence: 0.8,
    specificity: 93,
    check: 'the conflist in /etc/cni/net.d on that node (and a delegate\'s config for Multus): set "cniVersion" to 0.4.0 or later (1.0.0 for current plugins); the plugins themselves must support that version',
    source: 'containernetworking/cni libcni (CheckNetworkList: "configuration version %q does not support the CHECK command")',
    samples: [
      'conflistCheck: error in getting result from CheckNetworkList: configuration version "0.3.0" does not support the CHECK command',
      'plugin type="flannel" failed (check): configuration version "0.3.1" does not support the CHECK command',
    ],
    counterSamples: ['plugin type="flannel" failed (check): failed to find plugin "flannel" in path [/opt/cni/bin]'],
  }),
  sig({
    id: 'cni.calico-ipam-exhausted',
    cause: 'cni.ipam-exhausted',
    // Calico's IPAM hands out addresses from per-node blocks of its pools: no free address in the pools, no block left
    // for this node (maxBlocksPerHost) or none it may borrow under strict affinity, and the pod gets none.
    re: /failed to request ipv4 addresses: assigned 0 out of \d+ requested ipv4 addresses|no ips available in pools|need to allocate an ipam block but could not|no more free affine blocks/,
    anchors: ['failed to request ipv4 addresses', 'no ips available in pools', 'allocate an ipam block', 'no more free affine blocks'],
    confidence: 0.85,
    specificity: 93,
    check: 'calicoctl ipam show --show-blocks (the pool\'s use and this node\'s blocks) and calicoctl ipam check (addresses of deleted pods still held: calicoctl ipam release); a larger pool or blockSize, or maxBlocksPerHost raised in the IPAM config',
    source: 'Calico cni-plugin ipamplugin and libcalico-go ipam ("Assigned %d out of %d requested IPv4 addresses", "No IPs available in pools", max blocks per host, strict affinity)',
    samples: [
      'plugin type="calico-ipam" failed (add): failed to request IPv4 addresses: Assigned 0 out of 1 requested IPv4 addresses; No IPs available in pools: [10.244.0.0/16]',
      'Assigned 0 out of 1 requested IPv4 addresses; Need to allocate an IPAM block but could not - limit of 20 blocks reached for this node',
    ],
    counterSamples: ['plugin type="calico-ipam" failed (add): error getting ClusterInformation: connection is unauthorized'],
  }),
  sig({
    id: 'multus.default-network-unready',
    cause: 'cni.subnet-env-missing',
    // Multus waits for its readiness indicator before delegating; with flannel as the default network that file is
    // flannel's subnet.env, written only once flanneld holds its lease. On DEL Multus (v4.2.3) does not wait: it
    // logs the same file as absent and goes on ("readinessindicatorfile @ %v does not exist on CNI DEL").
    re: /(?:still waiting for readinessindicatorfile @ \S*\/flannel\/subnet\.env|readinessindicatorfile @ \S*\/flannel\/subnet\.env does not exist on cni del)/,
    anchors: ['readinessindicatorfile'],
    confidence: 0.8,
    specificity: 96,
    explainedBy: ['flannel.daemon-down', 'flannel.rbac', 'flannel.no-pod-cidr', 'flannel.config-invalid'],
    check: 'kubectl -n kube-flannel get pods -o wide on that node and the flannel pod\'s log: subnet.env appears once flanneld holds its lease (podCIDR assigned, RBAC granted)',
    source: 'Multus (readinessindicatorfile: "have you checked that your default network is ready? still waiting for readinessindicatorfile @ %s")',
    samples: [
      '2026-12-06T10:12:44Z [error] have you checked that your default network is ready? still waiting for readinessindicatorfile @ /run/flannel/subnet.env. pollimmediate error: timed out waiting for the condition',
      'Multus: [kube-system/coredns-76f75df574-9xq2d/8288ae22]: have you checked that your default network is ready? still waiting for readinessindicatorfile @ /run/flannel/subnet.env. pollimmediate error: timed out waiting for the condition',
      '2026-12-07T20:29:43Z [verbose] warning: readinessindicatorfile @ /tmp/fd/scratch-rmultus/node/run/flannel/subnet.env does not exist on CNI DEL',
    ],
    counterSamples: ['still waiting for readinessindicatorfile @ /var/run/ovn-kubernetes/ready'],
  }),
  sig({
    id: 'multus.master-config-missing',
    cause: 'cni.config-missing',
    // Multus builds its config from the cluster network's conflist, the first in the CNI directory: none there
    // (flannel's not written yet, or removed) and Multus has nothing to delegate to.
    re: /failed to find the (cluster )?(primary|master) cni plugin|could not find a plugin configuration in \S+net\.d|cannot find valid master cni config in/,
    anchors: ['cni plugin', 'could not find a plugin configuration', 'cannot find valid master cni config'],
    confidence: 0.8,
    specificity: 93,
    check: 'ls /etc/cni/net.d on that node: 10-flannel.conflist must be there (written by flannel\'s install-cni init container) before Multus starts; then the flannel pod on the node',
    source: 'Multus thin entrypoint and daemon ("cannot find valid master CNI config in %q", "failed to find the cluster master CNI plugin")',
    samples: [
      '2026-12-06T10:10:02Z [error] failed to find the primary CNI plugin: failed to find the cluster master CNI plugin: could not find a plugin configuration in /host/etc/cni/net.d',
      'cannot find valid master CNI config in "/host/etc/cni/net.d"',
    ],
    counterSamples: ['failed to find plugin "flannel" in path [/opt/cni/bin]'],
  }),
  sig({
    id: 'multus.version-mismatch',
    cause: 'cni.config-invalid',
    // Multus's own cniVersion must be one its delegate (the master plugin's conflist) accepts.
    re: /multus cni version is \\?"[\d.]+\\?" while master plugin cni version is \\?"[\d.]+\\?"/,
    anchors: ['while master plugin cni version is'],
    confidence: 0.8,
    specificity: 93,
    check: 'the cniVersion of 00-multus.conf against the master conflist (10-flannel.conflist): set Multus\'s cniVersion (its --cni-version flag or config) to the master\'s',
    source: 'Multus thin entrypoint ("Multus cni version is %q while master plugin cni version is %q")',
    samples: ['Multus cni version is "0.3.1" while master plugin cni version is "1.0.0"', 'multus-daemon started\nmaster capabilities is get from conflist\nMultus cni version is "0.3.1" while master plugin cni version is "1.0.0"'],
    counterSamples: ['delegate cni version is 0.3.1 while top level cni version is 1.0.0'],
  }),
  sig({
    id: 'cni.aws-no-ip-slots',
    cause: 'cni.ipam-exhausted',
    // Amazon's VPC resource controller gives Windows (and security-group) pods addresses from the node's ENI slots:
    // none left and the pod gets no address, as an IPAM range that is used up.
    re: /node has no open ip address slots/,
    anchors: ['no open ip address slots'],
    confidence: 0.8,
    specificity: 93,
    check: 'the node\'s vpc.amazonaws.com/PrivateIPv4Address capacity against its pods (kubectl describe node): a larger instance type or more nodes; addresses held by terminated pods are released by the controller after a while',
    source: 'Amazon VPC resource controller (Windows IPAM: "node has no open IP address slots")',
    samples: ['Reconciler failed to create resource vpc.amazonaws.com/PrivateIPv4Address on node ip-192-168-147-36.eu-west-2.compute.internal: node has no open IP address slots.', 'Warning  FailedCreatePodSandBox  kubelet  node has no open IP address slots'],
    counterSamples: ['vpc.amazonaws.com/PrivateIPv4Address: 14'],
  }),
];
