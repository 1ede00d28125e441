import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from '../engine/run-rules.js';
import { InputError } from '../errors.js';
import { testTempDir } from '../test-temp-dir.js';
import type { BandwidthPairResult, BandwidthRun } from '../evidence/probes.js';
import { emptyEvidence } from '../evidence/types.js';
import { RULES } from '../rules/index.js';
import { MAX_BANDWIDTH_FILE_BYTES, mergeBandwidth, parseBandwidthFile, readBandwidthFile } from './bandwidth.js';

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

/** A real `probe bandwidth --lab fdbw --pairs full -o json` with node.packet-loss on n2 (5% each way). */
const LAB_LOSS = new URL('./fixtures/probe-bandwidth-lab-loss.json', import.meta.url).pathname;

describe('diagnose --bandwidth FILE: a saved probe result', () => {
  it('reads the probe output: the pairs and the recorded tolerance; the rule names the loss on both pairs', async () => {
    const file = await readBandwidthFile(LAB_LOSS);
    expect(file.tolerance).toBe(0.15);
    expect(file.results.map((r) => `${r.from}>${r.to}`)).toEqual(['n1>n2', 'n2>n1']);
    const ev = emptyEvidence();
    mergeBandwidth(ev, file.results, file.tolerance);
    expect(ev.probes?.bandwidthTolerance).toBe(0.15);
    expect(runRules(ev, RULES).findings.map((f) => [f.cause, f.suspects])).toEqual([
      ['node.packet-loss', [['n1', 'n2']]],
      ['node.packet-loss', [['n2', 'n1']]],
    ]);
  });

  it('the tolerance given with the evidence reaches the rule', () => {
    const slowish = { ...lossy, overlay: run('overlay', 147e6, 0) };
    const judged = (tolerance?: number) => {
      const ev = emptyEvidence();
      mergeBandwidth(ev, [{ ...slowish, overlay: { ...slowish.overlay, mss: 500 } }], tolerance);
      return runRules(ev, RULES).findings.map((f) => f.cause);
    };
    expect(judged()).toEqual(['flannel.mtu']);
    expect(judged(0.3)).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{"bandwidth": [\n  {"from": }', /x\.json:2: not valid JSON/],
    ['another JSON', '{"mesh": []}', /x\.json \(bandwidth\): not a `probe bandwidth -o json` result/],
    ['no pair', '{"bandwidth": []}', /x\.json \(bandwidth\): is empty/],
    ['a pair without its overlay run', JSON.stringify({ bandwidth: [{ ...lossy, overlay: undefined }] }), /x\.json \(bandwidth\[0\]\.overlay\): must be the run object/],
    ['a run whose ok is text', JSON.stringify({ bandwidth: [lossy, { ...lossy, underlay: { ...lossy.underlay, ok: 'yes' } }] }), /x\.json \(bandwidth\[1\]\.underlay\.ok\): must be true or false/],
    ['retransmits as text', JSON.stringify({ bandwidth: [{ ...lossy, overlay: { ...lossy.overlay, retransmits: '1624' } }] }), /\(bandwidth\[0\]\.overlay\.retransmits\): must be a number/],
    ['a node name missing', JSON.stringify({ bandwidth: [{ ...lossy, to: '' }] }), /\(bandwidth\[0\]\.to\): must be a node name/],
    ['a tolerance of 2', JSON.stringify({ bandwidth: [lossy], bandwidthTolerance: 2 }), /\(bandwidthTolerance\): must be a share/],
  ])('%s: one error naming the file and the field', (_name, text, message) => {
    let err: unknown;
    try {
      parseBandwidthFile(text, 'x.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  it('reads bounded: a missing file, a directory, a FIFO and an oversized file are refused by name, never waited on', async () => {
    const dir = testTempDir('fd-bw-');
    await expect(readBandwidthFile(join(dir, 'none.json'))).rejects.toThrow(/none\.json: cannot read: does not exist/);
    await expect(readBandwidthFile(dir)).rejects.toThrow(/cannot read: is a directory/);
    const fifo = join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    await expect(readBandwidthFile(fifo)).rejects.toThrow(/fifo\.json: cannot read: is a FIFO/);
    const big = join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(MAX_BANDWIDTH_FILE_BYTES + 1, 32));
    await expect(readBandwidthFile(big)).rejects.toThrow(/big\.json: cannot read: is 8\.0 MB|larger than/);
    // the real file copied in reads the same
    writeFileSync(join(dir, 'ok.json'), readFileSync(LAB_LOSS));
    expect((await readBandwidthFile(join(dir, 'ok.json'))).results).toHaveLength(2);
  });
});
