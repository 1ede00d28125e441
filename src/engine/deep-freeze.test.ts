import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze.js';

describe('deepFreeze', () => {
  it('freezes every object and array it reaches, and returns the value', () => {
    const v = { a: { b: [{ c: 1 }, [2, { d: 'x' }]] }, e: null, f: 'str', g: [] as unknown[] };
    expect(deepFreeze(v)).toBe(v);
    const reached = [v, v.a, v.a.b, v.a.b[0], v.a.b[1], (v.a.b[1] as unknown[])[1], v.g];
    for (const o of reached) expect(Object.isFrozen(o)).toBe(true);
    expect(() => {
      'use strict';
      ((v.a.b[1] as unknown[])[1] as { d: string }).d = 'y';
    }).toThrow(TypeError);
  });

  it('passes primitives and null through', () => {
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze('s')).toBe('s');
    expect(deepFreeze(null)).toBe(null);
    expect(deepFreeze(undefined)).toBe(undefined);
  });

  it('leaves what hangs under an already frozen object alone (it was frozen whole, or on purpose not)', () => {
    const inner = { x: 1 };
    const outer = Object.freeze({ inner });
    deepFreeze({ outer });
    expect(Object.isFrozen(inner)).toBe(false);
  });
});
