import { UsageError } from '../../errors.js';
import type { CaptureEvidence } from '../../evidence/capture.js';
import { emptyEvidence, type Evidence } from '../../evidence/types.js';
import type { Format } from '../../report/index.js';
import { styleFor } from '../../report/style.js';
import { mergeCaptures, readCaptureEvidence } from '../../sources/capture.js';
import { parseSeverity } from '../output.js';
import { renderCaptureSummary } from './pcap-render.js';

/** The flags `pcap` parses, as its run half takes them. */
export interface PcapCommandOptions {
  output: string;
  failOn: string;
  vxlanPort: string;
  bundle?: string;
  nodeEvidence?: string;
  evidence?: boolean;
}

export function parsePorts(v: string, flag = '--vxlan-port'): number[] {
  const ports = v.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (!ports.length || ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) throw new UsageError(`${flag} takes UDP ports 1-65535, comma separated (got "${v}")`);
  return ports;
}

/** Reads every capture given (in order) into evidence. */
export function readCaptures(files: string[], ports: number[]): CaptureEvidence[] {
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('"-" (standard input) can be given once');
  return files.map((f) => readCaptureEvidence(f, { vxlanPorts: ports }));
}

export async function runPcap(files: string[], opts: PcapCommandOptions): Promise<number> {
  const failOn = parseSeverity(opts.failOn);
  const ports = parsePorts(opts.vxlanPort);
  let evidence: Evidence = emptyEvidence(['probe']);
  if (opts.bundle) {
    const { gatherEvidence } = await import('../../sources/gather.js');
    evidence = await gatherEvidence({ bundle: opts.bundle, nodeEvidence: opts.nodeEvidence });
  } else if (opts.nodeEvidence) {
    const [{ mergeNodeEvidence }, { readNodeEvidence }] = await Promise.all([import('../../sources/gather.js'), import('../../sources/node-evidence.js')]);
    mergeNodeEvidence(evidence, await readNodeEvidence(opts.nodeEvidence));
  }
  const captures = readCaptures(files, ports);
  if (opts.evidence) {
    process.stdout.write(JSON.stringify(captures.length === 1 ? captures[0] : captures, null, 2) + '\n');
    return 0;
  }
  mergeCaptures(evidence, captures);
  // Loaded only to judge: --evidence needs no rules.
  const [{ RULES }, { diagnoseAndRender }] = await Promise.all([import('../../rules/index.js'), import('../diagnose-pipeline.js')]);
  // The capture alone: only the rules that judge captures (the rest would all be "not checked").
  const rules = opts.bundle ? RULES : RULES.filter((r) => r.needs.includes('probes.pcap'));
  const style = styleFor(process.stdout);
  const { output, exitCode } = diagnoseAndRender(evidence, { format: opts.output as Format, failOn, style, rules, inputs: { bundle: opts.bundle, nodeEvidence: opts.nodeEvidence, captures: files } });
  if (opts.output === 'text') process.stdout.write(captures.map((c) => renderCaptureSummary(c, style)).join('\n') + '\n');
  process.stdout.write(output.endsWith('\n') ? output : output + '\n');
  return exitCode;
}
