import { SIGNATURES } from './signatures.js';
import type { Classification, Signature } from './types.js';

/**
 * Names the cause of one message. Pure and allocation-light, because `explain --stdin` runs it on
 * hundreds of thousands of lines a second:
 *  1. one pass of an Aho-Corasick automaton over the lower-cased ASCII of the message finds which
 *     signatures have an anchor present (most signatures are skipped without touching their regex);
 *  2. only those candidates run their regular expression;
 *  3. the hit with the highest specificity wins, ties going to the match that starts later (wrapped
 *     errors read outer → inner, and the inner one is the cause). Other causes become alternatives.
 */

/** Longer messages are judged by their head and tail: wrapped errors carry the cause at the ends. */
export const MAX_JUDGED = 64 * 1024;

interface Compiled {
  sig: Signature;
  re: RegExp;
}

interface Automaton {
  sigs: Compiled[];
  /** UTF-16 code unit → character class (0 = a character no anchor uses); a full table, no branch. */
  alpha: Uint8Array;
  classes: number;
  /**
   * trans[state + class] → next state, states pre-multiplied by `classes` (a full DFA: no failure
   * links at scan time). A negative entry -x means "go to x, and some anchor ends there".
   */
  trans: Int32Array;
  /** Signature indices whose anchor ends at a state: outSigs[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  outSigs: Int32Array;
  /** Scratch: per-signature stamp of the last scan that saw it, and the candidate list. */
  seen: Uint32Array;
  cand: Int32Array;
  stamp: number;
}

let automaton: Automaton | undefined;

function build(signatures: readonly Signature[]): Automaton {
  const sigs = signatures.map((sig) => ({ sig, re: new RegExp(sig.pattern, 'i') }));
  // Character classes: one per distinct character used by an anchor.
  const alpha = new Uint8Array(128);
  let classes = 1;
  for (const { sig } of sigs) {
    for (const a of sig.anchors) {
      for (let i = 0; i < a.length; i++) {
        const c = a.charCodeAt(i);
        if (c >= 128 || (c >= 65 && c <= 90) || c < 32) throw new Error(`signature ${sig.id}: anchor "${a}" must be lower-case printable ASCII`);
        if (!alpha[c]) alpha[c] = classes++;
      }
    }
  }
  for (let c = 65; c <= 90; c++) alpha[c] = alpha[c + 32]; // upper case reads as lower case
  const wide = new Uint8Array(65536);
  wide.set(alpha);
  // Trie of anchors.
  const goto: Map<number, number>[] = [new Map()];
  const outs: Set<number>[] = [new Set()];
  sigs.forEach(({ sig }, idx) => {
    if (!sig.anchors.length) throw new Error(`signature ${sig.id}: needs at least one anchor`);
    for (const a of sig.anchors) {
      let s = 0;
      for (let i = 0; i < a.length; i++) {
        const cls = alpha[a.charCodeAt(i)];
        let n = goto[s].get(cls);
        if (n === undefined) {
          n = goto.length;
          goto.push(new Map());
          outs.push(new Set());
          goto[s].set(cls, n);
        }
        s = n;
      }
      outs[s].add(idx);
    }
  });
  // Breadth-first: failure links folded into a full transition table, outputs merged along them.
  const n = goto.length;
  const trans = new Int32Array(n * classes);
  const fail = new Int32Array(n);
  const queue: number[] = [];
  for (let c = 0; c < classes; c++) {
    const t = goto[0].get(c);
    trans[c] = t ?? 0;
    if (t !== undefined) queue.push(t);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi];
    for (const o of outs[fail[s]]) outs[s].add(o);
    for (let c = 0; c < classes; c++) {
      const t = goto[s].get(c);
      if (t === undefined) trans[s * classes + c] = trans[fail[s] * classes + c];
      else {
        fail[t] = trans[fail[s] * classes + c];
        trans[s * classes + c] = t;
        queue.push(t);
      }
    }
  }
  const outStart = new Int32Array(n + 1);
  const flat: number[] = [];
  for (let s = 0; s < n; s++) {
    outStart[s] = flat.length;
    flat.push(...[...outs[s]].sort((a, b) => a - b));
  }
  outStart[n] = flat.length;
  // Pre-multiply states and flag the ones with output, so the scan loop does one load per character.
  const packed = new Int32Array(n * classes);
  for (let i = 0; i < packed.length; i++) {
    const t = trans[i];
    packed[i] = outs[t].size ? -(t * classes) : t * classes;
  }
  return {
    sigs,
    alpha: wide,
    classes,
    trans: packed,
    outStart,
    outSigs: Int32Array.from(flat),
    seen: new Uint32Array(sigs.length),
    cand: new Int32Array(sigs.length),
    stamp: 0,
  };
}

