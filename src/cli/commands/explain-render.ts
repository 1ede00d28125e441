import { getCause } from '../../catalog/index.js';
import { placeMessage } from '../../catalog/symptom-words.js';
import type { Cause, Classification } from '../../catalog/types.js';
import { subjectOf } from '../../catalog/signature-subjects.js';
import type { Style } from '../../report/style.js';
import { fillTemplate } from '../../fix/placeholders.js';
import { fixLines } from '../../fix/steps.js';
import { factValues, messageFacts } from './explain-facts.js';

/** Longest message echoed back in JSON output; longer ones are cut and marked `truncated`. */
export const MAX_ECHOED = 4096;

export interface ExplainJson {
  message: string;
  truncated?: true;
  length?: number;
  cause: string;
  confidence: number;
  tier: string | null;
  title: string | null;
  signature: string | null;
  matched: string | null;
  alternatives: { cause: string; confidence: number }[];
  /** Present when the answer is not sure: the check that decides between the candidates. */
  check?: string;
  fix?: string[];
  verify?: string[];
  explanation?: string;
  docs?: string[];
  /**
   * Present when no signature fits but the message's words place it under a symptom: where to look first
   * (its candidates and the commands that decide, with <placeholders>). The cause stays `unknown`.
   */
  layer?: { symptom: string; title: string; tier: string; candidates: string[]; decide: string[] };
}

/**
 * The cause as `explain` presents it: the catalog's, with the title, meaning, fix and confirm lines of the matched
 * signature's subject when it has one (a cause read by its mechanism from another server than the cause's own).
 */
function presented(c: Classification): Cause | undefined {
  const cause = c.cause === 'unknown' ? undefined : getCause(c.cause);
  if (!cause || !c.signature) return cause;
  const subject = subjectOf(c.signature);
  return subject ? { ...cause, title: subject.title, explanation: subject.explanation, fix: subject.fix, verify: subject.verify ?? [], docs: subject.docs ?? [] } : cause;
}

/** The symptom an unrecognised message belongs to, in output form; undefined for any other answer. */
function layerOf(c: Classification): ExplainJson['layer'] {
  if (c.cause !== 'unknown' || c.signature) return undefined;
  const spec = placeMessage(c.message);
  if (!spec) return undefined;
  return { symptom: spec.kind, title: spec.title, tier: spec.tier, candidates: [...spec.candidates], decide: spec.decide.map((d) => d.replace(/\{(\w+)\}/g, '<$1>')) };
}

/** The JSON form of one answer; `full` adds the catalog's explanation, fix, verify and docs. */
export function toJson(c: Classification, full = false): ExplainJson {
  const cause = presented(c);
  const long = c.message.length > MAX_ECHOED;
  const out: ExplainJson = {
    message: long ? c.message.slice(0, MAX_ECHOED) + '…' : c.message,
    ...(long ? { truncated: true as const, length: c.message.length } : {}),
    cause: c.cause,
    confidence: c.confidence,
    tier: cause?.tier ?? null,
    title: cause?.title ?? null,
    signature: c.signature ?? null,
    matched: c.matched ?? null,
    alternatives: c.alternatives.map((a) => ({ cause: a.cause, confidence: a.confidence })),
    ...(c.check ? { check: c.check } : {}),
  };
  const layer = layerOf(c);
  if (layer) out.layer = layer;
  if (full && cause) {
    const values = factValues(messageFacts(c.message));
    out.explanation = cause.explanation;
    out.fix = fixLines(cause.fix, values);
    out.verify = (cause.verify ?? []).map((s) => fillTemplate(s, values).text);
    out.docs = cause.docs ?? [];
  }
  return out;
}

/** The human answer for one message: verdict first, then meaning, fix, how to confirm, alternatives. */
export function renderExplanation(c: Classification, style: Style): string {
  if (c.cause === 'unknown' && c.signature) {
    // Recognised, but the text alone names no cause (a probe failure, the API server unreachable…).
    const out = [
      `${style.bold('cause:')} unknown ${style.dim(`(recognised as ${c.signature}: the text alone does not name a cause)`)}`,
    ];
    if (c.matched) out.push(`${style.bold('seen:')}  ${style.cyan(c.matched)}`);
    if (c.alternatives.length) {
      out.push('', style.bold('check these:'));
      for (const a of c.alternatives) out.push(`  - ${a.cause}: ${getCause(a.cause)?.title ?? ''}`);
    }
    if (c.check) out.push('', `${style.bold('to decide:')} ${c.check}`);
    out.push('', 'Run `flannel-doctor diagnose` to decide from evidence.');
    return out.join('\n') + '\n';
  }
  if (c.cause === 'unknown') {
    const head =
      `${style.bold('cause:')} unknown\n` +
      'No signature fits this message: it names no specific cause (generic wrappers such as ErrImagePull or\n' +
      'ImagePullBackOff carry the real error further in; paste the full event message or kubelet log line),\n' +
      'or it is not one flannel-doctor knows. Run `flannel-doctor diagnose` for evidence-based checks.\n';
    const layer = layerOf(c);
    if (!layer) return head;
    const out = ['', `${style.bold('its words place it under:')} ${layer.title} ${style.dim(`(${layer.tier} layer; not a cause, where to look first)`)}`, '', style.bold('check these:')];
    for (const id of layer.candidates) out.push(`  - ${id}: ${getCause(id)?.title ?? ''}`);
    out.push('', style.bold('to decide:'));
    for (const d of layer.decide) out.push(`  $ ${d}`);
    return head + out.join('\n') + '\n';
  }
  const cause = presented(c);
  const values = factValues(messageFacts(c.message));
  const fill = (s: string) => fillTemplate(s, values).text;
  const conf = c.confidence >= 0.85 ? style.green(c.confidence.toFixed(2)) : c.confidence >= 0.6 ? style.yellow(c.confidence.toFixed(2)) : style.red(c.confidence.toFixed(2));
  const out = [
    `${style.bold('cause:')}      ${style.bold(c.cause)} — ${cause?.title ?? ''}`,
    `${style.bold('tier:')}       ${cause?.tier ?? '?'}`,
    `${style.bold('confidence:')} ${conf}${c.confidence < 0.6 ? style.dim('  (the text alone fits several causes; see the alternatives)') : ''}`,
  ];
  if (c.matched) out.push(`${style.bold('seen:')}       ${style.cyan(c.matched)}`);
  if (cause?.explanation) out.push('', style.bold('meaning:'), ...wrapText(cause.explanation, 100).map((l) => `  ${l}`));
  if (cause?.fix.length) {
    out.push('', style.bold('fix:'));
    fixLines(cause.fix, values).forEach((s, i) => out.push(`  ${i + 1}. ${s}`));
  }
  if (cause?.verify?.length) {
    out.push('', style.bold('confirm:'));
    for (const v of cause.verify) out.push(`  $ ${fill(v)}`);
  }
  if (c.alternatives.length) {
    out.push('', style.bold('also possible:'));
    for (const a of c.alternatives) out.push(`  - ${a.cause} ${style.dim(`(${a.confidence.toFixed(2)})`)} ${getCause(a.cause)?.title ?? ''}`);
  }
  if (c.check) out.push('', `${style.bold('to decide:')} ${c.check}`);
  if (cause?.docs?.length) out.push('', `${style.bold('read more:')} ${cause.docs.join('; ')}; docs/causes/${c.cause}.md`);
  return out.join('\n') + '\n';
}

function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
