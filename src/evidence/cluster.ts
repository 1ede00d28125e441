/**
 * Cluster evidence: compact projections of Kubernetes objects. Sources (kube API, bundles, the lab)
 * convert raw objects into these with the builders in ./from-kube.ts, so every source yields the same
 * shapes. Never holds a secret value.
 */

export interface ObjectRef {
  namespace?: string;
  name: string;
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  /** Node conditions: when the reporter last wrote it (a heartbeat; kept to tell a silent reporter from a healthy one). */
  lastHeartbeatTime?: string;
}

export interface NodeInfo {
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  podCIDR?: string;
  podCIDRs: string[];
  addresses: { type: string; address: string }[];
  conditions: Condition[];
  /** e.g. containerd://1.7.2, docker://20.10.7 */
  containerRuntimeVersion?: string;
  kubeletVersion?: string;
  architecture?: string;
  operatingSystem?: string;
  kernelVersion?: string;
  osImage?: string;
  unschedulable?: boolean;
  taints: { key: string; value?: string; effect: string }[];
}

export interface ContainerSpecInfo {
  name: string;
  image: string;
  imagePullPolicy?: string;
  init: boolean;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  args?: string[];
  command?: string[];
}

export interface ContainerStatusInfo {
  name: string;
  init: boolean;
  image: string;
  imageID?: string;
  ready: boolean;
  restartCount: number;
  state: 'waiting' | 'running' | 'terminated' | 'unknown';
  reason?: string;
  message?: string;
  exitCode?: number;
  lastTerminationReason?: string;
  lastTerminationMessage?: string;
  lastExitCode?: number;
}

export interface PodInfo {
  namespace: string;
  name: string;
  uid?: string;
  labels: Record<string, string>;
  ownerKind?: string;
  ownerName?: string;
  nodeName?: string;
  serviceAccountName?: string;
  imagePullSecrets: string[];
  hostNetwork: boolean;
  dnsPolicy?: string;
  phase?: string;
  podIP?: string;
  hostIP?: string;
  conditions: Condition[];
  containers: ContainerSpecInfo[];
  statuses: ContainerStatusInfo[];
  creationTimestamp?: string;
}

export interface EventInfo {
  namespace: string;
  type?: string; // Normal | Warning
  reason?: string;
  message?: string;
  count: number;
  involved: { kind?: string; namespace?: string; name?: string; fieldPath?: string };
  source?: string; // component/host
  host?: string;
  firstTimestamp?: string;
  lastTimestamp?: string;
}

export interface ServiceAccountInfo {
  namespace: string;
  name: string;
  imagePullSecrets: string[];
  creationTimestamp?: string;
}

/** A pull secret, reduced to what can be shown: never a value. */
export interface PullSecretInfo {
  namespace: string;
  name: string;
  type?: string;
  /** Normalised registry keys of its auths (e.g. docker.io, reg.local:5000/team). */
  registries: string[];
  /** Raw auths keys as written (hosts only, no credentials). */
  rawKeys: string[];
  /** What is wrong with it, if anything (type/key mismatch, bad base64, bad JSON, bad auth field). */
  problems: string[];
  creationTimestamp?: string;
}

export interface ConfigMapInfo {
  namespace: string;
  name: string;
  data: Record<string, string>;
}

export type WorkloadKind = 'DaemonSet' | 'Deployment' | 'StatefulSet' | 'ReplicaSet';

/** A workload the rules judge: flannel's DaemonSet, kube-proxy, CoreDNS (others are only counted). */
/** One term of requiredDuringSchedulingIgnoredDuringExecution: a node matches when every expression does. */
export interface NodeSelectorTerm {
  matchExpressions: { key: string; operator: string; values: string[] }[];
  /** matchFields (only metadata.name is allowed there) */
  matchFields: { key: string; operator: string; values: string[] }[];
}

