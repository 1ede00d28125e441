/**
 * Node evidence: what a node's files, kernel and logs say. Gathered by the host source
 * (src/sources/host) on a node, under --host-root, or inside a lab node's namespace.
 * Every parsed item keeps the file it came from; parse problems are data, not exceptions.
 */

/** A located problem found while reading a node file or command output. */
export interface ParseProblem {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

export interface CniConfigFile {
  file: string; // path as seen on the node, e.g. /etc/cni/net.d/10-flannel.conflist
  name?: string;
  cniVersion?: string;
  pluginTypes: string[];
  /** Parsed JSON (secrets never live here); undefined when unparsable. */
  raw?: unknown;
  valid: boolean;
  problems: ParseProblem[];
}

export interface SubnetEnv {
  file: string;
  network?: string;
  subnet?: string;
  ipv6Network?: string;
  ipv6Subnet?: string;
  mtu?: number;
  ipmasq?: boolean;
  problems: ParseProblem[];
}

export interface RegistryHostConfig {
  /** namespace dir name, e.g. docker.io, reg.local:5000, _default */
  namespace: string;
  file: string;
  server?: string;
  ca?: string[];
  skipVerify?: boolean;
  /** root-level capabilities / override_path (apply to `server`) */
  capabilities?: string[];
  overridePath?: boolean;
  /** false when the dir is not in containerd's config_path (containerd ignores the file) */
  inConfigPath?: boolean;
  hosts: { url: string; capabilities?: string[]; ca?: string[]; skipVerify?: boolean; overridePath?: boolean }[];
  problems: ParseProblem[];
}

export interface ContainerdConfig {
  file: string;
  version?: number;
  configPath?: string;
  /** legacy registry.mirrors hosts */
  mirrors: Record<string, string[]>;
  /** hosts with legacy registry.configs tls settings */
  legacyTlsHosts: string[];
  /** hosts with legacy registry.configs auth set (only the host names; values are never read) */
  legacyAuthHosts?: string[];
  sandboxImage?: string;
  cniBinDir?: string;
  cniConfDir?: string;
  problems: ParseProblem[];
}

export interface DockerDaemonConfig {
  file: string;
  registryMirrors: string[];
  insecureRegistries: string[];
  problems: ParseProblem[];
}

export interface ResolvConf {
  file: string;
  nameservers: string[];
  search: string[];
  options: string[];
  problems: ParseProblem[];
}

export interface LinkInfo {
  name: string;
  index?: number;
  kind?: string; // vxlan, bridge, veth, ...
  mtu?: number;
  mac?: string;
  up: boolean;
  master?: string;
  /** iproute2 flags (UP, LOWER_UP, NO-CARRIER, …) and operstate, when gathered */
  flags?: string[];
  operstate?: string;
  addresses: { family: 'inet' | 'inet6'; local: string; prefixlen: number }[];
  vxlan?: { id?: number; port?: number; local?: string; learning?: boolean; dev?: string };
  stats?: { rxPackets?: number; txPackets?: number; rxErrors?: number; txErrors?: number; rxDropped?: number; txDropped?: number; rxBytes?: number; txBytes?: number };
}

export interface RouteInfo {
  dst: string; // 'default' or CIDR
  gateway?: string;
  dev?: string;
  onlink: boolean;
  scope?: string;
  table?: string;
  /** route type (unicast when absent), protocol and preferred source, when gathered */
  type?: string;
  protocol?: string;
  prefsrc?: string;
}

export interface NeighInfo {
  dst: string;
  dev?: string;
  lladdr?: string;
  state: string[];
}

export interface FdbInfo {
  mac: string;
  dev?: string;
  dst?: string;
  flags: string[];
  state?: string;
  /** bridge the port belongs to (entries learned on bridge ports) */
  master?: string;
}

export interface IptablesRule {
  table: string;
  chain: string;
  rule: string; // the -A line without "-A CHAIN"
  target?: string;
}

export interface IptablesState {
  file?: string;
  backend?: 'legacy' | 'nft' | 'unknown';
  /** table -> chain -> policy (for built-in chains) */
  policies: Record<string, Record<string, string>>;
  rules: IptablesRule[];
  problems: ParseProblem[];
}

export interface ClassifiedLogLine {
  file: string;
  line: number;
  text: string;
  cause: string;
  confidence: number;
  count: number;
  /** catalog signature id that matched */
  signature?: string;
  /** flanneld, kubelet, containerd (from the file name or journal identifier) */
  component?: string;
  /** where the last identical message was seen */
  lastFile?: string;
  lastLine?: number;
  /** byte offset where reading started when only the file's tail was read; `line` counts from there */
  tailOffset?: number;
}

export interface NodeEvidence {
  name: string;
  hostRoot?: string;
  gatheredAt?: string;
  cniConfigs: CniConfigFile[];
  cniConfDir?: string;
  cniBinDir?: string;
  cniBinaries: string[];
  /** host-local IPAM: network -> allocated IP count and range size */
  ipam: { network: string; allocated: number; rangeSize?: number; leaked?: number }[];
  subnetEnv?: SubnetEnv;
  netConf?: { file: string; raw?: unknown; problems: ParseProblem[] };
  containerd?: ContainerdConfig;
  registryHosts: RegistryHostConfig[];
  dockerDaemon?: DockerDaemonConfig;
  resolvConf?: ResolvConf;
  links: LinkInfo[];
  routes: RouteInfo[];
  neighbours: NeighInfo[];
  fdb: FdbInfo[];
  sysctls: Record<string, string>;
  modules: string[];
  iptables?: IptablesState;
  offloads?: Record<string, Record<string, string>>; // iface -> feature -> on/off
  snmp?: Record<string, Record<string, number>>;
  logs: ClassifiedLogLine[];
  /** What was gathered; rules declare needs against these keys. */
  gathered: string[];
  problems: ParseProblem[];
}

export function emptyNode(name: string): NodeEvidence {
  return {
    name,
    cniConfigs: [],
    cniBinaries: [],
    ipam: [],
    registryHosts: [],
    links: [],
    routes: [],
    neighbours: [],
    fdb: [],
    sysctls: {},
    modules: [],
    logs: [],
    gathered: [],
    problems: [],
  };
}
