/**
 * A healthy three-node flannel (vxlan) cluster as node evidence plus the matching cluster evidence,
 * for the node rules' table tests: every case starts from healthy and breaks one thing. The shapes
 * follow what the host source parses from `ip -j -d link`, `ip -j route`, `ip -j neigh`,
 * `bridge -j fdb`, iptables-save, /run/flannel/subnet.env and friends on a kubeadm node.
 * Each call builds fresh objects (the rule tester freezes what it is given).
 */
import type { ClusterEvidence, NodeInfo, PodInfo } from '../evidence/cluster.js';
import { NODE_KEYS, type IptablesRule, type NodeEvidence } from '../evidence/node.js';
import type { EvidenceInput } from './rule-tester.js';

export interface PeerSpec {
  name: string;
  ip: string;
  podCIDR: string;
  vtepMac: string;
  ethMac: string;
}

export const PEERS: readonly PeerSpec[] = [
  { name: 'n1', ip: '172.31.250.11', podCIDR: '10.244.0.0/24', vtepMac: '6e:4b:1c:8a:01:11', ethMac: '52:54:00:fa:00:11' },
  { name: 'n2', ip: '172.31.250.12', podCIDR: '10.244.1.0/24', vtepMac: '9a:2f:47:d3:02:12', ethMac: '52:54:00:fa:00:12' },
  { name: 'n3', ip: '172.31.250.13', podCIDR: '10.244.2.0/24', vtepMac: 'c6:71:0e:5b:03:13', ethMac: '52:54:00:fa:00:13' },
];

export const CLUSTER_CIDR = '10.244.0.0/16';
/** What `gatherNode` gathers on a healthy node: every key but preflight's own. */
export const GATHERED_KEYS: string[] = NODE_KEYS.filter((k) => k !== 'modulesAvailable');

const base = (cidr: string) => cidr.split('/')[0].split('.').slice(0, 3).join('.');

export function peer(name: string): PeerSpec {
  const p = PEERS.find((x) => x.name === name);
  if (!p) throw new Error(`no fixture node ${name}`);
  return p;
}

export const CNI_CONFLIST = {
  name: 'cbr0',
  cniVersion: '0.3.1',
  plugins: [
    { type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true } },
    { type: 'portmap', capabilities: { portMappings: true } },
  ],
};

export const NET_CONF = { Network: CLUSTER_CIDR, EnableNFTables: false, Backend: { Type: 'vxlan' } };

/** flanneld's iptables rules (facts §2.6) plus kube-proxy's usual filter chains. */
export function flannelIptablesRules(podCIDR: string): IptablesRule[] {
  const C = CLUSTER_CIDR;
  const nat = (chain: string, rule: string, target: string): IptablesRule => ({ table: 'nat', chain, rule, target });
  const filter = (chain: string, rule: string, target: string): IptablesRule => ({ table: 'filter', chain, rule, target });
  const masq = '-m comment --comment "flanneld masq"';
  const fwd = '-m comment --comment "flanneld forward"';
  return [
    filter('INPUT', '-m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES', 'KUBE-SERVICES'),
    filter('INPUT', '-j KUBE-FIREWALL', 'KUBE-FIREWALL'),
    filter('FORWARD', '-m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD', 'KUBE-FORWARD'),
    filter('FORWARD', `${fwd} -j FLANNEL-FWD`, 'FLANNEL-FWD'),
    filter('OUTPUT', '-j KUBE-FIREWALL', 'KUBE-FIREWALL'),
    filter('KUBE-FIREWALL', '! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP', 'DROP'),
    filter('KUBE-FORWARD', '-m conntrack --ctstate INVALID -j DROP', 'DROP'),
    filter('KUBE-FORWARD', '-m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT', 'ACCEPT'),
    filter('KUBE-FORWARD', '-m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT', 'ACCEPT'),
    filter('FLANNEL-FWD', `-s ${C} ${fwd} -j ACCEPT`, 'ACCEPT'),
    filter('FLANNEL-FWD', `-d ${C} ${fwd} -j ACCEPT`, 'ACCEPT'),
    nat('POSTROUTING', '-m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING', 'KUBE-POSTROUTING'),
    nat('POSTROUTING', `${masq} -j FLANNEL-POSTRTG`, 'FLANNEL-POSTRTG'),
    nat('FLANNEL-POSTRTG', `-m mark --mark 0x4000/0x4000 ${masq} -j RETURN`, 'RETURN'),
    nat('FLANNEL-POSTRTG', `-s ${podCIDR} -d ${C} ${masq} -j RETURN`, 'RETURN'),
    nat('FLANNEL-POSTRTG', `-s ${C} -d ${podCIDR} ${masq} -j RETURN`, 'RETURN'),
    nat('FLANNEL-POSTRTG', `! -s ${C} -d ${podCIDR} ${masq} -j RETURN`, 'RETURN'),
    nat('FLANNEL-POSTRTG', `-s ${C} ! -d 224.0.0.0/4 ${masq} -j MASQUERADE --random-fully`, 'MASQUERADE'),
    nat('FLANNEL-POSTRTG', `! -s ${C} -d ${C} ${masq} -j MASQUERADE --random-fully`, 'MASQUERADE'),
  ];
}

