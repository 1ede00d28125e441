/** Probe evidence: what actually happened on the wire. Each phase is timed. */
import type { CaptureEvidence } from './capture.js';

export interface ProbePhase {
  name: string; // dns, tcp, tls, v2, auth, manifest, platform ...
  ok: boolean;
  ms: number;
  detail?: string;
  error?: string;
}

/** What the registry's HTTP API answered when that answer ended an attempt (the probe records it; a rule judges it). */
export interface RegistryAnswer {
  status: number;
  /** The registry's error code (errors[0].code, e.g. MANIFEST_UNKNOWN), when its body gave one. */
  code?: string;
}

/**
 * How an attempt failed before (or instead of) an HTTP answer, as observed: what the probe was doing
 * and the code the system reported. The probe records it; a rule names the cause it means
 * (src/rules/_registry-verdict.ts), so a newer version re-judges an old bundle.
 */
export interface RegistryFailure {
  /**
   * What the probe was doing: dns, tcp, proxy (resolving or reaching the proxy itself), proxy-connect
   * (its CONNECT), tls (the handshake), x509 (checking the certificate the handshake got), request (an
   * HTTP request on an open connection), token (the token exchange), credentials (the registry asked for
   * credentials the node does not have), platform (the image's platform check), probe (anything else).
   */
  step: string;
  /**
   * The code as observed: an errno (ECONNREFUSED, EHOSTUNREACH, ENOTFOUND), Node's TLS code
   * (ERR_SSL_WRONG_VERSION_NUMBER), an X.509 verification code (CERT_HAS_EXPIRED,
   * DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID), or the probe's own: TIMEOUT (its
   * deadline passed), CLOSED (the peer closed the connection), PROXY_URL (the proxy setting does not
   * parse), PROXY_STATUS (CONNECT answered non-2xx), NO_REALM, NO_TOKEN, NO_CREDENTIALS, NO_PLATFORM
   * (the image has no manifest for the node's platform), ERROR (no code given).
   */
  code: string;
  /** The TLS alert the server sent, as OpenSSL names it (handshake failure, unknown ca), when it sent one. */
  alert?: string;
  /** The handshake got bytes back that are no TLS record (OpenSSL: wrong version number, packet length too long, http request). */
  plaintext?: boolean;
  /** After such a handshake: whether the port answered a plain HTTP GET /v2/ (absent: not asked). */
  answersHttp?: boolean;
  /** The system's own message, when it differs from the attempt's error text. */
  message?: string;
}

/** One registry host tried, in containerd's order. */
export interface RegistryAttempt {
  endpoint: string;
  mirror: boolean;
  ok: boolean;
  /** How the transport, TLS or token exchange failed, as observed; absent when the registry answered (`answer`). */
  failure?: RegistryFailure;
  /**
   * The cause id. A probe no longer writes it: bundles written while the probe named transport and
   * TLS failures itself carry it (instead of `failure`), and it is kept then; judging a result fills it.
   */
  cause?: string;
  failedPhase?: string;
  error?: string;
  /** The HTTP answer that ended the attempt (a refusal, not-found, rate limit or server error). */
  answer?: RegistryAnswer;
}

export interface RegistryProbeResult {
  image: string;
  registry: string;
  /** The node the probe ran from (its view: resolver, hosts.toml, CA). */
  node?: string;
  endpoint?: string;
  phases: ProbePhase[];
  ok: boolean;
  /**
   * The cause id, judged by the rules (src/rules/_registry-verdict.ts) from the attempts; a
   * bundle written before the probe stopped judging HTTP answers may carry it, and it is kept then.
   */
  cause?: string;
  failedPhase?: string;
  rateLimit?: { limit?: string; remaining?: string };
  /** Total time of the probe in ms. */
  ms?: number;
  /** Each registry host tried, in containerd's order (mirrors from hosts.toml, then server). */
  attempts?: RegistryAttempt[];
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
  /** forward-check: a random name under the external one, which no cache holds, so only the upstream can answer it. */
  purpose?: 'direct' | 'search-expansion' | 'loop-check' | 'forward-check';
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
  /** Probe notes (e.g. "implied: the don't-fragment probes at MTU passed over it"); a judged copy holds why its cause. */
  detail?: string;
  /**
   * Judged by the rules (src/rules/probe/_mesh-pair.ts), never by the probe: the cause id this failure
   * points to. A bundle written before the probe stopped judging may still carry it; it is kept then.
   */
  cause?: string;
  /** Judged, as `cause`: the node whose state is wrong (route, FDB), when one side is at fault. */
  faultNode?: string;
}

/** A route of a node's table, as `ip -j route` prints it (default as 0.0.0.0/0). */
export interface MeshRouteEntry {
  dst: string;
  gateway?: string;
  dev?: string;
}

