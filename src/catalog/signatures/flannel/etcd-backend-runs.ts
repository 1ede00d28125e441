import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What real runs of flanneld v0.28.9 (etcd backend) and the flannel CNI plugin v0.9.1 printed for faults the catalog
 * read too broadly or not at all: the masquerade rules flanneld could not install because iptables is not in its PATH,
 * and a netconf the flannel plugin could not decode.
 */
export const FLANNEL_ETCD_BACKEND_RUN_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.masq-iptables-missing',
    cause: 'flannel.ipmasq',
    // With --ip-masq flanneld installs its MASQUERADE rules through the iptables binary; not found in its PATH (an
    // image or host unit without iptables) it logs and carries on without them: pods lose SNAT to the outside.
    re: /failed to setup iptables\. iptables binary was not found|failed to setup masq rules,? exec: \\?"(ip6?tables[\w-]*)\\?": executable file not found/,
    anchors: ['iptables binary was not found', 'failed to setup masq rules'],
    confidence: 0.85,
    specificity: 97,
    alternatives: ['node.forward-drop'],
    check: "inside flannel's container or unit: command -v iptables (and iptables-save | grep FLANNEL-POSTRTG on the node); the image or host must ship iptables for --ip-masq",
    source: 'flannel pkg/trafficmngr/iptables/iptables.go ("Failed to setup IPTables. iptables binary was not found: %v"), main.go ("Failed to setup masq rules, %v"); real run with PATH lacking iptables',
    samples: [
      'E1206 21:47:44.688871    1423 iptables.go:442] Failed to setup IPTables. iptables binary was not found: exec: "iptables": executable file not found in $PATH',
      'E1206 21:47:44.688880    1423 main.go:428] Failed to setup masq rules, exec: "iptables": executable file not found in $PATH',
    ],
    counterSamples: ['exec: "iptables": executable file not found in $PATH', 'I1206 21:49:47.502647 280 iptables.go:50] Starting flannel in iptables mode...'],
  }),
  sig({
    id: 'cni.flannel-netconf-undecodable',
    cause: 'cni.config-invalid',
    // The flannel plugin decodes its netconf (stdin, from the .conflist) into its own struct before reading
    // subnet.env; a value of the wrong JSON type or a file that is not JSON fails here with CNI error code 6.
    re: /error unmarshall network config: /,
    anchors: ['error unmarshall network config'],
    confidence: 0.85,
    specificity: 95,
    check: "the flannel entry of /etc/cni/net.d/10-flannel.conflist: valid JSON with \"delegate\" an object and \"subnetFile\"/\"dataDir\" strings",
    source: 'flannel-io/cni-plugin flannel.go loadFlannelNetConf ("error unmarshall network config: %v"); real run with a non-JSON netconf',
    samples: [
      '{\n    "code": 6,\n    "msg": "error unmarshall network config: invalid character \'o\' in literal null (expecting \'u\')"\n}',
      'plugin type="flannel" failed (add): error unmarshall network config: json: cannot unmarshal string into Go struct field NetConf.delegate of type map[string]interface {}',
    ],
    counterSamples: ['error parsing configuration: missing \'type\''],
  }),
];
