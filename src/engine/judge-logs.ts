import type { Classification } from '../catalog/types.js';
import type { RawLogLine } from '../evidence/node.js';
import type { JudgedLogLine } from '../findings/judged-log-line.js';
import { stripLogHeader } from '../parsers/log-line.js';

/**
 * Judges a node's raw log lines with the classifier of this run: the lines it names a cause for,
 * most frequent first. A cause a bundle stored with a line (older versions judged at gather time) is
 * replaced, so a newer catalog re-judges an old bundle.
 */
export function judgeLogs(lines: readonly RawLogLine[], classify: (message: string) => Classification): JudgedLogLine[] {
  const out: JudgedLogLine[] = [];
  for (const l of lines) {
    const c = classify(stripLogHeader(l.text));
    if (c.cause === 'unknown') continue;
    const judged: JudgedLogLine = { ...l, cause: c.cause, confidence: c.confidence };
    if (c.signature) judged.signature = c.signature;
    else delete judged.signature;
    out.push(judged);
  }
  return out.sort((a, b) => b.count - a.count);
}