function getAutomaton(): Automaton {
  automaton ??= build(SIGNATURES);
  return automaton;
}

/**
 * Building the automaton costs tens of milliseconds, too much for a one-shot `explain "<msg>"`.
 * The first messages use plain indexOf on the lower-cased text (same candidates, slower per line);
 * after WARM_UP messages the automaton is built and used from then on.
 */
const WARM_UP = 200;
let calls = 0;
let simple: { sigs: Compiled[]; anchors: string[][]; cand: Int32Array } | undefined;

function simpleCandidates(text: string): { sigs: Compiled[]; cand: Int32Array; nc: number } {
  simple ??= {
    sigs: SIGNATURES.map((sig) => ({ sig, re: new RegExp(sig.pattern, 'i') })),
    anchors: SIGNATURES.map((sig) => sig.anchors),
    cand: new Int32Array(SIGNATURES.length),
  };
  const lower = text.toLowerCase();
  let nc = 0;
  for (let i = 0; i < simple.anchors.length; i++) {
    // toLowerCase also folds a few non-ASCII letters into ASCII (the Kelvin sign → k), so this path
    // may pass a candidate the automaton would not; its regex (non-unicode /i) then fails to match
    // the same way, so the answer is the same.
    if (simple.anchors[i].some((a) => lower.includes(a))) simple.cand[nc++] = i;
  }
  return { sigs: simple.sigs, cand: simple.cand, nc };
}

const found: { sigs: Compiled[]; cand: Int32Array; nc: number } = { sigs: [], cand: new Int32Array(0), nc: 0 };

/** Candidates of a message; the returned object is reused by the next call (no allocation per line). */
function findCandidates(text: string): { sigs: Compiled[]; cand: Int32Array; nc: number } {
  if (calls < WARM_UP) {
    calls++;
    return simpleCandidates(text);
  }
  const a = getAutomaton();
  found.sigs = a.sigs;
  found.cand = a.cand;
  found.nc = candidates(a, text);
  return found;
}

/** Test hook: force the pre-filter path ('simple' for the first messages, 'automaton' after). */
export function _setPrefilterMode(mode: 'simple' | 'automaton'): void {
  calls = mode === 'simple' ? Number.NEGATIVE_INFINITY : WARM_UP;
}

/** Fills a.cand with the indices of signatures whose anchors occur in the text; returns how many. */
function candidates(a: Automaton, text: string): number {
  nextStamp(a);
  const { alpha, trans, classes, outStart, outSigs, seen, cand, stamp } = a;
  let s = 0;
  let nc = 0;
  for (let i = 0, len = text.length; i < len; i++) {
    const c = text.charCodeAt(i);
    s = trans[s + alpha[c]];
    if (s < 0) {
      s = -s;
      const state = s / classes;
      const end = outStart[state + 1];
      for (let k = outStart[state]; k < end; k++) {
        const idx = outSigs[k];
        if (seen[idx] !== stamp) {
          seen[idx] = stamp;
          cand[nc++] = idx;
        }
      }
    }
  }
  return nc;
}

function clip(message: string): string {
  return message.length > MAX_JUDGED ? message.slice(0, MAX_JUDGED / 2) + '\n…\n' + message.slice(-MAX_JUDGED / 2) : message;
}

/**
 * The allocation-free path for streams: `null` when no signature matches, the signature when exactly
 * one matches (then `classify` would answer its cause with only its static alternatives), and
 * `undefined` when several match and the caller must use `classify` for the ranking.
 */
