import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNATURES } from '../../catalog/signatures.js';
import type { Signature } from '../../catalog/types.js';
import { scanLog } from './log-scan.js';

/** The obvious implementation the scanner must agree with: every line, every signature. */
function naive(text: string, sigs: readonly Signature[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(sigs.map((s) => [s.id, 0]));
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const lower = line.toLowerCase();
    for (const s of sigs) if ((!s.anchors.length || s.anchors.some((a) => lower.includes(a.toLowerCase()))) && new RegExp(s.pattern, 'i').test(line)) counts[s.id]++;
  }
  return counts;
}

/** Splits text into random chunk sizes, so lines straddle chunk boundaries. */
function chunks(text: string, sizes: number[]): Buffer[] {
  const buf = Buffer.from(text);
  const out: Buffer[] = [];
  let i = 0;
  for (let k = 0; i < buf.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length] ?? 7);
    out.push(buf.subarray(i, i + n));
    i += n;
  }
  return out;
}

const TOY: Signature[] = [
  { id: 'a', cause: 'registry.dns', pattern: 'no such host', anchors: ['no such host'], confidence: 1, specificity: 1, samples: [], counterSamples: [], source: 't' },
  { id: 'b', cause: 'registry.connect-timeout', pattern: 'dial tcp [^ ]+: i/o timeout', anchors: ['i/o timeout'], confidence: 1, specificity: 1, samples: [], counterSamples: [], source: 't' },
  { id: 'c', cause: 'cni.plugin-missing', pattern: 'failed to find plugin "\\w+"', anchors: ['failed to find plugin', 'plugin "'], confidence: 1, specificity: 1, samples: [], counterSamples: [], source: 't' },
];

describe('scanLog', () => {
  it('counts like a line-by-line check, whatever the chunking (toy signatures)', async () => {
    const pieces = ['lookup reg on 10.0.0.10:53: NO SUCH HOST', 'dial tcp 1.2.3.4:443: i/o timeout', 'failed to find plugin "bridge" in path', 'plugin "x', 'nothing here', 'no such', 'I/O TIMEOUT only', ''];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 10 }), async (lines, sizes) => {
        const text = lines.join('\n') + (lines.length ? '\n' : '');
        const r = await scanLog(Readable.from(chunks(text, sizes)), { signatures: TOY });
        expect(r.counts).toEqual(naive(text, TOY));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the line-by-line check on the catalog samples, with line numbers', async () => {
    const samples = SIGNATURES.flatMap((s) => [...s.samples, ...s.counterSamples]).filter((l) => !l.includes('\n'));
    const text = ['I1127 00:00:00 ok', ...samples, 'done'].join('\n') + '\n';
    const seen: number[] = [];
    const r = await scanLog(Readable.from(chunks(text, [4096, 13, 1000])), { onMatch: (_l, _ids, n) => seen.push(n) });
    expect(r.counts).toEqual(naive(text, SIGNATURES));
    expect(r.lines).toBe(samples.length + 2);
    const lines = text.split('\n');
    for (const n of seen) expect(SIGNATURES.some((s) => s.anchors.some((a) => lines[n - 1].toLowerCase().includes(a)))).toBe(true);
  });

  it('reads the last line without a trailing newline', async () => {
    const r = await scanLog(Readable.from([Buffer.from('x\nlookup a: no such host')]), { signatures: TOY });
    expect(r.counts.a).toBe(1);
  });
});
