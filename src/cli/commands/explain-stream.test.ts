import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNATURES } from '../../catalog/signatures.js';
import { createClassifier } from '../../engine/classifier/index.js';
import { explainStream } from './explain-stream.js';

/** One classifier for every run: building its automaton per run made the 300-run property test slow. */
const classifier = createClassifier(SIGNATURES);

/** Collects output; reports back-pressure every few writes to exercise the drain path. */
function sink() {
  let writes = 0;
  const parts: Buffer[] = [];
  return {
    parts,
    text: () => Buffer.concat(parts).toString('utf8'),
    write(s: string | Buffer) {
      parts.push(typeof s === 'string' ? Buffer.from(s) : Buffer.from(s));
      return ++writes % 3 !== 0;
    },
    once(_e: 'drain', cb: () => void) {
      setImmediate(cb);
    },
  };
}

async function* chunks(buf: Buffer, size: number) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function run(input: string | Buffer, chunkSize = 7) {
  const out = sink();
  const buf = typeof input === 'string' ? Buffer.from(input) : input;
  const res = await explainStream(chunks(buf, chunkSize), out, 'jsonl', classifier);
  const lines = out.text().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { res, lines };
}

describe('explain --stdin streaming', () => {
  it('answers every line once, in order, including empty and CRLF lines', async () => {
    const input = 'failed to pull image "reg.local/a:1": dial tcp: lookup reg.local on 10.0.0.2:53: no such host\r\n\nError: ErrImagePull\nx509: certificate signed by unknown authority';
    const { lines } = await run(input);
    expect(lines.map((l) => l.cause)).toEqual(['registry.dns', 'unknown', 'unknown', 'registry.tls-untrusted']);
    expect(lines[0].message).toBe('failed to pull image "reg.local/a:1": dial tcp: lookup reg.local on 10.0.0.2:53: no such host');
    for (const l of lines) {
      expect(l.confidence).toBeGreaterThanOrEqual(0);
      expect(l.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('keeps multi-byte characters intact when a chunk boundary splits them', async () => {
    const msg = 'Grüße ✓ 日本語: dial tcp 10.0.0.5:443: connect: connection refused';
    const { lines } = await run(`${msg}\n${msg}\n`, 3);
    expect(lines).toHaveLength(2);
    expect(lines[0].message).toBe(msg);
    expect(lines[1].cause).toBe('registry.connection-refused');
  });

  it('handles a 1 MB line and a 6 MB line: an answer, a truncated echo, no crash', async () => {
    const tail = ' failed to do request: Head "https://r/v2/a/manifests/1": http: server gave HTTP response to HTTPS client';
    const big = 'a'.repeat(1 << 20) + tail;
    const huge = 'b'.repeat(6 << 20) + tail;
    const { lines } = await run(`${big}\nshort line\n${huge}\n`, 1 << 16);
    expect(lines).toHaveLength(3);
    expect(lines[0].cause).toBe('registry.http-to-https');
    expect(lines[0].truncated).toBe(true);
    expect(lines[0].length).toBe(big.length);
    expect(lines[0].message.length).toBeLessThan(5000);
    expect(lines[1].cause).toBe('unknown');
    expect(lines[2].cause).toBe('registry.http-to-https');
  });

  it('never crashes on binary garbage', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 512 }), async (bytes, size) => {
        const { res, lines } = await run(Buffer.from(bytes), size);
        expect(lines.length).toBe(res.lines);
        for (const l of lines) expect(typeof l.cause).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
});

describe('explain --stdin JSON output', () => {
  it('escapes exactly like JSON.stringify', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 80 }), async (s) => {
        const line = s.replace(/[\n\r]/g, ' ');
        const { lines } = await run(line + '\n', 4096);
        expect(lines[0].message).toBe(line);
      }),
      { numRuns: 300 },
    );
  });
});

describe('explain --stdin JSON output of ASCII blocks', () => {
  it('escapes quotes, backslashes, controls and a mid-line \\r exactly like JSON.stringify, across lines and CRLF', async () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 60 }).map((s) => s.replace(/\n/g, ' '));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(ascii, fc.boolean()), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 300 }), async (rows, size) => {
        // A line that ends in \r before its \n loses that \r (CRLF input), so none of ours ends in one.
        const lines = rows.map(([s]) => s.replace(/\r+$/, ''));
        const input = lines.map((l, i) => (rows[i][1] ? l + '\r\n' : l + '\n')).join('');
        const out = sink();
        await explainStream(chunks(Buffer.from(input), size), out, 'jsonl', classifier);
        const text = out.text();
        const got = text.split('\n').filter(Boolean);
        expect(got).toHaveLength(lines.length);
        got.forEach((l, i) => expect(l.startsWith(`{"message":${JSON.stringify(lines[i])},"cause":`), l).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  it('a block with one non-ASCII line answers every line in order', async () => {
    const lines = ['a "q" \\ x509: certificate signed by unknown authority', 'Grüße: dial tcp 10.0.0.5:443: connect: connection refused', 'tab\there', '', 'last'];
    const { lines: got } = await run(lines.join('\n') + '\n', 1 << 16);
    expect(got.map((l) => l.message)).toEqual(lines);
    expect(got.map((l) => l.cause)).toEqual(lines.map((l) => classifier.classify(l).cause));
  });
});

describe('explain --stdin blocks mixing ASCII and other lines', () => {
  it('answers every line in order wherever the non-ASCII lines fall (inside and across 4 KiB windows)', async () => {
    await fc.assert(
      // Up to 3000 two-byte characters: a line the byte count would cut (over 4096) that the character count keeps whole.
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.boolean(), fc.integer({ min: 0, max: 3000 })), { minLength: 1, maxLength: 60 }), async (spec) => {
        const lines = spec.map(([n, other, m], i) => `${'x'.repeat(n)} line ${i} ${other ? 'é'.repeat(m) + ' Grüße ✓' : 'plain'} dial tcp 10.9.8.${(i % 200) + 20}:443: connect: connection refused`);
        const { lines: got } = await run(lines.join('\n') + '\n', 1 << 20);
        expect(got.map((l) => l.message)).toEqual(lines);
        expect(new Set(got.map((l) => l.cause))).toEqual(new Set(['registry.connection-refused']));
      }),
      { numRuns: 60 },
    );
  });
});

describe('explain --stdin fast path', () => {
  it('answers exactly what classify answers, line by line', async () => {
    const { messages } = await import('../../../bench/gen/messages.js');
    const { createClassifier } = await import('../../engine/classifier/index.js');
    const { classify } = createClassifier((await import('../../catalog/signatures.js')).SIGNATURES);
    const { SIGNATURES } = await import('../../catalog/signatures.js');
    const input = [...messages(3000, 11).split('\n').filter(Boolean), ...SIGNATURES.flatMap((s) => [...s.samples, ...s.counterSamples]).map((l) => l.replace(/\n/g, ' '))];
    const { lines } = await run(input.join('\n') + '\n', 65536);
    expect(lines).toHaveLength(input.length);
    lines.forEach((l, i) => {
      const c = classify(input[i]);
      expect({ cause: l.cause, confidence: l.confidence, signature: l.signature, alternatives: l.alternatives, check: l.check }, input[i]).toEqual({
        cause: c.cause,
        confidence: c.confidence,
        signature: c.signature ?? null,
        alternatives: c.alternatives.map((a) => a.cause),
        check: c.check,
      });
    });
  });
});
