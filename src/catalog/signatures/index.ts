import type { Signature } from '../types.js';
import { ADMISSION_SIGNATURES } from './admission.js';
import { NODE_SYSCTL_REFUSED_SIGNATURES } from './node-sysctl-refused.js';
import { ADMISSION_CALLOUT_SIGNATURES } from './admission-callouts.js';
import { AMBIGUOUS_SIGNATURES } from './ambiguous.js';
import { APIPROXY_SIGNATURES } from './apiproxy/index.js';
import { CONTROLPLANE_SIGNATURES } from './controlplane.js';
import { DNS_SIGNATURES } from './dns/index.js';
import { ETCD_SERVER_SIGNATURES } from './etcd-server.js';
import { FLANNEL_SIGNATURES } from './flannel/index.js';
import { IMAGE_SIGNATURES } from './image/index.js';
import { KUBELET_SIGNATURES } from './kubelet.js';
import { KUBELET_NODE_SIGNATURES } from './kubelet-node.js';
import { KUBELET_NODE_PRESSURE_SIGNATURES } from './kubelet-node-pressure.js';
import { KUBELET_START_SIGNATURES } from './kubelet-start.js';
import { KUBELET_REAL_START_SIGNATURES } from './kubelet-real-start.js';
import { KUBELET_NODE_BOOT_SIGNATURES } from './kubelet-node-boot.js';
import { KUBELET_API_CREDENTIAL_SIGNATURES } from './kubelet-api-credentials.js';
import { KUBELET_POD_START_SIGNATURES } from './kubelet-pod-start.js';
import { KUBEADM_PREFLIGHT_SIGNATURES } from './kubeadm-preflight.js';
import { KUBEADM_PREFLIGHT_PASTE_SIGNATURES } from './kubeadm-preflight-pastes.js';
import { KUBEADM_JOIN_SIGNATURES } from './kubeadm-join.js';
import { KUBEADM_DISCOVERY_SIGNATURES } from './kubeadm-discovery.js';
import { KUBELET_VOLUME_SIGNATURES } from './kubelet-volumes.js';
import { SYSTEMD_UNIT_SIGNATURES } from './systemd-units.js';
import { WSL_HOST_SIGNATURES } from './wsl-hosts.js';
import { KUBE_PROXY_ALL_SIGNATURES } from './kube-proxy/index.js';
import { KUBECTL_CLIENT_SIGNATURES } from './kubectl-client.js';
import { MINIKUBE_SIGNATURES } from './minikube.js';
import { MICROK8S_JOIN_SIGNATURES } from './microk8s-join.js';
import { NETWORK_ADDON_SIGNATURES } from './network-addons.js';
import { NODE_SIGNATURES } from './node.js';
import { NODE_FIREWALLD_CONFIG_SIGNATURES } from './node-firewalld-config.js';
import { REGISTRY_SIGNATURES } from './registry/index.js';
import { RUNTIME_CNI_SIGNATURES } from './runtime-cni/index.js';
import { SCHEDULER_SIGNATURES } from './scheduler/index.js';
import { HTTP_STATUS_SIGNATURES } from './http-statuses.js';
import { KUBE_API_DISCOVERY_SIGNATURES } from './kube-api-discovery.js';

/** Every message signature, by area. Order does not matter: specificity, then position, decides. */
export const SIGNATURES: readonly Signature[] = [
  ...IMAGE_SIGNATURES,
  ...REGISTRY_SIGNATURES,
  ...RUNTIME_CNI_SIGNATURES,
  ...FLANNEL_SIGNATURES,
  ...NETWORK_ADDON_SIGNATURES,
  ...NODE_SIGNATURES,
  ...NODE_FIREWALLD_CONFIG_SIGNATURES,
  ...SCHEDULER_SIGNATURES,
  ...KUBELET_SIGNATURES,
  ...KUBELET_NODE_SIGNATURES,
  ...KUBELET_NODE_PRESSURE_SIGNATURES,
  ...KUBELET_START_SIGNATURES,
  ...KUBELET_REAL_START_SIGNATURES,
  ...KUBELET_NODE_BOOT_SIGNATURES,
  ...KUBELET_API_CREDENTIAL_SIGNATURES,
  ...KUBELET_POD_START_SIGNATURES,
  ...KUBEADM_PREFLIGHT_SIGNATURES,
  ...KUBEADM_PREFLIGHT_PASTE_SIGNATURES,
  ...KUBEADM_JOIN_SIGNATURES,
  ...KUBEADM_DISCOVERY_SIGNATURES,
  ...KUBELET_VOLUME_SIGNATURES,
  ...SYSTEMD_UNIT_SIGNATURES,
  ...WSL_HOST_SIGNATURES,
  ...KUBE_PROXY_ALL_SIGNATURES,
  ...KUBECTL_CLIENT_SIGNATURES,
  ...CONTROLPLANE_SIGNATURES,
  ...ETCD_SERVER_SIGNATURES,
  ...MINIKUBE_SIGNATURES,
  ...MICROK8S_JOIN_SIGNATURES,
  ...DNS_SIGNATURES,
  ...APIPROXY_SIGNATURES,
  ...ADMISSION_SIGNATURES,
  ...NODE_SYSCTL_REFUSED_SIGNATURES,
  ...ADMISSION_CALLOUT_SIGNATURES,
  ...AMBIGUOUS_SIGNATURES,
  ...HTTP_STATUS_SIGNATURES,
  ...KUBE_API_DISCOVERY_SIGNATURES,
];
