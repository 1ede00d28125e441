import type { NodeEvidence, NodeKey, ParseProblem } from '../../evidence/node.js';
import type { HostFiles } from './files.js';
import type { CommandRunner } from './runner.js';

/** What every gatherer gets: the files under the host root, the command runner, and the evidence to fill. */
export interface GatherContext {
  files: HostFiles;
  run: CommandRunner;
  node: NodeEvidence;
  /** Reads kernel state files (/proc/sys, /proc/net) as the node sees them. */
  readKernel(paths: string[]): Promise<Record<string, string>>;
  /** Marks an evidence key as gathered (rules declare needs against these keys). */
  gathered(key: NodeKey): void;
  isGathered(key: NodeKey): boolean;
  problem(p: ParseProblem): void;
}
