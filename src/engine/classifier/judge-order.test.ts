import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNATURES } from '../../catalog/signatures.js';
import { compile } from './automaton.js';
import { createJudgeOrder } from './judge-order.js';
import { rank } from './rank.js';

const sigs = compile(SIGNATURES);

const all = Int32Array.from(sigs.keys());
const reversed = Int32Array.from(sigs.keys()).reverse();
/** Expressions run by `counting` since the last judged() call. */
let runs = 0;
// Made once: the same orders judge every line, as a classifier's does.
const counting = createJudgeOrder(
  sigs.map(({ sig, re }) => {
    const test = re.test.bind(re);
    return { sig, re: Object.assign(Object.create(re) as RegExp, { test: (s: string) => (runs++, test(s)) }) };
  }),
);
const order = createJudgeOrder(sigs);

/** Runs the judge order over every signature as a candidate; returns its hits and how many expressions ran. */
function judged(line: string) {
  runs = 0;
  const hits = new Int32Array(sigs.length);
  const nh = counting.hits(line, all, all.length, hits);
  // The same order without counting agrees with itself on a reversed candidate list.
  const again = new Int32Array(sigs.length);
  const nh2 = order.hits(line, reversed, reversed.length, again);
  return { hits: hits.subarray(0, nh), runs, again: again.subarray(0, nh2) };
}

/** Lets the worker's event loop run: a test that holds it for a minute misses vitest's own calls (onTaskUpdate). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What classify answers, apart from the message and the matched text, for the given hits. */
function answerOf(line: string, hits: Int32Array) {
  const { message: _m, matched: _x, ...a } = rank(line, line, sigs, hits, hits.length);
  return a;
}

describe('judge order', () => {
  const samples = SIGNATURES.flatMap((s) => [...s.samples, ...s.counterSamples]).map((l) => l.replace(/\n/g, ' '));

  it('answers every sample as all its matching signatures do, and skips expressions doing so', async () => {
    let total = 0;
    let ran = 0;
    for (const [k, line] of samples.entries()) {
      if (k % 100 === 0) await breathe();
      const every = Int32Array.from(sigs.keys()).filter((i) => sigs[i].re.test(line));
      const { hits, runs, again } = judged(line);
      for (const h of hits) expect(every.includes(h), `${SIGNATURES[h].id} is not a match of ${line}`).toBe(true);
      expect(answerOf(line, hits), line).toEqual(answerOf(line, every));
      expect([...again].sort()).toEqual([...hits].sort());
      total += sigs.length;
      ran += runs;
    }
    expect(ran).toBeLessThan(total);
    // Every pattern on every sample grows with the catalog squared; the limit is about finishing on a loaded machine
    // (160 s beside seven other jobs on two cores).
  }, 600_000);

  it('skips a signature of the same cause below a hit, and an unknown one below a hit', () => {
    const line = 'failed to do request: Head "https://r.example/v2/x/manifests/1": tls: failed to verify certificate: x509: certificate signed by unknown authority';
    const ids = [...judged(line).hits].map((i) => SIGNATURES[i].id);
    expect(ids).toContain('registry.x509-unknown-authority');
    // The bare text of the same cause matches too, ranks lower, and cannot change the answer.
    expect(sigs.find((c) => c.sig.id === 'registry.x509-unknown-authority-bare')!.re.test(line)).toBe(true);
    expect(ids).not.toContain('registry.x509-unknown-authority-bare');
  });

  it('never changes the answer on random joins of sample fragments', () => {
    const pieces = samples.flatMap((l) => l.split(/(?<=: )/));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 5 }), (parts) => {
        const line = parts.join(' ');
        const every = Int32Array.from(sigs.keys()).filter((i) => sigs[i].re.test(line));
        expect(answerOf(line, judged(line).hits)).toEqual(answerOf(line, every));
      }),
      { numRuns: Number(process.env.FD_FUZZ_RUNS ?? 1500) },
    );
    // every pattern on each of 1,500 joins: seconds alone, more beside other suites
  }, 120_000);
});