/** What the mesh probe read in a node's namespace around its follow-up probes (ip -j, bridge -j, /proc). */
export interface MeshNodeState {
  counters: Record<string, number>;
  routes: MeshRouteEntry[];
  /** flannel.1 neighbours: ip → lladdr */
  neigh: Record<string, string>;
  /** flannel.1 FDB: mac → dst */
  fdb: Record<string, string>;
  /** flannel.1 MAC and MTU, when the device exists */
  vtep?: { mac: string; mtu: number };
  /** every IPv4 address on the node's interfaces */
  addresses: string[];
  /** interface → MTU and IPv4 addresses (from ip addr) */
  links: Record<string, { mtu: number; addresses: string[] }>;
  /** net.ipv4.ip_forward of the namespace */
  ipForward?: number;
  error?: string;
}

/**
 * One node of a failing pair as the mesh probe saw it: what it was told about the node (its target),
 * the state read in its namespace and the counters that moved while the follow-up probes ran. The
 * rules name a broken pair's cause from these; the probe only measures.
 */
export interface MeshNodeObservation {
  node: string;
  /** The node whose share of the mesh the run probed (an agent probes from its own node only). */
  by?: string;
  target: { underlayIp: string; flannelIp?: string; flannelMtu?: number; vtepMac?: string; pod?: { ip: string } };
  /** Absent when the run could not read it. */
  state?: MeshNodeState;
  /** Counters of this node that moved during the follow-up probes, keyed "<node> <iface or proto> <stat>". */
  counterDeltas: Record<string, number>;
}

/** One iperf3 TCP run between two nodes (underlay: node → node) or their pods (overlay: pod → pod). */
export interface BandwidthRun {
  path: 'underlay' | 'overlay';
  fromIp: string;
  toIp: string;
  ok: boolean;
  error?: string;
  /** seconds measured */
  seconds?: number;
  /** throughput the receiver saw, bits per second */
  bitsPerSecond?: number;
  /** bytes the sender sent */
  bytes?: number;
  /** TCP retransmits the sender counted */
  retransmits?: number;
  /** TCP maximum segment size of the connection */
  mss?: number;
  /** the sender's mean smoothed RTT, microseconds */
  meanRttUs?: number;
  /**
   * the sender's lowest smoothed RTT, microseconds: the path's own round trip with the least of the
   * run's queueing in it (a long link, a shaper's delay; mean_rtt adds the transfer's own queues)
   */
  minRttUs?: number;
  /** the bitrate iperf3 was asked to hold (-b, bits per second); absent when the run was uncapped */
  targetBps?: number;
  /** CPU use of iperf3 on the sending and the receiving side, percent of one CPU */
  cpuSenderPct?: number;
  cpuReceiverPct?: number;
  /** the sending node's busiest CPU during the run, percent busy (/proc/stat) */
  cpuBusiestPct?: number;
}

/** `probe bandwidth`: the same node pair measured on the underlay and over the overlay, one after the other. */
export interface BandwidthPairResult {
  from: string;
  to: string;
  /** MTU of the sending node's interface holding its underlay address */
  underlayMtu?: number;
  /** MTU of the sending pod's interface (what its TCP segments are cut to) */
  overlayMtu?: number;
  underlay: BandwidthRun;
  overlay: BandwidthRun;
  /** Udp InCsumErrors that rose on the receiving node during the overlay run */
  udpCsumErrors?: number;
}

export interface ProbeEvidence {
  registry: RegistryProbeResult[];
  dns: DnsProbeResult[];
  mesh: MeshPathResult[];
  /** `probe bandwidth`: throughput per node pair, underlay and overlay (ran includes "bandwidth"). */
  bandwidth?: BandwidthPairResult[];
  /**
   * The share below the expected overlay/underlay ratio the operator still put down to noise
   * (`probe bandwidth --tolerance`, `diagnose --bandwidth-tolerance`); absent: the rule's default 0.15.
   */
  bandwidthTolerance?: number;
  /** Mesh size and plan: full mesh or sampled (ring + chords), pairs probed. */
  meshPlan?: { nodes: number; pairs: number; mode: 'full' | 'sampled' };
  /** The nodes of failing mesh pairs as the probe saw them (state and counter deltas): what the mesh rule judges. */
  meshNodes?: MeshNodeObservation[];
  /** Packet captures analysed (`pcap FILE`, `diagnose --pcap`): ran includes "pcap". */
  captures?: CaptureEvidence[];
  /** Which probes ran: rules declare needs against these keys (registry, dns, mesh, pcap). */
  ran: string[];
}

export function emptyProbes(): ProbeEvidence {
  return { registry: [], dns: [], mesh: [], ran: [] };
}
