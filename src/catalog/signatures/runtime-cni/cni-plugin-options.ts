import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The reference CNI plugins' (containernetworking/plugins v1.9) and libcni's (containernetworking/cni v1.3) refusals
 * of a value in the network config they were handed, checked before the plugin touches the node: a mode, backend,
 * MTU, rate or sysctl the plugin does not take, or a config entry libcni cannot turn into a plugin to run. The
 * file in /etc/cni/net.d (or the NetworkAttachmentDefinition's spec.config) carries the wrong value.
 */
export const CNI_PLUGIN_OPTION_SIGNATURES: Signature[] = [
  sig({
    id: 'cni.plugin-option-invalid',
    cause: 'cni.config-invalid',
    // macvlan/ipvlan parse "mode" and check "mtu" against the master link; bridge's ipMasqBackend and portmap's
    // backend-specific options; firewall's ingressPolicy; the result types' limit of one
    // address per family before cniVersion 0.3.0; libcni's FindInPath refusing a "type" with a path separator; libcni's
    // version parser refusing a cniVersion of more than three parts.
    re: /unknown (macvlan|ipvlan) mode: \\?"|invalid mtu -?\d+, must be \[0, master mtu\(\d+\)\]|unknown ipmasq backend \\?"|\w+ backend was requested but configuration contains \w+-specific options|unknown ingress policy: \\?"|cni version \S+ does not support more than 1 address per family|failed \((add|delete|del|check)\): (failed to delegate add: )?invalid plugin name: \S|invalid version \\?"[\w.-]{1,30}\\?": too many parts/,
    anchors: ['macvlan mode', 'ipvlan mode', 'master mtu(', 'ipmasq backend', 'backend was requested but configuration contains', 'unknown ingress policy', 'more than 1 address per family', 'invalid plugin name', 'too many parts'],
    confidence: 0.85,
    specificity: 90,
    check: 'the network config the plugin was given: cat /etc/cni/net.d/<file> on that node (or kubectl get net-attach-def -A -o yaml for a secondary network): the field the error names (mode, mtu, ipMasqBackend, backend, ingressPolicy, cniVersion, type) must hold a value that plugin version accepts',
    source: 'containernetworking/plugins v1.9.1 macvlan/ipvlan ("unknown %s mode: %q", "invalid MTU %d, must be [0, master MTU(%d)]"), bridge ("unknown ipmasq backend %q"), portmap ("%s backend was requested but configuration contains %s-specific options %v"), firewall ("unknown ingress policy: %q"); containernetworking/cni v1.3.0 pkg/invoke/find.go ("invalid plugin name: %s"), pkg/version ("invalid version %q: too many parts"), types/040 ("CNI version %v does not support more than 1 address per family")',
    samples: [
      'plugin type="macvlan" name="lan-attach" failed (add): unknown macvlan mode: "bridged"',
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "5e2a": plugin type="ipvlan" failed (add): invalid MTU 9216, must be [0, master MTU(1500)]',
      'plugin type="portmap" failed (add): iptables backend was requested but configuration contains nftables-specific options [tableName]',
      'plugin type=\\"flannel\\" failed (add): failed to delegate add: invalid plugin name: ./bridge',
      'plugin type="flannel" failed (add): invalid version "1.0.0.0": too many parts',
    ],
    counterSamples: ['plugin type="macvlan" failed (add): failed to lookup master "eth1": Link not found', 'error: invalid plugin name: kubectl-foo', 'ipvlan mode l2 selected'],
  }),
  sig({
    id: 'cni.bandwidth-limits-refused',
    cause: 'unknown',
    // The bandwidth plugin takes its rate and burst from the conflist or, far more often, from the runtime's
    // runtimeConfig that the kubelet fills from the pod's kubernetes.io/ingress-bandwidth and egress-bandwidth
    // annotations (older kubelets passed a rate with no burst). The same words come from a config file that is wrong
    // and from a pod annotation or kubelet the config cannot fix, so no one id fits.
    re: /if (rate|burst) is set, (burst|rate) must also be set|burst cannot be more than 4gb|bandwidth[^\n]{0,80}invalid (rate|burst): -?\d/,
    anchors: ['must also be set', 'burst cannot be more than', 'bandwidth'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['cni.config-invalid'],
    check: 'kubectl get pod <pod> -o jsonpath={.metadata.annotations}: a kubernetes.io/ingress-bandwidth or egress-bandwidth annotation is where the rate comes from (its value, and whether the kubelet and bandwidth plugin versions pass a burst with it); otherwise the bandwidth entry of the conflist in /etc/cni/net.d sets ingressRate/ingressBurst or egressRate/egressBurst only in pairs',
    source: 'containernetworking/plugins v1.9.1 plugins/meta/bandwidth ("if rate is set, burst must also be set", "if burst is set, rate must also be set", "burst cannot be more than 4GB", "invalid rate: %d"); kubelet bandwidth annotations to runtimeConfig',
    samples: [
      'plugin type="bandwidth" failed (add): if burst is set, rate must also be set',
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "77aa": plugin type="bandwidth" failed (add): burst cannot be more than 4GB',
    ],
    counterSamples: ['plugin type="bandwidth" failed (add): create ifb qdisc: operation not supported'],
  }),
  sig({
    id: 'cni.tuning-sysctl-refused',
    cause: 'cni.config-invalid',
    // The tuning plugin sets only net.* sysctls, each key once, and, when the node has /etc/cni/tuning/allowlist.conf,
    // only keys matching one of its regexps: the config asks for a sysctl this node will not let it set. The config
    // (or the node's allow list) must change; nothing is broken in the node's network.
    re: /sysctl \S+ is not allowed\. only the following sysctls are allowed|invalid net sysctl key: |duplicated sysctl keys are not allowed/,
    anchors: ['only the following sysctls are allowed', 'invalid net sysctl key', 'duplicated sysctl keys'],
    confidence: 0.8,
    specificity: 92,
    check: 'the tuning entry of the network config (cat /etc/cni/net.d/<file>, or the NetworkAttachmentDefinition) against /etc/cni/tuning/allowlist.conf on that node: only net.* keys, each once, and each matching a line of the allow list when the file exists',
    source: 'containernetworking/plugins v1.9.1 plugins/meta/tuning ("Sysctl %s is not allowed. Only the following sysctls are allowed: %+v", "invalid net sysctl key: %q", "duplicated sysctl keys are not allowed")',
    samples: [
      'plugin type="tuning" failed (add): Sysctl net.ipv4.ip_local_port_range is not allowed. Only the following sysctls are allowed: [^net\\.ipv4\\.conf\\.IFNAME\\.[a-z_]*$]',
      'plugin type="tuning" failed (add): invalid net sysctl key: "vm.max_map_count"',
      'error adding container to network "tuned": duplicated sysctl keys are not allowed',
    ],
    counterSamples: ['sysctl: setting key "net.ipv4.ip_forward": Read-only file system'],
  }),
  sig({
    id: 'cni.plugin-netconf-undecodable',
    cause: 'cni.config-invalid',
    // Each reference plugin decodes the network config on its stdin first (loopback and bridge: "failed to parse
    // network config", portmap: "failed to parse config" / "failed to parse network configuration"): bad JSON, a field
    // of the wrong type, or a prevResult in a version the plugin's result types cannot read (a chained plugin after one
    // that answers in another cniVersion). The conflist, its cniVersion or the plugin before it is what to change.
    re: /failed \((add|delete|del|check)\): (failed to delegate add: )?failed to parse (network )?config(uration)?: (json: |invalid character|unexpected end of json input|could not parse prevresult|[^\n]{0,40}cniversion)/,
    anchors: ['failed to parse config', 'failed to parse network config'],
    confidence: 0.85,
    specificity: 89,
    check: 'jq . on the conflist the runtime uses (the first file by name in /etc/cni/net.d): the field the error names must have the type the plugin expects, and every plugin of the list must support the list\'s cniVersion (a result "unmarshalled" in another version comes from the plugin before it)',
    source: 'containernetworking/plugins v1.9.1 loopback/bridge ("failed to parse network config: %v"), portmap ("failed to parse config: %v", "failed to parse network configuration: %v"); containernetworking/cni pkg/version ("could not parse prevResult: %w")',
    samples: [
      'plugin type="loopback" failed (add): failed to parse network config: unexpected end of JSON input',
      'plugin type="portmap" failed (add): failed to parse config: json: cannot unmarshal string into Go struct field PortMapConf.snat of type bool',
      'failed to setup network for sandbox "4c1e": plugin type="portmap" failed (add): failed to parse config: could not parse prevResult: result type supports [0.3.0 0.3.1 0.4.0] but unmarshalled CNIVersion is "0.2.0"',
    ],
    counterSamples: ['Error: failed to parse config: container image contains uppercase letters: example.org/MYIMAGE@latest'],
  }),
  sig({
    id: 'cni.net-config-name-not-found',
    cause: 'cni.config-missing',
    // libcni's NotFoundError: a caller that loads a network by name (Multus for a delegate, podman, cnitool, a runtime
    // given a network name) found no file in the directory whose "name" is that one — no such config written on this
    // node, or a file whose name field differs.
    re: /no net configuration with name \\?"[^"\\\n]{1,80}\\?" in \S/,
    anchors: ['no net configuration with name'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['cni.config-invalid'],
    check: 'grep -l \'"name"\' in the directory the error names on that node (cat each file\'s "name" field): no file with that name means the plugin that writes it has not run there; a file whose "name" differs is the wrong config',
    source: 'containernetworking/cni v1.3.0 libcni/conf.go (NotFoundError: "no net configuration with name \\"%s\\" in %s")',
    samples: [
      'no net configuration with name "macvlan-conf" in /etc/cni/multus/net.d',
      'Multus: [web/api-0]: error loading k8s delegates: no net configuration with name "sriov-net" in /etc/cni/net.d',
    ],
    counterSamples: ['no net configurations found in /etc/cni/net.d'],
  }),
];
