/**
 * The LabHandle's `api` over the real API server, through the built kubectl and the admin kubeconfig.
 * Synchronous on purpose: faults use it as a small object store (get, put, remove, list). `put`
 * creates or replaces the object's spec and metadata; the API server ignores any `status` in it, so a
 * fault can never write what a component reports.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { LabHandle, LabState } from '../types.js';
import { programOf } from './components.js';

export function adminKubeconfig(state: LabState): string {
  return path.join(state.dir, 'kubeconfig');
}

function kubectlSync(state: LabState, args: string[], input?: string): string {
  try {
    return execFileSync(programOf('kubernetes', 'kubectl'), ['--kubeconfig', adminKubeconfig(state), ...args], {
      input,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 30_000,
    });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`kubectl ${args.slice(0, 4).join(' ')}: ${(err.stderr ?? err.message).trim().split('\n')[0]}`);
  }
}

/** kubectl's resource name for a kind (events.v1 vs core events: faults mean core). */
function resource(kind: string): string {
  return kind.toLowerCase();
}

export function realApi(state: LabState): LabHandle['api'] {
  return {
    get(kind, namespace, name) {
      const args = ['get', resource(kind), name, '-o', 'json', '--ignore-not-found'];
      if (namespace) args.push('-n', namespace);
      const out = kubectlSync(state, args).trim();
      return out ? JSON.parse(out) : undefined;
    },
    put(obj) {
      const clean = { ...obj };
      delete clean.status;
      const meta = { ...(clean.metadata ?? {}) };
      for (const k of ['resourceVersion', 'uid', 'creationTimestamp', 'managedFields', 'generation']) delete meta[k];
      clean.metadata = meta;
      kubectlSync(state, ['apply', '--server-side', '--force-conflicts', '--field-manager=flannel-doctor-lab', '-f', '-'], JSON.stringify(clean));
    },
    remove(kind, namespace, name) {
      const args = ['delete', resource(kind), name, '--ignore-not-found', '--wait=false'];
      if (namespace) args.push('-n', namespace);
      kubectlSync(state, args);
    },
    list(kind, namespace) {
      const args = ['get', resource(kind), '-o', 'json'];
      args.push(...(namespace ? ['-n', namespace] : ['-A']));
      return JSON.parse(kubectlSync(state, args)).items ?? [];
    },
  };
}
