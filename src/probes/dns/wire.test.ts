import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQuery, parseMessage, TYPE } from './wire.js';

/** Marks a query as a response with `an` answers and the rcode. */
function withHeader(b: Buffer, an: number, rcode: number): Buffer {
  b.writeUInt16BE(0x8180 | rcode, 2);
  b.writeUInt16BE(an, 6);
  return b;
}

describe('DNS wire format', () => {
  it('a query round-trips through the parser', () => {
    const q = buildQuery(0x1234, 'kubernetes.default.svc.cluster.local', TYPE.A);
    const m = parseMessage(q);
    expect(m.id).toBe(0x1234);
    expect(m.question).toEqual({ name: 'kubernetes.default.svc.cluster.local.', type: TYPE.A });
    expect(m.answers).toEqual([]);
  });

  it('reads compressed answer names and A records', () => {
    const q = buildQuery(7, 'a.example', TYPE.A);
    q.writeUInt16BE(0x8180, 2); // response, RD, RA, NOERROR
    q.writeUInt16BE(1, 6); // ANCOUNT
    const rr = Buffer.from([0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 30, 0, 4, 10, 96, 0, 1]);
    const m = parseMessage(Buffer.concat([q, rr]));
    expect(m.answers).toEqual([{ name: 'a.example.', type: TYPE.A, ttl: 30, data: '10.96.0.1' }]);
    expect(m.recursionAvailable).toBe(true);
  });

  it('reads AAAA, CNAME, TXT and HINFO answers as text, and names the rcode', () => {
    // a hand-built response: the query's header and question, then raw answer records
    const resp = (answers: number[][], rcode = 0) => withHeader(Buffer.concat([buildQuery(9, 'h.example', TYPE.A), ...answers.map((a) => Buffer.from(a))]), answers.length, rcode);
    const rr = (type: number, rdata: number[]) => [0xc0, 12, 0, type, 0, 1, 0, 0, 0, 5, 0, rdata.length, ...rdata];
    const m = parseMessage(
      resp([
        rr(TYPE.AAAA, [0xfd, 0, ...Array(13).fill(0), 0x0a]),
        rr(TYPE.CNAME, [1, 0x63, 0xc0, 12]),
        rr(TYPE.TXT, [2, 0x68, 0x69, 1, 0x21]),
        rr(TYPE.HINFO, [1, 0x78, 1, 0x79]),
      ]),
    );
    expect(m.answers.map((a) => [a.type, a.data])).toEqual([
      [TYPE.AAAA, 'fd00::a'],
      [TYPE.CNAME, 'c.h.example.'],
      [TYPE.TXT, 'hi !'],
      [TYPE.HINFO, 'x y'],
    ]);
    expect(parseMessage(resp([], 3)).rcode).toBe(3);
  });

  it('rejects labels over 63 bytes', () => {
    expect(() => buildQuery(1, 'x'.repeat(64) + '.example', TYPE.A)).toThrow(/label too long/);
    expect(() => buildQuery(1, Array(130).fill('ab').join('.'), TYPE.A)).toThrow(/name too long/);
  });

  it('never crashes on garbage: parses or throws an Error, including compression loops', () => {
    const loop = Buffer.from([0, 1, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1]);
    expect(() => parseMessage(loop)).toThrow(/malformed DNS message/);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        try {
          parseMessage(Buffer.from(bytes));
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
