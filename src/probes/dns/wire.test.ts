import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQuery, encodeName, parseMessage, TYPE } from './wire.js';

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

  it('rejects labels over 63 bytes', () => {
    expect(() => encodeName('x'.repeat(64) + '.example')).toThrow(/label too long/);
  });

  it('never crashes on garbage: parses or throws an Error, including compression loops', () => {
    const loop = Buffer.from([0, 1, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1]);
    expect(() => parseMessage(loop)).toThrow(/loop|past/);
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
