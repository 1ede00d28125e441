/**
 * What a mesh probe's results mean across pairs (pure): each failing pair is judged from the state the
 * probe read on both nodes (./_mesh-pair.ts), then the pairs fold into one verdict per cause, naming
 * the node common to every broken pair when there is one.
 */
import type { MeshNodeObservation, MeshPathResult } from '../../evidence/probes.js';
import { judgePairs } from './_mesh-pair.js';

export interface MeshVerdict {
  cause: string;
  nodes: string[];
  pairs: [string, string][];
  /** Whether `nodes` locates the fault (named by node state, or the one node in every broken pair) or only lists the pairs' ends. */
  located: boolean;
  detail: string;
  /** The failing results of this cause, judged (cause, why, node at fault, counters that moved). */
  results: MeshPathResult[];
}

/** One verdict per cause: names the node common to every broken pair when there is one. */
export function judgeMesh(measured: readonly MeshPathResult[], observations?: readonly MeshNodeObservation[]): MeshVerdict[] {
  const results = judgePairs(measured, observations);
  const byCause = new Map<string, MeshPathResult[]>();
  for (const r of results) if (!r.ok && r.cause) byCause.set(r.cause, [...(byCause.get(r.cause) ?? []), r]);
  const out: MeshVerdict[] = [];
  for (const [cause, rs] of byCause) {
    const pairs = [...new Map(rs.map((r) => [`${r.from}>${r.to}`, [r.from, r.to] as [string, string]])).values()];
    const named = [...new Set(rs.map((r) => r.faultNode).filter((x): x is string => !!x))];
    const common = [...new Set(pairs.flat())].filter((n) => pairs.every((p) => p.includes(n)));
    // a node counts as "the" broken one when it is in every broken pair and at least one of its peers works with someone else
    const healthyPairs = new Set(results.filter((r) => r.ok).map((r) => `${r.from}>${r.to}`));
    const isolated = common.length === 1 || (common.length === 2 && pairs.length > 1) ? common.filter((n) => pairs.length > 1 || healthyPairs.size > 0) : [];
    const located = named.length > 0 || isolated.length === 1;
    const nodes = named.length ? named : isolated.length === 1 ? isolated : [...new Set(pairs.flat())];
    out.push({ cause, nodes, pairs, located, detail: rs[0]!.detail ?? cause, results: rs });
  }
  return out;
}
