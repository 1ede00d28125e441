/**
 * Gathering for `diagnose`: a bundle or the live cluster, plus node evidence files. Library code: no
 * printing, no exit; progress goes to a callback.
 */
import { UsageError } from '../errors.js';
import { emptyEvidence, type Evidence } from '../evidence/types.js';
import { readBundle } from './bundle/read.js';
import { gatherKube } from './kube/gather.js';
import { readNodeEvidence } from './node-evidence.js';

export interface GatherOptions {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  bundle?: string;
  nodeEvidence?: string;
  timeoutMs?: number;
  progress?: (line: string) => void;
}

export async function gatherEvidence(opts: GatherOptions): Promise<Evidence> {
  if (opts.bundle && (opts.kubeconfig || opts.context)) throw new UsageError('--bundle reads a saved bundle offline: drop --kubeconfig/--context, or drop --bundle to read the live cluster');
  let evidence: Evidence;
  if (opts.bundle) {
    evidence = (await readBundle(opts.bundle, { namespace: opts.namespace, progress: opts.progress })).evidence;
  } else {
    evidence = emptyEvidence(['kube']);
    evidence.cluster = await gatherKube({ kubeconfig: opts.kubeconfig, context: opts.context, namespace: opts.namespace, timeoutMs: opts.timeoutMs, progress: opts.progress });
  }
  if (opts.nodeEvidence) mergeNodeEvidence(evidence, await readNodeEvidence(opts.nodeEvidence));
  return evidence;
}

export function mergeNodeEvidence(evidence: Evidence, nodes: readonly import('../evidence/node.js').NodeEvidence[]): void {
  for (const n of nodes) evidence.nodes[n.name] = n;
  if (nodes.length && !evidence.sources.includes('host')) evidence.sources.push('host');
}
