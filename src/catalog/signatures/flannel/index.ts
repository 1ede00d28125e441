import type { Signature } from '../../types.js';
import { CONFIG_SIGNATURES } from './config.js';
import { BACKEND_SIGNATURES } from './backend.js';
import { AMBIGUOUS_FLANNEL_SIGNATURES } from './ambiguous.js';
import { ETCD_SIGNATURES } from './etcd.js';
import { EXTENSION_BACKEND_SIGNATURES } from './extension-backend.js';
import { DATAPATH_TOOL_SIGNATURES } from './datapath-tools.js';
import { WRAPPED_FLANNEL_SIGNATURES } from './wrapped-pastes.js';
import { FLANNEL_STARTUP_OPTION_SIGNATURES } from './startup-options.js';
import { FLANNEL_ETCD_BACKEND_RUN_SIGNATURES } from './etcd-backend-runs.js';
import { CLOUD_ROUTE_BACKEND_SIGNATURES } from './cloud-route-backends.js';
import { FLANNEL_KUBE_SUBNET_MGR_RBAC_SIGNATURES } from './kube-subnet-mgr-rbac.js';
import { FLANNEL_ROUTE_RETRY_SIGNATURES } from './route-retries.js';
import { NODE_ADDRESS_CHOICE_SIGNATURES } from './node-address-choice.js';
import { TRANSFER_STALL_SIGNATURES } from './transfer-stalls.js';
import { FLANNEL_MODE_RUN_SIGNATURES } from './mode-runs.js';
import { FLANNEL_VXLAN_L3_MISS_SIGNATURES } from './vxlan-l3-miss.js';

/** flanneld log lines (facts §1, §2, §4.1, §10). */
export const FLANNEL_SIGNATURES: Signature[] = [
  ...NODE_ADDRESS_CHOICE_SIGNATURES,
  ...CONFIG_SIGNATURES,
  ...WRAPPED_FLANNEL_SIGNATURES,
  ...BACKEND_SIGNATURES,
  ...AMBIGUOUS_FLANNEL_SIGNATURES,
  ...ETCD_SIGNATURES,
  ...EXTENSION_BACKEND_SIGNATURES,
  ...DATAPATH_TOOL_SIGNATURES,
  ...FLANNEL_STARTUP_OPTION_SIGNATURES,
  ...FLANNEL_ETCD_BACKEND_RUN_SIGNATURES,
  ...CLOUD_ROUTE_BACKEND_SIGNATURES,
  ...FLANNEL_KUBE_SUBNET_MGR_RBAC_SIGNATURES,
  ...FLANNEL_ROUTE_RETRY_SIGNATURES,
  ...TRANSFER_STALL_SIGNATURES,
  ...FLANNEL_MODE_RUN_SIGNATURES,
  ...FLANNEL_VXLAN_L3_MISS_SIGNATURES,
];
