import { describe, expect, it } from 'vitest';
import { busiestCpuPct, parseProcStat } from './cpu-busy.js';

const stat = (cpu0: number[], cpu1: number[]) => `cpu  1 2 3 4 5 6 7 8 0 0\ncpu0 ${cpu0.join(' ')} 0 0\ncpu1 ${cpu1.join(' ')} 0 0\nintr 123\nctxt 9\n`;

describe('busiestCpuPct', () => {
  it('is the busiest CPU between two samples, idle and iowait counted as idle', () => {
    const before = parseProcStat(stat([100, 0, 50, 1000, 10, 0, 20, 0], [100, 0, 50, 1000, 0, 0, 0, 0]));
    // cpu0: +90 softirq, +10 idle → 90%; cpu1: +5 user, +95 idle → 5%
    const after = parseProcStat(stat([100, 0, 50, 1010, 10, 0, 110, 0], [105, 0, 50, 1095, 0, 0, 0, 0]));
    expect(busiestCpuPct(before, after)).toBe(90);
  });
  it('nothing comparable: undefined', () => {
    expect(busiestCpuPct(new Map(), parseProcStat('cpu0 1 2 3 4\n'))).toBeUndefined();
    expect(parseProcStat('garbage\ncpu0 x y z w\n').size).toBe(0);
  });
});
