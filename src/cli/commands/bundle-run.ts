import { writeBundle } from '../../sources/bundle/write.js';
import { gatherEvidence } from '../../sources/gather.js';
import { namespaceOf, type KubeFlags } from '../kube-flags.js';
import { parseDuration } from './diagnose-run.js';

/** The flags `bundle` parses, as its run half takes them. */
export interface BundleCollectOptions extends KubeFlags {
  nodeEvidence?: string;
}

export async function runBundleCollect(path: string, opts: BundleCollectOptions): Promise<number> {
  const timeoutMs = parseDuration(opts.timeout);
  const progress = process.stderr.isTTY ? (l: string) => process.stderr.write(`\r\u001b[2K${l ? `flannel-doctor: ${l}` : ''}`) : undefined;
  const evidence = await gatherEvidence({ kubeconfig: opts.kubeconfig, context: opts.context, namespace: namespaceOf(opts), selector: opts.selector, nodeEvidence: opts.nodeEvidence, timeoutMs, progress }).finally(() => progress?.(''));
  await writeBundle(evidence, path, opts.context ?? 'current-context');
  const c = evidence.cluster;
  process.stderr.write(
    `wrote ${path}: ${c?.nodes.length ?? 0} nodes, ${c?.pods.length ?? 0} pods, ${c?.events.length ?? 0} events, ${Object.keys(evidence.nodes).length} node evidence` +
      `${c?.unreadable.length ? `; ${c.unreadable.length} could not be read (see diagnose)` : ''}\n`,
  );
  return 0;
}
