import { readFile } from 'node:fs/promises';
import { InputError, UsageError } from '../../errors.js';
import type { MeshTarget } from '../../probes/mesh/types.js';

/** The nodes and pods a probe runs between: a targets file, or the lab's state (`--lab [name]`). */
export async function loadProbeTargets(opts: { lab?: string | boolean; targets?: string }): Promise<MeshTarget[]> {
  const { meshTargetsFromLab, parseMeshTargets } = await import('../../probes/mesh/lab-targets.js');
  if (opts.targets) {
    const text = await readFile(opts.targets, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new InputError(opts.targets!, `cannot read: ${e.code ?? e.message}`);
    });
    try {
      return parseMeshTargets(text, opts.targets);
    } catch (e) {
      throw new InputError(opts.targets, (e as Error).message.replace(`${opts.targets}: `, ''));
    }
  }
  if (opts.lab) {
    const name = typeof opts.lab === 'string' ? opts.lab : 'fdlab';
    const { loadState } = await import('../../../lab/state.js');
    const state = await loadState(name);
    if (!state) throw new UsageError(`lab "${name}" is not up; run \`flannel-doctor lab up --name ${name}\` first`);
    // The real lab's pods are Kubernetes pods (read from its API); an older lab kept them in state.json.
    const { labMeshTargets } = await import('../../../lab/lab-probes.js');
    let live: MeshTarget[] = [];
    try {
      live = labMeshTargets(state);
    } catch {
      // no API to read pods from: the nodes of state.json alone
    }
    const { withMeasuredMtus } = await import('../../probes/mesh/link-mtu.js');
    return withMeasuredMtus(live.some((t) => t.pod) ? live : meshTargetsFromLab(state));
  }
  throw new UsageError('give --lab [name] or --targets FILE (the nodes and pods to probe)');
}
