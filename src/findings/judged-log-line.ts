import type { RawLogLine } from '../evidence/node.js';

/** A node's log line as the engine judged it in this run: the cause its catalog names for the text. */
export interface JudgedLogLine extends RawLogLine {
  cause: string;
  confidence: number;
  /** The catalog signature that matched. */
  signature?: string;
}
