/**
 * The lab's wires: an underlay bridge in its own namespace and one namespace per node with eth0 on
 * that bridge. flannel.1, its neighbours, FDB entries and routes are the real flanneld's.
 */
import { ipBatch, run } from './exec.js';
import { UNDERLAY_CIDR, UNDERLAY_GW } from './plan.js';
import type { LabNode, LabState } from './types.js';

export async function addNetns(state: LabState, netns: string): Promise<void> {
  await run(undefined, ['ip', 'netns', 'add', netns]);
  (state.netnsCreated ??= []).push(netns);
  await ipBatch(netns, ['link set lo up']);
}

export async function createUnderlay(state: LabState): Promise<void> {
  const u = state.underlay;
  await addNetns(state, u.netns);
  await ipBatch(u.netns, [
    `link add ${u.bridge} type bridge`,
    `addr add ${UNDERLAY_GW}/${UNDERLAY_CIDR.split('/')[1]} dev ${u.bridge}`,
    `link set ${u.bridge} up`,
  ]);
}

/**
 * Puts a namespace on the underlay: veth `ifname` inside it, its peer `port` on the bridge, an
 * address and a default route via the underlay gateway (which routes nowhere: no way out of the lab).
 * The registry/runtime part of the lab uses this for its registry namespaces too.
 */
export async function attachToUnderlay(state: LabState, netns: string, port: string, ip: string, opts: { ifname?: string; mtu?: number } = {}): Promise<void> {
  const u = state.underlay;
  const ifname = opts.ifname ?? 'eth0';
  await run(undefined, ['ip', 'link', 'add', ifname, 'netns', netns, 'type', 'veth', 'peer', 'name', port, 'netns', u.netns]);
  await ipBatch(u.netns, [`link set ${port} master ${u.bridge}`, `link set ${port} up`]);
  const lines = [`addr add ${ip}/${UNDERLAY_CIDR.split('/')[1]} dev ${ifname}`, `link set ${ifname} up`];
  if (opts.mtu) lines.push(`link set ${ifname} mtu ${opts.mtu}`);
  if (ifname === 'eth0') lines.push(`route add default via ${UNDERLAY_GW}`);
  await ipBatch(netns, lines);
}

/** Node namespace with eth0 on the underlay and the sysctls a kubeadm node has. */
export async function createNodeNetns(state: LabState, node: LabNode): Promise<void> {
  await addNetns(state, node.netns);
  await attachToUnderlay(state, node.netns, node.name, node.ip);
  await setSysctls(node.netns, { 'net/ipv4/ip_forward': '1', 'net/bridge/bridge-nf-call-iptables': '1' });
}

export async function setSysctls(netns: string, values: Record<string, string>): Promise<void> {
  const script = Object.entries(values)
    .map(([k, v]) => `[ -e /proc/sys/${k} ] && echo ${v} > /proc/sys/${k}`)
    .join('; ');
  await run(netns, ['sh', '-c', script + '; true']);
}

export async function readSysctl(netns: string, key: string): Promise<string> {
  return (await run(netns, ['cat', `/proc/sys/${key}`])).stdout.trim();
}
