import { describe, expect, it } from 'vitest';
import { medianRun, type ChildResult } from './diagnose-scale.js';

const run = (cpuMs: number, ms: number, maxRssMB: number, findings: number): ChildResult => ({ cpuMs, ms, maxRssMB, counts: { findings } });

describe('diagnose-scale: a side over several rounds', () => {
  it('is its median run by CPU, with the median elapsed time and the highest peak RSS', () => {
    const m = medianRun([run(3600, 3100, 220, 1), run(5900, 9000, 230, 2), run(3300, 2900, 260, 3)]);
    expect(m).toEqual({ cpuMs: 3600, ms: 3100, maxRssMB: 260, counts: { findings: 1 } });
  });
  it('one disturbed run does not move it; with an even count the lower middle is taken', () => {
    expect(medianRun([run(10, 1, 1, 0), run(11, 1, 1, 0), run(90, 1, 1, 0), run(12, 1, 1, 0)]).cpuMs).toBe(11);
    expect(medianRun([run(7, 5, 1, 0)]).cpuMs).toBe(7);
  });
});
