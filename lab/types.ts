/**
 * Contracts between the parts of the lab (network core, registry/runtime, faults, API server).
 * The lab is a real flannel-style cluster in network namespaces; see ARCHITECTURE.md "The lab".
 */

export interface LabNode {
  name: string; // n1, n2, …
  /** network namespace name (prefixed, e.g. fdlab-n1) */
  netns: string;
  /** underlay address of eth0 (the node's "public-ip") */
  ip: string;
  podCIDR: string; // e.g. 10.244.1.0/24
  vtepMac?: string;
  /** the node's file tree under the lab root (etc/cni/net.d, opt/cni/bin, run/flannel, …) */
  root: string;
  arch: string; // amd64 | arm64 …
  /** 1-based position; the plan derives ip, podCIDR and MAC from it */
  index?: number;
}

export interface LabPod {
  namespace: string;
  name: string;
  node: string;
  netns: string;
  ip?: string;
  containerId: string;
  image: string;
  /** app pods carry traffic tests; coredns runs the cluster DNS server */
  role?: 'app' | 'coredns' | 'probe';
  /** false when the lab could not wire the pod (its CNI ADD failed) */
  wired?: boolean;
}

export interface LabState {
  /** unique prefix of every namespace, link and file the lab makes */
  prefix: string;
  /** where the lab keeps its files and state.json */
  dir: string;
  underlay: { netns: string; bridge: string; cidr: string };
  clusterCIDR: string; // net-conf Network, e.g. 10.244.0.0/16
  serviceCIDR: string;
  dnsServiceIP: string;
  nodes: LabNode[];
  pods: LabPod[];
  /** lab processes by role; teardown kills exactly these PIDs */
  pids: Record<string, number>;
  api?: { url: string; kubeconfig: string; pid?: number };
  registries: LabRegistry[];
  faults: { id: string; node?: string; state?: unknown }[];
  /** lab name (the prefix without separator) */
  name?: string;
  createdAt?: string;
  /** wall time of `lab up` in ms */
  upMs?: number;
  /** ms per phase of `lab up` (network, pods+dns, images, api; the last three run side by side) */
  upPhases?: Record<string, number>;
  /** every network namespace the lab made, in creation order; teardown deletes exactly these */
  netnsCreated?: string[];
  /** files the lab made outside its dir (e.g. /etc/netns/<ns>/resolv.conf); teardown removes them */
  outsideFiles?: string[];
  /** empty mount-point directories the lab made on the host (node-mounts.ts); removed when still empty */
  outsideDirs?: string[];
  /** component name → version of the real programs running (lab/components) */
  components?: Record<string, string>;
  /** references of the images the lab built into its system registry (pause, flannel, flannelCni, coredns) */
  systemImages?: Record<string, string>;
  /** parts of the lab that are not the real component, each with the reason (shown by `lab status`) */
  standIns?: string[];
  /** the fake outside world: upstream DNS for the zone example.lab, on the underlay */
  upstreamDns?: { netns: string; ip: string; zone: string; hostsFile: string };
  underlayGateway?: string;
  /** the real control plane (lab/cluster/control-plane.ts) while it runs */
  controlPlane?: LabControlPlane;
  /** node log sizes before the first active fault; restored when the last fault is reverted */
  logBaseline?: Record<string, number>;
}

export interface LabControlPlane {
  /** network namespace `<p>-cp` */
  netns: string;
  /** its eth0 on the underlay (the API server's advertise address) */
  ip: string;
  /** host port of the forwarder to the API (127.0.0.1) */
  hostPort: number;
  /** the API as the host reaches it (admin kubeconfig) */
  serverUrl: string;
  /** the API as nodes and pods reach it */
  inClusterServer: string;
  /** admin kubeconfig (server = serverUrl) */
  kubeconfig: string;
  versions: { kubernetes: string; etcd: string };
  /** wall time of the start and of its phases, in ms */
  startMs?: number;
  phases?: Record<string, number>;
}

export interface LabRegistry {
  /** e.g. reg-tls, reg-auth, reg-http */
  name: string;
  host: string; // hostname[:port] pods use in image refs
  ip: string;
  port: number;
  scheme: 'https' | 'http';
  auth: boolean;
  netns: string;
}

/** What a fault may use: run commands in namespaces, edit node files, update API objects. */
export interface LabHandle {
  state: LabState;
  /** Run a command (argv) in a namespace (or the root ns when netns is undefined). Throws with stderr on failure. */
  exec(netns: string | undefined, argv: string[], opts?: { input?: string; allowFail?: boolean }): Promise<{ stdout: string; stderr: string; code: number }>;
  node(name: string): LabNode;
  /** Object store of the lab's Kubernetes API (create/replace/delete by kind/namespace/name). */
  api: {
    get(kind: string, namespace: string | undefined, name: string): Record<string, any> | undefined;
    put(obj: Record<string, any>): void;
    remove(kind: string, namespace: string | undefined, name: string): void;
    list(kind: string, namespace?: string): Record<string, any>[];
  };
  save(): Promise<void>;
}

/** What a fault is called and how it is aimed, derived from its file (lab/faults/<cause id>.ts), never written in it. */
export interface FaultIdentity {
  /** The file's name: the cause id (src/catalog/causes) the fault produces. */
  id: string;
  /** The cause id `diagnose --lab` must name as the top root cause: the id itself. */
  cause: string;
  /** A fault placed on a node takes --node (or picks one); others ignore it: `where` is 'node'. */
  nodeBound: boolean;
}

/** What one fault file writes: lab/faults/<cause id>.ts default-exports it; its identity is derived. */
export interface FaultSpec {
  description: string;
  /** where the diagnosis must place it */
  where: 'node' | 'pod' | 'registry' | 'cluster';
  /**
   * Probes `diagnose --lab` does not run that show this fault (node.packet-loss: the bandwidth probe,
   * seconds per node pair): the accuracy judge runs them too and adds their evidence, as an operator
   * adds `probe bandwidth -o json` with `diagnose --bandwidth FILE`, before and after the revert.
   */
  judgedWith?: readonly 'bandwidth'[];
  inject(this: FaultIdentity, lab: LabHandle, node?: string): Promise<unknown>;
  revert(this: FaultIdentity, lab: LabHandle, state: unknown, node?: string): Promise<void>;
}

/** One fault: one file under lab/faults/, named by the cause it produces. */
export interface Fault extends FaultSpec, FaultIdentity {}

/** A fault file's spec with the identity its file name gives it (used by the generated lab/faults/index.ts). */
export function faultFromFile(id: string, spec: FaultSpec): Fault {
  return { ...spec, id, cause: id, nodeBound: spec.where === 'node' };
}
