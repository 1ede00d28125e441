import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * flannel's cloud-route backends (ali-vpc in older releases, tencent-vpc still) program the VPC's route table with
 * the cloud's API and need the account's keys in the backend block of net-conf.json: without them, or with a block
 * that does not decode, flanneld stops before it registers the node's network.
 */
export const CLOUD_ROUTE_BACKEND_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.cloud-backend-keys-missing',
    cause: 'flannel.config-invalid',
    re: /access_key_id and access_key_secret must be provided|error decoding vpc backend config/,
    anchors: ['access_key_id and access_key_secret must be provided', 'error decoding vpc backend config'],
    confidence: 0.9,
    specificity: 94,
    check: 'kubectl -n kube-flannel get cm kube-flannel-cfg -o jsonpath=\'{.data.net-conf\\.json}\': the Backend block of an ali-vpc or tencent-vpc network must carry AccessKeyID and AccessKeySecret (or the daemonset the ACCESS_KEY_ID and ACCESS_KEY_SECRET env) as valid JSON',
    source: 'flannel pkg/backend/tencentvpc and the older alivpc backend ("ACCESS_KEY_ID and ACCESS_KEY_SECRET must be provided! ", "error decoding VPC backend config: %v")',
    samples: [
      'E0624 04:00:46.445218       1 main.go:280] Error registering network: ACCESS_KEY_ID and ACCESS_KEY_SECRET must be provided! ',
      'E1101 10:02:11.100200       1 main.go:359] Error registering network: error decoding VPC backend config: json: cannot unmarshal number into Go struct field .RouteTableID of type string',
    ],
    counterSamples: ['I0624 04:00:46.445067       1 main.go:348] Found network config - Backend type: ali-vpc'],
  }),
];
