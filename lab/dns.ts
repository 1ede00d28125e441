/**
 * Cluster DNS of the lab: dnsmasq stands in for CoreDNS inside the coredns pod's namespace (cluster.local
 * records, everything else forwarded to the servers of the node's /etc/resolv.conf, as CoreDNS with
 * dnsPolicy Default and `forward . /etc/resolv.conf` does); a second dnsmasq in its own namespace is the
 * outside world's DNS (zone example.lab). kube-proxy's DNAT for the kube-dns Service IP is installed in
 * every node namespace.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './exec.js';
import { iptablesRestore } from './network.js';
import { nodePath } from './node-files.js';
import { API_SERVICE_IP, CLUSTER_DOMAIN, EXTERNAL_ZONE } from './plan.js';
import { startDetached, stopPid, waitFor } from './processes.js';
import type { LabNode, LabPod, LabState } from './types.js';

export const DNS_SVC_UDP_CHAIN = 'KUBE-SVC-TCOU7JCQXEZGVUNU';
export const DNS_SVC_TCP_CHAIN = 'KUBE-SVC-ERIFXISQEP7F7OF4';

function dnsDir(state: LabState): string {
  return join(state.dir, 'dns');
}

/** Names the outside world serves: a few hosts in example.lab (the registry part adds its own). */
export async function writeExternalHosts(state: LabState): Promise<string> {
  const file = join(dnsDir(state), 'external-hosts');
  await mkdir(dnsDir(state), { recursive: true });
  await writeFile(file, [`${state.upstreamDns?.ip ?? '172.31.250.53'} ns1.${EXTERNAL_ZONE}`, `172.31.250.80 www.${EXTERNAL_ZONE}`, ''].join('\n'));
  return file;
}

export async function startUpstreamDns(state: LabState): Promise<void> {
  const up = state.upstreamDns!;
  const dir = dnsDir(state);
  const argv = [
    'dnsmasq', '--keep-in-foreground', '--conf-file=/dev/null', `--pid-file=${join(dir, 'upstream.pid')}`,
    '--no-resolv', '--no-hosts', `--addn-hosts=${up.hostsFile}`, `--local=/${EXTERNAL_ZONE}/`,
    '--domain-needed', '--cache-size=0', '--user=root', `--log-facility=${join(dir, 'upstream.log')}`,
  ];
  state.pids.upstreamDns = startDetached(up.netns, argv, join(dir, 'upstream.out'));
  await waitUdp53(up.netns, state.pids.upstreamDns, 'upstream DNS');
}

function clusterHosts(state: LabState): string {
  const lines = [
    `${state.dnsServiceIP} kube-dns.kube-system.svc.${CLUSTER_DOMAIN}`,
    `${API_SERVICE_IP} kubernetes.default.svc.${CLUSTER_DOMAIN}`,
  ];
  for (const p of state.pods) if (p.ip) lines.push(`${p.ip} ${p.ip.replace(/\./g, '-')}.${p.namespace}.pod.${CLUSTER_DOMAIN}`);
  return lines.join('\n') + '\n';
}

export function corednsPod(state: LabState): LabPod | undefined {
  return state.pods.find((p) => p.role === 'coredns');
}

/** dnsmasq as CoreDNS, in the coredns pod's namespace, forwarding per its node's resolv.conf. */
export async function startClusterDns(state: LabState): Promise<void> {
  const pod = corednsPod(state);
  if (!pod?.ip) throw new Error('the coredns pod has no IP; cannot start cluster DNS');
  const node = state.nodes.find((n) => n.name === pod.node)!;
  const dir = dnsDir(state);
  await mkdir(dir, { recursive: true });
  const hosts = join(dir, 'cluster-hosts');
  await writeFile(hosts, clusterHosts(state));
  const argv = [
    'dnsmasq', '--keep-in-foreground', '--conf-file=/dev/null', `--pid-file=${join(dir, 'coredns.pid')}`,
    `--resolv-file=${nodePath(node, 'etc/resolv.conf')}`, '--no-hosts', `--addn-hosts=${hosts}`,
    `--local=/${CLUSTER_DOMAIN}/`, '--domain-needed', '--cache-size=0', '--user=root', '--no-negcache',
    `--log-facility=${join(dir, 'coredns.log')}`,
  ];
  state.pids.coredns = startDetached(pod.netns, argv, join(dir, 'coredns.out'));
  await waitUdp53(pod.netns, state.pids.coredns, 'cluster DNS');
}

