import type { Signature } from '../../types.js';
import { NODE_RESOLVER_SIGNATURES } from './node-resolver.js';
import { COREDNS_SIGNATURES } from './coredns.js';
import { COREDNS_API_SIGNATURES } from './coredns-api.js';
import { COREDNS_API_REACH_SIGNATURES } from './coredns-api-reach.js';
import { COREDNS_SETUP_SIGNATURES } from './coredns-setup.js';
import { LOOKUP_SIGNATURES } from './lookups.js';
import { AMBIGUOUS_DNS_SIGNATURES } from './ambiguous.js';
import { FORWARDER_SIGNATURES } from './forwarders.js';
import { NODE_DAEMON_SIGNATURES } from './node-daemons.js';
import { CLUSTER_DNS_LOG_SIGNATURES } from './cluster-dns-logs.js';
import { KUBELET_POD_DNS_SIGNATURES } from './kubelet-pod-dns.js';
import { POD_DNS_CONFIG_SIGNATURES } from './pod-dns-config.js';
import { GO_RESOLVER_SIGNATURES } from './go-resolver.js';
import { NODE_NAME_FILE_SIGNATURES } from './node-name-files.js';
import { CLUSTER_PEER_SIGNATURES } from './cluster-peers.js';
import { COREDNS_RUN_SIGNATURES } from './coredns-runs.js';
import { COREDNS_ROLLOUT_SIGNATURES } from './coredns-rollout.js';
import { CLUSTER_NAME_LOOKUP_SIGNATURES } from './cluster-name-lookups.js';
import { CLIENT_TOOL_SIGNATURES } from './client-tools.js';
import { COREDNS_FORWARD_SETUP_SIGNATURES } from './coredns-forward-setup.js';
import { APISERVER_ETCD_LOOKUP_SIGNATURES } from './apiserver-etcd-lookup.js';
import { COREDNS_KUBE_READING_SIGNATURES } from './coredns-kube-reading.js';
import { BUILD_STEP_FALLBACK_RESOLVER_SIGNATURES } from './build-step-fallback-resolvers.js';
import { DOCKER_EMBEDDED_DNS_SIGNATURES } from './docker-embedded-dns.js';
import { RESOLVER_READING_SIGNATURES } from './resolver-readings.js';
import { POD_APP_LOOKUP_SIGNATURES } from './pod-app-lookups.js';
import { NODELOCAL_CACHE_FORWARD_SIGNATURES } from './nodelocal-cache-forward.js';

/** Cluster and node DNS: CoreDNS plugin logs, kubelet DNSConfigForming, lookups from pods (facts §9). */
export const DNS_SIGNATURES: Signature[] = [
  ...NODE_RESOLVER_SIGNATURES,
  ...RESOLVER_READING_SIGNATURES,
  ...NODE_NAME_FILE_SIGNATURES,
  ...NODE_DAEMON_SIGNATURES,
  ...COREDNS_SIGNATURES,
  ...COREDNS_API_SIGNATURES,
  ...COREDNS_API_REACH_SIGNATURES,
  ...COREDNS_SETUP_SIGNATURES,
  ...COREDNS_RUN_SIGNATURES,
  ...COREDNS_ROLLOUT_SIGNATURES,
  ...COREDNS_KUBE_READING_SIGNATURES,
  ...CLUSTER_NAME_LOOKUP_SIGNATURES,
  ...CLIENT_TOOL_SIGNATURES,
  ...COREDNS_FORWARD_SETUP_SIGNATURES,
  ...NODELOCAL_CACHE_FORWARD_SIGNATURES,
  ...CLUSTER_DNS_LOG_SIGNATURES,
  ...KUBELET_POD_DNS_SIGNATURES,
  ...POD_DNS_CONFIG_SIGNATURES,
  ...GO_RESOLVER_SIGNATURES,
  ...BUILD_STEP_FALLBACK_RESOLVER_SIGNATURES,
  ...LOOKUP_SIGNATURES,
  ...POD_APP_LOOKUP_SIGNATURES,
  ...FORWARDER_SIGNATURES,
  ...DOCKER_EMBEDDED_DNS_SIGNATURES,
  ...CLUSTER_PEER_SIGNATURES,
  ...APISERVER_ETCD_LOOKUP_SIGNATURES,
  ...AMBIGUOUS_DNS_SIGNATURES,
];
