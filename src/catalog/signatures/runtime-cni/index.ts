import type { Signature } from '../../types.js';
import { NODE_RUNTIME_SERVICE_SIGNATURES } from './node-runtime-services.js';
import { RUNTIME_SIGNATURES } from './runtime.js';
import { CNI_SIGNATURES } from './cni.js';
import { CNI_LINK_SIGNATURES } from './cni-links.js';
import { CNI_PLUGIN_OPTION_SIGNATURES } from './cni-plugin-options.js';
import { RUNTIME_HOST_SIGNATURES } from './runtime-host.js';
import { AMBIGUOUS_RUNTIME_CNI_SIGNATURES } from './ambiguous.js';
import { OCI_RUNTIME_CREATE_SIGNATURES } from './oci-runtime-create.js';
import { SANDBOX_SIGNATURES } from './sandboxes.js';
import { VM_LAUNCH_SIGNATURES } from './vm-launch.js';
import { RUNTIME_CLIENT_SIGNATURES } from './runtime-clients.js';
import { DOCKER_ENDPOINT_SIGNATURES } from './docker-endpoints.js';
import { CRI_DOCKERD_START_SIGNATURES } from './cri-dockerd-start.js';
import { UPGRADE_SIGNATURES } from './upgrades.js';
import { RUNTIME_KERNEL_SIGNATURES } from './runtime-kernel.js';
import { NESTED_HOST_SIGNATURES } from './nested-hosts.js';
import { SYSTEM_CONTAINER_HOST_SIGNATURES } from './system-container-hosts.js';
import { WINDOWS_HOST_SIGNATURES } from './windows-hosts.js';
import { WINDOWS_NETWORK_SIGNATURES } from './windows-networks.js';
import { RUNTIME_STATE_SIGNATURES } from './runtime-state.js';
import { RUNTIME_STORAGE_SIGNATURES } from './runtime-storage.js';
import { CONTAINERS_STORAGE_CONF_SIGNATURES } from './containers-storage-conf.js';
import { RUNTIME_TRANSPORT_SIGNATURES } from './runtime-transport.js';
import { SWARMKIT_SIGNATURES } from './swarmkit.js';
import { PODMAN_NETWORK_SIGNATURES } from './podman-networks.js';
import { CRICTL_SIGNATURES } from './crictl.js';
import { KIND_SIGNATURES } from './kind.js';
import { CALICO_CNI_SIGNATURES } from './calico-cni.js';
import { OTHER_CNI_SIGNATURES } from './other-cni.js';
import { RUNC_START_SIGNATURES } from './runc-start.js';
import { DOCKER_NETWORKING_SIGNATURES } from './docker-networking.js';
import { DOCKER_PORT_PUBLISHING_SIGNATURES } from './docker-port-publishing.js';
import { DOCKER_IPTABLES_BINARY_SIGNATURES } from './docker-iptables-binaries.js';
import { SNAPSHOTTER_SIGNATURES } from './snapshotters.js';
import { SECURITY_MODULE_SIGNATURES } from './security-modules.js';
import { CGROUP_MANAGER_SIGNATURES } from './cgroup-managers.js';
import { DOCKERD_START_SIGNATURES } from './dockerd-start.js';
import { DOCKERD_GRAPHDRIVER_LOG_SIGNATURES } from './dockerd-graphdriver-logs.js';
import { CRIO_OCICNI_SIGNATURES } from './crio-ocicni.js';
import { RUNTIME_EXTENSION_SIGNATURES } from './runtime-extensions.js';
import { CNI_CONF_TEMPLATE_SIGNATURES } from './cni-conf-template.js';
import { RUNTIME_FEATURE_SIGNATURES } from './runtime-features.js';
import { CLOUD_IPAM_SIGNATURES } from './cloud-ipam.js';
import { CONTAINERD2_START_SIGNATURES } from './containerd2-start.js';
import { BUILDKITD_ENDPOINT_SIGNATURES } from './buildkitd-endpoints.js';
import { FLANNEL_SUBNET_FILE_SIGNATURES } from './flannel-subnet-file.js';
import { FLANNEL_PLUGIN_SUBNET_ENV_VALUE_SIGNATURES } from './flannel-plugin-subnet-env-values.js';
import { UNCLEAN_SHUTDOWN_SIGNATURES } from './unclean-shutdown.js';
import { CRI_CLIENT_SOCKET_SIGNATURES } from './cri-client-sockets.js';
import { MULTUS_DELEGATE_SIGNATURES } from './multus-delegates.js';
import { MULTUS_THIN_PLUGIN_SIGNATURES } from './multus-thin-plugin.js';
import { WHEREABOUTS_IPAM_SIGNATURES } from './whereabouts-ipam.js';
import { ROOTLESS_SIGNATURES } from './rootless.js';
import { ROOTLESS_ID_MAPPING_SIGNATURES } from './rootless-id-mappings.js';
import { ROOTLESS_NETWORK_DRIVER_SIGNATURES } from './rootless-network-drivers.js';
import { ROOTLESS_STORAGE_DIR_SIGNATURES } from './rootless-storage-dirs.js';
import { CONTAINERD_CLIENT_DIAL_SIGNATURES } from './containerd-client-dial.js';
import { SHIM_BOOTSTRAP_SIGNATURES } from './shim-bootstrap.js';
import { SYSTEM_CONTAINER_GUEST_CONFINEMENT_SIGNATURES } from './system-container-guest-confinement.js';
import { TESTCONTAINERS_GO_PROVIDER_SIGNATURES } from './testcontainers-go-providers.js';
import { NERDCTL_NETWORK_SIGNATURES } from './nerdctl-networks.js';
import { CNI_ERROR_CODE_SIGNATURES } from './cni-error-codes.js';