export function healthyNode(name: string): NodeEvidence {
  const me = peer(name);
  const b = base(me.podCIDR);
  const others = PEERS.filter((p) => p.name !== name);
  return {
    name,
    gatheredAt: '2026-11-27T12:00:00Z',
    cniConfDir: '/etc/cni/net.d',
    cniBinDir: '/opt/cni/bin',
    cniConfigs: [
      { file: '/etc/cni/net.d/10-flannel.conflist', name: 'cbr0', cniVersion: '0.3.1', pluginTypes: ['flannel', 'portmap'], raw: structuredClone(CNI_CONFLIST), valid: true, problems: [] },
    ],
    cniBinaries: ['bandwidth', 'bridge', 'dhcp', 'firewall', 'flannel', 'host-device', 'host-local', 'ipvlan', 'loopback', 'macvlan', 'portmap', 'ptp', 'sbr', 'static', 'tuning', 'vlan', 'vrf'],
    ipam: [{ network: 'cbr0', allocated: 4, rangeSize: 253, leaked: 0 }],
    subnetEnv: { file: '/run/flannel/subnet.env', network: CLUSTER_CIDR, subnet: `${b}.1/24`, mtu: 1450, ipmasq: true, problems: [] },
    netConf: { file: '/etc/kube-flannel/net-conf.json', raw: structuredClone(NET_CONF), problems: [] },
    containerd: {
      file: '/etc/containerd/config.toml',
      version: 2,
      configPath: '/etc/containerd/certs.d',
      mirrors: {},
      legacyTlsHosts: [],
      sandboxImage: 'registry.k8s.io/pause:3.6',
      cniBinDir: '/opt/cni/bin',
      cniConfDir: '/etc/cni/net.d',
      problems: [],
    },
    registryHosts: [
      {
        namespace: 'docker.io',
        file: '/etc/containerd/certs.d/docker.io/hosts.toml',
        server: 'https://registry-1.docker.io',
        hosts: [{ url: 'https://mirror.gcr.io', capabilities: ['pull', 'resolve'] }],
        problems: [],
      },
      {
        namespace: 'reg.lab:5000',
        file: '/etc/containerd/certs.d/reg.lab:5000/hosts.toml',
        server: 'https://reg.lab:5000',
        ca: ['/etc/containerd/certs.d/reg.lab:5000/ca.crt'],
        hosts: [{ url: 'https://reg.lab:5000', capabilities: ['pull', 'resolve'], ca: ['/etc/containerd/certs.d/reg.lab:5000/ca.crt'] }],
        problems: [],
      },
    ],
    resolvConf: { file: '/etc/resolv.conf', nameservers: ['172.31.250.1'], search: ['lab.internal'], options: [], problems: [] },
    links: [
      { name: 'lo', index: 1, mtu: 65536, mac: '00:00:00:00:00:00', up: true, addresses: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8 }] },
      { name: 'eth0', index: 2, mtu: 1500, mac: me.ethMac, up: true, addresses: [{ family: 'inet', local: me.ip, prefixlen: 24 }] },
      {
        name: 'flannel.1', index: 3, kind: 'vxlan', mtu: 1450, mac: me.vtepMac, up: true,
        addresses: [{ family: 'inet', local: `${b}.0`, prefixlen: 32 }],
        vxlan: { id: 1, port: 8472, local: me.ip, learning: false, dev: 'eth0' },
        stats: { rxPackets: 1200, txPackets: 1180, rxErrors: 0, txErrors: 0, rxDropped: 0, txDropped: 0 },
      },
      { name: 'cni0', index: 4, kind: 'bridge', mtu: 1450, mac: '26:1c:aa:00:00:0' + name.slice(1), up: true, addresses: [{ family: 'inet', local: `${b}.1`, prefixlen: 24 }] },
      { name: 'veth3f2a9c1d', index: 5, kind: 'veth', mtu: 1450, mac: '3a:10:22:00:05:0' + name.slice(1), up: true, master: 'cni0', addresses: [] },
      { name: 'veth77b0e412', index: 6, kind: 'veth', mtu: 1450, mac: '3a:10:22:00:06:0' + name.slice(1), up: true, master: 'cni0', addresses: [] },
    ],
    routes: [
      { dst: 'default', gateway: '172.31.250.1', dev: 'eth0', onlink: false },
      { dst: '172.31.250.0/24', dev: 'eth0', onlink: false, scope: 'link' },
      { dst: me.podCIDR, dev: 'cni0', onlink: false, scope: 'link' },
      ...others.map((o) => ({ dst: o.podCIDR, gateway: o.podCIDR.split('/')[0], dev: 'flannel.1', onlink: true })),
    ],
    neighbours: [
      { dst: '172.31.250.1', dev: 'eth0', lladdr: '52:54:00:fa:00:01', state: ['REACHABLE'] },
      ...others.map((o) => ({ dst: o.podCIDR.split('/')[0], dev: 'flannel.1', lladdr: o.vtepMac, state: ['PERMANENT'] })),
    ],
    fdb: [
      { mac: '33:33:00:00:00:01', dev: 'eth0', flags: ['self'], state: 'permanent' },
      ...others.map((o) => ({ mac: o.vtepMac, dev: 'flannel.1', dst: o.ip, flags: ['self'], state: 'permanent' })),
    ],
    sysctls: {
      'net.ipv4.ip_forward': '1',
      'net.bridge.bridge-nf-call-iptables': '1',
      'net.bridge.bridge-nf-call-ip6tables': '1',
    },
    modules: ['br_netfilter', 'bridge', 'vxlan', 'ip6_udp_tunnel', 'udp_tunnel', 'overlay', 'nf_conntrack', 'xt_MASQUERADE'],
    iptables: {
      file: 'iptables-save',
      backend: 'nft',
      policies: {
        filter: { INPUT: 'ACCEPT', FORWARD: 'ACCEPT', OUTPUT: 'ACCEPT' },
        nat: { PREROUTING: 'ACCEPT', INPUT: 'ACCEPT', OUTPUT: 'ACCEPT', POSTROUTING: 'ACCEPT' },
      },
      rules: flannelIptablesRules(me.podCIDR),
      problems: [],
    },
    offloads: { 'flannel.1': { 'tx-checksum-ip-generic': 'on', 'rx-checksum': 'on' } },
    snmp: { Udp: { InDatagrams: 81234, NoPorts: 12, InErrors: 0, OutDatagrams: 80111, RcvbufErrors: 0, SndbufErrors: 0, InCsumErrors: 0 } },
    logs: [],
    gathered: [...GATHERED_KEYS],
    problems: [],
  };
}

