import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonlBlock } from './explain-jsonl.js';

/** ASCII with the characters that need escapes over-represented. */
const ascii = fc.string({ unit: fc.oneof(fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), fc.constantFrom('"', '\\', '\r', '\t', '\u0000', '\u001f', 'a')), maxLength: 80 });

describe('JsonlBlock.escapedAscii', () => {
  it('writes what JSON.stringify writes inside the quotes, at any alignment of source and block', () => {
    fc.assert(
      fc.property(fc.array(ascii, { minLength: 1, maxLength: 6 }), fc.nat(7), fc.nat(5), (lines, lead, prefix) => {
        // The lines at an arbitrary offset of a larger buffer, as a subarray of a read chunk is.
        const joined = Buffer.from(lines.join('\n'), 'latin1');
        const chunk = Buffer.alloc(lead + joined.length);
        joined.copy(chunk, lead);
        const src = chunk.subarray(lead);
        const block = new JsonlBlock();
        block.bytes(Buffer.alloc(prefix, 0x2e)); // the block's own position off the word boundary too
        let at = 0;
        for (const l of lines) {
          block.escapedAscii(src, at, at + l.length);
          block.bytes(Buffer.from('\n'));
          at += l.length + 1;
        }
        const want = '.'.repeat(prefix) + lines.map((l) => JSON.stringify(l).slice(1, -1) + '\n').join('');
        expect(block.take().toString('latin1')).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps escaping right when the source changes between calls and when the block grows', () => {
    const block = new JsonlBlock();
    const long = 'q"\\\u0001'.repeat(60_000); // 240,000 characters, 4 escapes in every word: the block must grow
    const a = Buffer.from(`x${long}`, 'latin1');
    const b = Buffer.from(`yy"z\\`, 'latin1');
    block.escapedAscii(a, 1, a.length);
    block.escapedAscii(b, 1, b.length);
    block.escapedAscii(a, 0, 5);
    expect(block.take().toString('latin1')).toBe(JSON.stringify(long).slice(1, -1) + 'y\\"z\\\\' + 'xq\\"\\\\\\u0001');
  });
});

describe('JsonlBlock.quotedAscii', () => {
  it('writes open, the escape of the range and close, as the three calls would, for short and long ends', () => {
    fc.assert(
      fc.property(fc.array(ascii, { minLength: 1, maxLength: 6 }), fc.nat(7), fc.string({ maxLength: 40 }), (lines, lead, end) => {
        const joined = Buffer.from(lines.join('\n'), 'latin1');
        const chunk = Buffer.alloc(lead + joined.length);
        joined.copy(chunk, lead);
        const src = chunk.subarray(lead);
        const open = Buffer.from('{"message":"');
        const close = Buffer.from(`"${end}\n`);
        const one = new JsonlBlock();
        const three = new JsonlBlock();
        let at = 0;
        for (const l of lines) {
          one.quotedAscii(open, src, at, at + l.length, close);
          three.bytes(open);
          three.escapedAscii(src, at, at + l.length);
          three.bytes(close);
          at += l.length + 1;
        }
        const got = one.take();
        expect(got).toEqual(three.take());
        expect(got.toString('utf8')).toBe(lines.map((l) => `{"message":${JSON.stringify(l)}${end}\n`).join(''));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('JsonlBlock.recycle', () => {
  it('uses a block again only once it is given back, and ignores what it never handed over', () => {
    const block = new JsonlBlock();
    block.bytes(Buffer.from('first'));
    const first = block.take();
    block.bytes(Buffer.from('second'));
    const second = block.take();
    // Not given back: the next block is other memory, and `first` still holds its bytes.
    expect(second.buffer).not.toBe(first.buffer);
    expect(first.toString()).toBe('first');
    block.recycle(first);
    block.recycle(Buffer.from('never handed over'));
    // The block being filled when `first` came back is handed over next; the one after it is first's memory.
    block.bytes(Buffer.from('third'));
    const third = block.take();
    block.bytes(Buffer.from('fourth'));
    const fourth = block.take();
    expect(third.buffer).not.toBe(first.buffer);
    expect(fourth.buffer).toBe(first.buffer);
    expect([second.toString(), third.toString(), fourth.toString()]).toEqual(['second', 'third', 'fourth']);
  });
});
