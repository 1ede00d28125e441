import { SIGNATURES } from './signatures.js';
import type { Classification, Signature } from './types.js';

interface Compiled {
  sig: Signature;
  re: RegExp;
}

let compiled: Compiled[] | undefined;

function compile(): Compiled[] {
  compiled ??= SIGNATURES.map((sig) => ({ sig, re: new RegExp(sig.pattern, 'i') }));
  return compiled;
}

/** Names the cause of one message, by the most specific signature that matches. */
export function classify(message: string): Classification {
  const lower = message.toLowerCase();
  const hits: { c: Compiled; m: RegExpExecArray }[] = [];
  for (const c of compile()) {
    if (c.sig.anchors.length && !c.sig.anchors.some((a) => lower.includes(a))) continue;
    const m = c.re.exec(message);
    if (m) hits.push({ c, m });
  }
  if (!hits.length) return { message, cause: 'unknown', confidence: 0, alternatives: [] };
  hits.sort((a, b) => b.c.sig.specificity - a.c.sig.specificity || b.m.index - a.m.index);
  const best = hits[0];
  const seen = new Set([best.c.sig.cause]);
  const alternatives: Classification['alternatives'] = [];
  for (const h of hits.slice(1)) {
    if (seen.has(h.c.sig.cause)) continue;
    seen.add(h.c.sig.cause);
    alternatives.push({ cause: h.c.sig.cause, confidence: h.c.sig.confidence, signature: h.c.sig.id });
  }
  return {
    message,
    cause: best.c.sig.cause,
    confidence: best.c.sig.confidence,
    signature: best.c.sig.id,
    matched: best.m[0],
    alternatives,
  };
}
