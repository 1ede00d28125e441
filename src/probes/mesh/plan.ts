/**
 * Which node pairs the mesh probe checks. Small clusters: every ordered pair. Large ones: a ring
 * (each node to its successor, so every node sends and receives) plus a few chords per node chosen
 * by a seeded shuffle — O(n·k) pairs instead of O(n²), and a single broken node still shows as the
 * one node in every failing pair while each of its peers has a passing pair elsewhere.
 */
import { seededRandom } from '../../seeded-random.js';

export interface MeshPlanOptions {
  /** Up to this many nodes every ordered pair is probed. Default 24. */
  fullMeshMax?: number;
  /** Extra random peers per node in sampled mode (besides the ring). Default 2. */
  chords?: number;
  /** Seed for the chord choice, so a plan is reproducible. Default 1. */
  seed?: number;
}

export interface MeshPlan {
  mode: 'full' | 'sampled';
  pairs: [string, string][];
}


export function planMesh(nodes: readonly string[], opts: MeshPlanOptions = {}): MeshPlan {
  const names = [...new Set(nodes)];
  const n = names.length;
  if (n < 2) return { mode: 'full', pairs: [] };
  if (n <= (opts.fullMeshMax ?? 24)) {
    const pairs: [string, string][] = [];
    for (const a of names) for (const b of names) if (a !== b) pairs.push([a, b]);
    return { mode: 'full', pairs };
  }
  const rnd = seededRandom(opts.seed ?? 1);
  const k = Math.max(0, Math.min(opts.chords ?? 2, n - 2));
  const seen = new Set<string>();
  const pairs: [string, string][] = [];
  const add = (a: string, b: string) => {
    const key = `${a}\u0000${b}`;
    if (a === b || seen.has(key)) return false;
    seen.add(key);
    pairs.push([a, b]);
    return true;
  };
  // ring: i → i+1 (and back, so each node is probed in both roles by its neighbour)
  for (let i = 0; i < n; i++) {
    add(names[i]!, names[(i + 1) % n]!);
    add(names[(i + 1) % n]!, names[i]!);
  }
  for (let i = 0; i < n; i++) {
    let added = 0;
    for (let tries = 0; added < k && tries < 8 * k + 8; tries++) {
      const j = Math.floor(rnd() * n);
      if (Math.abs(j - i) <= 1 || (i === 0 && j === n - 1) || (j === 0 && i === n - 1)) continue;
      if (add(names[i]!, names[j]!)) added++;
    }
  }
  return { mode: 'sampled', pairs };
}
