/**
 * A benchmark suite measures one thing of ours against its named peer in the same run and reports
 * the ratio. `bench/run.ts` discovers every file in bench/suites/, runs them in turn and prints a
 * table (or JSON with --json). Targets are checked here, never in unit tests.
 */
export interface Measurement {
  /** What was measured, e.g. "messages/s", "ms (median)", "MB peak RSS". */
  unit: string;
  value: number;
  /** Free notes: sample counts, match counts, versions. */
  note?: string;
}

export interface SuiteResult {
  suite: string;
  ours: Measurement & { label: string };
  peer: Measurement & { label: string };
  /** ours relative to peer, oriented so that > 1 means ours is better. */
  ratio: number;
  /** What the ratio divides, and which way is better, e.g. "rg CPU ÷ ours CPU (> 1: ours faster)". */
  ratioSays?: string;
  /** The target, e.g. ">= 0.5x rg", and whether it was met. */
  target: string;
  met: boolean;
  extra?: Record<string, number | string>;
}

export interface Suite {
  name: string;
  description: string;
  /** Return undefined with a reason when a prerequisite (peer binary, root) is missing. */
  run(opts: { quick: boolean; log: (line: string) => void }): Promise<SuiteResult | { skipped: string }>;
}
