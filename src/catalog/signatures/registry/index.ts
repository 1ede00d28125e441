import type { Signature } from '../../types.js';
import { TLS_SIGNATURES } from './tls.js';
import { CLOCK_SIGNATURES } from './clock.js';
import { PROXY_SIGNATURES } from './proxies.js';
import { NAME_SIGNATURES } from './names.js';
import { TRANSPORT_SIGNATURES } from './transport.js';
import { SERVER_SIGNATURES } from './servers.js';
import { HOST_CONFIG_SIGNATURES } from './host-config.js';
import { AMBIGUOUS_REGISTRY_SIGNATURES } from './ambiguous.js';
import { CACHE_SIGNATURES } from './caches.js';
import { BACKEND_SIGNATURES } from './backends.js';
import { LEGACY_DOCKER_SIGNATURES } from './legacy-docker.js';
import { GGCR_CODE_SIGNATURES } from './ggcr-codes.js';
import { KUBELET_CLIENT_SIGNATURES } from './kubelet-clients.js';
import { PACKAGE_REPO_SIGNATURES } from './package-repos.js';
import { HTTP2_SIGNATURES } from './http2.js';
import { PROXY_CONFIG_SIGNATURES } from './proxy-config.js';
import { CLIENT_STACK_SIGNATURES } from './client-stacks.js';
import { TLS_WILDCARD_SIGNATURES } from './tls-wildcards.js';
import { WRAPPED_REGISTRY_SIGNATURES } from './wrapped-pastes.js';
import { CONTAINERD_REMOTE_SIGNATURES } from './containerd-remote.js';
import { CLIENT_STATUS_SIGNATURES } from './client-statuses.js';
import { BUILD_TOOL_DOWNLOAD_SIGNATURES } from './build-tool-downloads.js';
import { CLIENT_PROGRAM_SIGNATURES } from './client-programs.js';
import { PACKAGE_CLIENT_SIGNATURES } from './package-clients.js';
import { PACKAGE_CLIENT_REPLY_SIGNATURES } from './package-client-replies.js';
import { DOCKER_ENGINE_UPLOAD_SIGNATURES } from './docker-engine-uploads.js';
import { APT_ACQUIRE_SIGNATURES } from './apt-acquire.js';
import { CARGO_FETCH_SIGNATURES } from './cargo-fetch.js';
import { BUILDKIT_RESOLVER_SIGNATURES } from './buildkit-resolver.js';
import { NSS_TLS_SIGNATURES } from './nss-tls.js';
import { MBEDTLS_VERIFY_SIGNATURES } from './mbedtls-verify.js';
import { JVM_NET_SIGNATURES } from './jvm-net.js';
import { CONDA_CHANNEL_SIGNATURES } from './conda-channels.js';
import { BROWSER_DOWNLOAD_SIGNATURES } from './browser-downloads.js';
import { VAULT_API_SIGNATURES } from './vault-api.js';
import { TOOLCHAIN_DOWNLOAD_SIGNATURES } from './toolchain-downloads.js';
import { TLS_CLIENT_STACK_SIGNATURES } from './tls-client-stacks.js';
import { GIT_TRANSPORT_SIGNATURES } from './git-transport.js';
import { DARWIN_VERIFIER_SIGNATURES } from './darwin-verifier.js';
import { OVERLAYBD_SIGNATURES } from './overlaybd.js';
import { PROXY_CLIENT_TEXT_SIGNATURES } from './proxy-client-texts.js';
import { REAL_PULL_SIGNATURES } from './real-pulls.js';
import { RUBY_CLIENT_SIGNATURES } from './ruby-clients.js';
import { COMPOSER_SIGNATURES } from './composer.js';
import { PERL_LWP_SIGNATURES } from './perl-lwp.js';
import { CONTAINERD2_RESOLVER_SIGNATURES } from './containerd2-resolver.js';
import { REGISTRY_SERVER_LOG_SIGNATURES } from './registry-server-logs.js';
import { TALOS_REGISTRY_SIGNATURES } from './talos-registries.js';
import { APP_CLIENT_SIGNATURES } from './app-clients.js';
import { OCI_CLI_CLIENT_SIGNATURES } from './oci-cli-clients.js';
import { REGISTRIES_CONF_REWRITE_SIGNATURES } from './registries-conf-rewrites.js';
import { HOSTED_REGISTRY_STATE_SIGNATURES } from './hosted-registry-states.js';
import { UPLOAD_LOCATION_SIGNATURES } from './upload-locations.js';
import { REVERSE_PROXY_ROUTE_SIGNATURES } from './reverse-proxy-routes.js';
import { DOCKER_CLI_MANIFEST_SIGNATURES } from './docker-cli-manifests.js';
import { INSECURE_FALLBACK_SIGNATURES } from './insecure-fallbacks.js';
import { TINYPROXY_CONNECT_REPLY_SIGNATURES } from './tinyproxy-connect-replies.js';
import { REGISTRY_MAINTENANCE_SIGNATURES } from './registry-maintenance.js';
import { DISTRIBUTION_UNKNOWN_CODE_SIGNATURES } from './distribution-unknown-code.js';
import { BUILDKITD_REGISTRY_FILE_SIGNATURES } from './buildkitd-registry-files.js';
import { PROXY_CONNECT_UNAUTHORIZED_SIGNATURES } from './proxy-connect-unauthorized.js';
import { DOCKERD_ENDPOINT_LOG_SIGNATURES } from './dockerd-endpoint-logs.js';
import { REGCLIENT_REPLY_SIGNATURES } from './regclient-replies.js';
import { DISTRIBUTION_TOKEN_LOG_SIGNATURES } from './distribution-token-logs.js';
import { TINYPROXY_LOG_SIGNATURES } from './tinyproxy-logs.js';
import { MIRROR_READING_SIGNATURES } from './mirror-readings.js';

