import type { Signature } from '../../types.js';
import { AUTH_SIGNATURES } from './auth.js';
import { REGISTRY_SERVER_AUTH_SIGNATURES } from './registry-server-auth.js';
import { PULL_SECRET_SIGNATURES } from './pull-secrets.js';
import { REFERENCE_SIGNATURES } from './references.js';
import { MISSING_SIGNATURES } from './missing.js';
import { LIMIT_SIGNATURES } from './limits.js';
import { NODE_DISK_SIGNATURES } from './node-disk.js';
import { APPTAINER_SIGNATURES } from './apptainer.js';
import { CHART_SIGNATURES } from './charts.js';
import { HELM_CLIENT_SIGNATURES } from './helm-client.js';
import { HELM_REPO_FETCH_SIGNATURES } from './helm-repo-fetch.js';
import { HELM4_FETCH_FAULT_SIGNATURES } from './helm4-fetch-faults.js';
import { HELM_REPO_CONTENT_SIGNATURES } from './helm-repo-contents.js';
import { CLIENT_REFERENCE_SIGNATURES } from './client-references.js';
import { SERVICE_REFERENCE_SIGNATURES } from './service-references.js';
import { CREDENTIAL_FILE_SIGNATURES } from './credential-files.js';
import { CPU_FEATURE_SIGNATURES } from './cpu-features.js';
import { GGCR_CLIENT_SIGNATURES } from './ggcr-client.js';
import { DOCKER_CLI_CREDENTIAL_SIGNATURES } from './docker-cli-credentials.js';
import { PODMAN_AUTH_FILE_SIGNATURES } from './podman-auth-files.js';
import { UNPACK_SIGNATURES } from './unpack.js';
import { CREDENTIAL_PROVIDER_SIGNATURES } from './credential-providers.js';
import { CRI_IMAGE_SERVICE_SIGNATURES } from './cri-image-service.js';
import { MODEL_HUB_SIGNATURES } from './model-hubs.js';
import { SDK_BUILDER_SIGNATURES } from './sdk-builders.js';
import { WRAPPED_IMAGE_SIGNATURES } from './wrapped-pastes.js';
import { SYSTEM_CONTAINER_IMAGE_SIGNATURES } from './system-container-images.js';
import { HOSTED_PLATFORM_SIGNATURES } from './hosted-platforms.js';
import { GHCR_TOKEN_SIGNATURES } from './ghcr-token.js';
import { HPC_RUNTIME_SIGNATURES } from './hpc-runtimes.js';
import { CONTAINERD_PULL_SIGNATURES } from './containerd-pull.js';
import { OTHER_CLIENT_IMAGE_SIGNATURES } from './other-clients.js';
import { DOCKER_ENGINE_LOCAL_SIGNATURES } from './docker-engine-local.js';
import { CREDENTIAL_HELPER_ACTION_SIGNATURES } from './credential-helper-actions.js';
import { CONTAINERS_IMAGE_CLI_SIGNATURES } from './containers-image-cli.js';
import { PODMAN_AUTHFILE_FLAG_SIGNATURES } from './podman-authfile-flag.js';
import { CONTAINERD1_RESOLVER_SIGNATURES } from './containerd1-resolver.js';
import { CLOUD_CREDENTIAL_CHAIN_SIGNATURES } from './cloud-credential-chains.js';
import { FOREIGN_BINARY_SIGNATURES } from './foreign-binaries.js';
import { REGISTRY_SCANNER_SIGNATURES } from './registry-scanners.js';
import { CONTAINERD_LAYER_DECOMPRESS_SIGNATURES } from './containerd-layer-decompress.js';
import { TESTCONTAINERS_GO_CREDENTIAL_SIGNATURES } from './testcontainers-go-credentials.js';
import { TRIVY_REMOTE_SOURCE_SIGNATURES } from './trivy-remote-source.js';

/** Image and credential texts: kubelet events (facts §4.5), containerd resolver (§4.6), Docker (§4.8), registry codes (§8), references (§7). */
export const IMAGE_SIGNATURES: Signature[] = [
  ...CLOUD_CREDENTIAL_CHAIN_SIGNATURES,
  ...FOREIGN_BINARY_SIGNATURES,
  ...AUTH_SIGNATURES,
  ...WRAPPED_IMAGE_SIGNATURES,
  ...PULL_SECRET_SIGNATURES,
  ...CREDENTIAL_FILE_SIGNATURES,
  ...CREDENTIAL_PROVIDER_SIGNATURES,
  ...CPU_FEATURE_SIGNATURES,
  ...DOCKER_CLI_CREDENTIAL_SIGNATURES,
  ...PODMAN_AUTH_FILE_SIGNATURES,
  ...REFERENCE_SIGNATURES,
  ...CLIENT_REFERENCE_SIGNATURES,
  ...SERVICE_REFERENCE_SIGNATURES,
  ...MISSING_SIGNATURES,
  ...LIMIT_SIGNATURES,
  ...NODE_DISK_SIGNATURES,
  ...UNPACK_SIGNATURES,
  ...APPTAINER_SIGNATURES,
  ...CHART_SIGNATURES,
  ...HELM_CLIENT_SIGNATURES,
  ...HELM_REPO_FETCH_SIGNATURES,
  ...HELM4_FETCH_FAULT_SIGNATURES,
  ...HELM_REPO_CONTENT_SIGNATURES,
  ...GGCR_CLIENT_SIGNATURES,
  ...CRI_IMAGE_SERVICE_SIGNATURES,
  ...MODEL_HUB_SIGNATURES,
  ...SDK_BUILDER_SIGNATURES,
  ...SYSTEM_CONTAINER_IMAGE_SIGNATURES,
  ...HOSTED_PLATFORM_SIGNATURES,
  ...GHCR_TOKEN_SIGNATURES,
  ...HPC_RUNTIME_SIGNATURES,
  ...CONTAINERD_PULL_SIGNATURES,
  ...OTHER_CLIENT_IMAGE_SIGNATURES,
  ...DOCKER_ENGINE_LOCAL_SIGNATURES,
  ...CREDENTIAL_HELPER_ACTION_SIGNATURES,
  ...CONTAINERS_IMAGE_CLI_SIGNATURES,
  ...PODMAN_AUTHFILE_FLAG_SIGNATURES,
  ...CONTAINERD1_RESOLVER_SIGNATURES,
  ...REGISTRY_SCANNER_SIGNATURES,
  ...TRIVY_REMOTE_SOURCE_SIGNATURES,
  ...CONTAINERD_LAYER_DECOMPRESS_SIGNATURES,
  ...REGISTRY_SERVER_AUTH_SIGNATURES,
  ...TESTCONTAINERS_GO_CREDENTIAL_SIGNATURES,
];
