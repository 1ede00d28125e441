import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The flannel CNI plugin v0.9.1 run by hand (CNI_COMMAND=ADD) on a subnet.env whose values do not parse: unlike the
 * older plugins' "loadFlannelSubnetEnv failed: …", it returns the parser's error bare ("invalid CIDR address: …" from
 * FLANNEL_NETWORK or FLANNEL_SUBNET, "strconv.ParseUint: parsing …" from FLANNEL_MTU), and the runtime wraps it in
 * plugin type="flannel" failed (add). The plugin parses no CIDR of its conflist on ADD before the subnet file (the
 * delegate's ipam is built from the file), so the text names a file present but damaged: no cause id names that,
 * as cni.subnet-env-unparsable reads it.
 */
export const FLANNEL_PLUGIN_SUBNET_ENV_VALUE_SIGNATURES: Signature[] = [
  sig({
    id: 'cni.flannel-subnet-env-value-unparsable',
    cause: 'unknown',
    re: /plugin type=\\?"flannel\\?" failed \(add\): (?:strconv\.\w+: parsing|invalid cidr address)/,
    anchors: ['failed (add): strconv.', 'failed (add): invalid cidr address'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['cni.subnet-env-missing', 'cni.config-invalid'],
    check: 'cat -A /run/flannel/subnet.env (or the subnetFile the conflist names) on that node: FLANNEL_NETWORK and FLANNEL_SUBNET must be CIDRs, FLANNEL_MTU a number, no ^M; delete it and restart the flannel pod on the node so flanneld writes it again',
    source: 'flannel-io/cni-plugin v0.9.1 (subnet file parsing: net.ParseCIDR, strconv.ParseUint) via libcni ("plugin type=%q failed (add): %w"); reproduced by running the plugin by hand with CNI_COMMAND=ADD on a subnet.env with FLANNEL_NETWORK=10.244.0.0/33, FLANNEL_SUBNET without a prefix, FLANNEL_MTU=abc',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "3f1c9a7be0d2": plugin type="flannel" failed (add): invalid CIDR address: 10.244.0.0/33',
      'failed to setup network for sandbox "3f1c9a7be0d2": plugin type="flannel" failed (add): strconv.ParseUint: parsing "abc": invalid syntax',
    ],
    counterSamples: ['plugin type="flannel" failed (add): open /run/flannel/subnet.env: no such file or directory'],
  }),
  sig({
    id: 'cni.flannel-plugin-subnet-file-open-bare',
    cause: 'cni.subnet-env-missing',
    // The plugin's own result (its stdout JSON "msg", or the text pasted alone) for a subnetFile under /run/flannel
    // that flanneld has not written: any *.env there, as a conflist may name it. flanneld's own write goes through a
    // dot-prefixed temporary file (/run/flannel/.subnet.env<digits>), which this leaves out.
    re: /open \/run\/flannel\/(?!\.)[\w-]+\.env: no such file or directory/,
    anchors: ['open /run/flannel/'],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['flannel.daemon-down', 'cni.config-invalid'],
    check: 'the subnetFile the flannel conflist in the CNI conf dir names (default /run/flannel/subnet.env): does flanneld run on this node and write that file, and does the conflist point where flanneld writes it',
    source: 'flannel-io/cni-plugin v0.9.1 run by hand with CNI_COMMAND=ADD: its error result {"code": 999, "msg": "open <subnetFile>: no such file or directory"}',
    samples: [
      '{\n    "code": 999,\n    "msg": "open /run/flannel/other.env: no such file or directory"\n}',
      'open /run/flannel/other.env: no such file or directory',
    ],
    counterSamples: ['Failed to write subnet file: open /run/flannel/.subnet.env6965391123142827520: no such file or directory'],
  }),
];
