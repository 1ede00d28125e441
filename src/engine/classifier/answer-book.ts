import { deepFreeze } from '../deep-freeze.js';
import type { Compiled } from './automaton.js';
import { answerOf, rank, type Answer } from './rank.js';

/**
 * The answers of one classifier's block mode, interned: one frozen object per distinct answer, so a
 * stream can encode each answer once and find it again by identity, and a line whose matching
 * signatures were seen before is answered without ranking (ranking re-ran every hit's expression to
 * learn where it matched, and two lines in five of the bench's pull log match several signatures).
 */
export interface AnswerBook {
  /**
   * The answer for `text` (the judged text) whose matching signatures are hits[0, nh), in the order
   * the pre-filter found them; may reorder that range.
   */
  answer(text: string, hits: Int32Array, nh: number): Answer;
}

/** Distinct answers kept per map; past it the map starts again (answers stay right, only re-ranked). */
const MAX_KEPT = 4096;

export function createAnswerBook(sigs: readonly Compiled[]): AnswerBook {
  const unknown: Answer = deepFreeze({ cause: 'unknown', confidence: 0, alternatives: [] });
  const single: (Answer | undefined)[] = new Array(sigs.length);
  // A set of matching signatures as a number: its indices ascending, in base sigs.length + 1, exact
  // while below 2^53 — up to `keyedHits` signatures.
  const radix = sigs.length + 1;
  const keyedHits = Math.floor(Math.log(Number.MAX_SAFE_INTEGER) / Math.log(radix));
  const bySet = new Map<number, Answer>();
  const byContent = new Map<string, Answer>();

  /** One object per distinct content: answers ranked by position come out new each time. */
  const intern = (a: Answer): Answer => {
    // Confidence and check are part of an answer's content: the same winner and alternatives come with a lower
    // confidence and a check when another sure signature of equal rank also matched (two failures in one text).
    let key = `${a.signature ?? ''} ${a.confidence} ${a.check ?? ''}`;
    for (const alt of a.alternatives) key += `\n${alt.cause} ${alt.signature} ${alt.confidence}`;
    let kept = byContent.get(key);
    if (kept === undefined) {
      if (byContent.size >= MAX_KEPT) byContent.clear();
      byContent.set(key, (kept = deepFreeze(a)));
    }
    return kept;
  };

  return {
    answer(text, hits, nh) {
      if (nh === 0) return unknown;
      if (nh === 1) return (single[hits[0]] ??= intern(answerOf([sigs[hits[0]]])));
      // Only signatures of equal specificity are ranked by where they match (then by catalog
      // order); without such a pair the set alone decides the answer.
      // A text of several lines is ranked by where its hits match too (./rank.ts knownOutsideNoiseRecords).
      if (nh > keyedHits || hasSpecificityTie(sigs, hits, nh) || text.indexOf('\n') !== -1) {
        const { message: _m, matched: _x, ...a } = rank(text, text, sigs, hits, nh);
        return intern(a);
      }
      sortAscending(hits, nh);
      let key = 0;
      for (let k = 0; k < nh; k++) key = key * radix + hits[k] + 1;
      let a = bySet.get(key);
      if (a === undefined) {
        const ranked = Array.from(hits.subarray(0, nh), (i) => sigs[i]).sort((x, y) => y.sig.specificity - x.sig.specificity);
        if (bySet.size >= MAX_KEPT) bySet.clear();
        bySet.set(key, (a = intern(answerOf(ranked))));
      }
      return a;
    },
  };
}

function sortAscending(xs: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const x = xs[i];
    let j = i - 1;
    for (; j >= 0 && xs[j] > x; j--) xs[j + 1] = xs[j];
    xs[j + 1] = x;
  }
}

function hasSpecificityTie(sigs: readonly Compiled[], hits: Int32Array, nh: number): boolean {
  for (let i = 1; i < nh; i++) for (let j = 0; j < i; j++) if (sigs[hits[i]].sig.specificity === sigs[hits[j]].sig.specificity) return true;
  return false;
}
