/** The symptom inventory: every symptom seen, folded under a root cause or reported as `unknown`. */
import type { Classification } from '../../catalog/types.js';
import type { Evidence } from '../../evidence/types.js';
import type { RootCause } from '../../findings/finding.js';
import { collectSymptoms } from './collect.js';
import { foldSymptoms, type Folded } from './fold.js';

export type { InventoryEntry, SymptomInventory } from './fold.js';
export type { Symptom } from './collect.js';
export { collectSymptoms, hintsOf } from './collect.js';
export { foldSymptoms } from './fold.js';

/** Takes the inventory of `evidence` against the correlated, ranked `roots` (their pods may grow). */
export function takeInventory(evidence: Readonly<Evidence>, roots: RootCause[], classify: (message: string) => Classification): Folded {
  // One memo for both halves: pull errors repeat across pods and events.
  const memo = new Map<string, Classification>();
  const once = (m: string) => memo.get(m) ?? (memo.set(m, classify(m)), memo.get(m)!);
  return foldSymptoms(collectSymptoms(evidence, once), roots, once);
}
