import { parseDuration } from '../duration.js';
import type { Format, TextOptions } from '../../report/index.js';
import { PIPED_WIDTH } from '../../report/text.js';
import { styleFor } from '../../report/style.js';
import { diagnoseAndRender } from '../diagnose-pipeline.js';
import { gatherEvidence } from '../../sources/gather.js';
import type { Evidence } from '../../evidence/types.js';
import { namespaceOf, type KubeFlags } from '../kube-flags.js';
import { parseSeverity } from '../output.js';

/** The flags `diagnose` parses, as its run half takes them. */
export interface DiagnoseCommandOptions extends KubeFlags {
  bundle?: string;
  nodeEvidence?: string;
  pcap?: string[];
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
  const evidence = await gatherFromFlags(opts, progress).finally(() => progress?.(''));
  if (opts.pcap?.length) {
    const [{ mergeCaptures }, { readCaptures }] = await Promise.all([import('../../sources/capture.js'), import('./pcap-run.js')]);
    mergeCaptures(evidence, readCaptures(opts.pcap, [8472, 4789]));
  }
  const { output, exitCode } = diagnoseAndRender(evidence, { format: opts.output as Format, failOn, style: styleFor(process.stdout), text: textLayout(opts), inputs: { bundle: opts.bundle, nodeEvidence: opts.nodeEvidence, captures: opts.pcap } });
  process.stdout.write(output.endsWith('\n') ? output : output + '\n');
  return exitCode;
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
