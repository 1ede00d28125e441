import { parseDuration } from '../duration.js';
import type { Format, TextOptions } from '../../report/index.js';
import { PIPED_WIDTH } from '../../report/text.js';
import { styleFor } from '../../report/style.js';
import { diagnoseAndRender } from '../diagnose-pipeline.js';
import { gatherEvidence } from '../../sources/gather.js';
import type { Evidence } from '../../evidence/types.js';
import { namespaceOf, type KubeFlags } from '../kube-flags.js';
import { parseSeverity } from '../output.js';
import { UsageError } from '../../errors.js';

/** The flags `diagnose` parses, as its run half takes them. */
export interface DiagnoseCommandOptions extends KubeFlags {
  bundle?: string;
  nodeEvidence?: string;
  pcap?: string[];
  bandwidth?: string;
  bandwidthTolerance?: string;
  output: string;
  failOn: string;
  wide?: boolean;
  quiet?: boolean;
  node?: string[];
  allNodes?: boolean;
  agentNamespace?: string;
  agentTokenFile?: string;
  [hook: string]: unknown; // options other commands' owners add (e.g. --lab)
}

export { parseDuration } from '../duration.js';

export async function runDiagnose(opts: DiagnoseCommandOptions): Promise<number> {
  const failOn = parseSeverity(opts.failOn);
  const progress = process.stderr.isTTY ? progressLine() : undefined;
  // the file is read first: a bad one fails before the cluster is asked
  const addBandwidth = await bandwidthFromFlags(opts);
  const evidence = await gatherFromFlags(opts, progress).finally(() => progress?.(''));
  addBandwidth?.(evidence);
  if (opts.pcap?.length) {
    const [{ mergeCaptures }, { readCaptures }] = await Promise.all([import('../../sources/capture.js'), import('./pcap-run.js')]);
    mergeCaptures(evidence, readCaptures(opts.pcap, [8472, 4789]));
  }
  const { output, exitCode } = diagnoseAndRender(evidence, { format: opts.output as Format, failOn, style: styleFor(process.stdout), text: textLayout(opts), inputs: { bundle: opts.bundle, nodeEvidence: opts.nodeEvidence, captures: opts.pcap } });
  process.stdout.write(output.endsWith('\n') ? output : output + '\n');
  return exitCode;
}

/**
 * `--bandwidth FILE` (a saved `probe bandwidth -o json`) read and checked now, as a function that adds
 * its measurements to the evidence; `--bandwidth-tolerance` overrides the tolerance the file recorded.
 */
export async function bandwidthFromFlags(opts: { bandwidth?: string; bandwidthTolerance?: string }): Promise<((evidence: Evidence) => void) | undefined> {
  let tolerance: number | undefined;
  if (opts.bandwidthTolerance !== undefined) {
    if (!opts.bandwidth) throw new UsageError('--bandwidth-tolerance needs --bandwidth FILE');
    tolerance = Number(opts.bandwidthTolerance);
    if (!(tolerance >= 0 && tolerance < 1)) throw new UsageError(`--bandwidth-tolerance takes a share from 0 to below 1, e.g. 0.15 (got "${opts.bandwidthTolerance}")`);
  }
  if (!opts.bandwidth) return undefined;
  const { readBandwidthFile, mergeBandwidth } = await import('../../sources/bandwidth.js');
  const file = await readBandwidthFile(opts.bandwidth);
  return (evidence) => mergeBandwidth(evidence, file.results, tolerance ?? file.tolerance);
}

/** Evidence from the flags diagnose and fix share: the live cluster, a bundle, node evidence. */
export function gatherFromFlags(opts: KubeFlags & { bundle?: string; nodeEvidence?: string; node?: string[]; allNodes?: boolean; agentNamespace?: string; agentTokenFile?: string }, progress?: (line: string) => void): Promise<Evidence> {
  return gatherEvidence({
    kubeconfig: opts.kubeconfig,
    context: opts.context,
    namespace: namespaceOf(opts),
    selector: opts.selector,
    bundle: opts.bundle,
    nodeEvidence: opts.nodeEvidence,
    nodes: opts.node,
    allNodes: opts.allNodes,
    agentNamespace: opts.agentNamespace,
    agentTokenFile: opts.agentTokenFile,
    timeoutMs: parseDuration(opts.timeout),
    progress,
  });
}

/** The text report's layout: the terminal's width on a TTY, shorter fixed lines when piped. */
export function textLayout(opts: { wide?: boolean; quiet?: boolean }, stream: { isTTY?: boolean; columns?: number } = process.stdout): TextOptions {
  const width = stream.isTTY && stream.columns ? Math.max(60, stream.columns) : PIPED_WIDTH;
  return { width, wide: !!opts.wide, quiet: !!opts.quiet };
}

/** One rewritten stderr line (TTY only); '' clears it. */
function progressLine(): (line: string) => void {
  return (line) => process.stderr.write(`\r\u001b[2K${line ? `flannel-doctor: ${line}` : ''}`);
}
