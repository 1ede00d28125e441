/** A LabHandle over a lab that is up: its state, command runner, node lookup and the real API server. */
import { run } from './exec.js';
import { loadState, saveState } from './state.js';
import { realApi } from './cluster/api-handle.js';
import type { LabHandle, LabNode, LabState } from './types.js';

export type OpenLab = LabHandle;

export function realHandle(state: LabState): OpenLab {
  return {
    state,
    exec: (netns, argv, opts) => run(netns, argv, opts),
    node(name: string): LabNode {
      const n = state.nodes.find((x) => x.name === name);
      if (!n) throw new Error(`lab ${state.name ?? state.prefix} has no node "${name}" (nodes: ${state.nodes.map((x) => x.name).join(', ')})`);
      return n;
    },
    api: realApi(state),
    async save() {
      await saveState(state);
    },
  };
}

export async function openLab(name: string): Promise<OpenLab> {
  const state = await loadState(name);
  if (!state) throw new Error(`no lab named "${name}" is up (run \`flannel-doctor lab up --name ${name}\`)`);
  return realHandle(state);
}
