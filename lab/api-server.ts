/**
 * Starting the lab's API server process and keeping it in step with the lab's ApiStore.
 * The process is lab/api-process.ts run by node with the tsx loader from the package's node_modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiStore } from './api-store.js';
import { packageRoot } from './package-root.js';
import { isAlive, startDetached, stopPid, waitFor } from './processes.js';
import type { LabState } from './types.js';

const API_PROC = 'api-process';

export async function startApiServer(state: LabState): Promise<void> {
  const root = packageRoot();
  const script = join(root, 'lab', 'api-process.ts');
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs');
  if (!existsSync(script) || !existsSync(tsx)) throw new Error(`cannot start the lab API server: ${!existsSync(script) ? script : tsx} is missing`);
  const pid = startDetached(undefined, [process.execPath, '--import', `file://${tsx}`, script, state.dir], join(state.dir, 'api.log'));
  state.pids.api = pid;
  const info = join(state.dir, 'api.json');
  await waitFor(() => {
    if (!isAlive(pid)) throw new Error(`the lab API server exited at start; see ${join(state.dir, 'api.log')}`);
    if (!existsSync(info)) return false;
    try {
      const j = JSON.parse(readFileSync(info, 'utf8'));
      return j.pid === pid;
    } catch {
      return false;
    }
  }, 15_000, 'the lab API server');
  const j = JSON.parse(readFileSync(info, 'utf8')) as { url: string };
  state.api = { url: j.url, kubeconfig: join(state.dir, 'kubeconfig'), pid };
}

export async function stopApiServer(state: LabState): Promise<void> {
  if (state.pids.api) await stopPid(state.pids.api, API_PROC);
}

export function forbidFile(state: LabState): string {
  return join(state.dir, 'api-forbid.json');
}

export function readForbids(state: LabState): { verb?: string; resource: string; namespace?: string; name?: string }[] {
  try {
    return JSON.parse(readFileSync(forbidFile(state), 'utf8'));
  } catch {
    return [];
  }
}

export async function writeForbids(state: LabState, rules: { verb?: string; resource: string; namespace?: string; name?: string }[]): Promise<void> {
  await writeFile(forbidFile(state), JSON.stringify(rules, null, 2));
}

/** Tells the API process to reload the persisted objects and waits until it has. */
export async function syncApi(state: LabState, store: ApiStore): Promise<void> {
  const pid = state.pids.api;
  if (!pid || !isAlive(pid, API_PROC)) return;
  const want = `${store.resourceVersion}:${readForbids(state).length}`;
  const ack = join(state.dir, 'api-ack');
  process.kill(pid, 'SIGHUP');
  await waitFor(() => {
    try {
      return readFileSync(ack, 'utf8') === want;
    } catch {
      return false;
    }
  }, 5000, 'the lab API server to load the new objects');
}
