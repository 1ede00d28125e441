/**
 * Which node pairs `probe bandwidth` measures. Runs go one after another (two at once would share the
 * links and CPUs they measure), so the default is a ring: every node sends once and receives once.
 */
export type BandwidthPairMode = 'ring' | 'full';

export function bandwidthPairs(names: readonly string[], mode: BandwidthPairMode): [string, string][] {
  const sorted = [...names].sort();
  if (sorted.length < 2) return [];
  if (mode === 'full') return sorted.flatMap((a) => sorted.filter((b) => b !== a).map((b) => [a, b] as [string, string]));
  if (sorted.length === 2) return [[sorted[0]!, sorted[1]!]];
  return sorted.map((a, i) => [a, sorted[(i + 1) % sorted.length]!] as [string, string]);
}
