/** Helpers of the flannel faults: take a node out of the overlay as a flanneld that never came up would. */
import { rm } from 'node:fs/promises';
import { ANNOT, FLANNEL_NS } from '../api-objects.js';
import { subnetEnv } from '../node-files.js';
import { createVxlan, peerRoute, programPeers } from '../network.js';
import { networkAddr } from '../plan.js';
import { flannelCrash, flannelRecover, restoreFile, snapshotFile } from '../kubelet.js';
import type { LabHandle, LabNode } from '../types.js';
import { path } from './_helpers.js';

/** flanneld exits before registering: no flannel.1, no subnet.env, and no lease the other nodes could program. */
export async function unprogramNode(lab: LabHandle, node: LabNode): Promise<{ subnetEnv: string | null }> {
  const before = await snapshotFile(path(node, 'run/flannel/subnet.env'));
  await rm(path(node, 'run/flannel/subnet.env'), { force: true });
  await lab.exec(node.netns, ['ip', 'link', 'del', 'flannel.1'], { allowFail: true });
  for (const other of lab.state.nodes.filter((n) => n.name !== node.name)) {
    await lab.exec(other.netns, ['ip', 'route', 'del', node.podCIDR], { allowFail: true });
    await lab.exec(other.netns, ['ip', 'neigh', 'del', networkAddr(node.podCIDR), 'dev', 'flannel.1'], { allowFail: true });
    await lab.exec(other.netns, ['bridge', 'fdb', 'del', node.vtepMac!, 'dev', 'flannel.1', 'dst', node.ip], { allowFail: true });
  }
  return { subnetEnv: before };
}

export async function reprogramNode(lab: LabHandle, node: LabNode, saved: { subnetEnv: string | null }): Promise<void> {
  await restoreFile(path(node, 'run/flannel/subnet.env'), saved.subnetEnv ?? subnetEnv(lab.state.clusterCIDR, node.podCIDR));
  await lab.exec(node.netns, ['ip', 'link', 'del', 'flannel.1'], { allowFail: true });
  await createVxlan(node);
  await programPeers(node, lab.state.nodes);
  for (const other of lab.state.nodes.filter((n) => n.name !== node.name)) {
    await lab.exec(other.netns, ['ip', 'neigh', 'replace', networkAddr(node.podCIDR), 'lladdr', node.vtepMac!, 'dev', 'flannel.1', 'nud', 'permanent']);
    await lab.exec(other.netns, ['bridge', 'fdb', 'append', node.vtepMac!, 'dev', 'flannel.1', 'dst', node.ip, 'self', 'permanent'], { allowFail: true });
    await lab.exec(other.netns, ['ip', ...peerRoute(node).split(' ')]);
  }
}

/** The node's flannel annotations, removed or restored. */
export function setAnnotations(lab: LabHandle, node: LabNode, values: Record<string, string | undefined>): Record<string, string | undefined> {
  const obj = lab.api.get('Node', undefined, node.name)!;
  const old: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(values)) {
    const key = k.includes('/') ? k : `${ANNOT}/${k}`;
    old[k] = obj.metadata.annotations?.[key];
    if (v === undefined) delete obj.metadata.annotations[key];
    else obj.metadata.annotations[key] = v;
  }
  lab.api.put(obj);
  return old;
}

export interface NetConfState {
  before: string;
  files: Record<string, string | null>;
}

/**
 * Puts `text` as net-conf.json into kube-flannel-cfg and every node's mounted copy, and crash-loops each
 * node's flannel pod with the log lines flanneld would print for it.
 */
export async function breakNetConf(lab: LabHandle, text: string, crashLines: (node: LabNode) => string[]): Promise<NetConfState> {
  const cm = lab.api.get('ConfigMap', FLANNEL_NS, 'kube-flannel-cfg')!;
  const before = cm.data['net-conf.json'];
  cm.data['net-conf.json'] = text;
  lab.api.put(cm);
  const files: Record<string, string | null> = {};
  for (const node of lab.state.nodes) {
    const f = path(node, 'etc/kube-flannel/net-conf.json');
    files[node.name] = await snapshotFile(f);
    await restoreFile(f, text);
    await flannelCrash(lab, node, crashLines(node));
  }
  return { before, files };
}

/** Undoes breakNetConf: the config map, each node's copy, and flannel running again. */
export async function restoreNetConf(lab: LabHandle, state: unknown): Promise<void> {
  const s = state as NetConfState;
  const cm = lab.api.get('ConfigMap', FLANNEL_NS, 'kube-flannel-cfg')!;
  cm.data['net-conf.json'] = s.before;
  lab.api.put(cm);
  for (const node of lab.state.nodes) {
    await restoreFile(path(node, 'etc/kube-flannel/net-conf.json'), s.files[node.name] ?? null);
    await flannelRecover(lab, node);
  }
}