export interface WorkloadInfo {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  selector: Record<string, string>;
  desired?: number;
  ready?: number;
  available?: number;
  containers: ContainerSpecInfo[];
  serviceAccountName?: string;
  hostNetwork: boolean;
  /** Where its pods may run: the pod template's nodeSelector and required node-affinity terms. */
  nodeSelector?: Record<string, string>;
  nodeAffinity?: NodeSelectorTerm[];
  /** The controller that owns it (a ReplicaSet's Deployment). */
  ownerKind?: string;
  ownerName?: string;
}

/**
 * The tail of one container's log, as a bundle saved it (troubleshoot.sh `cluster-resources/pods/logs/`
 * or a logs collector such as `all-logs/`). Kept raw (redacted, bounded) and judged late by the
 * engine, so a newer catalog re-judges an old bundle.
 */
export interface PodLogExcerpt {
  namespace: string;
  pod: string;
  container: string;
  /** the log of the previous (crashed) instance */
  previous: boolean;
  /** the file it came from, inside the bundle */
  source: string;
  /** the last lines, oldest first */
  lines: string[];
  /** lines before these that were not kept */
  droppedLines: number;
}

export interface ServiceInfo {
  namespace: string;
  name: string;
  clusterIP?: string;
  ports: { name?: string; port: number; protocol?: string }[];
  selector: Record<string, string>;
}

export interface EndpointsInfo {
  namespace: string;
  name: string;
  addresses: string[];
  notReadyAddresses: string[];
}

/** Something a source could not read, and why: reported as "not checked", never as healthy. */
export interface Unreadable {
  what: string; // e.g. "secrets in namespace shop"
  reason: string; // e.g. "forbidden: needs get secrets"
  needs?: string; // verb/resource
  code?: number;
}

export interface ClusterEvidence {
  /** When the objects were read (ISO time). */
  readAt?: string;
  /** Live: the API server's clock minus ours (its Date header), so ages of timestamps it stores are judged on its clock. */
  serverClockOffsetMs?: number;
  /**
   * Which kinds were read successfully: nodes, pods, events, serviceaccounts, secrets, configmaps,
   * workloads, services, endpoints, statefulsets, replicasets, podlogs. Rules declare needs against these (as `cluster.<kind>`).
   * `daemonsets` and `deployments` are listed separately too; `workloads` means both were read (a
   * troubleshoot.sh bundle has deployments but no daemonsets, so flannel's DaemonSet is unknown there).
   * A kind absent from a bundle is not read: "no object" is only claimed when the list was seen.
   */
  read: string[];
  nodes: NodeInfo[];
  pods: PodInfo[];
  events: EventInfo[];
  serviceAccounts: ServiceAccountInfo[];
  pullSecrets: PullSecretInfo[];
  /** Names of pull secrets that were looked for and do not exist (namespace/name). */
  missingSecrets: string[];
  configMaps: ConfigMapInfo[];
  workloads: WorkloadInfo[];
  services: ServiceInfo[];
  endpoints: EndpointsInfo[];
  /**
   * How many workload objects of each kind were read, kept or not (only the ones the rules judge are
   * in `workloads`). Sources list different scopes (the kube source lists Deployments in kube-system
   * only), so this proves coverage of one source, not sameness across sources.
   */
  workloadCounts?: Partial<Record<WorkloadKind, number>>;
  /**
   * Bundles: the files (relative to the bundle) each kind was read from, e.g. pods → ["pods.json"];
   * reports point at them (SARIF physical locations). Absent for live sources.
   */
  files?: Partial<Record<string, string[]>>;
  /** Container log tails a bundle carried (absent from live sources and older bundles). */
  podLogs?: PodLogExcerpt[];
  unreadable: Unreadable[];
}

export function emptyCluster(): ClusterEvidence {
  return {
    read: [],
    nodes: [],
    pods: [],
    events: [],
    serviceAccounts: [],
    pullSecrets: [],
    missingSecrets: [],
    configMaps: [],
    workloads: [],
    services: [],
    endpoints: [],
    unreadable: [],
  };
}
