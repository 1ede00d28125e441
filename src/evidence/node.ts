/**
 * Node evidence: what a node's files, kernel and logs say. Gathered by the host source
 * (src/sources/host) on a node, under --host-root, or inside a lab node's namespace.
 * Every parsed item keeps the file it came from; parse problems are data, not exceptions.
 *
 * `gathered` lists the keys that were LOOKED AT successfully (rules declare `node.<key>` needs against
 * them). A key in `gathered` with an empty/undefined field means "looked, and it is not there" — that
 * absence is evidence. A key missing from `gathered` means "could not look" (not checked).
 * Paths are node paths (as seen on the node), never the --host-root prefix.
 *
 * | key           | fields                                   | meaning when gathered |
 * |---------------|------------------------------------------|-----------------------|
 * | cni           | cniConfigs, cniBinaries, cniConfDir, cniBinDir | every .conf/.conflist/.json in the conf dir (containerd's conf_dir, else /etc/cni/net.d), in load order (lexicographic; the first valid one is what containerd uses); executables in the bin dir(s) (containerd's bin_dir, ':'-joined, else /opt/cni/bin) |
 * | ipam          | ipam                                     | one entry per /var/lib/cni/networks/<net>: allocated = IP-named files; rangeSize = usable host-local addresses from the config's subnet or FLANNEL_SUBNET (minus network, gateway, broadcast); leaked = files whose container id has no sandbox in /run/containerd/io.containerd.runtime.v2.task/k8s.io (only when that dir is readable) |
 * | subnetEnv     | subnetEnv                                | flannel's subnet.env (the CNI config's subnetFile, else /run/flannel/subnet.env); undefined = looked, file absent |
 * | netConf       | netConf                                  | /etc/kube-flannel/net-conf.json (or /run/flannel/net-conf.json) exists; raw JSON + problems. Absent key = no file on the node (normal: it lives in the ConfigMap) |
 * | containerd    | containerd                               | config.toml at /etc/containerd (or k3s/rke2's); undefined = looked, none (containerd defaults) |
 * | registryHosts | registryHosts                            | certs.d/<ns>/hosts.toml of every config_path dir; when config_path is empty the default /etc/containerd/certs.d is read with inConfigPath=false (containerd ignores it) |
 * | dockerDaemon  | dockerDaemon                             | /etc/docker/daemon.json; undefined = looked, absent |
 * | resolvConf    | resolvConf, resolvedUpstream             | /etc/resolv.conf (symlinks followed inside the host root); undefined = looked, absent. resolvedUpstream: systemd-resolved's /run/systemd/resolve/resolv.conf (the real upstream list behind its 127.0.0.53 stub), when the node has one |
 * | links         | links                                    | `ip -j -s -d addr show`: every link with kind, vxlan details, master, flags, addresses, counters |
 * | routes        | routes                                   | `ip -j route show table all` minus the kernel's `local` table; `table` is 'main' when iproute2 omits it |
 * | neighbours    | neighbours                               | `ip -j neigh show` |
 * | fdb           | fdb                                      | `bridge -j fdb show` |
 * | sysctls       | sysctls                                  | dotted name -> value for SYSCTLS in src/sources/host/kernel.ts plus rp_filter/forwarding of flannel*, cni0, eth0 ('.' in an interface name written '/'); a sysctl whose file does not exist (e.g. net.bridge.* without br_netfilter) is left out |
 * | modules       | modules                                  | modules known loaded or built in: /proc/modules, /sys/module/<name> for the watched ones, br_netfilter when its sysctls exist |
 * | iptables      | iptables                                 | `iptables-save` (nft/legacy variants tried too): policies, rules with targets, backend; rules in both backends is a problem |
 * | offloads      | offloads                                 | `ethtool -k` of each vxlan/flannel* link: feature -> on/off ({} when there is no such link) |
 * | snmp          | snmp                                     | /proc/net/snmp: proto -> counter (Udp InErrors, InCsumErrors, …) |
 * | logs          | logs                                     | tails (2 MiB each, 12 MiB total) of /var/log/{flanneld,kubelet,containerd}.log, flannel pod logs, journal exports/short text: raw lines that carry an error word or a known text, redacted, identical messages counted together (most frequent 300); judged by the engine, not here |
 */

/**
 * The node evidence keys, in the order of the table above: the host source marks only these, and
 * rules declare `node.<key>` needs only against these (test/catalog-check.test.ts). `modulesAvailable`
 * is gathered by `preflight` alone.
 */
export const NODE_KEYS = [
  'cni', 'ipam', 'subnetEnv', 'netConf', 'containerd', 'registryHosts', 'dockerDaemon', 'resolvConf', 'links',
  'routes', 'neighbours', 'fdb', 'sysctls', 'modules', 'iptables', 'offloads', 'snmp', 'logs', 'modulesAvailable',
] as const;
export type NodeKey = (typeof NODE_KEYS)[number];

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

/**
 * A log line as the node wrote it: redacted, bounded, identical messages counted together. Sources
 * keep lines without judging them; the engine classifies them with the catalog of the version that
 * reads the evidence, so a newer version finds causes in an older bundle. (Bundles written before
 * this carry `cause`, `confidence` and `signature` too; they are ignored.)
 */
export interface RawLogLine {
  file: string;
  line: number;
  /** The message without its transport wrapping (CRI, docker-json, journal), secrets redacted; long ones keep head and tail. */
  text: string;
  count: number;
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
  /** systemd-resolved's list of the real upstream servers (/run/systemd/resolve/resolv.conf), when present. */
  resolvedUpstream?: ResolvConf;
  links: LinkInfo[];
  routes: RouteInfo[];
  neighbours: NeighInfo[];
  fdb: FdbInfo[];
  sysctls: Record<string, string>;
  modules: string[];
  /** Modules the kernel can load (modules.dep and modules.builtin under /lib/modules/<release>), read by `preflight`: gathered key modulesAvailable. */
  modulesAvailable?: string[];
  iptables?: IptablesState;
  offloads?: Record<string, Record<string, string>>; // iface -> feature -> on/off
  snmp?: Record<string, Record<string, number>>;
  logs: RawLogLine[];
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
