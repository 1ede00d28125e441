import { describe, expect, it } from 'vitest';
import { runRules } from '../engine/run-rules.js';
import type { BandwidthPairResult, BandwidthRun } from '../evidence/probes.js';
import { emptyEvidence } from '../evidence/types.js';
import { RULES } from '../rules/index.js';
import { mergeBandwidth } from './bandwidth.js';

const run = (path: BandwidthRun['path'], bps: number, retransmits: number): BandwidthRun => ({ path, fromIp: path === 'underlay' ? '10.250.0.11' : '10.244.1.2', toIp: path === 'underlay' ? '10.250.0.12' : '10.244.2.2', ok: true, bitsPerSecond: bps, bytes: bps / 4, retransmits, mss: path === 'underlay' ? 1448 : 1398 });
const lossy: BandwidthPairResult = { from: 'n1', to: 'n2', underlayMtu: 1500, overlayMtu: 1450, underlay: run('underlay', 190.7e6, 0), overlay: run('overlay', 59.6e6, 1624) };

describe('bandwidth measurements as evidence', () => {
  it('marks the probe as run, keeps earlier pairs, and the rule index judges them', () => {
    const ev = emptyEvidence();
    mergeBandwidth(ev, [lossy]);
    mergeBandwidth(ev, [{ ...lossy, from: 'n2', to: 'n3' }]);
    expect(ev.probes?.ran).toEqual(['bandwidth']);
    expect(ev.sources).toEqual(['probe']);
    expect(ev.probes?.bandwidth?.map((p) => `${p.from}>${p.to}`)).toEqual(['n1>n2', 'n2>n3']);
    const { findings, notChecked } = runRules(ev, RULES);
    expect(findings.map((f) => [f.ruleId, f.cause, f.suspects])).toEqual([
      ['probe/bandwidth-probe', 'node.packet-loss', [['n1', 'n2']]],
      ['probe/bandwidth-probe', 'node.packet-loss', [['n2', 'n3']]],
    ]);
    expect(notChecked.some((n) => n.ruleId === 'probe/bandwidth-probe')).toBe(false);
  });

  it('without the probe the rule is not checked, not healthy', () => {
    const { findings, notChecked } = runRules(emptyEvidence(), RULES);
    expect(findings).toEqual([]);
    expect(notChecked.some((n) => n.ruleId === 'probe/bandwidth-probe')).toBe(true);
  });
});
