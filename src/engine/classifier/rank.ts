import type { Classification } from '../../catalog/types.js';
import type { Compiled } from './automaton.js';

/** From this confidence an answer claims to be sure; below it `explain` adds the deciding check. */
export const SURE = 0.9;

/**
 * Runs the candidates' regular expressions and ranks the hits: the highest specificity wins, ties go
 * to the match that starts later (wrapped errors read outer → inner, and the inner one is the cause).
 */
export function rank(message: string, text: string, sigs: readonly Compiled[], cand: Int32Array, nc: number): Classification {
  let best: Compiled | undefined;
  let bestMatch: RegExpExecArray | null = null;
  // Few candidates per line: a small local list rather than sorting objects.
  let hits: { c: Compiled; at: number }[] | undefined;
  for (let k = 0; k < nc; k++) {
    const c = sigs[cand[k]];
    const m = c.re.exec(text);
    if (!m) continue;
    (hits ??= []).push({ c, at: m.index });
    if (!best || c.sig.specificity > best.sig.specificity || (c.sig.specificity === best.sig.specificity && m.index > bestMatch!.index)) {
      best = c;
      bestMatch = m;
    }
  }
  if (!best || !bestMatch || !hits) return { message, cause: 'unknown', confidence: 0, alternatives: [] };
  const confidence = best.sig.cause === 'unknown' ? 0 : best.sig.confidence;
  const out: Classification = {
    message,
    cause: best.sig.cause,
    confidence,
    signature: best.sig.id,
    matched: bestMatch[0].length > 240 ? bestMatch[0].slice(0, 240) + '…' : bestMatch[0],
    alternatives: alternativesOf(best, hits),
  };
  if (best.sig.check && confidence < SURE) out.check = best.sig.check;
  return out;
}

function alternativesOf(best: Compiled, hits: { c: Compiled; at: number }[]): Classification['alternatives'] {
  const out: Classification['alternatives'] = [];
  if (hits.length > 1) hits.sort((x, y) => y.c.sig.specificity - x.c.sig.specificity || y.at - x.at);
  // An ambiguous (unknown) signature outranks the generic texts inside it on purpose: they are not alternatives.
  for (const h of best.sig.cause === 'unknown' ? [] : hits) {
    const cause = h.c.sig.cause;
    if (cause === best.sig.cause || cause === 'unknown' || out.some((o) => o.cause === cause)) continue;
    out.push({ cause, confidence: Math.min(h.c.sig.confidence, best.sig.confidence), signature: h.c.sig.id });
  }
  for (const cause of best.sig.alternatives ?? []) {
    if (cause === best.sig.cause || out.some((o) => o.cause === cause)) continue;
    out.push({ cause, confidence: Math.round(best.sig.confidence * 50) / 100, signature: best.sig.id });
  }
  return out;
}
