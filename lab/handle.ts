/** A LabHandle over a lab that is up: its state, command runner, node lookup and API objects. */
import { join } from 'node:path';
import { ApiStore } from './api-store.js';
import { syncApi } from './api-server.js';
import { run } from './exec.js';
import { loadState, saveState } from './state.js';
import type { LabHandle, LabNode, LabState } from './types.js';

export interface OpenLab extends LabHandle {
  store: ApiStore;
}

export function apiObjectsFile(state: LabState): string {
  return join(state.dir, 'api-objects.json');
}

export async function handleFor(state: LabState, store?: ApiStore): Promise<OpenLab> {
  const s = store ?? (await ApiStore.load(apiObjectsFile(state)));
  return {
    state,
    store: s,
    exec: (netns, argv, opts) => run(netns, argv, opts),
    node(name: string): LabNode {
      const n = state.nodes.find((x) => x.name === name);
      if (!n) throw new Error(`lab ${state.name ?? state.prefix} has no node "${name}" (nodes: ${state.nodes.map((x) => x.name).join(', ')})`);
      return n;
    },
    api: {
      get: (k, ns, n) => s.get(k, ns, n),
      put: (o) => s.put(o),
      remove: (k, ns, n) => s.remove(k, ns, n),
      list: (k, ns) => s.list(k, ns),
    },
    async save() {
      await saveState(state);
      await s.persist();
      await syncApi(state, s);
    },
  };
}

export async function openLab(name: string): Promise<OpenLab> {
  const state = await loadState(name);
  if (!state) throw new Error(`no lab named "${name}" is up (run \`flannel-doctor lab up --name ${name}\`)`);
  return handleFor(state);
}