function nodeInfo(p: PeerSpec): NodeInfo {
  return {
    name: p.name,
    labels: { 'kubernetes.io/hostname': p.name, 'kubernetes.io/os': 'linux' },
    annotations: {
      'flannel.alpha.coreos.com/backend-type': 'vxlan',
      'flannel.alpha.coreos.com/backend-data': JSON.stringify({ VNI: 1, VtepMAC: p.vtepMac }),
      'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
      'flannel.alpha.coreos.com/public-ip': p.ip,
    },
    podCIDR: p.podCIDR,
    podCIDRs: [p.podCIDR],
    addresses: [{ type: 'InternalIP', address: p.ip }, { type: 'Hostname', address: p.name }],
    conditions: [
      { type: 'NetworkUnavailable', status: 'False', reason: 'FlannelIsUp', message: 'Flannel is running on this node' },
      { type: 'Ready', status: 'True', reason: 'KubeletReady' },
    ],
    containerRuntimeVersion: 'containerd://1.6.20',
    kubeletVersion: 'v1.29.4',
    architecture: 'amd64',
    operatingSystem: 'linux',
    kernelVersion: '6.1.0-18-amd64',
    osImage: 'Debian GNU/Linux 12 (bookworm)',
    taints: [],
  };
}

export function corednsPod(name: string, node: string, ready = true, extra: Partial<PodInfo> = {}): PodInfo {
  const image = 'registry.k8s.io/coredns/coredns:v1.11.1';
  return {
    namespace: 'kube-system',
    name,
    labels: { 'k8s-app': 'kube-dns' },
    ownerKind: 'ReplicaSet',
    ownerName: 'coredns-5dd5756b68',
    nodeName: node,
    serviceAccountName: 'coredns',
    imagePullSecrets: [],
    hostNetwork: false,
    dnsPolicy: 'Default',
    phase: 'Running',
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    containers: [{ name: 'coredns', image, init: false }],
    statuses: [{ name: 'coredns', init: false, image, ready, restartCount: ready ? 0 : 7, state: ready ? 'running' : 'waiting', reason: ready ? undefined : 'CrashLoopBackOff' }],
    ...extra,
  };
}

