/**
 * `probe bandwidth` results as evidence: the measured pairs go into the probe evidence, where the
 * bandwidth rule (needs `probes.bandwidth`, src/rules/probe/bandwidth-probe.ts) judges them. The
 * probe measures; what the figures mean is the rule's.
 */
import { InputError } from '../errors.js';
import type { BandwidthPairResult } from '../evidence/probes.js';
import { emptyProbes } from '../evidence/probes.js';
import type { Evidence } from '../evidence/types.js';
import { readBounded } from './bounded-read.js';
import { jsonErrorLine } from './node-evidence.js';

/** Adds measured pairs; `tolerance` (the noise share the operator chose) goes with them for the rule. */
export function mergeBandwidth(evidence: Evidence, results: readonly BandwidthPairResult[], tolerance?: number): void {
  evidence.probes ??= emptyProbes();
  evidence.probes.bandwidth = [...(evidence.probes.bandwidth ?? []), ...results];
  if (tolerance !== undefined) evidence.probes.bandwidthTolerance = tolerance;
  if (!evidence.probes.ran.includes('bandwidth')) evidence.probes.ran.push('bandwidth');
  if (!evidence.sources.includes('probe')) evidence.sources.push('probe');
}

/** A saved `probe bandwidth -o json` result is a few KB per pair; more than this is not one. */
export const MAX_BANDWIDTH_FILE_BYTES = 8 * 1024 * 1024;

export interface BandwidthFile {
  results: BandwidthPairResult[];
  /** the probe's --tolerance, recorded with its figures */
  tolerance?: number;
}

/**
 * Reads a saved `probe bandwidth -o json` result (`diagnose --bandwidth FILE`): bounded (a FIFO or
 * device is refused, never waited on; size capped; a deadline), then checked field by field. Any
 * problem is one InputError naming the file and the field.
 */
export async function readBandwidthFile(file: string): Promise<BandwidthFile> {
  const text = await readBounded(file, { maxBytes: MAX_BANDWIDTH_FILE_BYTES, timeoutMs: 10_000, followSymlink: true }).catch((e: Error) => {
    throw new InputError(file, `cannot read: ${e.message}`);
  });
  return parseBandwidthFile(text.toString('utf8'), file);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const RUN_NUMBERS = ['seconds', 'bitsPerSecond', 'bytes', 'retransmits', 'mss', 'meanRttUs', 'minRttUs', 'targetBps', 'cpuSenderPct', 'cpuReceiverPct', 'cpuBusiestPct'] as const;

export function parseBandwidthFile(text: string, file: string): BandwidthFile {
  let v: any;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, 'not valid JSON (expected the output of flannel-doctor probe bandwidth -o json)', { line: jsonErrorLine(text, e) });
  }
  if (!v || typeof v !== 'object' || !Array.isArray(v.bandwidth)) throw new InputError(file, 'not a `probe bandwidth -o json` result: no "bandwidth" list', { field: 'bandwidth' });
  const bad = (field: string, what: string): never => {
    throw new InputError(file, what, { field });
  };
  if (v.bandwidthTolerance !== undefined && !(isNum(v.bandwidthTolerance) && v.bandwidthTolerance < 1)) bad('bandwidthTolerance', 'must be a share from 0 to below 1');
  const results = (v.bandwidth as unknown[]).map((p: any, i): BandwidthPairResult => {
    const at = `bandwidth[${i}]`;
    if (!p || typeof p !== 'object') bad(at, 'must be an object with from, to, underlay and overlay');
    for (const k of ['from', 'to'] as const) if (typeof p[k] !== 'string' || !p[k]) bad(`${at}.${k}`, 'must be a node name');
    for (const k of ['underlayMtu', 'overlayMtu', 'udpCsumErrors'] as const) if (p[k] !== undefined && !isNum(p[k])) bad(`${at}.${k}`, 'must be a number ≥ 0');
    for (const path of ['underlay', 'overlay'] as const) {
      const r = p[path];
      const here = `${at}.${path}`;
      if (!r || typeof r !== 'object') bad(here, 'must be the run object');
      if (r.path !== path) bad(`${here}.path`, `must be "${path}"`);
      if (typeof r.ok !== 'boolean') bad(`${here}.ok`, 'must be true or false');
      for (const k of ['fromIp', 'toIp'] as const) if (typeof r[k] !== 'string') bad(`${here}.${k}`, 'must be an address');
      if (r.error !== undefined && typeof r.error !== 'string') bad(`${here}.error`, 'must be text');
      for (const k of RUN_NUMBERS) if (r[k] !== undefined && !isNum(r[k])) bad(`${here}.${k}`, 'must be a number ≥ 0');
    }
    return p as BandwidthPairResult;
  });
  if (!results.length) bad('bandwidth', 'is empty: no pair was measured');
  return { results, ...(v.bandwidthTolerance !== undefined ? { tolerance: v.bandwidthTolerance } : {}) };
}
