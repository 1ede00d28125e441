import type { Signature } from '../../types.js';
import { KUBE_PROXY_DATAPATH_SIGNATURES } from './datapath.js';
import { KUBE_PROXY_SIGNATURES } from './proxiers.js';
import { KUBE_PROXY_SERVICE_SIGNATURES } from './services.js';
import { KUBE_PROXY_STARTUP_CHECK_SIGNATURES } from './startup-checks.js';
import { KUBE_PROXY_WINKERNEL_SIGNATURES } from './winkernel.js';

/** kube-proxy and the Service data path it programs: its proxiers, Services without backends, conntrack, nftables and IPVS, the sysctls and checks it runs before it starts. */
export const KUBE_PROXY_ALL_SIGNATURES: Signature[] = [
  ...KUBE_PROXY_SIGNATURES,
  ...KUBE_PROXY_SERVICE_SIGNATURES,
  ...KUBE_PROXY_DATAPATH_SIGNATURES,
  ...KUBE_PROXY_STARTUP_CHECK_SIGNATURES,
  ...KUBE_PROXY_WINKERNEL_SIGNATURES,
];