export async function stopClusterDns(state: LabState): Promise<void> {
  if (state.pids.coredns) await stopPid(state.pids.coredns, 'dnsmasq');
  delete state.pids.coredns;
}

async function waitUdp53(netns: string, pid: number, what: string): Promise<void> {
  await waitFor(async () => {
    const r = await run(netns, ['ss', '-lun'], { allowFail: true });
    if (/:53\s/.test(r.stdout)) return true;
    try {
      process.kill(pid, 0);
    } catch {
      throw new Error(`${what} (dnsmasq) exited at start; see its log in the lab dir`);
    }
    return false;
  }, 5000, `${what} to listen on port 53`);
}

function sepChain(svcPort: string, proto: string, endpoint: string): string {
  const h = createHash('sha256').update(svcPort + proto + endpoint).digest();
  const b32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let s = '';
  for (let i = 0; i < 16; i++) s += b32[h[i] % 32];
  return `KUBE-SEP-${s}`;
}

/** kube-proxy (iptables mode) rules for the kube-dns Service, for one node namespace. */
export function kubeProxyDnsRules(state: LabState, endpointIp: string): string {
  const vip = state.dnsServiceIP;
  const epU = sepChain('kube-system/kube-dns:dns', 'udp', endpointIp);
  const epT = sepChain('kube-system/kube-dns:dns-tcp', 'tcp', endpointIp);
  return [
    '*nat',
    ':KUBE-SERVICES - [0:0]',
    ':KUBE-MARK-MASQ - [0:0]',
    `:${DNS_SVC_UDP_CHAIN} - [0:0]`,
    `:${DNS_SVC_TCP_CHAIN} - [0:0]`,
    `:${epU} - [0:0]`,
    `:${epT} - [0:0]`,
    '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000',
    `-A KUBE-SERVICES -d ${vip}/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j ${DNS_SVC_UDP_CHAIN}`,
    `-A KUBE-SERVICES -d ${vip}/32 -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp cluster IP" -m tcp --dport 53 -j ${DNS_SVC_TCP_CHAIN}`,
    `-A ${DNS_SVC_UDP_CHAIN} ! -s ${state.clusterCIDR} -d ${vip}/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-MARK-MASQ`,
    `-A ${DNS_SVC_UDP_CHAIN} -m comment --comment "kube-system/kube-dns:dns -> ${endpointIp}:53" -j ${epU}`,
    `-A ${DNS_SVC_TCP_CHAIN} ! -s ${state.clusterCIDR} -d ${vip}/32 -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp cluster IP" -m tcp --dport 53 -j KUBE-MARK-MASQ`,
    `-A ${DNS_SVC_TCP_CHAIN} -m comment --comment "kube-system/kube-dns:dns-tcp -> ${endpointIp}:53" -j ${epT}`,
    `-A ${epU} -s ${endpointIp}/32 -m comment --comment "kube-system/kube-dns:dns" -j KUBE-MARK-MASQ`,
    `-A ${epU} -p udp -m comment --comment "kube-system/kube-dns:dns" -m udp -j DNAT --to-destination ${endpointIp}:53`,
    `-A ${epT} -s ${endpointIp}/32 -m comment --comment "kube-system/kube-dns:dns-tcp" -j KUBE-MARK-MASQ`,
    `-A ${epT} -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp" -m tcp -j DNAT --to-destination ${endpointIp}:53`,
    'COMMIT',
    '',
  ].join('\n');
}

export async function installKubeProxyRules(state: LabState, node: LabNode, endpointIp: string): Promise<void> {
  await iptablesRestore(node.netns, kubeProxyDnsRules(state, endpointIp));
}

/** The pod's /etc/resolv.conf as kubelet writes it for dnsPolicy ClusterFirst (facts §9). */
export function podResolvConf(state: LabState, namespace: string): string {
  return [
    `search ${namespace}.svc.${CLUSTER_DOMAIN} svc.${CLUSTER_DOMAIN} ${CLUSTER_DOMAIN} ${EXTERNAL_ZONE}`,
    `nameserver ${state.dnsServiceIP}`,
    'options ndots:5',
    '',
  ].join('\n');
}
