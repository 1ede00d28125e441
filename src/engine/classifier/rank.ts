import type { Classification } from '../../catalog/types.js';
import type { Compiled } from './automaton.js';

/** From this confidence an answer claims to be sure; below it `explain` adds the deciding check. */
export const SURE = 0.9;

/** The confidence of an answer whose text also reports another, equally sure failure. */
const TWO_FAILURES = 0.8;

/**
 * What a classification says apart from the message it judged: cause, confidence, signature,
 * alternatives and check. A function of the matching signatures (and, between signatures of equal
 * specificity, of where they match), so many messages share one.
 */
export type Answer = Readonly<Omit<Classification, 'message' | 'matched'>>;

/**
 * Runs the candidates' regular expressions and ranks the hits: the highest specificity wins, ties go
 * to the match that starts later (wrapped errors read outer → inner, and the inner one is the cause),
 * and then to the signature listed first in the catalog — never to the order a pre-filter found
 * them in, so `explain MSG` and `explain --stdin` give one answer.
 */
export function rank(message: string, text: string, sigs: readonly Compiled[], cand: Int32Array, nc: number): Classification {
  let best: Compiled | undefined;
  let bestMatch: RegExpExecArray | null = null;
  // Few candidates per line: a small local list rather than sorting objects.
  let hits: { c: Compiled; at: number; i: number }[] | undefined;
  let bestIndex = -1;
  for (let k = 0; k < nc; k++) {
    const i = cand[k];
    const c = sigs[i];
    const m = c.re.exec(text);
    if (!m) continue;
    (hits ??= []).push({ c, at: m.index, i });
    const d = best ? c.sig.specificity - best.sig.specificity || m.index - bestMatch!.index || bestIndex - i : 1;
    if (d > 0) {
      best = c;
      bestMatch = m;
      bestIndex = i;
    }
  }
  if (!best || !bestMatch || !hits) return { message, cause: 'unknown', confidence: 0, alternatives: [] };
  // The same order as the winner's rule: specificity, then the later match, then catalog order.
  if (hits.length > 1) hits.sort((x, y) => y.c.sig.specificity - x.c.sig.specificity || y.at - x.at || x.i - y.i);
  const pick = hits.length < 2 ? -1 : best.sig.recordOnly ? knownOutsideNoiseRecords(text, hits) : best.sig.explainedBy ? explanationOnOtherLine(text, hits) : -1;
  if (pick > 0) {
    const [chosen] = hits.splice(pick, 1);
    hits.unshift(chosen);
    bestMatch = chosen.c.re.exec(text) ?? bestMatch;
  }
  const a = answerOf(hits.map((h) => h.c));
  const out: Classification = {
    message,
    cause: a.cause,
    confidence: a.confidence,
    signature: a.signature,
    matched: quoted(bestMatch),
    alternatives: a.alternatives,
  };
  if (a.check) out.check = a.check;
  return out;
}

/**
 * A line that opens a log record (klog, syslog/journal, logfmt, JSON, bracketed levels, ISO dates, kubeadm's
 * `[preflight]` phase lines and its indented `[WARNING Swap]:` / `[ERROR …]:` check lines, logrus's text form without
 * a terminal's timestamps as crictl prints it: `WARN[0000] `, `ERRO[0000] `, `FATA[0002] `); others continue one.
 */
