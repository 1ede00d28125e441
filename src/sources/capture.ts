/**
 * Packet captures as evidence: each file analysed in one streaming pass (src/parsers/pcap-analyze.ts)
 * and added to the probe evidence, where the capture rules (needs `probes.pcap`) find it. A file that
 * cannot be read at all is an InputError naming it; a file that ends early still counts, and says
 * where it ends.
 */
import { InputError } from '../errors.js';
import type { CaptureEvidence } from '../evidence/capture.js';
import { emptyProbes } from '../evidence/probes.js';
import type { Evidence } from '../evidence/types.js';
import type { AnalyzeOptions } from '../parsers/pcap-analyze.js';
import { analyzeCapture } from '../parsers/pcap-engine.js';
import { CaptureFormatError } from '../parsers/pcap-reader.js';

export function readCaptureEvidence(file: string, opts: AnalyzeOptions = {}): CaptureEvidence {
  try {
    return analyzeCapture(file, opts);
  } catch (e) {
    if (e instanceof CaptureFormatError) throw new InputError(file, e.message);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(file, 'no such file');
    if (code === 'EISDIR') throw new InputError(file, 'is a directory, not a capture file');
    if (code === 'EACCES') throw new InputError(file, 'permission denied');
    throw e;
  }
}

export function mergeCaptures(evidence: Evidence, captures: readonly CaptureEvidence[]): void {
  if (!captures.length) return;
  evidence.probes ??= emptyProbes();
  evidence.probes.captures = [...(evidence.probes.captures ?? []), ...captures];
  if (!evidence.probes.ran.includes('pcap')) evidence.probes.ran.push('pcap');
  if (!evidence.sources.includes('probe')) evidence.sources.push('probe');
}