/** Container runtime and CNI texts: containerd CRI, libcni, flannel CNI plugin, bridge, host-local (facts §3, §4.2–§4.4). */
export const RUNTIME_CNI_SIGNATURES: Signature[] = [
  ...FLANNEL_SUBNET_FILE_SIGNATURES,
  ...FLANNEL_PLUGIN_SUBNET_ENV_VALUE_SIGNATURES,
  ...RUNTIME_SIGNATURES,
  ...CNI_SIGNATURES,
  ...CNI_LINK_SIGNATURES,
  ...CNI_PLUGIN_OPTION_SIGNATURES,
  ...RUNTIME_HOST_SIGNATURES,
  ...SANDBOX_SIGNATURES,
  ...VM_LAUNCH_SIGNATURES,
  ...RUNTIME_CLIENT_SIGNATURES,
  ...DOCKER_ENDPOINT_SIGNATURES,
  ...CRI_DOCKERD_START_SIGNATURES,
  ...UPGRADE_SIGNATURES,
  ...RUNTIME_KERNEL_SIGNATURES,
  ...NESTED_HOST_SIGNATURES,
  ...SYSTEM_CONTAINER_HOST_SIGNATURES,
  ...SYSTEM_CONTAINER_GUEST_CONFINEMENT_SIGNATURES,
  ...ROOTLESS_SIGNATURES,
  ...ROOTLESS_ID_MAPPING_SIGNATURES,
  ...ROOTLESS_NETWORK_DRIVER_SIGNATURES,
  ...ROOTLESS_STORAGE_DIR_SIGNATURES,
  ...WINDOWS_HOST_SIGNATURES,
  ...WINDOWS_NETWORK_SIGNATURES,
  ...RUNTIME_STATE_SIGNATURES,
  ...UNCLEAN_SHUTDOWN_SIGNATURES,
  ...RUNTIME_STORAGE_SIGNATURES,
  ...CONTAINERS_STORAGE_CONF_SIGNATURES,
  ...RUNTIME_TRANSPORT_SIGNATURES,
  ...SWARMKIT_SIGNATURES,
  ...PODMAN_NETWORK_SIGNATURES,
  ...CRICTL_SIGNATURES,
  ...KIND_SIGNATURES,
  ...CALICO_CNI_SIGNATURES,
  ...OTHER_CNI_SIGNATURES,
  ...RUNC_START_SIGNATURES,
  ...OCI_RUNTIME_CREATE_SIGNATURES,
  ...DOCKER_NETWORKING_SIGNATURES,
  ...DOCKER_PORT_PUBLISHING_SIGNATURES,
  ...DOCKER_IPTABLES_BINARY_SIGNATURES,
  ...SNAPSHOTTER_SIGNATURES,
  ...SECURITY_MODULE_SIGNATURES,
  ...CGROUP_MANAGER_SIGNATURES,
  ...DOCKERD_START_SIGNATURES,
  ...DOCKERD_GRAPHDRIVER_LOG_SIGNATURES,
  ...CRIO_OCICNI_SIGNATURES,
  ...RUNTIME_EXTENSION_SIGNATURES,
  ...CNI_CONF_TEMPLATE_SIGNATURES,
  ...AMBIGUOUS_RUNTIME_CNI_SIGNATURES,
  ...RUNTIME_FEATURE_SIGNATURES,
  ...CLOUD_IPAM_SIGNATURES,
  ...BUILDKITD_ENDPOINT_SIGNATURES,
  ...CRI_CLIENT_SOCKET_SIGNATURES,
  ...MULTUS_DELEGATE_SIGNATURES,
  ...MULTUS_THIN_PLUGIN_SIGNATURES,
  ...WHEREABOUTS_IPAM_SIGNATURES,
  ...CONTAINERD_CLIENT_DIAL_SIGNATURES,
  ...SHIM_BOOTSTRAP_SIGNATURES,
  ...NODE_RUNTIME_SERVICE_SIGNATURES,
  ...CONTAINERD2_START_SIGNATURES,
  ...TESTCONTAINERS_GO_PROVIDER_SIGNATURES,
  ...NERDCTL_NETWORK_SIGNATURES,
  ...CNI_ERROR_CODE_SIGNATURES,
];
