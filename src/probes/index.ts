/** Active probes: each returns evidence (src/evidence/probes.ts); rules in src/rules/probe judge it. */
export { probeRegistry, type RegistryProbeOptions } from './registry/probe-registry.js';
export { parsePullCredentials, loadPullCredentials, type PullCredentials } from './registry/pull-credentials.js';
export type { ProxyConfig } from './registry/dial.js';
export { probeDns, type DnsProbeOptions } from './dns/probe-dns.js';
export { queryDns, type DnsQueryResult } from './dns/client.js';
export { probeMesh, type MeshProbeOptions, type MeshProbeReport } from './mesh/probe-mesh.js';
export { planMesh, type MeshPlan, type MeshPlanOptions } from './mesh/plan.js';
export { netnsRunner } from './mesh/runner.js';
export { meshTargetsFromLab, parseMeshTargets } from './mesh/lab-targets.js';
export type { MeshTarget, MeshRunner, MeshExecResult } from './mesh/types.js';
export { probeBandwidth, type BandwidthProbeOptions, type BandwidthProbeReport } from './bandwidth/probe-bandwidth.js';
export { bandwidthPairs, type BandwidthPairMode } from './bandwidth/pairs.js';
