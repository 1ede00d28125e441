import type { Signature } from '../types.js';
import { AMBIGUOUS_SIGNATURES } from './ambiguous.js';
import { CONTROLPLANE_SIGNATURES } from './controlplane.js';
import { DNS_SIGNATURES } from './dns.js';
import { FLANNEL_SIGNATURES } from './flannel.js';
import { IMAGE_SIGNATURES } from './image.js';
import { KUBELET_SIGNATURES } from './kubelet.js';
import { NODE_SIGNATURES } from './node.js';
import { REGISTRY_SIGNATURES } from './registry.js';
import { RUNTIME_CNI_SIGNATURES } from './runtime-cni.js';

/** Every message signature, by area. Order does not matter: specificity, then position, decides. */
export const SIGNATURES: readonly Signature[] = [
  ...IMAGE_SIGNATURES,
  ...REGISTRY_SIGNATURES,
  ...RUNTIME_CNI_SIGNATURES,
  ...FLANNEL_SIGNATURES,
  ...NODE_SIGNATURES,
  ...KUBELET_SIGNATURES,
  ...CONTROLPLANE_SIGNATURES,
  ...DNS_SIGNATURES,
  ...AMBIGUOUS_SIGNATURES,
];
