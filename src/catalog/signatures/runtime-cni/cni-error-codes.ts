import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A CNI plugin's own error result, as it prints it on stdout when run by hand or quoted whole by a runtime: the JSON
 * object with the spec's numeric "code". Code 7 is the spec's "Invalid Network Config" — the plugin refused the
 * network configuration it was given before touching the node (libcni/skel's checks, e.g. the network "name").
 */
export const CNI_ERROR_CODE_SIGNATURES: Signature[] = [
  sig({
    id: 'cni.error-code-invalid-network-config',
    cause: 'cni.config-invalid',
    re: /"code": ?7,\s*"msg": ?"/,
    anchors: ['"code": 7', '"code":7'],
    confidence: 0.85,
    specificity: 88,
    check: 'the network configuration handed to the plugin (/etc/cni/net.d/*.conflist, first file in lexical order): its "name" must be present and use only letters, digits, "-", "_" and "."; the "msg" names the field',
    source: 'CNI spec "Error codes" (7: Invalid Network Config); containernetworking/cni pkg/skel (ErrInvalidNetworkConfig: "missing network name", "invalid characters found in network name"); real runs of the flannel CNI plugin v0.9.1',
    samples: [
      '{\n    "code": 7,\n    "msg": "missing network name"\n}',
      '{\n    "code": 7,\n    "msg": "invalid characters found in network name",\n    "details": "bad name!"\n}',
    ],
    counterSamples: ['{\n    "code": 4,\n    "msg": "required env variables [CNI_PATH] missing"\n}', '{"code": 999, "msg": "open /run/flannel/subnet.env: no such file or directory"}'],
  }),
];
