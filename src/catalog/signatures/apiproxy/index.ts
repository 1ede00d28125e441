import type { Signature } from '../../types.js';
import { KONNECTIVITY_SIGNATURES } from './konnectivity.js';
import { KUBE_ENDPOINT_SIGNATURES } from './kube-endpoints.js';
import { KUBELET_STREAMING_SIGNATURES } from './kubelet-streaming.js';

/** The API server's paths to kubelets and pods (kubectl logs, exec, attach, port-forward, top, proxy). */
export const APIPROXY_SIGNATURES: Signature[] = [...KONNECTIVITY_SIGNATURES, ...KUBELET_STREAMING_SIGNATURES, ...KUBE_ENDPOINT_SIGNATURES];
