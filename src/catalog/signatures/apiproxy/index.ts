import type { Signature } from '../../types.js';
import { AGGREGATOR_BACKEND_SIGNATURES } from './aggregator-backends.js';
import { KONNECTIVITY_SIGNATURES } from './konnectivity.js';
import { KUBE_ENDPOINT_SIGNATURES } from './kube-endpoints.js';
import { KUBELET_STREAMING_SIGNATURES } from './kubelet-streaming.js';

/** The API server's paths to kubelets and pods (kubectl logs, exec, attach, port-forward, top, proxy) and to aggregated APIs. */
export const APIPROXY_SIGNATURES: Signature[] = [...AGGREGATOR_BACKEND_SIGNATURES, ...KONNECTIVITY_SIGNATURES, ...KUBELET_STREAMING_SIGNATURES, ...KUBE_ENDPOINT_SIGNATURES];