/** Reaching the registry: Go net/http/TLS/x509 texts inside containerd and Docker errors (facts §4.6, §4.7, §5). */
export const REGISTRY_SIGNATURES: Signature[] = [
  ...HOSTED_REGISTRY_STATE_SIGNATURES,
  ...CONTAINERD2_RESOLVER_SIGNATURES,
  ...MIRROR_READING_SIGNATURES,
  ...UPLOAD_LOCATION_SIGNATURES,
  ...REVERSE_PROXY_ROUTE_SIGNATURES,
  ...TLS_SIGNATURES,
  ...WRAPPED_REGISTRY_SIGNATURES,
  ...CLOCK_SIGNATURES,
  ...NAME_SIGNATURES,
  ...TRANSPORT_SIGNATURES,
  ...PROXY_SIGNATURES,
  ...PROXY_CONFIG_SIGNATURES,
  ...SERVER_SIGNATURES,
  ...HOST_CONFIG_SIGNATURES,
  ...CACHE_SIGNATURES,
  ...BACKEND_SIGNATURES,
  ...LEGACY_DOCKER_SIGNATURES,
  ...GGCR_CODE_SIGNATURES,
  ...KUBELET_CLIENT_SIGNATURES,
  ...PACKAGE_REPO_SIGNATURES,
  ...HTTP2_SIGNATURES,
  ...CLIENT_STACK_SIGNATURES,
  ...TLS_WILDCARD_SIGNATURES,
  ...CONTAINERD_REMOTE_SIGNATURES,
  ...CLIENT_STATUS_SIGNATURES,
  ...BUILD_TOOL_DOWNLOAD_SIGNATURES,
  ...CLIENT_PROGRAM_SIGNATURES,
  ...PACKAGE_CLIENT_SIGNATURES,
  ...PACKAGE_CLIENT_REPLY_SIGNATURES,
  ...DOCKER_ENGINE_UPLOAD_SIGNATURES,
  ...APT_ACQUIRE_SIGNATURES,
  ...CARGO_FETCH_SIGNATURES,
  ...BUILDKIT_RESOLVER_SIGNATURES,
  ...DISTRIBUTION_UNKNOWN_CODE_SIGNATURES,
  ...BUILDKITD_REGISTRY_FILE_SIGNATURES,
  ...NSS_TLS_SIGNATURES,
  ...MBEDTLS_VERIFY_SIGNATURES,
  ...JVM_NET_SIGNATURES,
  ...CONDA_CHANNEL_SIGNATURES,
  ...BROWSER_DOWNLOAD_SIGNATURES,
  ...VAULT_API_SIGNATURES,
  ...TOOLCHAIN_DOWNLOAD_SIGNATURES,
  ...TLS_CLIENT_STACK_SIGNATURES,
  ...GIT_TRANSPORT_SIGNATURES,
  ...DARWIN_VERIFIER_SIGNATURES,
  ...OVERLAYBD_SIGNATURES,
  ...PROXY_CLIENT_TEXT_SIGNATURES,
  ...REAL_PULL_SIGNATURES,
  ...RUBY_CLIENT_SIGNATURES,
  ...COMPOSER_SIGNATURES,
  ...PERL_LWP_SIGNATURES,
  ...AMBIGUOUS_REGISTRY_SIGNATURES,
  ...REGISTRY_SERVER_LOG_SIGNATURES,
  ...TALOS_REGISTRY_SIGNATURES,
  ...APP_CLIENT_SIGNATURES,
  ...OCI_CLI_CLIENT_SIGNATURES,
  ...REGCLIENT_REPLY_SIGNATURES,
  ...DISTRIBUTION_TOKEN_LOG_SIGNATURES,
  ...TINYPROXY_LOG_SIGNATURES,
  ...REGISTRIES_CONF_REWRITE_SIGNATURES,
  ...DOCKER_CLI_MANIFEST_SIGNATURES,
  ...INSECURE_FALLBACK_SIGNATURES,
  ...TINYPROXY_CONNECT_REPLY_SIGNATURES,
  ...REGISTRY_MAINTENANCE_SIGNATURES,
  ...PROXY_CONNECT_UNAUTHORIZED_SIGNATURES,
  ...DOCKERD_ENDPOINT_LOG_SIGNATURES,
];
