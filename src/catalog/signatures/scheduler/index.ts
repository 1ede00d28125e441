import type { Signature } from '../../types.js';
import { NODE_FITNESS_SIGNATURES } from './node-fitness.js';
import { CLOUD_NODE_SIGNATURES } from './cloud-nodes.js';
import { NODE_IPAM_SIGNATURES } from './node-ipam.js';
import { NODE_LIFECYCLE_SIGNATURES } from './node-lifecycle.js';
import { TAINT_REASON_SIGNATURES } from './taint-reasons.js';

/** kube-scheduler and the node controllers on nodes that cannot take pods. */
export const SCHEDULER_SIGNATURES: Signature[] = [...NODE_FITNESS_SIGNATURES, ...CLOUD_NODE_SIGNATURES, ...NODE_IPAM_SIGNATURES, ...NODE_LIFECYCLE_SIGNATURES, ...TAINT_REASON_SIGNATURES];