export const COREFILE = `.:53 {
    errors
    health { lameduck 5s }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf { max_concurrent 1000 }
    cache 30
    loop
    reload
    loadbalance
}
`;

export function healthyCluster(): Partial<ClusterEvidence> {
  return {
    readAt: '2026-11-27T12:00:00Z',
    nodes: PEERS.map(nodeInfo),
    pods: [corednsPod('coredns-5dd5756b68-7xk2p', 'n1'), corednsPod('coredns-5dd5756b68-q9w4d', 'n2')],
    configMaps: [
      {
        namespace: 'kube-flannel',
        name: 'kube-flannel-cfg',
        data: { 'cni-conf.json': JSON.stringify(CNI_CONFLIST, null, 2), 'net-conf.json': JSON.stringify(NET_CONF, null, 2) },
      },
      { namespace: 'kube-system', name: 'coredns', data: { Corefile: COREFILE } },
    ],
  };
}

/** Healthy evidence: three nodes, with cluster evidence unless `cluster: false`. */
export function healthy(opts: { cluster?: boolean; nodes?: string[] } = {}): EvidenceInput {
  const names = opts.nodes ?? PEERS.map((p) => p.name);
  return {
    cluster: opts.cluster === false ? undefined : healthyCluster(),
    nodes: names.map(healthyNode),
  };
}

/** Healthy evidence with one node changed by `mutate` (which edits the fresh copy in place). */
export function breakNode(name: string, mutate: (n: NodeEvidence) => void, opts: { cluster?: boolean; nodes?: string[] } = {}): EvidenceInput {
  const e = healthy(opts);
  const n = e.nodes?.find((x) => x.name === name) as NodeEvidence | undefined;
  if (!n) throw new Error(`no fixture node ${name}`);
  mutate(n);
  return e;
}

/** Healthy evidence with the cluster part changed by `mutate`. */
export function breakCluster(mutate: (c: Partial<ClusterEvidence> & { nodes: NodeInfo[]; pods: PodInfo[] }) => void, opts: { nodes?: string[] } = {}): EvidenceInput {
  const e = healthy(opts);
  mutate(e.cluster as Partial<ClusterEvidence> & { nodes: NodeInfo[]; pods: PodInfo[] });
  return e;
}

export function link(n: NodeEvidence, name: string) {
  const l = n.links.find((x) => x.name === name);
  if (!l) throw new Error(`fixture node ${n.name} has no link ${name}`);
  return l;
}
