/**
 * The placeholders fix steps may use, as data: one syntax, `{name}`, everywhere (catalog, rules,
 * explain). Where each value comes from:
 * - scope: the finding's own place (its node, pod, registry, image);
 * - data: a value the reporting rule computed (a free podCIDR, an MTU, an interface);
 * - context: what the evidence says about the cluster (where flannel is deployed, the DNS Service IP);
 * - secret: a value flannel-doctor never knows (a password): rendered as a shell variable, "$ENV",
 *   with a line saying where to get it.
 * A placeholder whose value is not known stays visible as <name>, and the step cannot be applied.
 */
export type FixVariableKind = 'scope' | 'data' | 'context' | 'secret';

export interface FixVariable {
  kind: FixVariableKind;
  description: string;
  /** secret: the environment variable the command reads, and where the operator gets its value. */
  env?: string;
  source?: string;
  /**
   * context: the value of the stock installation, written when the evidence does not show the
   * cluster's own (a step that uses it is then not applied automatically).
   */
  default?: string;
}

export const FIX_VARIABLES: Readonly<Record<string, FixVariable>> = {
  node: { kind: 'scope', description: 'the node of the finding' },
  pod: { kind: 'scope', description: 'the (first) affected pod, without namespace' },
  namespace: { kind: 'scope', description: 'the namespace of that pod' },
  image: { kind: 'scope', description: 'the image reference the pod uses' },
  registry: { kind: 'scope', description: 'the registry as written in the image, host[:port] (Docker Hub: registry-1.docker.io)' },
  registryHost: { kind: 'scope', description: 'the registry host name, without port' },
  port: { kind: 'scope', description: 'the registry port (443 when the image names none)' },
  repository: { kind: 'scope', description: 'the repository path of the image, without registry and tag' },
  tag: { kind: 'scope', description: 'the tag of the image (latest when it names none)' },
  secret: { kind: 'scope', description: 'the imagePullSecret the finding is about (the pod\'s only one, or the one the rule names)' },
  arch: { kind: 'data', description: 'the node\'s CPU architecture (kubernetes.io/arch)' },
  iface: { kind: 'data', description: 'the interface flannel should use on the node (the one holding its InternalIP)' },
  nodeIp: { kind: 'scope', description: 'the node\'s InternalIP (from the Node object)' },
  peerIp: { kind: 'data', description: 'the underlay address of another node' },
  rttMs: { kind: 'data', description: 'a round-trip time a probe measured between two nodes, in ms' },
  mirror: { kind: 'data', description: 'the mirror host a runtime config names' },
  proxy: { kind: 'data', description: 'the HTTP(S) proxy the runtime is configured with' },
  upstream: { kind: 'data', description: 'the upstream DNS server(s) the node resolver uses' },
  podCIDR: { kind: 'data', description: 'a free pod CIDR inside the cluster network, at the nodes\' mask' },
  clusterCIDR: { kind: 'data', description: 'the cluster\'s pod network (net-conf.json Network, --cluster-cidr)' },
  mtu: { kind: 'data', description: 'the MTU flannel should use: the underlay MTU minus the backend\'s overhead' },
  key: { kind: 'data', description: 'a kernel setting (sysctl name, dotted)' },
  value: { kind: 'data', description: 'the value that setting must have' },
  module: { kind: 'data', description: 'a kernel module' },
  table: { kind: 'data', description: 'an iptables table (filter, nat, mangle, raw)' },
  chain: { kind: 'data', description: 'an iptables chain' },
  match: { kind: 'data', description: 'the match of an iptables rule, as shell words (e.g. -s 10.244.0.0/16)' },
  rule: { kind: 'data', description: 'an iptables rule as iptables-save prints it after -A CHAIN, as shell words' },
  configMap: { kind: 'data', description: 'the name of flannel\'s ConfigMap (kube-flannel-cfg)' },
  configMapNamespace: { kind: 'data', description: 'the namespace of flannel\'s ConfigMap' },
  change: { kind: 'data', description: 'what a net-conf.json patch changes, in words' },
  patch: { kind: 'data', description: 'a merge or JSON patch, as one shell-quoted word' },
  corefile: { kind: 'data', description: 'the whole new Corefile text, as one shell-quoted word' },
  corednsDeployment: { kind: 'data', description: 'the name of the CoreDNS Deployment in kube-system (coredns)' },
  netConf: { kind: 'data', description: 'the whole new net-conf.json text, as one shell-quoted word' },
  addresses: { kind: 'data', description: 'addresses with their prefix length (CIDR form), space-separated' },
  gateway: { kind: 'data', description: 'the gateway address a bridge must carry, with its prefix length (10.244.1.1/24)' },
  dir: { kind: 'data', description: 'a directory on the node the step works in' },
  usable: { kind: 'data', description: 'how many addresses a host-local range hands out' },
  workloadNamespace: { kind: 'data', description: 'the namespace of a workload (Deployment)' },
  workload: { kind: 'data', description: 'the name of a workload (Deployment)' },
  replicas: { kind: 'data', description: 'a replica count' },
  file: { kind: 'data', description: 'a file on the node the step writes (absolute path)' },
  servers: { kind: 'data', description: 'nameserver addresses, space-separated' },
  dst: { kind: 'data', description: 'the destination of a route (CIDR)' },
  via: { kind: 'data', description: 'the next hop of a route' },
  dev: { kind: 'data', description: 'a network device on the node' },
  containerIndex: { kind: 'data', description: 'the index of a container in a pod template' },
  arg: { kind: 'data', description: 'a command-line argument as the JSON of a container\'s args shows it, as one shell-quoted word' },
  ips: { kind: 'data', description: 'IPv4 addresses, space-separated (the loop variable "$ip" in match)' },
  server: { kind: 'data', description: 'the key a pull secret\'s auths use for a registry (Docker Hub: https://index.docker.io/v1/)' },
  hostsDir: { kind: 'data', description: 'the directory containerd reads hosts.toml files from (config_path)' },
  podNames: { kind: 'data', description: 'pod names of one namespace, as shell words' },
  serviceAccount: { kind: 'data', description: 'the name of a ServiceAccount (in {namespace})' },
  hostUrl: { kind: 'data', description: 'the URL of a [host."…"] table of a containerd hosts.toml, as written there' },
  header: { kind: 'data', description: 'a TOML table header line, as one shell-quoted word' },
  toml: { kind: 'data', description: 'TOML lines (a whole table), each one shell-quoted word' },
  registryPattern: { kind: 'data', description: 'the registry host[:port] as a sed pattern (dots escaped)' },
  flannelNamespace: { kind: 'context', description: 'the namespace flannel\'s DaemonSet is deployed in', default: 'kube-flannel' },
  flannelDaemonSet: { kind: 'context', description: 'the name of flannel\'s DaemonSet as deployed', default: 'kube-flannel-ds' },
  flannelServiceAccount: { kind: 'context', description: 'the ServiceAccount flannel\'s DaemonSet runs as', default: 'flannel' },
  clusterDnsIp: { kind: 'context', description: 'the ClusterIP of the kube-dns Service', default: '10.96.0.10' },
  corednsPodIp: { kind: 'context', description: 'the IP of a running CoreDNS pod' },
  registryUser: {
    kind: 'secret',
    description: 'the registry account that may pull the image',
    env: 'REGISTRY_USER',
    source: 'an account with pull access',
  },
  registryPassword: {
    kind: 'secret',
    description: 'that account\'s password or access token',
    env: 'REGISTRY_PASSWORD',
    source: 'its token, both from the registry',
  },
};
