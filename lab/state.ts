/** The lab's state file: `<lab dir>/state.json`, so separate CLI runs act on the same lab. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { labDir } from './plan.js';
import type { LabState } from './types.js';

export function stateFile(dir: string): string {
  return join(dir, 'state.json');
}

let seq = 0;

export async function saveState(state: LabState): Promise<void> {
  await mkdir(state.dir, { recursive: true });
  const tmp = `${stateFile(state.dir)}.${process.pid}.${++seq}.tmp`; // concurrent saves never share a temp file
  await writeFile(tmp, JSON.stringify(state, null, 2) + '\n');
  await rename(tmp, stateFile(state.dir));
}

export async function loadState(name: string): Promise<LabState | undefined> {
  const file = stateFile(labDir(name));
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LabState;
  } catch (e) {
    throw new Error(`${file}: lab state is unreadable (${(e as Error).message}); run \`flannel-doctor lab down --name ${name}\` to clean up`);
  }
}
