/** Adding, removing and listing faults on a lab that is up; the active ones are kept in state.faults. */
import { copyFile, stat, truncate } from 'node:fs/promises';
import { recordNodeFacts } from './cluster/up.js';
import { FAULTS } from './faults/index.js';
import { nodePath } from './node-files.js';
import type { OpenLab } from './handle.js';
import type { Fault } from './types.js';

export function findFault(id: string): Fault {
  const f = FAULTS.find((x) => x.id === id);
  if (!f) throw new Error(`unknown fault "${id}"; \`flannel-doctor lab fault list\` shows the ${FAULTS.length} faults`);
  return f;
}

/** Node-bound faults default to the second node (the first runs CoreDNS, kept healthy by default). */
export function defaultNode(lab: OpenLab): string {
  return (lab.state.nodes[1] ?? lab.state.nodes[0]).name;
}

export async function addFault(lab: OpenLab, id: string, node?: string): Promise<{ id: string; node?: string }> {
  const fault = findFault(id);
  const target = fault.nodeBound ? (node ?? defaultNode(lab)) : undefined;
  if (target) lab.node(target); // validates the name
  if (lab.state.faults.some((f) => f.id === id && f.node === target)) throw new Error(`fault ${id}${target ? ` on ${target}` : ''} is already active`);
  if (!lab.state.faults.length) lab.state.logBaseline = await logSizes(lab);
  const state = await fault.inject(lab, target);
  recordNodeFacts(lab);
  lab.state.faults.push({ id, ...(target ? { node: target } : {}), state });
  await lab.save();
  return { id, node: target };
}

export async function removeFault(lab: OpenLab, id: string, node?: string): Promise<{ id: string; node?: string }[]> {
  const fault = findFault(id);
  const active = lab.state.faults.filter((f) => f.id === id && (node === undefined || f.node === node));
  if (!active.length) throw new Error(`fault ${id}${node ? ` on ${node}` : ''} is not active`);
  for (const a of [...active].reverse()) {
    await fault.revert(lab, a.state, a.node);
    recordNodeFacts(lab);
    lab.state.faults = lab.state.faults.filter((f) => f !== a);
    if (!lab.state.faults.length) await restoreLogs(lab);
    await lab.save();
  }
  return active.map((a) => ({ id: a.id, ...(a.node ? { node: a.node } : {}) }));
}

export function listFaults(): { id: string; cause: string; where: Fault['where']; nodeBound: boolean; description: string }[] {
  return FAULTS.map((f) => ({ id: f.id, cause: f.cause, where: f.where, nodeBound: f.nodeBound, description: f.description }));
}

/** The node daemons' own log files (the pods' logs are the kubelet's business). */
const NODE_LOGS = ['var/log/kubelet.log', 'var/log/containerd.log', 'var/log/kube-proxy.log'];

async function logSizes(lab: OpenLab): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const n of lab.state.nodes) {
    for (const f of NODE_LOGS) {
      const p = nodePath(n, f);
      out[p] = await stat(p).then((s) => s.size, () => 0);
    }
  }
  return out;
}

/**
 * After the last revert the node logs are rotated as logrotate's copytruncate does: what the daemons
 * wrote during the faults moves to <log>.1, so a reverted lab reads as a freshly healthy node.
 */
async function restoreLogs(lab: OpenLab): Promise<void> {
  for (const p of Object.keys(lab.state.logBaseline ?? {})) {
    await copyFile(p, `${p}.1`).catch(() => undefined);
    await truncate(p, 0).catch(() => undefined);
  }
  delete lab.state.logBaseline;
}
