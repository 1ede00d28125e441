import { readFileSync } from 'node:fs';
import { specOf } from './fix-steps.js';
import { describe, expect, it } from 'vitest';
import { CAUSES } from './causes.js';
import { createClassifier } from '../engine/classifier/index.js';
import { undoPaste } from '../engine/classifier/paste.js';
import { SIGNATURES } from './signatures.js';

const { classify } = createClassifier(SIGNATURES);

/** Ids and tiers from a causes table: the first two columns of rows like `| dns.loop | network | … |`. */
function idsFromTable(url: URL): Map<string, string> {
  const text = readFileSync(url, 'utf8');
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\|\s*([a-z]+\.[a-z0-9-]+)\s*\|\s*(application|network|infrastructure)\s*\|/.exec(line);
    if (m) out.set(m[1], m[2]);
  }
  return out;
}

/** The canonical ids of shared/causes.md (read-only) plus the ones this project added (docs/causes-added.md). */
function idsFromCausesMd(): Map<string, string> {
  const shared = idsFromTable(new URL('../../../shared/causes.md', import.meta.url));
  const added = idsFromTable(new URL('../../docs/causes-added.md', import.meta.url));
  for (const [id, tier] of added) {
    // An addition never renames or re-tiers a shared id; once the shared list carries it, it must agree.
    if (shared.has(id) && shared.get(id) !== tier) throw new Error(`docs/causes-added.md: ${id} is ${tier} here but ${shared.get(id)} in shared/causes.md`);
    shared.set(id, tier);
  }
  return shared;
}

describe('cause catalog', () => {
  const canonical = idsFromCausesMd();

  it('has exactly the ids of shared/causes.md and docs/causes-added.md, with their tiers', () => {
    expect(canonical.size).toBeGreaterThan(40);
    expect([...CAUSES.map((c) => c.id)].sort()).toEqual([...canonical.keys()].sort());
    for (const c of CAUSES) expect(c.tier, c.id).toBe(canonical.get(c.id));
  });

  it('gives every cause a title, an explanation and at least one fix step', () => {
    for (const c of CAUSES) {
      expect(c.title.length, c.id).toBeGreaterThan(5);
      expect(c.explanation.length, c.id).toBeGreaterThan(60);
      expect(c.explanation, c.id).not.toBe(c.title);
      expect(c.fix.length, c.id).toBeGreaterThan(0);
      for (const step of c.fix) expect((typeof step === 'string' ? step : specOf(step).text).trim().length, c.id).toBeGreaterThan(10);
    }
  });

  it('relates causes only to known ids, never to themselves', () => {
    const ids = new Set(CAUSES.map((c) => c.id));
    for (const c of CAUSES) {
      for (const e of c.explains ?? []) {
        expect(ids.has(e), `${c.id} explains ${e}`).toBe(true);
        expect(e).not.toBe(c.id);
      }
    }
    const byId = new Map(CAUSES.map((c) => [c.id, c]));
    expect(byId.get('dns.node-resolver')!.explains).toContain('registry.dns');
    expect(byId.get('flannel.daemon-down')!.explains).toContain('cni.subnet-env-missing');
    expect(byId.get('node.br-netfilter')!.explains).toContain('dns.service-unreachable');
    expect(byId.get('cni.config-missing')!.explains).toContain('node.not-ready');
  });
});

describe('signatures', () => {
  const causeIds = new Set(CAUSES.map((c) => c.id));

  it('have unique ids, known causes, sane numbers and lower-case anchors', () => {
    const seen = new Set<string>();
    for (const s of SIGNATURES) {
      expect(seen.has(s.id), s.id).toBe(false);
      seen.add(s.id);
      expect(causeIds.has(s.cause) || s.cause === 'unknown', s.id).toBe(true);
      if (s.cause === 'unknown') expect(s.alternatives?.length, `${s.id}: an unknown signature names its alternatives`).toBeGreaterThan(0);
      for (const a of s.alternatives ?? []) expect(causeIds.has(a), `${s.id} alternative ${a}`).toBe(true);
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(s.anchors.length, s.id).toBeGreaterThan(0);
      for (const a of s.anchors) expect(a, s.id).toBe(a.toLowerCase());
      expect(s.samples.length, s.id).toBeGreaterThanOrEqual(2);
      expect(s.counterSamples.length, s.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('cross a line break only through \\s or [\\s\\S], never a literal \\n (the line-oriented peer of the throughput bench, ripgrep, refuses one)', () => {
    for (const s of SIGNATURES) {
      // Character classes may name \n ([^\n] is the usual "rest of the line"); outside them it is a literal.
      const outsideClasses = s.pattern.replace(/\[(?:\\.|[^\]\\])*\]/g, '');
      expect(/(^|[^\\])(\\\\)*\\n/.test(outsideClasses), `${s.id}: ${s.pattern}`).toBe(false);
    }
  });

  it('name the check that decides whenever they are not sure (confidence below 0.9 or an unknown cause)', () => {
    for (const s of SIGNATURES) {
      if (s.confidence >= 0.9 && s.cause !== 'unknown') continue;
      expect(s.check, `${s.id}: an unsure answer needs the file, command or field that decides`).toBeTruthy();
      expect(s.check!.length, s.id).toBeGreaterThan(40);
    }
  });

  it('let no corpus message through a signature\'s pattern that none of its anchors would pass to it', () => {
    // The pre-filter hands a signature only the messages holding one of its anchors: a pattern branch without
    // an anchor is a match `explain` never sees. The corpus holds the real wordings those branches were written for.
    const { matchAll } = createClassifier(SIGNATURES);
    const text = readFileSync(new URL('../../corpus/threads.jsonl', import.meta.url), 'utf8');
    const hidden: string[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      const { id, message } = JSON.parse(line) as { id: string; message: string };
      // the pre-filter reads the message as undoPaste leaves it (a quote's escapes dropped, a folded YAML value joined)
      const low = undoPaste(message).toLowerCase();
      // read as both pre-filters read it: without backslashes, an anchor and (where asked for) an `also` literal in it
      const bare = low.replaceAll('\\', '');
      const seen = (as: readonly string[]) => as.some((a) => bare.includes(a.replaceAll('\\', '')));
      for (const s of matchAll(message)) if (!seen(s.anchors) || (s.also && !seen(s.also))) hidden.push(`${s.id} in ${id}`);
    }
    expect(hidden).toEqual([]);
    // every pattern against every corpus message, without the pre-filter: seconds alone, more beside other suites
  }, 120_000);

  for (const s of SIGNATURES) {
    it(`${s.id}: samples match and classify as ${s.cause}; counter-samples do not match`, () => {
      const re = new RegExp(s.pattern, 'i');
      for (const line of s.samples) {
        expect(re.test(line), `sample does not match: ${line}`).toBe(true);
        // as the pre-filter reads it: undone (a log line's escaped quotes dropped)
        expect(s.anchors.some((a) => undoPaste(line).toLowerCase().includes(a)), `no anchor in sample: ${line}`).toBe(true);
        if (s.also) expect(s.also.some((a) => undoPaste(line).toLowerCase().includes(a)), `no \`also\` literal in sample: ${line}`).toBe(true);
        expect(classify(line).cause, line).toBe(s.cause);
      }
      for (const line of s.counterSamples) expect(re.test(line), `counter-sample matches: ${line}`).toBe(false);
    });
  }
});
