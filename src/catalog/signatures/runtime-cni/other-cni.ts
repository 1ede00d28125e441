import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Other CNI plugins and network agents on or beside a flannel node: Cilium's CNI plugin and agent when chained
 * with flannel (chaining-mode, the prevResult flannel hands on, flannel's conflist it reads), and kube-router's
 * own CNI config file and bridge netfilter set-up, SR-IOV's device lookup and Kube-OVN's gateway check. Each names
 * the mechanism the catalog already has an id for, or says `unknown` with the check where none fits.
 */
export const OTHER_CNI_SIGNATURES: Signature[] = [
  sig({
    id: 'othercni.cilium-prevresult-not-chained',
    cause: 'cni.config-invalid',
    // cilium-cni got a prevResult (it sits after another plugin, flannel, in a conflist) but its config has no
    // chaining-mode: the conflist chains Cilium without saying so, which cilium-cni refuses for every pod.
    re: /cni prevresult supplied, but not in chaining mode/,
    anchors: ['prevresult supplied, but not in chaining mode'],
    confidence: 0.9,
    specificity: 95,
    check: 'the conflist the runtime uses (the first file by name in /etc/cni/net.d): the cilium-cni entry after flannel needs "chaining-mode" (Cilium\'s cni.chainingMode=generic-veth or its flannel mode), or Cilium must not be chained there at all',
    source: 'cilium/cilium plugins/cilium-cni/cmd/cmd.go: Add ("CNI PrevResult supplied, but not in chaining mode -- this is invalid, please set chaining-mode in CNI configuration")',
    samples: [
      'failed to setup network for sandbox "3f9a": plugin type="cilium-cni" failed (add): CNI PrevResult supplied, but not in chaining mode -- this is invalid, please set chaining-mode in CNI configuration',
      'level=error msg="CNI PrevResult supplied, but not in chaining mode -- this is invalid, please set chaining-mode in CNI configuration" containerID=4b72 subsys=cilium-cni',
    ],
    counterSamples: ['level=info msg="Generated chained cilium CNI configuration" target=cbr0'],
  }),
  sig({
    id: 'othercni.cilium-chaining-mode-invalid',
    cause: 'cni.config-invalid',
    // The chaining-mode in cilium-cni's config (written by the agent from cni.chainingMode) names no chaining
    // plugin the binary has: every sandbox fails until the config names a known mode.
    re: /invalid (cni )?chaining[- ]mode:? \S+/,
    anchors: ['invalid chaining-mode', 'invalid cni chaining mode'],
    confidence: 0.9,
    specificity: 94,
    check: 'the "chaining-mode" in the cilium entry of the conflist in /etc/cni/net.d (and Cilium\'s cni.chainingMode setting that writes it): it must be one the installed cilium-cni knows (none, generic-veth, aws-cni, flannel, portmap)',
    source: 'cilium/cilium plugins/cilium-cni/cmd/cmd.go: getChainedAction ("invalid chaining-mode %s"); daemon/cmd/cni/config.go ("invalid CNI chaining mode: %s")',
    samples: [
      'failed to setup network for sandbox "3f9a": plugin type="cilium-cni" failed (add): invalid chaining-mode flanel',
      'level=info msg="Failed to write CNI config file (will retry)" error="invalid CNI chaining mode: generic_veth" subsys=cni-config',
    ],
    counterSamples: ['level=info msg="Generating CNI configuration file with mode" mode=generic-veth'],
  }),
  sig({
    id: 'othercni.cilium-netconf-unparsable',
    cause: 'cni.config-invalid',
    // cilium-cni could not decode the network config the runtime passed it (the conflist entry): a field of the
    // wrong type or broken JSON in the file under /etc/cni/net.d.
    re: /unable to parse cni configuration \\?"/,
    anchors: ['unable to parse cni configuration'],
    confidence: 0.85,
    specificity: 94,
    check: 'jq . on the conflist in /etc/cni/net.d that names cilium-cni: the error names the field or character; fix the file (or the cni.customConf / ConfigMap it is rendered from)',
    source: 'cilium/cilium plugins/cilium-cni/cmd/cmd.go: Add/Del ("unable to parse CNI configuration %q: %w")',
    samples: [
      'plugin type="cilium-cni" failed (add): unable to parse CNI configuration "{\\"cniVersion\\":\\"0.3.1\\",\\"type\\":\\"cilium-cni\\",\\"enable-debug\\":\\"yes\\"}": json: cannot unmarshal string into Go struct field NetConf.enable-debug of type bool',
      'unable to parse CNI configuration "{\\"cniVersion\\":\\"0.3.1\\",": unexpected end of JSON input',
    ],
    counterSamples: ['unable to parse CNI arguments'],
  }),
  sig({
    id: 'othercni.cilium-chaining-target-invalid-json',
    cause: 'cni.config-invalid',
    // In chaining mode the agent reads the other network's conflist (flannel's) to chain into; a file that does not
    // parse is skipped, and the chained config is not written while no valid file is left.
    re: /cni configuration file has invalid json, skipping/,
    anchors: ['has invalid json, skipping'],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['cni.config-missing'],
    check: 'jq . on the file the log names (path=) under /etc/cni/net.d: a truncated or hand-edited flannel conflist must be rewritten (the kube-flannel pod\'s install-cni init container writes it when the pod restarts)',
    source: 'cilium/cilium daemon/cmd/cni/config.go: findCNINetwork ("CNI configuration file has invalid json, skipping.")',
    samples: [
      'level=WARN msg="CNI configuration file has invalid json, skipping." module=agent.infra.cni-config error="unexpected end of JSON input" path=/host/etc/cni/net.d/10-flannel.conflist',
      'level=warning msg="CNI configuration file has invalid json, skipping." error="invalid character \'}\' looking for beginning of object key string" path=/host/etc/cni/net.d/10-flannel.conflist subsys=cni-config',
    ],
    counterSamples: ['level=info msg="Found CNI network for chaining" name=cbr0 path=/host/etc/cni/net.d/10-flannel.conflist'],
  }),
  sig({
    id: 'othercni.kube-router-bridge-netfilter',
    cause: 'unknown',
    // kube-router loads the br_netfilter module and sets bridge-nf-call-iptables/ip6tables at start, and logs this when
    // either fails. The wrapper alone does not say the setting is off: loading fails in a pod without the host's
    // /lib/modules while the host has the module loaded, and a read-only /proc/sys leaves whatever the host set.
    // Threads settle it both ways, so it answers unknown; an inner "no such file" on the sysctl path (module not
    // loaded) is read by node.br-netfilter-missing, which outranks this.
    re: /failed to enable (netfilter|iptables|ip6tables) for bridge\. network policies and service proxy may not work/,
    anchors: ['network policies and service proxy may not work'],
    confidence: 0.5,
    specificity: 60,
    alternatives: ['node.br-netfilter'],
    check: 'on the node itself: lsmod | grep br_netfilter and sysctl net.bridge.bridge-nf-call-iptables — loaded and 1 means the warning is harmless (the pod could not load the module itself); not loaded or 0 is the cause (load br_netfilter on the host, persisted in /etc/modules-load.d)',
    source: 'cloudnativelabs/kube-router pkg/controllers/routing/network_routes_controller.go: Run ("Failed to enable netfilter for bridge. Network policies and service proxy may not work: %s")',
    samples: [
      'E1206 10:00:00.202020       1 network_routes_controller.go:295] Failed to enable netfilter for bridge. Network policies and service proxy may not work: exit status 1',
      'Failed to enable ip6tables for bridge. Network policies and service proxy may not work: failed to write value 1 to /proc/sys/net/bridge/bridge-nf-call-ip6tables: read-only file system',
    ],
    counterSamples: ['Failed to enable IP forwarding of traffic from pods: failed to run iptables command: exit status 4'],
  }),
  sig({
    id: 'othercni.kube-router-cni-conf-invalid',
    cause: 'cni.config-invalid',
    // kube-router reads its CNI config (10-kuberouter.conflist) to insert the node's pod CIDR and MTU: a list without
    // plugins or a config without a type is a file the install step wrote wrong.
    re: /cni config list \S+ has no plugins|error load cni config, file appears to have no type/,
    anchors: ['has no plugins', 'file appears to have no type'],
    confidence: 0.9,
    specificity: 94,
    check: 'cat /etc/cni/net.d/10-kuberouter.conflist on the node against the daemonset\'s kube-router-cfg ConfigMap: it needs a "plugins" list whose entries each have a "type" (bridge, portmap)',
    source: 'cloudnativelabs/kube-router pkg/utils/cni.go: NewCNINetworkConfig ("CNI config list %s has no plugins", "error load CNI config, file appears to have no type: %s")',
    samples: [
      'E1206 10:00:00.404040       1 network_routes_controller.go:418] failed to parse CNI Config: CNI config list /etc/cni/net.d/10-kuberouter.conflist has no plugins',
      'failed to parse CNI Config: error load CNI config, file appears to have no type: /etc/cni/net.d/10-kuberouter.conf',
    ],
    counterSamples: ['failed to parse CNI Config: error reading /etc/cni/net.d/10-kuberouter.conflist: open /etc/cni/net.d/10-kuberouter.conflist: no such file or directory'],
  }),
  sig({
    id: 'othercni.sriov-device-lookup',
    cause: 'unknown',
    // SR-IOV CNI's LoadConf resolves the device the device plugin allocated in sysfs (the VF's physfn link, its PF's
    // netdev). Failing there is the node's SR-IOV setup or the device plugin's resource pool (a device that is not a
    // VF, VFs not created, a driver bound to DPDK), not the JSON of the network config that libcni wording suggests.
    re: /loadconf\(\): failed to get (vf|pf) information|physfn\/net: no such file or directory/,
    anchors: ['failed to get vf information', 'failed to get pf information', 'physfn/net'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['cni.config-invalid'],
    check: 'on the node: ls -l /sys/bus/pci/devices/<pciAddress from the message>/physfn (a VF has one) and cat /sys/class/net/<pf>/device/sriov_numvfs; then the device plugin\'s resource config (its selectors may hand out PFs or devices bound to vfio-pci/igb_uio that have no netdev)',
    source: 'k8snetworkplumbingwg/sriov-cni pkg/config LoadConf ("LoadConf(): failed to get VF information: %q")',
    samples: [
      'plugin type="multus" name="multus-cni-network" failed (add): [ns/pod/:sriov-net]: error adding container to network "sriov-net": SRIOV-CNI failed to load netconf: LoadConf(): failed to get VF information: "lstat /sys/bus/pci/devices/0000:00:07.0/physfn/net: no such file or directory"',
      'SRIOV-CNI failed to load netconf: LoadConf(): failed to get PF information: "lstat /sys/bus/pci/devices/0000:3b:02.1/physfn/net: no such file or directory"',
    ],
    counterSamples: ['SRIOV-CNI failed to load netconf: LoadConf(): VF pci addr is required'],
  }),
  sig({
    id: 'othercni.kube-ovn-gateway-not-ready',
    cause: 'unknown',
    // Kube-OVN's CNI, before it answers ADD, checks that the pod's subnet gateway answers ARP (or ping) from inside
    // the new netns; "not ready ... after N checks" means nothing answered for the gateway: an underlay subnet whose
    // gateway is not on that VLAN, OVN's logical router not ready on the node, or a gateway address set wrong in
    // the Subnet. None of that is flannel's, and it is no registry timeout even though the text ends in i/o timeout.
    re: /gateway \S+ is not ready for interface \S+ after \d+ checks|resolve mac address of \S+ timeout/,
    anchors: ['is not ready for interface', 'resolve mac address of'],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['cni.config-invalid', 'node.firewall'],
    check: 'kubectl get subnet <the pod\'s subnet> -o yaml (spec.gateway, spec.vlan, spec.logicalGateway): for an underlay subnet the gateway must exist on the physical VLAN (arping it from the node); for an overlay subnet, kubectl ko nbctl show and the ovn-controller log on that node',
    source: 'kubeovn/kube-ovn pkg/daemon gateway check before answering the CNI ADD ("network %s with gateway %s is not ready for interface %s after %d checks: %v", "resolve MAC address of %s timeout")',
    samples: [
      'plugin type="kube-ovn" failed (add): RPC failed; request ip return 500 configure nic failed network 192.168.72.203/24 with gateway 192.168.72.8 is not ready for interface eth0 after 200 checks: resolve MAC address of 192.168.72.8 timeout: read packet 00:00:00:67:95:54: i/o timeout',
      'configure nic failed network 10.16.0.9/16 with gateway 10.16.0.1 is not ready for interface eth0 after 200 checks: resolve MAC address of 10.16.0.1 timeout',
    ],
    counterSamples: ['failed to pull and unpack image "docker.io/library/golang:1.22": failed to copy: read tcp 10.0.0.5:45822->104.16.99.1:443: read: i/o timeout'],
  }),
];