export const RECORD_START = /^(?:[IWEF]\d{4} |(?:TRAC|DEBU|INFO|WARN|ERRO|FATA|PANI)\[\d{4,}\] |[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d |time=|level=|\{|\[(?:INFO|ERROR|WARNING|WARN|DEBUG|FATAL)\]|\d{4}-\d\d-\d\d|[ \t]*\[(?:WARNING|ERROR) [\w.-]+\]:|\[[a-z][\w-]*(?:\/[\w-]+)?\] )/;

/**
 * A signature marked `recordOnly` (a line a component prints beside the failure: cAdvisor's probe of runtimes the
 * node does not run, the kubelet's nameserver-limits warning) speaks for its own log records, not for a paste's
 * others. When such a hit is best, the best-ranked hit naming a cause outside every record those signatures
 * matched wins — its index in `hits` (ranked best first). Failing that, the best recordOnly hit that names a
 * cause; -1 when the text is one line or nothing does (the best answer stands), and an unknown hit that speaks for
 * the whole text, ranked above them, wins.
 */
export function knownOutsideNoiseRecords(text: string, hits: readonly { c: Compiled; at: number }[]): number {
  if (text.indexOf('\n') === -1) return -1;
  const covered: number[] = [];
  // A side record that names a cause still says more than side records that name none: the answer when nothing else does.
  let sideCause = -1;
  for (let k = 0; k < hits.length; k++) {
    const { sig } = hits[k].c;
    const at = hits[k].at;
    let inside = false;
    for (let j = 0; j < covered.length && !inside; j += 2) inside = at >= covered[j] && at < covered[j + 1];
    if (sig.cause !== 'unknown' && sig.recordOnly && !inside && sideCause < 0) sideCause = k;
    if (sig.cause !== 'unknown' && !sig.recordOnly) {
      if (!inside) return k;
      continue;
    }
    // An unknown that speaks for the whole text settles it, unless it only read a harmless record already set aside.
    if (!sig.recordOnly && !inside) return hits[0].c.sig.cause === 'unknown' ? -1 : k;
    for (const m of text.matchAll(new RegExp(sig.pattern, 'gi'))) covered.push(...recordAround(text, m.index, m.index + m[0].length));
  }
  return sideCause;
}

/**
 * A consequence's signature (`explainedBy`) gives way, in a paste of several lines, to the best-ranked hit on a
 * line it did not match that names one of the causes explaining it: its index in `hits`, or -1.
 */
export function explanationOnOtherLine(text: string, hits: readonly { c: Compiled; at: number }[]): number {
  if (text.indexOf('\n') === -1) return -1;
  const { explainedBy, pattern } = hits[0].c.sig;
  const lines: number[] = [];
  for (const m of text.matchAll(new RegExp(pattern, 'gi'))) {
    const end = text.indexOf('\n', m.index + m[0].length);
    lines.push(text.lastIndexOf('\n', m.index - 1) + 1, end === -1 ? text.length : end);
  }
  for (let k = 1; k < hits.length; k++) {
    if (!explainedBy!.includes(hits[k].c.sig.cause)) continue;
    const at = hits[k].at;
    let same = false;
    for (let j = 0; j < lines.length && !same; j += 2) same = at >= lines[j] && at <= lines[j + 1];
    if (!same) return k;
  }
  return -1;
}

/** The log record holding text[from, to): from its opening line to the line before the next record opens. */
function recordAround(text: string, from: number, to: number): [number, number] {
  let start = text.lastIndexOf('\n', from - 1) + 1;
  // The line before starts after the newline before its own; a text opening with a newline has its first line
  // empty at 0 (lastIndexOf clamps a negative start to 0 and would find that newline again, forever).
  while (start > 0 && !RECORD_START.test(text.slice(start, start + 48))) start = start < 2 ? 0 : text.lastIndexOf('\n', start - 2) + 1;
  let end = text.indexOf('\n', to);
  while (end !== -1 && !RECORD_START.test(text.slice(end + 1, end + 49))) end = text.indexOf('\n', end + 1);
  return [start, end === -1 ? text.length : end];
}

/** The answer of matching signatures ranked best first (specificity, then the later match). */
export function answerOf(ranked: readonly Compiled[]): Answer {
  const best = ranked[0].sig;
  const confidence = best.cause === 'unknown' ? 0 : best.confidence;
  const alternatives: Classification['alternatives'] = [];
  // An ambiguous (unknown) signature outranks the generic texts inside it on purpose: they are not alternatives.
  for (const { sig } of best.cause === 'unknown' ? [] : ranked) {
    if (sig.cause === best.cause || sig.cause === 'unknown' || alternatives.some((o) => o.cause === sig.cause)) continue;
    alternatives.push({ cause: sig.cause, confidence: Math.min(sig.confidence, best.confidence), signature: sig.id });
  }
  for (const cause of best.alternatives ?? []) {
    if (cause === best.cause || alternatives.some((o) => o.cause === cause)) continue;
    alternatives.push({ cause, confidence: Math.round(best.confidence * 50) / 100, signature: best.id });
  }
  // Two sure signatures of equal rank for different causes (kubeadm's preflight lists every failed check):
  // the text reports two failures, and which one the reader is after it cannot say.
  const rival = confidence >= SURE ? ranked.find(({ sig }, k) => k > 0 && sig.cause !== best.cause && sig.cause !== 'unknown' && sig.confidence >= SURE && sig.specificity === best.specificity) : undefined;
  const sure = rival ? TWO_FAILURES : confidence;
  const out: { -readonly [K in keyof Answer]: Answer[K] } = { cause: best.cause, confidence: sure, signature: best.id, alternatives };
  if (rival) out.check = `the text reports more than one failure: ${best.cause} (${best.id}) and ${rival.sig.cause} (${rival.sig.id}); each needs its own fix`;
  else if (best.check && confidence < SURE) out.check = best.check;
  return out;
}

/**
 * What the evidence quotes of a match: the group a signature names `key` when its pattern needs
 * context before the text that decides (a registry request before an x509 error), else the match.
 */
function quoted(m: RegExpExecArray): string {
  const text = m.groups?.key ?? m[0];
  return text.length > 240 ? text.slice(0, 240) + '…' : text;
}
