/**
 * Log lines as supporting evidence: the engine judges the node's raw flanneld, kubelet and containerd
 * log lines into cause ids (ctx.logs); a rule that finds a fault from the node's current state appends
 * the lines of the same cause, so the report shows both what is wrong and what it broke.
 */
import type { NodeEvidence } from '../evidence/node.js';
import type { EvidenceItem } from '../findings/finding.js';
import type { JudgedLogLine } from '../findings/judged-log-line.js';
import type { Report, NodeContext } from './define-rule.js';

/** Lines below this classifier confidence are not shown as proof. */
export const MIN_LOG_CONFIDENCE = 0.75;

export function logLines(logs: readonly JudgedLogLine[], cause: string): JudgedLogLine[] {
  return logs.filter((l) => l.cause === cause && l.confidence >= MIN_LOG_CONFIDENCE).sort((a, b) => b.count - a.count);
}

export function logItem(node: Readonly<NodeEvidence>, l: JudgedLogLine): EvidenceItem {
  const text = l.text.length > 300 ? `${l.text.slice(0, 297)}…` : l.text;
  return { where: `node ${node.name}: ${l.file}:${l.line}${l.component ? ` (${l.component})` : ''}`, what: l.count > 1 ? `${text} (×${l.count})` : text };
}

export function logEvidence(ctx: Pick<NodeContext<string>, 'node' | 'logs'>, cause: string, max = 2): EvidenceItem[] {
  return logLines(ctx.logs, cause).slice(0, max).map((l) => logItem(ctx.node, l));
}

/** Wraps ctx.report so every finding carries the node's log lines of its cause. */
export function reportWithLogs<M extends string>(ctx: NodeContext<M>, defaultCause: string): (r: Report<M>) => void {
  return (r) => ctx.report({ ...r, evidence: [...r.evidence, ...logEvidence(ctx, r.cause ?? defaultCause)] });
}
