/**
 * Fronts: small node servers (front-server.mjs) started as lab processes in a registry's namespace
 * in place of the registry — an HTTP 500 or 429 answerer, or a TCP tarpit. PIDs are recorded in
 * state.pids under `front:<id>` so teardown stops exactly them.
 */
import path from 'node:path';
import { packageRoot } from '../package-root.js';
import type { LabHandle, LabRegistry } from '../types.js';
import { spawnInNetns, stopProcess, waitFor } from '../runtime/lab-process.js';
import { findRegistry, registryDir, startRegistryProcess, stopRegistryProcess, type RegistryName } from './registries.js';
import { imageRef } from '../images/lab-images.js';

// resolved from the package root: this code also runs bundled in dist/
const script = () => path.join(packageRoot(), 'lab/registry/front-server.mjs');

export type FrontMode = { mode: 'status'; code: number } | { mode: 'tarpit' };

export async function startFront(lab: LabHandle, id: string, reg: LabRegistry, front: FrontMode): Promise<number> {
  const args = front.mode === 'status' ? ['status', reg.ip, String(reg.port), String(front.code)] : ['tarpit', reg.ip, String(reg.port)];
  const log = path.join(registryDir(lab, reg.name), `front-${id}.log`);
  const pid = spawnInNetns(reg.netns, [process.execPath, script(), ...args], { log });
  lab.state.pids[`front:${id}`] = pid;
  await waitFor(`front ${id} on ${reg.ip}:${reg.port}`, async () => {
    const r = await lab.exec(reg.netns, ['bash', '-c', `exec 3<>/dev/tcp/${reg.ip}/${reg.port}`], { allowFail: true });
    return r.code === 0;
  }, 10_000, log);
  return pid;
}

export async function stopFront(lab: LabHandle, id: string): Promise<void> {
  await stopProcess(lab.state.pids[`front:${id}`], script());
  delete lab.state.pids[`front:${id}`];
}

export async function stopAllFronts(lab: LabHandle): Promise<void> {
  for (const key of Object.keys(lab.state.pids)) if (key.startsWith('front:')) await stopFront(lab, key.slice(6));
}

/**
 * The image, setup and teardown of a fault that puts a front in place of a registry: the registry
 * stops and the front answers on its address; teardown stops the front and starts the registry again.
 */
export function frontInPlaceOf(name: RegistryName, id: string, front: FrontMode) {
  return {
    image: (lab: LabHandle) => imageRef(findRegistry(lab, name)),
    setup: async (lab: LabHandle) => {
      const reg = findRegistry(lab, name);
      await stopRegistryProcess(lab, reg);
      await startFront(lab, id, reg, front);
    },
    teardown: async (lab: LabHandle) => {
      await stopFront(lab, id);
      await startRegistryProcess(lab, findRegistry(lab, name));
    },
  };
}
