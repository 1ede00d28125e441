/**
 * `probe bandwidth` results as evidence: the measured pairs go into the probe evidence, where the
 * bandwidth rule (needs `probes.bandwidth`, src/rules/probe/bandwidth-probe.ts) judges them. The
 * probe measures; what the figures mean is the rule's.
 */
import type { BandwidthPairResult } from '../evidence/probes.js';
import { emptyProbes } from '../evidence/probes.js';
import type { Evidence } from '../evidence/types.js';

/** Adds measured pairs; `tolerance` (the noise share the operator chose) goes with them for the rule. */
export function mergeBandwidth(evidence: Evidence, results: readonly BandwidthPairResult[], tolerance?: number): void {
  evidence.probes ??= emptyProbes();
  evidence.probes.bandwidth = [...(evidence.probes.bandwidth ?? []), ...results];
  if (tolerance !== undefined) evidence.probes.bandwidthTolerance = tolerance;
  if (!evidence.probes.ran.includes('bandwidth')) evidence.probes.ran.push('bandwidth');
  if (!evidence.sources.includes('probe')) evidence.sources.push('probe');
}