export function classifyOne(message: string): Signature | null | undefined {
  const text = clip(message);
  const { sigs, cand, nc } = findCandidates(text);
  let hit: Signature | null = null;
  for (let k = 0; k < nc; k++) {
    const c = sigs[cand[k]];
    if (!c.re.test(text)) continue;
    if (hit) return undefined;
    hit = c.sig;
  }
  return hit;
}

/**
 * Block mode for streams: one automaton pass over many lines (split on \n, a trailing \r dropped),
 * calling `emit` for each with the answer `classifyOne` gives, plus the full `classify` answer when
 * several signatures match. Scanning one flat string is cheaper
 * than scanning each line as its own slice; anchors never span lines because \n is in none of them.
 */
export function classifyLines(text: string, emit: (line: string, one: Signature | null | undefined, full?: Classification) => void): void {
  const a = getAutomaton();
  const { alpha, trans, classes, outStart, outSigs, seen, cand, sigs } = a;
  let s = 0;
  let nc = 0;
  let start = 0;
  let stamp = nextStamp(a);
  for (let i = 0, len = text.length; i <= len; i++) {
    const c = i < len ? text.charCodeAt(i) : 10;
    if (c === 10) {
      let end = i;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      const line = text.slice(start, end);
      if (line.length > MAX_JUDGED) emit(line, classifyOne(line));
      else {
        let hit: Signature | null | undefined = null;
        for (let k = 0; k < nc; k++) {
          const cc = sigs[cand[k]];
          if (!cc.re.test(line)) continue;
          if (hit) {
            hit = undefined;
            break;
          }
          hit = cc.sig;
        }
        // Several hits: rank them from the candidates already found, without a second scan.
        if (hit === undefined) emit(line, undefined, rank(line, line, sigs, cand, nc));
        else emit(line, hit);
      }
      start = i + 1;
      s = 0;
      nc = 0;
      stamp = nextStamp(a);
      continue;
    }
    s = trans[s + alpha[c]];
    if (s < 0) {
      s = -s;
      const state = s / classes;
      const stop = outStart[state + 1];
      for (let k = outStart[state]; k < stop; k++) {
        const idx = outSigs[k];
        if (seen[idx] !== stamp) {
          seen[idx] = stamp;
          cand[nc++] = idx;
        }
      }
    }
  }
}

function nextStamp(a: Automaton): number {
  if (++a.stamp === 0xffffffff) {
    a.seen.fill(0);
    a.stamp = 1;
  }
  return a.stamp;
}

/** Names the cause of one message, by the most specific signature that matches (or `unknown`). */
export function classify(message: string): Classification {
  const text = clip(message);
  const { sigs, cand, nc } = findCandidates(text);
  return rank(message, text, sigs, cand, nc);
}

/** Runs the candidates' regular expressions and ranks the hits: specificity, then the later (inner) match. */
function rank(message: string, text: string, sigs: Compiled[], cand: Int32Array, nc: number): Classification {
  let best: Compiled | undefined;
  let bestMatch: RegExpExecArray | null = null;
  // Few candidates per line: keep the hits in a small local list rather than sorting objects.
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

/** From this confidence an answer claims to be sure; below it `explain` adds the deciding check. */
export const SURE = 0.9;

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

/** Every signature whose pattern matches, without the anchor pre-filter (tests compare the two). */
export function matchAllSignatures(message: string, signatures: readonly Signature[] = SIGNATURES): Signature[] {
  const text = clip(message);
  return signatures.filter((s) => new RegExp(s.pattern, 'i').test(text));
}

/** The signatures the pre-filter lets through for a message (for tests and docs). */
export function prefilter(message: string, mode: 'automaton' | 'simple' = 'automaton'): Signature[] {
  const text = clip(message);
  const { sigs, cand, nc } = mode === 'simple' ? simpleCandidates(text) : { sigs: getAutomaton().sigs, cand: getAutomaton().cand, nc: candidates(getAutomaton(), text) };
  const out: Signature[] = [];
  for (let k = 0; k < nc; k++) out.push(sigs[cand[k]].sig);
  return out;
}
