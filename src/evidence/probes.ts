/** Probe evidence: what actually happened on the wire. Each phase is timed. */
import type { CaptureEvidence } from './capture.js';

export interface ProbePhase {
  name: string; // dns, tcp, tls, v2, auth, manifest, platform ...
  ok: boolean;
  ms: number;
  detail?: string;
  error?: string;
}

export interface RegistryProbeResult {
  image: string;
  registry: string;
  /** The node the probe ran from (its view: resolver, hosts.toml, CA). */
  node?: string;
  endpoint?: string;
  phases: ProbePhase[];
  ok: boolean;
  /** The cause id named by the failing phase, when the probe failed. */
  cause?: string;
  failedPhase?: string;
  rateLimit?: { limit?: string; remaining?: string };
  /** Total time of the probe in ms. */
  ms?: number;
  /** Each registry host tried, in containerd's order (mirrors from hosts.toml, then server). */
  attempts?: { endpoint: string; mirror: boolean; ok: boolean; cause?: string; failedPhase?: string; error?: string }[];
  /** Which credentials were sent: the pull-secret auths key (never the value), or none. */
  credentials?: { key: string } | null;
  /** Manifest digest and media type returned by HEAD. */
  digest?: string;
  mediaType?: string;
  /** hosts.toml used, when there was one. */
  hostsFile?: string;
}

export interface DnsProbeResult {
  /** where the query came from: a pod namespace, or the node itself */
  from: { kind: 'pod' | 'node'; node?: string; pod?: string };
  target: { kind: 'service' | 'coredns-pod' | 'upstream' | 'node-resolver'; server: string };
  name: string;
  nameKind: 'cluster' | 'external';
  outcome: 'ok' | 'timeout' | 'nxdomain' | 'servfail' | 'refused' | 'error';
  ms: number;
  answers?: string[];
  error?: string;
  /** direct: one query; search-expansion: the pod resolver's walk of the search list (ms = total); loop-check: random HINFO */
  purpose?: 'direct' | 'search-expansion' | 'loop-check';
  /** for search-expansion: each name tried in order */
  steps?: { name: string; outcome: string; ms: number }[];
  rcode?: string;
}

export interface MeshPathResult {
  from: string; // node name
  to: string; // node name
  path: 'underlay' | 'overlay' | 'vxlan-udp' | 'mtu-pod' | 'mtu-flannel';
  ok: boolean;
  ms?: number;
  lossPct?: number;
  error?: string;
  /** counters that moved during the probe, e.g. { "n2 flannel.1 rx_dropped": 3 } */
  counterDeltas?: Record<string, number>;
  /** node-node (underlay IPs), node-pod, pod-pod; flannel: node to the peer's flannel.1 address */
  kind?: 'node-node' | 'node-pod' | 'pod-pod' | 'node-flannel';
  fromIp?: string;
  toIp?: string;
  /** payload size for don't-fragment probes */
  size?: number;
  /** the cause id this failure points to, judged from the pair's routes, neighbours, FDB and counters */
  cause?: string;
  /** why that cause: e.g. "n1 has no route to 10.244.2.0/24 via flannel.1" */
  detail?: string;
  /** the node whose state is wrong (route, FDB), when one side is at fault */
  faultNode?: string;
}

export interface ProbeEvidence {
  registry: RegistryProbeResult[];
  dns: DnsProbeResult[];
  mesh: MeshPathResult[];
  /** Mesh size and plan: full mesh or sampled (ring + chords), pairs probed. */
  meshPlan?: { nodes: number; pairs: number; mode: 'full' | 'sampled' };
  /** Packet captures analysed (`pcap FILE`, `diagnose --pcap`): ran includes "pcap". */
  captures?: CaptureEvidence[];
  /** Which probes ran: rules declare needs against these keys (registry, dns, mesh, pcap). */
  ran: string[];
}

export function emptyProbes(): ProbeEvidence {
  return { registry: [], dns: [], mesh: [], ran: [] };
}
