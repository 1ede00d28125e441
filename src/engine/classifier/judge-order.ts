import type { Compiled } from './automaton.js';

/**
 * Runs the candidates' expressions best-ranked first and skips those whose match could not change the
 * answer (`answerOf` in ./rank.ts), so a stream's answers are those of every hit while fewer
 * expressions run. A candidate is skipped when a signature of strictly higher specificity has matched
 * and either
 *  - names the candidate's cause: that one ranks before it, decides the cause's place among the
 *    alternatives, and so the candidate can be neither the winner nor a new alternative; or
 *  - the candidate names `unknown`: it cannot win, and an unknown is never an alternative;
 * and none is run once every hit of the highest specificity names `unknown`: the winner is then one of
 * them, and an unknown winner takes its alternatives from its own signature alone.
 * The hits it returns are a subset of all hits with the same answer, which the answer book ranks; for a text of
 * several lines, all of them.
 */
export interface JudgeOrder {
  /** Tests list[0, nc) against `text` (reordering the list); writes the hits that matter to `hits`, returns how many. */
  hits(text: string, list: Int32Array, nc: number, hits: Int32Array): number;
}

export function createJudgeOrder(sigs: readonly Compiled[]): JudgeOrder {
  const n = sigs.length;
  // Rank position: specificity descending, then catalog order.
  const byRank = Array.from({ length: n }, (_, i) => i).sort((x, y) => sigs[y].sig.specificity - sigs[x].sig.specificity || x - y);
  const rankOf = new Int32Array(n);
  byRank.forEach((i, r) => (rankOf[i] = r));
  const specificity = Int32Array.from(sigs, (c) => c.sig.specificity);
  // Causes as small numbers; 0 is `unknown`.
  const causeIds = new Map<string, number>([['unknown', 0]]);
  const cause = Int32Array.from(sigs, (c) => {
    let id = causeIds.get(c.sig.cause);
    if (id === undefined) causeIds.set(c.sig.cause, (id = causeIds.size));
    return id;
  });
  /** above[cause] === stamp: a hit of strictly higher specificity than the level being judged names it. */
  const above = new Uint32Array(causeIds.size);
  let stamp = 0;

  return {
    hits(text, list, nc, hits) {
      // A text of several lines is judged on every hit: an unknown winner there may settle only its own records
      // (./rank.ts knownOutsideNoiseRecords), so no candidate can be skipped. Streams judge one line at a time.
      if (text.indexOf('\n') !== -1) {
        let nh = 0;
        for (let k = 0; k < nc; k++) if (sigs[list[k]].re.test(text)) hits[nh++] = list[k];
        return nh;
      }
      for (let k = 1; k < nc; k++) {
        const x = list[k];
        let j = k - 1;
        for (; j >= 0 && rankOf[list[j]] > rankOf[x]; j--) list[j + 1] = list[j];
        list[j + 1] = x;
      }
      if (++stamp === 0xffffffff) {
        above.fill(0);
        stamp = 1;
      }
      let nh = 0;
      let level = -1; // specificity of the level being judged
      let levelStart = 0; // hits[levelStart, nh) are of that level
      for (let k = 0; k < nc; k++) {
        const i = list[k];
        if (specificity[i] !== level) {
          if (levelStart === 0 && nh > 0) {
            // Leaving the highest level with hits: an unknown winner settles the answer.
            let known = false;
            for (let h = 0; h < nh && !known; h++) known = cause[hits[h]] !== 0;
            if (!known) return nh;
          }
          for (let h = levelStart; h < nh; h++) above[cause[hits[h]]] = stamp;
          levelStart = nh;
          level = specificity[i];
        }
        if (levelStart > 0 && (cause[i] === 0 || above[cause[i]] === stamp)) continue;
        if (sigs[i].re.test(text)) hits[nh++] = i;
      }
      return nh;
    },
  };
}
